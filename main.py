"""Divestiture Lab: read the command line, then hand over to a batch command or the window."""

from __future__ import annotations

import sys

from cli import BATCH_COMMANDS, edit_pack, fail, parse_options, run_command
from store.paths import DataDirError, default_data_dir


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Under LC_ALL=POSIX (with Python's UTF-8 coercion off) stdout is ASCII: a scenario named
    # "Ana López" was imported, then printing its name raised, and a retry imported it twice.
    # A line we cannot encode is printed with escapes instead; what was done stays done, once.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        if argv[:1] and argv[0] in BATCH_COMMANDS:
            return run_command(argv[0], argv[1:])
        if argv[:1] == ["edit-pack"]:
            return edit_pack(argv[1:])
        options = parse_options(argv)
        data_dir = default_data_dir(options.data_dir)
    except DataDirError as exc:  # no home folder to put data in: one line, not a traceback
        fail(str(exc))
    from gui.app.application import run  # Qt loads only once the options are known to be good

    return run(data_dir, options.theme, options.loaded, options.date, options.screenshot, options.size)


if __name__ == "__main__":
    sys.exit(main())
