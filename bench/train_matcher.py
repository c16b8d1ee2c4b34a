"""Fit the claim matcher's logistic weights on the MSRP training pairs (read in place, never copied).

    python bench/train_matcher.py [--dev-data ../shared/dev-data]

Computes `claims.matcher.pair_features` for every pair, reports 10-fold cross-validated accuracy (each
fold's model fitted on the other nine folds only) and the accuracy of the model fitted on all pairs,
then prints that model's weights; with --write it writes them to viewer/core/claims/data/matcher.json,
the file the matcher loads at run time (`model_json` gives its exact text).
As at run time, pairs below claims.matcher.GATE coverage are "not the same claim" without the model
(and are left out of fitting). Figures are given for the model alone (paraphrase) and for the
whole `same_claim` decision, which also links a short statement wholly carried by a longer one.
Plain Python (Newton's method with a small L2 penalty on standardised features); no numpy needed.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import sys
from operator import mul

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from viewer.core.claims import matcher as claimmatch
from viewer.core.claims.matcher import FEATURES, GATE, SAME_CLAIM, contained, pair_features
from viewer.core.claims.statement import make_statement
from viewer.core.util.atomic import write_atomic
from viewer.core.util.bundled import core_data_path

MODEL_PATH = str(core_data_path("claims", claimmatch.MODEL_FILE))
L2 = 1.0          # penalty on the standardised weights (the bias is not penalised)
FOLDS = 10
SEED = 13
_MAX_COVERAGE = FEATURES.index("max_coverage")


def gated(x: tuple[float, ...]) -> bool:
    """True when the run-time matcher rejects the pair before the model (coverage below GATE)."""
    return x[_MAX_COVERAGE] < GATE  # noqa


def msrp_pairs(folder: str) -> list[tuple[int, str, str]]:
    """(label, sentence 1, sentence 2) of the MSRP training split."""
    with open(os.path.join(folder, "msrp", "msr_paraphrase_train.txt"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(int(q), s1, s2) for q, _i1, _i2, s1, s2 in rows]


def features_of(pairs: list[tuple[int, str, str]]) -> tuple[list[tuple[float, ...]], list[bool]]:
    """The matcher's features of each pair, as the run-time matcher computes them, and whether
    the containment rule links the pair whatever the model says."""
    out, inside = [], []
    for _label, s1, s2 in pairs:
        a, b = make_statement(0, 0, len(s1), s1), make_statement(1, 0, len(s2), s2)
        out.append(pair_features(a, b))
        inside.append(contained(a, b))
    return out, inside


def _solve(m: list[list[float]], v: list[float]) -> list[float]:
    """Solve m x = v (Gaussian elimination with partial pivoting; m is small and well conditioned)."""
    n = len(v)
    a = [row[:] + [v[i]] for i, row in enumerate(m)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(a[r][c]))
        a[c], a[p] = a[p], a[c]
        for r in range(c + 1, n):
            f = a[r][c] / a[c][c]
            if f:
                for k in range(c, n + 1):
                    a[r][k] -= f * a[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - math.fsum(a[r][k] * x[k] for k in range(r + 1, n))) / a[r][r]
    return x


def fit(xs: list[tuple[float, ...]], ys: list[int], l2: float = L2) -> tuple[list[float], float]:
    """Logistic regression on the pairs that pass the gate; (weights, bias) on the raw features."""
    kept = [(x, y) for x, y in zip(xs, ys) if not gated(x)]
    xs, ys = [x for x, _ in kept], [y for _, y in kept]
    d = len(xs[0])
    # Sums exactly rounded (math.fsum), as the matcher's: the same file on every Python (from 3.12
    # on `sum` of floats is compensated).
    mean = [math.fsum(x[j] for x in xs) / len(xs) for j in range(d)]
    std = [math.sqrt(math.fsum((x[j] - mean[j]) ** 2 for x in xs) / len(xs)) or 1.0 for j in range(d)]
    zs = [[1.0] + [(x[j] - mean[j]) / std[j] for j in range(d)] for x in xs]
    w = [0.0] * (d + 1)
    for _ in range(25):
        grad = [0.0] * (d + 1)
        hess = [[0.0] * (d + 1) for _ in range(d + 1)]
        for z, y in zip(zs, ys):
            s = math.fsum(wi * zi for wi, zi in zip(w, z))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, s))))
            g, h = p - y, p * (1 - p)
            for i in range(d + 1):
                grad[i] += g * z[i]
                hz = h * z[i]
                row = hess[i]
                for k in range(i, d + 1):
                    row[k] += hz * z[k]
        for i in range(d + 1):
            for k in range(i):
                hess[i][k] = hess[k][i]
            if i:
                grad[i] += l2 * w[i]
                hess[i][i] += l2
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    weights = [w[j + 1] / std[j] for j in range(d)]
    bias = w[0] - math.fsum(weights[j] * mean[j] for j in range(d))
    return weights, bias


def accuracy(weights: list[float], bias: float, xs, ys, inside=None, threshold: float = SAME_CLAIM) -> float:
    """Share of pairs predicted right: probability at least `threshold` (or, when `inside` flags are
    given, a pair the containment rule links) means the same claim."""
    cut = math.log(threshold / (1 - threshold))
    inside = inside or [False] * len(ys)
    right = sum((not gated(f) and (c or math.fsum([bias, *map(mul, weights, f)]) >= cut)) == bool(y)
                for f, y, c in zip(xs, ys, inside))
    return right / len(ys)


def cross_validate(xs, ys, inside=None, folds: int = FOLDS, seed: int = SEED) -> float:
    """Accuracy over `folds` folds, each predicted by a model fitted on the other folds only."""
    order = list(range(len(ys)))
    random.Random(seed).shuffle(order)
    right = 0
    for k in range(folds):
        test = set(order[k::folds])
        train = [i for i in order if i not in test]
        w, b = fit([xs[i] for i in train], [ys[i] for i in train])
        right += accuracy(w, b, [xs[i] for i in test], [ys[i] for i in test],
                          [inside[i] for i in test] if inside else None) * len(test)
    return right / len(ys)


def report(folder: str) -> tuple[list[float], float]:
    """Print cross-validated and train-on-all accuracies; return the weights fitted on all pairs."""
    pairs = msrp_pairs(folder)
    ys = [p[0] for p in pairs]
    xs, inside = features_of(pairs)
    weights, bias = fit(xs, ys)
    shipped = list(claimmatch.WEIGHTS), claimmatch.BIAS
    print(f"  logistic matcher ({len(FEATURES)} features), {FOLDS}-fold cross-validated accuracy: "
          f"model alone {cross_validate(xs, ys):.1%}, same_claim (with containment) "
          f"{cross_validate(xs, ys, inside):.1%}")
    print(f"  fitted on all pairs: model alone {accuracy(weights, bias, xs, ys):.1%}, same_claim "
          f"{accuracy(weights, bias, xs, ys, inside):.1%}; shipped model file: model alone "
          f"{accuracy(*shipped, xs, ys):.1%}, same_claim {accuracy(*shipped, xs, ys, inside):.1%}")
    return weights, bias


def model_json(weights: list[float], bias: float) -> str:
    """The text of the model file the matcher loads (weights and bias rounded to 4 decimals)."""
    model = {"model": "logistic regression, claims.matcher.pair_features -> same claim",
             "fitted_by": "bench/train_matcher.py on the MSRP training pairs (L2 1.0 on standardised features)",
             "features": list(FEATURES),
             "weights": [round(w, 4) for w in weights],
             "bias": round(bias, 4)}
    return json.dumps(model, indent=1) + "\n"


def fit_all(folder: str) -> tuple[list[float], float]:
    """The model fitted on all MSRP training pairs (what --write saves)."""
    pairs = msrp_pairs(folder)
    return fit(features_of(pairs)[0], [p[0] for p in pairs])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared",
                                                           "dev-data"))
    parser.add_argument("--write", action="store_true", help=f"write the fitted model to {MODEL_PATH}")
    args = parser.parse_args()
    print(f"MSRP train pairs; features: {', '.join(FEATURES)}")
    weights, bias = report(args.dev_data)
    print("weights: " + ", ".join(f"{w:.4f}" for w in weights) + f"; bias {bias:.4f}")
    if args.write:
        write_atomic(MODEL_PATH, model_json(weights, bias).encode("utf-8"))
        print(f"written: {MODEL_PATH}")


if __name__ == "__main__":
    main()
