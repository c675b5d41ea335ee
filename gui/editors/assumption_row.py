"""One assumption's editor: slider and spin box in its unit, an optional low-high range, a note.

Probabilities are shown as percentages (what students think in) and stored as 0-1. The row
only reports edits; the editor makes each an undoable change, and the document tells every view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QGridLayout, QLabel, QSlider, QToolButton, QWidget

from gui.widgets.text import plain_tooltip
from gui.widgets.typed_text import TypedLine
from gui.widgets.theme import MutedLabel
from scenario.model import Assumption
from scenario.record import AssumptionValue

SLIDER_STEPS = 1000


class AssumptionRow(QWidget):
    edited = Signal(object)  # AssumptionValue, or None to go back to the pack's default

    def __init__(self, assumption: Assumption, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        a = self.assumption = assumption
        self.scale = 100.0 if a.kind == "probability" else 1.0
        suffix = " %" if a.kind == "probability" else (f" {a.unit}" if a.unit else "")
        self.label = QLabel(a.label)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setToolTip(plain_tooltip(a.help))
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.help = MutedLabel(a.help)
        self.evidence = QLabel()
        self.evidence.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence.setWordWrap(True)
        self.evidence.setAccessibleDescription(f"{a.label}: evidence so far")
        self.evidence.hide()
        self.overtaken = MutedLabel()
        self.overtaken.setAccessibleName(f"{a.label}: overtaken by events")
        self.overtaken.hide()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setAccessibleName(f"{a.label}: slider")
        self.value = self._spin(suffix, f"{a.label}: your value")
        self.ranged = QCheckBox("Range")
        self.ranged.setToolTip("Say how sure you are: the lowest and highest values you find plausible")
        self.low = self._spin(suffix, f"{a.label}: lowest plausible")
        self.high = self._spin(suffix, f"{a.label}: highest plausible")
        self.note = TypedLine()
        self.note.setPlaceholderText("Why? (your note)")
        self.note.setAccessibleName(f"{a.label}: note")
        self.note.setMaxLength(4000)
        self.reset = QToolButton()
        self.reset.setText("Reset")
        self.reset.setToolTip(f"Back to the pack's default ({self._show(a.default)}{suffix})")
        self.reset.setAccessibleName(f"Reset {a.label}")
        for widget in (self.slider, self.value, self.low, self.high, self.ranged, self.note):
            widget.setToolTip(widget.toolTip() or plain_tooltip(a.help))
            widget.setAccessibleDescription(a.help)
        # a screen reader reads the slider's position (0 to 1000), not the value: say what it spans
        self.slider.setAccessibleDescription(f"From {self._show(a.min)}{suffix} at the left to {self._show(a.max)}{suffix} "
                                             f"at the right; the box beside it gives your value. {a.help}")
        self.label.setBuddy(self.value)
        grid = QGridLayout(self)  # two short lines, so a row fits beside the outcome chart
        grid.setContentsMargins(0, 6, 0, 6)
        grid.addWidget(self.label, 0, 0, 1, 5)
        grid.addWidget(self.overtaken, 1, 0, 1, 5)  # under the name: it says how to read the value
        grid.addWidget(self.slider, 2, 0, 1, 3)
        grid.addWidget(self.value, 2, 3)
        grid.addWidget(self.reset, 2, 4)
        grid.addWidget(self.ranged, 3, 0)
        grid.addWidget(self.low, 3, 1)
        grid.addWidget(QLabel("to"), 3, 2)
        grid.addWidget(self.high, 3, 3)
        grid.addWidget(self.note, 4, 0, 1, 5)
        grid.addWidget(self.help, 5, 0, 1, 5)
        grid.addWidget(self.evidence, 6, 0, 1, 5)
        grid.setColumnStretch(0, 1)
        self.slider.valueChanged.connect(lambda tick: self.value.setValue(self._from_tick(tick) * self.scale))
        self.value.valueChanged.connect(self._changed)
        self.low.valueChanged.connect(self._changed)
        self.high.valueChanged.connect(self._changed)
        self.ranged.toggled.connect(self._range_toggled)
        self.note.committed.connect(self._changed)
        self.reset.clicked.connect(lambda: self.edited.emit(None))

    def show_evidence(self, lines: list[str]) -> None:
        """The dated facts known so far, each with its source: what a sensible value rests on."""
        text = "\n".join(f"• {line}" for line in lines)
        if text != self.evidence.text():
            self.evidence.setText(text)
            self.evidence.setVisible(bool(lines))

    def show_overtaken(self, settled: list[str]) -> None:
        """What settled the chance this value was for: the value stays the student's, but moves nothing now."""
        text = "\n".join(["Overtaken by events: your value is kept, but the outcomes no longer depend on it.", *settled]) if settled else ""
        if text != self.overtaken.text():
            self.overtaken.setText(text)
            self.overtaken.setVisible(bool(settled))

    def _spin(self, suffix: str, accessible: str) -> QDoubleSpinBox:
        a = self.assumption
        spin = QDoubleSpinBox()
        span = (a.max - a.min) * self.scale
        spin.setDecimals(0 if span >= 100 else 1 if span >= 10 else 2)
        spin.setRange(a.min * self.scale, a.max * self.scale)
        spin.setSingleStep((a.step or (a.max - a.min) / 100) * self.scale)
        spin.setSuffix(suffix)
        spin.setAccessibleName(accessible)
        spin.setKeyboardTracking(False)
        return spin

    def _show(self, value: float) -> str:
        return f"{value * self.scale:g}"

    def _to_tick(self, value: float) -> int:
        a = self.assumption
        return round((value - a.min) / (a.max - a.min) * SLIDER_STEPS)

    def _from_tick(self, tick: int) -> float:
        a = self.assumption
        return a.min + (a.max - a.min) * tick / SLIDER_STEPS

    def show_value(self, stored: AssumptionValue | None) -> None:
        """Show what the record holds (the pack default when the student has set nothing)."""
        a = self.assumption
        current = stored or AssumptionValue(value=a.default)
        widgets = (self.slider, self.value, self.low, self.high, self.ranged, self.note)
        for widget in widgets:
            widget.blockSignals(True)
        self.value.setValue(current.value * self.scale)
        self.slider.setValue(self._to_tick(current.value))
        has_range = current.low is not None and current.high is not None
        self.ranged.setChecked(has_range)
        self.low.setValue((current.low if has_range else current.value) * self.scale)
        self.high.setValue((current.high if has_range else current.value) * self.scale)
        self.low.setEnabled(has_range)
        self.high.setEnabled(has_range)
        self.note.show_saved(current.note)
        self.reset.setEnabled(stored is not None)
        for widget in widgets:
            widget.blockSignals(False)

    def current(self) -> AssumptionValue:
        value = self.value.value() / self.scale
        if not self.ranged.isChecked():
            return AssumptionValue(value=value, note=self.note.text())
        low, high = self.low.value() / self.scale, self.high.value() / self.scale
        return AssumptionValue(value=value, low=min(low, value), high=max(high, value), note=self.note.text())

    def _range_toggled(self, on: bool) -> None:
        if on:  # start from a range a tenth of the scale either side, so the effect is visible
            a, value = self.assumption, self.value.value() / self.scale
            spread = (a.max - a.min) / 10
            for spin, bound in ((self.low, max(a.min, value - spread)), (self.high, min(a.max, value + spread))):
                spin.blockSignals(True)
                spin.setValue(bound * self.scale)
                spin.blockSignals(False)
        self._changed()

    def _changed(self, *_: object) -> None:
        self.edited.emit(self.current())
