"""The matcher's pair features as first written (every statement's trigrams, counts and tokens
recomputed for each pair): a test oracle for `viewer.core.claims.matcher._features`, which reads
them from the statements."""

import math
from collections import Counter

from viewer.core.claims.matcher import _cosine, _matches, _sequence
from viewer.core.claims.matcher import _shared_ratio as shared_ratio  # token by token
from viewer.core.claims.statement import char_trigrams, vector_norm


def canonical_tokens(b, ma: dict, mb: dict) -> list[str]:
    """`b`'s tokens with every key matched to a key of `a` (synonym, variant) replaced by that key:
    `ma`, `mb` are `_matches(a, b)` and `_matches(b, a)`; a's matches name the key first."""
    canon: dict[str, str] = {}
    for key, (credit, partner) in ma.items():
        if credit and partner and partner != key:
            canon[partner] = key
    for key, (credit, partner) in mb.items():
        if credit and partner and partner != key:
            canon.setdefault(key, partner)
    return [canon.get(t, t) for t in b.tokens]


def features(a, b, sequence_bound: bool = False) -> tuple[float, ...]:
    """The 13 features of a pair, computed from scratch (word_sequence bounded on request)."""
    ma, mb = _matches(a, b), _matches(b, a)
    got_a = math.fsum(w * ma[k][0] for k, w in a.keys.items())
    got_b = math.fsum(w * mb[k][0] for k, w in b.keys.items())
    ca = got_a / a.weight if a.weight > 0 else 0.0
    cb = got_b / b.weight if b.weight > 0 else 0.0
    total = a.weight + b.weight
    sim = (got_a + got_b) / total if total > 0 else 0.0
    small, large = sorted((max(0.0, a.weight - got_a), max(0.0, b.weight - got_b)))
    numbers = 1.0 if a.numbers != b.numbers else 0.0
    name_miss = sum(1 for k in a.keys if a.surface[k] in a.names and ma[k][0] == 0) + \
        sum(1 for k in b.keys if b.surface[k] in b.names and mb[k][0] == 0)
    ta, tb = a.tokens, canonical_tokens(b, ma, mb)
    length = min(len(ta), len(tb)) / max(1, len(ta), len(tb))
    negation = 1.0 if a.negated != b.negated else 0.0
    tri_a, tri_b = set(zip(ta, ta[1:], ta[2:])), set(zip(tb, tb[1:], tb[2:]))
    union = len(tri_a) + len(tri_b)
    trigrams = 2 * len(tri_a & tri_b) / union if union else 0.0
    characters = 0.0
    if ta and tb:
        chars_a = dict(Counter(g for t in ta for g in char_trigrams(t)))
        chars_b = dict(Counter(g for t in tb for g in char_trigrams(t)))
        characters = _cosine(chars_a, vector_norm(chars_a), chars_b, vector_norm(chars_b))
    if not (ta and tb):
        sequence = 0.0
    else:
        sequence = shared_ratio(ta, tb) if sequence_bound else _sequence(ta, tb)
    return (sim, min(ca, cb), max(ca, cb), math.log1p(small), math.log1p(large), numbers,
            math.log1p(name_miss), length, negation, trigrams, characters, sequence,
            max(ca, cb) * length)
