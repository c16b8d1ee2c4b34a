"""The per-seed verbatim run search as it was before the bulk one (`reuse.runsearch`): a test oracle.

Seeds from a dict of word n-grams, extension and bridging one block at a time in Python.
"""

_MAX_SEED_HITS = 40


def _gaps(cost):
    pairs = [(cost, g) for g in range(cost + 1)] + [(g, cost) for g in range(cost)]
    return sorted(pairs, key=lambda p: (p[0] + p[1], p))


def _extend(ka, kb, i, j, step):
    n = 0
    if step > 0:
        while i + n < len(ka) and j + n < len(kb) and ka[i + n] == kb[j + n]:
            n += 1
    else:
        while n < min(i, j) and ka[i - n - 1] == kb[j - n - 1]:
            n += 1
    return n


def _in_reach(ka, kb, i, j, budget, step):
    if step > 0:
        return not set(ka[i:i + budget + 1]).isdisjoint(kb[j:j + budget + 1])
    return not set(ka[max(0, i - budget - 1):i]).isdisjoint(kb[max(0, j - budget - 1):j])


def _bridge(ka, kb, i, j, budget, step):
    if not _in_reach(ka, kb, i, j, budget, step):
        return None
    for cost in range(1, budget + 1):
        best = None
        for ga, gb in _gaps(cost):
            if step > 0:
                ii, jj = i + ga, j + gb
                if ii >= len(ka) or jj >= len(kb) or ka[ii] != kb[jj]:
                    continue
            else:
                ii, jj = i - ga, j - gb
                if ii <= 0 or jj <= 0 or ka[ii - 1] != kb[jj - 1]:
                    continue
            n = _extend(ka, kb, ii, jj, step)
            if n > cost and (best is None or n > best[3]):
                best = (cost, ga, gb, n)
        if best:
            return best
    return None


def _grow(ka, kb, i, j, length, budget):
    a1, b1, matched, used = i + length, j + length, length, 0
    pairs = [(i, j)]
    while used < budget:
        found = _bridge(ka, kb, a1, b1, budget - used, 1)
        if not found:
            break
        cost, ga, gb, n = found
        pairs.append((a1 + ga, b1 + gb))
        a1, b1, matched, used = a1 + ga + n, b1 + gb + n, matched + n, used + cost
    a0, b0 = i, j
    while used < budget:
        found = _bridge(ka, kb, a0, b0, budget - used, -1)
        if not found:
            break
        cost, ga, gb, n = found
        a0, b0, matched, used = a0 - ga - n, b0 - gb - n, matched + n, used + cost
        pairs.append((a0, b0))
    return a0, a1, b0, b1, matched, used, pairs


def exact_blocks(ka, kb, size):
    """Maximal exact blocks (i, j, length) from shared seed n-grams, longest first."""
    index = {}
    for j in range(len(kb) - size + 1):
        index.setdefault(tuple(kb[j:j + size]), []).append(j)
    blocks, diag_end = [], {}
    for i in range(len(ka) - size + 1):
        hits = index.get(tuple(ka[i:i + size]))
        if not hits or len(hits) > _MAX_SEED_HITS:
            continue
        for j in hits:
            if diag_end.get(i - j, -1) > i:
                continue
            n = _extend(ka, kb, i, j, 1)
            diag_end[i - j] = i + n
            blocks.append((i, j, n))
    return sorted(blocks, key=lambda blk: (-blk[2], blk[0], blk[1]))


def find_runs(ka, kb, size, min_words, budget):
    """Runs as (a0, a1, b0, b1, matched, imperfections) word spans, sorted."""
    if len(ka) < size or len(kb) < size:
        return []
    taken, runs = set(), []
    for i, j, n in exact_blocks(ka, kb, size):
        if (i, j) in taken:
            continue
        if n < min_words and not (_in_reach(ka, kb, i + n, j + n, budget, 1)
                                  or _in_reach(ka, kb, i, j, budget, -1)):
            continue
        a0, a1, b0, b1, matched, used, pairs = _grow(ka, kb, i, j, n, budget)
        if matched >= min_words:
            runs.append((a0, a1, b0, b1, matched, used))
        taken.update(pairs)
    runs.sort()
    return runs
