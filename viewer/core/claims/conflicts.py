"""Values that disagree between the wordings of one claim: numbers, dates, names and quotations.

Each member's text is scanned for values; values of the same slot (a number with the same unit, the
date, a name sharing a word, a quote with mostly the same words) are compared across articles after
normalising, so "October 13" and "13th of October" agree, as do "Kim Yong-hyun" and "Kim Yong Hyun"
(or "Chrétien" / "Chretien", "Defence" / "Defense", "Israel" / "Israeli"), while "24 years" and
"25 years", "8:13 a.m." and "8:31 a.m." or a quote with one word changed disagree. Names and numbers
are read within each wording, and numbers and dates are compared only between wordings about the
same people (or none named). Where an article dates
itself at its top (`text.dates.stated_date`), its "yesterday" is that day's eve, so it meets another
outlet's "October 13". Quotes are compared only
when they share most of their words and, where both speakers can be found ("…,” he said" gives none;
"…,” Zelenskyy said", "Zelenskyy said: “…”" give one), only when the speakers are the same.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Sequence

from ..text.dates import (
    MONTH_PATTERN,
    MONTHS,
    RELATIVE_DAYS,
    RELATIVE_WEEKS,
    WEEKDAYS,
    month_number,
    relative_day,
    relative_week,
    valid_date,
    with_year,
)
from ..text.language import stopwords
from ..text.spelling import match_form
from ..text.tokens import fold
from ..util.sequence_matcher import SequenceMatcher

NUMBER, DATE, NAME, QUOTE = "number", "date", "name", "quote"


@dataclass(frozen=True)
class Conflict:
    """Disagreeing values of one claim: `values` maps article id -> the value as worded there."""

    kind: str  # NUMBER, DATE, NAME or QUOTE
    values: dict[str, str]


_DIGIT_RE = re.compile(r"\d")
_WEEKDAY_RE = re.compile(r"(?i)" + "|".join(WEEKDAYS))
_RELATIVE_RE = re.compile(
    r"(?i)\b(?:" + "|".join(w.replace(" ", r"\s+") for w in (*RELATIVE_DAYS, *RELATIVE_WEEKS)) + r")\b")
_RANGE = "days"  # first part of a date key that is a span of days ("last week")
_MONTH_RE = r"(?P<month{n}>" + MONTH_PATTERN + r")\.?"
_DAY_RE = r"(?P<day{n}>\d{{1,2}})(?:st|nd|rd|th)?"
_DATE_RE = re.compile(
    r"(?i)\b(?:" + _MONTH_RE.format(n=1) + r"\s+" + _DAY_RE.format(n=1) + r"\b"
    r"|" + _DAY_RE.format(n=2) + r"(?:\s+of)?\s+" + _MONTH_RE.format(n=2) + r"(?![a-z])"
    r"|(?P<weekday>" + "|".join(WEEKDAYS) + r"))"
    r"(?:,?\s+(?P<year>\d{4})\b)?")
# The day a thing was said, not the day it happened: outlets report one event on different days
# ("officials said Tuesday" / "said Wednesday"; "could not be reached for comment Wednesday").
_SAYING_DAY_RE = re.compile(r"(?i)\b(?:said|says|told\s+\w+|announced|reported|confirmed|added|stated|"
                            r"comment)(?:\s+in\s+an?\s+\w+)?\s+(?:on\s+|late\s+|early\s+)?$")
_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                      "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12})
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
_NUMBER_RE = re.compile(
    r"(?i)(?<![\w.:])(?<!\d[-–])"  # not the second year of a range: "his 1973-90 rule"
    # no comma of a list after it: "Pomfret, 49, Ivy Lomas"
    r"(?P<num>\d+(?:,\d+)*(?:\.\d+)?|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m)\b)?"
    r"(?:\s*(?P<pct>%|per\s?cent|percent)|[\s-]+(?P<unit>[^\W\d_]{2,}))?"
    r"(?:-old(?:\s+(?P<holder>[^\W\d_]+))?)?")  # an age: "55-year-old Douglas"
# A time of day, "8:13 a.m.", "8.13am", "6 PM": its own slot, valued in minutes after midnight.
# A zone after it ("6 p.m. EDT", "8am (AEST)") keys the slot: times in two zones are not compared.
_CLOCK_RE = re.compile(r"(?i)(?<![\w.:])(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?"
                       r"\s*(?P<half>[ap])\.?m\b\.?(?:\s*\(?(?P<zone>(?-i:[A-Z]{1,4}T|GMT|UTC))\b\)?)?")
TIME_OF_DAY = "time of day"
# Counts of charges someone was cleared of are not those they were convicted of: "not guilty of
# two indecent assaults" against "guilty of five indecent assaults" is no conflict.
_CLEARED_RE = re.compile(r"(?i)\b(?:not\s+guilty|cleared|acquitted)\s+of\b[^.;]*$")
# A total is another fact than each part: "jailed for 17 years" each against "60 years in total",
# "five tracks" against "all 15 tracks".
_TOTAL_BEFORE_RE = re.compile(r"(?i)\b(?:total\s+of|totall?ing|in\s+total(?:\s+(?:to|of))?|all|altogether|"
                              r"combined)\s+$")
_TOTAL_AFTER_RE = re.compile(r"(?i)\s*(?:in\s+total|in\s+all|altogether|between\s+them|combined)\b")
# "a one-time MP" (former), "a one-off payment": no count
_ONE_IDIOMS = frozenset(("one-time", "one-off", "one-sided", "one-way"))
# A bound or an estimate ("more than 30 years", "just over 17 hours", "about 200", "as young as four
# months") holds no exact value to disagree with: "a policeman for more than 30 years" agrees with
# "for 33 years".
_QUALIFIED = re.compile(r"(?i)\b(?:more|fewer|less|greater|higher|lower)\s+than\s+$|\b(?:over|under|about|"
                        r"around|nearly|almost|approximately|roughly|some|up\s+to|at\s+least|at\s+most|"
                        r"estimated|upwards\s+of|in\s+excess\s+of|"
                        r"as\s+(?:many|much|few|little|young|old)\s+as)\s+$"
                        # a range's or a list's later number ("from 1.8 to 4.4 points", "2002, 2001 and
                        # 2000 results") or one of a set ("the other two unions", "another 12 people")
                        r"|\d\s*(?:,|to|and)\s+$|\b(?:other|another)\s+$"
                        # "3 or 4 days", but not an amount put another way: "$1.49 or 27 percent"
                        r"|(?<![$£€#\d.,])\d+(?:[.,]\d+)?\s+or\s+$")
_UNIT_STOP = frozenset("of and or the a an to in on at for by from with as is are was were than who "
                       "which that this these those more less".split())
# Words that open a sentence before a name ("Although Prempro pills …"); not every stopword: "Will
# Smith", "May Day".
_NAME_SKIP = _UNIT_STOP | frozenset("but he she it we they mr mrs ms although though however meanwhile "
                                    "yet still instead thus hence therefore moreover furthermore "
                                    "nevertheless".split())
# Words after a number that count nothing themselves: "two other special hospitals", "three further
# assaults" (the thing counted comes later, and another wording may count another set).
_NOT_UNITS = _UNIT_STOP | stopwords("en") | frozenset("other others further more additional extra separate "
                                                      "different new previous similar such".split())
_NAME_RE = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*)(?:\s+(?:[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*))+")
# Quoted passages: in double quotes, in a wire's ``…'' (PA), or in British single quotes ('…' or
# ‘…’: opened after a space, closed before one; an apostrophe inside a word is no closing mark).
_QUOTE_RE = re.compile(r"[\"“«„]([^\"“”«»„]{8,}?)[\"”»“]"
                       r"|``((?:(?!'')[^\n]|\n(?!\s*\n)){8,}?)''"  # over a wrapped line, not a blank one
                       r"|(?:^|(?<=[\s(\[—–]))['‘]((?:[^'‘’\n]|\n(?!\s*\n)|['’](?=\w)){8,}?)"
                       r"['’](?=[\s.,;:!?)\]—–]|$)")
_REOPENED_RE = re.compile(r"\s*``\s*")  # a wire quote opened again in its next paragraph
_MIN_QUOTE_WORDS = 3
_QUOTE_OVERLAP = 0.6
_REPORTING = r"(?:said|says|say|told|tells|added|adds|stated|states|claimed|claims|mentioned|remarked|noted|" \
             r"wrote|writes|insisted|explained|declared|argued|warned|continued|asked|replied)"
_SPEAKER = r"(?P<who>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)"
_SPEAKER_AFTER_RE = re.compile(r"[\s,]*(?:" + _SPEAKER + r"\s+" + _REPORTING + r"|" + _REPORTING + r"\s+"
                               + _SPEAKER.replace("who", "who2") + r")\b")
_SPEAKER_BEFORE_RE = re.compile(_SPEAKER + r"\s+(?:has\s+|had\s+)?" + _REPORTING + r"(?:\s+[a-z]+){0,2}?\s*[:,]?\s*$")
_NOT_SPEAKERS = frozenset("he she it they we i you this that there the".split())
_SPEAKER_SKIP = _NOT_SPEAKERS | frozenset({"mr", "mrs", "ms", "dr"})
_NAME_SPELLING = 0.75
_MAX_NAME_WORDS = 4


def _unit_key(unit: str | None) -> str:
    if not unit:
        return ""
    u = fold(unit)
    if u in _NOT_UNITS or u in MONTHS:
        return ""
    return u[:-1] if u.endswith("s") and len(u) > 3 else u


def extract_numbers(text: str) -> list[tuple[tuple[str, float], str]]:
    """(slot (unit, value), worded value) for each number with a unit, e.g. (("year", 24.0), "24 years"),
    and each time of day, e.g. ((TIME_OF_DAY, 493.0), "8:13 a.m.")."""
    return list(_numbers(text))


@lru_cache(maxsize=16384)  # a statement's text is read here and again as a claim's member
def _numbers(text: str) -> tuple[tuple[tuple[str, float], str], ...]:
    # a calendar date (whose day is not a count) needs a digit
    if not _DIGIT_RE.search(text):
        return tuple(_counts(text, []))
    dates = [m.span() for m in _DATE_RE.finditer(text) if not m.group("weekday")]
    out = []
    for m in _CLOCK_RE.finditer(text):
        hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
        if 1 <= hour <= 12:
            minutes = (hour % 12 + (12 if m.group("half").lower() == "p" else 0)) * 60 + minute
            zone = m.group("zone")
            out.append(((TIME_OF_DAY + (f" {zone}" if zone else ""), float(minutes)), m.group().strip()))
            dates.append(m.span())
    return tuple(out + _counts(text, dates))


def _numeral(raw: str) -> float:
    """A numeral's value: commas group thousands ("2,500"), or one comma before one or two digits
    is a decimal comma ("1,2 million")."""
    head, comma, tail = raw.partition(",")
    if comma and "," not in tail and "." not in tail and len(tail) < 3:
        return float(f"{head}.{tail}") if tail else float(head)
    return float(raw.replace(",", ""))


def _counts(text: str, skip: list[tuple[int, int]]) -> list[tuple[tuple[str, float], str]]:
    """The numbers with a unit in `text` outside the `skip` spans (dates, times of day)."""
    out = []
    for m in _NUMBER_RE.finditer(text):
        if any(s <= m.start() < e for s, e in skip):
            continue
        raw = m.group("num")
        low = raw.lower()
        value = float(_WORD_NUMBERS[low]) if low in _WORD_NUMBERS else _numeral(raw)
        if m.group("scale"):
            value *= _SCALES[m.group("scale").lower()]
        unit = "%" if m.group("pct") else _unit_key(m.group("unit"))
        if not unit or fold(m.group().split()[0]) in _ONE_IDIOMS \
                or _QUALIFIED.search(text, max(0, m.start() - 30), m.start()):
            continue
        if _CLEARED_RE.search(text, max(0, m.start() - 120), m.start()):
            unit += " (cleared of)"
        if (_TOTAL_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
                or _TOTAL_AFTER_RE.match(text, m.end())):
            unit += " (total)"
        if m.group("holder") is not None or m.group().endswith("-old"):
            # whose age: "55-year-old Douglas" and "30-year-old star" are two people's
            holder = fold(m.group("holder") or "")
            unit += "-old" + (f" {holder}" if holder and holder not in _NAME_SKIP else "")
        out.append(((unit, value), m.group().strip()))
    return out


def extract_dates(text: str, dated: date | None = None) -> list[tuple[tuple, str]]:
    """(normalised (month, day, year) or (weekday,), worded date) for each date in `text`.

    `dated`: the date of the article `text` comes from (`text.dates.stated_date`), when known;
    then relative days count too ("yesterday" in a paper of 14 October 2024 is (10, 13, "2024"),
    worded "yesterday (13 October 2024)"; "last week" is the span of days it may mean, keyed
    (_RANGE, first, last) in ISO form and worded "last week (7–13 October 2024)"), and a date
    without a year takes the year nearest it, marked a guess ("~2024")."""
    out = []
    if dated is not None:
        for m in _RELATIVE_RE.finditer(text):
            words = " ".join(m.group().split())
            day = relative_day(words, dated)
            if day is not None:
                out.append(((day.month, day.day, str(day.year)), f"{words} ({day.day} {day:%B} {day.year})"))
                continue
            first, last = relative_week(words, dated)
            out.append(((_RANGE, first.isoformat(), last.isoformat()),
                        f"{words} ({_span_text(first, last)})"))
    if not _DIGIT_RE.search(text) and not _WEEKDAY_RE.search(text):
        return out  # a calendar date has a digit, else it is a weekday
    for m in _DATE_RE.finditer(text):
        if m.group("weekday"):
            if not _SAYING_DAY_RE.search(text, max(0, m.start() - 40), m.start()):
                out.append(((fold(m.group("weekday")),), m.group().strip()))
            continue
        month = m.group("month1") or m.group("month2")
        day = int(m.group("day1") or m.group("day2"))
        if not 1 <= day <= 31 or (month.lower() == "may" and m.group("month1") and not m.group("year")
                                  and text[max(0, m.start() - 1):m.start()].isalpha()):
            continue
        year = m.group("year")
        if year is None and dated is not None:  # the year nearest the article's date, a guess ("~")
            near = with_year(month_number(month), day, dated)
            year = f"~{near.year}" if near is not None else None
        out.append(((month_number(month), day, year), m.group().strip().rstrip(".")))  # not a full stop
    return out


_POSSESSIVE_RE = re.compile(r"['’]s?$")  # "Jack Straw's decision": the name ends there


def _plain(name: str) -> str:
    """A name folded, its accents dropped ("Chrétien" and "Chretien" are one spelling, typed two ways)."""
    return "".join(c for c in unicodedata.normalize("NFD", fold(name)) if not unicodedata.combining(c))


def _name_key(name: str) -> str:
    return "".join(c for c in _plain(name) if c.isalnum())


@lru_cache(maxsize=16384)  # read for the names and again for whom a wording is about
def _capitalised_runs(text: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _NAME_RE.finditer(text))


def extract_names(text: str) -> list[str]:
    """Multi-word capitalised names in `text` (sentence-initial function words dropped; a name
    ends at a possessive after its second word: "Jack Straw's Home Office" names Jack Straw)."""
    names = []
    for run in _capitalised_runs(text):
        parts = run.split()
        while parts and fold(parts[0]) in _NAME_SKIP:
            parts = parts[1:]
        owner = next((k for k, p in enumerate(parts) if _POSSESSIVE_RE.search(p)), None)
        if owner:  # not a lone word's: "Hitler's War" is a title
            parts = parts[:owner] + [_POSSESSIVE_RE.sub("", parts[owner])]
        if 2 <= len(parts) <= _MAX_NAME_WORDS:  # longer runs are title-case headlines
            names.append(" ".join(parts))
    return names


def _speaker(name: str | None) -> str | None:
    if not name:
        return None
    parts = [p for p in name.split() if fold(p) not in _SPEAKER_SKIP]
    return " ".join(parts) or None


def extract_attributed_quotes(text: str) -> list[tuple[str, str | None]]:
    """(quote, speaker or None) for each quoted passage of at least three words.

    The speaker is a capitalised name attributed right after the quote (", Jane Roe said",
    ", said Jane Roe") or right before it ("Jane Roe said: “…”"); pronouns give None.
    """
    out = []
    for m in _QUOTE_RE.finditer(text):
        # a quote running over paragraphs opens each of them again: "… good. ``We are …''"
        quote = _REOPENED_RE.sub(" ", next(g for g in m.groups() if g is not None)).strip(" ,.")
        if len(quote.split()) < _MIN_QUOTE_WORDS:
            continue
        after = _SPEAKER_AFTER_RE.match(text, m.end())
        who = (after.group("who") or after.group("who2")) if after else None
        if who is None:
            before = _SPEAKER_BEFORE_RE.search(text, max(0, m.start() - 80), m.start())
            who = before.group("who") if before else None
        out.append((quote, _speaker(who)))
    return out


def _slot_conflicts(kind: str, per_article: dict[str, list[tuple[object, str]]]) -> list[Conflict]:
    """Conflicts where articles give different values for the same slot (first part of the key)."""
    out = []
    slots: dict[object, dict[str, set]] = {}
    worded: dict[object, dict[str, str]] = {}
    for art, values in per_article.items():
        for key, text in values:
            slot = key[0] if kind == NUMBER else "date"
            slots.setdefault(slot, {}).setdefault(art, set()).add(key)
            worded.setdefault(slot, {}).setdefault(art, text)
    for slot in sorted(slots, key=str):
        arts = slots[slot]
        if len(arts) < 2 or any(len(v) > 1 for v in arts.values()):
            continue  # one value per article, or the slot is ambiguous
        keys = [next(iter(v)) for v in arts.values()]
        if _dates_disagree(keys) if kind == DATE else len(set(keys)) > 1:
            out.append(Conflict(kind, dict(sorted(worded[slot].items()))))
    return out


def _span_text(first: date, last: date) -> str:
    """"7–13 October 2024", "28 September – 4 October 2024", "30 December 2024 – 5 January 2025"."""
    if first.year != last.year:
        return f"{first.day} {first:%B} {first.year} – {last.day} {last:%B} {last.year}"
    if first.month != last.month:
        return f"{first.day} {first:%B} – {last.day} {last:%B} {last.year}"
    return f"{first.day}–{last.day} {last:%B} {last.year}"


def _dates_disagree(keys: list[tuple]) -> bool:
    """True when dates ((month, day, year or None), (weekday,) or a span (_RANGE, first, last))
    cannot all be the same day. A weekday is not held against a calendar date: one claim's
    wordings often date different steps of it ("arrested on Monday", "charged on October 16").
    A span disagrees with a full date outside it and with a span it shares no day with."""
    spans = [(date.fromisoformat(k[1]), date.fromisoformat(k[2])) for k in keys if k[0] == _RANGE]
    if spans:
        first, last = max(s for s, _ in spans), min(e for _, e in spans)
        if first > last:
            return True
        days = [k for k in keys if len(k) == 3 and k[0] != _RANGE]
        # a date without a year is inside the span when it is in any year the span touches
        return any(not any(d is not None and first <= d <= last
                           for d in (valid_date(int(year), month, day)
                                     for year in ([y.lstrip("~")] if y
                                                  else range(first.year, last.year + 1))))
                   for month, day, y in days)
    if len({len(k) for k in keys}) > 1:
        return False
    # A year guessed from an article's date ("~1999") gives way to a stated one: "August 20" in a
    # paper of 1999 may be "Aug 20, 1989" in a list of past events.
    years = {k[2] for k in keys if len(k) > 2 and k[2]}
    stated = {y for y in years if not y.startswith("~")}
    return len({k[:2] for k in keys}) > 1 or len(stated or years) > 1


def _grouped_conflicts(kind: str, per_article: dict[str, list[str]], same_slot, agree) -> list[Conflict]:
    """Group values of all articles into slots (`same_slot`), then report slots whose values differ.

    A slot keeps each article's first value; it is a conflict when two of its values do not `agree`.
    """
    slots: list[dict[str, str]] = []
    for art in sorted(per_article):
        for value in per_article[art]:
            for slot in slots:
                if art not in slot and any(same_slot(value, v) for v in slot.values()):
                    slot[art] = value
                    break
            else:
                if not any(art in slot and any(same_slot(value, v) for v in slot.values()) for slot in slots):
                    slots.append({art: value})
    out = []
    for slot in slots:
        values = list(slot.values())
        if len(slot) > 1 and any(not agree(x, y) for i, x in enumerate(values) for y in values[i + 1:]):
            out.append(Conflict(kind, dict(sorted(slot.items()))))
    return out


# A place and its people's adjective name one thing: "Israel Defense Forces" / "Israeli Defense
# Forces", "Korea" / "Korean".
_DEMONYM_RE = re.compile(r"(?<=[a-z]{3})(?:i|ian|ese|ish|(?<=a)n)$")


def _name_words(name: str) -> list[str]:
    """A name's words in order, folded, spelt the American way, a people's adjective read as its place."""
    words = _plain(name).replace("‐", "-").replace("-", " ").split()
    return [_DEMONYM_RE.sub("", match_form(_POSSESSIVE_RE.sub("", w))) for w in words]


def _name_tokens(name: str) -> set[str]:
    return set(_name_words(name))


# Ranks and honorifics before a name: "PC Davidson" and "WPC Davidson" are one officer.
_TITLES = frozenset("mr mrs ms miss dr sir dame lord lady pc wpc dc ds dci di det sgt insp supt judge "
                    "recorder justice gen general col capt maj lt cpl pte rev prof qc mp".split())


def _one_bearer(a: str, b: str) -> bool:
    """Two names that end alike where one has nothing but titles before that ("PC Davidson" / "WPC
    Deborah Davidson"), or that differ in words spelt nothing alike before two or more words they
    end with ("Historian David Irving" / "AUTHOR David Irving"; but "Cilve Nicholls QC" / "Clive
    Nicholls QC" is a typo)."""
    wa, wb = _name_words(a), _name_words(b)
    k = 0
    while k < min(len(wa), len(wb)) and wa[-1 - k] == wb[-1 - k]:
        k += 1
    if k == 0:
        return False
    pa, pb = wa[:-k], wb[:-k]
    if set(pa) <= _TITLES or set(pb) <= _TITLES:  # one adds a first name: "PC Deborah Davidson"
        return True
    return k >= 2 and SequenceMatcher(None, " ".join(pa), " ".join(pb)).ratio() < _NAME_SPELLING


def _same_name_slot(a: str, b: str) -> bool:
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta & tb:
        return False
    da, db = " ".join(sorted(ta - tb)), " ".join(sorted(tb - ta))
    return not da or not db or SequenceMatcher(None, da, db).ratio() >= _NAME_SPELLING


def _names_agree(a: str, b: str) -> bool:
    ka, kb = _name_key(a), _name_key(b)
    ta, tb = _name_tokens(a), _name_tokens(b)
    return ka == kb or ka in kb or kb in ka or ta <= tb or tb <= ta or _one_bearer(a, b)


def _quote_words(q: str) -> list[str]:
    return [fold(w) for w in re.findall(r"[\w'’-]+", q)]


def _same_speaker(a: str | None, b: str | None) -> bool:
    """Unknown speakers agree with anyone; known ones must share a name word ("Zelenskyy")."""
    return a is None or b is None or bool(_name_tokens(a) & _name_tokens(b))


def _same_quote_slot(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    if not _same_speaker(a[1], b[1]):
        return False
    wa, wb = _quote_words(a[0]), _quote_words(b[0])
    short = min(len(wa), len(wb))
    matched = sum(block.size for block in SequenceMatcher(None, wa, wb, autojunk=False).get_matching_blocks())
    return matched >= _MIN_QUOTE_WORDS and matched / short >= _QUOTE_OVERLAP


_CONTRACTIONS = {"n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'m": " am", "'d": " would"}
_CONTRACTION_RE = re.compile(r"(?<=\w)(?:n't|'re|'ve|'ll|'m|'d)\b")
# A reporter's insertion in a quote ("what he [Fayed] wanted", "he (Al Fayed) was paying") alters
# no word of it.
_INSERTION_RE = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_IS_RE = re.compile(r"\b(it|that|what|there|here|he|she|who|where)'s\b")  # not a possessive
_IRREGULAR_NOT = (("can't", "can not"), ("won't", "will not"), ("shan't", "shall not"))
_SPOKEN_FORMS = {"whilst": "while", "okay": "ok", "amongst": "among", "per": "", "cent": "percent"}
# A month or a percentage written short: "Sept. 11" / "September 11", "40%" / "40 per cent".
_SPOKEN_FORMS.update({month[:3]: month for month in MONTHS if len(month) > 3 and month[:3] != "mar"},
                     sept="september")


def _quote_key(q: str) -> str:
    """A quote's letters and digits in order, words spelt one way: contractions written out
    ("you're" → "you are"; "that's", "it's" → "that is", "it is"), American spelling, numbers in
    figures ("two years" / "2 years"), no bracketed insertion, and no spaces, hyphens or
    punctuation, so that a wording only spelt or typed differently ("public interest" /
    "public-interest", a scan's "bothsaw") is the same quote."""
    text = _INSERTION_RE.sub(" ", fold(q).replace("’", "'").replace("%", " percent"))
    for short, full in _IRREGULAR_NOT:
        text = text.replace(short, full)
    text = _CONTRACTION_RE.sub(lambda m: _CONTRACTIONS[m.group()], text)
    text = _IS_RE.sub(r"\1 is", text).replace("s's", "s'")  # "Massachusetts's" / "Massachusetts'"
    words = re.findall(r"[^\W_]+", text)  # PA writes a dash as "_"
    return "".join(str(_WORD_NUMBERS[w]) if w in _WORD_NUMBERS else match_form(_SPOKEN_FORMS.get(w, w))
                   for w in words)


def _quotes_agree(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    """The same wording, or one quote is an exact excerpt of the other, spelling apart
    (`_quote_key`)."""
    ka, kb = _quote_key(a[0]), _quote_key(b[0])
    return ka in kb or kb in ka


# Who said it is not whom it is about: "Police Chief John Smith said three died" and "three died,
# Officer Jane Doe said" are about the same deaths.
_NAMED = r"(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]*"
_SOURCE_RE = re.compile(_NAMED + r"\s+(?:has\s+|had\s+)?" + _REPORTING + r"\b"
                        r"|\b(?:" + _REPORTING + r"|according\s+to)\s+" + _NAMED)


@lru_cache(maxsize=16384)
def _subject_runs(text: str) -> tuple[str, ...]:
    """The capitalised runs of `text` outside its attributions (`_SOURCE_RE`)."""
    return _capitalised_runs(_SOURCE_RE.sub(" ", text))


def _about_the_same(names: dict[str, list[str]]) -> set[str]:
    """The articles whose wordings may give one fact's numbers and dates: all but those that name
    people or bodies (not counting who said it) of which no other wording names any (two items of
    a list of charges, each about another victim: "Patricia Irrazaval … October 18" / "Andrea
    Paulsen Figuera … Oct 27")."""
    words = {a: set().union(*map(_name_tokens, found)) - _NAME_SKIP for a, found in names.items()}
    return {a for a, mine in words.items()
            if not mine or any(not theirs or mine & theirs for b, theirs in words.items() if b != a)}


def find_conflicts(members: Sequence[tuple[str, str]],
                   dated: dict[str, date] | None = None) -> tuple[Conflict, ...]:
    """Conflicts between the wordings of one claim; `members` are (article id, member text) pairs.

    `dated`: article id -> the date the article states for itself (`text.dates.stated_date`), where
    known; relative days ("yesterday") are then read against it (see `extract_dates`)."""
    dated = dated or {}
    by_article: dict[str, list[str]] = {}
    for art, text in members:
        by_article.setdefault(art, []).append(text)
    if len(by_article) < 2:
        return ()
    if len({tuple(t) for t in by_article.values()}) == 1 and len({dated.get(a) for a in by_article}) == 1:
        return ()  # the same words read against the same day: every value agrees

    def each(extract) -> dict[str, list]:  # member by member: no name or number runs across two
        return {a: [v for t in texts for v in extract(t)] for a, texts in by_article.items()}

    names = each(extract_names)
    about = _about_the_same(each(_subject_runs))
    conflicts: list[Conflict] = []
    conflicts += _slot_conflicts(NUMBER, {a: v for a, v in each(extract_numbers).items() if a in about})
    conflicts += _slot_conflicts(DATE, {a: [v for t in by_article[a] for v in extract_dates(t, dated.get(a))]
                                        for a in about})
    conflicts += _grouped_conflicts(NAME, names, _same_name_slot, _names_agree)
    quotes = _grouped_conflicts(QUOTE, {a: extract_attributed_quotes(" ".join(texts))  # a quote may
                                        for a, texts in by_article.items()},  # span sentences
                                _same_quote_slot, _quotes_agree)
    conflicts += [Conflict(QUOTE, {art: q for art, (q, _who) in c.values.items()}) for c in quotes]
    return tuple(conflicts)
