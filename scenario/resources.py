"""Where the shipped data lives, in a checkout and in an installed wheel alike."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
PACKS_DIR = RESOURCES / "scenarios"
ICON = RESOURCES / "icons" / "divestiture-lab.svg"
