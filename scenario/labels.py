"""Words for the pack's codes and dates, in one place so every view says the same thing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from scenario.model import Instrument
from scenario.timeline import Countdown, InstrumentState, Timeline

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


def status_phrase(state: InstrumentState) -> str:
    """'In force since 6 Aug 2020', 'Announced 3 Aug 2020; not a legal order': the window's
    in-force list, the handout and the debrief say it the same way."""
    when = short_date(state.change.date)
    if state.instrument.kind == "announcement" and state.change.status == "pending":
        return f"Announced {when}; not a legal order"
    if state.change.status == "pending":
        return f"Announced {when}; not yet in force"
    return f"{STATUSES[state.change.status].capitalize()} since {when}"


def countdown_text(countdown: Countdown) -> str:
    """'33 days until: Commerce prohibitions take effect, 20 Sep 2020'."""
    d = countdown.deadline
    return f"{days_phrase(countdown.days)}: {d.title}, {short_date(d.date)}"


@dataclasses.dataclass(frozen=True)
class BannerText:
    """The countdown banner's words, shared by the window and the handout so both say the same."""

    date: str
    countdown: str
    then: str = ""  # what happens at the nearest deadline, and what set it
    also: str = ""  # the other pending deadlines

    def lines(self) -> tuple[str, ...]:
        return tuple(line for part in (self.date, self.countdown, self.then, self.also) for line in part.split("\n") if line)


def banner_text(timeline: Timeline, instruments: Mapping[str, Instrument], day: dt.date) -> BannerText:
    """`instruments` is the whole pack's: a deadline is known from its announcement, which may
    come before the order that sets it is published (and so before that order is known)."""
    countdowns = timeline.countdowns(day)
    if not countdowns:
        return BannerText(long_date(day), "No legal deadline is pending on this date.")
    nearest, *others = countdowns
    deadline = nearest.deadline
    then = f"What happens then: {deadline.takes_effect}\nSet by {instruments[deadline.set_by].name}: {deadline.rule}."
    also = "Also pending: " + "; ".join(countdown_text(c) for c in others) if others else ""
    return BannerText(long_date(day), countdown_text(nearest), then, also)
