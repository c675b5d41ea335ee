"""Scenario files: one student's scenario as JSON, to move between machines or hand in.

A file from elsewhere is untrusted. Decoding checks, cheapest first: size (before anything
else), UTF-8, bracket depth (a pre-scan, because deep nesting would exhaust the decoder's
stack), format and version, then the strict schema (unknown keys and wrong types rejected;
JSON has no NaN or Infinity and msgspec rejects numbers that overflow to infinity, so every
float is finite), then what a schema cannot say: ids well formed, ranges ordered and, given
the pack, every id known and every number inside its assumption's bounds. The first problem
found is raised as one ExchangeError naming the file, the field path and the problem.
Text (names, notes, answers) is kept exactly as written, HTML included: it is data, shown
as plain text, never interpreted. Submission files (`scenario.submission`) go through the
same `decode_envelope` and record checks.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Iterable, Iterator, Mapping
from itertools import accumulate
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec

from scenario import __version__

from scenario.model import Id, Pack
from scenario.record import ScenarioRecord

FORMAT = "divestiture-lab/scenario"
VERSION = 1
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32

_ID = re.compile(typing.get_args(Id)[1].pattern)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# A JSON string, or an unterminated one running to the end: a match never fails once started,
# so removing strings stays linear even on hostile input such as '"\\' repeated a million times.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_DEPTH_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


class ScenarioFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    format: Literal["divestiture-lab/scenario"]
    version: Literal[1]
    app_version: Annotated[str, msgspec.Meta(max_length=40)]
    exported_at: dt.datetime
    scenario: ScenarioRecord


class _Header(msgspec.Struct):
    """Read first, ignoring everything else, so a newer file gets "newer version", not "unknown key"."""

    format: Any = None
    version: Any = None


_HEADER = msgspec.json.Decoder(_Header)
_FILE = msgspec.json.Decoder(ScenarioFile)


class ExchangeError(ValueError):
    """A scenario file that cannot be used: which file, where in it (a field path), and why."""

    def __init__(self, file: str | Path, path: str, message: str) -> None:
        self.file = str(file)
        self.path = path
        self.message = message
        super().__init__(f"{self.file}: {path}: {message}" if path else f"{self.file}: {message}")


def encode_scenario_file(record: ScenarioRecord, exported_at: dt.datetime) -> bytes:
    envelope = ScenarioFile(format=FORMAT, version=VERSION, app_version=__version__, exported_at=exported_at, scenario=record)
    return msgspec.json.format(msgspec.json.encode(envelope), indent=2) + b"\n"


def decode_scenario_file(data: bytes, pack: Pack | None, name: str | Path) -> ScenarioRecord:
    """The scenario in `data`, or ExchangeError; with `pack`, also checked against that pack."""
    record = decode_envelope(data, name, _FILE, FORMAT, VERSION, "scenario file").scenario
    raise_first(name, record_problems(record))
    if pack is not None:
        check_against_pack(record, pack, name)
    return record


def decode_envelope(data: bytes, name: str | Path, decoder: msgspec.json.Decoder, format: str, version: int, what: str) -> Any:
    """The checks every file format shares, cheapest first, up to the strict decode by `decoder`.

    `what` names the kind of file in messages ("scenario file", "submission file").
    """
    if len(data) > MAX_FILE_BYTES:
        raise ExchangeError(name, "", f"the file is larger than {MAX_FILE_BYTES // 2**20} MB, the limit for a {what}")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExchangeError(name, "", f"not UTF-8 text (invalid byte at offset {exc.start})") from None
    depth = max(accumulate(map(_DEPTH_STEP.__getitem__, _STRING.sub(b"", data).translate(None, _NOT_BRACKET))), default=0)
    if depth > MAX_DEPTH:
        raise ExchangeError(name, "", f"brackets nested {depth} deep; at most {MAX_DEPTH} are allowed")
    header = _decode(_HEADER, data, name)
    if header.format != format:
        raise ExchangeError(name, "format", f"not a Divestiture Lab {what} (expected {format!r})")
    if header.version != version:
        newer = isinstance(header.version, int) and header.version > version
        raise ExchangeError(name, "version", "made by a newer version of Divestiture Lab; please update" if newer else f"unknown version {_show(header.version)}")
    return _decode(decoder, data, name)


def raise_first(name: str | Path, problems: Iterable[Problem]) -> None:
    """One clear error for the first problem: a reader fixes one thing at a time."""
    problem = next(iter(problems), None)
    if problem is not None:
        raise ExchangeError(name, *problem)


def check_against_pack(record: ScenarioRecord, pack: Pack, name: str | Path) -> None:
    """For callers that learn which pack a file needs only after decoding it (by `pack_id`)."""
    raise_first(name, pack_problems(record, pack))


def _decode(decoder: msgspec.json.Decoder, data: bytes, name: str | Path) -> Any:
    try:
        return decoder.decode(data)
    except msgspec.ValidationError as exc:
        message, _, path = str(exc).partition(" - at `$")
        raise ExchangeError(name, path.rstrip("`").lstrip("."), _shorten(message)) from None
    except msgspec.DecodeError as exc:
        raise ExchangeError(name, "", f"not valid JSON ({exc})") from None


def _show(value: object) -> str:
    """A value for a message, cut short: a hostile file may put megabytes where an id goes."""
    return _shorten(repr(value), 40)


def _shorten(text: str, limit: int = 200) -> str:
    """Messages quoting the file (an unknown key, a bad enum value) stay one readable line."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


Problem = tuple[str, str]  # (field path, message)


def record_problems(record: ScenarioRecord) -> Iterator[Problem]:
    """What the schema cannot say about a record on its own: id shapes, text lines, ordered ranges."""
    yield from line_problems("scenario.name", record.name)
    if not _ID.match(record.pack_id):
        yield "scenario.pack_id", f"{_show(record.pack_id)} is not a pack id"
    if record.role is not None and not _ID.match(record.role):
        yield "scenario.role", f"{_show(record.role)} is not a role id"
    keyed: dict[str, Iterable[str]] = {
        "assumptions": record.assumptions, "weights": record.weights,
        "forecasts": record.forecasts, "answers": record.answers,
    }
    for n, snapshot in enumerate(record.snapshots):
        keyed[f"snapshots[{n}].values"] = snapshot.values
    for field, keys in keyed.items():
        for key in keys:
            if not _ID.match(key):
                yield f"scenario.{field}", f"key {_show(key)} is not an id"
    for key, v in record.assumptions.items():
        if v.low is not None and v.low > v.value:
            yield f"scenario.assumptions[{key!r}].low", f"low {v.low} is above the value {v.value}"
        if v.high is not None and v.high < v.value:
            yield f"scenario.assumptions[{key!r}].high", f"high {v.high} is below the value {v.value}"
    dates = [s.date for s in record.snapshots]
    if len(set(dates)) != len(dates):
        yield "scenario.snapshots", "two snapshots have the same date"


def line_problems(path: str, text: str) -> Iterator[Problem]:
    """A name is one line someone can read: no control characters, not only spaces."""
    if _CONTROL.search(text) or not text.strip():
        yield path, "must be one line of visible text"


def pack_problems(record: ScenarioRecord, pack: Pack) -> Iterator[Problem]:
    """Every id known in `pack`, every number inside its assumption's bounds, every date inside the pack."""
    if record.pack_id != pack.id:
        yield "scenario.pack_id", f"made for pack {_show(record.pack_id)}, not {pack.id!r}"
        return
    bounds = {a.id: (a.min, a.max) for a in pack.assumptions}
    if record.role is not None and record.role not in {r.id for r in pack.roles}:
        yield "scenario.role", f"unknown role {record.role!r}"
    yield from _known(pack, "assumptions", record.assumptions, "assumption", bounds)
    yield from _known(pack, "weights", record.weights, "argument", {a.id for a in pack.arguments})
    yield from _known(pack, "forecasts", record.forecasts, "forecast question", {q.id for q in pack.questions})
    yield from _known(pack, "answers", record.answers, "prompt", {p.id for p in pack.prompts})
    for key, v in record.assumptions.items():
        for part in ("value", "low", "high"):
            yield from _in_bounds(f"scenario.assumptions[{key!r}].{part}", getattr(v, part), bounds.get(key))
    dated = {"scenario.current_date": record.current_date, "scenario.revealed_at": record.revealed_at}
    dated.update({f"scenario.forecasts[{key!r}].made_on": f.made_on for key, f in record.forecasts.items()})
    for n, snapshot in enumerate(record.snapshots):
        dated[f"scenario.snapshots[{n}].date"] = snapshot.date
        yield from _known(pack, f"snapshots[{n}].values", snapshot.values, "assumption", bounds)
        for key, value in snapshot.values.items():
            yield from _in_bounds(f"scenario.snapshots[{n}].values[{key!r}]", value, bounds.get(key))
    for path, day in dated.items():
        if day is not None and not pack.start <= day <= pack.end:
            yield path, f"date {day} is outside the pack's range {pack.start} to {pack.end}"


def _known(pack: Pack, field: str, items: Mapping[str, object], kind: str, known: Iterable[str]) -> Iterator[Problem]:
    for key in items:
        if key not in known:
            yield f"scenario.{field}[{key!r}]", f"pack {pack.id!r} has no {kind} {key!r}"


def _in_bounds(path: str, value: float | None, bounds: tuple[float, float] | None) -> Iterator[Problem]:
    if value is None or bounds is None:  # an unknown id is reported by _known
        return
    low, high = bounds
    if not low <= value <= high:
        yield path, f"{value} is outside the allowed range {low} to {high}"
