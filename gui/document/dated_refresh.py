"""Deferred updates for views of dated content that still keep the vintage rule.

A view behind another tab catches up only when shown (`WhenShown`), so stepping costs it
nothing. But a change that makes something unknown again (a step back past the day it became
known, or later events hidden again) would leave it in the hidden view: a prompt, a question,
a claim, where a screen reader, an export or the next glance could meet it. Such a change
updates the view at once, shown or not. Whether anything became unknown is one bisection
(`known_key`), so stepping back over quiet days still costs a hidden view nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from gui.document.document import Document
from gui.widgets.when_shown import WhenShown
from scenario.known import known_key
from scenario.model import Pack


class DatedRefresh(WhenShown):
    def __init__(self, widget: QWidget, document: Document, update: Callable[[], None],
                 needed_now: Callable[[], bool] | None = None) -> None:
        super().__init__(widget, update, needed_now=lambda: self._unknown_again or (needed_now is not None and needed_now()))
        self._document = document
        self._known = self._known_now()  # as the view was built: it shows what was known then
        self._unknown_again = False

    def _known_now(self) -> tuple[Pack, float] | None:
        """How much is known, in which pack (counts of different packs do not compare)."""
        document = self._document
        if document.loaded is None or document.date is None:
            return None
        pack = document.loaded.pack
        return pack, math.inf if document.later_events_shown else known_key(pack, document.date)

    def __call__(self, *args: object) -> None:
        last, self._known = self._known, self._known_now()
        self._unknown_again = self._known is not None and last is not None and last[0] is self._known[0] and self._known[1] < last[1]
        super().__call__(*args)
