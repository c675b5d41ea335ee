"""`make dist`: the self-contained desktop bundle, packed as one archive.

PyInstaller builds the `divestiture-lab/` folder from packaging/divestiture-lab.spec; this
script adds `install.sh` (menu entry and icon, per user) and packs the folder as
`dist/divestiture-lab-<version>-<os>-<arch>.tar.gz`, then prints the folder's size, so a
growing bundle is noticed.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scenario import __version__  # noqa: E402  (the checkout's version, without installing it)

DIST = ROOT / "dist"
ARCHES = {"amd64": "x86_64", "x86_64": "x86_64", "arm64": "aarch64", "aarch64": "aarch64"}


def archive_name() -> str:
    system = platform.system().lower()
    arch = ARCHES.get(platform.machine().lower(), platform.machine().lower())
    return f"divestiture-lab-{__version__}-{system}-{arch}.tar.gz"


def folder_size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def main() -> int:
    folder = DIST / "divestiture-lab"
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "packaging" / "divestiture-lab.spec")], check=True, cwd=ROOT)
    shutil.copy2(ROOT / "packaging" / "install.sh", folder / "install.sh")
    shutil.copy2(ROOT / "LICENSE", folder / "LICENSE")
    out = DIST / archive_name()
    with tarfile.open(out, "w:gz") as tar:
        tar.add(folder, arcname="divestiture-lab")
    print(f"{out.relative_to(ROOT)}: {out.stat().st_size / 1e6:.0f} MB packed, {folder_size_mb(folder):.0f} MB unpacked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
