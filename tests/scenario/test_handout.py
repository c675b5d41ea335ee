"""The handout shows exactly what Classroom mode shows on its date, and nothing later."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from scenario.handout import HandoutError, handout_json, make_handout
from scenario.pack import load_pack
from scenario.resources import PACKS_DIR
from scenario.timeline import Timeline
from scenario.vintage import vintage_of
from tests.conftest import MINI_PACK

PACKS = [load_pack(MINI_PACK).pack, *(load_pack(p).pack for p in sorted(PACKS_DIR.glob("*.json")))]


def fifty_dates(pack) -> list[dt.date]:
    days = (pack.end - pack.start).days
    rng = random.Random(pack.id)  # the same dates on every run, different for each pack
    return sorted(pack.start + dt.timedelta(days=rng.randint(0, days)) for _ in range(50))


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_on_fifty_dates_the_handout_agrees_with_the_window_and_holds_nothing_later(pack):
    """The window's views ask a Timeline over the whole pack; the handout cuts first. Same result."""
    timeline, vintage = Timeline(pack), vintage_of(pack)
    published = {s.id: s.date for s in pack.sources}
    roles = [None, *(r.id for r in pack.roles)]
    for n, day in enumerate(fifty_dates(pack)):
        handout = make_handout(pack, day, roles[n % len(roles)])
        ids = lambda kind: [i.id for i in handout.of_kind(kind)]  # noqa: E731
        assert ids("event") == [e.id for e in timeline.events_known(day)]
        assert ids("argument") == [a.id for a in timeline.arguments_made(day)]
        assert ids("deadline") == [c.deadline.id for c in timeline.countdowns(day)]
        assert ids("instrument") == [s.instrument.id for s in timeline.instruments_at(day)]
        assert all(i.known <= day for i in handout.items)
        assert all(published[s] <= day for i in handout.items for s in i.sources)
        assert all(published[s] <= day for s in handout.cited)
        assert all(vintage.resolution(q) <= day or q.resolution == "Not known yet on this date." for q in handout.pack.questions)


def test_a_role_sees_its_own_notes_and_prompts_only():
    pack = next(p for p in PACKS if p.id == "tiktok-2020")
    late = dt.date(2020, 9, 1)
    buyer = make_handout(pack, late, "r-buyer")
    assert [n.text.split()[0] for n in buyer.of_kind("role_note")] == ["Microsoft", "President", "China"]
    assert make_handout(pack, late, "r-aclu").of_kind("role_note") == []
    early = make_handout(pack, dt.date(2020, 8, 2), "r-buyer")  # the 3 Aug note, first reported 4 Aug, is not there yet
    assert [n.date for n in early.of_kind("role_note")] == [dt.date(2020, 8, 2)]
    prompts = {p.id: p for p in pack.prompts}
    for handout, role in ((buyer, "r-buyer"), (make_handout(pack, late, "r-aclu"), "r-aclu")):
        assert all(not prompts[p.id].roles or role in prompts[p.id].roles for p in handout.of_kind("prompt"))


def test_the_json_names_every_shown_item_with_its_kind_date_and_sources():
    pack = next(p for p in PACKS if p.id == "tiktok-2024")
    handout = make_handout(pack, dt.date(2024, 12, 1), "r-nsc")
    data = json.loads(handout_json(handout))
    assert data["format"] == "divestiture-lab/handout" and data["date"] == "2024-12-01" and data["role"]["id"] == "r-nsc"
    assert len(data["items"]) == len(handout.items) and data["banner"][0] == "Sun 1 Dec 2024"
    first = data["items"][0]
    assert set(first) == {"id", "kind", "date", "known", "title", "text", "sources", "later_reports"}
    assert {s["id"] for s in data["sources"]} == {s for i in data["items"] for s in i["sources"]}


@pytest.mark.parametrize(("day", "role", "message"), [
    (dt.date(2019, 1, 1), None, "outside the pack's range"),
    (dt.date(2020, 8, 1), "r-nobody", "has no role 'r-nobody'"),
])
def test_a_bad_date_or_role_is_refused(day, role, message):
    pack = next(p for p in PACKS if p.id == "tiktok-2020")
    with pytest.raises(HandoutError, match=message):
        make_handout(pack, day, role)
