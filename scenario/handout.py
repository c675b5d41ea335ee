"""The handout: what Classroom mode shows on one date for one role, for paper or as JSON.

For rooms with few computers, and for exams. It is cut by the same domain function as the
app's views (`known_pack`, then a `Timeline` over what it kept), so a sheet can never show what
the screen would not: nothing known after the date, no source published after it, no outcome
before it was reported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from scenario.known import known_pack
from scenario.labels import banner_text, countdown_text, short_date, status_phrase
from scenario.model import Pack, Role
from scenario.timeline import Timeline
from scenario.vintage import vintage_of

FORMAT = "divestiture-lab/handout"
VERSION = 1


class HandoutError(ValueError):
    """A date outside the pack or a role it does not have: the caller names the option."""


@dataclasses.dataclass(frozen=True)
class ShownItem:
    id: str
    kind: str  # instrument, deadline, event, argument, question, prompt, role_note
    date: dt.date  # its own date (what happened when); `known` is when it could be known
    known: dt.date
    title: str
    text: str
    sources: tuple[str, ...]  # published by the handout's date, in the author's order
    later_reports: tuple[str, ...] = ()  # of those, the ones published after the item became known


@dataclasses.dataclass(frozen=True)
class Handout:
    pack: Pack  # the cut: only what was known on `date`
    date: dt.date
    role: Role | None
    banner: tuple[str, ...]
    items: tuple[ShownItem, ...]

    def of_kind(self, kind: str) -> list[ShownItem]:
        return [i for i in self.items if i.kind == kind]

    @property
    def cited(self) -> list[str]:
        """Every source the sheet cites, once, in order of first citation."""
        return list(dict.fromkeys(s for i in self.items for s in i.sources))


def make_handout(pack: Pack, day: dt.date, role_id: str | None = None) -> Handout:
    if not pack.start <= day <= pack.end:
        raise HandoutError(f"date {day} is outside the pack's range {pack.start} to {pack.end}")
    roles = {r.id: r for r in pack.roles}
    if role_id is not None and role_id not in roles:
        raise HandoutError(f"the pack has no role '{role_id}' (roles: {', '.join(roles) or 'none'})")
    full = vintage_of(pack)  # known dates come from the whole pack; the cut keeps only what is known
    cut = known_pack(pack, day)
    timeline = Timeline(cut)
    role = next((r for r in cut.roles if r.id == role_id), None)

    def shown(kind: str, item_id: str, date: dt.date, known: dt.date, title: str, text: str, sources: list[str]) -> ShownItem:
        return ShownItem(item_id, kind, date, known, title, text, tuple(sources), tuple(sorted(full.later_reports(sources, known))))

    countdowns = timeline.countdowns(day)
    items = [shown("deadline", c.deadline.id, c.deadline.date, full.deadline(c.deadline), countdown_text(c), c.deadline.takes_effect,
                   c.deadline.sources) for c in countdowns]
    for state in timeline.instruments_at(day):
        change = state.change
        items.append(shown("instrument", state.instrument.id, change.date, full.item(change),
                           f"{state.instrument.name}: {status_phrase(state)}",
                           f"{state.instrument.title}. {change.note}", change.sources))
    items += [shown("event", e.id, e.date, full.item(e), e.title, e.detail, e.sources) for e in timeline.events_known(day)]
    items += [shown("argument", a.id, a.date, full.item(a), a.claim, f"{a.speaker}: {a.detail}", a.sources)
              for a in timeline.arguments_made(day)]
    items += [shown("question", q.id, q.opens, q.opens, q.question, f"Opened {short_date(q.opens)}; resolves {short_date(q.resolves)}.", [])
              for q in cut.questions if day < q.resolves]
    items += [shown("prompt", p.id, p.date, p.date, "Prompt", p.text, [])
              for p in cut.prompts if role_id is None or not p.roles or role_id in p.roles]
    if role is not None:
        items += [shown("role_note", f"{role.id}-note-{n}", note.date, full.item(note), "", note.text, note.sources)
                  for n, note in enumerate(role.notes)]
    return Handout(cut, day, role, banner_text(timeline, {i.id: i for i in pack.instruments}, day).lines(), tuple(items))


def handout_json(handout: Handout) -> bytes:
    """The sheet's content for other tools: every shown item with its id, kind, dates and sources."""
    pack, role = handout.pack, handout.role
    sources = {s.id: s for s in pack.sources}
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "pack": {"id": pack.id, "version": pack.version, "title": pack.title},
        "date": handout.date.isoformat(),
        "role": None if role is None else {"id": role.id, "title": role.title, "brief": role.brief,
                                             "objectives": role.objectives, "constraints": role.constraints},
        "banner": list(handout.banner),
        "items": [{"id": i.id, "kind": i.kind, "date": i.date.isoformat(), "known": i.known.isoformat(), "title": i.title,
                   "text": i.text, "sources": list(i.sources), "later_reports": list(i.later_reports)} for i in handout.items],
        "sources": [{"id": s, "publisher": sources[s].publisher, "title": sources[s].title, "date": sources[s].date.isoformat(),
                     "url": sources[s].url} for s in handout.cited],
    }
    return json.dumps(document, indent=1, ensure_ascii=False).encode() + b"\n"
