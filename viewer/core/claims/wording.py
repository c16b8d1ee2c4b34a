"""A statement's words made comparable before they become matching keys.

Outlets write the same thing in different surface forms; each step here maps them onto one form:
a number joined to its unit ("42-year-old", "5.4bn") is split from it, capitalised month
abbreviations are written out ("Oct"), "percent"/"per cent" are left out as "%" already is, an
acronym's dots are dropped ("U.S."), hyphenated names are cut into their parts ("Yong-hyun"), and
text written without spaces becomes pairs of characters ("总统访问" → "总统", "统访", "访问").
`matching_words` runs them all, in order.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..text.dates import MONTHS
from ..text.spelling import name_parts
from ..text.tokens import is_unspaced

__all__ = ["matching_words", "split_names"]

_NUMBER_WORD_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)[-‐‑]?((?:[^\W\d_]+[-‐‑]?)+)")
# Some word starts with a number and goes on in letters (a cheap test before splitting).
_NUMBER_LED = re.compile(r"(?:^| )\d[\d,.]*[-‐‑]?[^\W\d_]")
_SCALE_WORDS = {"m": "million", "bn": "billion", "k": "thousand"}
_KEEP_WHOLE = frozenset({"st", "nd", "rd", "th", "s", "am", "pm"})  # ordinals, decades, times of day


def _split_numbers(word_texts: Sequence[str]) -> Sequence[str]:
    """A number joined to its unit as the number and the unit's words ("42-year-old" → "42", "year",
    "old"; "5.4bn" → "5.4", "billion"), so it meets the same number written apart ("Smith, 42, …",
    "$5.4 billion"). Ordinals, decades and times of day ("21st", "1990s", "9am") stay whole."""
    if not _NUMBER_LED.search(" ".join(word_texts)):
        return word_texts
    out: list[str] = []
    for w in word_texts:
        m = _NUMBER_WORD_RE.fullmatch(w) if w[:1].isdigit() else None
        unit = m.group(2).rstrip("-‐‑").lower() if m else ""
        if not m or unit in _KEEP_WHOLE or len(unit) < 2 and unit not in _SCALE_WORDS:
            out.append(w)
            continue
        out.append(m.group(1))
        out.extend(_SCALE_WORDS.get(u, u) for u in re.split(r"[-‐‑]", unit) if u)
    return out


# "Oct" → "October", ..., "Sept" → "September" (the three-letter "May" is a month's whole name).
_MONTH_ABBREVIATIONS = {m[:3].title(): m.title() for m in MONTHS if len(m) > 3}
_MONTH_ABBREVIATIONS["Sept"] = "September"


def _full_months(word_texts: Sequence[str]) -> Sequence[str]:
    """Capitalised month abbreviations written out ("Oct" → "October"), so "Oct. 13" meets
    "October 13". ("May" is its own; a lower-case "mar" is the verb.)"""
    if _MONTH_ABBREVIATIONS.keys().isdisjoint(word_texts):
        return word_texts
    return [_MONTH_ABBREVIATIONS.get(w, w) for w in word_texts]


def _without_percent(word_texts: Sequence[str]) -> Sequence[str]:
    """"percent" and "per cent" left out, as "%" is (punctuation, not a word): "5%", "5 percent" and
    "5 per cent" then give the same keys."""
    lowered = [w.lower() for w in word_texts]
    if "percent" not in lowered and "cent" not in lowered:
        return word_texts
    out: list[str] = []
    for i, (w, low) in enumerate(zip(word_texts, lowered)):
        if low == "percent" or low == "per" and i + 1 < len(lowered) and lowered[i + 1] == "cent":
            continue
        if low == "cent" and i > 0 and lowered[i - 1] == "per":
            continue
        out.append(w)
    return out


def split_names(word_texts: Sequence[str]) -> Sequence[str]:
    """Hyphenated names as their parts, each capitalised ("Yong-hyun" → "Yong", "Hyun"), so a name
    written with a hyphen meets the same name written apart."""
    joined = "".join(word_texts)
    if "-" not in joined and "‐" not in joined and "‑" not in joined:
        return word_texts
    out: list[str] = []
    for w in word_texts:
        parts = name_parts(w) if w[:1].isupper() else []
        out.extend(p[:1].upper() + p[1:] for p in parts) if parts else out.append(w)
    return out


_DOTTED_RE = re.compile(r"(?:[A-Z]\.){2,5}")


def _undotted(word_texts: Sequence[str]) -> Sequence[str]:
    """An acronym written with dots as one without ("U.S." → "US", "F.T.C." → "FTC"), so that the
    two spellings meet."""
    if not any("." in w for w in word_texts):
        return word_texts
    return [w.replace(".", "") if _DOTTED_RE.fullmatch(w) else w for w in word_texts]


def _unspaced_pairs(word_texts: Sequence[str]) -> Sequence[str]:
    """Text written without spaces (Chinese, Japanese: one character per word here) as the
    overlapping pairs of its characters ("总统访问" → "总统", "统访", "访问"): words of two
    characters stand for its words, which nothing here segments."""
    if not any(len(w) <= 2 and w >= "\u0e00" and is_unspaced(w) for w in word_texts):  # Thai and up
        return word_texts
    out: list[str] = []
    run: list[str] = []
    for w in [*word_texts, ""]:
        if w and is_unspaced(w):
            run.append(w)
            continue
        out += [a + b for a, b in zip(run, run[1:])] if len(run) > 1 else run
        run = []
        if w:
            out.append(w)
    return out


def matching_words(word_texts: Sequence[str]) -> Sequence[str]:
    """`word_texts` with every step of this module applied (the input when none changes it)."""
    return split_names(_split_numbers(_full_months(_without_percent(_undotted(_unspaced_pairs(word_texts))))))
