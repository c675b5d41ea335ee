"""Scenario files: one student's scenario as JSON, to move between machines or hand in.

A file from elsewhere is untrusted. Reading and decoding check, cheapest first (`Envelope`):
size and kind of file (the bounded read of `scenario.userfile`), UTF-8, bracket depth and
duplicate keys, format and version, then the strict schema (unknown keys and wrong types
rejected; JSON has no NaN or Infinity and msgspec rejects numbers that overflow to infinity,
so every float is finite), then what a schema cannot say: ids well formed, ranges ordered
and, given the pack, every id known and every number inside its assumption's bounds. The
first problem found is raised as one ExchangeError naming the file, the field path and the
problem. Text (names, notes, answers) is kept exactly as written, HTML included: it is data,
shown as plain text, never interpreted. Submission files (`scenario.submission`) go through
their own `Envelope` and the same record checks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import typing
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import msgspec

from scenario import __version__

from scenario.model import Id, Pack
from scenario.record import ScenarioRecord, name_problem
from scenario.userfile import FileError, Problem, check_json, decode_strict, read_bounded, shorten, too_large

FORMAT = "divestiture-lab/scenario"
VERSION = 1
MAX_FILE_BYTES = 5 * 1024 * 1024

_ID = re.compile(typing.get_args(Id)[1].pattern)
T = TypeVar("T")


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


class ExchangeError(FileError, ValueError):
    """A scenario or submission file that cannot be used: which file, where in it (a field path), and why."""

    def __init__(self, file: str | Path, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(file, [Problem(path, message)])

    @classmethod
    def of(cls, error: FileError) -> ExchangeError:
        """The first problem of a shared check's error, as the one error this module raises."""
        return cls(error.file, error.problems[0].path, error.problems[0].message)


@dataclasses.dataclass(frozen=True)
class Envelope:
    """One file format's outer shell, checked the same way for every format, cheapest first.

    Reading: at most the size limit, from a regular file only; then UTF-8, bracket depth and
    duplicate keys (`check_json`); then format and version, read first on their own so a newer
    file gets "newer version", not "unknown key"; then the strict decode by `decoder`.
    """

    decoder: msgspec.json.Decoder
    format: str
    version: int
    what: str  # the kind of file, in messages: "scenario file", "submission file"

    def read(self, path: Path) -> Any:
        try:
            data = read_bounded(path, MAX_FILE_BYTES, self.what)
        except FileError as exc:
            raise ExchangeError.of(exc) from None
        return self.decode(data, path)

    def decode(self, data: bytes, name: str | Path) -> Any:
        if len(data) > MAX_FILE_BYTES:
            raise ExchangeError(name, "", too_large(MAX_FILE_BYTES, self.what))
        try:
            check_json(data, name)
            header = decode_strict(_HEADER, data, name)
            if header.format != self.format:
                raise ExchangeError(name, "format", f"not a Divestiture Lab {self.what} (expected {self.format!r})")
            if header.version != self.version:
                newer = isinstance(header.version, int) and header.version > self.version
                raise ExchangeError(name, "version", "made by a newer version of Divestiture Lab; please update" if newer else f"unknown version {_show(header.version)}")
            return decode_strict(self.decoder, data, name)
        except ExchangeError:
            raise
        except FileError as exc:
            raise ExchangeError.of(exc) from None


SCENARIO_FILE = Envelope(msgspec.json.Decoder(ScenarioFile), FORMAT, VERSION, "scenario file")


WRITING = "the file being written"  # the name in an encoder's ExchangeError: it has no path yet


def encode_scenario_file(record: ScenarioRecord, exported_at: dt.datetime) -> bytes:
    """The file's bytes, checked by the decoder before they are returned: what the app writes, it can read."""
    envelope = ScenarioFile(format=FORMAT, version=VERSION, app_version=__version__, exported_at=exported_at, scenario=record)
    data = msgspec.json.format(msgspec.json.encode(envelope), indent=2) + b"\n"
    decode_scenario_file(data, None, WRITING)
    return data


def decode_scenario_file(data: bytes, pack: Pack | None, name: str | Path) -> ScenarioRecord:
    """The scenario in `data`, or ExchangeError; with `pack`, also checked against that pack."""
    record = _checked(SCENARIO_FILE.decode(data, name).scenario, name)
    if pack is not None:
        check_against_pack(record, pack, name)
    return record


def read_scenario_file(path: Path, packs: Mapping[str, Pack]) -> ScenarioRecord:
    """The scenario in `path`, checked against its pack among `packs` (by id); else ExchangeError."""
    record = _checked(SCENARIO_FILE.read(path).scenario, path)
    check_against_pack(record, installed(record, packs, path), path)
    return record


def _checked(record: ScenarioRecord, name: str | Path) -> ScenarioRecord:
    raise_first(name, record_problems(record))
    return record


def installed(record: ScenarioRecord, packs: Mapping[str, T], name: str | Path) -> T:
    """The pack `record` was made for, among `packs` by id; else ExchangeError."""
    if record.pack_id not in packs:
        raise ExchangeError(name, "scenario.pack_id", f"needs pack {_show(record.pack_id)}, which is not installed")
    return packs[record.pack_id]


def raise_first(name: str | Path, problems: Iterable[Problem]) -> None:
    """One clear error for the first problem: a reader fixes one thing at a time."""
    problem = next(iter(problems), None)
    if problem is not None:
        raise ExchangeError(name, problem.path, problem.message)


def check_against_pack(record: ScenarioRecord, pack: Pack, name: str | Path) -> None:
    """For callers that learn which pack a file needs only after decoding it (by `pack_id`)."""
    raise_first(name, pack_problems(record, pack))


def _show(value: object) -> str:
    """A value for a message, cut short: a hostile file may put megabytes where an id goes."""
    return shorten(repr(value), 40)


def record_problems(record: ScenarioRecord) -> Iterator[Problem]:
    """What the schema cannot say about a record on its own: id shapes, text lines, ordered ranges."""
    yield from line_problems("scenario.name", record.name)
    if not _ID.match(record.pack_id):
        yield Problem("scenario.pack_id", f"{_show(record.pack_id)} is not a pack id")
    if record.role is not None and not _ID.match(record.role):
        yield Problem("scenario.role", f"{_show(record.role)} is not a role id")
    keyed: dict[str, Iterable[str]] = {
        "assumptions": record.assumptions, "weights": record.weights,
        "forecasts": record.forecasts, "answers": record.answers,
    }
    for n, snapshot in enumerate(record.snapshots):
        keyed[f"snapshots[{n}].values"] = snapshot.values
    for field, keys in keyed.items():
        for key in keys:
            if not _ID.match(key):
                yield Problem(f"scenario.{field}", f"key {_show(key)} is not an id")
    for key, v in record.assumptions.items():
        if v.low is not None and v.low > v.value:
            yield Problem(f"scenario.assumptions[{key!r}].low", f"low {v.low} is above the value {v.value}")
        if v.high is not None and v.high < v.value:
            yield Problem(f"scenario.assumptions[{key!r}].high", f"high {v.high} is below the value {v.value}")
    dates = [s.date for s in record.snapshots]
    if len(set(dates)) != len(dates):
        yield Problem("scenario.snapshots", "two snapshots have the same date")


def line_problems(path: str, text: str) -> Iterator[Problem]:
    """A name is one line someone can read (`scenario.record.name_problem`)."""
    problem = name_problem(text)
    if problem is not None:
        yield Problem(path, problem)


def pack_problems(record: ScenarioRecord, pack: Pack) -> Iterator[Problem]:
    """Every id known in `pack`, every number inside its assumption's bounds, every date inside the pack."""
    if record.pack_id != pack.id:
        yield Problem("scenario.pack_id", f"made for pack {_show(record.pack_id)}, not {pack.id!r}")
        return
    bounds = {a.id: (a.min, a.max) for a in pack.assumptions}
    if record.role is not None and record.role not in {r.id for r in pack.roles}:
        yield Problem("scenario.role", f"unknown role {record.role!r}")
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
            yield Problem(path, f"date {day} is outside the pack's range {pack.start} to {pack.end}")


def without_retired(record: ScenarioRecord, pack: Pack) -> tuple[ScenarioRecord, list[str]]:
    """A record made with an earlier version of its pack, less what that pack has since retired.

    Packs retire ids rather than reuse them, so an id the pack no longer has can only be an item
    it dropped: leaving it out loses nothing the pack can still show. The names of what was left
    out come back for the caller to tell the user.
    """
    known = {"assumption": {a.id for a in pack.assumptions}, "argument": {a.id for a in pack.arguments},
             "forecast question": {q.id for q in pack.questions}, "prompt": {p.id for p in pack.prompts}}
    fields = {"assumptions": "assumption", "weights": "argument", "forecasts": "forecast question", "answers": "prompt"}
    retired = [f"{kind} {key!r}" for field, kind in fields.items() for key in getattr(record, field) if key not in known[kind]]
    kept = {field: {k: v for k, v in getattr(record, field).items() if k in known[kind]} for field, kind in fields.items()}
    role = record.role
    if role is not None and role not in {r.id for r in pack.roles}:
        retired.append(f"role {role!r}")
        role = None
    snapshots = [msgspec.structs.replace(s, values={k: v for k, v in s.values.items() if k in known["assumption"]})
                 for s in record.snapshots]
    return msgspec.structs.replace(record, role=role, snapshots=snapshots, **kept), retired


def _known(pack: Pack, field: str, items: Mapping[str, object], kind: str, known: Iterable[str]) -> Iterator[Problem]:
    for key in items:
        if key not in known:
            yield Problem(f"scenario.{field}[{key!r}]", f"pack {pack.id!r} has no {kind} {key!r}")


def _in_bounds(path: str, value: float | None, bounds: tuple[float, float] | None) -> Iterator[Problem]:
    if value is None or bounds is None:  # an unknown id is reported by _known
        return
    low, high = bounds
    if not low <= value <= high:
        yield Problem(path, f"{value} is outside the allowed range {low} to {high}")
