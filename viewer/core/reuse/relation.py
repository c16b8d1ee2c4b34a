"""Derivation labels in METER's journalistic scheme, calibrated on METER.

How much of a candidate derived text D is found in its source(s) S is

    shared(D, S) = (runs + bigrams + trigrams) / 3

where `runs` is the share of D's words inside verbatim runs of at least 4
words with at most 1 imperfection (fixed settings, so the label does not move
with the user's run options), and `bigrams`/`trigrams` are the shares of D's
word 2-/3-grams that also occur in S (case and punctuation folded). S may be
one article or several taken together (wire copy comes in several takes and
updates; a story drawn from all of them is derived from the wire as a whole):
then a word is in a run when it is in a run with any one of them, an n-gram
is shared when any of them has it.

Two decisions, each a line in (shared, ln words of D), with the numbers of MODEL:

    derived  when  shared - derived_weight * ln(words) >= derived_min
    wholly   when  also  shared - wholly_weight * ln(words) >= wholly_min

and "partially-derived" when derived but not wholly, "independent" otherwise.
Length counts for more in the second decision: a short brief sharing a given
share of its words is usually rewritten wire copy through and through, while a
long feature with the same share usually mixes in other sources.

The four numbers maximise ternary macro-F1 on the METER subset in
../shared/dev-data/meter (each newspaper article against all of its PA
versions together); `bench/reuse_eval.py` re-derives them and reports a
leave-one-domain-day-out cross-validated F1 where they are chosen again on
each training fold.

A pair that looks spun (spin score from SPUN_SCORE up, see `spin`) is
measured with the listed swaps put back (`reuse.analyse_pair`): a copy run
through a synonym substituter is as derived as the text it was made from.

For a pair of articles both directions are scored: the article with the
higher derived score is the one judged derived (in practice the more covered,
usually the shorter one); if its label is "independent", neither is.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..text.article import Article
from ..diff.sequences import covered_length
from .verbatim import ReuseOptions, WordKeys, article_keys, run_word_spans

WHOLLY, PARTIALLY, INDEPENDENT = "wholly-derived", "partially-derived", "independent"
LABELS = (WHOLLY, PARTIALLY, INDEPENDENT)
LABEL_TEXT = {WHOLLY: "wholly derived", PARTIALLY: "partially derived", INDEPENDENT: "independent"}

LABEL_RUN_OPTIONS = ReuseOptions(min_words=4, max_imperfections=1)


@dataclass(frozen=True)
class DerivationModel:
    """The two calibrated decisions (see the module docstring)."""

    derived_weight: float
    derived_min: float
    wholly_weight: float
    wholly_min: float

    def scores(self, features: "DerivationFeatures") -> tuple[float, float]:
        """(derived score, wholly score) of one candidate derived text."""
        length = math.log(max(1, features.words))
        shared = features.shared
        return shared - self.derived_weight * length, shared - self.wholly_weight * length

    def label(self, features: "DerivationFeatures") -> str:
        """The METER label of these features."""
        derived, wholly = self.scores(features)
        if derived < self.derived_min:
            return INDEPENDENT
        return WHOLLY if wholly >= self.wholly_min else PARTIALLY


# Calibrated on METER by bench/reuse_eval.py (all 262 labelled articles).
MODEL = DerivationModel(derived_weight=0.07, derived_min=-0.164,
                        wholly_weight=0.15, wholly_min=-0.3518)


@dataclass(frozen=True)
class DerivationFeatures:
    """How much of `derived` is found in the source(s): shares 0..1 and its length."""

    runs: float
    bigrams: float
    trigrams: float
    words: int

    @property
    def shared(self) -> float:
        """The mean of the three shares."""
        return (self.runs + self.bigrams + self.trigrams) / 3


@dataclass(frozen=True)
class Derivation:
    """One text's label against its source(s), with the derived score behind it."""

    label: str
    score: float


@dataclass(frozen=True)
class Relation:
    """The pair's label, the id of the article judged derived (or None), and its score."""

    label: str
    derived: str | None
    score: float


@lru_cache(maxsize=512)
def _ngram_counts(keys: tuple[str, ...], n: int) -> dict[tuple[str, ...], int]:
    """How often each word n-gram occurs in `keys` (cached per article)."""
    return Counter(zip(*(keys[k:] for k in range(n))))


def _containment(keys: tuple[str, ...], others: list[tuple[str, ...]], n: int) -> float:
    """Share of the n-grams of `keys` (with repeats) found among any of `others`' n-grams."""
    total = len(keys) - n + 1
    if total <= 0:
        return 0.0
    mine = _ngram_counts(keys, n)
    theirs = [_ngram_counts(other, n) for other in others]
    if len(theirs) == 1:
        return sum(mine[g] for g in mine.keys() & theirs[0].keys()) / total
    return sum(count for gram, count in mine.items() if any(gram in t for t in theirs)) / total


def _features(keys, others: list[tuple[str, ...]], inside: int) -> DerivationFeatures:
    n = len(keys)
    return DerivationFeatures(inside / n if n else 0.0, _containment(keys, others, 2),
                              _containment(keys, others, 3), n)


def derivation_features(derived: Article, sources: Article | Sequence[Article],
                        runs: Sequence[Sequence[tuple[int, int]]] | None = None) -> DerivationFeatures:
    """Shares of `derived` found in `sources` (one article or several together) and its length.

    With several sources a word counts as in a run when it is in a run with
    any one of them (runs never join two sources), and an n-gram counts when
    any of them has it. `runs`: for each source, the word-index spans
    (start, end) of `derived`'s side of its LABEL_RUN_OPTIONS runs, when the
    caller already has them; else they are found here.
    """
    sources = [sources] if isinstance(sources, Article) else list(sources)
    keys = article_keys(derived, LABEL_RUN_OPTIONS)
    others = [article_keys(src, LABEL_RUN_OPTIONS) for src in sources]
    if runs is None:
        runs = [[(r[0], r[1]) for r in run_word_spans(keys, other, LABEL_RUN_OPTIONS)] for other in others]
    inside = covered_length([span for spans in runs for span in spans])
    return _features(keys.keys, [o.keys for o in others], inside)


def derivation(derived: Article, sources: Article | Sequence[Article], runs=None,
               model: DerivationModel = MODEL) -> Derivation:
    """The label of `derived` against `sources` (one article or several together).

    `runs`: as for `derivation_features`."""
    features = derivation_features(derived, sources, runs)
    return Derivation(model.label(features), round(model.scores(features)[0], 4))


def pair_features(a: Article, b: Article, runs=None,
                  b_keys: WordKeys | None = None) -> tuple[DerivationFeatures, DerivationFeatures]:
    """Derivation features of a (as derived from b) and of b (from a), one run search.

    `runs`: the pair's word-index runs under LABEL_RUN_OPTIONS when the caller
    already has them (`run_word_spans`), else they are found here. `b_keys`:
    b's label keys to measure instead of its own (a spun copy with its swaps
    put back, say; same number of words).
    """
    ka = article_keys(a, LABEL_RUN_OPTIONS)
    kb = b_keys if b_keys is not None else article_keys(b, LABEL_RUN_OPTIONS)
    if runs is None:
        runs = run_word_spans(ka, kb, LABEL_RUN_OPTIONS)
    in_a = covered_length([(r[0], r[1]) for r in runs])
    in_b = covered_length([(r[2], r[3]) for r in runs])
    return _features(ka.keys, [kb.keys], in_a), _features(kb.keys, [ka.keys], in_b)


def relation(a: Article, b: Article, runs=None, model: DerivationModel = MODEL,
             b_keys: WordKeys | None = None) -> Relation:
    """Label the pair: score both directions, the higher derived score decides (ties: b derived).

    `runs`, `b_keys`: as for `pair_features`."""
    features_a, features_b = pair_features(a, b, runs, b_keys)
    score_a, score_b = model.scores(features_a)[0], model.scores(features_b)[0]
    derived, score, features = ((a.id, score_a, features_a) if score_a > score_b
                                else (b.id, score_b, features_b))
    label = model.label(features)
    return Relation(label, None if label == INDEPENDENT else derived, round(score, 4))
