"""Each article read against all the others together, and which others that reading leaves out.

`derive_from_others` gives every article's derivation label against the other articles taken
together (wire copy often comes in several versions); with the pairs' reuse analyses it leaves
out the others that more than the model's guess shows came after the article, stories written
from wire copy in the comparison, and stories that share nothing derived with it beyond the wire
copy both came after. `left_out` says which and why, in words (LEFT_…) the window and the report
show.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..text.article import Article
from ..util.cancel import CancelCheck, check
from .direction import REUSE, WIRE_FORM
from .pairs import PairReuse, keys_for_reader
from .relation import INDEPENDENT, Derivation, derivation
from .siblings import COMMON_SOURCE, stated_sources


def _pair_reuse(pairs: dict[tuple[str, str], PairReuse], a: Article, b: Article) -> PairReuse:
    return pairs.get((a.id, b.id)) or pairs[(b.id, a.id)]


def _beside_wire(reuse: PairReuse, after: dict[str, set[str]]) -> bool:
    """True when both articles of the pair come after sources their texts state (wire copy in
    the comparison) and the pair does not read derived beyond them (`reuse.siblings`)."""
    both = bool(after.get(reuse.a)) and bool(after.get(reuse.b))
    return reuse.basis == COMMON_SOURCE or both and reuse.label == INDEPENDENT and reuse.source is None


LEFT_AFTER = "its text shows it came after this article"
LEFT_FROM_WIRE = "it was written from wire copy in the comparison"
LEFT_BESIDE_WIRE = "it shares with this article nothing derived beyond the wire copy both came after"


class _LeftOut:
    """Why `derive_from_others` does not read an article against another (`why`)."""

    def __init__(self, pairs: dict[tuple[str, str], PairReuse]):
        self.pairs = pairs
        self.from_wire = {r.derived for r in pairs.values() if r.derived is not None and r.basis == WIRE_FORM}
        self.after = stated_sources(pairs)

    def why(self, art: Article, other: Article) -> str | None:
        """LEFT_AFTER, LEFT_FROM_WIRE, LEFT_BESIDE_WIRE, or None when `art` is read against `other`."""
        reuse = _pair_reuse(self.pairs, art, other)
        if _copied_from(reuse, art):
            return LEFT_AFTER
        if other.id in self.from_wire:
            return LEFT_FROM_WIRE
        return LEFT_BESIDE_WIRE if _beside_wire(reuse, self.after) else None


def left_out(pairs: dict[tuple[str, str], PairReuse], articles: Sequence[Article],
             article_id: str) -> dict[str, str]:
    """The articles `article_id`'s reading against the others left out, with why (LEFT_…);
    `pairs`: every pair's reuse analysis, keyed (a id, b id)."""
    reasons = _LeftOut(pairs)
    art = next(a for a in articles if a.id == article_id)
    found = {o.id: reasons.why(art, o) for o in articles if o is not art}
    return {k: v for k, v in found.items() if v is not None}


def _copied_from(reuse: PairReuse, art: Article) -> bool:
    """True when more than the model's guess shows `art` to be the pair's source: the texts
    state it came first (wire copy, say, even when the other holds little of it), or the other
    article is derived from it by the others' wording of a spun pair."""
    return reuse.source == art.id or reuse.derived not in (None, art.id) and reuse.basis != REUSE


def derive_from_others(articles: Sequence[Article], progress=None, cancelled: CancelCheck = None,
                       pairs: dict[tuple[str, str], PairReuse] | None = None) -> dict[str, Derivation]:
    """Each article's derivation label against all the other articles taken together
    (wire copy often comes in several versions; see `relation.derivation`).

    Empty for fewer than two articles. `progress(k)` after each article.
    `pairs`: the pairs' reuse analyses, keyed (a id, b id), when the caller
    has them (their label runs are reused instead of searched for again; a
    spun pair's runs are those found with its swaps put back, and the spun
    partner is measured with the swaps put back too). With them, an article
    is not read against the others that more than the model's guess shows came
    after it (`reuse.direction`: stated times or dates, wire form, the other
    articles' wording of a spun pair), derived from it or not: what newspapers
    took from a wire story does not make the wire story derived from them. Nor is any article
    read against a story whose form shows it was written from wire copy in the
    comparison: what two papers share beyond the wire (quotes both heard at one
    hearing) does not make one derived from the other (their pair cell still
    shows it). Nor, when both come after wire copy their texts name, against a
    story whose pair with it does not read derived beyond that wire
    (`reuse.siblings`): a few phrases each of many such stories shares with it
    would add up to a derivation no one of them shows.
    """
    found: dict[str, Derivation] = {}
    if len(articles) < 2:
        return found
    reasons = _LeftOut(pairs) if pairs is not None else None
    for k, art in enumerate(articles):
        check(cancelled)
        others = [o for o in articles if o is not art]
        runs = keys = None
        if reasons is not None:
            runs, keys = [], []
            others = [o for o in others if reasons.why(art, o) is None]
            for o in others:
                reuse = _pair_reuse(pairs, art, o)
                mine = reuse.a == art.id
                runs.append([(r[0], r[1]) if mine else (r[2], r[3]) for r in reuse.label_runs])
                keys.append(keys_for_reader(reuse, art, o))
        found[art.id] = replace(derivation(art, others, runs, source_keys=keys),
                                sources=tuple(o.id for o in others))
        if progress:
            progress(k + 1)
    return found
