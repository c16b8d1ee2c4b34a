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
from functools import cached_property, lru_cache

from ..text.article import Article
from ..text.sentences import Sentence, split_sentences
from ..text.tokens import fold, word_texts
from .sequences import longest_increasing

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


def _csr(row_of, cols, n_rows: int, n_cols: int):
    """A 0/1 CSR matrix with ones at (row_of[k], cols[k]); `row_of` ascending."""
    import numpy as np
    from scipy import sparse

    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(row_of, minlength=n_rows), out=indptr[1:])
    return sparse.csr_matrix((np.ones(len(cols)), cols, indptr), shape=(n_rows, n_cols))


@dataclass(frozen=True)
class _BagTable:
    """One text's sentence bags as arrays, built once per text: its vocabulary (word -> id), each
    word's rank in string order and sentence count, every (bag, word) entry in bag order; the
    0/1 sentence × word matrix and its transpose when a long text needs them (`rows`)."""

    vocab: dict
    rank: object  # np.ndarray: each word's position in sorted string order
    df: object    # np.ndarray: sentences holding each word
    sizes: object  # np.ndarray: words per bag
    bag_of: object  # np.ndarray: the bag of each entry (ascending)
    word_of: object  # np.ndarray: the word id of each entry

    @cached_property
    def rows(self):
        """(CSR bags × vocab, vocab × bags), built on first use (scipy is imported only then)."""
        rows = _csr(self.bag_of, self.word_of, len(self.sizes), len(self.vocab))
        return rows, rows.T.tocsr()


@lru_cache(maxsize=64)
def _bag_table(bags: tuple[frozenset[str], ...]) -> _BagTable:
    import numpy as np

    vocab: dict[str, int] = {}
    word_of = np.fromiter((vocab.setdefault(w, len(vocab)) for bag in bags for w in bag),
                          dtype=np.int64, count=sum(map(len, bags)))
    sizes = np.array([len(b) for b in bags], dtype=np.int64)
    bag_of = np.repeat(np.arange(len(bags), dtype=np.int64), sizes)
    rank = np.empty(len(vocab), dtype=np.int64)
    rank[[vocab[w] for w in sorted(vocab)]] = np.arange(len(vocab))
    return _BagTable(vocab, rank, np.bincount(word_of, minlength=len(vocab)), sizes, bag_of, word_of)


def _scored(i, j, shared, size_a, size_b, min_score: float):
    """The pairs whose Dice score reaches `min_score` (sizes in reach first, as the scalar test)."""
    na, nb = size_a[i], size_b[j]
    lo, hi = na * min_score / (2 - min_score), na * (2 - min_score) / min_score
    score = 2 * shared / (na + nb)
    ok = (nb >= lo) & (nb <= hi) & (score >= min_score)
    return score[ok], i[ok], j[ok]


def _candidates(bags_a, bags_b, min_score: float) -> list[tuple[float, int, int]]:
    """(-score, i, j) of every sentence pair with Dice >= `min_score` among the proposed ones, sorted.

    Proposed: the b sentences holding one of a's prefix words (`_prefix`: the bag's words by
    their count of b sentences, then as strings) found in at most _COMMON_DF b sentences; a
    sentence with none of those proposes every b sentence sharing any word. Proposals and
    shared-word counts are tallied on a dense sentence × sentence grid for short texts
    (`_dense_found`), else found by sparse products of 0/1 sentence × word matrices in slices, so
    no call is long and memory stays bounded (`_sparse_found`), each text's own matrix built once
    per text (`_bag_table`) and a's words mapped into b's vocabulary. numpy and scipy are imported
    on first use, so opening the app does not wait for them.
    """
    import numpy as np

    ta, tb = _bag_table(tuple(bags_a)), _bag_table(tuple(bags_b))
    if not tb.vocab:
        return []
    get = tb.vocab.get
    to_b = np.fromiter((get(w, -1) for w in ta.vocab), dtype=np.int64, count=len(ta.vocab))
    col = to_b[ta.word_of]  # each entry of a as a word of b (-1: not in b)
    present = col >= 0
    # Prefix words: each bag's entries by (count of b sentences, word), the first `keep` of them.
    df = np.where(present, tb.df[np.maximum(col, 0)], 0)
    order = np.lexsort((ta.rank[ta.word_of], df, ta.bag_of))
    first = np.concatenate(([0], np.cumsum(ta.sizes)[:-1]))
    sizes = ta.sizes
    need = np.ceil(min_score * sizes / (2 - min_score) - 1e-9).astype(np.int64)
    keep = sizes - np.maximum(need, 1) + 1
    bag = ta.bag_of[order]
    sel = order[(np.arange(len(order)) - first[bag] < keep[bag])]
    sel = sel[(df[sel] > 0) & (df[sel] <= _COMMON_DF)]
    if len(bags_a) * len(bags_b) <= _DENSE_CELLS:
        found = [_dense_found(ta, tb, col, present, sel, min_score)]
    else:
        found = _sparse_found(ta, tb, col, present, sel, min_score)
    if not found:
        return []
    score = np.concatenate([f[0] for f in found])
    i = np.concatenate([f[1] for f in found])
    j = np.concatenate([f[2] for f in found])
    order = np.lexsort((j, i, -score))
    return list(zip((-score[order]).tolist(), i[order].tolist(), j[order].tolist()))


# Up to this many sentence pairs the proposals and shared-word counts are tallied on a dense
# sentence × sentence grid (`_dense_found`): for articles of a few thousand words that is several
# times faster than the sparse products' per-call overhead, and gives the same pairs (a test
# checks both ways against the per-sentence search).
_DENSE_CELLS = 250_000


def _dense_found(ta: _BagTable, tb: _BagTable, col, present, sel, min_score: float):
    """`_candidates`' (score, i, j) arrays tallied on a dense grid: each (a sentence, b word)
    entry expanded to the b sentences holding the word (integer counting, no matrix product: no
    BLAS threads); the same proposals as the sparse products (prefix words, else every b sentence
    sharing a word), scored alike."""
    import numpy as np

    from ..util.arrays import run_positions

    n_a, n_b = len(ta.sizes), len(tb.sizes)
    by_word = np.argsort(tb.word_of, kind="stable")
    b_bag = tb.bag_of[by_word]  # b's sentences, grouped by word
    first = np.concatenate(([0], np.cumsum(tb.df)[:-1]))

    def tally(bags, words) -> np.ndarray:
        reps = tb.df[words]
        codes = np.repeat(bags, reps) * n_b + b_bag[run_positions(first[words], reps)]
        return np.bincount(codes, minlength=n_a * n_b)

    shared = tally(ta.bag_of[present], col[present]).astype(np.float64)
    proposed = tally(ta.bag_of[sel], col[sel]) > 0
    has_prefix = np.zeros(n_a, dtype=bool)
    has_prefix[ta.bag_of[sel]] = True
    fallback = np.repeat(~has_prefix & (ta.sizes > 0), n_b)
    proposed |= fallback & (shared > 0)
    cells = np.flatnonzero(proposed)
    return _scored(cells // n_b, cells % n_b, shared[cells], ta.sizes, tb.sizes, min_score)


def _sparse_found(ta: _BagTable, tb: _BagTable, col, present, sel, min_score: float) -> list:
    """`_candidates`' (score, i, j) arrays, slice by slice, from sparse products."""
    import numpy as np

    n_a = len(ta.sizes)
    mat_a = _csr(ta.bag_of[present], col[present], n_a, len(tb.vocab))
    mat_p = _csr(ta.bag_of[sel], col[sel], n_a, len(tb.vocab))
    mat_b, b_t = tb.rows
    size_a, size_b = ta.sizes, tb.sizes
    found = []
    step = 512
    for lo in range(0, n_a, step):
        prop = (mat_p[lo:lo + step] @ b_t).tocoo()
        i, j = prop.row.astype(np.int64) + lo, prop.col.astype(np.int64)
        shared = np.asarray(mat_a[i].multiply(mat_b[j]).sum(axis=1)).ravel()
        found.append(_scored(i, j, shared, size_a, size_b, min_score))
        fallback = np.flatnonzero((np.diff(mat_p[lo:lo + step].indptr) == 0) & (size_a[lo:lo + step] > 0)) + lo
        if len(fallback):
            every = (mat_a[fallback] @ b_t).tocoo()  # products count the shared words directly
            found.append(_scored(fallback[every.row], every.col.astype(np.int64), every.data,
                                 size_a, size_b, min_score))
    return found


@lru_cache(maxsize=32)
def _align_texts(a_text: str, b_text: str, min_score: float) -> tuple[SentencePair, ...]:
    sa, bags_a = _sentences_and_bags(a_text)
    sb, bags_b = _sentences_and_bags(b_text)
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched: list[tuple[int, int, float]] = []
    for neg, i, j in _candidates(bags_a, bags_b, min_score):
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
