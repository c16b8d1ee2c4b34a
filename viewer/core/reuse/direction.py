"""Which of two related texts is the source, where the texts themselves say so.

The derivation model (`relation`) measures how much two texts share and calls the one that looks
more derived (more of it found in the other) the derived one. That guess fails whenever the source
is the shorter text: a wire story filed in short takes is "contained" in the longer newspaper story
written from it (on METER's derived pairs it pointed the wrong way 349 times in 795). What a text
states decides first, as in folder triage (`triage.links.orient`), in this order:

- both state a filing time (wire headers, `text.wireform`): the earlier is the source;
- both state a date at their top (`text.dates.stated_date`) and the days differ: the earlier;
- one is wire copy and the other shows no wire marks: the wire copy is the source, when the wire
  copy has its filing header or at least `WIRE_MARKS` marks (one agency name in a photo credit
  says little);
- a spun pair (one text run through a synonym substituter): the text whose side of the swaps the
  other articles of the comparison use is the original (basis "others' wording"; a spinner's
  "troopers", "mentioned" and "assist" are rarely what other outlets wrote); see `spun_original`;
- else the model's guess stands (basis "reuse").

File times are not used here: a downloaded or copied file's time says when it arrived, not which
story came first.
"""

from __future__ import annotations

from typing import Sequence

from ..text.article import Article
from ..text.tokens import fold
from ..text.wireform import text_evidence

__all__ = ["BASIS_TEXT", "OTHERS_WORDING", "REUSE", "STATED_DATE", "STATED_TIME", "WIRE_FORM", "WIRE_MARKS",
           "basis_note", "spun_original", "text_source"]

STATED_TIME, STATED_DATE, WIRE_FORM, REUSE = "stated time", "stated date", "wire form", "reuse"
OTHERS_WORDING = "others' wording"
WIRE_MARKS = 2
# A spun pair's original: its side of the swaps is found in the other articles at least this many
# times as often as the copy's side, and by at least SPUN_MARGIN swaps more.
SPUN_RATIO, SPUN_MARGIN = 2, 3
# What decided, in words for a tooltip ("B is derived, going by ...").
BASIS_TEXT = {STATED_TIME: "the filing times the texts state", STATED_DATE: "the dates the texts state",
              WIRE_FORM: "wire copy's form (filing header, agency marks)",
              OTHERS_WORDING: "which side of the synonym swaps the other articles use",
              REUSE: "how much of each the other holds"}


def text_source(a: Article, b: Article) -> tuple[str | None, str]:
    """(id of the article its text shows to be the source, or None; the basis that decided)."""
    ea, eb = text_evidence(a.text), text_evidence(b.text)
    if ea.stated_time is not None and eb.stated_time is not None and ea.stated_time != eb.stated_time:
        return (a.id if ea.stated_time < eb.stated_time else b.id), STATED_TIME
    da, db = ea.dated, eb.dated
    if da is not None and db is not None and da != db:
        return (a.id if da < db else b.id), STATED_DATE
    for wire, plain, source in ((ea, eb, a.id), (eb, ea, b.id)):
        if plain.wire == 0 and (wire.stated_time is not None or wire.wire >= WIRE_MARKS):
            return source, WIRE_FORM
    return None, REUSE


def spun_original(swaps: Sequence[tuple[str, str]], others: Sequence[Article]) -> int | None:
    """For a spun pair's swaps ((a's word, b's word), ...): 0 when a is the original, 1 when b is,
    judged by which side's words the `others` (the comparison's other articles) use; None when
    they do not tell (no others, or about as many of each)."""
    if not others or not swaps:
        return None
    used = set()
    for art in others:
        used.update(fold(t.text) for t in art.tokens if t.is_word)
    found_a = sum(1 for a_word, _ in swaps if fold(a_word) in used)
    found_b = sum(1 for _, b_word in swaps if fold(b_word) in used)
    for side, mine, theirs in ((0, found_a, found_b), (1, found_b, found_a)):
        if mine >= SPUN_RATIO * theirs and mine >= theirs + SPUN_MARGIN:
            return side
    return None


def basis_note(derived: str, basis: str) -> str:
    """What decided the direction, for a tooltip: "B is derived, going by wire copy's form (…)"."""
    return f"{derived} is derived, going by {BASIS_TEXT.get(basis, basis)}"
