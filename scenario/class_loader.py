"""Reading a class's submission files: from the paths a teacher picked to one aggregate.

Qt-free, so the window runs it on a worker thread and the command line runs it directly.
Every bad file is skipped with its reason and never stops the others. A class view is about
one pack: when files were made for several, the pack most files use wins and the others are
listed as skipped, with the pack they need.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence, Callable, Iterable
from pathlib import Path

from scenario.classroom import ClassAggregate, Skipped, aggregate
from scenario.exchange import ExchangeError
from scenario.pack import LoadedPack
from scenario.pack_index import packs_by_id
from scenario.submission import Submission, read_submission

Progress = Callable[[int, int], None]  # (files done, files in all)


@dataclasses.dataclass(frozen=True)
class ClassLoad:
    aggregate: ClassAggregate | None  # None when no file could be read
    skipped: tuple[Skipped, ...]


def submission_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[Skipped]]:
    """Files as given, folders as their *.json entries (not recursive), each once, in order.

    Every entry is kept, whatever it is: the bounded reader then refuses a pipe, a folder named
    *.json or a symlink loop with its reason, so the teacher sees it listed as skipped instead
    of silently missing. A folder that cannot be listed is skipped with its reason too.
    """
    found: dict[Path, None] = {}
    problems = []
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                found.update(dict.fromkeys(sorted(path.glob("*.json"))))
            elif path.exists() or path.is_symlink():
                found[path] = None
            else:
                problems.append(Skipped(str(path), "no such file or folder"))
        except OSError as exc:  # an unreadable folder (no permission), a name too long
            problems.append(Skipped(str(path), f"cannot be read ({exc.strerror or exc})"))
    return list(found), problems


def load_class(paths: Iterable[str | Path], packs_dirs: Sequence[Path], progress: Progress | None = None,
               cancelled: Callable[[], bool] = lambda: False) -> ClassLoad | None:
    """None when `cancelled()` turned true on the way."""
    files, skipped = submission_paths(paths)
    packs = packs_by_id(packs_dirs)
    submissions: list[Submission] = []
    for done, path in enumerate(files, 1):
        if cancelled():
            return None
        try:
            submissions.append(read_submission(path, packs))
        except ExchangeError as exc:
            skipped.append(Skipped(str(path), f"{exc.path}: {exc.message}" if exc.path else exc.message))
        if progress is not None:
            progress(done, len(files))
    if not submissions:
        return ClassLoad(None, tuple(skipped))
    shown = _main_pack(submissions, packs)
    skipped += [Skipped(s.file, f"made for pack {s.pack_id!r}; this class view shows {shown.pack.id!r}")
                for s in submissions if s.pack_id != shown.pack.id]
    kept = [s for s in submissions if s.pack_id == shown.pack.id]
    return ClassLoad(aggregate(shown.pack, kept, skipped), tuple(skipped))


def _main_pack(submissions: list[Submission], packs: dict[str, LoadedPack]) -> LoadedPack:
    [(pack_id, _)] = Counter(s.pack_id for s in submissions).most_common(1)
    return packs[pack_id]
