"""Issue 13, the student's hour: each defect a real walkthrough found, with the test that shows it fixed."""

from __future__ import annotations

import datetime as D_
from pathlib import Path

import pytest

from gui.app.settings import UiSettings
from tests.gui.conftest import row_texts

D = D_.date


# 1. Traceback at start with "Show later events" on

@pytest.mark.parametrize("pack", [True, False], ids=["with-pack", "start-page"])
def test_restart_with_later_events_on_raises_nothing(make_window, data_dir: Path, pack):
    settings = UiSettings(data_dir)
    settings.set("view/revealLater", True)
    settings.sync()
    window = make_window(pack=pack)  # pytest-qt fails the test on an exception raised in a slot
    assert window.reveal_action.isChecked()
    if pack:
        assert window.document.later_events_shown
        assert any(t.startswith("Later: ") for t in row_texts(window.workspace.events))
    else:
        assert not window.document.later_events_shown, "nothing is open, so nothing later is shown"


def test_resuming_the_last_scenario_with_later_events_on(make_window, data_dir: Path):
    make_window().close()
    settings = UiSettings(data_dir)
    settings.set("view/revealLater", True)
    settings.sync()
    window = make_window(pack=False)  # reopens the last scenario by itself
    assert any(t.startswith("Later: ") for t in row_texts(window.workspace.events))
