"""Moved text: sentences or paragraphs that the other article has elsewhere.

Sentence alignment (`align.py`) matches sentences one to one and keeps the
longest order-preserving backbone; matched sentences outside it were moved.
Moved sentences that follow each other in both texts (only whitespace between
them on each side) are merged into one move, so a moved paragraph is one
`Move` rather than several.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.article import Article
from .align import align_sentences


@dataclass(frozen=True)
class Move:
    """`a.text[a_start:a_end]` appears, reworded at most slightly, at `b.text[b_start:b_end]`,
    out of the two articles' common order. `score` is the lowest sentence match in it."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    score: float = 1.0


def _adjacent(text: str, end: int, start: int) -> bool:
    return start >= end and not text[end:start].strip()


def find_moves(a: Article, b: Article) -> list[Move]:
    """Moves between a and b, in a's order; each pair of spans maps a's text to b's."""
    moved = [p for p in align_sentences(a, b) if p.moved]
    moves: list[Move] = []
    for p in moved:
        if moves:
            last = moves[-1]
            if _adjacent(a.text, last.a_end, p.a_start) and _adjacent(b.text, last.b_end, p.b_start):
                moves[-1] = Move(last.a_start, p.a_end, last.b_start, p.b_end, min(last.score, p.score))
                continue
        moves.append(Move(p.a_start, p.a_end, p.b_start, p.b_end, p.score))
    return moves
