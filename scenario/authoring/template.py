"""The pack a new pack starts from: the smallest one the loader accepts, with one of each record
an author needs first, so the editor opens on something valid that shows what goes where."""

from __future__ import annotations

import datetime as dt
from typing import Any

DEFAULT_LENGTH = dt.timedelta(days=90)  # about a school term: long enough to add events without first moving the end


def blank_pack(today: dt.date) -> dict[str, Any]:
    """A valid pack dated from `today`, ready for `encode_pack_json`; every text says what replaces it.

    Dated from today rather than a fixed year, so an author's first events (usually recent ones)
    fall inside its range. No text names a date, so the vintage check has nothing to warn about.
    """
    day = today.isoformat()
    return {
        "format": 1,
        "id": "new-pack",
        "version": "0.1",
        "title": "Replace this with the pack's title",
        "summary": "Replace this with one line for the start page.",
        "teaser": "Replace this with the line shown in Classroom mode: it must not give away what happened.",
        "description": "Replace this with what the pack covers, for the teacher choosing it.",
        "start": day,
        "end": (today + DEFAULT_LENGTH).isoformat(),
        "sources": [{
            "id": "first-source",
            "publisher": "Replace this with the publisher",
            "title": "Replace this with the article's or document's title",
            "date": day,
            "url": "https://example.org/replace-this-with-the-address",
        }],
        "stakeholders": [{
            "id": "first-stakeholder",
            "name": "Replace this with a person, body or company",
            "kind": "government",
        }],
        "events": [{
            "id": "first-event",
            "date": day,
            "title": "Replace this with what happened",
            "detail": "Replace this with the details a student needs, as the source reports them.",
            "kind": "statement",
            "sources": ["first-source"],
            "stakeholders": ["first-stakeholder"],
        }],
        "instruments": [],
        "deadlines": [],
        "arguments": [],
        "roles": [],
        "assumptions": [],
        "questions": [],
        "prompts": [],
        "disagreements": [],
    }
