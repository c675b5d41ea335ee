"""GUI fixtures: a real main window, offscreen, on the synthetic pack."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gui.app.application import build_window
from gui.app.main_window import MainWindow
from gui.widgets.list_panel import ListPanel
from gui.widgets.rows_model import PayloadRole
from scenario.pack import load_pack
from tests.conftest import MINI_PACK

CLASS = Path(__file__).resolve().parents[1] / "data" / "class-1.1"


@pytest.fixture(autouse=True)
def no_unexpected_message_box(monkeypatch):
    """A message box no test answers would wait forever offscreen: fail at once, saying which."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(box: QMessageBox) -> int:
        raise AssertionError(f"unexpected message box: {box.windowTitle()}: {box.text()}")

    monkeypatch.setattr(QMessageBox, "exec", unexpected)


@pytest.fixture
def make_window(qtbot, data_dir: Path, packs_dir: Path):
    """Build (and later close) main windows sharing one data directory, as restarts would."""

    def make(pack: bool = True, **kwargs) -> MainWindow:
        loaded = load_pack(MINI_PACK) if pack else None
        window = build_window(data_dir, theme="light", pack=loaded, packs_dir=packs_dir, **kwargs)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):  # shortcuts only reach the active window
            window.show()
            window.activateWindow()
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


def press(window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Type a key as a user would: into whatever has focus, so window shortcuts apply."""
    QTest.keyClick(window.focusWidget() or window, key, modifier)


def row_texts(panel: ListPanel) -> list[str]:
    """What the list shows, row by row, as a screen reader reads it."""
    return [panel.model.index(n).data() for n in range(panel.model.rowCount())]


def row_payloads(panel: ListPanel) -> list[object]:
    """The item behind each row: what selecting it shows in the detail pane."""
    return [panel.model.index(n).data(PayloadRole) for n in range(panel.model.rowCount())]


def pytest_collection_modifyitems(config, items) -> None:
    """A Python warning printed while the GUI suite runs (a matplotlib AutoDateLocator warning,
    a deprecation, a resource left open) fails the test that printed it, as a traceback already
    does (pytest-qt fails a test on an exception raised in a slot)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.filterwarnings("error"))


@pytest.fixture
def class_window(qtbot):
    """The teacher's class window on the test class (tests/data/class-1.1), loaded."""
    from gui.teacher.class_window import ClassWindow
    from scenario.resources import PACKS_DIR

    window = ClassWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.load_finished, timeout=30_000):
        window.open_paths([CLASS], [PACKS_DIR])
    return window
