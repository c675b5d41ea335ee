"""Issue 15's "done when", as a teacher would do it: a small pack on another divestiture case,
built from the blank template through the editor's forms and buttons alone (no JSON), with ten
sourced events, six arguments, two roles, a question and an outcome model; saved, previewed as
a student, and opened in the main window. The case is fictional (an app called Zap, in 2031),
so no fact here needs a source outside this test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QInputDialog, QPushButton

from gui.app.application import pack_editor_window
from gui.pack_editor import file_commands
from gui.pack_editor.controls import (
    BoolControl, ChoiceControl, DateControl, LineControl, LinesControl, LongTextControl, NumberControl, RefsControl,
)
from gui.pack_editor.record_form import RecordForm
from gui.pack_editor.window import PackEditorWindow
from scenario.authoring.fields import SECTIONS
from scenario.pack import load_pack
from store.paths import user_packs_dir
from tests.gui.conftest import row_texts

D = dt.date


def fill(form: RecordForm, values: dict[str, Any]) -> None:
    """Type, pick and tick each value into its control, as an author would."""
    for name, value in values.items():
        control = form.controls[name]
        if isinstance(control, LinesControl):
            control.edit.setPlainText("\n".join(value))
        elif isinstance(control, LongTextControl):
            control.edit.setPlainText(value)
        elif isinstance(control, LineControl):
            control.edit.selectAll()
            QTest.keyClicks(control.edit, value)
        elif isinstance(control, DateControl):
            control.edit.setDate(QDate(value.year, value.month, value.day))
        elif isinstance(control, ChoiceControl):
            index = control.combo.findData(value)
            assert index >= 0, (name, value, [control.combo.itemData(n) for n in range(control.combo.count())])
            control.combo.setCurrentIndex(index)
            control.combo.activated.emit(index)
        elif isinstance(control, RefsControl):
            for ref in value:
                item = next(control.list.item(n) for n in range(control.list.count())
                            if control.list.item(n).data(Qt.ItemDataRole.UserRole) == ref)
                item.setCheckState(Qt.CheckState.Checked)
        elif isinstance(control, NumberControl):
            control.box.setValue(value)
        elif isinstance(control, BoolControl):
            control.box.setChecked(value)
        else:
            raise AssertionError(f"no way to fill {name} ({type(control).__name__})")


def go(window: PackEditorWindow, label: str) -> None:
    window.sections.setCurrentRow(next(n for n, s in enumerate(SECTIONS) if s.label == label))


def add_row(window: PackEditorWindow, label: str, values: dict[str, Any], id_from_title: bool = False) -> None:
    """Edit > Add row in the section, then fill its form; the id is offered from the title, or typed."""
    go(window, label)
    next(a for a in window.findChildren(QAction) if a.text() == "&Add row").trigger()
    assert window.form is not None
    fill(window.form, values)
    if id_from_title:
        window.form.offer_id()


def click(window: PackEditorWindow, text: str) -> None:
    next(b for b in window.findChildren(QPushButton) if b.text() == text and b.isVisible()).click()


SOURCES = [  # id, publisher, title, date
    ("s-wire-1", "Example Wire", "Regulator opens a review of Zap's owner", D(2031, 1, 10)),
    ("s-wire-2", "Example Wire", "Zap says user data stays in-country", D(2031, 1, 20)),
    ("s-gazette", "Official Gazette (example)", "Order requiring Zap's owner to sell", D(2031, 2, 14)),
    ("s-daily", "Example Daily", "Zap's owner sues over the sale order", D(2031, 3, 3)),
    ("s-court", "Example District Court", "Ruling on Zap's motion", D(2031, 4, 21)),
    ("s-biz", "Example Business News", "Bidders line up for Zap", D(2031, 5, 2)),
    ("s-wire-3", "Example Wire", "Home government says it will block a sale of Zap's code", D(2031, 5, 30)),
    ("s-gazette-2", "Official Gazette (example)", "Deadline for the sale extended", D(2031, 7, 1)),
    ("s-daily-2", "Example Daily", "Zap agrees a sale to a local buyer", D(2031, 8, 18)),
    ("s-gazette-3", "Official Gazette (example)", "Regulator approves Zap's sale", D(2031, 9, 15)),
]
EVENTS = [  # date, title, kind, source
    (D(2031, 1, 10), "Regulator opens a review of Zap's owner", "regulator", "s-wire-1"),
    (D(2031, 1, 20), "Zap says user data stays in-country", "company", "s-wire-2"),
    (D(2031, 2, 14), "Order: sell Zap within 120 days", "executive_order", "s-gazette"),
    (D(2031, 3, 3), "Zap's owner sues over the order", "court", "s-daily"),
    (D(2031, 4, 21), "Court declines to block the order", "court", "s-court"),
    (D(2031, 5, 2), "Bidders line up for Zap", "market", "s-biz"),
    (D(2031, 5, 30), "Home government vows to block a sale of the code", "foreign_government", "s-wire-3"),
    (D(2031, 7, 1), "Deadline extended by 60 days", "regulator", "s-gazette-2"),
    (D(2031, 8, 18), "Zap agrees a sale to a local buyer", "company", "s-daily-2"),
    (D(2031, 9, 15), "Regulator approves the sale", "regulator", "s-gazette-3"),
]
ARGUMENTS = [  # side, theme, stakeholder, date, claim, source
    ("for", "security_data", "regulator", D(2031, 1, 10), "Foreign control of Zap puts users' data within a rival state's reach.", "s-wire-1"),
    ("against", "security_data", "zap", D(2031, 1, 20), "Zap's data never leaves the country, so ownership changes nothing.", "s-wire-2"),
    ("for", "rule_of_law", "regulator", D(2031, 2, 14), "The law lets the regulator order a sale when a risk cannot be mitigated.", "s-gazette"),
    ("against", "due_process", "zap", D(2031, 3, 3), "The order was made without showing Zap the evidence against it.", "s-daily"),
    ("for", "economy", "regulator", D(2031, 5, 2), "Several local bidders show a sale can keep the app running.", "s-biz"),
    ("against", "trade", "zap", D(2031, 5, 30), "A forced sale invites retaliation against local firms abroad.", "s-wire-3"),
]


@pytest.fixture
def editor(qtbot, data_dir: Path, packs_dir: Path) -> PackEditorWindow:
    window = pack_editor_window(data_dir, None, packs_dir=packs_dir)  # File > New pack: the blank template
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window, before_close_func=lambda w: w.setWindowModified(False))
    window.resize(1280, 800)
    window.show()
    return window


def test_a_teacher_builds_saves_previews_and_opens_a_pack_without_touching_json(editor, monkeypatch, make_window, data_dir):
    window = editor
    go(window, "Pack")
    fill(window.form, {"title": "Zap: a forced sale (fictional, 2031)", "version": "1.0",
                       "summary": "A fictional app's owner is ordered to sell it within 120 days.",
                       "description": "A fictional case for practice: a regulator orders the foreign owner of the Zap app to sell it.",
                       "start": D(2031, 1, 1), "end": D(2031, 12, 31)})
    window.form.offer_id()

    go(window, "Sources")  # the template's one source becomes the first; the rest are added
    first_id, *_ = SOURCES[0]
    fill(window.form, {"id": first_id, "publisher": SOURCES[0][1], "title": SOURCES[0][2], "date": SOURCES[0][3],
                       "url": "https://example.org/zap/1"})
    for n, (source_id, publisher, title, day) in enumerate(SOURCES[1:], start=2):
        add_row(window, "Sources", {"id": source_id, "publisher": publisher, "title": title, "date": day, "url": f"https://example.org/zap/{n}"})

    go(window, "Stakeholders")
    fill(window.form, {"id": "regulator", "name": "The regulator", "kind": "government"})
    add_row(window, "Stakeholders", {"id": "zap", "name": "Zap and its owner", "kind": "company"})

    go(window, "Events")
    date, title, kind, source = EVENTS[0]
    fill(window.form, {"date": date, "title": title, "detail": f"{title} (fictional).", "kind": kind})
    window.form.offer_id()
    cited = window.form.controls["sources"]
    old = [ref for ref in window.document.get(("events", 0, "sources")) if ref != source]
    fill(window.form, {"sources": [source]})  # the template cited its own source, since renamed: cite this event's instead
    for ref in old:
        next(cited.list.item(n) for n in range(cited.list.count())
             if cited.list.item(n).data(Qt.ItemDataRole.UserRole) == ref).setCheckState(Qt.CheckState.Unchecked)
    for date, title, kind, source in EVENTS[1:]:
        add_row(window, "Events", {"date": date, "title": title, "detail": f"{title} (fictional).", "kind": kind, "sources": [source]},
                id_from_title=True)

    for n, (side, theme, stakeholder, day, claim, source) in enumerate(ARGUMENTS, start=1):
        add_row(window, "Arguments", {"id": f"a-{n}", "side": side, "theme": theme, "stakeholder": stakeholder,
                                      "speaker": "The regulator" if stakeholder == "regulator" else "Zap",
                                      "date": day, "claim": claim, "detail": claim, "sources": [source]})

    add_row(window, "Roles", {"id": "r-regulator", "title": "Regulator's counsel", "stakeholder": "regulator",
                              "brief": "It is January 2031. You advise the regulator on Zap.", "objectives": ["Protect users' data", "Keep the order lawful"]})
    add_row(window, "Roles", {"id": "r-zap", "title": "Zap's general counsel", "stakeholder": "zap",
                              "brief": "It is January 2031. You advise Zap's owner.", "objectives": ["Keep the app running"]})

    for assumption, label in (("p-sale", "Chance a sale is agreed in time"), ("p-court", "Chance a court blocks the order")):
        add_row(window, "Assumptions", {"id": assumption, "label": label, "kind": "probability", "unit": "", "min": 0, "max": 1,
                                        "default": 0.5, "help": "Your own estimate, from what is known on the date."})

    add_row(window, "Questions", {"id": "q-sale", "question": "Will Zap's owner agree a sale by 1 September 2031?", "opens": D(2031, 2, 14),
                                  "resolves": D(2031, 9, 1), "answer": True, "resolution": "A sale to a local buyer was agreed on 18 Aug 2031.",
                                  "sources": ["s-daily-2"]})

    go(window, "Outcome model")  # two nodes and three outcomes, with the buttons beside the tree
    click(window, "Add outcome")
    fill(window.form, {"id": "o-sold", "label": "Sold in time", "description": "A sale closes before the deadline."})
    click(window, "Add outcome")
    fill(window.form, {"id": "o-blocked", "label": "Blocked in court", "description": "A court blocks the order."})
    click(window, "Add outcome")
    fill(window.form, {"id": "o-stalemate", "label": "Stalemate", "description": "Neither a sale nor a ruling by the deadline."})
    click(window, "Add node")
    fill(window.form, {"id": "n-sale", "question": "Is a sale agreed in time?", "probability": "p-sale", "yes": "o-sold"})
    click(window, "Add node")
    fill(window.form, {"id": "n-court", "question": "Does a court block the order?", "probability": "p-court", "yes": "o-blocked",
                       "no": "o-stalemate"})
    window.go_to(("outcome_model", "nodes", 0))  # back to the first node: its "no" goes to the court
    fill(window.form, {"no": "n-court"})
    window.go_to(("outcome_model",))  # the model's own fields
    fill(window.form, {"root": "n-sale"})

    window.document.check_now()
    assert [str(f) for f in window.document.findings if f.severity == "error"] == []
    assert "no problems" in window.windowTitle()

    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (kwargs.get("text", args[-1] if len(args) > 3 else ""), True))
    assert file_commands.save(window)
    saved = user_packs_dir(data_dir) / "zap-a-forced-sale-fictional-2031.json"
    loaded = load_pack(saved)  # the app's own loader: no problem the editor did not point to
    pack = loaded.pack
    assert (len(pack.events), len(pack.sources), len(pack.arguments), len(pack.roles), len(pack.questions)) == (10, 10, 6, 2, 1)
    assert {o.id for o in pack.outcome_model.outcomes} == {"o-sold", "o-blocked", "o-stalemate"}
    assert not window.isWindowModified()

    previews = []

    def choose(dialog) -> QDialog.DialogCode:
        dialog.date_edit.setDate(QDate(2031, 5, 2))
        dialog.role_box.setCurrentIndex(dialog.role_box.findData("r-zap"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(file_commands.PreviewDialog, "exec", choose)
    real_preview = window.preview
    window.preview = lambda *args: previews.append(real_preview(*args)) or previews[-1]
    file_commands.preview(window)
    student = previews[0]
    assert student.document.record.mode == "classroom" and student.document.record.role == "r-zap"
    assert student.document.date == D(2031, 5, 2)
    assert len(row_texts(student.workspace.events)) == 6  # what was known on 2 May, nothing later
    student.close()  # it deletes itself, with the temporary folder it was given

    main = make_window(pack=False)
    titles = row_texts(main.start_page.packs)
    assert any(t.startswith("Zap: a forced sale (fictional, 2031)") for t in titles), titles
    main.document.start_scenario(loaded, "Practice")
    main.document.set_date(D(2031, 12, 31))
    assert len(row_texts(main.workspace.events)) == 10
