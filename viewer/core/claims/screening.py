"""Candidate pairs the matcher would score 0.0, ruled out in bulk (numpy, scipy.sparse).

`matcher.same_claim` reads one pair at a time in Python; at 100,000 words the gate lets some
60,000 pairs through to it and most of them fail. For a pair none of whose keys earned a
synonym's or variant's credit in the other (`coverages.Credited`), no token is replaced before the
surface features, so every feature of the model's first, bounded reading is a count over shared
keys, tokens, word trigrams or character trigrams: `ruled_out` takes them for all such pairs at
once (products of sparse rows), with word_sequence bounded as `same_claim` bounds it, and marks
the pairs whose bounded probability is below their threshold and whose shorter side cannot be
contained in the longer, each by a margin. Every other pair is left to `same_claim`, so the
claims are the per-pair code's (a property test checks the pairs ruled out against it).
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from ..util.arrays import Vocab, ragged
from ..util.cancel import CancelCheck, check
from . import matcher
from .blocking import distinct_wordings
from .statement import Statement, char_trigrams

__all__ = ["bounded_features", "ruled_out"]

_Z_MARGIN = 1e-7  # on the logistic model's linear score: far above the rounding of any sum here
_MARGIN = 1e-9  # on shares and weights
# Rows (statements, pairs) per sparse step: each C call stays short (scipy holds the interpreter's
# lock until it returns; at 200,000 words one call over all pairs took 0.12 s) and a cancel is seen
# between them.
_SLICE = 5_000


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def _surface_matrices(distinct: Sequence[Statement], cancelled: CancelCheck = None):
    """(token counts, word trigrams (0/1), character trigram counts): sparse matrices with one row
    per wording, the counts of `Statement.token_counts`, `token_trigrams` and `chars`."""
    from scipy import sparse

    vocab = Vocab()
    ids = [[vocab.id(t) for t in st.tokens] for st in distinct]
    owner, flat = ragged(ids)
    sizes = np.bincount(owner, minlength=len(ids))
    shape = (len(ids), max(len(vocab), 1))
    tokens = sparse.csr_matrix((np.ones(len(flat)), (owner, flat)), shape=shape)  # repeats summed
    starts = np.cumsum(sizes) - sizes
    first = np.flatnonzero(np.arange(len(flat)) - starts[owner] + 3 <= sizes[owner])  # a trigram starts here
    width = max(len(vocab), 1)
    codes = (flat[first] * width + flat[first + 1]) * width + flat[first + 2]
    distinct_codes, column = np.unique(codes, return_inverse=True)
    trigrams = sparse.csr_matrix((np.ones(len(first)), (owner[first], column.ravel())),
                                 shape=(len(ids), max(len(distinct_codes), 1)))
    trigrams.data[:] = 1.0  # a set of trigrams: repeats count once
    chars = Vocab()
    g_rows, g_cols = [], []
    for t, k in vocab.items():
        for g in char_trigrams(t):
            g_rows.append(k)
            g_cols.append(chars.id(g))
    spelled = sparse.csr_matrix((np.ones(len(g_rows)), (g_rows, g_cols)),
                                shape=(shape[1], max(len(chars), 1)))
    parts = []
    for lo in range(0, len(ids), _SLICE):
        check(cancelled)
        parts.append((tokens[lo:lo + _SLICE] @ spelled).tocsr())
    return tokens, trigrams, sparse.vstack(parts, format="csr") if parts else tokens @ spelled


def _per_statement(statements: Sequence[Statement]) -> dict[str, np.ndarray]:
    """What the features read of each statement, as arrays: weight, tokens, word trigrams,
    character-count norm, negation, content keys, and an id of its set of numbers."""
    def each(values) -> np.ndarray:
        return np.fromiter(values, dtype=np.float64, count=len(statements))

    number_sets: dict[frozenset, int] = {}
    return {"weight": each(st.weight for st in statements),
            "length": each(len(st.tokens) for st in statements),
            "trigrams": each(len(st.token_trigrams) for st in statements),
            "norm": each(st.chars_norm for st in statements),
            "negated": each(st.negated for st in statements),
            "content": each(map(matcher.content_keys, statements)),
            "numbers": each(number_sets.setdefault(st.numbers, len(number_sets)) for st in statements)}


def _row_products(m, i: np.ndarray, j: np.ndarray, smaller: bool = False,
                  cancelled: CancelCheck = None) -> np.ndarray:
    """Per pair k, the sum over columns of m[i[k]] * m[j[k]] (or of their minimum)."""
    out = np.zeros(len(i))
    for lo in range(0, len(i), _SLICE):
        check(cancelled)
        a, b = m[i[lo:lo + _SLICE]], m[j[lo:lo + _SLICE]]
        both = a.minimum(b) if smaller else a.multiply(b)
        out[lo:lo + _SLICE] = np.asarray(both.sum(axis=1)).ravel()
    return out


def bounded_features(statements: Sequence[Statement], pi: np.ndarray, pj: np.ndarray,
                     cov_a: np.ndarray, cov_b: np.ndarray, missed_a: np.ndarray, missed_b: np.ndarray,
                     columns: dict[str, np.ndarray] | None = None, cancelled: CancelCheck = None
                     ) -> tuple[np.ndarray, np.ndarray]:
    """(features, shared word trigrams): for pairs (statements[pi[k]], statements[pj[k]]) none of
    whose keys earned a synonym's or variant's credit in the other, the matcher's features in
    the order of `matcher.FEATURES` (one row per pair), word_sequence bounded as `same_claim`
    bounds it (`matcher._features` with `sequence_bound`), up to float rounding; and how many word
    trigrams each pair shares. `cov_a`, `cov_b`: each side's weight the other carries, and
    `missed_a`, `missed_b`: names it does not match (`coverages.coverages`). `columns`: the
    statements' `_per_statement` arrays, when the caller has them. Raises `Cancelled` between
    steps when `cancelled()` turns True."""
    n = len(pi)
    row, distinct = distinct_wordings(statements)
    tokens, trigrams, chars = _surface_matrices(distinct, cancelled)
    ri, rj = row[pi], row[pj]
    columns = columns or _per_statement(statements)
    weight, length, n_tri, norm = columns["weight"], columns["length"], columns["trigrams"], columns["norm"]
    negated, numbers = columns["negated"], columns["numbers"]

    wa, wb = weight[pi], weight[pj]
    got_a, got_b = cov_a * wa, cov_b * wb
    total = wa + wb
    la, lb = length[pi], length[pj]
    both_spoken = (la > 0) & (lb > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        sim = np.where(total > 0, (got_a + got_b) / np.where(total > 0, total, 1.0), 0.0)
        shared_tri = _row_products(trigrams, ri, rj, cancelled=cancelled)
        union = n_tri[pi] + n_tri[pj]
        tri = np.where(union > 0, 2 * shared_tri / np.where(union > 0, union, 1.0), 0.0)
        dot = _row_products(chars, ri, rj, cancelled=cancelled)
        characters = np.where(both_spoken & (dot > 0), dot / (norm[pi] * norm[pj]), 0.0)
        shared_tokens = _row_products(tokens, ri, rj, smaller=True, cancelled=cancelled)
        bound = np.where(both_spoken, 2.0 * shared_tokens / np.where(both_spoken, la + lb, 1.0), 0.0)
    unmatched_a, unmatched_b = np.maximum(0.0, wa - got_a), np.maximum(0.0, wb - got_b)
    ratio = np.minimum(la, lb) / np.maximum(1.0, np.maximum(la, lb))
    high = np.maximum(cov_a, cov_b)
    m = matcher  # its settings as they are now (the benches try others)
    sequence_weight = m.WEIGHTS[m.FEATURES.index("word_sequence")]
    by_name = {
        "similarity": sim, "min_coverage": np.minimum(cov_a, cov_b), "max_coverage": high,
        "unmatched_small": np.log1p(np.minimum(unmatched_a, unmatched_b)),
        "unmatched_large": np.log1p(np.maximum(unmatched_a, unmatched_b)),
        "number_mismatch": (numbers[pi] != numbers[pj]).astype(np.float64),
        "name_mismatch": np.log1p(missed_a + missed_b), "length_ratio": ratio,
        "negation_mismatch": (negated[pi] != negated[pj]).astype(np.float64),
        "trigrams": tri, "characters": characters,
        "word_sequence": bound if sequence_weight >= 0 else np.zeros(n),
        "coverage_x_length": high * ratio,
    }
    return np.stack([by_name[name] for name in m.FEATURES], axis=1), shared_tri


def ruled_out(statements: Sequence[Statement], pi: np.ndarray, pj: np.ndarray,
              cov_a: np.ndarray, cov_b: np.ndarray, missed_a: np.ndarray, missed_b: np.ndarray,
              threshold: np.ndarray, min_keys: np.ndarray, exact: np.ndarray,
              cancelled: CancelCheck = None) -> np.ndarray:
    """For pairs as `bounded_features` reads them: True where `same_claim(a, b, threshold[k],
    min_keys[k], exact_contained=exact[k])` is surely 0.0 (its bounded probability is below the
    threshold, and the shorter side is not contained in the longer, each by a margin). Raises
    `Cancelled` between steps when `cancelled()` turns True."""
    n = len(pi)
    if n == 0:
        return np.zeros(0, dtype=bool)
    columns = _per_statement(statements)
    features, shared_tri = bounded_features(statements, pi, pj, cov_a, cov_b, missed_a, missed_b, columns,
                                            cancelled)
    m = matcher
    z = np.full(n, m.BIAS)
    for k, w in enumerate(m.WEIGHTS):
        z += w * features[:, k]
    below = z < np.vectorize(_logit)(np.minimum(threshold, m.SAME_CLAIM)) - _Z_MARGIN
    # `matcher._contained`, each test loosened by the margin: a pair that might be contained stays
    weight, content, n_tri = columns["weight"], columns["content"], columns["trigrams"]
    wa, wb = weight[pi], weight[pj]
    a_small = wa <= wb
    c_small = np.where(a_small, cov_a, cov_b)
    w_small, w_large = np.where(a_small, wa, wb), np.where(a_small, wb, wa)
    got_small = c_small * w_small  # only exact keys: no credit but the very same key's
    tri_small = np.where(a_small, n_tri[pi], n_tri[pj])
    maybe = ((c_small >= m.COPIED_CONTAINED - _MARGIN)
             & (np.where(a_small, content[pi], content[pj]) >= min_keys)
             & ((exact <= 0) | (got_small >= exact * w_small - _MARGIN))
             & ((c_small >= m.CONTAINED - _MARGIN)
                | ((w_large >= m.CUT_FROM * w_small - _MARGIN) & (tri_small > 0)
                   & (shared_tri >= m.COPIED_RUNS * tri_small - _MARGIN))))
    return below & ~maybe
