"""The one way a pack file is formatted, so a pack the editor saves diffs cleanly against the shipped ones."""

from __future__ import annotations

import json
from typing import Any


def encode_pack_json(data: dict[str, Any]) -> bytes:
    """`data` as the shipped packs are written: one-space indent, non-ASCII kept as UTF-8, a final newline.

    Keys keep the author's order (no sorting), so saving a pack unchanged gives the same bytes.
    """
    return (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
