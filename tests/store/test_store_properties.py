"""Property tests: any valid record survives the database and a scenario file unchanged."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from scenario.exchange import decode_scenario_file, encode_scenario_file
from scenario.pack import load_pack
from scenario.record import ArgumentWeight, AssumptionValue, Forecast, ScenarioRecord, Snapshot, with_assumption
from store.connection import open_store

MINI = load_pack(Path(__file__).parents[1] / "data" / "mini-pack.json").pack
BOUNDS = {a.id: (a.min, a.max) for a in MINI.assumptions}
DATES = st.dates(MINI.start, MINI.end)
TEXT = st.text(max_size=40)  # any Unicode, markup included: it is data
NAMES = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=120).filter(str.strip)


@st.composite
def assumption_values(draw: st.DrawFn, assumption_id: str) -> AssumptionValue:
    low_bound, high_bound = BOUNDS[assumption_id]
    numbers = sorted(draw(st.lists(st.floats(low_bound, high_bound), min_size=3, max_size=3)))
    with_range = draw(st.booleans())
    return AssumptionValue(value=numbers[1], low=numbers[0] if with_range else None, high=numbers[2] if with_range else None, note=draw(TEXT))


@st.composite
def records(draw: st.DrawFn) -> ScenarioRecord:
    ids = draw(st.sets(st.sampled_from(sorted(BOUNDS))))
    days = draw(st.lists(DATES, unique=True, max_size=4))
    return ScenarioRecord(
        name=draw(NAMES), pack_id=MINI.id, mode=draw(st.sampled_from(["explore", "classroom"])),
        role=draw(st.none() | st.sampled_from([r.id for r in MINI.roles])),
        current_date=draw(st.none() | DATES), revealed_at=draw(st.none() | DATES),
        assumptions={i: draw(assumption_values(i)) for i in sorted(ids)},
        weights=draw(st.dictionaries(st.sampled_from([a.id for a in MINI.arguments]), st.builds(ArgumentWeight, weight=st.integers(0, 5), note=TEXT))),
        forecasts=draw(st.dictionaries(st.sampled_from([q.id for q in MINI.questions]), st.builds(Forecast, probability=st.floats(0, 1), reason=TEXT, made_on=DATES))),
        answers=draw(st.dictionaries(st.sampled_from([p.id for p in MINI.prompts]), TEXT)),
        snapshots=[Snapshot(date=day, values={i: draw(st.floats(*BOUNDS[i])) for i in sorted(ids)}) for day in sorted(days)],
    )


@given(records())
def test_a_scenario_file_round_trips(record: ScenarioRecord) -> None:
    data = encode_scenario_file(record, dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc))
    assert decode_scenario_file(data, MINI, "x.json") == record


@settings(max_examples=40, deadline=None)
@given(records(), st.data())
def test_the_database_round_trips_records_and_edits(record: ScenarioRecord, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder)) as store:
        scenario_id = store.create(record)
        assert store.load(scenario_id) == record
        for _ in range(data.draw(st.integers(0, 6))):
            assumption_id = data.draw(st.sampled_from(sorted(BOUNDS)))
            value = data.draw(st.none() | assumption_values(assumption_id))
            at = data.draw(st.none() | DATES)
            store.save_assumption(scenario_id, assumption_id, value, at)
            record = with_assumption(record, assumption_id, value, at)
        assert store.load(scenario_id) == record
