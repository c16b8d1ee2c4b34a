"""Words for an article's reading against all the others together, shared by the window's
tooltips and the HTML report, so both say the same."""

from __future__ import annotations

from ..comparison import Comparison
from ..reuse.others import LEFT_AFTER, LEFT_BESIDE_WIRE, LEFT_FROM_WIRE, left_out
from ..reuse.relation import LABEL_TEXT


def others_note(comp: Comparison, article_id: str) -> str:
    """One line: the article's label against the other articles together, naming those it was
    read against and those left out (`reuse.others.derive_from_others`); empty when there are fewer
    than three articles, where the pair says it all."""
    d = comp.derivations.get(article_id)
    if d is None or len(comp.articles) < 3:
        return ""
    others = [a.id for a in comp.articles if a.id != article_id]
    read = others if d.sources is None else [x for x in others if x in d.sources]
    reasons = left_out({key: pa.reuse for key, pa in comp.pairs.items()}, comp.articles, article_id)
    by_reason: dict[str, list[str]] = {}
    for x in others:
        if x not in read:
            by_reason.setdefault(reasons.get(x, LEFT_AFTER), []).append(x)
    why = "; ".join(f"{_listed(ids)} left out: {_plural(reason) if len(ids) > 1 else reason}"
                    for reason, ids in by_reason.items())
    if not read:
        return f"Not read against the others ({why})"
    text = f"Against {_listed(read)} together: {LABEL_TEXT[d.label]} (probability derived {d.score:.0%})"
    return f"{text}; {why}" if why else text


def _plural(reason: str) -> str:
    """A LEFT_… reason said of several articles."""
    return {LEFT_AFTER: "their texts show they came after this article",
            LEFT_FROM_WIRE: "they were written from wire copy in the comparison",
            LEFT_BESIDE_WIRE: "they share with this article nothing derived beyond the wire copy all came "
                              "after"}.get(reason, reason)


def _listed(ids: list[str]) -> str:
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " and " + ids[-1]
