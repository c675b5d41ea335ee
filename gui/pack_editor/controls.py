"""One input control per kind of field, chosen from its spec: the form never knows a field by name.

Each control shows a JSON value from the draft and reports the value the author made, as the
draft holds it (dates as ISO text, a left-out optional field as ABSENT). Values a control
cannot show (a date that is not one, a reference to nothing) are shown as they are, so the
author sees what is wrong instead of a control quietly changing it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDoubleSpinBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget,
)

from gui.widgets.text import plain_tooltip
from scenario.authoring.draft import ABSENT
from scenario.authoring.fields import FieldSpec
from scenario.userfile import shorten

NUMBER_LIMIT = 1e12  # far beyond any figure in a pack; a spin box needs some range


class _WindowUndo(QObject):
    """Ctrl+Z in a text field undoes the pack edit, not the field's own typing.

    Every keystroke is already an edit on the window's undo stack; a field undoing on its own
    would change its text without telling the draft, and the two would disagree.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            return True  # not accepted by the field: the window's Undo/Redo shortcut takes the key
        return False


_WINDOW_UNDO = _WindowUndo()


def keep_undo_for_window(edit: QLineEdit | QPlainTextEdit) -> None:
    if isinstance(edit, QPlainTextEdit):
        edit.setUndoRedoEnabled(False)
    edit.installEventFilter(_WINDOW_UNDO)


class FieldControl(QWidget):
    """Base: `edited(value, typing)` when the author changes the value."""

    edited = Signal(object, bool)

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__()
        self.spec = spec
        self._showing = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.layout_ = layout

    def show_value(self, value: Any) -> None:
        self._showing = True
        try:
            self._show(value)
        finally:
            self._showing = False

    def _emit(self, value: Any, typing: bool = False) -> None:
        if not self._showing:
            self.edited.emit(value, typing)

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def focus_input(self) -> None:
        (self.focusProxy() or self).setFocus(Qt.FocusReason.OtherFocusReason)

    def name(self, label: str, description: str) -> None:
        """Name the input a screen reader lands on (the one taking focus, not this container)."""
        target = self.focusProxy() or self
        target.setAccessibleName(label)
        target.setAccessibleDescription(description)


class LineControl(FieldControl):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.edit = QLineEdit()
        keep_undo_for_window(self.edit)
        self.layout_.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(lambda text: self._emit(text, True))

    def _show(self, value: Any) -> None:
        text = value if isinstance(value, str) else ("" if value is ABSENT or value is None else str(value))
        if self.edit.text() != text:
            self.edit.setText(text)
            self.edit.setCursorPosition(0)  # a long title reads from its start


class LongTextControl(FieldControl):
    """Plain text only, with "n / limit" so the author sees the limit before the checker says it."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        keep_undo_for_window(self.edit)
        lines = QFontMetrics(self.edit.font()).lineSpacing()
        self.edit.setFixedHeight(lines * 5 + 12)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.count.setAccessibleDescription(f"Length of {spec.name} against its limit")
        column.addWidget(self.edit)
        column.addWidget(self.count)
        self.layout_.addLayout(column)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._changed)

    def _changed(self) -> None:
        text = self.edit.toPlainText()
        self._update_count(text)
        self._emit(text, True)

    def _update_count(self, text: str) -> None:
        limit = self.spec.max_length
        over = limit is not None and len(text) > limit
        self.count.setText(f"{len(text)} / {limit}" + ("  (too long)" if over else ""))
        font = self.count.font()
        font.setBold(over)  # said in words and weight, so it reads in either theme
        self.count.setFont(font)

    def _show(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.edit.toPlainText() != text:
            self.edit.setPlainText(text)
        self._update_count(text)


class LinesControl(LongTextControl):
    """A list of short texts (objectives, constraints): one per line."""

    def _changed(self) -> None:
        text = self.edit.toPlainText()
        self.count.setText(f"{len(text.splitlines())} lines")
        self._emit(text.split("\n") if text else [], True)

    def _show(self, value: Any) -> None:
        lines = value if isinstance(value, list) else []
        text = "\n".join(str(line) for line in lines)
        if self.edit.toPlainText() != text:
            self.edit.setPlainText(text)
        self.count.setText(f"{len(lines)} lines")


class DateControl(FieldControl):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(QDate(1900, 1, 1))
        self.edit.setMaximumDate(QDate(2199, 12, 31))
        self.bad = QLabel()
        self.bad.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.edit)
        self.layout_.addWidget(self.bad, 1)
        self.setFocusProxy(self.edit)
        self.edit.dateChanged.connect(lambda day: self._emit(day.toPython().isoformat()))

    def _show(self, value: Any) -> None:
        try:
            day = dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            day = None
        self.bad.setText("" if day is not None else f"not a date: {value!s:.40}")
        if day is not None:
            self.edit.setDate(QDate(day.year, day.month, day.day))


class ChoiceControl(FieldControl):
    """A Literal's values, or for a reference the ids of the list it names."""

    def __init__(self, spec: FieldSpec, choices: Callable[[], dict[Any, str]]) -> None:
        """`choices`: each value with what it is called ("" when it says enough itself)."""
        super().__init__(spec)
        self.choices = choices
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(20)
        self.layout_.addWidget(self.combo, 1)
        self.setFocusProxy(self.combo)
        self.combo.activated.connect(lambda n: self._emit(self.combo.itemData(n)))

    def _show(self, value: Any) -> None:
        self.combo.clear()
        choices = self.choices()
        values = list(choices)
        if value not in choices:
            values.insert(0, value)  # shown as it is: the checker says what is wrong with it
        for item in values:
            self.combo.addItem(_choice_text(item, choices.get(item, ""), self.spec), item)
        self.combo.setCurrentIndex(values.index(value))


def _choice_text(value: Any, called: str, spec: FieldSpec) -> str:
    """An id with what it names ("s-wray-nov — FBI chief warns…"): ids alone are hard to tell apart."""
    if value is ABSENT or value is None:
        return "(none)" if spec.nullable or not spec.required else "(choose one)"
    if value == "":
        return "(choose one)"
    return f"{value} — {shorten(called, 80)}" if called else str(value)


class RefsControl(FieldControl):
    """A list of ids chosen from another list: ticked in the order they are cited."""

    def __init__(self, spec: FieldSpec, choices: Callable[[], dict[str, str]]) -> None:
        super().__init__(spec)
        self.choices = choices
        self.list = QListWidget()
        self.list.setMaximumHeight(QFontMetrics(self.list.font()).lineSpacing() * 6 + 12)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # long titles end in "…"; the tooltip has them whole
        self.layout_.addWidget(self.list, 1)
        self.setFocusProxy(self.list)
        self.list.itemChanged.connect(self._ticked)
        self._value: list[Any] = []

    def _ticked(self, item: QListWidgetItem) -> None:
        ref = item.data(Qt.ItemDataRole.UserRole)
        chosen = [r for r in self._value if r != ref]
        if item.checkState() == Qt.CheckState.Checked:
            chosen.append(ref)
        self._emit(chosen)

    def _show(self, value: Any) -> None:
        self._value = list(value) if isinstance(value, list) else []
        known = self.choices()
        shown = [self.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.list.count())]
        if not (set(shown) == set(self._value) | set(known) and len(shown) == len(set(shown))):
            self.list.clear()  # other ids than last time: cited first, in their order, then the rest
            shown = self._value + [r for r in known if r not in self._value]
            for ref in shown:
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, ref)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                self.list.addItem(item)
        for n, ref in enumerate(shown):  # the same ids as shown: updated in place, so the list does not jump under the pointer
            item = self.list.item(n)
            item.setText(_choice_text(ref, known[ref], self.spec) if ref in known else f"{ref} (unknown)")
            item.setToolTip(plain_tooltip(known.get(ref, "")))
            item.setCheckState(Qt.CheckState.Checked if ref in self._value else Qt.CheckState.Unchecked)


class BoolControl(FieldControl):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.box = QCheckBox()
        self.layout_.addWidget(self.box)
        self.setFocusProxy(self.box)
        self.box.toggled.connect(lambda on: self._emit(on))

    def _show(self, value: Any) -> None:
        self.box.setChecked(value is True)


class NumberControl(FieldControl):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.box: QSpinBox | QDoubleSpinBox
        if spec.kind == "int":
            self.box = QSpinBox()
            self.box.setRange(int(spec.ge if spec.ge is not None else -2**31), int(spec.le if spec.le is not None else 2**31 - 1))
        else:
            self.box = QDoubleSpinBox()
            self.box.setDecimals(4)
            self.box.setRange(spec.ge if spec.ge is not None else -NUMBER_LIMIT, spec.le if spec.le is not None else NUMBER_LIMIT)
        self.box.setKeyboardTracking(False)
        self.layout_.addWidget(self.box)
        self.layout_.addStretch(1)
        self.setFocusProxy(self.box)
        self.box.valueChanged.connect(self._changed)

    def _changed(self, value: float) -> None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 1, not 1.0, as authors write whole numbers
        self._emit(value)

    def _show(self, value: Any) -> None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.box.setValue(value)


class OptionalControl(FieldControl):
    """A field that may be left out (`X | None`): a tick to give it a value, then its control."""

    def __init__(self, spec: FieldSpec, inner: FieldControl, start: Callable[[], Any]) -> None:
        super().__init__(spec)
        self.inner, self.start = inner, start
        self.given = QCheckBox("set")
        self.layout_.addWidget(self.given)
        self.layout_.addWidget(inner, 1)
        self.setFocusProxy(self.given)
        self.given.toggled.connect(self._toggled)
        inner.edited.connect(lambda value, typing: self._emit(value, typing))

    def name(self, label: str, description: str) -> None:
        self.given.setAccessibleName(f"{label}: set")  # the tick's own word stays in its name
        self.given.setAccessibleDescription(f"Give {label} a value, or leave it out")
        self.inner.name(label, description)

    def _toggled(self, on: bool) -> None:
        self.inner.setEnabled(on)
        self._emit(self.start() if on else ABSENT)

    def _show(self, value: Any) -> None:
        given = value is not ABSENT and value is not None
        self.given.setChecked(given)
        self.inner.setEnabled(given)
        if given:
            self.inner.show_value(value)
