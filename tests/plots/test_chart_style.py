"""Style, shared axis dressing, tables and empty states."""

from __future__ import annotations

from matplotlib.colors import to_hex
from matplotlib.text import Text

from gui.plots import ChartTable, draw_balance, draw_comparison, draw_history, draw_outcome_bars, draw_tornado, style_for
from scenario.argument_balance import argument_balance
from scenario.outcomes import evaluate
from tests.plots.conftest import texts


def test_style_for_dark_and_light():
    dark, light = style_for(True), style_for(False)
    assert dark.dark and not light.dark
    assert dark.background != light.background and len(set(dark.palette)) >= 7
    assert dark.colour(len(dark.palette)) == dark.colour(0)


def test_dark_style_colours_figure_axes_and_text(ax, pack):
    style = style_for(True)
    draw_comparison(ax, [("A", evaluate(pack, {}))], style)
    assert to_hex(ax.figure.get_facecolor()) == style.background.lower()
    assert to_hex(ax.get_facecolor()) == style.background.lower()
    [title] = [t for t in ax.get_children() if isinstance(t, Text) and t.get_text() == "Saved scenarios compared"]
    assert to_hex(title.get_color()) == style.foreground.lower()
    assert to_hex(ax.xaxis.label.get_color()) == style.foreground.lower()
    assert to_hex(ax.spines["left"].get_edgecolor()) == style.muted.lower()
    assert not ax.spines["top"].get_visible()
    legend = ax.get_legend()
    assert all(to_hex(t.get_color()) == style.foreground.lower() for t in legend.get_texts())
    assert all(to_hex(t.get_color()) == style.foreground.lower() for t in ax.get_yticklabels())
    ax.figure.canvas.draw()


def test_empty_states_show_a_centred_message(ax, pack):
    style = style_for(False)
    cases = [
        (lambda: draw_balance(ax, argument_balance(pack.arguments, {}), style), "Weigh arguments"),
        (lambda: draw_history(ax, [], pack.assumptions, style), "No snapshots yet"),
        (lambda: draw_comparison(ax, [], style), "Save scenarios"),
        (lambda: draw_outcome_bars(ax, None, style) or ChartTable("Outcome probabilities", (), ()), "no outcome model"),  # no chart: nothing to list
        (lambda: draw_tornado(ax, None, style), "no outcome model"),
    ]
    for draw, words in cases:
        table = draw()
        assert table.rows == ()
        [message] = ax.texts
        assert words in message.get_text()
        assert message.get_position() == (0.5, 0.5) and message.get_ha() == "center"
        assert not ax.patches and not ax.lines and not ax.get_xticks().size
        assert ax.get_title(loc="left")
        ax.figure.canvas.draw()


def test_redrawing_on_the_same_axes_replaces_the_chart(ax, pack):
    style = style_for(False)
    draw_comparison(ax, [], style)
    draw_history(ax, [], pack.assumptions, style)
    assert len(texts(ax)) == 1


def test_table_as_text_is_tab_separated():
    table = ChartTable("T", ("Name", "Value (%)"), (("a\tb", 12.5), ("c", 3)))
    assert table.as_text() == "Name\tValue (%)\na b\t12.5\nc\t3"
