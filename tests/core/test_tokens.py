"""Tokens: Unicode-aware words with exact code-point offsets."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.text.tokens import count_words, fold, pieces, tokenize, words


@pytest.mark.parametrize("text, expected", [
    ("Zelenskyy’s plan", ["Zelenskyy’s", "plan"]),
    ("It's 1,000 troops and 2.5 tonnes", ["It's", "1,000", "troops", "and", "2.5", "tonnes"]),
    ("Kim Yong-hyun met", ["Kim", "Yong-hyun", "met"]),
    ("café naïve Ärger", ["café", "naïve", "Ärger"]),
    ("the U.S. said", ["the", "U.S.", "said"]),
    ("नमस्ते दुनिया", ["नमस्ते", "दुनिया"]),  # combining marks stay inside words
    ("مرحبا بالعالم", ["مرحبا", "بالعالم"]),
    ("end. Next", ["end", "Next"]),
    ("a -- b", ["a", "b"]),
    ("-5 degrees", ["5", "degrees"]),
])
def test_words(text, expected):
    assert [t.text for t in words(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("北京是首都", ["北", "京", "是", "首", "都"]),
    ("東京タワー", ["東", "京", "タ", "ワ", "ー"]),
    ("ภาษาไทย", list("ภาษาไทย")),
])
def test_unspaced_scripts_are_split_per_character(text, expected):
    assert [t.text for t in words(text)] == expected


@given(st.text())
def test_tokens_cover_text_exactly(text):
    toks = tokenize(text)
    assert "".join(t.text for t in toks) == text
    pos = 0
    for t in toks:
        assert t.start == pos and text[t.start:t.end] == t.text and t.end > t.start
        pos = t.end
    assert pieces(text) == [t.text for t in toks]


_TRICKY = st.sampled_from(list("ab1,.'’- \n\x1c\u00a0北Ü\u0301U.S5"))


@given(st.text() | st.text(alphabet=_TRICKY, max_size=60))
def test_tokenize_equals_one_token_per_match(text):
    """`tokenize` builds its tokens in bulk; each is the pattern's match there, of the same kind."""
    from viewer.core.text.tokens import Token, iter_tokens
    toks = tokenize(text)
    assert toks == list(iter_tokens(text)) and all(type(t) is Token for t in toks)
    assert [t.kind for t in toks] == [t.kind for t in iter_tokens(text)]


def test_count_and_fold():
    assert count_words("One, two; three.") == 3
    assert fold("“Ünïcode”’s") == fold('"ünïcode"\'S')
    assert fold("ﬁne") == "fine"  # NFKC ligature


@given(st.text(alphabet=st.sampled_from(list("ab1,.'’- \n北Ü\u0301U.S")), max_size=40))
def test_count_words_matches_tokens(text):
    assert count_words(text) == len(words(text))


def test_word_texts_are_the_word_tokens():
    from viewer.core.text.tokens import word_texts
    text = "Dr. Smith’s café—open 24/7! 東京 U.S.-made e-mail"
    assert word_texts(text) == [t.text for t in words(text)]
