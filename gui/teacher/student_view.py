"""One student's work, read-only: opened from the class table with a double-click or Enter.

The content is `scenario.student_work` (the same sections the class report prints), set
into the app's own escaped template (`gui.report.classroom.student_work_html`), so nothing a
student typed is interpreted as markup. One view is reused: opening another student replaces
what it shows.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from gui.widgets.focus_mark import FocusMark
from scenario.student_work import StudentWork


class StudentView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.work: StudentWork | None = None
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setReadOnly(True)
        self.text.setAccessibleName("The student's work, read-only")
        FocusMark(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Close, self, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(900, 640)

    def show_work(self, work: StudentWork) -> None:
        from gui.report.classroom import student_work_html

        self.work = work
        self.setWindowTitle(f"{work.label} - class submissions")
        self.text.setHtml(student_work_html(work))
        self.text.verticalScrollBar().setValue(0)
