"""Words for the pack's codes and dates, in one place so every view says the same thing."""

from __future__ import annotations

import datetime as dt

from scenario.timeline import Countdown

THEMES = {
    "security_data": "National security and data access",
    "content_manipulation": "Covert content manipulation",
    "free_expression": "Free expression",
    "due_process": "Due process and executive power",
    "economy": "Economy, creators and small businesses",
    "effectiveness": "Effectiveness and alternatives",
    "trade": "Trade, reciprocity and retaliation",
    "rule_of_law": "Rule of law and precedent",
}

SIDES = {"for": "For a ban or forced sale", "against": "Against"}

STATUSES = {
    "pending": "not yet in force",
    "in_force": "in force",
    "enjoined": "blocked by a court",
    "suspended": "suspended",
    "revoked": "revoked",
    "superseded": "superseded",
    "expired": "expired",
    "moot": "moot",
}

EVENT_KINDS = {
    "executive_order": "Executive order",
    "law": "Law",
    "legislation": "Legislation",
    "court": "Court",
    "regulator": "Regulator",
    "company": "Company",
    "foreign_government": "Foreign government",
    "negotiation": "Negotiation",
    "statement": "Statement",
    "report": "Report",
    "market": "Market",
}


def long_date(day: dt.date) -> str:
    """'Sun 20 Sep 2020': unambiguous to readers on both sides of the Atlantic."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def days_phrase(days: int) -> str:
    if days == 0:
        return "Today"
    return "1 day until" if days == 1 else f"{days} days until"


def countdown_text(countdown: Countdown) -> str:
    """'33 days until: Commerce prohibitions take effect, 20 Sep 2020'."""
    d = countdown.deadline
    return f"{days_phrase(countdown.days)}: {d.title}, {short_date(d.date)}"
