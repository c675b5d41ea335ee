"""The Role & prompts tab: the student's role (brief, objectives, constraints), what the role
has learned since (dated, sourced notes, shown from the date they became known), and the
teacher's prompts that have come up by the current date, each with the student's answer."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from gui.document.dated_refresh import DatedRefresh
from gui.document.changes import Change
from gui.document.editor import Editor
from gui.widgets.theme import MutedLabel, discard
from gui.widgets.plain import plain_label
from scenario.labels import short_date
from scenario.model import Prompt, Role
from scenario.record import ScenarioRecord

ANSWER_SAVE_DELAY_MS = 800  # save once the student pauses typing, not on every key


def role_text(role: Role) -> str:
    objectives = "\n".join(f"• {o}" for o in role.objectives)
    constraints = "\n".join(f"• {c}" for c in role.constraints)
    return f"{role.brief}\n\nObjectives:\n{objectives}" + (f"\n\nConstraints:\n{constraints}" if constraints else "")


class PromptEditor(QWidget):
    """One prompt and the answer box; the answer is saved shortly after typing stops."""

    def __init__(self, prompt: Prompt, editor: Editor) -> None:
        super().__init__()
        self.prompt, self.editor, self.document = prompt, editor, editor.document
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText("Your answer")
        self.answer.setAccessibleName(f"Your answer to: {prompt.text}")
        self.answer.setFixedHeight(90)
        self.answer.setTabChangesFocus(True)
        self._timer = QTimer(self, singleShot=True, interval=ANSWER_SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self.answer.textChanged.connect(self._timer.start)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.addWidget(plain_label(short_date(prompt.date), bold=True))
        layout.addWidget(plain_label(prompt.text))
        layout.addWidget(self.answer)

    def show_answer(self, text: str) -> None:
        """The saved answer, unless the student is typing one not yet saved here."""
        typing = self.answer.hasFocus() and self._timer.isActive()
        if self.answer.toPlainText() != text and not typing:
            self.answer.blockSignals(True)
            self.answer.setPlainText(text)
            self.answer.blockSignals(False)

    def save(self) -> None:
        self._timer.stop()
        self.editor.edit_answer(self.prompt.id, self.answer.toPlainText().strip())

    def commit_typed(self) -> None:
        """Save now if typing is still waiting to be saved (the editor or the window is about to go)."""
        if self._timer.isActive():
            self.save()


class RoleView(QScrollArea):
    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.document = document = editor.document
        self.editors: dict[str, PromptEditor] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Your role and the prompts")
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.role = QComboBox()
        self.role.setAccessibleName("Your role")
        self.role.currentIndexChanged.connect(lambda _i: editor.set_role(self.role.currentData()))
        self.role_text = plain_label("")
        self.notes_title = plain_label("What your role has learned since", bold=True)
        self.notes = plain_label("")
        self.notes.setAccessibleDescription("What your role has learned since the start")
        form = QFormLayout()
        form.addRow("Yo&ur role:", self.role)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.role_text)
        self.layout_.addWidget(self.notes_title)
        self.layout_.addWidget(self.notes)
        self.layout_.addSpacing(8)
        self.prompts_title = plain_label("Prompts", bold=True)
        self.layout_.addWidget(self.prompts_title)
        self.no_prompts = MutedLabel("No prompt has come up yet on this date.")
        self.layout_.addWidget(self.no_prompts)
        self.prompts_box = QVBoxLayout()
        self.layout_.addLayout(self.prompts_box)
        self.layout_.addStretch(1)
        self.setWidget(body)
        document.scenarioOpened.connect(self._scenario_opened)
        document.recordChanged.connect(self._record_changed)
        dated = DatedRefresh(self, document, self._show_dated)
        document.dateChanged.connect(dated)
        document.laterEventsShownChanged.connect(dated)
        if document.record is not None:  # built after the scenario opened (its tab first shown)
            self._scenario_opened(document.record)

    def _scenario_opened(self, record: ScenarioRecord) -> None:
        assert self.document.loaded is not None
        self.role.blockSignals(True)
        self.role.clear()
        self.role.addItem("No role", None)
        for role in self.document.loaded.pack.roles:
            self.role.addItem(role.title, role.id)
        self.role.blockSignals(False)
        self._record_changed(record, Change.ROLE)
        self._record_changed(record, Change.ANSWER)  # the prompts may be the same ones: their answers are not

    def _record_changed(self, record: ScenarioRecord, kind: Change) -> None:
        if kind is Change.ROLE:
            self.role.blockSignals(True)
            self.role.setCurrentIndex(max(0, self.role.findData(record.role)))
            self.role.blockSignals(False)
            role = self.current_role()
            self.role_text.setText(role_text(role) if role else "Take a role to see its brief, objectives and constraints.")
            self._show_notes()
            self._show_prompts()
        elif kind is Change.ANSWER:
            for prompt_id, editor in self.editors.items():
                editor.show_answer(record.answers.get(prompt_id, ""))

    def current_role(self) -> Role | None:
        assert self.document.loaded is not None
        record = self.document.record
        return next((r for r in self.document.loaded.pack.roles if record and r.id == record.role), None)

    def _show_dated(self) -> None:
        """What depends on the date (notes and prompts); while hidden, done when next shown."""
        self._show_notes()
        self._show_prompts()

    def _show_notes(self, *_: object) -> None:
        """The role's notes known by the current date, newest first, with the sources out by then."""
        document, role = self.document, self.current_role()
        notes = []
        if role is not None and document.timeline is not None and document.date is not None:
            vintage = document.timeline.vintage
            for note in reversed(role.notes):
                known = vintage.item(note)
                if known <= document.date or document.later_events_shown:
                    sources = "; ".join(s.publisher + (" (later report)" if later else "") for s, later in document.sources_shown(note.sources, known))
                    notes.append(f"{short_date(note.date)}: {note.text} ({sources})")
        self.notes.setText("\n\n".join(notes))
        for label in (self.notes_title, self.notes):
            label.setVisible(bool(notes))

    def _show_prompts(self, *_: object) -> None:
        document = self.document
        if document.loaded is None or document.date is None or document.record is None:
            return
        day: dt.date = document.date
        role = document.record.role
        shown = [p for p in reversed(document.loaded.pack.prompts) if p.date <= day and (not p.roles or role in p.roles)]
        if [p.id for p in shown] == list(self.editors):
            return  # same prompts: keep the editors (and whatever is being typed) as they are
        for editor in self.editors.values():
            editor.commit_typed()
            discard(editor)
        self.editors = {}
        for prompt in shown:
            editor = PromptEditor(prompt, self.editor)
            editor.show_answer(document.record.answers.get(prompt.id, ""))
            self.prompts_box.addWidget(editor)
            self.editors[prompt.id] = editor
        self.no_prompts.setVisible(not shown)
        self.prompts_title.setText(f"Prompts ({len(shown)})")
