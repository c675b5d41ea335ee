"""The handout on paper: what Classroom mode shows on one date, for one role.

The content is `scenario.handout`'s, which cuts the pack exactly as the app does; this module
only lays it out. Sources are numbered in order of first citation and listed at the end, with
reports published after an item first became known marked as later reports.
"""

from __future__ import annotations

from pathlib import Path

from gui.report.html import Page
from gui.report.pdf import write_pdf
from scenario.handout import Handout, ShownItem
from scenario.labels import SIDES, short_date


def write_handout(handout: Handout, out: Path) -> None:
    pack, role = handout.pack, handout.role
    numbers = {source: n for n, source in enumerate(handout.cited, start=1)}

    def cite(item: ShownItem) -> str:
        refs = [f"[{numbers[s]}]" + (" (later report)" if s in item.later_reports else "") for s in item.sources]
        return f"Sources: {', '.join(refs)}" if refs else ""

    def items(heading: str, kind: str, empty: str, dated: bool = True) -> None:
        page.heading(heading)
        shown = handout.of_kind(kind)
        for item in shown:
            page.paragraph(f"{short_date(item.date)}: {item.title}".rstrip(": ") if dated else item.title)
            page.paragraph(item.text, keep_lines=True)
            if cite(item):
                page.paragraph(cite(item), muted=True)
        if not shown:
            page.paragraph(empty, muted=True)

    page = Page()
    page.heading(f"{pack.title}, as known on {short_date(handout.date)}", 1)
    page.facts([("Scenario pack", f"{pack.title} (version {pack.version})"), ("Date", handout.banner[0]),
                ("Role", role.title if role is not None else "None"),
                ("Mode", "Classroom: only what was known on this date")])
    page.heading("Countdown")
    for line in handout.banner[1:]:
        page.paragraph(line)
    page.heading("Orders, laws and injunctions so far")
    page.table(("Instrument", "Status and note", "Sources"),
               ((i.title, i.text, cite(i).removeprefix("Sources: ")) for i in handout.of_kind("instrument")),
               empty="No order, law or injunction yet.")
    if role is not None:
        page.heading(f"Your role: {role.title}")
        page.paragraph(role.brief, keep_lines=True)
        page.paragraph("Objectives: " + "; ".join(role.objectives))
        if role.constraints:
            page.paragraph("Constraints: " + "; ".join(role.constraints))
        items("What your role has learned since", "role_note", "Nothing yet.")
    items("Events so far, newest first", "event", "No events yet.")
    arguments = {a.id: a for a in pack.arguments}
    for side, label in SIDES.items():
        page.heading(f"Arguments made so far: {label}")
        made = [i for i in handout.of_kind("argument") if arguments[i.id].side == side]
        for item in made:
            page.paragraph(f"{item.title} ({short_date(item.date)})")
            page.paragraph(item.text, keep_lines=True)
            page.paragraph(cite(item), muted=True)
        if not made:
            page.paragraph("None made yet.", muted=True)
    items("Open questions: give a probability and a reason", "question", "No question is open on this date.", dated=False)
    items("Prompts", "prompt", "No prompt yet.")
    page.heading("Sources")
    sources = {s.id: s for s in pack.sources}
    page.table(("No.", "Publisher", "Title", "Published", "Address"),
               ((str(numbers[s]), sources[s].publisher, sources[s].title, short_date(sources[s].date), sources[s].url)
                for s in handout.cited), empty="No sources cited.")
    write_pdf(page.html(), {}, out, f"Divestiture Lab handout: {pack.title}, {short_date(handout.date)}")
