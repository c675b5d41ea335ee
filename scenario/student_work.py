"""One student's work, read-only, as the teacher reads it: the class window's detail and the class report's pages.

Everything a student handed in is here, in the pack's order: the role, every assumption with
its range, note and history over the dates (from the per-step snapshots), the arguments
weighed with notes, the forecasts with reasons and scores, the prompt answers, and the reveal.
It is plain data (sections of rows of text), so the window and the PDF show exactly the same,
and neither needs to know the record's shape. The student is named only by the label given,
which is the anonymous label in an anonymised class: nothing the file says about who wrote it
(name, scenario name, file name) is included then.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from scenario.classroom import ClassAggregate, StudentRow, role_title
from scenario.class_table import COLUMNS
from scenario.labels import SIDES, THEMES, long_date
from scenario.model import Assumption, Pack
from scenario.scoring import ALWAYS_HALF, answered, score_card
from scenario.submission import Submission

NOT_SET = "not set"


@dataclasses.dataclass(frozen=True)
class Section:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str  # said instead of an empty table


@dataclasses.dataclass(frozen=True)
class StudentWork:
    label: str  # the name shown: the student's, or their anonymous label
    facts: tuple[tuple[str, str], ...]  # who and what: role, mode, progress, score, reveal, flags
    sections: tuple[Section, ...]


def student_work(result: ClassAggregate, row: StudentRow) -> StudentWork:
    """`row` as shown (anonymised or not) in `result`; its submission is found by index, not by name."""
    return work_of(result.pack, result.submission(row), row, result.as_of, result.anonymous)


def work_of(pack: Pack, submission: Submission, row: StudentRow, as_of: dt.date, anonymous: bool) -> StudentWork:
    return StudentWork(
        label=row.name,
        facts=tuple(_facts(pack, submission, row, anonymous)),
        sections=(
            _assumptions(pack, submission),
            _weights(pack, submission),
            _forecasts(pack, submission, as_of),
            _answers(pack, submission),
        ),
    )


def _facts(pack: Pack, submission: Submission, row: StudentRow, anonymous: bool):
    record = submission.record
    yield "Role", role_title(pack, record.role)
    yield "Mode", record.mode.capitalize() + (" (everything was visible)" if record.mode == "explore" else " (only what was known on each date)")
    if not anonymous:
        yield "Scenario", record.name
        yield "File", submission.file
    progress = next(c for c in COLUMNS if c.title == "Progress")
    yield "Progress", f"{progress.text(row)}: {row.answered} of {row.asked} forecasts and prompts answered"
    yield "Mean Brier score", ("none scored yet" if row.mean_brier is None
                               else f"{row.mean_brier:.3f} over {row.scored} forecasts (always 50%: {ALWAYS_HALF}; lower is better)")
    yield "Reveal", _reveal(pack, submission, row)
    if record.current_date is not None:
        yield "Last date viewed", long_date(record.current_date)
    if record.furthest_date is not None:
        yield "Furthest date reached", long_date(record.furthest_date)
    yield "Exported", f"{submission.content.exported_at:%Y-%m-%d %H:%M} UTC, app version {submission.content.app_version}"
    for flag in row.flags:
        yield "Flag", flag
    for warning in row.warnings:
        yield "Warning", warning


def _reveal(pack: Pack, submission: Submission, row: StudentRow) -> str:
    record = submission.record
    if record.revealed_at is None:
        return "Did not reveal the answers"
    text = f"Revealed the answers on scenario date {long_date(record.revealed_at)}"
    if submission.content.revealed_on is not None:
        text += f" (at {submission.content.revealed_on:%Y-%m-%d %H:%M} UTC)"
    return text + (", before the last question resolved" if row.revealed_early else "")


def number(value: float | None, assumption: Assumption) -> str:
    if value is None:
        return ""
    if assumption.kind == "probability":
        return f"{value:.0%}"
    return f"{value:g} {assumption.unit}".rstrip()


def _assumptions(pack: Pack, submission: Submission) -> Section:
    record = submission.record
    rows = []
    for a in pack.assumptions:
        history = [(s.date, s.values[a.id]) for s in record.snapshots if a.id in s.values]
        value = record.assumptions.get(a.id)
        if value is None and not history:
            continue
        moved = "; ".join(f"{long_date(day)}: {number(v, a)}" for day, v in history) or "no snapshot"
        if value is None:
            rows.append((a.label, f"{NOT_SET} (default {number(a.default, a)})", "", "", moved))
            continue
        span = f"{number(value.low, a)} to {number(value.high, a)}" if value.low is not None and value.high is not None else "no range"
        rows.append((a.label, number(value.value, a), span, value.note, moved))
    return Section("Assumptions", ("Assumption", "Value", "Range (low to high)", "Note", "History over the dates"), tuple(rows),
                   "No assumption set: the pack's defaults apply.")


def _weights(pack: Pack, submission: Submission) -> Section:
    weights = submission.record.weights
    rows = tuple(
        (a.claim, SIDES[a.side], THEMES.get(a.theme, a.theme), f"{weights[a.id].weight} of 5", weights[a.id].note)
        for a in pack.arguments if a.id in weights
    )
    return Section("Arguments weighed", ("Claim", "Side", "Theme", "Weight", "Note"), rows, "No argument weighed.")


def _forecasts(pack: Pack, submission: Submission, as_of: dt.date) -> Section:
    forecasts = submission.record.forecasts
    scores = {s.question.id: s.brier for s in score_card(pack, forecasts, as_of).scores}
    rows = []
    for q in pack.questions:
        forecast = forecasts.get(q.id)
        if forecast is None:
            continue
        resolved = answered(pack, q, as_of)
        outcome = ("yes" if q.answer else "no") if resolved else "not yet resolved"
        score = f"{scores[q.id]:.3f}" if q.id in scores else ("not scored: made after it resolved" if resolved else "")
        rows.append((q.question, f"{forecast.probability:.0%}", long_date(forecast.made_on), forecast.reason, outcome, score))
    return Section("Forecasts", ("Question", "Forecast", "Made on", "Reason", "Outcome", "Brier score"), tuple(rows), "No forecast made.")


def _answers(pack: Pack, submission: Submission) -> Section:
    record = submission.record
    prompts = [p for p in pack.prompts if not p.roles or record.role in p.roles]
    rows = tuple((f"{long_date(p.date)}: {p.text}", record.answers.get(p.id, "").strip() or "(no answer)") for p in prompts)
    return Section("Answers to prompts", ("Prompt", "Answer"), rows, "The pack asks this role no prompts.")
