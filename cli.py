"""Every command-line command in one place: the window's options and the batch commands.

Options are checked before Qt is imported, so a typo fails in milliseconds with one line.
Batch commands (validate-pack, export, import, class-report, handout) never open a window. Each
returns the process exit code: 0 done; 1 the store or the output could not be used (locked,
damaged, newer, unwritable) or the scenario does not exist; 2 the input is unusable (one line
on stderr says which file, which field and what is wrong; the database is unchanged).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from scenario import __version__
from scenario.pack import PackError, find_pack, load_pack
from scenario.resources import PACKS_DIR
from store.paths import default_data_dir, user_packs_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication

    from scenario.class_loader import ClassLoad
    from scenario.classroom import ClassAggregate

PROG = "divestiture-lab"
BATCH_COMMANDS = ("validate-pack", "export", "import", "class-report", "handout", "debrief")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        fail(f"{message} (see --help)")


def fail(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    raise SystemExit(2)


def _error(message: str, code: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return code


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not '{text}'") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"size {text} is out of range (200 to 8000 pixels a side)")
    return width, height


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date must be YYYY-MM-DD, not '{text}'") from None


def parse_options(argv: list[str]) -> argparse.Namespace:
    """The window's options; `loaded` is the pack to open, already read and checked."""
    parser = _Parser(prog=PROG, description="Step through the TikTok divestiture deadlines. "
                     f"Also: '{PROG} validate-pack FILE...' checks scenario packs; "
                     f"'{PROG} export NAME --out FILE' and '{PROG} import FILE' move scenarios; "
                     f"'{PROG} class-report FILE_OR_FOLDER... --out REPORT.pdf' reports on a class; "
                     f"'{PROG} debrief FILE_OR_FOLDER... --out SLIDES.pdf' writes debrief slides; "
                     f"'{PROG} handout PACK --date YYYY-MM-DD [--role ROLE] --out SHEET.pdf [--json SHEET.json]' prints what was known.")
    parser.add_argument("--pack", metavar="ID_OR_PATH", help="open this pack (an installed pack's id, or a .json file)")
    parser.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="open the pack at this date")
    parser.add_argument("--data-dir", metavar="DIR", help="keep data here instead of the user data folder")
    parser.add_argument("--theme", choices=["system", "light", "dark"], help="colour theme for this run")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png", help="save a picture of the window and exit")
    parser.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH", help="window size for --screenshot")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    options = parser.parse_args(argv)
    if options.date and not options.pack:
        fail("--date needs --pack")
    options.loaded = None
    if options.pack:
        try:
            options.loaded = find_pack(options.pack, *pack_folders(options.data_dir))
        except PackError as exc:
            fail(f"cannot open pack: {exc.file}: {exc.first}")
        pack = options.loaded.pack
        if options.date and not pack.start <= options.date <= pack.end:
            fail(f"date {options.date} is outside the pack's range {pack.start} to {pack.end}")
    return options


def edit_pack(argv: list[str]) -> int:
    """`edit-pack [FILE]`: the pack editor window (on a new pack from the template without FILE)."""
    parser = _Parser(prog=f"{PROG} edit-pack", description="Write or change a scenario pack, checked as you type.")
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="the pack file to edit (default: a new pack)")
    parser.add_argument("--data-dir", metavar="DIR", help="the data folder whose packs folder new packs are saved to")
    parser.add_argument("--theme", choices=["system", "light", "dark"], help="colour theme for this run")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png", help="save a picture of the window and exit")
    parser.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH", help="window size for --screenshot")
    options = parser.parse_args(argv)
    data_dir = default_data_dir(options.data_dir)
    from gui.app.application import run_pack_editor  # Qt loads only once the options are known to be good

    return run_pack_editor(data_dir, options.theme, options.file, options.screenshot, options.size)


def pack_folders(data_dir: str | None) -> tuple[Path, Path]:
    """The installed packs, then the ones the user opened from files (kept in the data folder)."""
    return PACKS_DIR, user_packs_dir(default_data_dir(data_dir))


def parse_command(command: str, argv: list[str]) -> argparse.Namespace:
    """The options of export, import, class-report and handout."""
    parser = _Parser(prog=f"{PROG} {command}")
    if command == "handout":
        parser.add_argument("pack", metavar="PACK", help="an installed pack's id, or a pack file")
        parser.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD", help="what was known on this date")
        parser.add_argument("--role", metavar="ROLE", help="the role's id: adds its brief, notes and prompts")
        parser.add_argument("--out", required=True, type=Path, metavar="SHEET.pdf", help="where to write the handout")
        parser.add_argument("--json", type=Path, metavar="SHEET.json", help="also write its content as JSON")
        parser.add_argument("--data-dir", metavar="DIR", help="also use the packs kept in this data folder")
        return parser.parse_args(argv)
    if command == "debrief":
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER", help="submission files, or folders of them")
        parser.add_argument("--out", required=True, type=Path, metavar="SLIDES.pdf", help="where to write the slides")
        parser.add_argument("--pack", metavar="ID", help="when the files are for several packs, this one (default: the one most files use)")
        parser.add_argument("--date", type=_date, action="append", default=[], metavar="YYYY-MM-DD", help="add a checkpoint (repeatable)")
        parser.add_argument("--include-explore", action="store_true", help="count Explore-mode forecasts")
        parser.add_argument("--anonymise", action="store_true", help="accepted for symmetry: slides never name a student")
        parser.add_argument("--data-dir", metavar="DIR", help="also use the packs kept in this data folder")
        return parser.parse_args(argv)
    if command == "class-report":
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER", help="submission files, or folders of them")
        parser.add_argument("--out", required=True, type=Path, metavar="REPORT.pdf", help="where to write the class report")
        parser.add_argument("--csv", type=Path, metavar="TABLE.csv", help="also write the table of students as CSV")
        parser.add_argument("--gradebook", type=Path, metavar="GRADES.csv", help="also write a gradebook CSV (a name, then numbers)")
        parser.add_argument("--pack", metavar="ID", help="when the files are for several packs, report on this one (default: the one most files use)")
        parser.add_argument("--include-explore", action="store_true", help="count Explore-mode forecasts in the class's forecast statistics")
        parser.add_argument("--anonymise", action="store_true", help="replace names with Student 1, 2, ... everywhere")
        parser.add_argument("--data-dir", metavar="DIR", help="also use the packs kept in this data folder")
        return parser.parse_args(argv)
    if command == "export":
        parser.add_argument("name", help="the saved scenario's name")
        parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="where to write the scenario file")
    else:
        parser.add_argument("file", type=Path, help="a scenario file exported by Divestiture Lab")
    parser.add_argument("--data-dir", metavar="DIR", help="use this data folder instead of the user data folder")
    return parser.parse_args(argv)


def run_command(command: str, argv: list[str]) -> int:
    if command == "validate-pack":  # every argument is a file to check
        return validate_packs(argv)
    options = parse_command(command, argv)
    if command == "class-report":
        return class_report_command(options.paths, options.out, options.csv, options.anonymise, pack_folders(options.data_dir),
                                    gradebook=options.gradebook, pack_id=options.pack, include_explore=options.include_explore)
    if command == "debrief":
        return debrief_command(options.paths, options.out, pack_folders(options.data_dir), options.pack, options.date, options.include_explore)
    if command == "handout":
        return handout_command(options.pack, options.date, options.role, options.out, options.json, pack_folders(options.data_dir))
    data_dir = default_data_dir(options.data_dir)
    if command == "export":
        return export_command(data_dir, options.name, options.out)
    return import_command(data_dir, options.file, pack_folders(options.data_dir))


def validate_packs(files: list[str]) -> int:
    """Print every problem of every pack, then its warnings; exit 1 when any pack is invalid."""
    from scenario.later_dates import later_date_warnings

    if not files:
        fail("validate-pack needs at least one FILE")
    invalid = 0
    for name in files:
        try:
            loaded = load_pack(name)
        except PackError as exc:
            invalid += 1
            print(exc)
            continue
        warnings = later_date_warnings(loaded.pack)
        print(f"{name}: ok" + (f", {len(warnings)} warning(s)" if warnings else ""))
        for warning in warnings:
            print(f"{name}: warning: {warning}")
    return 1 if invalid else 0


def export_command(data_dir: Path, name: str, out: Path) -> int:
    from store.connection import open_store
    from store.errors import StoreError
    from store.transfer import export_scenario

    try:
        with open_store(data_dir) as store:
            scenario_id = store.find(name)
            if scenario_id is None:
                return _error(f"no scenario named {name!r} in {data_dir}", 1)
            export_scenario(store, scenario_id, Path(out))
    except StoreError as exc:
        return _error(str(exc), 1)
    except OSError as exc:
        return _error(f"{out}: cannot write ({exc.strerror or exc})", 1)
    print(f"exported {name!r} to {out}")
    return 0


def import_command(data_dir: Path, file: Path, packs_dirs: Sequence[Path]) -> int:
    from scenario.exchange import ExchangeError
    from scenario.pack_index import packs_by_id
    from store.connection import open_store
    from store.errors import StoreError
    from store.transfer import import_scenario

    try:
        with open_store(data_dir) as store:
            scenario_id = import_scenario(store, Path(file), packs_by_id(packs_dirs))
            name = store.load(scenario_id).name
    except ExchangeError as exc:
        return _error(str(exc), 2)
    except StoreError as exc:
        return _error(str(exc), 1)
    print(f"imported {file} as {name!r}")
    return 0


def class_report_command(paths: list[str], out: Path, csv: Path | None, anonymise: bool, packs_dirs: Sequence[Path],
                         gradebook: Path | None = None, pack_id: str | None = None, include_explore: bool = False) -> int:
    """A class's PDF (and CSV, and gradebook) for scripted or remote marking, with no window.

    0 when at least one submission was read (bad files: one line each on stderr), 2 when none
    (or none for `pack_id`), 1 when writing fails. Files for other packs than the one reported
    on are not skipped: one line names each such pack and how to report on it. It needs a
    QGuiApplication for fonts and the PDF writer. It never opens a window, so it asks for Qt's
    offscreen platform itself: on a teacher's server or over ssh there is no display, and Qt's
    default platform (xcb) would abort the process before a line of ours could explain why.
    """
    from PySide6.QtGui import QGuiApplication

    from gui.report import class_report
    from scenario.class_table import gradebook_csv, table_csv
    from store.files import write_atomic

    _app = QGuiApplication.instance() or offscreen_application()  # must live while the report is written
    picked = _read_class(paths, packs_dirs, pack_id, "report on")
    if isinstance(picked, int):
        return picked
    load, result = picked
    shown = result.with_explore(include_explore)
    shown = shown.anonymised() if anonymise else shown
    try:
        class_report(shown, out, anonymise=False)
        if csv is not None:
            write_atomic(csv, table_csv(shown.rows))
        if gradebook is not None:
            write_atomic(gradebook, gradebook_csv(shown))
    except OSError as exc:
        return _error(f"cannot write {exc.filename or out}: {exc.strerror or exc}", 1)
    written = ", ".join(str(p) for p in (out, csv, gradebook) if p is not None)
    print(f"{len(shown.rows)} submissions read, {len(load.skipped)} skipped; pack {shown.pack.id!r}; wrote {written}")
    return 0


def _read_class(paths: list[str], packs_dirs: Sequence[Path], pack_id: str | None, verb: str) -> tuple[ClassLoad, ClassAggregate] | int:
    """The class's files read, each skipped one named on stderr, and the group of one pack picked
    (`pack_id`, or the one most files use); the exit code 2 when there is nothing to use. The
    other packs' groups are named, with the option that would `verb` them."""
    from scenario.class_loader import load_class

    load = load_class(paths, packs_dirs)
    assert load is not None  # nothing cancels it here
    for skipped in load.skipped:
        print(f"{PROG}: skipped {skipped.file}: {skipped.reason}", file=sys.stderr)
    if load.aggregate is None:
        return _error(f"no submission could be read from {', '.join(paths) or 'no paths'}", 2)
    result = load.group(pack_id) if pack_id else load.aggregate
    if result is None:
        return _error(f"no submission is for pack {pack_id!r} (the files are for {', '.join(g.pack.id for g in load.groups)})", 2)
    for other in load.groups:
        if other is not result:
            print(f"{PROG}: {len(other.rows)} submissions are for pack {other.pack.id!r}: "
                  f"{verb} them with --pack {other.pack.id}", file=sys.stderr)
    return load, result


def debrief_command(paths: list[str], out: Path, packs_dirs: Sequence[Path], pack_id: str | None = None,
                    dates: Sequence[dt.date] = (), include_explore: bool = False) -> int:
    """Debrief slides as a landscape PDF, one page per checkpoint, with no window.

    Exit codes as class-report: 0 written, 2 when no submission could be read (each skipped file
    named with its reason), 1 when the file cannot be written.
    """
    from PySide6.QtGui import QGuiApplication

    from gui.report.debrief import write_debrief
    from scenario.debrief import slides

    _app = QGuiApplication.instance() or offscreen_application()  # must live while the PDF is written
    picked = _read_class(paths, packs_dirs, pack_id, "debrief")
    if isinstance(picked, int):
        return picked
    load, result = picked
    result = result.with_explore(include_explore)
    shown = slides(result, dates)
    try:
        pages = write_debrief(result, shown, out)
    except OSError as exc:
        return _error(f"cannot write {exc.filename or out}: {exc.strerror or exc}", 1)
    print(f"{len(result.rows)} submissions read, {len(load.skipped)} skipped; {len(shown)} checkpoints on {pages} pages in {out}")
    return 0


def handout_command(pack_ref: str, day: dt.date, role: str | None, out: Path, json_out: Path | None, packs_dirs: Sequence[Path]) -> int:
    """What Classroom mode shows on `day` for `role`, as a PDF (and JSON), with no window.

    0 when written; 2 for a bad pack, date or role (one line naming it); 1 when a file cannot
    be written.
    """
    from PySide6.QtGui import QGuiApplication

    from gui.report.handout import write_handout
    from scenario.handout import HandoutError, handout_json, make_handout
    from store.files import write_atomic

    try:
        handout = make_handout(find_pack(pack_ref, *packs_dirs).pack, day, role)
    except PackError as exc:
        return _error(f"cannot open pack: {exc.file}: {exc.first}", 2)
    except HandoutError as exc:
        return _error(str(exc), 2)
    _app = QGuiApplication.instance() or offscreen_application()  # must live while the PDF is written
    try:
        write_handout(handout, out)
        if json_out is not None:
            write_atomic(json_out, handout_json(handout))
    except OSError as exc:
        return _error(f"cannot write {exc.filename or out}: {exc.strerror or exc}", 1)
    written = f"{out} and {json_out}" if json_out is not None else str(out)
    print(f"{len(handout.items)} items known on {day} written to {written}")
    return 0


def offscreen_application() -> QGuiApplication:
    """A QGuiApplication for batch work: `-platform offscreen` wins over the environment's choice."""
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication([*sys.argv[:1], "-platform", "offscreen"])
