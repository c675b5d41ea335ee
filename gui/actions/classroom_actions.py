"""File menu commands for the class: a student's submission and report, the teacher's class view.

Files from students are written atomically; a teacher's folder of submissions is opened in its
own window, which reads the files off the UI thread and never trusts them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

from gui.widgets.plain import file_stem, warn
from scenario.record import NAME_MAX
from store.backups import utc_now
from store.files import write_atomic

if TYPE_CHECKING:
    from gui.actions.host import CommandHost

def export_submission(window: CommandHost) -> None:
    """The student's name is asked each time and kept for this run only: it is not stored."""
    from scenario.submission import encode_submission

    document = window.document
    if document.record is None or document.loaded is None:
        warn(window, "Nothing to submit", "Open a scenario first.")
        return
    student, ok = QInputDialog.getText(window, "Export submission", "Your name, as your teacher should see it:",
                                       QLineEdit.EchoMode.Normal, window.property("studentName") or "")
    student = student.strip()[:NAME_MAX]
    if not ok or not student:
        return
    window.setProperty("studentName", student)
    default = Path.home() / f"{file_stem(student)} - {file_stem(document.record.name)}.json"
    name, _ = QFileDialog.getSaveFileName(window, "Export submission", str(default), "Submission files (*.json)")
    if not name:
        return
    try:
        write_atomic(Path(name), encode_submission(document.record, document.loaded, student, utc_now()))
    except (OSError, ValueError) as exc:
        warn(window, "Export failed", f"Could not write {name}.", getattr(exc, "strerror", None) or str(exc))
        return
    window.statusBar().showMessage(f"Submission saved to {name}", 6000)


def export_report(window: CommandHost) -> None:
    from gui.report import student_report

    document = window.document
    if document.record is None or document.loaded is None:
        warn(window, "Nothing to report", "Open a scenario first.")
        return
    default = Path.home() / f"{file_stem(document.record.name)}.pdf"
    name, _ = QFileDialog.getSaveFileName(window, "Export report", str(default), "PDF files (*.pdf)")
    if not name:
        return
    try:
        student_report(document.record, document.loaded.pack, Path(name), as_of=document.date)
    except OSError as exc:
        warn(window, "Export failed", f"Could not write {name}.", exc.strerror or str(exc))
        return
    window.statusBar().showMessage(f"Report saved to {name}", 6000)


def open_class(window: CommandHost, folder: bool) -> None:
    if folder:
        chosen = QFileDialog.getExistingDirectory(window, "Open a folder of class submissions", str(Path.home()))
        paths = [chosen] if chosen else []
    else:
        paths, _ = QFileDialog.getOpenFileNames(window, "Open class submissions", str(Path.home()), "Submission files (*.json)")
    if paths:
        show_class(window, paths)


def show_class(window: CommandHost, paths: list[str]) -> None:
    from gui.teacher.class_window import ClassWindow

    class_window = ClassWindow(window)
    class_window.resize(1200, 780)
    class_window.show()
    class_window.open_paths(paths, window.document.packs_dirs)
    window.class_windows.append(class_window)
