"""Small sequence algorithms shared by the diff and the sentence alignment."""

from __future__ import annotations

import bisect
from typing import Sequence


def longest_increasing(values: Sequence[int]) -> list[int]:
    """Indices (ascending) of a longest strictly increasing subsequence of `values`.

    Patience sorting, O(n log n); ties resolve to the same result for the same input.
    """
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(values)
    for k, v in enumerate(values):
        t = bisect.bisect_left(tails, v)
        if t == len(tails):
            tails.append(v)
            tail_idx.append(k)
        else:
            tails[t] = v
            tail_idx[t] = k
        prev[k] = tail_idx[t - 1] if t else -1
    out: list[int] = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.append(k)
        k = prev[k]
    out.reverse()
    return out
