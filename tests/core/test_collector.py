"""The cyclic garbage collector is paused while an analysis runs and always runs again after."""

import gc
import threading

import pytest

from viewer.core.comparison import compare
from viewer.core.text.article import Article
from viewer.core.util.cancel import Cancelled
from viewer.core.util.collector import collector_paused


@pytest.fixture(autouse=True)
def collector_running():
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_nested_blocks_and_running_after_an_error():
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer analysis still runs
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with collector_paused():
            raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_the_caller_had_stopped_stays_stopped():
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_overlapping_analyses_in_threads_resume_once_the_last_ends():
    inside, leave = threading.Event(), threading.Event()

    def other():
        with collector_paused():
            inside.set()
            leave.wait(5)

    t = threading.Thread(target=other)
    t.start()
    inside.wait(5)
    with collector_paused():
        pass
    assert not gc.isenabled()  # the thread's analysis has not ended
    leave.set()
    t.join(5)
    assert gc.isenabled()


def test_compare_runs_with_the_collector_paused_and_restores_it():
    arts = [Article("A", "", "The council approved the budget on Monday. It rose 4 percent."),
            Article("B", "", "The council passed the budget on Monday; it rose 5 percent.")]
    seen = []
    compare(arts, progress=lambda done, total: seen.append(gc.isenabled()))
    assert seen and not any(seen) and gc.isenabled()
    with pytest.raises(Cancelled):
        compare(arts, cancelled=lambda: True)
    assert gc.isenabled()


def test_paused_functions_and_triage_workers_run_without_the_collector():
    from viewer.core.triage.workerpool import _worker_start
    from viewer.core.util.collector import paused

    @paused
    def state(x):
        return x, gc.isenabled()

    assert state(3) == (3, False) and gc.isenabled()
    _worker_start()  # what each triage worker process runs first
    assert not gc.isenabled()


def test_freeze_moves_what_is_alive_out_of_later_collections_when_the_last_analysis_ends():
    gc.unfreeze()
    with collector_paused(freeze=True):
        with collector_paused():
            kept = [[] for _ in range(100)]
        assert gc.get_freeze_count() == 0  # not before the last one ends
    assert gc.get_freeze_count() > 0 and gc.isenabled() and kept
    gc.unfreeze()
    with collector_paused():
        pass
    assert gc.get_freeze_count() == 0
