"""Word-diff speed against `git diff --no-index --word-diff=porcelain`.

Builds pairs of real prose of about 1,000, 20,000 and 100,000 words from the
METER corpus in ../shared/dev-data (read in place, never copied), edits ~5 %
of the words of the second text and moves a few paragraphs, then times
Copydesk's word diff with each backend and git's word diff on the same files
in the same run, and prints both times and the ratio; then the worst case, two texts that each
repeat one sentence (no word occurs once in each). It also checks that no
diff was truncated (both texts rebuild exactly and the equal share stays
high).

    python bench/diff_bench.py [--sizes 1000,20000,100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import glob
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer.core.comparison import compare  # noqa: E402
from viewer.core.diff.align import _sentences_and_bags
from viewer.core.diff.worddiff import DELETE, EQUAL, INSERT, available_backends, word_diff
from viewer.core.text.article import Article

METER = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-data" / "meter"


def corpus_paragraphs() -> list[str]:
    """Paragraphs of real news prose (METER newspapers and PA copy)."""
    files = sorted(glob.glob(str(METER / "meter_corpus" / "**" / "rawtexts" / "**" / "*.txt"),
                             recursive=True))
    if not files:
        sys.exit(f"no METER texts under {METER}")
    pars = []
    for f in files:
        text = Path(f).read_bytes().decode("latin-1").replace("\r\n", "\n").replace("<", "")
        pars.extend(" ".join(p.split()) for p in text.split("\n") if len(p.split()) > 8)
    return pars


def make_pair(pars: list[str], n_words: int, rng: random.Random,
              moves: int | None = None) -> tuple[str, str]:
    """A text of about n_words and an edited copy (~5 % words, moved paragraphs:
    `moves` of them, or one in 50 when None)."""
    chosen, total, k = [], 0, 0
    while total < n_words:
        p = pars[k % len(pars)]
        chosen.append(p)
        total += len(p.split())
        k += 1
    a = "\n\n".join(chosen)
    edited = []
    vocab = a.split()
    for p in chosen:
        ws = p.split()
        out = []
        for w in ws:
            r = rng.random()
            if r < 0.02:
                continue  # dropped
            if r < 0.04:
                out.append(rng.choice(vocab))  # changed
            else:
                out.append(w)
            if rng.random() < 0.01:
                out.append(rng.choice(vocab))  # added
        edited.append(" ".join(out))
    for _ in range(max(1, len(edited) // 50) if moves is None else moves):  # move a few paragraphs
        i, j = rng.randrange(len(edited)), rng.randrange(len(edited))
        edited.insert(j, edited.pop(i))
    return a, "\n\n".join(edited)


def time_best(fn, repeat: int) -> float:
    """Best wall time of `repeat` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def git_word_diff(pa: str, pb: str) -> None:
    """git's own word diff of two files, output discarded."""
    subprocess.run(["git", "diff", "--no-index", "--word-diff=porcelain", pa, pb],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def check_exact(a: str, b: str, ops) -> float:
    """Assert the diff rebuilds both texts; return the equal share of a."""
    assert "".join(t for op, t in ops if op != INSERT) == a, "diff does not rebuild a"
    assert "".join(t for op, t in ops if op != DELETE) == b, "diff does not rebuild b"
    return sum(len(t) for op, t in ops if op == EQUAL) / max(1, len(a))


def main() -> None:
    """Print the timing table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,20000,100000")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(7)
    pars = corpus_paragraphs()
    backends = available_backends()
    print(f"backends: {', '.join(backends)}   cpu: {os.cpu_count()} cores")
    print(f"{'words':>8} {'backend':>8} {'copydesk':>10} {'git':>9} {'ratio':>7} {'equal':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            a, b = make_pair(pars, size, rng)
            pa, pb = os.path.join(tmp, "a.txt"), os.path.join(tmp, "b.txt")
            Path(pa).write_text(a, encoding="utf-8")
            Path(pb).write_text(b, encoding="utf-8")
            t_git = time_best(lambda: git_word_diff(pa, pb), args.repeat)
            for backend in backends:
                ops = word_diff(a, b, backend=backend)
                equal = check_exact(a, b, ops)
                rep = args.repeat if size <= 20000 or backend == "cpp" else 1
                t = time_best(lambda: word_diff(a, b, backend=backend), rep)
                print(f"{len(a.split()):>8} {backend:>8} {t * 1000:>8.1f}ms {t_git * 1000:>7.1f}ms"
                      f" {t / t_git:>6.2f}x {equal:>6.1%}")
        # The worst case: texts that repeat one sentence each, where no word occurs once in each.
        one, other = "The council met on Monday and approved the budget. ", \
            "A storm hit the coast overnight and closed the port. "
        for n in (4000, 8000):
            a, b = one * n, other * n
            pa, pb = os.path.join(tmp, "a.txt"), os.path.join(tmp, "b.txt")
            Path(pa).write_text(a, encoding="utf-8")
            Path(pb).write_text(b, encoding="utf-8")
            t_git = time_best(lambda: git_word_diff(pa, pb), 1)
            t = time_best(lambda: word_diff(a, b), 1)
            check_exact(a, b, word_diff(a, b))
            print(f"{len(a.split()):>8} {'repeated':>8} {t * 1000:>8.1f}ms {t_git * 1000:>7.1f}ms {t / t_git:>6.2f}x"
                  f"  (one repeated sentence against another)")
    a, b = make_pair(pars, 1000, random.Random(11))
    arts = [Article("A", "a", a), Article("B", "b", b)]
    t = time_best(lambda: (_sentences_and_bags.cache_clear(), compare(arts)), args.repeat)
    print(f"full analysis (diff + sentence alignment + counts) of two "
          f"{len(a.split())}-word articles: {t * 1000:.1f} ms (target ≤ 100 ms)")


if __name__ == "__main__":
    main()
