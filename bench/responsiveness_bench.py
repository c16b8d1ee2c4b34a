"""GUI-thread responsiveness while opening and analysing two 100,000-word texts.

A heartbeat timer fires every 10 ms on the GUI thread from the moment the
window is created until the analysis has been drawn and every highlight
painted (also timed). The longest gap between two beats is how long the GUI
thread was blocked at worst; the target is ≤ 100 ms. Also times a cancel and a
close mid-analysis. Texts: real prose from the METER corpus (read in place).

    python bench/responsiveness_bench.py [--words 100000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from diff_bench import corpus_paragraphs, make_pair  # noqa: E402


class Heartbeat:
    """Records the longest gap between timer ticks on the GUI thread."""

    def __init__(self, interval_ms: int = 10):
        from PySide6.QtCore import QTimer
        self.worst = 0.0
        self.where = ""
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.beat)
        self.phase = "start"
        self.long_gaps: list[tuple[float, float, str]] = []  # (at, gap, phase)
        self.t0 = time.perf_counter()

    def beat(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        if gap > self.worst:
            self.worst, self.where = gap, self.phase
        if gap > 0.1:
            self.long_gaps.append((now - self.t0, gap, self.phase))
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()


def main() -> None:
    """Print the worst GUI-thread gap and the cancel/close times."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=100_000)
    args = ap.parse_args()
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="copydesk-bench-")
    os.environ["COPYDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="copydesk-bench-")
    from PySide6.QtWidgets import QApplication

    from viewer.app import make_application
    from viewer.ui.mainwindow import MainWindow

    app = make_application()
    a, b = make_pair(corpus_paragraphs(), args.words, random.Random(5))
    tmp = Path(tempfile.mkdtemp(prefix="copydesk-bench-"))
    (tmp / "a.txt").write_text(a, encoding="utf-8")
    (tmp / "b.txt").write_text(b, encoding="utf-8")
    hb = Heartbeat()
    hb.start()
    t0 = time.perf_counter()
    hb.phase = "window"
    win = MainWindow([str(tmp / "a.txt"), str(tmp / "b.txt")])
    win.show()
    hb.phase = "loading and analysis (worker)"
    win.runner.result_ready.connect(lambda _r: setattr(hb, "phase", "drawing the result"))
    while win.comparison is None or win.runner.is_busy():
        app.processEvents()
        time.sleep(0.002)
    t_drawn = time.perf_counter() - t0
    hb.phase = "painting"
    t1 = time.perf_counter()
    while not all(p.painted for p in win.panes.values()) and time.perf_counter() < t1 + 600:
        app.processEvents()  # the highlights go on in batches (ArticlePane._paint_batch)
        time.sleep(0.002)
    t_painted = time.perf_counter() - t1
    end = time.perf_counter() + 1.0
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)
    print(f"two {len(a.split()):,}-word texts: analysis drawn after {t_drawn:.1f} s, every highlight "
          f"painted {t_painted:.1f} s later")
    print(f"worst GUI-thread gap: {hb.worst * 1000:.0f} ms during {hb.where} (target ≤ 100 ms)")
    for at, gap, phase in hb.long_gaps:
        print(f"  gap of {gap * 1000:.0f} ms at {at:.1f} s ({phase})")

    # Cancel and close while an analysis runs.
    win.open_paths([str(ROOT / "seeds" / sorted(os.listdir(ROOT / "seeds"))[0])])
    app.processEvents()
    t1 = time.perf_counter()
    win.runner.cancel()
    while win.runner.is_busy():
        app.processEvents()
        time.sleep(0.002)
    print(f"cancel mid-analysis: stopped after {(time.perf_counter() - t1) * 1000:.0f} ms")
    win.request_analysis()
    app.processEvents()
    t2 = time.perf_counter()
    win.session.ask = lambda *x: None
    win.close()
    print(f"close mid-analysis: window closed cleanly in {(time.perf_counter() - t2) * 1000:.0f} ms")
    QApplication.processEvents()


if __name__ == "__main__":
    main()
