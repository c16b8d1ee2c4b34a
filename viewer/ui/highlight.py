"""Highlight styles and how the diff of a pair is drawn into two panes.

Quiet by default: equal text is plain; added words get a soft green
background and an underline, dropped words a soft red background and a
strike-through, changed words a soft amber background (dotted underline on
the new wording). Every style also has a non-colour cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat

from viewer.core.comparison import OrientedPair
from viewer.core.report.htmlreport import ARTICLE_COLOURS
from viewer.core.text.tokens import count_words

# A replacement longer than this (words on either side) is drawn as a drop
# plus an addition: a rewritten passage, not a changed wording.
CHANGE_MAX_WORDS = 8

ADDED, DROPPED, CHANGED_OLD, CHANGED_NEW = "added", "dropped", "changed-old", "changed-new"
# Whole passages added or dropped: a paler tint and no line, so a rewritten
# article stays readable; short edits keep their underline/strike-through.
ADDED_PASSAGE, DROPPED_PASSAGE = "added-passage", "dropped-passage"
PASSAGE_MIN_WORDS = 12
CONFLICT = "conflict"  # a value that disagrees with another article's: wavy red underline
CONFLICT_COLOUR = "#d55e00"
SWAP = "swap"  # a synonym swap of a spun copy: dashed purple underline
MOVED = "moved"  # a sentence found elsewhere in the other article: lavender, italic
RUN = "run"  # Reuse view: a verbatim run shared with the other article: blue, overline

_BACKGROUNDS = {
    ADDED: ("#dcefd6", "#2c4a2a"),
    DROPPED: ("#f6dada", "#5a2a2a"),
    CHANGED_OLD: ("#f7ead0", "#54452a"),
    CHANGED_NEW: ("#f7ead0", "#54452a"),
    ADDED_PASSAGE: ("#ebf6e7", "#253a24"),
    DROPPED_PASSAGE: ("#fbeaea", "#452525"),
    MOVED: ("#e6e0f5", "#3a3352"),
    RUN: ("#d6e6f5", "#233a52"),
    SWAP: ("#eadcf2", "#45304f"),
}

LEGEND = ((ADDED, "added"), (DROPPED, "dropped"), (CHANGED_NEW, "changed"), (SWAP, "swap"),
          (MOVED, "moved"), (RUN, "verbatim run"))


@dataclass(frozen=True, slots=True)
class Span:
    """A styled range of an article's text (code points)."""

    start: int
    end: int
    kind: str


def article_colour(index: int) -> QColor:
    """The identity colour of the article at `index` in article order."""
    return QColor(ARTICLE_COLOURS[index % len(ARTICLE_COLOURS)])


def char_format(kind: str, dark: bool = False) -> QTextCharFormat:
    """The character format of one highlight kind."""
    fmt = QTextCharFormat()
    if kind == CONFLICT:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(CONFLICT_COLOUR))
        return fmt
    if kind == SWAP:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor("#8e44ad"))
        fmt.setBackground(QColor(_BACKGROUNDS[SWAP][1 if dark else 0]))
        return fmt
    if kind == MOVED:
        fmt.setFontItalic(True)
    if kind == RUN:
        fmt.setFontOverline(True)
    fmt.setBackground(QColor(_BACKGROUNDS[kind][1 if dark else 0]))
    if kind == ADDED:
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(QColor("#4d8a4a"))
    elif kind == DROPPED:
        fmt.setFontStrikeOut(True)
    elif kind == CHANGED_NEW:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor("#a8892b"))
    return fmt


_MAP_COLOURS = {ADDED: "#009e73", ADDED_PASSAGE: "#7fcdb8", DROPPED: "#d55e00",
                DROPPED_PASSAGE: "#eaae80", CHANGED_OLD: "#e6b422", CHANGED_NEW: "#e6b422",
                CONFLICT: "#cc3311", SWAP: "#8e44ad", MOVED: "#9b8fd0", RUN: "#0072b2"}


def map_colour(kind: str) -> QColor:
    """The colour of a highlight kind on the overview map (Okabe–Ito based)."""
    return QColor(_MAP_COLOURS.get(kind, "#888888"))


def background(kind: str, dark: bool = False) -> str:
    """The background colour of one highlight kind (light or dark appearance)."""
    return _BACKGROUNDS[kind][1 if dark else 0]


def legend_css(kind: str, dark: bool = False) -> str:
    """A style sheet fragment showing one highlight kind in a label (as the panes show it
    in the light or dark appearance)."""
    css = (f"background:{background(kind, dark)}; color:{'#e6e6e6' if dark else '#222'}; "
           "padding:1px 6px; border-radius:2px;")
    css += {ADDED: "text-decoration: underline;", DROPPED: "text-decoration: line-through;",
            SWAP: "text-decoration: underline;", MOVED: "font-style: italic;",
            RUN: "text-decoration: overline;"}.get(kind, "")
    return css


def swap_spans(pair: OrientedPair, on_ref: bool) -> list[Span]:
    """Synonym swaps of a spun pair, on the reference side or the other side."""
    return [Span(w[0], w[1], SWAP) if on_ref else Span(w[2], w[3], SWAP) for w in pair.swaps]


def moved_spans(pair: OrientedPair, on_ref: bool) -> list[Span]:
    """Passages the other article has in a different place."""
    return [Span(m[0], m[1], MOVED) if on_ref else Span(m[2], m[3], MOVED) for m in pair.moves]


def run_spans(pair: OrientedPair, on_ref: bool) -> list[Span]:
    """Verbatim runs shared by the pair (Reuse view)."""
    return [Span(r[0], r[1], RUN) if on_ref else Span(r[2], r[3], RUN) for r in pair.runs]


def _trimmed(text: str, start: int, end: int, kind: str) -> list[Span]:
    """The span without surrounding whitespace (none if it is only whitespace)."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    if kind in (ADDED, DROPPED) and count_words(stripped) >= PASSAGE_MIN_WORDS:
        kind = ADDED_PASSAGE if kind == ADDED else DROPPED_PASSAGE
    lead = len(piece) - len(piece.lstrip())
    return [Span(start + lead, start + lead + len(stripped), kind)]


def conflict_marks(spans: list[tuple[int, int]]) -> list[Span]:
    """Conflicting values as spans drawn over the diff highlights."""
    return [Span(s, e, CONFLICT) for s, e in spans]


def _is_change(chunk, base_text: str, other_text: str) -> bool:
    """A short replacement: the same passage in other words."""
    return (chunk.tag == "replace"
            and count_words(base_text[chunk.a_start:chunk.a_end]) <= CHANGE_MAX_WORDS
            and count_words(other_text[chunk.b_start:chunk.b_end]) <= CHANGE_MAX_WORDS)


def other_spans(pair: OrientedPair, base_text: str, other_text: str) -> list[Span]:
    """What the other pane shows: words it adds and words it changes."""
    out = []
    for c in pair.chunks:
        if c.tag in ("insert", "replace"):
            kind = CHANGED_NEW if _is_change(c, base_text, other_text) else ADDED
            out.extend(_trimmed(other_text, c.b_start, c.b_end, kind))
    return out


def base_spans(pair: OrientedPair, base_text: str, other_text: str) -> list[Span]:
    """What the base pane shows against one other article: drops and changes."""
    out = []
    for c in pair.chunks:
        if c.tag in ("delete", "replace"):
            kind = CHANGED_OLD if _is_change(c, base_text, other_text) else DROPPED
            out.extend(_trimmed(base_text, c.a_start, c.a_end, kind))
    return out


def pane_spans(comp, letter: str, base: str, partner: str | None, reuse_view: bool) -> list[Span]:
    """Everything one pane shows (without conflict marks), remembered on the comparison
    so the worker can prepare it and the GUI thread only draws."""
    key = ("pane_spans", letter, base, partner, reuse_view)
    found = comp.memo.get(key)
    if found is not None:
        return found
    base_text = comp.article(base).text
    if letter == base:
        if not partner:
            spans = []
        else:
            op = comp.oriented(base, partner)
            spans = run_spans(op, True) if reuse_view else (
                base_spans(op, base_text, comp.article(partner).text) + moved_spans(op, True)
                + swap_spans(op, True))
    else:
        op = comp.oriented(base, letter)
        spans = run_spans(op, False) if reuse_view else (
            other_spans(op, base_text, comp.article(letter).text) + moved_spans(op, False)
            + swap_spans(op, False))
    comp.memo[key] = spans
    return spans
