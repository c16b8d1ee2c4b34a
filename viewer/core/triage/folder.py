"""Triage a folder of articles: group them into stories and link copies to their sources.

    result = triage_folder("today/")            # every supported file, sub-folders too
    for story in result.stories: ...            # articles about the same event
        story.links                             # source → derived, label, verbatim share

Steps (each checks `cancelled()` between items and reports `progress(done, 100)`,
a percentage); this module runs them in order, `model` holds the options and
result types:

1. **Read** (`reading`) every supported file (`loaders.SUPPORTED_SUFFIXES`;
   hidden files and folders skipped; symlinked folders not followed) in path
   order, with the same loaders as the comparison view. Ids are "A1", "A2", ... in that order
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
4. **Stories** (`stories.story_roots`): copy pairs are pairs in which at least `story_min_share` of
   one article's words, and at least `story_min_words` words, lie in verbatim
   runs shared with the other (the word floor keeps datelines and bylines from
   joining unrelated items), or that share at least `story_min_shingles` word
   3-grams covering `story_min_containment` of the smaller one (a rewrite keeps
   a story's phrases without long runs). Stories are average-linkage clusters
   of the articles' topical similarity (TF-IDF of their rarer words), copy
   pairs counting as 1 (`topics.story_groups`): an independent report of the
   event joins its story though it shares no wording; articles more than 36 h
   apart by their times (`stories._story_times`) are not alike by topic, and
   a copy pair that far apart joins only when at least
   `story_copy_any_day_share` of one lies in runs of the other. Wire takes
   filed on one day under one catchline (`wireform`) are one story, and never
   linked to each other (`stories._take_sets`). Every
   article is in exactly one story (possibly alone). In a story of at most
   `all_pairs_max` articles, pairs that were never candidates get the quick
   measure too (`stories.linked_stories`).
5. **Links** (`stories.linked_stories`): inside a story, each pair sharing any verbatim run is oriented
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
objects (`reading.read_one`: `loaders.read_text`, `links.text_keys`, the same
text, title, word count and keys); from `POOL_MIN_FILES` files on, reading (with keys and shingles),
the two halves of the LSH bands and the full pair analyses run in two worker
processes ('spawn'), chunk by chunk, results taken in submission order, so the
result is byte-identical to the in-process run; if processes cannot start the
same work runs in-process. Callers that start triage from a script need the
usual `if __name__ == "__main__":` guard (spawned workers import the main
module).
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Callable, Sequence

import numpy as np

from ..text.article import Article
from ..text.wireform import text_evidence
from ..util.cancel import CancelCheck, Progress, check
from ..util.collector import paused
from .links import INDEPENDENT, PairMeasure, match_keys, measure_keys, measure_pair, pair_spin
from .model import (
    Entry,
    Story,
    TriageArticle,
    TriageError,
    TriageLink,
    TriageOptions,
    TriageResult,
)
from .nearcopies import candidate_pairs, shingle_hashes
from .reading import read_all, triage_paths
from .stories import linked_stories, story_roots
from .workerpool import ProcessPool, process_pool
from .workerpool import in_chunks as _in_chunks

__all__ = ["TriageOptions", "TriageArticle", "TriageLink", "Story", "TriageError",
           "TriageResult", "triage_folder", "triage_articles", "triage_paths"]


def _percent(progress: Progress) -> Callable[[float], None]:
    last = [-1]

    def report(fraction: float) -> None:
        done = min(100, int(fraction * 100))
        if progress is not None and done != last[0]:
            last[0] = done
            progress(done, 100)
    return report


@paused
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
        entries: list[Entry] = []
        sets: list[np.ndarray] = []
        for k, loaded in read_all(paths, options, pool, cancelled):
            if isinstance(loaded, TriageError):
                errors.append(loaded)
            else:
                meta, text, encoding, keys, hashes, evidence = loaded
                entries.append(Entry(replace(meta, id=f"A{len(entries) + 1}"), text, encoding,
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


@paused
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
        entries.append(Entry(meta, art.text, art.encoding, keys, art, text_evidence(art.text)))
        sets.append(shingle_hashes(keys.keys, options.candidates.shingle_words))
        report(0.2 * (k + 1) / max(1, len(articles)))
    with _pool(len(articles)) as pool:
        return _triage(entries, sets, [], options, lambda f: report(0.2 + 0.8 * f), cancelled,
                       pool)


def _triage(entries: list[Entry], sets: list[np.ndarray], errors: list[TriageError],
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
    roots = story_roots(entries, candidates, measures, options, cancelled)
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
    stories = linked_stories(entries, [(i, j, m) for (i, j), m in sorted(measures.items())],
                             options, roots, [np.unique(h) for h in sets], pool, cancelled,
                             pool_min_jobs=POOL_MIN_PAIRS)
    report(1.0)
    return TriageResult(tuple(e.meta for e in entries), stories,
                        tuple(sorted(errors, key=lambda e: (e.path, e.reason))), analysed)


class _Articles:
    """Articles rebuilt for the full analysis, kept only while their group is worked on."""

    def __init__(self, entries: list[Entry]):
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
