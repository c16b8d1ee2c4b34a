"""Sessions in the window: save/open round trip, review marks, quit prompt, recovery, reports."""

import hashlib
import json

from monkey import claim_rows
from PySide6.QtWidgets import QMessageBox

from viewer.core.review.recovery import mark_running, read_recovery, write_recovery
from viewer.core.review.session import load_session
from viewer.ui.claimsmodel import KeyRole, MarkRole


def _first_claim_index(win):
    proxy = win.claims_panel.proxy
    for r in range(proxy.rowCount()):
        sec = proxy.index(r, 0)
        if proxy.rowCount(sec):
            return proxy.index(0, 0, sec)
    raise AssertionError("no claims")


def test_mark_save_and_reopen_round_trip(make_window, seed_files, tmp_path, qtbot):
    win = make_window(seed_files[:3])
    index = _first_claim_index(win)
    win.claims_panel.view.setCurrentIndex(index)
    win.claims_panel.mark_current("disputed", "check the figure with the agency")
    key = index.data(KeyRole)
    assert index.data(MarkRole).mark == "disputed"
    assert "✘" in index.data()
    assert win.session.dirty and win.windowTitle().endswith("•")
    win.move_pane("A", 1)
    win.set_base("B")
    path = tmp_path / "work.copydesk"
    win.session.ask_save_path = lambda: str(path)
    assert win.session.save()
    assert not win.session.dirty
    saved = load_session(path)
    assert saved.order == ("B", "A", "C") and saved.base == "B"
    assert [(m.target, m.mark, m.note) for m in saved.marks] == [(key, "disputed",
                                                                 "check the figure with the agency")]

    win2 = make_window(seed_files[3:4])
    win2.open_paths([str(path)])
    qtbot.waitUntil(lambda: not win2.runner.is_busy() and len(win2.panes) == 3, timeout=10000)
    assert win2.letters_in_order() == ["B", "A", "C"] and win2.base == "B"
    marked = [i for i in claim_rows(win2) if i.data(MarkRole) is not None]
    assert [i.data(KeyRole) for i in marked] == [key]
    assert win2.session.path == str(path) and "work.copydesk" in win2.windowTitle()


def test_mark_filter(make_window, seed_files):
    win = make_window(seed_files[:3])
    index = _first_claim_index(win)
    win.claims_panel.view.setCurrentIndex(index)
    win.claims_panel.mark_current("verified")
    combo = win.claims_panel.mark_combo
    combo.setCurrentIndex(combo.findData("verified"))
    rows = claim_rows(win)
    assert rows and all(i.data(MarkRole).mark == "verified" for i in rows)
    combo.setCurrentIndex(combo.findData("unmarked"))
    assert all(i.data(MarkRole) is None for i in claim_rows(win))
    combo.setCurrentIndex(0)


def test_session_with_moved_file_opens_from_snapshot_and_says_so(make_window, tmp_path, qtbot):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The bridge opened on Friday after two years of work.", encoding="utf-8")
    b.write_text("The new bridge opened on Friday.", encoding="utf-8")
    win = make_window([str(a), str(b)])
    path = tmp_path / "s.copydesk"
    win.session.ask_save_path = lambda: str(path)
    assert win.session.save_as()
    saved = json.loads(path.read_text(encoding="utf-8"))["articles"]
    assert [x["digest"] for x in saved] == [hashlib.sha256(p.read_bytes()).hexdigest() for p in (a, b)]
    a.unlink()
    b.write_text("Completely different text now.", encoding="utf-8")
    win2 = make_window([str(tmp_path / "s.copydesk")])
    qtbot.waitUntil(lambda: not win2.runner.is_busy() and len(win2.panes) == 2, timeout=10000)
    assert "two years of work" in win2.panes["A"].article.text
    msgs = "\n".join(win2.error_bar.messages)
    assert "moved or deleted" in msgs and "changed on disk" in msgs


def test_bad_session_file_gets_a_message_and_changes_nothing(make_window, seed_files, tmp_path):
    bad = tmp_path / "bad.copydesk"
    bad.write_text('{"schema": "copydesk.session/9", "articles": []}', encoding="utf-8")
    before = (bad.read_bytes(), bad.stat().st_mtime_ns)
    win = make_window(seed_files[:2])
    assert not win.session.open_path(str(bad))
    assert any("newer Copydesk" in m for m in win.error_bar.messages)
    assert (bad.read_bytes(), bad.stat().st_mtime_ns) == before
    assert len(win.panes) == 2


def test_quitting_with_unsaved_marks_asks(make_window, seed_files, tmp_path):
    win = make_window(seed_files[:2])
    win.claims_panel.view.setCurrentIndex(_first_claim_index(win))
    win.claims_panel.mark_current("verified")
    asked = []
    win.session.ask = lambda *a: asked.append(a[0]) or QMessageBox.StandardButton.Cancel
    assert not win.close()
    assert asked == ["Unsaved Review Marks"] and win.isVisible()
    win.session.ask = lambda *a: QMessageBox.StandardButton.Discard
    assert win.close()


def test_autosave_and_recovery_restore(make_window, seed_files, tmp_path, qtbot):
    data = tmp_path / "data"
    win = make_window(seed_files[:2])
    win.claims_panel.view.setCurrentIndex(_first_claim_index(win))
    win.claims_panel.mark_current("needs-attribution", "who said it?")
    win.session.autosave_now()
    saved = read_recovery(data)
    assert saved is not None and saved.marks[0].note == "who said it?"
    # A crashed process: its recovery file stays, its running marker names a dead pid.
    (data / "running.json").write_text(json.dumps({"pid": 2**22 + 12345, "start": "x"}))
    win.session.ask = lambda *a: QMessageBox.StandardButton.Discard
    win.close()
    write_recovery(data, saved)
    (data / "running.json").write_text(json.dumps({"pid": 2**22 + 12345, "start": "x"}))
    win2 = make_window(seed_files[2:3])
    found = win2.session.start()
    assert found is not None
    win2.session.ask = lambda *a: QMessageBox.StandardButton.Yes
    assert win2.session.offer_recovery(found)
    qtbot.waitUntil(lambda: not win2.runner.is_busy() and len(win2.panes) == 2, timeout=10000)
    assert [i.data(MarkRole).note for i in claim_rows(win2) if i.data(MarkRole)] == ["who said it?"]
    mark_running(data)


def test_report_export_html_and_pdf_with_marks(make_window, seed_files, tmp_path, qapp):
    from viewer.ui.pdfexport import report_document
    win = make_window(seed_files[:3])
    win.claims_panel.view.setCurrentIndex(_first_claim_index(win))
    win.claims_panel.mark_current("disputed", "ask the desk")
    html_path, pdf_path = tmp_path / "r.html", tmp_path / "r.pdf"
    assert win.export_to(str(html_path)) and win.export_to(str(pdf_path))
    html = html_path.read_text(encoding="utf-8")
    assert "<script" not in html and "ask the desk" in html
    assert pdf_path.read_bytes().startswith(b"%PDF") and pdf_path.stat().st_size > 5000
    text = report_document(html).toPlainText()
    for art in win.comparison.articles:
        assert art.title in text
    for claim in win.comparison.claims:
        assert " ".join(claim.text.split()) in " ".join(text.split())


def test_autosave_restores_every_mark_after_kill_9(make_window, seed_files, tmp_path, qtbot):
    """The app runs random actions in a child process and is killed with SIGKILL mid-run;
    the next start finds its autosave and restores every mark it had saved."""
    import os
    import signal
    import subprocess
    import sys
    import threading
    import time
    from pathlib import Path

    from viewer.core.review.recovery import crashed_recovery
    from viewer.ui.sessions import data_dir

    child = Path(__file__).with_name("monkey_child.py")
    work = tmp_path / "child"
    work.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COPYDESK_DATA_DIR=str(data_dir()))
    proc = subprocess.Popen([sys.executable, str(child), str(work), *seed_files], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()
    deadline = time.monotonic() + 90
    try:
        def saved_marks():
            return [json.loads(x[6:]) for x in list(lines) if x.startswith("SAVED ")]
        while time.monotonic() < deadline and not (
                sum(1 for m in saved_marks() if m) >= 3 and len(saved_marks()[-1]) >= 2):
            assert proc.poll() is None, "the app stopped on its own"
            time.sleep(0.1)
        time.sleep(0.7)  # in the middle of more random actions
        assert proc.poll() is None
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        reader.join(10)
    assert proc.returncode == -signal.SIGKILL
    steps = [x for x in lines if x.startswith("STEP ")]
    events = [x for x in lines if x.startswith(("SAVING ", "SAVED "))]
    assert steps and events and saved_marks()[-1], "no autosave with marks before the kill"
    # The recovery file holds the last completed autosave (or, if the kill fell inside the
    # atomic write, either that one or the one being written).
    last_saved = saved_marks()[-1]
    allowed = [last_saved] + ([json.loads(events[-1][7:])] if events[-1].startswith("SAVING ") else [])

    recovered = crashed_recovery(data_dir())
    assert recovered is not None, "the killed app's autosave was not offered"
    got = [[m.target, m.mark, m.note] for m in recovered.marks]
    assert got in allowed
    assert len(steps) >= 10  # killed in the middle of a random run, not at start-up

    # The next start: the window offers the crashed session (found above, before this window
    # could autosave over it) and the user accepts.
    win = make_window(seed_files[3:4])
    win.session.ask = lambda *a: QMessageBox.StandardButton.Yes
    crashed = recovered
    assert win.session.offer_recovery(crashed)
    qtbot.waitUntil(lambda: not win.runner.is_busy() and win.comparison is not None
                    and len(win.panes) == len(crashed.articles), timeout=20000)
    assert [[m.target, m.mark, m.note] for m in win.session.marks] == got
    shown = {i.data(KeyRole): (i.data(MarkRole).mark, i.data(MarkRole).note)
             for i in claim_rows(win) if i.data(MarkRole) is not None}
    keys = {i.data(KeyRole) for i in claim_rows(win)}
    for target, mark, note in got:
        if target in keys:  # a claim whose article was closed after marking is not shown
            assert shown[target] == (mark, note)
    assert any(target in keys for target, _, _ in got)
