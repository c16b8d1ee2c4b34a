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
    # three articles: their pairs go, and the derivations read from them
    (3, "pairs_and_derivations_of", ("viewer.core.comparison.pair_analysis",
                                     "viewer.core.comparison.derive_from_others")),
    (1, "claims_of", ("viewer.core.claims.finder.find_claims",)),  # more articles: the claims go
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

    for name in kept:
        monkeypatch.setattr(name, not_here)  # the second process has its own
    there = comparison.compare(arts, second_process=True)
    assert asked == [sent]
    assert there.claims == here.claims and any(len(c.articles) > 1 for c in here.claims)
    assert there.one_event == here.one_event
    assert there.pairs == here.pairs
    assert {k: p.reuse for k, p in there.pairs.items()} == {k: p.reuse for k, p in here.pairs.items()}
    assert there.derivations == here.derivations


def test_with_some_pairs_cached_only_the_others_go_and_the_derivations_are_read_here(monkeypatch, prose):
    import viewer.core.comparison as comparison
    from viewer.core.text.article import Article

    shared = prose(5, 120)
    arts = [Article("A", "", prose(1, 150) + " " + shared), Article("B", "", shared + " " + prose(2, 100)),
            Article("C", "", prose(3, 80) + " " + shared[: len(shared) // 2])]
    here = comparison.compare(arts)
    cache: dict = {}
    comparison.compare(arts[:2], cache=cache)  # the pair of A and B is known
    asked = []
    monkeypatch.setattr(comparison, "ELSEWHERE_WORDS", 0)
    monkeypatch.setattr(comparison, "Elsewhere", lambda fn, *args: asked.append((fn.__name__, args[1]))
                        or Elsewhere(fn, *args))
    there = comparison.compare(arts, cache=cache, second_process=True)
    assert asked == [("pairs_of", [("A", "C"), ("B", "C")])]
    assert there.pairs == here.pairs and there.derivations == here.derivations and there.claims == here.claims


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


# -- the standby process: started ahead of time, kept for calls --------------------------------

def _ready(standby, seconds: float = 60.0) -> bool:
    t0 = time.perf_counter()
    while not standby.ready():
        if time.perf_counter() - t0 > seconds:
            return False
        time.sleep(0.02)
    return True


@pytest.fixture
def standby():
    from viewer.core.util.elsewhere import Standby

    kept = Standby()
    yield kept
    kept.stop()


def test_a_standby_not_started_takes_nothing(standby):
    assert not standby.ready()
    assert standby.submit(pow, 2, 3) is None


def test_the_standby_answers_call_after_call_in_one_process(standby):
    standby.start()
    assert _ready(standby)
    pid = standby._proc.pid
    assert standby.submit(pow, 2, 10).result() == 1024
    assert standby.submit(int, "not a number").result() is None  # raised there: the caller redoes it
    assert standby.submit(pow, 3, 3).result() == 27
    assert standby._proc.pid == pid


def test_a_busy_standby_takes_no_second_call(standby):
    standby.start()
    assert _ready(standby)
    job = standby.submit(time.sleep, 0.3)
    assert job is not None and standby.submit(pow, 2, 2) is None and not standby.ready()
    assert job.result() is None  # time.sleep's None: nothing to use
    assert standby.ready() and standby.submit(pow, 2, 2).result() == 4


def test_a_cancel_ends_the_standby_and_the_next_call_starts_another(standby):
    standby.start()
    assert _ready(standby)
    proc = standby._proc
    job = standby.submit(time.sleep, 60)
    t0 = time.perf_counter()
    with pytest.raises(Cancelled):
        job.result(cancelled=lambda: time.perf_counter() - t0 > 0.2)
    assert time.perf_counter() - t0 < 2.0 and not proc.is_alive()
    assert standby.submit(pow, 2, 2) is None  # a new one is loading
    assert _ready(standby) and standby._proc is not proc
    assert standby.submit(pow, 2, 5).result() == 32


def test_a_job_given_up_ends_its_process(standby):
    standby.start()
    assert _ready(standby)
    proc = standby._proc
    standby.submit(time.sleep, 60).stop()
    assert not proc.is_alive()
    standby.stop()
    assert standby.submit(pow, 2, 2) is None and standby._proc is None  # stopped: none started


def test_a_standby_that_dies_loading_is_not_started_again():
    import sys

    from viewer.core.util.elsewhere import Standby

    dying = Standby(sys.exit)  # ends the process before it is ready
    dying.start()
    proc = dying._proc
    proc.join(30)
    assert not dying.ready() and dying._proc is None
    assert dying.submit(pow, 2, 2) is None and dying._proc is None  # no new one: it would die too


def test_with_the_standby_ready_shorter_comparisons_share_the_work(monkeypatch, prose):
    import viewer.core.comparison as comparison
    from viewer.core.comparison import STANDBY
    from viewer.core.text.article import Article

    shared = prose(7, 400)
    arts = [Article("A", "", prose(1, 900) + " " + shared), Article("B", "", shared + " " + prose(2, 900)),
            Article("C", "", prose(3, 900) + " " + shared[: len(shared) // 2]),
            Article("D", "", prose(4, 900))]
    assert comparison.STANDBY_WORDS <= sum(a.word_count for a in arts) < comparison.ELSEWHERE_WORDS
    here = comparison.compare(arts)
    try:
        STANDBY.start()
        assert _ready(STANDBY)
        pid = STANDBY._proc.pid

        def not_here(*args, **kwargs):
            raise AssertionError("done in this process")

        monkeypatch.setattr(comparison, "Elsewhere", not_here)  # no fresh process either
        monkeypatch.setattr("viewer.core.claims.finder.find_claims", not_here)
        there = comparison.compare(arts, second_process=True)
        assert STANDBY._proc.pid == pid and STANDBY.ready()  # the same process, idle again
    finally:
        STANDBY.stop()
    assert there.claims == here.claims and any(len(c.articles) > 1 for c in here.claims)
    assert there.one_event == here.one_event and there.pairs == here.pairs
    assert there.derivations == here.derivations
