"""Start-up when the data folder is in trouble: what the student is told, and what is kept."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from gui.app.startup import StartupRefused, open_store_for_gui
from scenario.record import ScenarioRecord
from store.connection import open_store
from store.paths import database_path
from tests.conftest import backup_now


def test_a_damaged_database_offers_the_newest_backup_and_restores_it(data_dir, monkeypatch, qtbot):
    with open_store(data_dir) as store:
        store.create(ScenarioRecord(name="Kept", pack_id="mini"))
        backup_now(data_dir)
    database_path(data_dir).write_bytes(b"garbage" * 1000)
    seen = []

    def click_restore(box: QMessageBox) -> int:
        seen.append((box.textFormat(), box.text(), [b.text() for b in box.buttons()]))
        restore = next(b for b in box.buttons() if b.text() == "Restore backup")
        restore.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    store, why = open_store_for_gui(data_dir, interactive=True)
    [(text_format, text, buttons)] = seen
    assert "moved, not deleted" in text and str(data_dir) in text
    assert buttons == ["Restore backup", "Start empty"]
    assert why == "" and [s.name for s in store.list_scenarios()] == ["Kept"]
    store.close()


def test_a_second_copy_is_refused_with_a_reason(data_dir):
    with open_store(data_dir):
        try:
            open_store_for_gui(data_dir, interactive=True)
        except StartupRefused as exc:
            assert "already running with this data folder" in str(exc)
        else:
            raise AssertionError("a second copy must not open the store")
