"""Review marks on claims and conflicts, keyed so they survive re-analysis.

Claim ids ("c1", "c2", ...) are positions and shift when anything changes, so a mark points at a
*key* made from what the claim says: a hash of each member's article letter and wording. Analysing
the same articles again gives the same keys; editing an article changes only the keys of the claims
whose wording in it changed (or that gained or lost a member). A conflict's key is its claim's key
plus a hash of its kind and values.
"""

from __future__ import annotations

import hashlib
import weakref
from collections import Counter
from typing import Iterable, Sequence

from .session import MARKS, ReviewMark

__all__ = ["MARKS", "MARK_LABELS", "ReviewMark", "apply_mark", "claim_key", "claim_keys",
           "conflict_key", "filter_claims_by_mark", "marked_targets", "marks_by_key"]

MARK_LABELS = {"verified": "verified", "disputed": "disputed",
               "needs-attribution": "needs attribution"}

_last: tuple[weakref.ref, dict[str, str]] | None = None


def _digest(parts: Iterable[str], size: int) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:size]


def _wording_hash(claim, comparison) -> str:
    """Hash of the claim's member wordings (letter + whitespace-folded text), order-free."""
    texts = {a.id: a.text for a in comparison.articles}
    parts = sorted(f"{m.article}\x01{' '.join(texts[m.article][m.start:m.end].split())}"
                   for m in claim.members)
    return _digest(parts, 16)


def claim_keys(comparison) -> dict[str, str]:
    """Claim id -> stable key for every claim of `comparison` (duplicates get "~2", "~3", ...)."""
    global _last
    last = _last
    if last is not None and last[0]() is comparison:
        return last[1]
    seen: Counter[str] = Counter()
    keys = {}
    for claim in comparison.claims:
        h = _wording_hash(claim, comparison)
        seen[h] += 1
        keys[claim.id] = f"claim:{h}" + (f"~{seen[h]}" if seen[h] > 1 else "")
    try:
        _last = (weakref.ref(comparison), keys)
    except TypeError:
        pass
    return keys


def claim_key(claim, comparison) -> str:
    """The stable key of `claim`, which must be one of `comparison.claims` (else KeyError)."""
    return claim_keys(comparison)[claim.id]


def conflict_key(claim, conflict, comparison) -> str:
    """The stable key of one of `claim.conflicts`: the claim's key plus its kind and values."""
    same = [c for c in claim.conflicts if c == conflict]
    index = next((k for k, c in enumerate(same) if c is conflict), 0)
    h = _digest([conflict.kind, *(f"{a}\x01{v}" for a, v in sorted(conflict.values.items()))], 12)
    return f"{claim_key(claim, comparison)}/conflict:{h}" + (f"~{index + 1}" if index else "")


def marks_by_key(marks: Iterable[ReviewMark]) -> dict[str, ReviewMark]:
    """Marks indexed by their target key."""
    return {m.target: m for m in marks}


def apply_mark(marks: Sequence[ReviewMark], key: str, mark: str | None,
               note: str = "") -> tuple[ReviewMark, ...]:
    """The marks with `key` set to `mark` and `note` (replacing any), or removed when mark is None.

    Sorted by target, like `Session.marks`. ValueError for a mark not in MARKS.
    """
    kept = [m for m in marks if m.target != key]
    if mark is not None:
        kept.append(ReviewMark(key, mark, note))
    return tuple(sorted(kept, key=lambda m: m.target))


def marked_targets(claim, comparison, marks: dict[str, ReviewMark]) -> list[tuple[object, ReviewMark]]:
    """(claim or conflict, mark) for the claim's own mark and each marked conflict of it."""
    out = []
    own = marks.get(claim_key(claim, comparison))
    if own:
        out.append((claim, own))
    for conflict in claim.conflicts:
        m = marks.get(conflict_key(claim, conflict, comparison))
        if m:
            out.append((conflict, m))
    return out


def filter_claims_by_mark(claims: Iterable, comparison, marks: Iterable[ReviewMark],
                          mark: str | None) -> list:
    """The claims carrying `mark` on themselves or on one of their conflicts.

    `mark=None` gives the claims with no mark at all (what is left to review).
    """
    if mark is not None and mark not in MARKS:
        raise ValueError(f"unknown mark {mark!r}; expected one of {', '.join(MARKS)}")
    index = marks_by_key(marks)
    out = []
    for claim in claims:
        found = {m.mark for _, m in marked_targets(claim, comparison, index)}
        if (mark in found) if mark is not None else not found:
            out.append(claim)
    return out
