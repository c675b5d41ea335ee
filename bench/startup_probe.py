"""Child process for the start-up benchmark: prints seconds from launch to the first paint.

Run as `python bench/startup_probe.py app|bare LAUNCH_TIME`. Both modes start the same way
(a fresh interpreter running this file), so the ratio isolates what the app adds.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

mode, launched = sys.argv[1], float(sys.argv[2])

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
            self.seen = time.time() - launched
            print(f"{self.seen:.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


if mode == "bare":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
else:
    from cli import parse_options
    from gui.app.application import build_window
    from store.paths import default_data_dir

    options = parse_options(["--pack", sys.argv[3]])
    window = build_window(default_data_dir(sys.argv[4]), "light", options.loaded, None)
    app = QApplication.instance()
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
