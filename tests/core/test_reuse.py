"""Verbatim runs, similarity, derivation labels and moves (our own texts)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.reuse.pairs import PairReuse, ReuseOptions, analyse_pair, find_moves, verbatim_runs
from viewer.core.reuse.relation import (
    INDEPENDENT,
    MODEL,
    PAIR_MODEL,
    PARTIALLY,
    WHOLLY,
    DerivationFeatures,
    derivation,
    derivation_features,
)
from viewer.core.reuse.verbatim import article_keys
from viewer.core.text.article import Article

SHARED = "the harbour master counted nine fishing boats leaving before sunrise on Tuesday"
LEFT = "Reports from the coast were calm. " + SHARED + ". Nothing else happened."
RIGHT = "A long day began early, when " + SHARED + " and the gulls followed them."


def art(i: str, text: str) -> Article:
    return Article(i, "", text)


def run_texts(a: Article, b: Article, runs) -> list[tuple[str, str]]:
    return [(a.text[r.a_start:r.a_end], b.text[r.b_start:r.b_end]) for r in runs]


def test_finds_shared_passage_with_exact_spans():
    a, b = art("A", LEFT), art("B", RIGHT)
    runs = verbatim_runs(a, b)
    assert run_texts(a, b, runs) == [(SHARED, SHARED)]
    assert runs[0].words == 12 and runs[0].imperfections == 0


@pytest.mark.parametrize("min_words, found", [(4, True), (5, True), (6, False), (8, False)])
def test_min_words(min_words, found):
    a = art("A", "Yesterday a small red boat sank quietly near here.")
    b = art("B", "We saw that a small red boat sank in the storm.")
    runs = verbatim_runs(a, b, ReuseOptions(min_words=min_words))
    assert bool(runs) is found
    if found:
        assert a.text[runs[0].a_start:runs[0].a_end] == "a small red boat sank"


@pytest.mark.parametrize("max_imperfections, n_runs, imperfections", [(0, 2, 0), (1, 1, 1), (2, 1, 1)])
def test_imperfections_bridge_one_changed_word(max_imperfections, n_runs, imperfections):
    a = art("A", "one two three four five six seven CHANGED eight nine ten eleven twelve thirteen fourteen")
    b = art("B", "one two three four five six seven other eight nine ten eleven twelve thirteen fourteen")
    runs = verbatim_runs(a, b, ReuseOptions(max_imperfections=max_imperfections))
    assert len(runs) == n_runs
    assert sum(r.words for r in runs) == 14
    assert runs[0].imperfections == imperfections


def test_imperfections_budget_is_per_run():
    words = [f"w{k}" for k in range(30)]
    b_words = list(words)
    for k in (6, 13, 20):  # three single-word changes, 6 matching words apart
        b_words[k] = "x"
    a, b = art("A", " ".join(words)), art("B", " ".join(b_words))
    runs = verbatim_runs(a, b, ReuseOptions(max_imperfections=2))
    assert all(r.imperfections <= 2 for r in runs)
    assert len(runs) == 2
    assert runs[0].a_start == 0 and runs[-1].a_end == len(a.text)


@pytest.mark.parametrize("a_text, b_text, options, found", [
    ("The Quick Brown Fox Jumps Over Lazy Dogs", "the quick brown fox jumps over lazy dogs", ReuseOptions(), True),
    ("The Quick Brown Fox Jumps Over Lazy Dogs", "the quick brown fox jumps over lazy dogs",
     ReuseOptions(ignore_case=False), False),
    ("fox, jumps; over the lazy dog's back", "fox jumps over the lazy dogs back", ReuseOptions(), True),
    ("fox, jumps; over the lazy dog's back", "fox jumps over the lazy dogs back",
     ReuseOptions(ignore_punctuation=False), False),
    ("he paid 24 pounds for 3 old maps today", "he paid 25 pounds for 4 old maps today",
     ReuseOptions(max_imperfections=0), False),
    ("he paid 24 pounds for 3 old maps today", "he paid 25 pounds for 4 old maps today",
     ReuseOptions(max_imperfections=0, ignore_numbers=True), True),
])
def test_ignore_options(a_text, b_text, options, found):
    runs = verbatim_runs(art("A", a_text), art("B", b_text), options)
    assert bool(runs) is found
    if found:
        assert runs[0].words == len(b_text.split())


def test_unspaced_text_and_non_bmp_offsets():
    prefix = "😀 emoji first. "
    a = art("A", prefix + SHARED)
    b = art("B", SHARED + " 😀")
    (run,) = verbatim_runs(a, b)
    assert a.text[run.a_start:run.a_end] == SHARED == b.text[run.b_start:run.b_end]


VOCAB = st.sampled_from(["alpha", "Beta", "gamma,", "delta", "EPS", "zeta.", "eta", "12", "theta"])


@settings(max_examples=60, deadline=None)
@given(st.lists(VOCAB, min_size=0, max_size=60), st.lists(VOCAB, min_size=0, max_size=60),
       st.integers(min_value=2, max_value=7), st.integers(min_value=0, max_value=3),
       st.booleans(), st.booleans())
def test_run_sides_match_after_folding(wa, wb, min_words, k, ignore_case, ignore_punct):
    opts = ReuseOptions(min_words=min_words, max_imperfections=k, ignore_case=ignore_case,
                        ignore_punctuation=ignore_punct)
    a, b = art("A", " ".join(wa)), art("B", " ".join(wb))
    ka, kb = article_keys(a, opts), article_keys(b, opts)
    for r in verbatim_runs(a, b, opts):
        in_a = [key for key, s in zip(ka.keys, ka.starts) if r.a_start <= s < r.a_end]
        in_b = [key for key, s in zip(kb.keys, kb.starts) if r.b_start <= s < r.b_end]
        assert r.words >= min_words and r.imperfections <= k
        assert in_a[0] == in_b[0] and in_a[-1] == in_b[-1]       # runs start and end on a match
        assert len(in_a) - r.words <= k and len(in_b) - r.words <= k
        if k == 0:
            assert in_a == in_b                                 # exact runs: both sides equal


@settings(max_examples=40, deadline=None)
@given(st.lists(VOCAB, max_size=50), st.lists(VOCAB, max_size=50))
def test_similarity_symmetric_and_bounded(wa, wb):
    a, b = art("A", " ".join(wa)), art("B", " ".join(wb))
    ab, ba = analyse_pair(a, b), analyse_pair(b, a)
    assert 0.0 <= ab.similarity <= 1.0
    assert ab.similarity == pytest.approx(ba.similarity, abs=0.02)
    assert all(0.0 <= v <= 1.0 for v in ab.verbatim.values())


STORY = ("The city council voted on Monday to close the old library on Mill Street. "
         "Councillors said the building needed repairs costing more than two million pounds. "
         "Residents collected four thousand signatures against the closure last month. "
         "The library will shut its doors at the end of the year, and its books will move to the town hall. "
         "A public meeting about the decision is planned for next week at the community centre.")
OTHER = ("Heavy rain flooded several farms in the valley over the weekend. "
         "Farmers said the water rose faster than anyone could remember. "
         "Emergency crews used boats to rescue sheep stranded on a small hill. "
         "The river is expected to fall slowly during the coming days.")


def test_copy_is_wholly_derived_and_identical_similarity_one():
    r = analyse_pair(art("A", STORY), art("B", STORY))
    assert r.similarity == 1.0 and r.verbatim == {"A": 1.0, "B": 1.0}
    assert r.label == WHOLLY and r.derived in ("A", "B")


def test_unrelated_is_independent():
    r = analyse_pair(art("A", STORY), art("B", OTHER))
    assert r.label == INDEPENDENT and r.derived is None
    assert r.similarity < 0.05 and not r.runs


def test_excerpt_is_the_derived_side():
    excerpt = " ".join(STORY.split(". ")[:2]) + "."
    r = analyse_pair(art("A", STORY + " " + OTHER), art("B", excerpt))
    assert r.derived == "B" and r.label in (WHOLLY, PARTIALLY)
    assert r.verbatim["B"] > r.verbatim["A"]


def features(share: float, words: int) -> DerivationFeatures:
    return DerivationFeatures(share, share, share, share, share, words)


RANK = {INDEPENDENT: 0, PARTIALLY: 1, WHOLLY: 2}


@pytest.mark.parametrize("model", [MODEL, PAIR_MODEL])
@pytest.mark.parametrize("words", [20, 100, 400, 2000, 20_000])
def test_model_extremes(model, words):
    """Nothing shared is independent and everything shared is wholly derived, at any length."""
    assert model.label(features(0.0, words)) == INDEPENDENT
    assert model.label(features(1.0, words)) == WHOLLY
    assert model.probabilities(features(0.0, words))[0] < 0.5 < model.probabilities(features(1.0, words))[0]


@pytest.mark.parametrize("model", [MODEL, PAIR_MODEL])
@given(st.floats(0, 1), st.floats(0, 1), st.integers(1, 100_000))
def test_model_is_monotone(model, lo, hi, words):
    """Sharing more never lowers the label or the score; neither does being shorter."""
    lo, hi = sorted((lo, hi))
    assert RANK[model.label(features(lo, words))] <= RANK[model.label(features(hi, words))]
    assert RANK[model.label(features(lo, words * 2))] <= RANK[model.label(features(lo, words))]
    assert model.probabilities(features(lo, words))[0] <= model.probabilities(features(hi, words))[0]


def test_story_from_two_versions_is_wholly_derived_from_both_together(prose):
    take1, take2, other = (prose(seed, 700) for seed in (1, 2, 3))
    story = art("S", take1[:len(take1) // 2] + " " + take2[:len(take2) // 2])
    versions = [art("P1", take1), art("P2", take2)]
    together = derivation(story, versions)
    assert together.label == WHOLLY
    assert together.score > max(derivation(story, v).score for v in versions)
    assert all(derivation_features(story, v).runs < 0.6 for v in versions)
    assert derivation_features(story, versions).runs > 0.95
    assert derivation(art("O", other), versions).label == INDEPENDENT


def test_several_sources_do_not_join_across_their_seam():
    """A run may not start in one source and go on in the next."""
    a, b = art("P1", "one two three four five six"), art("P2", "seven eight nine ten eleven")
    story = art("S", "four five six seven eight nine")
    assert derivation_features(story, [a, b]).runs == 0.0
    assert derivation_features(story, [art("J", a.text + " " + b.text)]).runs == 1.0


def test_analyse_pair_is_deterministic():
    a, b = art("A", STORY), art("B", RIGHT + " " + STORY[:200])
    first, second = analyse_pair(a, b), analyse_pair(a, b)
    assert isinstance(first, PairReuse) and first == second


PARAS = [
    "The storm reached the coast before dawn. Power lines fell across three villages.",
    "Schools stayed closed for the whole day. Parents were told to keep children at home.",
    "By evening the wind had dropped sharply. Engineers began repairing the damaged lines.",
    "Officials praised the volunteers who cleared the roads. Many of them worked through the night.",
]


def test_moved_paragraph_is_one_move():
    a = art("A", "\n".join(PARAS))
    b = art("B", "\n".join([PARAS[0], PARAS[2], PARAS[3], PARAS[1]]))
    moves = find_moves(a, b)
    assert len(moves) == 1
    (m,) = moves
    assert a.text[m.a_start:m.a_end] == PARAS[1] == b.text[m.b_start:m.b_end]


def test_no_moves_in_same_order():
    a = art("A", "\n".join(PARAS))
    b = art("B", "\n".join(PARAS[:3]))
    assert find_moves(a, b) == []
    assert analyse_pair(a, b).moves == ()


KEY_TEXT = st.text(alphabet=st.sampled_from(list("abC é\u0301\n\t.,'’-1234:;\"“U漢字 \u00a0\u2009")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(KEY_TEXT, st.booleans(), st.booleans(), st.booleans())
def test_word_keys_match_the_tokenizer(text, ignore_case, ignore_punct, ignore_numbers):
    """The fast key path (no Token objects) sees the words `tokenize` sees."""
    from viewer.core.reuse.verbatim import word_key, word_keys
    from viewer.core.text.tokens import tokenize
    opts = ReuseOptions(ignore_case=ignore_case, ignore_punctuation=ignore_punct,
                        ignore_numbers=ignore_numbers)
    toks = tokenize(text)
    words = [t for t in toks if t.is_word]
    trailing = []
    for t in toks:
        if t.is_word:
            trailing.append("")
        elif t.kind != "space" and trailing:
            trailing[-1] += t.text
    keys = word_keys(text, opts)
    assert keys.starts == tuple(t.start for t in words) and keys.ends == tuple(t.end for t in words)
    assert keys.keys == tuple(word_key(t.text, opts, p) for t, p in zip(words, trailing))


def test_pair_label_same_as_relation_alone():
    """analyse_pair shares its run search with the label; the label must not change."""
    from viewer.core.reuse.relation import relation
    for a, b in [(art("A", STORY), art("B", STORY + " " + OTHER)),
                 (art("A", RIGHT + " " + STORY[:200]), art("B", STORY)),
                 (art("A", STORY), art("B", OTHER))]:
        found, alone = analyse_pair(a, b), relation(a, b)
        assert (found.label, found.derived, found.derivation_score) == (alone.label, alone.derived, alone.score)
