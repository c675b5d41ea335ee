"""Divestiture Lab: parse the command line, then hand over to the GUI or a batch command.

Options are checked before Qt is imported, so a typo fails in milliseconds with one line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from scenario import __version__
from scenario.pack import PackError, find_pack, load_pack
from scenario.resources import PACKS_DIR
from store.paths import default_data_dir, user_packs_dir

PROG = "divestiture-lab"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        fail(f"{message} (see --help)")


def fail(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    raise SystemExit(2)


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
    parser = _Parser(prog=PROG, description="Step through the TikTok divestiture deadlines. "
                     f"Also: '{PROG} validate-pack FILE...' checks scenario packs; "
                     f"'{PROG} export NAME --out FILE' and '{PROG} import FILE' move scenarios; "
                     f"'{PROG} class-report FILE_OR_FOLDER... --out REPORT.pdf' reports on a class; "
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


def pack_folders(data_dir: str | None) -> tuple[Path, Path]:
    """The installed packs, then the ones the user opened from files (kept in the data folder)."""
    return PACKS_DIR, user_packs_dir(default_data_dir(data_dir))


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


def parse_command(command: str, argv: list[str]) -> argparse.Namespace:
    """The batch commands: export, import (with --data-dir), class-report and handout."""
    parser = _Parser(prog=f"{PROG} {command}")
    if command == "handout":
        parser.add_argument("pack", metavar="PACK", help="an installed pack's id, or a pack file")
        parser.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD", help="what was known on this date")
        parser.add_argument("--role", metavar="ROLE", help="the role's id: adds its brief, notes and prompts")
        parser.add_argument("--out", required=True, type=Path, metavar="SHEET.pdf", help="where to write the handout")
        parser.add_argument("--json", type=Path, metavar="SHEET.json", help="also write its content as JSON")
        parser.add_argument("--data-dir", metavar="DIR", help="also use the packs kept in this data folder")
        return parser.parse_args(argv)
    if command == "class-report":
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER", help="submission files, or folders of them")
        parser.add_argument("--out", required=True, type=Path, metavar="REPORT.pdf", help="where to write the class report")
        parser.add_argument("--csv", type=Path, metavar="TABLE.csv", help="also write the table of students as CSV")
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
    options = parse_command(command, argv)
    if command == "handout":
        from gui.report.handout_cli import handout_command

        return handout_command(options.pack, options.date, options.role, options.out, options.json, pack_folders(options.data_dir))
    if command == "class-report":
        from gui.class_report_cli import class_report_command

        return class_report_command(options.paths, options.out, options.csv, options.anonymise, pack_folders(options.data_dir))
    from store.cli import export_command, import_command

    data_dir = default_data_dir(options.data_dir)
    if command == "export":
        return export_command(data_dir, options.name, options.out)
    return import_command(data_dir, options.file, pack_folders(options.data_dir))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["validate-pack"]:
        return validate_packs(argv[1:])
    if argv[:1] in (["export"], ["import"], ["class-report"], ["handout"]):
        return run_command(argv[0], argv[1:])
    options = parse_options(argv)
    from gui.app import run  # Qt loads only once the options are known to be good

    return run(default_data_dir(options.data_dir), options.theme, options.loaded, options.date, options.screenshot, options.size)


if __name__ == "__main__":
    sys.exit(main())
