"""The per-sentence candidate search of the sentence alignment as it was before the sparse one:
a test oracle for `viewer.core.diff.align._candidates`."""

from viewer.core.diff.align import _COMMON_DF, _prefix


def candidates(bags_a, bags_b, min_score):
    """(-score, i, j) of the proposed pairs with Dice >= min_score, sorted."""
    index = {}
    for j, bag in enumerate(bags_b):
        for w in bag:
            index.setdefault(w, []).append(j)
    out = []
    for i, bag in enumerate(bags_a):
        if not bag:
            continue
        proposed = set()
        for w in _prefix(bag, index, min_score):
            js = index.get(w, ())
            if len(js) <= _COMMON_DF:
                proposed.update(js)
        if not proposed:
            for w in bag:
                proposed.update(index.get(w, ()))
        lo, hi = len(bag) * min_score / (2 - min_score), len(bag) * (2 - min_score) / min_score
        for j in proposed:
            size = len(bags_b[j])
            if size < lo or size > hi:
                continue
            score = 2 * len(bag & bags_b[j]) / (len(bag) + size)
            if score >= min_score:
                out.append((-score, i, j))
    out.sort()
    return out
