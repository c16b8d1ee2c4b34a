"""Triage steps 4 and 5: group articles into stories, then link each article to its sources.

`story_roots` makes the copy pairs (enough shared verbatim wording, or enough
shared word 3-grams) and each article's time for grouping, and hands them to
`topics.story_groups`; `linked_stories` orients every pair of a story that
shares a verbatim run (`links.orient`), reads each article against all its
possible sources together (`sources.choose_sources`, in worker processes when
given a pool) and returns the stories in output order. The rules are in
`folder`'s module docstring.
"""

from __future__ import annotations

import numpy as np

from ..diff.sequences import connected_roots
from ..reuse.relation import LABEL_RUN_OPTIONS
from ..reuse.verbatim import ReuseOptions
from ..util.cancel import CancelCheck
from .links import INDEPENDENT, PARTIALLY, PairMeasure, measure_keys, orient
from .model import Entry, Story, TriageLink, TriageOptions
from .nearcopies import Candidate
from .sources import SourceCandidate, choose_sources
from .topics import story_groups
from .workerpool import in_chunks

__all__ = ["story_roots", "linked_stories", "choose_chunk"]


def _joins(m: PairMeasure, words_a: int, words_b: int, options: TriageOptions) -> bool:
    shared = max(m.share_a * words_a, m.share_b * words_b)
    return (max(m.share_a, m.share_b) >= options.story_min_share
            and shared >= options.story_min_words)


def _folding(o: ReuseOptions) -> tuple[bool, bool, bool]:
    return o.ignore_case, o.ignore_punctuation, o.ignore_numbers


def _copy_pairs(entries: list[Entry], measures: dict[tuple[int, int], PairMeasure],
                options: TriageOptions, phrases: set[tuple[int, int]] = frozenset()
                ) -> list[tuple[int, int]]:
    """Pairs that share wording enough to be one story: a pair passes `_joins`, or
    shares enough word 3-grams (`phrases`: candidate pairs that pass
    `story_min_shingles` and `story_min_containment`; a rewrite keeps the
    story's phrases and quotes without long verbatim runs)."""
    return [(i, j) for (i, j), m in sorted(measures.items())
            if (i, j) in phrases or _joins(m, entries[i].meta.words, entries[j].meta.words, options)]


def _story_times(entries: list[Entry], measures: dict[tuple[int, int], PairMeasure],
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


def story_roots(entries: list[Entry], candidates: list[Candidate],
                measures: dict[tuple[int, int], PairMeasure], options: TriageOptions,
                cancelled: CancelCheck = None) -> list[int]:
    """Each article's story, as the root of its group (`topics.story_groups`), from the
    candidate pairs' quick verbatim `measures` and shared word 3-grams (step 4)."""
    phrases = {(c.i, c.j) for c in candidates if c.shared >= options.story_min_shingles
               and c.containment >= options.story_min_containment}
    copies = _copy_pairs(entries, measures, options, phrases)
    times = _story_times(entries, measures, copies, options.time_tolerance)
    joined = _same_days(copies, measures, times, options) + _takes(entries, options.all_pairs_max)
    return story_groups([e.keys.keys for e in entries], joined, options.topics, cancelled, times)


def _take_sets(entries: list[Entry]) -> dict[int, int]:
    """Wire takes filed on the same day (the header's date) under one catchline, or under
    catchlines of which one extends the other by words ("courts pinochet" and "courts
    pinochet lead"; the shorter of at least two words): the wire's own word that they
    are one story. Each such take's set, as its smallest member."""
    where: dict[tuple[int, str], list[int]] = {}
    for k, e in enumerate(entries):
        c, t = e.evidence.catchline, e.evidence.stated_time
        if c is not None and t is not None:
            where.setdefault((int(t // 86400), c), []).append(k)
    links = []
    for (day, c), ks in where.items():
        words = c.split()
        links += [(ks[0], k) for k in ks[1:]]
        links += [(where[(day, p)][0], ks[0]) for n in range(2, len(words))
                  if (day, p := " ".join(words[:n])) in where]
    roots = connected_roots(len(entries), links)
    return {k: roots[k] for pair in links for k in pair}


def _takes(entries: list[Entry], most: int) -> list[tuple[int, int]]:
    """Every pair of a take set (`_take_sets`), or a chain through a set of more than
    `most` takes."""
    sets: dict[int, list[int]] = {}
    for k, root in sorted(_take_sets(entries).items()):
        sets.setdefault(root, []).append(k)
    pairs = []
    for ks in sets.values():
        pairs += (list(zip(ks, ks[1:])) if len(ks) > most else
                  [(i, j) for x, i in enumerate(ks) for j in ks[x + 1:]])
    return pairs


def _same_days(copies: list[tuple[int, int]], measures: dict[tuple[int, int], PairMeasure],
               times: list[float | None], options: TriageOptions) -> list[tuple[int, int]]:
    """The copy pairs that join a story: those whose times are unknown or within the
    topical time window, and, whatever their times, those in which at least
    `story_copy_any_day_share` of one article lies in verbatim runs of the other (a
    copy on any day). A trial's next-day take that repeats the day before's background
    is the next day's story."""
    window = options.topics.time_window_hours
    if window is None:
        return copies
    kept = []
    for i, j in copies:
        ti, tj = times[i], times[j]
        m = measures[(i, j)]
        if (ti is None or tj is None or abs(ti - tj) <= 3600.0 * window
                or max(m.share_a, m.share_b) >= options.story_copy_any_day_share):
            kept.append((i, j))
    return kept


def choose_chunk(jobs):
    """`choose_sources` of [(text, candidates, (min words, max sources, min score, siblings))]:
    the kept candidates' keys of each (in a worker process too)."""
    return [choose_sources(text, cands, min_new_words=w, max_sources=m, min_score=sc,
                           keep_siblings=sib).sources
            for text, cands, (w, m, sc, sib) in jobs]


def linked_stories(entries: list[Entry], measures, options: TriageOptions,
                   root: list[int], shingles: list[np.ndarray], pool=None,
                   cancelled: CancelCheck = None, pool_min_jobs: int = 0) -> tuple[Story, ...]:
    """The stories of groups `root`, with each article's sources (step 5); `measures`:
    [(i, j, PairMeasure)] in pair order; `shingles[k]`: article k's distinct shingle
    hashes; `pool`: worker processes for reading the sources, used when at least
    `pool_min_jobs` articles have possible sources."""
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
    takes = _take_sets(entries)  # the takes of one wire story continue, not copy, each other
    for i, j, m in [*measures, *extra]:
        # A pair is a possible source link when it reads derived, or (with source_pairs_derived
        # off) shares a verbatim run. A pair can read derived without a run of `options.reuse`:
        # a brief that keeps the wire's words in runs of four or five (the model's own runs) is
        # derived from it; left out, it was linked only to a sibling that copied the same take.
        independent = m.label == INDEPENDENT
        if root[i] != root[j] or (independent and (
                options.source_pairs_derived or max(m.share_a, m.share_b) <= 0.0)) or (
                takes.get(i, -1) == takes.get(j, -2)):
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
            (options.source_min_words, options.max_sources, options.source_min_score,
             options.source_siblings)))
    if pool is None or len(jobs) < pool_min_jobs:
        kept = choose_chunk(jobs)
    else:
        size = max(8, min(64, len(jobs) // 8))
        kept = [got for chunk in in_chunks(pool, choose_chunk,
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
