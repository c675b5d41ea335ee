"""The Store API: what the GUI saves is what it loads, one edit at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import msgspec
import pytest

from scenario.record import NAME_MAX, ArgumentWeight, AssumptionValue, Forecast, ScenarioRecord, with_assumption, with_weight
from store.errors import NameTakenError, ScenarioNotFoundError
from store.scenarios import InvalidNameError, Store

DAY = dt.date(2030, 1, 21)


def test_create_then_load_gives_the_same_record(store: Store, full_record: Callable[..., ScenarioRecord]) -> None:
    record = full_record()
    assert store.load(store.create(record)) == record


def test_save_assumption_matches_the_record_edit_function(store: Store, full_record: Callable[..., ScenarioRecord]) -> None:
    record = full_record()
    scenario_id = store.create(record)
    edits = [("p-deal", AssumptionValue(value=0.45, low=0.2, high=0.7, note="<b>x</b>"), DAY), ("p-court", AssumptionValue(value=0.9), DAY), ("users", None, None), ("p-deal", None, dt.date(2030, 1, 5))]
    for assumption_id, value, at in edits:
        store.save_assumption(scenario_id, assumption_id, value, at)
        record = with_assumption(record, assumption_id, value, at)
        assert store.load(scenario_id) == record


def test_each_small_edit_is_saved(store: Store) -> None:
    scenario_id = store.create(ScenarioRecord(name="a", pack_id="mini"))
    store.save_weight(scenario_id, "a-for-1", ArgumentWeight(weight=2))
    store.save_forecast(scenario_id, "q-sold", Forecast(probability=0.7, made_on=DAY))
    store.save_answer(scenario_id, "p-1", "yes")
    store.set_current_date(scenario_id, DAY)
    store.set_role(scenario_id, "r-exec")
    store.set_revealed(scenario_id, DAY)
    expected = ScenarioRecord(
        name="a", pack_id="mini", role="r-exec", current_date=DAY, furthest_date=DAY, revealed_at=DAY,
        weights={"a-for-1": ArgumentWeight(weight=2)}, forecasts={"q-sold": Forecast(probability=0.7, made_on=DAY)}, answers={"p-1": "yes"},
    )
    assert store.load(scenario_id) == expected
    store.save_weight(scenario_id, "a-for-1", None)
    store.save_forecast(scenario_id, "q-sold", None)
    store.save_answer(scenario_id, "p-1", None)
    store.set_role(scenario_id, None)
    assert store.load(scenario_id) == with_weight(msgspec.structs.replace(expected, role=None, forecasts={}, answers={}), "a-for-1", None)


def test_stepping_back_keeps_the_furthest_date_reached(store: Store) -> None:
    scenario_id = store.create(ScenarioRecord(name="a", pack_id="mini"))
    store.set_current_date(scenario_id, DAY)
    store.set_current_date(scenario_id, DAY - dt.timedelta(days=10))
    record = store.load(scenario_id)
    assert (record.current_date, record.furthest_date) == (DAY - dt.timedelta(days=10), DAY)


def test_list_is_most_recent_first(store: Store) -> None:
    first = store.create(ScenarioRecord(name="first", pack_id="mini"))
    second = store.create(ScenarioRecord(name="second", pack_id="mini", mode="classroom"))
    assert [s.name for s in store.list_scenarios()] == ["second", "first"]
    store.save_answer(first, "p-1", "edited")
    summaries = store.list_scenarios()
    assert [s.id for s in summaries] == [first, second]
    assert summaries[1].mode == "classroom" and summaries[0].updated.tzinfo is not None


def test_names_are_unique_and_free_name_suffixes(store: Store) -> None:
    store.create(ScenarioRecord(name="Mine", pack_id="mini"))
    with pytest.raises(NameTakenError):
        store.create(ScenarioRecord(name="Mine", pack_id="mini"))
    assert store.free_name("Mine") == "Mine (2)"
    store.create(ScenarioRecord(name="Mine (2)", pack_id="mini"))
    assert store.free_name("Mine") == "Mine (3)"
    assert len(store.free_name("x" * 120)) == 120


def test_rename_and_duplicate(store: Store, full_record: Callable[..., ScenarioRecord]) -> None:
    scenario_id = store.create(full_record("A"))
    store.rename(scenario_id, "B")
    copy = store.duplicate(scenario_id, "C")
    assert store.load(copy) == full_record("C")
    with pytest.raises(NameTakenError):
        store.rename(copy, "B")
    assert store.load(copy).name == "C"


def test_delete_returns_the_record_and_undelete_restores_it(store: Store, full_record: Callable[..., ScenarioRecord]) -> None:
    scenario_id = store.create(full_record("A"))
    assert store.delete(scenario_id) == full_record("A")
    assert store.list_scenarios() == []
    with pytest.raises(ScenarioNotFoundError):
        store.save_answer(scenario_id, "p-1", "too late")
    other = store.create(ScenarioRecord(name="A", pack_id="mini"))  # the name is free again
    assert store.undelete(scenario_id) == "A (2)"
    assert {s.id for s in store.list_scenarios()} == {scenario_id, other}
    assert store.load(scenario_id).answers == full_record().answers


def test_deleted_scenarios_are_purged_after_a_while(store: Store, full_record: Callable[..., ScenarioRecord]) -> None:
    scenario_id = store.create(full_record())
    store.delete(scenario_id)
    assert store.purge_deleted() == 0
    assert store.purge_deleted(now=dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=31)) == 1
    with pytest.raises(ScenarioNotFoundError):
        store.load(scenario_id)


def test_unknown_scenario(store: Store) -> None:
    with pytest.raises(ScenarioNotFoundError):
        store.load(99)
    with pytest.raises(ScenarioNotFoundError):
        store.save_assumption(99, "p-deal", AssumptionValue(value=0.5), DAY)


def test_last_opened(store: Store, full_record: Callable[..., ScenarioRecord]) -> None:
    assert store.last_opened() is None
    scenario_id = store.create(full_record())
    store.set_last_opened(scenario_id)
    assert store.last_opened() == scenario_id
    store.delete(scenario_id)
    assert store.last_opened() is None
    store.undelete(scenario_id)
    assert store.last_opened() == scenario_id


def test_html_is_stored_exactly_as_given(store: Store, full_record: Callable[..., ScenarioRecord]) -> None:
    hostile = '<img src=x onerror="alert(1)"> & <b>bold</b>'
    record = msgspec.structs.replace(full_record(hostile[:100]), answers={"p-1": hostile})
    assert store.load(store.create(record)) == record


def test_connection_is_durable_and_checks_references(store: Store) -> None:
    pragmas = {name: store._conn.execute(f"PRAGMA {name}").fetchone()[0] for name in ("journal_mode", "synchronous", "foreign_keys")}
    assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}  # 2 is FULL


@pytest.mark.parametrize("long", ["t" * 300, "x" * NAME_MAX + " (copy)"])
def test_made_names_fit_the_limit_the_files_check(store: Store, long: str) -> None:
    """From a 300-character pack title, and from Duplicate of a name already at the limit."""
    first = store.free_name(long)
    store.create(ScenarioRecord(name=first, pack_id="mini"))
    second = store.free_name(long)
    assert len(first) <= NAME_MAX and len(second) <= NAME_MAX and first != second and second.endswith(" (2)")


@pytest.mark.parametrize("bad", ["x" * (NAME_MAX + 1), "a\nb", "\u200b", "Ada\u2028"])
def test_the_store_refuses_names_a_file_could_not_hold(store: Store, bad: str, full_record: Callable[..., ScenarioRecord]) -> None:
    scenario_id = store.create(full_record())
    with pytest.raises(InvalidNameError):
        store.create(ScenarioRecord(name=bad, pack_id="mini"))
    with pytest.raises(InvalidNameError):
        store.rename(scenario_id, bad)
    with pytest.raises(InvalidNameError):
        store.duplicate(scenario_id, bad)
    assert [s.name for s in store.list_scenarios()] == [full_record().name]
