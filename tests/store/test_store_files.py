"""write_atomic: the file is either the old one or the new one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from store.files import write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, b"old")

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_a_written_file_gets_the_users_normal_permissions(tmp_path: Path, umask: int, mode: int) -> None:
    """Submissions and reports are for others: the umask decides, as for any file the user saves."""
    target = tmp_path / "submission.json"
    previous = os.umask(umask)
    try:
        write_atomic(target, b"{}")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_a_kept_pack_is_the_very_file_that_was_checked(tmp_path: Path) -> None:
    """A pack replaced between opening and keeping (or by a pipe) is refused, not copied unchecked."""
    import os

    from scenario.pack import PackError, load_pack
    from store.kept_packs import keep_pack
    from tests.conftest import MINI_PACK

    opened = tmp_path / "mine.json"
    opened.write_bytes(MINI_PACK.read_bytes())
    loaded = load_pack(opened)
    opened.write_bytes(MINI_PACK.read_bytes().replace(b"Mini pack", b"Mini pact"))
    kept_dir = tmp_path / "kept"
    with pytest.raises(PackError, match="changed after it was opened"):
        keep_pack(loaded, [tmp_path / "installed", kept_dir])
    if hasattr(os, "mkfifo"):
        opened.unlink()
        os.mkfifo(opened)
        with pytest.raises(PackError, match="not a regular file"):
            keep_pack(loaded, [tmp_path / "installed", kept_dir])
    assert not (kept_dir / "mini.json").exists()
