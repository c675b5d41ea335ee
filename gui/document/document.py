"""The one object every view talks to: the open pack and scenario, the date, the selection.

Views ask the Document and redraw on its signals; they never call each other or the store.
That keeps each view replaceable and testable alone, and makes a step one signal, not a web
of calls. User edits reach it through the editor's undo commands, which call `apply_*`; each
is saved at once through `Autosave` and comes back to the views as `recordChanged`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import msgspec
from PySide6.QtCore import QObject, QTimer, Signal

from gui.document.autosave import Autosave
from gui.document.changes import Change
from gui.document.edits import EDITS, Reveal, wall_clock
from scenario.exchange import without_retired
from scenario.model import Question, Source
from scenario.pack import LoadedPack, PackError, Problem
from scenario.pack_index import packs_by_id
from scenario.record import Mode, ScenarioRecord, fitted_name
from scenario.settled import Settled, settled_nodes
from scenario.rules import Move, forecast_locked, forecasts_to_lock, spoilers_allowed, step_target
from scenario.timeline import Timeline
from store.kept_packs import keep_pack
from store.models import ScenarioSummary
from store.errors import StoreError
from store.scenarios import Store

T = TypeVar("T")

DATE_SAVE_DELAY_MS = 400  # stepping is fast; the date is saved once the student pauses


class Document(QObject):
    packOpened = Signal(object)  # LoadedPack
    dateChanged = Signal(object)  # dt.date
    selectionChanged = Signal(object)  # Event | Argument | InstrumentState | None
    laterEventsShownChanged = Signal(bool)  # the "show later events" toggle, as granted
    scenarioLeaving = Signal()  # another scenario is about to open: editors commit what was typed into this one
    scenarioOpened = Signal(object)  # ScenarioRecord
    recordChanged = Signal(object, object)  # ScenarioRecord, Change
    scenariosChanged = Signal()  # the list of saved scenarios changed (name, deleted, added)
    revealRequested = Signal()  # Classroom mode: the student asked for the end; the window confirms
    storeFailed = Signal(str)  # the database could not be read or written while running: why
    notice = Signal(str)  # something the student should know about what just opened (for the status bar)
    explainedChanged = Signal(object)  # the outcome id the student asked to have explained (Explain, the tornado)
    lockWarning = Signal(object, object, object)  # Move, target date, [Question] it would lock unforecast; the window asks

    def __init__(self, store: Store | None, packs_dirs: tuple[Path, Path], unavailable: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.packs_dirs = packs_dirs  # installed packs, then the user's kept ones
        self.autosave = Autosave(store, unavailable, self)
        self.loaded: LoadedPack | None = None
        self.timeline: Timeline | None = None
        self.date: dt.date | None = None
        self.record: ScenarioRecord | None = None
        self.scenario_id: int | None = None
        self.revealed_on: dt.datetime | None = None  # kept beside the record, as submission files keep it
        self.later_events_shown = False
        self._later_events_wanted = False
        self._sources: dict[str, Source] = {}
        self.selected: object = None  # what the detail pane shows
        self.explained: str | None = None  # the outcome chosen in Explain; None for the model's first
        self.ask_before_locking: dict[Mode, bool] = {"classroom": True, "explore": False}  # the window sets the student's choice
        self._date_timer = QTimer(self, singleShot=True, interval=DATE_SAVE_DELAY_MS)
        self._date_timer.timeout.connect(self._save_date)

    # Scenarios

    def start_scenario(self, loaded: LoadedPack, name: str | None = None, mode: Mode = "explore", role: str | None = None) -> None:
        """A new named scenario on `loaded`, saved at once so a crash cannot lose it."""
        base = name or loaded.pack.title
        record = ScenarioRecord(name=self.free_name(base), pack_id=loaded.pack.id, mode=mode, role=role)
        scenario_id = self._stored(lambda store: store.create(record), None)
        self._open(record, scenario_id, loaded)
        self.scenariosChanged.emit()

    def open_scenario(self, scenario_id: int) -> None:
        """Raises PackError when the scenario's pack is no longer installed; does nothing (but
        report, through `storeFailed`) when the database cannot be read."""
        record = self._stored(lambda store: store.load(scenario_id), None)
        if record is not None:
            self._open(record, scenario_id, self.find_pack(record.pack_id))

    def resume_or_start(self, loaded: LoadedPack) -> None:
        """The most recent scenario on this pack, or a new one: what `--pack` and the start page do."""
        for summary in self.saved_scenarios():
            if summary.pack_id == loaded.pack.id:
                record = self._stored(lambda store: store.load(summary.id), None)
                if record is not None:
                    self._open(record, summary.id, loaded)
                    return
        self.start_scenario(loaded)

    def _stored(self, use: Callable[[Store], T], fallback: T) -> T:
        """Every direct use of the store (the saves of edits go through autosave) in one place:
        if the database fails while the app runs, the user is told once, work goes on in memory
        (the status bar says nothing is saved), and no raw database error reaches a view."""
        if self.store is None:
            return fallback
        try:
            return use(self.store)
        except StoreError as exc:
            self.autosave.detach(str(exc))
            self.autosave.retry()  # tells the status bar
            self.store.close()
            self.store = None
            self.storeFailed.emit(str(exc))
            return fallback

    def find_pack(self, pack_id: str) -> LoadedPack:
        if self.loaded is not None and self.loaded.pack.id == pack_id:
            return self.loaded
        found = packs_by_id(self.packs_dirs).get(pack_id)
        if found is None:
            raise PackError(pack_id, [Problem("", "this scenario's pack is not installed")])
        return found

    def keep_pack(self, loaded: LoadedPack) -> LoadedPack:
        """A pack opened from a file, kept in the data folder (see `store.kept_packs`); raises PackError."""
        return keep_pack(loaded, self.packs_dirs)

    # What views ask about saved scenarios: they never reach the store themselves

    @property
    def backup_problem(self) -> str | None:
        """Why today's backup (or the purge of old ones) failed at start, if it did; the work is still saved."""
        return self.store.housekeeping_problem if self.store else None

    def saved_scenarios(self) -> list[ScenarioSummary]:
        """Most recently used first; none when there is no store."""
        return self._stored(lambda store: store.list_scenarios(), [])

    def other_scenarios_on_pack(self, at_most: int) -> list[ScenarioRecord]:
        """Up to `at_most` saved scenarios on the open pack besides the open one, most recent first."""
        if self.loaded is None:
            return []
        pack_id = self.loaded.pack.id

        def read(store: Store) -> list[ScenarioRecord]:
            others = [s for s in store.list_scenarios() if s.pack_id == pack_id and s.id != self.scenario_id]
            return [store.load(s.id) for s in others[:at_most]]

        return self._stored(read, [])

    def free_name(self, base: str) -> str:
        """`base`, or `base (2)` and so on when a saved scenario already has that name."""
        return self._stored(lambda store: store.free_name(base), fitted_name(base))

    def name_taken(self, name: str) -> bool:
        return self._stored(lambda store: store.find(name) is not None, False)

    def _open(self, record: ScenarioRecord, scenario_id: int | None, loaded: LoadedPack) -> None:
        if self.record is not None:  # typing still waiting to be saved belongs to the scenario it was typed in
            self.scenarioLeaving.emit()
        self._save_date()
        # A scenario saved with an earlier version of its pack: what that pack has since retired
        # is left out of the screen (never reused ids, so nothing else is touched) and named.
        record, retired = without_retired(record, loaded.pack)
        if retired:
            self.notice.emit(f"“{record.name}” was made with an earlier version of this pack; version {loaded.pack.version} "
                             f"no longer has {', '.join(retired)}, so that is not shown.")
        self.record, self.scenario_id = record, scenario_id
        self.revealed_on = (self._stored(lambda store: store.revealed_on(scenario_id), None)
                            if scenario_id is not None and record.revealed_at is not None else None)
        if scenario_id is not None:
            self.autosave.write(lambda store: store.set_last_opened(scenario_id))
        self._update_later_events(announce=False)  # _open_pack's dateChanged redraws every view with it
        self._open_pack(loaded, record.current_date)
        # a new scenario starts at the pack's first day: that is not a change worth saving
        self.record = msgspec.structs.replace(record, current_date=self.date)
        self.scenarioOpened.emit(self.record)

    def apply_rename(self, scenario_id: int, name: str) -> None:
        assert self.store is not None
        self.store.rename(scenario_id, name)
        if scenario_id == self.scenario_id and self.record is not None:
            self.record = msgspec.structs.replace(self.record, name=name)
            self.recordChanged.emit(self.record, Change.NAME)
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

    # Rules and edits (applied here, pushed by the editor)

    def forecast_locked(self, question: Question) -> bool:
        """See `scenario.rules.forecast_locked`; with nothing open, nothing can be forecast."""
        return self.date is None or self.record is None or forecast_locked(question, self.record, self.date)

    @property
    def spoilers_allowed(self) -> bool:
        return spoilers_allowed(self.record)

    def reveal(self) -> None:
        """Jump to the end, recording on which date the student chose to see what happened.

        Not an undoable edit: the teacher must be able to trust it in the submission.
        """
        if self.record is not None and self.record.revealed_at is None and self.date is not None:
            self.revealed_on = wall_clock()
            self.apply_edit(self.scenario_id, Change.REVEAL, "", Reveal(self.date, self.revealed_on), self.date)
        self.set_date(self.timeline.end if self.timeline else self.date)

    def apply_edit(self, scenario_id: int | None, kind: Change, key: str, value: Any, day: dt.date | None) -> None:
        """Called by undo commands: bring their scenario back on screen if needed, then change it."""
        if scenario_id != self.scenario_id and scenario_id is not None:
            self.open_scenario(scenario_id)
        assert self.record is not None
        change, save = EDITS[kind]
        self.record = change(self.record, key, value, day)
        if self.scenario_id is not None:
            sid = self.scenario_id
            self.autosave.write(lambda store: save(store, sid, key, value, day))
        if kind is Change.REVEAL:
            self._update_later_events()
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
        """After a restore: nothing is open, and the list of saved scenarios is the backup's."""
        self.store = self.autosave.store = store
        self.autosave.unavailable = unavailable
        self.record = self.scenario_id = None
        self.scenariosChanged.emit()

    def save_pending(self) -> int:
        """Save the date and retry what the disk refused: how many changes are still only in memory.

        The window calls this on close, after every editor has committed its typed text and
        before `shutdown`, so it can ask the user about whatever is left.
        """
        self._save_date()
        self.autosave.retry()
        return len(self.autosave.pending)

    def unsaved_reason(self) -> str:
        return self.autosave.pending.last_error or self.autosave.unavailable

    def shutdown(self) -> None:
        """Let go of the data directory for the next run. Anything still pending is dropped:
        call `save_pending` first and ask the user. An edit arriving after this (a field losing
        focus as the window goes) is kept in memory, never sent to a closed database."""
        self.save_pending()
        self.autosave.detach("the app is closing")
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
        self.select(None)
        self.dateChanged.emit(self.date)

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def sources_shown(self, ids: list[str], known: dt.date) -> list[tuple[Source, bool]]:
        """The sources a view may list for an item known from `known`, each with whether it is a
        later report (published after the item became known). As everything else on screen, only
        those published by the current date, unless the student asked to see later events (in
        Explore mode, or in Classroom mode after the reveal): later reports appear as they come out."""
        assert self.timeline is not None and self.date is not None
        vintage = self.timeline.vintage
        shown = ids if self.later_events_shown else vintage.cited(ids, self.date)
        later = vintage.later_reports(ids, known)
        return [(self._sources[s], s in later) for s in shown]

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
        return step_target(self.timeline, self.date, move)

    def forecasts_to_lock(self, target: dt.date) -> list[Question]:
        """See `scenario.rules.forecasts_to_lock`: the open, unforecast questions a move to `target` would lock."""
        if self.loaded is None or self.record is None or self.date is None:
            return []
        return forecasts_to_lock(self.loaded.pack.questions, self.record, self.date, target)

    def step(self, move: Move, confirmed: bool = False) -> None:
        """`confirmed`: the student already said to go on past the forecasts this step locks."""
        day = self.target(move)
        if day is None:
            return
        if move is Move.LAST and not self.spoilers_allowed:
            self.revealRequested.emit()
            return
        if not confirmed and self.record is not None and self.ask_before_locking.get(self.record.mode, True):
            locking = self.forecasts_to_lock(day)
            if locking:
                self.lockWarning.emit(move, day, locking)
                return
        self.set_date(day)

    def settled(self) -> dict[str, Settled]:
        """The outcome model's nodes that history had answered by the current date, by node id:
        the charts, the explanation and the assumption rows all take them from here."""
        if self.loaded is None or self.date is None:
            return {}
        return settled_nodes(self.loaded.pack, self.date)

    def explain(self, outcome_id: str | None) -> None:
        """The outcome the student wants explained: Explain and the tornado chart both follow it."""
        if outcome_id != self.explained:
            self.explained = outcome_id
            self.explainedChanged.emit(outcome_id)

    def select(self, item: object) -> None:
        self.selected = item
        self.selectionChanged.emit(item)

    def deselect(self, item: object) -> None:
        """`item` left the list it was chosen from (a step back, say): stop showing it, if it is shown."""
        if item is self.selected:
            self.select(None)

    def set_later_events_wanted(self, wanted: bool) -> None:
        """The student's wish to see later events; granted only where spoilers are allowed."""
        self._later_events_wanted = wanted
        self._update_later_events()

    def _update_later_events(self, announce: bool = True) -> None:
        """Granted only with a scenario open: before that there is nothing to show, and views
        must not be asked to redraw a date that does not exist yet (the setting is restored at start)."""
        shown = self._later_events_wanted and self.record is not None and self.spoilers_allowed
        if shown != self.later_events_shown:
            self.later_events_shown = shown
            if announce:
                self.laterEventsShownChanged.emit(shown)
