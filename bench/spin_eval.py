"""Spin detection and all-pairs speed.

1. Spin: bench/data/pride_and_prejudice_ch1.txt (public domain, Austen 1813) is
   spun with a seeded thesaurus substituter built on viewer.core.text.synonyms (each
   content word of 3+ letters that has a one-word synonym is swapped with
   probability SWAP_RATE). Reports the spin score (target >= 0.8) and the share
   of the swaps made that the detector lists (target >= 80 %).
2. Independent: two reports about the same invented event, written separately
   (bench/data/bridge_report_{a,b}.txt); target score <= 0.2.
3. Other prose (--per-genre N): thesaurus-spun copies of wire copy, newspaper stories,
   web news, news sentences and the Austen chapter (read in place from ../shared/dev-data),
   scored with the detector knowing all, half or none of the spinner's swaps (a real spinner
   has its own thesaurus), and the spin score of real METER pairs (independent, partially
   and wholly derived newspaper stories against their PA versions).
4. Speed: analyse_pair over all 66 pairs of 12 articles of about 1,000 words
   (built from the bundled seeds, some of them spun), then each article's
   derivation against all the others together; target <= 1 s. Timed in fresh
   processes (median and range of --timing-runs), as single runs vary by up to 30 %
   on a shared virtual machine.

Run: /tmp/venv/bin/python bench/spin_eval.py [--seed N]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from functools import lru_cache
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer.core.comparison import derive_from_others  # noqa: E402
from viewer.core.reuse.pairs import analyse_pair, detect_spin  # noqa: E402
from viewer.core.reuse.relation import INDEPENDENT, PARTIALLY, WHOLLY  # noqa: E402
from viewer.core.reuse.spin import SPUN_SCORE  # noqa: E402
from viewer.core.text import synonyms  # noqa: E402
from viewer.core.text.article import Article  # noqa: E402
from viewer.core.text.tokens import fold, tokenize  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
SWAP_RATE = 0.5
STOPWORDS = frozenset("""the and for are but not you all any can her was one our out his has him had how
its may who did get she they them then than that this with have from what when were will your there
their would could should about which these those been being into such upon very must some more most
much other only own same also just now here where why over under again once""".split())


def spin_text(text: str, rng: random.Random, rate: float = SWAP_RATE) -> tuple[str, list[tuple[int, int, str, str]]]:
    """A spun copy of `text` and its swaps (a_start, a_end, old word, new word)."""
    out: list[str] = []
    swaps: list[tuple[int, int, str, str]] = []
    for tok in tokenize(text):
        word = tok.text
        if tok.is_word and word.isalpha() and len(word) >= 3 and fold(word) not in STOPWORDS:
            choices = sorted(s for s in synonyms.synonyms(word)
                             if s.isalpha() and s != fold(word) and synonyms.are_synonyms(word, s))
            if choices and rng.random() < rate:
                new = rng.choice(choices)
                if word[0].isupper():
                    new = new[0].upper() + new[1:]
                swaps.append((tok.start, tok.end, word, new))
                word = new
        out.append(word)
    return "".join(out), swaps


def listed_share(result, swaps) -> float:
    """Share of the swaps made that lie inside a listed substitution."""
    spans = [(s.a_start, s.a_end) for s in result.substitutions]
    hit = sum(any(s <= a0 and a1 <= e for s, e in spans) for a0, a1, _, _ in swaps)
    return hit / len(swaps) if swaps else 0.0


DEV = ROOT.parent / "shared" / "dev-data"  # read in place, never copied


@lru_cache(maxsize=1)
def meter_stories():
    """METER's labelled newspaper stories with their PA versions (`train_derivation.load`)."""
    from train_derivation import load
    return load(DEV / "meter")


def genre_samples(rng: random.Random, per_genre: int) -> dict[str, list[str]]:
    """Texts of 150-1,500 words of several kinds of prose from ../shared/dev-data and bench/data:
    wire copy and newspaper stories (METER), web news (ECB+), news sentences strung together
    (MSRP), and the Austen chapter."""
    import glob

    def pick(texts: list[str]) -> list[str]:
        texts = [t for t in texts if 150 <= len(t.split()) <= 1500]
        return rng.sample(texts, min(per_genre, len(texts)))

    papers = [paper.text for *_, paper, _ in meter_stories()]
    wire = [Path(p).read_text(encoding="latin-1")
            for p in sorted(glob.glob(str(DEV / "meter/meter_corpus/PA/rawtexts/*/*/*/*.txt")))]
    ecb = []
    with open(DEV / "ecbplus_event_clusters" / "clusters.jsonl", encoding="utf-8") as f:
        for line in f:
            ecb += [" ".join(s["text"] for s in d["sentences"]) for d in json.loads(line)["docs"]]
    with open(DEV / "msrp" / "msr_paraphrase_train.txt", encoding="utf-8-sig") as f:
        sentences = [row.split("\t")[3] for row in list(f)[1:]]
    msrp = [" ".join(rng.sample(sentences, 12)) for _ in range(per_genre)]
    novel = [(DATA / "pride_and_prejudice_ch1.txt").read_text(encoding="utf-8")]
    return {"wire copy (METER PA)": pick(wire), "newspaper (METER)": pick(papers),
            "web news (ECB+)": pick(ecb), "news sentences (MSRP)": pick(msrp),
            "novel (Austen ch. 1)": novel}


def _known_share(share: float):
    """`synonyms.are_synonyms` as a detector that knows only `share` of the word pairs
    (a stable hash of the pair decides), to stand for a spinner's own thesaurus."""
    import hashlib
    real = synonyms.are_synonyms

    def are_synonyms(a: str, b: str) -> bool:
        key = "|".join(sorted((fold(a), fold(b)))).encode()
        return real(a, b) and hashlib.sha1(key).digest()[0] < 256 * share
    return are_synonyms


def genres(seed: int, per_genre: int) -> None:
    """Spin score of thesaurus-spun copies of several kinds of prose, with the detector knowing
    all, half or none of the spinner's synonyms; and of real independent and derived pairs."""
    from statistics import median
    from unittest import mock

    rng = random.Random(seed)
    samples = genre_samples(rng, per_genre)
    for rate in (SWAP_RATE, SWAP_RATE / 2):
        print(f"\nSpun copies of other prose (each eligible word swapped with probability {rate}; up to "
              f"{per_genre} texts per kind, seed {seed}): spin score median / lowest / share >= 0.8, with "
              "the detector's thesaurus knowing all / half / none of the spinner's swaps; pair label "
              "wholly derived")
        for kind, texts in samples.items():
            spun = [(t, *spin_text(t, rng, rate)) for t in texts]
            cells = []
            for share in (1.0, 0.5, 0.0):
                with mock.patch.object(synonyms, "are_synonyms", _known_share(share)):
                    scores = [detect_spin(Article("A", "", t), Article("B", "", s)).score
                              for t, s, _ in spun]
                cells.append(f"{median(scores):.2f} / {min(scores):.2f} / "
                             f"{sum(x >= 0.8 for x in scores) / len(scores):.0%}")
            wholly = sum(analyse_pair(Article("A", "", t), Article("B", "", s)).label == "wholly-derived"
                         for t, s, _ in spun)
            print(f"  {kind:<24} {len(spun):>3} texts: all {cells[0]}; half {cells[1]}; "
                  f"none {cells[2]}; wholly derived {wholly / len(spun):.0%}")

    print("Real pairs of METER (newspaper story against each PA version of its story): spin score")
    stories = meter_stories()
    for label in (INDEPENDENT, PARTIALLY, WHOLLY):
        scores = sorted(detect_spin(pa, paper).score
                        for gold, _, _, paper, pas in stories if gold == label for pa in pas)
        print(f"  {label:<18} {len(scores):>4} pairs: <= 0.2 {sum(x <= 0.2 for x in scores) / len(scores):.1%}, "
              f">= {SPUN_SCORE} (shown as spun) {sum(x >= SPUN_SCORE for x in scores)}, "
              f"median {median(scores):.2f}, highest {scores[-1]:.2f}")


def timing_articles(rng: random.Random) -> list[Article]:
    """12 articles of about 1,000 words from the bundled seeds: two seeds each, every third spun."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    arts = []
    for k in range(12):
        paragraphs = [par for d in range(3) for par in seeds[(k + d) % len(seeds)].splitlines() if par.strip()]
        kept, count = [], 0
        for par in paragraphs:  # whole paragraphs up to about 1,000 words
            if count >= 1000:
                break
            kept.append(par)
            count += len(par.split())
        text = "\n\n".join(kept)
        if k % 3 == 2:
            text, _ = spin_text(text, rng, 0.3)
        arts.append(Article(f"T{k}", "", text))
    return arts


def timing(seed: int) -> dict:
    """One cold then one warm pass over all pairs (run in a fresh process)."""
    arts = timing_articles(random.Random(seed))
    words = [a.word_count for a in arts]
    t0 = time.perf_counter()
    pairs = [analyse_pair(x, y) for x, y in combinations(arts, 2)]
    t1 = time.perf_counter()
    derive_from_others(arts, pairs={(p.a, p.b): p for p in pairs})
    cold, others = time.perf_counter() - t0, time.perf_counter() - t1
    t0 = time.perf_counter()
    pairs = [analyse_pair(x, y) for x, y in combinations(arts, 2)]
    derive_from_others(arts, pairs={(p.a, p.b): p for p in pairs})
    warm = time.perf_counter() - t0
    return {"cold": cold, "warm": warm, "others": others, "pairs": len(pairs),
            "words": f"{min(words)}-{max(words)}"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1813)
    parser.add_argument("--timing-runs", type=int, default=12, help="fresh processes timed (median shown)")
    parser.add_argument("--per-genre", type=int, default=30,
                        help="texts spun per kind of prose (0: skip that part)")
    parser.add_argument("--timing-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    synonyms.preload()
    if args.timing_child:
        print(json.dumps(timing(args.seed)))
        return 0

    source = (DATA / "pride_and_prejudice_ch1.txt").read_text(encoding="utf-8")
    spun, swaps = spin_text(source, rng)
    result = detect_spin(Article("A", "", source), Article("B", "", spun))
    n_words = sum(t.is_word for t in tokenize(source))
    print(f"Spun copy (Austen, seed {args.seed}): {len(swaps)} swaps in {n_words} words")
    print(f"  spin score = {result.score:.3f} (target >= 0.8)")
    print(f"  swaps listed = {listed_share(result, swaps):.1%} (target >= 80 %), "
          f"{len(result.substitutions)} substitutions listed, "
          f"{sum(s.known_synonym for s in result.substitutions)} known synonyms")
    print("  e.g. " + ", ".join(f"{s.a_text}->{s.b_text}" for s in result.substitutions[:8]))

    a = Article("A", "", (DATA / "bridge_report_a.txt").read_text(encoding="utf-8"))
    b = Article("B", "", (DATA / "bridge_report_b.txt").read_text(encoding="utf-8"))
    ind = detect_spin(a, b)
    print(f"\nIndependent reports of the same event: spin score = {ind.score:.3f} (target <= 0.2), "
          f"{len(ind.substitutions)} substitutions listed")

    if args.per_genre:
        genres(args.seed, args.per_genre)

    runs = [json.loads(subprocess.run([sys.executable, __file__, "--seed", str(args.seed), "--timing-child"],
                                      capture_output=True, text=True, check=True).stdout)
            for _ in range(args.timing_runs)]
    cold, warm, others = (sorted(r[k] for r in runs) for k in ("cold", "warm", "others"))
    mid = len(runs) // 2
    print(f"\nAll {runs[0]['pairs']} pairs of 12 articles ({runs[0]['words']} words), then each "
          f"article against all the others; median of {len(runs)} fresh processes (range):")
    print(f"  cold (per-article caches empty) {cold[mid]:.2f} s ({cold[0]:.2f}-{cold[-1]:.2f}; "
          f"{others[mid]:.2f} s of it the latter), warm {warm[mid]:.2f} s ({warm[0]:.2f}-{warm[-1]:.2f}) "
          f"(target <= 1 s)")
    arts = timing_articles(random.Random(args.seed))
    pairs = [analyse_pair(x, y) for x, y in combinations(arts, 2)]
    labels = {}
    for p in pairs:
        labels[p.label] = labels.get(p.label, 0) + 1
    print(f"  labels: {dict(sorted(labels.items()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
