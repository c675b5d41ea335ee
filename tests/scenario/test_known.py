"""What was known on a date: nothing later survives the cut, for any date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scenario.known import NOT_YET_KNOWN, known_key, known_pack
from scenario.pack import load_pack
from scenario.resources import PACKS_DIR
from tests.conftest import MINI_PACK

PACKS = [load_pack(MINI_PACK).pack, *(load_pack(p).pack for p in sorted(PACKS_DIR.glob("*.json")))]


def later_dates(pack, day):
    """Every date in the cut pack that lies after `day`, except the range and known deadlines' own dates."""
    for e in pack.events:
        yield e.date
    for i in pack.instruments:
        yield from (c.date for c in i.changes)
    for d in pack.deadlines:
        yield d.announced
        if d.ends:
            yield d.ends
    yield from (a.date for a in pack.arguments)
    yield from (q.opens for q in pack.questions)
    yield from (p.date for p in pack.prompts)
    yield from (d.date for d in pack.disagreements)
    yield from (e.date for a in pack.assumptions for e in a.evidence)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@settings(max_examples=60, deadline=None)
@given(offset=st.integers(min_value=-5, max_value=2000))
def test_nothing_dated_later_survives(pack, offset):
    day = pack.start + dt.timedelta(days=offset)
    known = known_pack(pack, day)
    assert all(date <= day for date in later_dates(known, day))
    for d in known.deadlines:
        if d.date >= day and (d.ends is None or d.ends > day):
            assert d.outcome == NOT_YET_KNOWN and d.moved_to is None


def test_key_changes_exactly_when_the_known_pack_does():
    pack = PACKS[0]
    days = [pack.start + dt.timedelta(days=n) for n in range((pack.end - pack.start).days + 1)]
    for before, after in zip(days, days[1:]):
        same_key = known_key(pack, before) == known_key(pack, after)
        assert same_key == (known_pack(pack, before) == known_pack(pack, after))
