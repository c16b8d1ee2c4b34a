"""Reuse between two articles: verbatim runs, similarity, derivation, spin, moves.

One entry point, `analyse_pair`, gathers what the export and the views show for
a pair; the parts live in their own modules (`verbatim`, `relation`, `spin`,
`moves`) and are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..diff.moves import Move, find_moves
from ..diff.sequences import covered_length
from ..diff.worddiff import word_diff
from ..text.article import Article
from .direction import REUSE, text_source
from .relation import INDEPENDENT, LABEL_RUN_OPTIONS, PARTIALLY, WHOLLY, Relation, relation
from .spin import SPUN_SCORE, SpinResult, Substitution, detect_spin
from .verbatim import (
    ReuseOptions,
    VerbatimRun,
    WordKeys,
    article_keys,
    run_word_spans,
    runs_from_spans,
    verbatim_runs,
)

__all__ = [
    "INDEPENDENT", "PARTIALLY", "WHOLLY", "Move", "PairReuse", "Relation", "ReuseOptions",
    "SpinResult", "Substitution", "VerbatimRun", "analyse_pair", "detect_spin", "find_moves",
    "run_shares", "verbatim_runs",
]


@dataclass(frozen=True)
class PairReuse:
    """Everything about the reuse between articles `a` and `b` (ids).

    `similarity` (0..1, symmetric): share of both articles' words inside
    verbatim runs. `verbatim[id]`: share of that article's words inside runs.
    `label`/`derived`: METER derivation label and the id judged derived (or
    None), see `relation`; `derivation_score` is the calibrated score behind it,
    `label_runs` the runs (a word span, b word span) under the label's fixed settings.
    `basis`: what decided which one is derived (`direction`: the texts' stated times or
    dates, wire form, else "reuse", the model's guess). `source`: the id of the article the
    texts state came first (`direction.text_source`), derived or not, or None.
    `common_sources`: when the pair is independent because all it shares each has from the wire
    copy it derives from (`siblings.explained_by_common_source`), the ids of that wire copy.
    """

    a: str
    b: str
    similarity: float
    verbatim: dict[str, float]
    runs: tuple[VerbatimRun, ...]
    spin: SpinResult
    moves: tuple[Move, ...]
    label: str
    derived: str | None
    derivation_score: float = 0.0
    label_runs: tuple[tuple[int, int, int, int], ...] = ()  # word-index runs behind the label
    basis: str = REUSE
    source: str | None = None
    common_sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class RunShares:
    """A pair's verbatim runs (word-index `spans` and as VerbatimRuns), the share
    of each article's words inside them (by id) and the symmetric similarity."""

    spans: tuple[tuple[int, int, int, int, int, int], ...]
    runs: tuple[VerbatimRun, ...]
    verbatim: dict[str, float]
    similarity: float


def run_shares(a: Article, b: Article, options: ReuseOptions = ReuseOptions()) -> RunShares:
    """The verbatim runs of a pair and the shares of words inside them (bridged words included)."""
    wa, wb = article_keys(a, options), article_keys(b, options)
    spans = run_word_spans(wa, wb, options)
    runs = tuple(runs_from_spans(wa, wb, spans))
    in_a = covered_length([(s[0], s[1]) for s in spans])
    in_b = covered_length([(s[2], s[3]) for s in spans])
    na, nb = len(wa.keys), len(wb.keys)
    return RunShares(tuple(spans), runs,
                     {a.id: round(in_a / na, 4) if na else 0.0, b.id: round(in_b / nb, 4) if nb else 0.0},
                     round((in_a + in_b) / (na + nb), 4) if na + nb else 0.0)


def swaps_put_back(a_keys: WordKeys, b_keys: WordKeys, swaps) -> WordKeys:
    """b's keys with each swap of as many words on both sides put back to a's words."""
    keys = list(b_keys.keys)
    for w in swaps:
        a0, a1 = a_keys.word_index(w.a_start), a_keys.word_index(w.a_end - 1) + 1
        b0, b1 = b_keys.word_index(w.b_start), b_keys.word_index(w.b_end - 1) + 1
        if a1 - a0 == b1 - b0 and b1 <= len(keys):
            keys[b0:b1] = a_keys.keys[a0:a1]
    return replace(b_keys, keys=tuple(keys))


def keys_for_reader(reuse: "PairReuse", reader: Article, other: Article) -> WordKeys:
    """`other`'s label keys as `reader` is measured against them: when the pair looks spun, with
    each synonym swap put back to `reader`'s words (a spun copy is as derived as its source)."""
    ko = article_keys(other, LABEL_RUN_OPTIONS)
    if reuse.spin.score < SPUN_SCORE:
        return ko
    kr = article_keys(reader, LABEL_RUN_OPTIONS)
    swaps = reuse.spin.substitutions
    if reuse.a != reader.id:  # the swaps read a → b: turn them round so `reader` is the a side
        swaps = [replace(w, a_start=w.b_start, a_end=w.b_end, b_start=w.a_start, b_end=w.a_end,
                         a_text=w.b_text, b_text=w.a_text) for w in swaps]
    return swaps_put_back(kr, ko, swaps)


def analyse_pair(a: Article, b: Article, diff_ops=None,
                 options: ReuseOptions = ReuseOptions()) -> PairReuse:
    """Runs, shares, similarity, derivation label, spin and moves of a pair.

    `diff_ops` is the word diff a → b when the caller already has it.
    """
    shares = run_shares(a, b, options)
    ops = diff_ops if diff_ops is not None else word_diff(a.text, b.text)
    spin = detect_spin(a, b, ops)
    la, lb = article_keys(a, LABEL_RUN_OPTIONS), article_keys(b, LABEL_RUN_OPTIONS)
    label_spans = shares.spans if options == LABEL_RUN_OPTIONS else run_word_spans(la, lb, LABEL_RUN_OPTIONS)
    source, basis = text_source(a, b)  # the texts' own word on which came first, when they say
    rel = relation(a, b, label_spans, source=source)
    if spin.score >= SPUN_SCORE and rel.label != WHOLLY:
        # A spun copy is as derived as its source: measure it with the swaps put back.
        lb = swaps_put_back(la, lb, spin.substitutions)
        label_spans = run_word_spans(la, lb, LABEL_RUN_OPTIONS)
        rel = relation(a, b, label_spans, b_keys=lb, source=source)
    derived = rel.derived
    if derived is None or source is None:
        basis = REUSE
    return PairReuse(
        a=a.id, b=b.id,
        similarity=shares.similarity,
        verbatim=shares.verbatim,
        runs=shares.runs,
        spin=spin,
        moves=tuple(find_moves(a, b)),
        label=rel.label, derived=derived, derivation_score=rel.score,
        label_runs=tuple((s[0], s[1], s[2], s[3]) for s in label_spans), basis=basis, source=source,
    )
