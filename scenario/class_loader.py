"""Reading a class's submission files: from the paths a teacher picked to one aggregate.

Qt-free, so the window runs it on a worker thread and the command line runs it directly.
Every bad file is skipped with its reason and never stops the others. A class view is about
one pack at a time: when files were made for several, they are grouped by pack (the pack most
files use first), and the teacher picks the group to show; no readable file is dropped.
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
    aggregate: ClassAggregate | None  # the first group (the pack most files use); None when no file could be read
    skipped: tuple[Skipped, ...]
    groups: tuple[ClassAggregate, ...] = ()  # one per pack, most files first

    def group(self, pack_id: str) -> ClassAggregate | None:
        return next((g for g in self.groups if g.pack.id == pack_id), None)


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
    groups = tuple(_group(packs[pack_id], [s for s in submissions if s.pack_id == pack_id], skipped)
                   for pack_id, _ in _by_size(submissions))
    return ClassLoad(groups[0], tuple(skipped), groups)


def _by_size(submissions: list[Submission]) -> list[tuple[str, int]]:
    """Pack ids, most files first; ties in id order, so the first group does not depend on file order."""
    return sorted(Counter(s.pack_id for s in submissions).items(), key=lambda item: (-item[1], item[0]))


def _group(loaded: LoadedPack, submissions: list[Submission], skipped: Sequence[Skipped]) -> ClassAggregate:
    return aggregate(loaded.pack, submissions, skipped, digest=loaded.digest)
