"""Sentence alignment and offset mapping for synchronized scrolling."""

import pytest

from viewer.core.diff.align import align_sentences, map_offset
from viewer.core.text.article import Article

A_TEXT = ("The council approved the budget on Monday.\n"
          "Schools will receive more money next year.\n"
          "The mayor thanked the volunteers for their work.\n"
          "Road repairs start in the spring.")
B_TEXT = ("Road repairs start in the spring, officials said.\n"
          "The council approved the new budget on Monday.\n"
          "Schools will receive more money next year.\n"
          "A protest is planned for Friday.")


def test_alignment_matches_reworded_and_flags_moves():
    a, b = Article("A", "a", A_TEXT), Article("B", "b", B_TEXT)
    pairs = align_sentences(a, b)
    got = {(A_TEXT[p.a_start:p.a_end][:10], B_TEXT[p.b_start:p.b_end][:10]): p.moved for p in pairs}
    assert got[("The counci", "The counci")] is False
    assert got[("Schools wi", "Schools wi")] is False
    assert got[("Road repai", "Road repai")] is True  # moved to the top in B
    assert not any(k[0].startswith("The mayor") for k in got)  # cut from B


@pytest.mark.parametrize("pos, expected", [
    (0, 100), (5, 105), (10, 110),        # inside the first span
    (15, 130),                            # halfway between spans that keep order
    (20, 150), (25, 155),
    (40, 170),                            # after the last span: same distance
])
def test_map_offset_interpolates(pos, expected):
    anchors = [(0, 10, 100, 110, False), (20, 30, 150, 160, False)]
    assert map_offset(anchors, pos) == expected


def test_map_offset_follows_nearer_span_when_order_breaks():
    anchors = [(0, 10, 500, 510, True), (20, 30, 100, 110, False)]
    assert map_offset(anchors, 11) == 511
    assert map_offset(anchors, 19) == 99
    assert map_offset([], 42) == 42


def _random_bags(rng, n, vocab):
    return [frozenset(f"w{rng.randrange(vocab)}" for _ in range(rng.randrange(0, 12))) for _ in range(n)]


@pytest.mark.parametrize("dense_cells", [-1, 10**9])  # sparse products / dense arrays everywhere
def test_sparse_and_dense_candidates_equal_the_per_sentence_search(monkeypatch, dense_cells):
    """Sentence pairs proposed and scored with sparse products, or with dense arrays (short texts),
    are exactly the per-sentence ones (common words, sentences with only common or only new words,
    empty ones included)."""
    import random

    from align_reference import candidates as reference

    from viewer.core.diff import align
    from viewer.core.diff.align import _candidates
    monkeypatch.setattr(align, "_DENSE_CELLS", dense_cells)
    rng = random.Random(11)
    for trial in range(150):
        vocab = rng.choice([5, 20, 200])
        bags_a = _random_bags(rng, rng.randrange(0, 80), vocab)
        bags_b = bags_a[:] if rng.random() < 0.3 else _random_bags(rng, rng.randrange(0, 80), vocab)
        # many copies of one sentence make its words common (more than _COMMON_DF sentences)
        bags_b += [frozenset({"w1", "w2", "w3"})] * rng.choice([0, 60])
        for min_score in (0.5, 0.3, 0.8):
            assert _candidates(bags_a, bags_b, min_score) == reference(bags_a, bags_b, min_score)
