"""Persistence: every byte the app writes to disk goes through here. No Qt (import-linter).

Entry points for the GUI and main.py:
- `store.connection.open_store(data_dir) -> Store`, and `recover(data_dir, backup)` after a
  CorruptDatabaseError; errors are in `store.errors`.
- `store.scenarios.Store`: list, create, load, rename, duplicate, delete/undelete, and one
  `save_*`/`set_*` per edit.
- `store.pending.PendingWrites`: edits that failed to save, retried in order.
- `store.backups.list_backups` / `restore_backup`; `store.transfer` for scenario files
  (the command line's `cli.py` uses the same entry points).
"""
