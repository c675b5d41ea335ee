"""What a pack says about one date: known events, law in force, deadlines ahead, arguments made.

Everything is answered "as of date D" because the exercise is to reason as people did on
the day: an item counts from the date it became known (`scenario.vintage`), not from the date
it happened. Lists are pre-sorted by known date in the loader and searched with bisect, so one
step costs microseconds even for a large pack.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_left, bisect_right

from scenario.model import Argument, Deadline, Disagreement, Event, Instrument, Pack, StatusChange
from scenario.vintage import ONE_DAY, vintage_of


@dataclasses.dataclass(frozen=True)
class InstrumentState:
    instrument: Instrument
    change: StatusChange  # the latest change on or before the date: its status and since when

    @property
    def in_force(self) -> bool:
        return self.change.status == "in_force"


@dataclasses.dataclass(frozen=True)
class Countdown:
    deadline: Deadline
    days: int  # 0 on the day itself


class Timeline:
    """Answers date questions about one pack; built once per pack, queried on every step."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.vintage = vintage = vintage_of(pack)
        self.instruments = {i.id: i for i in pack.instruments}
        self._event_dates = [vintage.item(e) for e in pack.events]
        self._argument_dates = [vintage.item(a) for a in pack.arguments]
        self._disagreement_dates = [vintage.disagreement(d) for d in pack.disagreements]
        self._changes = [(i, [(vintage.item(c), c) for c in i.changes]) for i in pack.instruments]
        self._deadlines = [(vintage.deadline(d), vintage.outcome(d), d) for d in pack.deadlines]
        deadline_dates = {d.date for d in pack.deadlines if pack.start <= d.date <= pack.end}
        self._step_dates = sorted(set(self._event_dates) | deadline_dates)

    @property
    def start(self) -> dt.date:
        return self.pack.start

    @property
    def end(self) -> dt.date:
        return self.pack.end

    def clamp(self, day: dt.date) -> dt.date:
        return min(max(day, self.start), self.end)

    def events_known(self, day: dt.date) -> list[Event]:
        """Events known by `day`, newest first (the order a reader wants them)."""
        return self.pack.events[: bisect_right(self._event_dates, day)][::-1]

    def events_later(self, day: dt.date) -> list[Event]:
        return self.pack.events[bisect_right(self._event_dates, day):]

    def arguments_made(self, day: dt.date) -> list[Argument]:
        return self.pack.arguments[: bisect_right(self._argument_dates, day)]

    def disagreements_known(self, day: dt.date) -> list[Disagreement]:
        """Disagreements between sources that had arisen by `day`, newest first."""
        return self.pack.disagreements[: bisect_right(self._disagreement_dates, day)][::-1]

    def instruments_at(self, day: dt.date) -> list[InstrumentState]:
        """Every instrument known by `day` with its status as known then; in force first, newest first.

        Changes are in date order; the latest one known by `day` is the status then, even
        where an earlier change was reported later than it.
        """
        states = []
        for instrument, changes in self._changes:
            current = None
            for known, change in changes:
                if known <= day:
                    current = change
            if current is not None:
                states.append(InstrumentState(instrument, current))
        states.sort(key=lambda s: (not s.in_force, -s.change.date.toordinal()))
        return states

    def countdowns(self, day: dt.date) -> list[Countdown]:
        """Deadlines known on `day` that have not yet passed, soonest first: one whose end (moved,
        enjoined, met) is not yet reported still counts down, as it did for people at the time."""
        live = [
            Countdown(d, (d.date - day).days)
            for known, outcome_known, d in self._deadlines
            if known <= day <= d.date and not (d.ends is not None and outcome_known <= day)
        ]
        live.sort(key=lambda c: c.days)
        return live

    def next_event(self, day: dt.date) -> dt.date | None:
        """The next date with an event or a deadline: the moments worth stopping at."""
        i = bisect_right(self._step_dates, day)
        return self._step_dates[i] if i < len(self._step_dates) else None

    def previous_event(self, day: dt.date) -> dt.date | None:
        i = bisect_left(self._step_dates, day)
        return self._step_dates[i - 1] if i > 0 else None

    def next_deadline(self, day: dt.date) -> dt.date | None:
        """The next deadline known on `day`; a deadline nobody knew of yet is no step target."""
        later = [c.deadline.date for c in self.countdowns(day) if c.days > 0]
        return min(later) if later else None

    def next_day(self, day: dt.date) -> dt.date | None:
        return day + ONE_DAY if day < self.end else None

    def previous_day(self, day: dt.date) -> dt.date | None:
        return day - ONE_DAY if day > self.start else None
