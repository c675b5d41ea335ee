"""Renaming an id finds every citation of it, through the model's reference marks."""

from __future__ import annotations

import json

from scenario.authoring.references import cited_list, citations
from tests.conftest import MINI_PACK


def tree() -> dict:
    return json.loads(MINI_PACK.read_text(encoding="utf-8"))


def test_a_listed_records_id_names_its_list_and_other_paths_name_none():
    assert cited_list(("sources", 2, "id")) == "sources"
    assert cited_list(("outcome_model", "nodes", 0, "id")) == "outcome_model.nodes"
    assert cited_list(("sources", 2, "title")) is None
    assert cited_list(("id",)) is None  # the pack's own id is cited by nothing in it


def test_every_citation_of_a_source_is_found_in_lists_of_references_at_any_depth():
    pack = tree()
    source = pack["sources"][0]["id"]
    found = citations(pack, "sources", source)
    expected = []

    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("sources", "outcome_sources") and isinstance(item, list) and path:
                    expected.extend((*path, key, n) for n, ref in enumerate(item) if ref == source)
                else:
                    walk(item, (*path, key))
        elif isinstance(value, list):
            for n, item in enumerate(value):
                walk(item, (*path, n))

    walk(pack, ())
    assert found and sorted(found, key=str) == sorted(expected, key=str)


def test_a_branch_reference_names_both_nodes_and_outcomes():
    pack = tree()
    model = pack["outcome_model"]
    outcome = model["outcomes"][0]["id"]
    found = citations(pack, "outcome_model.outcomes", outcome)
    assert found and all(path[:2] == ("outcome_model", "nodes") and path[-1] in ("yes", "no") for path in found)
    assert all(pack["outcome_model"]["nodes"][path[2]][path[3]] == outcome for path in found)
    root = model["root"]
    assert ("outcome_model", "root") in citations(pack, "outcome_model.nodes", root)


def test_an_id_cited_nowhere_has_no_citations():
    assert citations(tree(), "sources", "no-such-source") == []
