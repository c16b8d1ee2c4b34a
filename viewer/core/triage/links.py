"""Reuse between two triaged articles, and which of them is the source.

`measure_pair` runs the full reuse analysis on one candidate pair (the pair
analysis of `viewer.core.reuse.pairs`, `analyse_pair`); `measure_keys` is the
quick first look at every candidate: verbatim runs on keys already made, with
interim label thresholds on the verbatim share.

`orient` decides the direction of a pair, by the first rule that applies:

1. **time**: both files have a modification time and they differ by at least
   `time_tolerance` seconds → the earlier file is the source;
2. **stated-time**: both texts state when they were written (a document's
   metadata creation date, see `doctime`, else a wire header's time stamp,
   see `wireform`) and these differ by at least `time_tolerance` → the
   earlier is the source;
3. **stated-date**: both texts date themselves at their top (a date line,
   byline or dateline, see `text.dates.stated_date`) on different days → the
   earlier is the source;
4. **wire-form**: one text has the form of wire copy (header, slug, agency
   byline, dateline, end markers; `wireform.text_evidence`) and the other has
   none → the wire copy is the source (newspapers rewrite the wire, not the
   other way round);
5. **coverage**: the verbatim shares differ by more than `coverage_margin` (0: at all) →
   the article with more of its words found in the other is the derived one
   (a story written from wire copy is mostly wire words; the wire item has
   more that the story left out);
6. **reuse**: the reuse analysis named the derived article (the direction
   its model scores higher) → that one;
7. **length**: the longer article is the source;
8. **order**: the article earlier in the triage order is the source.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from itertools import repeat
from typing import Iterable

from ..diff.sequences import covered_length
from ..diff.worddiff import word_diff
from ..reuse.pairs import analyse_pair, run_shares
from ..reuse.relation import relation
from ..reuse.spin import detect_spin
from ..reuse.verbatim import ReuseOptions, WordKeys, run_word_spans, word_key
from ..text.article import Article
from ..text.tokens import _WORD_ONLY_RE, Token
from ..text.wireform import TextEvidence
from ..util import patterns

WHOLLY, PARTIALLY, INDEPENDENT = "wholly-derived", "partially-derived", "independent"

# Interim thresholds on the derived article's verbatim share, for the quick first look
# (`measure_keys`); the pairs inside a story then get `analyse_pair`'s calibrated labels.
QUICK_WHOLLY = 0.55
QUICK_PARTIALLY = 0.15


@dataclass(frozen=True)
class PairMeasure:
    """Reuse between articles `a` and `b` (ids): `share_a` is the share of a's
    words found verbatim in b, and the other way round."""

    a: str
    b: str
    share_a: float
    share_b: float
    similarity: float
    label: str
    derived: str | None = None
    spin: float | None = None

    def share_of(self, article_id: str) -> float:
        """Share of `article_id`'s words found verbatim in the other article."""
        return self.share_a if article_id == self.a else self.share_b


def _spin_score(found) -> float | None:
    return _spin_value(getattr(found, "spin", None))


def _spin_value(spin) -> float | None:
    if spin is None:
        return None
    score = getattr(spin, "score", spin)
    try:
        return float(score)
    except (TypeError, ValueError):
        return None


_KEY_CACHE: dict[tuple[str, str, ReuseOptions], str] = {}
_SPACE_RE = patterns.compile(r"\s")


def _cached_keys(words: list[str], trails: Iterable[str], options: ReuseOptions) -> WordKeys:
    """The interned matching keys of `words` with their trailing punctuation `trails`, cached."""
    cache = _KEY_CACHE
    if len(cache) > 500_000:
        cache.clear()
    keys: list[str] = []
    for word, trail in zip(words, trails):
        key = cache.get((word, trail, options))
        if key is None:
            key = cache[(word, trail, options)] = sys.intern(word_key(word, options, trail))
        keys.append(key)
    return WordKeys(tuple(keys), (), ())


def match_keys(tokens: tuple[Token, ...], options: ReuseOptions = ReuseOptions()) -> WordKeys:
    """An article's verbatim matching keys from its tokens (interned; no offsets kept).

    Keys are cached per word (and trailing punctuation): a folder repeats most words.
    """
    words = [tok.text for tok in tokens if tok.kind == "word"]
    if options.ignore_punctuation:
        return _cached_keys(words, repeat(""), options)
    trails: list[str] = []
    count = len(tokens)
    for k, tok in enumerate(tokens):
        if tok.kind == "word":
            trail = ""
            for n in range(k + 1, count):
                nxt = tokens[n]
                if nxt.kind == "space" or nxt.kind == "word":
                    break
                trail += nxt.text
            trails.append(trail)
    return _cached_keys(words, trails, options)


def text_keys(text: str, options: ReuseOptions = ReuseOptions()) -> WordKeys:
    """`match_keys(tokenize(text))` without building a Token for every piece.

    Words are found with the tokenizer's word-only pattern (the same words, at
    the same places, as `tokenize`: no word can start inside a whitespace run
    or a single punctuation mark); the punctuation after a word is the text
    between it and the next word up to the first whitespace (the punctuation
    tokens before the next space or word token). `len(keys)` is the word count.
    """
    found = list(_WORD_ONLY_RE.finditer(text))
    words = [m.group() for m in found]
    if options.ignore_punctuation:
        return _cached_keys(words, repeat(""), options)
    spans = [m.span() for m in found]
    trails: list[str] = []
    space = _SPACE_RE.search
    for k, (start, end) in enumerate(spans):
        trail = ""
        nxt = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        if nxt > end:
            gap = space(text, end, nxt)
            trail = text[end:gap.start() if gap else nxt]
        trails.append(trail)
    return _cached_keys(words, trails, options)


def _label(derived_share: float) -> str:
    if derived_share >= QUICK_WHOLLY:
        return WHOLLY
    return PARTIALLY if derived_share >= QUICK_PARTIALLY else INDEPENDENT


def measure_keys(a_id: str, ka: WordKeys, b_id: str, kb: WordKeys,
                 options: ReuseOptions = ReuseOptions()) -> PairMeasure:
    """Reuse measures from verbatim runs alone (interim labels), on precomputed keys."""
    runs = run_word_spans(ka, kb, options)
    na, nb = len(ka.keys), len(kb.keys)
    share_a = covered_length([(r[0], r[1]) for r in runs]) / max(1, na)
    share_b = covered_length([(r[2], r[3]) for r in runs]) / max(1, nb)
    similarity = (share_a * na + share_b * nb) / max(1, na + nb)
    return PairMeasure(a_id, b_id, share_a, share_b, similarity, _label(max(share_a, share_b)))


def measure_pair(a: Article, b: Article, *, spin: bool = True) -> PairMeasure:
    """The full reuse measures of one pair (shares, similarity, label, spin).

    With `spin=False` the measures triage needs to group and orient (the
    verbatim shares and similarity of `analyse_pair`) are computed without the
    word diff, spin and moves; `pair_spin` adds the spin score later, for the
    pairs that become links. Its label reads the pair either way (`relation`
    without a stated source: is either one derived from the other), which is
    what triage asks before it orients the pair by file times and the texts;
    read in the direction the texts state, as `analyse_pair` does, it linked
    fewer derived articles (63 % against 64 % of METER's) and more independent
    ones (14 % against 9 %).
    """
    if spin:
        found = analyse_pair(a, b)
        shares = dict(found.verbatim)
        return PairMeasure(a.id, b.id, float(shares.get(a.id, 0.0)), float(shares.get(b.id, 0.0)),
                           float(found.similarity), str(found.label), found.derived,
                           _spin_score(found))
    shares = run_shares(a, b)  # as analyse_pair: its default options
    rel = relation(a, b)
    return PairMeasure(a.id, b.id, shares.verbatim[a.id], shares.verbatim[b.id], shares.similarity,
                       str(rel.label), rel.derived, None)


def pair_spin(a: Article, b: Article) -> float | None:
    """The spin score `analyse_pair` gives the pair."""
    return _spin_value(detect_spin(a, b, word_diff(a.text, b.text)))


@dataclass(frozen=True)
class Direction:
    """`source` → `derived`, and the rule that decided it."""

    source: str
    derived: str
    basis: str  # "time", "stated-time", "stated-date", "wire-form", "coverage", "reuse", "length" or "order"


def _earlier(a: str, b: str, ta: float | None, tb: float | None, tolerance: float,
             basis: str) -> Direction | None:
    if ta is not None and tb is not None and abs(ta - tb) >= tolerance:
        return Direction(a, b, basis) if ta < tb else Direction(b, a, basis)
    return None


def orient(m: PairMeasure, *, times: tuple[float | None, float | None], words: tuple[int, int],
           order: tuple[int, int], time_tolerance: float = 60.0,
           coverage_margin: float = 0.0,
           evidence: tuple[TextEvidence, TextEvidence] = (TextEvidence(), TextEvidence())
           ) -> Direction:
    """Which article of the measured pair is the source (rules in the module docstring).

    `evidence`: each text's `wireform.text_evidence` (none: no stated times,
    no wire marks)."""
    a, b = m.a, m.b
    days = [None if e.dated is None else float(e.dated.toordinal()) for e in evidence]
    found = (_earlier(a, b, *times, time_tolerance, "time")
             or _earlier(a, b, evidence[0].stated_time, evidence[1].stated_time, time_tolerance,
                         "stated-time")
             or _earlier(a, b, days[0], days[1], 1.0, "stated-date"))
    if found:
        return found
    wa, wb = evidence[0].wire, evidence[1].wire
    if (wa > 0) != (wb > 0):
        return Direction(a, b, "wire-form") if wa > wb else Direction(b, a, "wire-form")
    if abs(m.share_a - m.share_b) > coverage_margin:
        return Direction(b, a, "coverage") if m.share_a > m.share_b else Direction(a, b, "coverage")
    if m.derived in (a, b):
        return Direction(b, a, "reuse") if m.derived == a else Direction(a, b, "reuse")
    if words[0] != words[1]:
        return Direction(a, b, "length") if words[0] > words[1] else Direction(b, a, "length")
    return Direction(a, b, "order") if order[0] < order[1] else Direction(b, a, "order")
