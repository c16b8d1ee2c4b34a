"""Words for an article's reading against all the others together, shared by the window's
tooltips and the HTML report, so both say the same."""

from __future__ import annotations

from ..comparison import Comparison
from ..reuse.relation import LABEL_TEXT


def others_note(comp: Comparison, article_id: str) -> str:
    """One line: the article's label against the other articles together, naming those it was
    read against and those left out (`comparison.derive_from_others`); empty when there are fewer
    than three articles, where the pair says it all."""
    d = comp.derivations.get(article_id)
    if d is None or len(comp.articles) < 3:
        return ""
    others = [a.id for a in comp.articles if a.id != article_id]
    read = others if d.sources is None else [x for x in others if x in d.sources]
    left = [x for x in others if x not in read]
    whose = "its text shows it came" if len(left) == 1 else "their texts show they came"
    why = f"{_listed(left)} left out: {whose} after this article or from wire copy" if left else ""
    if not read:
        return f"Not read against the others ({why})"
    text = f"Against {_listed(read)} together: {LABEL_TEXT[d.label]} (probability derived {d.score:.0%})"
    return f"{text}; {why}" if why else text


def _listed(ids: list[str]) -> str:
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " and " + ids[-1]
