"""File menu commands for the class: a student's submission and report, the teacher's class view.

Files from students are written atomically; a teacher's folder of submissions is opened in its
own window, which reads the files off the UI thread and never trusts them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

from gui.actions.save_file import save_file
from gui.widgets.drawing_import import drawing_ready
from gui.widgets.folders import remember, start_folder
from gui.widgets.plain import file_stem, warn
from scenario.record import NAME_MAX
from store.backups import utc_now
from store.files import write_atomic

if TYPE_CHECKING:
    from gui.actions.host import CommandHost
    from scenario.pack import LoadedPack
    from scenario.record import ScenarioRecord


def _ask_name(window: CommandHost, title: str) -> str:
    """The student's name, asked each time and kept for this run only (it is not stored); "" when cancelled."""
    student, ok = QInputDialog.getText(window, title, "Your name, as your teacher should see it:",
                                       QLineEdit.EchoMode.Normal, window.property("studentName") or "")
    student = student.strip()[:NAME_MAX]
    if not ok or not student:
        return ""
    window.setProperty("studentName", student)
    return student


def _export_for_teacher(window: CommandHost, title: str, nothing: str, suffix: str, file_filter: str,
                        write: Callable[[Path, ScenarioRecord, LoadedPack, str], None], done: str) -> None:
    """What a submission and a report share: a scenario must be open, the student names
    themselves, and the file is offered as "Name - Scenario" in the last folder used."""
    document = window.document
    if document.record is None or document.loaded is None:
        warn(window, nothing, "Open a scenario first.")
        return
    student = _ask_name(window, title)
    if not student:
        return
    record, loaded = document.record, document.loaded
    save_file(window, title, Path.home() / f"{file_stem(student)} - {file_stem(record.name)}{suffix}", file_filter,
              lambda path: write(path, record, loaded, student), lambda path: f"{done} {path}")


def export_submission(window: CommandHost) -> None:
    from scenario.submission import encode_submission

    revealed_on = window.document.revealed_on
    _export_for_teacher(window, "Export submission", "Nothing to submit", ".json", "Submission files (*.json)",
                        lambda path, record, loaded, student: write_atomic(
                            path, encode_submission(record, loaded, student, utc_now(), revealed_on)),
                        "Submission saved to")


def export_report(window: CommandHost) -> None:
    from gui.report import student_report

    day = window.document.date
    _export_for_teacher(window, "Export report", "Nothing to report", ".pdf", "PDF files (*.pdf)",
                        lambda path, record, loaded, student: student_report(record, loaded.pack, path, as_of=day, student=student),
                        "Report saved to")


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
    drawing_ready()  # the class window, and the student and debrief views it opens, draw and write PDFs
    from gui.teacher.class_window import ClassWindow

    class_window = ClassWindow(window)
    class_window.resize(1200, 780)
    class_window.show()
    class_window.open_paths(paths, window.document.packs_dirs)
    window.class_windows.append(class_window)
