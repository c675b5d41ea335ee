"""Saving an author's pack file: atomic, the previous version kept, and a failure costs nothing."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from store.files import copy_atomic
from store.pack_files import draft_path, is_installed, previous_path, published_path, save_pack_file


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_first_save_writes_the_file_and_keeps_nothing_else(tmp_path: Path) -> None:
    save_pack_file(tmp_path / "mine.json", b"one")
    assert (tmp_path / "mine.json").read_bytes() == b"one"
    assert names(tmp_path) == ["mine.json"]


def test_each_save_keeps_the_version_before_it(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    for data in (b"one", b"two", b"three"):
        save_pack_file(path, data)
    assert path.read_bytes() == b"three"
    assert previous_path(path).read_bytes() == b"two"
    assert names(tmp_path) == ["mine.json", "mine.json.previous"]  # not *.json: discovery never lists it


def fail_on_fsync(monkeypatch: pytest.MonkeyPatch, call: int) -> None:
    """The disk fills up at the `call`-th fsync (1: copying the previous version, 2: writing the new one)."""
    real, calls = os.fsync, []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == call:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.parametrize("failing", [1, 2], ids=["keeping the previous version", "writing the new one"])
def test_a_full_disk_leaves_both_files_as_they_were(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int) -> None:
    path = tmp_path / "mine.json"
    save_pack_file(path, b"one")
    save_pack_file(path, b"two")
    fail_on_fsync(monkeypatch, failing)
    with pytest.raises(OSError) as raised:
        save_pack_file(path, b"three")
    assert raised.value.errno == errno.ENOSPC
    assert path.read_bytes() == b"two"
    # Failing after the copy (a crash there too) leaves the old file in both places, never in neither.
    assert previous_path(path).read_bytes() == (b"one" if failing == 1 else b"two")
    assert names(tmp_path) == ["mine.json", "mine.json.previous"], "no temporary file is left behind"


def test_a_folder_that_refuses_new_files_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only folder, simulated (chmod does not stop root, who runs CI containers)."""
    path = tmp_path / "mine.json"
    save_pack_file(path, b"one")
    real_open = os.open

    def read_only(file, flags, *args):
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(file, flags, *args)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(OSError, match="Read-only"):
        save_pack_file(path, b"two")
    assert path.read_bytes() == b"one"
    assert names(tmp_path) == ["mine.json"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="POSIX permissions, which root ignores")
def test_a_read_only_folder_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    save_pack_file(path, b"one")
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(PermissionError):
            save_pack_file(path, b"two")
    finally:
        tmp_path.chmod(0o755)
    assert path.read_bytes() == b"one"


def test_what_is_not_a_regular_file_is_not_copied_or_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(OSError):
        save_pack_file(folder, b"{}")
    assert folder.is_dir() and names(tmp_path) == ["folder.json"]
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        with pytest.raises(OSError, match="not a regular file"):  # and it does not block waiting for a writer
            copy_atomic(fifo, tmp_path / "copy")


def test_installed_means_inside_an_installed_folder_however_the_path_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = tmp_path / "installed"
    installed.mkdir()
    (installed / "shipped.json").write_text("{}")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "link.json").symlink_to(installed / "shipped.json")
    (tmp_path / "linked-folder").symlink_to(installed)
    monkeypatch.chdir(elsewhere)
    assert is_installed(installed / "shipped.json", [installed])
    assert is_installed(elsewhere / "link.json", [installed]), "a link to a shipped pack would overwrite it"
    assert is_installed(tmp_path / "linked-folder" / "shipped.json", [installed])
    assert is_installed(Path("../installed/new.json"), [installed]), "a new file there would become an installed pack"
    assert is_installed(installed / "shipped.json", [elsewhere, installed])
    assert not is_installed(elsewhere / "mine.json", [installed])
    assert not is_installed(installed.parent / "installed-not.json", [installed])
    assert not is_installed(installed / "shipped.json", [])
    (installed / "loop.json").symlink_to(installed / "loop.json")
    assert is_installed(installed / "loop.json", [installed])


@pytest.mark.parametrize(("path", "draft", "published"), [
    ("a/tiktok.json", "a/tiktok.draft.json", "a/tiktok.json"),
    ("a/tiktok.draft.json", "a/tiktok.draft.json", "a/tiktok.json"),
    ("a/my.pack.json", "a/my.pack.draft.json", "a/my.pack.json"),
])
def test_draft_and_published_names(path: str, draft: str, published: str) -> None:
    assert draft_path(Path(path)) == Path(draft)
    assert published_path(Path(path)) == Path(published)
    assert published_path(draft_path(Path(path))) == Path(published)
