"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every void call (repaint,
setText...), so a long lesson ends in "Fatal Python error: none_dealloc". pyproject.toml
excludes that release; this test fails loudly if such a build is ever installed again.
"""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_void_calls_keep_none_alive(qtbot):
    label = QLabel("x")
    qtbot.addWidget(label)
    label.show()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("y")
        label.repaint()
    gc.collect()
    assert sys.getrefcount(None) - before > -100
