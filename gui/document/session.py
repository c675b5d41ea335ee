"""The one object every view talks to: the open pack and scenario, the date, the selection.

Views call Session methods and redraw on its signals; they never call each other. That keeps
each view replaceable and testable alone, and makes a step one signal, not a web of calls.
Every user edit goes through `edit_*` as an undo command, is saved at once through
`Autosave`, and comes back to the views as `recordChanged`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from gui.document.autosave import Autosave
from gui.document.commands import DeleteScenario, DuplicateScenario, RenameScenario, SetAssumption, SetEntry, SetWeight
from scenario.model import Question, Source
from scenario.pack import LoadedPack, PackError, Problem, discover_packs, load_pack
from scenario.record import Mode, ScenarioRecord, with_answer, with_assumption, with_forecast, with_weight
from scenario.timeline import Timeline
from store.files import write_atomic
from store.scenarios import Store

DATE_SAVE_DELAY_MS = 400  # stepping is fast; the date is saved once the student pauses

def _keyed(change: Callable[..., ScenarioRecord]) -> Callable[..., ScenarioRecord]:
    return lambda record, key, value, day: change(record, key, value)


def _field(name: str) -> Callable[..., ScenarioRecord]:
    return lambda record, key, value, day: msgspec.structs.replace(record, **{name: value})


# kind -> how an edit changes the record, and how the store saves it
_EDITS: dict[str, tuple[Callable[..., ScenarioRecord], Callable[..., None]]] = {
    "assumption": (with_assumption, lambda store, sid, key, value, day: store.save_assumption(sid, key, value, day)),
    "weight": (_keyed(with_weight), lambda store, sid, key, value, day: store.save_weight(sid, key, value)),
    "forecast": (_keyed(with_forecast), lambda store, sid, key, value, day: store.save_forecast(sid, key, value)),
    "answer": (_keyed(with_answer), lambda store, sid, key, value, day: store.save_answer(sid, key, value)),
    "role": (_field("role"), lambda store, sid, key, value, day: store.set_role(sid, value)),
    "reveal": (_field("revealed_at"), lambda store, sid, key, value, day: store.set_revealed(sid, value)),
}


class Move(enum.Enum):
    FIRST = "first"
    PREVIOUS_EVENT = "previous_event"
    PREVIOUS_DAY = "previous_day"
    NEXT_DAY = "next_day"
    NEXT_EVENT = "next_event"
    NEXT_DEADLINE = "next_deadline"
    LAST = "last"


_TARGETS: dict[Move, Callable[[Timeline, dt.date], dt.date | None]] = {
    Move.FIRST: lambda t, d: t.start,
    Move.PREVIOUS_EVENT: Timeline.previous_event,
    Move.PREVIOUS_DAY: Timeline.previous_day,
    Move.NEXT_DAY: Timeline.next_day,
    Move.NEXT_EVENT: Timeline.next_event,
    Move.NEXT_DEADLINE: Timeline.next_deadline,
    Move.LAST: lambda t, d: t.end,
}


class Session(QObject):
    packOpened = Signal(object)  # LoadedPack
    dateChanged = Signal(object)  # dt.date
    selectionChanged = Signal(object)  # Event | Argument | InstrumentState | None
    revealChanged = Signal(bool)
    scenarioOpened = Signal(object)  # ScenarioRecord
    recordChanged = Signal(object, str)  # ScenarioRecord, kind of edit ("assumption", "weight", ...)
    scenariosChanged = Signal()  # the list of saved scenarios changed (name, deleted, added)
    revealRequested = Signal()  # Classroom mode: the student asked for the end; the window confirms

    def __init__(self, store: Store | None, packs_dirs: tuple[Path, Path], unavailable: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.packs_dirs = packs_dirs  # installed packs, then the user's kept ones
        self.autosave = Autosave(store, unavailable, self)
        self.undo_stack = QUndoStack(self)
        self.loaded: LoadedPack | None = None
        self.timeline: Timeline | None = None
        self.date: dt.date | None = None
        self.record: ScenarioRecord | None = None
        self.scenario_id: int | None = None
        self.reveal_later = False
        self._reveal_wanted = False
        self._sources: dict[str, Source] = {}
        self._date_timer = QTimer(self, singleShot=True, interval=DATE_SAVE_DELAY_MS)
        self._date_timer.timeout.connect(self._save_date)

    # Scenarios

    def start_scenario(self, loaded: LoadedPack, name: str | None = None, mode: Mode = "explore", role: str | None = None) -> None:
        """A new named scenario on `loaded`, saved at once so a crash cannot lose it."""
        base = name or loaded.pack.title
        record = ScenarioRecord(name=self.store.free_name(base) if self.store else base, pack_id=loaded.pack.id, mode=mode, role=role)
        scenario_id = self.store.create(record) if self.store else None
        self._open(record, scenario_id, loaded)
        self.scenariosChanged.emit()

    def open_scenario(self, scenario_id: int) -> None:
        """Raises PackError when the scenario's pack is no longer installed."""
        assert self.store is not None
        record = self.store.load(scenario_id)
        self._open(record, scenario_id, self.find_pack(record.pack_id))

    def resume_or_start(self, loaded: LoadedPack) -> None:
        """The most recent scenario on this pack, or a new one: what `--pack` and the start page do."""
        for summary in self.store.list_scenarios() if self.store else []:
            if summary.pack_id == loaded.pack.id:
                record = self.store.load(summary.id)
                self._open(record, summary.id, loaded)
                return
        self.start_scenario(loaded)

    def find_pack(self, pack_id: str) -> LoadedPack:
        if self.loaded is not None and self.loaded.pack.id == pack_id:
            return self.loaded
        for entry in discover_packs(*self.packs_dirs):
            if entry.loaded is not None and entry.loaded.pack.id == pack_id:
                return entry.loaded
        raise PackError(pack_id, [Problem("", "this scenario's pack is not installed")])

    def keep_pack(self, loaded: LoadedPack) -> LoadedPack:
        """A pack opened from a file, copied into the data folder so its scenarios can be resumed.

        Raises PackError when another pack already uses its id, or the copy cannot be written.
        """
        if any(loaded.path.parent.resolve() == folder.resolve() for folder in self.packs_dirs):
            return loaded
        for entry in discover_packs(*self.packs_dirs):
            if entry.loaded is not None and entry.loaded.pack.id == loaded.pack.id:
                if entry.loaded.digest == loaded.digest:
                    return entry.loaded
                raise PackError(loaded.path, [Problem("id", f"a different pack with the id '{loaded.pack.id}' is already there: {entry.path}")])
        kept = self.packs_dirs[-1] / f"{loaded.pack.id}.json"
        try:
            kept.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(kept, loaded.path.read_bytes())
        except OSError as exc:
            raise PackError(loaded.path, [Problem("", f"could not keep a copy in {kept.parent} ({exc.strerror or exc})")]) from None
        return load_pack(kept)

    def _open(self, record: ScenarioRecord, scenario_id: int | None, loaded: LoadedPack) -> None:
        self._save_date()
        self.record, self.scenario_id = record, scenario_id
        if scenario_id is not None:
            self.autosave.write(lambda store: store.set_last_opened(scenario_id))
        self._update_reveal()
        self._open_pack(loaded, record.current_date)
        # a new scenario starts at the pack's first day: that is not a change worth saving
        self.record = msgspec.structs.replace(record, current_date=self.date)
        self.scenarioOpened.emit(self.record)

    def rename_scenario(self, scenario_id: int, old: str, new: str) -> None:
        self.undo_stack.push(RenameScenario(self, scenario_id, old, new))

    def duplicate_scenario(self, scenario_id: int, new_name: str) -> None:
        self.undo_stack.push(DuplicateScenario(self, scenario_id, new_name))

    def delete_scenario(self, scenario_id: int, name: str) -> None:
        """The open scenario cannot be deleted: the student would be left with nothing on screen."""
        assert scenario_id != self.scenario_id
        self.undo_stack.push(DeleteScenario(self, scenario_id, name))

    def apply_rename(self, scenario_id: int, name: str) -> None:
        assert self.store is not None
        self.store.rename(scenario_id, name)
        if scenario_id == self.scenario_id and self.record is not None:
            self.record = msgspec.structs.replace(self.record, name=name)
            self.recordChanged.emit(self.record, "name")
        self.scenariosChanged.emit()

    def apply_duplicate(self, scenario_id: int, new_name: str) -> int:
        assert self.store is not None
        copy = self.store.duplicate(scenario_id, new_name)
        self.scenariosChanged.emit()
        return copy

    def apply_delete(self, scenario_id: int, deleted: bool) -> None:
        assert self.store is not None
        if deleted:
            self.store.delete(scenario_id)
        else:
            self.store.undelete(scenario_id)
        self.scenariosChanged.emit()

    # Edits

    def edit_assumption(self, assumption_id: str, value: Any, label: str) -> None:
        self._edit(SetAssumption, "assumption", assumption_id, self.record.assumptions.get(assumption_id) if self.record else None, value, f"Change “{label}”")

    def edit_weight(self, argument_id: str, value: Any, label: str) -> None:
        self._edit(SetWeight, "weight", argument_id, self.record.weights.get(argument_id) if self.record else None, value, f"Weigh “{label}”")

    def edit_forecast(self, question: Question, value: Any) -> None:
        if not self.forecast_locked(question):
            self._edit(SetEntry, "forecast", question.id, self.record.forecasts.get(question.id) if self.record else None, value, "Forecast")

    def edit_answer(self, prompt_id: str, text: str) -> None:
        self._edit(SetEntry, "answer", prompt_id, self.record.answers.get(prompt_id, "") if self.record else "", text, "Answer a prompt")

    def set_role(self, role_id: str | None) -> None:
        self._edit(SetEntry, "role", "", self.record.role if self.record else None, role_id, "Choose a role")

    def forecast_locked(self, question: Question) -> bool:
        """A forecast is made before its question resolves; once the student has been on or past
        that date (even if they stepped back since), it is a record, not a guess."""
        if self.date is None or self.record is None:
            return True
        return max(self.date, self.record.furthest_date or self.date) >= question.resolves

    @property
    def classroom(self) -> bool:
        return self.record is not None and self.record.mode == "classroom"

    @property
    def spoilers_allowed(self) -> bool:
        """Later events may be shown: always in Explore mode, in Classroom mode once revealed."""
        return not self.classroom or (self.record is not None and self.record.revealed_at is not None)

    def reveal(self) -> None:
        """Jump to the end, recording on which date the student chose to see what happened.

        Not an undoable edit: the teacher must be able to trust it in the submission.
        """
        if self.record is not None and self.record.revealed_at is None and self.date is not None:
            self.apply_edit(self.scenario_id, "reveal", "", self.date, self.date)
        self.set_date(self.timeline.end if self.timeline else self.date)

    def _edit(self, command: type, kind: str, key: str, old: Any, new: Any, text: str) -> None:
        if self.record is not None and old != new:
            self.undo_stack.push(command(self, kind, key, old, new, text))

    def apply_edit(self, scenario_id: int | None, kind: str, key: str, value: Any, day: dt.date | None) -> None:
        """Called by undo commands: bring their scenario back on screen if needed, then change it."""
        if scenario_id != self.scenario_id and scenario_id is not None:
            self.open_scenario(scenario_id)
        assert self.record is not None
        change, save = _EDITS[kind]
        self.record = change(self.record, key, value, day)
        if self.scenario_id is not None:
            sid = self.scenario_id
            self.autosave.write(lambda store: save(store, sid, key, value, day))
        if kind == "reveal":
            self._update_reveal()
        self.recordChanged.emit(self.record, kind)

    def _save_date(self) -> None:
        self._date_timer.stop()
        if self.record is None or self.date is None or self.record.current_date == self.date:
            return
        self.record = msgspec.structs.replace(self.record, current_date=self.date)  # set_date keeps furthest_date
        if self.scenario_id is not None:
            sid, day = self.scenario_id, self.date
            self.autosave.write(lambda store: store.set_current_date(sid, day))

    def replace_store(self, store: Store | None, unavailable: str = "") -> None:
        """After a restore: the old undo history refers to a database that is gone."""
        self.undo_stack.clear()
        self.store = self.autosave.store = store
        self.autosave.unavailable = unavailable
        self.record = self.scenario_id = None
        self.scenariosChanged.emit()

    def shutdown(self) -> None:
        """Save what is still pending and let go of the data directory for the next run."""
        self._save_date()
        self.autosave.retry()
        if self.store is not None:
            self.store.close()
            self.store = None

    # Pack and date

    def _open_pack(self, loaded: LoadedPack, day: dt.date | None = None) -> None:
        self.loaded = loaded
        self.timeline = Timeline(loaded.pack)
        self._sources = {s.id: s for s in loaded.pack.sources}
        self.date = self.timeline.clamp(day) if day else self.timeline.start
        self.packOpened.emit(loaded)
        self.selectionChanged.emit(None)
        self.dateChanged.emit(self.date)

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def set_date(self, day: dt.date) -> None:
        if self.timeline is None:
            return
        day = self.timeline.clamp(day)
        if day != self.date:
            self.date = day
            if self.record is not None and (self.record.furthest_date is None or day > self.record.furthest_date):
                self.record = msgspec.structs.replace(self.record, furthest_date=day)
            self._date_timer.start()
            self.dateChanged.emit(day)

    def target(self, move: Move) -> dt.date | None:
        """Where `move` would go from here, or None when it would go nowhere."""
        if self.timeline is None or self.date is None:
            return None
        day = _TARGETS[move](self.timeline, self.date)
        return day if day != self.date else None

    def step(self, move: Move) -> None:
        day = self.target(move)
        if day is None:
            return
        if move is Move.LAST and not self.spoilers_allowed:
            self.revealRequested.emit()
            return
        self.set_date(day)

    def select(self, item: object) -> None:
        self.selectionChanged.emit(item)

    def set_reveal_later(self, wanted: bool) -> None:
        """The student's wish to see later events; granted only where spoilers are allowed."""
        self._reveal_wanted = wanted
        self._update_reveal()

    def _update_reveal(self) -> None:
        effective = self._reveal_wanted and self.spoilers_allowed
        if effective != self.reveal_later:
            self.reveal_later = effective
            self.revealChanged.emit(effective)
