"""Scenario files: export/import round-trips; hostile files are refused with one clear line.

Decision on HTML: names, notes and answers are plain text, so markup is accepted and kept
byte for byte (never interpreted); the GUI shows it as plain text. Control characters in a
scenario name are refused (a name is one line).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import msgspec
import pytest

from scenario.exchange import ExchangeError, decode_scenario_file, encode_scenario_file
from scenario.model import Pack
from scenario.record import ScenarioRecord
from cli import export_command, import_command
from store.connection import open_store
from store.paths import database_path

PACKS = [Path(__file__).parents[1] / "data"]
WHEN = dt.datetime(2030, 2, 1, 9, 30, tzinfo=dt.timezone.utc)


@pytest.fixture
def envelope(full_record: Callable[..., ScenarioRecord]) -> dict[str, Any]:
    """A valid file as plain JSON data, for a test to spoil one field of."""
    return json.loads(encode_scenario_file(full_record(), WHEN))


def _bytes(envelope: dict[str, Any]) -> bytes:
    return json.dumps(envelope).encode()


def _with(envelope: dict[str, Any], path: str, value: Any) -> bytes:
    """`envelope` with the item at dotted `path` set to `value`."""
    *parents, last = path.split(".")
    node = envelope
    for key in parents:
        node = node[key]
    node[last] = value
    return _bytes(envelope)


def _nan_file(envelope: dict[str, Any], token: str) -> bytes:
    return _with(envelope, "scenario.assumptions.p-deal.value", "@@").replace(b'"@@"', token.encode())


HOSTILE: dict[str, tuple[Callable[[dict[str, Any]], bytes], str, str]] = {
    # name: (make the file from a valid envelope, expected path, expected words in the message)
    "wrong type": (lambda e: _with(e, "scenario.assumptions.p-deal.value", "high"), "scenario.assumptions[...].value", "Expected `float`, got `str`"),
    "wrong type of record": (lambda e: _with(e, "scenario", [1, 2]), "scenario", "Expected `object`, got `array`"),
    "extra key in envelope": (lambda e: _with(e, "macro", "run()"), "", "unknown field `macro`"),
    "extra key in value": (lambda e: _with(e, "scenario.weights.a-for-1.colour", "red"), "scenario.weights[...]", "unknown field `colour`"),
    "NaN token": (lambda e: _nan_file(e, "NaN"), "", "not valid JSON"),
    "Infinity token": (lambda e: _nan_file(e, "Infinity"), "", "not valid JSON"),
    "-Infinity token": (lambda e: _nan_file(e, "-Infinity"), "", "not valid JSON"),
    "1e999": (lambda e: _nan_file(e, "1e999"), "scenario.assumptions[...].value", "Number out of range"),
    "value outside the pack's range": (lambda e: _with(e, "scenario.assumptions.users.value", 301), "scenario.assumptions['users'].value", "outside the allowed range 0.0 to 300.0"),
    "low above value": (lambda e: _with(e, "scenario.assumptions.p-deal.low", 0.5), "scenario.assumptions['p-deal'].low", "above the value"),
    "snapshot outside range": (lambda e: _with(e, "scenario.snapshots", [{"date": "2030-01-05", "values": {"p-deal": 2.0}}]), "scenario.snapshots[0].values['p-deal']", "outside the allowed range"),
    "weight 6": (lambda e: _with(e, "scenario.weights.a-for-1.weight", 6), "scenario.weights[...].weight", "Expected `int` <= 5"),
    "negative weight": (lambda e: _with(e, "scenario.weights.a-for-1.weight", -1), "scenario.weights[...].weight", ">= 0"),
    "probability 1.5": (lambda e: _with(e, "scenario.forecasts.q-sold.probability", 1.5), "scenario.forecasts[...].probability", "<= 1.0"),
    "unknown assumption id": (lambda e: _with(e, "scenario.assumptions.p-nope", {"value": 0.5}), "scenario.assumptions['p-nope']", "has no assumption 'p-nope'"),
    "unknown argument id": (lambda e: _with(e, "scenario.weights.a-nope", {"weight": 1}), "scenario.weights['a-nope']", "has no argument 'a-nope'"),
    "unknown role": (lambda e: _with(e, "scenario.role", "r-king"), "scenario.role", "unknown role 'r-king'"),
    "other pack": (lambda e: _with(e, "scenario.pack_id", "other"), "scenario.pack_id", "made for pack 'other'"),
    "date outside the pack": (lambda e: _with(e, "scenario.current_date", "1999-01-01"), "scenario.current_date", "outside the pack's range"),
    "huge key": (lambda e: _with(e, "scenario.answers", {"k" * 100_000: "x"}), "scenario.answers", "is not an id"),
    "4 MB note": (lambda e: _with(e, "scenario.assumptions.p-deal.note", "n" * 4_000_000), "scenario.assumptions[...].note", "length <= 4000"),
    "10 MB string": (lambda e: _with(e, "scenario.name", "n" * 10_000_000), "", "larger than 5 MB"),
    "10,000-deep nesting": (lambda e: _with(e, "scenario.answers", "@@").replace(b'"@@"', b"[" * 10_000 + b"]" * 10_000), "", "nested 10002 deep; at most 32"),
    "huge unknown key": (lambda e: _with(e, "k" * 1_000_000, 1), "", "unknown field `kkk"),
    "huge enum value": (lambda e: _with(e, "scenario.mode", "m" * 1_000_000), "scenario.mode", "Invalid enum value 'mmm"),
    "escape bomb": (lambda e: b'"\\' * 2_000_000, "", "not valid JSON"),  # quadratic in a naive string skipper
    "newline in name": (lambda e: _with(e, "scenario.name", "a\nb"), "scenario.name", "one line"),
    "newer version": (lambda e: _with(e, "version", 2), "version", "newer version"),
    "not a scenario file": (lambda e: _with(e, "format", "divestiture-lab/pack"), "format", "not a Divestiture Lab scenario file"),
    "invalid UTF-8": (lambda e: _with(e, "scenario.name", "@@").replace(b"@@", b"\xff\xfe"), "", "not UTF-8 text"),
    "not JSON": (lambda e: b"<html><img src=x onerror=alert(1)></html>", "", "not valid JSON"),
    "10,001 snapshots": (lambda e: _with(e, "scenario.snapshots", [{"date": "2030-01-05", "values": {}}] * 10_001), "scenario.snapshots", "length <= 10000"),
    "10,001 values in a snapshot": (lambda e: _with(e, "scenario.snapshots", [{"date": "2030-01-05", "values": {f"a{n}": 0 for n in range(10_001)}}]), "scenario.snapshots[0].values", "length <= 10000"),
    "10,001 answers": (lambda e: _with(e, "scenario.answers", {f"p{n}": "x" for n in range(10_001)}), "scenario.answers", "length <= 10000"),
    "duplicate key": (lambda e: _bytes(e).replace(b'"scenario":', b'"scenario": {}, "scenario":'), "", "the key 'scenario' appears twice"),
    "duplicate assumption": (lambda e: _bytes(e).replace(b'"p-deal":', b'"p-deal": {"value": 0.9}, "p-deal":', 1), "", "the key 'p-deal' appears twice"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_file_is_refused_with_file_path_and_problem(case: str, envelope: dict[str, Any], pack: Pack) -> None:
    make, path, words = HOSTILE[case]
    with pytest.raises(ExchangeError) as caught:
        decode_scenario_file(make(envelope), pack, "evil.json")
    error = caught.value
    assert (error.file, error.path) == ("evil.json", path)
    assert words in error.message
    assert "\n" not in str(error) and len(str(error)) < 300


def _database_dump(data_dir: Path) -> list[str]:
    with closing(sqlite3.connect(database_path(data_dir))) as conn:
        return list(conn.iterdump())


@pytest.mark.parametrize("case", ["wrong type", "NaN token", "10,000-deep nesting", "10 MB string", "invalid UTF-8", "unknown assumption id", "duplicate key"])
def test_cli_import_of_a_hostile_file_changes_nothing(
    case: str, envelope: dict[str, Any], data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], full_record: Callable[..., ScenarioRecord]
) -> None:
    with open_store(data_dir) as store:
        store.create(full_record())
    before = _database_dump(data_dir)
    bad = tmp_path / "evil.json"
    bad.write_bytes(HOSTILE[case][0](envelope))

    assert import_command(data_dir, bad, PACKS) == 2

    [line] = capsys.readouterr().err.splitlines()
    assert str(bad) in line and HOSTILE[case][2] in line and HOSTILE[case][1] in line
    assert _database_dump(data_dir) == before


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_cli_import_refuses_a_device_and_a_folder(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "folder.json").mkdir()
    assert import_command(data_dir, Path("/dev/zero"), PACKS) == 2
    assert import_command(data_dir, tmp_path / "folder.json", PACKS) == 2
    device, folder = capsys.readouterr().err.splitlines()
    assert device.endswith("/dev/zero: not a regular file (a device, pipe or socket), so it was not read")
    assert folder.endswith("folder.json: this is a folder, not a file")


def test_cli_import_needs_an_installed_pack(envelope: dict[str, Any], data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "other.json"
    bad.write_bytes(_with(envelope, "scenario.pack_id", "other"))
    assert import_command(data_dir, bad, PACKS) == 2
    assert "scenario.pack_id: needs pack 'other', which is not installed" in capsys.readouterr().err


def test_export_then_import_round_trips_with_a_suffixed_name(data_dir: Path, tmp_path: Path, full_record: Callable[..., ScenarioRecord]) -> None:
    original = full_record('<img src="x" onerror="alert(1)"> & <b>me</b>')
    original = msgspec.structs.replace(original, answers={"p-1": "<script>alert('hi')</script>\u00e9\u4e2d"})
    with open_store(data_dir) as store:
        store.create(original)
    out = tmp_path / "export.json"

    assert export_command(data_dir, original.name, out) == 0
    assert import_command(data_dir, out, PACKS) == 0
    assert import_command(data_dir, out, PACKS) == 0

    with open_store(data_dir) as store:
        names = [s.name for s in store.list_scenarios()]
        assert names == [f"{original.name} (3)", f"{original.name} (2)", original.name]
        imported = store.load(store.find(f"{original.name} (2)") or -1)
    assert imported == msgspec.structs.replace(original, name=f"{original.name} (2)")
    assert json.loads(out.read_bytes())["format"] == "divestiture-lab/scenario"


def test_export_of_an_unknown_name_fails(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export_command(data_dir, "nobody", tmp_path / "x.json") == 1
    assert "no scenario named 'nobody'" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def test_a_valid_file_decodes_without_a_pack(envelope: dict[str, Any], full_record: Callable[..., ScenarioRecord]) -> None:
    assert decode_scenario_file(_bytes(envelope), None, "ok.json") == full_record()


def test_cli_refuses_a_store_in_use(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], full_record: Callable[..., ScenarioRecord]) -> None:
    with open_store(data_dir) as store:
        store.create(full_record())
        assert export_command(data_dir, full_record().name, tmp_path / "x.json") == 1
    assert "in use by another running copy" in capsys.readouterr().err
