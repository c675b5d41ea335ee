"""Each chart draws the expected artists for known data, and its table holds the same numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from matplotlib.patches import Rectangle

from gui.plots import (
    balance_table, draw_balance, draw_comparison, draw_history, draw_outcome_bars, draw_tornado, style_for,
)
from gui.plots.outcome_bars import draw_outcome_bars
from scenario.argument_balance import argument_balance
from scenario.outcome_sensitivity import sensitivity
from scenario.outcome_uncertainty import monte_carlo
from scenario.outcomes import evaluate
from scenario.record import ArgumentWeight, Snapshot
from tests.plots.conftest import texts

STYLE = style_for(False)


def bars(ax) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def ticks(ax, axis: str = "y") -> list[str]:
    labels = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text().replace("\n", " ") for t in labels]


def test_outcome_bars_without_ranges(ax, pack):
    table = draw_outcome_bars(ax, evaluate(pack, {}), STYLE, monte_carlo(pack, {}, {})).table()
    assert [round(b.get_width(), 6) for b in bars(ax)] == [0.4, 0.3, 0.3]
    assert ticks(ax) == ["Sold before the deadline", "Blocked in court", "Ban enforced"]
    assert ax.get_title(loc="left") == "Outcome probabilities" and ax.get_xlabel().startswith("Probability (%)\n")
    assert ["40%", "30%", "30%"] == texts(ax)[:3] and "low-high ranges" in ax.get_xlabel()
    assert not ax.containers[1:]  # no error bars
    assert table.columns == ("Outcome", "Probability (%)")
    assert table.rows == (("Sold before the deadline", 40.0), ("Blocked in court", 30.0), ("Ban enforced", 30.0))


def test_outcome_bars_with_interval(ax, pack):
    uncertainty = monte_carlo(pack, {}, {"p-deal": (0.2, 0.6)})
    table = draw_outcome_bars(ax, evaluate(pack, {}), STYLE, uncertainty).table()
    errorbar = ax.containers[-1]
    assert errorbar.has_xerr and len(errorbar.lines[0].get_xdata()) == 3
    assert ax.get_legend() is not None
    sold = uncertainty.interval("o-sold")
    assert table.rows[0] == ("Sold before the deadline", 40.0, round(sold.median * 100, 2), round(sold.low * 100, 2), round(sold.high * 100, 2))


def test_tornado_rows_and_bars(ax, pack):
    result = sensitivity(pack, {}, {"p-court": (0.45, 0.55)}, outcome_id="o-blocked")
    table = draw_tornado(ax, result, STYLE)
    assert len(bars(ax)) == 4  # low and high bar for each of two assumptions
    assert ticks(ax)[0].startswith("A buyer agrees terms")  # the larger swing on top
    assert "Blocked in court" in ax.get_xlabel()
    assert [line.get_xdata()[0] for line in ax.lines] == [pytest.approx(0.3)]  # the base line
    assert [row[0] for row in table.rows] == ["A buyer agrees terms before the deadline", "Courts block enforcement"]
    assert table.rows[1][3] == "your range" and table.rows[1][-1] == pytest.approx(6.0)


def test_tornado_for_another_outcome_resorts_rows(ax, pack):
    result = sensitivity(pack, {"p-deal": 0.0}, {"p-deal": (0.0, 0.05)})
    table = draw_tornado(ax, result, STYLE, outcome_id="o-banned")
    assert table.rows[0][0] == "Courts block enforcement"  # moves 'banned' 0-100%, the deal only 5%


def test_balance_diverges_for_and_against(ax, pack):
    balance = argument_balance(pack.arguments, {"a-for-1": ArgumentWeight(weight=4), "a-against-1": ArgumentWeight(weight=2)})
    table = draw_balance(ax, balance, STYLE)
    widths = [b.get_width() for b in bars(ax)]
    assert widths == [4, 0, 0, 0, -2, 0]  # for-bars per theme, then against-bars (negative)
    assert ticks(ax) == ["National security and data access", "Free expression", "Due process and executive power"]
    assert ax.xaxis.get_major_formatter()(-3, 0) == "3"
    assert table == balance_table(balance) and table.rows[1][:4] == ("Free expression", 0, 2, -2)


def test_history_lines_per_assumption(ax, pack):
    snapshots = [
        Snapshot(date=dt.date(2030, 1, 5), values={"p-deal": 0.4}),
        Snapshot(date=dt.date(2030, 2, 1), values={"p-deal": 0.2, "p-court": 0.9}),
    ]
    probabilities = [a for a in pack.assumptions if a.kind == "probability"]
    table = draw_history(ax, snapshots, probabilities, STYLE)
    assert [list(line.get_ydata()) for line in ax.lines] == [[0.4, 0.2], [0.5, 0.9]]  # missing means the default
    assert ax.get_ylabel() == "Probability (%)" and ax.get_xlabel() == "Scenario date"
    assert table.rows == (("2030-01-05", 40.0, 50.0), ("2030-02-01", 20.0, 90.0))


def test_history_mixed_units_use_position_in_range(ax, pack):
    snapshots = [Snapshot(date=dt.date(2030, 1, 5), values={"users": 150})]
    draw_history(ax, snapshots, pack.assumptions, STYLE)
    assert ax.lines[2].get_ydata()[0] == pytest.approx(0.5)
    assert "range" in ax.get_ylabel()
    draw_history(ax, snapshots, [pack.assumptions[2]], STYLE)
    assert ax.get_ylabel() == "Value (million)" and ax.lines[0].get_ydata()[0] == 150


def test_comparison_groups_bars_by_outcome(ax, pack):
    scenarios = [("Mine", evaluate(pack, {})), ("Team B", evaluate(pack, {"p-deal": 0.1}))]
    table = draw_comparison(ax, scenarios, STYLE)
    heights = [round(b.get_height(), 6) for b in bars(ax)]
    assert heights == [0.4, 0.3, 0.3, 0.1, 0.45, 0.45]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Mine", "Team B"]
    assert len(ax.get_xticks()) == 3 and ax.get_ylabel() == "Probability (%)"
    assert table.columns[0] == "Scenario" and table.rows[1] == ("Team B", 10.0, 45.0, 45.0)
    ax.figure.canvas.draw()


def test_outcome_bars_move_in_place_and_ask_for_a_redraw_when_their_shape_changes(ax, pack):
    chart = draw_outcome_bars(ax, evaluate(pack, {}), STYLE, monte_carlo(pack, {}, {}))
    artists = len(ax.get_children())
    assert chart.update(evaluate(pack, {"p-deal": 0.6}), monte_carlo(pack, {"p-deal": 0.6}, {}))
    assert [round(b.get_width(), 6) for b in chart.bars] == [0.6, 0.2, 0.2]
    assert [t.get_text() for t in chart.labels] == ["60%", "20%", "20%"]
    assert len(ax.get_children()) == artists
    assert chart.table().rows[0] == ("Sold before the deadline", 60.0)
    assert not chart.update(evaluate(pack, {}), monte_carlo(pack, {}, {"p-deal": (0.2, 0.6)})), "ranges add an interval"


def test_outcome_interval_moves_in_place(ax, pack):
    chart = draw_outcome_bars(ax, evaluate(pack, {}), STYLE, monte_carlo(pack, {}, {"p-deal": (0.2, 0.6)}))
    wider = monte_carlo(pack, {}, {"p-deal": (0.0, 1.0)})
    assert chart.update(evaluate(pack, {}), wider)
    data_line, (low_caps, high_caps), (segments,) = chart.interval.lines
    first = wider.intervals[0]
    assert (low_caps.get_xdata()[0], high_caps.get_xdata()[0]) == (first.low, first.high)
    assert segments.get_segments()[0][0][0] == first.low


def test_the_tornado_lists_settled_assumptions_last_and_says_why_they_move_nothing(ax, mini_json, write_pack):
    from scenario.outcomes import OutcomeTree
    from scenario.pack import load_pack

    mini_json["outcome_model"]["nodes"][0]["settled_by"] = [{"event": "e-order2", "answer": False}]
    pack = load_pack(write_pack(mini_json)).pack
    tree = OutcomeTree.from_pack(pack, dt.date(2030, 3, 1))
    # The student is sure of the courts (no width to sweep): both rows move nothing, and pack order would put the deal first.
    table = draw_tornado(ax, sensitivity(tree, {}, {"p-court": (0.5, 0.5)}), STYLE, "o-banned")
    assert [(row[0], row[3]) for row in table.rows] == [
        ("Courts block enforcement", "your range"), ("A buyer agrees terms before the deadline", "settled by events: moves nothing")]
    assert ticks(ax)[-1] == "A buyer agrees terms before the deadline settled by events: moves nothing"
