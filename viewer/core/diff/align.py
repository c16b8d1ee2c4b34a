"""Sentence alignment between two articles, moves included.

Each sentence becomes a bag of folded words; pairs of sentences that share
enough of their words (Dice coefficient) are matched one-to-one, best pairs
first. Pairs that keep the reading order of both articles form the backbone
(longest increasing run); matched pairs outside it were moved. The scroll
synchroniser interpolates between these pairs, so panes stay level with each
other even where paragraphs were reordered or cut.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from functools import lru_cache

from ..text.article import Article
from ..text.sentences import Sentence, split_sentences
from .sequences import longest_increasing
from ..text.tokens import fold, word_texts

MIN_SCORE = 0.5


@dataclass(frozen=True, slots=True)
class SentencePair:
    """Sentence `a[a_start:a_end]` matches `b[b_start:b_end]`."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    score: float
    moved: bool


def _bag(sentence: Sentence) -> frozenset[str]:
    return frozenset(map(fold, word_texts(sentence.text)))


@lru_cache(maxsize=64)
def _sentences_and_bags(text: str) -> tuple[tuple[Sentence, ...], tuple[frozenset[str], ...]]:
    """Sentences of a text and their word bags, computed once per text."""
    sents = split_sentences(text)
    return sents, tuple(_bag(s) for s in sents)


def align_sentences(a: Article, b: Article, min_score: float = MIN_SCORE) -> list[SentencePair]:
    """Matched sentences of `a` and `b`, in `a`'s order, with moves flagged."""
    return list(_align_texts(a.text, b.text, min_score))


# Words in more sentences than this do not propose candidate pairs (they still
# count in the score): keeps long articles near-linear.
_COMMON_DF = 50


def _prefix(bag: frozenset[str], index: dict[str, list[int]], min_score: float) -> list[str]:
    """The words of `bag` that any sentence scoring `min_score` with it must share one of.

    Dice >= t needs an overlap of at least t|bag| / (2 - t) words, so among the
    bag's words in any fixed order (rarest first here) all but that many, plus
    one, hold at least one of them (prefix filtering): no match is lost.
    """
    need = math.ceil(min_score * len(bag) / (2 - min_score) - 1e-9)
    ranked = sorted(bag, key=lambda w: (len(index.get(w, ())), w))
    return ranked[:len(bag) - max(need, 1) + 1]


@lru_cache(maxsize=32)
def _align_texts(a_text: str, b_text: str, min_score: float) -> tuple[SentencePair, ...]:
    sa, bags_a = _sentences_and_bags(a_text)
    sb, bags_b = _sentences_and_bags(b_text)
    index: dict[str, list[int]] = {}
    for j, bag in enumerate(bags_b):
        for w in bag:
            index.setdefault(w, []).append(j)
    candidates: list[tuple[float, int, int]] = []
    for i, bag in enumerate(bags_a):
        if not bag:
            continue
        proposed: set[int] = set()
        for w in _prefix(bag, index, min_score):
            js = index.get(w, ())
            if len(js) <= _COMMON_DF:
                proposed.update(js)
        if not proposed:  # only common words: fall back to all of them
            for w in bag:
                proposed.update(index.get(w, ()))
        # Dice >= t is out of reach when one bag is over (2 - t) / t times the other.
        lo, hi = len(bag) * min_score / (2 - min_score), len(bag) * (2 - min_score) / min_score
        for j in proposed:
            size = len(bags_b[j])
            if size < lo or size > hi:
                continue
            score = 2 * len(bag & bags_b[j]) / (len(bag) + size)
            if score >= min_score:
                candidates.append((-score, i, j))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched: list[tuple[int, int, float]] = []
    for neg, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            matched.append((i, j, -neg))
    matched.sort()
    in_order = set(longest_increasing([j for _, j, _ in matched]))
    return tuple(SentencePair(sa[i].start, sa[i].end, sb[j].start, sb[j].end, round(score, 4),
                         k not in in_order)
                 for k, (i, j, score) in enumerate(matched))


def map_offset(anchors, pos: int) -> int:
    """Map offset `pos` of one text to the other through matched spans.

    `anchors` are (src_start, src_end, dst_start, dst_end, ...) tuples sorted by
    src_start. Inside a span the position is interpolated linearly; between
    two spans it is interpolated between them when they keep their order,
    else it follows the nearer span (a moved passage).
    """
    if not anchors:
        return pos
    starts = [a[0] for a in anchors]
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0:
        s0, e0, d0, f0 = anchors[k][:4]
        if pos < e0 or k == len(anchors) - 1:
            if pos >= e0:  # after the last span: keep the same distance
                return f0 + (pos - e0)
            frac = (pos - s0) / max(1, e0 - s0)
            return round(d0 + frac * (f0 - d0))
        s1, e1, d1, f1 = anchors[k + 1][:4]
        if f0 <= d1:
            frac = (pos - e0) / max(1, s1 - e0)
            return round(f0 + frac * (d1 - f0))
        return f0 + (pos - e0) if pos - e0 <= s1 - pos else max(0, d1 - (s1 - pos))
    s1, e1, d1, f1 = anchors[0][:4]
    return max(0, d1 - (s1 - pos)) if d1 >= s1 - pos else round(pos * d1 / max(1, s1))
