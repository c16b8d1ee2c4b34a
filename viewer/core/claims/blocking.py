"""Candidate statement pairs and their key coverage in bulk (numpy, scipy.sparse).

The matcher (`matcher.same_claim`) is a per-pair Python model; on long texts it would see hundreds
of thousands of pairs, almost all of which fail its first gate (neither statement carries GATE of
the other's weight). This module finds the pairs in whole-array operations instead:

- `candidate_pairs`: pairs of statements of different articles that share a rare exact key (a
  sparse product of the statement × key incidence matrices, one block per pair of articles) and
  whose exact shared weight reaches a share of the smaller statement's weight (elementwise minimum
  of the sparse weight rows of both sides).
- `coverages`: for every candidate pair, how much of each side's weight the other carries, with
  the matcher's credits (exact key 1.0, synonym 0.9, spelling variant 0.8). Synonym hits come
  from sparse products: statement × form incidence times form × word "is a synonym of" (itself
  form × WordNet sense times sense × word, so no word's whole synonym set is built), and "does
  b carry a synonym of a's word w" is a look-up of the code (b, w) in a sorted array.

Up to _SMALL statements (articles of some thousands of words) the same products are expanded entry
by entry in numpy (`_expanded`): scipy is imported only for long texts, so an app's first analysis
does not wait 0.1-0.2 s for it.

Both equal the per-pair Python computations up to float rounding in the order of summation;
callers keep a small margin and let the per-pair model decide at the border, so the results are
those of the per-pair code (a property test checks the coverages on random statements).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

import numpy as np

from ..text.synonyms import lemma_senses, lemmas, synonym_senses
from ..util.arrays import run_positions
from ..util.cancel import CancelCheck, check
from .matcher import PREFIX_CREDIT, SYNONYM_CREDIT
from .statement import PREFIX_LENGTH, Statement

if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["Credited", "candidate_pairs", "coverages"]

_MARGIN = 1e-9
# Slices of the bulk steps: bounded temporary arrays, and C calls short enough (tens of ms at most
# at 100,000 words) for the window's thread to take its turn between them: scipy's sparse
# products and numpy's indexing hold the interpreter's lock until they return
# (bench/responsiveness_bench.py).
_ROWS = 500  # statements per slice of a sparse product
_PAIRS = 5_000  # candidate pairs whose shared weight is computed at once
_COVERED_PAIRS = 25_000  # candidate pairs whose coverages are computed at once
# Up to this many statements (articles of some thousands of words) the candidate pairs and synonym
# hits are expanded entry by entry in numpy (`_expanded`) rather than found by sparse products:
# the same pairs (tests check both ways), without scipy's import (0.1-0.2 s on an app's first
# analysis) or its per-product overhead.
_SMALL = 3_000
_GRID_CELLS = 20_000_000  # `_expanded` marks its codes on a grid of at most this many cells
_BITSET_BITS = 1 << 30  # `_CodeSet` keeps a bit per possible code up to this many (128 MB)
_SET_SLICE = 1 << 17  # ... and sets those bits (and probes) this many codes at a time


class _Vocab(dict):
    """String → dense id, in order of first sight."""

    def id(self, item) -> int:
        """The id of `item`, a new one when unseen."""
        return self.setdefault(item, len(self))


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
    keys (`finder.statements_of`'s memo; long texts and their rewrites repeat most sentences), so
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


def _key_matrix(statements: Sequence[Statement]) -> tuple[sparse.csr_matrix, _Vocab]:
    """Statements × keys, holding each key's weight."""
    vocab = _Vocab()
    cols = [[vocab.id(k) for k in st.keys] for st in statements]
    vals = [list(st.keys.values()) for st in statements]
    return _incidence(cols, vals, len(vocab)), vocab


def _row_sums(m: sparse.csr_matrix) -> np.ndarray:
    return np.asarray(m.sum(axis=1)).ravel()


def _expanded(left: np.ndarray, right_of: np.ndarray, groups: tuple, n_right: int) -> np.ndarray:
    """Sorted distinct codes l * n_right + r for every entry (l, g) of `left` (ids l) and
    `right_of` (their group g) and every r of group g in `groups` (a ragged index: `groups[0]`
    holds each group's first position in `groups[1]`, `groups[2]` its size)."""
    first, members, size = groups
    reps = size[right_of]
    codes = np.repeat(left, reps) * n_right + members[run_positions(first[right_of], reps)]
    cells = (int(left.max()) + 1) * n_right if len(left) else 0
    if cells > _GRID_CELLS:
        return np.unique(codes)
    seen = np.zeros(cells, dtype=bool)  # marking a grid is faster than sorting the codes
    seen[codes] = True
    return np.flatnonzero(seen)


def _ragged(rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """(row of each entry, the entry) of a ragged list of int lists."""
    sizes = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    values = np.fromiter((v for r in rows for v in r), dtype=np.int64, count=int(sizes.sum()))
    return np.repeat(np.arange(len(rows), dtype=np.int64), sizes), values


def _grouped(group_of: np.ndarray, member: np.ndarray, n_groups: int) -> tuple:
    """The ragged index `_expanded` reads: members sorted by group, each group's start and size."""
    order = np.argsort(group_of, kind="stable")
    size = np.bincount(group_of, minlength=n_groups)
    return np.cumsum(size) - size, member[order], size


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
    found = _small_candidates(statements, common) if n <= _SMALL else \
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


_FEW_VALUES = 4  # `exact_sums` counts each of at most this many distinct values ...
_COUNT_BITS = 15  # ... in this many bits of one int64 code per row


def exact_sums(rows: np.ndarray, values: np.ndarray, n: int) -> np.ndarray | None:
    """For each r < n, the exactly rounded sum (`math.fsum`, as the per-pair code sums) of the
    `values` whose `rows` entry is r; None when the values take more than _FEW_VALUES distinct
    values. The sum of a multiset depends only on how often each value occurs in it (the keys'
    weights take three or four values), so it is taken once per distinct vector of counts."""
    distinct, cls = np.unique(values, return_inverse=True)
    k = len(distinct)
    if k > _FEW_VALUES:
        return None
    if k == 0:
        return np.zeros(n)
    counts = np.bincount(rows * k + cls.ravel(), minlength=n * k).reshape(n, k)
    if counts.max() >= 1 << _COUNT_BITS:
        return None
    codes = (counts << (np.arange(k, dtype=np.int64) * _COUNT_BITS)).sum(axis=1)
    _, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    plain = distinct.tolist()
    sums = [math.fsum([v for v, c in zip(plain, counts[f].tolist()) for _ in range(c)]) for f in first]
    return np.array(sums, dtype=np.float64)[inverse.ravel()]


def _small_candidates(statements: Sequence[Statement], common: float):
    """`candidate_pairs`' proposed pairs (pi, pj sorted), their exact shared weights (up to
    float rounding) and a function from indices of pairs to the entries of those sums (the
    index's position, the smaller weight of a shared key), expanded key by key in numpy; None
    when there are none."""
    n = len(statements)
    key_ids, weights, indptr, keys = _key_entries(statements)
    sizes = np.diff(indptr)
    owner = np.repeat(np.arange(n, dtype=np.int64), sizes)
    articles = np.fromiter((st.article for st in statements), dtype=np.int64, count=n)
    strong = weights >= 1.0
    df = np.bincount(key_ids[strong], minlength=len(keys))
    keep = strong & (df[key_ids] > 1) & (df[key_ids] <= common)
    codes = _expanded(owner[keep], key_ids[keep], _grouped(key_ids[keep], owner[keep], len(keys)), n)
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


def _key_entries(statements: Sequence[Statement]):
    """Every statement's keys as arrays, statement after statement: key id and weight; `indptr`
    (statement s holds entries indptr[s]:indptr[s + 1]) and the key vocabulary."""
    keys = _Vocab()
    key_ids = np.fromiter((keys.id(k) for st in statements for k in st.keys), dtype=np.int64)
    weights = np.fromiter((w for st in statements for w in st.keys.values()), dtype=np.float64,
                          count=len(key_ids))
    indptr = np.zeros(len(statements) + 1, dtype=np.int64)
    np.cumsum(np.fromiter((len(st.keys) for st in statements), dtype=np.int64, count=len(statements)),
              out=indptr[1:])
    return key_ids, weights, indptr, keys


def _entries(statements: Sequence[Statement]):
    """Per statement, its keys as arrays (`_key_entries`) and for each key its surface-word id,
    whether it may match a synonym, its prefix id (-1 when the word is short or the key a
    number or the reporting key) and whether it is a name's."""
    key_ids, weights, indptr, keys = _key_entries(statements)
    words, prefixes = _Vocab(), _Vocab()
    word_ids, eligible, prefix_ids, named = [], [], [], []
    for st in statements:
        names = st.names
        for key, weight in st.keys.items():
            word = st.surface[key]
            named.append(word in names)
            word_ids.append(words.id(word))
            plain = key[0] not in "#@" and weight > 0  # (weightless keys are found by their key alone)
            eligible.append(plain)
            prefix_ids.append(prefixes.id(word[:PREFIX_LENGTH])
                              if plain and len(word) >= PREFIX_LENGTH else -1)
    return (key_ids, weights, np.array(word_ids, dtype=np.int64), np.array(eligible, dtype=bool),
            np.array(prefix_ids, dtype=np.int64), np.array(named, dtype=bool), indptr, keys, words, prefixes)


def _distinct_sorted(codes: np.ndarray) -> np.ndarray:
    """`codes` sorted without repeats (a plain sort: faster here than np.unique's hashing)."""
    codes = np.sort(codes)
    return codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes


def _codes(rows: list[list[int]], width: int) -> np.ndarray:
    """Sorted int64 codes row * width + column of a ragged incidence."""
    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    cols = np.fromiter((c for r in rows for c in r), dtype=np.int64, count=int(lengths.sum()))
    return _distinct_sorted(np.repeat(np.arange(len(rows), dtype=np.int64), lengths) * width + cols)


class _CodeSet:
    """Membership of int64 codes in a set of sorted codes, all below `size`: one bit per possible
    code while that takes at most _BITSET_BITS bits (a probe reads one byte), else a binary search
    of the sorted codes (a probe reads some twenty places far apart: at 100,000 words the
    coverages' probes took 0.5 s that way)."""

    def __init__(self, sorted_codes: np.ndarray, size: int) -> None:
        self._sorted, self._bits = sorted_codes, None
        if size <= _BITSET_BITS and len(sorted_codes):
            self._bits = np.zeros((size + 7) >> 3, dtype=np.uint8)
            for lo in range(0, len(sorted_codes), _SET_SLICE):  # slices: small temporary arrays
                codes = sorted_codes[lo:lo + _SET_SLICE]
                byte = codes >> 3
                first = np.flatnonzero(np.concatenate(([True], byte[1:] != byte[:-1])))
                bit = np.left_shift(np.uint8(1), (codes & 7).astype(np.uint8))
                self._bits[byte[first]] |= np.bitwise_or.reduceat(bit, first)
            self._sorted = None  # not needed any more (the synonym hits of long texts weigh tens of MB)

    def has(self, codes: np.ndarray) -> np.ndarray:
        """Elementwise `codes in` the set."""
        if self._bits is not None:
            if len(codes) > _SET_SLICE:
                return np.concatenate([self.has(codes[lo:lo + _SET_SLICE])
                                       for lo in range(0, len(codes), _SET_SLICE)])
            return (self._bits[codes >> 3] >> (codes & 7).astype(np.uint8)) & 1 == 1
        if not len(self._sorted):
            return np.zeros(len(codes), dtype=bool)
        pos = np.minimum(np.searchsorted(self._sorted, codes), len(self._sorted) - 1)
        return self._sorted[pos] == codes

    def has_where(self, mask: np.ndarray, codes: np.ndarray) -> np.ndarray:
        """`mask & (codes in the set)`, probing only where `mask` holds."""
        out = np.zeros(len(codes), dtype=bool)
        where = np.flatnonzero(mask)
        if len(where):
            out[where] = self.has(codes[where])
        return out


@lru_cache(maxsize=16384)
def _sense_ids(word: str, own: bool) -> np.ndarray:
    """A word's senses as an int32 array: those having it as a lemma (`own`, for a form) or
    its synonym senses (for a word a statement asks about); built once per word."""
    senses = lemma_senses(word) if own else synonym_senses(word)
    ids = np.fromiter(senses, dtype=np.int32, count=len(senses))
    ids.flags.writeable = False  # shared through the cache
    return ids


def _flat(arrays: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(row of each entry, the entries) of a list of arrays."""
    sizes = np.fromiter(map(len, arrays), dtype=np.int64, count=len(arrays))
    values = np.concatenate(arrays).astype(np.int64) if arrays else np.zeros(0, dtype=np.int64)
    return np.repeat(np.arange(len(arrays), dtype=np.int64), sizes), values


def _synonym_hits(statements: Sequence[Statement], words: _Vocab) -> np.ndarray:
    """Sorted codes b * len(words) + w where English statement b carries a synonym of word w
    (a form of b, a folded word or its lemma, is among `synonyms(w)`: one of w's lemmas, or a
    lemma of one of its `synonym_senses`), through the senses the forms have: expanded in numpy
    up to _SMALL statements, else from sparse products."""
    forms = _Vocab()
    english = [st.language == "en" for st in statements]
    stmt_forms = [[forms.id(f) for f in st.forms] if en else [] for st, en in zip(statements, english)]
    word_list = list(words)
    if not forms or not word_list:
        return np.zeros(0, dtype=np.int64)
    n_words = len(word_list)
    f_of, s_of = _flat([_sense_ids(f, True) for f in forms])
    no_senses = np.zeros(0, dtype=np.int32)
    w_of, ws_of = _flat([_sense_ids(w, False) if w[:1] != "#" else no_senses for w in word_list])
    n_senses = 1 + max(int(s_of.max(initial=-1)), int(ws_of.max(initial=-1)))
    present = np.zeros(n_senses, dtype=bool)
    present[s_of] = True
    keep = present[ws_of]  # only the senses some form has can make a hit
    w_of, ws_of = w_of[keep], ws_of[keep]
    wl_of, fl_of = _ragged([[forms[f] for f in lemmas(w) if f in forms] if w[:1] != "#" else []
                            for w in word_list])
    b_of, bf_of = _ragged(stmt_forms)
    if len(statements) <= _SMALL:  # (form, word) synonym pairs, then each statement's forms expanded
        syn = np.union1d(_expanded(f_of, s_of, _grouped(ws_of, w_of, n_senses), n_words),
                         fl_of * n_words + wl_of)
        return _expanded(b_of, bf_of, _grouped(syn // n_words, syn % n_words, len(forms)), n_words)
    carried = _coo(b_of, bf_of, (len(statements), len(forms)))
    is_syn = (_coo(f_of, s_of, (len(forms), n_senses)) @ _coo(w_of, ws_of, (n_words, n_senses)).T
              + _coo(fl_of, wl_of, (len(forms), n_words))).tocsr()  # forms × words
    out = []
    for lo in range(0, len(statements), 2000):  # bounded temporary products
        hits = (carried[lo:lo + 2000] @ is_syn).tocsr()
        hits.eliminate_zeros()
        hits.sort_indices()  # rows ascend, columns ascend within a row: codes come out sorted
        rows = np.repeat(np.arange(lo, lo + hits.shape[0], dtype=np.int64), np.diff(hits.indptr))
        out.append(rows * n_words + hits.indices)
    return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)


def _coo(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> "sparse.csr_matrix":
    """A 0/1 CSR matrix with ones at (rows[k], cols[k]) (repeats summed)."""
    from scipy import sparse

    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)


@dataclass(frozen=True)
class Credited:
    """For each pair of a `coverages` call, the keys of one side that earned a synonym's or
    variant's credit in the other (`matcher.same_claim`'s `partial`)."""

    pairs: np.ndarray  # the pair of each credited key, ascending
    key_ids: np.ndarray  # the key, as an id of `keys`
    keys: tuple  # key id -> key
    size: int  # how many pairs
    # per pair, how many of the side's names the other matches in no way (`matcher._carried`)
    names_missed: np.ndarray | None = None

    def any(self) -> np.ndarray:
        """Whether each pair has a credited key (bool per pair)."""
        out = np.zeros(self.size, dtype=bool)
        out[self.pairs] = True
        return out

    def of(self, indices) -> list[frozenset]:
        """The credited keys of each pair in `indices`."""
        idx = np.asarray(indices, dtype=np.int64)
        starts = np.searchsorted(self.pairs, idx, "left").tolist()
        ends = np.searchsorted(self.pairs, idx, "right").tolist()
        ids = self.key_ids.tolist()
        return [frozenset(self.keys[k] for k in ids[lo:hi]) if hi > lo else frozenset()
                for lo, hi in zip(starts, ends)]


def coverages(statements: Sequence[Statement], pairs,
              cancelled: CancelCheck = None) -> tuple[np.ndarray, np.ndarray, Credited, Credited]:
    """(cov_a, cov_b, part_a, part_b): for each pair (a, b), the share of a's weight that b
    carries and of b's that a carries, with the matcher's credits (exact key 1.0, synonym 0.9,
    spelling variant 0.8; `matcher.coverage`), up to float rounding; and the keys of a (of b)
    that earned a synonym's or variant's credit in the other, and how many of a's (b's) names
    the other matches in no way (`Credited`).
    Raises `Cancelled` between slices when `cancelled()` turns True."""
    if len(pairs) == 0:
        empty = np.zeros(0, dtype=np.int64)
        none = Credited(empty, empty, (), 0, empty)
        return np.zeros(0), np.zeros(0), none, none
    row_of, statements = distinct_wordings(statements)  # (a pair's coverages depend on its words alone)
    (key_ids, weights, word_ids, eligible, prefix_ids, named,
     indptr, keys, words, prefixes) = _entries(statements)
    n = len(statements)
    stmt_keys = _CodeSet(_distinct_sorted(np.repeat(np.arange(n, dtype=np.int64), np.diff(indptr)) * len(keys)
                                          + key_ids), n * len(keys))
    prefix_rows = [[prefixes[p] for p in st.prefixes if p in prefixes] for st in statements]
    stmt_prefixes = _CodeSet(_codes(prefix_rows, len(prefixes)), n * len(prefixes))
    check(cancelled)
    syn_hits = _CodeSet(_synonym_hits(statements, words), n * len(words))
    english = np.fromiter((st.language == "en" for st in statements), dtype=bool, count=n)
    total = np.fromiter((st.weight for st in statements), dtype=np.float64, count=n)
    arr = row_of[np.asarray(pairs, dtype=np.int64).reshape(-1, 2)]
    out, parts = [], []
    key_list = tuple(keys)
    for src, dst in ((arr[:, 0], arr[:, 1]), (arr[:, 1], arr[:, 0])):
        got = np.zeros(len(arr))
        missed = np.zeros(len(arr), dtype=np.int64)
        credited_pairs, credited_keys = [], []
        for lo in range(0, len(arr), _COVERED_PAIRS):  # bounded temporary arrays
            check(cancelled)
            s, d = src[lo:lo + _COVERED_PAIRS], dst[lo:lo + _COVERED_PAIRS]
            counts = indptr[s + 1] - indptr[s]
            pair_of = np.repeat(np.arange(len(s), dtype=np.int64), counts)
            entry = run_positions(indptr[s], counts)
            other = d[pair_of]
            exact = stmt_keys.has(other * len(keys) + key_ids[entry])
            both_en = english[s][pair_of] & english[other]
            # Each later test only probes the entries the earlier ones left open.
            syn = syn_hits.has_where(~exact & eligible[entry] & both_en, other * len(words) + word_ids[entry])
            pid = prefix_ids[entry]
            pre = stmt_prefixes.has_where(~exact & ~syn & (pid >= 0), other * len(prefixes) + pid)
            credit = np.where(exact, 1.0, np.where(syn, SYNONYM_CREDIT, np.where(pre, PREFIX_CREDIT, 0.0)))
            got[lo:lo + _COVERED_PAIRS] = np.bincount(pair_of, weights=weights[entry] * credit,
                                                      minlength=len(s))
            missed[lo:lo + _COVERED_PAIRS] = np.bincount(pair_of, weights=named[entry] & (credit == 0),
                                                         minlength=len(s))
            hit = np.flatnonzero(syn | pre)
            credited_pairs.append(lo + pair_of[hit])
            credited_keys.append(key_ids[entry[hit]])
        with np.errstate(divide="ignore", invalid="ignore"):
            out.append(np.where(total[src] > 0, got / np.where(total[src] > 0, total[src], 1.0), 0.0))
        parts.append(Credited(np.concatenate(credited_pairs), np.concatenate(credited_keys), key_list,
                              len(arr), missed))
    return out[0], out[1], parts[0], parts[1]
