"""Text from packs and students is drawn literally by every chart: `$` never starts mathtext.

Every label a pack or a student can write (assumption and outcome labels, instrument names,
role titles, questions, scenario names, units) is replaced by text that mathtext would turn
into italic maths or fail to parse; each chart must draw it, unchanged, without raising.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from matplotlib.axes import Axes
from matplotlib.text import Text

from gui.plots import draw_balance, draw_comparison, draw_history, draw_outcome_bars, draw_timeline, draw_tornado, style_for
from gui.plots.class_figures import CLASS_FIGURES
from scenario.argument_balance import argument_balance
from scenario.classroom import aggregate
from scenario.model import Pack
from scenario.outcome_sensitivity import sensitivity
from scenario.outcome_uncertainty import monte_carlo
from scenario.outcomes import evaluate
from scenario.pack import LoadedPack, parse_pack
from scenario.record import Snapshot
from scenario.submission import decode_submission
from tests.submissions import submission_bytes

STYLE = style_for(False)
HOSTILE = ["Plan A ($40bn) vs B ($50bn)", "Cost $100% or $0", r"$\frac{1}{0}$ and $\undefined{x}$"]


def _hostile_pack(mini_json: dict, text: str) -> Pack:
    for key, items in [("assumptions", "label"), ("instruments", "name"), ("roles", "title"), ("questions", "question")]:
        for n, item in enumerate(mini_json[key]):
            item[items] = f"{text} {n}"
    for assumption in mini_json["assumptions"]:
        assumption["unit"] = "$bn" if assumption["kind"] == "number" else assumption["unit"]
    for n, outcome in enumerate(mini_json["outcome_model"]["outcomes"]):
        outcome["label"] = f"{text} {n}"
    return parse_pack(json.dumps(mini_json).encode())


def _class_chart(index: int) -> Callable[[Axes, Pack, str], object]:
    def draw(ax: Axes, pack: Pack, text: str) -> object:
        loaded = LoadedPack(None, pack, "0" * 64)  # type: ignore[arg-type] - no file behind this pack
        subs = [decode_submission(submission_bytes(n, student=f"{text} {n}", pack=loaded), f"{n}.json", pack) for n in range(4)]
        return CLASS_FIGURES[index].draw(ax, aggregate(pack, subs), STYLE)
    return draw


SNAPSHOTS = [Snapshot(date=dt.date(2030, 1, 5), values={"users": 150}), Snapshot(date=dt.date(2030, 2, 5), values={"users": 90})]
CHARTS: dict[str, Callable[[Axes, Pack, str], object]] = {
    "outcomes": lambda ax, pack, text: draw_outcome_bars(ax, evaluate(pack, {}), STYLE, monte_carlo(pack, {}, {"p-deal": (0.2, 0.6)})),
    "tornado": lambda ax, pack, text: draw_tornado(ax, sensitivity(pack, {}, {"p-court": (0.4, 0.6)}), STYLE),
    "history": lambda ax, pack, text: draw_history(ax, SNAPSHOTS, pack.assumptions, STYLE),
    "history, one number": lambda ax, pack, text: draw_history(ax, SNAPSHOTS, pack.assumptions[2:], STYLE),
    "comparison": lambda ax, pack, text: draw_comparison(ax, [(text, evaluate(pack, {})), (f"{text} too", evaluate(pack, {"p-deal": 0.1}))], STYLE),
    "timeline": lambda ax, pack, text: draw_timeline(ax, pack, STYLE, dt.date(2030, 2, 1)),
    "balance": lambda ax, pack, text: draw_balance(ax, argument_balance(pack.arguments, {}), STYLE),
    **{figure.title: _class_chart(n) for n, figure in enumerate(CLASS_FIGURES)},
}


APP_TEXT_ONLY = {"balance", "Calibration of resolved forecasts"}  # numbers and the app's own words


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("chart", CHARTS)
def test_every_chart_draws_dollar_signs_literally(chart: str, text: str, ax: Axes, mini_json: dict) -> None:
    CHARTS[chart](ax, _hostile_pack(mini_json, text), text)
    ax.figure.canvas.draw()  # mathtext would raise here on "$100% or $"
    drawn = [t for t in ax.figure.findobj(Text) if "$" in t.get_text()]
    assert all(not t.get_parse_math() for t in drawn), [t.get_text() for t in drawn if t.get_parse_math()]
    if chart not in APP_TEXT_ONLY:  # long labels are wrapped or shortened: their start is shown as written
        assert any(t.get_text().startswith(text[:10]) for t in drawn), "the chart shows none of the hostile labels"
