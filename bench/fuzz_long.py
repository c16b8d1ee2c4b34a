"""Long fuzz run outside CI: the suite's fuzz target (tests/core/fuzzing.py) for N minutes.

    nice -n 19 python bench/fuzz_long.py --minutes 30 --log /tmp/copydesk-fuzz.log

Feeds hypothesis-generated random and mutated bytes of every supported format
through loading and analysis, batch after batch (generation only, no
shrinking: a failure is caught, counted and its input saved, and the run goes
on). Every minute, and at the end, a line of counts goes to the log: inputs,
outcomes, crashes, inputs over 20 s, the slowest input and the peak memory
(max RSS). A watchdog thread notes an input that is still running after 20 s,
so a real hang is reported even if it never returns. Crashing and slow inputs
are saved under --out for replay.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sys
import threading
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "core")]

from fuzzing import inputs, run_one, sample_files  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

HANG_S = 20.0


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    """Run the fuzz target until the time is up; print and log the counts."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=30.0)
    ap.add_argument("--log", default="fuzz_long.log")
    ap.add_argument("--out", default="fuzz_findings", help="folder for crashing/slow inputs")
    ap.add_argument("--batch", type=int, default=500, help="hypothesis examples per batch")
    args = ap.parse_args()
    out = Path(args.out)
    log = open(args.log, "a", buffering=1, encoding="utf-8")
    counts: Counter = Counter()
    state = {"current": None, "started": 0.0, "slowest": 0.0, "reported": None}
    started = time.monotonic()
    deadline = started + args.minutes * 60

    def say(line: str) -> None:
        stamp = time.strftime("%H:%M:%S")
        log.write(f"{stamp} {line}\n")
        print(f"{stamp} {line}", flush=True)

    def save(kind: str, suffix: str, data: bytes, detail: str = "") -> Path:
        out.mkdir(parents=True, exist_ok=True)
        name = f"{kind}-{hashlib.sha1(data).hexdigest()[:12]}{suffix}"
        (out / name).write_bytes(data)
        if detail:
            (out / (name + ".txt")).write_text(detail, encoding="utf-8")
        return out / name

    def summary(final: bool = False) -> None:
        elapsed = time.monotonic() - started
        outcome = ", ".join(f"{k} {counts[k]:,}" for k in ("text", "session", "refused"))
        say(f"{'FINAL ' if final else ''}{elapsed / 60:.1f} min: {counts['inputs']:,} inputs "
            f"({outcome}); crashes {counts['crash']}, over {HANG_S:.0f} s {counts['hang']}, "
            f"slowest {state['slowest']:.2f} s, peak memory {_peak_mib():.0f} MiB")

    def watchdog() -> None:
        while True:
            time.sleep(1.0)
            cur = state["current"]
            if cur is not None and state["reported"] is not cur \
                    and time.monotonic() - state["started"] > HANG_S:
                state["reported"] = cur
                path = save("stuck", cur[0], cur[1])
                say(f"STILL RUNNING after {HANG_S:.0f} s: {path}")

    threading.Thread(target=watchdog, daemon=True).start()

    @settings(max_examples=args.batch, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(case=inputs())
    def batch(case):
        suffix, data = case
        state["started"] = time.monotonic()
        state["current"] = case
        try:
            counts[run_one(suffix, data)] += 1
        except Exception as exc:  # a crash: count it, keep its input, go on
            counts["crash"] += 1
            path = save("crash", suffix, data, traceback.format_exc())
            say(f"CRASH {type(exc).__name__}: {str(exc)[:200]} ({path})")
        finally:
            took = time.monotonic() - state["started"]
            state["current"] = None
            counts["inputs"] += 1
            state["slowest"] = max(state["slowest"], took)
            if took > HANG_S:
                counts["hang"] += 1
                say(f"SLOW {took:.1f} s: {save('slow', suffix, data)}")

    from viewer.cli.voice import route_library_output
    route_library_output()  # pypdf's warnings on broken files go to the (silent) log
    sample_files()
    say(f"fuzzing for {args.minutes:g} min, {len(sample_files())} sample files")
    last = time.monotonic()
    while time.monotonic() < deadline:
        batch()
        if time.monotonic() - last >= 60:
            summary()
            last = time.monotonic()
    summary(final=True)
    return 1 if counts["crash"] or counts["hang"] else 0


if __name__ == "__main__":
    sys.exit(main())
