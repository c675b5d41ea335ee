"""File menu commands for the class: a student's submission and report, the teacher's class view.

Files from students are written atomically; a teacher's folder of submissions is opened in its
own window, which reads the files off the UI thread and never trusts them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

from gui.actions.save_file import save_file
from gui.widgets.folders import remember, start_folder
from gui.widgets.plain import file_stem, warn
from scenario.record import NAME_MAX
from store.backups import utc_now
from store.files import write_atomic

if TYPE_CHECKING:
    from gui.actions.host import CommandHost

def _ask_name(window: CommandHost, title: str) -> str:
    """The student's name, asked each time and kept for this run only (it is not stored); "" when cancelled."""
    student, ok = QInputDialog.getText(window, title, "Your name, as your teacher should see it:",
                                       QLineEdit.EchoMode.Normal, window.property("studentName") or "")
    student = student.strip()[:NAME_MAX]
    if not ok or not student:
        return ""
    window.setProperty("studentName", student)
    return student


def export_submission(window: CommandHost) -> None:
    """The student's name is asked each time and kept for this run only: it is not stored."""
    from scenario.submission import encode_submission

    document = window.document
    if document.record is None or document.loaded is None:
        warn(window, "Nothing to submit", "Open a scenario first.")
        return
    student = _ask_name(window, "Export submission")
    if not student:
        return
    record, loaded = document.record, document.loaded
    save_file(window, "Export submission", Path.home() / f"{file_stem(student)} - {file_stem(record.name)}.json", "Submission files (*.json)",
              lambda path: write_atomic(path, encode_submission(record, loaded, student, utc_now())), lambda path: f"Submission saved to {path}")


def export_report(window: CommandHost) -> None:
    from gui.report import student_report

    document = window.document
    if document.record is None or document.loaded is None:
        warn(window, "Nothing to report", "Open a scenario first.")
        return
    student = _ask_name(window, "Export report")
    if not student:
        return
    record, pack, day = document.record, document.loaded.pack, document.date
    save_file(window, "Export report", Path.home() / f"{file_stem(student)} - {file_stem(record.name)}.pdf", "PDF files (*.pdf)",
              lambda path: student_report(record, pack, path, as_of=day, student=student), lambda path: f"Report saved to {path}")


def open_class(window: CommandHost, folder: bool) -> None:
    if folder:
        chosen = QFileDialog.getExistingDirectory(window, "Open a folder of class submissions", str(start_folder()))
        remember(chosen)
        paths = [chosen] if chosen else []
    else:
        paths, _ = QFileDialog.getOpenFileNames(window, "Open class submissions", str(start_folder()), "Submission files (*.json)")
        remember(paths[0] if paths else "")
    if paths:
        show_class(window, paths)


def show_class(window: CommandHost, paths: list[str]) -> None:
    from gui.teacher.class_window import ClassWindow

    class_window = ClassWindow(window)
    class_window.resize(1200, 780)
    class_window.show()
    class_window.open_paths(paths, window.document.packs_dirs)
    window.class_windows.append(class_window)
