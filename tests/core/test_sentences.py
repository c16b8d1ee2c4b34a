"""Sentence segmentation: offsets, news abbreviations, quotes, and the fast path agreeing with pysbd."""

import pytest

from viewer.core.text import sentences
from viewer.core.text.sentences import split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The rain stopped. Crowds returned to the square.",
         ["The rain stopped.", "Crowds returned to the square."]),
        ("Mr. Lopez met U.S. officials on Oct. 13 in Lima. Talks went well.",
         ["Mr. Lopez met U.S. officials on Oct. 13 in Lima.", "Talks went well."]),
        ("“We are tired. We want peace,” the farmer said. Nobody answered.",
         ["“We are tired. We want peace,” the farmer said.", "Nobody answered."]),
        ("Headline without a stop\nBody text here. More body text.",
         ["Headline without a stop", "Body text here.", "More body text."]),
        ("Le maire a parlé. Les habitants ont applaudi.", ["Le maire a parlé.", "Les habitants ont applaudi."]),
    ],
)
def test_split_sentences(text, expected):
    found = split_sentences(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start:s.end] == s.text for s in found)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The river rose overnight. Residents left their homes before dawn. Nobody was hurt.",
        "“It was terrible. We lost everything,” said one resident. Help arrived later.",
        "The council voted! The motion passed? Nobody knew.",
    ],
)
def test_fast_path_agrees_with_pysbd(paragraph, monkeypatch):
    fast = [(s.start, s.end) for s in split_sentences(paragraph)]
    monkeypatch.setattr(sentences, "_fast_split", lambda par: None)
    split_sentences.cache_clear()
    assert [(s.start, s.end) for s in split_sentences(paragraph)] == fast
