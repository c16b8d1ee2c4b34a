"""Exact decoding of the multilingual encoding corpus (tests/data/encodings), per encoding.

    python bench/encoding_bench.py [--misses]

Every file of the corpus is read as Copydesk reads a .txt file (bytes only:
the file name, which holds the truth, is never shown to the reader). A file
counts as exact when the decoded text equals the source text. Prints one row
per encoding (files, exact, flagged uncertain), the total, and for every miss
the encoding chosen, whether it was flagged and whether all ASCII letters of
the source survived. Long files and one-line files are counted apart too.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from viewer.core.formats import Extracted, FormatError  # noqa: E402
from viewer.core.formats.text import read  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "encodings"
WESTERN = ("en", "fr", "de", "es", "pt", "it")


def corpus(folder: Path = CORPUS) -> list[tuple[Path, str, str, str, bool]]:
    """(path, true encoding, language, expected text, short?) for every file of a corpus."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        stem, encoding = path.name[:-4].split(".", 1)
        short = stem.endswith("-short")
        source = (folder / "source" / (stem.removesuffix("-short") + ".txt")).read_text("utf-8")
        expected = source.splitlines()[0] + "\n" if short else source
        out.append((path, encoding, stem.split("-")[0], expected, short))
    return out


def _ascii_letters(text: str) -> list[str]:
    return [ch for ch in text if ch.isascii() and ch.isalpha()]


def main() -> int:
    """Decode the corpus; print the table and the misses."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--corpus", default=str(CORPUS),
                    help="corpus folder (default tests/data/encodings; the held-out one is "
                         "tests/data/encodings-heldout, written after the guesser was tuned)")
    args = ap.parse_args()
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # files, exact, flagged, long ok, short ok
    misses = []
    western_bad = 0
    started = time.perf_counter()
    files = corpus(Path(args.corpus))
    for path, encoding, lang, expected, short in files:
        try:
            found = read(path.read_bytes())
        except FormatError as exc:
            found = Extracted(f"(refused: {exc.reason})", None, "refused")
        exact = found.text == expected
        row = rows[encoding]
        row[0] += 1
        row[1] += exact
        row[2] += bool(found.uncertain)
        row[4 if short else 3] += exact
        if not exact:
            keeps = _ascii_letters(found.text) == _ascii_letters(expected)
            misses.append((path.name, found.encoding, found.uncertain, keeps))
            if lang in WESTERN and not (keeps and found.uncertain):
                western_bad += 1
    took = time.perf_counter() - started
    print(f"{'encoding':<15} {'files':>5} {'exact':>6} {'long':>5} {'short':>5} {'flagged':>7}")
    total = [0, 0, 0]
    for enc in sorted(rows):
        n, ok, flagged, long_ok, short_ok = rows[enc]
        total = [total[0] + n, total[1] + ok, total[2] + flagged]
        print(f"{enc:<15} {n:>5} {ok / n:>6.0%} {long_ok:>5} {short_ok:>5} {flagged:>7}")
    print(f"{'all':<15} {total[0]:>5} {total[1] / total[0]:>6.1%} "
          f"({total[1]} exact, {total[2]} flagged uncertain)")
    print(f"Western misses not flagged or losing ASCII letters: {western_bad}")
    print(f"{took / len(files) * 1000:.1f} ms per file")
    if args.misses or len(misses) <= 30:
        for name, enc, flagged, keeps in misses:
            print(f"  miss {name}: read as {enc}{' (flagged)' if flagged else ''}"
                  f"{'' if keeps else ', ASCII letters lost'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
