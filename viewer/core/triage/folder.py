"""Triage a folder of articles: group them into stories and link copies to their sources.

    result = triage_folder("today/")            # every supported file, sub-folders too
    for story in result.stories: ...            # articles about the same event
        story.links                             # source → derived, label, verbatim share

Steps (each checks `cancelled()` between items and reports `progress(done, 100)`,
a percentage):

1. **Read** every supported file (`loaders.SUPPORTED_SUFFIXES`; hidden files and
   folders skipped; symlinked folders not followed) in path order, with the
   same loaders as the comparison view. Ids are "A1", "A2", ... in that order
   (case-insensitive relative path, then exact path), so the same folder gives
   the same ids. Unreadable files go to `errors` with their reason; nothing is
   ever written in the folder.
2. **Candidates**: word-shingle MinHash LSH (`nearcopies.candidate_pairs`), so
   only pairs likely to share text are analysed, not all N²/2.
3. **Reuse**: every candidate gets the quick verbatim measure on the word
   keys already made (`links.measure_keys`, the same runs and shares);
   only pairs that these join into one group (step 4's rule) get the full
   reuse analysis (`links.measure_pair` without moves: shares,
   similarity, derivation label; the spin score only when the label is not
   "independent"). A pair across groups is never linked.
4. **Stories**: copy pairs are pairs in which at least `story_min_share` of
   one article's words, and at least `story_min_words` words, lie in verbatim
   runs shared with the other (the word floor keeps datelines and bylines from
   joining unrelated items), or that share at least `story_min_shingles` word
   3-grams covering `story_min_containment` of the smaller one (a rewrite keeps
   a story's phrases without long runs). Stories are average-linkage clusters
   of the articles' topical similarity (TF-IDF of their rarer words), copy
   pairs counting as 1 (`topics.story_groups`): an independent report of the
   event joins its story though it shares no wording; articles more than 36 h
   apart by their times (`_story_times`) are not alike by topic. Every article is in
   exactly one story (possibly alone). In a story of at most `all_pairs_max`
   articles, pairs that were never candidates get the quick measure too.
5. **Links**: inside a story, each pair sharing any verbatim run is oriented
   (`links.orient`: file time, time stated in the text, wire form, reuse
   analysis, coverage, length, order) when its own reading is not independent
   (`source_pairs_derived`; turned off, every pair sharing a run may be a
   source, so a story drawn from several takes that each share only a little
   is linked to all of them, but on METER, out of sample at the same gate, that
   linked 12 points more derived articles and 18 points more independent ones
   to a PA file). Each article is then
   read against all its possible sources together (`sources.choose_sources`):
   wire copy first, then by words covered, a candidate is kept when it adds at
   least `source_min_words` words no kept one covers (a sibling that copied the
   same take adds nothing), at most `max_sources`; when P(derived) of the
   article against the kept sources together (`relation.MODEL`, METER's
   reading) is below `source_min_score`, it gets no source at all. Links list
   wire copy first, then by verbatim share (strongest first).

Output order is deterministic: stories by size (largest first), then by their
first article; articles in id order; links by derived article, best source first.

Speed: files are read as `load_article` reads them but without building Token
objects (`loaders.read_text`, `links.text_keys`: the same text, title, word count
and keys); from `POOL_MIN_FILES` files on, reading (with keys and shingles),
the two halves of the LSH bands and the full pair analyses run in two worker
processes ('spawn'), chunk by chunk, results taken in submission order, so the
result is byte-identical to the in-process run; if processes cannot start the
same work runs in-process. Callers that start triage from a script need the
usual `if __name__ == "__main__":` guard (spawned workers import the main
module).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ..formats.loaders import MAX_BYTES, SUPPORTED_SUFFIXES, LoadError, list_folder, read_text
from ..reuse.relation import LABEL_RUN_OPTIONS
from ..reuse.verbatim import ReuseOptions, WordKeys
from ..text.article import Article
from ..util.cancel import CancelCheck, Progress, check
from .doctime import document_time
from .links import (
    INDEPENDENT,
    PARTIALLY,
    PairMeasure,
    match_keys,
    measure_keys,
    measure_pair,
    orient,
    pair_spin,
    text_keys,
)
from .nearcopies import CandidateOptions, candidate_pairs, shingle_hashes
from .sources import SourceCandidate, choose_sources
from .topics import TopicOptions, story_groups
from .wireform import TextEvidence, text_evidence
from .workerpool import ProcessPool, process_pool
from .workerpool import in_chunks as _in_chunks

__all__ = ["TriageOptions", "TriageArticle", "TriageLink", "Story", "TriageError",
           "TriageResult", "triage_folder", "triage_articles", "triage_paths"]


@dataclass(frozen=True)
class TriageOptions:
    """Tuning of a triage run (the defaults are what the bench measures)."""

    candidates: CandidateOptions = CandidateOptions()
    topics: TopicOptions = TopicOptions()
    reuse: ReuseOptions = ReuseOptions()
    story_min_share: float = 0.03
    story_min_words: int = 12
    story_min_shingles: int = 10
    story_min_containment: float = 0.08
    source_min_words: int = 8
    all_pairs_max: int = 64
    source_min_score: float = 0.6
    source_pairs_derived: bool = True  # a source's own pair reading must not be independent
    max_sources: int = 8
    time_tolerance: float = 60.0
    max_files: int = 50_000
    max_bytes: int = MAX_BYTES


@dataclass(frozen=True)
class TriageArticle:
    """One readable file: `modified` is its modification time (None if unknown)."""

    id: str
    path: str | None
    title: str
    words: int
    modified: float | None = None


@dataclass(frozen=True)
class TriageLink:
    """`derived` was most likely written from `source`.

    `verbatim`: share of the derived article's words found verbatim in the
    source; `label`: the derivation label of the pair; `basis`: the rule that
    set the direction ("time", "reuse", "coverage", "length", "order");
    `spin`: the pair's spin score when the reuse analysis gives one.
    """

    source: str
    derived: str
    label: str
    verbatim: float
    similarity: float
    basis: str
    spin: float | None = None


@dataclass(frozen=True)
class Story:
    """Articles about the same event (ids in triage order) and their source links."""

    id: str
    articles: tuple[str, ...]
    links: tuple[TriageLink, ...] = ()

    @property
    def derived_count(self) -> int:
        """How many of the story's articles are linked to a source."""
        return len({link.derived for link in self.links})


@dataclass(frozen=True)
class TriageError:
    """A file (or folder) that could not be read, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class TriageResult:
    """Everything a triage run found; `pairs_analysed` counts full reuse analyses."""

    articles: tuple[TriageArticle, ...]
    stories: tuple[Story, ...]
    errors: tuple[TriageError, ...] = ()
    pairs_analysed: int = 0
    _by_id: dict = field(default_factory=dict, compare=False, repr=False)

    def article(self, article_id: str) -> TriageArticle:
        """The article with this id."""
        if not self._by_id:
            self._by_id.update({a.id: a for a in self.articles})
        return self._by_id[article_id]

    def story_of(self, article_id: str) -> Story:
        """The story holding this article."""
        return next(s for s in self.stories if article_id in s.articles)


def _percent(progress: Progress) -> Callable[[float], None]:
    last = [-1]

    def report(fraction: float) -> None:
        done = min(100, int(fraction * 100))
        if progress is not None and done != last[0]:
            last[0] = done
            progress(done, 100)
    return report


def _hidden(name: str) -> bool:
    return name.startswith(".")


def triage_paths(folder: str | os.PathLike, recursive: bool = True
                 ) -> tuple[list[Path], list[TriageError]]:
    """Supported files under `folder` in triage order, and sub-folders that could not be listed.

    Raises LoadError when `folder` itself is missing, not a folder or unreadable.
    """
    root = Path(folder)
    list_folder(folder)  # the folder itself must be readable: a LoadError says why not
    found: list[Path] = []
    errors: list[TriageError] = []

    def failed(exc: OSError) -> None:
        errors.append(TriageError(str(exc.filename), f"folder cannot be read ({exc.strerror})"))

    for here, dirs, files in os.walk(root, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not _hidden(d)) if recursive else []
        for name in files:
            path = Path(here) / name
            if not _hidden(name) and path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
                found.append(path)

    def order(p: Path) -> tuple[str, str]:
        rel = p.relative_to(root).as_posix()
        return rel.casefold(), rel
    return sorted(found, key=order), sorted(errors, key=lambda e: e.path)


@dataclass
class _Entry:
    meta: TriageArticle
    text: str
    encoding: str | None
    keys: WordKeys
    article: Article | None = None  # kept only when the caller gave Articles
    evidence: TextEvidence = TextEvidence()  # wire-form marks and stated time of the text

    def spec(self):
        """What rebuilds `as_article()` in a worker process: its constructor arguments
        (an Article's tokens are always `tokenize(text)`, rebuilt there faster than
        pickled), or the given article itself if it is of a subclass."""
        if self.article is not None and type(self.article) is not Article:
            return self.article
        return self.meta.id, self.meta.title, self.text, self.meta.path, self.encoding

    def as_article(self) -> Article:
        return self.article or Article(self.meta.id, self.meta.title, self.text, self.meta.path,
                                       self.encoding)


def _modified(path) -> float | None:
    try:
        return os.stat(path).st_mtime if path else None
    except OSError:
        return None


def triage_folder(folder: str | os.PathLike, *, recursive: bool = True,
                  options: TriageOptions = TriageOptions(), progress: Progress = None,
                  cancelled: CancelCheck = None) -> TriageResult:
    """Read every supported file under `folder` and triage them (see the module docstring).

    Raises LoadError if the folder itself cannot be read, Cancelled if
    `cancelled()` turns True.
    """
    report = _percent(progress)
    paths, folder_errors = triage_paths(folder, recursive)
    errors = [*folder_errors]
    if len(paths) > options.max_files:
        errors.append(TriageError(str(folder), f"{len(paths) - options.max_files:,} more files "
                                               f"not read (the limit is {options.max_files:,})"))
        paths = paths[:options.max_files]
    report(0.0)
    with _pool(len(paths)) as pool:
        entries: list[_Entry] = []
        sets: list[np.ndarray] = []
        for k, loaded in _loaded(paths, options, pool, cancelled):
            if isinstance(loaded, TriageError):
                errors.append(loaded)
            else:
                meta, text, encoding, keys, hashes, evidence = loaded
                entries.append(_Entry(replace(meta, id=f"A{len(entries) + 1}"), text, encoding,
                                      keys, evidence=evidence))
                sets.append(hashes)
            report(0.5 * (k + 1) / max(1, len(paths)))
        return _triage(entries, sets, errors, options, lambda f: report(0.5 + 0.5 * f), cancelled,
                       pool)


# ------------------------------------------------------------ worker processes
#
# Reading files and the full reuse analyses of candidate pairs are independent
# per item, so on a large folder they run in a small pool of worker processes
# (the 'spawn' start method: safe with the Qt GUI's threads). Work goes out in
# chunks and comes back in submission order, so the result is the same as the
# in-process run; `cancelled()` is checked between chunks. Small folders, or a
# machine where processes cannot start, do the same work in-process.

POOL_MIN_FILES = 300
"""Folders with fewer files than this are triaged in-process: starting the two worker
processes (spawn, imports) costs ~1 s, more than they save below ~300 articles."""

POOL_MIN_PAIRS = 16
"""Fewer full pair analyses than this are run in-process."""


def _pool(items: int):
    """A process pool context for `items` work items (None in-process when not worth it)."""
    return process_pool(items, POOL_MIN_FILES)


def _load_one(path: Path, options: TriageOptions):
    """A file read as triage needs it, or a TriageError (runs in a worker process too)."""
    try:
        read = read_text(path, options.max_bytes)  # as load_article reads it, without tokens
        title, text, encoding = read.title, read.text, read.encoding
    except LoadError as exc:
        return TriageError(exc.path, exc.reason)
    keys = text_keys(text, options.reuse)  # as match_keys(Article.tokens); len = word count
    meta = TriageArticle("A", str(path), title, len(keys.keys), _modified(path))
    evidence = text_evidence(text)
    stated = document_time(path, options.max_bytes)  # a document's own creation date comes first
    if stated is not None:
        evidence = replace(evidence, stated_time=stated)
    return (meta, text, encoding, keys, shingle_hashes(keys.keys, options.candidates.shingle_words),
            evidence)


def _load_chunk(args):
    paths, options = args
    return [_load_one(p, options) for p in paths]


def _loaded(paths: list[Path], options: TriageOptions, pool, cancelled: CancelCheck):
    """(index, loaded) for every path, in order: see `_load_one`."""
    if pool is None:
        for k, path in enumerate(paths):
            check(cancelled)
            yield k, _load_one(path, options)
        return
    size = max(8, min(64, len(paths) // 16 or 1))
    items = [(paths[k:k + size], options) for k in range(0, len(paths), size)]

    def flat():
        for chunk in _in_chunks(pool, _load_chunk, items, cancelled):
            yield from chunk
    yield from enumerate(flat())


def _analyse_chunk(pairs):
    """Full reuse measures of pairs [(i, j, article i, article j)] (in a worker process too)."""
    built: dict[int, Article] = {}

    def get(k, spec):
        if k not in built:
            built[k] = spec if isinstance(spec, Article) else Article(*spec)
        return built[k]
    out = []
    for i, j, spec_i, spec_j in pairs:
        a, b = get(i, spec_i), get(j, spec_j)
        m = measure_pair(a, b, spin=False)
        if m.label != INDEPENDENT:  # only these can become links: they show the spin
            m = replace(m, spin=pair_spin(a, b))
        out.append(m)
    return out


def _story_times(entries: list[_Entry], measures: dict[tuple[int, int], PairMeasure],
                 copies: list[tuple[int, int]], tolerance: float) -> list[float | None]:
    """Each article's time for grouping: its file time, else the time its text states,
    else the time of the article it shares most of its words with among its copy
    pairs (a story is written within hours of the copy it reuses).

    When every known file time lies within `tolerance` seconds of the others (a
    folder unpacked or copied in one go), file times tell nothing apart and the
    texts' times alone are used."""
    known = [e.meta.modified for e in entries if e.meta.modified is not None]
    informative = len(known) > 1 and max(known) - min(known) >= tolerance
    own = [e.meta.modified if informative and e.meta.modified is not None
           else e.evidence.stated_time for e in entries]
    while True:  # hop by hop: a story copied from a story copied from the wire
        best: dict[int, tuple[float, int]] = {}  # timeless article -> (share, partner)
        for i, j in copies:
            m = measures[(i, j)]
            for k, other, share in ((i, j, m.share_a), (j, i, m.share_b)):
                if own[k] is None and own[other] is not None and share > best.get(k, (-1.0, 0))[0]:
                    best[k] = (share, other)
        if not best:
            return own
        own = [own[k] if k not in best else own[best[k][1]] for k in range(len(entries))]


def triage_articles(articles: Sequence[Article], *, times: dict[str, float] | None = None,
                    options: TriageOptions = TriageOptions(), progress: Progress = None,
                    cancelled: CancelCheck = None) -> TriageResult:
    """Triage articles already loaded (unique ids; `times[id]` = file time, optional)."""
    report = _percent(progress)
    if len({a.id for a in articles}) != len(articles):
        raise ValueError("article ids must be unique")
    times = times or {}
    entries, sets = [], []
    for k, art in enumerate(articles):
        check(cancelled)
        meta = TriageArticle(art.id, art.path, art.title, art.word_count, times.get(art.id))
        keys = match_keys(art.tokens, options.reuse)
        entries.append(_Entry(meta, art.text, art.encoding, keys, art, text_evidence(art.text)))
        sets.append(shingle_hashes(keys.keys, options.candidates.shingle_words))
        report(0.2 * (k + 1) / max(1, len(articles)))
    with _pool(len(articles)) as pool:
        return _triage(entries, sets, [], options, lambda f: report(0.2 + 0.8 * f), cancelled,
                       pool)


def _triage(entries: list[_Entry], sets: list[np.ndarray], errors: list[TriageError],
            options: TriageOptions, report: Callable[[float], None],
            cancelled: CancelCheck, pool: "ProcessPool | None" = None) -> TriageResult:
    check(cancelled)
    def in_pool(work, jobs):
        return _in_chunks(pool, work, jobs, cancelled)
    use_pool = pool is not None and len(entries) >= POOL_MIN_FILES
    candidates = candidate_pairs(sets, options.candidates, cancelled, in_pool if use_pool else None)
    report(0.1)
    # Quick verbatim measures of every candidate, on the keys already made: the
    # same runs and shares the full analysis finds, so they decide which pairs
    # can end up in one story. Only those get the full analysis; a pair across
    # two groups is never linked and its label is never used.
    measures: dict[tuple[int, int], PairMeasure] = {}
    for n, cand in enumerate(candidates):
        if n % 64 == 0:
            check(cancelled)
        a, b = entries[cand.i], entries[cand.j]
        measures[(cand.i, cand.j)] = measure_keys(a.meta.id, a.keys, b.meta.id, b.keys,
                                                  options.reuse)
    report(0.2)
    phrases = {(c.i, c.j) for c in candidates if c.shared >= options.story_min_shingles
               and c.containment >= options.story_min_containment}
    copies = _copy_pairs(entries, measures, options, phrases)
    roots = story_groups([e.keys.keys for e in entries], copies, options.topics, cancelled,
                         _story_times(entries, measures, copies, options.time_tolerance))
    inside = sorted((roots[i], i, j) for i, j in measures if roots[i] == roots[j])
    analysed = len(inside)
    if pool is None or len(inside) < POOL_MIN_PAIRS:
        articles = _Articles(entries)
        for n, (root, i, j) in enumerate(inside):
            check(cancelled)
            articles.keep_group(root)
            measures[(i, j)] = _analyse_chunk([(i, j, articles.get(i), articles.get(j))])[0]
            report(0.2 + 0.65 * (n + 1) / len(inside))
    else:
        # chunks of whole groups where possible: each worker builds an article once per chunk
        size = max(4, min(32, len(inside) // 8))
        items, chunk = [], []
        for root, i, j in inside:
            chunk.append((i, j, entries[i].spec(), entries[j].spec()))
            if len(chunk) >= size:
                items.append(chunk)
                chunk = []
        if chunk:
            items.append(chunk)
        done = 0
        for ms in _in_chunks(pool, _analyse_chunk, items, cancelled):
            for m in ms:
                _, i, j = inside[done]
                measures[(i, j)] = m
                done += 1
            report(0.2 + 0.65 * done / len(inside))
    check(cancelled)
    stories = _stories(entries, [(i, j, m) for (i, j), m in sorted(measures.items())], options,
                       roots, [np.unique(h) for h in sets], pool, cancelled)
    report(1.0)
    return TriageResult(tuple(e.meta for e in entries), stories,
                        tuple(sorted(errors, key=lambda e: (e.path, e.reason))), analysed)


class _Articles:
    """Articles rebuilt for the full analysis, kept only while their group is worked on."""

    def __init__(self, entries: list[_Entry]):
        self.entries = entries
        self.built: dict[int, Article] = {}
        self.group = None

    def keep_group(self, group) -> None:
        if group != self.group:
            self.group = group
            self.built.clear()

    def get(self, k: int) -> Article:
        if k not in self.built:
            self.built[k] = self.entries[k].as_article()
        return self.built[k]


def _joins(m: PairMeasure, words_a: int, words_b: int, options: TriageOptions) -> bool:
    shared = max(m.share_a * words_a, m.share_b * words_b)
    return (max(m.share_a, m.share_b) >= options.story_min_share
            and shared >= options.story_min_words)


def _folding(o: ReuseOptions) -> tuple[bool, bool, bool]:
    return o.ignore_case, o.ignore_punctuation, o.ignore_numbers


def _copy_pairs(entries: list[_Entry], measures: dict[tuple[int, int], PairMeasure],
                options: TriageOptions, phrases: set[tuple[int, int]] = frozenset()
                ) -> list[tuple[int, int]]:
    """Pairs that share wording enough to be one story: a pair passes `_joins`, or
    shares enough word 3-grams (`phrases`: candidate pairs that pass
    `story_min_shingles` and `story_min_containment`; a rewrite keeps the
    story's phrases and quotes without long verbatim runs)."""
    return [(i, j) for (i, j), m in sorted(measures.items())
            if (i, j) in phrases or _joins(m, entries[i].meta.words, entries[j].meta.words, options)]


def _choose_chunk(jobs):
    """`choose_sources` of [(text, candidates, (min words, max sources, min score))]: the
    kept candidates' keys of each (in a worker process too)."""
    return [choose_sources(text, cands, min_new_words=w, max_sources=m, min_score=sc).sources
            for text, cands, (w, m, sc) in jobs]


def _stories(entries: list[_Entry], measures, options: TriageOptions,
             root: list[int], shingles: list[np.ndarray], pool=None,
             cancelled: CancelCheck = None) -> tuple[Story, ...]:
    """The stories of groups `root`, with each article's sources; `shingles[k]`: article
    k's distinct shingle hashes; `pool`: worker processes for reading the sources."""
    groups: dict[int, list[int]] = {}
    for k in range(len(entries)):
        groups.setdefault(root[k], []).append(k)
    measured = {(i, j) for i, j, _ in measures}
    extra = []  # pairs of a story that were never candidates (topical neighbours): a quick look
    for members in groups.values():
        if 1 < len(members) <= options.all_pairs_max:
            for x, i in enumerate(members):
                for j in members[x + 1:]:
                    # a verbatim run of min_words words holds min_words - 2 shingles
                    if (i, j) not in measured and np.intersect1d(
                            shingles[i], shingles[j], assume_unique=True).size >= max(
                            1, options.reuse.min_words - options.candidates.shingle_words + 1):
                        extra.append((i, j, measure_keys(entries[i].meta.id, entries[i].keys,
                                                         entries[j].meta.id, entries[j].keys,
                                                         options.reuse)))
    incoming: dict[int, list[tuple[int, tuple]]] = {}
    for i, j, m in [*measures, *extra]:
        if root[i] != root[j] or max(m.share_a, m.share_b) <= 0.0 or (
                options.source_pairs_derived and m.label == INDEPENDENT):
            continue
        a, b = entries[i].meta, entries[j].meta
        d = orient(m, times=(a.modified, b.modified), words=(a.words, b.words), order=(i, j),
                   time_tolerance=options.time_tolerance,
                   evidence=(entries[i].evidence, entries[j].evidence))
        src, der = (i, j) if d.source == a.id else (j, i)
        incoming.setdefault(der, []).append((src, (m, d)))

    def link(m: PairMeasure, d) -> TriageLink:
        spin = m.spin
        # a take that shares too little to look derived on its own is still one of the
        # sources of an article derived from its takes together
        label = m.label if m.label != INDEPENDENT else PARTIALLY
        return TriageLink(d.source, d.derived, label, round(m.share_of(d.derived), 4),
                          round(m.similarity, 4), d.basis, None if spin is None else round(spin, 4))

    ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0]))
    same_keys = _folding(options.reuse) == _folding(LABEL_RUN_OPTIONS)  # the keys made on reading
    found = {k: sorted(incoming[k], key=lambda t: t[0]) for members in ordered for k in members
             if k in incoming}
    jobs = []
    for k, cands in found.items():
        wire_k = entries[k].evidence.wire > 0
        near = {src for src, _ in cands}
        jobs.append((entries[k].text, [
            SourceCandidate(pos, entries[src].text, entries[src].evidence.wire > 0 and not wire_k,
                            any(p in near and m.label != INDEPENDENT
                                for p, (m, _) in incoming.get(src, ())),
                            entries[src].keys if same_keys else None)
            for pos, (src, _) in enumerate(cands)],
            (options.source_min_words, options.max_sources, options.source_min_score)))
    if pool is None or len(jobs) < POOL_MIN_PAIRS:
        kept = _choose_chunk(jobs)
    else:
        size = max(8, min(64, len(jobs) // 8))
        kept = [got for chunk in _in_chunks(pool, _choose_chunk,
                                            [jobs[x:x + size] for x in range(0, len(jobs), size)],
                                            cancelled) for got in chunk]
    chosen_of = dict(zip(found, kept))
    stories = []
    for n, members in enumerate(ordered, 1):
        links = []
        for k in members:
            if not chosen_of.get(k):
                continue
            cands, sources = found[k], chosen_of[k]
            wire_k = entries[k].evidence.wire > 0
            # wire copy first (as kept), then strongest first: the pair's verbatim share
            chosen = [link(*cands[pos][1]) for pos in sources]
            wire_first = {pos: rank for rank, pos in enumerate(sources)
                          if entries[cands[pos][0]].evidence.wire > 0 and not wire_k}
            links += [lk for _, lk in sorted(
                zip(sources, chosen),
                key=lambda t: (t[0] not in wire_first, -t[1].verbatim, wire_first.get(t[0], 0)))]
        stories.append(Story(f"S{n}", tuple(entries[k].meta.id for k in members), tuple(links)))
    return tuple(stories)
