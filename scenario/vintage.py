"""What was known when: the one rule by which the app, its reports and the handout cut a pack.

Like data archives that replay "data as it was known at the time", every source carries the
date it was published. An item is known from the later of its own date and the earliest
publication date among its sources: an event of 6 Aug first reported on 7 Aug appears on
7 Aug. On a date D an item cites only the sources published by D; a source published after
the item became known is a *later report*, shown from its own date and marked as such.

What happened at a deadline and a question's answer are items of their own: known once the
deadline has passed (or the question resolved) and a source telling it has been published.
Before that, a passed deadline reads as passed with its outcome not yet reported.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Protocol

from scenario.model import Deadline, Disagreement, Event, Pack, Position, Question, Settlement

ONE_DAY = dt.timedelta(days=1)
OUTCOME_NOT_REPORTED = "Passed; what happened is not yet reported."
OUTCOME_PENDING = "Not known yet on this date."


class Sourced(Protocol):
    """Any dated item that cites sources: events, arguments, status changes, evidence, role notes."""

    @property
    def date(self) -> dt.date: ...

    @property
    def sources(self) -> Sequence[str]: ...


def outcome_settles(deadline: Deadline) -> dt.date:
    """The first day on which what became of a deadline can be told: the day after it, or the
    day it stopped applying (moved, enjoined, met) if that came first."""
    after = deadline.date + ONE_DAY
    return min(after, deadline.ends) if deadline.ends is not None else after


class Vintage:
    """The publication dates of one pack's sources, and the known date of each of its items.

    Built once per pack (see `vintage_of`); every answer is a dictionary look-up or a walk
    over one item's own sources, so a step never pays for the size of the pack.
    """

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.published: dict[str, dt.date] = {s.id: s.date for s in pack.sources}
        self._moments: list[dt.date] | None = None
        self._events: dict[str, Event] | None = None

    def known_from(self, day: dt.date, sources: Iterable[str]) -> dt.date:
        dates = [self.published[s] for s in sources if s in self.published]
        return max(day, min(dates)) if dates else day

    def item(self, item: Sourced) -> dt.date:
        return self.known_from(item.date, item.sources)

    def deadline(self, deadline: Deadline) -> dt.date:
        """What the deadline is (its date, what takes effect) is known from its announcement."""
        return self.known_from(deadline.announced, deadline.sources)

    def outcome(self, deadline: Deadline) -> dt.date:
        """What happened at the deadline: once it has passed and a source telling it is out."""
        return self.known_from(outcome_settles(deadline), deadline.outcome_sources)

    def resolution(self, question: Question) -> dt.date:
        """A question's answer: once it has resolved and a source telling the answer is out."""
        return self.known_from(question.resolves, question.sources)

    def event(self, event_id: str) -> Event | None:
        if self._events is None:
            self._events = {e.id: e for e in self.pack.events}
        return self._events.get(event_id)

    def settlement(self, settlement: Settlement) -> dt.date:
        """A chance node's answer is known when the event that settles it is (never, for an unknown event)."""
        event = self.event(settlement.event)
        return dt.date.max if event is None else self.item(event)

    def position(self, disagreement: Disagreement, position: Position) -> dt.date:
        return self.known_from(disagreement.date, position.sources)

    def disagreement(self, disagreement: Disagreement) -> dt.date:
        """Sources disagree once two positions are known (a pack always has at least two)."""
        return sorted(self.position(disagreement, p) for p in disagreement.positions)[1]

    def cited(self, sources: Iterable[str], day: dt.date) -> list[str]:
        """The sources published by `day`, in the author's order."""
        return [s for s in sources if self.published.get(s, dt.date.max) <= day]

    def later_reports(self, sources: Iterable[str], known: dt.date) -> set[str]:
        """Sources published after the item became known: shown from their date, marked as later."""
        return {s for s in sources if self.published.get(s, dt.date.min) > known}

    def moments_by(self, day: dt.date) -> int:
        """How many things had become known by `day`: it changes exactly when the cut does, so a
        view can tell in O(log n) whether there is anything new to draw."""
        if self._moments is None:
            self._moments = sorted(self._all_moments())
        return bisect_right(self._moments, day)

    def _all_moments(self) -> Iterable[dt.date]:
        pack = self.pack
        yield from self.published.values()
        for items in (pack.events, pack.arguments, (c for i in pack.instruments for c in i.changes),
                      (e for a in pack.assumptions for e in a.evidence), (n for r in pack.roles for n in r.notes)):
            yield from (self.item(i) for i in items)
        for d in pack.deadlines:
            yield from (self.deadline(d), self.outcome(d))
            if self.outcome(d) > d.date + ONE_DAY:  # passed, not yet reported: the text changes then too
                yield d.date + ONE_DAY
        for q in pack.questions:
            yield from (q.opens, self.resolution(q))
        yield from (p.date for p in pack.prompts)
        for d in pack.disagreements:
            yield from (self.position(d, p) for p in d.positions)


_CACHE: OrderedDict[int, Vintage] = OrderedDict()
_CACHE_SIZE = 8


def vintage_of(pack: Pack) -> Vintage:
    """The pack's Vintage, made once: the cache holds the pack itself, so its id is never reused
    while it is cached, and keeps only the last few packs (a class window may hold several)."""
    key = id(pack)
    found = _CACHE.get(key)
    if found is not None and found.pack is pack:
        _CACHE.move_to_end(key)
        return found
    made = _CACHE[key] = Vintage(pack)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return made
