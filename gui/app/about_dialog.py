"""Help > About: version, where the data lives, and the licence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from gui.widgets.text import esc
from scenario import __version__

LICENCE = "MIT licence. Scenario content cites its sources; see each item's Sources list."


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Divestiture Lab")
        text = QLabel(
            f"<h2>Divestiture Lab {esc(__version__)}</h2>"
            "<p>Classroom policy exercises on the TikTok divestiture deadlines.</p>"
            f"<p><b>Your data is kept in:</b><br>{esc(str(data_dir))}</p>"
            "<p>Nothing leaves this computer: no accounts, no network, no telemetry.</p>"
            f"<p>{esc(LICENCE)}</p>"
        )
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.text = text
