"""The stepper bar: step buttons around a date slider that spans the whole pack."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSlider, QToolButton, QWidget

from gui.document.document import Document
from scenario.rules import Move
from gui.workspace.step_actions import StepActions
from scenario.labels import long_date
from scenario.pack import LoadedPack

_BEFORE_SLIDER = (Move.FIRST, Move.PREVIOUS_EVENT, Move.PREVIOUS_DAY)
_AFTER_SLIDER = (Move.NEXT_DAY, Move.NEXT_EVENT, Move.NEXT_DEADLINE, Move.LAST)


class Stepper(QWidget):
    def __init__(self, document: Document, actions: StepActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName("Date")
        self.slider.setToolTip("Drag to move through time")
        self.slider.setPageStep(7)
        self.buttons = [self._button(actions, move) for move in (*_BEFORE_SLIDER, *_AFTER_SLIDER)]  # left to right
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons[:len(_BEFORE_SLIDER)]:
            layout.addWidget(button)
        layout.addWidget(self.slider, 1)
        for button in self.buttons[len(_BEFORE_SLIDER):]:
            layout.addWidget(button)
        self.slider.valueChanged.connect(self._slid)
        document.packOpened.connect(self._pack_opened)
        document.dateChanged.connect(self._date_changed)

    def take_focus(self) -> None:
        """The keyboard to the first step button that can be pressed (the window's keys step from anywhere):
        so that after starting a scenario the focus is somewhere, and Tab goes on from the top of the page."""
        button = next((b for b in self.buttons if b.isEnabled()), None)
        (button or self.slider).setFocus(Qt.FocusReason.OtherFocusReason)

    def _button(self, actions: StepActions, move: Move) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(actions.actions[move])
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAccessibleName(actions.actions[move].text())
        return button

    def _pack_opened(self, loaded: LoadedPack) -> None:
        self.slider.blockSignals(True)
        self.slider.setRange(0, (loaded.pack.end - loaded.pack.start).days)
        self.slider.blockSignals(False)

    def _date_changed(self, day: dt.date) -> None:
        assert self.document.timeline is not None
        self.slider.blockSignals(True)
        self.slider.setValue((day - self.document.timeline.start).days)
        self.slider.blockSignals(False)
        # a screen reader reads the slider's value as a day count: say which day it is
        self.slider.setAccessibleDescription(f"{long_date(day)}, day {self.slider.value() + 1} of {self.slider.maximum() + 1}. "
                                             "Page Up and Page Down move a week.")

    def _slid(self, value: int) -> None:
        if self.document.timeline is not None:
            self.document.set_date(self.document.timeline.start + dt.timedelta(days=value))
