"""What a text's own form says about where it sits in the news chain.

Wire copy (news agency stories: PA, Reuters, AP, AFP, ...) is sent with the
marks of the wire: a header line with the time it was filed, a slug or
catchline, a dateline ("LONDON (Reuters) -"), the agency's byline or sign-off
("By Jo Bloggs, PA News"), continuation and end markers ("more", "ends",
an operator's initials on the last line), sometimes a line-end marker on every
line. A newspaper or web story written from it carries none of these.

`text_evidence` counts those marks (`wire`, 0..5), reads the time the
header states, if any (`stated_time`, seconds since the epoch, the header's
own clock), the day any text dates itself at its top (`dated`: a date line,
byline or dateline too, see `dates.stated_date`), and the catchline that header files the copy under (`catchline`:
"14:42 04/10/99: Page 2 (HHH) COURTS Attack" → "courts attack"; the takes of
one story on one day share it). `triage.links.orient` uses the marks and times to
decide which of two texts is the source when file times do not, and
`reuse.direction` does so side by side; `triage.stories.story_roots` puts one
day's takes of a catchline in one story.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import regex

from ..util import patterns
from .dates import stated_date
from .furniture import STAMP_DMY, STAMP_ISO

_HEAD_LINES = 8
_HEADER_MAX = 160  # characters of a filing header line
_TIME_DMY = patterns.compile(STAMP_DMY)
_TIME_ISO = patterns.compile(STAMP_ISO)
_SLUG_LINE = patterns.compile(r"^\s*[A-Z]{3,}(?:\s+[A-Z][\w-]*){1,3}\s*$")
_CATCHLINE_WORD = patterns.compile(r"\p{L}[\p{L}\p{N}'/-]*")
_SLUG = patterns.compile(r"\bPage\s+\d+\s+\([A-Z]+\)|" + _SLUG_LINE.pattern)
_AGENCY = patterns.compile(r"\b(?:PA News|Press Association|Reuters|Associated Press|Agence France-Presse"
                           r"|AFP|\(AP\)|dpa|ANSA|EFE|Xinhua|Bloomberg News)\b")
_AGENCY_ANY_CASE = patterns.compile(_AGENCY.pattern + r"|\bPA\b", regex.I)
_DATELINE = patterns.compile(r"^\s*[A-Z][A-Z .'-]{2,},?(?:\s+\w+\s+\d{1,2})?\s*"
                             r"\((?:Reuters|AP|AFP|PA|dpa)\)\s*[-–—]")
# What a filing header holds besides its catchline: the time, the page and priority codes.
_HEADER_CODES = patterns.compile(r"\d{1,2}:\d{2}(?::\d{2})?|\d{1,4}[/-]\d{1,2}[/-]\d{1,4}(?:T\S*)?"
                                 r"|\bPage\s+\d+\b|\([^)]*\)|\b(?:UPDATE|TAKE|PART)\s*\d+\b", regex.I)
_END_MARK = patterns.compile(r"^(?:ends?|more|endit|-+\s*30\s*-+|#+|[a-z]{2,4})$", regex.I)


@dataclass(frozen=True)
class TextEvidence:
    """Wire-form marks found in a text (0..5), the time its header states (or None), the catchline
    it is filed under and the day the text dates itself at its top (`dates.stated_date`)."""

    wire: int = 0
    stated_time: float | None = None
    catchline: str | None = None
    dated: date | None = None


def _catchline(head: list[str], at: int) -> str | None:
    """The words the filing header `head[at]` names its story by, case-folded, or those of
    a slug line right below it (None: none)."""
    if len(head[at]) > _HEADER_MAX:  # a header is one short line, not a paragraph
        return None
    lines = [head[at]] + [ln for ln in head[at + 1:at + 2] if _SLUG_LINE.match(ln)]
    for line in lines:
        bare = _AGENCY_ANY_CASE.sub(" ", _HEADER_CODES.sub(" ", line))
        words = _CATCHLINE_WORD.findall(bare)
        if words:
            return " ".join(words).casefold()
    return None


def _filing_header(head: list[str]) -> tuple[int, float] | None:
    """(index, time) of the first head line stating a valid filing time, or None."""
    for at, line in enumerate(head):
        m = _TIME_ISO.search(line)
        if m:
            y, mo, d, hh, mm = map(int, m.groups())
        else:
            m = _TIME_DMY.search(line)
            if not m:
                continue
            hh, mm, d, mo, y = map(int, m.groups())
            if y < 100:
                y += 1900 if y >= 70 else 2000
        try:
            return at, float(calendar.timegm((y, mo, d, hh, mm, 0)))
        except (ValueError, OverflowError):
            continue
    return None


@lru_cache(maxsize=128)  # a comparison asks about each article once per pair
def text_evidence(text: str) -> TextEvidence:
    """The wire-form marks of `text` and the time its header states (module docstring)."""
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not set(ln) <= set("-=_*<> ")]
    if not lines:
        return TextEvidence()
    dated = stated_date(text)
    head, tail = lines[:_HEAD_LINES], lines[-3:]
    header = _filing_header(head)
    stated = None if header is None else header[1]
    catchline = None if header is None else _catchline(head, header[0])
    marks = 0
    marks += stated is not None or any(_SLUG.search(ln) for ln in head)
    marks += any(_AGENCY.search(ln) for ln in head + tail)
    marks += any(_DATELINE.search(ln) for ln in head)
    marks += bool(_END_MARK.match(tail[-1].rstrip("<").strip())) and len(lines) > 3
    marks += len(lines) >= 4 and sum(ln.endswith("<") for ln in lines) >= 0.5 * len(lines)
    return TextEvidence(int(marks), stated, catchline, dated)


_LINE_END_MARK = patterns.compile(r"\s*<+$")  # PA's paragraph-end marker


def plain_wording(text: str) -> str:
    """`text` as one readable line, for a claim's wording: whitespace collapsed, wire copy's
    ``…'' quotes as “…”, its paragraph-end marker "<" dropped (the panes keep the text as it is)."""
    line = _LINE_END_MARK.sub("", " ".join(text.split()))
    return line.replace("``", "“").replace("''", "”") if "``" in line else line
