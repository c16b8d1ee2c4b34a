"""Small sequence algorithms shared by the diff, the alignment and the reuse measures."""

from __future__ import annotations

import bisect
import heapq
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


def sorted_in_slices(items: list, key=None, slice_size: int = 20_000) -> list:
    """`sorted(items, key=key)`, but in slices merged afterwards.

    One big sort is a single C call that holds the GIL for its whole length;
    sorting slices and merging them keeps every such call short, so a GUI
    thread waiting for the GIL is never starved. Stable, like `sorted`.
    """
    if len(items) <= slice_size:
        return sorted(items, key=key)
    parts = [sorted(items[k:k + slice_size], key=key) for k in range(0, len(items), slice_size)]
    return list(heapq.merge(*parts, key=key))


def connected_roots(n: int, pairs) -> list[int]:
    """For items 0..n-1 joined by `pairs`, each item's group root (its group's smallest item)."""
    parent = list(range(n))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, j in pairs:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return [find(k) for k in range(n)]


def covered_length(spans) -> int:
    """Length of the union of half-open integer spans (start, end)."""
    total, reach = 0, 0
    for start, end in sorted(spans):
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total
