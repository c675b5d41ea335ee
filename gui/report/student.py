"""One student's report: who, forecasts and their scores, assumptions, argument weights, answers.

Scores count only questions resolved by `as_of`, exactly as in the app, so a report printed
mid-exercise gives nothing away. The charts reused from the student's window tell their
series apart by colour, so they are re-dressed for print with hatching, line styles and markers.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import TYPE_CHECKING

from gui.report.html import Page
from gui.report.pdf import CHART_WIDTH, render_chart, write_pdf
from scenario.classroom import role_title
from scenario.labels import SIDES, THEMES, long_date
from scenario.model import Assumption, Pack
from scenario.record import ScenarioRecord
from scenario.scoring import ALWAYS_HALF, ScoreCard, answered, calibration, score_card, scored_pairs
from scenario.submission import Submission

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from gui.plots.style import ChartStyle
    from gui.plots.table import ChartTable

_HATCHES = ("", "///", "...", "xx")
_LINES = ("-", "--", ":", "-.")
_MARKERS = ("o", "s", "^", "D", "v", "P")


def write_student_report(source: Submission | ScenarioRecord, pack: Pack, out: Path, as_of: dt.date | None,
                         student: str | None = None) -> None:
    from gui.plots.argument_balance import draw_balance
    from gui.plots.assumption_history import draw_history
    from gui.plots.calibration import draw_calibration
    from scenario.argument_balance import argument_balance

    record = source.record if isinstance(source, Submission) else source
    name = source.student if isinstance(source, Submission) else (student or record.name)
    as_of = as_of or pack.end
    card = score_card(pack, record.forecasts, as_of)
    page = Page()
    page.heading(f"Divestiture Lab: report for {name}", 1)
    page.facts(_about(source, record, pack, as_of))
    images = {}

    page.heading("Forecasts")
    page.table(("Question", "Your forecast", "Made on", "Outcome", "Brier score"), _forecast_rows(pack, record, card, as_of),
               empty="No forecasts.")
    if card.mean is None:
        page.paragraph("No forecast can be scored yet: scores appear once a question has resolved.", muted=True)
    else:
        page.paragraph(f"Mean Brier score {card.mean:.3f} over {len(card.scores)} forecasts (0 is perfect; "
                       f"always answering 50% scores {ALWAYS_HALF}). Lower is better.")
        images["chart:calibration"], _ = render_chart(lambda ax, style: draw_calibration(ax, calibration(scored_pairs([card])), style))
        page.image("chart:calibration", "Calibration of your resolved forecasts", CHART_WIDTH)

    page.heading("Assumptions")
    overtaken = _overtaken(pack, as_of)
    page.table(("Assumption", "Value", "Low", "High", "Set by", "Note"), (
        (a.label, _number(v.value, a), _number(v.low, a), _number(v.high, a), "you" + overtaken.get(a.id, ""), v.note)
        if (v := record.assumptions.get(a.id))
        else (a.label, _number(a.default, a), "", "", "left at the pack's default" + overtaken.get(a.id, ""), "")
        for a in pack.assumptions
    ), empty="This pack has no assumptions.")
    _implied(page, pack, record, as_of)
    if len(record.snapshots) > 1:
        shown = [a for a in pack.assumptions if any(a.id in s.values for s in record.snapshots)]
        images["chart:history"], _ = render_chart(lambda ax, style: _for_print(ax, style, draw_history(ax, record.snapshots, shown, style, (pack.start, pack.end))))
        page.image("chart:history", "How the assumptions moved", CHART_WIDTH)

    page.heading("Arguments weighed")
    arguments = {a.id: a for a in pack.arguments}
    page.table(("Claim", "Side", "Theme", "Weight (0-5)", "Note"), (
        (arguments[key].claim, SIDES[arguments[key].side], THEMES.get(arguments[key].theme, arguments[key].theme), w.weight, w.note)
        for key, w in record.weights.items()
    ), empty="No arguments weighed.")
    if record.weights:
        balance = argument_balance(pack.arguments, record.weights)
        images["chart:balance"], _ = render_chart(lambda ax, style: _for_print(ax, style, draw_balance(ax, balance, style)))
        page.image("chart:balance", "Argument balance by theme", CHART_WIDTH)

    page.heading("Answers to prompts")
    prompts = {p.id: p for p in pack.prompts}
    for key, answer in record.answers.items():
        page.paragraph(prompts[key].text if key in prompts else key, muted=True)
        page.paragraph(answer or "(no answer)", keep_lines=True)
    if not record.answers:
        page.paragraph("No prompts answered.", muted=True)
    write_pdf(page.html(), images, out, f"Divestiture Lab report: {name}")


def _overtaken(pack: Pack, as_of: dt.date) -> dict[str, str]:
    """' (overtaken by events)' for each assumption that only nodes settled by `as_of` use."""
    from scenario.settled import overtaken, settled_nodes

    if pack.outcome_model is None:
        return {}
    return dict.fromkeys(overtaken(pack.outcome_model, settled_nodes(pack, as_of)), " (overtaken by events)")


def _implied(page: Page, pack: Pack, record: ScenarioRecord, as_of: dt.date) -> None:
    """The outcome probabilities the assumptions imply as known on `as_of`, as the window shows them."""
    from gui.plots.outcome_bars import outcome_table
    from scenario.implications import implications

    implied = implications(pack, record, as_of)
    if implied is None:
        return
    page.heading("What these assumptions imply")
    table = outcome_table(implied.evaluation, implied.uncertainty)
    page.table(table.columns, table.rows, empty="No outcomes.")
    if implied.settled:
        page.paragraph("Settled by events (the values set for these no longer count):", muted=True)
        for settled in implied.settled:
            page.paragraph(settled.describe(), muted=True)


def _about(source: Submission | ScenarioRecord, record: ScenarioRecord, pack: Pack, as_of: dt.date) -> list[tuple[str, str]]:
    revealed = "No" if record.revealed_at is None else f"Yes, on scenario date {long_date(record.revealed_at)}"
    submission = source if isinstance(source, Submission) else None
    if submission is not None and submission.content.revealed_on is not None:
        revealed += f" (at {submission.content.revealed_on:%Y-%m-%d %H:%M} UTC)"
    facts = [("Scenario pack", f"{pack.title} (version {pack.version})"), ("Scenario", record.name),
             ("Role", role_title(pack, record.role)), ("Mode", record.mode.capitalize()),
             ("Scenario date", long_date(record.current_date) if record.current_date else "not started"),
             ("Scores as of", long_date(as_of)), ("Answer revealed", revealed)]
    if submission is not None:
        facts.append(("Exported", f"{submission.content.exported_at:%Y-%m-%d %H:%M} UTC"))
        facts.extend(("Warning", w) for w in submission.warnings)
    return facts


def _forecast_rows(pack: Pack, record: ScenarioRecord, card: ScoreCard, as_of: dt.date) -> list[tuple[str, ...]]:
    scores = {s.question.id: s.brier for s in card.scores}
    rows = []
    for q in pack.questions:
        forecast = record.forecasts.get(q.id)
        if forecast is None:
            continue
        resolved = answered(pack, q, as_of)
        outcome = ("yes" if q.answer else "no") if resolved else "not yet resolved"
        score = f"{scores[q.id]:.3f}" if q.id in scores else ("made after it resolved" if resolved else "")
        rows.append((q.question, f"{forecast.probability:.0%}", long_date(forecast.made_on), outcome, score))
    return rows


def _number(value: float | None, assumption: Assumption) -> str:
    if value is None:
        return ""
    return f"{value:.0%}" if assumption.kind == "probability" else f"{value:g} {assumption.unit}".rstrip()


def _for_print(ax: Axes, style: ChartStyle, table: ChartTable) -> ChartTable:
    """Give each bar series a hatch and each line a style and marker, then rebuild the legend to match."""
    from gui.plots.style import add_legend

    for container, hatch in zip(ax.containers, itertools.cycle(_HATCHES)):
        for patch in container:
            patch.set_hatch(hatch)
            patch.set_edgecolor(style.foreground)
    for line, dash, marker in zip(ax.get_lines(), itertools.cycle(_LINES), itertools.cycle(_MARKERS)):
        if not line.get_label().startswith("_"):  # a series in the legend, not a reference line
            line.set_linestyle(dash)
            line.set_marker(marker)
    if ax.get_legend() is not None:
        add_legend(ax, style, columns=1)
    return table
