"""Reading a file a user chose: the one bounded reader, and the JSON checks every format shares.

A user's file may be anything a path can name: a FIFO that blocks an `open` forever,
`/dev/zero` that never ends, a folder called `class.json`, a symlink loop, or a file that
grows while it is read. So every read of a user's file goes through `read_bounded`: it
opens without blocking, looks at what it opened (not at the path, which may have changed
since), refuses anything but a regular file, and never reads more than the limit plus one
byte. The JSON pre-scan (`check_json`) then refuses what msgspec would accept silently or
could not survive: invalid UTF-8, nesting deep enough to exhaust a stack, and duplicate keys,
of which msgspec would quietly keep the last.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import stat
from itertools import accumulate
from pathlib import Path
from typing import Any

import msgspec

MAX_DEPTH = 32  # far deeper than any real pack or scenario file (at most 7), far shallower than a stack

# A JSON string, or an unterminated one running to the end: a match never fails once started,
# so removing strings stays linear even on hostile input such as '"\\' repeated a million times.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_DEPTH_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


@dataclasses.dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where in it (a field path, "" for the whole file) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class FileError(Exception):
    """A user's file that cannot be used: which file, and every problem found in it."""

    def __init__(self, file: Path | str, problems: list[Problem]) -> None:
        self.file = str(file)
        self.problems = problems
        super().__init__("\n".join(f"{self.file}: {p}" for p in problems))


def too_large(limit: int, what: str) -> str:
    """The one message for a file over its size limit, whichever check found it."""
    return f"the file is larger than {limit / 2**20:g} MB, the limit for a {what}"


def read_bounded(path: Path | str, limit: int, what: str) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them; else FileError.

    `what` names the kind of file in messages ("pack", "submission file").
    """
    def refuse(message: str) -> FileError:
        return FileError(path, [Problem("", message)])

    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise refuse(f"cannot read the file ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise refuse("this is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise refuse("not a regular file (a device, pipe or socket), so it was not read")
        if info.st_size > limit:
            raise refuse(too_large(limit, what))
        chunks = []
        left = limit + 1  # one byte more than allowed tells a file that grew while being read
        while left > 0 and (chunk := os.read(fd, min(left, 2**20))):
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise refuse(f"cannot read the file ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise refuse(too_large(limit, what))
    return data


def check_json(data: bytes, name: Path | str) -> None:
    """Refuse `data` before a strict decoder sees it, cheapest check first; else FileError.

    Invalid JSON is left for the decoder, whose message says where; this only refuses what the
    decoder would accept silently (duplicate keys) or could not survive (very deep nesting).
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileError(name, [Problem("", f"not UTF-8 text (invalid byte at offset {exc.start})")]) from None
    depth = max(accumulate(map(_DEPTH_STEP.__getitem__, _STRING.sub(b"", data).translate(None, _NOT_BRACKET))), default=0)
    if depth > MAX_DEPTH:
        raise FileError(name, [Problem("", f"brackets nested {depth} deep; at most {MAX_DEPTH} are allowed")])
    try:
        json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKey as exc:
        message = f"the key {shorten(repr(exc.key), 40)} appears twice in one object; each key may appear once"
        raise FileError(name, [Problem("", message)]) from None
    except ValueError:
        pass  # not JSON: the strict decoder says so, and where


def decode_strict(decoder: msgspec.json.Decoder, data: bytes, name: Path | str) -> Any:
    """`data` decoded by `decoder`, or FileError naming the field; call `check_json` on `data` first."""
    try:
        return decoder.decode(data)
    except msgspec.ValidationError as exc:
        message, _, path = str(exc).partition(" - at `$")
        problem = Problem(path.rstrip("`").lstrip("."), shorten(message))
    except msgspec.DecodeError as exc:
        problem = Problem("", f"not valid JSON ({shorten(str(exc))})")
    raise FileError(name, [problem])


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """The object, unless a key repeats (json.loads calls this once per object, innermost first)."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def shorten(text: str, limit: int = 200) -> str:
    """Text quoted from a file, cut short: a hostile file may put megabytes where a key goes."""
    return text if len(text) <= limit else text[: limit - 3] + "..."
