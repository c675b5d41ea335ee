"""What was known on a date: nothing later survives the cut, for any date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scenario.known import known_key, known_pack
from scenario.pack import load_pack
from scenario.resources import PACKS_DIR
from scenario.vintage import OUTCOME_NOT_REPORTED, OUTCOME_PENDING
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
            assert d.outcome == OUTCOME_PENDING and d.moved_to is None


def cited_sources(pack):
    """Every source id the cut pack cites anywhere, with where."""
    for kind, items in (("event", pack.events), ("argument", pack.arguments), ("deadline", pack.deadlines),
                        ("question", pack.questions), ("change", [c for i in pack.instruments for c in i.changes]),
                        ("evidence", [e for a in pack.assumptions for e in a.evidence]),
                        ("role note", [n for r in pack.roles for n in r.notes]),
                        ("position", [p for d in pack.disagreements for p in d.positions])):
        for item in items:
            yield from ((kind, s) for s in item.sources)
    for d in pack.deadlines:
        yield from (("outcome", s) for s in d.outcome_sources)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@settings(max_examples=60, deadline=None)
@given(offset=st.integers(min_value=-5, max_value=2000))
def test_no_source_published_later_is_cited(pack, offset):
    """The vintage rule: on date D, the cut lists and cites only sources published by D."""
    day = pack.start + dt.timedelta(days=offset)
    known = known_pack(pack, day)
    published = {s.id: s.date for s in pack.sources}
    assert all(s.date <= day for s in known.sources)
    late = [(kind, s) for kind, s in cited_sources(known) if published[s] > day]
    assert not late
    for d in known.deadlines:  # an outcome shows only with a source that tells it
        assert d.outcome in (OUTCOME_PENDING, OUTCOME_NOT_REPORTED) or d.outcome_sources
    for q in known.questions:
        assert q.resolution == OUTCOME_PENDING or (q.sources and q.resolves <= day)


def test_an_event_first_reported_the_next_day_appears_the_next_day(mini_json, write_pack):
    """Known from the later of its own date and its earliest source: what people could know then."""
    mini_json["sources"].append({"id": "s-late", "publisher": "P", "title": "T", "date": "2030-01-12", "url": "https://example.org/l"})
    event = next(e for e in mini_json["events"] if e["id"] == "e-order")
    event["sources"] = ["s-late"]
    pack = load_pack(write_pack(mini_json)).pack
    assert "e-order" not in {e.id for e in known_pack(pack, dt.date(2030, 1, 11)).events}
    assert "e-order" in {e.id for e in known_pack(pack, dt.date(2030, 1, 12)).events}


def test_a_passed_deadline_whose_outcome_is_not_yet_reported_says_so(mini_json, write_pack):
    mini_json["sources"].append({"id": "s-later", "publisher": "P", "title": "T", "date": "2030-03-28", "url": "https://example.org/l"})
    ban = next(d for d in mini_json["deadlines"] if d["id"] == "d-ban")
    ban["outcome_sources"] = ["s-later"]
    pack = load_pack(write_pack(mini_json)).pack

    def outcome(day: dt.date) -> str:
        return next(d.outcome for d in known_pack(pack, day).deadlines if d.id == "d-ban")

    assert outcome(dt.date(2030, 3, 22)) == OUTCOME_PENDING
    assert outcome(dt.date(2030, 3, 25)) == OUTCOME_NOT_REPORTED
    assert outcome(dt.date(2030, 3, 28)) == ban["outcome"]


def test_key_changes_exactly_when_the_known_pack_does():
    pack = PACKS[0]
    days = [pack.start + dt.timedelta(days=n) for n in range((pack.end - pack.start).days + 1)]
    for before, after in zip(days, days[1:]):
        same_key = known_key(pack, before) == known_key(pack, after)
        assert same_key == (known_pack(pack, before) == known_pack(pack, after))


def test_a_settlement_is_in_the_cut_only_once_its_event_is_known(mini_json, write_pack):
    """The cut names no later event, not even as what settles a node of the outcome model."""
    mini_json["outcome_model"]["nodes"][1]["settled_by"] = [{"event": "e-injunction", "answer": True}]
    pack = load_pack(write_pack(mini_json)).pack
    before, after = known_pack(pack, dt.date(2030, 2, 9)), known_pack(pack, dt.date(2030, 2, 10))
    assert [n.settled_by for n in before.outcome_model.nodes] == [[], []]
    assert [s.event for s in after.outcome_model.nodes[1].settled_by] == ["e-injunction"]
