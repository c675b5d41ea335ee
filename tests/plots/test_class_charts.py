"""The class charts: expected artists for a known class, the same numbers in their tables, and empty states."""

from __future__ import annotations

import pytest

from gui.plots.calibration import draw_calibration
from gui.plots.class_assumptions import draw_class_assumptions
from gui.plots.class_forecasts import draw_class_forecasts
from gui.plots.role_weights import draw_role_weights
from gui.plots.style import style_for
from scenario.classroom import ClassAggregate, aggregate
from scenario.submission import decode_submission
from tests.plots.conftest import texts
from tests.submissions import mini, submission_bytes

STYLE = style_for(False)


@pytest.fixture(scope="module")
def result() -> ClassAggregate:
    loaded = mini()
    subs = [decode_submission(submission_bytes(n, pack=loaded), f"{n}", loaded.pack) for n in range(4)]
    return aggregate(loaded.pack, subs)


@pytest.fixture(scope="module")
def empty() -> ClassAggregate:
    return aggregate(mini().pack, [])


def test_assumption_boxes(ax, result: ClassAggregate) -> None:
    table = draw_class_assumptions(ax, result.assumptions, STYLE)
    assert [t.get_text().split("\n")[-1] for t in ax.get_yticklabels()] == ["0% to 100% (n=4)", "0 to 300 million (n=4)"]
    assert table.rows[0][:3] == ("A buyer agrees terms before the deadline", "0% to 100%", 4)
    assert table.rows[1][5] == 51.5  # median of 50, 51, 52, 53
    ax.figure.canvas.draw()


def test_role_heat_map_writes_every_cell(ax, result: ClassAggregate) -> None:
    table = draw_role_weights(ax, result.weights, STYLE)
    assert "1.0\nn=2" in texts(ax) and texts(ax).count("none") == 2
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Executive\nstaff", "No role"]
    assert table.rows[0] == ("Executive staff", "For: National security and data access", 1.0, 2)
    ax.figure.canvas.draw()


def test_forecasts_show_outcome_and_highlight(ax, result: ClassAggregate) -> None:
    table = draw_class_forecasts(ax, result.questions, STYLE, highlight={"q-sold": 0.3})
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["A student's forecast", "Class average", "What happened (0% no, 100% yes)", "Your forecast"]
    assert table.rows == (("Will AppCo be sold by 11 Feb?", 4, 37.5, 0.0, 75.0, "no"),)


def test_calibration_points_and_counts(ax, result: ClassAggregate) -> None:
    table = draw_calibration(ax, result.calibration, STYLE)
    assert [t.get_text() for t in ax.texts] == ["n=1"] * 4
    assert table.rows[0] == (0.0, 20.0, 1, 0.0, 0.0)
    ax.figure.canvas.draw()


@pytest.mark.parametrize("draw", [
    lambda ax, a: draw_class_assumptions(ax, a.assumptions, STYLE), lambda ax, a: draw_role_weights(ax, a.weights, STYLE),
    lambda ax, a: draw_class_forecasts(ax, a.questions, STYLE), lambda ax, a: draw_calibration(ax, a.calibration, STYLE),
])
def test_empty_states_say_what_is_missing(ax, empty: ClassAggregate, draw) -> None:
    table = draw(ax, empty)
    assert table.rows == () and "yet" in texts(ax)[0]
