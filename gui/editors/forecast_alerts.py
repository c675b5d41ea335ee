"""Keeping forecasts from locking unseen: the question before a step locks open ones, the count
badge on the Forecasts tab, and a status-bar line when a question opens.

A question locks once the student has been on or past its resolution date (`scenario.rules`),
forecast or not; a jump to the next deadline can pass several. The window wires this up; the
rules that decide what would lock live in the domain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox, QStatusBar, QTabWidget, QWidget

from gui.document.document import Document
from scenario.labels import short_date
from scenario.model import Question
from scenario.record import ScenarioRecord
from scenario.rules import Move, awaiting_forecast

STATUS_MS = 8000
FORECASTS_TAB = "Fo&recasts"  # Alt+F is the File menu


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def lock_question_text(questions: list[Question], target: dt.date) -> str:
    verb = "resolves" if len(questions) == 1 else "resolve"
    return f"{plural(len(questions), 'open question', 'open questions')} {verb} by {short_date(target)}. Forecast now, or go on?"


def ask_before_locking(parent: QWidget, mode_name: str, questions: list[Question], target: dt.date) -> tuple[bool | None, bool]:
    """(True to go on, False to forecast now, None for neither), and whether to keep asking."""
    box = QMessageBox(QMessageBox.Icon.Question, "Forecast before these lock?", lock_question_text(questions, target), parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText("\n".join(f"• {q.question} (resolves {short_date(q.resolves)})" for q in questions)
                           + "\n\nOnce you have been on or past a question's resolution date, it is locked for good, "
                             "forecast or not.")
    forecast = box.addButton("&Forecast now", QMessageBox.ButtonRole.AcceptRole)
    go_on = box.addButton("&Go on", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(forecast)
    again = QCheckBox(f"Don't ask again in {mode_name} mode (Go > Ask before forecasts lock turns it back on)")
    box.setCheckBox(again)
    box.exec()
    clicked = box.clickedButton()
    return (True if clicked is go_on else False if clicked is forecast else None), not again.isChecked()


class ForecastAlerts(QObject):
    """The badge and status line follow the document; `confirm` answers its lockWarning."""

    def __init__(self, document: Document, tabs: QTabWidget, forecasts: QWidget, status: QStatusBar,
                 remember: Callable[[str, bool], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document, self.tabs, self.forecasts, self.status, self.remember = document, tabs, forecasts, status, remember
        self._shown_date: dt.date | None = None
        document.lockWarning.connect(self.confirm)
        document.scenarioOpened.connect(self._opened)
        document.dateChanged.connect(self._date_changed)
        document.recordChanged.connect(lambda _record, _kind: self._update_badge())

    def confirm(self, move: Move, target: dt.date, questions: list[Question]) -> None:
        record = self.document.record
        mode = record.mode if record else "explore"
        go_on, keep_asking = ask_before_locking(self.tabs.window(), mode.capitalize(), questions, target)
        if go_on is not None and not keep_asking:
            self.document.ask_before_locking[mode] = False
            self.remember(mode, False)
        if go_on:
            self.document.step(move, confirmed=True)
        elif go_on is False:
            self.tabs.setCurrentWidget(self.forecasts)

    def _opened(self, _record: ScenarioRecord) -> None:
        self._shown_date = self.document.date
        self._update_badge()

    def _date_changed(self, day: dt.date) -> None:
        before, self._shown_date = self._shown_date, day
        loaded = self.document.loaded
        if loaded is not None and before is not None and day > before:
            opened = [q for q in loaded.pack.questions if before < q.opens <= day]
            if len(opened) == 1:
                self.status.showMessage(f"A forecast question opened: {opened[0].question} See the Forecasts tab (Ctrl+4).", STATUS_MS)
            elif opened:
                self.status.showMessage(f"{len(opened)} forecast questions opened. See the Forecasts tab (Ctrl+4).", STATUS_MS)
        self._update_badge()

    def awaiting(self) -> list[Question]:
        document = self.document
        if document.loaded is None or document.record is None or document.date is None:
            return []
        return awaiting_forecast(document.loaded.pack.questions, document.record, document.date)

    def _update_badge(self) -> None:
        index = self.tabs.indexOf(self.forecasts)
        if index < 0:
            return
        count = len(self.awaiting())
        text = f"{FORECASTS_TAB} ({count})" if count else FORECASTS_TAB
        if self.tabs.tabText(index) == text:
            return  # setting even the same text lays the tabs out again and repaints the page in front, on every step
        self.tabs.setTabText(index, text)
        self.tabs.setTabToolTip(index, f"{plural(count, 'open question needs', 'open questions need')} your forecast" if count
                                else "Forecast questions open on this date")
