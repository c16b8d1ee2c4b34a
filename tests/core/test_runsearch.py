"""The bulk verbatim run search finds exactly the runs of the per-seed search (a property test)."""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from verbatim_reference import exact_blocks as reference_blocks
from verbatim_reference import find_runs as reference_runs

from viewer.core.reuse.runsearch import exact_blocks, find_runs


@st.composite
def key_pairs(draw):
    """Two word sequences over a small vocabulary, often the second an edited copy of the first
    (drawn from a seeded generator, so every example is a dense random text)."""
    rng = random.Random(draw(st.integers(0, 2 ** 32)))
    vocab = draw(st.sampled_from([2, 3, 6, 30]))
    a = [rng.randrange(vocab) for _ in range(draw(st.integers(0, 200)))]
    if draw(st.booleans()):
        b = list(a)
        for _ in range(draw(st.integers(0, 20))):
            k = rng.randrange(len(b) + 1)
            op = rng.choice(["change", "drop", "add"])
            if op == "add" or k == len(b):
                b.insert(k, rng.randrange(vocab))
            elif op == "change":
                b[k] = rng.randrange(vocab)
            else:
                del b[k]
    else:
        b = [rng.randrange(vocab) for _ in range(draw(st.integers(0, 200)))]
    return tuple(f"w{x}" for x in a), tuple(f"w{x}" for x in b)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key_pairs(), st.sampled_from([(6, 2), (4, 1), (3, 0), (12, 1), (9, 3)]))
def test_bulk_runs_equal_the_per_seed_search(keys, setting):
    ka, kb = keys
    min_words, budget = setting
    size = max(1, -(-min_words // (budget + 1)))
    i, j, n = exact_blocks(ka, kb, size)
    assert list(zip(i.tolist(), j.tolist(), n.tolist())) == reference_blocks(ka, kb, size)
    assert find_runs(ka, kb, size, min_words, budget) == reference_runs(ka, kb, size, min_words, budget)


def test_runs_are_found_in_a_long_edited_copy_and_are_deterministic():
    a = tuple(f"w{(k * 7919) % 1000}" for k in range(5000))
    b = a[:1000] + ("x", "y") + a[1000:3000] + a[3500:]
    runs = find_runs(a, b, 2, 6, 2)
    assert runs == find_runs(a, b, 2, 6, 2) == reference_runs(a, b, 2, 6, 2)
    assert sum(r[4] for r in runs) >= 4400
