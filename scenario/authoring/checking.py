"""Every problem of a pack being written, each at the field it is about.

The loader stops at the first field the decoder rejects; an author wants them all, each at its
field, so the field checks are made here from the field specs first. Only a tree that passes
them is decoded, and then gets the loader's own checks (`scenario.pack.check_pack`), so a pack
the editor calls clean is one the app loads, plus the vintage warnings: text naming a later
date, and items never shown because none of their sources is published within the pack.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import re
from collections.abc import Iterator
from typing import Any, Literal

import msgspec

from scenario.authoring.draft import Path, parse_path
from scenario.authoring.fields import FieldSpec, RecordSpec, pack_spec, ref_words
from scenario.later_dates import later_date_warnings
from scenario.model import Pack
from scenario.pack import check_pack
from scenario.vintage import vintage_of

Severity = Literal["error", "warning"]


@dataclasses.dataclass(frozen=True)
class Finding:
    severity: Severity
    path: Path
    message: str


def check_draft(tree: Any) -> list[Finding]:
    """Errors first (field problems, else the loader's checks), then warnings."""
    if not isinstance(tree, dict):
        return [Finding("error", (), "a pack is one JSON object {...}")]
    errors = list(_check_record(tree, pack_spec(), ()))
    if errors:
        return errors
    try:
        pack = msgspec.convert(tree, Pack)
    except msgspec.ValidationError as exc:  # what the field checks do not know of: a safety net
        message, _, where = str(exc).partition(" - at `$")
        return [Finding("error", parse_path(where.rstrip("`")), message)]
    findings = [Finding("error", parse_path(p.path), p.message) for p in check_pack(pack)]
    findings += [Finding("warning", parse_path(p.path), p.message) for p in later_date_warnings(pack)]
    findings += list(_never_shown(pack))
    return findings


def _check_record(value: Any, spec: RecordSpec, path: Path) -> Iterator[Finding]:
    if not isinstance(value, dict):
        yield Finding("error", path, "must be a record {...}")
        return
    names = {f.name for f in spec.fields}
    for key in value:
        if key not in names:
            yield Finding("error", (*path, key), f"unknown field '{key}' (a {spec.name} has: {', '.join(sorted(names))})")
    for field in spec.fields:
        if field.name in value:
            yield from _check_value(value[field.name], field, (*path, field.name))
        elif field.required:
            yield Finding("error", (*path, field.name), "required")


def _check_value(value: Any, spec: FieldSpec, path: Path) -> Iterator[Finding]:
    def error(message: str, where: Path = path) -> Finding:
        return Finding("error", where, message)

    if value is None:
        if not spec.nullable:
            yield error("must not be empty (null)")
        return
    kind = spec.kind
    if kind in ("text", "id", "ref"):
        yield from _check_text(value, spec, path)
    elif kind == "date":
        if not _is_date(value):
            yield error("must be a date, YYYY-MM-DD")
    elif kind == "choice":
        if value not in spec.choices:
            yield error(f"must be one of: {', '.join(map(str, spec.choices))}")
    elif kind == "bool":
        if not isinstance(value, bool):
            yield error("must be true or false")
    elif kind in ("int", "float"):
        number = int if kind == "int" else (int, float)
        if isinstance(value, bool) or not isinstance(value, number):
            yield error("must be a whole number" if kind == "int" else "must be a number")
        elif not math.isfinite(value):  # JSON has no NaN or infinity: a file holding one could not be read back
            yield error("must be a finite number")
        elif spec.ge is not None and value < spec.ge or spec.le is not None and value > spec.le:
            yield error(f"must lie from {spec.ge:g} to {spec.le:g}")
    elif kind == "record":
        assert spec.record is not None
        yield from _check_record(value, spec.record, path)
    elif not isinstance(value, list):
        yield error("must be a list [...]")
    else:
        if spec.min_length and len(value) < spec.min_length:
            yield error(f"needs at least {spec.min_length} item{'s' if spec.min_length > 1 else ''}")
        for n, item in enumerate(value):
            if kind == "records":
                assert spec.record is not None
                yield from _check_record(item, spec.record, (*path, n))
            else:
                yield from _check_text(item, spec, (*path, n), item_of_list=True)


def _check_text(value: Any, spec: FieldSpec, path: Path, item_of_list: bool = False) -> Iterator[Finding]:
    """A text, or an item of a list of texts: never empty (the spec's `min_length` is the list's)."""
    if not isinstance(value, str):
        yield Finding("error", path, "must be text")
        return
    needed = 1 if item_of_list else (spec.min_length or 0)
    if not value and spec.ref:
        yield Finding("error", path, f"choose one of the {ref_words(spec.ref)}")
    elif len(value) < needed or (not value and spec.pattern):
        yield Finding("error", path, "must not be empty")
    elif spec.max_length is not None and len(value) > spec.max_length:
        yield Finding("error", path, f"at most {spec.max_length} characters (this has {len(value)})")
    elif spec.pattern and not _compiled(spec.pattern).search(value):
        yield Finding("error", path, _pattern_message(spec))


def _pattern_message(spec: FieldSpec) -> str:
    if spec.kind in ("id", "ref", "refs"):
        return "must be an id: a-z or 0-9 first, then a-z, 0-9, - or _ (at most 64)"
    if "http" in (spec.pattern or ""):
        return "must be a web address starting with http:// or https://, with no spaces"
    return f"does not match the pattern {spec.pattern}"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _never_shown(pack: Pack) -> Iterator[Finding]:
    """Items no student ever sees: an item is shown once its first source is published, and none is by the pack's end."""
    v = vintage_of(pack)
    dated: list[tuple[Path, dt.date]] = []
    for name in ("events", "arguments"):
        dated += [((name, n), v.item(item)) for n, item in enumerate(getattr(pack, name))]
    dated += [(("deadlines", n), v.deadline(d)) for n, d in enumerate(pack.deadlines)]
    for n, inst in enumerate(pack.instruments):
        dated += [(("instruments", n, "changes", m), v.item(c)) for m, c in enumerate(inst.changes)]
    for n, role in enumerate(pack.roles):
        dated += [(("roles", n, "notes", m), v.item(note)) for m, note in enumerate(role.notes)]
    for n, assumption in enumerate(pack.assumptions):
        dated += [(("assumptions", n, "evidence", m), v.item(e)) for m, e in enumerate(assumption.evidence)]
    for n, dis in enumerate(pack.disagreements):
        dated += [(("disagreements", n, "positions", m), v.position(dis, pos)) for m, pos in enumerate(dis.positions)]
    for path, shown in dated:
        if shown > pack.end:
            yield Finding("warning", (*path, "sources"), f"no source is published by the pack's end ({pack.end}), "
                          f"so students never see this (it would be shown from {shown})")
