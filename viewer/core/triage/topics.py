"""Articles about the same event that share no wording: topical neighbours.

Copy links group a story's wire takes and the articles written from them, but
an independent report of the same event (its own reporter, its own words)
shares no verbatim run with any of them: only the event's rare words — names,
places, the odd specific noun. So each article becomes a sparse TF-IDF vector
of its most distinctive words, and articles whose vectors are close join one
story:

- words: the folded word keys (case and punctuation ignored) of at least
  `min_length` letters, not numbers; a word found in more than `max_df_share`
  of the articles (at least `max_df_min` articles, or in a folder of fewer than twice
  `max_df_min`, more than half of them) is too common to say what
  an article is about (a word of one article alone links nothing but still
  weighs in its length, so one shared word cannot make two articles alike);
- weights: (1 + ln tf) × ln(N / df); each article keeps only its `terms`
  heaviest words, normalised to unit length;
- pairs: cosines come from sparse products of article × word matrices
  (scipy.sparse), `chunk` articles at a time, so no N × N matrix is ever held
  and only articles sharing a kept word are ever compared;
- stories: average-linkage clusters (`linkage.average_clusters`, SciPy's steps) in which two
  articles joined by a copy pair count as similarity 1, cut where the mean
  similarity between two clusters falls below `min_cosine`. Single links would
  chain a whole court list into one story through one shared name; the mean
  does not. Only articles connected by copy pairs or by pairs reaching
  `min_cosine` can end in one cluster (a cluster mean never exceeds its best
  pair), so each such connected group is clustered on its own; one larger than
  `max_group` is left in its copy groups.

When both articles have a time (the caller's: triage gives `stories._story_times`) and
these lie more than `time_window_hours` apart, their topical similarity counts
as 0: the same trial reported on two days is two stories (a wire take at noon
and the papers of the next morning are 18 hours apart). Copy pairs still count
1 whatever their times: a copy is reuse on any day (triage passes only the copy
pairs that should join across days: `stories._same_days`).

A folder of fewer than `min_articles` files is grouped by copy pairs alone: in two
texts a word both hold weighs nothing (ln 2/2). From three files on, the same
rule runs on the folder's own word counts; on a desk's day of METER (folders of
2–4 stories, 4–29 files, median 14: `bench/triage_bench.py --meter`) it tells
stories apart better than copy pairs alone, whose chains join unrelated stories.

`min_cosine` was chosen on the METER dev corpus (bench/triage_bench.py --meter
prints its leave-one-day-out figure).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..diff.sequences import connected_roots
from ..util.cancel import CancelCheck, check
from .linkage import average_clusters

__all__ = ["TopicOptions", "topic_pairs", "topic_vectors", "story_groups"]


@dataclass(frozen=True)
class TopicOptions:
    """How topical neighbours are found (see the module docstring); `min_cosine` None: never."""

    min_cosine: float | None = 0.08
    terms: int = 40
    min_length: int = 3
    max_df_share: float = 0.1
    max_df_min: int = 20
    chunk: int = 512
    max_group: int = 4000
    time_window_hours: float | None = 36.0
    min_articles: int = 3
    min_terms: int = 5


def topic_vectors(keys: Sequence[Sequence[str]], options: TopicOptions = TopicOptions()):
    """The articles' unit TF-IDF vectors of their `terms` heaviest words (CSR, one row each)."""
    from scipy import sparse

    n = len(keys)
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for k, words in enumerate(keys):
        # ids in order of first use (not a set's order, which changes with each process's string
        # hashes: the heaviest-terms cut breaks ties by id, and triage must not vary run to run)
        ids = {vocab.setdefault(w, len(vocab)) for w in dict.fromkeys(words)
               if len(w) >= options.min_length and not w.isdigit()}
        cols.append(np.fromiter(ids, dtype=np.int64, count=len(ids)))
        rows.append(np.full(len(ids), k, dtype=np.int64))
    if not vocab:
        return sparse.csr_matrix((n, 0))
    df = np.bincount(np.concatenate(cols), minlength=len(vocab)) if cols else np.zeros(0)
    limit = max(min(options.max_df_min, n // 2), int(options.max_df_share * n))
    useful = df <= limit
    idf = np.where(useful, np.log(n / np.maximum(df, 1)), 0.0)
    data_rows, data_cols, data = [], [], []
    for k, words in enumerate(keys):
        ids = [vocab[w] for w in words if w in vocab]
        if not ids:
            continue
        terms, tf = np.unique(np.array(ids, dtype=np.int64), return_counts=True)
        weight = (1.0 + np.log(tf)) * idf[terms]
        keep = weight > 0
        terms, weight = terms[keep], weight[keep]
        if terms.size > options.terms:
            top = np.argsort(-weight, kind="stable")[:options.terms]
            terms, weight = terms[top], weight[top]
        if terms.size >= options.min_terms:
            data_rows.append(np.full(terms.size, k, dtype=np.int64))
            data_cols.append(terms)
            data.append(weight / math.sqrt(float(weight @ weight)))
    if not data:
        return sparse.csr_matrix((n, len(vocab)))
    return sparse.csr_matrix((np.concatenate(data), (np.concatenate(data_rows),
                                                     np.concatenate(data_cols))),
                             shape=(n, len(vocab)))


def topic_pairs(x, min_cosine: float, chunk: int = 512,
                cancelled: CancelCheck = None) -> list[tuple[int, int, float]]:
    """Every pair (i < j, cosine) of rows of `x` (`topic_vectors`) with a cosine of at least
    `min_cosine`, sorted; found by sparse products, `chunk` rows at a time."""
    xt = x.T.tocsr()
    out = []
    for lo in range(0, x.shape[0], chunk):
        check(cancelled)
        block = (x[lo:lo + chunk] @ xt).tocoo()
        keep = (block.data >= min_cosine) & (block.row + lo < block.col)
        out += zip((block.row[keep] + lo).tolist(), block.col[keep].tolist(),
                   np.round(block.data[keep], 6).tolist())
    return sorted(out)


def story_groups(keys: Sequence[Sequence[str]], copy_pairs: Sequence[tuple[int, int]],
                 options: TopicOptions = TopicOptions(), cancelled: CancelCheck = None,
                 times: Sequence[float | None] | None = None) -> list[int]:
    """Each article's story root: average-linkage clusters of topical similarity, with
    articles joined by a copy pair counted as similarity 1 (module docstring); `times[k]`:
    article k's time in seconds (None: unknown)."""
    n = len(keys)
    copy_roots = connected_roots(n, list(copy_pairs))
    if options.min_cosine is None or n < max(2, options.min_articles):
        return copy_roots
    x = topic_vectors(keys, options)
    near = [(i, j) for i, j, _ in topic_pairs(x, options.min_cosine, options.chunk, cancelled)]
    roots = connected_roots(n, [*copy_pairs, *near])
    members: dict[int, list[int]] = {}
    for k in range(n):
        members.setdefault(roots[k], []).append(k)
    copies: dict[int, list[tuple[int, int]]] = {}
    for i, j in copy_pairs:
        copies.setdefault(roots[i], []).append((i, j))
    out = list(range(n))
    for root, group in members.items():
        check(cancelled)
        if len(group) > options.max_group:  # too big to cluster: its copy groups stay apart
            for k in group:
                out[k] = copy_roots[k]
            continue
        when = None if times is None else np.array(
            [np.nan if times[k] is None else times[k] for k in group], dtype=float)
        for k, label in zip(group, _average_linkage(x, group, copies.get(root, []),
                                                     options.min_cosine, when,
                                                     options.time_window_hours, cancelled)):
            out[k] = group[label]
    return out


def _average_linkage(x, group: list[int], copy_pairs, min_cosine: float,
                     times=None, window_hours: float | None = None,
                     cancelled: CancelCheck = None) -> list[int]:
    """For each article of `group`, the position in `group` of its cluster's first member."""
    if len(group) == 1:
        return [0]
    sub = x[group]
    sim = (sub @ sub.T).toarray()
    if times is not None and window_hours is not None:
        with np.errstate(invalid="ignore"):  # unknown times (nan) never count as far apart
            sim[np.abs(times[:, None] - times[None, :]) > 3600.0 * window_hours] = 0.0
    where = {k: p for p, k in enumerate(group)}
    for i, j in copy_pairs:
        sim[where[i], where[j]] = sim[where[j], where[i]] = 1.0
    np.fill_diagonal(sim, 1.0)
    np.clip(sim, 0.0, 1.0, out=sim)
    return average_clusters(np.subtract(1.0, sim, out=sim), 1.0 - min_cosine, cancelled)  # in place
