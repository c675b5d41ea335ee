"""Pack loading: a good pack loads sorted; every kind of broken pack names its problem."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from scenario.pack import MAX_PACK_BYTES, PackError, discover_packs, load_pack
from tests.conftest import MINI_PACK


def problems(path) -> list[str]:
    with pytest.raises(PackError) as info:
        load_pack(path)
    return [str(p) for p in info.value.problems]


def test_mini_pack_loads_with_sorted_events_and_a_stable_digest():
    loaded = load_pack(MINI_PACK)
    dates = [e.date for e in loaded.pack.events]
    assert dates == sorted(dates)
    assert loaded.digest == load_pack(MINI_PACK).digest
    assert len(loaded.digest) == 64


def test_events_out_of_order_in_the_file_are_sorted(mini_json, write_pack):
    mini_json["events"].reverse()
    pack = load_pack(write_pack(mini_json)).pack
    assert [e.id for e in pack.events] == ["e-order", "e-suit", "e-injunction", "e-order2"]


def test_missing_field(mini_json, write_pack):
    del mini_json["events"][1]["title"]
    assert problems(write_pack(mini_json)) == ["events[1]: Object missing required field `title`"]


def test_unknown_key(mini_json, write_pack):
    mini_json["events"][0]["colour"] = "red"
    assert problems(write_pack(mini_json)) == ["events[0]: Object contains unknown field `colour`"]


def test_bad_date(mini_json, write_pack):
    mini_json["events"][2]["date"] = "2030-02-30"
    [message] = problems(write_pack(mini_json))
    assert message.startswith("events[2].date: Invalid RFC3339 encoded date")


def test_wrong_type_names_the_nested_path(mini_json, write_pack):
    mini_json["events"][3]["sources"] = ["s-order", 12]
    assert problems(write_pack(mini_json)) == ["events[3].sources[1]: Expected `str`, got `int`"]


def test_dangling_references_are_all_reported(mini_json, write_pack):
    mini_json["events"][0]["sources"] = ["nope"]
    mini_json["arguments"][0]["stakeholder"] = "ghost"
    mini_json["deadlines"][0]["set_by"] = "order-9"
    found = problems(write_pack(mini_json))
    assert "events[0].sources[0]: unknown source 'nope'" in found
    assert "arguments[0].stakeholder[0]: unknown stakeholder 'ghost'" in found
    assert "deadlines[0].set_by: unknown instrument 'order-9'" in found


def test_duplicate_id(mini_json, write_pack):
    mini_json["events"][1]["id"] = "e-order"
    assert "events[1].id: duplicate id 'e-order'" in problems(write_pack(mini_json))


def test_date_outside_the_pack_range(mini_json, write_pack):
    mini_json["events"][0]["date"] = "2029-12-31"
    assert "events[0].date: date 2029-12-31 is outside the pack's range 2030-01-01 to 2030-03-31" in problems(write_pack(mini_json))


def test_deadline_arithmetic_is_checked(mini_json, write_pack):
    mini_json["deadlines"][0]["rule_days"] = 31
    assert "deadlines[0].date: 31 days after 2030-01-05 is 2030-02-05, not 2030-02-04" in problems(write_pack(mini_json))


def test_rebuttal_on_the_same_side_is_rejected(mini_json, write_pack):
    mini_json["arguments"][1]["rebuttals"] = ["a-against-2"]
    assert any("same side" in p for p in problems(write_pack(mini_json)))


def test_claim_longer_than_140_characters(mini_json, write_pack):
    mini_json["arguments"][0]["claim"] = "x" * 141
    assert problems(write_pack(mini_json)) == ["arguments[0].claim: Expected `str` of length <= 140"]


def test_outcome_model_cycle_and_unreachable_outcome(mini_json, write_pack):
    mini_json["outcome_model"]["nodes"][1]["no"] = "n-deal"
    found = problems(write_pack(mini_json))
    assert any("cycle through 'n-deal'" in p for p in found)
    assert "outcome_model.outcomes[2]: outcome 'o-banned' cannot be reached from the root" in found


def test_outcome_node_must_use_a_probability_assumption(mini_json, write_pack):
    mini_json["outcome_model"]["nodes"][0]["probability"] = "users"
    assert "outcome_model.nodes[0].probability: 'users' is not a probability assumption" in problems(write_pack(mini_json))


def test_assumption_default_outside_its_range(mini_json, write_pack):
    mini_json["assumptions"][2]["default"] = 400
    assert "assumptions[2].default: default 400.0 is outside 0.0 to 300.0" in problems(write_pack(mini_json))


def test_infinite_number_from_an_overflowing_literal(mini_json, write_pack):
    text = json.dumps(mini_json).replace('"max": 300', '"max": 1e999')
    assert ["assumptions[2].max: Number out of range"] == problems(write_pack(text))


def test_invalid_json_and_invalid_utf8(write_pack):
    assert problems(write_pack("{not json"))[0].startswith("not valid JSON")
    assert problems(write_pack(b'{"id": "\xff\xfe"}')) == ["not UTF-8 text (invalid byte at offset 8)"]


def test_a_50_mb_file_is_refused_before_it_is_read(write_pack, tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    assert MAX_PACK_BYTES < path.stat().st_size
    [message] = problems(path)
    assert message == "the file is larger than 5 MB, the limit for a pack"


def test_deeply_nested_json_is_rejected_without_crashing(mini_json, write_pack):
    text = json.dumps(mini_json).replace('"stakeholders": ["exec"]', '"stakeholders": ' + "[" * 10000 + "]" * 10000, 1)
    assert problems(write_pack(text)) == ["brackets nested 10003 deep; at most 32 are allowed"]


def test_missing_file_is_a_pack_error(tmp_path):
    [message] = problems(tmp_path / "absent.json")
    assert message.startswith("cannot read the file")


def test_error_message_names_the_file(mini_json, write_pack):
    del mini_json["title"]
    path = write_pack(mini_json, "teacher.json")
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert str(info.value) == f"{path}: Object missing required field `title`"


def test_discover_lists_good_and_bad_packs_without_raising(mini_json, write_pack, tmp_path):
    write_pack(mini_json, "a-good.json")
    write_pack("[]", "b-bad.json")
    good, bad = discover_packs(tmp_path)
    assert good.loaded is not None and good.loaded.pack.start == dt.date(2030, 1, 1)
    assert bad.loaded is None and bad.error is not None and "Expected `object`" in bad.error.first


def test_an_instrument_may_predate_the_pack_but_not_outlast_it(mini_json, write_pack):
    mini_json["instruments"][0]["changes"][0]["date"] = "2029-05-15"
    assert load_pack(write_pack(mini_json)).pack.instruments[0].changes[0].date == dt.date(2029, 5, 15)
    mini_json["instruments"][0]["changes"][1]["date"] = "2030-04-01"
    assert "instruments[0].changes[1].date: date 2030-04-01 is after the pack's end 2030-03-31" in problems(write_pack(mini_json))


def test_a_later_folder_cannot_shadow_an_earlier_packs_id(mini_json, tmp_path):
    installed, kept = tmp_path / "installed", tmp_path / "kept"
    for folder in (installed, kept):
        folder.mkdir()
        (folder / "mini.json").write_text(json.dumps(mini_json))
    first, second = discover_packs(installed, kept)
    assert first.loaded is not None and first.path.parent == installed
    assert second.loaded is None and f"the pack {installed / 'mini.json'} already has the id 'mini'" in second.error.first


def test_a_source_without_a_publication_date_is_refused(mini_json, write_pack):
    del mini_json["sources"][0]["date"]
    with pytest.raises(PackError, match="date"):
        load_pack(write_pack(mini_json))


def test_a_passed_deadline_needs_a_source_for_what_happened(mini_json, write_pack):
    mini_json["deadlines"][2]["outcome_sources"] = []
    with pytest.raises(PackError) as caught:
        load_pack(write_pack(mini_json))
    assert any(p.path == "deadlines[2].outcome_sources" and "source of its own" in p.message for p in caught.value.problems)


def test_a_role_note_needs_a_known_source(mini_json, write_pack):
    mini_json["roles"][0]["notes"] = [{"date": "2030-02-01", "text": "You learn of the suit.", "sources": []}]
    with pytest.raises(PackError, match="notes"):
        load_pack(write_pack(mini_json))
    mini_json["roles"][0]["notes"][0]["sources"] = ["s-nowhere"]
    with pytest.raises(PackError) as caught:
        load_pack(write_pack(mini_json))
    assert [(p.path, p.message) for p in caught.value.problems] == [("roles[0].notes[0].sources[0]", "unknown source 's-nowhere'")]


def test_deadline_arithmetic_past_the_calendar_is_a_pack_error(mini_json, write_pack):
    deadline = next(d for d in mini_json["deadlines"] if d.get("rule_days") is not None)
    deadline["rule_days"] = 10**12
    [message] = problems(write_pack(mini_json))
    assert message.startswith("deadlines[") and "rule_days" in message
    deadline["rule_days"], deadline["rule_from"] = 30, "9999-12-31"
    assert any("9999-12-31 is after 2199-12-31" in p for p in problems(write_pack(mini_json)))


@pytest.mark.parametrize(("field", "day"), [("start", "0001-01-01"), ("end", "9999-12-31")])
def test_a_pack_lies_within_sane_years(mini_json, write_pack, field, day):
    """Charts and date arithmetic need room around the pack: 1900 to 2199, which any real history fits."""
    mini_json[field] = day
    assert any(p.startswith(f"{field}: date {day} is") for p in problems(write_pack(mini_json)))


def test_every_date_in_a_pack_is_bounded_not_just_start_and_end(mini_json, write_pack):
    mini_json["instruments"][0]["changes"][0]["date"] = "0001-01-01"  # an instrument may predate the pack, not the calendar
    mini_json["sources"][0]["date"] = "9999-12-31"
    assert {p.split(":")[0] for p in problems(write_pack(mini_json)) if "2199-12-31" in p} >= {
        "instruments[0].changes[0].date", "sources[0].date",
    }


@pytest.mark.parametrize(("path", "value"), [
    ("id", "mini\n"), ("events.0.id", "e-order\n"), ("sources.0.url", "https://example.org/x\n"),
])
def test_patterns_are_anchored_at_the_very_end(mini_json, write_pack, path, value):
    """msgspec searches with `re`, where `$` also matches before a final newline."""
    *parents, last = path.split(".")
    node = mini_json
    for key in parents:
        node = node[int(key)] if key.isdigit() else node[key]
    node[int(last) if last.isdigit() else last] = value
    [message] = problems(write_pack(mini_json))
    assert "matching regex" in message


@pytest.mark.parametrize(("path", "field"), [("sources", "note"), ("stakeholders", "description"), ("arguments", "quote")])
def test_free_text_fields_have_a_length_limit(mini_json, write_pack, path, field):
    mini_json[path][0][field] = "n" * 200_000
    [message] = problems(write_pack(mini_json))
    assert message == f"{path}[0].{field}: Expected `str` of length <= 4000"


def test_a_settlement_must_name_an_event_of_the_pack_and_agree(mini_json, write_pack):
    mini_json["outcome_model"]["nodes"][1]["settled_by"] = [
        {"event": "e-nowhere", "answer": True}, {"event": "e-injunction", "answer": True}, {"event": "e-order2", "answer": False}]
    found = problems(write_pack(mini_json))
    assert "outcome_model.nodes[1].settled_by[0].event: unknown event 'e-nowhere'" in found
    assert "outcome_model.nodes[1].settled_by[2].answer: settles 'n-court' no, where an earlier settlement says yes" in found


def test_a_settlement_reference_says_which_list_it_points_into():
    """The pack editor finds references through Meta.extra["ref"]."""
    import typing

    from scenario.model import Settlement

    hints = typing.get_type_hints(Settlement, include_extras=True)
    refs = [m.extra.get("ref") for m in typing.get_args(hints["event"])[1:] if m.extra]
    assert refs == ["events"]
