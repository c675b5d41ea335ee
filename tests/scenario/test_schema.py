"""The shipped JSON Schema matches the records, and a teacher's editor would accept our packs."""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator

import msgspec
import pytest

from scenario.model import Pack
from scenario.resources import RESOURCES
from scenario.schema import pack_schema_text

SCHEMA = RESOURCES / "schema" / "pack.schema.json"


def test_shipped_schema_is_up_to_date():
    assert SCHEMA.read_text() == pack_schema_text(), "run `make schema` after changing scenario/model.py"


def _descriptions(node: object):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                yield value
            else:
                yield from _descriptions(value)
    elif isinstance(node, list):
        for item in node:
            yield from _descriptions(item)


@pytest.mark.parametrize("indent", ["", "    ", "\t"])
def test_schema_text_does_not_depend_on_how_msgspec_indents_docstrings(monkeypatch: pytest.MonkeyPatch, indent: str):
    """msgspec 0.23 dedents docstrings and older releases did not: both must give the same bytes."""
    real_schema = msgspec.json.schema

    def reindented(tp: object) -> dict:
        schema = real_schema(tp)
        for definition in schema["$defs"].values():
            if "description" in definition:
                first, *rest = inspect.cleandoc(definition["description"]).split("\n")
                definition["description"] = "\n".join([first, *(indent + line if line else line for line in rest)])
        return schema

    monkeypatch.setattr(msgspec.json, "schema", reindented)
    assert pack_schema_text() == SCHEMA.read_text()


def _reversed_alternatives(node: object) -> object:
    if isinstance(node, dict):
        return {k: list(reversed([_reversed_alternatives(i) for i in v])) if k == "anyOf" else _reversed_alternatives(v)
                for k, v in node.items()}
    if isinstance(node, list):
        return [_reversed_alternatives(item) for item in node]
    return node


def test_schema_text_does_not_depend_on_the_order_msgspec_lists_alternatives(monkeypatch: pytest.MonkeyPatch):
    """msgspec 0.18 lists `null` first in an optional field's `anyOf`, 0.23 last."""
    real_schema = msgspec.json.schema
    monkeypatch.setattr(msgspec.json, "schema", lambda tp: _reversed_alternatives(real_schema(tp)))
    assert pack_schema_text() == SCHEMA.read_text()


def test_schema_descriptions_are_clean_text():
    descriptions = list(_descriptions(json.loads(SCHEMA.read_text())))
    assert descriptions and all(d == inspect.cleandoc(d) for d in descriptions)


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
