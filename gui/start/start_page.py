"""The first page: saved scenarios to resume, and packs to start a new one on (with broken ones greyed)."""

from __future__ import annotations


from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.widgets.folders import remember, start_folder
from gui.widgets.list_panel import ListPanel
from gui.start.scenario_list import CardRole, ScenarioListModel
from gui.widgets.rows_model import PayloadRole, Row
from scenario.labels import short_date
from scenario.pack import UNPUBLISHED, LoadedPack, PackEntry, PackError, load_pack

INTRO = (
    "Step through the TikTok divestiture deadlines as they happened: see what was known on each "
    "date, what the law required and when, and what each side argued. Resume a saved scenario, "
    "or choose a pack to start a new one."
)


def _pack_row(entry: PackEntry) -> Row:
    if entry.loaded is None:
        assert entry.error is not None
        if entry.draft:  # an author's work in progress, listed so the author sees why students do not get it
            why = "Draft: not offered to students — " + ("not yet published" if entry.error.problems == [UNPUBLISHED] else entry.error.first)
        else:
            why = f"Cannot be opened: {entry.error.first}"
        return Row(f"{entry.path.name}\n{why}", str(entry.error), None, muted=True, enabled=False)
    p = entry.loaded.pack
    # The teaser names no outcome: a student choosing a pack (for Classroom mode or not) is not told the ending.
    teaser = p.teaser or p.summary
    return Row(f"{p.title}\n{teaser}\n{short_date(p.start)} to {short_date(p.end)}", teaser, entry.loaded)


class StartPage(QWidget):
    """Emits `chosen(LoadedPack)` for a new scenario, `resumed(id)` for a saved one, `failed(PackError)`."""

    chosen = Signal(object)
    resumed = Signal(int)
    failed = Signal(object)

    def __init__(self, scenario_list: ScenarioListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario_list = scenario_list
        heading = QLabel("Divestiture Lab")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() + 8)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.scenarios = ListPanel("Your saved scenarios", "No saved scenarios yet: choose a pack to start one.", "Saved scenarios",
                                   model=scenario_list, text_role=CardRole)
        self.scenarios.view.activated.connect(lambda index: self.resumed.emit(index.data(PayloadRole)))
        self.resume_button = QPushButton("&Resume scenario")
        self.resume_button.setEnabled(False)
        self.resume_button.clicked.connect(self._resume)
        self.scenarios.picked.connect(lambda payload: self.resume_button.setEnabled(payload is not None))
        self.packs = ListPanel("Scenario packs", "No scenario packs were found.", "Scenario packs")
        self.packs.view.activated.connect(lambda index: self._open(self.packs.model.row_at(index).payload))
        self.open_button = QPushButton("&New scenario on this pack")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self._open(self._selected()))
        self.file_button = QPushButton("Open pack &file…")
        self.file_button.setToolTip("Open a scenario pack a teacher wrote (a .json file)")
        self.file_button.clicked.connect(self._open_file)
        self.packs.picked.connect(lambda payload: self.open_button.setEnabled(payload is not None))
        columns = QHBoxLayout()
        for panel, buttons in ((self.scenarios, [self.resume_button]), (self.packs, [self.file_button, self.open_button])):
            column = QVBoxLayout()
            column.addWidget(panel, 1)
            row = QHBoxLayout()
            row.addStretch(1)
            for button in buttons:
                row.addWidget(button)
            column.addLayout(row)
            columns.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)

    def set_packs(self, entries: list[PackEntry]) -> None:
        """The packs as found now; the saved scenarios are listed afresh with their titles."""
        self.packs.set_rows([_pack_row(e) for e in entries])
        self.scenario_list.set_packs([e.loaded.pack for e in entries if e.loaded is not None])
        first = next((i for i, e in enumerate(entries) if e.loaded is not None), None)
        if first is not None:
            self.packs.view.setCurrentIndex(self.packs.model.index(first))
        scenarios = self.scenario_list.rowCount() > 0
        if scenarios:
            self.scenarios.view.setCurrentIndex(self.scenario_list.index(0, 0))
        (self.scenarios if scenarios else self.packs).view.setFocus()

    def _selected(self) -> LoadedPack | None:
        index = self.packs.view.currentIndex()
        return self.packs.model.row_at(index).payload if index.isValid() else None

    def _resume(self) -> None:
        index = self.scenarios.view.currentIndex()
        if index.isValid():
            self.resumed.emit(index.data(PayloadRole))

    def _open(self, loaded: LoadedPack | None) -> None:
        if loaded is not None:
            self.chosen.emit(loaded)

    def _open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open scenario pack", str(start_folder()), "Scenario packs (*.json)")
        remember(name)
        if not name:
            return
        try:
            self.chosen.emit(load_pack(name))
        except PackError as exc:
            self.failed.emit(exc)
