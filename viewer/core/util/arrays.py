"""Small numpy helpers the bulk steps share: ragged rows as flat arrays, codes expanded, grouped
and looked up, dense ids, exactly rounded sums of rows."""

from __future__ import annotations

import math

import numpy as np

_GRID_CELLS = 20_000_000  # `expanded` marks its codes on a grid of at most this many cells
_BITSET_BITS = 1 << 30  # `CodeSet` keeps a bit per possible code up to this many (128 MB)
_SET_SLICE = 1 << 17  # ... and sets those bits (and probes) this many codes at a time


def run_positions(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The positions starts[k], starts[k] + 1, ..., starts[k] + counts[k] - 1 for every k, one run
    after the other (int64): how the bulk steps expand each item into the entries it owns."""
    counts = np.asarray(counts, dtype=np.int64)
    before = np.cumsum(counts) - counts  # where each run begins in the output
    return np.repeat(np.asarray(starts, dtype=np.int64) - before, counts) + np.arange(int(counts.sum()))


class Vocab(dict):
    """String → dense id, in order of first sight."""

    def id(self, item) -> int:
        """The id of `item`, a new one when unseen."""
        return self.setdefault(item, len(self))


def expanded(left: np.ndarray, right_of: np.ndarray, groups: tuple, n_right: int) -> np.ndarray:
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


def ragged(rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """(row of each entry, the entry) of a ragged list of int lists."""
    sizes = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    values = np.fromiter((v for r in rows for v in r), dtype=np.int64, count=int(sizes.sum()))
    return np.repeat(np.arange(len(rows), dtype=np.int64), sizes), values


def grouped(group_of: np.ndarray, member: np.ndarray, n_groups: int) -> tuple:
    """The ragged index `expanded` reads: members sorted by group, each group's start and size."""
    order = np.argsort(group_of, kind="stable")
    size = np.bincount(group_of, minlength=n_groups)
    return np.cumsum(size) - size, member[order], size


def flat(arrays: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(row of each entry, the entries) of a list of arrays."""
    sizes = np.fromiter(map(len, arrays), dtype=np.int64, count=len(arrays))
    values = np.concatenate(arrays).astype(np.int64) if arrays else np.zeros(0, dtype=np.int64)
    return np.repeat(np.arange(len(arrays), dtype=np.int64), sizes), values


def distinct_sorted(codes: np.ndarray) -> np.ndarray:
    """`codes` sorted without repeats (a plain sort: faster here than np.unique's hashing)."""
    codes = np.sort(codes)
    return codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes


class CodeSet:
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
