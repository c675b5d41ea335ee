"""The teacher's class window: 500 files load off the UI thread, bad files are listed, names stay plain and can be hidden."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QLabel

import gui.teacher.class_window
import gui.report.classroom
from gui.teacher.class_window import ClassWindow
from scenario.class_table import STUDENT_COLUMNS
from tests.submissions import hostile_files, submission_bytes, write_class
from tests.gui.conftest import row_texts

EVIL = "<b>x</b> <img src=x>"


@pytest.fixture
def window(qtbot) -> ClassWindow:
    window = ClassWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def class_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    write_class(folder, 500, hostile_files())
    (folder / "evil-name.json").write_bytes(submission_bytes(7, student=EVIL))
    return folder


def _load(qtbot, window: ClassWindow, paths: list[Path], packs_dirs: list[Path]) -> None:
    with qtbot.waitSignal(window.load_finished, timeout=30_000):
        window.open_paths(paths, packs_dirs)


def _names(window: ClassWindow) -> list[str]:
    return [window.sorted.index(row, 0).data() for row in range(window.sorted.rowCount())]


def test_500_files_load_off_the_ui_thread_while_the_ui_keeps_ticking(qtbot, window, class_dir, packs_dir, monkeypatch) -> None:
    threads: list[int] = []
    real_load = gui.teacher.class_window.load_class

    def load_class(*args):
        threads.append(threading.get_ident())
        return real_load(*args)

    monkeypatch.setattr(gui.teacher.class_window, "load_class", load_class)
    ticks = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    progress: list[int] = []
    window.progress.valueChanged.connect(progress.append)
    timer.start()
    with qtbot.waitSignal(window.load_finished, timeout=30_000):
        window.open_paths([class_dir], [packs_dir])
        assert window.progress.isVisible() and window.cancel_button.isVisible()
    timer.stop()
    assert threads and threads[0] != threading.get_ident()
    assert len(ticks) >= 3, "the UI thread stopped serving its timers during the load"
    assert progress[-1] == 507 and len(progress) > 10 and progress == sorted(progress)
    assert window.model.rowCount() == 501
    assert not window.progress.isVisible() and window.export_csv_button.isEnabled()
    assert "501 submissions, 6 files skipped" in window.summary.text()


def test_bad_files_are_listed_with_their_reasons(qtbot, window, class_dir, packs_dir) -> None:
    _load(qtbot, window, [class_dir, class_dir / "missing.json"], [packs_dir])
    texts = row_texts(window.skipped)
    assert len(texts) == 7
    expected = {
        "missing.json": "no such file or folder", "notes.json": "not valid JSON", "deep.json": "nested 10002 deep",
        "huge.json": "larger than 5 MB", "latin1.json": "not UTF-8", "extra-key.json": "unknown field `macro`",
        "nan.json": "not valid JSON",
    }
    for name, words in expected.items():
        assert any(name in t and words in t for t in texts), (name, texts)
    assert window.tabs.tabText(2) == "S&kipped files (7)"


def test_names_with_markup_are_shown_literally(qtbot, window, class_dir, packs_dir) -> None:
    _load(qtbot, window, [class_dir], [packs_dir])
    assert EVIL in _names(window)
    row = _names(window).index(EVIL)
    tooltip = window.sorted.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;x&lt;/b&gt; &lt;img src=x&gt;" in tooltip and "<img" not in tooltip
    for label in window.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_anonymise_replaces_names_in_the_table_and_exports(qtbot, window, class_dir, packs_dir, tmp_path, monkeypatch) -> None:
    _load(qtbot, window, [class_dir], [packs_dir])
    pages: list[str] = []
    real_write = gui.report.classroom.write_pdf
    monkeypatch.setattr(gui.report.classroom, "write_pdf", lambda html, *rest: (pages.append(html), real_write(html, *rest)))
    window.anonymise.setChecked(True)
    names = _names(window)
    assert sorted(names) == sorted(f"Student {n}" for n in range(1, 502))
    assert all(t.startswith("File ") for t in row_texts(window.skipped))

    window.export_csv(tmp_path / "table.csv")
    csv_text = (tmp_path / "table.csv").read_text(encoding="utf-8-sig")
    assert "Student 1," in csv_text and "Pupil" not in csv_text and "student-0" not in csv_text and "<b>" not in csv_text
    with qtbot.waitSignal(window.export_finished, timeout=60_000) as finished:
        window.export_report(tmp_path / "class.pdf")
    assert finished.args == [f"Saved the class report to {tmp_path / 'class.pdf'}"]
    assert (tmp_path / "class.pdf").read_bytes().startswith(b"%PDF")
    [html] = pages
    assert "Student 1" in html and "Pupil" not in html and "student-0" not in html and "&lt;b&gt;" not in html

    window.anonymise.setChecked(False)
    assert "Pupil 000" in _names(window) and EVIL in _names(window)


def test_without_readable_files_nothing_can_be_exported(qtbot, window, tmp_path, packs_dir) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for name, data in hostile_files().items():
        (folder / name).write_bytes(data)
    _load(qtbot, window, [folder], [packs_dir])
    assert window.model.rowCount() == 0 and len(row_texts(window.skipped)) == 6
    assert "No submission could be read" in window.summary.text()
    assert not window.export_report_button.isEnabled() and not window.export_csv_button.isEnabled()


def test_cancel_keeps_what_was_shown(qtbot, window, class_dir, packs_dir) -> None:
    with qtbot.waitSignal(window.load_finished, timeout=30_000):
        window.open_paths([class_dir], [packs_dir])
        window.cancel()
    assert window.load is None and window.model.rowCount() == 0
    assert "cancelled" in window.status.text()


def test_the_table_sorts_by_numbers_and_natural_names(qtbot, window, tmp_path, packs_dir) -> None:
    folder = tmp_path / "few"
    write_class(folder, 12)
    _load(qtbot, window, [folder], [packs_dir])
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _names(window)[:3] == ["Pupil 000", "Pupil 001", "Pupil 002"]
    brier = STUDENT_COLUMNS.index("Mean Brier")
    window.table.sortByColumn(brier, Qt.SortOrder.DescendingOrder)
    assert window.sorted.index(0, brier).data() == "1.000"


def test_controls_are_named_and_reachable_by_keyboard(window) -> None:
    for widget in (window.anonymise, window.export_csv_button, window.export_report_button, window.table, window.tabs,
                   window.skipped.view, window.cancel_button):
        assert widget.accessibleName(), widget
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, widget
    mnemonics = [b.text() for b in window.findChildren(QAbstractButton) if "&" in b.text()]
    assert len(mnemonics) >= 3


def test_charts_show_one_at_a_time(qtbot, window, tmp_path, packs_dir) -> None:
    from gui.plots.class_figures import CLASS_FIGURES

    write_class(tmp_path / "few", 5)
    _load(qtbot, window, [tmp_path / "few"], [packs_dir])
    window.tabs.setCurrentWidget(window.charts)
    picker = window.charts.picker
    assert picker.isEnabled() and picker.count() == len(CLASS_FIGURES)
    for n, figure in enumerate(CLASS_FIGURES):
        picker.setCurrentIndex(n)
        [ax] = window.charts.canvas.figure.axes
        assert ax.get_title(loc="left") == figure.title
