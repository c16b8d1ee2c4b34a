"""Derivation labels in METER's journalistic scheme, calibrated on METER.

For a candidate derived text D and a source S the derivation score is

    score(D, S) = (runs + bigrams + trigrams) / 3 - 0.05 * ln(words of D)

where `runs` is the share of D's words inside verbatim runs of at least 4
words with at most 1 imperfection (fixed settings, so the label does not move
with the user's run options), and `bigrams`/`trigrams` are the shares of D's
word 2-/3-grams that also occur in S (case and punctuation folded). The length
term says that a short text sharing the same share of words is more likely to be
derived; in METER short briefs are mostly wholly derived.

The label is "wholly-derived" from WHOLLY_MIN_SCORE up, "partially-derived"
from PARTIAL_MIN_SCORE up, "independent" below. Both thresholds maximise
ternary macro-F1 on the METER subset in ../shared/dev-data/meter (newspaper
article vs its PA source, best-scoring PA version); `bench/reuse_eval.py`
re-derives them, prints them and a leave-one-domain-day-out cross-validated F1.

For a pair of articles both directions are scored: the article with the
higher score is the one judged derived (in practice the more covered, usually
the shorter one); if the best label is "independent", neither is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from .article import Article
from .verbatim import ReuseOptions, article_keys, run_word_spans

WHOLLY, PARTIALLY, INDEPENDENT = "wholly-derived", "partially-derived", "independent"
LABELS = (WHOLLY, PARTIALLY, INDEPENDENT)

LABEL_RUN_OPTIONS = ReuseOptions(min_words=4, max_imperfections=1)
LENGTH_WEIGHT = 0.05
PARTIAL_MIN_SCORE = -0.1145  # calibrated on METER (bench/reuse_eval.py)
WHOLLY_MIN_SCORE = 0.0862    # calibrated on METER (bench/reuse_eval.py)


@dataclass(frozen=True)
class DerivationFeatures:
    """How much of `derived` is found in the source: shares 0..1 and its length."""

    runs: float
    bigrams: float
    trigrams: float
    words: int


@dataclass(frozen=True)
class Relation:
    """The pair's label, the id of the article judged derived (or None), and its score."""

    label: str
    derived: str | None
    score: float


@lru_cache(maxsize=512)
def _ngram_counts(keys: tuple[str, ...], n: int) -> dict[tuple[str, ...], int]:
    """How often each word n-gram occurs in `keys` (cached per article)."""
    counts: dict[tuple[str, ...], int] = {}
    for gram in zip(*(keys[k:] for k in range(n))):
        counts[gram] = counts.get(gram, 0) + 1
    return counts


def _containment(keys: tuple[str, ...], other: tuple[str, ...], n: int) -> float:
    """Share of the n-grams of `keys` (with repeats) found among `other`'s."""
    total = len(keys) - n + 1
    if total <= 0:
        return 0.0
    mine = _ngram_counts(keys, n)
    shared = mine.keys() & _ngram_counts(other, n).keys()
    return sum(mine[g] for g in shared) / total


def _covered(spans: list[tuple[int, int]]) -> int:
    """Words inside the union of word-index spans [start, end)."""
    total, reach = 0, 0
    for start, end in sorted(spans):
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total


def _features(keys, other, inside: int) -> DerivationFeatures:
    n = len(keys)
    return DerivationFeatures(inside / n if n else 0.0, _containment(keys, other, 2),
                              _containment(keys, other, 3), n)


def derivation_features(derived: Article, source: Article) -> DerivationFeatures:
    """Shares of `derived` found in `source` (runs, 2-grams, 3-grams) and its length."""
    return pair_features(derived, source)[0]


def pair_features(a: Article, b: Article, runs=None) -> tuple[DerivationFeatures, DerivationFeatures]:
    """Derivation features of a (as derived from b) and of b (from a), one run search.

    `runs`: the pair's word-index runs under LABEL_RUN_OPTIONS when the caller
    already has them (`run_word_spans`), else they are found here.
    """
    ka = article_keys(a, LABEL_RUN_OPTIONS)
    kb = article_keys(b, LABEL_RUN_OPTIONS)
    if runs is None:
        runs = run_word_spans(ka, kb, LABEL_RUN_OPTIONS)
    in_a = _covered([(r[0], r[1]) for r in runs])
    in_b = _covered([(r[2], r[3]) for r in runs])
    return _features(ka.keys, kb.keys, in_a), _features(kb.keys, ka.keys, in_b)


def derivation_score(features: DerivationFeatures) -> float:
    """The calibrated score: higher means more derived (see the module docstring)."""
    shared = (features.runs + features.bigrams + features.trigrams) / 3
    return shared - LENGTH_WEIGHT * math.log(max(1, features.words))


def label_for(score: float, partial_min: float = PARTIAL_MIN_SCORE,
              wholly_min: float = WHOLLY_MIN_SCORE) -> str:
    """The METER label for a derivation score."""
    if score >= wholly_min:
        return WHOLLY
    if score >= partial_min:
        return PARTIALLY
    return INDEPENDENT


def relation(a: Article, b: Article, runs=None) -> Relation:
    """Label the pair: score both directions, the higher one decides (ties: b derived).

    `runs`: as for `pair_features`."""
    features_a, features_b = pair_features(a, b, runs)
    score_a, score_b = derivation_score(features_a), derivation_score(features_b)
    derived, score = (a.id, score_a) if score_a > score_b else (b.id, score_b)
    label = label_for(score)
    return Relation(label, None if label == INDEPENDENT else derived, round(score, 4))
