"""Sentence splitting of text with no paragraph breaks (a PDF or web page flattened to one line).

Joins the words of real prose (METER newspapers and PA copy from ../shared/dev-data, read in
place, never copied; `diff_bench.corpus_paragraphs`) into one paragraph of each size, and times
`text.sentences.split_sentences` against pysbd given the whole paragraph at once (the peer: its
time grows with the square of the paragraph's length, so it runs only up to --peer-max words).
Also prints how many sentences each finds and how many of the spans differ.

    python bench/long_paragraph_bench.py [--sizes 2000,8000,32000,100000] [--peer-max 32000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from diff_bench import corpus_paragraphs  # noqa: E402

from viewer.core.text import sentences  # noqa: E402


def main() -> None:
    """Print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2000,8000,32000,100000")
    ap.add_argument("--peer-max", type=int, default=32000)
    args = ap.parse_args()
    words = " ".join(corpus_paragraphs()).split()
    sentences.split_sentences("Warm up. Mr. Smith came.")
    print(f"{'words':>8} {'chars':>9} {'copydesk':>9} {'sentences':>9} {'pysbd whole':>12} {'sentences':>9} "
          f"{'ratio':>6} {'spans differing':>15}")
    for n in (int(x) for x in args.sizes.split(",")):
        par = " ".join(words[:n])
        t0 = time.perf_counter()
        ours = sentences._split_paragraph(par, "en")
        t_ours = time.perf_counter() - t0
        row = f"{n:>8} {len(par):>9} {t_ours:>8.2f}s {len(ours):>9}"
        if n <= args.peer_max:
            t0 = time.perf_counter()
            whole = sentences._pysbd_spans(par, "en")
            t_whole = time.perf_counter() - t0
            row += (f" {t_whole:>11.2f}s {len(whole):>9} {t_whole / t_ours:>5.1f}x "
                    f"{len(set(ours) ^ set(whole)):>15}")
        print(row, flush=True)


if __name__ == "__main__":
    main()
