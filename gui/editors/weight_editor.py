"""Weigh the selected argument 0-5 and say why; the weight is the student's, the claim is not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QWidget

from gui.widgets.typed_text import TypedLine
from gui.document.changes import Change
from gui.document.editor import Editor
from scenario.model import Argument
from scenario.record import ArgumentWeight, ScenarioRecord

PROMPT = "Select an argument to weigh it from 0 (not convincing) to 5 (decisive)."


class WeightEditor(QWidget):
    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.document = document = editor.document
        self.argument: Argument | None = None
        self.caption = QLabel(PROMPT)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        self.weight = QSpinBox()
        self.weight.setRange(0, 5)
        self.weight.setSpecialValueText("not weighed")
        self.weight.setMinimum(-1)
        self.weight.setAccessibleName("Your weight for the selected argument, 0 to 5")
        self.weight.setKeyboardTracking(False)
        self.note = TypedLine()
        self.note.setPlaceholderText("Why this weight? (your note)")
        self.note.setAccessibleName("Your note on the selected argument")
        self.note.setMaxLength(4000)
        label = QLabel("Your &weight:")
        label.setBuddy(self.weight)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption, 2)
        layout.addWidget(label)
        layout.addWidget(self.weight)
        layout.addWidget(self.note, 2)
        self.weight.valueChanged.connect(self._edited)
        self.note.committed.connect(self._edited)
        document.selectionChanged.connect(self._selected)
        document.recordChanged.connect(lambda record, kind: self._show(record) if kind is Change.WEIGHT else None)
        document.scenarioOpened.connect(lambda _record: self._selected(None))
        self._selected(None)

    def _selected(self, item: object) -> None:
        if isinstance(item, Argument):
            self.argument = item
        elif item is None:
            self.argument = None
        else:
            return  # an event or instrument was selected elsewhere: keep the argument in hand
        for widget in (self.weight, self.note):
            widget.setEnabled(self.argument is not None)
        self.caption.setText(f"“{self.argument.claim}”" if self.argument else PROMPT)
        if self.document.record is not None:
            self._show(self.document.record)

    def _show(self, record: ScenarioRecord) -> None:
        stored = record.weights.get(self.argument.id) if self.argument else None
        self.weight.blockSignals(True)
        self.weight.setValue(stored.weight if stored else -1)
        self.weight.blockSignals(False)
        self.note.show_saved(stored.note if stored else "")

    def _edited(self, *_: object) -> None:
        if self.argument is None:
            return
        weight = self.weight.value()
        value = None if weight < 0 else ArgumentWeight(weight=weight, note=self.note.text())
        self.editor.edit_weight(self.argument.id, value, self.argument.claim)
