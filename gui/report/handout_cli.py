"""`handout`: the Classroom view of one date, for one role, as a PDF (and JSON), with no display."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

PROG = "divestiture-lab"


def handout_command(pack_ref: str, day: dt.date, role: str | None, out: Path, json_out: Path | None, packs_dirs: Sequence[Path]) -> int:
    """0 when written; 2 for a bad pack, date or role (one line naming it); 1 when a file cannot be written."""
    from PySide6.QtGui import QGuiApplication

    from gui.class_report_cli import offscreen_application
    from gui.report.handout import write_handout
    from scenario.handout import HandoutError, handout_json, make_handout
    from scenario.pack import PackError, find_pack
    from store.files import write_atomic

    try:
        pack = find_pack(pack_ref, *packs_dirs).pack
        handout = make_handout(pack, day, role)
    except PackError as exc:
        print(f"{PROG}: error: cannot open pack: {exc.file}: {exc.first}", file=sys.stderr)
        return 2
    except HandoutError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    _app = QGuiApplication.instance() or offscreen_application()  # must live while the PDF is written
    try:
        write_handout(handout, out)
        if json_out is not None:
            write_atomic(json_out, handout_json(handout))
    except OSError as exc:
        print(f"{PROG}: error: cannot write {exc.filename or out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    written = f"{out} and {json_out}" if json_out is not None else str(out)
    print(f"{len(handout.items)} items known on {day} written to {written}")
    return 0
