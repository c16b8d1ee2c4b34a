"""Clauses: a sentence that states several facts, split into clause-level statements (English).

Rule-based on words and punctuation (no parser):
- an attribution tail or head is dropped from the statement ("…, he said", "…, said Mr Smith, a
  spokesman", "According to police, …", "Police said (that) …"): who said it is not the fact, and
  two outlets rarely credit the same way; "…, according to X" likewise;
- the rest is cut before a comma that opens a coordinated clause (", and" / ", but" / ", while" /
  ", whereas" / ", although" when both sides have a verb), a relative clause (", who" / ", which" /
  ", whose") or a participial one (", having …", ", leaving …").
A cut is only made when every piece keeps at least MIN_CONTENT content words (function words not
counted) and MIN_WORDS words, so a statement never reads as a fragment; otherwise the sentence stays whole.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..text.language import stopwords
from .matcher import REPORTING_VERBS, Statement

__all__ = ["MIN_CONTENT", "clause_parents", "clause_spans", "prefer_clause_edges",
           "prune_clause_groups"]

MIN_CONTENT = 4   # content words every clause keeps (a cut leaving fewer is not made) ...
MIN_WORDS = 6     # ... and words
_ATTRIBUTION_WORDS = 5   # the reporting verb of an attribution tail is among its first words
_ATTRIBUTION_MAX = 14    # words of an attribution tail at most ("…, said John Smith, a spokesman for …")
_SHORTER = 0.7           # a statement this much shorter than a sentence may carry one of its clauses
_HEAD_MAX = 8            # words before "said" in an attribution head ("Det Insp John Smith said …")
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_COMMA_RE = re.compile(r",[\"”’']?\s+")
_OPENER_RE = re.compile(r",\s+(and|but|while|whereas|although|though|who|which|whose|having|[a-z]{3,}ing)\b")
_COORDINATORS = frozenset("and but while whereas although though".split())
_NOT_PARTICIPLES = frozenset(
    "during including according following regarding concerning pending excluding considering "
    "notwithstanding nothing something anything everything morning evening thing string spring "
    "ceiling wedding building meeting hearing ruling funding clothing sibling darling".split())
_AUXILIARIES = frozenset(
    "is are was were be been being am has have had do does did will would can could may might must "
    "should shall won't can't isn't wasn't aren't weren't hasn't haven't hadn't didn't doesn't".split())
_IRREGULAR_PAST = frozenset(
    "went came fell rose took gave made left found told said saw got held won lost began became led met "
    "paid put ran sent sold spent stood struck thought wrote kept knew brought bought broke built caught "
    "chose drove fought flew hit shot spoke stole threw fled sought felt grew drew hid bit".split())
_HEAD_VERBS = frozenset("said says added stated announced claimed insisted explained warned".split())
_QUOTES = "\"'“”‘’"


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _enough(text: str, stop: frozenset[str]) -> bool:
    """Whether `text` is long enough to stand as a statement (MIN_CONTENT, MIN_WORDS)."""
    words = _words(text)
    return len(words) >= MIN_WORDS and sum(1 for w in words if w.casefold() not in stop) >= MIN_CONTENT


def _verbish(text: str) -> bool:
    """Whether `text` has a word shaped like a finite verb (auxiliary, reporting verb, -ed form)."""
    for w in _words(text):
        low = w.casefold()
        if low in _AUXILIARIES or low in REPORTING_VERBS or low in _IRREGULAR_PAST \
                or (len(low) > 4 and low.endswith("ed")):
            return True
    return False


def _trim_attribution(text: str, start: int, end: int, stop: frozenset[str]) -> tuple[int, int]:
    """(start, end) of the sentence without an attribution tail or head, when what is left keeps
    MIN_CONTENT content words; the span unchanged otherwise."""
    piece = text[start:end]
    for m in reversed(list(_COMMA_RE.finditer(piece))):   # tail: the last comma opening one
        words = [w.casefold() for w in _words(piece[m.end():])]
        if not words or len(words) > _ATTRIBUTION_MAX:
            break
        head = words[:_ATTRIBUTION_WORDS]
        if any(w in REPORTING_VERBS for w in head) or words[:2] == ["according", "to"]:
            cut = start + m.start()
            if _enough(text[start:cut], stop):
                end = cut
            break
    piece = text[start:end]
    lead = piece.lstrip(_QUOTES + " ")
    if lead[:13].casefold() == "according to ":
        comma = piece.find(", ")
        if 0 < comma and len(_words(piece[:comma])) <= _HEAD_MAX + 2 \
                and _enough(piece[comma + 2:], stop):
            return start + comma + 2, end
        return start, end
    words = list(_WORD_RE.finditer(piece))
    for k, w in enumerate(words[1:_HEAD_MAX + 1], start=1):
        if w.group().casefold() in _HEAD_VERBS:
            if '"' in piece[:w.start()] or "“" in piece[:w.start()]:
                break   # a quote before the verb: not a head
            body = w.end()
            if k + 1 < len(words) and words[k + 1].group().casefold() == "that":
                body = words[k + 1].end()
            body += len(piece[body:]) - len(piece[body:].lstrip(" :,"))
            if piece[body:body + 1] in _QUOTES or not piece[:w.start()].strip()[:1].isupper():
                break   # a quote follows (kept whole), or no subject before the verb
            if _enough(piece[body:], stop):
                return start + body, end
            break
        if w.group().casefold() in REPORTING_VERBS or w.group().casefold() in _AUXILIARIES:
            break   # another verb first: "X told reporters …", "X has said …" stay whole
    return start, end


def _split(text: str, start: int, end: int, stop: frozenset[str]) -> list[tuple[int, int]]:
    """Cut `text[start:end]` before commas opening coordinated, relative or participial clauses."""
    pieces = []
    pos = start
    for m in _OPENER_RE.finditer(text, start, end):
        word = m.group(1)
        if word.endswith("ing") and word not in ("having",) and word in _NOT_PARTICIPLES:
            continue
        left, right = text[pos:m.start()], text[m.start() + 1:end]
        if not _enough(left, stop) or not _enough(right, stop):
            continue
        if word in _COORDINATORS and not (_verbish(left) and _verbish(text[m.end():end])):
            continue   # a list of nouns ("… , and Leeds"), not two clauses
        pieces.append((pos, m.start()))
        # a coordinated clause reads on its own without its "and"; a relative or participial one
        # keeps its opener ("which forced …", "leaving …")
        rest = text[m.end():end]
        pos = m.end() + len(rest) - len(rest.lstrip()) if word in _COORDINATORS else m.start(1)
    pieces.append((pos, end))
    return pieces


def clause_spans(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """Clause-level statement spans of the sentence (or semicolon clause) `text[start:end]`:
    attribution dropped, then cut into clauses; `[(start, end)]` when nothing is cut (and for
    languages other than English)."""
    if language != "en":
        return [(start, end)]
    stop = stopwords(language)
    start, end = _trim_attribution(text, start, end, stop)
    return _split(text, start, end, stop)


def clause_parents(statements: Sequence[Statement]) -> dict[int, int]:
    """Index of each clause statement -> index of its sentence (the statement just before it in
    the same article whose span holds it; `finder` lists a sentence before its clauses)."""
    parents: dict[int, int] = {}
    sentence = -1
    for k, st in enumerate(statements):
        if sentence >= 0 and statements[sentence].article == st.article \
                and statements[sentence].start <= st.start and st.end <= statements[sentence].end \
                and (st.start, st.end) != (statements[sentence].start, statements[sentence].end):
            parents[k] = sentence
        else:
            sentence = k
    return parents


def prune_clause_groups(groups: list[list[int]], statements: Sequence[Statement],
                        parents: dict[int, int]) -> list[list[int]]:
    """Claims (groups of statement indices) with clauses and sentences side by side made readable:
    a clause whose sentence is in the same claim leaves it; a claim held by one article and made of
    clauses only goes (its sentence is a claim already), as does a claim whose every member (or
    member's sentence) is in another claim of more articles, or of the same articles and fewer
    clauses; and a lone
    sentence goes when each of its clauses is in a shared claim."""
    def sentence_of(i: int) -> int:
        return parents.get(i, i)

    def articles(group: list[int]) -> frozenset[int]:
        return frozenset(statements[i].article for i in group)

    cleaned = []
    seen: set[tuple[int, ...]] = set()
    for group in groups:
        members = set(group)
        group = [i for i in group if not (i in parents and parents[i] in members)]
        if (len(articles(group)) == 1 and all(i in parents for i in group)) or tuple(group) in seen:
            continue   # a lone clause, or a claim left the same as another once clauses left
        seen.add(tuple(group))
        cleaned.append(group)
    covers = [(articles(g), frozenset(sentence_of(i) for i in g), sum(i in parents for i in g))
              for g in cleaned]
    kept = []
    for k, group in enumerate(cleaned):
        arts, cover, n_clauses = covers[k]
        if any(h != k and other_arts >= arts and cover <= other_cover
               and (other_arts > arts or (n_clauses and (other_clauses, h) < (n_clauses, k)))
               for h, (other_arts, other_cover, other_clauses) in enumerate(covers)):
            continue
        kept.append(group)
    shared_clauses = {i for g in kept if len(articles(g)) > 1 for i in g if i in parents}
    clauses_of: dict[int, list[int]] = {}
    for clause, sentence in parents.items():
        clauses_of.setdefault(sentence, []).append(clause)
    return [g for g in kept
            if not (len(g) == 1 and g[0] in clauses_of
                    and all(c in shared_clauses for c in clauses_of[g[0]]))]


def prefer_clause_edges(edges: dict[tuple[int, int], float], statements: Sequence[Statement],
                        parents: dict[int, int]) -> dict[tuple[int, int], float]:
    """`edges` without the links of a sentence to a shorter statement that only some of its
    clauses are linked to: that statement carries one of the sentence's facts, and the clause's
    link says so (a sentence all of whose clauses are linked to it, or one of about its length,
    keeps its own link: a copy, or a rewording of the whole)."""
    clauses_of: dict[int, list[int]] = {}
    for clause, sentence in parents.items():
        clauses_of.setdefault(sentence, []).append(clause)

    def partial(sentence: int, other: int) -> bool:
        clauses = clauses_of.get(sentence)
        if not clauses or len(statements[other].text) > _SHORTER * len(statements[sentence].text):
            return False
        linked = sum((min(c, other), max(c, other)) in edges for c in clauses)
        return 0 < linked < len(clauses)

    return {(i, j): score for (i, j), score in edges.items() if not (partial(i, j) or partial(j, i))}
