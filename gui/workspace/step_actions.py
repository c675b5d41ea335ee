"""The stepping actions, created once so menu, buttons and keys share one enabled state."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from gui.document.document import Document
from scenario.rules import Move

_SPEC = [
    # move, text, shortcut, icon, tooltip
    (Move.FIRST, "First", "Home", QStyle.StandardPixmap.SP_MediaSkipBackward, "Go to the start of the pack"),
    (Move.PREVIOUS_EVENT, "Previous event", "Left", QStyle.StandardPixmap.SP_MediaSeekBackward, "Go back to the previous event"),
    (Move.PREVIOUS_DAY, "Previous day", "Shift+Left", QStyle.StandardPixmap.SP_ArrowLeft, "Go back one day"),
    (Move.NEXT_DAY, "Next day", "Shift+Right", QStyle.StandardPixmap.SP_ArrowRight, "Go forward one day"),
    (Move.NEXT_EVENT, "Next event", "Right", QStyle.StandardPixmap.SP_MediaSeekForward, "Go forward to the next event"),
    (Move.NEXT_DEADLINE, "Next deadline", "Ctrl+Right", QStyle.StandardPixmap.SP_CommandLink, "Go to the next known deadline"),
    (Move.LAST, "Last", "End", QStyle.StandardPixmap.SP_MediaSkipForward, "Go to the end of the pack"),
]


class StepActions(QObject):
    def __init__(self, document: Document, window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.actions: dict[Move, QAction] = {}
        style = window.style()
        for move, text, keys, icon, tip in _SPEC:
            action = QAction(style.standardIcon(icon), text, window)
            action.setShortcut(QKeySequence(keys))
            action.setToolTip(f"{tip} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
            action.triggered.connect(lambda _checked=False, m=move: document.step(m))
            window.addAction(action)
            self.actions[move] = action
        document.dateChanged.connect(self._update)
        self._update()

    def _update(self, *_: object) -> None:
        for move, action in self.actions.items():
            action.setEnabled(self.document.target(move) is not None)
