"""The full text of whatever the reader selected, with its sources as safe links.

Sources follow the vintage rule (`Document.sources_shown`): in Classroom mode a source appears
only once it is published, and one published after the item first became known is marked as a
later report. So the pane is redrawn on every date change, not only on a new selection.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from gui.widgets.focus_mark import FocusMark
from gui.document.document import Document
from gui.widgets.text import esc, link
from scenario.labels import EVENT_KINDS, SIDES, THEMES, short_date, status_phrase
from scenario.model import Argument, Disagreement, Event
from scenario.timeline import InstrumentState

EMPTY = "Select an item to read it in full, with its sources."


class DetailView(QTextBrowser):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document  # not `self.document`: QTextBrowser.document() is its own text
        self._item: object = None
        self.setOpenLinks(False)
        self.setAccessibleName("Details of the selected item")
        FocusMark(self)
        self.anchorClicked.connect(self._open)
        self.setPlaceholderText(EMPTY)
        document.selectionChanged.connect(self.show_item)
        document.dateChanged.connect(self._date_changed)
        document.laterEventsShownChanged.connect(self._date_changed)

    def show_item(self, item: object) -> None:
        if isinstance(item, Event):
            html = self._event(item)
        elif isinstance(item, Argument):
            html = self._argument(item)
        elif isinstance(item, InstrumentState):
            html = self._instrument(item)
        elif isinstance(item, Disagreement):
            html = self._disagreement(item)
        else:
            html = ""
        self._item = item
        self.setHtml(html)

    def _date_changed(self, _day: object) -> None:
        # Sources come out over time, and an argument's "answered by" list grows: redraw, without spoilers.
        if self._item is not None:
            self.show_item(self._item)

    def _sources(self, ids: list[str], known: dt.date) -> str:
        items = []
        for s, later in self.doc.sources_shown(ids, known):
            kind = " (primary document)" if s.primary else ""
            marked = " <b>(later report)</b>" if later else ""
            note = f" <i>{esc(s.note)}</i>" if s.note else ""
            items.append(f"<li>{esc(s.publisher)}, {esc(short_date(s.date))}: {link(s.url, s.title)}{kind}{marked}{note}</li>")
        return "<h4>Sources</h4><ul>" + "".join(items) + "</ul>"

    def _event(self, e: Event) -> str:
        assert self.doc.timeline is not None
        return (
            f"<h3>{esc(e.title)}</h3><p><b>{esc(short_date(e.date))}</b> · {esc(EVENT_KINDS[e.kind])}</p>"
            f"<p>{esc(e.detail)}</p>{self._sources(e.sources, self.doc.timeline.vintage.item(e))}"
        )

    def _argument(self, a: Argument) -> str:
        assert self.doc.timeline is not None and self.doc.date is not None
        quote = f"<blockquote>“{esc(a.quote)}”</blockquote>" if a.quote else ""
        made = {x.id: x for x in self.doc.timeline.arguments_made(self.doc.date)}
        answers = [made[r] for r in a.rebuttals if r in made]
        answered = "".join(f"<li>{esc(r.claim)} ({esc(r.speaker)}, {esc(short_date(r.date))})</li>" for r in answers)
        answered = f"<h4>Answered by</h4><ul>{answered}</ul>" if answers else ""
        return (
            f"<h3>{esc(a.claim)}</h3><p><b>{esc(SIDES[a.side])}</b> · {esc(THEMES[a.theme])}</p>"
            f"<p>Made by {esc(a.speaker)}, first on {esc(short_date(a.date))}</p>{quote}"
            f"<p>{esc(a.detail)}</p>{answered}{self._sources(a.sources, self.doc.timeline.vintage.item(a))}"
        )

    def _instrument(self, s: InstrumentState) -> str:
        assert self.doc.timeline is not None
        i = s.instrument
        return (
            f"<h3>{esc(i.name)}: {esc(i.title)}</h3>"
            f"<p><b>{esc(status_phrase(s))}</b>: {esc(s.change.note)}</p>"
            f"<p>{esc(i.summary)}</p>{self._sources(s.change.sources, self.doc.timeline.vintage.item(s.change))}"
        )

    def _disagreement(self, d: Disagreement) -> str:
        assert self.doc.timeline is not None and self.doc.date is not None
        vintage, day = self.doc.timeline.vintage, self.doc.date
        known = [(p, vintage.position(d, p)) for p in d.positions]
        shown = known if self.doc.later_events_shown else [(p, when) for p, when in known if when <= day]
        positions = "".join(f"<h4>Position {n}</h4><p>{esc(p.claim)}</p>{self._sources(p.sources, when)}"
                            for n, (p, when) in enumerate(shown, 1))
        return (
            f"<h3>{esc(d.topic)}</h3><p>The sources disagree; the app does not choose between them. "
            f"Weigh each source yourself.</p>{positions}"
        )

    def _open(self, url: QUrl) -> None:
        if url.scheme() == "https":
            QDesktopServices.openUrl(url)
