"""Every read of a user's file is bounded: FIFOs, devices, folders and loops are refused, never read.

A reader that blocks would hang this test run, so each call runs on a helper thread that the
test unblocks afterwards if it has to (by opening the FIFO's other end): a failure is reported,
never a hang.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scenario.exchange import ExchangeError
from scenario.pack import PackError, discover_packs, load_pack
from scenario.submission import read_submission
from tests.submissions import mini, submission_bytes

def finishes(call: Callable[[], Any], fifo: Path) -> Any:
    """What `call` returned or raised; fails the test if it blocked on `fifo` instead."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(call())
        except Exception as exc:  # noqa: BLE001 - handed to the test to inspect
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=20)  # a guard against a hang, not a measurement: a refusal takes microseconds
    blocked = worker.is_alive()
    if blocked:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # lets the blocked open return, then EOF
        worker.join()
    assert not blocked, "the read blocked"
    [result] = outcome
    return result


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs are a POSIX thing")
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    path = tmp_path / "loop.json"
    path.symlink_to(path)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "folder.json"
    path.mkdir()
    return path


def test_a_fifo_is_refused_as_a_pack_without_blocking(fifo: Path) -> None:
    error = finishes(lambda: load_pack(fifo), fifo)
    assert isinstance(error, PackError) and error.file == str(fifo)
    assert "not a regular file" in error.first


def test_a_fifo_is_refused_as_a_submission_without_blocking(fifo: Path) -> None:
    error = finishes(lambda: read_submission(fifo, {"mini": mini()}), fifo)
    assert isinstance(error, ExchangeError) and error.file == str(fifo)
    assert "not a regular file" in error.message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_refused_before_reading() -> None:
    with pytest.raises(PackError, match="not a regular file"):
        load_pack("/dev/zero")
    with pytest.raises(ExchangeError, match="not a regular file"):
        read_submission(Path("/dev/zero"), {})


def test_a_folder_and_a_symlink_loop_are_refused_with_their_reason(folder: Path, loop: Path) -> None:
    with pytest.raises(PackError, match="this is a folder, not a file"):
        load_pack(folder)
    with pytest.raises(ExchangeError, match="this is a folder, not a file"):
        read_submission(folder, {})
    with pytest.raises(PackError, match="cannot read the file .*symbolic links"):
        load_pack(loop)


def test_pack_discovery_lists_what_it_could_not_read(tmp_path: Path, fifo: Path, folder: Path, loop: Path, mini_json: dict) -> None:
    (tmp_path / "good.json").write_text(json.dumps(mini_json))
    entries = finishes(lambda: discover_packs(tmp_path), fifo)
    reasons = {entry.path.name: entry.error.first if entry.error else "ok" for entry in entries}
    assert reasons == {
        "folder.json": "this is a folder, not a file",
        "good.json": "ok",
        "loop.json": "cannot read the file (Too many levels of symbolic links)",
        "pipe.json": "not a regular file (a device, pipe or socket), so it was not read",
    }


def test_an_unreadable_packs_folder_is_listed_not_raised(tmp_path: Path, packs_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As after `sudo -u other` without -H: the user's folder cannot even be looked at."""
    unreadable = tmp_path / "home" / "packs"
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == unreadable:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "is_dir", lambda self: (_ for _ in ()).throw(PermissionError(13, "Permission denied")) if self == unreadable else os.path.isdir(self))
    installed, refused = discover_packs(packs_dir, unreadable)
    assert installed.loaded is not None
    assert refused.path == unreadable and refused.error is not None
    assert refused.error.first == "cannot read the folder (Permission denied)"


def test_a_missing_packs_folder_is_simply_empty(tmp_path: Path) -> None:
    assert discover_packs(tmp_path / "never-made") == []


def test_duplicate_keys_are_refused_in_a_pack(mini_json: dict, write_pack: Callable[..., Path]) -> None:
    text = json.dumps(mini_json).replace('"title": ', '"title": "Shadowed", "title": ', 1)
    with pytest.raises(PackError) as caught:
        load_pack(write_pack(text))
    assert caught.value.first == "the key 'title' appears twice in one object; each key may appear once"


def test_duplicate_keys_are_refused_in_a_submission(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_bytes(submission_bytes(3).replace(b'"student":', b'"student": "Someone else", "student":', 1))
    with pytest.raises(ExchangeError) as caught:
        read_submission(path, {"mini": mini()})
    assert (caught.value.path, caught.value.message) == ("", "the key 'student' appears twice in one object; each key may appear once")


def test_a_class_folder_lists_every_entry_it_cannot_read_as_skipped(tmp_path: Path, packs_dir: Path) -> None:
    """A pipe, a folder named *.json and a symlink loop are reported, never silently dropped."""
    from scenario.class_loader import load_class
    from tests.submissions import write_class

    folder = tmp_path / "class"
    write_class(folder, 2)
    (folder / "folder.json").mkdir()
    (folder / "loop.json").symlink_to(folder / "loop.json")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.json")
    load = load_class([folder], [packs_dir])
    assert load is not None and load.aggregate is not None and len(load.aggregate.rows) == 2
    reasons = {Path(s.file).name: s.reason for s in load.skipped}
    assert "this is a folder, not a file" in reasons["folder.json"]
    assert "symbolic links" in reasons["loop.json"] or "cannot read" in reasons["loop.json"]
    if hasattr(os, "mkfifo"):
        assert "not a regular file" in reasons["pipe.json"]


def test_a_class_folder_that_cannot_be_listed_is_skipped_with_its_reason(tmp_path: Path, packs_dir: Path, monkeypatch) -> None:
    from scenario.class_loader import load_class

    def refuse(_path: Path) -> bool:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "is_dir", refuse)
    load = load_class([tmp_path], [packs_dir])
    assert load is not None and load.aggregate is None
    assert [s.reason for s in load.skipped] == ["cannot be read (Permission denied)"]
