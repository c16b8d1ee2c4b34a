"""Derivation labels on METER: ternary macro-F1, confusion matrix, ROC AUC.

Reads ../shared/dev-data/meter in place (research use only; nothing is copied).
Each newspaper article is scored against each of its candidate PA versions
with `relation.derivation_score` (newspaper = candidate derived text, as in
METER); its score is the best over the PA versions. Reported:
- the shipped thresholds (relation.py) and the macro-F1 / confusion matrix they give;
- thresholds re-tuned on all of METER (to check the shipped ones) and a
  leave-one-domain-day-out cross-validated macro-F1 (thresholds tuned on the
  other 7 days, applied to the held-out day): the honest figure;
- ROC AUC of derived (wholly + partially) vs non-derived from the score;
- spin scores of these real (edited, not spun) pairs, for reference;
- the product's pair rule (direction unknown: both directions scored,
  `relation.relation`), which METER's one-directional labels make harder.

Run: /tmp/venv/bin/python bench/reuse_eval.py [--meter PATH]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from viewer.core.article import Article  # noqa: E402
from viewer.core.relation import (INDEPENDENT, LABELS, PARTIAL_MIN_SCORE, PARTIALLY,  # noqa: E402
                                  WHOLLY, WHOLLY_MIN_SCORE, derivation_features,
                                  derivation_score, label_for, relation)
from viewer.core.spin import detect_spin  # noqa: E402

DEFAULT_METER = Path(__file__).resolve().parents[2] / "shared" / "dev-data" / "meter"
GOLD = {"wholly_derived": WHOLLY, "partially_derived": PARTIALLY, "non_derived": INDEPENDENT}


def load(meter: Path):
    """(gold label, group, newspaper Article, [PA Articles]) per labelled article."""
    with open(meter / "labels_subset.tsv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for r in rows:
        paper = Article("N", "", (meter / r["newspaper_rawtext"]).read_text(encoding="latin-1"))
        sources = [Article("P", "", (meter / r["pa_dir"] / n).read_text(encoding="latin-1"))
                   for n in r["pa_files"].split(";") if n]
        out.append((GOLD[r["label"]], f"{r['domain']}/{r['date']}", paper, sources))
    return out


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Mean F1 over the three labels."""
    scores = []
    for lab in LABELS:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def roc_auc(pos: list[float], neg: list[float]) -> float:
    """Mann-Whitney AUC: chance that a positive outscores a negative (ties half)."""
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def tune(scores: list[float], gold: list[str]) -> tuple[float, float, float]:
    """Thresholds (partial, wholly) maximising macro-F1; ties broken by lower thresholds."""
    cuts = sorted(set(scores))
    best = (-1.0, 0.0, 0.0)
    for i, lo in enumerate(cuts):
        for hi in cuts[i:]:
            f = macro_f1(gold, [label_for(s, lo, hi) for s in scores])
            if f > best[0] + 1e-12:
                best = (f, lo, hi)
    return best


def confusion(gold: list[str], pred: list[str]) -> str:
    head = "gold \\ predicted".ljust(20) + "".join(lab.rjust(19) for lab in LABELS)
    lines = [head]
    for g in LABELS:
        lines.append(g.ljust(20) + "".join(str(sum(x == g and y == p for x, y in zip(gold, pred))).rjust(19)
                                           for p in LABELS))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meter", type=Path, default=DEFAULT_METER)
    args = parser.parse_args()
    t0 = time.perf_counter()
    data = load(args.meter)
    gold = [g for g, *_ in data]
    groups = [grp for _, grp, *_ in data]
    scores = [max(derivation_score(derivation_features(paper, pa)) for pa in sources)
              for _, _, paper, sources in data]
    pairwise = [max((relation(paper, pa) for pa in sources), key=lambda r: r.score)
                for _, _, paper, sources in data]
    elapsed = time.perf_counter() - t0

    print(f"METER subset: {len(data)} newspaper articles, {sum(len(s) for *_, s in data)} article-PA comparisons "
          f"({elapsed:.1f} s)")
    shipped = [label_for(s) for s in scores]
    print(f"\nShipped thresholds (relation.py): partially >= {PARTIAL_MIN_SCORE}, wholly >= {WHOLLY_MIN_SCORE}")
    print(f"macro-F1 (in-sample: thresholds were tuned on this data) = {macro_f1(gold, shipped):.3f}")
    print(confusion(gold, shipped))

    f_all, lo, hi = tune(scores, gold)
    print(f"\nRe-tuned on all of METER: partially >= {lo:.4f}, wholly >= {hi:.4f}, macro-F1 = {f_all:.3f}")
    cv_pred = [""] * len(data)
    for held in sorted(set(groups)):
        train = [i for i, g in enumerate(groups) if g != held]
        _, l2, h2 = tune([scores[i] for i in train], [gold[i] for i in train])
        for i, g in enumerate(groups):
            if g == held:
                cv_pred[i] = label_for(scores[i], l2, h2)
    print(f"Leave-one-domain-day-out cross-validated macro-F1 = {macro_f1(gold, cv_pred):.3f} "
          f"({len(set(groups))} folds)")
    print(confusion(gold, cv_pred))

    pos = [s for s, g in zip(scores, gold) if g != INDEPENDENT]
    neg = [s for s, g in zip(scores, gold) if g == INDEPENDENT]
    print(f"\nROC AUC derived vs independent (derivation score) = {roc_auc(pos, neg):.3f}")

    pair_labels = [r.label for r in pairwise]
    print(f"\nPair rule, direction unknown (relation.relation, best PA version): "
          f"macro-F1 = {macro_f1(gold, pair_labels):.3f}")
    derived_ok = sum(r.derived == "N" for r, g in zip(pairwise, gold) if g != INDEPENDENT and r.derived)
    derived_n = sum(1 for r, g in zip(pairwise, gold) if g != INDEPENDENT and r.derived)
    print(f"  direction: newspaper judged derived in {derived_ok}/{derived_n} derived pairs labelled derived")
    print(confusion(gold, pair_labels))
    best_pa = [max(sources, key=lambda pa: derivation_score(derivation_features(paper, pa)))
               for _, _, paper, sources in data]
    spin = [detect_spin(paper, pa).score for (_, _, paper, _), pa in zip(data, best_pa)]
    print("\nSpin score (newspaper vs best PA version; real editing, not spinning), by gold label:")
    for lab in LABELS:
        vals = sorted(s for s, g in zip(spin, gold) if g == lab)
        print(f"  {lab:18} median {vals[len(vals) // 2]:.3f}  max {vals[-1]:.3f}  "
              f">= 0.5: {sum(v >= 0.5 for v in vals)}/{len(vals)}")
    print("\nMETER paper's best ternary average F1: 0.664 (target >= 0.70, AUC >= 0.90)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
