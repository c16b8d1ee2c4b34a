"""Other learners on the derivation model's features, scored as train_derivation.py scores its own.

Measures `relation.derivation_features` (the together reading: each METER newspaper article
against all its PA versions) with train_derivation.py's loader, then fits scikit-learn models
on the same FEATURES with balanced label weights, leave-one-day-out and leave-one-domain-out,
and prints ternary macro-F1 and ROC AUC (derived vs independent, from P(partially) +
P(wholly)) beside the shipped ordinal logistic model's. Only out-of-fold figures are printed.

scikit-learn is not a dependency of Copydesk; install it beside the project to run this:

    python -m pip install scikit-learn
    python bench/derivation_learners.py [--meter PATH]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_derivation as td  # noqa: E402  (bench/, beside this file)

LABEL_OF_RANK = {rank: label for label, rank in td.RANK.items()}


def learners() -> dict:
    """Name -> factory of an unfitted scikit-learn classifier."""
    from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    return {
        "multinomial logistic": lambda: make_pipeline(StandardScaler(),
                                                      LogisticRegression(C=1.0, max_iter=2000)),
        "logistic, squared and crossed features": lambda: make_pipeline(
            StandardScaler(), PolynomialFeatures(2), StandardScaler(),
            LogisticRegression(C=0.1, max_iter=4000)),
        "gradient-boosted trees, depth 2": lambda: HistGradientBoostingClassifier(
            max_depth=2, learning_rate=0.05, max_iter=150, min_samples_leaf=20),
        "gradient-boosted trees, depth 3": lambda: HistGradientBoostingClassifier(
            max_depth=3, learning_rate=0.05, max_iter=100, min_samples_leaf=20),
        "random forest": lambda: RandomForestClassifier(300, min_samples_leaf=10, random_state=0),
    }


def out_of_fold(make, x: np.ndarray, y: np.ndarray, folds: list[str]) -> tuple[list[str], list[float]]:
    """Labels and P(derived) of every article from a model fitted on the other folds."""
    labels: list[str] = [""] * len(y)
    scores = [0.0] * len(y)
    for held in sorted(set(folds)):
        train = np.array([f != held for f in folds])
        weight = (train.sum() / (3 * np.bincount(y[train], minlength=3)))[y[train]]
        model = make()
        last = model.steps[-1][0] + "__" if hasattr(model, "steps") else ""
        model.fit(x[train], y[train], **{last + "sample_weight": weight})
        for i, p in zip(np.flatnonzero(~train), model.predict_proba(x[~train])):
            labels[i] = LABEL_OF_RANK[int(np.argmax(p))]
            scores[i] = float(p[1] + p[2])
    return labels, scores


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--meter", type=Path, default=td.DEFAULT_METER)
    args = ap.parse_args()
    try:
        found = learners()
    except ImportError:
        print("scikit-learn is not installed: python -m pip install scikit-learn")
        return 1
    data = td.load(args.meter)
    together, pairs = td.measure(data)
    gold = [d[0] for d in data]
    y = np.array([td.RANK[g] for g in gold])
    x = td.matrix(together)
    readings = {"leave-one-day-out": [f"{d[1]}/{d[2]}" for d in data],
                "leave-one-domain-out": [d[1] for d in data]}
    print(f"METER dev: {len(data)} articles; features {', '.join(td.FEATURES)}; together reading; "
          f"macro-F1 / ROC AUC out of fold")
    shipped = {name: td.cross_validated(folds, together, pairs, gold)[0] for name, folds in readings.items()}
    rows = [("ordinal logistic (shipped)", {name: ([o[0] for o in out], [o[1] for o in out])
                                            for name, out in shipped.items()})]
    rows += [(name, {r: out_of_fold(make, x, y, folds) for r, folds in readings.items()})
             for name, make in found.items()]
    for name, by_reading in rows:
        cells = [f"{r} {td.macro_f1(gold, labels):.3f} / {td.roc_auc(gold, scores):.3f}"
                 for r, (labels, scores) in by_reading.items()]
        print(f"  {name:40} " + "   ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
