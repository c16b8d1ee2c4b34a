"""What the window shows about a comparison, computed apart from the widgets.

`prepare_for_display` runs in the worker thread, so the GUI thread only draws;
`pair_info` / `pair_tooltip` word a pane header.
"""

from __future__ import annotations

from viewer.core.comparison import OrientedPair
from viewer.core.report.claimviews import conflict_spans
from viewer.core.reuse.direction import basis_note
from viewer.core.reuse.relation import LABEL_TEXT
from viewer.core.reuse.spin import SPUN_SCORE
from viewer.core.review.marks import claim_keys
from viewer.core.review.workspace import WorkspaceResult

from .highlight import pane_spans


def prepare_for_display(result: WorkspaceResult) -> WorkspaceResult:
    """In the worker: compute what drawing the result needs (oriented pairs against the
    base, claim keys, conflict places), so the GUI thread only draws."""
    comp = result.comparison
    if comp is not None:
        others = [a.id for a in comp.articles if a.id != comp.base]
        for other in others:
            comp.oriented(comp.base, other)
            comp.oriented(other, comp.base)
            pane_spans(comp, other, comp.base, others[0], False)
        pane_spans(comp, comp.base, comp.base, others[0] if others else None, False)
        claim_keys(comp)
        conflict_spans(comp)
    return result


def pair_info(words: int, op: OrientedPair, base: str) -> str:
    """A pane header's second line: words, similarity, derivation, spin."""
    info = f"{words} words · {op.similarity:.0%} similar to {base}"
    if op.label and op.label != "independent":
        # Say which way: "wholly derived" alone reads as this article's label even when
        # the base is the one derived from it.
        if op.derived == op.other:
            info += f" · {LABEL_TEXT[op.label]} from {base}"
        elif op.derived == base:
            info += f" · {base} {LABEL_TEXT[op.label]} from this"
        else:
            info += f" · {LABEL_TEXT[op.label]}"
    if op.spin_score >= SPUN_SCORE:
        info += " · ⚠ spun"
    return info


def pair_tooltip(op: OrientedPair, base: str) -> str:
    """The header's tooltip: the numbers behind the second line."""
    text = (f"{op.stats.changes} changes against {base}; +{op.stats.words_added} / "
            f"−{op.stats.words_dropped} words")
    if op.label:
        text += f"\nDerivation: {LABEL_TEXT[op.label]}"
        if op.derived:
            text += f" ({basis_note(op.derived, op.basis)})"
    text += f"\nSpin score {op.spin_score:.2f}; {len(op.swaps)} synonym swaps; {len(op.moves)} moved"
    return text
