"""The document and the editor alone, with no window: edits, undo, change kinds, what views ask."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gui.document.changes import Change
from gui.document.document import Document
from gui.document.editor import Editor
from scenario.pack import load_pack
from scenario.record import ArgumentWeight, AssumptionValue, Forecast
from store.connection import open_store

D = dt.date


@pytest.fixture
def editor(qtbot, data_dir: Path, packs_dir: Path):
    store = open_store(data_dir)
    document = Document(store, (packs_dir, data_dir / "packs"))
    document.start_scenario(load_pack(packs_dir / "mini.json"), "First")
    yield Editor(document, document)
    document.shutdown()


def test_an_edit_is_one_undo_step_saved_at_once_and_told_with_its_kind(editor: Editor) -> None:
    document = editor.document
    told: list[tuple[object, Change]] = []
    document.recordChanged.connect(lambda record, kind: told.append((record, kind)))
    editor.edit_assumption("users", AssumptionValue(value=200), "Users")
    assert [kind for _, kind in told] == [Change.ASSUMPTION]
    assert document.store.load(document.scenario_id).assumptions["users"].value == 200
    assert editor.undo_stack.undoText() == "Change “Users”"
    editor.undo_stack.undo()
    assert "users" not in document.record.assumptions
    assert "users" not in document.store.load(document.scenario_id).assumptions


def test_a_slider_drag_merges_into_one_step_but_two_weights_do_not(editor: Editor) -> None:
    for value in (110, 120, 130):
        editor.edit_assumption("users", AssumptionValue(value=value), "Users")
    editor.edit_weight("a-for-1", ArgumentWeight(weight=4), "x")
    editor.edit_weight("a-against-1", ArgumentWeight(weight=2), "y")
    assert editor.undo_stack.count() == 3
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert editor.document.record.assumptions == {} and editor.document.record.weights == {}


def test_an_unchanged_value_pushes_nothing(editor: Editor) -> None:
    editor.edit_answer("p-1", "")
    editor.set_role(None)
    assert editor.undo_stack.count() == 0


def test_a_locked_forecast_cannot_be_edited(editor: Editor) -> None:
    document = editor.document
    question = document.loaded.pack.questions[0]
    document.set_date(question.resolves)
    document.set_date(document.timeline.start)  # stepping back does not unlock it
    editor.edit_forecast(question, Forecast(probability=0.4, made_on=document.date))
    assert editor.undo_stack.count() == 0 and document.record.forecasts == {}


def test_undo_of_an_edit_on_another_scenario_reopens_it(editor: Editor) -> None:
    document = editor.document
    first = document.scenario_id
    editor.edit_assumption("users", AssumptionValue(value=250), "Users")
    document.start_scenario(document.loaded, "Second")
    editor.undo_stack.undo()
    assert document.scenario_id == first and "users" not in document.record.assumptions


def test_renaming_deleting_and_duplicating_are_undoable(editor: Editor) -> None:
    document = editor.document
    first = document.scenario_id
    document.start_scenario(document.loaded, "Second")
    editor.rename_scenario(first, "First", "Renamed")
    assert sorted(s.name for s in document.saved_scenarios()) == ["Renamed", "Second"]
    editor.delete_scenario(first, "Renamed")
    assert [s.name for s in document.saved_scenarios()] == ["Second"]
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert sorted(s.name for s in document.saved_scenarios()) == ["First", "Second"]
    editor.duplicate_scenario(first, document.free_name("First"))
    assert sorted(s.name for s in document.saved_scenarios()) == ["First", "First (2)", "Second"]
    editor.undo_stack.undo()
    assert sorted(s.name for s in document.saved_scenarios()) == ["First", "Second"]


def test_the_document_answers_what_views_ask_about_saved_scenarios(editor: Editor) -> None:
    document = editor.document
    assert document.name_taken("First") and not document.name_taken("Other")
    assert document.free_name("First") == "First (2)"
    assert document.other_scenarios_on_pack(7) == []
    document.start_scenario(document.loaded, "Second")
    assert [r.name for r in document.other_scenarios_on_pack(7)] == ["First"]


def test_replacing_the_store_clears_the_undo_history(editor: Editor, data_dir: Path) -> None:
    editor.edit_assumption("users", AssumptionValue(value=200), "Users")
    editor.document.shutdown()
    editor.replace_store(open_store(data_dir))
    assert editor.undo_stack.count() == 0 and editor.document.record is None


def test_change_kinds_are_an_enum() -> None:
    with pytest.raises(AttributeError):
        Change.WIEGHT  # noqa: B018  a typo fails at once
