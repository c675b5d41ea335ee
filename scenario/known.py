"""A pack cut down to what was known on one date: the basis of spoiler-free views.

Views that draw from `known_pack(pack, day)` cannot show a later event, a later status
change, a deadline nobody had announced, or how a pending deadline was later moved, because
those items are simply not in what they are given. The pack's date range is kept, so axes
and sliders still span the whole exercise.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from scenario.model import Deadline, Pack
from scenario.timeline import deadline_settled

NOT_YET_KNOWN = "Not known yet on this date."


def _as_known(deadline: Deadline, day: dt.date) -> Deadline:
    if deadline_settled(deadline, day):
        return deadline
    return msgspec.structs.replace(deadline, ends=None, moved_to=None, outcome=NOT_YET_KNOWN)


def known_pack(pack: Pack, day: dt.date) -> Pack:
    instruments = []
    for instrument in pack.instruments:
        changes = [c for c in instrument.changes if c.date <= day]
        if changes:
            instruments.append(msgspec.structs.replace(instrument, changes=changes))
    arguments = [a for a in pack.arguments if a.date <= day]
    made = {a.id for a in arguments}
    return msgspec.structs.replace(
        pack,
        events=[e for e in pack.events if e.date <= day],
        instruments=instruments,
        deadlines=[_as_known(d, day) for d in pack.deadlines if d.announced <= day],
        arguments=[msgspec.structs.replace(a, rebuttals=[r for r in a.rebuttals if r in made]) for a in arguments],
        questions=[q for q in pack.questions if q.opens <= day],
        prompts=[p for p in pack.prompts if p.date <= day],
        disagreements=[d for d in pack.disagreements if d.date <= day],
        assumptions=[msgspec.structs.replace(a, evidence=[e for e in a.evidence if e.date <= day]) for a in pack.assumptions],
    )


def known_key(pack: Pack, day: dt.date) -> tuple[int, ...]:
    """Changes whenever `known_pack` would: a cheap test for "does the chart need redrawing?"."""
    return (
        sum(e.date <= day for e in pack.events),
        sum(c.date <= day for i in pack.instruments for c in i.changes),
        sum(d.announced <= day for d in pack.deadlines),
        sum(deadline_settled(d, day) for d in pack.deadlines),
        sum(e.date <= day for a in pack.assumptions for e in a.evidence),
    )
