"""The pack editor's working copy: the pack as the JSON tree it is saved as.

An author's pack is wrong most of the time it is being written (a reference not yet made, a
date not yet filled), so the working copy cannot be the frozen `Pack` record, which only a
valid pack can be. Holding the JSON-ready tree instead keeps every half-written state, and
saving an untouched pack gives back what was opened. Each edit returns what its undo needs,
so undo commands hold values, never copies of the whole pack.
"""

from __future__ import annotations

import json
import os
from typing import Any

from scenario.pack import MAX_PACK_BYTES
from scenario.userfile import FileError, Problem, check_json, read_bounded, shorten

Path = tuple[str | int, ...]


class _Absent:
    """The value of a key a record does not have: setting it removes the key (an optional field left out)."""

    def __repr__(self) -> str:
        return "ABSENT"

    def __deepcopy__(self, memo: dict[int, Any]) -> _Absent:
        return self  # one of a kind: compared with `is`


ABSENT: Any = _Absent()


class Draft:
    """A pack's JSON tree and the edits an author makes to it, addressed by paths such as ("events", 3, "date")."""

    def __init__(self, tree: dict[str, Any]) -> None:
        self.tree = tree

    @classmethod
    def from_json(cls, text: str) -> Draft:
        """`text` must already have passed `scenario.userfile.check_json` (bounded, no duplicate keys);
        raises ValueError when it is not JSON or not an object."""
        tree = json.loads(text)
        if not isinstance(tree, dict):
            raise ValueError("the file holds JSON, but not a pack (a pack is one object {...})")
        return cls(tree)

    def get(self, path: Path, default: Any = ABSENT) -> Any:
        node: Any = self.tree
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    def set(self, path: Path, value: Any, position: int | None = None) -> Any:
        """Set the value at `path` (ABSENT removes a key) and return the value it replaces.

        A key that is added goes at `position` among its record's keys (else last): undoing the
        removal of a key puts it back where it was, so the saved file is as it was, byte for byte.
        """
        parent = self.get(path[:-1])
        key = path[-1]
        if isinstance(parent, list):
            assert isinstance(key, int)
            old = parent[key]
            parent[key] = value
            return old
        old = parent.get(key, ABSENT)
        if value is ABSENT:
            parent.pop(key, None)
        elif old is ABSENT and position is not None and position < len(parent):
            items = list(parent.items())
            items.insert(position, (key, value))
            parent.clear()
            parent.update(items)  # the same dict, so whatever holds it sees the change
        else:
            parent[key] = value
        return old

    def position(self, path: Path) -> int | None:
        """Where the key at `path` stands among its record's keys (None for a list item or a key not there)."""
        parent = self.get(path[:-1])
        if isinstance(parent, dict) and path[-1] in parent:
            return list(parent).index(path[-1])
        return None

    def insert(self, list_path: Path, index: int, row: Any) -> None:
        """Insert `row` into the list at `list_path`, creating the list (and a missing parent record) if absent."""
        items = self.get(list_path)
        if items is ABSENT:
            self._make(list_path)
            items = self.get(list_path)
        items.insert(index, row)

    def remove(self, list_path: Path, index: int) -> Any:
        return self.get(list_path).pop(index)

    def _make(self, list_path: Path) -> None:
        """An optional list or record the pack left out, such as `outcome_model.nodes` in a pack without a model."""
        for depth in range(1, len(list_path) + 1):
            if self.get(list_path[:depth]) is ABSENT:
                self.set(list_path[:depth], [] if depth == len(list_path) else {})

    def ids(self, list_path: Path) -> list[str]:
        """The ids of the records in a list, in order (records without a string id are skipped)."""
        items = self.get(list_path, [])
        if not isinstance(items, list):
            return []
        return [row["id"] for row in items if isinstance(row, dict) and isinstance(row.get("id"), str)]


def path_text(path: Path) -> str:
    """("events", 3, "date") as the validator writes it: "events[3].date"."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def parse_path(text: str) -> Path:
    """"events[3].sources[0]" as a path tuple: the validator's paths, for jumping to a field."""
    path: list[str | int] = []
    for part in text.split("."):
        if not part:
            continue
        name, *indices = part.split("[")
        if name:
            path.append(name)
        path.extend(int(index.rstrip("]")) for index in indices)
    return tuple(path)


def read_draft(file: os.PathLike[str] | str) -> Draft:
    """The pack file at `file` as a draft, read as the loader reads a pack (bounded, strict JSON);
    FileError naming the file and the problem. A draft may break every rule but being JSON."""
    data = read_bounded(file, MAX_PACK_BYTES, "pack")
    check_json(data, file)
    try:
        return Draft.from_json(data.decode("utf-8"))
    except json.JSONDecodeError as exc:
        raise FileError(file, [Problem("", f"not valid JSON ({shorten(str(exc))})")]) from None
    except ValueError as exc:  # JSON, but not an object
        raise FileError(file, [Problem("", str(exc))]) from None
