"""The date an article states for itself, and relative days ("yesterday") read against it.

News copy says "yesterday" where another outlet writes "October 13": the same day only once each
article's own date is known. `stated_date` reads that date from the top of
the text, where a dateline, byline or wire header gives it ("Published 14 October 2024",
"WASHINGTON, Oct. 14, 2024 (AP) -", "12:02 12/07/99: Page 1 (HHH) COURTS Axe", "2024-10-14");
nothing else is guessed (file times and metadata say when a file was made, not the news day).
`relative_day` turns a relative word into a day against that date ("yesterday", "two days ago"),
`relative_span` "last week", "next month" and the like into the days they may mean.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .furniture import STAMP_DMY
from .tokens import WORD_NUMBERS

__all__ = ["DAYS_AGO_PATTERN", "MONTHS", "MONTH_PATTERN", "RELATIVE_DAYS", "RELATIVE_MONTHS",
           "RELATIVE_WEEKS", "WEEKDAYS", "is_date_line", "is_time_stamp", "month_number", "relative_day",
           "relative_span", "relative_week", "stated_date", "valid_date", "with_year"]

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Days from the article's own date. Not "today": in news copy it mostly dates the reporting ("said
# today", "it emerged today") or is not a date at all ("grow our economy today"); held against
# another outlet's date of the event it gave false conflicts on the dev corpora.
RELATIVE_DAYS = {"yesterday": -1, "last night": -1, "tomorrow": 1}
RELATIVE_WEEKS = {"last week": -1, "next week": 1}
RELATIVE_MONTHS = {"last month": -1, "next month": 1}
# "two days ago", "3 days ago": that many days before the article's own date (up to ten: further
# back, news copy counts in weeks or names the day).
_AGO_NUMBERS = {w: n for w, n in WORD_NUMBERS.items() if 2 <= n <= 10}
DAYS_AGO_PATTERN = r"(?:" + "|".join(_AGO_NUMBERS) + r"|[2-9]|10)\s+days\s+ago"
_DAYS_AGO_RE = re.compile(DAYS_AGO_PATTERN)  # (matched against a phrase already folded)

_HEAD_CHARS = 800  # a dateline or byline is at the very top
_HEAD_LINES = 5
_DATE_LINE = 100  # characters of a line of its own that states a date (a date line or byline)
_DATELINE_AT = 40  # a dateline's date starts within this many characters of its paragraph
_DATE_LINE_WORDS = 3  # "Published", "Last updated", "Tue", "am": words a date line may hold
_DATE_LINE_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_END = re.compile(r"\w{2}[.!?][\"'”’]?$")  # a short sentence of the story, not a date line
_DATELINE_END = re.compile(r"\d\s*(?:\([^)]{1,30}\)\s*)?[-–—]")  # "..., 2024 (CP) —", "..., 2024 -"
# A month's name or abbreviation (no group; match case-insensitively).
MONTH_PATTERN = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
                r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_MONTH = rf"({MONTH_PATTERN})\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d{2})"
_DAY_MONTH_YEAR = re.compile(rf"(?i)\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b")
_MONTH_DAY_YEAR = re.compile(rf"(?i)\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")
_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")
_WIRE_STAMP = re.compile(STAMP_DMY)


def valid_date(year: int, month: int, day: int) -> date | None:
    """The day, or None when there is no such day (31 June)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_number(name: str) -> int:
    """1..12 for a month's name or abbreviation ("Oct.", "sept", "October")."""
    return MONTHS[name.lower().rstrip(".")[:3]]


def _found(text: str) -> list[tuple[int, date]]:
    """(offset, day) of every full calendar date in `text`, first first."""
    out = []
    for m in _DAY_MONTH_YEAR.finditer(text):
        out.append((m.start(), valid_date(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))))
    for m in _MONTH_DAY_YEAR.finditer(text):
        out.append((m.start(), valid_date(int(m.group(3)), month_number(m.group(1)), int(m.group(2)))))
    for m in _ISO.finditer(text):
        out.append((m.start(), valid_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))))
    for m in _WIRE_STAMP.finditer(text):  # "12:02 12/07/99": a wire header's day/month/year
        year = int(m.group(5))
        year += (1900 if year >= 70 else 2000) if year < 100 else 0
        if 1900 <= year <= 2099:  # as the written-out dates above: no other year is a news day
            out.append((m.start(), valid_date(year, int(m.group(4)), int(m.group(3)))))
    return sorted((at, d) for at, d in out if d is not None)


def stated_date(text: str) -> date | None:
    """The date `text` states for itself at its top, or None.

    Only where a date line, byline or header puts it: a short line above the story's first
    paragraph ("Published 14 October 2024", "Tue March 3, 2009", a wire header's stamp
    "12:02 12/07/99: …"), or a dateline opening that paragraph ("HALIFAX, Oct. 14, 2024 (CP) —").
    A date inside the story ("…killed on Sept 7, 1996.") is an event's, not the article's."""
    lines = [ln.strip() for ln in text[:_HEAD_CHARS].splitlines() if ln.strip()][:_HEAD_LINES]
    for line in lines:
        found = _found(line)
        if found:
            at, day = found[0]
            if at <= _DATELINE_AT and _DATELINE_END.search(line[at:at + _DATELINE_AT]) or \
                    _WIRE_STAMP.match(line[at:]):
                return day  # a dateline or a wire header
        if len(line) > _DATE_LINE:
            return None  # the story has begun
        if found and not _SENTENCE_END.search(line):
            return found[0][1]  # a date line or byline
    return None


def is_date_line(line: str) -> bool:
    """True for a line that only dates the article ("Published 14 October 2024", "Updated
    Tue March 3, 2009 10:02 am"): a full date and at most three other words around it."""
    found = _found(line)
    if not found or len(line) > _DATE_LINE:
        return False
    words = [w for w in _DATE_LINE_WORD.findall(line) if w.lower()[:3] not in MONTHS]
    return len(words) <= _DATE_LINE_WORDS


# The words a time stamp may hold beside numbers: "February 29, 2012 2:27 PM", "Posted: 08/02/2013
# 11:10 am EDT", "on Dec 23 2012, 5:03p", "12/23/12 06:03 PM ET".
_STAMP_WORD_RE = re.compile(r"(?i)" + MONTH_PATTERN + r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|[ap]m?|"
                            r"on|at|posted|updated|published|last|(?-i:[A-Z]{1,3}T|GMT|UTC)")
_LETTERS_RE = re.compile(r"[^\W\d_]+")


def is_time_stamp(text: str) -> bool:
    """True for a text of nothing but a date and a time: a web page's time stamp, which states
    no claim ("February 29, 2012 2:27 PM"). A date inside a sentence ("Obama won on Nov 4, 2008")
    is no stamp."""
    return (len(text) <= _DATE_LINE and any(map(str.isdigit, text))
            and all(_STAMP_WORD_RE.fullmatch(w) for w in _LETTERS_RE.findall(text)))


def relative_day(words: str, anchor: date) -> date | None:
    """The day that `words` ("yesterday", "last night", "tomorrow", "two days ago") mean in an
    article dated `anchor`, or None for other words."""
    key = _phrase(words)
    shift = RELATIVE_DAYS.get(key)
    if shift is None and _DAYS_AGO_RE.fullmatch(key):
        n = key.split()[0]
        shift = -(_AGO_NUMBERS[n] if n in _AGO_NUMBERS else int(n))
    return None if shift is None else anchor + timedelta(days=shift)


def _phrase(words: str) -> str:
    """`words` as the relative-date tables key them: lower case, single spaces."""
    return " ".join(words.lower().split())


def relative_span(words: str, anchor: date) -> tuple[date, date] | None:
    """(first, last) of the days a relative span ("last week", "next month") may mean in an
    article dated `anchor` (`relative_week`, `relative_month`), or None for other words."""
    return relative_week(words, anchor) or relative_month(words, anchor)


def relative_week(words: str, anchor: date) -> tuple[date, date] | None:
    """(first, last) of the days that `words` ("last week", "next week") may mean in an article
    dated `anchor`, or None for other words. Both readings count: the calendar week before (or
    after, weeks from Monday) and the seven days before (or after), so "last week" runs from the
    Monday of the week before to the day before `anchor`, "next week" from the day after to the
    Sunday of the week after."""
    shift = RELATIVE_WEEKS.get(_phrase(words))
    if shift is None:
        return None
    monday = anchor - timedelta(days=anchor.weekday())
    if shift < 0:
        return monday - timedelta(days=7), anchor - timedelta(days=1)
    return anchor + timedelta(days=1), monday + timedelta(days=13)


def relative_month(words: str, anchor: date) -> tuple[date, date] | None:
    """(first, last) of the days that `words` ("last month", "next month") may mean in an article
    dated `anchor`, or None for other words. Both readings count, as for `relative_week`: the
    calendar month before (after) and the month of days up to (from) `anchor`, so "last month"
    runs from the first of the month before to the day before `anchor`, "next month" from the day
    after to the last of the month after."""
    shift = RELATIVE_MONTHS.get(_phrase(words))
    if shift is None:
        return None
    first_of_month = anchor.replace(day=1)
    if shift < 0:
        return (first_of_month - timedelta(days=1)).replace(day=1), anchor - timedelta(days=1)
    after_next = (first_of_month + timedelta(days=62)).replace(day=1)  # the first of the month after next
    return anchor + timedelta(days=1), after_next - timedelta(days=1)


def with_year(month: int, day: int, anchor: date) -> date | None:
    """A day and month without a year, read in an article dated `anchor`: the year that puts it
    nearest to `anchor` ("December 30" in a paper of January 2 is last year's)."""
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = valid_date(year, month, day)
        if d is not None and (best is None or abs((d - anchor).days) < abs((best - anchor).days)):
            best = d
    return best
