"""All the sources one article draws on, read together (triage's multi-source links).

A newspaper story written from several takes of a wire story shares a little
with each take: no single pair may look derived, while the story against all
the takes together (METER's own reading, `relation.MODEL`) clearly is. So
triage does not judge each pair alone; for one article it takes every article
of its story that the pair's direction makes a possible source, and:

1. measures, for each candidate, which of the article's words lie in verbatim
   runs with it (`relation.LABEL_RUN_OPTIONS`, the derivation model's runs);
2. keeps candidates greedily, wire copy first (when the article itself is not
   wire copy), then candidates not themselves derived from another candidate
   (`SourceCandidate.copy`), then the one covering most: a candidate is kept when it adds at
   least `min_new_words` words not already covered by those kept before it. A
   sibling (another story that copied the same wire take) adds almost nothing
   once the take is kept, so an article is never linked only to a sibling
   when the source they share is in the folder;
3. reads the article against all kept sources together: P(derived) below
   `min_score` means it is independent of them all, and it gets no source;
4. when wire copy was kept, leaves out of the links each kept story (not wire copy) with
   which the article shares nothing that reads derived beyond the wire
   (`reuse.siblings.derived_beyond`): a story that rewrote the same wire copy shows the
   article is derived (step 3 counts it) but is not its source.

The kept sources come back in the order they were kept: wire copy first, then
each adding most of what the earlier ones do not cover (strongest first).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..diff.sequences import covered_length
from ..reuse.relation import LABEL_RUN_OPTIONS, MODEL, Derivation, DerivationModel, text_features
from ..reuse.verbatim import WordKeys, run_word_spans, word_keys

__all__ = ["SourceCandidate", "SourceChoice", "choose_sources"]


@dataclass(frozen=True)
class SourceCandidate:
    """A possible source of the article: `key` identifies it to the caller;
    `wire` is True when it has the form of wire copy and the article has not;
    `copy` is True when it is itself derived from another of the candidates (a
    sibling, or a copy of a copy: tried after the others); `keys`: its matching keys
    under `relation.LABEL_RUN_OPTIONS`' folding when the caller has them."""

    key: object
    text: str
    wire: bool = False
    copy: bool = False
    keys: WordKeys | None = None


@dataclass(frozen=True)
class SourceChoice:
    """The kept sources (keys, strongest first, with the words each covers) and the
    article's reading against them together (None when there was no candidate)."""

    sources: tuple[object, ...]
    covered: tuple[int, ...]
    derivation: Derivation | None

    @property
    def derived(self) -> bool:
        """True when the article keeps at least one source."""
        return bool(self.sources)


def choose_sources(text: str, candidates: Sequence[SourceCandidate], *, min_new_words: int = 8,
                   max_sources: int = 8, min_score: float = 0.5,
                   model: DerivationModel = MODEL, keep_siblings: bool = False) -> SourceChoice:
    """The sources `text` draws on among `candidates` (module docstring).

    Deterministic: ties in coverage go to the candidate given first. `keep_siblings`: keep
    the stories step 4 leaves out (the sources the reading took, all of them).
    """
    if not candidates:
        return SourceChoice((), (), None)
    keys = word_keys(text, LABEL_RUN_OPTIONS)
    n = len(keys.keys)
    measured = []
    for pos, cand in enumerate(candidates):
        ck = cand.keys if cand.keys is not None else word_keys(cand.text, LABEL_RUN_OPTIONS)
        spans = [(r[0], r[1]) for r in run_word_spans(keys, ck, LABEL_RUN_OPTIONS)]
        words = covered_length(spans)
        measured.append((not cand.wire, cand.copy, -words, pos, cand, ck, spans))
    measured.sort(key=lambda t: t[:4])
    covered = bytearray(n)
    kept = []
    for _, _, minus_words, _, cand, ck, spans in measured:
        if len(kept) >= max_sources:
            break
        new = sum(end - start - covered[start:end].count(1) for start, end in _merged(spans))
        if new < min_new_words:
            continue
        for start, end in spans:
            covered[start:end] = b"\x01" * (end - start)
        kept.append((cand, ck, spans, -minus_words))
    if not kept:
        return SourceChoice((), (), None)
    features = text_features(text, [c.text for c, *_ in kept], runs=[s for _, _, s, _ in kept],
                             source_keys=[ck for _, ck, _, _ in kept])
    found = Derivation(model.label(features), round(model.probabilities(features)[0], 4))
    if found.score < min_score:
        return SourceChoice((), (), found)
    if not keep_siblings:
        kept = _beside_the_wire(text, kept)
    return SourceChoice(tuple(c.key for c, *_ in kept), tuple(w for *_, w in kept), found)


def _beside_the_wire(text: str, kept: list) -> list:
    """The kept sources without the stories that, beside the kept wire copy, add nothing that
    reads derived (`reuse.siblings.derived_beyond`: what the article and the story share beyond
    the wire each has): a sibling that rewrote the same wire story is evidence that the article
    is derived, not its source."""
    wires = [(c, ck, spans) for c, ck, spans, _ in kept if c.wire]
    if not wires or len(wires) == len(kept):
        return kept
    from ..reuse.siblings import derived_beyond
    from ..text.article import Article

    article = Article("article", "", text)
    mine = {i for _, _, spans in wires for start, end in spans for i in range(start, end)}

    def beyond(cand: SourceCandidate, ck: WordKeys) -> bool:
        theirs = {i for _, wk, _ in wires for r in run_word_spans(ck, wk, LABEL_RUN_OPTIONS)
                  for i in range(r[0], r[1])}
        return derived_beyond(article, Article("source", "", cand.text), mine, theirs, source="source")
    return [item for item in kept if item[0].wire or beyond(item[0], item[1])]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out

