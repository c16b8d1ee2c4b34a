"""Encoding detection on the multilingual corpus (tests/data/encodings): exact text, honest flags."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from encoding_bench import WESTERN, corpus  # noqa: E402

from viewer.core.formats.text import read  # noqa: E402

# The main corpus, and the held-out one written after the guesser was tuned on the first.
FILES = corpus() + corpus(ROOT / "tests" / "data" / "encodings-heldout")


def _ascii_letters(text: str) -> list[str]:
    return [ch for ch in text if ch.isascii() and ch.isalpha()]


def test_corpus_covers_every_encoding_long_and_short():
    encodings = {enc for _, enc, _, _, _ in FILES}
    assert {"utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-16-le-bom", "utf-16-be-bom",
            "windows-1252", "iso-8859-1", "iso-8859-15", "windows-1250", "windows-1251",
            "koi8-r", "iso-8859-7", "windows-1254", "shift_jis", "euc-jp", "gb18030",
            "euc-kr"} <= encodings
    for enc in encodings:
        assert {short for _, e, _, _, short in FILES if e == enc} == {False, True}, enc


def test_at_least_95_percent_of_the_corpus_decodes_exactly():
    exact = sum(read(path.read_bytes()).text == expected for path, _, _, expected, _ in FILES)
    assert exact / len(FILES) >= 0.95


def test_every_western_miss_keeps_ascii_letters_and_is_flagged():
    for path, _, lang, expected, _ in FILES:
        if lang not in WESTERN:
            continue
        found = read(path.read_bytes())
        if found.text != expected:
            assert _ascii_letters(found.text) == _ascii_letters(expected), path.name
            assert found.uncertain, path.name
        assert found.encoding not in ("windows-1250", "iso-8859-2"), path.name


@pytest.mark.parametrize("encoding", ["shift_jis", "euc-jp", "gb18030", "euc-kr", "koi8-r",
                                      "iso-8859-7", "windows-1254"])
def test_each_non_western_encoding_is_named_on_its_long_texts(encoding):
    long_files = [(p, exp) for p, enc, _, exp, short in FILES if enc == encoding and not short]
    assert long_files
    for path, expected in long_files:
        found = read(path.read_bytes())
        assert found.encoding == encoding and found.text == expected and not found.uncertain


def test_the_issue_examples():
    # Reported as read wrong: Turkish as Latin-1, Western as Windows-1250, CJK/Greek/KOI8 as 1251.
    turkish = "Belediye Başkanı yeni metro hattının açılışını yaptı ve konuştu.\n"
    assert read(turkish.encode("cp1254")).text == turkish
    western = "Mayors of São Paulo and Zürich had a sense of déjà vu on Tuesday.\n"
    found = read(western.encode("latin-1"))
    assert found.text == western and found.encoding == "iso-8859-1"


@pytest.mark.parametrize("sign,sure", [
    ("The council agreed to pay £14,000 in damages to the family, a court heard yesterday.", True),
    # Windows-1250 reads "2˝ years": another odd sign, so one character tells them apart
    ("He was jailed for 2½ years at the Old Bailey after admitting the robbery.", False),
    ("The fees rose to £2.5 million, and the landlord kept a ¥500 note as a souvenir.", True),
    ("Detectives said the café owner had been questioned twice before the fire.", True),
    ("Her fiancé told the inquest that the £250 ring was never found.", True),
])
def test_an_english_story_with_one_sign_or_accent_is_read_as_western(sign, sure):
    """British copy in Latin-1 whose only non-ASCII byte is a pound sign, a fraction or one
    accent: "£14,000" is not the Polish "Ł14,000", "2½" not "2œ", "café" not Cyrillic "cafИ";
    the guess is sure of it unless another reading differs only by one odd sign."""
    story = ("Police were called to the house in north London shortly after midnight, where "
             "they found the door forced and the rooms searched. Neighbours said they had heard "
             f"nothing unusual during the evening. {sign} The case was adjourned until next month, "
             "when the two men are expected to enter their pleas before the same judge.\n")
    found = read(story.encode("latin-1"))
    assert found.text == story and found.encoding in ("iso-8859-1", "windows-1252")
    assert not (sure and found.uncertain)


def test_plain_ascii_is_utf8_and_certain():
    found = read(b"Plain words only.\n")
    assert (found.encoding, found.uncertain) == ("utf-8", False)


def test_a_forced_encoding_is_never_uncertain():
    found = read("Θεσσαλονίκη".encode("iso-8859-7"), "windows-1251")
    assert found.encoding == "windows-1251" and not found.uncertain


@pytest.mark.parametrize("name,encoding", [("zh-1", "gb18030"), ("ja-2", "euc-jp"),
                                           ("ru-2", "koi8-r"), ("pl-1", "windows-1250")])
def test_a_long_file_is_guessed_from_its_start_and_decoded_whole(name, encoding):
    source = (ROOT / "tests" / "data" / "encodings" / "source" / f"{name}.txt").read_text("utf-8")
    text = source * 80  # past the 16 KB the guesser looks at, cut inside a character
    found = read(text.encode(encoding))
    assert found.text == text and found.encoding == encoding
