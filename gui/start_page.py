"""The first page: the packs on offer, including ones that failed to load and why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.list_panel import ListPanel
from gui.rows_model import Row
from scenario.labels import short_date
from scenario.pack import LoadedPack, PackEntry, PackError, load_pack

INTRO = (
    "Step through the TikTok divestiture deadlines as they happened: see what was known on each "
    "date, what the law required and when, and what each side argued. Choose a scenario pack to begin."
)


def _row(entry: PackEntry) -> Row:
    if entry.loaded is None:
        assert entry.error is not None
        return Row(f"{entry.path.name}\nCannot be opened: {entry.error.first}", str(entry.error), None, muted=True, enabled=False)
    p = entry.loaded.pack
    return Row(f"{p.title}\n{p.summary}\n{short_date(p.start)} to {short_date(p.end)}", p.description, entry.loaded)


class StartPage(QWidget):
    """Emits `chosen(LoadedPack)`; reports unreadable pack files through `failed(PackError)`."""

    chosen = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel("Divestiture Lab")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() + 8)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.packs = ListPanel("Scenario packs", "No scenario packs were found.", "Scenario packs")
        self.packs.view.activated.connect(lambda index: self._open(self.packs.model.row_at(index).payload))
        self.open_button = QPushButton("&Open pack")
        self.open_button.setDefault(True)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self._open(self._selected()))
        self.file_button = QPushButton("Open pack &file…")
        self.file_button.setToolTip("Open a scenario pack a teacher wrote (a .json file)")
        self.file_button.clicked.connect(self._open_file)
        self.packs.picked.connect(lambda payload: self.open_button.setEnabled(payload is not None))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.file_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.packs, 1)
        layout.addLayout(buttons)

    def set_entries(self, entries: list[PackEntry]) -> None:
        self.packs.set_rows([_row(e) for e in entries])
        first = next((i for i, e in enumerate(entries) if e.loaded is not None), None)
        if first is not None:
            self.packs.view.setCurrentIndex(self.packs.model.index(first))
        self.packs.view.setFocus()

    def _selected(self) -> LoadedPack | None:
        index = self.packs.view.currentIndex()
        return self.packs.model.row_at(index).payload if index.isValid() else None

    def _open(self, loaded: LoadedPack | None) -> None:
        if loaded is not None:
            self.chosen.emit(loaded)

    def _open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open scenario pack", str(Path.home()), "Scenario packs (*.json)")
        if not name:
            return
        try:
            self.chosen.emit(load_pack(name))
        except PackError as exc:
            self.failed.emit(exc)
