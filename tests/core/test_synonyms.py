"""The offline WordNet synonym resource: inflection, symmetry, and words that are not synonyms."""

import pytest

from viewer.core.text.synonyms import (
    are_synonyms, lemma_senses, lemmas, singular, synonym_score, synonym_senses, synonyms,
)


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


@pytest.mark.parametrize("word", ["soldiers", "said", "attack", "visit", "growing", "weapons", "qwrtzp"])
def test_synonyms_are_the_lemmas_of_synonym_senses(word):
    # The bulk gate tests forms by senses (lemma_senses meets synonym_senses) instead of word sets.
    candidates = synonyms(word) | {"war", "help", "minister", "trip", "missile", "zzz"}
    by_senses = {f for f in candidates if lemma_senses(f) & synonym_senses(word)} | (lemmas(word) & candidates)
    assert by_senses == synonyms(word)


@pytest.mark.parametrize(
    "plural, singular_form",
    [("foxes", "fox"), ("Women", "woman"), ("men", "man"), ("glasses", "glass"), ("movies", "movie"),
     ("years", "year"), ("bosses", "boss"), ("boss", "boss"), ("news", "news"), ("mph", "mph"),
     ("quokkas", "quokka")],
)
def test_singular_of_plural_nouns(plural, singular_form):
    assert singular(plural) == singular_form


def test_table_read_in_blocks_equals_a_read_line_by_line():
    """The loader splits the synset and word blocks in bulk; every line of the shipped table,
    read one by one, gives the same synsets, words and irregular forms."""
    import gzip

    from viewer.core.text.synonyms import _WordNet
    from viewer.core.util.bundled import synonym_table_path

    synsets, words, irregular = [], {}, {}
    for line in gzip.decompress(synonym_table_path().read_bytes()).decode("utf-8").split("\n"):
        kind, *cells = line.split("\t")
        if kind == "S":
            synsets.append(line)
        elif kind == "W":
            words[cells[0]] = cells[1]
        elif kind == "X":
            irregular.setdefault(cells[0], {}).setdefault(cells[1], []).append(cells[2])
    table = _WordNet()
    assert table._synsets == synsets and len(synsets) > 100_000
    assert table._words == words and len(words) > 80_000
    assert {pos: found for pos, found in table.irregular.items() if found} == irregular
    assert table.lemmas(0) and table.senses("soldier", "n")
