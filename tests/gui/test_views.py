"""Start page, filters, details, reveal, remembered layout and About."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from gui.app.about_dialog import AboutDialog
from gui.start.new_scenario_dialog import NewScenarioDialog
from gui.widgets.list_panel import ListPanel
from gui.widgets.rows_model import PayloadRole
from scenario import __version__
from scenario.model import Event
from tests.gui.conftest import press, row_texts, row_payloads

D = dt.date


def test_start_page_lists_packs_and_greys_out_a_broken_one_with_its_reason(make_window, packs_dir):
    (packs_dir / "broken.json").write_text('{"format": 1, "id": "x"}')
    window = make_window(pack=False)
    panel = window.start_page.packs
    texts = row_texts(panel)
    assert texts[0] == "broken.json\nCannot be opened: Object missing required field `version`"
    assert texts[1].startswith("Mini pack (synthetic)\nA small invented scenario")
    assert texts[1].endswith("1 Jan 2030 to 31 Mar 2030")
    broken = panel.model.index(0)
    assert not panel.model.flags(broken) & Qt.ItemFlag.ItemIsEnabled
    assert panel.view.currentIndex().row() == 1, "the first usable pack is preselected"


def test_a_draft_is_listed_greyed_with_its_reason_and_never_offered(make_window, packs_dir, mini_json, monkeypatch):
    """A valid pack saved as a draft: named on the start page, but no way leads to a new scenario on it."""
    (packs_dir / "mini.json").rename(packs_dir / "mini.draft.json")
    mini_json["id"], mini_json["version"] = "other", ""
    (packs_dir / "other.draft.json").write_text(__import__("json").dumps(mini_json))
    offered = []
    monkeypatch.setattr(NewScenarioDialog, "__init__", lambda self, *a, **k: offered.append(a))
    window = make_window(pack=False)
    panel = window.start_page.packs
    assert row_texts(panel) == ["mini.draft.json\nDraft: not offered to students — not yet published",
                                "other.draft.json\nDraft: not offered to students — version: Expected `str` of length >= 1"]
    for row in range(2):
        index = panel.model.index(row)
        assert not panel.model.flags(index) & Qt.ItemFlag.ItemIsEnabled
        panel.view.setCurrentIndex(index)
        panel.view.activated.emit(index)
        assert not window.start_page.open_button.isEnabled()
    window.start_page.open_button.click()
    assert offered == [] and window.pages.currentWidget() is window.start_page


def test_choosing_a_pack_starts_a_new_saved_scenario(make_window, monkeypatch):
    monkeypatch.setattr(NewScenarioDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window = make_window(pack=False)
    assert window.pages.currentWidget() is window.start_page
    assert window.start_page.scenarios.stack.currentWidget() is window.start_page.scenarios.empty
    window.start_page.open_button.click()
    assert window.pages.currentWidget() is window.workspace
    assert window.document.loaded.pack.id == "mini"
    [saved] = window.document.store.list_scenarios()
    assert (saved.name, saved.pack_id) == ("Mini pack (synthetic)", "mini")


def test_theme_and_stakeholder_filters(window):
    window.document.set_date(D(2030, 3, 1))
    args = window.workspace.arguments
    assert len(row_texts(args.columns["against"])) == 2
    args.theme.setCurrentIndex(args.theme.findData("due_process"))
    assert [a.id for a in row_payloads(args.columns["against"])] == ["a-against-2"]
    assert row_texts(args.columns["for"]) == []
    assert args.columns["for"].title.text() == "For a ban or forced sale (0)"
    args.theme.setCurrentIndex(0)
    args.stakeholder.setCurrentIndex(args.stakeholder.findData("firm"))
    assert [a.id for a in row_payloads(args.columns["against"])] == ["a-against-1"]


def test_filters_offer_only_what_the_arguments_made_so_far_name(window):
    """A stakeholder in the filter before it has argued anything would be a spoiler."""
    args, document = window.workspace.arguments, window.document
    for day in (D(2030, 1, 1), D(2030, 1, 5), D(2030, 1, 20), D(2030, 3, 1)):
        document.set_date(day)
        made = document.timeline.arguments_made(day)
        offered = lambda combo: {combo.itemData(n) for n in range(1, combo.count())}  # noqa: E731 (0 is "All")
        assert offered(args.stakeholder) == {a.stakeholder for a in made}
        assert offered(args.theme) == {a.theme for a in made}
    args.stakeholder.setCurrentIndex(args.stakeholder.findData("firm"))
    document.set_date(D(2030, 1, 1))  # back before the firm said anything: the filter lets go
    assert args.stakeholder.currentIndex() == 0 and args.stakeholder.count() == 1


def test_an_empty_filtered_list_says_the_filter_matched_nothing(window):
    window.document.set_date(D(2030, 3, 1))
    args = window.workspace.arguments
    args.theme.setCurrentIndex(args.theme.findData("due_process"))
    assert args.columns["for"].empty.text() == "No argument made so far on this side matches the filter."


def test_selecting_an_event_shows_its_text_literally_and_its_sources(window):
    window.document.set_date(D(2030, 2, 10))
    events = window.workspace.events
    events.view.setCurrentIndex(events.model.index(0))
    text = window.workspace.detail.toPlainText()
    assert "The court enjoins Order 1. <b>Not bold</b>" in text
    assert "Test Times, 10 Feb 2030: Court blocks order" in text


def test_an_argument_lists_only_rebuttals_already_made(window):
    document = window.document
    arg = document.loaded.pack.arguments[0]
    document.set_date(D(2030, 1, 5))
    document.select(arg)
    assert "Answered by" not in window.workspace.detail.toPlainText()
    document.set_date(D(2030, 1, 20))
    assert "Answered by\nA ban silences users. (AppCo, 20 Jan 2030)" in window.workspace.detail.toPlainText()


def test_later_events_are_hidden_until_the_reader_reveals_them(window):
    window.document.set_date(D(2030, 1, 20))
    events = window.workspace.events
    assert len(row_texts(events)) == 2
    window.reveal_action.setChecked(True)
    texts = row_texts(events)
    assert len(texts) == 4 and texts[0].startswith("Later: Order 2 signed\n20 Feb 2030")
    assert events.model.data(events.model.index(0), Qt.ItemDataRole.ForegroundRole) is not None
    assert isinstance(events.model.data(events.model.index(0), PayloadRole), Event)


def test_tooltips_from_pack_text_are_escaped(window):
    window.document.set_date(D(2030, 2, 10))
    model = window.workspace.events.model
    tip = model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Not bold&lt;/b&gt;" in tip


def test_window_size_splitters_and_place_are_remembered(make_window):
    first = make_window()
    first.resize(1100, 700)
    first.workspace.main.setSizes([400, 680])
    first.document.set_date(D(2030, 2, 20))
    sizes = first.workspace.main.sizes()
    first.close()
    second = make_window(pack=False)
    assert second.size() == QSize(1100, 700)
    assert second.pages.currentWidget() is second.workspace, "the last scenario reopens by itself"
    assert second.document.date == D(2030, 2, 20), "at the date it was left"
    assert second.workspace.main.sizes() == sizes


def test_about_shows_version_data_folder_and_licence(window, data_dir):
    dialog = AboutDialog(data_dir, window)
    text = dialog.text.text()
    assert __version__ in text and str(data_dir) in text and "MIT" in text


def test_dark_theme_darkens_the_palette(make_window):
    window = make_window()
    window.set_theme("dark")
    assert QApplication.palette().color(QApplication.palette().ColorRole.Window).lightness() < 128
    window.set_theme("light")
    assert QApplication.palette().color(QApplication.palette().ColorRole.Window).lightness() > 128


def test_disagreements_appear_from_their_date_with_every_position(window):
    view = window.workspace.disagreements
    window.workspace.tabs.setCurrentWidget(view)
    window.document.set_date(D(2030, 1, 19))
    assert row_texts(view) == []
    window.document.set_date(D(2030, 1, 20))
    assert row_texts(view) == ["How many users?\n2 positions · 20 Jan 2030"]
    view.view.setCurrentIndex(view.model.index(0))
    text = window.workspace.detail.toPlainText()
    assert "AppCo says 100 million." in text and "Analysts say 80 million." in text
    assert "does not choose between them" in text


def test_a_tab_is_built_when_first_shown_with_the_state_of_that_moment(window, qtbot):
    window.document.set_date(D(2030, 1, 20))
    tabs = window.workspace.tabs
    assert tabs.widget(5).findChildren(ListPanel) == [], "a tab not yet shown is not built"
    press(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    view = window.workspace.disagreements
    assert tabs.currentIndex() == 5 and view.isVisible()
    assert view.view.accessibleDescription() == "Disagreements between sources"
    assert row_texts(view) == ["How many users?\n2 positions · 20 Jan 2030"]


def test_a_hidden_tab_is_left_alone_by_steps_and_catches_up_when_shown(window):
    view = window.workspace.disagreements  # built, behind the Arguments tab
    window.document.set_date(D(2030, 1, 19))
    inserted: list[int] = []
    view.model.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    for day in (20, 21, 22):
        window.document.set_date(D(2030, 1, day))
    assert inserted == [], "steps with another tab in front cost the hidden list nothing"
    window.workspace.tabs.setCurrentWidget(view)
    assert inserted == [1] and row_texts(view) == ["How many users?\n2 positions · 20 Jan 2030"]


def test_a_chosen_row_on_a_hidden_tab_still_leaves_when_no_longer_known(window):
    view = window.workspace.disagreements
    window.workspace.tabs.setCurrentWidget(view)
    window.document.set_date(D(2030, 1, 20))
    view.view.setCurrentIndex(view.model.index(0))
    assert "How many users?" in window.workspace.detail.toPlainText()
    window.workspace.tabs.setCurrentWidget(window.workspace.arguments)
    window.document.set_date(D(2030, 1, 19))
    assert window.workspace.detail.toPlainText() == "", "the detail pane does not keep what is not yet known"


def test_a_pack_opened_from_a_file_is_kept_and_its_scenario_resumes_after_a_restart(make_window, monkeypatch, tmp_path, mini_json, data_dir):
    mini_json["id"] = "teacher-pack"
    mini_json["title"] = "A teacher's own pack"
    file = tmp_path / "from-teacher.json"
    file.write_text(__import__("json").dumps(mini_json))
    monkeypatch.setattr(NewScenarioDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(file), ""))
    first = make_window(pack=False)
    first.start_page.file_button.click()
    assert first.document.loaded.pack.id == "teacher-pack"
    assert (data_dir / "packs" / "teacher-pack.json").read_bytes() == file.read_bytes()
    first.close()
    file.unlink()  # the teacher's file is gone; the kept copy is enough
    second = make_window(pack=False)
    assert second.document.loaded.pack.title == "A teacher's own pack"
    second.show_start_page()
    assert any(t.startswith("A teacher's own pack") for t in row_texts(second.start_page.packs))


def test_a_pack_file_reusing_an_installed_id_with_other_content_is_refused(window, monkeypatch, tmp_path, mini_json):
    mini_json["title"] = "Impostor"
    file = tmp_path / "impostor.json"
    file.write_text(__import__("json").dumps(mini_json))
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(file), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()))
    window.show_start_page()
    window.start_page.file_button.click()
    assert shown and "a different pack with the id 'mini' is already there" in shown[0]
    assert window.document.loaded.pack.title == "Mini pack (synthetic)"


def test_the_shortcuts_list_comes_from_the_menus(window):
    from gui.app.shortcuts_dialog import shortcut_rows

    rows = dict(shortcut_rows(window))
    assert rows["Next event"] == "Right" and rows["Next deadline"] == "Ctrl+Right"
    assert rows["Undo"] == "Ctrl+Z" and rows["Keyboard shortcuts"] == "F1"
    assert rows["Export submission for your teacher"] == "Ctrl+Shift+E"


def test_a_date_named_only_in_remarks_is_not_listed_as_an_order(make_window):
    """The review's error 5: the Sept 15 ultimatum was oral remarks, not a legal instrument."""
    from scenario.pack import load_pack
    from scenario.resources import PACKS_DIR

    window = make_window(pack=False)
    window.document.start_scenario(load_pack(PACKS_DIR / "tiktok-2020.json"), "Remarks")
    window.document.set_date(D(2020, 8, 10))
    rows = row_texts(window.workspace.in_force)
    assert "Sept 15 ultimatum (remarks)\nAnnounced 3 Aug 2020; not a legal order" in rows
