"""Where claims' conflicting values sit in each article's text, for highlighting."""

from __future__ import annotations

from collections import defaultdict

from .comparison import Comparison
from .tokens import fold_typography


def _find(text: str, value: str, start: int, end: int) -> tuple[int, int] | None:
    """Offsets of `value` inside text[start:end], folding typography; None if absent."""
    if not value:
        return None
    window = fold_typography(text[start:end]).casefold()
    k = window.find(fold_typography(value).casefold())
    if k < 0:
        return None
    return start + k, start + k + len(value)


def conflict_spans(comp: Comparison) -> dict[str, list[tuple[int, int]]]:
    """For each article id, the spans of values that conflict with another article's."""
    out: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for claim in comp.claims:
        if not claim.conflicts:
            continue
        for member in claim.members:
            text = comp.article(member.article).text
            for conflict in claim.conflicts:
                value = conflict.values.get(member.article)
                if value is None:
                    continue
                found = _find(text, value, member.start, member.end)
                if found:
                    out[member.article].add(found)
    return {k: sorted(v) for k, v in out.items()}
