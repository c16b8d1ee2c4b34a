"""Presenting claims: where conflicting values sit in the texts, and one-line summaries."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from ..claims.conflicts import agreeing_groups
from ..claims.matcher import explain_link
from ..claims.statement import make_statement
from ..comparison import Comparison
from ..diff.worddiff import DELETE, INSERT, word_diff
from ..text.language import detect_language
from ..text.tokens import fold_typography
from ..text.wireform import plain_wording


def _find(text: str, value: str, start: int, end: int) -> tuple[int, int] | None:
    """Offsets of `value` inside text[start:end], folding typography; None if absent."""
    if not value:
        return None
    window = fold_typography(text[start:end]).casefold()
    k = window.find(fold_typography(value).casefold())
    if k < 0:
        return None
    return start + k, start + k + len(value)


_last: tuple = (None, None)


def conflict_spans(comp: Comparison) -> dict[str, list[tuple[int, int]]]:
    """For each article id, the spans of values that conflict with another article's
    (remembered for the most recent comparison)."""
    global _last
    if _last[0] is comp:
        return _last[1]
    found = _conflict_spans(comp)
    _last = (comp, found)
    return found


def _conflict_spans(comp: Comparison) -> dict[str, list[tuple[int, int]]]:
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


def _short(text: str, n: int = 48) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "…"


def conflict_summary(conflict) -> str:
    """One line: "24 years (A) vs 25 years (C)", or "quote altered (A ≠ E): “…”"; articles
    that give the same value are named together ("Thursday (C, D) vs Monday (E)"). Values are
    shown on one line, as a claim's wording is (`plain_wording`: hard-wrapped wire copy's line
    breaks are spaces)."""
    groups = agreeing_groups(conflict)
    shown = {k: plain_wording(v) for k, v in conflict.values.items()}
    if conflict.kind == "quote":
        ids = " ≠ ".join(", ".join(group) for group in groups)
        return f"quote altered ({ids}): “{_short(shown[groups[0][0]])}”"
    return " vs ".join(f"{shown[group[0]]} ({', '.join(group)})" for group in groups)


def distinct_conflicts(claims) -> list[tuple[object, object]]:
    """(claim, conflict) for each disagreement once, with the first claim that carries it: a
    sentence that joins several claims brings its conflict into each of them."""
    seen: set[tuple] = set()
    out = []
    for claim in claims:
        for conflict in claim.conflicts:
            key = (conflict.kind, tuple(sorted(conflict.values.items())))
            if key not in seen:
                seen.add(key)
                out.append((claim, conflict))
    return out


def conflicts_line(claim) -> str:
    """All of a claim's conflicts on one line ("" when it has none)."""
    return "; ".join(conflict_summary(c) for c in claim.conflicts)


def claim_wordings(comp: Comparison, claim) -> dict[str, str]:
    """Each member article's wording of a claim (its first member in that article), by id."""
    texts = {a.id: a.text for a in comp.articles}
    out: dict[str, str] = {}
    for m in claim.members:
        if m.article not in out:
            out[m.article] = texts[m.article][m.start:m.end]
    return out


def wording_changes(ref: str, text: str) -> list[tuple[bool, str]]:
    """`text` in pieces, each flagged True where its words are not in `ref` (a word diff)."""
    return [(op == INSERT, t) for op, t in word_diff(ref, text) if op != DELETE]


_MAX_LISTED = 6


def _listed(items) -> str:
    items = list(items)
    more = f" +{len(items) - _MAX_LISTED}" if len(items) > _MAX_LISTED else ""
    return ", ".join(items[:_MAX_LISTED]) + more


def claim_reasons(comp: Comparison, claim) -> list[str]:
    """Why a shared claim's wordings were joined, one short line per kind of evidence:
    names and numbers they share, synonyms matched, other shared words, how alike they read,
    which of its articles were read as reports of one event, and which joined for their place
    next to wordings already matched (`finder.ORDER_LINKS`). Each wording is compared with the
    first; [] for a claim of one article."""
    wordings = list(claim_wordings(comp, claim).values())
    if len(wordings) < 2:
        return []
    statements = [make_statement(k, 0, len(t), t, detect_language(t)) for k, t in enumerate(wordings)]
    names: dict[str, None] = {}
    numbers: dict[str, None] = {}
    synonyms: dict[str, None] = {}
    words: dict[str, None] = {}
    alike = []
    for other in statements[1:]:
        why = explain_link(statements[0], other)
        names.update(dict.fromkeys(why.names))
        numbers.update(dict.fromkeys(why.numbers))
        synonyms.update(dict.fromkeys(f"{x} ~ {y}" for x, y in why.synonyms))
        words.update(dict.fromkeys(why.words))
        alike.append(why.coverage)
    out = []
    if names:
        out.append(f"shared names: {_listed(names)}")
    if numbers:
        out.append(f"shared numbers: {_listed(numbers)}")
    if synonyms:
        out.append(f"synonyms: {_listed(synonyms)}")
    if words:
        out.append(f"shared words: {_listed(words)}")
    out.append(f"overlap {min(alike):.0%}")
    pairs = list(combinations(sorted(claim.articles), 2))
    events = [f"{x}–{y}" for x, y in pairs if (x, y) in comp.one_event or (y, x) in comp.one_event]
    if events:
        which = "all" if len(events) == len(pairs) else ", ".join(events)
        out.append(f"reports of one event ({which}: many names and numbers, or a figure and names, in "
                   "common): a looser match counts, as does a distinctive figure shared with a name")
    if claim.in_order:
        which = ", ".join(f"{x}–{y}" for x, y in claim.in_order)
        out.append(f"in the same place ({which}): next to wordings already matched in both articles, "
                   "with some words in common")
    return out
