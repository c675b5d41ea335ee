"""The pack format as JSON Schema, generated from the records so it can never drift from them.

`make schema` writes `resources/schema/pack.schema.json`; a test fails if the shipped file
differs from what the records say, so a change to the format must regenerate it.

msgspec copies docstrings into `description` and has changed how it treats their indentation
between releases (0.23 dedents them; earlier releases did not), and the order in which it lists
the alternatives of an optional field (`X | None`). Both are normalised here, so the same
records give the same bytes under every msgspec the project's ranges allow, and the drift test
guards the format rather than the library's whitespace.
"""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path
from typing import Any

import msgspec

from scenario.model import Pack


def pack_schema_text() -> str:
    schema = _normalised(msgspec.json.schema(Pack))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Divestiture Lab scenario pack"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def _normalised(node: Any) -> Any:
    """Every `description` as `inspect.cleandoc` gives it, and `anyOf` in a fixed order.

    Only string descriptions are touched: a record field that happens to be called
    `description` appears under `properties` with a schema (a dict) as its value. The order of
    `anyOf` carries no meaning in JSON Schema, so sorting it changes nothing a validator sees.
    """
    if isinstance(node, dict):
        return {key: _normalised_value(key, value) for key, value in node.items()}
    if isinstance(node, list):
        return [_normalised(item) for item in node]
    return node


def _normalised_value(key: str, value: Any) -> Any:
    if key == "description" and isinstance(value, str):
        return inspect.cleandoc(value)
    if key == "anyOf" and isinstance(value, list):
        return sorted((_normalised(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    return _normalised(value)


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(pack_schema_text())
