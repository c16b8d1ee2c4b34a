"""N articles in, one Comparison out: the analysis the GUI and export share.

`compare` diffs every unordered pair of articles once (in article order),
aligns their sentences, and gathers the counts the status bar and export
show. The GUI runs it in a worker with `progress` and `cancelled` callbacks;
the headless export calls it directly, so both always agree.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Sequence

from .diff.align import SentencePair, align_sentences
from .diff.worddiff import EQUAL, INSERT, DiffChunk, Ops, diff_chunks, invert, word_diff
from .reuse.direction import OTHERS_WORDING, REUSE, spun_original
from .reuse.others import derive_from_others
from .reuse.pairs import PairReuse, analyse_pair
from .reuse.relation import Derivation
from .reuse.siblings import explained_by_common_source
from .reuse.spin import SPUN_SCORE
from .text.article import Article
from .text.tokens import count_words
from .util.cancel import CancelCheck, Progress, check
from .util.collector import paused
from .util.elsewhere import Elsewhere, Standby


@dataclass(frozen=True)
class DiffStats:
    """Counts of one oriented diff: changes and words added/dropped."""

    changes: int
    words_added: int
    words_dropped: int
    words_equal: int


@dataclass(frozen=True)
class PairAnalysis:
    """Everything known about articles `a` and `b` (a before b in order)."""

    a: str
    b: str
    ops: tuple[tuple[str, str], ...]
    similarity: float
    alignment: tuple[SentencePair, ...]
    reuse: PairReuse = field(compare=False)


@dataclass(frozen=True)
class OrientedPair:
    """A pair seen from one side: `ref` is the reference (e.g. the base)."""

    ref: str
    other: str
    ops: Ops
    chunks: tuple[DiffChunk, ...]
    alignment: tuple[tuple[int, int, int, int, bool], ...]  # ref span, other span, moved
    similarity: float
    stats: DiffStats
    analysis: PairAnalysis
    runs: tuple[tuple[int, int, int, int], ...] = ()  # verbatim runs: ref span, other span
    swaps: tuple[tuple[int, int, int, int, str, str, bool], ...] = ()  # spin: spans, words, known
    moves: tuple[tuple[int, int, int, int], ...] = ()
    label: str | None = None  # derivation label of the pair
    derived: str | None = None  # which of the two is derived (id), if any
    spin_score: float = 0.0
    basis: str = "reuse"  # what decided which one is derived (see reuse.direction)


def diff_stats(ops: Ops) -> DiffStats:
    """Count changes (edit runs) and words on each side of a diff."""
    changes = added = dropped = equal = 0
    prev = EQUAL
    for op, text in ops:
        n = count_words(text)
        if op == EQUAL:
            equal += n
        else:
            if prev == EQUAL:
                changes += 1
            if op == INSERT:
                added += n
            else:
                dropped += n
        prev = op
    return DiffStats(changes, added, dropped, equal)


def pair_analysis(a: Article, b: Article, cancelled: CancelCheck = None) -> PairAnalysis:
    """Diff, align and measure the reuse between one pair of articles.

    `similarity` is the reuse analysis' symmetric share of both articles'
    words inside verbatim runs (robust to shared common words, unlike a diff).
    """
    ops = word_diff(a.text, b.text, cancelled=cancelled)
    check(cancelled)
    alignment = tuple(align_sentences(a, b))
    check(cancelled)
    reuse = analyse_pair(a, b, diff_ops=ops)
    return PairAnalysis(a.id, b.id, tuple(ops), round(reuse.similarity, 4), alignment, reuse)


@dataclass(frozen=True)
class Comparison:
    """The analysis of a set of articles against a base."""

    articles: tuple[Article, ...]
    base: str
    pairs: dict[tuple[str, str], PairAnalysis]
    claims: tuple = ()
    derivations: dict = field(default_factory=dict, compare=False)  # id -> Derivation from all the others
    one_event: frozenset = frozenset()  # (id, id) pairs of articles the claims read as one event
    _oriented: dict = field(default_factory=dict, compare=False, repr=False)
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # callers' derived views

    def article(self, article_id: str) -> Article:
        """The article with this id."""
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)

    def pair(self, a_id: str, b_id: str) -> PairAnalysis:
        """The stored (unoriented) analysis of two articles."""
        return self.pairs.get((a_id, b_id)) or self.pairs[(b_id, a_id)]

    def without(self, article_id: str) -> "Comparison | None":
        """The same analysis with one article left out (None when none remain).

        Pairs are kept as they are; claims lose that article's members (and
        claims it alone carried), conflicts lose its values. Derivations from
        all the others are left out: they change with every article, and the
        re-analysis that follows finds them again.
        """
        arts = tuple(a for a in self.articles if a.id != article_id)
        if not arts:
            return None
        pairs = {k: v for k, v in self.pairs.items() if article_id not in k}
        claims = []
        for c in self.claims:
            members = tuple(m for m in c.members if m.article != article_id)
            if not members:
                continue
            conflicts = tuple(type(k)(k.kind, {x: v for x, v in k.values.items() if x != article_id})
                              for k in c.conflicts)
            conflicts = tuple(k for k in conflicts if len(set(k.values.values())) > 1)
            claims.append(replace(c, articles=tuple(x for x in c.articles if x != article_id),
                                  members=members, conflicts=conflicts,
                                  in_order=tuple(k for k in c.in_order if article_id not in k)))
        base = self.base if self.base != article_id else arts[0].id
        one_event = frozenset(k for k in self.one_event if article_id not in k)
        return Comparison(arts, base, pairs, tuple(claims), one_event=one_event)

    def oriented(self, ref: str, other: str) -> OrientedPair:
        """The pair as a diff of `ref` → `other`, with chunks and stats (computed once)."""
        found = self._oriented.get((ref, other))
        if found is None:
            found = self._oriented[(ref, other)] = self._orient(ref, other)
        return found

    def _orient(self, ref: str, other: str) -> OrientedPair:
        pa = self.pair(ref, other)
        forward = pa.a == ref

        def side(a0, a1, b0, b1):
            return (a0, a1, b0, b1) if forward else (b0, b1, a0, a1)

        if forward:
            ops = list(pa.ops)
        else:
            ops = invert(list(pa.ops))
        align = tuple(sorted(side(p.a_start, p.a_end, p.b_start, p.b_end) + (p.moved,)
                             for p in pa.alignment))
        r = pa.reuse
        return OrientedPair(
            ref, other, ops, tuple(diff_chunks(ops)), align, pa.similarity, diff_stats(ops), pa,
            runs=tuple(sorted(side(v.a_start, v.a_end, v.b_start, v.b_end) for v in r.runs)),
            swaps=tuple(sorted(side(w.a_start, w.a_end, w.b_start, w.b_end)
                               + ((w.a_text, w.b_text) if forward else (w.b_text, w.a_text))
                               + (w.known_synonym,) for w in r.spin.substitutions)),
            moves=tuple(sorted(side(m.a_start, m.a_end, m.b_start, m.b_end) for m in r.moves)),
            label=r.label, derived=r.derived, spin_score=r.spin.score, basis=r.basis)


def _spin_directed(found: PairAnalysis, a: Article, b: Article, arts: Sequence[Article]) -> PairAnalysis:
    """`found`, with a spun pair's direction read from the other articles' wording when only the
    model's guess gave it (`reuse.direction.spun_original`); the cached pair stays as it was."""
    r = found.reuse
    if r.derived is None or r.basis != REUSE or r.spin.score < SPUN_SCORE or len(arts) < 3:
        return found
    side = spun_original([(w.a_text, w.b_text) for w in r.spin.substitutions],
                         [o for o in arts if o is not a and o is not b])
    if side is None:
        return found
    derived = b.id if side == 0 else a.id
    return replace(found, reuse=replace(r, derived=derived, basis=OTHERS_WORDING))


def _read_pairs(found: dict[tuple[str, str], PairAnalysis],
                arts: Sequence[Article]) -> dict[tuple[str, str], PairAnalysis]:
    """The pairs' analyses as the comparison reads them, in `found`'s order: a spun pair's
    direction from the other articles' wording (`_spin_directed`), then stories written from the
    same wire copy apart (`_siblings_apart`)."""
    by_id = {a.id: a for a in arts}
    return _siblings_apart({(a, b): _spin_directed(pa, by_id[a], by_id[b], arts)
                            for (a, b), pa in found.items()}, arts)


def _siblings_apart(pairs: dict[tuple[str, str], PairAnalysis],
                    arts: Sequence[Article]) -> dict[tuple[str, str], PairAnalysis]:
    """`pairs`, with two stories written from the same wire copy in the comparison read as
    independent of each other when what they share beyond it reads independent (`reuse.siblings`)."""
    read = explained_by_common_source({key: pa.reuse for key, pa in pairs.items()}, arts)
    return {key: pa if read[key] is pa.reuse else replace(pa, reuse=read[key]) for key, pa in pairs.items()}


PAIR_THREADS = 2  # the word diff (C++) releases the GIL: two pairs at once use both cores


def _pair_analyses(todo: list[tuple[Article, Article]], cancelled: CancelCheck, cache: dict):
    """Yield ((a, b), PairAnalysis) for every pair of `todo`, in order, reusing `cache` and filling
    it. Pairs not cached run in PAIR_THREADS threads; a cancel stops them between steps."""
    missing = [p for p in todo if _cache_key(p) not in cache]
    check(cancelled)
    if len(missing) < 2:
        computed = iter([pair_analysis(a, b, cancelled) for a, b in missing])
        pool = None
    else:
        pool = ThreadPoolExecutor(PAIR_THREADS, thread_name_prefix="copydesk-pair")
        computed = pool.map(lambda p: pair_analysis(p[0], p[1], cancelled), missing)
    try:
        for pair in todo:
            found = cache.get(_cache_key(pair))
            if found is None:
                found = cache[_cache_key(pair)] = next(computed)
            check(cancelled)
            yield pair, found
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


@paused  # the analysis' many small objects make the collector's passes slow (util.collector)
def compare(articles: Sequence[Article], base: str | None = None, *,
            progress: Progress = None, cancelled: CancelCheck = None,
            cache: dict | None = None, with_claims: bool = True,
            second_process: bool = False) -> Comparison:
    """Analyse every pair of `articles` and find their claims; `base` defaults to the first.

    `cache` (any dict kept by the caller) lets a re-analysis reuse the pairs
    whose two articles did not change. `second_process`: from ELSEWHERE_WORDS
    words in all, a second process takes part of the work while this one does
    the rest (`_split`; the same result; the caller's main module needs the
    `if __name__ == "__main__":` guard, as the app's and the command line's have).
    """
    arts = tuple(articles)
    if not arts:
        raise ValueError("no articles to compare")
    ids = [a.id for a in arts]
    if len(set(ids)) != len(ids):
        raise ValueError("article ids must be unique")
    base = base or ids[0]
    if base not in ids:
        raise ValueError(f"base {base!r} is not one of the articles")
    todo = list(combinations(arts, 2))
    n_claims = len(todo) // 2 + 1 if with_claims else 0
    steps = len(todo) + len(arts) + n_claims
    cache = {} if cache is None else cache
    missing = [p for p in todo if _cache_key(p) not in cache]
    split, elsewhere = _second_process(arts, missing, with_claims) if second_process else (None, None)
    claims: tuple = ()
    events: set = set()

    def claims_progress(start: int):
        def report(part: int, total: int) -> None:
            if progress:
                progress(start + round(part / max(total, 1) * n_claims), steps)
        return report

    derived_elsewhere = None
    try:
        if split == "pairs":  # the claims here first, while the pairs are analysed elsewhere
            claims, events = _claims(arts, None, claims_progress(0), cancelled)
            got = elsewhere.result(cancelled)
            if isinstance(got, tuple):  # every pair went: the derivations came with them
                got, derived_elsewhere = got
            for pair, found in zip(missing, got or ()):
                cache[_cache_key(pair)] = found
        first = n_claims if split == "pairs" else 0
        found_pairs: dict[tuple[str, str], PairAnalysis] = {}
        for k, ((a, b), found) in enumerate(_pair_analyses(todo, cancelled, cache)):
            if progress:
                progress(first + k, steps)
            found_pairs[(a.id, b.id)] = found
        pairs = _read_pairs(found_pairs, arts)
        derivations = derived_elsewhere if derived_elsewhere is not None else derive_from_others(
            arts, (lambda k: progress(first + len(todo) + k, steps)) if progress else None, cancelled,
            {key: pa.reuse for key, pa in pairs.items()})
        if with_claims and split != "pairs":
            claims, events = _claims(arts, elsewhere, claims_progress(len(todo) + len(arts)), cancelled)
    finally:
        if elsewhere is not None:
            elsewhere.stop()
    if progress:
        progress(steps, steps)
    return Comparison(arts, base, pairs, claims, derivations, one_event=frozenset(events))


# From this many words in all, a second process takes part of the work (`_split`): starting it
# costs about a second of the other core (a fresh interpreter, the texts tokenized again), which
# long texts more than cover (bench/scale_bench.py). When the app's standby process is ready
# (`STANDBY`, started and loaded ahead of time) STANDBY_WORDS are enough.
ELSEWHERE_WORDS = 40_000
STANDBY_WORDS = 3_000
# The claims cost about twice the reuse analysis of one pair, per word (two 100,000-word texts:
# claims 7 s, their pair 3 s). With up to this many articles the pairs go to the second process
# and the claims stay; with more, the pairs outweigh the claims, and the claims go.
PAIRS_ELSEWHERE_ARTICLES = 3


def _split(arts: tuple[Article, ...], missing: list, with_claims: bool, standby: bool = False) -> str | None:
    """What the second process takes: "pairs", "claims", or None (too little work, one core, or
    nothing to do beside the claims: every pair is in the cache). `standby`: a process is
    waiting, loaded (no start-up to cover)."""
    if (not with_claims or not missing or (os.cpu_count() or 1) < 2
            or sum(a.word_count for a in arts) < (STANDBY_WORDS if standby else ELSEWHERE_WORDS)):
        return None
    return "pairs" if len(arts) <= PAIRS_ELSEWHERE_ARTICLES else "claims"


def warm_analysis() -> None:
    """What the standby process loads before it is ready: the analysis and its data files, and
    the first-use caches of one small comparison."""
    from .text.synonyms import preload

    preload()
    compare([Article("A", "", "The minister said on Monday that 24 soldiers were killed in the attack."),
             Article("B", "", "Officials mentioned on Monday that 25 troopers had died in the raid.")])


# The second process kept waiting (util.elsewhere.Standby): the app starts it; `compare` with
# `second_process` hands it work when it is ready and idle.
STANDBY = Standby(warm_analysis)


def _second_process(arts: tuple[Article, ...], missing: list, with_claims: bool):
    """(what a second process takes, its job), or (None, None): the standby process when it is
    ready and idle, else a fresh one when the texts are long enough to cover its start."""
    split = _split(arts, missing, with_claims, STANDBY.ready())
    if split is None:
        return None, None
    specs = [(a.id, a.title, a.text) for a in arts]
    wanted = [(a.id, b.id) for a, b in missing]
    every = len(missing) == len(arts) * (len(arts) - 1) // 2  # then the derivations can be read there too
    call = (claims_of, specs) if split == "claims" else \
        (pairs_and_derivations_of, specs, wanted) if every else (pairs_of, specs, wanted)
    job = STANDBY.submit(*call)
    if job is None and _split(arts, missing, with_claims) is not None:
        job = Elsewhere(*call)
    return (split, job) if job is not None else (None, None)


def _cache_key(pair: tuple[Article, Article]) -> tuple:
    a, b = pair
    return (a.id, a.text, b.id, b.text)


@paused
def claims_of(specs: list[tuple[str, str, str]]) -> tuple[tuple, set]:
    """(claims, one-event pairs) of the articles (id, title, text): `find_claims` where the
    articles are rebuilt from their texts (run in a second process by `compare`)."""
    from .claims.finder import find_claims

    events: set = set()
    return tuple(find_claims([Article(i, title, text) for i, title, text in specs], one_event=events)), events


@paused
def pairs_of(specs: list[tuple[str, str, str]], wanted: list[tuple[str, str]]) -> list[PairAnalysis]:
    """`pair_analysis` of each wanted (id, id) pair of the articles (id, title, text), in order
    (run in a second process by `compare`)."""
    arts = {i: Article(i, title, text) for i, title, text in specs}
    return [pair_analysis(arts[a], arts[b]) for a, b in wanted]


@paused
def pairs_and_derivations_of(specs: list[tuple[str, str, str]], wanted: list[tuple[str, str]]
                             ) -> tuple[list[PairAnalysis], dict[str, Derivation]]:
    """`pairs_of`, with each article's derivation from all the others read from those pairs as
    `compare` reads them; `wanted` is every pair of the articles, in `compare`'s order (run in a
    second process by `compare`: the derivations of two long texts take some tenths of a second
    that the process's core has free while the claims are found in the caller's)."""
    arts = tuple(Article(i, title, text) for i, title, text in specs)
    by_id = {a.id: a for a in arts}
    found = [pair_analysis(by_id[a], by_id[b]) for a, b in wanted]
    pairs = _read_pairs(dict(zip(wanted, found)), arts)
    return found, derive_from_others(arts, pairs={key: pa.reuse for key, pa in pairs.items()})


def _claims(arts: tuple[Article, ...], elsewhere, progress, cancelled: CancelCheck) -> tuple[tuple, set]:
    """The claims of `arts` and their one-event pairs: from `elsewhere` when it has them, else
    found here (the same result either way)."""
    found = elsewhere.result(cancelled) if elsewhere is not None else None
    if found is None:
        from .claims.finder import find_claims

        events: set = set()
        found = tuple(find_claims(arts, progress=progress, cancelled=cancelled, one_event=events)), events
    return found
