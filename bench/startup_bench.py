"""Time from launch to the window on screen, and to the seeds' analysis drawn.

Spawns a fresh Python process that starts Copydesk exactly as `main.py` does
(on the bundled seeds) and reports when the window is shown and when the
first comparison has been drawn; the clock starts before the process is
spawned, so interpreter start-up and imports are included. Uses the
offscreen platform unless DISPLAY is set.

    python bench/startup_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = r"""
import sys, time
sys.path.insert(0, %r)
from PySide6.QtCore import QTimer
from viewer.app import make_application
from viewer.ui.mainwindow import MainWindow
app = make_application()
win = MainWindow(None)
win.show()
def shown():
    print("shown", time.time(), flush=True)
def drawn(_result):
    QTimer.singleShot(0, lambda: (print("drawn", time.time(), flush=True), app.quit()))
win.runner.result_ready.connect(drawn)
QTimer.singleShot(0, shown)
QTimer.singleShot(20000, app.quit)
app.exec()
win.runner.wait()
"""


def run_once() -> tuple[float, float]:
    """Seconds from spawn to window shown, and to analysis drawn."""
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="copydesk-bench-")  # never the user's settings
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", PROBE % str(ROOT)], capture_output=True, text=True,
                         env=env, timeout=60, cwd=ROOT).stdout
    stamps = dict(line.split() for line in out.splitlines() if line.split()[:1] in (["shown"], ["drawn"]))
    return float(stamps["shown"]) - t0, float(stamps["drawn"]) - t0


def main() -> None:
    """Print median and worst start-up times."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    run_once()  # warm the file cache
    shown, drawn = zip(*(run_once() for _ in range(args.runs)))
    print(f"window shown:    median {statistics.median(shown) * 1000:.0f} ms, "
          f"worst {max(shown) * 1000:.0f} ms  (target ≤ 1500 ms)")
    print(f"analysis drawn:  median {statistics.median(drawn) * 1000:.0f} ms, "
          f"worst {max(drawn) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
