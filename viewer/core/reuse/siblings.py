"""Two stories written from the same wire copy are not copies of each other.

Papers that each rewrote the same wire story share its sentences, so read alone their pair
looks derived ("partially derived: B from F"), though neither saw the other. When the
comparison holds that wire copy, `explained_by_common_source` reads such a pair again: both
articles come after sources the texts themselves name (filing times, dates or wire form:
`direction`), and what they share is, but for fewer than MIN_OWN_WORDS words on either side,
what each also shares with its own such sources (the same wire story, or takes of it that repeat
each other, derived from by the pair's own reading or not). Then the pair is independent of each other, on the basis COMMON_SOURCE, and
`common_sources` names those sources. A pair that shares more than the wire gave
(a quote only the two of them have) keeps its label, as does any pair whose direction the
texts state. Only the pair cells change: each article's reading against all the others
(`comparison.derive_from_others`) already leaves out stories written from wire copy.
"""

from __future__ import annotations

from dataclasses import replace

from .direction import REUSE
from .pairs import PairReuse
from .relation import INDEPENDENT

__all__ = ["COMMON_SOURCE", "MIN_OWN_WORDS", "common_source_note", "explained_by_common_source"]

COMMON_SOURCE = "common source"
# Words one article shares with the other beyond what both have from their common source that
# still leave them independent of each other: as many as triage asks of a source before it adds
# it to those already kept (`triage.sources.choose_sources`' min_new_words).
MIN_OWN_WORDS = 8


def _words_of(reuse: PairReuse, article: str) -> set[int]:
    """The word indices of `article` inside the pair's label runs."""
    first = reuse.a == article
    out: set[int] = set()
    for run in reuse.label_runs:
        start, end = (run[0], run[1]) if first else (run[2], run[3])
        out.update(range(start, end))
    return out


def _stated_sources(pairs: dict[tuple[str, str], PairReuse]) -> dict[str, set[str]]:
    """For each article, the others its text and theirs state came first (filing times, dates,
    wire form), whether or not it is derived from them."""
    found: dict[str, set[str]] = {}
    for (a, b), r in pairs.items():
        if r.source is not None:
            found.setdefault(b if r.source == a else a, set()).add(r.source)
    return found


def explained_by_common_source(pairs: dict[tuple[str, str], PairReuse]) -> dict[tuple[str, str], PairReuse]:
    """`pairs` (keyed (a id, b id)), with each pair of articles derived from stated sources
    that share nothing else read as independent (module docstring). Pairs not changed are the
    same objects."""
    sources = _stated_sources(pairs)
    out = dict(pairs)
    for key, r in pairs.items():
        if r.label == INDEPENDENT or r.basis != REUSE or not (sources.get(r.a) and sources.get(r.b)):
            continue
        own = []
        for side in (r.a, r.b):
            from_source = set().union(*(_words_of(pairs.get((s, side)) or pairs[(side, s)], side)
                                        for s in sources[side]))
            own.append(len(_words_of(r, side) - from_source))
        if max(own) < MIN_OWN_WORDS:
            out[key] = replace(r, label=INDEPENDENT, derived=None, basis=COMMON_SOURCE,
                               common_sources=tuple(sorted(sources[r.a] | sources[r.b])))
    return out


def common_source_note(reuse: PairReuse) -> str:
    """Why a pair read apart by `explained_by_common_source` is independent, for a tooltip
    ("" for any other pair)."""
    if reuse.basis != COMMON_SOURCE:
        return ""
    return f"all they share, each has from the wire copy it derives from ({', '.join(reuse.common_sources)})"
