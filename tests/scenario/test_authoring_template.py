"""The new-pack template loads as it is, at any date, and shows each kind of list an author fills."""

from __future__ import annotations

import datetime as dt
import json

import msgspec
import pytest

from scenario.authoring.pack_json import encode_pack_json
from scenario.authoring.template import blank_pack
from scenario.later_dates import later_date_warnings
from scenario.model import Pack
from scenario.pack import parse_pack
from scenario.resources import PACKS_DIR


@pytest.mark.parametrize("today", [dt.date(2026, 12, 2), dt.date(2024, 2, 29), dt.date(1999, 12, 31)])
def test_the_template_is_a_valid_pack_dated_from_today(today: dt.date) -> None:
    pack = parse_pack(encode_pack_json(blank_pack(today)))
    assert pack.start == today < pack.end
    assert [e.date for e in pack.events] == [today] and [s.date for s in pack.sources] == [today]
    assert later_date_warnings(pack) == []


def test_every_list_is_there_and_the_filled_ones_hold_one_item() -> None:
    template = blank_pack(dt.date(2026, 12, 2))
    lists = {f.name for f in msgspec.inspect.type_info(Pack).fields if isinstance(f.type, msgspec.inspect.ListType)}
    assert lists <= set(template)  # a list added to the model shows up in a new pack's editor
    filled = {name for name in lists if template[name]}
    assert filled == {"sources", "stakeholders", "events"}
    assert all(len(template[name]) == 1 for name in filled)
    assert all("Replace this" in template[name][0][field] for name, field in
               [("sources", "title"), ("stakeholders", "name"), ("events", "title"), ("events", "detail")])


def test_a_new_template_each_time() -> None:
    """The editor edits the dict in place: a second new pack must not start from the first one's edits."""
    first = blank_pack(dt.date(2026, 12, 2))
    first["events"][0]["title"] = "Edited"
    assert blank_pack(dt.date(2026, 12, 2))["events"][0]["title"] != "Edited"


@pytest.mark.parametrize("name", ["tiktok-2020.json", "tiktok-2024.json"])
def test_encoding_gives_the_shipped_packs_byte_for_byte(name: str) -> None:
    data = (PACKS_DIR / name).read_bytes()
    assert encode_pack_json(json.loads(data)) == data


def test_encoding_keeps_text_as_utf8() -> None:
    assert encode_pack_json({"title": "Congrès — 抖音"}) == '{\n "title": "Congrès — 抖音"\n}\n'.encode()
