"""The desktop bundle runs as a user who only downloaded it would run it.

`make dist` builds the archive; `make check-dist` runs these tests on it (CI does both). The
archive is unpacked outside the checkout and run with a bare environment (`env -i` with only
PATH), so nothing of the venv, the checkout or the developer's settings can help it.
"""

from __future__ import annotations

import os
import subprocess
import tarfile
from pathlib import Path

import pytest

from scenario import __version__
from tests.conftest import MINI_PACK
from tests.submissions import write_class
from tests.test_cli import ROOT

pytestmark = pytest.mark.bundle
BARE = {"PATH": "/usr/bin:/bin"}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    archives = sorted((ROOT / "dist").glob(f"divestiture-lab-{__version__}-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not archives:
        pytest.fail("no bundle for this version in dist/: run `make dist` first")
    where = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archives[-1]) as tar:
        tar.extractall(where, filter="tar")
    return where / "divestiture-lab"


def run(bundle: Path, *args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bundle / "divestiture-lab"), *args], capture_output=True, text=True, timeout=120,
                          env={**BARE, **env}, cwd=cwd)


def test_the_bundle_carries_the_packs_schema_icon_and_desktop_file(bundle: Path) -> None:
    data = bundle / "_internal" / "resources"
    for needed in ("scenarios/tiktok-2020.json", "scenarios/tiktok-2024.json", "schema/pack.schema.json",
                   "icons/divestiture-lab.svg", "divestiture-lab.desktop"):
        assert (data / needed).is_file(), needed
    assert os.access(bundle / "install.sh", os.X_OK)
    assert not list(bundle.rglob("tests")) and not list(bundle.rglob("*Qt6Network*"))


def test_version_in_a_bare_environment(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle, "--version", cwd=tmp_path, QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0 and result.stdout.strip() == f"divestiture-lab {__version__}"


def test_screenshot_of_an_installed_pack(bundle: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    result = run(bundle, "--data-dir", str(tmp_path / "data"), "--pack", "tiktok-2020", "--date", "2020-08-21",
                 "--screenshot", str(shot), cwd=tmp_path, QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 50_000  # a drawn window, not a blank one


def test_batch_commands_with_no_display(bundle: Path, tmp_path: Path) -> None:
    """class-report draws charts (matplotlib) and writes a PDF (Qt) with no DISPLAY and no QT_QPA_PLATFORM."""
    packs = bundle / "_internal" / "resources" / "scenarios"
    check = run(bundle, "validate-pack", str(packs / "tiktok-2020.json"), str(packs / "tiktok-2024.json"), cwd=tmp_path)
    assert check.returncode == 0 and check.stdout.count(": ok") == 2
    data = tmp_path / "data"
    (data / "packs").mkdir(parents=True)
    (data / "packs" / "mini.json").write_bytes(MINI_PACK.read_bytes())
    files = write_class(tmp_path / "class", 3)
    out = tmp_path / "class.pdf"
    report = run(bundle, "class-report", *map(str, files), "--out", str(out), "--data-dir", str(data), cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert out.read_bytes().startswith(b"%PDF")
    sheet = tmp_path / "sheet.pdf"
    handout = run(bundle, "handout", "tiktok-2024", "--date", "2024-12-01", "--out", str(sheet), cwd=tmp_path)
    assert handout.returncode == 0 and sheet.read_bytes().startswith(b"%PDF"), handout.stderr


def test_install_and_uninstall_the_menu_entry_for_this_user(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {**BARE, "HOME": str(home)}
    installed = subprocess.run([str(bundle / "install.sh"), "--user"], capture_output=True, text=True, env=env, timeout=60)
    assert installed.returncode == 0, installed.stderr
    entry = home / ".local/share/applications/divestiture-lab.desktop"
    icon = home / ".local/share/icons/hicolor/scalable/apps/divestiture-lab.svg"
    lines = entry.read_text().splitlines()
    assert f'Exec="{bundle / "divestiture-lab"}"' in lines and "Icon=divestiture-lab" in lines
    assert icon.read_bytes() == (bundle / "_internal/resources/icons/divestiture-lab.svg").read_bytes()
    removed = subprocess.run([str(bundle / "install.sh"), "--uninstall"], capture_output=True, text=True, env=env, timeout=60)
    assert removed.returncode == 0 and not entry.exists() and not icon.exists()
    assert (bundle / "divestiture-lab").exists()  # the app itself stays


def test_install_script_without_an_option_explains_itself(bundle: Path) -> None:
    result = subprocess.run([str(bundle / "install.sh")], capture_output=True, text=True, env=BARE, timeout=60)
    assert result.returncode == 2 and "usage:" in result.stderr


@pytest.mark.parametrize(("folder", "accepted"), [("My Apps (2026)", True), ("costs $5", False)])
def test_the_menu_entry_holds_the_folder_it_was_run_from(bundle: Path, tmp_path: Path, folder: str, accepted: bool) -> None:
    """A space is quoted in Exec=; a character the desktop entry spec reserves is refused, not mangled."""
    moved = tmp_path / folder
    moved.symlink_to(bundle, target_is_directory=True)  # `pwd` in the script reports this path
    home = tmp_path / "home"
    result = subprocess.run([str(moved / "install.sh"), "--user"], capture_output=True, text=True, env={**BARE, "HOME": str(home)},
                            cwd=tmp_path, timeout=60)
    entry = home / ".local/share/applications/divestiture-lab.desktop"
    if accepted:
        assert result.returncode == 0 and f'Exec="{moved / "divestiture-lab"}"' in entry.read_text().splitlines()
    else:
        assert result.returncode == 1 and "move the folder" in result.stderr and not entry.exists()


def test_a_non_ascii_name_prints_in_a_bare_c_locale(bundle: Path, tmp_path: Path) -> None:
    """A student's file name with accents, in the POSIX locale: read and printed, no UnicodeEncodeError."""
    weird = tmp_path / "Ünïcode pack.json"
    weird.write_bytes(MINI_PACK.read_bytes())
    result = run(bundle, "validate-pack", str(weird), cwd=tmp_path, LC_ALL="POSIX")
    assert result.returncode == 0 and result.stdout.strip() == f"{weird}: ok"
