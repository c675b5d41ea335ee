"""The form for one record, built from its spec, and the small tables of records nested in it.

Nothing here names a field: a field added to a record in `scenario.model` gets a control from
its kind, so the editor keeps up with the format without new code.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QToolButton,
    QVBoxLayout, QWidget,
)

from gui.pack_editor.controls import (
    BoolControl, ChoiceControl, DateControl, FieldControl, LineControl, LinesControl, LongTextControl, NumberControl,
    OptionalControl, RefsControl,
)
from gui.pack_editor.pack_editor import PackEditor
from gui.pack_editor.section_model import SectionModel
from gui.widgets.text import plain_tooltip
from scenario.authoring.draft import Path as TreePath
from scenario.authoring.fields import (
    FieldSpec, RecordSpec, Section, date_field, empty_value, record_label, ref_choices, ref_ids, ref_words, title_field,
)
from scenario.authoring.ids import suggest_id


def field_label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def field_help(spec: FieldSpec) -> str:
    """The tooltip: what the model says of the field, and its limits."""
    parts = [spec.description] if spec.description else []
    if spec.max_length and spec.kind == "text":
        parts.append(f"At most {spec.max_length} characters.")
    if spec.ref:
        parts.append(f"An id from the {ref_words(spec.ref)}.")
    parts.append("Required." if spec.required else "May be left out.")
    return " ".join(parts)


class RecordForm(QWidget):
    """Every field of the record at `path`; `exclude` names fields edited elsewhere (the pack's lists)."""

    def __init__(self, editor: PackEditor, path: TreePath, spec: RecordSpec, today: dt.date, exclude: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.editor, self.document = editor, editor.document
        self.path, self.spec, self.today = path, spec, today
        self.controls: dict[str, FieldControl] = {}
        self.nested: dict[str, NestedRecords] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for field in spec.fields:
            if field.name in exclude:
                continue
            label = QLabel(field_label(field.name) + ("" if field.required else " (optional)"))
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setToolTip(plain_tooltip(field_help(field)))
            if field.kind == "records":
                assert field.record is not None
                nested = NestedRecords(editor, (*path, field.name), field, today)
                self.nested[field.name] = nested
                label.setAlignment(Qt.AlignmentFlag.AlignTop)
                form.addRow(label, nested)
                continue
            control = self._control(field)
            control.setToolTip(plain_tooltip(field_help(field)))
            control.name(label.text(), field_help(field))
            label.setBuddy(control.focusProxy() or control)
            control.edited.connect(lambda value, typing, name=field.name: self.editor.edit_value((*self.path, name), value, typing))
            self.controls[field.name] = control
            form.addRow(label, self._with_id_button(control) if field.kind == "id" else control)
        self.refresh()
        self.document.valueChanged.connect(self._value_changed)

    def _control(self, field: FieldSpec) -> FieldControl:
        inner = self._plain_control(field)
        if field.nullable:
            return OptionalControl(field, inner, lambda: self._first_value(field))
        return inner

    def _plain_control(self, field: FieldSpec) -> FieldControl:
        kind = field.kind
        if kind == "date":
            return DateControl(field)
        if kind == "choice":
            return ChoiceControl(field, lambda: dict.fromkeys(field.choices, ""))
        if kind == "ref":
            assert field.ref is not None
            ref = field.ref
            return ChoiceControl(field, lambda: ref_choices(self.document.tree, ref))
        if kind == "refs":
            assert field.ref is not None
            ref = field.ref
            return RefsControl(field, lambda: ref_choices(self.document.tree, ref))
        if kind == "bool":
            return BoolControl(field)
        if kind in ("int", "float"):
            return NumberControl(field)
        if kind == "lines":
            return LinesControl(field)
        if field.long:
            return LongTextControl(field)
        return LineControl(field)

    def _first_value(self, field: FieldSpec) -> Any:
        """What a left-out field gets when the author ticks it: a valid id if it names one."""
        if field.ref:
            ids = ref_ids(self.document.tree, field.ref)
            return ids[0] if ids else ""
        return empty_value(field, self.today)

    def _with_id_button(self, control: FieldControl) -> QWidget:
        """The id, and a button that offers one made from the record's title."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(control, 1)
        button = QToolButton()
        button.setText("From title")
        button.setToolTip("Offer an id made from the title, unused in this list")
        button.clicked.connect(self.offer_id)
        button.setEnabled(title_field(self.spec) is not None)
        layout.addWidget(button)
        row.setFocusProxy(control)
        return row

    def offer_id(self) -> None:
        name = title_field(self.spec)
        if name is None:
            return
        title = self.document.get((*self.path, name))
        own = self.document.get((*self.path, "id"))
        taken = set(self.document.draft.ids(self.path[:-1])) - {own}
        self.editor.edit_value((*self.path, "id"), suggest_id(title if isinstance(title, str) else "", taken))

    def refresh(self) -> None:
        for name, control in self.controls.items():
            control.show_value(self.document.get((*self.path, name)))
        for nested in self.nested.values():
            nested.refresh()

    def _value_changed(self, path: TreePath) -> None:
        depth = len(self.path)
        if path[:depth] != self.path:
            if self.path[: len(path)] == path:  # the record itself, or what holds it, was replaced
                self.refresh()
            return
        if len(path) == depth:
            self.refresh()
        elif path[depth] in self.controls and len(path) == depth + 1:
            self.controls[path[depth]].show_value(self.document.get(path))
        elif path[depth] in self.controls:  # an item of a list of ids or lines
            name = path[depth]
            self.controls[name].show_value(self.document.get((*self.path, name)))

    def focus_field(self, rest: TreePath) -> None:
        """Show and focus the field at `rest` (a field name, then maybe a nested row and its field)."""
        if not rest:
            return
        name = rest[0]
        if name in self.controls:
            self.controls[name].focus_input()
        elif name in self.nested:
            self.nested[name].focus_item(rest[1:])


class NestedRecords(QWidget):
    """A list of records inside a record (status changes, role notes, evidence, positions): a small table and a form."""

    def __init__(self, editor: PackEditor, list_path: TreePath, field: FieldSpec, today: dt.date) -> None:
        super().__init__()
        assert field.record is not None
        self.editor, self.document = editor, editor.document
        self.list_path, self.spec, self.today = list_path, field.record, today
        self.model = SectionModel(self.document, Section(field_label(field.name), (list_path,)), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setColumnHidden(0, self.spec.field("id") is None)
        self.table.setColumnHidden(2, date_field(self.spec) is None)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rows = self.table.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(rows)
        self.table.setMinimumHeight(rows * 5 + 4)  # a header and four rows
        self.table.setMaximumHeight(rows * 7 + 4)
        self.table.setAccessibleName(field_label(field.name))
        add = QPushButton("Add")
        add.setToolTip(f"Add a {record_label(self.spec)} after the selected one")
        self.remove = QPushButton("Remove")
        add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        self.form_box = QGroupBox(f"The selected {record_label(self.spec)}")  # the item's form, apart from its owner's
        self.form_holder = QVBoxLayout(self.form_box)
        self.form: RecordForm | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.form_box)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show_form(current.row()))
        self.model.rowsInserted.connect(lambda _parent, first, _last: self.select(first))
        self.model.rowsRemoved.connect(lambda _parent, first, _last: self.select(min(first, self.model.rowCount() - 1)))
        self.model.modelReset.connect(self.refresh)

    def refresh(self) -> None:
        self.select(max(self.table.currentIndex().row(), 0))

    def select(self, row: int) -> None:
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(min(max(row, 0), self.model.rowCount() - 1), 1))
        self._show_form(self.table.currentIndex().row() if self.model.rowCount() else -1)

    def _show_form(self, row: int) -> None:
        self.remove.setEnabled(row >= 0)
        path = self.model.path_at(row)
        if self.form is not None and self.form.path != path:
            self.form.setParent(None)
            self.form.deleteLater()
            self.form = None
        if path is not None and self.form is None:
            self.form = RecordForm(self.editor, path, self.spec, self.today)
            self.form_holder.addWidget(self.form)
        self.form_box.setVisible(self.form is not None)

    def _add(self) -> None:
        self.editor.add_row(self.list_path, self.table.currentIndex().row() + 1, self.spec, self.today)

    def _remove(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.editor.remove_row(self.list_path, row)

    def focus_item(self, rest: TreePath) -> None:
        if rest and isinstance(rest[0], int) and rest[0] < self.model.rowCount():
            self.select(rest[0])
            if self.form is not None:
                self.form.focus_field(rest[1:])
        else:
            self.table.setFocus()
