"""The problems of the pack as the author types: errors, then warnings, each leading to its field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QTreeWidget, QTreeWidgetItem

from scenario.authoring.checking import Finding
from gui.widgets.text import plain_tooltip
from scenario.authoring.draft import Path as TreePath
from scenario.authoring.draft import path_text

PathRole = Qt.ItemDataRole.UserRole + 1


class ProblemsPanel(QTreeWidget):
    chosen = Signal(object)  # the path of the problem the author picked

    def __init__(self) -> None:
        super().__init__()
        self.setColumnCount(3)
        self.setHeaderLabels(["", "Where", "Problem"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAccessibleName("Problems")
        self.setColumnWidth(0, 80)
        self.setColumnWidth(1, 340)
        style = QApplication.style()
        self._icons = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                       "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def icon(self, severity: str) -> QIcon:
        return self._icons[severity]

    def show_findings(self, findings: list[Finding], describe: Callable[[TreePath], str]) -> None:
        """`describe` says where a path is as the author sees it ("Events › e-vote › date")."""
        self.clear()
        items = []
        for finding in findings:
            where = describe(finding.path)
            item = QTreeWidgetItem([finding.severity, where, finding.message])
            item.setIcon(0, self._icons[finding.severity])
            item.setData(0, PathRole, finding.path)
            item.setToolTip(1, plain_tooltip(path_text(finding.path)))
            item.setToolTip(2, plain_tooltip(finding.message))
            items.append(item)
        if not items:
            items.append(QTreeWidgetItem(["", "", "No problems: the pack loads, and it can be offered to students."]))
        self.addTopLevelItems(items)

    def _activated(self, item: QTreeWidgetItem) -> None:
        path = item.data(0, PathRole)
        if path is not None:  # the "no problems" line leads nowhere
            self.chosen.emit(path)
