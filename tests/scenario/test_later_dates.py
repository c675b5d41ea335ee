"""The validator warns on text that names a date later than when the text is first shown.

The leaks the December 2026 content review found are the test data: each, put back into a
shipped pack, must be caught; and the shipped packs carry only the mentions a person reviewed.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from scenario.later_dates import later_date_warnings, mentioned_dates
from scenario.pack import load_pack
from scenario.resources import PACKS_DIR

# Dates that were public plans when the text is shown, not later facts.
REVIEWED = {
    "tiktok-2020": {"September 15, 2020", "15 Sept 2020"},  # Microsoft's own target date, in its statement of 2 Aug 2020
    "tiktok-2024": {"10 January 2025",  # the argument date the Supreme Court set when it granted review
                    "22 January 2026", "22 Jan 2026"},  # the closing date announced with the agreements of 18 Dec 2025
}


def test_the_usual_ways_of_writing_a_date_are_found():
    found = [(words, day) for words, day, _ in mentioned_dates(
        "On 19 Jan 2025, January 20, 2025 and 2025-01-21; by March 2025, in 2027; the Consolidated Appropriations Act, 2023; $2028")]
    assert found == [("2025-01-21", dt.date(2025, 1, 21)), ("19 Jan 2025", dt.date(2025, 1, 19)), ("January 20, 2025", dt.date(2025, 1, 20)),
                     ("March 2025", dt.date(2025, 3, 1)), ("2027", dt.date(2027, 1, 1))]


@pytest.mark.parametrize("pack_id", sorted(REVIEWED))
def test_shipped_packs_name_no_later_date_but_the_reviewed_ones(pack_id: str):
    pack = load_pack(PACKS_DIR / f"{pack_id}.json").pack
    named = {w.message.split("'")[1] for w in later_date_warnings(pack)}
    assert named == REVIEWED[pack_id]


def _with(pack_id: str, tmp_path, change) -> list[str]:
    data = json.loads((PACKS_DIR / f"{pack_id}.json").read_text())
    change(data)
    path = tmp_path / f"{pack_id}.json"
    path.write_text(json.dumps(data))
    return [str(w) for w in later_date_warnings(load_pack(path).pack)]


def _item(items: list[dict], item_id: str) -> dict:
    return next(i for i in items if i["id"] == item_id)


@pytest.mark.parametrize(("pack_id", "change", "path"), [
    # a role brief shown from the start that tells of the deadline's later fate
    ("tiktok-2024", lambda d: _item(d["roles"], "r-buyer").update(brief=_item(d["roles"], "r-buyer")["brief"] + " The Act's deadline, 19 Jan 2025, will pass."), "roles["),
    # a resolution that told of February 2021 from 31 Dec 2020
    ("tiktok-2020", lambda d: _item(d["questions"], "q-sale-dec31").update(resolution="No sale. In Feb 2021 AP reported the deal shelved."), "questions["),
    # a start-page teaser naming how the story ends
    ("tiktok-2024", lambda d: d.update(teaser="Up to the 2026 joint venture."), "teaser"),
])
def test_the_review_s_leaks_are_caught(tmp_path, pack_id, change, path):
    assert any(w.startswith(path) for w in _with(pack_id, tmp_path, change))
