"""Vintage checks for the shipped packs: every source is dated, and no item cites a source
published well after the date the item is first shown (see DESIGN.md, "What was known when").

An item (event, argument, evidence, prompt, disagreement position, status change) is shown from
its own date. Each source it cites must carry a publication date no more than `GRACE` days after
that date. Where a later report is genuinely the only source, the item's date must be the day
it became known (so the rule still holds). No Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from scenario.model import Pack
from scenario.pack import load_pack

SCENARIOS = Path(__file__).resolve().parents[2] / "resources" / "scenarios"
PACK_FILES = sorted(SCENARIOS.glob("*.json"))
GRACE = dt.timedelta(days=7)


@pytest.fixture(scope="module", params=PACK_FILES, ids=[p.stem for p in PACK_FILES])
def pack(request) -> Pack:
    return load_pack(request.param).pack


def dated_items(pack: Pack) -> Iterator[tuple[str, dt.date, list[str]]]:
    """(label, date first shown, source ids) for every item the vintage rule covers."""
    for e in pack.events:
        yield f"event {e.id}", e.date, list(e.sources)
    for a in pack.arguments:
        yield f"argument {a.id}", a.date, list(a.sources)
    for s in pack.assumptions:
        for i, ev in enumerate(s.evidence):
            yield f"evidence {s.id}[{i}]", ev.date, list(ev.sources)
    for d in pack.disagreements:
        for i, pos in enumerate(d.positions):
            yield f"disagreement {d.id} position {i}", d.date, list(pos.sources)
    for ins in pack.instruments:
        for i, c in enumerate(ins.changes):
            yield f"instrument {ins.id} change {i} ({c.date})", c.date, list(c.sources)
    # Prompts carry no sources in the current format; they are covered by their date alone.


def test_every_source_has_a_publication_date(pack: Pack):
    undated = [s.id for s in pack.sources if s.date is None]
    assert not undated, f"{pack.id}: sources without a publication date: {undated}"


def test_no_item_cites_a_source_published_well_after_it(pack: Pack):
    dates = {s.id: s.date for s in pack.sources}
    late = []
    for label, day, refs in dated_items(pack):
        for ref in refs:
            published = dates[ref]
            if published is None or published > day + GRACE:
                late.append(f"{label} ({day}) cites {ref} ({published})")
    assert not late, f"{pack.id}: {len(late)} items cite later sources:\n  " + "\n  ".join(late)


def test_dated_items_cover_every_kind():
    """The walk above must see each kind of dated item a pack can hold."""
    pack = load_pack(SCENARIOS / "tiktok-2020.json").pack
    labels = {label.split()[0] for label, _, _ in dated_items(pack)}
    assert {"event", "argument", "evidence", "disagreement", "instrument"} <= labels
