"""Word diff invariants: rebuilds both texts, word boundaries, determinism, backends."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.diff import worddiff
from viewer.core.diff.worddiff import (
    DELETE,
    EQUAL,
    INSERT,
    available_backends,
    diff_chunks,
    invert,
    word_diff,
)
from viewer.core.text.tokens import tokenize

VOCAB = ["the", "minister", "said", "mentioned", "on", "Tuesday", "Wednesday", "1,000", "troops",
         "soldiers", "Kim", "Yong-hyun", "café", "北", "京", ",", ".", "“", "”", "war", "battle",
         "\n", "\n\n", "😀", "don't", "2.5"]

texts = st.lists(st.sampled_from(VOCAB), max_size=60).map(
    lambda ws: "".join(w if w in ",.\n\n" else " " + w for w in ws))


def rebuild(ops):
    a = "".join(t for op, t in ops if op != INSERT)
    b = "".join(t for op, t in ops if op != DELETE)
    return a, b


def boundaries(text):
    return {t.start for t in tokenize(text)} | {len(text)}


def assert_on_word_boundaries(a, b, ops):
    ba, bb = boundaries(a), boundaries(b)
    ia = ib = 0
    for op, t in ops:
        assert ia in ba and ib in bb
        if op != INSERT:
            ia += len(t)
        if op != DELETE:
            ib += len(t)
    assert ia == len(a) and ib == len(b)


@settings(max_examples=150, deadline=None)
@given(texts, texts)
def test_diff_rebuilds_both_texts_on_word_boundaries(a, b):
    ops = word_diff(a, b)
    assert rebuild(ops) == (a, b)
    assert_on_word_boundaries(a, b, ops)
    assert all(t for _, t in ops)
    assert word_diff(a, b) == ops  # same input, same output


@settings(max_examples=80, deadline=None)
@given(texts, texts)
def test_backends_agree(a, b):
    results = [word_diff(a, b, backend=be) for be in available_backends()]
    assert all(r == results[0] for r in results)


def test_cpp_backend_is_available_on_this_platform():
    import platform
    import sys
    # where pyproject asks for fast-diff-match-patch (the machines and Pythons it has wheels for)
    if platform.machine().lower() in ("x86_64", "amd64", "arm64") and sys.version_info < (3, 13):
        assert "cpp" in available_backends()


def test_replacement_keeps_whole_words():
    a = "He said on Tuesday that 1,000 soldiers left."
    b = "He claimed on Wednesday that 1,200 troopers left."
    ops = word_diff(a, b)
    dropped = [t for op, t in ops if op == DELETE]
    added = [t for op, t in ops if op == INSERT]
    assert "said" in dropped and "claimed" in added
    assert "Tuesday" in dropped and "Wednesday" in added
    assert any("1,000" in t for t in dropped) and any("1,200" in t for t in added)


def test_cjk_is_diffed_per_character():
    ops = word_diff("北京是中国的首都", "东京是日本的首都")
    assert (DELETE, "北") in ops and (INSERT, "东") in ops
    assert (EQUAL, "京是") in ops


def _long_pair(n_words, seed=3):
    rng = random.Random(seed)
    vocab = [f"w{k}" for k in range(3000)] + ["the", "a", "of", "and", "said"] * 200
    a_words = [rng.choice(vocab) for _ in range(n_words)]
    b_words = []
    for w in a_words:
        r = rng.random()
        if r < 0.02:
            continue
        b_words.append(rng.choice(vocab) if r < 0.04 else w)
    a = " ".join(a_words)
    b = " ".join(b_words)
    pars = b.split(" w1 ")
    if len(pars) > 3:
        pars.insert(0, pars.pop(len(pars) // 2))
        b = " w1 ".join(pars)
    return a, b


def test_long_texts_are_never_truncated_and_backends_agree():
    a, b = _long_pair(20000)
    results = {}
    for be in available_backends():
        ops = word_diff(a, b, backend=be)
        assert rebuild(ops) == (a, b)
        equal = sum(len(t) for op, t in ops if op == EQUAL)
        # A truncated diff would be one delete plus one insert (equal share ~0).
        assert equal / len(a) > 0.8
        results[be] = ops
    assert len({tuple(r) for r in results.values()}) == 1


def test_anchoring_is_used_for_long_texts(monkeypatch):
    calls = []
    real = worddiff._myers

    def spy(a, b, backend):
        calls.append(len(a) + len(b))
        return real(a, b, backend)

    monkeypatch.setattr(worddiff, "_myers", spy)
    a, b = _long_pair(5000)
    word_diff(a, b)
    assert calls and max(calls) <= worddiff._DIRECT_LIMIT


def test_texts_without_a_word_once_in_each_are_anchored_on_their_rarest_word(monkeypatch):
    """Two texts that each repeat one sentence: no unique anchors, so the rarest word both hold
    anchors them, and Myers only sees short gaps (the diff stays exact; both backends agree)."""
    calls = []
    real = worddiff._myers

    def spy(a, b, backend):
        calls.append(len(a) + len(b))
        return real(a, b, backend)

    monkeypatch.setattr(worddiff, "_myers", spy)
    a = "The council met on Monday and approved the budget. " * 600
    b = "A storm hit the coast overnight and closed the port. " * 600
    results = {be: word_diff(a, b, backend=be) for be in available_backends()}
    assert all(rebuild(ops) == (a, b) for ops in results.values())
    assert len({tuple(r) for r in results.values()}) == 1
    assert calls and max(calls) <= worddiff._DIRECT_LIMIT


def test_cancel_stops_a_long_diff():
    from viewer.core.util.cancel import Cancelled
    a, b = _long_pair(5000)
    with pytest.raises(Cancelled):
        word_diff(a, b, cancelled=lambda: True)


def test_chunks_and_invert():
    a, b = "one two three four", "one 2 three four five"
    ops = word_diff(a, b)
    chunks = diff_chunks(ops)
    tags = [c.tag for c in chunks]
    assert "replace" in tags and tags[-1] == "insert"
    for c in chunks:
        if c.tag == "equal":
            assert a[c.a_start:c.a_end] == b[c.b_start:c.b_end]
    assert chunks[-1].a_end == len(a) and chunks[-1].b_end == len(b)
    assert rebuild(invert(ops)) == (b, a)


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError):
        word_diff("a", "b", backend="nope")
