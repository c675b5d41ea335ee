"""Submission files: what a student hands in, one JSON file each, for the teacher's class view.

The file wraps the student's whole `ScenarioRecord` (role, mode, assumptions with ranges and
notes, weights, forecasts, answers, snapshots, and the scenario date of any reveal) with what
a teacher needs besides: the student's display name, the sha256 of the pack file it was made
with, and the wall-clock time of the reveal. A teacher opens files from many machines, so
decoding is exactly as strict as for scenario files (`scenario.exchange`, whose checks it
shares). One thing is only a warning: a pack hash that differs from the installed pack's,
since a re-saved or corrected pack is usually still the same exercise.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Annotated, Literal

import msgspec

from scenario import __version__
from scenario.exchange import WRITING, Envelope, check_against_pack, installed, line_problems, raise_first, record_problems, without_retired
from scenario.model import Pack, whole
from scenario.pack import LoadedPack
from scenario.record import Mode, Name, ScenarioRecord
from scenario.userfile import Problem

FORMAT = "divestiture-lab/submission"
VERSION = 1

Sha256 = Annotated[str, msgspec.Meta(pattern=whole("[0-9a-f]{64}"))]


class SubmissionFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    format: Literal["divestiture-lab/submission"]
    version: Literal[1]
    app_version: Annotated[str, msgspec.Meta(max_length=40)]
    exported_at: dt.datetime
    pack_sha256: Sha256
    student: Name
    revealed_on: dt.datetime | None = None  # wall clock; the scenario date is scenario.revealed_at
    scenario: ScenarioRecord


@dataclasses.dataclass(frozen=True)
class Submission:
    """A decoded file, where it came from, and anything the teacher should know about it."""

    file: str
    content: SubmissionFile
    warnings: tuple[str, ...] = ()

    @property
    def student(self) -> str:
        return self.content.student

    @property
    def record(self) -> ScenarioRecord:
        return self.content.scenario

    @property
    def pack_id(self) -> str:
        return self.content.scenario.pack_id

    @property
    def role(self) -> str | None:
        return self.content.scenario.role

    @property
    def mode(self) -> Mode:
        return self.content.scenario.mode

    @property
    def revealed_at(self) -> dt.date | None:
        return self.content.scenario.revealed_at


SUBMISSION_FILE = Envelope(msgspec.json.Decoder(SubmissionFile), FORMAT, VERSION, "submission file")


def encode_submission(record: ScenarioRecord, pack: LoadedPack, student: str, exported_at: dt.datetime,
                      revealed_on: dt.datetime | None = None) -> bytes:
    """`revealed_on` is when (wall clock) the student revealed the end: only with `record.revealed_at`."""
    if revealed_on is not None and record.revealed_at is None:
        raise ValueError("revealed_on is given but the record was never revealed (revealed_at is None)")
    content = SubmissionFile(
        format=FORMAT, version=VERSION, app_version=__version__, exported_at=exported_at, pack_sha256=pack.digest,
        student=student, revealed_on=revealed_on, scenario=record,
    )
    data = msgspec.json.format(msgspec.json.encode(content), indent=2) + b"\n"
    decode_submission(data, WRITING)  # what the app writes, it can read: the decoder's own checks
    return data


def decode_submission(data: bytes, name: str | Path, pack: Pack | None = None, digest: str | None = None) -> Submission:
    """The submission in `data`, or ExchangeError; with `pack`, also checked against it.

    `digest` is the installed pack file's sha256 (`LoadedPack.digest`): a different one in
    the file becomes a warning on the result.
    """
    submission = _checked(SUBMISSION_FILE.decode(data, name), name)
    return with_pack(submission, pack, digest) if pack is not None else submission


def with_pack(submission: Submission, pack: Pack, digest: str | None = None) -> Submission:
    """For callers that learn which pack a file needs only after decoding it (by `pack_id`).

    Made with the same pack file, everything must match it. Made with another version of the
    pack, what that version has since retired is left out, and named in a warning.
    """
    if digest is None or digest == submission.content.pack_sha256:
        check_against_pack(submission.record, pack, submission.file)
        return submission
    record, retired = without_retired(submission.record, pack)
    check_against_pack(record, pack, submission.file)
    warnings = [f"made with a different version of pack {pack.id!r} (version {pack.version} is installed); scores use the installed one"]
    if retired:
        warnings.append(f"pack {pack.id!r} version {pack.version} no longer has {', '.join(retired)}: left out")
    content = msgspec.structs.replace(submission.content, scenario=record)
    return dataclasses.replace(submission, content=content, warnings=(*submission.warnings, *warnings))


def read_submission(path: Path, packs: Mapping[str, LoadedPack]) -> Submission:
    """The submission in `path`, checked against its pack among `packs` (by id); else ExchangeError."""
    submission = _checked(SUBMISSION_FILE.read(path), path)
    loaded = installed(submission.record, packs, path)
    return with_pack(submission, loaded.pack, loaded.digest)


def _checked(content: SubmissionFile, name: str | Path) -> Submission:
    raise_first(name, _content_problems(content))
    return Submission(str(name), content)


def _content_problems(content: SubmissionFile) -> Iterator[Problem]:
    yield from line_problems("student", content.student)
    yield from record_problems(content.scenario)
    if content.revealed_on is not None and content.scenario.revealed_at is None:
        yield Problem("revealed_on", "a reveal time is given, but scenario.revealed_at says the end was never revealed")
