"""Spin detection: one text run through a synonym substituter.

A spun copy keeps the sentences of its source and swaps single words for
synonyms ("said" → "mentioned", "war" → "battle"). In the word diff that shows
as a dense sequence of short one-for-one replacements inside sentences that
otherwise still match. Rewritten or independent text differs differently:
whole clauses inserted, deleted or replaced, and sentences that do not align.

How the score is made, from the word diff of a → b:
- a replace chunk of k words for k words (k ≤ WORD_FOR_WORD_MAX) gives k one-for-one
  swaps (a word kept in its place counts as equal); any other replacement of at most
  MAX_SWAP_WORDS words on each side gives one swap ("so far" → "to this point"). Not
  spin, and left out: swaps involving numbers, a change of case or spelling
  ("judgment" / "judgement"), words put in or left out ("London yesterday" →
  "London"), words moved inside the chunk ("today sentenced" → "sentenced
  yesterday"), and the day moving on from wire to paper ("today" → "yesterday");
- a sentence of a is *aligned* when, with the words inserted into it, at least
  ALIGNED_MIN of its words are equal or swapped and EQUAL_MIN are equal;
- in aligned sentences each swap weighs 1 when the synonym resource knows the
  words as synonyms; otherwise it counts from structure only (a spinner has its
  own thesaurus): STRUCTURAL_WEIGHT between content words, FUNCTION_SWAP_WEIGHT
  when a function word of the text's language is on either side (spinners swap
  content words; an editor's "with" → "holding" is rewording);
- score = coverage × purity × min(1, density / FULL_DENSITY), where coverage
  is the share of the shorter text in aligned sentences (full from
  FULL_COVERAGE up), purity the share of changed words in aligned sentences
  that are swaps, and density the swap weight per aligned word.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..diff.worddiff import diff_chunks, word_diff
from ..text import synonyms as _synonyms
from ..text.article import Article
from ..text.language import detect_language, stopwords
from ..text.sentences import split_sentences
from ..text.spelling import match_form
from ..text.tokens import fold
from ..util import patterns
from .verbatim import word_keys

ALIGNED_MIN = 0.65
EQUAL_MIN = 0.4
STRUCTURAL_WEIGHT = 0.9
FUNCTION_SWAP_WEIGHT = 0.5
FULL_DENSITY = 0.08
FULL_COVERAGE = 0.5
MAX_SWAP_WORDS = 3
WORD_FOR_WORD_MAX = 5
SPUN_SCORE = 0.5  # from here a pair is shown (and labelled) as spun
SOME_SPIN_SCORE = 0.2  # from here a pair is said to have some synonym swaps

_DIGIT = patterns.compile(r"\p{N}")


@dataclass(frozen=True)
class Substitution:
    """A swap: `a.text[a_start:a_end]` replaced by `b.text[b_start:b_end]`."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str
    known_synonym: bool


@dataclass(frozen=True)
class SpinResult:
    """Spin score 0..1 and the swaps taken as synonym replacements, in a's order."""

    score: float
    substitutions: tuple[Substitution, ...]


def _word_spans(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    keys = word_keys(text)  # the words of `tokenize`, shared with the run search's cache
    return keys.starts, keys.ends


@lru_cache(maxsize=256)
def _sentence_layout(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Sentence starts of `text`, the sentence of each word, and words per sentence."""
    sent_starts = tuple(s.start for s in split_sentences(text)) or (0,)
    word_starts = _word_spans(text)[0]
    import numpy as np  # on first use: the window opens without waiting for numpy

    # bisect_right(sent_starts, start) - 1 for every word at once (at least 0)
    found = np.maximum(np.searchsorted(np.array(sent_starts, dtype=np.int64),
                                       np.array(word_starts, dtype=np.int64), "right") - 1, 0)
    per_sentence = np.bincount(found, minlength=len(sent_starts))
    return sent_starts, tuple(found.tolist()), tuple(per_sentence.tolist())


def _known(a_words: list[str], b_words: list[str]) -> bool:
    """True when some word of one side is a known synonym of some other word of the other
    (a word both sides hold is not a synonym of itself: "bigger war" / "much bigger battle"
    is known by "war" / "battle")."""
    both = {fold(w) for w in a_words} & {fold(w) for w in b_words}
    return any(_synonyms.are_synonyms(x, y) for x in a_words if fold(x) not in both
               for y in b_words if fold(y) not in both)


# A paper's "yesterday" for the wire's "today" is the day moving on, not spin.
_DAY_WORDS = frozenset("today yesterday tonight tomorrow last this night morning afternoon evening "
                       "monday tuesday wednesday thursday friday saturday sunday".split())


def _spelt(words: list[str]) -> str:
    return "".join(match_form(w) for w in words).replace("-", "")


def _is_swap(a_words: list[str], b_words: list[str], a_chunk: set[str], b_chunk: set[str]) -> bool:
    """Whether a piece of a replace chunk is a swap: not numbers, not case or spelling alone, not
    words put in or left out, not words of the day ("today" → "yesterday"), and no word of it
    found on the other side of its chunk (words put in another order: "today sentenced" →
    "sentenced yesterday")."""
    if _DIGIT.search(" ".join(a_words + b_words)):
        return False
    fa, fb = [fold(w) for w in a_words], [fold(w) for w in b_words]
    if set(fa) <= set(fb) or set(fb) <= set(fa):  # the same words, or words put in or left out
        return False
    if _spelt(fa) == _spelt(fb):  # spelt or typed another way: "judgment", "bear hug" / "bearhug"
        return False
    if not b_chunk.isdisjoint(fa) or not a_chunk.isdisjoint(fb):
        return False
    return not _DAY_WORDS.issuperset(fa + fb)


class _Tally:
    """Per-sentence counts of a's words (all, equal, swapped, otherwise changed)
    plus words inserted into the sentence, and its swaps."""

    def __init__(self, n: int) -> None:
        self.words = [0] * n
        self.equal = [0] * n
        self.swapped = [0] * n
        self.changed = [0] * n
        self.swaps: list[list[Substitution]] = [[] for _ in range(n)]

    def aligned(self, s: int) -> bool:
        """Whether sentence `s` still matches apart from short swaps."""
        n = self.words[s]
        size = max(n, self.equal[s] + self.swapped[s] + self.changed[s])
        return (n > 0 and self.equal[s] >= EQUAL_MIN * n
                and self.equal[s] + self.swapped[s] >= ALIGNED_MIN * size)


def detect_spin(a: Article, b: Article, diff_ops=None) -> SpinResult:
    """Spin score of the pair and its synonym swaps, from the word diff a → b."""
    ops = diff_ops if diff_ops is not None else word_diff(a.text, b.text)
    a_starts, a_ends = _word_spans(a.text)
    b_starts, b_ends = _word_spans(b.text)
    sent_starts, of_word, per_sentence = _sentence_layout(a.text)
    tally = _Tally(len(sent_starts))
    tally.words = list(per_sentence)

    def sentence_of(offset: int) -> int:
        return max(0, bisect_right(sent_starts, offset) - 1)

    for ch in diff_chunks(ops):
        i0, i1 = bisect_left(a_starts, ch.a_start), bisect_left(a_starts, ch.a_end)
        j0, j1 = bisect_left(b_starts, ch.b_start), bisect_left(b_starts, ch.b_end)
        if ch.tag == "equal":
            equal = tally.equal
            for sent in of_word[i0:i1]:
                equal[sent] += 1
            continue
        na, nb = i1 - i0, j1 - j0
        if not na and not nb:
            continue  # whitespace or punctuation only
        pieces: list[tuple[int, int, int, int]] = []
        if na == nb <= WORD_FOR_WORD_MAX:
            pieces = [(i0 + k, i0 + k + 1, j0 + k, j0 + k + 1) for k in range(na)]
        elif na and nb and max(na, nb) <= MAX_SWAP_WORDS:  # a phrase for a phrase: "so far" / "to this point"
            pieces = [(i0, i1, j0, j1)]
        else:
            tally.changed[of_word[i0] if na else sentence_of(ch.a_start)] += max(na, nb)
        split = len(pieces) > 1  # word for word: a word found across the chunk was moved, not swapped
        a_chunk = {fold(a.text[a_starts[k]:a_ends[k]]) for k in range(i0, i1)} if split else set()
        b_chunk = {fold(b.text[b_starts[k]:b_ends[k]]) for k in range(j0, j1)} if split else set()
        for p0, p1, q0, q1 in pieces:
            a_words = [a.text[a_starts[k]:a_ends[k]] for k in range(p0, p1)]
            b_words = [b.text[b_starts[k]:b_ends[k]] for k in range(q0, q1)]
            sent = of_word[p0]
            if split and fold(a_words[0]) == fold(b_words[0]):  # a word kept in place ("of")
                tally.equal[sent] += 1
                continue
            if not _is_swap(a_words, b_words, a_chunk, b_chunk):
                tally.changed[sent] += max(p1 - p0, q1 - q0)
                continue
            tally.swapped[sent] += p1 - p0
            tally.swaps[sent].append(Substitution(
                a_starts[p0], a_ends[p1 - 1], b_starts[q0], b_ends[q1 - 1],
                " ".join(a_words), " ".join(b_words), _known(a_words, b_words)))
    return _score(tally, len(a_starts), len(b_starts), a.text)


@lru_cache(maxsize=256)
def _function_words(text: str) -> frozenset[str]:
    return stopwords(detect_language(text))


def _swap_weight(sub: Substitution, text: str) -> float:
    """A swap's weight in the density: see the module docstring."""
    if sub.known_synonym:
        return 1.0
    function_words = _function_words(text)
    words = sub.a_text.split() + sub.b_text.split()
    return FUNCTION_SWAP_WEIGHT if any(fold(w) in function_words for w in words) else STRUCTURAL_WEIGHT


def _score(tally: _Tally, a_words: int, b_words: int, a_text: str) -> SpinResult:
    """Combine the per-sentence tally into the score (see the module docstring)."""
    aligned = swapped = changed = 0
    weight = 0.0
    subs: list[Substitution] = []
    for s in range(len(tally.words)):
        if not tally.aligned(s):
            continue
        aligned += tally.words[s]
        swapped += tally.swapped[s]
        changed += tally.swapped[s] + tally.changed[s]
        for sub in tally.swaps[s]:
            subs.append(sub)
            weight += _swap_weight(sub, a_text)
    if not subs:
        return SpinResult(0.0, ())
    coverage = min(1.0, aligned / max(1, min(a_words, b_words)) / FULL_COVERAGE)
    purity = swapped / changed
    density = min(1.0, weight / aligned / FULL_DENSITY)
    return SpinResult(round(coverage * purity * density, 4), tuple(subs))
