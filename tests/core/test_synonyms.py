"""The offline WordNet synonym resource: inflection, symmetry, and words that are not synonyms."""

import pytest

from viewer.core.text.synonyms import are_synonyms, lemmas, synonym_score, synonyms


@pytest.mark.parametrize(
    "a, b",
    [
        ("mentioned", "said"),
        ("troopers", "soldiers"),
        ("battle", "war"),
        ("gentle", "light"),
        ("growing", "increasing"),
        ("assist", "help"),
        ("nation", "country"),
        ("purchased", "bought"),
        ("large", "big"),
        ("Faux", "fake"),
        ("attacks", "assaulted"),
        ("rose", "increased"),
        ("children", "kids"),
    ],
)
def test_synonym_pairs_match_both_ways(a, b):
    assert are_synonyms(a, b)
    assert are_synonyms(b, a)
    assert synonym_score(a, b) == synonym_score(b, a) >= 0.75


@pytest.mark.parametrize(
    "a, b",
    [
        ("dog", "banana"),
        ("up", "down"),
        ("Monday", "Tuesday"),
        ("black", "white"),
        ("man", "woman"),
        ("the", "house"),
        ("zxqv", "help"),
    ],
)
def test_unrelated_or_opposite_words_are_not_synonyms(a, b):
    assert not are_synonyms(a, b)


@pytest.mark.parametrize(
    "form, lemma",
    [("troopers", "trooper"), ("mentioned", "mention"), ("said", "say"), ("children", "child"),
     ("geese", "goose"), ("running", "run"), ("bigger", "big")],
)
def test_lemmas_handle_inflection(form, lemma):
    assert lemma in lemmas(form)


def test_synonyms_returns_folded_words_including_lemma():
    found = synonyms("Soldiers")
    assert "soldier" in found and "trooper" in found
    assert all(w == w.casefold() for w in found)


def test_identical_words_score_one_even_if_unknown():
    assert synonym_score("Zelenskyy", "zelenskyy") == 1.0
    assert synonym_score("qwrtzp", "plmokn") == 0.0
