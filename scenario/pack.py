"""Loading a scenario pack from disk, with every problem named by file, path and cause.

A pack is untrusted input (a teacher may write their own), so loading never raises anything
but `PackError`, refuses oversized files before reading them, and checks what the schema
alone cannot: unique ids, resolved references, dates inside the pack's range, deadline
arithmetic, and an outcome model in which every path ends in an outcome.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import msgspec

from scenario.model import ChanceNode, Pack
from scenario.userfile import FileError, Problem, check_json, decode_strict, read_bounded, too_large
from scenario.vintage import Vintage, outcome_settles

MAX_PACK_BYTES = 5 * 1024 * 1024
# Every date in a pack lies in these years: room for any real history and its deadlines, and
# far enough from 1 and 9999 that date arithmetic and chart ticks around a pack never overflow.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2199, 12, 31)

_DECODER = msgspec.json.Decoder(Pack)

# An author's unfinished pack is saved as NAME.draft.json: listed with its reasons, never loaded as a pack.
DRAFT_SUFFIX = ".draft.json"
UNPUBLISHED = Problem("", "a draft, not yet published")


class PackError(FileError):
    """A pack that cannot be used, with every problem found (not just the first)."""

    @property
    def first(self) -> str:
        """The first problem on one line, for a greyed-out list entry."""
        return str(self.problems[0])


@dataclasses.dataclass(frozen=True)
class LoadedPack:
    path: Path
    pack: Pack
    digest: str  # sha256 of the file bytes: a submission names exactly what it was made with


@dataclasses.dataclass(frozen=True)
class PackEntry:
    """One file found in a pack folder: loaded, or the reason it could not be."""

    path: Path
    loaded: LoadedPack | None
    error: PackError | None
    draft: bool = False  # an author's draft: `error` holds its problems, or only UNPUBLISHED


def is_draft(path: Path | str) -> bool:
    return Path(path).name.endswith(DRAFT_SUFFIX)


def load_pack(path: Path | str) -> LoadedPack:
    """The pack in the file at `path`, or PackError.

    A draft is refused here, the one door every caller (the start page, `--pack`, kept packs,
    imports, the class view, validate-pack) comes through, so no path can offer it to students;
    its reasons are its own problems, or UNPUBLISHED when it would load.
    """
    path = Path(path)
    try:
        data = read_bounded(path, MAX_PACK_BYTES, "pack")
    except FileError as exc:
        raise PackError(path, exc.problems) from None
    pack = parse_pack(data, path)
    if is_draft(path):
        raise PackError(path, [UNPUBLISHED])
    return LoadedPack(path, pack, hashlib.sha256(data).hexdigest())


def parse_pack(data: bytes, name: Path | str = "<pack>") -> Pack:
    if len(data) > MAX_PACK_BYTES:
        raise PackError(name, [Problem("", too_large(MAX_PACK_BYTES, "pack"))])
    try:
        check_json(data, name)
        pack = decode_strict(_DECODER, data, name)
    except FileError as exc:
        raise PackError(name, exc.problems) from None
    problems = list(check_pack(pack))
    if problems:
        raise PackError(name, problems)
    return sorted_pack(pack)


def discover_packs(*folders: Path) -> list[PackEntry]:
    """Every pack file in the folders, in order; a later pack reusing an earlier one's id is
    listed as unusable, since scenarios and submissions name their pack by id.

    Whatever is called *.json is listed, loaded or with its reason (a folder, a FIFO, a broken
    link), and so is a folder that cannot be read; a folder that does not exist has no packs.
    A draft (*.draft.json) is listed with `draft` set and is never loaded.
    """
    entries: list[PackEntry] = []
    seen: dict[str, Path] = {}
    for folder in folders:
        try:
            with os.scandir(folder) as found:
                paths = sorted(folder / item.name for item in found if item.name.endswith(".json"))
        except FileNotFoundError:
            continue
        except OSError as exc:
            problem = Problem("", f"cannot read the folder ({exc.strerror or exc})")
            entries.append(PackEntry(folder, None, PackError(folder, [problem])))
            continue
        for path in paths:
            try:
                loaded = load_pack(path)
            except PackError as exc:
                entries.append(PackEntry(path, None, exc, draft=is_draft(path)))
                continue
            first = seen.setdefault(loaded.pack.id, path)
            if first != path:
                problem = Problem("id", f"the pack {first} already has the id '{loaded.pack.id}'")
                entries.append(PackEntry(path, None, PackError(path, [problem])))
            else:
                entries.append(PackEntry(path, loaded, None))
    return entries


def find_pack(ref: str, *folders: Path) -> LoadedPack:
    """A pack by file path, or by id among the packs in `folders` (what `--pack` accepts)."""
    path = Path(ref)
    if path.suffix == ".json" or os.path.lexists(path):  # lexists: False, not PermissionError, where it cannot look
        return load_pack(path)
    entries = discover_packs(*folders)
    for entry in entries:
        if entry.loaded is not None and entry.loaded.pack.id == ref:
            return entry.loaded
    known = ", ".join(e.loaded.pack.id for e in entries if e.loaded is not None) or "none"
    raise PackError(ref, [Problem("", f"no pack file or pack id by that name (installed packs: {known})")])


def sorted_pack(pack: Pack) -> Pack:
    """Dated lists in the order they became known (`scenario.vintage`), then by their own date;
    stable, so same-day items keep the author's order. Timeline bisects on this order."""
    v = Vintage(pack)
    by_known = lambda item: (v.item(item), item.date)  # noqa: E731
    return msgspec.structs.replace(
        pack,
        events=sorted(pack.events, key=by_known),
        deadlines=sorted(pack.deadlines, key=lambda d: d.date),
        arguments=sorted(pack.arguments, key=by_known),
        prompts=sorted(pack.prompts, key=lambda p: p.date),
        disagreements=sorted(pack.disagreements, key=lambda d: (v.disagreement(d), d.date)),
        questions=sorted(pack.questions, key=lambda q: q.opens),
        roles=[msgspec.structs.replace(r, notes=sorted(r.notes, key=by_known)) for r in pack.roles],
        assumptions=[msgspec.structs.replace(a, evidence=sorted(a.evidence, key=by_known)) for a in pack.assumptions],
    )


def check_pack(pack: Pack) -> Iterator[Problem]:
    yield from _check_unique(pack)
    for path, day in _dates(pack, ""):
        if not EARLIEST <= day <= LATEST:
            side = f"before {EARLIEST}" if day < EARLIEST else f"after {LATEST}"
            yield Problem(path, f"date {day} is {side}; a pack's dates must lie from {EARLIEST} to {LATEST}")
    sources = {s.id for s in pack.sources}
    stakeholders = {s.id for s in pack.stakeholders}
    instruments = {i.id for i in pack.instruments}
    deadlines = {d.id for d in pack.deadlines}
    arguments = {a.id: a for a in pack.arguments}
    roles = {r.id for r in pack.roles}

    def refs(path: str, ids: Iterable[str], known: set[str] | dict, what: str) -> Iterator[Problem]:
        for n, ref in enumerate(ids):
            if ref not in known:
                yield Problem(f"{path}[{n}]", f"unknown {what} '{ref}'")

    def in_range(path: str, day) -> Iterator[Problem]:
        if not pack.start <= day <= pack.end:
            yield Problem(path, f"date {day} is outside the pack's range {pack.start} to {pack.end}")

    if pack.start > pack.end:
        yield Problem("start", f"start {pack.start} is after end {pack.end}")
    for n, e in enumerate(pack.events):
        yield from in_range(f"events[{n}].date", e.date)
        yield from refs(f"events[{n}].sources", e.sources, sources, "source")
        yield from refs(f"events[{n}].stakeholders", e.stakeholders, stakeholders, "stakeholder")
    for n, inst in enumerate(pack.instruments):
        previous = None
        for m, change in enumerate(inst.changes):
            path = f"instruments[{n}].changes[{m}]"
            if change.date > pack.end:  # an instrument may predate the exercise: it is the law at its start
                yield Problem(f"{path}.date", f"date {change.date} is after the pack's end {pack.end}")
            yield from refs(f"{path}.sources", change.sources, sources, "source")
            if previous is not None and change.date < previous:
                yield Problem(f"{path}.date", "changes must be in date order")
            previous = change.date
    for n, d in enumerate(pack.deadlines):
        yield from _check_deadline(f"deadlines[{n}]", d, instruments, deadlines)
        yield from in_range(f"deadlines[{n}].announced", d.announced)
        yield from refs(f"deadlines[{n}].sources", d.sources, sources, "source")
        yield from refs(f"deadlines[{n}].outcome_sources", d.outcome_sources, sources, "source")
        if not d.outcome_sources and outcome_settles(d) <= pack.end:
            yield Problem(f"deadlines[{n}].outcome_sources", "the deadline passes within the pack: what happened at it needs a source of its own")
    for n, a in enumerate(pack.arguments):
        yield from in_range(f"arguments[{n}].date", a.date)
        yield from refs(f"arguments[{n}].sources", a.sources, sources, "source")
        yield from refs(f"arguments[{n}].stakeholder", [a.stakeholder], stakeholders, "stakeholder")
        yield from refs(f"arguments[{n}].rebuttals", a.rebuttals, arguments, "argument")
        for m, other in enumerate(a.rebuttals):
            if other in arguments and arguments[other].side == a.side:
                yield Problem(f"arguments[{n}].rebuttals[{m}]", f"'{other}' is on the same side ({a.side}); a rebuttal answers the other side")
    for n, r in enumerate(pack.roles):
        yield from refs(f"roles[{n}].stakeholder", [r.stakeholder], stakeholders, "stakeholder")
        for m, note in enumerate(r.notes):
            yield from in_range(f"roles[{n}].notes[{m}].date", note.date)
            yield from refs(f"roles[{n}].notes[{m}].sources", note.sources, sources, "source")
    for n, s in enumerate(pack.assumptions):
        yield from _check_assumption(f"assumptions[{n}]", s)
        yield from refs(f"assumptions[{n}].sources", s.sources, sources, "source")
        for m, item in enumerate(s.evidence):
            yield from in_range(f"assumptions[{n}].evidence[{m}].date", item.date)
            yield from refs(f"assumptions[{n}].evidence[{m}].sources", item.sources, sources, "source")
    for n, q in enumerate(pack.questions):
        yield from in_range(f"questions[{n}].opens", q.opens)
        yield from in_range(f"questions[{n}].resolves", q.resolves)
        if q.resolves < q.opens:
            yield Problem(f"questions[{n}].resolves", "resolves before it opens")
        yield from refs(f"questions[{n}].sources", q.sources, sources, "source")
    for n, p in enumerate(pack.prompts):
        yield from in_range(f"prompts[{n}].date", p.date)
        yield from refs(f"prompts[{n}].roles", p.roles, roles, "role")
    for n, dis in enumerate(pack.disagreements):
        yield from in_range(f"disagreements[{n}].date", dis.date)
        for m, pos in enumerate(dis.positions):
            yield from refs(f"disagreements[{n}].positions[{m}].sources", pos.sources, sources, "source")
    if pack.outcome_model is not None:
        yield from _check_outcome_model(pack)


def _dates(value: object, path: str) -> Iterator[tuple[str, dt.date]]:
    """Every date in a pack record with its field path: found by walking, so a new field cannot be missed."""
    if isinstance(value, dt.date):
        yield path, value
    elif isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            yield from _dates(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _dates(item, f"{path}[{n}]")


def _check_unique(pack: Pack) -> Iterator[Problem]:
    lists = {
        "sources": pack.sources, "stakeholders": pack.stakeholders, "events": pack.events,
        "instruments": pack.instruments, "deadlines": pack.deadlines, "arguments": pack.arguments,
        "roles": pack.roles, "assumptions": pack.assumptions, "questions": pack.questions,
        "prompts": pack.prompts, "disagreements": pack.disagreements,
    }
    if pack.outcome_model is not None:
        lists["outcome_model.nodes"] = pack.outcome_model.nodes
        lists["outcome_model.outcomes"] = pack.outcome_model.outcomes
    for name, items in lists.items():
        seen: set[str] = set()
        for n, item in enumerate(items):
            if item.id in seen:
                yield Problem(f"{name}[{n}].id", f"duplicate id '{item.id}'")
            seen.add(item.id)


def _check_deadline(path: str, d, instruments: set[str], deadlines: set[str]) -> Iterator[Problem]:
    if d.set_by not in instruments:
        yield Problem(f"{path}.set_by", f"unknown instrument '{d.set_by}'")
    if d.moved_to is not None and d.moved_to not in deadlines:
        yield Problem(f"{path}.moved_to", f"unknown deadline '{d.moved_to}'")
    if d.announced > d.date:
        yield Problem(f"{path}.announced", "announced after the deadline itself")
    if d.ends is not None and d.ends <= d.announced:
        yield Problem(f"{path}.ends", "ends on or before the day it was announced")
    if (d.rule_from is None) != (d.rule_days is None):
        yield Problem(f"{path}.rule_days", "rule_from and rule_days go together")
    elif d.rule_from is not None and d.rule_days is not None:
        try:
            computed = d.rule_from + dt.timedelta(days=d.rule_days)
        except OverflowError:
            yield Problem(f"{path}.rule_days", f"{d.rule_days} days after {d.rule_from} is past the end of the calendar")
            return
        if computed != d.date:
            yield Problem(f"{path}.date", f"{d.rule_days} days after {d.rule_from} is {computed}, not {d.date}")


def _check_assumption(path: str, s) -> Iterator[Problem]:
    # Non-finite numbers cannot get this far: JSON has no NaN and msgspec rejects 1e999.
    if s.min >= s.max:
        yield Problem(f"{path}.max", f"max {s.max} must be greater than min {s.min}")
    if not s.min <= s.default <= s.max:
        yield Problem(f"{path}.default", f"default {s.default} is outside {s.min} to {s.max}")
    if s.kind == "probability" and not (0 <= s.min and s.max <= 1):
        yield Problem(f"{path}.max", "a probability's range must lie within 0 to 1")
    if s.step is not None and s.step <= 0:
        yield Problem(f"{path}.step", "step must be positive")


def _check_outcome_model(pack: Pack) -> Iterator[Problem]:
    model = pack.outcome_model
    assert model is not None
    probabilities = {a.id for a in pack.assumptions if a.kind == "probability"}
    nodes = {n.id: n for n in model.nodes}
    outcomes = {o.id for o in model.outcomes}
    events = {e.id for e in pack.events}
    for name in set(nodes) & outcomes:
        yield Problem("outcome_model", f"'{name}' is both a node and an outcome")
    if model.root not in nodes:
        yield Problem("outcome_model.root", f"unknown node '{model.root}'")
        return
    for n, node in enumerate(model.nodes):
        if node.probability not in probabilities:
            yield Problem(f"outcome_model.nodes[{n}].probability", f"'{node.probability}' is not a probability assumption")
        for branch in ("yes", "no"):
            target = getattr(node, branch)
            if target not in nodes and target not in outcomes:
                yield Problem(f"outcome_model.nodes[{n}].{branch}", f"unknown node or outcome '{target}'")
        yield from _check_settlements(f"outcome_model.nodes[{n}]", node, events)
    reached: set[str] = set()
    finished: set[str] = set()

    def walk(node_id: str, trail: set[str]) -> Iterator[Problem]:
        """Depth-first, each node expanded once, so a shared subtree costs nothing extra."""
        if node_id in trail:
            yield Problem("outcome_model", f"cycle through '{node_id}': every path must end in an outcome")
            return
        if node_id in finished:
            return
        reached.add(node_id)
        node = nodes.get(node_id)
        if node is not None:
            trail.add(node_id)
            for target in (node.yes, node.no):
                yield from walk(target, trail)
            trail.discard(node_id)
        finished.add(node_id)

    yield from walk(model.root, set())
    for n, node in enumerate(model.nodes):
        if node.id not in reached:
            yield Problem(f"outcome_model.nodes[{n}]", f"node '{node.id}' cannot be reached from the root")
    for n, outcome in enumerate(model.outcomes):
        if outcome.id not in reached:
            yield Problem(f"outcome_model.outcomes[{n}]", f"outcome '{outcome.id}' cannot be reached from the root")


def _check_settlements(path: str, node: ChanceNode, events: set[str]) -> Iterator[Problem]:
    """History answers a node once: settlements that disagree would flip it as events become known."""
    for m, settlement in enumerate(node.settled_by):
        if settlement.event not in events:
            yield Problem(f"{path}.settled_by[{m}].event", f"unknown event '{settlement.event}'")
        first = node.settled_by[0].answer
        if settlement.answer != first:
            yield Problem(f"{path}.settled_by[{m}].answer", f"settles '{node.id}' {'yes' if settlement.answer else 'no'}, "
                                                            f"where an earlier settlement says {'yes' if first else 'no'}")
