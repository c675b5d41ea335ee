"""The shipped JSON Schema matches the records, and a teacher's editor would accept our packs."""

from __future__ import annotations

import json
from collections.abc import Iterator

import msgspec

from scenario.model import Pack
from scenario.resources import RESOURCES
from scenario.schema import pack_schema_text

SCHEMA = RESOURCES / "schema" / "pack.schema.json"


def test_shipped_schema_is_up_to_date():
    assert SCHEMA.read_text() == pack_schema_text(), "run `make schema` after changing scenario/model.py"


def test_schema_rejects_unknown_keys_everywhere():
    schema = json.loads(SCHEMA.read_text())
    objects = [d for d in schema["$defs"].values() if d.get("type") == "object"]
    assert objects and all(d.get("additionalProperties") is False for d in objects)


def _unbounded_strings(info: msgspec.inspect.Type, path: str, seen: set[type]) -> Iterator[str]:
    """Every str (value or dict key) reachable from `info` without a max_length, by field path."""
    if isinstance(info, msgspec.inspect.StrType):
        if info.max_length is None:
            yield path
    elif isinstance(info, msgspec.inspect.StructType):
        if info.cls not in seen:
            seen.add(info.cls)
            for field in info.fields:
                yield from _unbounded_strings(field.type, f"{info.cls.__name__}.{field.name}", seen)
    elif isinstance(info, msgspec.inspect.UnionType):
        for member in info.types:
            yield from _unbounded_strings(member, path, seen)
    elif isinstance(info, (msgspec.inspect.ListType, msgspec.inspect.SetType, msgspec.inspect.FrozenSetType)):
        yield from _unbounded_strings(info.item_type, f"{path}[]", seen)
    elif isinstance(info, msgspec.inspect.DictType):
        yield from _unbounded_strings(info.key_type, f"{path} key", seen)
        yield from _unbounded_strings(info.value_type, f"{path}[]", seen)


def test_every_text_field_of_a_pack_has_a_length_limit():
    assert list(_unbounded_strings(msgspec.inspect.type_info(Pack), "Pack", set())) == []
