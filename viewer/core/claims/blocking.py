"""Candidate statement pairs in bulk (numpy, scipy.sparse).

The matcher (`matcher.same_claim`) is a per-pair Python model; on long texts it would see hundreds
of thousands of pairs, almost all of which fail its first gate (neither statement carries GATE of
the other's weight). `candidate_pairs` finds the pairs worth a look in whole-array operations
instead: pairs of statements of different articles that share a rare exact key (a sparse product
of the statement × key incidence matrices, one block per pair of articles) and whose exact shared
weight reaches a share of the smaller statement's weight (elementwise minimum of the sparse weight
rows of both sides). `coverages` then reads how much of each other they carry.

Up to SMALL_STATEMENTS statements (articles of some thousands of words) the same products are
expanded entry by entry in numpy (`util.arrays.expanded`): scipy is imported only for long texts,
so an app's first analysis does not wait 0.1-0.2 s for it.

The sums equal the per-pair Python computations up to float rounding in the order of summation;
pairs at the border are decided on exactly rounded sums, so the pairs are those of the per-pair
search (a property test checks both paths).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Sequence

import numpy as np

from ..util.arrays import Vocab, exact_sums, expanded, grouped, run_positions
from ..util.cancel import CancelCheck, check
from .statement import Statement

if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["SMALL_STATEMENTS", "candidate_pairs", "distinct_wordings", "key_entries"]

_MARGIN = 1e-9
# Slices of the bulk steps: bounded temporary arrays, and C calls short enough (tens of ms at most
# at 100,000 words) for the window's thread to take its turn between them: scipy's sparse
# products and numpy's indexing hold the interpreter's lock until they return
# (bench/responsiveness_bench.py).
_ROWS = 500  # statements per slice of a sparse product
_PAIRS = 5_000  # candidate pairs whose shared weight is computed at once
# Up to this many statements (articles of some thousands of words) the candidate pairs and synonym
# hits (`coverages`) are expanded entry by entry in numpy rather than found by sparse products:
# the same pairs (tests check both ways), without scipy's import (0.1-0.2 s on an app's first
# analysis) or its per-product overhead.
SMALL_STATEMENTS = 3_000


def _incidence(rows: list[list[int]], values: list[list[float]] | None, n_cols: int) -> sparse.csr_matrix:
    """A CSR matrix with row r holding `values[r]` (or ones) at columns `rows[r]`."""
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(r) for r in rows], out=indptr[1:])
    cols = np.fromiter((c for r in rows for c in r), dtype=np.int64, count=int(indptr[-1]))
    if values is None:
        data = np.ones(len(cols), dtype=np.float64)
    else:
        data = np.fromiter((v for r in values for v in r), dtype=np.float64, count=int(indptr[-1]))
    from scipy import sparse  # long texts only: the app's first analysis does not wait for it

    m = sparse.csr_matrix((data, cols, indptr), shape=(len(rows), n_cols))
    m.sum_duplicates()
    return m


def distinct_wordings(statements: Sequence[Statement]) -> tuple[np.ndarray, list[Statement]]:
    """(each statement's row, the distinct wordings): statements with the same words share their
    keys (`segments.statements_of`'s memo; long texts and their rewrites repeat most sentences), so
    whatever depends on the words alone is computed once per row."""
    row_of: dict[int, int] = {}
    distinct: list[Statement] = []
    rows = np.empty(len(statements), dtype=np.int64)
    for k, st in enumerate(statements):
        r = row_of.get(id(st.keys))
        if r is None:
            r = row_of[id(st.keys)] = len(distinct)
            distinct.append(st)
        rows[k] = r
    return rows, distinct


def _key_matrix(statements: Sequence[Statement]) -> tuple[sparse.csr_matrix, Vocab]:
    """Statements × keys, holding each key's weight."""
    vocab = Vocab()
    cols = [[vocab.id(k) for k in st.keys] for st in statements]
    vals = [list(st.keys.values()) for st in statements]
    return _incidence(cols, vals, len(vocab)), vocab


def _row_sums(m: sparse.csr_matrix) -> np.ndarray:
    return np.asarray(m.sum(axis=1)).ravel()


def candidate_pairs(statements: Sequence[Statement], common: float, min_share: float,
                    cancelled: CancelCheck = None) -> np.ndarray:
    """Pairs (i < j, rows of an int64 array) of statements of different articles, sorted, that share a
    key of weight >= 1.0 held by more than one and at most `common` statements, and whose exact
    shared weight (sum over shared keys of the smaller weight) reaches `min_share` × the smaller
    statement weight.
    Raises `Cancelled` between slices when `cancelled()` turns True.
    """
    n = len(statements)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    check(cancelled)
    found = _small_candidates(statements, common) if n <= SMALL_STATEMENTS else \
        _sparse_candidates(statements, common, cancelled)
    if found is None:
        return np.zeros((0, 2), dtype=np.int64)
    pi, pj, shared, shared_entries = found
    total = np.fromiter((st.weight for st in statements), dtype=np.float64, count=n)
    need = min_share * np.minimum(total[pi], total[pj])
    sure = shared >= need + _MARGIN
    border = np.flatnonzero(~sure & (shared >= need - _MARGIN))
    # Float rounding at the threshold (many pairs share exactly that share): decide as the per-pair
    # code does, on the exactly rounded sum of the shared keys' smaller weights.
    exact = exact_sums(*shared_entries(border), len(border)) if len(border) else None
    if exact is not None:
        sure[border] = exact >= need[border]
    else:  # weights of many distinct values: one pair at a time
        for k in border:
            a, b = statements[pi[k]], statements[pj[k]]
            sure[k] = math.fsum(min(w, b.keys[key]) for key, w in a.keys.items()
                                if key in b.keys) >= min_share * min(a.weight, b.weight)
    return np.stack([pi[sure], pj[sure]], axis=1)


def _small_candidates(statements: Sequence[Statement], common: float):
    """`candidate_pairs`' proposed pairs (pi, pj sorted), their exact shared weights (up to
    float rounding) and a function from indices of pairs to the entries of those sums (the
    index's position, the smaller weight of a shared key), expanded key by key in numpy; None
    when there are none."""
    n = len(statements)
    key_ids, weights, indptr, keys = key_entries(statements)
    sizes = np.diff(indptr)
    owner = np.repeat(np.arange(n, dtype=np.int64), sizes)
    articles = np.fromiter((st.article for st in statements), dtype=np.int64, count=n)
    strong = weights >= 1.0
    df = np.bincount(key_ids[strong], minlength=len(keys))
    keep = strong & (df[key_ids] > 1) & (df[key_ids] <= common)
    codes = expanded(owner[keep], key_ids[keep], grouped(key_ids[keep], owner[keep], len(keys)), n)
    pi, pj = codes // n, codes % n
    ok = (pi < pj) & (articles[pi] != articles[pj])
    pi, pj = pi[ok], pj[ok]
    if not len(pi):
        return None
    # Each of pi's keys looked up among pj's (statement * keys + key, sorted): the smaller weight.
    own = owner * len(keys) + key_ids
    order = np.argsort(own)
    sorted_own, sorted_w = own[order], weights[order]
    counts = sizes[pi]
    pair_of = np.repeat(np.arange(len(pi), dtype=np.int64), counts)
    entry = run_positions(indptr[pi], counts)
    probe = pj[pair_of] * len(keys) + key_ids[entry]
    pos = np.minimum(np.searchsorted(sorted_own, probe), len(sorted_own) - 1)
    hit = sorted_own[pos] == probe
    smaller = np.minimum(weights[entry], sorted_w[pos])
    shared = np.bincount(pair_of, weights=np.where(hit, smaller, 0.0), minlength=len(pi))

    def shared_entries(pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        where = np.flatnonzero(hit & np.isin(pair_of, pairs))
        return np.searchsorted(pairs, pair_of[where]), smaller[where]

    return pi, pj, shared, shared_entries


def _sparse_candidates(statements: Sequence[Statement], common: float, cancelled: CancelCheck):
    """`_small_candidates` for long texts: sparse products, block by block of articles."""
    n = len(statements)
    weights, vocab = _key_matrix(statements)
    strong = weights.copy()
    strong.data = (strong.data >= 1.0).astype(np.float64)
    strong.eliminate_zeros()
    df = np.bincount(strong.indices, minlength=len(vocab))
    keep = (df > 1) & (df <= common)
    proposing = strong[:, np.flatnonzero(keep)].tocsr()
    articles = np.fromiter((st.article for st in statements), dtype=np.int64, count=n)
    bounds = np.flatnonzero(np.diff(articles)) + 1
    starts = np.concatenate(([0], bounds))
    ends = np.concatenate((bounds, [n]))
    if np.any(np.diff(articles[starts]) <= 0):  # statements not grouped by article: one block
        blocks = [(0, n, 0, n)]
    else:
        blocks = [(lo, min(lo + _ROWS, ends[x]), starts[y], ends[y])
                  for x in range(len(starts)) for y in range(x + 1, len(starts))
                  for lo in range(starts[x], ends[x], _ROWS)]
    found_i, found_j = [], []
    columns: dict[tuple[int, int], "sparse.csr_matrix"] = {}  # each article's rows transposed, once
    for x0, x1, y0, y1 in blocks:
        check(cancelled)
        right = columns.get((y0, y1))
        if right is None:
            right = columns[(y0, y1)] = proposing[y0:y1].T.tocsr()
        coo = (proposing[x0:x1] @ right).tocoo()
        i = coo.row.astype(np.int64) + x0
        j = coo.col.astype(np.int64) + y0
        ok = (i < j) & (articles[i] != articles[j])
        found_i.append(i[ok])
        found_j.append(j[ok])
    pi = np.concatenate(found_i) if found_i else np.zeros(0, dtype=np.int64)
    pj = np.concatenate(found_j) if found_j else np.zeros(0, dtype=np.int64)
    if not len(pi):
        return None
    order = np.lexsort((pj, pi))
    pi, pj = pi[order], pj[order]
    shared = np.zeros(len(pi))
    for lo in range(0, len(pi), _PAIRS):  # bounded temporary matrices
        check(cancelled)
        a, b = weights[pi[lo:lo + _PAIRS]], weights[pj[lo:lo + _PAIRS]]
        shared[lo:lo + _PAIRS] = _row_sums(a.minimum(b))

    def shared_entries(pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        smaller = weights[pi[pairs]].minimum(weights[pj[pairs]]).tocsr()
        return np.repeat(np.arange(len(pairs), dtype=np.int64), np.diff(smaller.indptr)), smaller.data

    return pi, pj, shared, shared_entries


def key_entries(statements: Sequence[Statement]):
    """Every statement's keys as arrays, statement after statement: key id and weight; `indptr`
    (statement s holds entries indptr[s]:indptr[s + 1]) and the key vocabulary."""
    keys = Vocab()
    key_ids = np.fromiter((keys.id(k) for st in statements for k in st.keys), dtype=np.int64)
    weights = np.fromiter((w for st in statements for w in st.keys.values()), dtype=np.float64,
                          count=len(key_ids))
    indptr = np.zeros(len(statements) + 1, dtype=np.int64)
    np.cumsum(np.fromiter((len(st.keys) for st in statements), dtype=np.int64, count=len(statements)),
              out=indptr[1:])
    return key_ids, weights, indptr, keys
