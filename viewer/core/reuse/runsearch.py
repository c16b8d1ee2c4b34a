"""The search behind verbatim runs, in bulk (numpy): seed blocks, their growth across gaps, runs.

Words are int64 ids of one vocabulary shared by both texts; a seed (an n-gram of `size` words) is
packed exactly into one int64, and a's seeds are looked up among b's sorted ones (`searchsorted`).
A seed found more than _MAX_SEED_HITS times in b starts nothing (a run through it is still found
from its rarer blocks and bridged). Each seed is extended to the end of its exact block; on a
diagonal only the first seed of each block counts. Blocks, longest first, are then grown both ways
across gaps, each gap of `ga` words in a against `gb` in b costing `max(ga, gb)` of the
imperfection budget, the cheapest gap first and of equal cost the one leading to the longest exact
block. Growth is a function of the block alone, so it runs for all blocks at once; one ordered pass
then keeps the runs, skipping a block already inside an earlier (longer) one's chain.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..util.arrays import run_positions

# A seed n-gram found more often than this in the other text starts no run: keeps long texts
# near-linear. Articles of a few thousand words never reach it.
_MAX_SEED_HITS = 40
_SLICE = 16_384  # positions of a whose seeds are matched at once
_WINDOW = 1 << 19  # words compared at once when extending blocks


def _gaps(cost: int) -> list[tuple[int, int]]:
    """All (ga, gb) with max(ga, gb) == cost, smallest total first."""
    pairs = [(cost, g) for g in range(cost + 1)] + [(g, cost) for g in range(cost)]
    return sorted(pairs, key=lambda p: (p[0] + p[1], p))


@lru_cache(maxsize=64)
def _own_ids(keys: tuple[str, ...]) -> tuple[dict[str, int], np.ndarray]:
    """One text's vocabulary (key -> id, in order of first occurrence) and its keys as ids.
    Cached per text: an article meets every other article with the same vocabulary."""
    vocab = {k: i for i, k in enumerate(dict.fromkeys(keys))}  # dicts keep first-occurrence order
    ids = np.fromiter(map(vocab.__getitem__, keys), dtype=np.int64, count=len(keys))
    ids.flags.writeable = False  # shared through the cache
    return vocab, ids


@lru_cache(maxsize=4)
def _word_ids(ka: tuple[str, ...], kb: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, int]:
    """Both key sequences as int64 ids of one shared vocabulary, and its size: ids in order of
    first occurrence in a, then in b (b's own vocabulary mapped into a's, never word by word)."""
    vocab_a, ia = _own_ids(ka)
    vocab_b, own_b = _own_ids(kb)
    size = len(vocab_a)
    to_shared = np.empty(len(vocab_b), dtype=np.int64)
    for key, own in vocab_b.items():  # b's keys in order of first occurrence
        found = vocab_a.get(key)
        if found is None:
            found, size = size, size + 1
        to_shared[own] = found
    return ia, to_shared[own_b], max(1, size)


def _gram_codes(ids: np.ndarray, size: int, base: int) -> np.ndarray:
    """Each `size`-word n-gram of `ids` packed exactly into one int64 (base**size < 2**62)."""
    n = len(ids) - size + 1
    code = ids[:n].copy()
    for k in range(1, size):
        code = code * base + ids[k:k + n]
    return code


def _extend_all(ia: np.ndarray, ib: np.ndarray, i: np.ndarray, j: np.ndarray, n: np.ndarray) -> np.ndarray:
    """For each exact match of length n[k] at (i[k], j[k]): its length extended forward to the first
    mismatch (or an end), compared in growing windows."""
    n = n.copy()
    active = np.arange(len(i))
    step = 8
    while len(active):
        still = []
        rows = max(1, _WINDOW // step)  # rows per window: bounded temporary (rows × step) arrays
        for part in range(0, len(active), rows):
            act = active[part:part + rows]
            ii, jj = i[act] + n[act], j[act] + n[act]
            room = np.minimum(len(ia) - ii, len(ib) - jj)
            off = np.arange(step)
            pa = np.minimum(ii[:, None] + off, len(ia) - 1)
            pb = np.minimum(jj[:, None] + off, len(ib) - 1)
            same = (off < room[:, None]) & (ia[pa] == ib[pb])
            run = np.where(same.all(axis=1), step, np.argmin(same, axis=1))
            n[act] += run
            still.append(act[run == step])
        active = np.concatenate(still)
        step = min(step * 2, 4096)
    return n


def _seed_codes(ia: np.ndarray, ib: np.ndarray, size: int, base: int) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the `size`-word n-grams of both texts: equal codes exactly when equal n-grams."""
    if base ** size < 2 ** 62:
        return _gram_codes(ia, size, base), _gram_codes(ib, size, base)
    both = np.concatenate([np.stack([ids[k:len(ids) - size + 1 + k] for k in range(size)], axis=1)
                           for ids in (ia, ib)])
    _, codes = np.unique(both, axis=0, return_inverse=True)
    codes = codes.ravel().astype(np.int64)
    return codes[:len(ia) - size + 1], codes[len(ia) - size + 1:]


@lru_cache(maxsize=8)
def exact_blocks(ka: tuple[str, ...], kb: tuple[str, ...], size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Maximal exact blocks (arrays i, j, length) grown from shared seed n-grams, longest first
    (then by i, j). Cached briefly: runs under other options with the same seed length (the
    derivation label's, say) start from the same blocks. Seeds whose predecessor on the diagonal
    is a seed too are inside an earlier seed's block and are not extended.
    """
    ia, ib, base = _word_ids(ka, kb)
    empty = np.zeros(0, dtype=np.int64)
    if len(ia) < size or len(ib) < size:
        return empty, empty, empty
    ca, cb = _seed_codes(ia, ib, size, base)
    order = np.argsort(cb, kind="stable")  # equal n-grams keep b's order
    sorted_b = cb[order]
    lo = np.searchsorted(sorted_b, ca, "left")
    count = np.searchsorted(sorted_b, ca, "right") - lo
    count[count > _MAX_SEED_HITS] = 0
    width = len(kb) + 1
    found_i, found_j = [], []
    for first_pos in range(0, len(ca), _SLICE):  # slices of a's positions bound the memory
        # Each slice also sees the position before it, where a seed's predecessor may be.
        seeded = np.flatnonzero(count[max(0, first_pos - 1):first_pos + _SLICE]) + max(0, first_pos - 1)
        if not len(seeded):
            continue
        reps = count[seeded]
        i = np.repeat(seeded, reps)
        j = order[run_positions(lo[seeded], reps)]
        hit_codes = i * width + j  # ascending: i ascends, and j within each i
        prev = (i - 1) * width + (j - 1)
        pos = np.minimum(np.searchsorted(hit_codes, prev), len(hit_codes) - 1)
        starts = ((i == 0) | (j == 0) | (hit_codes[pos] != prev)) & (i >= first_pos)
        found_i.append(i[starts])
        found_j.append(j[starts])
    if not found_i:
        return empty, empty, empty
    i, j = np.concatenate(found_i), np.concatenate(found_j)
    n = _extend_all(ia, ib, i, j, np.full(len(i), size, dtype=np.int64))
    diag = i - j
    by_diag = np.lexsort((i, diag))
    i, j, n, diag = i[by_diag], j[by_diag], n[by_diag], diag[by_diag]
    same_diag = np.concatenate(([False], diag[1:] == diag[:-1]))
    prev_end = np.concatenate(([0], (i + n)[:-1]))
    keep = ~(same_diag & (i < prev_end))  # ends ascend along a diagonal: the previous one is the max
    i, j, n = i[keep], j[keep], n[keep]
    longest = np.lexsort((j, i, -n))
    out = i[longest], j[longest], n[longest]
    for arr in out:
        arr.flags.writeable = False  # shared through the cache
    return out


def _reachable(ia: np.ndarray, ib: np.ndarray, i, j, n, min_words: int, budget: int) -> np.ndarray:
    """Mask of the blocks worth growing: long enough, or with a shared word within budget + 1
    words of one of their edges on both sides (else nothing can be bridged to)."""
    keep = n >= min_words
    for x in range(budget + 1):
        for y in range(budget + 1):
            pa, pb = i + n + x, j + n + y  # forward from the block's end
            ok = (pa < len(ia)) & (pb < len(ib))
            keep |= ok & (ia[np.minimum(pa, len(ia) - 1)] == ib[np.minimum(pb, len(ib) - 1)])
            pa, pb = i - 1 - x, j - 1 - y  # back from its start
            ok = (pa >= 0) & (pb >= 0)
            keep |= ok & (ia[np.maximum(pa, 0)] == ib[np.maximum(pb, 0)])
    return keep


def _bridge_all(ia, ib, i, j, room, forward: bool):
    """For edges (i, j) with `room` imperfections left: (cost, ga, gb, length, found) of the best
    gap to bridge, the cheapest cost first; a gap is worth bridging only when the exact block
    after it is longer than its cost. All gaps of one cost are tried at once (a block × gap grid);
    of equal lengths the gap first in `_gaps` order wins."""
    size = len(i)
    cost_of, ga_of, gb_of, len_of = (np.zeros(size, dtype=np.int64) for _ in range(4))
    pending = np.ones(size, dtype=bool)
    top = int(room.max()) if size else 0
    step, behind = (1, 0) if forward else (-1, 1)  # backwards, the word past a gap is before it
    seq_a, seq_b = (ia, ib) if forward else (ia[::-1], ib[::-1])  # backwards: extended reversed
    for cost in range(1, top + 1):
        todo = np.flatnonzero(pending & (room >= cost))
        if not len(todo):
            break
        gaps = np.array(_gaps(cost), dtype=np.int64)
        ga, gb = gaps[:, 0], gaps[:, 1]
        ii, jj = i[todo][:, None] + step * ga, j[todo][:, None] + step * gb  # blocks × gaps
        pa, pb = ii - behind, jj - behind  # the first word on each side past the gap
        ok = (pa >= 0) & (pa < len(ia)) & (pb >= 0) & (pb < len(ib))
        same = np.zeros_like(ok)
        same[ok] = ia[pa[ok]] == ib[pb[ok]]
        rows, cols = np.nonzero(same)
        from_a, from_b = (ii, jj) if forward else (len(ia) - ii, len(ib) - jj)
        length = _extend_all(seq_a, seq_b, from_a[rows, cols], from_b[rows, cols],
                             np.zeros(len(rows), dtype=np.int64))
        grid = np.zeros(ii.shape, dtype=np.int64)
        grid[rows, cols] = np.where(length > cost, length, 0)
        pick = grid.argmax(axis=1)  # the first of the longest
        best = grid[np.arange(len(todo)), pick]
        got = best > 0
        hit = todo[got]
        cost_of[hit], ga_of[hit], gb_of[hit], len_of[hit] = cost, ga[pick[got]], gb[pick[got]], best[got]
        pending[hit] = False
    return cost_of, ga_of, gb_of, len_of, ~pending


def _grow_all(ia, ib, i, j, n, budget: int):
    """Every block (i, j, n) extended both ways across gaps: arrays a0, a1, b0, b1, matched, used,
    and the exact blocks each run holds (block index, i, j), for the pass that keeps runs."""
    a0, b0, a1, b1 = i.copy(), j.copy(), i + n, j + n
    matched, used = n.copy(), np.zeros(len(i), dtype=np.int64)
    owners, held_i, held_j = [np.arange(len(i))], [i], [j]
    for forward in (True, False):
        active = np.flatnonzero(used < budget)
        while len(active):
            ei, ej = (a1[active], b1[active]) if forward else (a0[active], b0[active])
            cost, ga, gb, length, found = _bridge_all(ia, ib, ei, ej, budget - used[active], forward)
            act = active[found]
            ga, gb, length, cost = ga[found], gb[found], length[found], cost[found]
            if forward:
                owners.append(act)
                held_i.append(a1[act] + ga)
                held_j.append(b1[act] + gb)
                a1[act] += ga + length
                b1[act] += gb + length
            else:
                a0[act] -= ga + length
                b0[act] -= gb + length
                owners.append(act)
                held_i.append(a0[act])
                held_j.append(b0[act])
            matched[act] += length
            used[act] += cost
            active = act[used[act] < budget]
    return a0, a1, b0, b1, matched, used, (np.concatenate(owners), np.concatenate(held_i),
                                           np.concatenate(held_j))


def find_runs(ka: tuple[str, ...], kb: tuple[str, ...], size: int, min_words: int,
              budget: int) -> list[tuple[int, int, int, int, int, int]]:
    """Runs of at least `min_words` matching words with at most `budget` imperfections, seeded by
    exact `size`-word n-grams: (a0, a1, b0, b1, matched, imperfections) word spans, sorted."""
    if len(ka) < size or len(kb) < size:
        return []
    ia, ib, _ = _word_ids(ka, kb)
    i, j, n = exact_blocks(ka, kb, size)
    keep = _reachable(ia, ib, i, j, n, min_words, budget)
    i, j, n = i[keep], j[keep], n[keep]
    if not len(i):
        return []
    a0, a1, b0, b1, matched, used, (owner, hi, hj) = _grow_all(ia, ib, i, j, n, budget)
    width = len(kb) + 1
    by_owner = np.argsort(owner, kind="stable")
    held = (hi * width + hj)[by_owner].tolist()
    bounds = np.searchsorted(owner[by_owner], np.arange(len(i) + 1)).tolist()
    starts = (i * width + j).tolist()
    good = (matched >= min_words).tolist()
    spans = list(zip(a0.tolist(), a1.tolist(), b0.tolist(), b1.tolist(), matched.tolist(), used.tolist()))
    taken: set[int] = set()
    runs = []
    for k, start in enumerate(starts):
        if start in taken:
            continue
        if good[k]:
            runs.append(spans[k])
        # Blocks of a failed chain are not tried again as seeds: a seed inside
        # it would grow over the same blocks.
        taken.update(held[bounds[k]:bounds[k + 1]])
    runs.sort()
    return runs
