"""Where a record's id is cited, so that renaming an id renames every citation of it.

A pack is a web of ids: an event cites sources, an argument names a stakeholder, a node its
branches. An author who renames the template's "first-source" to "s-wire" expects the event
citing it to follow, as a rename does in any editor; otherwise each rename leaves a trail of
"unknown source" problems to mend by hand. Which fields cite which list comes from the model's
`ref` marks (`scenario.authoring.fields`), so a new reference field is followed without new code.
"""

from __future__ import annotations

from typing import Any

from scenario.authoring.draft import Path
from scenario.authoring.fields import RecordSpec, pack_spec


def cited_list(id_path: Path) -> str | None:
    """The list whose item's id is at `id_path`, named as `ref` marks name lists: "sources",
    "outcome_model.nodes"; None where the path is not a listed record's id."""
    if len(id_path) >= 3 and id_path[-1] == "id" and isinstance(id_path[-2], int):
        return ".".join(str(step) for step in id_path[:-2])
    return None


def citations(tree: dict[str, Any], list_name: str, cited: str) -> list[Path]:
    """Every path that cites `cited` of `list_name`: a reference field's own path, or the item of a list of references."""
    found: list[Path] = []

    def walk(record: Any, spec: RecordSpec, path: Path) -> None:
        if not isinstance(record, dict):
            return
        for field in spec.fields:
            value = record.get(field.name)
            where = (*path, field.name)
            if field.ref is not None and list_name in _lists(field.ref):
                if field.kind == "ref" and value == cited:
                    found.append(where)
                elif field.kind == "refs" and isinstance(value, list):
                    found.extend((*where, n) for n, item in enumerate(value) if item == cited)
            elif field.kind == "records" and field.record is not None and isinstance(value, list):
                for n, item in enumerate(value):
                    walk(item, field.record, (*where, n))
            elif field.kind == "record" and field.record is not None:
                walk(value, field.record, where)

    walk(tree, pack_spec(), ())
    return found


def _lists(ref: str) -> set[str]:
    """"outcome_model.nodes|outcomes" names two lists: "outcome_model.nodes" and "outcome_model.outcomes"."""
    head, _, tail = ref.rpartition(".")
    return {f"{head}.{name}" if head else name for name in tail.split("|")}
