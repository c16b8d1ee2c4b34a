"""Derivation labels on METER: out-of-sample figures first, then checks of the shipped model.

Reads ../shared/dev-data/meter in place (research use only; nothing is copied).
METER labels each newspaper article against the PA (wire) copy of its story,
which comes in one to eighteen versions. Reported:
- the headline: leave-one-day-out and leave-one-domain-out ternary macro-F1,
  ROC AUC, confusion matrices and per-domain figures of both readings
  (together: the story against all its PA versions; pair: its best single
  version, either direction), each fold's models fitted by
  bench/train_derivation.py's code on the other folds only;
- false alarms of the shipped models: each newspaper article against 3 or 10
  PA stories about other events taken together, and against its best single
  one of them (many unrelated sources must not add up to "derived");
- direction: in derived pairs, how often the pair reading calls the newspaper
  (not the PA copy) the derived one;
- spin scores of these real (edited, not spun) pairs.
In-sample figures of the shipped model are not printed: they say nothing of
unseen copy.

Run: python bench/reuse_eval.py [--meter PATH]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_derivation as td  # noqa: E402

from viewer.core.reuse.direction import text_source  # noqa: E402
from viewer.core.reuse.relation import (  # noqa: E402
    INDEPENDENT, LABELS, MODEL, PAIR_EITHER_MODEL, derivation_features, relation)
from viewer.core.reuse.spin import SPUN_SCORE, detect_spin  # noqa: E402


def side_by_side(meter: Path, most: int = 24) -> None:
    """Each METER story opened as one comparison (its PA versions and newspaper stories, up to
    `most` articles): how many of each kind the article-against-all-the-others reading
    (`articles[].derivation`) calls derived, and how many pair cells of two papers (METER's
    papers were each written from the wire, not from each other) read derived."""
    import csv
    from collections import Counter

    from viewer.core.comparison import compare
    from viewer.core.text.article import Article

    with open(meter / "labels_subset.tsv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    stories: dict[tuple, tuple[set, list]] = {}
    for r in rows:
        pa, papers = stories.setdefault((r["domain"], r["date"], r["catchline"]), (set(), []))
        pa.update(meter / r["pa_dir"] / n for n in r["pa_files"].split(";") if n)
        papers.append((r["label"], meter / r["newspaper_rawtext"]))
    counts: Counter = Counter()
    gold, pred, score = [], [], []
    scheme = {"wholly_derived": LABELS[0], "partially_derived": LABELS[1], "non_derived": INDEPENDENT}
    for pa, papers in stories.values():
        kinds = [("PA", None)] * len(pa) + [("paper", label) for label, _ in papers]
        paths = sorted(pa) + [path for _, path in papers]
        if len(paths) > most:
            continue
        arts = [Article(f"X{k}", "", path.read_text(encoding="latin-1")) for k, path in enumerate(paths)]
        comp = compare(arts, with_claims=False)
        kind_of = {art.id: kind[0] for kind, art in zip(kinds, arts)}
        for (a, b), pa in comp.pairs.items():  # the pair cells of two papers: neither saw the other
            if kind_of[a] == kind_of[b] == "paper":
                counts["paper pairs"] += 1
                counts["paper pairs derived"] += pa.reuse.label != INDEPENDENT
                counts["paper pairs apart"] += pa.reuse.common_sources != ()
        for kind, art in zip(kinds, arts):
            counts[kind] += 1
            counts[kind + ("derived",)] += comp.derivations[art.id].label != INDEPENDENT
            if kind[0] == "paper":
                gold.append(scheme[kind[1]])
                pred.append(comp.derivations[art.id].label)
                score.append(comp.derivations[art.id].score)
    print(f"\nSide by side (each story's PA versions and papers in one comparison, stories of at most {most} "
          f"articles), read as derived from all the others: PA versions {counts['PA', None, 'derived']}/"
          f"{counts['PA', None]}", end="")
    for label in ("wholly_derived", "partially_derived", "non_derived"):
        print(f"; {label} papers {counts['paper', label, 'derived']}/{counts['paper', label]}", end="")
    print(f"\n  pair cells of two papers labelled derived: {counts['paper pairs derived']} of "
          f"{counts['paper pairs']} ({counts['paper pairs apart']} more read apart as both from the "
          f"wire copy in the comparison: `reuse.siblings`)", end="")
    print(f"\n  papers side by side (shipped model, fitted on papers against their PA copy alone): macro-F1 "
          f"{td.macro_f1(gold, pred):.3f}, ROC AUC {td.roc_auc(gold, score):.3f}")
    print(td.confusion(gold, pred))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meter", type=Path, default=td.DEFAULT_METER)
    args = parser.parse_args()
    data = td.load(args.meter)
    together, pairs = td.measure(data)
    gold = [d[0] for d in data]
    domains = [d[1] for d in data]
    days = [f"{d[1]}/{d[2]}" for d in data]
    print(f"METER dev: {len(data)} newspaper articles, {len(set(days))} domain-days")
    for name, folds in (("leave-one-day-out", days), ("leave-one-domain-out", domains)):
        out_t, out_p, out_e = td.cross_validated(folds, together, pairs, gold)
        print(f"\n{name} ({len(set(folds))} folds)")
        td.report("together", gold, domains, out_t)
        td.report("pair, in the direction the texts state", gold, domains, out_p)
        td.report("pair, read either way (texts that do not say which came first)", gold, domains, out_e)

    rng = random.Random(0)
    pool = list({pa.text: pa for *_, sources in data for pa in sources}.values())
    print("\nShipped models against PA copy of other events (false alarms):")
    for k in (3, 10):
        false_t = false_p = 0
        for *_, paper, sources in data:
            own = {pa.text for pa in sources}
            unrelated = rng.sample([pa for pa in pool if pa.text not in own], k)
            false_t += MODEL.label(derivation_features(paper, unrelated)) != INDEPENDENT
            false_p += any(relation(paper, pa, source=text_source(paper, pa)[0]).label != INDEPENDENT
                           for pa in unrelated)
        print(f"  {k:2} other stories: together labelled derived {false_t}/{len(data)}; "
              f"some pair labelled derived {false_p}/{len(data)}")

    readings = [td.pair_reading(PAIR_EITHER_MODEL, p, directed=False) for p in pairs]
    derived = [(r, g) for r, g in zip(readings, gold) if g != INDEPENDENT and r[0] != INDEPENDENT]
    print(f"\nDirection (pair read either way, shipped model): newspaper judged derived in "
          f"{sum(r[2] for r, _ in derived)}/{len(derived)} derived articles' best pairs labelled derived "
          f"(triage decides direction by times and wire form first: bench/triage_bench.py)")
    model_right = texts_right = n = 0
    bases: dict[str, int] = {}
    for (g, *_rest, paper, sources) in data:
        if g == INDEPENDENT:
            continue
        for pa in sources:  # every PA version the pair reading calls related, as the matrix shows it
            guess = relation(paper, pa).derived
            if guess is None:
                continue
            source, basis = text_source(paper, pa)
            n += 1
            model_right += guess == paper.id
            texts_right += source == pa.id if source else guess == paper.id
            bases[basis] = bases.get(basis, 0) + 1
    print(f"  every (derived newspaper, PA version) pair labelled derived read either way: newspaper judged "
          f"derived by the model's guess {model_right}/{n}, with what the texts state first "
          f"(`reuse.direction.text_source`, as the comparison does) {texts_right}/{n}; decided by "
          f"{dict(sorted(bases.items()))}")

    side_by_side(args.meter)

    best_pa = [max(sources, key=lambda pa: derivation_features(paper, pa).trigrams)
               for *_, paper, sources in data]
    spin = [detect_spin(d[3], pa).score for d, pa in zip(data, best_pa)]
    print("\nSpin score (newspaper vs best PA version; real editing, not spinning), by gold label:")
    for lab in LABELS:
        vals = sorted(s for s, g in zip(spin, gold) if g == lab)
        print(f"  {lab:18} median {vals[len(vals) // 2]:.3f}  max {vals[-1]:.3f}  "
              f">= {SPUN_SCORE}: {sum(v >= SPUN_SCORE for v in vals)}/{len(vals)}")
    print("\nTargets (leave-one-day-out, both readings): macro-F1 >= 0.72, ROC AUC >= 0.90; "
          "METER paper's best 0.664")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
