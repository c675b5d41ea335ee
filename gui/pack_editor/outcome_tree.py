"""The outcome model drawn as the tree it is: from the root, each node's yes and no branches.

A node from which some path does not reach an outcome is marked where it stands, with the
words saying so, so the author sees which branch is unfinished without reading a message.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QStyle, QTreeWidget, QTreeWidgetItem

from gui.pack_editor.pack_document import PackDocument
from scenario.authoring.outcome_paths import unfinished_nodes

UNFINISHED = "does not end in an outcome"
PathRole = Qt.ItemDataRole.UserRole + 1


class OutcomeTree(QTreeWidget):
    chosen = Signal(object)  # the path of the node or outcome picked

    def __init__(self, document: PackDocument) -> None:
        super().__init__()
        self.document = document
        self.setHeaderLabels(["Outcome model"])
        self.setAccessibleName("Outcome model tree")
        self._warning = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.itemClicked.connect(self._clicked)
        document.findingsChanged.connect(self.rebuild)  # after each debounced re-check: cheap, and never mid-word

    def _clicked(self, item: QTreeWidgetItem) -> None:
        path = item.data(0, PathRole)
        if path is not None:  # a branch to nothing has no row to go to
            self.chosen.emit(path)

    def rebuild(self, *_: object) -> None:
        self.clear()
        model = self.document.get(("outcome_model",))
        if not isinstance(model, dict):
            self.addTopLevelItem(QTreeWidgetItem(["No outcome model: add a node to start one"]))
            return
        nodes = {n.get("id"): (i, n) for i, n in enumerate(model.get("nodes", [])) if isinstance(n, dict)}
        outcomes = {o.get("id"): (i, o) for i, o in enumerate(model.get("outcomes", [])) if isinstance(o, dict)}
        unfinished = unfinished_nodes(model)
        root = self._item(model.get("root"), "", nodes, outcomes, unfinished, frozenset())
        self.addTopLevelItem(root)
        placed = self._placed(root)
        for node_id, (i, node) in nodes.items():  # what the root does not reach is shown too, apart
            if node_id not in placed:
                self.addTopLevelItem(self._item(node_id, "not reached from the root: ", nodes, outcomes, unfinished, frozenset()))
        self.expandAll()

    def _item(self, ref: Any, branch: str, nodes: dict, outcomes: dict, unfinished: set[str], trail: frozenset[str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        if ref in outcomes:
            i, outcome = outcomes[ref]
            item.setText(0, f"{branch}outcome {ref}: {outcome.get('label', '')}")
            item.setData(0, PathRole, ("outcome_model", "outcomes", i))
            return item
        if ref not in nodes:
            item.setText(0, f"{branch}{ref!s} (no such node or outcome)")
            item.setIcon(0, self._warning)
            return item
        i, node = nodes[ref]
        text = f"{branch}{ref}: {node.get('question', '')}"
        if ref in unfinished:
            text += f" — {UNFINISHED}"
            item.setIcon(0, self._warning)
        item.setText(0, text)
        item.setData(0, PathRole, ("outcome_model", "nodes", i))
        if ref in trail:
            item.setText(0, f"{branch}{ref}: loops back — {UNFINISHED}")
            return item
        for name in ("yes", "no"):
            item.addChild(self._item(node.get(name), f"{name} → ", nodes, outcomes, unfinished, trail | {ref}))
        return item

    def _placed(self, item: QTreeWidgetItem) -> set[str]:
        path = item.data(0, PathRole)
        found = {self.document.get((*path, "id"))} if path else set()
        for n in range(item.childCount()):
            found |= self._placed(item.child(n))
        return found
