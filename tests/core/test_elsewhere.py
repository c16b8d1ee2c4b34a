"""A call run in a second process: its value, a failure left to the caller, cancel, and the
comparison's claims found there being the claims found here."""

from __future__ import annotations

import time

import pytest

from viewer.core.util.cancel import Cancelled
from viewer.core.util.elsewhere import Elsewhere


def test_the_value_comes_back():
    assert Elsewhere(pow, 2, 10).result() == 1024


@pytest.mark.parametrize("call", [(int, "not a number"), (lambda: 1,)], ids=["raises", "cannot be sent"])
def test_what_cannot_be_had_elsewhere_is_none(call):
    assert Elsewhere(*call).result() is None


def test_cancel_ends_the_process_at_once():
    job = Elsewhere(time.sleep, 60)
    proc = job._proc
    t0 = time.perf_counter()
    with pytest.raises(Cancelled):
        job.result(cancelled=lambda: time.perf_counter() - t0 > 0.2)
    assert time.perf_counter() - t0 < 2.0
    assert not proc.is_alive()


@pytest.mark.parametrize("most_for_pairs, sent, kept", [
    (3, "pairs_of", "viewer.core.comparison.pair_analysis"),  # three articles: their pairs go
    (1, "claims_of", "viewer.core.claims.finder.find_claims"),  # more articles: the claims go
])
def test_what_a_second_process_finds_is_what_is_found_here(monkeypatch, prose, most_for_pairs, sent, kept):
    import viewer.core.comparison as comparison
    from viewer.core.text.article import Article

    shared = prose(5, 120)
    arts = [Article("A", "", prose(1, 150) + " " + shared),
            Article("B", "", shared + " " + prose(2, 100)),
            Article("C", "", prose(3, 80) + " " + shared[: len(shared) // 2])]
    here = comparison.compare(arts)
    asked = []
    monkeypatch.setattr(comparison, "ELSEWHERE_WORDS", 0)
    monkeypatch.setattr(comparison, "PAIRS_ELSEWHERE_ARTICLES", most_for_pairs)
    monkeypatch.setattr(comparison, "Elsewhere",
                        lambda fn, *args: asked.append(fn.__name__) or Elsewhere(fn, *args))

    def not_here(*args, **kwargs):
        raise AssertionError("done in this process")

    monkeypatch.setattr(kept, not_here)  # the second process has its own
    there = comparison.compare(arts, second_process=True)
    assert asked == [sent]
    assert there.claims == here.claims and any(len(c.articles) > 1 for c in here.claims)
    assert there.one_event == here.one_event
    assert there.pairs == here.pairs
    assert {k: p.reuse for k, p in there.pairs.items()} == {k: p.reuse for k, p in here.pairs.items()}
    assert there.derivations == here.derivations


def test_only_long_comparisons_with_pairs_to_analyse_use_a_second_process(monkeypatch):
    import viewer.core.comparison as comparison
    from viewer.core.text.article import Article

    short, long_ = Article("A", "", "a few words"), Article("B", "", "word " * 50_000)
    pair = [(short, long_)]
    monkeypatch.setattr(comparison.os, "cpu_count", lambda: 2)
    assert comparison._split((short, long_), pair, True) == "pairs"
    assert comparison._split((short, long_), [], True) is None  # every pair cached: claims only
    assert comparison._split((short, long_), pair, False) is None  # no claims: nothing to share
    assert comparison._split((short, short.with_id("C")), [(short, short)], True) is None  # too short
    many = tuple(long_.with_id(x) for x in "BCDE")
    assert comparison._split(many, [(many[0], many[1])], True) == "claims"
    monkeypatch.setattr(comparison.os, "cpu_count", lambda: 1)
    assert comparison._split((short, long_), pair, True) is None
