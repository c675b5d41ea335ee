"""A draft (*.draft.json) is listed with its reasons and never loaded as a pack, through any door."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import cli
from scenario.class_loader import load_class
from scenario.pack import UNPUBLISHED, PackError, discover_packs, find_pack, load_pack
from scenario.pack_index import packs_by_id
from tests.conftest import MINI_PACK
from tests.submissions import write_class


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A pack folder with only a valid pack saved as a draft, under the name that sorts first."""
    folder = tmp_path / "packs"
    folder.mkdir()
    shutil.copy(MINI_PACK, folder / "mini.draft.json")
    return folder


def test_a_valid_draft_is_listed_unpublished_and_not_loaded(folder: Path) -> None:
    [entry] = discover_packs(folder)
    assert entry.draft and entry.loaded is None
    assert entry.error is not None and entry.error.problems == [UNPUBLISHED]


def test_a_draft_with_errors_is_listed_with_them(folder: Path, mini_json: dict) -> None:
    del mini_json["version"]
    (folder / "mini.draft.json").write_text(json.dumps(mini_json))
    [entry] = discover_packs(folder)
    assert entry.draft and entry.loaded is None
    assert entry.error is not None and "version" in entry.error.first


def test_no_other_file_is_a_draft(folder: Path) -> None:
    shutil.copy(MINI_PACK, folder / "draft.json")
    (folder / "broken.json").write_text("{")
    assert {e.path.name: e.draft for e in discover_packs(folder)} == {"broken.json": False, "draft.json": False, "mini.draft.json": True}


def test_a_draft_is_never_a_pack_by_id_by_path_or_by_import(folder: Path, tmp_path: Path) -> None:
    assert packs_by_id([folder]) == {}
    with pytest.raises(PackError):
        find_pack("mini", folder)
    with pytest.raises(PackError, match="a draft, not yet published"):
        find_pack(str(folder / "mini.draft.json"))
    with pytest.raises(PackError):
        load_pack(folder / "mini.draft.json")
    [submission] = write_class(tmp_path / "class", 1)
    shutil.copy(MINI_PACK, tmp_path / "published.json")
    assert load_class([submission], [tmp_path]).aggregate is not None  # the same file reads with the pack published
    refused = load_class([submission], [folder])
    assert refused.aggregate is None and "mini" in refused.skipped[0].reason, "the class view finds no pack for it"


def test_a_draft_does_not_take_its_id_from_the_published_pack(folder: Path) -> None:
    """mini.draft.json sorts before mini.json: counted as a pack, it would make the real one a duplicate."""
    shutil.copy(MINI_PACK, folder / "mini.json")
    draft, published = discover_packs(folder)
    assert draft.draft and published.loaded is not None and published.error is None
    assert list(packs_by_id([folder])) == ["mini"]


def test_the_command_line_refuses_a_draft(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.validate_packs([str(folder / "mini.draft.json")]) == 1
    assert "mini.draft.json: a draft, not yet published" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:
        cli.parse_options(["--pack", str(folder / "mini.draft.json")])
    assert exited.value.code == 2
    assert "cannot open pack" in capsys.readouterr().err
