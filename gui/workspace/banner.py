"""The countdown banner: today's date, the nearest deadline, and what happens then."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from gui.document.document import Document
from gui.widgets.grow_only import GrowOnly
from gui.widgets.theme import MutedLabel
from gui.widgets.plain import plain_label, show_text
from scenario.labels import banner_text


class Banner(QFrame):
    """Its height only grows while a pack is open (`GrowOnly`), so the lists below stay put as
    lines of it come and go with the date. A new pack starts it afresh."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self.setAccessibleName("Countdown to the next deadline")
        self.date_label = plain_label(bold=True, point_delta=6)
        self.date_label.setAccessibleDescription("Current date")
        self.countdown = plain_label(bold=True, point_delta=3)
        self.countdown.setAccessibleDescription("Countdown")
        self.then = plain_label()
        self.also = MutedLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        for label in (self.date_label, self.countdown, self.then, self.also):
            layout.addWidget(label)
        document.dateChanged.connect(self.show_date)
        self.height_kept = GrowOnly(self)
        document.packOpened.connect(lambda _loaded: self.height_kept.reset())

    def show_date(self, day: dt.date) -> None:
        timeline = self.document.timeline
        assert timeline is not None
        text = banner_text(timeline, timeline.instruments, day)
        self.date_label.setText(text.date)
        self.countdown.setText(text.countdown)
        show_text(self.then, text.then)
        show_text(self.also, text.also)
        self.setAccessibleDescription(text.countdown)
        self.height_kept.fit()
