"""Events from a spreadsheet: good rows become records the pack accepts, bad rows are named by line and column."""

from __future__ import annotations

import json
import typing

import msgspec
import pytest

from scenario.authoring.csv_events import KINDS, MAX_ROWS, CsvImport, RejectedRow, read_events_csv
from scenario.authoring.pack_json import encode_pack_json
from scenario.model import Event, EventKind
from scenario.pack import parse_pack
from scenario.userfile import FileError

HEADER = "date,title,detail,kind,source_url,publisher\n"
GOOD = "2030-01-10,Talks begin,The parties meet.,negotiation,https://example.org/talks,Test Times\n"


def field_type(struct: type, name: str) -> msgspec.inspect.Type:
    return next(f.type for f in msgspec.inspect.type_info(struct).fields if f.name == name)


def read(text: str | bytes, pack: dict) -> CsvImport:
    return read_events_csv(text.encode() if isinstance(text, str) else text, pack, "sheet.csv")


def merged(pack: dict, found: CsvImport) -> dict:
    return {**pack, "events": pack["events"] + found.events, "sources": pack["sources"] + found.sources}


def refused(text: str | bytes, pack: dict) -> str:
    with pytest.raises(FileError) as raised:
        read(text, pack)
    assert raised.value.file == "sheet.csv"
    return str(raised.value.problems[0])


def test_good_rows_become_events_and_sources_the_pack_accepts(mini_json: dict) -> None:
    found = read(HEADER + GOOD
                 + '2030-01-12,"Talks, again",The parties meet again.,Negotiation,https://example.org/talks,Test Times\n'
                 + "2030-01-21,AppCo sues,Reported twice.,court,https://example.org/suit,\n", mini_json)
    assert found.rejected == []
    assert [e["title"] for e in found.events] == ["Talks begin", "Talks, again", "AppCo sues"]
    talks = found.sources[0]
    assert len(found.sources) == 1, "one new source for two rows citing it; the pack's own found by URL"
    assert [e["sources"] for e in found.events] == [[talks["id"]], [talks["id"]], ["s-suit"]]
    assert (talks["publisher"], talks["title"], talks["date"]) == ("Test Times", "Talks begin", "2030-01-10")
    assert "title is the event's" in talks["note"] and "publication date is the event's date" in talks["note"]
    pack = parse_pack(encode_pack_json(merged(mini_json, found)))
    assert {"talks-begin", "talks-again", "appco-sues"} <= {e.id for e in pack.events}


def test_a_source_title_and_date_from_the_sheet_are_used_and_nothing_is_assumed(mini_json: dict) -> None:
    found = read("Date,Title,Detail,Kind,Source URL,Publisher,Source title,Source date\n"
                 "2030-01-10,Talks begin,They meet.,negotiation,https://example.org/t,Test Times,Talks open,2030-01-09\n", mini_json)
    [source] = found.sources
    assert (source["title"], source["date"]) == ("Talks open", "2030-01-09") and "note" not in source
    assert source["id"] == "test-times-talks-open"
    [bad] = read("Date,Title,Detail,Kind,Source URL,Publisher,Source date\n"
                 "2030-01-10,Talks,They meet.,negotiation,https://example.org/t,Test Times,soon\n", mini_json).rejected
    assert bad.reason == "Source date 'soon' is not a date: write it as YYYY-MM-DD"


def test_ids_are_unique_against_the_pack_and_each_other(mini_json: dict) -> None:
    mini_json["events"][0]["title"] = "Same"
    found = read(HEADER + "".join(f"2030-01-1{n},Order 1 signed,Detail {n}.,law,https://example.org/order-1,X\n" for n in range(3)), mini_json)
    ids = [e["id"] for e in found.events]
    assert len(set(ids)) == 3 and not set(ids) & {e["id"] for e in mini_json["events"]}
    parse_pack(encode_pack_json(merged(mini_json, found)))


@pytest.mark.parametrize("header", [
    "Date,Title,Detail,Kind,Source URL,Publisher",
    " DATE , title ,DETAILS,Kind,source_url,PUBLISHER",
    "date,title,description,type,url,publisher",
    "Date;Title;Detail;Kind;Source-URL;Publisher",
    "Date\tTitle\tDetail\tKind\tURL\tPublisher",
])
def test_headers_are_found_leniently(mini_json: dict, header: str) -> None:
    delimiter = ";" if ";" in header else "\t" if "\t" in header else ","
    found = read(header + "\n" + GOOD.replace(",", delimiter), mini_json)
    assert len(found.events) == 1 and found.rejected == []


@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf", b"sep=,\r\n", b"\xef\xbb\xbfsep=,\n"], ids=["plain", "bom", "sep", "bom+sep"])
def test_utf8_with_or_without_bom_and_excels_sep_line(mini_json: dict, prefix: bytes) -> None:
    data = prefix + (HEADER + GOOD.replace("Talks begin", "Congrès réuni") + "bad-date,x,y,law,https://e.org,P\n").encode()
    found = read(data, mini_json)
    assert [e["title"] for e in found.events] == ["Congrès réuni"]
    assert [r.line for r in found.rejected] == [4 if b"sep" in prefix else 3], "lines as a text editor counts them"


def test_excels_sep_line_names_the_delimiter(mini_json: dict) -> None:
    found = read("sep=;\n" + (HEADER + GOOD).replace(",", ";"), mini_json)
    assert len(found.events) == 1


def test_formula_looking_text_stays_plain_text(mini_json: dict) -> None:
    formula = '=HYPERLINK(""https://evil.example"",""click"")'
    found = read(HEADER + f'2030-01-10,"{formula}","+cmd|\' /C calc\'!A0",statement,https://example.org/x,@SUM(1)\n', mini_json)
    [event] = found.events
    assert event["title"] == '=HYPERLINK("https://evil.example","click")'
    assert event["detail"] == "+cmd|' /C calc'!A0"
    assert found.sources[0]["publisher"] == "@SUM(1)"


def reasons(found: CsvImport) -> dict[int, str]:
    return {r.line: r.reason for r in found.rejected}


def test_each_bad_row_is_rejected_with_its_line_and_the_column(mini_json: dict) -> None:
    too_long = "x" * (field_type(Event, "title").max_length + 1)
    rows = [
        "2030-02-30,Bad date,d,law,https://example.org/a,P",                 # 2
        "2030-01-10,Unknown kind,d,lawsuit,https://example.org/a,P",         # 3
        "2030-01-10,,d,law,https://example.org/a,P",                         # 4
        f"2030-01-10,{too_long},d,law,https://example.org/a,P",              # 5
        "2030-01-10,Bad URL,d,law,javascript:alert(1),P",                    # 6
        "2030-01-10,FTP URL,d,law,ftp://example.org/a,P",                    # 7
        "2029-12-31,Too early,d,law,https://example.org/a,P",                # 8
        "2030-04-01,Too late,d,law,https://example.org/a,P",                 # 9
        "2030-01-10,No detail,,law,https://example.org/a,P",                 # 10
        "2030-01-10,No source,d,law,,P",                                     # 11
        "2030-01-10,No publisher,d,law,https://example.org/new,",            # 12
        "2030-01-10,Fine,d,law,https://example.org/a,P",                     # 13
        "2030-01-10,Fine,again,law,https://example.org/a,P",                 # 14
        "2030-01-05,Order 1 signed,d,law,https://example.org/a,P",           # 15
        "2030-01-10,Shifted,d,law,https://example.org/a,P,extra",            # 16
        "03/04/2030,Ambiguous,d,law,https://example.org/a,P",                # 17
        ",Dateless,d,law,https://example.org/a,P",                           # 18
        f"2030-01-10,Long publisher,d,law,https://example.org/b,{too_long}", # 19
    ]
    found = read(HEADER + "\n".join(rows) + "\n", mini_json)
    assert [e["title"] for e in found.events] == ["Fine"]
    got = reasons(found)
    assert sorted(got) == [n for n in range(2, 20) if n != 13]
    assert got[2] == "date '2030-02-30' is not a date: write it as YYYY-MM-DD"
    assert got[3].startswith("kind 'lawsuit' is not one of: ") and all(k in got[3] for k in typing.get_args(EventKind))
    assert got[4] == "title is empty"
    assert got[5] == f"title is {len(too_long)} characters long; at most {len(too_long) - 1} fit"
    assert "source_url 'javascript:alert(1)' is not a web address" in got[6] and "source_url" in got[7]
    assert got[8] == "date 2029-12-31 is outside the pack's range 2030-01-01 to 2030-03-31"
    assert "outside" in got[9]
    assert got[10] == "detail is empty"
    assert got[11].startswith("source_url is empty")
    assert got[12].startswith("publisher is empty")
    assert got[14] == "the same date and title as line 13"
    assert got[15] == "the same date and title as the pack's event 'e-order'"
    assert "7 cells, but the header names 6 columns" in got[16]
    assert "could be read two ways" in got[17]
    assert got[18] == "date is empty"
    assert got[19] == f"publisher is {len(too_long)} characters long; at most {len(too_long) - 1} fit"


def test_reasons_name_the_column_as_the_sheet_does_and_give_every_problem(mini_json: dict) -> None:
    found = read("Event Date,Title,Details,Kind,URL,Publisher\n2030-13-01,,,war,http://x y,\n", mini_json)
    [rejected] = found.rejected
    assert rejected == RejectedRow(2, "Event Date '2030-13-01' is not a date: write it as YYYY-MM-DD; Title is empty; Details is empty; "
                                      f"Kind 'war' is not one of: {', '.join(KINDS)}; "
                                      "URL 'http://x y' is not a web address starting with http:// or https:// (with no spaces)")


@pytest.mark.parametrize(("cell", "day"), [("19/01/2030", "2030-01-19"), ("1/19/2030", "2030-01-19"), ("02/02/2030", "2030-02-02"),
                                           ("19.01.2030", "2030-01-19")])
def test_slashed_dates_are_read_when_only_one_reading_is_a_date(mini_json: dict, cell: str, day: str) -> None:
    [event] = read(HEADER + GOOD.replace("2030-01-10", cell), mini_json).events
    assert event["date"] == day


def test_a_quoted_cell_over_several_lines_keeps_the_count_of_lines(mini_json: dict) -> None:
    found = read(HEADER + '2030-01-10,Two lines,"first\nsecond",law,https://example.org/a,P\nbad,x,d,law,https://example.org/a,P\n', mini_json)
    assert found.events[0]["detail"] == "first\nsecond"
    assert [r.line for r in found.rejected] == [4]


def test_a_draft_pack_with_broken_dates_still_imports(mini_json: dict) -> None:
    mini_json["start"] = "someday"
    found = read(HEADER + GOOD.replace("2030-01-10", "2050-01-01"), mini_json)
    assert len(found.events) == 1


def test_unknown_columns_are_listed_not_refused(mini_json: dict) -> None:
    found = read("date,title,detail,kind,source_url,publisher,My notes,\n" + GOOD.rstrip("\n") + ",ok,\n", mini_json)
    assert found.ignored_columns == ("My notes",) and len(found.events) == 1


def test_blank_rows_are_skipped_and_a_header_alone_adds_nothing(mini_json: dict) -> None:
    assert read(HEADER, mini_json) == CsvImport([], [], [])
    found = read(HEADER + ",,,,,\n\n" + GOOD + ",,,,,\n", mini_json)
    assert len(found.events) == 1 and found.rejected == []


@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (b"\xef\xbb\xbf \n\n", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    (b"date,title\xff\xfe,detail", "not UTF-8 text (invalid byte at offset 10)"),
    (b"title,detail,kind\n", "no column for date, source_url (the header names 'title', 'detail', 'kind')"),
    (b"sep=,\n", "no header row"),
    (b"date,title,detail,kind,url,source url\n", "two columns are 'source_url' ('url' and 'source url')"),
])
def test_a_file_that_is_no_sheet_of_events_is_refused_whole(mini_json: dict, data: bytes, message: str) -> None:
    assert message in refused(data, mini_json)


def test_the_row_count_is_limited(mini_json: dict) -> None:
    assert len(read(HEADER + GOOD * MAX_ROWS, mini_json).rejected) == MAX_ROWS - 1, "within the limit: all read (duplicates)"
    assert f"more than {MAX_ROWS} rows" in refused(HEADER + GOOD * (MAX_ROWS + 1), mini_json)


def test_the_kinds_are_the_models() -> None:
    assert set(KINDS) == set(field_type(Event, "kind").values)


def test_results_are_json_ready(mini_json: dict) -> None:
    found = read(HEADER + GOOD, mini_json)
    assert json.loads(json.dumps([found.events, found.sources])) == [found.events, found.sources]
