"""Issue 13, the student's hour: each defect a real walkthrough found, with the test that shows it fixed."""

from __future__ import annotations

import datetime as D_
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.app.settings import UiSettings
from tests.gui.conftest import row_texts

D = D_.date


# 1. Traceback at start with "Show later events" on

@pytest.mark.parametrize("pack", [True, False], ids=["with-pack", "start-page"])
def test_restart_with_later_events_on_raises_nothing(make_window, data_dir: Path, pack):
    settings = UiSettings(data_dir)
    settings.set("view/revealLater", True)
    settings.sync()
    window = make_window(pack=pack)  # pytest-qt fails the test on an exception raised in a slot
    assert window.reveal_action.isChecked()
    if pack:
        assert window.document.later_events_shown
        assert any(t.startswith("Later: ") for t in row_texts(window.workspace.events))
    else:
        assert not window.document.later_events_shown, "nothing is open, so nothing later is shown"


def test_resuming_the_last_scenario_with_later_events_on(make_window, data_dir: Path):
    make_window().close()
    settings = UiSettings(data_dir)
    settings.set("view/revealLater", True)
    settings.sync()
    window = make_window(pack=False)  # reopens the last scenario by itself
    assert any(t.startswith("Later: ") for t in row_texts(window.workspace.events))


# 2. The mouse wheel changes assumptions

def wheel(widget, steps: int = -1) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_past_unfocused_sliders_and_spin_boxes(window, qtbot):
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QScrollArea, QSlider

    view = window.workspace.assumptions
    window.workspace.tabs.setCurrentWidget(view)
    window.resize(1280, 500)  # short enough that the assumptions scroll
    qtbot.wait(10)
    row = next(iter(view.rows.values()))
    scroll = next(w for w in view.findChildren(QScrollArea) if w.widget() is view.body)
    before = (row.slider.value(), row.value.value(), len(window.document.record.snapshots), window.editor.undo_stack.count())
    bar = scroll.verticalScrollBar()
    for widget in (row.slider, row.value, row.low):
        assert not widget.hasFocus()
        wheel(widget)
    assert (row.slider.value(), row.value.value(), len(window.document.record.snapshots), window.editor.undo_stack.count()) == before
    if bar.maximum() > 0:
        assert bar.value() > 0, "the page scrolled instead"
    for widget in window.findChildren(QSlider) + window.findChildren(QAbstractSpinBox) + window.findChildren(QComboBox):
        assert widget.focusPolicy() != Qt.FocusPolicy.WheelFocus, widget.accessibleName()


def test_a_focused_slider_still_takes_the_wheel(window, qtbot):
    view = window.workspace.assumptions
    window.workspace.tabs.setCurrentWidget(view)
    row = next(iter(view.rows.values()))
    row.value.setFocus()
    qtbot.waitUntil(row.value.hasFocus)
    before = row.value.value()
    wheel(row.value, 1)
    assert row.value.value() != before


# 3. Forecasts lock without warning

@pytest.fixture
def classroom(window):
    document = window.document
    document.start_scenario(document.loaded, "Class exercise", mode="classroom")
    return window


def answer_boxes(monkeypatch, button_text: str, keep_asking: bool = True) -> list[str]:
    """Answer every message box with the button labelled `button_text`; returns what was asked."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        if box.checkBox() is not None:
            box.checkBox().setChecked(not keep_asking)
        next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_a_step_that_would_lock_an_open_question_asks_first(classroom, monkeypatch):
    from scenario.rules import Move

    window, document = classroom, classroom.document
    document.set_date(D(2030, 2, 5))  # q-sold open since 5 Jan, resolves 11 Feb: the next deadline
    target = document.target(Move.NEXT_DEADLINE)
    assert target >= D(2030, 2, 11)
    asked = answer_boxes(monkeypatch, "Forecast now")
    document.step(Move.NEXT_DEADLINE)
    assert asked == [f"1 open question resolves by {target.day} {target:%b} {target.year}. Forecast now, or go on?"]
    assert document.date == D(2030, 2, 5), "nothing locked"
    assert window.workspace.tabs.currentWidget() is window.workspace.forecasts
    asked = answer_boxes(monkeypatch, "Go on")
    document.step(Move.NEXT_DEADLINE)
    assert len(asked) == 1 and document.date == target
    assert document.forecast_locked(document.loaded.pack.questions[0])


def test_a_forecast_question_does_not_ask_and_the_question_can_be_turned_off(classroom, monkeypatch, make_window):
    from scenario.record import Forecast
    from scenario.rules import Move

    window, document = classroom, classroom.document
    assert window.ask_lock_action.isChecked(), "on by default in Classroom"
    document.set_date(D(2030, 2, 5))
    asked = answer_boxes(monkeypatch, "Go on", keep_asking=False)
    document.step(Move.NEXT_DEADLINE)
    assert len(asked) == 1 and not window.ask_lock_action.isChecked()
    document.set_date(D(2030, 2, 5))
    document.step(Move.NEXT_DEADLINE)
    assert len(asked) == 1, "turned off: not asked again"
    window.ask_lock_action.setChecked(True)
    window.close()
    again = make_window(pack=False)
    assert again.ask_lock_action.isChecked(), "the choice is remembered"
    doc = again.document
    doc.start_scenario(doc.loaded, "Second try", mode="classroom")
    doc.set_date(D(2030, 1, 6))
    again.editor.edit_forecast(doc.loaded.pack.questions[0], Forecast(probability=0.4, made_on=D(2030, 1, 6)))
    asked = answer_boxes(monkeypatch, "Cancel")
    doc.set_date(D(2030, 2, 5))
    doc.step(Move.NEXT_DEADLINE)
    assert asked == [] and doc.date == D(2030, 2, 11), "a forecast question locks with its forecast kept: nothing to ask"


def test_explore_does_not_ask_by_default_and_the_dialog_says_forecasts_lock_there_too(window, monkeypatch):
    from gui.start.new_scenario_dialog import NewScenarioDialog
    from scenario.rules import Move

    document = window.document
    asked = answer_boxes(monkeypatch, "Cancel")
    document.set_date(D(2030, 2, 5))
    document.step(Move.LAST)
    assert asked == [] and document.date == D(2030, 3, 31)
    dialog = NewScenarioDialog(document.loaded.pack, "x", window)
    explore = next(b for b in dialog.modes.buttons() if b.property("mode") == "explore")
    assert "lock" in explore.accessibleDescription()


def test_the_forecasts_tab_counts_open_questions_and_the_status_bar_says_when_one_opens(classroom):
    from scenario.record import Forecast

    window, document = classroom, classroom.document
    tabs = window.workspace.tabs
    index = tabs.indexOf(window.workspace.forecasts)
    document.set_date(D(2030, 1, 4))
    assert tabs.tabText(index) == "Fo&recasts"
    document.set_date(D(2030, 1, 5))
    assert tabs.tabText(index) == "Fo&recasts (1)"
    assert window.statusBar().currentMessage() == "A forecast question opened: Will AppCo be sold by 11 Feb? See the Forecasts tab (Ctrl+4)."
    window.editor.edit_forecast(document.loaded.pack.questions[0], Forecast(probability=0.4, made_on=D(2030, 1, 5)))
    assert tabs.tabText(index) == "Fo&recasts"


# 4. Argument rows draw over each other; needless horizontal scrollbars

@pytest.mark.parametrize("width", [260, 420, 900])
def test_wrapped_rows_get_the_height_their_text_is_drawn_in(qtbot, width):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont, QFontMetrics

    from gui.widgets.list_panel import ListPanel
    from gui.widgets.row_delegate import PAD_X, PAD_Y, WRAP
    from gui.widgets.rows_model import Row

    panel = ListPanel("Arguments", "none", "Arguments")
    qtbot.addWidget(panel)
    words = "A ban or forced sale would protect user data from a foreign government's reach, say its supporters"
    rows = [Row(f"{words[: 30 + 7 * n]} #{n}\n— Speaker {n}, 1 Aug 2020 · National security · {words[: 20 + 9 * n]}", "", n)
            for n in range(12)]
    panel.set_rows(rows)
    panel.resize(width, 400)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(250)  # a relayout after a resize waits 100 ms, then goes in batches
    view = panel.view
    bold = QFont(view.font())
    bold.setBold(True)
    normal = QFont(view.font())
    normal.setBold(False)
    previous_bottom = None
    for n, row in enumerate(rows):
        rect = view.visualRect(panel.model.index(n))
        head, _, rest = row.text.partition("\n")
        box = QRect(0, 0, rect.width() - 2 * PAD_X, 100_000)
        needed = QFontMetrics(bold).boundingRect(box, WRAP, head).height() + QFontMetrics(normal).boundingRect(box, WRAP, rest).height()
        assert needed <= rect.height() - 2 * PAD_Y, f"row {n} at {width}px draws past its bottom"
        assert rect.height() - 2 * PAD_Y - needed <= 4, f"row {n} at {width}px has a gap"
        if previous_bottom is not None:
            assert rect.top() > previous_bottom, f"rows overlap: {[view.visualRect(panel.model.index(k)).getRect() for k in range(n + 1)]}"
        previous_bottom = rect.bottom()
    assert not view.horizontalScrollBar().isVisible()


# 5. The first window fits the screen, frame included

@pytest.mark.parametrize("available, expected", [
    ((0, 0, 1280, 800), (4, 32, 1272, 764)),
    ((0, 24, 1920, 1056), (320, 24 + 32 + (1056 - 836) // 2, 1280, 800)),
])
def test_first_window_geometry_is_inside_the_available_area(available, expected):
    from PySide6.QtCore import QMargins, QRect

    from gui.app.window_size import fitted

    got = fitted(QRect(*available), QMargins(4, 32, 4, 4))
    assert got.getRect() == expected
    outer = got.adjusted(-4, -32, 4, 4)
    assert QRect(*available).contains(outer)


def test_a_first_start_is_sized_from_the_screen(make_window):
    window = make_window()
    available = window.screen().availableGeometry()
    assert window.first_start
    assert window.width() <= available.width() and window.height() + 32 <= available.height()


# 6. The new-scenario dialog clips the mode descriptions and the role brief

@pytest.mark.parametrize("pack_id", ["tiktok-2020", "tiktok-2024"])
def test_new_scenario_dialog_shows_every_line_of_its_text(qtbot, pack_id):
    from PySide6.QtWidgets import QLabel

    from gui.start.new_scenario_dialog import NewScenarioDialog
    from scenario.pack import load_pack
    from scenario.resources import PACKS_DIR

    pack = load_pack(PACKS_DIR / f"{pack_id}.json").pack
    dialog = NewScenarioDialog(pack, pack.title)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for index in range(dialog.role.count()):
        dialog.role.setCurrentIndex(index)
        qtbot.wait(20)
        for label in dialog.findChildren(QLabel):
            if label.isVisible() and label.wordWrap():
                needed = label.heightForWidth(label.width())
                assert label.height() >= needed, f"{dialog.role.currentText()}: {label.text()[:40]}… cut ({label.height()} < {needed})"
                assert dialog.rect().contains(label.geometry().translated(label.parentWidget().mapTo(dialog, label.geometry().topLeft()) - label.geometry().topLeft()))


# 8. "How your view moved"

def test_history_says_when_it_is_empty_and_undo_leaves_no_row(window):
    view = window.workspace.assumptions
    window.workspace.tabs.setCurrentWidget(view)
    document = window.document
    assert view.history_empty.isVisible() and not view.history.isVisible()
    document.set_date(D(2030, 1, 20))
    row = next(iter(view.rows.values()))
    row.value.setValue(row.value.value() + 5)
    assert view.history.rowCount() == 1 and view.history.isVisible() and not view.history_empty.isVisible()
    window.editor.undo_stack.undo()
    assert view.history.rowCount() == 0 and view.history_empty.isVisible()
    assert document.record.snapshots == []
    assert document.store.load(document.scenario_id).snapshots == [], "the store agrees"
    window.editor.undo_stack.redo()
    assert view.history.rowCount() == 1
    assert len(document.store.load(document.scenario_id).snapshots) == 1


def test_history_headers_are_not_cut(window, qtbot):
    view = window.workspace.assumptions
    window.workspace.tabs.setCurrentWidget(view)
    window.document.set_date(D(2030, 1, 20))
    row = next(iter(view.rows.values()))
    row.value.setValue(row.value.value() + 5)
    qtbot.wait(10)
    header = view.history.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(view.history.columnCount()):
        text = view.history.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text), text


# 9. The tornado follows Explain

def test_the_tornado_shows_the_outcome_explain_has_selected(window, qtbot):
    from gui.charts.charts_view import TORNADO

    outcomes = window.workspace.assumptions.outcomes
    window.workspace.tabs.setCurrentWidget(window.workspace.assumptions)
    qtbot.waitUntil(lambda: outcomes.outcomes.result is not None)
    assert outcomes.choice.count() >= 2
    outcomes.choice.setCurrentIndex(1)
    chosen = outcomes.choice.currentText()
    charts = window.workspace.charts
    charts.choice.setCurrentIndex(TORNADO)
    window.workspace.tabs.setCurrentWidget(charts)
    qtbot.waitUntil(lambda: charts.panel.result is not None and chosen in charts.panel.table().title)
    outcomes.choice.setCurrentIndex(0)
    first = outcomes.choice.currentText()
    qtbot.waitUntil(lambda: first in charts.panel.table().title)


# 11. Wording

def test_tab_names_keep_their_ampersand_and_f1_says_undo(window):
    from gui.app.shortcuts_dialog import shortcut_rows

    window.document.set_date(D(2030, 1, 20))
    row = next(iter(window.workspace.assumptions.rows.values()))
    row.value.setValue(row.value.value() + 5)  # the undo action's text now names this edit
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert "Role && prompts" in [a.text() for a in view_menu.actions()]  # shown as "Role & prompts"
    rows = dict(shortcut_rows(window))
    assert "Role & prompts" in rows and "Undo" in rows and "Redo" in rows
    assert not any(name.startswith("Undo ") for name in rows)


def test_saved_scenarios_show_pack_and_role_titles_not_ids(window):
    from gui.start.scenario_list import CardRole

    document = window.document
    document.start_scenario(document.loaded, "With a role", role="r-exec")
    role_title = next(r.title for r in document.loaded.pack.roles if r.id == "r-exec")
    model = window.scenario_list
    model.refresh()
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells[1] == "Mini pack (synthetic)" and cells[2] == role_title
    card = model.index(0, 0).data(CardRole)
    assert f"role: {role_title}" in card and "r-exec" not in card


def test_forecast_summary_counts_open_and_resolved_questions(window):
    view = window.workspace.forecasts
    window.workspace.tabs.setCurrentWidget(view)
    window.document.set_date(D(2030, 1, 20))
    assert view.summary.text().startswith("1 question open so far.")
    window.document.set_date(D(2030, 3, 1))
    assert view.summary.text().startswith("1 question resolved so far.")
    assert "open" not in view.summary.text().split(".")[0]


def test_a_filter_that_hides_every_argument_says_so(window):
    view = window.workspace.arguments
    window.workspace.tabs.setCurrentWidget(view)
    window.document.set_date(D(2030, 1, 20))
    view.theme.setCurrentIndex(view.theme.findData("security_data"))
    against = view.columns["against"]
    assert against.model.rowCount() == 0
    assert against.empty.text() == "No argument made so far on this side matches the filter."
    window.document.set_date(D(2030, 1, 6))  # nothing said against yet, filter or not
    assert view.columns["against"].empty.text() == "No argument on this side has been made yet on this date."


def test_suggested_file_names_read_as_the_name():
    from gui.widgets.plain import file_stem

    assert file_stem("TikTok 2020: the executive orders") == "TikTok 2020 - the executive orders"
    assert file_stem("Alex <b>B</b>") == "Alex b B b"
    assert file_stem("///") == "scenario"


# 12. Interaction

def test_a_focused_slider_takes_left_and_right_instead_of_the_date(window, qtbot):
    from PySide6.QtTest import QTest

    view = window.workspace.assumptions
    window.workspace.tabs.setCurrentWidget(view)
    window.document.set_date(D(2030, 1, 20))
    row = next(iter(view.rows.values()))
    row.slider.setFocus()
    qtbot.waitUntil(row.slider.hasFocus)
    before = row.slider.value()
    QTest.keyClick(row.slider, Qt.Key.Key_Right)
    assert window.document.date == D(2030, 1, 20), "the date stays"
    assert row.slider.value() > before, "the slider moved"
    QTest.keyClick(row.slider, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert window.document.date == D(2030, 1, 21), "Shift+Right still steps a day"


def test_export_items_need_an_open_scenario(make_window):
    window = make_window(pack=False)  # first start: the start page, nothing open
    assert window.document.record is None
    assert [a.isEnabled() for a in window.export_actions] == [False, False, False]
    document = window.document
    document.start_scenario(document.find_pack("mini"), "Now open")
    assert all(a.isEnabled() for a in window.export_actions)


def test_save_image_says_where_it_saved_and_the_next_dialog_opens_there(window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "charts"
    folder.mkdir()
    offered: list[str] = []

    def pick(parent, title, start, filters):
        offered.append(start)
        return str(folder / "balance.png"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", pick)
    charts = window.workspace.charts
    window.workspace.tabs.setCurrentWidget(charts)
    qtbot.waitUntil(lambda: charts.panel.result is not None)
    charts.panel.save_image()
    assert (folder / "balance.png").stat().st_size > 1000
    assert charts.panel.saved_note.text() == "Saved as balance.png"
    charts.panel.save_image()
    assert Path(offered[1]).parent == folder, "the second dialog opens where the first saved"
    window.close()
    from gui.app.settings import UiSettings

    assert UiSettings(window.data_dir).get("files/lastFolder") == str(folder), "and the next run too"


# 10. The student PDF

def test_the_student_report_names_the_student_the_date_the_mode_and_what_the_assumptions_imply(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    import gui.report.student
    from gui.actions import classroom_actions

    pages: list[str] = []
    real = gui.report.student.write_pdf
    monkeypatch.setattr(gui.report.student, "write_pdf", lambda html, *rest: (pages.append(html), real(html, *rest)))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Sam Student", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "r.pdf"), ""))
    document = window.document
    document.set_date(D(2030, 1, 20))
    pack = document.loaded.pack
    first, *rest = pack.assumptions
    row = window.workspace.assumptions.rows[first.id]
    row.value.setValue(row.value.value() + 5)
    classroom_actions.export_report(window)
    [html] = pages
    assert "Sam Student" in html
    assert "Scenario date" in html and "Sun 20 Jan 2030" in html and "Explore" in html
    assert "What these assumptions imply" in html and pack.outcome_model.outcomes[0].label in html
    assert rest and all(a.label in html for a in rest), "assumptions left at their defaults are listed too"
    assert "left at the pack&#x27;s default" in html or "left at the pack's default" in html


def contrast(a, b) -> float:
    def luminance(c) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_check_boxes_stand_out_in_dark_mode(window):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    window.set_theme("dark")
    row = next(iter(window.workspace.assumptions.rows.values()))
    palette = row.ranged.palette()
    box, around = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Window)
    assert contrast(box, around) >= 3.0, "the Range box is visible (WCAG 1.4.11, 3:1)"
    assert contrast(palette.color(QPalette.ColorRole.Text), box) >= 4.5, "and so is its check mark"
    window.set_theme("light")
    assert QApplication.palette("QCheckBox").color(QPalette.ColorRole.Base) == QApplication.palette().color(QPalette.ColorRole.Base)


def test_save_image_adds_the_chosen_type_to_a_bare_name(window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x"), "SVG image (*.svg)"))
    charts = window.workspace.charts
    window.workspace.tabs.setCurrentWidget(charts)
    qtbot.waitUntil(lambda: charts.panel.result is not None)
    charts.panel.save_image()
    assert (tmp_path / "x.svg").exists() and charts.panel.saved_note.text() == "Saved as x.svg"
