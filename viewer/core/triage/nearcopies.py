"""Candidate pairs of related articles: MinHash LSH over word shingles.

Comparing every pair of N articles costs N²/2 full reuse analyses. Instead each
article becomes its sequence of word shingles (`shingle_words` consecutive
matching keys, hashed to 32 bits with CRC-32), cut into overlapping windows of
`window` shingles every `stride`. A MinHash sketch (datasketch, `num_perm`
permutations) of each window is banded as datasketch's `MinHashLSH` bands it
(`bands` × `rows` = `num_perm`). Windows, not whole
articles, so that a story that copies three paragraphs of a long wire item is
found although the two whole texts have a low Jaccard similarity. Two
articles become candidates when any of their windows agree in a band, which
happens with probability `1 - (1 - J**rows)**bands` for window Jaccard J
(defaults: 78 % at J = 0.3, 99 % at 0.5; a copied passage of ~45+ words gives
J ≥ 0.6). Short articles (fewer than 2 × `window` shingles) are also looked
up exactly in an index of every article's shingles (`short_pairs`): their few
windows rarely reach such a Jaccard. Candidates are then checked exactly on the whole shingle sets: a
pair is kept when it shares at least `min_shared` shingles covering at least
`min_containment` of the smaller article's shingles. Only kept pairs get the
full (slow) reuse analysis.

Boilerplate ("Sign up for our newsletter", a wire's standard credit line) would
chain unrelated articles together, so shingles found in more than
`max(common_min, common_share × N)` of the N articles are dropped first.

The window sketches are datasketch MinHash values computed in bulk
(`window_hashvalues`: datasketch's permutations and formula applied to all
windows at once with numpy, checked against `MinHash.update_batch`); each band's
buckets (windows with equal values in that band, `MinHashLSH`'s buckets) are found
by sorting in numpy (`band_pairs`); given an ordered `map_parts` (triage's worker
pool), the two halves of the bands are done in parallel and their pairs joined.

Everything is deterministic: CRC-32 hashes, a fixed MinHash seed, pairs sorted.
"""

from __future__ import annotations

import itertools
import zlib
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..util.cancel import CancelCheck, check

__all__ = ["CandidateOptions", "Candidate", "shingle_hashes", "windows", "common_shingles", "candidate_pairs",
           "window_hashvalues", "band_pairs", "short_pairs"]


@dataclass(frozen=True)
class CandidateOptions:
    """How candidate pairs are found (see the module docstring)."""

    shingle_words: int = 3
    window: int = 30
    stride: int = 15
    num_perm: int = 32
    bands: int = 16
    rows: int = 2
    seed: int = 1
    min_shared: int = 3
    min_containment: float = 0.05
    common_min: int = 25
    common_share: float = 0.05


@dataclass(frozen=True)
class Candidate:
    """Articles `i` < `j` (indices) that share `shared` shingles; `containment`
    is `shared` over the smaller shingle set."""

    i: int
    j: int
    shared: int
    containment: float


def shingle_hashes(keys: Sequence[str], size: int) -> np.ndarray:
    """32-bit hashes of the `size`-word shingles of `keys`, in text order.

    A text shorter than `size` words gives one shingle of all its words.
    """
    if not keys:
        return np.zeros(0, dtype=np.uint32)
    if len(keys) < size:
        grams = [" ".join(keys)]
    else:
        grams = [" ".join(keys[k:k + size]) for k in range(len(keys) - size + 1)]
    return np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint32,
                       count=len(grams))


def windows(hashes: np.ndarray, width: int, stride: int) -> list[np.ndarray]:
    """Overlapping windows of `width` shingles every `stride` (the last one ends the text)."""
    n = hashes.size
    if n <= width:
        return [hashes] if n else []
    starts = list(range(0, n - width + 1, stride))
    if starts[-1] != n - width:
        starts.append(n - width)
    return [hashes[k:k + width] for k in starts]


def _overlap(a: np.ndarray, b: np.ndarray) -> tuple[int, float]:
    shared = int(np.intersect1d(a, b, assume_unique=True).size)
    smaller = min(a.size, b.size)
    return shared, (shared / smaller if smaller else 0.0)


def _keep(sets: Sequence[np.ndarray], i: int, j: int, options: CandidateOptions) -> Candidate | None:
    shared, containment = _overlap(sets[i], sets[j])
    if shared >= options.min_shared and containment >= options.min_containment:
        return Candidate(i, j, shared, containment)
    return None


def common_shingles(sets: Sequence[np.ndarray], options: CandidateOptions = CandidateOptions()
                    ) -> np.ndarray:
    """Shingles that too many of `sets` hold (boilerplate), sorted."""
    limit = max(options.common_min, int(options.common_share * len(sets)))
    if len(sets) <= limit:
        return np.zeros(0, dtype=np.uint32)
    values, counts = np.unique(np.concatenate(sets), return_counts=True)
    return values[counts > limit]


def _without(a: np.ndarray, common: np.ndarray) -> np.ndarray:
    return a[~np.isin(a, common)] if common.size else a


def window_hashvalues(chunks: Sequence[np.ndarray], options: CandidateOptions = CandidateOptions(),
                      cancelled: CancelCheck = None) -> tuple[np.ndarray, str]:
    """MinHash values of the shingle sets `chunks` (one row each) and datasketch's scheme name.

    The same hash values as `MinHash(num_perm, seed, hashfunc=int).update_batch(chunk)`
    for each chunk (datasketch's own permutations and formula for its
    permutation scheme), but all windows' shingles are permuted in a few
    numpy operations and reduced per window with `np.minimum.reduceat`,
    instead of one `MinHash` per window. Should datasketch change its
    formula, a spot check against `update_batch` notices and the per-window
    `MinHash.generator` is used instead.
    """
    from datasketch import MinHash

    template = MinHash(num_perm=options.num_perm, seed=options.seed, hashfunc=int)
    values = _bulk_hashvalues(chunks, template, cancelled)
    if values is None or not _agrees(values, chunks, template):
        values = np.array([m.hashvalues for m in MinHash.generator(
            [c.tolist() for c in chunks], num_perm=options.num_perm, seed=options.seed,
            hashfunc=int)], dtype=template.hashvalues.dtype).reshape(len(chunks), -1)
    return values, template.scheme


def band_pairs(args) -> list[tuple[int, int]]:
    """Article pairs (i < j, sorted) with windows in a common bucket of these LSH bands:
    `args` = (values, owners, bands, rows, seed, scheme), `values` the windows' MinHash columns
    of those bands, `owners[n]` window n's article. A bucket of band b is the windows whose
    columns b·rows … (b+1)·rows − 1 are all equal (datasketch's `MinHashLSH` keys a band by those
    values' bytes: the same buckets), found by sorting the band's rows in numpy rather than by
    inserting every window into a dict of lists, so a worker's memory stays a few arrays.
    (A separate pure function from a batch of sketches to candidate pairs, so that band groups
    can be indexed in separate processes.)"""
    values, owners, bands, rows, _seed, _scheme = args
    owner = np.asarray(owners, dtype=np.int64)
    found: set[tuple[int, int]] = set()
    if len(owner) < 2:
        return []
    for b in range(bands):
        band = values[:, b * rows:(b + 1) * rows]
        order = np.lexsort(band.T[::-1])
        ordered = band[order]
        starts = np.flatnonzero(np.concatenate(([True], (ordered[1:] != ordered[:-1]).any(axis=1))))
        sizes = np.diff(np.append(starts, len(order)))
        for g in np.flatnonzero(sizes > 1).tolist():
            members = np.unique(owner[order[starts[g]:starts[g] + sizes[g]]]).tolist()
            if len(members) > 1:
                found.update(itertools.combinations(members, 2))
    return sorted(found)


def _bulk_hashvalues(chunks: Sequence[np.ndarray], template, cancelled: CancelCheck
                     ) -> np.ndarray | None:
    try:
        from datasketch import minhash as dm
        legacy = template.scheme == dm._SCHEME_LEGACY
        if not legacy:
            fmix, width = dm._fmix, dm._SCHEME_WIDTHS[template.scheme]
    except (ImportError, AttributeError, KeyError):
        return None
    dtype = template.hashvalues.dtype
    a, b = (np.asarray(p)[None, :] for p in template.permutations)
    sizes = np.fromiter((c.size for c in chunks), dtype=np.int64, count=len(chunks))
    out = np.empty((len(chunks), template.hashvalues.size), dtype=dtype)
    out[:] = template.hashvalues
    step = 4096  # windows per block: bounded memory (block shingles × num_perm × 8 bytes)
    for lo in range(0, len(chunks), step):
        check(cancelled)
        hi = min(len(chunks), lo + step)
        nonempty = np.nonzero(sizes[lo:hi])[0]
        if not nonempty.size:
            continue
        joined = np.concatenate([chunks[lo + k] for k in nonempty])
        if legacy:  # as MinHash.update_batch, legacy scheme
            hv = joined.astype(np.uint64)[:, None]
            phv = np.bitwise_and((hv * a + b) % np.uint64(dm._mersenne_prime),
                                 np.uint64(dm._max_hash))
        else:  # as MinHash.update_batch, affine schemes (wrapping arithmetic)
            hv = fmix(joined.astype(dtype)[:, None], width)
            phv = hv * a + b
        starts = np.concatenate(([0], np.cumsum(sizes[lo:hi][nonempty])[:-1]))
        rows = lo + nonempty
        out[rows] = np.minimum(out[rows], np.minimum.reduceat(phv, starts, axis=0))
    return out


def _agrees(values: np.ndarray, chunks: Sequence[np.ndarray], template, checks: int = 8) -> bool:
    """True when a few sketches equal datasketch's own `update_batch` on the same chunks."""
    picks = sorted({(k * 7919) % len(chunks) for k in range(checks)}) if chunks else []
    for k in picks:
        m = template.copy()
        m.update_batch(chunks[k].tolist())
        if not np.array_equal(m.hashvalues, values[k]):
            return False
    return True

def short_pairs(sets: Sequence[np.ndarray], options: CandidateOptions = CandidateOptions()
                ) -> set[tuple[int, int]]:
    """Pairs (i < j) of a short article (fewer than 2 × `window` shingles) and any
    article sharing at least `min_shared` of its shingles, found exactly.

    A brief of 30-60 words that copies a dozen scattered phrases of a long
    wire item has too few shingles for any window to reach a Jaccard the LSH
    finds; an exact lookup of its few shingles in an index of all of them is
    cheap. `sets`: each article's distinct shingles (boilerplate removed)."""
    short = [k for k, s in enumerate(sets) if 0 < s.size < 2 * options.window]
    if not short or len(sets) < 2:
        return set()
    hashes = np.concatenate(sets)
    owner = np.repeat(np.arange(len(sets)), [s.size for s in sets])
    order = np.argsort(hashes, kind="stable")
    hashes, owner = hashes[order], owner[order]
    found: set[tuple[int, int]] = set()
    for k in short:
        lo = np.searchsorted(hashes, sets[k], "left")
        hi = np.searchsorted(hashes, sets[k], "right")
        hits = np.concatenate([owner[a:b] for a, b in zip(lo, hi)])
        counts = np.bincount(hits, minlength=len(sets))
        counts[k] = 0
        for j in np.flatnonzero(counts >= options.min_shared):
            found.add((min(k, int(j)), max(k, int(j))))
    return found


def candidate_pairs(texts: Sequence[np.ndarray], options: CandidateOptions = CandidateOptions(),
                    cancelled: CancelCheck = None, map_parts=None) -> list[Candidate]:
    """Pairs of articles likely to share text, sorted; `texts[k]` is article k's
    shingle hashes in text order (`shingle_hashes`). `map_parts(function, jobs)`,
    if given, maps `band_pairs` over band groups in order (e.g. in worker processes)."""
    sets = [np.unique(t) for t in texts]
    common = common_shingles(sets, options)
    sets = [_without(s, common) for s in sets]
    owners: list[int] = []
    chunks: list[np.ndarray] = []
    for k, t in enumerate(texts):
        for w in windows(_without(t, common), options.window, options.stride):
            owners.append(k)
            chunks.append(np.unique(w))
    check(cancelled)
    values, scheme = window_hashvalues(chunks, options, cancelled)
    # The LSH bands are independent: with `map_parts` (an ordered map, e.g. over
    # a process pool) the two halves of the bands are indexed separately, and
    # the union of their pairs is the same as one index of all bands.
    parts = 2 if map_parts is not None and options.bands > 1 and len(chunks) > 1 else 1
    cuts = [options.bands * p // parts for p in range(parts + 1)]
    r = options.rows
    jobs = [(np.ascontiguousarray(values[:, lo * r:hi * r]), owners, hi - lo, r, options.seed,
             scheme) for lo, hi in zip(cuts, cuts[1:])]
    found: set[tuple[int, int]] = set()
    for pairs in (map_parts or map)(band_pairs, jobs):
        check(cancelled)
        found.update(pairs)
    found.update(short_pairs(sets, options))
    out = []
    for n, (i, j) in enumerate(sorted(found)):
        if n % 256 == 0:
            check(cancelled)
        kept = _keep(sets, i, j, options)
        if kept:
            out.append(kept)
    return out
