"""Cold start of the standalone bundle to a usable window with the seeds, against the venv install.

Starts a virtual X screen (Xvfb) and launches, several times each and alternately, the bundle
(`dist/Copydesk/copydesk`) and the installed app (`python main.py`) exactly as a user would, with an
empty environment (`env -i HOME=… DISPLAY=…`) and a fresh home folder each time (no settings, first
run). The clock starts before the process is spawned and stops when xdotool sees the window's
title name all the sample articles ("Copydesk — 5 articles · base: A"), which the window sets once
their analysis is drawn; "mapped" is when the window first appears. Nothing in the app is
instrumented. With --cold the page cache is dropped before every start (needs root), so the
bundle's files are read from disk as after a reboot.

    python bench/bundle_startup_bench.py [--runs 5] [--cold] [--bundle dist/Copydesk/copydesk]

Needs Debian's xvfb and xdotool (../shared/tools/screenshot.sh installs them).
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
sys.path.insert(0, str(ROOT))

from viewer.core.formats.loaders import seed_paths  # noqa: E402


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """A virtual screen on a free display number, once it accepts clients."""
    for n in range(120, 160):
        if Path(f"/tmp/.X11-unix/X{n}").exists() or Path(f"/tmp/.X{n}-lock").exists():
            continue
        proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while proc.poll() is None and time.time() < deadline:  # another session may take the number
            if subprocess.run(["xdotool", "getdisplaygeometry"], env={"DISPLAY": f":{n}"},
                              capture_output=True).returncode == 0:
                return proc, f":{n}"
            time.sleep(0.2)
        proc.kill()
    raise SystemExit("no free X display number")


def window_with(display: str, title: str) -> bool:
    """True when a window whose title contains `title` exists on `display`."""
    return subprocess.run(["xdotool", "search", "--name", title], env={"DISPLAY": display, "LANG": "C.UTF-8"},
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


def drop_caches() -> None:
    """Write dirty pages and drop the page cache, so the next start reads from disk."""
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def start_once(cmd: list[str], display: str, seeds: int, cold: bool) -> tuple[float, float]:
    """Seconds from spawn to the window mapped, and to the seeds' analysis drawn."""
    home = tempfile.mkdtemp(prefix="copydesk-bench-home-")
    if cold:
        drop_caches()
    t0 = time.perf_counter()
    log = Path(home) / "output.txt"
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, env={"HOME": home, "DISPLAY": display}, cwd=home,
                                stdout=out, stderr=subprocess.STDOUT)
    mapped = drawn = None
    try:
        while drawn is None and time.perf_counter() - t0 < 60:
            if mapped is None and window_with(display, "^Copydesk"):
                mapped = time.perf_counter() - t0
            if window_with(display, f" {seeds} articles"):  # ASCII: "Copydesk — 5 articles · base: A"
                drawn = time.perf_counter() - t0
                mapped = mapped or drawn
            time.sleep(0.005)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    if drawn is None:
        titles = subprocess.run(["xdotool", "search", "--name", ".", "getwindowname", "%@"],
                                env={"DISPLAY": display}, capture_output=True, text=True).stdout
        raise SystemExit(f"{cmd[0]}: no window with the seeds within 60 s; windows: {titles!r}; "
                         f"it printed: {log.read_text(errors='replace')[-2000:]}")
    return mapped, drawn


def main() -> None:
    """Print median / worst start times of the bundle and the venv install, and their ratio."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cold", action="store_true", help="drop the page cache before every start")
    ap.add_argument("--bundle", default=str(ROOT / "dist" / "Copydesk" / "copydesk"))
    args = ap.parse_args()
    commands = {"bundle": [args.bundle], "venv": [sys.executable, str(ROOT / "main.py")]}
    seeds = len(seed_paths())
    xvfb, display = start_xvfb()
    try:
        if not args.cold:  # one start each to warm the file cache
            for cmd in commands.values():
                start_once(cmd, display, seeds, False)
        times: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
        for _ in range(args.runs):  # alternate, so both see the same machine load
            for name, cmd in commands.items():
                times[name].append(start_once(cmd, display, seeds, args.cold))
    finally:
        xvfb.terminate()
    cache = "cold page cache" if args.cold else "warm page cache"
    print(f"{args.runs} fresh starts each under Xvfb, empty environment, {cache}:")
    for name, runs in times.items():
        mapped, drawn = zip(*runs)
        print(f"  {name:6}  window mapped: median {statistics.median(mapped):.2f} s, worst {max(mapped):.2f} s"
              f"   seeds drawn: median {statistics.median(drawn):.2f} s, worst {max(drawn):.2f} s"
              + ("   (target ≤ 2 s)" if name == "bundle" else ""))
    ratio = statistics.median(d for _, d in times["bundle"]) / statistics.median(d for _, d in times["venv"])
    print(f"  bundle / venv (seeds drawn, medians): {ratio:.2f}×")


if __name__ == "__main__":
    main()
