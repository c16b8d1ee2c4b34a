"""The whole analysis at scale: headless export of long texts against `git diff --word-diff`.

Builds pairs of real prose (METER newspapers and PA copy from ../shared/dev-data, read in place,
never copied) of about 1k, 10k, 50k, 100k and 200k words, the second with ~5 % of its words edited
and 5 paragraphs moved (`diff_bench.make_pair`), writes them to a temporary folder and runs the
headless export `main.py --export OUT.json A B` in fresh processes, against
`git diff --no-index --word-diff=porcelain` on the same files in the same run. For each size it
prints the median wall time of the export, the time of each stage inside it (load, diff, sentence
alignment, reuse, claims, JSON), the ratio to git, the peak memory of the export process, and at the
end the growth exponent of the analysis time (least squares on log time against log words).
From 40,000 words in all a second process takes part of the work (`comparison._split`: for two
long texts their pair, for many articles the claims): the stages it took then read 0 here, "wait"
is the time the first process waited for it, the CPU rows add its CPU, and its peak memory is
printed apart.
Then 12 articles of about 1,000 words (METER newspaper stories): the whole analysis (`compare`)
for the first call of a fresh process and in-process once warm (another 12 articles, so no
per-text cache helps), then warm with the app's standby process ready (`comparison.STANDBY`,
started as the app starts it once its window is up), which takes the claims while this process
analyses the pairs.

    python bench/scale_bench.py [--sizes 1000,10000,50000,100000,200000] [--runs 3]
                                [--twelve-runs 5] [--skip-twelve]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from diff_bench import corpus_paragraphs, git_word_diff, make_pair  # noqa: E402

DEV = ROOT.parent / "shared" / "dev-data"
STAGES = ("load", "diff", "alignment", "reuse", "claims", "wait", "json")


def _timed(module, name: str, stage: str, spent: dict, cpu: dict) -> None:
    """Wrap `module.name` so the wall (and CPU) time spent inside it is added to `spent[stage]`
    (and `cpu[stage]`)."""
    fn = getattr(module, name)

    def wrapper(*args, **kwargs):
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[stage] = spent.get(stage, 0.0) + time.perf_counter() - t0
            cpu[stage] = cpu.get(stage, 0.0) + time.process_time() - c0

    setattr(module, name, wrapper)


def child_export(out: str, files: list[str]) -> None:
    """Run the headless export in this (fresh) process with each stage timed; print JSON."""
    t_start = time.perf_counter()
    import viewer.core.comparison as comparison
    import viewer.core.formats.loaders as loaders
    import viewer.core.report.export as export
    import viewer.core.util.elsewhere as elsewhere
    from viewer.cli import parse_args, run_headless

    spent: dict[str, float] = {}
    cpu: dict[str, float] = {}
    _timed(loaders, "load_article", "load", spent, cpu)
    _timed(comparison, "word_diff", "diff", spent, cpu)
    _timed(comparison, "align_sentences", "alignment", spent, cpu)
    _timed(comparison, "analyse_pair", "reuse", spent, cpu)  # stage times add up both pair threads
    _timed(comparison, "derive_from_others", "reuse", spent, cpu)
    _timed(comparison, "_claims", "claims", spent, cpu)
    _timed(elsewhere.Elsewhere, "result", "wait", spent, cpu)  # for the second process's share
    _timed(export, "export", "json", spent, cpu)
    sys.argv = ["main.py", "--export", out, *files]
    t0 = time.perf_counter()
    status = run_headless(parse_args())
    t1 = time.perf_counter()
    import resource
    usage = resource.getrusage(resource.RUSAGE_SELF)
    child = resource.getrusage(resource.RUSAGE_CHILDREN)  # the claims' second process, if any
    print(json.dumps({"status": status, "stages": spent, "cpu": cpu, "run": t1 - t0, "imports": t0 - t_start,
                      "process_cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
                      "child_cpu": child.ru_utime + child.ru_stime, "child_peak_mb": child.ru_maxrss / 1024}))


def run_fresh(args: list[str]) -> tuple[dict, float]:
    """(child's JSON, wall seconds) of one fresh process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode:
        sys.exit(f"child failed: {err.strip()[-2000:]}")
    return json.loads(out.strip().splitlines()[-1]), wall


def fitted_exponent(xs: list[float], ys: list[float]) -> float:
    """Slope of log y against log x (least squares)."""
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def scale(sizes: list[int], runs: int) -> None:
    """The export table over `sizes` and the growth exponent."""
    pars = corpus_paragraphs()
    print(f"cpu: {os.cpu_count()} cores; medians of {runs} fresh processes; git: median of 3")
    head = f"{'words':>8} {'export':>8} " + " ".join(f"{s:>9}" for s in STAGES) + \
        f" {'analysis':>9} {'git':>8} {'ratio':>7} {'peak MB':>8}"
    print("wall times (CPU time of the same stage below each row, in brackets: the machine is shared)")
    print(head)
    xs, ys, cpus = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            a, b = make_pair(pars, size, random.Random(7), moves=5)
            pa, pb, out = (os.path.join(tmp, n) for n in ("a.txt", "b.txt", "out.json"))
            Path(pa).write_text(a, encoding="utf-8")
            Path(pb).write_text(b, encoding="utf-8")
            gits = []
            for _ in range(3):
                t0 = time.perf_counter()
                git_word_diff(pa, pb)
                gits.append(time.perf_counter() - t0)
            t_git = statistics.median(gits)
            results = [run_fresh(["--child", out, pa, pb]) for _ in range(runs)]
            wall = statistics.median(w for _, w in results)
            stage = {s: statistics.median(r["stages"].get(s, 0.0) for r, _ in results) for s in STAGES}
            analysis = statistics.median(sum(r["stages"].get(s, 0.0) for s in STAGES[1:6])
                                         for r, _ in results)
            cpu = {s: statistics.median(r["cpu"].get(s, 0.0) for r, _ in results) for s in STAGES}
            cpu_analysis = statistics.median(sum(r["cpu"].get(s, 0.0) for s in STAGES[1:6])
                                             for r, _ in results)
            cpu_all = statistics.median(r["process_cpu"] + r["child_cpu"] for r, _ in results)
            child_cpu = statistics.median(r["child_cpu"] for r, _ in results)
            cpu_analysis += child_cpu  # the claims' CPU, where they ran in a second process
            peak = max(r["peak_mb"] for r, _ in results)
            child_peak = max(r["child_peak_mb"] for r, _ in results)
            words = len(a.split())
            xs.append(words)
            ys.append(analysis)
            cpus.append(cpu_analysis)
            print(f"{words:>8} {wall:>7.2f}s " + " ".join(f"{stage[s]:>8.3f}s" for s in STAGES) +
                  f" {analysis:>8.3f}s {t_git * 1000:>6.1f}ms {wall / t_git:>6.0f}x {peak:>8.0f}")
            print(f"{'':>8} [{cpu_all:>6.2f}s] " + " ".join(f"[{cpu[s]:>6.3f}s]" for s in STAGES) +
                  f" [{cpu_analysis:>6.3f}s]" + (f"  second process: CPU {child_cpu:.2f} s, peak "
                                                 f"{child_peak:.0f} MB" if child_cpu else ""), flush=True)
    if len(xs) > 1:
        print(f"growth exponent of the analysis (diff + alignment + reuse + claims + wait) over "
              f"{xs[0]:,}-{xs[-1]:,} words: {fitted_exponent(xs, ys):.2f} wall, "
              f"{fitted_exponent(xs, cpus):.2f} CPU (target ≤ 1.2)")
        if len(xs) > 2:
            print(f"  same over the sizes from {xs[1]:,} words: {fitted_exponent(xs[1:], ys[1:]):.2f} wall, "
                  f"{fitted_exponent(xs[1:], cpus[1:]):.2f} CPU")


def twelve_articles(offset: int):
    """12 articles of about 1,000 words from METER newspaper stories, starting at `offset`."""
    from viewer.core.text.article import Article, letter_for
    from viewer.core.text.tokens import count_words

    base = DEV / "meter"
    with open(base / "labels_subset.tsv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    pool = [(base / r["newspaper_rawtext"]).read_bytes().decode("latin-1") for r in rows]
    articles, k = [], offset
    for i in range(12):
        kept, n = [], 0
        while n < 1000:
            for par in pool[k % len(pool)].replace("\r\n", "\n").split("\n"):
                if n >= 1000:
                    break
                kept.append(par)
                n += count_words(par)
            k += 1
        articles.append(Article(letter_for(i), "", "\n".join(kept)))
    return articles


def child_twelve() -> None:
    """First call of this fresh process, then warm calls on other articles; print JSON."""
    t0 = time.perf_counter()
    from viewer.core.comparison import compare
    t_import = time.perf_counter() - t0
    first_set, warm_sets = twelve_articles(0), [twelve_articles(40 * k) for k in range(1, 4)]
    t0, c0 = time.perf_counter(), time.process_time()
    compare(first_set)
    first, first_cpu = time.perf_counter() - t0, time.process_time() - c0
    warm, warm_cpu = [], []
    for arts in warm_sets:
        t0, c0 = time.perf_counter(), time.process_time()
        compare(arts)
        warm.append(time.perf_counter() - t0)
        warm_cpu.append(time.process_time() - c0)
    from viewer.core.comparison import STANDBY

    STANDBY.start()  # as the app does once its window is up
    while not STANDBY.ready():
        time.sleep(0.01)
    standby = []
    for arts in [twelve_articles(40 * k) for k in range(4, 7)]:
        t0 = time.perf_counter()
        compare(arts, second_process=True)
        standby.append(time.perf_counter() - t0)
    STANDBY.stop()
    print(json.dumps({"import": t_import, "first": first, "warm": statistics.median(warm),
                      "first_cpu": first_cpu, "warm_cpu": statistics.median(warm_cpu),
                      "standby": statistics.median(standby),
                      "words": sum(a.word_count for a in first_set)}))


def twelve(runs: int) -> None:
    """Print the 12-article figures (medians of fresh processes)."""
    results = [run_fresh(["--child-twelve"])[0] for _ in range(runs)]
    med = {k: statistics.median(r[k] for r in results)
           for k in ("import", "first", "warm", "first_cpu", "warm_cpu", "standby")}
    firsts = sorted(r["first"] for r in results)
    print(f"12 articles ({results[0]['words']} words), whole analysis (compare), medians of {runs} "
          f"fresh processes: first call {med['first']:.2f} s ({firsts[0]:.2f}-{firsts[-1]:.2f}; "
          f"imports before it {med['import']:.2f} s; target ≤ 0.8 s), warm {med['warm']:.2f} s "
          f"(target ≤ 0.4 s); CPU time: first {med['first_cpu']:.2f} s, warm {med['warm_cpu']:.2f} s; "
          f"warm with the app's standby process taking the claims: {med['standby']:.2f} s")


def main() -> None:
    """Parse arguments; run the parent bench or one child measurement."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_export(sys.argv[2], sys.argv[3:])
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--child-twelve":
        child_twelve()
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,50000,100000,200000")
    ap.add_argument("--runs", type=int, default=3, help="fresh processes per size (median shown)")
    ap.add_argument("--twelve-runs", type=int, default=5)
    ap.add_argument("--skip-twelve", action="store_true")
    args = ap.parse_args()
    if args.sizes:
        scale([int(s) for s in args.sizes.split(",")], args.runs)
    if not args.skip_twelve:
        twelve(args.twelve_runs)


if __name__ == "__main__":
    main()
