"""A class's submissions for one pack, side by side: what the teacher's view and report show.

Everything is computed once per load (500 submissions take milliseconds), so the window only
displays. Only what students actually entered is aggregated: an assumption a student left at
the pack default, or an argument they did not weigh, is missing from their row rather than
counted as a value they chose. Anonymising replaces every name and file name, so a class
report can be projected or shared.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import typing
import unicodedata
from collections import Counter
from collections.abc import Sequence

import msgspec

import numpy as np

from scenario.labels import THEMES
from scenario.model import Assumption, Pack, Question, Theme
from scenario.scoring import CalibrationBin, ScoreCard, answered, brier, calibration, score_card, scored_pairs
from scenario.submission import Submission

NO_ROLE = "No role"
_SIDE = {"for": "For", "against": "Against"}  # short: these head heat-map columns
_THEME_ORDER = typing.get_args(Theme)
_DIGITS = re.compile(r"(\d+)")


@dataclasses.dataclass(frozen=True)
class Skipped:
    """A file that could not be used, and why (one line, for a list or stderr)."""

    file: str
    reason: str


PROGRESS_HELP = ("Progress: the share of what the pack asks of this student that has an answer: every forecast "
                 "question, plus the prompts for the student's role (prompts for every role count for all).")
EXPLORE_HELP = ("Explore mode shows every later event and answer, so its forecasts are not made blind: they are "
                "kept out of the class's forecast statistics unless the teacher includes them.")


@dataclasses.dataclass(frozen=True)
class StudentRow:
    name: str
    file: str
    role: str  # the role's title, or NO_ROLE
    progress: float | None  # share of forecasts and prompt answers given; None when the pack asks for none
    mean_brier: float | None
    scored: int  # forecasts that counted towards mean_brier
    revealed_early: bool  # saw the answers before the last question resolved
    warnings: tuple[str, ...]
    mode: str = "classroom"  # "explore" or "classroom", as the record says
    flags: tuple[str, ...] = ()  # reasons to look twice before marking, each a sentence naming no one
    answered: int = 0  # forecasts and prompt answers given
    asked: int = 0  # forecast questions and prompts for the student's role
    index: int = 0  # position in ClassAggregate.submissions: stays put when names are anonymised

    @property
    def explore(self) -> bool:
        return self.mode == "explore"


@dataclasses.dataclass(frozen=True)
class AssumptionSpread:
    assumption: Assumption
    values: tuple[float, ...]  # one per student who set it, in row order


@dataclasses.dataclass(frozen=True)
class WeightMatrix:
    """Mean argument weight (0-5) per role and per side-and-theme; NaN where no one weighed any."""

    roles: tuple[str, ...]
    columns: tuple[str, ...]
    mean: np.ndarray  # len(roles) x len(columns)
    count: np.ndarray  # how many weights each mean is over


@dataclasses.dataclass(frozen=True)
class QuestionSpread:
    question: Question
    forecasts: tuple[float, ...]  # every forecast given, in row order
    resolved: bool  # whether the outcome may be shown as of the aggregation date

    @property
    def mean(self) -> float | None:
        return sum(self.forecasts) / len(self.forecasts) if self.forecasts else None


@dataclasses.dataclass(frozen=True)
class ClassAggregate:
    pack: Pack
    as_of: dt.date
    rows: tuple[StudentRow, ...]
    assumptions: tuple[AssumptionSpread, ...]
    weights: WeightMatrix
    questions: tuple[QuestionSpread, ...]
    calibration: tuple[CalibrationBin, ...]
    mean_brier: float | None  # over every scored forecast of the class (Explore mode's only when included)
    skipped: tuple[Skipped, ...] = ()
    anonymous: bool = False
    submissions: tuple[Submission, ...] = ()  # in the order rows were made (StudentRow.index)
    include_explore: bool = False  # Explore-mode forecasts counted in the class statistics
    digest: str | None = None  # the installed pack file's sha256, for the "other version" flag

    @property
    def explore_rows(self) -> int:
        return sum(r.explore for r in self.rows)

    def with_explore(self, include: bool) -> ClassAggregate:
        """The same class with Explore-mode forecasts counted in (or kept out of) the statistics."""
        if include == self.include_explore:
            return self
        again = aggregate(self.pack, self.submissions, self.skipped, self.as_of, include_explore=include, digest=self.digest)
        return again.anonymised() if self.anonymous else again

    def submission(self, row: StudentRow) -> Submission:
        return self.submissions[row.index]

    def anonymised(self) -> ClassAggregate:
        """Names become "Student 1", "Student 2"... and file names disappear, in rows and skipped files.

        Numbers follow a hash of each name, so they stay the same between loads but do not
        give away alphabetical order; rows are listed in number order.
        """
        if self.anonymous:
            return self
        order = sorted(range(len(self.rows)), key=lambda n: (_digest(self.rows[n].name), self.rows[n].file))
        rows = tuple(dataclasses.replace(self.rows[n], name=f"Student {k + 1}", file="") for k, n in enumerate(order))
        return dataclasses.replace(self, rows=rows, skipped=anonymised_skipped(self.skipped), anonymous=True)


def anonymised_skipped(skipped: Sequence[Skipped]) -> tuple[Skipped, ...]:
    """File names often are student names, so they go too; the reasons stay (they name no one)."""
    return tuple(Skipped(f"File {k + 1}", s.reason) for k, s in enumerate(skipped))


def aggregate(pack: Pack, submissions: Sequence[Submission], skipped: Sequence[Skipped] = (),
              as_of: dt.date | None = None, include_explore: bool = False, digest: str | None = None) -> ClassAggregate:
    """Submissions must already be checked against `pack`; `as_of` defaults to the pack's end (all resolved).

    Forecast statistics (question spreads, calibration, the class mean Brier score) leave out
    Explore-mode submissions unless `include_explore`: those students could see the answers.
    Their rows are kept, marked by their mode. `digest` (the installed pack file's sha256)
    flags files made with another version of the pack.
    """
    as_of = as_of or pack.end
    ordered = tuple(sorted(submissions, key=lambda s: (natural_key(s.student), s.file)))
    cards = [score_card(pack, s.record.forecasts, as_of) for s in ordered]
    counted = [s for s in ordered if include_explore or s.mode != "explore"]
    scores = scored_pairs([card for s, card in zip(ordered, cards) if include_explore or s.mode != "explore"])
    flags = class_flags(ordered, digest)
    return ClassAggregate(
        pack=pack, as_of=as_of,
        rows=tuple(_row(pack, n, s, card, flags[n]) for n, (s, card) in enumerate(zip(ordered, cards))),
        assumptions=tuple(
            AssumptionSpread(a, tuple(s.record.assumptions[a.id].value for s in ordered if a.id in s.record.assumptions))
            for a in pack.assumptions
        ),
        weights=weights_by_role(pack, ordered),
        questions=tuple(
            QuestionSpread(q, tuple(s.record.forecasts[q.id].probability for s in counted if q.id in s.record.forecasts), answered(pack, q, as_of))
            for q in pack.questions
        ),
        calibration=calibration(scores),
        mean_brier=sum(brier(p, o) for p, o in scores) / len(scores) if scores else None,
        skipped=tuple(skipped),
        submissions=ordered, include_explore=include_explore, digest=digest,
    )


def scenario_hash(submission: Submission) -> str:
    """The sha256 of the scenario a file holds (not of the file: the export time and name differ)."""
    return hashlib.sha256(msgspec.json.encode(submission.record)).hexdigest()


def class_flags(submissions: Sequence[Submission], digest: str | None = None) -> list[tuple[str, ...]]:
    """For each submission, the reasons a teacher should look twice, as sentences naming no one."""
    names = Counter(_same_name(s.student) for s in submissions)
    hashes = [scenario_hash(s) for s in submissions]
    copies = Counter(hashes)
    flags = []
    for s, content_hash in zip(submissions, hashes):
        found = []
        if names[_same_name(s.student)] > 1:
            others = names[_same_name(s.student)] - 1
            found.append(f"Repeated name: {_files(others)} the same name")
        if copies[content_hash] > 1:
            others = copies[content_hash] - 1
            found.append(f"Handed in twice: {_files(others, 'hold', 'holds')} the same scenario (content hash {content_hash[:12]})")
        if digest is not None and s.content.pack_sha256 != digest:
            found.append(f"Other pack version: made with another version of the pack (file {s.content.pack_sha256[:12]}, "
                         f"installed {digest[:12]}); scored with the installed one")
        flags.append(tuple(found))
    return flags


def _files(count: int, verb: str = "give", singular: str = "gives") -> str:
    return f"{count} other files {verb}" if count > 1 else f"1 other file {singular}"


def flag_label(flag: str) -> str:
    """The short label before the colon, for a narrow table cell."""
    return flag.split(":", 1)[0]


def _same_name(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _row(pack: Pack, index: int, submission: Submission, card: ScoreCard, flags: tuple[str, ...]) -> StudentRow:
    record = submission.record
    prompts = [p for p in pack.prompts if not p.roles or record.role in p.roles]
    asked = len(pack.questions) + len(prompts)
    given = sum(q.id in record.forecasts for q in pack.questions) + sum(bool(record.answers.get(p.id, "").strip()) for p in prompts)
    last_answer = max((q.resolves for q in pack.questions), default=pack.end)
    return StudentRow(
        name=submission.student, file=submission.file, role=role_title(pack, record.role),
        progress=given / asked if asked else None, mean_brier=card.mean, scored=len(card.scores),
        revealed_early=record.revealed_at is not None and record.revealed_at < last_answer,
        warnings=submission.warnings, mode=record.mode, flags=flags, answered=given, asked=asked, index=index,
    )


def role_title(pack: Pack, role_id: str | None) -> str:
    return next((r.title for r in pack.roles if r.id == role_id), NO_ROLE)


def weights_by_role(pack: Pack, submissions: Sequence[Submission]) -> WeightMatrix:
    """Roles in pack order (then students without one); columns "for" themes first, then "against"."""
    keys = sorted({(a.side, a.theme) for a in pack.arguments}, key=lambda k: (k[0] != "for", _THEME_ORDER.index(k[1])))
    column_of = {key: n for n, key in enumerate(keys)}
    argument_column = {a.id: column_of[a.side, a.theme] for a in pack.arguments}
    titles = [r.title for r in pack.roles]
    if any(role_title(pack, s.role) == NO_ROLE for s in submissions):
        titles.append(NO_ROLE)
    row_of = {title: n for n, title in enumerate(titles)}
    sums = np.zeros((len(titles), len(keys)))
    counts = np.zeros((len(titles), len(keys)), dtype=int)
    for s in submissions:
        row = row_of[role_title(pack, s.role)]
        for argument_id, weight in s.record.weights.items():
            column = argument_column[argument_id]
            sums[row, column] += weight.weight
            counts[row, column] += 1
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    columns = tuple(f"{_SIDE[side]}: {THEMES.get(theme, theme)}" for side, theme in keys)
    return WeightMatrix(tuple(titles), columns, mean, counts)


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """"Pupil 2" before "Pupil 10", and case ignored, as a teacher reads a class list."""
    return tuple((0, int(part)) if part.isdecimal() else (1, part) for part in _DIGITS.split(text.casefold()) if part)


def _digest(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()
