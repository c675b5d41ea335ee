"""Debrief: the class's views at each checkpoint of the exercise, for projecting in front of the room.

A checkpoint is a date: every deadline and every question's opening and resolution date of the
pack, plus any date the teacher adds. At each one the slide shows what was known then (the
banner and what was in force, cut by the same function as Classroom mode and the handout), the
spread of the class's probabilities for each question open then (and for each one that resolved
since the previous checkpoint) (only forecasts made on or
before that date, from their `made_on`), how the class's assumptions moved up to then (from each
student's per-step snapshots), and, for a question that has resolved by then and whose answer
has been reported, what happened and the class's Brier score. Explore-mode forecasts count
only when the teacher includes them, as in the class view. Nothing here ranks students or
rewards speed: there are no names on a slide, and no timers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
from collections.abc import Iterable, Sequence

from scenario.classroom import ClassAggregate
from scenario.handout import make_handout
from scenario.model import Assumption, Question
from scenario.scoring import brier, scorable
from scenario.submission import Submission
from scenario.vintage import vintage_of


@dataclasses.dataclass(frozen=True)
class QuestionAt:
    question: Question
    forecasts: tuple[float, ...]  # the class's forecasts made by the checkpoint
    answer: bool | None  # None until resolved and reported by the checkpoint
    brier: float | None  # the class's mean Brier score once answered (forecasts made before it resolved)

    @property
    def mean(self) -> float | None:
        return sum(self.forecasts) / len(self.forecasts) if self.forecasts else None

    @property
    def median(self) -> float | None:
        return statistics.median(self.forecasts) if self.forecasts else None


@dataclasses.dataclass(frozen=True)
class AssumptionAt:
    assumption: Assumption
    values: tuple[float, ...]  # each student's latest snapshot value on or before the checkpoint
    previous_median: float | None  # the class median at the previous checkpoint

    @property
    def median(self) -> float | None:
        return statistics.median(self.values) if self.values else None


@dataclasses.dataclass(frozen=True)
class Slide:
    date: dt.date
    title: str  # why this date is a checkpoint
    banner: tuple[str, ...]
    in_force: tuple[str, ...]
    questions: tuple[QuestionAt, ...]
    assumptions: tuple[AssumptionAt, ...]


def checkpoints(result: ClassAggregate, extra: Iterable[dt.date] = ()) -> list[tuple[dt.date, str]]:
    """Dates in order, each once, with what makes it a checkpoint; dates outside the pack are dropped."""
    pack = result.pack
    found: dict[dt.date, list[str]] = {}
    for deadline in pack.deadlines:
        found.setdefault(deadline.date, []).append(f"Deadline: {deadline.title}")
    for q in pack.questions:
        found.setdefault(q.opens, []).append(f"Question opens: {q.question}")
        found.setdefault(q.resolves, []).append(f"Question resolves: {q.question}")
    for day in extra:
        found.setdefault(day, []).append("Added by the teacher")
    return [(day, "; ".join(reasons)) for day, reasons in sorted(found.items()) if pack.start <= day <= pack.end]


def slides(result: ClassAggregate, extra: Iterable[dt.date] = ()) -> list[Slide]:
    counted = [s for s in result.submissions if result.include_explore or s.mode != "explore"]
    vintage = vintage_of(result.pack)
    out: list[Slide] = []
    previous: dict[str, float | None] = {}
    since = None
    for day, title in checkpoints(result, extra):
        slide = slide_at(result, counted, day, title, vintage, previous, since)
        previous = {a.assumption.id: a.median for a in slide.assumptions}
        since = day
        out.append(slide)
    return out


def slide_at(result: ClassAggregate, counted: Sequence[Submission], day: dt.date, title: str, vintage=None,
             previous: dict[str, float | None] | None = None, since: dt.date | None = None) -> Slide:
    """The questions open on `day`, and those that resolved after `since` (the previous checkpoint) and by `day`."""
    pack = result.pack
    vintage = vintage or vintage_of(pack)
    handout = make_handout(pack, day)
    questions = []
    for q in pack.questions:
        if q.opens > day or (q.resolves <= day and since is not None and q.resolves <= since):
            continue
        made = [s.record.forecasts[q.id] for s in counted if q.id in s.record.forecasts and s.record.forecasts[q.id].made_on <= day]
        answered = q.resolves <= day and vintage.resolution(q) <= day
        scored = [brier(f.probability, q.answer) for f in made if scorable(f, q)] if answered else []
        questions.append(QuestionAt(q, tuple(f.probability for f in made), q.answer if answered else None,
                                    sum(scored) / len(scored) if scored else None))
    assumptions = []
    for a in pack.assumptions:
        values = tuple(v for v in (_value_by(s, a.id, day) for s in counted) if v is not None)
        if values:
            assumptions.append(AssumptionAt(a, values, (previous or {}).get(a.id)))
    return Slide(day, title, handout.banner, tuple(f"{i.title}" for i in handout.of_kind("instrument")), tuple(questions),
                 tuple(assumptions))


def _value_by(submission: Submission, assumption_id: str, day: dt.date) -> float | None:
    """The student's value in their latest snapshot on or before `day` (snapshots are in date order)."""
    value = None
    for snapshot in submission.record.snapshots:
        if snapshot.date > day:
            break
        if assumption_id in snapshot.values:
            value = snapshot.values[assumption_id]
    return value
