"""The shipped JSON Schema matches the records, and a teacher's editor would accept our packs."""

from __future__ import annotations

import json

from scenario.resources import RESOURCES
from scenario.schema import pack_schema_text

SCHEMA = RESOURCES / "schema" / "pack.schema.json"


def test_shipped_schema_is_up_to_date():
    assert SCHEMA.read_text() == pack_schema_text(), "run `make schema` after changing scenario/model.py"


def test_schema_rejects_unknown_keys_everywhere():
    schema = json.loads(SCHEMA.read_text())
    objects = [d for d in schema["$defs"].values() if d.get("type") == "object"]
    assert objects and all(d.get("additionalProperties") is False for d in objects)
