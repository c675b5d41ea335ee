"""The list model applies a new list as removes, inserts and changes, so a view keeps its place."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtTest import QAbstractItemModelTester

from gui.widgets.rows_model import PayloadRole, PrefixRows, Row, RowsModel


@dataclasses.dataclass(frozen=True)
class Item:
    id: str


def rows(*ids: str, suffix: str = "") -> list[Row]:
    return [Row(f"{i}{suffix}", payload=Item(i)) for i in ids]


def record_signals(model: RowsModel) -> list[tuple]:
    seen: list[tuple] = []
    model.rowsInserted.connect(lambda _p, first, last: seen.append(("insert", first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: seen.append(("remove", first, last)))
    model.dataChanged.connect(lambda top, bottom, _roles: seen.append(("change", top.row(), bottom.row())))
    model.modelReset.connect(lambda: seen.append(("reset",)))
    return seen


def ids(model: RowsModel) -> list[str]:
    return [model.index(n).data(PayloadRole).id for n in range(model.rowCount())]


def test_rows_are_inserted_and_removed_in_order_never_reset(qtbot) -> None:
    model = RowsModel()
    _tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)  # noqa: F841  checks every signal
    model.set_rows(rows("c", "b", "a"))
    seen = record_signals(model)
    model.set_rows(rows("e", "d", "c", "b", "a"))
    assert seen == [("insert", 0, 1)]
    seen.clear()
    model.set_rows(rows("e", "c", "a"))
    assert seen == [("remove", 3, 3), ("remove", 1, 1)]
    seen.clear()
    model.set_rows(rows("f", "e", "c", "b", "a"))
    assert seen == [("insert", 0, 0), ("insert", 3, 3)]
    assert ids(model) == ["f", "e", "c", "b", "a"]


def test_a_row_whose_text_changed_is_changed_in_place(qtbot) -> None:
    model = RowsModel()
    model.set_rows(rows("b", "a"))
    seen = record_signals(model)
    model.set_rows([rows("b")[0], *rows("a", suffix=" (later)")])
    assert seen == [("change", 1, 1)]
    assert model.index(1).data() == "a (later)"


def test_the_current_row_is_kept_when_others_come_and_go(qtbot) -> None:
    model = RowsModel()
    model.set_rows(rows("c", "b", "a"))
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(model.index(1), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    model.set_rows(rows("e", "d", "c", "b"))
    assert selection.currentIndex().data(PayloadRole) == Item("b")
    assert [i.data(PayloadRole) for i in selection.selectedIndexes()] == [Item("b")]


def test_a_reordered_list_falls_back_to_a_reset(qtbot) -> None:
    model = RowsModel()
    model.set_rows(rows("a", "b"))
    seen = record_signals(model)
    model.set_rows(rows("b", "a"))
    assert seen == [("reset",)] and ids(model) == ["b", "a"]


def test_prefix_rows_follow_what_is_known_and_make_each_row_once() -> None:
    items = [Item(i) for i in "abcdef"]
    made: list[str] = []

    def make(item: Item) -> Row:
        made.append(item.id)
        return Row(item.id, payload=item)

    prefix = PrefixRows(make, keep=lambda item: item.id != "c")
    assert [r.text for r in prefix.newest_first(items, 4)] == ["d", "b", "a"]
    assert [r.text for r in prefix.newest_first(items, 6)] == ["f", "e", "d", "b", "a"]
    assert made == ["a", "b", "d", "e", "f"], "a step makes only the rows it adds"
    assert [r.text for r in prefix.newest_first(items, 2)] == ["b", "a"]
    assert [r.text for r in prefix.newest_first(items[:], 1)] == ["a"], "another sequence starts afresh"


def test_rows_added_or_removed_at_the_top_are_one_insert_or_remove(qtbot) -> None:
    model = RowsModel()
    _tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)  # noqa: F841
    old = rows("c", "b", "a")
    model.set_rows(old)
    seen = record_signals(model)
    model.set_rows(rows("e", "d") + old)
    model.set_rows(old[1:])
    assert seen == [("insert", 0, 1), ("remove", 0, 2)] and ids(model) == ["b", "a"]
