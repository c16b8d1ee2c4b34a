"""Pairwise matching of statements: do two sentences (or clauses) say the same thing?

A statement is reduced to weighted keys: stems of its content words (function words dropped),
numbers, and names (capitalised words, weighted up). Two statements are compared in both directions:
the share of one's weight that the other carries, where a key counts fully when the other has the
same key, and partly when the other has a synonym (WordNet, English only) or a spelling variant
(long common prefix: "Russia"/"Russian", "Zelensky"/"Zelenskyy").

Thresholds were calibrated on the MSRP training pairs and on METER wire/newspaper sentences
(bench/claims_eval.py prints the figures); they are general, not tuned to any article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .language import stemmer, stopwords
from .synonyms import lemmas, synonyms
from .tokens import fold, words

# Key weights: names and numbers carry a claim's identity; reporting verbs carry little.
NAME_WEIGHT = 1.0
NUMBER_WEIGHT = 1.2
WORD_WEIGHT = 1.0
LIGHT_WEIGHT = 0.3
_LIGHT_WORDS = frozenset(
    "said says say saying told tells tell according added adds also reported reports reportedly "
    "stated states claimed claims just would could new year years time today yesterday "
    "mr mrs ms dr".split())
# Partial credit for keys not shared exactly (calibrated on MSRP).
SYNONYM_CREDIT = 0.9
PREFIX_CREDIT = 0.8
_PREFIX = 6   # words of at least this many letters also match on their first 6 ("Russia"/"Russian")

# Same claim: symmetric similarity at least SAME_CLAIM (MSRP-calibrated), or one statement
# contained in the other (a condensed sentence carrying a longer one's content).
SAME_CLAIM = 0.6
CONTAINED = 0.75
_MIN_CONTAINED_WEIGHT = 4.0


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


def _number_key(word: str) -> str:
    return "#" + word.replace(",", "").rstrip(".").lstrip("0") or "#0"


def make_statement(article: int, start: int, end: int, text: str, language: str = "en",
                   word_texts: Sequence[str] | None = None) -> Statement:
    """Reduce `text` (the span start:end of article number `article`) to matching keys.

    `word_texts` are the words of `text` when the caller already has them (else it is tokenized).
    """
    stops = stopwords(language)
    stem = stemmer(language)
    keys: dict[str, float] = {}
    surface: dict[str, str] = {}
    names: set[str] = set()
    numbers: set[str] = set()
    if word_texts is None:
        word_texts = [t.text for t in words(text)]
    for i, word in enumerate(word_texts):
        f = fold(word)
        if any(c.isdigit() for c in f):
            key, weight = _number_key(f), NUMBER_WEIGHT
            numbers.add(key)
        else:
            if f in stops or len(f) < 2:
                continue
            capital = word[:1].isupper()
            if capital and (i > 0 or word.isupper()):
                weight = NAME_WEIGHT
                names.add(f)
            elif f in _LIGHT_WORDS:
                weight = LIGHT_WEIGHT
            else:
                weight = WORD_WEIGHT
            key = stem(f)
        if weight > keys.get(key, 0.0):
            keys[key] = weight
            surface[key] = f
    forms: set[str] = set()
    english = language == "en"
    for word in surface.values():
        if word[0] != "#":
            forms.add(word)
            if english:
                forms.update(lemmas(word))
    prefixes = frozenset(w[:_PREFIX] for w in surface.values() if len(w) >= _PREFIX)
    return Statement(article, start, end, text, language, keys, surface, frozenset(names),
                     frozenset(numbers), sum(keys.values()), frozenset(forms), prefixes)


def coverage(a: Statement, b: Statement) -> float:
    """Share of `a`'s weight that `b` carries (exact keys fully, synonyms and variants partly)."""
    if a.weight <= 0:
        return 0.0
    bkeys = b.keys
    english = a.language == "en" and b.language == "en"
    matched = 0.0
    for key, weight in a.keys.items():
        if key in bkeys:
            matched += weight
        elif key[0] != "#":
            word = a.surface[key]
            if english and not b.forms.isdisjoint(synonyms(word)):
                matched += weight * SYNONYM_CREDIT
            elif len(word) >= _PREFIX and word[:_PREFIX] in b.prefixes:
                matched += weight * PREFIX_CREDIT
    return matched / a.weight


def similarity(a: Statement, b: Statement) -> float:
    """Symmetric 0..1 similarity: the weight-averaged coverage of each statement by the other."""
    total = a.weight + b.weight
    if total <= 0:
        return 0.0
    return (coverage(a, b) * a.weight + coverage(b, a) * b.weight) / total


def same_claim(a: Statement, b: Statement) -> float:
    """Strength (0..1) with which `a` and `b` state the same claim; 0.0 when they do not."""
    sim = similarity(a, b)
    if sim >= SAME_CLAIM:
        return sim
    small, large = (a, b) if a.weight <= b.weight else (b, a)
    if small.weight >= _MIN_CONTAINED_WEIGHT and coverage(small, large) >= CONTAINED:
        return max(sim, SAME_CLAIM)
    return 0.0
