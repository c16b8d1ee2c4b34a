"""Pairs ruled out in bulk are pairs the per-pair matcher scores 0.0; the bulk features equal its own."""

from unittest import mock

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_claims_blocking import WORDS, _statements

from viewer.core.claims import finder, matcher, screening
from viewer.core.claims.coverages import coverages
from viewer.core.claims.matcher import _features, same_claim
from viewer.core.claims.screening import bounded_features, ruled_out
from viewer.core.text.article import Article

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14)
sentences = st.lists(st.tuples(st.integers(0, 2), words), min_size=2, max_size=20)


def _plain_pairs(statements):
    """Every cross-article pair (i < j) with no key credited as a synonym or variant, as arrays,
    with their coverages and unmatched names."""
    every = np.array([(i, j) for i in range(len(statements)) for j in range(i + 1, len(statements))
                      if statements[i].article != statements[j].article], dtype=np.int64).reshape(-1, 2)
    cov_a, cov_b, part_a, part_b = coverages(statements, every)
    plain = np.flatnonzero(~(part_a.any() | part_b.any()))
    return (every[plain, 0], every[plain, 1], cov_a[plain], cov_b[plain],
            part_a.names_missed[plain], part_b.names_missed[plain])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences)
def test_bulk_features_equal_the_matchers(sents):
    statements = _statements(sents)
    pi, pj, cov_a, cov_b, missed_a, missed_b = _plain_pairs(statements)
    if not len(pi):
        return
    with mock.patch.object(screening, "_SLICE", 3):  # products and character counts a few rows at a time
        found, _shared = bounded_features(statements, pi, pj, cov_a, cov_b, missed_a, missed_b)
    for k, (i, j) in enumerate(zip(pi.tolist(), pj.tolist())):
        expected = _features(statements[i], statements[j], 0.0, sequence_bound=True)[0]
        assert np.allclose(found[k], expected, rtol=0, atol=1e-9), (statements[i].text, statements[j].text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences, st.sampled_from([(0.25, 4, 0.0), (matcher.SAME_CLAIM, 5, 0.5), (0.2, 3, 0.0)]))
def test_pairs_ruled_out_score_nothing(sents, setting):
    """Within one event (lower threshold) and apart (stricter containment): a pair ruled out in
    bulk is a pair `same_claim` scores 0.0."""
    threshold, min_keys, exact = setting
    statements = _statements(sents)
    pi, pj, cov_a, cov_b, missed_a, missed_b = _plain_pairs(statements)
    n = len(pi)
    out = ruled_out(statements, pi, pj, cov_a, cov_b, missed_a, missed_b,
                    np.full(n, threshold), np.full(n, min_keys), np.full(n, exact))
    for i, j in zip(pi[out].tolist(), pj[out].tolist()):
        assert same_claim(statements[i], statements[j], threshold, min_keys, exact_contained=exact) == 0.0


def _story() -> list[Article]:
    lines = ["The council approved the new library budget on Monday after a long debate.",
             "Police arrested a man near the airport after the storm flooded the town.",
             "Officials said the soldiers crossed the border at dawn with old trucks.",
             "The firm bought a big warehouse close to the airport last year.",
             "Children helped the woman move the shelter before the river rose.",
             "Russia said the budget of the council was not approved in the new year."]
    first = " ".join(lines[k % 6] for k in range(30))
    second = " ".join(lines[(k * 5 + 1) % 6].replace("man", "woman") for k in range(30))
    return [Article("A", "a", first), Article("B", "b", second), Article("C", "c", first[:400])]


def test_screening_rules_pairs_out_and_changes_no_claim():
    arts = _story()
    statements = [s for k, art in enumerate(arts) for s in finder.statements_of(art, k)]
    pairs = finder._candidate_pairs(statements)
    with mock.patch.object(finder, "SCREEN_PAIRS", 10**9):
        every = finder._gated_pairs(statements, pairs)
        claims = finder.find_claims(arts)
    with mock.patch.object(finder, "SCREEN_PAIRS", 0):
        screened = finder._gated_pairs(statements, pairs)
        assert finder.find_claims(arts) == claims
    assert {(i, j) for i, j, _ in screened} < {(i, j) for i, j, _ in every}  # some pairs ruled out


def test_screening_stops_when_cancelled():
    import pytest

    from viewer.core.util.cancel import Cancelled

    statements = _statements([(0, ["police", "arrested", "man"]), (1, ["police", "arrested", "woman"])])
    pi, pj, cov_a, cov_b, missed_a, missed_b = _plain_pairs(statements)
    with pytest.raises(Cancelled):
        ruled_out(statements, pi, pj, cov_a, cov_b, missed_a, missed_b, np.full(1, 0.55), np.full(1, 4),
                  np.zeros(1), cancelled=lambda: True)
