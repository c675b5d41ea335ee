"""The saved scenarios, most recent first: one model behind the start page's list and the Scenarios dialog's table.

It asks the document, never the store, and refreshes itself when the document says the list
changed (a rename, a copy, a delete, an import), so both views always agree.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from gui.document.document import Document
from gui.widgets.rows_model import PayloadRole
from scenario.labels import short_date
from scenario.model import Pack
from scenario.pack_index import packs_by_id
from store.models import ScenarioSummary

COLUMNS = ("Name", "Pack", "Role", "Last change")
CardRole = Qt.ItemDataRole.UserRole + 2  # the start page's two-line text: name, then pack, mode, role and when


class ScenarioListModel(QAbstractTableModel):
    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self._summaries: list[ScenarioSummary] = []
        self._titles: dict[str, str] | None = None  # pack id -> title: people read titles, not ids
        self._roles: dict[tuple[str, str], str] = {}  # (pack id, role id) -> role title
        document.scenariosChanged.connect(self.refresh)

    def set_packs(self, packs: list[Pack]) -> None:
        """The installed packs, for their titles and their roles' (the start page scans the pack folders afresh each time)."""
        self._titles = {p.id: p.title for p in packs}
        self._roles = {(p.id, r.id): r.title for p in packs for r in p.roles}
        self.refresh()

    def _names(self) -> dict[str, str]:
        """Titles, read from the pack folders the first time they are needed if the start page has not given them."""
        if self._titles is None:
            self.set_packs([loaded.pack for loaded in packs_by_id(self.document.packs_dirs).values()])
        assert self._titles is not None
        return self._titles

    def _role(self, s: ScenarioSummary) -> str:
        return self._roles.get((s.pack_id, s.role), s.role) if s.role else ""

    def refresh(self) -> None:
        self.beginResetModel()  # only after a change to the saved list, never on a step
        self._summaries = self.document.saved_scenarios()
        self.endResetModel()

    def summary(self, index: QModelIndex | QPersistentModelIndex) -> ScenarioSummary:
        return self._summaries[index.row()]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._summaries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._summaries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cells(s)[index.column()]
        if role == CardRole:
            return self._card(s)
        if role == PayloadRole:
            return s.id
        return None

    def _cells(self, s: ScenarioSummary) -> tuple[str, str, str, str]:
        local = s.updated.astimezone()
        return s.name, self._names().get(s.pack_id, f"{s.pack_id} (pack not installed)"), self._role(s) or "—", f"{short_date(local.date())} {local:%H:%M}"

    def _card(self, s: ScenarioSummary) -> str:
        pack = self._names().get(s.pack_id, f"{s.pack_id} (pack not installed)")
        role = f" · role: {self._role(s)}" if s.role else ""
        local = s.updated.astimezone()
        return f"{s.name}\n{pack} · {s.mode.capitalize()}{role} · changed {short_date(local.date())} {local:%H:%M}"
