"""Events (and their sources) from a spreadsheet saved as CSV, for an author who keeps a timeline in one.

The sheet is untrusted text: every cell stays plain text (a cell reading "=HYPERLINK(...)" is
that text, never a formula), and every limit is the model's own, read from `scenario.model`,
so an imported event is one the pack accepts. A row that cannot become a valid event is
rejected with its line in the file and every reason, naming the column as the sheet does.

Choices:
- Columns are found by header name, leniently ("Source URL", "source_url", "url" are one),
  so a sheet need not be rebuilt; columns the importer does not know are listed, not refused.
- An empty detail rejects the row: the pack requires one, and copying the title into it would
  give students an event that reads as finished when its author never wrote it.
- Dates are ISO (2025-01-19). Spreadsheets often turn them into 19/01/2025 or 1/19/2025: such a
  date is read when only one reading is a date, and rejected as ambiguous otherwise.
- A source is the pack's own when its URL is already there; else a new one is made, with the
  sheet's source title and date when given, else the event's, saying so in the source's note.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import io
import re
import typing
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import msgspec

from scenario.authoring.ids import suggest_id
from scenario.model import Event, EventKind, Source
from scenario.userfile import FileError, Problem, shorten

MAX_CSV_BYTES = 2 * 1024 * 1024  # a 5,000-row timeline with long details is well under this
MAX_ROWS = 5000
KINDS: tuple[str, ...] = typing.get_args(EventKind)

# Each column by its name in the result, with the header spellings it is found by (compared
# after `_header_key`). The first four make an event; source_url ties it to its source.
COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("date", "eventdate"),
    "title": ("title", "eventtitle", "headline"),
    "detail": ("detail", "details", "description"),
    "kind": ("kind", "eventkind", "type"),
    "source_url": ("sourceurl", "url", "link", "sourcelink"),
    "publisher": ("publisher", "sourcepublisher"),
    "source_title": ("sourcetitle",),
    "source_date": ("sourcedate", "published", "publicationdate"),
}
REQUIRED = ("date", "title", "detail", "kind", "source_url")
_DELIMITERS = (",", ";", "\t")  # Excel writes ";" where the decimal separator is a comma
_SLASHED = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


@dataclasses.dataclass(frozen=True)
class RejectedRow:
    line: int  # 1-based, in the file as a text editor shows it (a quoted cell may span lines: its first)
    reason: str


@dataclasses.dataclass(frozen=True)
class CsvImport:
    """What a sheet adds to a pack: JSON-ready records in the pack's own form, and what was refused."""

    events: list[dict[str, Any]]
    sources: list[dict[str, Any]]  # new sources only; events may also name the pack's own
    rejected: list[RejectedRow]
    ignored_columns: tuple[str, ...] = ()  # headers the importer does not know, as written


def read_events_csv(data: bytes, pack: Mapping[str, Any], name: Path | str = "<csv>") -> CsvImport:
    """The events in `data` (a CSV file's bytes), checked against `pack` (a JSON-ready pack, perhaps a draft).

    Raises FileError, naming `name`, for what is wrong with the whole file: not text, empty,
    required columns missing, too many rows.
    """
    text, first_line, delimiter = _text(data, name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or _sniff(text))
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise _whole(name, "the file has no header row: the first line must name the columns (date, title, detail, kind, source URL)")
        columns, ignored = _columns(header, name)
        importer = _Importer(pack, {key: header[n].strip() for key, n in columns.items()})
        rows = 0
        while True:
            line = first_line + reader.line_num + 1  # where the next record starts
            cells = next(reader, None)
            if cells is None:
                break
            if not any(cell.strip() for cell in cells):
                continue  # spreadsheets save blank rows below the table
            rows += 1
            if rows > MAX_ROWS:
                raise _whole(name, f"more than {MAX_ROWS} rows: split the sheet and import it in parts")
            if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header):]):
                importer.reject(line, f"{len(cells)} cells, but the header names {len(header)} columns (a comma in unquoted text?)")
                continue
            importer.add(line, {key: cells[n].strip() if n < len(cells) else "" for key, n in columns.items()})
    except csv.Error as exc:
        raise _whole(name, f"line {first_line + reader.line_num}: not readable as CSV ({exc})") from None
    return CsvImport(importer.events, importer.sources, importer.rejected, ignored)


def _whole(name: Path | str, message: str) -> FileError:
    return FileError(name, [Problem("", message)])


def _text(data: bytes, name: Path | str) -> tuple[str, int, str | None]:
    """The file's text after any byte-order mark and Excel's "sep=," line, the number of lines
    skipped before it, and the delimiter that line names."""
    if b"\x00" in data:
        raise _whole(name, "not a text file (it holds NUL bytes): save the sheet as CSV")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _whole(name, f"not UTF-8 text (invalid byte at offset {exc.start}): save the sheet as \"CSV UTF-8\"") from None
    if not text.strip():
        raise _whole(name, "the file is empty")
    first, newline, rest = text.partition("\n")
    marker = first.strip().lower()
    if marker.startswith("sep=") and len(marker) == 5 and newline:
        return rest, 1, first.strip()[4]
    return text, 0, None


def _sniff(text: str) -> str:
    """The delimiter that splits the header into the most known columns (a comma when none does)."""
    header = text.partition("\n")[0]
    known = {alias for aliases in COLUMNS.values() for alias in aliases}
    return max(_DELIMITERS, key=lambda d: sum(_header_key(cell) in known for cell in header.split(d)))


def _header_key(header: str) -> str:
    return re.sub(r"[\s_\-]+", "", header).lower()


def _columns(header: list[str], name: Path | str) -> tuple[dict[str, int], tuple[str, ...]]:
    """Each known column's position, and the headers that name none."""
    found: dict[str, int] = {}
    ignored = []
    by_alias = {alias: key for key, aliases in COLUMNS.items() for alias in aliases}
    for n, cell in enumerate(header):
        key = by_alias.get(_header_key(cell))
        if key is None:
            if cell.strip():
                ignored.append(shorten(cell.strip(), 60))
        elif key in found:
            raise _whole(name, f"two columns are '{key}' ('{header[found[key]].strip()}' and '{cell.strip()}'); keep one")
        else:
            found[key] = n
    missing = [key for key in REQUIRED if key not in found]
    if missing:
        named = ", ".join(repr(shorten(cell.strip(), 60)) for cell in header if cell.strip())
        raise _whole(name, f"no column for {', '.join(missing)} (the header names {named})")
    return found, tuple(ignored)


@functools.cache  # inspecting a Struct costs far more than checking a row
def _str_type(struct: type[msgspec.Struct], field: str) -> msgspec.inspect.StrType:
    """The model's constraints on a text field (length limits, pattern): the importer never copies a number."""
    [kind] = [f.type for f in msgspec.inspect.type_info(struct).fields if f.name == field]
    while isinstance(kind, msgspec.inspect.Metadata):
        kind = kind.type
    assert isinstance(kind, msgspec.inspect.StrType), (struct, field)
    return kind


def _text_problems(label: str, value: str, limits: msgspec.inspect.StrType) -> Iterator[str]:
    if limits.min_length and len(value) < limits.min_length:
        yield f"{label} is empty"
    elif limits.max_length is not None and len(value) > limits.max_length:
        yield f"{label} is {len(value)} characters long; at most {limits.max_length} fit"


def _date(text: str) -> dt.date:
    """A cell's date: ISO, or d/m/Y or m/d/Y when only one of them is a date; ValueError saying why not."""
    slashed = _SLASHED.fullmatch(text)
    if slashed is None:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError("is not a date: write it as YYYY-MM-DD") from None
    a, b, year = (int(part) for part in slashed.groups())
    readings = set()
    for day, month in ((a, b), (b, a)):
        try:
            readings.add(dt.date(year, month, day))
        except ValueError:
            continue
    if len(readings) != 1:
        raise ValueError("could be read two ways (day/month or month/day): write it as YYYY-MM-DD" if readings
                         else "is not a date: write it as YYYY-MM-DD")
    return readings.pop()


def _pack_range(pack: Mapping[str, Any]) -> tuple[dt.date, dt.date] | None:
    """The pack's start..end, when a draft has them right."""
    try:
        return dt.date.fromisoformat(pack["start"]), dt.date.fromisoformat(pack["end"])
    except (KeyError, TypeError, ValueError):
        return None


class _Importer:
    """Turns rows into records, remembering what earlier rows and the pack already hold."""

    def __init__(self, pack: Mapping[str, Any], headers: dict[str, str]) -> None:
        self.headers = headers  # a column's header as the sheet writes it, for reasons the author can find
        self.range = _pack_range(pack)
        self.events: list[dict[str, Any]] = []
        self.sources: list[dict[str, Any]] = []
        self.rejected: list[RejectedRow] = []
        self.event_ids = {e.get("id") for e in _records(pack, "events")}
        self.source_ids = {s.get("id") for s in _records(pack, "sources")}
        self.by_url = {s["url"]: s["id"] for s in _records(pack, "sources") if isinstance(s.get("url"), str) and "id" in s}
        self.seen: dict[tuple[str, str], str] = {  # (date, title) -> where it already is
            (str(e.get("date")), str(e.get("title"))): f"the pack's event '{e.get('id')}'" for e in _records(pack, "events")}

    def reject(self, line: int, reason: str) -> None:
        self.rejected.append(RejectedRow(line, reason))

    def add(self, line: int, row: dict[str, str]) -> None:
        problems: list[str] = []

        def label(key: str) -> str:
            return self.headers.get(key, key)

        def date_cell(key: str) -> dt.date | None:
            try:
                return _date(row[key])
            except ValueError as exc:
                problems.append(f"{label(key)} '{shorten(row[key], 40)}' {exc}")
                return None

        if not row["date"]:
            problems.append(f"{label('date')} is empty")
            day = None
        else:
            day = date_cell("date")
        if day is not None and self.range is not None and not self.range[0] <= day <= self.range[1]:
            problems.append(f"{label('date')} {day} is outside the pack's range {self.range[0]} to {self.range[1]}")
        for key in ("title", "detail"):
            problems.extend(_text_problems(label(key), row[key], _str_type(Event, key)))
        kind = re.sub(r"[\s\-]+", "_", row["kind"].lower())
        if kind not in KINDS:
            problems.append(f"{label('kind')} '{shorten(row['kind'], 40)}' is not one of: {', '.join(KINDS)}")
        source_id, new_source = self._source(row, day, label, problems)
        if day is not None and not problems:
            earlier = self.seen.get((day.isoformat(), row["title"]))
            if earlier is not None:
                problems.append(f"the same {label('date')} and {label('title')} as {earlier}")
        if problems:
            self.reject(line, "; ".join(problems))
            return
        assert day is not None and source_id is not None
        self.seen[(day.isoformat(), row["title"])] = f"line {line}"
        event_id = suggest_id(row["title"], self.event_ids)
        self.event_ids.add(event_id)
        self.events.append({"id": event_id, "date": day.isoformat(), "title": row["title"], "detail": row["detail"],
                            "kind": kind, "sources": [source_id]})
        if new_source is not None:
            self.source_ids.add(new_source["id"])
            self.by_url[new_source["url"]] = new_source["id"]
            self.sources.append(new_source)

    def _source(self, row: dict[str, str], day: dt.date | None, label: Callable[[str], str], problems: list[str]) -> tuple[str | None, dict[str, Any] | None]:
        """The id of the row's source, and the source to add when it is new (None when the row is rejected)."""
        url = row["source_url"]
        url_type = _str_type(Source, "url")
        if not url:
            problems.append(f"{label('source_url')} is empty: every event needs a source")
            return None, None
        if url_type.pattern and not re.search(url_type.pattern, url):
            problems.append(f"{label('source_url')} '{shorten(url, 60)}' is not a web address starting with http:// or https:// (with no spaces)")
            return None, None
        problems.extend(_text_problems(label("source_url"), url, url_type))
        if url in self.by_url:
            return self.by_url[url], None
        before = len(problems)
        publisher, title = row.get("publisher", ""), row.get("source_title", "")
        if not publisher:
            problems.append(f"{label('publisher')} is empty, and the pack has no source with this URL: name its publisher")
        for key, field, value in (("publisher", "publisher", publisher), ("source_title", "title", title)):
            if value:  # an empty one is dealt with above (publisher) or filled from the event (title)
                problems.extend(_text_problems(label(key), value, _str_type(Source, field)))
        published = None
        if row.get("source_date"):
            try:
                published = _date(row["source_date"])
            except ValueError as exc:
                problems.append(f"{label('source_date')} '{shorten(row['source_date'], 40)}' {exc}")
        if len(problems) > before or day is None:
            return None, None
        assumed = [what for what, given in (("title is the event's", title), ("publication date is the event's date", published)) if not given]
        source: dict[str, Any] = {
            "id": suggest_id(f"{publisher} {title or row['title']}", self.source_ids),
            "publisher": publisher,
            "title": title or row["title"],
            "date": (published or day).isoformat(),
            "url": url,
        }
        if assumed:
            source["note"] = f"Imported from a spreadsheet: its {' and its '.join(assumed)}; check them against the source."
        return source["id"], source


def _records(pack: Mapping[str, Any], name: str) -> list[dict[str, Any]]:
    """A list of records from a pack that may be a half-written draft: whatever is not a record is passed over."""
    items = pack.get(name)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
