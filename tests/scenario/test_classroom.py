"""Class aggregation: rows, spreads, the role heat map, anonymising, and 500 submissions in well under 2 s."""

from __future__ import annotations

import datetime as dt
import math
import time

import pytest

from scenario.classroom import NO_ROLE, Skipped, aggregate
from scenario.pack import LoadedPack
from scenario.submission import Submission, decode_submission
from tests.submissions import mini, submission_bytes


@pytest.fixture(scope="module")
def loaded() -> LoadedPack:
    return mini()


def _class(loaded: LoadedPack, count: int) -> list[Submission]:
    return [decode_submission(submission_bytes(n, pack=loaded), f"s{n}.json", loaded.pack, loaded.digest) for n in range(count)]


def test_rows_hold_progress_brier_and_early_reveals(loaded: LoadedPack) -> None:
    result = aggregate(loaded.pack, _class(loaded, 4))
    assert [r.name for r in result.rows] == ["Pupil 000", "Pupil 001", "Pupil 002", "Pupil 003"]
    first, second, _, third = result.rows
    assert (first.role, second.role) == ("Executive staff", NO_ROLE)
    assert first.progress == 0.5 and second.progress == 1.0  # student 0 answered no prompt
    assert first.mean_brier == 0.0 and second.mean_brier == pytest.approx(0.0625)  # forecasts 0% and 25%, answer no
    assert (first.revealed_early, second.revealed_early, third.revealed_early) == (True, False, True)
    assert result.mean_brier == pytest.approx((0 + 0.0625 + 0.25 + 0.5625) / 4)


def test_spreads_of_assumptions_and_forecasts(loaded: LoadedPack) -> None:
    result = aggregate(loaded.pack, _class(loaded, 4))
    by_id = {s.assumption.id: s.values for s in result.assumptions}
    assert by_id == {"p-deal": (0.0, 0.1, 0.2, 0.3), "p-court": (), "users": (50.0, 51.0, 52.0, 53.0)}
    [question] = result.questions
    assert question.forecasts == (0.0, 0.25, 0.5, 0.75) and question.mean == pytest.approx(0.375) and question.resolved
    assert sum(b.count for b in result.calibration) == 4


def test_unresolved_questions_are_not_scored(loaded: LoadedPack) -> None:
    result = aggregate(loaded.pack, _class(loaded, 3), as_of=dt.date(2030, 2, 1))
    assert not result.questions[0].resolved and result.mean_brier is None
    assert all(r.mean_brier is None for r in result.rows)


def test_weights_by_role_and_side(loaded: LoadedPack) -> None:
    matrix = aggregate(loaded.pack, _class(loaded, 4)).weights
    assert matrix.roles == ("Executive staff", NO_ROLE)
    assert matrix.columns == ("For: National security and data access", "Against: Free expression", "Against: Due process and executive power")
    assert matrix.mean[0, 0] == 1.0 and matrix.mean[1, 0] == 2.0  # students 0, 2 gave 0, 2; students 1, 3 gave 1, 3
    assert matrix.count[0, 0] == 2 and math.isnan(matrix.mean[0, 2]) and matrix.count[0, 2] == 0


def test_anonymise_replaces_every_name_stably(loaded: LoadedPack) -> None:
    subs = _class(loaded, 6)
    result = aggregate(loaded.pack, subs, [Skipped("/class/ada-lovelace.json", "not valid JSON")])
    hidden = result.anonymised()
    assert sorted(r.name for r in hidden.rows) == sorted(f"Student {n}" for n in range(1, 7))
    assert [r.name for r in hidden.rows] == [f"Student {n}" for n in range(1, 7)]
    assert all(r.file == "" for r in hidden.rows) and hidden.skipped == (Skipped("File 1", "not valid JSON"),)
    assert "Pupil" not in repr(hidden.rows) + repr(hidden.skipped)
    again = aggregate(loaded.pack, list(reversed(subs))).anonymised()
    assert [(r.name, r.mean_brier) for r in again.rows] == [(r.name, r.mean_brier) for r in hidden.rows]
    assert hidden.anonymised() is hidden


def test_empty_class(loaded: LoadedPack) -> None:
    result = aggregate(loaded.pack, [])
    assert result.rows == () and result.mean_brier is None and result.weights.roles == ("Executive staff",)


def test_500_submissions_decode_and_aggregate_well_under_2_s(loaded: LoadedPack) -> None:
    files = [submission_bytes(n, pack=loaded) for n in range(500)]
    start = time.perf_counter()
    subs = [decode_submission(data, f"s{n}.json", loaded.pack, loaded.digest) for n, data in enumerate(files)]
    result = aggregate(loaded.pack, subs)
    elapsed = time.perf_counter() - start
    assert len(result.rows) == 500 and elapsed < 1.0
