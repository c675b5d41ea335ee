"""A pack 40 times the size of tiktok-2020 (about 1,900 events and 1,800 arguments), made on the spot.

Each copy of an event or argument keeps its date, sources and stakeholders and gets its own id,
so the pack has as many dates to step through as the shipped one, with 40 times as much on each:
a step's cost should grow with what changed, not with the size of the pack.
"""

from __future__ import annotations

import json
from pathlib import Path

from scenario.resources import PACKS_DIR

COPIES = 40


def write_big_pack(folder: Path, base: str = "tiktok-2020") -> Path:
    pack = json.loads((PACKS_DIR / f"{base}.json").read_text(encoding="utf-8"))
    pack["id"] = f"{base}-x{COPIES}"
    pack["title"] += f" (x{COPIES})"
    events, arguments = [], []
    for n in range(COPIES):
        suffix = "" if n == 0 else f"-x{n}"
        events += [{**e, "id": e["id"] + suffix} for e in pack["events"]]
        arguments += [{**a, "id": a["id"] + suffix, "rebuttals": [r + suffix for r in a.get("rebuttals", [])]} for a in pack["arguments"]]
    pack["events"], pack["arguments"] = events, arguments
    path = folder / f"{pack['id']}.json"
    path.write_text(json.dumps(pack), encoding="utf-8")
    return path
