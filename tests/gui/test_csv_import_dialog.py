"""Import events from CSV: the preview, the rejected rows, the counts, and both answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from gui.pack_editor.csv_import_dialog import CsvImportDialog, ask_csv_import
from scenario.authoring.pack_json import encode_pack_json
from scenario.pack import parse_pack

SHEET = (
    "\ufeffsep=,\n"
    "Date,Title,Detail,Kind,Source URL,Publisher,Notes\n"
    "2030-01-10,Talks begin,\"The parties meet,\nfor the first time.\",negotiation,https://example.org/talks,Test Times,x\n"
    "2030-01-21,AppCo sues again,Reported twice.,court,https://example.org/suit,,\n"
    "2030-13-01,Bad date,d,court,https://example.org/a,P,\n"
    "2030-01-12,=HYPERLINK(\"\"https://evil.example\"\"),d,lawsuit,https://example.org/a,P,\n"
)


def cells(table) -> list[list[str]]:
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


@pytest.fixture
def sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str | bytes], Path]:
    """Write a CSV file and have the file dialog pick it."""
    def make(content: str | bytes) -> Path:
        path = tmp_path / "timeline.csv"
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
        return path
    return make


def answer(monkeypatch: pytest.MonkeyPatch, check: Callable[[CsvImportDialog], None], accept: bool) -> list[CsvImportDialog]:
    """When the dialog comes up, run `check` on it, then press Import or Cancel, as the author would."""
    seen: list[CsvImportDialog] = []

    def exec_(dialog: CsvImportDialog) -> int:
        dialog.show()
        seen.append(dialog)
        check(dialog)
        (dialog.ok if accept else dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)).click()
        return dialog.result()

    monkeypatch.setattr(CsvImportDialog, "exec", exec_)
    return seen


def test_the_preview_shows_what_will_be_added_and_what_was_rejected(qtbot, sheet, monkeypatch, mini_json: dict) -> None:
    sheet(SHEET)
    parent = QWidget()
    qtbot.addWidget(parent)

    def check(dialog: CsvImportDialog) -> None:
        assert dialog.windowTitle() == "Import events from timeline.csv"
        assert dialog.counts.text() == "2 events and 1 new source will be added; 2 rows rejected."
        assert dialog.ok.isEnabled()
        assert cells(dialog.events) == [
            ["2030-01-10", "Talks begin", "negotiation", "New: Test Times, “Talks begin”", "The parties meet, for the first time."],
            ["2030-01-21", "AppCo sues again", "court", "s-suit", "Reported twice."],
        ]
        assert [row[0] for row in cells(dialog.rejected)] == ["6", "7"]
        assert "Date '2030-13-01' is not a date" in cells(dialog.rejected)[0][1]
        assert "Kind 'lawsuit' is not one of" in cells(dialog.rejected)[1][1]
        assert dialog.events.accessibleName().startswith("Events to be added")
        assert dialog.rejected.accessibleName().startswith("Rejected rows")

    seen = answer(monkeypatch, check, accept=True)
    found = ask_csv_import(parent, mini_json)
    assert seen, "the dialog was shown"
    assert found is not None and [e["title"] for e in found.events] == ["Talks begin", "AppCo sues again"]
    merged = {**mini_json, "events": mini_json["events"] + found.events, "sources": mini_json["sources"] + found.sources}
    parse_pack(encode_pack_json(merged))


def test_cancelling_the_preview_imports_nothing(qtbot, sheet, monkeypatch, mini_json: dict) -> None:
    sheet(SHEET)
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = answer(monkeypatch, lambda dialog: None, accept=False)
    assert ask_csv_import(parent, mini_json) is None
    assert seen


def test_nothing_to_add_leaves_only_cancel(qtbot, sheet, monkeypatch, mini_json: dict) -> None:
    sheet("date,title,detail,kind,source_url,publisher\n2030-13-01,Bad date,d,court,https://example.org/a,P\n")
    parent = QWidget()
    qtbot.addWidget(parent)

    def check(dialog: CsvImportDialog) -> None:
        assert not dialog.ok.isEnabled()
        assert dialog.counts.text() == "Nothing will be added: every row was rejected (1 row)."

    seen = answer(monkeypatch, check, accept=False)
    assert ask_csv_import(parent, mini_json) is None
    assert seen


def test_a_header_alone_says_the_file_has_no_rows(qtbot, mini_json: dict) -> None:
    from scenario.authoring.csv_events import CsvImport

    dialog = CsvImportDialog(CsvImport([], [], []), "empty.csv")
    qtbot.addWidget(dialog)
    assert dialog.counts.text() == "Nothing will be added: the file has no rows below its header."
    assert not dialog.ok.isEnabled()


@pytest.mark.parametrize(("content", "problem"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "not a text file"),
    (b"", "the file is empty"),
    (b"title,detail\n", "no column for date, kind, source_url"),
])
def test_a_file_that_cannot_be_imported_is_named_with_its_problem(qtbot, sheet, monkeypatch, mini_json: dict, content: bytes, problem: str) -> None:
    path = sheet(content)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText())) or 0)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask_csv_import(parent, mini_json) is None
    [(text, detail)] = shown
    assert text == f"{path} cannot be imported." and problem in detail


def test_a_cancelled_file_dialog_asks_nothing_more(qtbot, monkeypatch, mini_json: dict) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask_csv_import(parent, mini_json) is None


def test_cells_stay_plain_text(qtbot, sheet, mini_json: dict) -> None:
    from scenario.authoring.csv_events import read_events_csv

    data = b"date,title,detail,kind,source_url,publisher\n2030-01-10,<b>bold</b>,<img src=x>,law,https://example.org/a,P\n"
    dialog = CsvImportDialog(read_events_csv(data, mini_json), "x.csv")
    qtbot.addWidget(dialog)
    [row] = cells(dialog.events)
    assert row[1] == "<b>bold</b>" and row[4] == "<img src=x>"
    tooltip = dialog.events.model().index(0, 4).data(Qt.ItemDataRole.ToolTipRole)  # escaped inside the app's own markup
    assert "&lt;img src=x&gt;" in tooltip and "<img" not in tooltip
