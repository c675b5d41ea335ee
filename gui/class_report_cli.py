"""`class-report`: a class's PDF (and CSV) from the command line, for scripted or remote marking.

It needs a QGuiApplication for fonts and the PDF writer. It never opens a window, so it asks
for Qt's offscreen platform itself: on a teacher's server or over ssh there is no display, and
Qt's default platform (xcb) would abort the process before a line of ours could explain why.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication

PROG = "divestiture-lab"


def class_report_command(paths: list[str], out: Path, csv: Path | None, anonymise: bool, packs_dirs: Sequence[Path]) -> int:
    """0 when at least one submission was read (bad files: one line each on stderr), 2 when none, 1 when writing fails."""
    from PySide6.QtGui import QGuiApplication

    from gui.class_loader import load_class
    from gui.class_table import write_csv
    from gui.report import class_report

    _app = QGuiApplication.instance() or offscreen_application()  # must live while the report is written
    load = load_class(paths, packs_dirs)
    assert load is not None  # nothing cancels it here
    for skipped in load.skipped:
        print(f"{PROG}: skipped {skipped.file}: {skipped.reason}", file=sys.stderr)
    if load.aggregate is None:
        print(f"{PROG}: error: no submission could be read from {', '.join(paths) or 'no paths'}", file=sys.stderr)
        return 2
    try:
        class_report(load.aggregate, out, anonymise)
        if csv is not None:
            shown = load.aggregate.anonymised() if anonymise else load.aggregate
            write_csv(shown.rows, csv)
    except OSError as exc:
        print(f"{PROG}: error: cannot write {exc.filename or out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    written = f"{out} and {csv}" if csv is not None else str(out)
    print(f"{len(load.aggregate.rows)} submissions read, {len(load.skipped)} skipped; wrote {written}")
    return 0


def offscreen_application() -> QGuiApplication:
    """A QGuiApplication for batch work: `-platform offscreen` wins over the environment's choice."""
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication([*sys.argv[:1], "-platform", "offscreen"])
