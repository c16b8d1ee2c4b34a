"""Fit the derivation model on METER and write viewer/core/reuse/data/derivation.json.

Reads ../shared/dev-data/meter in place (research use only; nothing is copied).
For every labelled newspaper article it measures `relation.derivation_features`
in two readings:

- together: the article against all of its PA versions taken together
  (METER's own reading; `derivation`, `articles[].derivation`);
- pair: the article against its single best PA version (`relation`, each cell of the
  similarity matrix; see `candidates` and `fit_pair`), with two models: one for a pair whose
  texts state which came first (wire form, filing times: the paper is read as derived), one
  for a pair whose texts do not say (the more derived-looking direction; fitted on METER as if
  the texts did not say).

Each reading gets an ordinal logistic model (one linear score over the
standardised features of FEATURES, two cut points; L2 penalty L2 on the
weights), fitted by maximum likelihood with scipy. Reported, never in-sample:
leave-one-day-out (29 folds) and leave-one-domain-out (courts → showbiz and
back) ternary macro-F1, ROC AUC derived vs independent from P(derived),
confusion matrices and per-domain figures, for both readings; the pair
readings are scored as the run time does it (`relation` on every PA version,
in the direction the texts state or either way; the best one). With --write (the default) the model fitted
on all of METER is written to the data file that `relation` loads.

    python bench/train_derivation.py [--meter PATH] [--no-write] [--explore]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import time
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer.core.reuse.relation import (  # noqa: E402
    INDEPENDENT,
    LABELS,
    MODEL_FILE,
    PARTIALLY,
    WHOLLY,
    DerivationFeatures,
    DerivationModel,
    derivation_features,
    pair_features,
)
from viewer.core.reuse.direction import text_source  # noqa: E402
from viewer.core.text.article import Article  # noqa: E402

DEFAULT_METER = ROOT.parent / "shared" / "dev-data" / "meter"
GOLD = {"wholly_derived": WHOLLY, "partially_derived": PARTIALLY, "non_derived": INDEPENDENT}
RANK = {INDEPENDENT: 0, PARTIALLY: 1, WHOLLY: 2}
FEATURES = ("runs", "unigrams", "trigrams", "aligned", "spread", "log_words")
L2 = 1.0
BALANCED = True
REFITS = 2


# ------------------------------------------------------------------ data

def load(meter: Path):
    """[(gold label, domain, date, newspaper Article, [PA Articles])] per labelled article."""
    with open(meter / "labels_subset.tsv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for r in rows:
        paper = Article("N", "", (meter / r["newspaper_rawtext"]).read_text(encoding="latin-1"))
        sources = [Article(f"P{k}", "", (meter / r["pa_dir"] / n).read_text(encoding="latin-1"))
                   for k, n in enumerate(x for x in r["pa_files"].split(";") if x)]
        out.append((GOLD[r["label"]], r["domain"], r["date"], paper, sources))
    return out


def measure(data):
    """Per article: together features, and each PA version's `PairVersion`."""
    together = [derivation_features(paper, sources) for *_, paper, sources in data]
    pairs = [[pair_version(paper, pa) for pa in sources] for *_, paper, sources in data]
    return together, pairs


class PairVersion(NamedTuple):
    """One (paper, PA version) pair: each text's features as the derived one, and which one the
    texts state to be derived (`direction.text_source`: filing times, dates, wire form)."""

    paper: DerivationFeatures
    pa: DerivationFeatures
    stated: str | None  # "paper", "pa" or None (the texts do not say)


def pair_version(paper: Article, pa: Article) -> PairVersion:
    """Both directions' features of one pair and the direction its texts state."""
    f_paper, f_pa = pair_features(paper, pa)
    source = text_source(paper, pa)[0]
    return PairVersion(f_paper, f_pa, None if source is None else "paper" if source == pa.id else "pa")


def candidates(v: PairVersion, directed: bool) -> tuple[tuple[DerivationFeatures, bool], ...]:
    """What `relation` reads of a pair: the features of a text read as derived, with whether it
    is the paper. `directed`: the model for a stated direction (only that text); else the model
    for pairs whose texts do not say (both directions; the higher score decides)."""
    if directed and v.stated == "paper":
        return ((v.paper, True),)
    if directed and v.stated == "pa":
        return ((v.pa, False),)
    return (v.paper, True), (v.pa, False)


def best_pair(pairs_of_one) -> DerivationFeatures:
    """The paper's features against the PA version sharing most 3-grams with it."""
    return max((v.paper for v in pairs_of_one), key=lambda f: f.trigrams)


def matrix(features, names=FEATURES) -> np.ndarray:
    return np.array([[f.value(n) for n in names] for f in features], dtype=float)


# ------------------------------------------------------------------ model

def fit(x: np.ndarray, y: np.ndarray, names=FEATURES, l2: float = L2,
        balanced: bool = BALANCED) -> DerivationModel:
    """Ordinal logistic regression (y in 0, 1, 2) with an L2 penalty on the standardised weights.

    `balanced`: each label weighs as much in all as the others (METER has fewer
    independent articles; macro-F1 counts every label alike)."""
    counts = np.bincount(y, minlength=3).astype(float)
    weight = (len(y) / (3 * np.maximum(counts, 1)))[y] if balanced else np.ones(len(y))
    center, scale = x.mean(0), x.std(0)
    scale[scale == 0] = 1.0
    z = (x - center) / scale
    k = z.shape[1]

    def unpack(p):
        return p[:k], p[k], p[k] + math.exp(p[k + 1])

    def loss(p):
        w, c1, c2 = unpack(p)
        s = z @ w
        p_derived = 1 / (1 + np.exp(-(s - c1)))
        p_wholly = 1 / (1 + np.exp(-(s - c2)))
        prob = np.where(y == 0, 1 - p_derived, np.where(y == 1, p_derived - p_wholly, p_wholly))
        return -(weight * np.log(np.clip(prob, 1e-12, None))).sum() + l2 * (w @ w)

    start = np.concatenate([np.zeros(k), [0.0, 0.0]])
    # monotone: a share never weighs negatively, length never positively
    bounds = [(None, 0.0) if n == "log_words" else (0.0, None) for n in names] + [(None, None)] * 2
    res = minimize(loss, start, method="L-BFGS-B", bounds=bounds)
    w, c1, c2 = unpack(res.x)
    r = 6  # digits kept in the data file
    # only length is held inside the range seen (shares are 0..1 anyway)
    low = [round(float(v), r) if n == "log_words" else 0.0 for n, v in zip(names, x.min(0))]
    high = [round(float(v), r) if n == "log_words" else 1.0 for n, v in zip(names, x.max(0))]
    return DerivationModel(tuple(names), tuple(low), tuple(high),
                           tuple(round(float(v), r) for v in center),
                           tuple(round(float(v), r) for v in scale), tuple(round(float(v), r) for v in w),
                           round(float(c1), r), round(float(c2), r))


def fit_pair(pairs, y: np.ndarray, names=FEATURES, l2: float = L2, directed: bool = True) -> DerivationModel:
    """A pair reading's model, fitted on what `relation` will look at.

    At run time a pair is judged in the direction its texts state (`directed`), or, when they
    do not say (the other model), by its more derived-looking direction (`candidates`); and
    METER's reading takes the best of the article's PA versions: the maximum of many scores,
    higher than any one. So the model is first fitted on the article against the version
    sharing most 3-grams with it, then refitted (REFITS times) on the version and candidate the
    previous model scores highest, as `pair_reading` will pick them."""
    model = fit(matrix([best_pair(p) for p in pairs], names), y, names, l2)
    for _ in range(REFITS):
        picked = [max((f for v in p for f, _paper in candidates(v, directed)),
                      key=lambda f: model.probabilities(f)[0]) for p in pairs]
        model = fit(matrix(picked, names), y, names, l2)
    return model


def fit_models(together, pairs, gold, names=FEATURES) -> dict:
    """The readings' models fitted on all the given articles, as the data file's JSON."""
    y = np.array([RANK[g] for g in gold])
    m_together = fit(matrix(together, names), y, names)
    return {"fitted_on": f"METER dev-data, {len(gold)} newspaper articles (bench/train_derivation.py)",
            "together": m_together.as_dict(), "pair": fit_pair(pairs, y, names).as_dict(),
            "pair_either": fit_pair(pairs, y, names, directed=False).as_dict()}


def pair_reading(model: DerivationModel, pairs_of_one, directed: bool = True) -> tuple[str, float, bool]:
    """As `relation` reads a pair, over every PA version: (label, P(derived), paper judged derived)."""
    best = None
    for v in pairs_of_one:
        for f, paper in candidates(v, directed):
            p = model.probabilities(f)[0]
            if best is None or p > best[0]:
                best = (p, model.label(f), paper)
    return best[1], best[0], best[2]


# ------------------------------------------------------------------ figures

def macro_f1(gold, pred) -> float:
    """Mean F1 over the three labels."""
    scores = []
    for lab in LABELS:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def roc_auc(gold, score) -> float:
    """Mann-Whitney AUC of derived (wholly + partially) vs independent (ties count half)."""
    pos = np.array([s for s, g in zip(score, gold) if g != INDEPENDENT])
    neg = np.array([s for s, g in zip(score, gold) if g == INDEPENDENT])
    if not len(pos) or not len(neg):
        return float("nan")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))


def confusion(gold, pred) -> str:
    lines = ["    gold \\ predicted   " + "".join(lab.rjust(19) for lab in LABELS)]
    for g in LABELS:
        lines.append("    " + g.ljust(20) + "".join(
            str(sum(x == g and y == p for x, y in zip(gold, pred))).rjust(19) for p in LABELS))
    return "\n".join(lines)


def cross_validated(folds, together, pairs, gold, names=FEATURES, l2=L2):
    """Out-of-fold (label, P(derived)) of the readings: together, pair in the direction the texts
    state, pair read either way (the texts taken not to say); `folds[i]` = the fold of article i."""
    y = np.array([RANK[g] for g in gold])
    xt = matrix(together, names)
    out_t, out_p, out_e = [None] * len(gold), [None] * len(gold), [None] * len(gold)
    for held in sorted(set(folds)):
        train = np.array([f != held for f in folds])
        mt = fit(xt[train], y[train], names, l2)
        kept = [p for p, t in zip(pairs, train) if t]
        mp = fit_pair(kept, y[train], names, l2)
        me = fit_pair(kept, y[train], names, l2, directed=False)
        for i, f in enumerate(folds):
            if f == held:
                out_t[i] = (mt.label(together[i]), mt.probabilities(together[i])[0])
                out_p[i] = pair_reading(mp, pairs[i])[:2]
                out_e[i] = pair_reading(me, pairs[i], directed=False)[:2]
    return out_t, out_p, out_e


def report(title, gold, domains, out) -> tuple[float, float]:
    pred, score = [o[0] for o in out], [o[1] for o in out]
    f1, auc = macro_f1(gold, pred), roc_auc(gold, score)
    print(f"  {title}: macro-F1 {f1:.3f}  ROC AUC {auc:.3f}")
    for dom in sorted(set(domains)):
        idx = [i for i, d in enumerate(domains) if d == dom]
        print(f"    {dom:8} ({len(idx):3} articles): macro-F1 "
              f"{macro_f1([gold[i] for i in idx], [pred[i] for i in idx]):.3f}  "
              f"AUC {roc_auc([gold[i] for i in idx], [score[i] for i in idx]):.3f}")
    print(confusion(gold, pred))
    return f1, auc


def calibration(gold, out) -> str:
    """Observed share derived in bins of P(derived)."""
    parts = []
    for lo in (0.0, 0.2, 0.4, 0.6, 0.8):
        idx = [i for i, o in enumerate(out) if lo <= o[1] < lo + 0.2 or (lo == 0.8 and o[1] == 1.0)]
        if idx:
            parts.append(f"[{lo:.1f},{lo + 0.2:.1f}): {sum(gold[i] != INDEPENDENT for i in idx) / len(idx):.2f} "
                         f"of {len(idx)}")
    return "; ".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--meter", type=Path, default=DEFAULT_METER)
    ap.add_argument("--no-write", action="store_true", help="do not write the data file")
    ap.add_argument("--explore", action="store_true", help="also compare other feature sets")
    args = ap.parse_args()
    t0 = time.perf_counter()
    data = load(args.meter)
    together, pairs = measure(data)
    gold = [d[0] for d in data]
    domains = [d[1] for d in data]
    days = [f"{d[1]}/{d[2]}" for d in data]
    print(f"METER dev: {len(data)} newspaper articles, {len(set(days))} domain-days, "
          f"{sum(len(d[4]) for d in data)} (article, PA version) pairs; measured in "
          f"{time.perf_counter() - t0:.1f} s")
    print(f"Features: {', '.join(FEATURES)}; ordinal logistic, L2 = {L2}")
    if args.explore:
        explore(together, pairs, gold, days, domains)
    results = {}
    for name, folds in (("leave-one-day-out", days), ("leave-one-domain-out", domains)):
        out_t, out_p, out_e = cross_validated(folds, together, pairs, gold)
        print(f"\n{name} ({len(set(folds))} folds; model fitted on the other folds only)")
        results[name, "together"] = report("together (story against all its PA versions)", gold,
                                           domains, out_t)
        print(f"    calibration, share derived by P(derived): {calibration(gold, out_t)}")
        results[name, "pair"] = report("pair (best single PA version, in the direction the texts state)",
                                       gold, domains, out_p)
        results[name, "pair_either"] = report(
            "pair read either way (as for two texts that do not say which came first)", gold, domains, out_e)
    models = fit_models(together, pairs, gold)
    print("\nModel fitted on all articles (in-sample figures not reported):")
    print(json.dumps(models, indent=1))
    if not args.no_write:
        MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
        MODEL_FILE.write_text(json.dumps(models, indent=1) + "\n", encoding="utf-8")
        print(f"written: {MODEL_FILE.relative_to(ROOT)}")
    print("\nTargets (leave-one-day-out, both readings): macro-F1 >= 0.72, ROC AUC >= 0.90; "
          "METER paper's best macro-F1 0.664")
    return 0


def explore(together, pairs, gold, days, domains) -> None:
    """Leave-one-day-out figures of other feature sets and penalties (for choosing FEATURES)."""
    sets = [("runs",), ("unigrams",), ("trigrams",), ("runs", "log_words"),
            ("runs", "unigrams", "trigrams", "log_words"), FEATURES]
    for names in sets:
        for l2 in (1.0,):
            row = []
            for folds in (days, domains):
                out_t, out_p, _either = cross_validated(folds, together, pairs, gold, names, l2)
                row += [macro_f1(gold, [o[0] for o in out_t]), roc_auc(gold, [o[1] for o in out_t]),
                        macro_f1(gold, [o[0] for o in out_p]), roc_auc(gold, [o[1] for o in out_p])]
            print(f"  {'+'.join(names):60} l2={l2:<4} LODay T {row[0]:.3f}/{row[1]:.3f} "
                  f"P {row[2]:.3f}/{row[3]:.3f} | LODom T {row[4]:.3f}/{row[5]:.3f} "
                  f"P {row[6]:.3f}/{row[7]:.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
