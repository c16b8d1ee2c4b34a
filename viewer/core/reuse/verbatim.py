"""Verbatim runs between two articles, WCopyfind-style.

A run is a stretch of at least `min_words` words that both articles share in
the same order, after the chosen folding (case, punctuation, numbers). Inside a
run up to `max_imperfections` non-matching words may be bridged in all: a gap
of `ga` words in a against `gb` words in b costs `max(ga, gb)` imperfections
(one word swapped for another costs one).

How runs are found: every run with at most K imperfections holds at most K + 1
exact blocks, so one of them is at least `ceil(N / (K + 1))` words long. Those
"seed" blocks are found by hashing word n-grams of that length; each seed,
longest first, is then extended both ways across small gaps. Per-article word
keys are cached, so analysing all pairs of many articles prepares each once.
"""

from __future__ import annotations

import math
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..text.article import Article
from ..text.tokens import _WORD_ONLY_RE, fold_typography
from ..util import patterns

_NON_ALNUM = patterns.compile(r"[^\p{L}\p{M}\p{N}]+")
_DIGIT = patterns.compile(r"\p{N}")
_SPACE = patterns.compile(r"\s+", regex.V1)
NUMBER_KEY = "#"


@dataclass(frozen=True)
class ReuseOptions:
    """How verbatim runs are matched.

    `min_words`: shortest run (matching words) reported. `max_imperfections`:
    non-matching words a run may bridge in all. `ignore_case`: "Police" matches
    "police". `ignore_punctuation`: "said," matches "said" and "don't" matches
    "dont". `ignore_numbers`: any number matches any other number.
    """

    min_words: int = 6
    max_imperfections: int = 2
    ignore_case: bool = True
    ignore_punctuation: bool = True
    ignore_numbers: bool = False


@dataclass(frozen=True)
class VerbatimRun:
    """A run shared by a and b: code-point spans into `a.text` and `b.text`.

    `words` counts the matching words (the same on both sides);
    `imperfections` the non-matching words bridged inside the run.
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    words: int
    imperfections: int = 0


@dataclass(frozen=True)
class WordKeys:
    """An article's words as matching keys, with each word's code-point span."""

    keys: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def word_index(self, offset: int) -> int:
        """Index of the word containing or following code-point `offset`."""
        return bisect_right(self.ends, offset)


def word_key(word: str, options: ReuseOptions, trailing_punct: str = "") -> str:
    """Matching key of one word under `options` (punctuation that follows it
    counts only when punctuation is not ignored)."""
    if options.ignore_numbers and _DIGIT.search(word):
        return NUMBER_KEY
    key = unicodedata.normalize("NFKC", fold_typography(word))
    if options.ignore_case:
        key = key.casefold()
    if options.ignore_punctuation:
        return _NON_ALNUM.sub("", key) or key
    return key + fold_typography(trailing_punct)


@lru_cache(maxsize=65536)
def _cached_key(word: str, options: ReuseOptions) -> str:
    return word_key(word, options)


def word_keys(text: str, options: ReuseOptions = ReuseOptions()) -> WordKeys:
    """The matching keys of `text`'s words (cached per text and folding options)."""
    return _folded_keys(text, options.ignore_case, options.ignore_punctuation, options.ignore_numbers)


@lru_cache(maxsize=256)
def _folded_keys(text: str, ignore_case: bool, ignore_punctuation: bool, ignore_numbers: bool) -> WordKeys:
    """Keys of `text`'s words under one folding (run lengths do not change keys).

    Words are found with the tokenizer's word-only pattern (the same words as
    `tokenize`, without building a Token for every piece); the punctuation
    after a word is the non-space text up to the next word.
    """
    options = ReuseOptions(ignore_case=ignore_case, ignore_punctuation=ignore_punctuation,
                           ignore_numbers=ignore_numbers)
    spans = [m.span() for m in _WORD_ONLY_RE.finditer(text)]
    starts = tuple(s for s, _ in spans)
    ends = tuple(e for _, e in spans)
    if ignore_punctuation:
        words = [text[s:e] for s, e in spans]
        distinct = dict.fromkeys(words)  # each distinct word keyed once (options hash only then)
        for word in distinct:
            distinct[word] = _cached_key(word, options)
        keys = tuple(map(distinct.__getitem__, words))
    else:
        follow = starts[1:] + (len(text),)
        keys = tuple(word_key(text[s:e], options, _SPACE.sub("", text[e:f]))
                     for (s, e), f in zip(spans, follow))
    return WordKeys(keys, starts, ends)


def article_keys(article: Article, options: ReuseOptions = ReuseOptions()) -> WordKeys:
    """The matching keys of an article's words."""
    return word_keys(article.text, options)


def seed_length(options: ReuseOptions) -> int:
    """Length of the exact block every reportable run must contain."""
    return max(1, math.ceil(options.min_words / (options.max_imperfections + 1)))


def run_word_spans(a_keys: WordKeys, b_keys: WordKeys, options: ReuseOptions) -> list[tuple[int, int, int, int, int, int]]:
    """Runs as word-index spans (a0, a1, b0, b1, matched, imperfections), sorted."""
    ka, kb = a_keys.keys, b_keys.keys
    size = seed_length(options)
    if len(ka) < size or len(kb) < size:
        return []
    from .runsearch import find_runs  # numpy: imported on first use, not when the app opens

    return find_runs(ka, kb, size, options.min_words, options.max_imperfections)


def verbatim_runs(a: Article, b: Article, options: ReuseOptions = ReuseOptions()) -> list[VerbatimRun]:
    """Runs of at least `options.min_words` words shared by a and b, in order
    of their position in a (then b); spans are code-point offsets."""
    wa, wb = article_keys(a, options), article_keys(b, options)
    return runs_from_spans(wa, wb, run_word_spans(wa, wb, options))


def runs_from_spans(wa: WordKeys, wb: WordKeys, spans) -> list[VerbatimRun]:
    """`run_word_spans` results as VerbatimRuns with code-point offsets."""
    return [VerbatimRun(wa.starts[a0], wa.ends[a1 - 1], wb.starts[b0], wb.ends[b1 - 1], matched, used)
            for a0, a1, b0, b1, matched, used in spans]
