"""Submission files: export then import gives the same data; hostile files are refused with one clear line."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scenario import __version__
from scenario.exchange import ExchangeError
from scenario.pack import LoadedPack, load_pack
from scenario.submission import decode_submission, encode_submission, read_submission
from tests.conftest import MINI_PACK
from tests.submissions import EXPORTED, REVEALED, mini, student_record, submission_bytes, submission_json


@pytest.fixture(scope="module")
def loaded() -> LoadedPack:
    return mini()


def _with(envelope: dict[str, Any], path: str, value: Any) -> bytes:
    *parents, last = path.split(".")
    node = envelope
    for key in parents:
        node = node[key]
    node[last] = value
    return json.dumps(envelope).encode()


def _token(envelope: dict[str, Any], token: str) -> bytes:
    return _with(envelope, "scenario.forecasts.q-sold.probability", "@@").replace(b'"@@"', token.encode())


HOSTILE: dict[str, tuple[Callable[[dict[str, Any]], bytes], str, str]] = {
    # name: (spoil a valid file, expected field path, expected words in the message)
    "wrong type": (lambda e: _with(e, "student", 42), "student", "Expected `str`, got `int`"),
    "wrong type deep": (lambda e: _with(e, "scenario.assumptions.p-deal.value", "high"), "scenario.assumptions[...].value", "Expected `float`, got `str`"),
    "extra key": (lambda e: _with(e, "macro", "run()"), "", "unknown field `macro`"),
    "extra key in a forecast": (lambda e: _with(e, "scenario.forecasts.q-sold.colour", "red"), "scenario.forecasts[...]", "unknown field `colour`"),
    "NaN": (lambda e: _token(e, "NaN"), "", "not valid JSON"),
    "Infinity": (lambda e: _token(e, "Infinity"), "", "not valid JSON"),
    "1e999": (lambda e: _token(e, "1e999"), "scenario.forecasts[...].probability", "Number out of range"),
    "probability above 1": (lambda e: _with(e, "scenario.forecasts.q-sold.probability", 1.01), "scenario.forecasts[...].probability", "<= 1.0"),
    "weight 6": (lambda e: _with(e, "scenario.weights.a-for-1.weight", 6), "scenario.weights[...].weight", "<= 5"),
    "negative weight": (lambda e: _with(e, "scenario.weights.a-for-1.weight", -1), "scenario.weights[...].weight", ">= 0"),
    "value outside the range": (lambda e: _with(e, "scenario.assumptions.users.value", 301), "scenario.assumptions['users'].value", "outside the allowed range 0.0 to 300.0"),
    "unknown question": (lambda e: _with(e, "scenario.forecasts.q-nope", {"probability": 0.5, "made_on": "2030-01-05"}), "scenario.forecasts['q-nope']", "has no forecast question 'q-nope'"),
    "unknown role": (lambda e: _with(e, "scenario.role", "r-king"), "scenario.role", "unknown role 'r-king'"),
    "bad hash": (lambda e: _with(e, "pack_sha256", "xyz"), "pack_sha256", "Expected `str` matching regex"),
    "10 MB string": (lambda e: _with(e, "student", "n" * 10_000_000), "", "larger than 5 MB, the limit for a submission file"),
    "long name": (lambda e: _with(e, "student", "n" * 121), "student", "length <= 120"),
    "10,000-deep nesting": (lambda e: _with(e, "scenario.answers", "@@").replace(b'"@@"', b"[" * 10_000 + b"]" * 10_000), "", "nested 10002 deep; at most 32"),
    "newline in name": (lambda e: _with(e, "student", "a\nb"), "student", "one line"),
    "blank name": (lambda e: _with(e, "student", "   "), "student", "one line"),
    "invalid UTF-8": (lambda e: _with(e, "student", "@@").replace(b"@@", b"\xff\xfe"), "", "not UTF-8 text"),
    "scenario file": (lambda e: _with(e, "format", "divestiture-lab/scenario"), "format", "not a Divestiture Lab submission file"),
    "newer version": (lambda e: _with(e, "version", 2), "version", "newer version"),
    "reveal time without a reveal": (lambda e: _with(e, "scenario.revealed_at", None), "revealed_on", "never revealed"),
    "not JSON": (lambda e: b"<html><img src=x onerror=alert(1)></html>", "", "not valid JSON"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_file_is_refused_with_file_path_and_problem(case: str, loaded: LoadedPack) -> None:
    make, path, words = HOSTILE[case]
    with pytest.raises(ExchangeError) as caught:
        decode_submission(make(submission_json(3)), "evil.json", loaded.pack, loaded.digest)
    error = caught.value
    assert (error.file, error.path) == ("evil.json", path)
    assert words in error.message
    assert "\n" not in str(error) and len(str(error)) < 300


def test_export_then_import_gives_the_same_data(loaded: LoadedPack) -> None:
    record = student_record(3)
    data = encode_submission(record, loaded, "Ada", EXPORTED, REVEALED)
    submission = decode_submission(data, "ada.json", loaded.pack, loaded.digest)
    assert submission.record == record and submission.student == "Ada" and submission.warnings == ()
    content = submission.content
    assert (content.app_version, content.pack_sha256, content.exported_at, content.revealed_on) == (__version__, loaded.digest, EXPORTED, REVEALED)
    assert (submission.role, submission.mode, submission.revealed_at, submission.pack_id) == (None, "classroom", dt.date(2030, 2, 1), "mini")
    assert json.loads(data)["format"] == "divestiture-lab/submission"


@pytest.mark.parametrize("name", ["<b>x</b>", '<img src="x" onerror="alert(1)">', "Zoë & 中文"])
def test_markup_in_names_is_kept_as_literal_text(name: str, loaded: LoadedPack) -> None:
    submission = decode_submission(submission_bytes(2, student=name), "s.json", loaded.pack)
    assert submission.student == name


def test_a_different_pack_hash_is_a_warning_not_an_error(loaded: LoadedPack) -> None:
    submission = decode_submission(submission_bytes(2), "s.json", loaded.pack, "0" * 64)
    [warning] = submission.warnings
    assert "different version of pack 'mini'" in warning


def test_without_a_pack_ids_are_not_checked(loaded: LoadedPack) -> None:
    data = _with(submission_json(2), "scenario.weights.a-nope", {"weight": 1})
    assert "a-nope" in decode_submission(data, "s.json").record.weights
    with pytest.raises(ExchangeError, match="has no argument 'a-nope'"):
        decode_submission(data, "s.json", loaded.pack)


def test_encode_refuses_a_reveal_time_without_a_reveal(loaded: LoadedPack) -> None:
    record = student_record(1)  # never revealed
    with pytest.raises(ValueError, match="never revealed"):
        encode_submission(record, loaded, "Ada", EXPORTED, REVEALED)


def test_read_submission_finds_its_pack_by_id(tmp_path: Path, loaded: LoadedPack) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(submission_bytes(4))
    assert read_submission(path, {"mini": loaded}).student == "Pupil 004"
    with pytest.raises(ExchangeError, match="needs pack 'mini', which is not installed"):
        read_submission(path, {})
    with pytest.raises(ExchangeError, match="cannot read the file"):
        read_submission(tmp_path / "missing.json", {"mini": loaded})


PACK_1_0 = Path(__file__).resolve().parents[1] / "data" / "pack-1.0-submissions"


@pytest.mark.parametrize("path", sorted(PACK_1_0.glob("*.json")), ids=lambda p: p.stem)
def test_submissions_made_with_version_1_0_of_a_shipped_pack_still_open(path: Path):
    """Kept test data: files handed in with packs 1.0, read against the installed packs."""
    from scenario.pack import discover_packs
    from scenario.resources import PACKS_DIR

    packs = {e.loaded.pack.id: e.loaded for e in discover_packs(PACKS_DIR) if e.loaded is not None}
    submission = read_submission(path, packs)
    assert submission.record.weights and submission.record.forecasts and submission.record.answers
    assert any("different version of pack" in w for w in submission.warnings)


def test_what_a_later_pack_version_retired_is_left_out_and_named(tmp_path: Path, mini_json, write_pack):
    """Ids are retired, never reused: an item gone from the pack is dropped from the old file, with a warning."""
    old_pack = load_pack(MINI_PACK)
    data = encode_submission(student_record(4), old_pack, "Pupil 4", EXPORTED)
    mini_json["arguments"] = [a for a in mini_json["arguments"] if a["id"] != "a-for-1"]
    mini_json["arguments"] = [{**a, "rebuttals": [r for r in a.get("rebuttals", []) if r != "a-for-1"]} for a in mini_json["arguments"]]
    newer = load_pack(write_pack(mini_json))
    submission = decode_submission(data, "old.json", newer.pack, newer.digest)
    assert "a-for-1" not in submission.record.weights and "a-against-1" in submission.record.weights
    assert any("no longer has argument 'a-for-1'" in w for w in submission.warnings)
    with pytest.raises(ExchangeError, match="has no argument 'a-for-1'"):  # the same pack file: a real mismatch
        decode_submission(data, "old.json", newer.pack, old_pack.digest)
