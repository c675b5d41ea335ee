"""Say a passing message to a screen reader, as a live region would on the web (WCAG 4.1.3).

A notice in the status bar ("Submission saved to …", "A forecast question opened") is plain
text that changes where the focus is not: a screen reader does not read it unless told to.
Qt 6.8 added announcement events for this; "polite" waits until the reader has finished.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(source: QWidget, message: str) -> None:
    """`source` is the widget that shows the message; an empty message (one cleared) says nothing."""
    if message:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(source, message))
