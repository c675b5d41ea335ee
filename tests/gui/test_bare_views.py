"""Views on a bare document, with no main window: what a step keeps and what it clears."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gui.document.document import Document
from gui.widgets.rows_model import PayloadRole
from gui.workspace.detail_view import DetailView
from gui.workspace.events_view import EventsView
from scenario.pack import load_pack
from scenario.rules import Move

D = dt.date


@pytest.fixture
def document(qtbot, packs_dir: Path) -> Document:
    document = Document(None, (packs_dir, packs_dir), "no store in this test")
    document.start_scenario(load_pack(packs_dir / "mini.json"))
    return document


@pytest.fixture
def events(qtbot, document: Document) -> EventsView:
    view = EventsView(document)
    qtbot.addWidget(view)
    view.resize(400, 600)
    view.show()
    return view


def click_row(view: EventsView, row: int) -> None:
    rect = view.view.visualRect(view.model.index(row))
    QTest.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_step_keeps_the_selected_event_and_its_detail(qtbot, document: Document, events: EventsView) -> None:
    detail = DetailView(document)
    qtbot.addWidget(detail)
    document.set_date(D(2030, 2, 10))
    newest = events.model.index(0).data(PayloadRole)
    click_row(events, 0)
    assert newest.title in detail.toPlainText()
    document.set_date(D(2030, 2, 20))
    current = events.view.currentIndex()
    assert current.isValid() and current.data(PayloadRole) == newest, "the event stays selected"
    assert events.view.selectionModel().isSelected(current)
    assert newest.title in detail.toPlainText()


def test_going_back_before_the_selected_event_clears_selection_and_detail(qtbot, document: Document, events: EventsView) -> None:
    detail = DetailView(document)
    qtbot.addWidget(detail)
    document.set_date(D(2030, 2, 10))
    click_row(events, 0)
    assert detail.toPlainText()
    document.step(Move.FIRST)
    assert not events.view.currentIndex().isValid()
    assert events.view.selectionModel().selectedIndexes() == []
    assert detail.toPlainText() == ""


def test_the_list_shows_what_was_known_newest_first(document: Document, events: EventsView) -> None:
    document.set_date(D(2030, 2, 10))
    dates = [events.model.index(n).data(PayloadRole).date for n in range(events.model.rowCount())]
    assert dates == sorted(dates, reverse=True) and dates[0] <= D(2030, 2, 10)
    assert events.title.text() == f"Events so far ({len(dates)} of {len(document.loaded.pack.events)})"


def test_a_step_costs_what_changed_not_the_length_of_the_list(document: Document, events: EventsView) -> None:
    document.set_date(D(2030, 2, 9))
    before = events.model.rowCount()
    changes: list[tuple] = []
    events.model.modelReset.connect(lambda: changes.append(("reset",)))
    events.model.rowsInserted.connect(lambda _parent, first, last: changes.append(("insert", first, last)))
    events.model.rowsRemoved.connect(lambda _parent, first, last: changes.append(("remove", first, last)))
    events.model.dataChanged.connect(lambda top, bottom, _roles: changes.append(("change", top.row(), bottom.row())))
    document.set_date(D(2030, 2, 10))
    new = events.model.rowCount() - before
    assert new > 0 and changes == [("insert", 0, new - 1)], "only the newly known events are added, at the top"
    changes.clear()
    document.set_date(D(2030, 2, 9))
    assert changes == [("remove", 0, new - 1)]
