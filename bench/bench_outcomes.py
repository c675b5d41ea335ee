"""Outcome model and chart timings, against the budget in DESIGN.md (Monte Carlo under 50 ms).

Run from the repository root: `.venv/bin/python -m bench.bench_outcomes` (or as a file path).
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a file: make the project importable
    sys.path.insert(0, str(ROOT))

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from gui.plots import (  # noqa: E402
    Blitter, draw_balance, draw_comparison, draw_history, draw_outcome_bars, draw_timeline, draw_tornado, style_for,
)
from scenario.argument_balance import argument_balance  # noqa: E402
from scenario.model import Pack  # noqa: E402
from scenario.outcome_sensitivity import sensitivity  # noqa: E402
from scenario.outcome_uncertainty import monte_carlo  # noqa: E402
from scenario.outcomes import evaluate  # noqa: E402
from scenario.pack import load_pack  # noqa: E402
from scenario.record import ArgumentWeight, Snapshot  # noqa: E402

MINI_PACK = ROOT / "tests" / "data" / "mini-pack.json"
RUNS = 15


def _ms(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def draw_all(fig: Figure, pack: Pack, dark: bool = False) -> None:
    """Every chart once, with ranges, weights and snapshots so none shows its empty state."""
    style = style_for(dark)
    values = {"p-deal": 0.35, "p-court": 0.55}
    ranges = {"p-deal": (0.2, 0.6), "p-court": (0.4, 0.7)}
    evaluation = evaluate(pack, values)
    axes = fig.subplots(2, 3).ravel()
    draw_timeline(axes[0], pack, style, dt.date(2030, 2, 1))
    draw_outcome_bars(axes[1], evaluation, style, monte_carlo(pack, values, ranges))
    draw_tornado(axes[2], sensitivity(pack, values, ranges), style)
    weights = {"a-for-1": ArgumentWeight(weight=4), "a-against-1": ArgumentWeight(weight=2)}
    draw_balance(axes[3], argument_balance(pack.arguments, weights), style)
    snapshots = [
        Snapshot(date=dt.date(2030, 1, 5), values={"p-deal": 0.4}),
        Snapshot(date=dt.date(2030, 1, 20), values={"p-deal": 0.3, "p-court": 0.7}),
        Snapshot(date=dt.date(2030, 2, 12), values=values),
    ]
    draw_history(axes[4], snapshots, [a for a in pack.assumptions if a.kind == "probability"], style)
    draw_comparison(axes[5], [("Yours", evaluation), ("Defaults", evaluate(pack, {}))], style)


def _step_timings(pack: Pack) -> tuple[list[float], list[float]]:
    """One timeline step as a full redraw, and as a blit of the moving artists only."""
    fig = Figure(figsize=(10, 4), layout="constrained")
    canvas = FigureCanvasAgg(fig)
    chart = draw_timeline(fig.add_subplot(), pack, style_for(False), pack.start)
    days = [pack.start + dt.timedelta(days=n) for n in range(RUNS)]
    canvas.draw()
    full = [_ms(lambda: (chart.move_cursor(day), canvas.draw())) for day in days]
    blitter = Blitter(canvas, chart.moving_artists)
    canvas.draw()
    blit = [_ms(lambda: (chart.move_cursor(day), blitter.update())) for day in days]
    return full, blit


def run() -> dict:
    pack = load_pack(MINI_PACK).pack
    ranges = {"p-deal": (0.2, 0.6), "p-court": (0.4, 0.7)}
    monte_carlo(pack, {}, ranges)  # warm up numpy
    mc = [_ms(lambda: monte_carlo(pack, {}, ranges, samples=10_000)) for _ in range(RUNS)]

    fig = Figure(figsize=(14, 8), layout="constrained")
    canvas = FigureCanvasAgg(fig)
    first_draw = _ms(lambda: (draw_all(fig, pack), canvas.draw()))
    full, blit = _step_timings(pack)
    return {
        "monte_carlo_10k_ms": round(statistics.median(mc), 2),
        "charts_first_draw_ms": round(first_draw, 1),
        "timeline_step_full_redraw_ms": round(statistics.median(full), 2),
        "timeline_step_blit_ms": round(statistics.median(blit), 2),
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
