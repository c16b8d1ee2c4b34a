"""Derivation labels on METER: ternary macro-F1, confusion matrix, ROC AUC.

Reads ../shared/dev-data/meter in place (research use only; nothing is copied).
METER labels each newspaper article against the PA (wire) copy of its story,
which comes in one to eighteen versions (takes, updates, rewrites). So each
newspaper article is scored against all of its PA versions together
(`relation.derivation` with several sources), as Copydesk does for an article
against all the other open articles. Reported:
- the shipped model (relation.MODEL) and the macro-F1 / confusion matrix it gives;
- the model re-fitted on all of METER (to check the shipped one) and a
  leave-one-domain-day-out cross-validated macro-F1, where both length weights
  and both thresholds are chosen again on the other 7 days and applied to the
  held-out day: the honest figure;
- ROC AUC of derived (wholly + partially) vs non-derived from the derived score;
- false alarms: each newspaper article against 3 or 10 PA stories about other
  events taken together (many unrelated sources must not add up to "derived");
- for reference, the pair reading: the newspaper against its best single PA
  version (`relation.relation`, direction unknown), which misses what a story
  took from the other versions;
- spin scores of these real (edited, not spun) pairs.

Run: /tmp/venv/bin/python bench/reuse_eval.py [--meter PATH]
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from viewer.core.text.article import Article
from viewer.core.reuse.relation import (
    INDEPENDENT, LABELS, MODEL, PARTIALLY, WHOLLY, DerivationModel, derivation_features, relation)
from viewer.core.reuse.spin import SPUN_SCORE, detect_spin

DEFAULT_METER = Path(__file__).resolve().parents[2] / "shared" / "dev-data" / "meter"
GOLD = {"wholly_derived": WHOLLY, "partially_derived": PARTIALLY, "non_derived": INDEPENDENT}
WEIGHTS = [k / 100 for k in range(0, 21)]  # length weights tried for each decision


def load(meter: Path):
    """(gold label, group, newspaper Article, [PA Articles]) per labelled article."""
    with open(meter / "labels_subset.tsv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for r in rows:
        paper = Article("N", "", (meter / r["newspaper_rawtext"]).read_text(encoding="latin-1"))
        sources = [Article(f"P{k}", "", (meter / r["pa_dir"] / n).read_text(encoding="latin-1"))
                   for k, n in enumerate(x for x in r["pa_files"].split(";") if x)]
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


def _cuts(values: np.ndarray) -> np.ndarray:
    """Candidate thresholds: below all, midway between neighbours, above all."""
    u = np.unique(values)
    return np.concatenate([[u[0] - 1], (u[1:] + u[:-1]) / 2, [u[-1] + 1]])


def best_thresholds(derived: np.ndarray, wholly: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    """(macro-F1, derived_min, wholly_min) maximising macro-F1 for two score columns.

    Every pair of candidate thresholds is tried at once: the counts of each
    (predicted, gold) cell are matrix products of "at or above" indicators.
    """
    t1, t2 = _cuts(derived), _cuts(wholly)
    is_derived = (derived[None, :] >= t1[:, None]).astype(float)
    is_wholly = (wholly[None, :] >= t2[:, None]).astype(float)
    g_w, g_p, g_i = ((gold == lab).astype(float) for lab in LABELS)
    pred_w = is_derived @ is_wholly.T
    tp_w = (is_derived * g_w) @ is_wholly.T
    n_derived = is_derived.sum(1)[:, None]
    pred_p = n_derived - pred_w
    tp_p = (is_derived * g_p).sum(1)[:, None] - (is_derived * g_p) @ is_wholly.T
    pred_i = len(gold) - n_derived
    tp_i = ((1 - is_derived) * g_i).sum(1)[:, None]

    def f1(tp, pred, n_gold):
        return np.where(tp > 0, 2 * tp / np.maximum(1, pred + n_gold), 0.0)

    score = (f1(tp_w, pred_w, g_w.sum()) + f1(tp_p, pred_p, g_p.sum()) + f1(tp_i, pred_i, g_i.sum())) / 3
    i, j = np.unravel_index(np.argmax(score), score.shape)
    return float(score[i, j]), float(t1[i]), float(t2[j])


def fit(shared: np.ndarray, length: np.ndarray, gold: np.ndarray) -> tuple[float, DerivationModel]:
    """The model (two length weights from WEIGHTS, two thresholds) with the best macro-F1."""
    best = None
    for w1 in WEIGHTS:
        derived = shared - w1 * length
        for w2 in WEIGHTS:
            f, t1, t2 = best_thresholds(derived, shared - w2 * length, gold)
            if best is None or f > best[0] + 1e-12:
                best = (f, DerivationModel(w1, round(t1, 4), w2, round(t2, 4)))
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
    features = [derivation_features(paper, sources) for _, _, paper, sources in data]
    pairwise = [max((relation(paper, pa) for pa in sources), key=lambda r: r.score)
                for _, _, paper, sources in data]
    elapsed = time.perf_counter() - t0

    print(f"METER subset: {len(data)} newspaper articles against {sum(len(s) for *_, s in data)} "
          f"PA versions ({elapsed:.1f} s)")
    shipped = [MODEL.label(f) for f in features]
    print(f"\nShipped model (relation.MODEL): {MODEL}")
    print(f"macro-F1 (in-sample: the model was fitted on this data) = {macro_f1(gold, shipped):.3f}")
    print(confusion(gold, shipped))

    shared = np.array([f.shared for f in features])
    length = np.log([max(1, f.words) for f in features])
    gold_arr = np.array(gold)
    f_all, refit = fit(shared, length, gold_arr)
    print(f"\nRe-fitted on all of METER: {refit}, macro-F1 = {f_all:.3f}")
    cv_pred = [""] * len(data)
    for held in sorted(set(groups)):
        train = np.array([g != held for g in groups])
        _, model = fit(shared[train], length[train], gold_arr[train])
        print(f"  fold {held:18} ({int((~train).sum()):2} articles): {model}")
        for i, g in enumerate(groups):
            if g == held:
                cv_pred[i] = model.label(features[i])
    print(f"Leave-one-domain-day-out cross-validated macro-F1 = {macro_f1(gold, cv_pred):.3f} "
          f"({len(set(groups))} folds; weights and thresholds chosen on each training fold)")
    print(confusion(gold, cv_pred))

    scores = [MODEL.scores(f)[0] for f in features]
    pos = [s for s, g in zip(scores, gold) if g != INDEPENDENT]
    neg = [s for s, g in zip(scores, gold) if g == INDEPENDENT]
    print(f"\nROC AUC derived vs independent (derived score) = {roc_auc(pos, neg):.3f}")
    plain = [f.shared for f in features]
    print(f"  same from the mean share alone (no length term) = "
          f"{roc_auc([s for s, g in zip(plain, gold) if g != INDEPENDENT], [s for s, g in zip(plain, gold) if g == INDEPENDENT]):.3f}")

    rng = random.Random(0)
    pool = list({pa.text: pa for *_, sources in data for pa in sources}.values())
    for k in (3, 10):
        false = 0
        for _, _, paper, sources in data:
            own = {pa.text for pa in sources}
            unrelated = rng.sample([pa for pa in pool if pa.text not in own], k)
            false += MODEL.label(derivation_features(paper, unrelated)) != INDEPENDENT
        print(f"  against {k:2} PA stories of other events together: labelled derived {false}/{len(data)}")

    pair_labels = [r.label for r in pairwise]
    pair_scores = [r.score for r in pairwise]
    print(f"\nFor reference, the pair reading (best single PA version, direction unknown, "
          f"relation.relation): macro-F1 = {macro_f1(gold, pair_labels):.3f}, ROC AUC = "
          f"{roc_auc([s for s, g in zip(pair_scores, gold) if g != INDEPENDENT], [s for s, g in zip(pair_scores, gold) if g == INDEPENDENT]):.3f}")
    derived_ok = sum(r.derived == "N" for r, g in zip(pairwise, gold) if g != INDEPENDENT and r.derived)
    derived_n = sum(1 for r, g in zip(pairwise, gold) if g != INDEPENDENT and r.derived)
    print(f"  direction: newspaper judged derived in {derived_ok}/{derived_n} derived pairs labelled derived")
    print(confusion(gold, pair_labels))
    best_pa = [max(sources, key=lambda pa: MODEL.scores(derivation_features(paper, pa))[0])
               for _, _, paper, sources in data]
    spin = [detect_spin(paper, pa).score for (_, _, paper, _), pa in zip(data, best_pa)]
    print("\nSpin score (newspaper vs best PA version; real editing, not spinning), by gold label:")
    for lab in LABELS:
        vals = sorted(s for s, g in zip(spin, gold) if g == lab)
        print(f"  {lab:18} median {vals[len(vals) // 2]:.3f}  max {vals[-1]:.3f}  "
              f">= {SPUN_SCORE}: {sum(v >= SPUN_SCORE for v in vals)}/{len(vals)}")
    print("\nMETER paper's best ternary average F1: 0.664 (target >= 0.70, AUC >= 0.90)")
    return 0 if math.isfinite(f_all) else 1


if __name__ == "__main__":
    raise SystemExit(main())
