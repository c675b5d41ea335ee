"""The pack format as JSON Schema, generated from the records so it can never drift from them.

`make schema` writes `resources/schema/pack.schema.json`; a test fails if the shipped file
differs from what the records say, so a change to the format must regenerate it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import msgspec

from scenario.model import Pack


def pack_schema_text() -> str:
    schema = msgspec.json.schema(Pack)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Divestiture Lab scenario pack"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(pack_schema_text())
