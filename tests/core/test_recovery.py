"""Autosave and crash recovery: a killed process's autosave is offered, a running one's is not."""

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from viewer.core.review import recovery
from viewer.core.review.recovery import (
    clear_recovery,
    clear_running,
    crashed_recovery,
    mark_running,
    read_recovery,
    recovery_path,
    running_path,
    write_recovery,
)
from viewer.core.review.session import ReviewMark, Session, SessionArticle

ROOT = Path(__file__).resolve().parents[2]

SESSION = Session((SessionArticle("A", "/news/a.txt", "A", "Tax rose 4%.", "utf-8"),
                   SessionArticle("B", None, "B", "Tax rose 5%.", None)),
                  ("A", "B"), "A", "claims", {"min_phrase": 6},
                  (ReviewMark("claim:abc", "disputed", "4 or 5?"), ReviewMark("claim:def", "verified")))

CHILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[2])
    from viewer.core.review.recovery import mark_running, write_recovery
    from viewer.core.review.session import ReviewMark, Session, SessionArticle
    session = Session((SessionArticle("A", None, "Pasted", "Rates rose on Monday.", None),), ("A",),
                      "A", marks=(ReviewMark("claim:1234", "needs-attribution", "who said?"),))
    mark_running(sys.argv[1])
    write_recovery(sys.argv[1], session)
    print("ready", flush=True)
    time.sleep(60)
""")


def test_write_read_clear(tmp_path):
    config = tmp_path / "config" / "Copydesk"
    assert read_recovery(config) is None
    write_recovery(config, SESSION)
    assert recovery_path(config).is_file()
    assert read_recovery(config) == SESSION
    clear_recovery(config)
    clear_recovery(config)  # twice is fine
    assert read_recovery(config) is None


def test_broken_recovery_file_is_ignored_and_left_untouched(tmp_path):
    path = recovery_path(tmp_path)
    path.write_text('{"schema": "copydesk.session/1", "articles": [', "utf-8")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    assert read_recovery(tmp_path) is None
    assert crashed_recovery(tmp_path) is None
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_killed_process_autosave_is_offered_with_its_marks(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path), str(ROOT)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        assert json.loads(running_path(tmp_path).read_text())["pid"] == child.pid
        assert crashed_recovery(tmp_path) is None  # still running: not a crash
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    restored = crashed_recovery(tmp_path)
    assert restored is not None
    assert restored.marks == (ReviewMark("claim:1234", "needs-attribution", "who said?"),)
    assert restored.articles[0].text == "Rates rose on Monday."


def test_own_marker_means_running(tmp_path):
    write_recovery(tmp_path, SESSION)
    mark_running(tmp_path)
    assert crashed_recovery(tmp_path) is None
    clear_running(tmp_path)
    assert not running_path(tmp_path).exists()
    assert crashed_recovery(tmp_path) == SESSION  # no marker, but an autosave: a crash


@pytest.mark.parametrize("marker", [
    "not json",
    json.dumps({"pid": "12"}),
    json.dumps({"pid": 2 ** 22 + 12345, "start": None}),  # beyond pid_max: no such process
])
def test_unreadable_or_dead_marker_counts_as_crash(tmp_path, marker):
    write_recovery(tmp_path, SESSION)
    running_path(tmp_path).write_text(marker)
    assert crashed_recovery(tmp_path) == SESSION


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_reused_pid_is_not_mistaken_for_the_crashed_process(tmp_path):
    write_recovery(tmp_path, SESSION)
    running_path(tmp_path).write_text(json.dumps({"pid": os.getpid(), "start": "1"}))
    assert crashed_recovery(tmp_path) == SESSION


def test_exited_process_counts_as_crash(tmp_path):
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    write_recovery(tmp_path, SESSION)
    running_path(tmp_path).write_text(json.dumps({"pid": int(proc.stdout), "start": None}))
    if recovery._pid_alive(int(proc.stdout)):
        pytest.skip("the pid was reused already")
    assert crashed_recovery(tmp_path) == SESSION


def test_clear_running_leaves_another_process_marker(tmp_path):
    running_path(tmp_path).write_text(json.dumps({"pid": os.getppid(), "start": None}))
    clear_running(tmp_path)
    assert running_path(tmp_path).exists()


def test_no_recovery_no_offer(tmp_path):
    assert crashed_recovery(tmp_path) is None
    mark_running(tmp_path)
    clear_running(tmp_path)
    assert list(tmp_path.iterdir()) == []
