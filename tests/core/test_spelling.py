"""One spelling for matching: British/American variants and transliterated names."""

from __future__ import annotations

import pytest

from viewer.core.claims.matcher import same_claim
from viewer.core.claims.statement import make_statement
from viewer.core.text.spelling import match_form, name_form, name_parts


@pytest.mark.parametrize("british, american", [
    ("defence", "defense"), ("organised", "organized"), ("organisation", "organization"),
    ("criticising", "criticizing"), ("colour", "color"), ("favourite", "favorite"),
    ("labour", "labor"), ("centre", "center"), ("centred", "centered"), ("kilometres", "kilometers"),
    ("travelled", "traveled"), ("cancelling", "canceling"), ("catalogue", "catalog"),
    ("programme", "program"), ("judgement", "judgment"), ("burnt", "burned"), ("learnt", "learned"),
])
def test_british_and_american_spellings_meet(british, american):
    assert match_form(british) == match_form(american)


@pytest.mark.parametrize("word", [
    "promise", "surprised", "exercise", "advertising", "otherwise", "four", "hour", "your", "tour",
    "rise", "revised", "premises", "metro", "label", "total", "visited", "crisis",
])
def test_words_that_only_look_like_variants_stay(word):
    assert match_form(word) == word


@pytest.mark.parametrize("a, b", [
    ("zelensky", "zelenskyy"), ("zelenskiy", "zelensky"), ("yanukovych", "yanukovych"),
])
def test_transliterated_names_meet(a, b):
    assert name_form(a) == name_form(b)


@pytest.mark.parametrize("a, b", [("putin", "biden"), ("kim", "kin"), ("korea", "kenya"), ("annie", "anny"),
                                  ("russia", "rusia")])
def test_different_names_stay_apart(a, b):
    assert name_form(a) != name_form(b)


def test_name_parts():
    assert name_parts("yong-hyun") == ["yong", "hyun"]
    assert name_parts("putin") == []


@pytest.mark.parametrize("a, b", [
    ("President Zelensky thanked the Defence Ministry for its help.",
     "President Zelenskyy thanked the Defense Ministry for its help."),
    ("South Korea's Defence Minister Kim Yong-hyun echoed these concerns.",
     "South Korea's Defense Minister Kim Yong Hyun echoed these concerns."),
    ("The organisers travelled to the theatre centre.", "The organizers traveled to the theater center."),
])
def test_spelling_variants_give_the_same_matching_keys(a, b):
    sa, sb = make_statement(0, 0, len(a), a), make_statement(1, 0, len(b), b)
    assert sa.keys == sb.keys
    assert same_claim(sa, sb) > 0
