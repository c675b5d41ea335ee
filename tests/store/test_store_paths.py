"""The default data folder is absolute, or refused with a clear message: never under the current folder."""

from __future__ import annotations

import pwd
import sys
from pathlib import Path

import pytest

from store.paths import APP_NAME, ENV_VAR, DataDirError, default_data_dir

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG folders are a Linux and BSD thing")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.mark.parametrize("xdg", ["relative/share", "", "."])
def test_a_relative_or_empty_xdg_data_home_is_ignored(xdg: str, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The XDG spec: a relative path there is invalid, and an empty one means the default."""
    monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert default_data_dir() == home / ".local" / "share" / APP_NAME


def test_an_absolute_xdg_data_home_is_used(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / APP_NAME


def test_without_any_home_the_folder_is_refused_with_what_to_do(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HOME")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    def no_account(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", no_account)
    with pytest.raises(DataDirError, match="--data-dir"):
        default_data_dir()
    assert default_data_dir("/srv/class") == Path("/srv/class")  # an explicit folder needs no home


def test_the_override_and_the_environment_variable_still_win(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, "/srv/lab")
    assert default_data_dir() == Path("/srv/lab")
    assert default_data_dir("/srv/other") == Path("/srv/other")
