"""Which nodes of an outcome model being written do not yet end in outcomes, for marking them in the tree.

The loader only says the model is wrong somewhere; an author drawing the tree needs each node
that still leads nowhere (a branch to nothing, a loop) marked where it is.
"""

from __future__ import annotations

from typing import Any


def unfinished_nodes(model: Any) -> set[str]:
    """Ids of the nodes from which some path does not reach an outcome (a missing target, or a loop)."""
    if not isinstance(model, dict):
        return set()
    nodes = {n["id"]: n for n in model.get("nodes", []) if isinstance(n, dict) and isinstance(n.get("id"), str)}
    outcomes = {o["id"] for o in model.get("outcomes", []) if isinstance(o, dict) and isinstance(o.get("id"), str)}
    ends: dict[str, bool] = {}

    def finished(node_id: str, trail: frozenset[str]) -> bool:
        if node_id in outcomes:
            return True
        if node_id in trail or node_id not in nodes:
            return False  # a loop, or a branch to nothing
        if node_id not in ends:
            node = nodes[node_id]
            ends[node_id] = all(finished(node.get(b), trail | {node_id}) for b in ("yes", "no"))
        return ends[node_id]

    return {node_id for node_id in nodes if not finished(node_id, frozenset())}
