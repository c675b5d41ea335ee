"""Issue 13 item 9: legends that fit, event kinds that keep their look, distinct series, the
pack's own date range, and no matplotlib warnings."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from gui.plots import draw_history, draw_timeline, style_for
from gui.plots.outcome_bars import draw_outcome_bars
from gui.plots.assumption_history import series_look
from scenario.known import known_pack
from scenario.model import Assumption
from scenario.pack import load_pack
from scenario.record import Snapshot
from scenario.resources import PACKS_DIR


def small_axes(width: float = 6.0, height: float = 4.0):
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig.add_subplot()


@pytest.fixture(scope="module", params=["tiktok-2020", "tiktok-2024"])
def shipped(request):
    return load_pack(PACKS_DIR / f"{request.param}.json").pack


@pytest.mark.parametrize("width", [5.0, 6.0, 8.0])
def test_the_timeline_legend_fits_the_figure(shipped, width):
    ax = small_axes(width)
    draw_timeline(ax, shipped, style_for(False), shipped.end)
    fig = ax.figure
    fig.canvas.draw()
    box = ax.get_legend().get_window_extent(fig.canvas.get_renderer())
    assert box.x0 >= 0 and box.x1 <= fig.bbox.x1, f"legend {box.x0:.0f}-{box.x1:.0f} in a {fig.bbox.x1:.0f} px figure"


def test_the_outcome_legend_is_wrapped_not_cut(shipped):
    from scenario.implications import implications
    from scenario.record import AssumptionValue, ScenarioRecord

    a = next(a for a in shipped.assumptions if a.kind == "probability")
    record = ScenarioRecord(name="x", pack_id=shipped.id, mode="explore",
                            assumptions={a.id: AssumptionValue(value=a.default, low=a.min, high=a.max)})
    implied = implications(shipped, record, shipped.start)
    ax = small_axes(3.2, 3.0)
    draw_outcome_bars(ax, implied.evaluation, style_for(False), implied.uncertainty)
    ax.figure.canvas.draw()
    legend = ax.get_legend()
    box = legend.get_window_extent(ax.figure.canvas.get_renderer())
    assert box.x1 <= ax.figure.bbox.x1
    assert any("80%" in t.get_text() for t in legend.get_texts())


def test_an_event_kind_keeps_its_marker_and_colour_as_more_becomes_known(shipped):
    def looks(pack):
        ax = small_axes()
        draw_timeline(ax, pack, style_for(False), shipped.end)
        return {c.get_label(): (c.get_paths()[0].vertices.tobytes(), tuple(c.get_facecolor()[0])) for c in ax.collections
                if c.get_label() and not c.get_label().startswith("_")}

    everything = looks(shipped)
    for day in (shipped.start + dt.timedelta(days=n) for n in range(30, (shipped.end - shipped.start).days, 90)):
        for kind, look in looks(known_pack(shipped, day)).items():
            assert look == everything[kind], f"{kind} on {day}"


def test_every_history_series_looks_different():
    style = style_for(False)
    looks = [tuple(sorted(series_look(n, style).items())) for n in range(20)]
    assert len(set(looks)) == 20


def test_the_history_axis_spans_the_pack(shipped):
    ax = small_axes()
    day = shipped.start + dt.timedelta(days=40)
    a = shipped.assumptions[0]
    draw_history(ax, [Snapshot(date=day, values={a.id: a.default})], shipped.assumptions, style_for(False), (shipped.start, shipped.end))
    from matplotlib.dates import num2date

    low, high = (num2date(x).date() for x in ax.get_xlim())
    assert (low, high) == (shipped.start, shipped.end)


@pytest.mark.parametrize("days", [0, 1, 2, 3, 5, 9, 20, 45, 100, 400, 800])
def test_date_axes_pick_ticks_without_a_warning(days):
    start = dt.date(2020, 8, 1)
    a = Assumption(id="a", label="A", kind="probability", unit="", min=0.0, max=1.0, default=0.5, help="h")
    snapshots = [Snapshot(date=start, values={"a": 0.4}), Snapshot(date=start + dt.timedelta(days=days), values={"a": 0.6})]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for span in (None, (start, start + dt.timedelta(days=days))):
            ax = small_axes()
            draw_history(ax, snapshots[: 1 if days == 0 else 2], [a], style_for(False), span if days else None)
            ax.figure.canvas.draw()
