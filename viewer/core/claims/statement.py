"""One statement (a sentence or clause of an article) reduced to the keys the matcher compares.

Its words, made comparable by `wording` ("42-year-old", "Oct", "per cent", "U.S.", "Yong-hyun"),
become weighted keys: stems of content words (function words dropped), numbers, and names
(capitalised words, and acronyms even where their letters spell a function word: "US", "WHO").
Reporting verbs ("said", "told", "mentioned", ...) share one light key, so a spun "mentioned"
still matches "said". A run of capitalised words also carries its initials, weighing nothing of
their own, so that "European Central Bank" meets "ECB". `Statement` keeps what `matcher` needs
of it: keys and weights, surface forms for synonym look-ups, names, numbers, tokens, character
and word trigrams.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Sequence

from ..text.language import stemmer, stopwords
from ..text.spelling import match_form, name_form
from ..text.synonyms import lemmas
from ..text.tokens import fold
from ..text.tokens import word_texts as _word_texts
from .wording import matching_words

# Key weights: names and numbers carry a claim's identity; reporting verbs carry little.
NAME_WEIGHT = 1.0
NUMBER_WEIGHT = 1.2
WORD_WEIGHT = 1.0
LIGHT_WEIGHT = 0.3
_LIGHT_WORDS = frozenset(
    "according also reported reports reportedly just would could new year years time today yesterday "
    "mr mrs ms dr".split())
# Reporting verbs, any of which may stand for another ("said" / "mentioned" / "stated"): one key.
# Only verb forms that are rarely nouns ("claims", "notes", "states" are left out).
REPORTING_VERBS = frozenset(
    "say says said saying tell tells told telling claimed stated mentioned mentions added adds "
    "remarked noted announced declared commented asserted explained insisted".split())
_REPORTING_KEY = "@say"
_NEGATIONS = frozenset("not no never n't nor cannot neither nobody nothing none without".split())
PREFIX_LENGTH = 6   # words of at least this many letters also match on their first 6 ("Russia"/"Russian")


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence or clause of an article, reduced to weighted matching keys."""

    article: int
    start: int
    end: int
    text: str
    language: str
    keys: dict          # key -> weight (stems, "#numbers")
    surface: dict       # key -> folded word, for synonym look-ups
    names: frozenset    # folded capitalised words
    numbers: frozenset  # normalised numbers
    weight: float
    forms: frozenset    # folded words and their WordNet lemmas
    prefixes: frozenset  # 6-letter prefixes of its long words
    tokens: tuple = ()    # its words in order: content words as their keys, function words folded
    negated: bool = False  # an odd number of negations ("not", "never", "n't", ...)
    chars: dict | None = None  # character trigram -> count over its tokens (within words)
    chars_norm: float = 0.0  # Euclidean norm of `chars`
    token_trigrams: frozenset = frozenset()  # its word trigrams (runs of three tokens)
    token_counts: dict | None = None  # token -> count


def _number_key(word: str) -> str:
    return "#" + (word.replace(",", "").rstrip(".").lstrip("0") or "0")


def make_statement(article: int, start: int, end: int, text: str, language: str = "en",
                   word_texts: Sequence[str] | None = None) -> Statement:
    """Reduce `text` (the span start:end of article number `article`) to matching keys.

    `word_texts` are the words of `text` when the caller already has them (else it is tokenized).
    """
    english = language == "en"
    keys: dict[str, float] = {}
    surface: dict[str, str] = {}
    names: set[str] = set()
    numbers: set[str] = set()
    tokens: list[str] = []
    negations = 0
    if word_texts is None:
        word_texts = _word_texts(text)
    word_texts = matching_words(word_texts)
    letters = [w for w in word_texts if w.isalpha()]
    shouting = sum(w.isupper() for w in letters) * 2 > len(letters)  # an all-caps headline
    for i, word in enumerate(word_texts):
        f, number, negation, skip, stem_of_f, key, weight = _word_info(word, language)
        if number:
            numbers.add(key)
        else:
            if negation:
                negations += 1
            if skip and not (len(f) >= 2 and word.isupper() and word.isalpha() and not shouting):
                tokens.append(f)
                continue
            # (an acronym in ordinary text is a name even where its letters spell a function
            # word: "US", "IT", "WHO")
            if word[:1].isupper() and (i > 0 or word.isupper()):
                weight = NAME_WEIGHT
                names.add(f)
                key = stem_of_f
        tokens.append(key)
        if weight > keys.get(key, 0.0):
            keys[key] = weight
            surface[key] = f
    if not shouting:
        for initials in _initials(word_texts):  # "European Central Bank" meets "ECB"
            if initials not in keys:
                keys[initials] = 0.0  # found by the acronym's key; weighs nothing of its own
                surface[initials] = initials
    forms: set[str] = set()
    for word in surface.values():
        if word[0] != "#":
            forms.add(word)
            if english:
                forms.update(lemmas(word))
    prefixes = frozenset(w[:PREFIX_LENGTH] for w in surface.values() if len(w) >= PREFIX_LENGTH)
    if not shouting:  # (after the forms: another spelling is found by its key alone, not by synonyms)
        for form in _name_spellings(word_texts, language):  # "Sea Micro" meets "SeaMicro"
            key = _word_class(form, language)[2]
            if key not in keys:
                keys[key] = 0.0  # found by the other spelling's key; weighs nothing of its own
                surface[key] = form
    chars = _char_counts(tokens)
    return Statement(article, start, end, text, language, keys, surface, frozenset(names),
                     frozenset(numbers), math.fsum(keys.values()), frozenset(forms), prefixes,
                     tuple(tokens), negations % 2 == 1, chars, vector_norm(chars),
                     frozenset(zip(tokens, tokens[1:], tokens[2:])), dict(Counter(tokens)))


_JOINING = frozenset({"of", "and", "for", "the", "&", "de"})  # inside a name: "Bank of England"
_INITIALS_MAX = 5


def _initials(word_texts: Sequence[str]) -> set[str]:
    """The initials of each run of two or more capitalised words, and of its shorter runs, that an
    acronym may stand for ("Advanced Micro Devices Inc." → "amdi", "amd", "md", ...; "Securities
    and Exchange Commission" → "sec"): the keys under which such a run meets the acronym."""
    out: set[str] = set()
    run: list[str] = []
    for word in list(word_texts) + [""]:
        if word[:1].isupper() and word.isalpha() and not word.isupper():
            run.append(word[0].lower())
            continue
        if run and word.lower() in _JOINING:
            continue
        for i in range(len(run)):
            for j in range(i + 2, min(len(run), i + _INITIALS_MAX) + 1):
                out.add("".join(run[i:j]))
        run = []
    return out


_CAMEL_RE = re.compile(r"[A-Z][a-z]+")


def _name_spellings(word_texts: Sequence[str], language: str) -> set[str]:
    """Other spellings of names, written together or apart, as matching forms: each two adjacent
    capitalised words joined ("Sea Micro" → "seamicro", "Al Qaeda" → "alqaeda"), and the parts of a
    word capitalised inside ("SeaMicro" → "sea", "micro"; "LaCalamita" → "la", "calamita")."""
    english = language == "en"
    out: set[str] = set()
    previous = ""
    for word in word_texts:
        name = word[:1].isupper() and word.isalpha() and not word.isupper()
        if name and previous:  # each word folded on its own: "Defence Ministry" meets "Defense Ministry"
            out.add(_folded(previous, english) + _folded(word, english))
        previous = word if name else ""
        if name and len(parts := _CAMEL_RE.findall(word)) > 1 and "".join(parts) == word:
            out.update(_folded(part, english) for part in parts)
    return out


@lru_cache(maxsize=65536)
def _word_info(word: str, language: str) -> tuple[str, bool, bool, bool, str, str, float]:
    """What `make_statement` needs of one word as written, once per word: (its matching form, a
    number, a negation, dropped as a function word or too short, its stem, its key and weight
    unless a name)."""
    f = _folded(word, language == "en")
    if _has_digit(f):
        return f, True, False, False, f, _number_key(f), NUMBER_WEIGHT
    return (f, False, *_word_class(f, language))


@lru_cache(maxsize=65536)
def _folded(word: str, english: bool) -> str:
    """A word's matching form: folded, American spelling (English), transliteration-proof."""
    return name_form(match_form(fold(word))) if english else name_form(fold(word))


@lru_cache(maxsize=65536)
def _word_class(f: str, language: str) -> tuple[bool, bool, str, str, float]:
    """What `make_statement` needs of a folded word without digits, once per word: (a negation,
    dropped as a function word or too short, its stem, its key and weight unless a name)."""
    english = language == "en"
    negation = english and (f in _NEGATIONS or f.endswith("n't"))
    if f in stopwords(language) or len(f) < 2:
        return negation, True, f, f, 0.0
    stem = stemmer(language)(f)
    if english and f in REPORTING_VERBS:
        return negation, False, stem, _REPORTING_KEY, LIGHT_WEIGHT
    return negation, False, stem, stem, LIGHT_WEIGHT if f in _LIGHT_WORDS else WORD_WEIGHT


@lru_cache(maxsize=65536)
def char_trigrams(token: str) -> tuple[str, ...]:
    padded = f" {token} "
    return tuple(padded[i:i + 3] for i in range(len(padded) - 2))


def _char_counts(tokens: Sequence[str]) -> dict[str, int]:
    return dict(Counter(chain.from_iterable(map(char_trigrams, tokens))))


@lru_cache(maxsize=65536)
def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def vector_norm(counts: dict[str, int]) -> float:
    return math.sqrt(sum([v * v for v in counts.values()]))
