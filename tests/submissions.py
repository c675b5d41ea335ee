"""Submission files made on the fly from the mini pack, so no test commits hundreds of files.

Values vary with the student's number in a fixed pattern (no randomness), which keeps class
statistics checkable by hand.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from scenario.pack import LoadedPack, load_pack
from scenario.record import ArgumentWeight, AssumptionValue, Forecast, ScenarioRecord, Snapshot
from scenario.submission import encode_submission
from tests.conftest import MINI_PACK

EXPORTED = dt.datetime(2030, 4, 1, 10, 0, tzinfo=dt.timezone.utc)
REVEALED = dt.datetime(2030, 3, 30, 9, 15, tzinfo=dt.timezone.utc)


def mini() -> LoadedPack:
    return load_pack(MINI_PACK)


def student_record(n: int) -> ScenarioRecord:
    """Student n's record: every field used; forecasts spread over 0-1; every third revealed early."""
    day = dt.date(2030, 1, 20)
    p_deal = (n % 11) / 10
    return ScenarioRecord(
        name=f"Run {n}", pack_id="mini", mode="classroom", role="r-exec" if n % 2 == 0 else None, current_date=day,
        assumptions={
            "p-deal": AssumptionValue(value=p_deal, low=0.0, high=1.0, note="talks"),
            "users": AssumptionValue(value=float(50 + n % 200)),
        },
        weights={"a-for-1": ArgumentWeight(weight=n % 6, note="strong"), "a-against-1": ArgumentWeight(weight=(n + 2) % 6)},
        forecasts={"q-sold": Forecast(probability=(n % 5) / 4, reason="no buyer", made_on=day)},
        answers={"p-1": f"Answer {n}"} if n % 4 else {},
        snapshots=[Snapshot(date=dt.date(2030, 1, 5), values={"p-deal": 0.5}), Snapshot(date=day, values={"p-deal": p_deal})],
        revealed_at=dt.date(2030, 2, 1) if n % 3 == 0 else None,
    )


def submission_bytes(n: int, student: str | None = None, pack: LoadedPack | None = None) -> bytes:
    record = student_record(n)
    return encode_submission(record, pack or mini(), student or f"Pupil {n:03d}", EXPORTED,
                             REVEALED if record.revealed_at else None)


def submission_json(n: int, student: str | None = None) -> dict[str, Any]:
    return json.loads(submission_bytes(n, student))


def write_class(folder: Path, count: int, hostile: dict[str, bytes] | None = None) -> list[Path]:
    """`count` good files plus the `hostile` ones (file name -> bytes) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    pack = mini()
    paths = []
    for n in range(count):
        path = folder / f"student-{n:03d}.json"
        path.write_bytes(submission_bytes(n, pack=pack))
        paths.append(path)
    for name, data in (hostile or {}).items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def hostile_files() -> dict[str, bytes]:
    """A few bad files of the kinds a class folder gathers: not JSON, wrong schema, deep, huge, not UTF-8."""
    good = submission_bytes(1)
    return {
        "notes.json": b"<html><img src=x onerror=alert(1)></html>",
        "extra-key.json": good.replace(b'"student"', b'"macro": "run()", "student"', 1),
        "deep.json": good.replace(b'"answers": {', b'"answers": ' + b"[" * 10_000 + b"]" * 10_000 + b', "x": {', 1),
        "huge.json": b'{"student": "' + b"n" * (6 * 2**20) + b'"}',
        "latin1.json": good.replace(b"Pupil 001", b"Pupil \xe9"),
        "nan.json": good.replace(b'"probability": 0.25', b'"probability": NaN', 1),
    }
