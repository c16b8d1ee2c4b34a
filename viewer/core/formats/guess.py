"""Which legacy encoding a text file is in: every candidate decoding scored as text of a language.

Each code page in `LEGACY_ENCODINGS` that decodes the bytes without error is
scored by how plausible its result is as text of one of the languages written
in that code page:

- **fit** (0..1): for Latin code pages, the share of non-ASCII letters that
  belong to the alphabet of one single language of the code page (so Western
  text read as Windows-1250 gives "Săo", "déjŕ": letters no one language has
  together); for Cyrillic and Greek, the share of letters in that script times
  charset-normalizer's coherence (letter frequencies of the language); for
  Japanese, Chinese and Korean, the share of letters in the script with the
  language's signature (kana, Han characters of GB2312 among the commonest,
  Hangul in short words).
- **bad** (per word): words mixing scripts or case in the middle (a wrong
  code page), symbols stuck to letters, rare symbols, half-width katakana
  soup, plus charset-normalizer's mess ratio.

The best score wins; on a tie (the decodings are the same text, or equally
good) the earlier code page in `LEGACY_ENCODINGS` wins, so Western European
text stays in Windows-1252. The guess is *uncertain* when a decoding giving
another text scores close, or when the winner itself is a poor fit.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..util import patterns

# What the guesser may choose from, in order of preference on a tie.
LEGACY_ENCODINGS: tuple[str, ...] = (
    "windows-1252", "iso-8859-15", "windows-1250", "windows-1254", "windows-1251", "koi8-r",
    "iso-8859-7", "shift_jis", "euc-jp", "gb18030", "euc-kr")

# Lower-case non-ASCII letters of the languages commonly written in each Latin code page.
_WESTERN = {"fr": "àâæçéèêëîïôœùûüÿ", "de": "äöüß", "es": "áéíñóúü", "pt": "àáâãçéêíóôõúü",
            "it": "àèéìíîòóù", "ca": "àçèéíïòóúü", "nl": "áéëïóöüè", "da": "æøåé", "sv": "åäöé",
            "fi": "äöå"}
_CENTRAL = {"pl": "ąćęłńóśźż", "cs": "áčďéěíňóřšťúůýž", "sk": "áäčďéíĺľňóôŕšťúýž",
            "hu": "áéíóöőúüű", "hr": "čćđšž", "sl": "čšž", "ro": "ăâîşţșț", "de": "äöüß"}
_TURKISH = {"tr": "çğıöşüâîû", **_WESTERN}
_LANGUAGE_NAMES = {"fr": "French", "de": "German", "es": "Spanish", "pt": "Portuguese",
                   "it": "Italian", "nl": "Dutch", "da": "Danish", "sv": "Swedish", "fi": "Finnish",
                   "pl": "Polish", "cs": "Czech", "sk": "Slovak", "hu": "Hungarian",
                   "hr": "Croatian", "sl": "Slovene", "ro": "Romanian", "tr": "Turkish"}
ALPHABETS: dict[str, dict[str, str]] = {
    "windows-1252": _WESTERN, "iso-8859-15": _WESTERN, "windows-1250": _CENTRAL,
    "windows-1254": _TURKISH}
# Languages charset-normalizer scores the letter frequencies of, per non-Latin code page.
_LANGUAGES = {"windows-1251": ("Russian", "Ukrainian", "Bulgarian", "Serbian"),
              "koi8-r": ("Russian", "Ukrainian", "Bulgarian"), "iso-8859-7": ("Greek",)}
_SCRIPT = {"windows-1251": "Cyrillic", "koi8-r": "Cyrillic", "iso-8859-7": "Greek"}

_WORD_RE = patterns.compile(r"[^\s\p{P}]*\p{L}[^\s\p{P}]*")
_STRAY_RE = patterns.compile(r"\p{L}[\x80-\xbf\u2020\u2021\u02c6\u2030\u02dc\u2122\u02c7\u02d8\u02db"
                             r"\u02d9\u02dd]|[\x80-\xa0\xa2-\xbe\u2020\u2021\u02c6\u2030\u02dc\u2122"
                             r"\u02c7\u02d8\u02db\u02d9\u02dd]\p{L}")
_RARE_RE = patterns.compile(r"[\xa4\xa6\xa8\xb4\xb8\xbc-\xbe\xb9\xb3\xb2\xaf\u02c7\u02d8\u02db\u02d9"
                            r"\u02dd\u2021\u2030\u2039\u203a\xac\xb6\xb1\xf7\xaa\xba\xa5\u0192\xa2]")
_CJK_RE = patterns.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# Symbols a wrong code page makes (box drawing, maths, ...) unless common in prose.
_ODD_CATEGORIES = frozenset(("So", "Sm", "Sk", "No"))
_COMMON_SYMBOLS = frozenset("€£¥©®°§•…–—‘’‚“”„«»™×·¡¿\xa0′″±÷¹²³½¼¾〃〆々〒〓※")
_CAMEL_RE = patterns.compile(r"\p{Ll}\p{Lu}")
_HALFWIDTH_RE = patterns.compile(r"[\uff61-\uff9f]")
_LATIN_RE = patterns.compile(r"\p{Latin}")
_UNREADABLE_RE = patterns.compile(r"[\p{Cc}\p{Cs}\p{Co}\p{Cn}\ufffd--[\t\n\r\f\x1b]]", regex.V1)
_LETTER_RE = patterns.compile(r"\p{L}")
_KANA_RE = patterns.compile(r"[\p{Hiragana}\p{Katakana}]")
_HAN_RE = patterns.compile(r"\p{Han}")
_HANGUL_RE = patterns.compile(r"\p{Hangul}")
_HANGUL_RUN_RE = patterns.compile(r"\p{Hangul}+")


@lru_cache(maxsize=None)
def _common(language: str, n: int = 100) -> frozenset:
    """The language's `n` commonest letters, from charset-normalizer's frequency tables."""
    from charset_normalizer.constant import FREQUENCIES
    return frozenset(FREQUENCIES.get(language, ())[:n])


@dataclass(frozen=True)
class Guess:
    """A scored decoding: its encoding, text, score, fit to a language and faults per word."""

    encoding: str
    text: str
    score: float
    fit: float
    bad: float


def unreadable_share(text: str) -> float:
    """Share of characters no reader can see (controls, unassigned, replacement)."""
    if not text:
        return 0.0
    return sum(1 for _ in _UNREADABLE_RE.finditer(text)) / len(text)


def _faults(text: str, words: list[str]) -> float:
    """Faults per word that a wrong code page makes."""
    bad = 0
    for word in words:
        letters = [ch for ch in word if ch.isalpha()]
        latin = [_LATIN_RE.match(ch) is not None for ch in letters]
        if any(latin) and not all(latin) and not _CJK_RE.search(word):
            bad += 1  # Latin and another script in one word (CJK text runs on without spaces)
        elif _STRAY_RE.search(word):
            bad += 1  # a symbol such as ³ or ¤ stuck to a letter
        elif all(latin) and len(letters) >= 3 and not any(ch.isascii() for ch in letters):
            bad += 1  # a Latin word without one plain letter: Cyrillic read as 1252
        elif not word.isascii() and _CAMEL_RE.search(word):
            bad += 1  # "нПУЛЧЕ": upper case in the middle of a non-ASCII word
    rare = len(_RARE_RE.findall(text)) + sum(
        1 for ch in text if ch >= "\x80" and unicodedata.category(ch) in _ODD_CATEGORIES
        and ch not in _COMMON_SYMBOLS)
    bad += 0.5 * rare + len(_HALFWIDTH_RE.findall(text))
    return bad / max(1, len(words))


def _glued_to_number(text: str, at: int) -> bool:
    """Whether the letter at `at` sits where a sign would: right before a digit, or right after
    one and not followed by a letter ("2ème" is a word, "2œ years" is not)."""
    after = text[at + 1:at + 2]
    return after.isdigit() or (at > 0 and text[at - 1].isdigit() and not after.isalpha())


def _latin_fit(text: str, alphabets: dict[str, str]) -> float:
    """Share of non-ASCII letters that one language of the code page writes, plus a little
    (up to 0.05) for how many of them are among that language's commonest letters. A letter
    glued to a number counts as no language's: it is a sign read in the wrong code page
    (Windows-1252's "£14,000" and "2½ years" are Windows-1250's "Ł14,000" and ISO-8859-15's
    "2œ years"), so one such sign cannot make another reading win."""
    found = [(m.group().lower(), _glued_to_number(text, m.start())) for m in _LETTER_RE.finditer(text)
             if not m.group().isascii()]
    if not found:
        return 1.0
    best = 0.0
    for lang, alpha in alphabets.items():
        covered = sum(ch in alpha and not glued for ch, glued in found) / len(found)
        common = _common(_LANGUAGE_NAMES.get(lang, ""), 26)
        frequent = sum(ch in common for ch, _ in found) / len(found)
        best = max(best, covered + 0.05 * frequent)
    return best


def _script_fit(text: str, encoding: str) -> float:
    """Share of non-ASCII letters in the code page's script, times how many of them are among
    the ten commonest letters of one of its languages (about 60 % in real text, far fewer when
    another alphabet's code points are read as this one). A letter inside a Latin word or glued
    to a number counts as outside the script (English "café" read as KOI8-R is "cafИ"), and a
    reading that makes no letter at all fits not at all (Cyrillic and Greek text has letters)."""
    script = patterns.compile(rf"\p{{{_SCRIPT[encoding]}}}")
    letters, inside = [], 0
    for m in _WORD_RE.finditer(text):
        word = m.group()
        latin = _LATIN_RE.search(word) is not None
        for k, ch in enumerate(word):
            if ch.isalpha() and not ch.isascii():
                letters.append(ch.lower())
                inside += (not latin and script.match(ch) is not None
                           and not _glued_to_number(text, m.start() + k))
    if not letters:
        return 0.0 if not text.isascii() else 1.0
    share = inside / len(letters)
    top = max(sum(1 for ch in letters if ch in _common(lang, 10)) / len(letters)
              for lang in _LANGUAGES[encoding])
    return share * min(1.0, 0.2 + top / 0.5)


def _cjk_fit(text: str, encoding: str) -> float:
    """How much the letters look like Japanese, Chinese or Korean text of that code page (not
    at all when no character it made is a letter: "£" read as Shift-JIS is a lone "｣")."""
    letters = [ch for ch in _LETTER_RE.findall(text) if not ch.isascii()]
    if not letters:
        return 0.0 if not text.isascii() else 1.0
    kana = sum(1 for ch in letters if _KANA_RE.match(ch) and not _HALFWIDTH_RE.match(ch))
    han = [ch for ch in letters if _HAN_RE.match(ch)]
    hangul = sum(1 for ch in letters if _HANGUL_RE.match(ch))
    n = len(letters)
    if encoding in ("shift_jis", "euc-jp"):
        share = (kana + len(han)) / n
        return share * (1.0 if kana >= max(1, 0.1 * n) else 0.5)
    if encoding == "gb18030":
        if not han:
            return 0.0
        common = sum(1 for ch in han if ch in _common("Chinese")) / len(han)
        return len(han) / n * min(1.0, 0.4 + 4 * common)
    runs = _HANGUL_RUN_RE.findall(text)  # euc-kr
    short_words = sum(1 for r in runs if len(r) <= 8) / max(1, len(runs))
    common = sum(1 for ch in letters if ch in _common("Korean")) / n
    return hangul / n * short_words * min(1.0, 0.8 + 3 * common)


def _fit(text: str, encoding: str) -> float:
    if encoding in ALPHABETS:
        return _latin_fit(text, ALPHABETS[encoding])
    if encoding in _SCRIPT:
        return _script_fit(text, encoding)
    return _cjk_fit(text, encoding)


def score(text: str, encoding: str) -> Guess:
    """Score one decoding of the sample (higher is more plausible)."""
    from charset_normalizer.md import mess_ratio

    words = _WORD_RE.findall(text)
    bad = _faults(text, words) + mess_ratio(text, 1.0)
    fit = _fit(text, encoding)
    return Guess(encoding, text, fit - 3 * bad, fit, bad)


def rank(sample: bytes, cut: bool = False) -> list[Guess]:
    """Every legacy decoding of `sample` without errors or unreadable characters, best first.

    `cut`: the sample is the start of a longer file, so it may end inside a character.
    """
    guesses = []
    scored: dict[str, Guess] = {}  # code pages often decode a sample alike: score it once
    for order, enc in enumerate(LEGACY_ENCODINGS):
        try:  # a cut sample may end inside a multi-byte character: leave it out
            text = (codecs.getincrementaldecoder(enc)().decode(sample, final=False) if cut
                    else sample.decode(enc))
        except UnicodeDecodeError:
            continue
        if not text or unreadable_share(text) > 0.001:
            continue
        same = scored.get(text)
        if same is not None and ALPHABETS.get(same.encoding, same) is ALPHABETS.get(enc):
            guess = Guess(enc, text, same.score, same.fit, same.bad)
        else:
            guess = scored[text] = score(text, enc)
        guesses.append((guess, order))
    guesses.sort(key=lambda g: (-round(g[0].score, 6), g[1]))
    return [g for g, _ in guesses]


def uncertain(ranked: list[Guess]) -> bool:
    """True when the best decoding is a poor fit, or one giving another text comes close.

    Close means within 0.25 in score, unless the two texts differ in at least three
    characters and the best is still ahead: a long text has more evidence than its
    share-based score shows.
    """
    if not ranked:
        return True
    best = ranked[0]
    if best.fit < 0.8 or best.bad > 0.05:
        return True
    rival = next((g for g in ranked[1:] if g.text != best.text), None)
    if rival is None or best.score - rival.score >= 0.25:
        return False
    if len(rival.text) == len(best.text) and best.score - rival.score > 0.02:
        return sum(a != b for a, b in zip(best.text, rival.text)) < 3
    return True
