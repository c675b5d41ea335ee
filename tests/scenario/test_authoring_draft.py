"""The editor's working copy and its checks: exact round trips, exact undo, every problem at its field."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from scenario.authoring.checking import check_draft
from scenario.authoring.draft import ABSENT, Draft, parse_path, path_text
from scenario.authoring.fields import SECTIONS, new_record, ref_ids, spec_at
from scenario.authoring.pack_json import encode_pack_json
from scenario.pack import parse_pack
from scenario.resources import PACKS_DIR

SHIPPED = sorted(PACKS_DIR.glob("*.json"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_a_shipped_pack_saved_unchanged_is_the_same_pack(path: Path):
    data = path.read_bytes()
    draft = Draft.from_json(data.decode())
    saved = encode_pack_json(draft.tree)
    assert parse_pack(saved) == parse_pack(data)
    assert saved == data  # and byte for byte, so a save of an unchanged pack makes no diff


@pytest.fixture
def draft() -> Draft:
    return Draft.from_json((PACKS_DIR / "tiktok-2024.json").read_text())


def test_set_and_its_undo_restore_the_tree_exactly(draft: Draft):
    before = copy.deepcopy(draft.tree)
    old = draft.set(("events", 2, "title"), "A new title")
    assert draft.get(("events", 2, "title")) == "A new title"
    draft.set(("events", 2, "title"), old)
    assert draft.tree == before


def test_setting_a_left_out_field_and_undoing_it_removes_the_key_again(draft: Draft):
    n = next(n for n, s in enumerate(draft.tree["sources"]) if "note" not in s)
    before = copy.deepcopy(draft.tree)
    old = draft.set(("sources", n, "note"), "A note")
    assert old is ABSENT and draft.tree["sources"][n]["note"] == "A note"
    draft.set(("sources", n, "note"), old)
    assert draft.tree == before and list(draft.tree["sources"][n]) == list(before["sources"][n])


def test_a_removed_key_put_back_at_its_position_keeps_the_file_as_it_was(draft: Draft):
    before = json.dumps(draft.tree)
    path = ("deadlines", 0, "takes_effect")
    position = draft.position(path)
    old = draft.set(path, ABSENT)
    draft.set(path, old, position)
    assert json.dumps(draft.tree) == before


def test_insert_and_remove_undo_each_other(draft: Draft):
    before = copy.deepcopy(draft.tree)
    row = new_record(spec_at(("events", 0)), dt.date(2024, 5, 1))
    draft.insert(("events",), 1, row)
    assert draft.get(("events", 1)) is row
    assert draft.remove(("events",), 1) is row
    assert draft.tree == before


def test_inserting_into_a_left_out_list_creates_it(draft: Draft):
    del draft.tree["outcome_model"]
    draft.insert(("outcome_model", "nodes"), 0, {"id": "n"})
    assert draft.tree["outcome_model"] == {"nodes": [{"id": "n"}]}


def test_paths_read_and_write_as_the_validator_names_them():
    assert parse_path("events[3].sources[0]") == ("events", 3, "sources", 0)
    assert parse_path("outcome_model.nodes[2].yes") == ("outcome_model", "nodes", 2, "yes")
    assert path_text(("roles", 1, "notes", 0, "date")) == "roles[1].notes[0].date"
    assert parse_path("") == ()


def test_references_and_their_lists_come_from_the_model(draft: Draft):
    assert spec_at(("deadlines", 0, "set_by")).ref == "instruments"
    assert spec_at(("outcome_model", "nodes", 0, "yes")).ref == "outcome_model.nodes|outcomes"
    assert spec_at(("events", 0, "sources")).kind == "refs"
    assert spec_at(("events", 0, "kind")).kind == "choice"
    ids = ref_ids(draft.tree, "outcome_model.nodes|outcomes")
    assert draft.tree["outcome_model"]["nodes"][0]["id"] in ids and draft.tree["outcome_model"]["outcomes"][0]["id"] in ids


def test_every_section_s_new_row_has_the_fields_of_its_record():
    for section in SECTIONS:
        for list_path in section.lists:
            spec = spec_at((*list_path, 0))
            row = new_record(spec, dt.date(2024, 5, 1))
            assert set(row) == {f.name for f in spec.fields if f.required}


def test_the_shipped_packs_have_no_errors():
    for path in SHIPPED:
        findings = check_draft(json.loads(path.read_text()))
        assert [f for f in findings if f.severity == "error"] == [], path


def _first(findings, path):
    return [f for f in findings if f.path == path]


@pytest.mark.parametrize(("edit", "path", "words"), [
    (lambda t: t["events"][1].pop("title"), ("events", 1, "title"), "required"),
    (lambda t: t["events"][1].update(title=""), ("events", 1, "title"), "must not be empty"),
    (lambda t: t["events"][1].update(detail="x" * 4001), ("events", 1, "detail"), "at most 4000"),
    (lambda t: t["events"][1].update(date="2024-02-30"), ("events", 1, "date"), "YYYY-MM-DD"),
    (lambda t: t["events"][1].update(kind="rumour"), ("events", 1, "kind"), "one of"),
    (lambda t: t["events"][1].update(id="Bad Id"), ("events", 1, "id"), "must be an id"),
    (lambda t: t["events"][1].update(colour="red"), ("events", 1, "colour"), "unknown field"),
    (lambda t: t["events"][1].update(sources=[]), ("events", 1, "sources"), "at least 1"),
    (lambda t: t["sources"][0].update(url="ftp://x"), ("sources", 0, "url"), "web address"),
    (lambda t: t["sources"][0].update(primary="yes"), ("sources", 0, "primary"), "true or false"),
    (lambda t: t["assumptions"][0].update(min="low"), ("assumptions", 0, "min"), "number"),
    (lambda t: t["assumptions"][0].update(max=float("inf")), ("assumptions", 0, "max"), "finite"),
    (lambda t: t["roles"][0]["objectives"].insert(0, ""), ("roles", 0, "objectives", 0), "must not be empty"),
])
def test_each_field_problem_is_found_at_its_field(draft: Draft, edit, path, words):
    edit(draft.tree)
    found = _first(check_draft(draft.tree), path)
    assert found and found[0].severity == "error" and words in found[0].message


def test_every_field_problem_is_reported_not_just_the_first(draft: Draft):
    draft.tree["events"][0]["title"] = ""
    draft.tree["events"][5]["kind"] = "rumour"
    paths = {f.path for f in check_draft(draft.tree)}
    assert {("events", 0, "title"), ("events", 5, "kind")} <= paths


@pytest.mark.parametrize(("edit", "path", "words"), [
    (lambda t: t["events"][1].update(sources=["no-such-source"]), ("events", 1, "sources", 0), "unknown source"),
    (lambda t: t["events"][1].update(id=t["events"][0]["id"]), ("events", 1, "id"), "duplicate id"),
    (lambda t: t["events"][1].update(date="1999-01-01"), ("events", 1, "date"), "outside the pack's range"),
    (lambda t: t["deadlines"][0].update(set_by="nothing"), ("deadlines", 0, "set_by"), "unknown instrument"),
    (lambda t: t["outcome_model"]["nodes"][0].update(yes="nowhere"), ("outcome_model", "nodes", 0, "yes"), "unknown node or outcome"),
])
def test_each_pack_problem_is_found_at_its_field(draft: Draft, edit, path, words):
    edit(draft.tree)
    found = _first(check_draft(draft.tree), path)
    assert found and found[0].severity == "error" and words in found[0].message


def test_text_naming_a_later_date_is_a_warning_at_its_field(draft: Draft):
    event = draft.tree["events"][0]
    event["detail"] += " It was overturned on 1 March 2030."
    found = _first(check_draft(draft.tree), ("events", 0, "detail"))
    assert found and found[0].severity == "warning" and "2030" in found[0].message


def test_an_item_whose_sources_all_come_after_the_pack_is_a_warning(draft: Draft):
    draft.tree["sources"][0]["date"] = "2199-01-01"
    draft.tree["events"][1]["sources"] = [draft.tree["sources"][0]["id"]]
    found = _first(check_draft(draft.tree), ("events", 1, "sources"))
    assert found and found[0].severity == "warning" and "never see" in found[0].message


def test_a_reference_not_yet_chosen_asks_for_one(draft: Draft):
    draft.tree["deadlines"][0]["set_by"] = ""
    found = _first(check_draft(draft.tree), ("deadlines", 0, "set_by"))
    assert found and found[0].message == "choose one of the instruments"


def test_a_branch_not_yet_chosen_names_both_lists_in_words(draft: Draft):
    draft.tree["outcome_model"]["nodes"][0]["yes"] = ""
    found = _first(check_draft(draft.tree), ("outcome_model", "nodes", 0, "yes"))
    assert found[0].message == "choose one of the nodes or outcomes"
