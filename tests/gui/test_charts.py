"""Charts in the window: drawn once visible, following edits, the date and the theme."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from matplotlib.dates import num2date
from pytestqt.exceptions import TimeoutError as WaitTimeout
from PySide6.QtWidgets import QApplication

from gui.charts.charts_view import BALANCE, COMPARISON, HISTORY, TORNADO
from scenario.rules import Move
from scenario.record import ArgumentWeight
from tests.conftest import MINI_PACK
from tests.test_cli import ROOT

D = dt.date


def show_tab(window, widget, qtbot, panel):
    window.workspace.tabs.setCurrentWidget(widget)
    qtbot.waitUntil(lambda: panel.canvas is not None and panel.result is not None)


def outcome_rows(panel) -> dict[str, float]:
    return {row[0]: row[1] for row in panel.table().rows}


def test_the_window_paints_before_matplotlib_or_numpy_load():
    script = (
        "import sys; sys.path.insert(0, '.')\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import tempfile, pathlib\n"
        "from gui.app.application import build_window\n"
        "from scenario.pack import load_pack\n"
        f"w = build_window(pathlib.Path(tempfile.mkdtemp()), 'light', load_pack({str(MINI_PACK)!r}))\n"
        "w.show(); w.repaint(); app.processEvents()\n"
        "print(sorted(m for m in ('matplotlib', 'numpy') if m in sys.modules))\n"
        "w.close()\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.stdout.strip() == "[]", out.stderr


def test_changing_an_assumption_moves_the_outcome_chart_and_its_explanation(window, qtbot):
    panel = window.workspace.assumptions.outcomes
    show_tab(window, window.workspace.assumptions, qtbot, panel.outcomes)
    before = outcome_rows(panel.outcomes)
    assert before == {"Sold before the deadline": 40.0, "Blocked in court": 30.0, "Ban enforced": 30.0}
    window.workspace.assumptions.rows["p-deal"].value.setValue(60)
    drawn = []
    panel.outcomes.drawn.connect(drawn.append)
    qtbot.waitUntil(lambda: outcome_rows(panel.outcomes)["Sold before the deadline"] == 60.0)
    assert drawn == [], "an edit moves the bars in place; the chart is not drawn afresh"
    assert outcome_rows(panel.outcomes)["Ban enforced"] == 20.0
    panel.choice.setCurrentIndex(panel.choice.findData("o-banned"))
    assert panel.explanation.text() == "Is a deal agreed? no (40%) × Do courts block it? no (50%) = 20%"


def test_ranges_give_intervals_and_the_tornado_ranks_drivers(window, qtbot):
    panel = window.workspace.assumptions.outcomes
    show_tab(window, window.workspace.assumptions, qtbot, panel.outcomes)
    window.workspace.assumptions.rows["p-deal"].ranged.setChecked(True)
    qtbot.waitUntil(lambda: "10th percentile (%)" in panel.outcomes.table().columns)
    charts = window.workspace.charts
    charts.choice.setCurrentIndex(TORNADO)
    show_tab(window, charts, qtbot, charts.panel)
    assert charts.panel.table().rows[0][0] == "A buyer agrees terms before the deadline"


def test_stepping_moves_the_timeline_cursor_without_a_full_redraw(window, qtbot):
    charts = window.workspace.charts
    window.document.set_date(D(2030, 1, 6))
    show_tab(window, charts, qtbot, charts.panel)
    qtbot.waitUntil(lambda: charts.panel.blitter is not None)
    drawn = []
    charts.panel.drawn.connect(drawn.append)
    window.document.step(Move.NEXT_DAY)  # nothing new becomes known on 7 Jan
    x = charts.panel.result.cursor.get_xdata()[0]
    assert num2date(x).date() == D(2030, 1, 7)
    assert drawn == [], "a step repaints only the moving artists"


def test_switching_to_dark_restyles_the_charts(window, qtbot):
    panel = window.workspace.assumptions.outcomes.outcomes
    show_tab(window, window.workspace.assumptions, qtbot, panel)
    light = panel.figure.get_facecolor()
    window.set_theme("dark")
    qtbot.waitUntil(lambda: panel.figure.get_facecolor() != light)
    assert sum(panel.figure.get_facecolor()[:3]) < 1.0
    window.set_theme("light")


def test_balance_history_and_comparison_charts(window, qtbot):
    charts = window.workspace.charts
    document = window.document
    document.set_date(D(2030, 3, 1))
    window.editor.edit_weight("a-for-1", ArgumentWeight(weight=4), "x")
    charts.choice.setCurrentIndex(BALANCE)
    show_tab(window, charts, qtbot, charts.panel)
    assert any(row[0] == "National security and data access" and 4 in row for row in charts.panel.table().rows)
    window.workspace.assumptions.rows["users"].value.setValue(150)
    charts.choice.setCurrentIndex(HISTORY)
    qtbot.waitUntil(lambda: "Monthly users" in " ".join(charts.panel.table().columns))
    document.start_scenario(document.loaded, "Second")
    charts.choice.setCurrentIndex(COMPARISON)
    qtbot.waitUntil(lambda: len(charts.panel.table().rows) >= 2)


def test_save_image_and_show_data(window, qtbot, tmp_path):
    panel = window.workspace.assumptions.outcomes.outcomes
    show_tab(window, window.workspace.assumptions, qtbot, panel)
    for name in ("chart.png", "chart.svg"):
        panel.export(tmp_path / name)
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"
    from gui.charts.data_dialog import DataDialog

    dialog = DataDialog(panel.table(), window)
    qtbot.addWidget(dialog)
    assert dialog.grid.rowCount() == 3 and dialog.grid.item(0, 0).text() == "Sold before the deadline"


def test_the_timeline_shows_only_what_was_known_unless_revealed(window, qtbot):
    charts = window.workspace.charts
    window.document.set_date(D(2030, 1, 20))
    show_tab(window, charts, qtbot, charts.panel)
    labels = [t.get_text() for t in charts.panel.figure.axes[0].get_yticklabels()]
    assert "Order 1" in labels and "Order 2" not in labels, "Order 2 is signed only on 20 Feb"
    window.reveal_action.setChecked(True)
    qtbot.waitUntil(lambda: "Order 2" in [t.get_text() for t in charts.panel.figure.axes[0].get_yticklabels()])
    window.reveal_action.setChecked(False)


def test_a_step_that_makes_something_known_redraws_the_timeline(window, qtbot):
    charts = window.workspace.charts
    window.document.set_date(D(2030, 2, 19))
    show_tab(window, charts, qtbot, charts.panel)
    with qtbot.waitSignal(charts.panel.drawn):
        window.document.step(Move.NEXT_DAY)  # 20 Feb: Order 2 is signed
    labels = [t.get_text() for t in charts.panel.figure.axes[0].get_yticklabels()]
    assert "Order 2" in labels


def test_an_event_that_settles_a_node_shows_in_the_outcomes_the_tornado_and_the_assumption(qtbot, data_dir, packs_dir, write_pack, mini_json):
    from gui.app.application import build_window
    from scenario.pack import load_pack

    mini_json["id"] = "mini-settled"  # not the installed mini pack: a kept pack is found by its id
    mini_json["outcome_model"]["nodes"][1]["settled_by"] = [{"event": "e-injunction", "answer": True}]
    window = build_window(data_dir, theme="light", pack=load_pack(write_pack(mini_json, "mini-settled.json")), packs_dir=packs_dir)
    qtbot.addWidget(window)
    window.show()
    assumptions = window.workspace.assumptions
    panel, row = assumptions.outcomes, assumptions.rows["p-court"]
    show_tab(window, assumptions, qtbot, panel.outcomes)
    row.value.setValue(20)
    qtbot.waitUntil(lambda: outcome_rows(panel.outcomes)["Ban enforced"] == 48.0)
    assert panel.settled.isHidden() and row.overtaken.isHidden()
    window.document.set_date(D(2030, 2, 10))  # the injunction is known: the court node is history
    qtbot.waitUntil(lambda: outcome_rows(panel.outcomes)["Ban enforced"] == 0.0)
    assert outcome_rows(panel.outcomes)["Blocked in court"] == 60.0
    assert "Do courts block it? Yes. Settled on Sun 10 Feb 2030: Court blocks Order 1." in panel.settled.text()
    assert not panel.settled.isHidden() and not row.overtaken.isHidden()
    assert "Overtaken by events" in row.overtaken.text() and "Settled on Sun 10 Feb 2030" in row.overtaken.text()
    assert row.value.value() == 20 and window.document.record.assumptions["p-court"].value == 0.2  # kept, not changed
    panel.choice.setCurrentIndex(panel.choice.findData("o-blocked"))
    assert panel.explanation.text() == "Is a deal agreed? no (60%) × Do courts block it? yes (settled: 100%) = 60%"
    charts = window.workspace.charts
    charts.choice.setCurrentIndex(TORNADO)
    show_tab(window, charts, qtbot, charts.panel)
    court = next(r for r in charts.panel.table().rows if r[0] == "Courts block enforcement")
    assert court[3] == "settled by events: moves nothing" and court[-1] == 0.0
    window.document.set_date(D(2030, 2, 9))  # back before it was known: the student's 20% counts again
    qtbot.waitUntil(lambda: not any(r[3].startswith("settled") for r in charts.panel.table().rows))
    window.workspace.tabs.setCurrentWidget(assumptions)
    qtbot.waitUntil(lambda: outcome_rows(panel.outcomes)["Ban enforced"] == 48.0)
    assert panel.settled.isHidden() and row.overtaken.isHidden()



def test_no_explanation_is_cut_off_at_1280x800_once_events_have_settled_the_model(qtbot, data_dir, packs_dir):
    """On 25 Dec 2025 four nodes of the 2024 model are settled: their note and the explanation share the panel with the chart."""
    from gui.app.application import build_window
    from scenario.pack import load_pack
    from scenario.resources import PACKS_DIR

    window = build_window(data_dir, theme="light", pack=load_pack(PACKS_DIR / "tiktok-2024.json"), day=D(2025, 12, 25), packs_dir=packs_dir)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    panel = window.workspace.assumptions.outcomes
    show_tab(window, window.workspace.assumptions, qtbot, panel.outcomes)
    assert panel.settled.text().count("Settled on") == 4
    cut = []
    for index in range(panel.choice.count()):
        panel.choice.setCurrentIndex(index)
        for label in (panel.settled, panel.explanation):
            try:  # the layout settles after the text changes
                qtbot.waitUntil(lambda label=label: label.height() >= label.heightForWidth(label.width()), timeout=1000)
            except WaitTimeout:
                cut.append((panel.choice.itemText(index), label.accessibleName()))
    assert cut == []


def test_dragging_an_assumption_never_draws_the_outcome_chart_afresh(qtbot, data_dir, packs_dir):
    """The explanation under the chart gains and loses a wrapped line as the numbers change; the
    chart must not shrink and grow with it, since each resize is a full draw (about 100 ms, a
    stutter while dragging a slider). The text below keeps the room it has needed."""
    from gui.app.application import build_window
    from scenario.pack import find_pack
    from scenario.resources import PACKS_DIR

    window = build_window(data_dir, theme="light", pack=find_pack("tiktok-2020", PACKS_DIR), packs_dir=packs_dir)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    panel = window.workspace.assumptions.outcomes
    show_tab(window, window.workspace.assumptions, qtbot, panel.outcomes)
    row = next(iter(window.workspace.assumptions.rows.values()))
    row.ranged.setChecked(True)
    qtbot.waitUntil(lambda: panel.outcomes.blitter is not None and "10th percentile (%)" in panel.outcomes.table().columns)
    panel.outcomes.canvas.repaint()
    full_draws, explanations = [], set()
    panel.outcomes.canvas.mpl_connect("draw_event", full_draws.append)
    for value in range(int(row.value.minimum()), int(row.value.maximum()) + 1):
        row.value.setValue(value)
        QApplication.processEvents()
        panel.outcomes.canvas.repaint()
        explanations.add(panel.explanation.text())
        assert panel.explanation.height() >= panel.explanation.heightForWidth(panel.explanation.width())  # all of it shows
    assert len(explanations) > 20
    assert full_draws == []
