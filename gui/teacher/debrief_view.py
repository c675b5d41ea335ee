"""Debrief: the class's views, checkpoint by checkpoint, full-screen and in large type, to project.

Right and Left move between checkpoints, Home and End go to the first and last, Esc leaves.
The teacher can add a checkpoint date. A slide names no student (so it is anonymous whatever
the class window shows) and nothing in it is timed. The slides are `scenario.debrief`, set out
by the same template as the `debrief` command's PDF (`gui.report.debrief`), escaped throughout.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from scenario.classroom import ClassAggregate
from scenario.debrief import Slide, slides


class DebriefView(QWidget):
    def __init__(self, result: ClassAggregate, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from gui.report.debrief import SLIDE_STYLE

        self.setWindowTitle(f"Debrief: {result.pack.title} - Divestiture Lab")
        self.setAccessibleName("Debrief: Right and Left move between checkpoints, Esc leaves")
        self.result = result
        self.added: list[dt.date] = []
        self.slides: list[Slide] = []
        self.index = 0
        self.text = QTextBrowser()
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys move between checkpoints, not a cursor
        self.text.setOpenLinks(False)
        self.text.document().setDefaultStyleSheet(SLIDE_STYLE)
        self.text.setAccessibleName("The checkpoint's slide")
        self.position = QLabel()
        self.position.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_button = QPushButton("◀ &Previous")
        self.previous_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button = QPushButton("&Next ▶")
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName("Checkpoint date: a date to add, Enter adds it")
        self.date.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the arrow keys belong to the slides; Alt+D reaches it
        date_label = QLabel("Checkpoint &date:")
        date_label.setBuddy(self.date)
        start, end = result.pack.start, result.pack.end
        self.date.setDateRange(QDate(start.year, start.month, start.day), QDate(end.year, end.month, end.day))
        add = QPushButton("&Add checkpoint")
        add.clicked.connect(lambda: self.add_checkpoint(self.date.date().toPython()))
        leave = QPushButton("Leave (Esc)")
        leave.clicked.connect(self.close)
        for button in (self.previous_button, self.next_button, add, leave):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addWidget(self.position, 1, Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.next_button)
        row.addSpacing(24)
        row.addWidget(date_label)
        row.addWidget(self.date)
        row.addWidget(add)
        row.addWidget(leave)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocus()
        self._rebuild()

    def add_checkpoint(self, day: dt.date) -> None:
        self.added.append(day)
        self._rebuild(day)
        self.setFocus()

    def go(self, index: int) -> None:
        if not self.slides:
            return
        self.index = max(0, min(index, len(self.slides) - 1))
        self._show()

    @property
    def slide(self) -> Slide | None:
        return self.slides[self.index] if self.slides else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {Qt.Key.Key_Right: self.index + 1, Qt.Key.Key_Left: self.index - 1, Qt.Key.Key_PageDown: self.index + 1,
                 Qt.Key.Key_PageUp: self.index - 1, Qt.Key.Key_Home: 0, Qt.Key.Key_End: len(self.slides) - 1}
        if event.key() in moves:
            self.go(moves[event.key()])
        elif event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.date.hasFocus():  # the date box passes Enter on
            self.add_checkpoint(self.date.date().toPython())
        else:
            super().keyPressEvent(event)

    def _rebuild(self, keep: dt.date | None = None) -> None:
        current = keep or (self.slide.date if self.slide else None)
        self.slides = slides(self.result, self.added)
        dates = [s.date for s in self.slides]
        self.index = dates.index(current) if current in dates else 0
        self._show()

    def _show(self) -> None:
        from gui.report.debrief import slide_page
        from gui.report.html import Page

        page = Page()
        if self.slide is None:
            page.paragraph("This pack has no checkpoint: add a date.")
            self.position.setText("")
        else:
            slide_page(page, self.slide, self.index + 1, len(self.slides), new_page=False, fixed_widths=False)
            self.position.setText(f"Checkpoint {self.index + 1} of {len(self.slides)}")
        self.text.setHtml(page.html())
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.slides) - 1)
