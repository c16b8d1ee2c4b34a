"""Claims: the factual statements of a set of articles, clustered across articles, with conflicts.

Pipeline: cut each article into statements (sentences and clauses at semicolons, page furniture
dropped, each reduced to matching keys: `segments`), find the pairs worth a look in bulk
(`blocking`, `coverages`, `screening`), link statements of different articles that state the same
thing (`matcher`), cluster the links into claims (at most one member per article from the
clustering itself; a condensed sentence then also joins every other claim it carries), and list
the conflicting values of each shared claim (relative days such as "yesterday" read against the
date an article states at its top, where it states one: `text.dates`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import cache
from itertools import combinations
from typing import Callable, Sequence

import numpy as np

from ..text.article import Article
from ..text.dates import stated_date
from ..text.wireform import plain_wording
from ..util.cancel import check
from ..util.collector import paused
from . import matcher
from .anchored import anchored_conflicts, conflict_of
from .blocking import candidate_pairs
from .conflicts import NUMBER, Conflict, find_conflicts, stated_numbers
from .coverages import coverages
from .matcher import GATE, same_claim, synonym_partners
from .screening import ruled_out
from .segments import statements_of
from .statement import WORD_WEIGHT, Statement

__all__ = ["Claim", "ClaimMember", "Conflict", "find_claims", "statements_of"]

_COMMON_SHARE, _COMMON_MIN = 0.2, 40   # keys in more statements than this propose no pairs
_COMMON_MAX = 150  # ... and never more than this, so long articles stay near-linear
_MIN_EXACT_SHARE = 0.2  # calibrated on MSRP: pairs below it are almost never paraphrases
_MIN_LINK_SHARE = 0.5   # clusters merge only when half their cross pairs are linked (no chaining)
# Two articles that share SAME_EVENT_ANCHORS of the smaller one's names and numbers report one
# event (on ECB+ this tells same-event article pairs from sibling events at ROC AUC 0.92); a claim
# they both state is then far likelier, so their statements join from the matcher's probability
# SAME_EVENT_CLAIM instead of SAME_CLAIM. Between other articles it is less likely: a short
# statement joins a longer one that carries it only with APART_CONTAINED_KEYS content words
# (a headline such as "Colts beat Jags" is carried by many reports of other games).
# Picked on the dev data (bench/claims_eval.py); out-of-sample figures: bench/claims_thresholds.py.
SAME_EVENT_ANCHORS = 0.5
SAME_EVENT_MIN_SHARED = 3  # ... and at least this many: one shared name says little about short texts
# Two articles with this many anchors each that do not report one event report two: numbers of
# theirs that disagree are no conflict on anchors (`anchored`); shorter texts are not judged.
JUDGED_ANCHORS = 2 * SAME_EVENT_MIN_SHARED
SAME_EVENT_CLAIM = 0.25
APART_CONTAINED_KEYS = 5
# ... and only when the longer one carries APART_EXACT_CONTAINED of its weight in the very same words:
# between articles not read as one event, a statement "carried" by synonyms ("Guys hung in there,
# made plays" / "he made a smart play by dropping off") is chance, not one claim.
APART_EXACT_CONTAINED = 0.5
# From this many gated pairs with no synonym's or variant's credit, those the matcher would surely
# score 0.0 are left out in bulk (`screening`: scipy's import and a few whole-array steps pay off
# only for long texts).
SCREEN_PAIRS = 5_000
# Between articles read as one event, two statements that share a telling figure (`_telling`), a
# name and another content word state one fact however differently the rest of them reads
# ("…buying ATI Technologies Inc. for US $5.4-billion yesterday…" / "…after Advanced Micro Devices
# announced its intention to buy the Canadian graphics chip-maker for $5.4 billion"). Picked on the
# dev data; out-of-sample figures: bench/claims_thresholds.py.
FIGURE_LINKS = True
# Two articles that share a telling figure and TELLING_EVENT_SHARED names and numbers in all (the
# figure among them) report one event too, however many other names each has (on ECB+, same-event
# pairs so read 65 → 84 of 120, sibling pairs 10 → 10 of 150: "$5.4 billion" is one purchase's).
# Three would read one more ECB+ pair as one event and no sibling, but it would make one event of
# any two stories that name one person in full and give one round sum ("Donald Trump", "$1 billion").
TELLING_EVENT = True
TELLING_EVENT_SHARED = SAME_EVENT_MIN_SHARED + 1
# The other content word FIGURE_LINKS needs may be a synonym ("31-24 victory" / "31-24 win"), not an
# attribution ("statement" / "said"): on ECB+ it adds five links, all of one fact, and none on METER.
FIGURE_SYNONYMS = True
_YEAR_RE = re.compile(r"#(1[89]|20)\d\d")
# Between articles read as one event, two statements next to a linked pair, on the same side of it
# in both (the statements just before both, or just after), state one fact when the pair passes the
# matcher's gate and each carries ORDER_COVERAGE of the other's weight: a story rewritten from
# another keeps its order, so the sentences next to a rewritten one in both are likely rewritten
# too, however freely. On METER (224 derived stories) statements mostly Verbatim / Rewrite / New so linked
# 81.8 / 37.8 / 11.2 → 84.1 / 41.5 / 12.1 %: 2.6 Rewrite statements gained per New one, where
# lowering SAME_EVENT_CLAIM (0.25 → 0.15) gains one. ECB+'s pairs of articles unchanged, its
# coreferent sentence pairs 25.7 → 27.3 %. Picked on the dev data (0.3 among 0.2–0.3, and other
# forms of the rule); out-of-sample figures: bench/claims_thresholds.py.
ORDER_LINKS = True
ORDER_COVERAGE = 0.3


@dataclass(frozen=True)
class ClaimMember:
    """Where a claim is worded: `Article.text[start:end]` of article `article`."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """One factual statement, the articles that carry it, their wordings and disagreeing values."""

    id: str
    text: str
    articles: tuple[str, ...]
    members: tuple[ClaimMember, ...]
    conflicts: tuple[Conflict, ...]
    # (article id, article id) pairs whose wordings joined for their place next to wordings
    # already matched (ORDER_LINKS), so a hover can say so
    in_order: tuple[tuple[str, str], ...] = ()


def _same_event(statements: list[Statement]) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """(i, j), i < j, for every two articles of `statements` that report one event: they share
    at least SAME_EVENT_ANCHORS of the smaller one's anchors (names and numbers), and at least
    SAME_EVENT_MIN_SHARED of them, or TELLING_EVENT_SHARED with a telling figure among them
    (TELLING_EVENT); and, apart, those that do not although each has at least
    JUDGED_ANCHORS anchors (enough to tell: two reports of other games, other hearings)."""
    anchors: dict[int, set[str]] = defaultdict(set)
    for st in statements:
        anchors[st.article].update(k for k, form in st.surface.items() if form in st.names)
        anchors[st.article].update(st.numbers)
    found, apart = set(), set()
    for i, j in combinations(sorted(anchors), 2):
        both = anchors[i] & anchors[j]
        shared, fewer = len(both), min(len(anchors[i]), len(anchors[j]))
        if shared >= max(SAME_EVENT_MIN_SHARED, SAME_EVENT_ANCHORS * fewer) or (
                TELLING_EVENT and shared >= TELLING_EVENT_SHARED and any(map(_telling, both))):
            found.add((i, j))
        elif fewer >= JUDGED_ANCHORS:
            apart.add((i, j))
    return found, apart


def _candidate_pairs(statements: list[Statement], cancelled=None) -> np.ndarray:
    """Pairs of statements of different articles whose exact shared keys make a match possible.

    A pair needs shared weight of at least _MIN_EXACT_SHARE of the smaller statement (synonyms
    and variants can only add to that). Keys found in a large share of all statements (the topic's
    own words) do not propose candidates on their own but still count once a pair is proposed.
    Computed in bulk by `blocking.candidate_pairs` (sparse products).
    """
    common = min(_COMMON_MAX, max(_COMMON_MIN, _COMMON_SHARE * len(statements)))
    return candidate_pairs(statements, common, _MIN_EXACT_SHARE, cancelled)


def _gated_pairs(statements: list[Statement], pairs: np.ndarray, cancelled=None,
                 same_event: set[tuple[int, int]] | None = None, near: set | None = None
                 ) -> list[tuple[int, int, tuple[frozenset, frozenset]]]:
    """The candidate pairs the matcher's gate lets through: one side carries at least GATE of
    the other's weight (coverages in bulk; a hair of margin leaves the border to `same_claim`),
    each with the keys of either side that earned a synonym's or variant's credit (`same_claim`'s
    `partial`: the bulk step already knows which did). From SCREEN_PAIRS pairs with no such key,
    those `same_claim` would surely score 0.0 are left out in bulk (`screening`), read with the
    thresholds of `find_claims` (`same_event`: pairs of articles read as one event). `near`, when
    given, receives the gated pairs where each side also carries ORDER_COVERAGE of the other's
    weight (`_in_order`), screened out or not."""
    cov_a, cov_b, part_a, part_b = coverages(statements, pairs, cancelled)
    keep = np.flatnonzero(np.maximum(cov_a, cov_b) >= GATE - 1e-9)
    if near is not None:
        near.update(map(tuple, pairs[keep[np.minimum(cov_a, cov_b)[keep] >= ORDER_COVERAGE]].tolist()))
    plain = keep[~(part_a.any() | part_b.any())[keep]]
    if len(plain) >= SCREEN_PAIRS:
        check(cancelled)
        pi, pj = pairs[plain, 0], pairs[plain, 1]
        article = np.fromiter((st.article for st in statements), dtype=np.int64, count=len(statements))
        events = same_event or set()
        one = np.fromiter(((min(x, y), max(x, y)) in events for x, y in zip(article[pi].tolist(),
                                                                            article[pj].tolist())),
                          dtype=bool, count=len(pi))
        out = ruled_out(statements, pi, pj, cov_a[plain], cov_b[plain],
                        part_a.names_missed[plain], part_b.names_missed[plain],
                        threshold=np.where(one, SAME_EVENT_CLAIM, matcher.SAME_CLAIM),
                        min_keys=np.where(one, matcher.MIN_CONTAINED_KEYS, APART_CONTAINED_KEYS),
                        exact=np.where(one, 0.0, APART_EXACT_CONTAINED), cancelled=cancelled)
        keep = np.setdiff1d(keep, plain[out], assume_unique=True)
    return [(i, j, (pa, pb))
            for (i, j), pa, pb in zip(pairs[keep].tolist(), part_a.of(keep), part_b.of(keep))]


def _telling(key: str) -> bool:
    """A number key that tells one fact from another: a figure ("x86" is a name), not a year, not a
    whole number below 100 (ages, counts and the halves of a score recur across a story's facts).
    False for any other key."""
    digits = key[1:]
    return (key[:1] == "#" and (digits[:1].isdigit() or digits[:1] == ".")
            and not (digits.isdigit() and int(digits) < 100) and not _YEAR_RE.fullmatch(key))


def _figure_pairs(statements: list[Statement], pairs: np.ndarray,
                  same_event: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The candidate pairs of statements of two articles read as one event that share a telling
    figure, a name and another content word, or a synonym of one (see FIGURE_LINKS)."""
    figures = [frozenset(k for k in st.numbers if _telling(k)) for st in statements]
    has = np.fromiter((bool(f) for f in figures), dtype=bool, count=len(statements))
    out = []
    for i, j in pairs[has[pairs[:, 0]] & has[pairs[:, 1]]].tolist() if len(pairs) else ():
        a, b = statements[i], statements[j]
        if (min(a.article, b.article), max(a.article, b.article)) not in same_event \
                or not figures[i] & figures[j]:
            continue
        shared = [k for k in a.keys.keys() & b.keys.keys() if k[0] != "#" and a.keys[k] > 0]
        if any(a.surface[k] in a.names for k in shared) and (
                any(a.surface[k] not in a.names and a.keys[k] >= WORD_WEIGHT for k in shared)
                or (FIGURE_SYNONYMS and (_synonym_word(a, b) or _synonym_word(b, a)))):
            out.append((i, j))
    return out


def _synonym_word(a: Statement, b: Statement) -> bool:
    """Whether a content word of `a` (not a name) has a synonym among `b`'s content words."""
    if a.language != "en" or b.language != "en":
        return False
    for key, weight in a.keys.items():
        word = a.surface[key]
        if weight >= WORD_WEIGHT and key[0] not in "#@" and word not in a.names and key not in b.keys:
            if any(k[0] not in "#@" and b.surface[k] not in b.names for k in synonym_partners(word, b)):
                return True
    return False


class _Clusters:
    """Union-find over statements, keeping each cluster's members."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


def _in_order(statements: list[Statement], edges: dict[tuple[int, int], float],
              near: set[tuple[int, int]], same_event: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs of `near` (statement pairs that pass the gate with ORDER_COVERAGE each way) that
    are not linked but sit next to a linked pair of two articles read as one event, on the same
    side of it in both (see ORDER_LINKS)."""
    found = set()
    for i, j in edges:
        a, b = statements[i].article, statements[j].article
        if (min(a, b), max(a, b)) not in same_event:
            continue
        for x, y in ((i - 1, j - 1), (i + 1, j + 1)):
            if (x, y) in near and (x, y) not in edges \
                    and statements[x].article == a and statements[y].article == b:
                found.add((x, y))
    return sorted(found)


def _cluster(statements: list[Statement], edges: dict[tuple[int, int], float]) -> list[list[int]]:
    """Group linked statements into claims; a statement may end up in several claims."""
    clusters = _Clusters(len(statements))
    for (i, j), _score in sorted(edges.items(), key=lambda kv: (-kv[1], kv[0])):
        ri, rj = clusters.find(i), clusters.find(j)
        if ri == rj:
            continue
        mi, mj = clusters.members[ri], clusters.members[rj]
        if {statements[x].article for x in mi} & {statements[y].article for y in mj}:
            continue
        linked = sum(1 for x in mi for y in mj if (min(x, y), max(x, y)) in edges)
        if linked >= _MIN_LINK_SHARE * len(mi) * len(mj):
            clusters.union(i, j)
    groups = {root: sorted(m) for root, m in clusters.members.items()}
    # Many-to-many: a statement linked to most of another claim joins it too.
    extra: dict[int, set[int]] = defaultdict(set)
    for (i, j) in edges:
        for x, y in ((i, j), (j, i)):
            root = clusters.find(y)
            if clusters.find(x) == root:
                continue
            group = groups[root]
            linked = sum(1 for m in group if (min(x, m), max(x, m)) in edges)
            if linked >= _MIN_LINK_SHARE * len(group):
                extra[root].add(x)
    joined_elsewhere = {x for xs in extra.values() for x in xs}
    out = []
    seen: set[tuple[int, ...]] = set()
    for root, group in sorted(groups.items()):
        members = tuple(sorted(set(group) | extra.get(root, set())))
        if len(group) == 1 and group[0] in joined_elsewhere and not extra.get(root):
            continue  # a lone statement already carried by a shared claim
        if members not in seen:
            seen.add(members)
            out.append(list(members))
    return out


@paused  # many small objects: see util.collector
def find_claims(articles: Sequence[Article], *, progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None,
                one_event: set | None = None) -> list[Claim]:
    """The claims of `articles` (in article order): shared ones first, then each article's own.

    Shared claims are ordered by the number of articles carrying them (most first), then by first
    appearance; unique claims by article order and position. Ids are "c1", "c2", ... in that order.
    `one_event`, when given, receives the (id, id) pairs of articles read as reports of one event
    (their statements joined more readily, see SAME_EVENT_ANCHORS).
    Raises `viewer.core.util.cancel.Cancelled` when `cancelled()` turns True between steps.
    """
    total = len(articles) + 3
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)
        check(cancelled)

    check(cancelled)
    statements: list[Statement] = []
    memo: dict = {}
    for index, article in enumerate(articles):
        statements.extend(statements_of(article, index, memo=memo, cancelled=cancelled))
        step()
    edges: dict[tuple[int, int], float] = {}
    pairs = _candidate_pairs(statements, cancelled)
    same_event, apart = _same_event(statements)
    if one_event is not None:
        one_event.update((articles[i].id, articles[j].id) for i, j in same_event)
    # Statements with the same words share their keys (`statements_of`'s memo): a pair of wordings
    # met again (long texts repeat sentences) is scored once.
    scored: dict[tuple[int, int, bool], float] = {}
    near: set[tuple[int, int]] | None = set() if ORDER_LINKS and same_event else None  # (`_in_order`)
    for n, (i, j, partial) in enumerate(_gated_pairs(statements, pairs, cancelled, same_event, near)):
        if n % 2000 == 0:
            check(cancelled)
        a, b = statements[i], statements[j]
        arts = (a.article, b.article) if a.article < b.article else (b.article, a.article)
        one = arts in same_event
        wording = (id(a.keys), id(b.keys), one)
        score = scored.get(wording)
        if score is None:
            score = scored[wording] = same_claim(a, b, SAME_EVENT_CLAIM, partial=partial) if one else \
                same_claim(a, b, matcher.SAME_CLAIM, min_contained_keys=APART_CONTAINED_KEYS,
                           partial=partial, exact_contained=APART_EXACT_CONTAINED)
        if score > 0:
            edges[(i, j)] = score
    if FIGURE_LINKS and same_event:
        for i, j in _figure_pairs(statements, pairs, same_event):
            edges.setdefault((i, j), SAME_EVENT_CLAIM)
    ordered: dict[int, list[int]] = defaultdict(list)  # statement -> those it joined by ORDER_LINKS
    if near is not None:
        for i, j in _in_order(statements, edges, near, same_event):
            edges[(i, j)] = SAME_EVENT_CLAIM
            ordered[i].append(j)
    step()
    groups = _cluster(statements, edges)
    step()
    ids = [a.id for a in articles]
    dated = {a.id: day for a in articles if (day := stated_date(a.text)) is not None}
    texts = {a.id: a.text for a in articles}

    @cache  # read only where two figures disagree (rare), then once per article
    def stated(article_id: str) -> frozenset:
        return stated_numbers(texts[article_id])

    def order(group: list[int]) -> tuple:
        arts = {statements[i].article for i in group}
        first = min((statements[i].article, statements[i].start) for i in group)
        return (0, -len(arts), first) if len(arts) > 1 else (1, 0, first)

    # A condensed sentence can carry several claims: each claim is worded by its most
    # specific member (the one in fewest claims), so claims do not all read alike.
    use = Counter(i for group in groups for i in group)
    claims = []
    for number, group in enumerate(sorted(groups, key=order), start=1):
        if number % 50 == 0:
            check(cancelled)
        members = sorted(group, key=lambda i: (statements[i].article, statements[i].start))
        arts = tuple(ids[a] for a in sorted({statements[i].article for i in members}))
        rep = min(members, key=lambda i: (use[i], statements[i].article, statements[i].start))
        text = plain_wording(statements[rep].text)
        conflicts = find_conflicts([(ids[statements[i].article], statements[i].text) for i in members],
                                   dated, stated) if len(arts) > 1 else ()
        inside = set(members)
        claims.append(Claim(
            id=f"c{number}", text=text, articles=arts,
            members=tuple(ClaimMember(ids[statements[i].article], statements[i].start, statements[i].end)
                          for i in members),
            conflicts=conflicts,
            in_order=tuple(sorted({(ids[statements[i].article], ids[statements[j].article])
                                   for i in members for j in ordered.get(i, ()) if j in inside}))))
    claims = _with_anchored_conflicts(claims, statements, articles, apart, lambda k: stated(ids[k]))
    step()
    return claims


def _with_anchored_conflicts(claims: list[Claim], statements: list[Statement],
                             articles: Sequence[Article], apart: set[tuple[int, int]],
                             stated: Callable[[int], frozenset] | None = None) -> list[Claim]:
    """`claims` plus one claim per number conflict found on anchors (see `anchored`) that no
    claim states already, in claim order and numbered again. A conflict found on anchors that
    gives an article the value a claim's number conflict gives it joins that claim instead: its
    other articles' clauses become members ("Five members" (A) against "four members" in D, a
    claim of A and D, and in E, a clause E states in another sentence: one claim of A, D and E).
    `stated`: article index -> the numbers its whole text gives (see `anchored_conflicts`)."""
    ids, claims = [a.id for a in articles], list(claims)
    known = {(article, value) for claim in claims for c in claim.conflicts
             for article, value in c.values.items()}
    extra, joined_any = [], False
    for group in anchored_conflicts(statements, apart, stated):
        conflict = conflict_of(group, ids)
        if all(item in known for item in conflict.values.items()):
            continue
        joined = _joined_conflict(claims, conflict, group, ids)
        if joined is not None:
            k, claims[k] = joined
            known.update(conflict.values.items())
            joined_any = True
            continue
        rep = max(group, key=lambda m: (sum(len(m.words & o.words) for o in group), -m.article))
        text = plain_wording(articles[rep.article].text[rep.start:rep.end])
        extra.append(Claim(
            id="", text=f"… {text} …", articles=tuple(conflict.values),
            members=tuple(ClaimMember(ids[m.article], m.start, m.end) for m in group),
            conflicts=(conflict,)))
    if not extra and not joined_any:
        return claims
    index = {a: k for k, a in enumerate(ids)}

    def order(claim: Claim) -> tuple:
        first = min((index[m.article], m.start) for m in claim.members)
        return (0, -len(claim.articles), first) if len(claim.articles) > 1 else (1, 0, first)

    ordered = sorted(claims + extra, key=order)
    return [replace(claim, id=f"c{number}") for number, claim in enumerate(ordered, start=1)]


def _joined_conflict(claims: list[Claim], conflict: Conflict, group, ids: Sequence[str]):
    """(index, claim) of the one claim whose number conflict gives an article of `conflict` its
    value there, with the group's other articles joined to it; None when no claim does, when
    several do, or when the two disagree about an article's value."""
    hosts = [(k, c) for k, claim in enumerate(claims) for c in claim.conflicts if c.kind == NUMBER
             and any(c.values.get(a) == v for a, v in conflict.values.items())]
    if len({k for k, _ in hosts}) != 1:
        return None
    k, old = hosts[0]
    claim = claims[k]
    if any(old.values.get(a, v) != v for a, v in conflict.values.items()):
        return None
    values = dict(sorted({**old.values, **conflict.values}.items()))
    new = [ClaimMember(ids[m.article], m.start, m.end) for m in group if ids[m.article] not in old.values]
    members = tuple(sorted(claim.members + tuple(new), key=lambda m: (ids.index(m.article), m.start)))
    articles = tuple(a for a in ids if a in claim.articles or any(m.article == a for m in new))
    conflicts = tuple(Conflict(NUMBER, values) if c is old else c for c in claim.conflicts)
    return k, replace(claim, articles=articles, members=members, conflicts=conflicts)
