"""A student's scenario: what they assumed, weighed, forecast and answered, in one pack.

The record is immutable; every edit is a function returning a new record. That keeps undo
trivial (keep the old value), lets the store persist exactly one changed row per edit, and
lets export, submissions and the class view share one typed shape instead of loose dicts.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Literal

import msgspec

Mode = Literal["explore", "classroom"]
Note = Annotated[str, msgspec.Meta(max_length=4000)]
NAME_MAX = 120  # scenario and student names: long enough for anyone, short enough for a table cell
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=NAME_MAX)]
# What breaks a name's one line: C0 and C1 controls (NEL, U+0085, among them), DEL, and the
# Unicode line and paragraph separators.
_NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Letters that draw nothing, used to make names that look empty (Hangul fillers, blank Braille).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Format characters (zero-width space and joiners, byte-order mark, bidi controls) and marks
# that only decorate another character: none of them is visible on its own.
_INVISIBLE = frozenset({"Cf", "Mn", "Me"})
# A file may hold at most this many entries in each map or list: far more than any pack has
# items or a student has steps, few enough that opening and editing stay fast (a file with
# 100,000 snapshots took seconds to open and made every edit stall).
MAX_ENTRIES = 10_000
Weight = Annotated[int, msgspec.Meta(ge=0, le=5)]
Probability = Annotated[float, msgspec.Meta(ge=0.0, le=1.0)]


def name_problem(name: str) -> str | None:
    """The one rule for a scenario or student name: at most NAME_MAX characters, on one line,
    with something visible (a name of zero-width spaces would be an empty cell in a class table)."""
    if len(name) > NAME_MAX:
        return f"may have at most {NAME_MAX} characters"
    if _NOT_ONE_LINE.search(name) or not any(map(_visible, name)):
        return "must be one line of visible text"
    return None


def fitted_name(text: str, suffix: str = "") -> str:
    """A name made by the app (from a pack title, or an existing name plus " (copy)"), that
    passes `name_problem`: line breaks and controls become spaces, and `text` is cut so that
    `suffix` still fits."""
    base = _NOT_ONE_LINE.sub(" ", text)[: NAME_MAX - len(suffix)].strip()
    return (base if any(map(_visible, base)) else "Scenario") + suffix


def _visible(char: str) -> bool:
    return not (char.isspace() or char in _BLANK_LETTERS or unicodedata.category(char) in _INVISIBLE)


class Entry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Base for record parts: immutable, strict about keys when read back from a file."""


class AssumptionValue(Entry, kw_only=True):
    value: float
    low: float | None = None
    high: float | None = None
    note: Note = ""


class ArgumentWeight(Entry, kw_only=True):
    weight: Weight
    note: Note = ""


class Forecast(Entry, kw_only=True):
    probability: Probability
    reason: Note = ""
    made_on: dt.date  # the scenario date the student was standing on, not the wall clock


class Snapshot(Entry, kw_only=True):
    """The student's assumption values as they stood at one scenario date."""

    date: dt.date
    values: Annotated[dict[str, float], msgspec.Meta(max_length=MAX_ENTRIES)]


class ScenarioRecord(Entry, kw_only=True):
    name: Name
    pack_id: str
    mode: Mode = "explore"
    role: str | None = None
    current_date: dt.date | None = None
    furthest_date: dt.date | None = None  # the latest date the student has stepped to: forecasts lock by it
    assumptions: Annotated[dict[str, AssumptionValue], msgspec.Meta(max_length=MAX_ENTRIES)] = {}
    weights: Annotated[dict[str, ArgumentWeight], msgspec.Meta(max_length=MAX_ENTRIES)] = {}
    forecasts: Annotated[dict[str, Forecast], msgspec.Meta(max_length=MAX_ENTRIES)] = {}
    answers: Annotated[dict[str, Note], msgspec.Meta(max_length=MAX_ENTRIES)] = {}
    snapshots: Annotated[list[Snapshot], msgspec.Meta(max_length=MAX_ENTRIES)] = []
    revealed_at: dt.date | None = None  # scenario date at which the student chose to see the end


def with_assumption(record: ScenarioRecord, assumption_id: str, value: AssumptionValue | None, at: dt.date | None) -> ScenarioRecord:
    """Set (or with None, clear back to the pack default) one assumption, snapshotting the values at `at`."""
    updated = _with_entry(record, "assumptions", assumption_id, value)
    return with_snapshot(updated, at) if at is not None else updated


def with_snapshot(record: ScenarioRecord, at: dt.date) -> ScenarioRecord:
    """Keep one snapshot per date: a later edit on the same date replaces that date's values.

    A snapshot records a move: when the values are back where the previous snapshot had them
    (nothing set, before the first), that date has none, so an undone edit leaves no row behind.
    """
    values = {key: v.value for key, v in record.assumptions.items()}
    kept = [s for s in record.snapshots if s.date != at]
    if values != snapshot_before(kept, at):
        kept.append(Snapshot(date=at, values=values))
        kept.sort(key=lambda s: s.date)
    return msgspec.structs.replace(record, snapshots=kept)


def snapshot_before(snapshots: list[Snapshot], at: dt.date) -> dict[str, float]:
    """The values of the last snapshot before `at`; none set before the first."""
    earlier = [s for s in snapshots if s.date < at]
    return max(earlier, key=lambda s: s.date).values if earlier else {}


def _with_entry(record: ScenarioRecord, field: str, key: str, value: object | None) -> ScenarioRecord:
    """Set or (with None or empty text) remove one keyed entry of a dict field."""
    entries = dict(getattr(record, field))
    if value is None or value == "":
        entries.pop(key, None)
    else:
        entries[key] = value
    return msgspec.structs.replace(record, **{field: entries})


def with_weight(record: ScenarioRecord, argument_id: str, weight: ArgumentWeight | None) -> ScenarioRecord:
    return _with_entry(record, "weights", argument_id, weight)


def with_forecast(record: ScenarioRecord, question_id: str, forecast: Forecast | None) -> ScenarioRecord:
    return _with_entry(record, "forecasts", question_id, forecast)


def with_answer(record: ScenarioRecord, prompt_id: str, text: str | None) -> ScenarioRecord:
    return _with_entry(record, "answers", prompt_id, text)
