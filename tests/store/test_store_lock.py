"""One running instance per data directory; a dead instance's lock goes with it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from store.connection import open_store
from store.errors import StoreLockedError
from store.paths import database_path

REPO = Path(__file__).parents[2]

HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from store.connection import open_store
    store = open_store(Path(sys.argv[1]))
    print("open", flush=True)
    time.sleep(60)
""")


@pytest.fixture
def other_instance(data_dir: Path):
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(data_dir)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    yield child
    child.kill()
    child.wait()


def test_second_instance_is_refused_before_touching_the_database(data_dir: Path, other_instance: subprocess.Popen) -> None:
    database_path(data_dir).unlink()  # the other instance cannot notice; a refused open must not recreate it
    with pytest.raises(StoreLockedError):
        open_store(data_dir)
    assert not database_path(data_dir).exists()


def test_lock_is_released_when_the_holder_dies(data_dir: Path, other_instance: subprocess.Popen) -> None:
    other_instance.kill()
    other_instance.wait()
    with open_store(data_dir):
        pass


def test_same_process_cannot_open_twice(data_dir: Path) -> None:
    with open_store(data_dir):
        with pytest.raises(StoreLockedError):
            open_store(data_dir)
    with open_store(data_dir):  # and closing releases it
        pass
