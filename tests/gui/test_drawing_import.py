"""The drawing code is imported off the UI thread, and code about to draw waits for it."""

from __future__ import annotations

import threading

from gui.widgets.drawing_import import BackgroundImport


def test_the_import_runs_on_another_thread_once_and_a_drawer_waits_for_it():
    started, release, threads = threading.Event(), threading.Event(), []

    def load() -> None:
        threads.append(threading.current_thread())
        started.set()
        release.wait(10)

    job = BackgroundImport()
    job.start(load)
    job.start(load)  # a second window painting starts nothing more
    assert started.wait(10)
    assert threads == [threads[0]] and threads[0] is not threading.main_thread()
    waited = threading.Thread(target=job.wait)
    waited.start()
    waited.join(0.2)
    assert waited.is_alive()  # still importing: whoever draws waits
    release.set()
    waited.join(10)
    assert not waited.is_alive()
    job.wait()  # once done, waiting costs nothing


def test_waiting_with_no_import_started_returns_at_once():
    BackgroundImport().wait()
