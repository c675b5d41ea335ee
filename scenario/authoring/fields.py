"""What each field of a pack record is, read from the records in `scenario.model`.

The editor builds its forms and the checker its field checks from these specs, so a field
added to the model appears in the editor, with its limits, without new editor code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from typing import Any, Literal

import msgspec.inspect as mi

from scenario.authoring.draft import Path
from scenario.model import Pack, Record

FieldKind = Literal["text", "id", "ref", "date", "choice", "bool", "int", "float", "refs", "lines", "records", "record"]
LONG_TEXT = 300  # longer limits than a line get a multi-line editor


@dataclasses.dataclass(frozen=True)
class FieldSpec:
    """One field of a record: its control, its limits, and whether it may be left out."""

    name: str
    kind: FieldKind
    required: bool
    nullable: bool = False  # `X | None`: may be null (shown as "none")
    choices: tuple[Any, ...] = ()
    min_length: int | None = None  # of a text, or of a list
    max_length: int | None = None  # of a text (of each line, for lines)
    pattern: str | None = None
    ref: str | None = None  # the list(s) an id names, for ref and refs
    ge: float | None = None
    le: float | None = None
    description: str = ""
    record: RecordSpec | None = None  # for records and record

    @property
    def long(self) -> bool:
        return self.kind == "text" and (self.max_length or 0) > LONG_TEXT


@dataclasses.dataclass(frozen=True)
class RecordSpec:
    name: str
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)


@functools.cache
def record_spec(record: type[Record]) -> RecordSpec:
    info = mi.type_info(record)
    assert isinstance(info, mi.StructType)
    return RecordSpec(record.__name__, tuple(_field(f) for f in info.fields))


def pack_spec() -> RecordSpec:
    return record_spec(Pack)


def _field(field: mi.Field) -> FieldSpec:
    return dataclasses.replace(_spec(field.name, field.type), required=field.required)


def _unwrap(kind: mi.Type) -> tuple[mi.Type, dict[str, Any], str]:
    """The type inside any `Annotated[..., Meta(...)]` layers, their `extra` marks and description."""
    extra: dict[str, Any] = {}
    description = ""
    while isinstance(kind, mi.Metadata):
        extra = {**(kind.extra or {}), **extra}
        description = description or (kind.extra_json_schema or {}).get("description", "")
        kind = kind.type
    return kind, extra, description


def _spec(name: str, kind: mi.Type) -> FieldSpec:
    kind, extra, description = _unwrap(kind)
    nullable = False
    if isinstance(kind, mi.UnionType):
        others = [t for t in kind.types if not isinstance(t, mi.NoneType)]
        assert len(others) == 1, f"{name}: only `X | None` unions are supported"
        nullable = True
        kind, more, description = _unwrap(others[0])
        extra = {**more, **extra}
    base = FieldSpec(name, "text", True, nullable=nullable, ref=extra.get("ref"), description=description)
    if isinstance(kind, mi.StrType):
        text_kind: FieldKind = "ref" if base.ref else ("id" if name == "id" else "text")
        return dataclasses.replace(base, kind=text_kind, min_length=kind.min_length, max_length=kind.max_length, pattern=kind.pattern)
    if isinstance(kind, mi.DateType):
        return dataclasses.replace(base, kind="date")
    if isinstance(kind, mi.LiteralType):
        return dataclasses.replace(base, kind="choice", choices=tuple(kind.values))
    if isinstance(kind, mi.BoolType):
        return dataclasses.replace(base, kind="bool")
    if isinstance(kind, mi.IntType):
        return dataclasses.replace(base, kind="int", ge=kind.ge, le=kind.le)
    if isinstance(kind, mi.FloatType):
        return dataclasses.replace(base, kind="float", ge=kind.ge, le=kind.le)
    if isinstance(kind, mi.StructType):
        return dataclasses.replace(base, kind="record", record=record_spec(kind.cls))
    if isinstance(kind, mi.ListType):
        item, item_extra, _ = _unwrap(kind.item_type)
        common = dict(min_length=kind.min_length)
        if isinstance(item, mi.StructType):
            return dataclasses.replace(base, kind="records", record=record_spec(item.cls), **common)
        assert isinstance(item, mi.StrType), f"{name}: lists of {item} are not supported"
        ref = item_extra.get("ref")
        return dataclasses.replace(base, kind="refs" if ref else "lines", ref=ref, max_length=item.max_length, pattern=item.pattern, **common)
    raise TypeError(f"{name}: no editor for {kind}")


def ref_ids(tree: dict[str, Any], ref: str) -> list[str]:
    """The ids a reference may name: "sources", or "outcome_model.nodes|outcomes" (both lists of the model)."""
    return list(ref_choices(tree, ref))


def ref_choices(tree: dict[str, Any], ref: str) -> dict[str, str]:
    """The ids a reference may name, in order, each with what its record is called (a title, a name)."""
    head, _, tail = ref.rpartition(".")
    choices: dict[str, str] = {}
    for name in tail.split("|"):
        list_path = (*head.split("."), name) if head else (name,)
        rows: Any = tree
        for step in list_path:
            rows = rows.get(step, []) if isinstance(rows, dict) else []
        record = spec_at((*list_path, 0))
        called = title_field(record) if isinstance(record, RecordSpec) else None
        for row in rows if isinstance(rows, list) else []:
            if isinstance(row, dict) and isinstance(row.get("id"), str):
                label = row.get(called) if called else None
                choices.setdefault(row["id"], label if isinstance(label, str) else "")
    return choices


@dataclasses.dataclass(frozen=True)
class Section:
    """One entry of the editor's list of record kinds: where its rows live and what a row is."""

    label: str
    lists: tuple[Path, ...]  # the lists whose records are its rows (the model: its nodes and outcomes)
    single: Path | None = None  # a record edited as one row (the pack's own fields, the model's root)


SECTIONS: tuple[Section, ...] = (
    Section("Pack", (), single=()),
    Section("Sources", (("sources",),)),
    Section("Stakeholders", (("stakeholders",),)),
    Section("Events", (("events",),)),
    Section("Instruments", (("instruments",),)),
    Section("Deadlines", (("deadlines",),)),
    Section("Arguments", (("arguments",),)),
    Section("Roles", (("roles",),)),
    Section("Assumptions", (("assumptions",),)),
    Section("Outcome model", (("outcome_model", "nodes"), ("outcome_model", "outcomes")), single=("outcome_model",)),
    Section("Questions", (("questions",),)),
    Section("Prompts", (("prompts",),)),
    Section("Disagreements", (("disagreements",),)),
)


def spec_at(path: Path) -> RecordSpec | FieldSpec | None:
    """The spec of the record or field at `path` in a pack: a record for ("events", 3), a field for ("events", 3, "date")."""
    current: RecordSpec | FieldSpec = pack_spec()
    for step in path:
        if isinstance(step, int):
            if not (isinstance(current, FieldSpec) and current.kind == "records"):
                return current  # an item of a list of ids or lines: the list's spec says what it is
            assert current.record is not None
            current = current.record
        else:
            if isinstance(current, FieldSpec):
                if current.record is None:
                    return None
                current = current.record
            found = current.field(step)
            if found is None:
                return None
            current = found
    return current


def empty_value(spec: FieldSpec, today: dt.date) -> Any:
    """What a new record holds in a required field: the JSON value the author overwrites."""
    if spec.kind in ("refs", "lines", "records"):
        return []
    if spec.kind == "date":
        return today.isoformat()
    if spec.kind == "choice":
        return spec.choices[0]
    if spec.kind == "bool":
        return False
    if spec.kind in ("int", "float"):
        return 0
    if spec.kind == "record" and spec.record is not None:
        return new_record(spec.record, today)
    return ""


def new_record(spec: RecordSpec, today: dt.date) -> dict[str, Any]:
    """A record with its required fields only, in the model's order: what *Add row* inserts."""
    return {f.name: empty_value(f, today) for f in spec.fields if f.required}


_TITLE_FIELDS = ("title", "name", "label", "question", "topic", "claim", "text", "note", "publisher")
_DATE_FIELDS = ("date", "opens", "announced")


def title_field(spec: RecordSpec) -> str | None:
    """The field that names a record in a list of them (a title, a name, a question)."""
    return next((name for name in _TITLE_FIELDS if spec.field(name) is not None), None)


def date_field(spec: RecordSpec) -> str | None:
    return next((name for name in _DATE_FIELDS if spec.field(name) is not None), None)


def record_at(path: Path) -> RecordSpec | None:
    """The spec of the record at `path`: a list's item ("events", 3) or a record field ("outcome_model",)."""
    spec = spec_at(path)
    if isinstance(spec, FieldSpec):
        return spec.record if spec.kind == "record" else None
    return spec


def record_label(spec: RecordSpec) -> str:
    """A record's kind as words: "StatusChange" -> "status change"."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", spec.name).lower()


def key_position(record: dict[str, Any], spec: RecordSpec, name: str) -> int:
    """Where a field the record leaves out goes when it is given: after the keys the model puts
    before it, so a pack written in the model's order stays in it (and diffs stay small)."""
    names = [f.name for f in spec.fields]
    earlier = set(names[: names.index(name)]) if name in names else set(record)
    return max((n + 1 for n, key in enumerate(record) if key in earlier), default=0)


def ref_words(ref: str) -> str:
    """The lists a reference names, as words: "outcome_model.nodes|outcomes" -> "nodes or outcomes"."""
    return " or ".join(ref.rpartition(".")[2].split("|"))
