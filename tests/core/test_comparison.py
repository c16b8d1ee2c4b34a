"""compare(): pairs analysed two at a time give the same result as one at a time; cancel and cache."""

from __future__ import annotations

import pytest

from viewer.core import comparison
from viewer.core.comparison import compare
from viewer.core.text.article import Article
from viewer.core.util.cancel import Cancelled

TEXTS = [
    "The council approved the budget on Tuesday after a long debate about roads and schools.",
    "After a long debate about schools and roads, the council approved its budget on Tuesday night.",
    "Firefighters battled a blaze at the old mill for six hours; nobody was hurt, police said.",
    "A fire destroyed the old mill on Friday. Firefighters fought the blaze for six hours.",
    "The council approved the budget on Tuesday after a long debate about roads and schools. "
    "The mayor welcomed the vote.",
]


def _articles() -> list[Article]:
    return [Article(chr(65 + k), f"t{k}", t) for k, t in enumerate(TEXTS)]


def _pairs(comp) -> dict:
    return {key: (pa.ops, pa.similarity, pa.alignment, pa.reuse) for key, pa in comp.pairs.items()}


def test_pairs_in_threads_equal_pairs_one_at_a_time(monkeypatch):
    threaded = compare(_articles(), with_claims=False)
    monkeypatch.setattr(comparison, "PAIR_THREADS", 1)
    serial = compare(_articles(), with_claims=False)
    assert list(threaded.pairs) == list(serial.pairs)  # same order
    assert _pairs(threaded) == _pairs(serial)
    assert threaded.derivations == serial.derivations


def test_cache_is_reused_and_filled():
    cache: dict = {}
    first = compare(_articles(), with_claims=False, cache=cache)
    assert len(cache) == len(first.pairs) == 10
    calls = []
    arts = _articles()
    arts[0] = Article("A", "t0", TEXTS[0] + " Changed.")

    again = compare(arts, with_claims=False, cache=cache, progress=lambda k, n: calls.append(k))
    assert len(cache) == 14  # only the four pairs with the changed article were analysed again
    assert again.pairs[("B", "C")] is first.pairs[("B", "C")]
    assert calls == sorted(calls)


def test_cancel_stops_the_pair_analyses():
    asked = {"n": 0}

    def cancelled() -> bool:
        asked["n"] += 1
        return asked["n"] > 3

    with pytest.raises(Cancelled):
        compare(_articles(), cancelled=cancelled)
