"""The scenario pack format, as typed, frozen records.

These classes are the schema: msgspec decodes JSON straight into them (rejecting unknown
keys and wrong types), and `resources/schema/pack.schema.json` is generated from them, so
the format a teacher's editor checks and the format the app reads cannot drift apart.
Cross-references (a source id, a stakeholder id) are checked in `scenario.pack`, because a
type system cannot say "this string names an item elsewhere in the file".
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec



def whole(pattern: str) -> str:
    r"""`pattern` matching the whole value, in Python (msgspec) and in JSON Schema (ECMA) alike.

    msgspec searches with `re`, where `$` also matches before a final newline, so "tiktok-2020\n"
    would pass `^...$`; `\Z` would fix Python but is not valid in a JSON Schema. A `$` not
    followed by a newline means the end in both.
    """
    return rf"^{pattern}$(?!\n)"


Id = Annotated[str, msgspec.Meta(pattern=whole("[a-z0-9][a-z0-9_-]{0,63}"), description="Lower-case identifier, unique within its list.")]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
OptionalText = Annotated[str, msgspec.Meta(max_length=4000)]
Line = Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
Claim = Annotated[str, msgspec.Meta(min_length=1, max_length=140, description="One sentence, at most 140 characters.")]
Url = Annotated[str, msgspec.Meta(pattern=whole(r"https?://\S+"), max_length=1000)]

# Ids that name an item of another list: the pack editor offers the valid ids in a picker from
# the "ref" mark ("a|b" after a dot names two lists of one record). `extra` is not in the JSON Schema.
SourceId = Annotated[Id, msgspec.Meta(extra={"ref": "sources"})]
StakeholderId = Annotated[Id, msgspec.Meta(extra={"ref": "stakeholders"})]
InstrumentId = Annotated[Id, msgspec.Meta(extra={"ref": "instruments"})]
DeadlineId = Annotated[Id, msgspec.Meta(extra={"ref": "deadlines"})]
ArgumentId = Annotated[Id, msgspec.Meta(extra={"ref": "arguments"})]
RoleId = Annotated[Id, msgspec.Meta(extra={"ref": "roles"})]
AssumptionId = Annotated[Id, msgspec.Meta(extra={"ref": "assumptions"})]
BranchId = Annotated[Id, msgspec.Meta(extra={"ref": "outcome_model.nodes|outcomes"})]
NodeId = Annotated[Id, msgspec.Meta(extra={"ref": "outcome_model.nodes"})]
EventId = Annotated[Id, msgspec.Meta(extra={"ref": "events"})]
SourceRefs = Annotated[list[SourceId], msgspec.Meta(min_length=1, description="Ids of items in `sources`.")]

EventKind = Literal[
    "executive_order", "law", "legislation", "court", "regulator", "company",
    "foreign_government", "negotiation", "statement", "report", "market",
]
InstrumentKind = Literal[
    "executive_order", "presidential_order", "law", "regulation", "injunction",
    "extension", "non_enforcement", "state_law", "foreign_regulation",
    "announcement",  # a date named in remarks or a statement, with no legal force of its own
]
InstrumentStatus = Literal["pending", "in_force", "enjoined", "suspended", "revoked", "superseded", "expired", "moot"]
Side = Literal["for", "against"]
Theme = Literal[
    "security_data", "content_manipulation", "free_expression", "due_process",
    "economy", "effectiveness", "trade", "rule_of_law",
]
AssumptionKind = Literal["probability", "number"]


class Record(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Base for every pack record: immutable, strict about keys."""


class Source(Record, kw_only=True):
    """A publication. Its date is when it was published: nothing it says is shown before then."""

    id: Id
    publisher: Line
    title: Line
    date: Annotated[dt.date, msgspec.Meta(description="Publication date: in Classroom mode the source, and what only it tells, appear from this date.")]
    url: Url
    primary: bool = False
    note: OptionalText = ""


class Stakeholder(Record, kw_only=True):
    id: Id
    name: Line
    kind: Literal["government", "legislature", "court", "company", "foreign_government", "civil_society", "public", "expert", "media"]
    description: OptionalText = ""


class Event(Record, kw_only=True):
    id: Id
    date: dt.date
    title: Line
    detail: Text
    kind: EventKind
    sources: SourceRefs
    stakeholders: list[StakeholderId] = []


class StatusChange(Record, kw_only=True):
    """One step in an instrument's life; the latest change on or before a date is its status then."""

    date: dt.date
    status: InstrumentStatus
    note: Line
    sources: SourceRefs


class Instrument(Record, kw_only=True):
    """An order, law, regulation or injunction whose force changes over time."""

    id: Id
    name: Line
    title: Line
    kind: InstrumentKind
    summary: Text
    changes: Annotated[list[StatusChange], msgspec.Meta(min_length=1)]


class Deadline(Record, kw_only=True):
    """A date on which something legally takes effect, set by an instrument.

    `announced` is when the deadline became known (for spoiler-free stepping); `ends` is the
    first day it no longer applies because it was moved, mooted, enjoined or met. `sources`
    tell of the deadline itself; `outcome_sources` tell what happened at it, and the outcome
    is shown only once the deadline has passed and one of them was published.
    """

    id: Id
    date: dt.date
    title: Line
    takes_effect: Text
    set_by: InstrumentId
    announced: dt.date
    rule: Line
    rule_from: dt.date | None = None
    rule_days: Annotated[int, msgspec.Meta(ge=0, le=36525, description="Days after rule_from; at most 100 years.")] | None = None
    ends: dt.date | None = None
    outcome: Text
    moved_to: DeadlineId | None = None
    sources: SourceRefs
    outcome_sources: list[SourceId] = []


class Argument(Record, kw_only=True):
    id: Id
    side: Side
    theme: Theme
    stakeholder: StakeholderId
    speaker: Line
    date: dt.date
    claim: Claim
    detail: Text
    quote: OptionalText = ""
    sources: SourceRefs
    rebuttals: list[ArgumentId] = []


class RoleNote(Record, kw_only=True):
    """What a role learns on a date after the pack's start: part of its role packet."""

    date: dt.date
    text: Text
    sources: SourceRefs


class Role(Record, kw_only=True):
    """A part a student plays. The brief is written as of the pack's start; later knowledge comes in notes."""

    id: Id
    title: Line
    stakeholder: StakeholderId
    brief: Text
    objectives: Annotated[list[Line], msgspec.Meta(min_length=1)]
    constraints: list[Line] = []
    notes: list[RoleNote] = []


class Evidence(Record, kw_only=True):
    """A dated, sourced figure or fact that bears on an assumption; shown only from its date."""

    date: dt.date
    text: Text
    sources: SourceRefs


class Assumption(Record, kw_only=True):
    id: Id
    label: Line
    kind: AssumptionKind
    unit: Annotated[str, msgspec.Meta(max_length=40)]
    min: float
    max: float
    default: float
    step: float | None = None
    help: Annotated[str, msgspec.Meta(min_length=1, max_length=4000, description="Timeless guidance: shown at every date, so it must not mention later facts.")]
    evidence: list[Evidence] = []
    sources: list[SourceId] = []


class Settlement(Record, kw_only=True):
    """An event of the pack that answers a chance node: from when the event is known, the
    answer is history, not a chance, and the student's probability for it no longer counts."""

    event: Annotated[EventId, msgspec.Meta(description="Id of the event in `events` that answers the node.")]
    answer: bool


class ChanceNode(Record, kw_only=True):
    """A yes/no chance whose probability is one of the student's assumptions."""

    id: Id
    question: Line
    probability: AssumptionId
    yes: BranchId
    no: BranchId
    settled_by: Annotated[list[Settlement], msgspec.Meta(
        description="Events that answer the node; it is settled from the first of them to become known.")] = []


class Outcome(Record, kw_only=True):
    id: Id
    label: Line
    description: Text


class OutcomeModel(Record, kw_only=True):
    root: NodeId
    nodes: Annotated[list[ChanceNode], msgspec.Meta(min_length=1)]
    outcomes: Annotated[list[Outcome], msgspec.Meta(min_length=2)]


class Question(Record, kw_only=True):
    """A forecast question, opened on one date and resolved by history on a later one."""

    id: Id
    question: Line
    opens: dt.date
    resolves: dt.date
    answer: bool
    resolution: Text
    sources: SourceRefs


class Prompt(Record, kw_only=True):
    id: Id
    date: dt.date
    text: Text
    roles: list[RoleId] = []


class Position(Record, kw_only=True):
    claim: Text
    sources: SourceRefs


class Disagreement(Record, kw_only=True):
    """Where sources disagree on a fact; the app shows every position, never a winner."""

    id: Id
    date: dt.date
    topic: Line
    positions: Annotated[list[Position], msgspec.Meta(min_length=2)]


class Pack(Record, kw_only=True):
    format: Literal[1]
    id: Id
    version: Line
    title: Line
    summary: Annotated[str, msgspec.Meta(min_length=1, max_length=200, description="One line for the start page.")]
    teaser: Annotated[str, msgspec.Meta(max_length=300, description="Shown instead of the summary in Classroom mode: it must name no outcome.")] = ""
    description: Text
    start: dt.date
    end: dt.date
    sources: Annotated[list[Source], msgspec.Meta(min_length=1)]
    stakeholders: list[Stakeholder]
    events: Annotated[list[Event], msgspec.Meta(min_length=1)]
    instruments: list[Instrument] = []
    deadlines: list[Deadline] = []
    arguments: list[Argument] = []
    roles: list[Role] = []
    assumptions: list[Assumption] = []
    outcome_model: OutcomeModel | None = None
    questions: list[Question] = []
    prompts: list[Prompt] = []
    disagreements: list[Disagreement] = []
