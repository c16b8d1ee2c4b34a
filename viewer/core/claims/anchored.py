"""Conflicts on anchors: one event given different numbers in statements that were not linked.

Outlets often state the same fact as a clause of longer, different sentences ("Putin's first visit
to North Korea in 25 years" inside a sentence about a defence pact; "his first visit to the country
in 24 years" inside one about Kim's support), so the sentences are never linked as one claim and
the claim's own conflict check (`conflicts.find_conflicts`) never compares the two numbers.

Here every number with a unit is an *event mention*: its value, its unit and the content words
around it (`WINDOW` words either side, within the statement). Two mentions of different articles
are the same event when they have the same unit, share at least `MIN_SHARED_WORDS` content words
around the number that are not names (the predicate: "first visit") and their statements share at
least one name (the anchor: a person, place or organisation). Mentions joined that way form one
group; a group whose articles give different values is a number conflict (by the rule a claim's
wordings follow: not a figure and the same one rounded, nor two articles of which one gives the
other's figure elsewhere), and becomes a claim of its own whose members are the clauses around
the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..diff.sequences import connected_roots
from ..text.language import stemmer, stopwords
from ..text.tokens import _WORD_ONLY_RE, fold
from .conflicts import NUMBER, Conflict, figures_disagree
from .statement import Statement
from .values import extract_numbers

WINDOW = 8            # words either side of the number
MIN_SHARED_WORDS = 2  # content words (not names) both windows share


@dataclass(frozen=True)
class EventMention:
    """A number with a unit in statement `statement`, at `start:end` of its article's text."""

    statement: int
    article: int
    unit: str
    value: float
    worded: str
    start: int          # the clause around the number (article offsets)
    end: int
    words: frozenset    # stems of the content words around the number, names excluded


def _mentions_of(index: int, st: Statement) -> list[EventMention]:
    found = extract_numbers(st.text)
    if not found:
        return []
    # A statement giving one unit two values ("three years and four years respectively", two
    # people's sentences) does not say which is the event's: its mentions of that unit are left out.
    values: dict[str, set] = {}
    for (unit, value), _worded in found:
        values.setdefault(unit, set()).add(value)
    found = [f for f in found if len(values[f[0][0]]) == 1]
    words = [(m.start(), m.end(), m.group()) for m in _WORD_ONLY_RE.finditer(st.text)]
    stops, stem = stopwords(st.language), stemmer(st.language)
    out = []
    seen = 0
    for (unit, value), worded in found:
        at = st.text.find(worded, seen)
        if at < 0:
            continue
        seen = at + len(worded)
        inside = [k for k, (s, e, _) in enumerate(words) if s < seen and e > at]
        if not inside:
            continue
        lo, hi = max(0, inside[0] - WINDOW), min(len(words), inside[-1] + 1 + WINDOW)
        content = set()
        for k in list(range(lo, inside[0])) + list(range(inside[-1] + 1, hi)):
            word = words[k][2]
            f = fold(word)
            if f in stops or len(f) < 3 or any(c.isdigit() for c in f) or f in st.names:
                continue
            if word[:1].isupper() and k > 0:  # a name elsewhere in the sentence
                continue
            content.add(stem(f))
        content.discard(stem(fold(unit)))
        out.append(EventMention(index, st.article, unit, value, worded,
                                st.start + words[lo][0], st.start + words[hi - 1][1], frozenset(content)))
    return out


def _same_event(a: EventMention, b: EventMention, statements: Sequence[Statement],
                apart: set[tuple[int, int]]) -> bool:
    if a.article == b.article or a.unit != b.unit:
        return False
    if (min(a.article, b.article), max(a.article, b.article)) in apart:
        return False
    if len(a.words & b.words) < MIN_SHARED_WORDS:
        return False
    return bool(statements[a.statement].names & statements[b.statement].names)


def anchored_conflicts(statements: Sequence[Statement], apart: set[tuple[int, int]] = frozenset(),
                       stated: Callable[[int], frozenset] | None = None) -> list[list[EventMention]]:
    """Groups of event mentions (one per article, in article order) that disagree on the value
    as a claim's wordings would (`conflicts.figures_disagree`: not one rounded from the other,
    and, by `stated` (article index -> the (unit, value) keys of every number its whole text
    gives), neither article giving the other's figure elsewhere); mentions of the article pairs
    `apart` ((i, j), i < j: read as reports of two events) are never joined."""
    mentions = [m for i, st in enumerate(statements) for m in _mentions_of(i, st)]
    by_unit: dict[str, list[int]] = {}
    for k, m in enumerate(mentions):
        by_unit.setdefault(m.unit, []).append(k)
    pairs = []
    for members in by_unit.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if _same_event(mentions[i], mentions[j], statements, apart):
                    pairs.append((i, j))
    roots = connected_roots(len(mentions), pairs)
    groups: dict[int, list[EventMention]] = {}
    for k in sorted({k for pair in pairs for k in pair}):
        groups.setdefault(roots[k], []).append(mentions[k])
    out = []
    for group in groups.values():
        first: dict[int, EventMention] = {}
        for m in sorted(group, key=lambda m: (m.article, m.start)):
            first.setdefault(m.article, m)
        chosen = list(first.values())
        unit = chosen[0].unit
        gives = None if stated is None else lambda art, value: (unit, value) in stated(art)
        if len(chosen) > 1 and figures_disagree([(m.article, m.value, m.worded) for m in chosen], gives):
            out.append(chosen)
    return out


def conflict_of(group: Sequence[EventMention], ids: Sequence[str]) -> Conflict:
    """The number conflict a group of event mentions states."""
    return Conflict(NUMBER, {ids[m.article]: m.worded for m in group})
