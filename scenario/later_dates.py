"""Warnings for text that names a date later than the date it is first shown.

The vintage rule (`scenario.vintage`) decides *when* an item appears; it cannot read what the
item says. A role brief shown from the pack's start that mentions "January 2025", or an event
of 2020 whose detail tells what happened in 2021, leaks the future in Classroom mode. This
finds dates written in the usual ways ("19 Jan 2025", "January 19, 2025", "January 2025",
"2025-01-19", a bare year) and warns when the earliest day the mention can mean is after the
text's first-shown date. Dates that were already scheduled then (a deadline announced by
then, a question's resolution date) are expected in the text and not reported.

These are warnings, not errors: an author may have a reason (a quoted plan for a later year).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator

from scenario.model import Pack
from scenario.pack import Problem
from scenario.vintage import Vintage, vintage_of

_MONTHS = {name: n for n, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [  # most precise first; a span matched once is not matched again by a looser pattern
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"\b" + _MONTH + r"\s+(?P<year>\d{4})\b", re.IGNORECASE),
    # a bare year, but not one in a law's name ("Consolidated Appropriations Act, 2023", "Fiscal Year 2023")
    re.compile(r"(?<![\d,.$-])(?<!Act, )(?<!Year )\b(?P<year>(?:19|20)\d{2})\b(?![\d,-])"),
]


@functools.lru_cache(maxsize=16384)
def mentioned_dates(text: str) -> tuple[tuple[str, dt.date, str], ...]:
    """(the words, the earliest day they can mean, precision) for each date named in `text`.

    Cached: the pack editor re-checks the whole pack after each keystroke, and all but one of
    its texts are the same as last time; the regular expressions are most of a re-check's cost.
    """
    return tuple(_mentioned_dates(text))


def _mentioned_dates(text: str) -> Iterator[tuple[str, dt.date, str]]:
    taken: list[range] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = range(*match.span())
            if any(span.start < t.stop and t.start < span.stop for t in taken):
                continue
            found = _earliest(match.groupdict())
            if found is not None:
                taken.append(span)
                yield match.group(0), *found


def _earliest(parts: dict[str, str | None]) -> tuple[dt.date, str] | None:
    year = int(parts["year"] or 0)
    month = int(parts["mon"]) if parts.get("mon") else _MONTHS.get((parts.get("month") or "").lower().rstrip("."), 0)
    try:
        if parts.get("day"):
            return dt.date(year, month, int(parts["day"] or 0)), "day"
        if month:
            return dt.date(year, month, 1), "month"
        return dt.date(year, 1, 1), "year"
    except ValueError:
        return None  # "31 Feb 2025", "0000": not a date, nothing to warn about


def later_date_warnings(pack: Pack) -> list[Problem]:
    v = vintage_of(pack)
    return [
        Problem(path, f"names {words!r} ({earliest}), later than {shown}, when this text is first shown")
        for path, shown, text in _shown_texts(pack, v)
        for words, earliest, precision in mentioned_dates(text)
        if earliest > shown and not _scheduled(pack, v, shown, earliest, precision)
    ]


def _scheduled(pack: Pack, v: Vintage, shown: dt.date, earliest: dt.date, precision: str) -> bool:
    """A deadline announced by `shown`, or a question open by then, already named this date."""
    dates = [d.date for d in pack.deadlines if v.deadline(d) <= shown] + [q.resolves for q in pack.questions if q.opens <= shown]
    if precision == "day":
        return earliest in dates
    if precision == "month":
        return any((d.year, d.month) == (earliest.year, earliest.month) for d in dates)
    return any(d.year == earliest.year for d in dates)


def _shown_texts(pack: Pack, v: Vintage) -> Iterator[tuple[str, dt.date, str]]:
    """(path, first-shown date, text) for every text a student reads in Classroom mode."""

    def texts(path: str, shown: dt.date, item: object, fields: Iterable[str]) -> Iterator[tuple[str, dt.date, str]]:
        for field in fields:
            value = getattr(item, field)
            where = f"{path}.{field}" if path else field
            for n, text in enumerate(value if isinstance(value, list) else [value]):
                yield (f"{where}[{n}]" if isinstance(value, list) else where), shown, text

    yield from texts("", pack.start, pack, ["teaser"])
    for n, e in enumerate(pack.events):
        yield from texts(f"events[{n}]", v.item(e), e, ["title", "detail"])
    for n, a in enumerate(pack.arguments):
        yield from texts(f"arguments[{n}]", v.item(a), a, ["claim", "detail", "quote", "speaker"])
    for n, i in enumerate(pack.instruments):
        yield from texts(f"instruments[{n}]", min(v.item(c) for c in i.changes), i, ["name", "title", "summary"])
        for m, c in enumerate(i.changes):
            yield from texts(f"instruments[{n}].changes[{m}]", v.item(c), c, ["note"])
    for n, d in enumerate(pack.deadlines):
        yield from texts(f"deadlines[{n}]", v.deadline(d), d, ["title", "takes_effect", "rule"])
        yield from texts(f"deadlines[{n}]", v.outcome(d), d, ["outcome"])
    for n, r in enumerate(pack.roles):
        yield from texts(f"roles[{n}]", pack.start, r, ["title", "brief", "objectives", "constraints"])
        for m, note in enumerate(r.notes):
            yield from texts(f"roles[{n}].notes[{m}]", v.item(note), note, ["text"])
    for n, s in enumerate(pack.assumptions):
        yield from texts(f"assumptions[{n}]", pack.start, s, ["label", "help"])
        for m, e in enumerate(s.evidence):
            yield from texts(f"assumptions[{n}].evidence[{m}]", v.item(e), e, ["text"])
    for n, q in enumerate(pack.questions):
        yield from texts(f"questions[{n}]", q.opens, q, ["question"])
        yield from texts(f"questions[{n}]", v.resolution(q), q, ["resolution"])
    for n, p in enumerate(pack.prompts):
        yield from texts(f"prompts[{n}]", p.date, p, ["text"])
    for n, d in enumerate(pack.disagreements):
        yield from texts(f"disagreements[{n}]", v.disagreement(d), d, ["topic"])
        for m, pos in enumerate(d.positions):
            yield from texts(f"disagreements[{n}].positions[{m}]", v.position(d, pos), pos, ["claim"])
    if pack.outcome_model is not None:
        for n, node in enumerate(pack.outcome_model.nodes):
            yield from texts(f"outcome_model.nodes[{n}]", pack.start, node, ["question"])
        for n, o in enumerate(pack.outcome_model.outcomes):
            yield from texts(f"outcome_model.outcomes[{n}]", pack.start, o, ["label", "description"])
