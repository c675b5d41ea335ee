"""Every store test gets its own empty data directory (as Vorta's tests get a fresh database)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scenario.model import Pack
from scenario.pack import load_pack
from scenario.record import ArgumentWeight, AssumptionValue, Forecast, ScenarioRecord, Snapshot
from store.connection import open_store
from store.paths import ENV_VAR
from store.scenarios import Store

MINI_PACK = Path(__file__).parents[1] / "data" / "mini-pack.json"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data directory, also set as the app's default so nothing can reach a real user's data."""
    folder = tmp_path / "data"
    monkeypatch.setenv(ENV_VAR, str(folder))
    return folder


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with open_store(data_dir) as opened:
        yield opened


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack(MINI_PACK).pack


def _full_record(name: str = "Week 1") -> ScenarioRecord:
    """A record using every field, with ids from the mini pack."""
    day = dt.date(2030, 1, 20)
    return ScenarioRecord(
        name=name, pack_id="mini", mode="classroom", role="r-exec", current_date=day,
        assumptions={"p-deal": AssumptionValue(value=0.3, low=0.1, high=0.6, note="talks stalled"), "users": AssumptionValue(value=120.0)},
        weights={"a-for-1": ArgumentWeight(weight=4, note="strong")},
        forecasts={"q-sold": Forecast(probability=0.25, reason="no buyer", made_on=day)},
        answers={"p-1": "It depends on the court."},
        snapshots=[Snapshot(date=dt.date(2030, 1, 5), values={"p-deal": 0.5}), Snapshot(date=day, values={"p-deal": 0.3, "users": 120.0})],
    )


@pytest.fixture
def full_record() -> Callable[..., ScenarioRecord]:
    """Factory (a fixture, since test folders here are not packages to import from)."""
    return _full_record
