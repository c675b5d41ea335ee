"""How the files beside this script were made (with app 0.1.0 and the shipped packs, version 1.1).

Kept as test data: later releases must keep reading them. Run from the checkout to remake them
(only when the format changes on purpose): `PYTHONPATH=. .venv/bin/python tests/data/class-1.1/make.py`.
The set: two packs; a repeated name (one of them in Explore mode); the same scenario handed
in twice under two names; an early reveal; markup in a note, which must stay text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scenario.pack import load_pack
from scenario.record import ArgumentWeight, AssumptionValue, Forecast, ScenarioRecord, Snapshot
from scenario.resources import PACKS_DIR
from scenario.submission import encode_submission

HERE = Path(__file__).resolve().parent
EXPORTED = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)
D = dt.date


def record_2020(name: str, mode: str, role: str, deal: float, revealed: dt.date | None = None) -> ScenarioRecord:
    return ScenarioRecord(
        name=name, pack_id="tiktok-2020", mode=mode, role=role, current_date=D(2020, 9, 20), furthest_date=D(2020, 9, 20),
        assumptions={
            "p-deal": AssumptionValue(value=deal, low=max(0.0, deal - 0.2), high=min(1.0, deal + 0.2), note="Oracle talks <b>serious</b>"),
            "p-us-approve": AssumptionValue(value=0.4, note="CFIUS is slow"),
        },
        weights={"f-schumer-cotton-law": ArgumentWeight(weight=4, note="bipartisan"), "f-rubio-censor": ArgumentWeight(weight=2)},
        forecasts={
            "q-msft-sept15": Forecast(probability=deal, reason="Microsoft is keen", made_on=D(2020, 8, 5)),
            "q-lawsuit": Forecast(probability=0.8, reason="TikTok said it would sue", made_on=D(2020, 8, 10)),
        },
        answers={"pr-4": f"{name}: the order is about data, not speech."},
        snapshots=[
            Snapshot(date=D(2020, 8, 3), values={"p-deal": 0.5}),
            Snapshot(date=D(2020, 8, 10), values={"p-deal": 0.6, "p-us-approve": 0.5}),
            Snapshot(date=D(2020, 9, 20), values={"p-deal": deal, "p-us-approve": 0.4}),
        ],
        revealed_at=revealed,
    )


def record_2024(name: str, congress: float) -> ScenarioRecord:
    return ScenarioRecord(
        name=name, pack_id="tiktok-2024", mode="classroom", role="r-sponsor", current_date=D(2024, 5, 1),
        assumptions={"p-congress": AssumptionValue(value=congress, low=0.3, high=0.9, note="House vote was lopsided")},
        weights={"f-wray-data": ArgumentWeight(weight=5, note="FBI director")},
        forecasts={"q-law-by-june": Forecast(probability=congress, reason="attached to the aid bill", made_on=D(2024, 3, 20))},
        answers={"pr-hearing": "The hearing went badly for the CEO."},
        snapshots=[Snapshot(date=D(2024, 3, 13), values={"p-congress": 0.5}), Snapshot(date=D(2024, 5, 1), values={"p-congress": congress})],
    )


def main() -> None:
    pack_2020 = load_pack(PACKS_DIR / "tiktok-2020.json")
    pack_2024 = load_pack(PACKS_DIR / "tiktok-2024.json")
    copied = record_2020("Ben's run", "classroom", "r-commerce", 0.3)
    files = {
        "ana-lopez.json": (record_2020("Ana's run", "classroom", "r-nsc", 0.7), pack_2020, "Ana López", None),
        "ana-lopez-explore.json": (record_2020("Ana at home", "explore", "r-nsc", 0.2), pack_2020, "ana  lópez", None),
        "ben-okafor.json": (copied, pack_2020, "Ben Okafor", None),
        "cara-copy.json": (copied, pack_2020, "Cara Diaz", None),
        "dev-early.json": (record_2020("Dev's run", "classroom", "r-senator", 0.9, revealed=D(2020, 9, 1)), pack_2020, "Dev Patel",
                           dt.datetime(2026, 11, 30, 14, 5, tzinfo=dt.timezone.utc)),
        "eve-2024.json": (record_2024("Eve's run", 0.8), pack_2024, "Eve Martin", None),
        "finn-2024.json": (record_2024("Finn's run", 0.4), pack_2024, "Finn Berg", None),
    }
    for name, (record, pack, student, revealed_on) in files.items():
        (HERE / name).write_bytes(encode_submission(record, pack, student, EXPORTED, revealed_on))


if __name__ == "__main__":
    main()
