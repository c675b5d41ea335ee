"""What was known when, in the window: the same cut as the handout, and nothing later on screen.

On dates drawn at random in every pack, for every role and in both modes, the window's lists
and banner hold exactly what the handout holds, and no text on screen (lists, tooltips, detail
pane, role notes, forecasts, filters, charts) belongs to an item not yet known or names a source
not yet published (unless the student asked to see later events).
"""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from PySide6.QtCore import QItemSelectionModel

from gui.app.application import build_window
from gui.app.main_window import MainWindow
from scenario.handout import make_handout
from scenario.pack import load_pack
from scenario.record import ArgumentWeight
from scenario.resources import PACKS_DIR
from scenario.vintage import vintage_of
from tests.conftest import MINI_PACK
from tests.gui.conftest import row_payloads
from tests.gui.test_classroom import every_text

PACK_FILES = [MINI_PACK, *sorted(PACKS_DIR.glob("*.json"))]


@pytest.fixture(params=PACK_FILES, ids=lambda p: p.stem)
def pack_window(request, qtbot, data_dir, packs_dir) -> MainWindow:
    window = build_window(data_dir, theme="light", pack=load_pack(request.param), packs_dir=packs_dir)
    qtbot.addWidget(window)
    window.show()
    return window


def dates(pack, count: int) -> list[dt.date]:
    rng = random.Random(f"{pack.id}-gui")
    return sorted(pack.start + dt.timedelta(days=rng.randint(0, (pack.end - pack.start).days)) for _ in range(count))


def later_texts(pack, day: dt.date) -> list[str]:
    """Text that belongs only to what became known after `day`: none of it may be on screen then."""
    v = vintage_of(pack)
    texts = [
        *(e.title for e in pack.events if v.item(e) > day),
        *(a.claim for a in pack.arguments if v.item(a) > day),
        *(d.title for d in pack.deadlines if v.deadline(d) > day),
        *(d.outcome for d in pack.deadlines if v.outcome(d) > day),
        *(q.question for q in pack.questions if q.opens > day),
        *(q.resolution for q in pack.questions if v.resolution(q) > day),
        *(p.text for p in pack.prompts if p.date > day),
        *(n.text for r in pack.roles for n in r.notes if v.item(n) > day),
        *(e.text for a in pack.assumptions for e in a.evidence if v.item(e) > day),
    ]
    texts += [s.title for s in pack.sources if s.date > day]
    return [t for t in texts if len(t) > 12]  # short texts ("No.", a name) also occur inside others


def shown_ids(window: MainWindow) -> dict[str, list[str]]:
    ws = window.workspace
    arguments = [a.id for side in ws.arguments.columns.values() for a in row_payloads(side)]
    return {"event": [e.id for e in row_payloads(ws.events)],
            "instrument": [s.instrument.id for s in row_payloads(ws.in_force)],
            "argument": sorted(arguments)}


@pytest.mark.parametrize("mode", ["classroom", "explore"])
def test_the_window_and_the_handout_agree_on_fifty_dates(pack_window, mode):
    document = pack_window.document
    pack = document.loaded.pack
    roles = [None, *(r.id for r in pack.roles)]
    document.start_scenario(document.loaded, f"Vintage {mode}", mode=mode)
    for n, day in enumerate(dates(pack, 50)):
        role = roles[n % len(roles)]
        pack_window.editor.set_role(role)
        document.set_date(day)
        handout = make_handout(pack, day, role)
        ids = {kind: [i.id for i in handout.of_kind(kind)] for kind in ("event", "instrument", "argument")}
        ids["argument"] = sorted(ids["argument"])
        assert shown_ids(pack_window) == ids, day
        banner = pack_window.workspace.banner
        on_screen = [banner.date_label.text(), banner.countdown.text(), *banner.then.text().split("\n"), banner.also.text()]
        assert [line for line in on_screen if line] == list(handout.banner), day


@pytest.mark.parametrize("mode", ["classroom", "explore"])
def test_nothing_known_later_is_anywhere_on_screen(pack_window, qtbot, mode):
    window, document = pack_window, pack_window.document
    pack = document.loaded.pack
    roles = [None, *(r.id for r in pack.roles)]
    document.start_scenario(document.loaded, f"Spoilers {mode}", mode=mode)
    ws = window.workspace
    for n, day in enumerate(dates(pack, 6)):
        window.editor.set_role(roles[(n * 3) % len(roles)])
        document.set_date(day)
        for panel in (ws.events, *ws.arguments.columns.values()):  # read the newest item of each list in full
            if panel.model.rowCount():
                panel.view.selectionModel().setCurrentIndex(panel.model.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
                for tab in (ws.role, ws.forecasts, ws.assumptions):
                    ws.tabs.setCurrentWidget(tab)
                text = every_text(window)
                leaked = [t for t in later_texts(pack, day) if t in text]
                assert leaked == [], (day, leaked[:3])


def test_a_scenario_started_with_a_role_shows_that_role_its_brief_and_its_notes(make_window):
    """The role chosen in the new-scenario dialog is on the Role tab at once, with the notes known so far."""
    window = make_window(pack=False)
    document = window.document
    loaded = load_pack(PACKS_DIR / "tiktok-2024.json")
    document.start_scenario(loaded, "Buyer", mode="classroom", role="r-buyer")
    document.set_date(dt.date(2025, 12, 20))
    role = window.workspace.role
    window.workspace.tabs.setCurrentWidget(role)  # a hidden tab catches up when it is shown
    assert role.role.currentData() == "r-buyer"
    assert role.role_text.text().startswith(next(r.brief for r in loaded.pack.roles if r.id == "r-buyer"))
    assert role.notes.text().startswith("18 Dec 2025: ByteDance and TikTok sign binding agreements")
    document.set_date(dt.date(2025, 12, 1))  # before the agreements: only the 2022 note
    assert role.notes.text().startswith("17 Jun 2022:")


def test_a_scenario_saved_with_an_earlier_pack_version_resumes_and_says_what_is_gone(make_window, packs_dir):
    """Ids are retired, never reused: the scenario opens, without what the pack dropped, and the student is told."""
    first = make_window()
    document = first.document
    argument = document.timeline.arguments_made(dt.date(2030, 3, 1))[0]
    first.editor.edit_weight(argument.id, ArgumentWeight(weight=3), "x")
    first.close()
    pack = json.loads((packs_dir / "mini.json").read_text())
    pack["version"] = "2.0"
    pack["arguments"] = [{**a, "rebuttals": [r for r in a.get("rebuttals", []) if r != argument.id]}
                         for a in pack["arguments"] if a["id"] != argument.id]
    (packs_dir / "mini.json").write_text(json.dumps(pack))
    window = make_window(pack=False)
    assert window.document.record is not None and argument.id not in window.document.record.weights
    assert f"no longer has argument '{argument.id}'" in window.statusBar().currentMessage()
