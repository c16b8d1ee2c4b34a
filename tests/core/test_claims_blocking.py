"""Bulk candidate pairs and coverages equal the per-pair matcher's; blocking never drops a link."""

import math
from collections import defaultdict
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.claims import blocking, finder
from viewer.core.claims import coverages as bulk_coverages
from viewer.core.claims.blocking import candidate_pairs
from viewer.core.claims.coverages import coverages
from viewer.core.claims.matcher import _matches, coverage, same_claim
from viewer.core.claims.statement import make_statement
from viewer.core.text.article import Article
from viewer.core.util import arrays

# Words with synonyms, spelling variants (6-letter prefixes), names, numbers and reporting verbs.
WORDS = ("the soldiers troopers crossed frontier border said mentioned told officials Russia Russian "
         "Zelensky Zelenskyy company firm bought purchased large big warehouse airport 12 1,200 "
         "children kids helped assisted storm shelter not never council budget library approved "
         "new year Monday river flooded town old police arrested man woman").split()

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14)
# blocking.SMALL_STATEMENTS: every input short (numpy alone), every input long (sparse)
BOTH_PATHS = (10**9, -1)


def _statements(sentences, languages=None):
    out = []
    for k, (article, ws) in enumerate(sentences):
        text = " ".join(ws) + "."
        lang = languages[k % len(languages)] if languages else "en"
        out.append(make_statement(article, 0, len(text), text, lang))
    return sorted(out, key=lambda s: s.article)


def _reference_pairs(statements, common, min_share):
    """The per-pair candidate search (postings of rare strong keys, then the exact shared share)."""
    postings = defaultdict(list)
    for i, s in enumerate(statements):
        for key, weight in s.keys.items():
            if weight >= 1.0:
                postings[key].append(i)
    partners = defaultdict(set)
    for ids in postings.values():
        if 1 < len(ids) <= common:
            for x, i in enumerate(ids):
                partners[i].update(j for j in ids[x + 1:] if statements[j].article != statements[i].article)
    pairs = []
    for i in sorted(partners):
        a = statements[i]
        for j in sorted(partners[i]):
            b = statements[j]
            shared = math.fsum(min(w, b.keys[k]) for k, w in a.keys.items() if k in b.keys)
            if shared >= min_share * min(a.weight, b.weight):
                pairs.append((i, j))
    return pairs


sentences = st.lists(st.tuples(st.integers(0, 2), words), min_size=2, max_size=25)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences, st.sampled_from([2, 3, 40]), st.sampled_from([0.0, 0.2, 0.5]))
def test_bulk_candidates_equal_the_per_pair_search(sents, common, share):
    statements = _statements(sents)
    for small in BOTH_PATHS:  # numpy expansion (short texts) and sparse products (long ones)
        with mock.patch.object(blocking, "SMALL_STATEMENTS", small):
            found = [tuple(p) for p in candidate_pairs(statements, common, share).tolist()]
        assert found == _reference_pairs(statements, common, share)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences, st.sampled_from([("en",), ("en", "fr"), ("de",)]))
def test_bulk_coverages_equal_the_matchers(sents, languages):
    statements = _statements(sents, list(languages))
    pairs = [(i, j) for i in range(len(statements)) for j in range(len(statements)) if i != j]
    # key look-ups by bit sets (set a few codes at a time, or all at once), and (bits 0: no set
    # small enough) by binary search; pairs in one slice, or a few at a time
    for small, bits, piece, at_once in ((BOTH_PATHS[0], 1 << 30, 3, 25_000), (BOTH_PATHS[1], 1 << 30, 1 << 20, 7),
                                        (BOTH_PATHS[0], 0, 1, 25_000)):
        with mock.patch.object(blocking, "SMALL_STATEMENTS", small), \
                mock.patch.multiple(arrays, _BITSET_BITS=bits, _SET_SLICE=piece), \
                mock.patch.object(bulk_coverages, "_COVERED_PAIRS", at_once):
            cov_a, cov_b, part_a, part_b = coverages(statements, pairs)
        for k, (i, j) in enumerate(pairs):
            assert abs(cov_a[k] - coverage(statements[i], statements[j])) < 1e-9
            assert abs(cov_b[k] - coverage(statements[j], statements[i])) < 1e-9
        credited_a, credited_b = part_a.of(range(len(pairs))), part_b.of(range(len(pairs)))
        assert part_a.any().tolist() == [bool(x) for x in credited_a]
        for k, (i, j) in enumerate(pairs):
            # the keys a synonym or variant earned credit for: same_claim looks up only those
            a, b = statements[i], statements[j]
            assert credited_a[k] == {key for key, (c, _) in _matches(a, b).items() if 0 < c < 1}
            assert credited_b[k] == {key for key, (c, _) in _matches(b, a).items() if 0 < c < 1}
            assert same_claim(a, b, partial=(credited_a[k], credited_b[k])) == same_claim(a, b)
            assert same_claim(a, b, partial=(bool(credited_a[k]), bool(credited_b[k]))) == same_claim(a, b)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(words, min_size=1, max_size=12), st.data())
def test_blocking_keeps_identical_and_near_identical_pairs(texts, data):
    """A sentence copied into the other article, as is or with one word changed, stays a pair for
    the model whenever it shares a word with its copy; no pair the per-pair search links is lost."""
    second = []
    for ws in texts:
        copy = list(ws)
        if data.draw(st.booleans()) and len(copy) > 4:
            copy[data.draw(st.integers(0, len(copy) - 1))] = data.draw(st.sampled_from(WORDS))
        second.append((1, copy))
    statements = _statements([(0, ws) for ws in texts] + second)
    common = min(finder._COMMON_MAX, max(finder._COMMON_MIN, finder._COMMON_SHARE * len(statements)))
    gated = finder._gated_pairs(statements, candidate_pairs(statements, common, finder._MIN_EXACT_SHARE))
    kept = {(i, j) for i, j, _partial in gated}
    n = len(texts)
    for i in range(n):
        a, b = statements[i], statements[n + i]
        if a.keys == b.keys and any(w >= 1.0 for w in a.keys.values()):
            assert (i, n + i) in kept  # identical keys
    for i, j in _reference_pairs(statements, common, finder._MIN_EXACT_SHARE):
        if same_claim(statements[i], statements[j]) > 0:
            assert (i, j) in kept


def test_blocking_on_real_text_keeps_every_link_and_is_deterministic():
    base = ("The council approved the new library budget on Monday. Police arrested a man near the "
            "airport after the storm. Officials said the soldiers crossed the border at dawn. "
            "The firm bought a big warehouse close to the airport last week. ") * 3
    spun = base.replace("said", "mentioned").replace("soldiers", "troopers").replace("big", "large")
    arts = [Article("A", "a", base), Article("B", "b", spun), Article("C", "c", base[:200])]
    statements = [s for k, art in enumerate(arts) for s in finder.statements_of(art, k)]
    pairs = finder._candidate_pairs(statements)
    gated = {(i, j) for i, j, _partial in finder._gated_pairs(statements, pairs)}
    every = [(i, j) for i in range(len(statements)) for j in range(i + 1, len(statements))
             if statements[i].article != statements[j].article]
    linked = {(i, j) for i, j in every if same_claim(statements[i], statements[j]) > 0}
    assert linked and linked <= gated
    assert finder.find_claims(arts) == finder.find_claims(arts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words, words)
def test_same_claim_with_the_bounded_sequence_equals_the_full_model(x, y):
    """same_claim first bounds word_sequence (shared tokens); its answer is the full model's."""
    from viewer.core.claims.matcher import SAME_CLAIM, contained, match_probability
    a, b = _statements([(0, x), (1, y)])
    p = match_probability(a, b)
    expected = p if p >= SAME_CLAIM else (SAME_CLAIM if p > 0 and contained(a, b) else 0.0)
    assert same_claim(a, b) == expected


def test_bulk_steps_stop_when_cancelled():
    import pytest

    from viewer.core.util.cancel import Cancelled
    statements = _statements([(0, ["police", "arrested", "man"]), (1, ["police", "arrested", "woman"])])
    with pytest.raises(Cancelled):
        candidate_pairs(statements, 40, 0.2, cancelled=lambda: True)
    with pytest.raises(Cancelled):
        coverages(statements, [(0, 1)], cancelled=lambda: True)
    assert candidate_pairs(statements, 40, 0.2, cancelled=lambda: False).tolist() == [[0, 1]]


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 5)),
       st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 5)))
def test_character_cosine_and_sequence_bound(x, y):
    from difflib import SequenceMatcher

    from viewer.core.claims.matcher import _cosine, _sequence, _shared_ratio
    from viewer.core.claims.statement import vector_norm
    nx, ny = vector_norm(x), vector_norm(y)
    dot = sum(v * y.get(k, 0) for k, v in x.items())
    assert _cosine(x, nx, y, ny) == (dot / (nx * ny) if dot else 0.0)
    assert nx == math.sqrt(sum(v * v for v in x.values()))
    ta, tb = [k for k, v in x.items() for _ in range(v)], [k for k, v in y.items() for _ in range(v)]
    if ta and tb:
        assert _shared_ratio(ta, tb) == SequenceMatcher(None, ta, tb, autojunk=False).quick_ratio()
        assert _shared_ratio(ta, tb) >= _sequence(ta, tb)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words, words, st.booleans())
def test_features_from_each_statement_equal_the_features_from_scratch(x, y, bound):
    """The trigrams, token counts and character counts each statement keeps give exactly the
    features recomputed for the pair (synonyms and variants replaced included)."""
    from matcher_reference import features, shared_ratio

    from viewer.core.claims.matcher import _features, _shared_ratio_of_counts
    a, b = _statements([(0, x), (1, y)])
    assert _features(a, b, 0.0, sequence_bound=bound)[0] == features(a, b, sequence_bound=bound)
    assert _features(b, a, 0.0, sequence_bound=bound)[0] == features(b, a, sequence_bound=bound)
    if a.tokens and b.tokens:
        both = len(a.tokens) + len(b.tokens)
        assert _shared_ratio_of_counts(a.token_counts, b.token_counts, both) == shared_ratio(a.tokens, b.tokens)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(words, min_size=1, max_size=6), st.lists(words, min_size=1, max_size=6))
def test_statements_shared_through_the_memo_equal_fresh_ones(xs, ys):
    """Statements with the same words are reduced once per analysis; each still has its own
    article, span and text, and equals the statement made from scratch."""
    texts = [" ".join(w).capitalize() + "." for w in xs], [" ".join(w).capitalize() + "." for w in ys]
    # each article repeats its own sentences and carries the other's first one
    arts = [Article(chr(65 + k), "", " ".join(t + texts[1 - k][:1] + t)) for k, t in enumerate(texts)]
    memo: dict = {}
    for k, art in enumerate(arts):
        shared = finder.statements_of(art, k, memo=memo)
        assert shared == finder.statements_of(art, k)
        assert all(art.text[s.start:s.end] == s.text and s.article == k for s in shared)


def test_short_analyses_do_not_import_scipy():
    # The app's first analysis (the seeds) should not wait for scipy's import; long texts use it.
    import subprocess
    import sys
    code = ("import sys; from viewer.core.formats.loaders import load_articles, seed_paths; "
            "from viewer.core.comparison import compare; compare(load_articles(seed_paths())[0]); "
            "assert not any(m.startswith('scipy') for m in sys.modules), 'scipy imported'")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_repeated_wordings_scored_once_give_the_claims_scored_each_time(monkeypatch):
    # Statements with the same words share their keys, and a pair of wordings met again is scored
    # once; without the sharing every pair is scored on its own, with the same claims.
    text = ("The council approved the new library budget on Monday. Police arrested a man near the "
            "airport after the storm. ") * 4
    spun = text.replace("arrested", "detained").replace("storm", "gale")
    arts = [Article("A", "a", text), Article("B", "b", spun + " The firm bought a warehouse."),
            Article("C", "c", text[:300])]
    shared = finder.find_claims(arts)
    fresh = finder.statements_of
    monkeypatch.setattr(finder, "statements_of", lambda art, k, memo=None, cancelled=None: fresh(art, k))
    assert finder.find_claims(arts) == shared and any(len(c.articles) > 1 for c in shared)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.sampled_from([0.0, 0.3, 1.0, 1.2])), max_size=60))
def test_exact_sums_equal_fsum_per_row(entries):
    """The border of the candidate search sums shared weights exactly, as the per-pair code does."""
    import numpy as np

    rows = np.array([r for r, _ in entries], dtype=np.int64)
    values = np.array([v for _, v in entries], dtype=np.float64)
    found = arrays.exact_sums(rows, values, 6)
    assert found.tolist() == [math.fsum(v for r, v in entries if r == row) for row in range(6)]
    many = np.array([0.1, 0.2, 0.3, 0.4, 0.5])
    assert arrays.exact_sums(np.arange(5), many, 5) is None  # too many distinct values: the caller loops


def test_coverages_of_statements_sharing_a_wording_are_each_pairs_own():
    """Statements with the same words share their keys (the finder's memo) and are reduced to one
    row of the bulk step; every pair still gets the matcher's coverages."""
    text = ("Officials said the soldiers crossed the border at dawn. The firm bought a big warehouse. "
            "Police arrested a man near the airport after the storm. ")
    arts = [Article("A", "a", text * 2), Article("B", "b", text.replace("big", "large") + text)]
    memo: dict = {}
    statements = [s for k, art in enumerate(arts) for s in finder.statements_of(art, k, memo=memo)]
    rows, distinct = blocking.distinct_wordings(statements)
    assert len(distinct) < len(statements)  # some wordings are shared
    pairs = [(i, j) for i in range(len(statements)) for j in range(len(statements)) if i != j]
    cov_a, cov_b, _part_a, _part_b = coverages(statements, pairs)
    for k, (i, j) in enumerate(pairs):
        assert abs(cov_a[k] - coverage(statements[i], statements[j])) < 1e-9
        assert abs(cov_b[k] - coverage(statements[j], statements[i])) < 1e-9
