"""Derivation labels in METER's journalistic scheme, from a small fitted model.

How much of a candidate derived text D is found in its source(s) S is
measured by a few robust shares of D's words (case and punctuation folded):

- `runs`: share inside verbatim runs of at least 4 words with at most 1
  imperfection (fixed settings, so the label does not move with the user's
  run options);
- `unigrams`, `trigrams`: share of D's words and word 3-grams that also
  occur in S (containment; `1 - unigrams` is the share of new words);
- `aligned`: share of D's words in sentences of which at least half the words
  are found in S (copied or rewritten-but-aligned sentences);
- `spread`: share of D's sentences holding at least one word 3-gram of S (how
  far through D the copied material reaches);
- `log_words`: ln of D's length in words.

S may be one article or several taken together (wire copy comes in several
takes and updates; a story drawn from all of them is derived from the wire as
a whole): then a word is in a run when it is in a run with any one of them, an
n-gram is shared when any of them has it.

The model (`DerivationModel`) is an ordinal logistic regression: one linear
score s = w · z of the standardised features z and two cut points,

    P(derived)  = sigmoid(s - derived_cut)      (partially or wholly)
    P(wholly)   = sigmoid(s - wholly_cut)

the label is "derived" when P(derived) >= 0.5 and then "wholly" when
P(wholly) >= 0.5, and the reported score is P(derived), a probability fitted
on METER (0.5 is the line between independent and derived). Its numbers
live in `data/derivation.json`, written by `bench/train_derivation.py` from
the METER corpus in ../shared/dev-data (leave-one-day-out and
leave-one-domain-out figures are printed there); the file holds three models,
one per reading:

- `together` answers "how much of this article comes from all these others
  taken together" (`derivation`: METER's own reading, a story against every
  PA version of it; the diagonal of the similarity matrix, `articles[].derivation`);
- `pair` answers "is one of these two articles derived from the other, and
  how much" (`relation`: each cell of the matrix, the pair's `relation`) when
  the texts state which came first (wire copy's form, filing times): the
  label is the later one's; `pair_either` answers it when they do not say:
  the label of the one that looks more derived.

A pair that looks spun (spin score from SPUN_SCORE up, see `spin`) is
measured with the listed swaps put back (`reuse.analyse_pair`): a copy run
through a synonym substituter is as derived as the text it was made from.

For a pair whose texts do not say which came first both directions are
scored: the article with the higher P(derived) is the one judged derived; if
its label is "independent", neither is.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Sequence


from ..text.article import Article
from ..util.bundled import core_data_path
from .verbatim import ReuseOptions, WordKeys, article_keys, run_word_spans, word_keys

if TYPE_CHECKING:
    import numpy as np

WHOLLY, PARTIALLY, INDEPENDENT = "wholly-derived", "partially-derived", "independent"
LABELS = (WHOLLY, PARTIALLY, INDEPENDENT)
LABEL_TEXT = {WHOLLY: "wholly derived", PARTIALLY: "partially derived", INDEPENDENT: "independent"}
SHORT_LABEL_TEXT = {WHOLLY: "wholly", PARTIALLY: "partly", INDEPENDENT: ""}  # in one word, for narrow places

LABEL_RUN_OPTIONS = ReuseOptions(min_words=4, max_imperfections=1)
MODEL_FILE = core_data_path("reuse", "derivation.json")

_SENTENCE_END = ".!?"  # a word gap holding one of these (or a blank line) starts a sentence
_ALIGNED_MIN = 0.5  # share of a sentence's words found in S for it to count as aligned


@dataclass(frozen=True)
class DerivationFeatures:
    """How much of `derived` is found in the source(s): shares 0..1 and its length."""

    runs: float
    unigrams: float
    trigrams: float
    aligned: float
    spread: float
    words: int

    @property
    def log_words(self) -> float:
        """ln of the length in words (at least 1 word)."""
        return math.log(max(1, self.words))

    def value(self, name: str) -> float:
        """The feature called `name` (a field or `log_words`)."""
        return float(getattr(self, name))


FEATURE_NAMES = tuple(f.name for f in fields(DerivationFeatures) if f.name != "words") + ("log_words",)


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


@dataclass(frozen=True)
class DerivationModel:
    """An ordinal logistic model over named features (see the module docstring).

    Each feature is first held inside `low`..`high` (length inside the range
    it had in the fitting data: a 20-word brief is scored as the shortest
    METER story, not extrapolated), then standardised by `center`/`scale`; `weights` give
    the linear score (shares never weigh negatively, so sharing more never
    lowers the label), `derived_cut` < `wholly_cut` are the two cut points.
    """

    features: tuple[str, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]
    center: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    derived_cut: float
    wholly_cut: float

    def score(self, features: DerivationFeatures) -> float:
        """The linear score s (higher: more derived)."""
        return sum(w * (min(hi, max(lo, features.value(n))) - c) / s for n, lo, hi, c, s, w
                   in zip(self.features, self.low, self.high, self.center, self.scale, self.weights))

    def probabilities(self, features: DerivationFeatures) -> tuple[float, float]:
        """(P(derived), P(wholly derived)) of one candidate derived text."""
        s = self.score(features)
        return _sigmoid(s - self.derived_cut), _sigmoid(s - self.wholly_cut)

    def label(self, features: DerivationFeatures) -> str:
        """The METER label: derived when P(derived) >= 0.5, wholly when also P(wholly) >= 0.5."""
        s = self.score(features)
        if s < self.derived_cut:
            return INDEPENDENT
        return WHOLLY if s >= self.wholly_cut else PARTIALLY

    def as_dict(self) -> dict:
        """The model as plain JSON data."""
        return {"features": list(self.features), "low": list(self.low), "high": list(self.high),
                "center": list(self.center),
                "scale": list(self.scale), "weights": list(self.weights),
                "derived_cut": self.derived_cut, "wholly_cut": self.wholly_cut}

    @classmethod
    def from_dict(cls, data: dict) -> "DerivationModel":
        """A model from `as_dict` data (unknown feature names are refused; no range: none held)."""
        names = tuple(data["features"])
        unknown = set(names) - set(FEATURE_NAMES)
        if unknown:
            raise ValueError(f"unknown derivation features: {sorted(unknown)}")
        k = len(names)
        return cls(names, tuple(map(float, data.get("low", [-math.inf] * k))),
                   tuple(map(float, data.get("high", [math.inf] * k))),
                   tuple(map(float, data["center"])), tuple(map(float, data["scale"])),
                   tuple(map(float, data["weights"])), float(data["derived_cut"]),
                   float(data["wholly_cut"]))


@dataclass(frozen=True)
class Models:
    """The fitted readings: `together` (one text against several), `pair` (a pair whose texts
    state which came first) and `pair_either` (a pair whose texts do not say)."""

    together: DerivationModel
    pair: DerivationModel
    pair_either: DerivationModel


def load_models(path: Path = MODEL_FILE) -> Models:
    """The models written by bench/train_derivation.py."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return Models(*(DerivationModel.from_dict(data[name]) for name in ("together", "pair", "pair_either")))


MODELS = load_models()
MODEL = MODELS.together
PAIR_MODEL = MODELS.pair
PAIR_EITHER_MODEL = MODELS.pair_either


@dataclass(frozen=True)
class Derivation:
    """One text's label against its source(s), with P(derived) behind it; `sources`, when the
    caller chose them among others (`others.derive_from_others`), the ids it was read against."""

    label: str
    score: float
    sources: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Relation:
    """The pair's label, the id of the article judged derived (or None), and its P(derived)."""

    label: str
    derived: str | None
    score: float


@lru_cache(maxsize=1024)
def _gram_hashes(keys: tuple[str, ...], n: int) -> tuple[tuple[int, ...], frozenset[int]]:
    """The hashes of `keys`' word n-grams in order, and as a set (cached per article;
    membership of ints is much cheaper than of tuples, whose hash is never kept)."""
    grams = tuple(map(hash, zip(*(keys[k:] for k in range(n))))) if n > 1 else tuple(map(hash, keys))
    return grams, frozenset(grams)


@lru_cache(maxsize=256)
def _sentence_ids(text: str, starts: tuple[int, ...], ends: tuple[int, ...]) -> "np.ndarray":
    """The sentence number of each word (a new sentence after . ! ? or a blank line)."""
    import numpy as np  # on first use: the window opens without waiting for numpy
    if not starts:
        return np.zeros(0, dtype=np.int64)
    # Per code point: does it end a sentence, is it a newline; counted inside each gap between
    # two words by prefix sums, for all gaps at once.
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    ends_sentence = np.concatenate(([0], np.cumsum(np.isin(points, [ord(c) for c in _SENTENCE_END]))))
    newlines = np.concatenate(([0], np.cumsum(points == ord("\n"))))
    lo, hi = np.array(ends[:-1], dtype=np.int64), np.array(starts[1:], dtype=np.int64)
    hi = np.maximum(hi, lo)  # an empty slice when a gap would run backwards
    breaks = (ends_sentence[hi] > ends_sentence[lo]) | (newlines[hi] - newlines[lo] >= 2)
    return np.cumsum(np.concatenate(([0], breaks.astype(np.int64))))


def _present(keys: tuple[str, ...], others: list[tuple[str, ...]], n: int) -> "np.ndarray":
    """For each n-gram start of `keys`: does any of `others` have that n-gram?"""
    import numpy as np
    grams = _gram_hashes(keys, n)[0]
    theirs = [_gram_hashes(o, n)[1] for o in others]
    found = theirs[0] if len(theirs) == 1 else frozenset().union(*theirs)
    return np.fromiter(map(found.__contains__, grams), dtype=bool, count=len(grams))


def _features(wk: WordKeys, text: str, others: list[tuple[str, ...]], spans) -> DerivationFeatures:
    """The features of the text with keys `wk` against `others`' keys; `spans`: its words in runs."""
    import numpy as np
    keys = wk.keys
    n = len(keys)
    in_run = bytearray(n)
    for start, end in spans:
        in_run[start:end] = b"\x01" * (end - start)
    inside = sum(in_run)
    if not n:
        return DerivationFeatures(0.0, 0.0, 0.0, 0.0, 0.0, 0)
    sentence = _sentence_ids(text, wk.starts, wk.ends)
    known = _present(keys, others, 1)
    tri = _present(keys, others, 3)
    sizes = np.bincount(sentence)
    found = np.bincount(sentence, weights=known, minlength=sizes.size)
    aligned = int(sizes[found >= _ALIGNED_MIN * sizes].sum())
    reached = np.unique(sentence[:tri.size][tri]).size
    return DerivationFeatures(
        runs=inside / n, unigrams=int(known.sum()) / n,
        trigrams=int(tri.sum()) / tri.size if tri.size else 0.0,
        aligned=aligned / n, spread=reached / int((sizes > 0).sum()), words=n)


def text_features(derived: str, sources: Sequence[str],
                  runs: Sequence[Sequence[tuple[int, int]]] | None = None,
                  source_keys: Sequence[WordKeys] | None = None) -> DerivationFeatures:
    """`derivation_features` of plain texts: `derived` against `sources` together
    (`source_keys`: the sources' label keys to measure against, when the caller has them)."""
    keys = word_keys(derived, LABEL_RUN_OPTIONS)
    others = list(source_keys) if source_keys is not None else \
        [word_keys(src, LABEL_RUN_OPTIONS) for src in sources]
    if runs is None:
        runs = [[(r[0], r[1]) for r in run_word_spans(keys, other, LABEL_RUN_OPTIONS)] for other in others]
    return _features(keys, derived, [o.keys for o in others], [s for spans in runs for s in spans])


def derivation_features(derived: Article, sources: Article | Sequence[Article],
                        runs: Sequence[Sequence[tuple[int, int]]] | None = None,
                        source_keys: Sequence[WordKeys] | None = None) -> DerivationFeatures:
    """Shares of `derived` found in `sources` (one article or several together) and its length.

    With several sources a word counts as in a run when it is in a run with
    any one of them (runs never join two sources), and an n-gram counts when
    any of them has it. `runs`: for each source, the word-index spans
    (start, end) of `derived`'s side of its LABEL_RUN_OPTIONS runs, when the
    caller already has them; else they are found here. `source_keys`: the sources'
    label keys to measure against (a spun source with its swaps put back, say).
    """
    sources = [sources] if isinstance(sources, Article) else list(sources)
    return text_features(derived.text, [src.text for src in sources], runs, source_keys)


def derivation(derived: Article, sources: Article | Sequence[Article], runs=None,
               model: DerivationModel = MODEL,
               source_keys: Sequence[WordKeys] | None = None) -> Derivation:
    """The label of `derived` against `sources` (one article or several together).

    `runs` and `source_keys`: as for `derivation_features`. The score is P(derived)."""
    features = derivation_features(derived, sources, runs, source_keys)
    return Derivation(model.label(features), round(model.probabilities(features)[0], 4))


def pair_features(a: Article, b: Article, runs=None, b_keys: WordKeys | None = None,
                  a_keys: WordKeys | None = None) -> tuple[DerivationFeatures, DerivationFeatures]:
    """Derivation features of a (as derived from b) and of b (from a), one run search.

    `runs`: the pair's word-index runs under LABEL_RUN_OPTIONS when the caller
    already has them (`run_word_spans`), else they are found here. `b_keys`, `a_keys`:
    b's (a's) label keys to measure instead of its own (a spun copy with its swaps
    put back, or some words masked; same number of words).
    """
    ka = a_keys if a_keys is not None else article_keys(a, LABEL_RUN_OPTIONS)
    kb = b_keys if b_keys is not None else article_keys(b, LABEL_RUN_OPTIONS)
    if runs is None:
        runs = run_word_spans(ka, kb, LABEL_RUN_OPTIONS)
    return (_features(ka, a.text, [kb.keys], [(r[0], r[1]) for r in runs]),
            _features(kb, b.text, [ka.keys], [(r[2], r[3]) for r in runs]))


def relation(a: Article, b: Article, runs=None, model: DerivationModel | None = None,
             b_keys: WordKeys | None = None, source: str | None = None,
             a_keys: WordKeys | None = None) -> Relation:
    """Label the pair: the label of the article derived from the other. When `source` (a's or
    b's id: the texts state it came first) is given, the other one is read as derived, with
    PAIR_MODEL; else both directions are scored with PAIR_EITHER_MODEL and the higher score
    decides (ties: b derived). A short wire take held whole in a longer story reads as "wholly
    derived" from the story: with the wire copy known to be the source, the story's own share
    decides its label. `model`: another model to read with.

    `runs`, `b_keys`, `a_keys`: as for `pair_features`."""
    features_a, features_b = pair_features(a, b, runs, b_keys, a_keys)
    stated = source in (a.id, b.id)
    model = model or (PAIR_MODEL if stated else PAIR_EITHER_MODEL)
    if stated:
        derived, features = (b.id, features_b) if source == a.id else (a.id, features_a)
    else:  # compare the linear scores: both probabilities of a near copy round to 1
        derived, features = ((a.id, features_a) if model.score(features_a) > model.score(features_b)
                             else (b.id, features_b))
    label = model.label(features)
    return Relation(label, None if label == INDEPENDENT else derived,
                    round(model.probabilities(features)[0], 4))
