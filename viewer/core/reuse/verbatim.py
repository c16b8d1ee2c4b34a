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

import numpy as np
import regex

from ..text.article import Article
from ..diff.sequences import sorted_in_slices
from ..text.tokens import _WORD_ONLY_RE, fold_typography

_NON_ALNUM = regex.compile(r"[^\p{L}\p{M}\p{N}]+")
_DIGIT = regex.compile(r"\p{N}")
_SPACE = regex.compile(r"\s+", regex.V1)
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
        key = _cached_key
        keys = tuple(key(text[s:e], options) for s, e in spans)
    else:
        follow = starts[1:] + (len(text),)
        keys = tuple(word_key(text[s:e], options, _SPACE.sub("", text[e:f]))
                     for (s, e), f in zip(spans, follow))
    return WordKeys(keys, starts, ends)


def article_keys(article: Article, options: ReuseOptions = ReuseOptions()) -> WordKeys:
    """The matching keys of an article's words."""
    return word_keys(article.text, options)


def _grams(keys: tuple[str, ...], size: int):
    """The `size`-word n-grams of `keys`, in order."""
    return zip(*(keys[k:] for k in range(size)))


@lru_cache(maxsize=256)
def _gram_index(keys: tuple[str, ...], size: int) -> dict[tuple[str, ...], list[int]]:
    """Positions of every `size`-word n-gram of `keys`."""
    index: dict[tuple[str, ...], list[int]] = {}
    for j, gram in enumerate(_grams(keys, size)):
        index.setdefault(gram, []).append(j)
    return index


# A seed n-gram found more often than this in the other text starts no run (a run
# through it is still found from its rarer blocks and bridged): keeps long texts
# near-linear. Articles of a few thousand words never reach it.
_MAX_SEED_HITS = 40


def seed_length(options: ReuseOptions) -> int:
    """Length of the exact block every reportable run must contain."""
    return max(1, math.ceil(options.min_words / (options.max_imperfections + 1)))


_CHUNK = 16


def _extend_exact(ka, kb, i: int, j: int, step: int) -> int:
    """Length of the exact match from (i, j) going forward (step 1) or back (-1)."""
    n = 0
    if step > 0:
        limit = min(len(ka) - i, len(kb) - j)
        while n + _CHUNK <= limit and ka[i + n:i + n + _CHUNK] == kb[j + n:j + n + _CHUNK]:
            n += _CHUNK  # long copies: compare whole slices in C first
        while n < limit and ka[i + n] == kb[j + n]:
            n += 1
    else:
        limit = min(i, j)
        while n + _CHUNK <= limit and ka[i - n - _CHUNK:i - n] == kb[j - n - _CHUNK:j - n]:
            n += _CHUNK
        while n < limit and ka[i - n - 1] == kb[j - n - 1]:
            n += 1
    return n


def _gaps(cost: int):
    """All (ga, gb) with max(ga, gb) == cost, smallest total first."""
    pairs = [(cost, g) for g in range(cost + 1)] + [(g, cost) for g in range(cost)]
    return sorted(pairs, key=lambda p: (p[0] + p[1], p))


_GAPS = {c: _gaps(c) for c in range(1, 9)}


def _in_reach(ka, kb, i: int, j: int, budget: int, step: int) -> bool:
    """Whether some word lies within `budget` + 1 words of the edge (i, j) on both
    sides, going forward (step 1) or back (-1): else nothing can be bridged to."""
    if step > 0:
        return not set(ka[i:i + budget + 1]).isdisjoint(kb[j:j + budget + 1])
    return not set(ka[max(0, i - budget - 1):i]).isdisjoint(kb[max(0, j - budget - 1):j])


def _bridge(ka, kb, i: int, j: int, budget: int, step: int):
    """Best gap to bridge from the edge (i, j) of a block: (cost, ga, gb, length)
    of the next exact block, worth bridging only if longer than its cost."""
    na, nb = len(ka), len(kb)
    if not _in_reach(ka, kb, i, j, budget, step):
        return None
    for cost in range(1, budget + 1):
        best = None
        for ga, gb in _GAPS.get(cost) or _gaps(cost):
            if step > 0:
                ii, jj = i + ga, j + gb
                if ii >= na or jj >= nb or ka[ii] != kb[jj]:
                    continue
                n = _extend_exact(ka, kb, ii, jj, 1)
            else:
                ii, jj = i - ga, j - gb
                if ii <= 0 or jj <= 0 or ka[ii - 1] != kb[jj - 1]:
                    continue
                n = _extend_exact(ka, kb, ii, jj, -1)
            if n > cost and (best is None or n > best[3]):
                best = (cost, ga, gb, n)
        if best:
            return best
    return None


def _grow(ka, kb, i: int, j: int, length: int, budget: int):
    """Extend the exact block (i, j, length) both ways across gaps.

    Returns (a0, a1, b0, b1, matched, imperfections, pairs) in word indices;
    `pairs` are the (i, j) starts of the exact blocks the run holds.
    """
    a1, b1, matched, used = i + length, j + length, length, 0
    pairs = [(i, j)]
    while used < budget:
        found = _bridge(ka, kb, a1, b1, budget - used, 1)
        if not found:
            break
        cost, ga, gb, n = found
        pairs.append((a1 + ga, b1 + gb))
        a1, b1, matched, used = a1 + ga + n, b1 + gb + n, matched + n, used + cost
    a0, b0 = i, j
    while used < budget:
        found = _bridge(ka, kb, a0, b0, budget - used, -1)
        if not found:
            break
        cost, ga, gb, n = found
        a0, b0, matched, used = a0 - ga - n, b0 - gb - n, matched + n, used + cost
        pairs.append((a0, b0))
    return a0, a1, b0, b1, matched, used, pairs


@lru_cache(maxsize=4)
def _word_ids(ka: tuple[str, ...], kb: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, int]:
    """Both key sequences as int64 ids of one shared vocabulary, and its size."""
    vocab: dict[str, int] = {}
    ia = np.fromiter((vocab.setdefault(k, len(vocab)) for k in ka), dtype=np.int64, count=len(ka))
    ib = np.fromiter((vocab.setdefault(k, len(vocab)) for k in kb), dtype=np.int64, count=len(kb))
    return ia, ib, max(1, len(vocab))


def _gram_codes(ids: np.ndarray, size: int, base: int) -> np.ndarray:
    """Each `size`-word n-gram of `ids` packed exactly into one int64 (base**size < 2**62)."""
    n = len(ids) - size + 1
    code = ids[:n].copy()
    for k in range(1, size):
        code = code * base + ids[k:k + n]
    return code


def _extend_all(ia: np.ndarray, ib: np.ndarray, i: np.ndarray, j: np.ndarray, n: np.ndarray) -> np.ndarray:
    """For each exact match of length n[k] at (i[k], j[k]): its length extended forward to the first
    mismatch (or an end), compared in growing windows."""
    n = n.copy()
    active = np.arange(len(i))
    step = 8
    while len(active):
        ii, jj = i[active] + n[active], j[active] + n[active]
        room = np.minimum(len(ia) - ii, len(ib) - jj)
        off = np.arange(step)
        pa = np.minimum(ii[:, None] + off, len(ia) - 1)
        pb = np.minimum(jj[:, None] + off, len(ib) - 1)
        same = (off < room[:, None]) & (ia[pa] == ib[pb])
        run = np.where(same.all(axis=1), step, np.argmin(same, axis=1))
        n[active] += run
        active = active[run == step]
        step = min(step * 2, 4096)
    return n


@lru_cache(maxsize=8)
def _exact_blocks(ka: tuple[str, ...], kb: tuple[str, ...], size: int) -> tuple[tuple[int, int, int], ...]:
    """Maximal exact blocks (i, j, length) grown from shared seed n-grams,
    longest first. Cached briefly: runs under other options with the same seed
    length (the derivation label's, say) start from the same blocks.

    In bulk (numpy): n-grams as packed ids, matched through a sorted array
    (`searchsorted`); a seed found more than _MAX_SEED_HITS times in b seeds
    nothing. On each diagonal a seed inside the block of an earlier seed adds
    nothing, so only seeds whose predecessor on the diagonal is no seed are
    extended, and of those only the first of each maximal block is kept.
    """
    ia, ib, base = _word_ids(ka, kb)
    if base ** size >= 2 ** 62:
        return _exact_blocks_by_dict(ka, kb, size)
    ca, cb = _gram_codes(ia, size, base), _gram_codes(ib, size, base)
    order = np.argsort(cb, kind="stable")  # equal n-grams keep b's order
    sorted_b = cb[order]
    lo = np.searchsorted(sorted_b, ca, "left")
    count = np.searchsorted(sorted_b, ca, "right") - lo
    seeded = np.flatnonzero((count > 0) & (count <= _MAX_SEED_HITS))
    reps = count[seeded]
    if not len(seeded):
        return ()
    i = np.repeat(seeded, reps)
    first = np.repeat(np.cumsum(reps) - reps, reps)
    j = order[np.repeat(lo[seeded], reps) + np.arange(len(i)) - first]
    width = len(kb) + 1
    hit_codes = i * width + j  # ascending: i ascends, and j within each i
    prev = (i - 1) * width + (j - 1)
    pos = np.minimum(np.searchsorted(hit_codes, prev), len(hit_codes) - 1)
    starts = (i == 0) | (j == 0) | (hit_codes[pos] != prev)
    i, j = i[starts], j[starts]
    n = _extend_all(ia, ib, i, j, np.full(len(i), size, dtype=np.int64))
    diag = i - j
    by_diag = np.lexsort((i, diag))
    i, j, n, diag = i[by_diag], j[by_diag], n[by_diag], diag[by_diag]
    same_diag = np.concatenate(([False], diag[1:] == diag[:-1]))
    prev_end = np.concatenate(([0], (i + n)[:-1]))
    keep = ~(same_diag & (i < prev_end))  # ends ascend along a diagonal: the previous one is the max
    i, j, n = i[keep], j[keep], n[keep]
    longest = np.lexsort((j, i, -n))
    return tuple(zip(i[longest].tolist(), j[longest].tolist(), n[longest].tolist()))


def _exact_blocks_by_dict(ka: tuple[str, ...], kb: tuple[str, ...], size: int) -> tuple[tuple[int, int, int], ...]:
    """`_exact_blocks` for seeds too long to pack into one int64 (a dict of n-grams instead)."""
    index = _gram_index(kb, size)
    blocks = []
    diag_end: dict[int, int] = {}
    for i, gram in enumerate(_grams(ka, size)):
        hits = index.get(gram)
        if not hits or len(hits) > _MAX_SEED_HITS:
            continue  # absent, or so common ("of the") that only rarer seeds may start a run
        for j in hits:
            d = i - j
            if diag_end.get(d, -1) > i:
                continue
            n = _extend_exact(ka, kb, i, j, 1)
            diag_end[d] = i + n
            blocks.append((i, j, n))
    return tuple(sorted_in_slices(blocks, key=lambda blk: (-blk[2], blk[0], blk[1])))


def _reachable(ka: tuple[str, ...], kb: tuple[str, ...], blocks, min_words: int, budget: int):
    """The blocks worth growing: long enough, or with a shared word within reach of one of their
    edges (`_in_reach` on both sides, for all blocks at once)."""
    if not blocks:
        return blocks
    ia, ib, _ = _word_ids(ka, kb)
    arr = np.asarray(blocks, dtype=np.int64)
    i, j, n = arr[:, 0], arr[:, 1], arr[:, 2]
    keep = n >= min_words
    for x in range(budget + 1):
        for y in range(budget + 1):
            pa, pb = i + n + x, j + n + y  # forward from the block's end
            ok = (pa < len(ia)) & (pb < len(ib))
            keep |= ok & (ia[np.minimum(pa, len(ia) - 1)] == ib[np.minimum(pb, len(ib) - 1)])
            pa, pb = i - 1 - x, j - 1 - y  # back from its start
            ok = (pa >= 0) & (pb >= 0)
            keep |= ok & (ia[np.maximum(pa, 0)] == ib[np.maximum(pb, 0)])
    return [blocks[k] for k in np.flatnonzero(keep).tolist()]


def run_word_spans(a_keys: WordKeys, b_keys: WordKeys, options: ReuseOptions) -> list[tuple[int, int, int, int, int, int]]:
    """Runs as word-index spans (a0, a1, b0, b1, matched, imperfections), sorted."""
    ka, kb = a_keys.keys, b_keys.keys
    size = seed_length(options)
    if len(ka) < size or len(kb) < size:
        return []
    budget = options.max_imperfections
    # Blocks too short with nothing to bridge to on either side are left out first.
    blocks = _reachable(ka, kb, _exact_blocks(ka, kb, size), options.min_words, budget)
    taken: set[tuple[int, int]] = set()
    runs = []
    for i, j, n in blocks:
        if (i, j) in taken:
            continue
        a0, a1, b0, b1, matched, used, pairs = _grow(ka, kb, i, j, n, budget)
        if matched >= options.min_words:
            runs.append((a0, a1, b0, b1, matched, used))
        # Blocks of a failed chain are not tried again as seeds: a seed inside
        # it would grow over the same blocks.
        taken.update(pairs)
    runs.sort()
    return runs


def verbatim_runs(a: Article, b: Article, options: ReuseOptions = ReuseOptions()) -> list[VerbatimRun]:
    """Runs of at least `options.min_words` words shared by a and b, in order
    of their position in a (then b); spans are code-point offsets."""
    wa, wb = article_keys(a, options), article_keys(b, options)
    return runs_from_spans(wa, wb, run_word_spans(wa, wb, options))


def runs_from_spans(wa: WordKeys, wb: WordKeys, spans) -> list[VerbatimRun]:
    """`run_word_spans` results as VerbatimRuns with code-point offsets."""
    return [VerbatimRun(wa.starts[a0], wa.ends[a1 - 1], wb.starts[b0], wb.ends[b1 - 1], matched, used)
            for a0, a1, b0, b1, matched, used in spans]
