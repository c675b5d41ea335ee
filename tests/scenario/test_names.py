"""Names (of scenarios and students) are one line of visible text, by one rule, wherever they are checked."""

from __future__ import annotations

import datetime as dt

import pytest

from scenario.exchange import ExchangeError, encode_scenario_file, line_problems
from scenario.record import NAME_MAX, ScenarioRecord, fitted_name
from scenario.submission import encode_submission
from tests.submissions import EXPORTED, mini

INVISIBLE_OR_BROKEN = {
    "zero-width space only": "\u200b",
    "zero-width joiners only": "\u200c\u200d\u2060",
    "byte-order mark and spaces": " \ufeff ",
    "Hangul filler": "\u3164",
    "line separator": "Ada\u2028Lovelace",
    "paragraph separator": "Ada\u2029",
    "next line (NEL)": "Ada\u0085Lovelace",
    "C1 control": "Ada\u009b31m",
    "C0 control": "Ada\x1b[31m",
    "DEL": "Ada\x7f",
}
FINE = ["Ada", "Zoë & 中文", "👩\u200d💻 Ada", "<b>x</b>", "x" * NAME_MAX]


@pytest.mark.parametrize("name", INVISIBLE_OR_BROKEN.values(), ids=list(INVISIBLE_OR_BROKEN))
def test_invisible_names_and_line_breaks_are_refused(name: str) -> None:
    assert [p.message for p in line_problems("student", name)] == ["must be one line of visible text"]


@pytest.mark.parametrize("name", FINE)
def test_ordinary_names_pass(name: str) -> None:
    assert list(line_problems("student", name)) == []


@pytest.mark.parametrize(("text", "suffix"), [("t" * 300, ""), ("x" * NAME_MAX, " (copy)"), ("Week\n1\u2028\x85 plan", " (2)"), ("\u200b", "")])
def test_a_fitted_name_always_passes_the_rule(text: str, suffix: str) -> None:
    name = fitted_name(text, suffix)
    assert len(name) <= NAME_MAX and name.endswith(suffix) and list(line_problems("name", name)) == []


def test_encoders_refuse_what_decoders_would_refuse() -> None:
    """Nothing the app writes may be a file it then refuses to read."""
    long = ScenarioRecord(name="x" * (NAME_MAX + 7), pack_id="mini")
    with pytest.raises(ExchangeError, match=r"scenario\.name: Expected `str` of length <= 120"):
        encode_scenario_file(long, EXPORTED)
    broken = ScenarioRecord(name="Run\u2028one", pack_id="mini")
    with pytest.raises(ExchangeError, match=r"scenario\.name: must be one line"):
        encode_scenario_file(broken, EXPORTED)
    with pytest.raises(ExchangeError, match=r"student: must be one line"):
        encode_submission(ScenarioRecord(name="Run", pack_id="mini", current_date=dt.date(2030, 1, 5)), mini(), "\u200b", EXPORTED)
