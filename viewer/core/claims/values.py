"""The values a wording states, read for the conflict check (`conflicts`): numbers with their
units, times of day, dates, multi-word names and attributed quotations.

Each reader takes one wording's text and returns (key, worded value) pairs or names. A number
holds a value only where the wording states one: not a bound or an estimate ("more than 30
years"), a range's or a list's later number, one of a set ("the other two"), a count someone was
cleared of (keyed apart), a total (keyed apart from its parts). A weekday right after "said" is the
day of the saying, not of the event. Where an article dates itself at its top
(`text.dates.stated_date`), its "yesterday" and "last week" are read against that day.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..text.dates import (
    DAYS_AGO_PATTERN,
    MONTH_PATTERN,
    MONTHS,
    RELATIVE_DAYS,
    RELATIVE_MONTHS,
    RELATIVE_WEEKS,
    WEEKDAYS,
    month_number,
    relative_day,
    relative_span,
    with_year,
)
from ..text.language import stemmer, stopwords
from ..text.synonyms import lemmas, singular
from ..text.tokens import WORD_NUMBERS, fold

__all__ = ["MIN_QUOTE_WORDS", "NAME_SKIP", "POSSESSIVE_RE", "RANGE", "TIME_OF_DAY", "WORD_NUMBERS",
           "extract_attributed_quotes", "extract_dates", "extract_names", "extract_numbers",
           "mentioned_numbers", "number_step", "subject_runs"]

_DIGIT_RE = re.compile(r"\d")
_WEEKDAY_RE = re.compile(r"(?i)" + "|".join(WEEKDAYS))
_RELATIVE_WORDS = (*RELATIVE_DAYS, *RELATIVE_WEEKS, *RELATIVE_MONTHS)
_RELATIVE_RE = re.compile(
    r"(?i)\b(?:" + "|".join(w.replace(" ", r"\s+") for w in _RELATIVE_WORDS) + "|" + DAYS_AGO_PATTERN + r")\b")
RANGE = "days"  # first part of a date key that is a span of days ("last week")
# First part of the key of a date something was put off until ("adjourned until Thursday", "sent
# away until tomorrow"): the date of the next step, not of what happened.
UNTIL = "until"
_UNTIL_RE = re.compile(r"(?i)\b(?:until|till)\s+(?:next\s+|on\s+|the\s+)?$")
_MONTH_RE = r"(?P<month{n}>" + MONTH_PATTERN + r")\.?"
_DAY_RE = r"(?P<day{n}>\d{{1,2}})(?:st|nd|rd|th)?"
_DATE_RE = re.compile(
    r"(?i)\b(?:" + _MONTH_RE.format(n=1) + r"\s+" + _DAY_RE.format(n=1) + r"\b"
    r"|" + _DAY_RE.format(n=2) + r"(?:\s+of)?\s+" + _MONTH_RE.format(n=2) + r"(?![a-z])"
    r"|(?P<weekday>" + "|".join(WEEKDAYS) + r"))"
    r"(?:,?\s+(?P<year>\d{4})\b)?")
# Other days listed beside a date's day ("14,15,21 and 24 December", "December 14, 15 and 21"):
# several days, not one date.
_DAYS_BEFORE_RE = re.compile(r"(?i)\b\d{1,2}(?:st|nd|rd|th)?\s*(?:,|and|&|or)\s*$")
_DAYS_AFTER_RE = re.compile(r"(?i)\s*(?:,|and|&|or)\s*\d{1,2}(?:st|nd|rd|th)?\b"
                            r"(?!\s*,?\s*\d{4})(?!\d|[:.,]\d)")  # not a year, a time or a larger number
# Verbs that attribute words to a speaker, and a capitalised name of up to four words.
_REPORTING = r"(?:said|says|say|told|tells|added|adds|stated|states|claimed|claims|mentioned|remarked|noted|" \
             r"wrote|writes|insisted|explained|declared|argued|warned|continued|asked|replied)"
_NAMED = r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*"
# The day a thing was said, not the day it happened: outlets report one event on different days
# ("officials said Tuesday" / "said Wednesday"; "could not be reached for comment Wednesday").
_SAYING_DAY_RE = re.compile(r"(?i)\b(?:" + _REPORTING + r"|told\s+\w+|announced|reported|confirmed|comment)"
                            r"(?:\s+in\s+an?\s+\w+)?\s+(?:on\s+|late\s+|early\s+)?$")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
_CJK = "[\u3040-\u30ff\u4e00-\u9fff]"  # kana and Chinese characters: words written unspaced
_GROUP_SPACE = "[ \u00a0\u202f]"  # a space (no-break, narrow) grouping thousands: "10 000"
# A numeral: thousands grouped by spaces ("10 000", "1 200 000") first, then by commas or none.
_NUMERAL = rf"\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?![\d,.-])|\d+(?:,\d+)*(?:\.\d+)?"
# British wire copy in 7-bit code (ISO 646-GB, as PA's was) has "#" where "£" belongs: "fined
# #500", "a #1m contract". A "#" is read as "£" before a sum only, as PA writes one: three digits,
# thousands grouped by commas ("#96,000," too), decimals or a scale ("#1.5m"), and no letter after
# it. A rank or an item ("#1", "#10") stays a number; a hashtag ("#100DaysOfWar", "#2024") or a
# colour ("#000000", in a page's markup) is no sum.
_WIRE_POUND = (r"#(?=(?:\d{1,3}(?:,\d{3})+|\d{3})(?!,?\d|[^\W\d])|\d+\.\d+(?![\d.]|[^\W\d])"
               r"|\d+(?:\.\d+)?\s?(?i:m|bn|million|billion)\b)")
# A currency before an amount ("£500", "$5.4 billion", "US$5.4bn"): see `_amount_unit`.
_CURRENCY = r"(?P<cur>(?-i:US|A|C|NZ|HK|S)?\$|£|€|¥|" + _WIRE_POUND + r")\s?"
_NUMBER_RE = re.compile(
    # not inside a word (a Chinese or Japanese character before it is another word), not the
    # second year of a range: "his 1973-90 rule"
    rf"(?i)(?<![.:])(?<!(?!{_CJK})\w)(?<!\d[-–])(?:{_CURRENCY}(?=\d))?"
    # no comma of a list after it: "Pomfret, 49, Ivy Lomas"
    rf"(?P<num>{_NUMERAL}|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
    r"(?:(?:\s*|-)(?P<scale>thousand|million|billion|trillion|bn|m)\b)?"
    r"(?:\s*(?P<pct>%|per\s?cent|percent)|[\s-]+(?P<unit>[^\W\d_]{2,})"
    rf"|(?P<glyph>{_CJK}))?"  # Chinese and Japanese: the unit follows unspaced
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
# A part of a set is another fact than a whole count: "his first 17 passes" (the first ones) and
# "29 of 34 passes" (the whole of a ratio) are neither "34 passes" nor each other.
_PART_BEFORE_RE = re.compile(r"(?i)\b(?:(?P<first>first|last|opening|final|top)"
                             r"|(?P<whole>(?:\d+|" + "|".join(WORD_NUMBERS) + r")\s+(?:out\s+)?of"
                             r"(?:\s+(?:his|her|their|its|the))?))\s+$")
_SPANS = frozenset("second minute hour day night week month year decade century season".split())
# "a one-time MP" (former), "a one-off payment": no count
_ONE_IDIOMS = frozenset(("one-time", "one-off", "one-sided", "one-way"))
# "One woman was attacked" is often one of several ("attacked two women"): the word "one" is a
# count only when it says so ("only one", "just one").
_ONLY_BEFORE_RE = re.compile(r"(?i)\b(?:only|just|exactly|but|not\s+even)\s+$")
# A bound or an estimate ("more than 30 years", "just over 17 hours", "about 200", "as young as four
# months") holds no exact value to disagree with: "a policeman for more than 30 years" agrees with
# "for 33 years".
_QUALIFIED = re.compile(r"(?i)\b(?:more|fewer|less|greater|higher|lower)\s+than\s+$|\b(?:over|under|about|"
                        r"around|nearly|almost|approximately|roughly|some|up\s+to|at\s+least|at\s+most|"
                        r"estimated|upwards\s+of|in\s+excess\s+of|"
                        r"as\s+(?:many|much|few|little|young|old)\s+as)\s+$"
                        # the law's limit, not what was given: "a maximum fine of £13m" / "fined £4m"
                        # (a minimum is given: "life, with a minimum term of 15 years")
                        r"|\bmaximum(?:\s+(?:possible|permitted|of|[a-z]+\s+of))?\s+$"
                        # a range's or a list's later number ("from 1.8 to 4.4 points", "2002, 2001 and
                        # 2000 results") or one of a set ("the other two unions", "another 12 people")
                        r"|\d\s*(?:,|to|and)\s+$|\b(?:other|another)\s+$"
                        # "3 or 4 days", but not an amount put another way: "$1.49 or 27 percent"
                        r"|(?<![$£€#\d.,])\d+(?:[.,]\d+)?\s+or\s+$")
# A sum someone may yet pay is no sum paid: "BA faces a #13m fine" against "fined #4m", "could be
# fined £5,000" (a count faced is a fact: "faces 17 charges").
_PROSPECT_RE = re.compile(r"(?i)\b(?:(?:fac|risk)(?:e|es|ed|ing|s)?\s+(?:an?\s+)?"
                          r"(?:possible\s+|potential\s+)?(?:[a-z]+\s+of\s+)?"
                          r"|(?:could|may|might|would)\s+(?:be\s+fined|have\s+to\s+pay)\s+)$")
# Another one of several: "Another was a 20-year-old woman", "a second man, aged 30".
_ANOTHER_RE = re.compile(r"(?i)\b(?:another|a\s+second|a\s+third|the\s+other)\b")
_UNIT_STOP = frozenset("of and or the a an to in on at for by from with as is are was were than who "
                       "which that this these those more less".split())
# Words that open a sentence before a name ("Although Prempro pills …"); not every stopword: "Will
# Smith", "May Day".
NAME_SKIP = _UNIT_STOP | frozenset("but he she it we they mr mrs ms although though however meanwhile "
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
MIN_QUOTE_WORDS = 3
_SPEAKER = r"(?P<who>" + _NAMED + r")"
_SPEAKER_AFTER_RE = re.compile(r"[\s,]*(?:" + _SPEAKER + r"\s+" + _REPORTING + r"|" + _REPORTING + r"\s+"
                               + _SPEAKER.replace("who", "who2") + r")\b")
_SPEAKER_BEFORE_RE = re.compile(_SPEAKER + r"\s+(?:has\s+|had\s+)?" + _REPORTING + r"(?:\s+[a-z]+){0,2}?\s*[:,]?\s*$")
_NOT_SPEAKERS = frozenset("he she it they we i you this that there the".split())
_SPEAKER_SKIP = _NOT_SPEAKERS | frozenset({"mr", "mrs", "ms", "dr"})
_MAX_NAME_WORDS = 4


_BEFORE_AMOUNT_RE = re.compile(r"([^\W\d_]+)\W*$")
_AMOUNT_WORDS_BEFORE = 3
_PERCENT_WORDS = frozenset({"cent", "percent"})
# Words after an amount that say when or how often, not what for ("fined £3m yesterday").
_NOT_WHAT_FOR = frozenset("yesterday today tonight tomorrow now later earlier each apiece twice "
                          "annually yearly weekly monthly daily".split()) | frozenset(WEEKDAYS)


def _amount_unit(text: str, m: re.Match) -> str:
    """The unit of an amount of money: its currency and what it is for, the word after it ("£500
    fine", "a £250,000 home") or else the nearest content word before it ("fined £4.4m", "damages
    of £362,377", "paid $5.4 billion"), stemmed ("fined" / "fine"); "" when neither says (a claim's
    sums for different things are not held against each other: fine, costs, damages)."""
    currency = {"US$": "$", "#": "£"}.get(m.group("cur"), m.group("cur"))
    after = _unit_key(m.group("unit"))
    if after and after not in _NOT_WHAT_FOR:
        return f"{currency} {stemmer('en')(after)}"
    head = text[max(0, m.start() - 40):m.start()].split()
    for word in reversed(head[-_AMOUNT_WORDS_BEFORE:]):
        found = _BEFORE_AMOUNT_RE.match(word)
        key = _unit_key(found.group(1)) if found else ""
        if key and key not in _PERCENT_WORDS:  # ("rose 8.76 per cent to $31.90": the percentage's)
            return f"{currency} {stemmer('en')(key)}"
    return ""


def _unit_key(unit: str | None) -> str:
    if not unit:
        return ""
    u = fold(unit)
    if u in _NOT_UNITS or u in MONTHS:
        return ""
    return singular(u)


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


_GROUP_SPACES_RE = re.compile(_GROUP_SPACE)


def _decimal_comma(raw: str) -> bool:
    """Whether a numeral's one comma, before one or two digits, is a decimal comma ("1,2 million")."""
    _, comma, tail = raw.partition(",")
    return bool(comma) and "," not in tail and "." not in tail and len(tail) < 3


def _numeral(raw: str) -> float:
    """A numeral's value: commas group thousands ("2,500"), or stand for a decimal point."""
    if _decimal_comma(raw):
        head, _, tail = raw.partition(",")
        return float(f"{head}.{tail}") if tail else float(head)
    return float(_GROUP_SPACES_RE.sub("", raw.replace(",", "")))


def _value(m: re.Match) -> float:
    """The value of a `_NUMBER_RE` match: a number word or numeral, times its scale ("5m")."""
    raw = m.group("num")
    value = float(WORD_NUMBERS[raw.lower()]) if raw.lower() in WORD_NUMBERS else _numeral(raw)
    return value * _SCALES[m.group("scale").lower()] if m.group("scale") else value


@lru_cache(maxsize=16384)
def mentioned_numbers(text: str) -> frozenset[float]:
    """The values of every number `text` gives, with or without a unit ("three badgers, two dead
    and one alive" → 3, 2, 1)."""
    return frozenset(map(_value, _NUMBER_RE.finditer(text)))


_LEADING_NUMERAL_RE = re.compile(_NUMERAL)
_CURRENCY_SIGN_RE = re.compile(_CURRENCY)


def number_step(value: float, worded: str) -> float:
    """The precision a number is given to, in the units of its `value`: one unit of its last
    written digit, times its scale ("78.5 million" → 100,000; "78 million" → 1,000,000; "3.8
    percent" → 0.1; "four years" → 1). `worded` is its wording (`extract_numbers`)."""
    sign = _CURRENCY_SIGN_RE.match(worded)  # an amount of money: "£500", "US$5.4 billion"
    m = _LEADING_NUMERAL_RE.match(worded, sign.end() if sign else 0)
    if m is None:  # a number word: "four"
        return 1.0
    raw = m.group()
    decimals = len(raw.partition(",")[2] if _decimal_comma(raw) else raw.partition(".")[2])
    numeral = _numeral(raw)
    if sign and not decimals and numeral:  # a round sum is a rounded one: "£360,000" / "£362,377"
        digits = "".join(filter(str.isdigit, raw))
        decimals = -(len(digits) - len(digits.rstrip("0")))
    return (value / numeral if numeral else 1.0) * 10.0 ** -decimals


# A person's age in apposition, as reports give it: "Sandra Jones, 39, of Uttoxeter", "Lee, 53,
# was jailed", "Mr Smith, aged 45, ...": the name (up to four capitalised words) and a comma before
# the number; a comma, a full stop or a closing bracket after it unless "aged" says so.
_APPOSITION_BEFORE_RE = re.compile(r"(?<![\w'’-])(?P<name>(?:[A-Z][\w'’-]*\s+){0,3}"
                                   r"(?P<last>[A-Z][\w'’-]*))\s*,\s*(?P<aged>aged\s+)?$")
_APPOSITION_AFTER_RE = re.compile(r"\s*(?:[,.;)]|$)")
_NAME_GOES_ON_RE = re.compile(r"(?:\s+(?P<last>[A-Z][\w'’-]*)){0,3}")


def _apposition_age(text: str, m: re.Match) -> tuple[str, str] | None:
    """(whose age, worded) when the bare number `m` is an age given after a name ("Jones, 38,"):
    keyed like "38-year-old Jones" ("year-old jones"), worded "Jones, 38"."""
    raw = m.group("num")
    if not raw.isdigit() or m.group("cur") or m.group("pct") or m.group("scale") or not 0 < int(raw) < 120:
        return None
    before = _APPOSITION_BEFORE_RE.search(text, max(0, m.start() - 60), m.start())
    if before is None or not (before.group("aged") or _APPOSITION_AFTER_RE.match(text, m.end("num"))):
        return None
    holder = fold(before.group("last"))
    if holder in NAME_SKIP or holder in MONTHS or holder in WEEKDAYS:
        return None
    return f"year-old {holder}", f"{before.group('last')}, {raw}"


def _counts(text: str, skip: list[tuple[int, int]]) -> list[tuple[tuple[str, float], str]]:
    """The numbers with a unit in `text` outside the `skip` spans (dates, times of day)."""
    out = []
    for m in _NUMBER_RE.finditer(text):
        if any(s <= m.start() < e for s, e in skip):
            continue
        value = _value(m)
        unit = _amount_unit(text, m) if m.group("cur") else "%" if m.group("pct") else \
            _unit_key(m.group("unit") or m.group("glyph"))
        if not unit and (age := _apposition_age(text, m)) is not None:
            out.append(((age[0], value), age[1]))
            continue
        if not unit or fold(m.group().split()[0]) in _ONE_IDIOMS \
                or _QUALIFIED.search(text, max(0, m.start() - 30), m.start()) \
                or m.group("cur") and _PROSPECT_RE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if m.group("num").lower() == "one" and not _ONLY_BEFORE_RE.search(text, max(0, m.start() - 20),
                                                                           m.start()):
            continue
        if _CLEARED_RE.search(text, max(0, m.start() - 120), m.start()):
            unit += " (cleared of)"
        if (_TOTAL_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
                or _TOTAL_AFTER_RE.match(text, m.end())):
            unit += " (total)"
        part = _PART_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
        if part and not (part.group("first") and unit in _SPANS):  # "for the last two years": a span
            unit += " (the first or last)" if part.group("first") else " (out of)"
        if m.group("holder") is not None or m.group().endswith("-old"):
            # whose age: "55-year-old Douglas" and "30-year-old star" are two people's; a name's
            # last word ("55-year-old Michael Douglas"), as an age after a name is keyed
            holder = fold(m.group("holder") or "")
            named = bool(holder) and m.group("holder")[0].isupper()
            if named:
                holder = fold(_NAME_GOES_ON_RE.match(text, m.end("holder")).group("last") or holder)
            unit += "-old" + (f" {holder}" if holder and holder not in NAME_SKIP else "")
            if holder and not named and _ANOTHER_RE.search(text, max(0, m.start() - 40), m.start()):
                unit += " (another)"  # "Another was a 20-year-old woman": not the one named before
        # an amount is worded up to its scale ("£3m", not "£3m damages"; an unmatched group ends at -1)
        worded = text[m.start():max(m.end("num"), m.end("scale"))] if m.group("cur") else m.group()
        out.append(((unit, value), worded.strip()))
    return out


def extract_dates(text: str, dated: date | None = None) -> list[tuple[tuple, str]]:
    """(normalised (month, day, year) or (weekday,), worded date) for each date in `text`.

    `dated`: the date of the article `text` comes from (`text.dates.stated_date`), when known;
    then relative days count too ("yesterday" in a paper of 14 October 2024 is (10, 13, "2024"),
    worded "yesterday (13 October 2024)", and so is "two days ago"; "last week" and "last month"
    are the spans of days they may mean, keyed (RANGE, first, last) in ISO form and worded "last
    week (7–13 October 2024)"), and a date without a year takes the year nearest it, marked a
    guess ("~2024"). A date something was put off until ("adjourned until Thursday") has its key
    marked: (UNTIL, *key)."""
    return [(_until(text, start) + key, worded) for key, worded, start in _dates(text, dated)]


def _until(text: str, start: int) -> tuple:
    """(UNTIL,) when the date starting at `start` follows "until" or "till", else ()."""
    return (UNTIL,) if _UNTIL_RE.search(text, max(0, start - 20), start) else ()


def _dates(text: str, dated: date | None) -> list[tuple[tuple, str, int]]:
    """`extract_dates` before UNTIL marks: (key, worded date, where it starts in `text`)."""
    out = []
    if dated is not None:
        for m in _RELATIVE_RE.finditer(text):
            words = " ".join(m.group().split())
            day = relative_day(words, dated)
            if day is not None:
                out.append(((day.month, day.day, str(day.year)), f"{words} ({day.day} {day:%B} {day.year})",
                            m.start()))
                continue
            first, last = relative_span(words, dated)
            out.append(((RANGE, first.isoformat(), last.isoformat()),
                        f"{words} ({_span_text(first, last)})", m.start()))
    if not _DIGIT_RE.search(text) and not _WEEKDAY_RE.search(text):
        return out  # a calendar date has a digit, else it is a weekday
    for m in _DATE_RE.finditer(text):
        if m.group("weekday"):
            if not _SAYING_DAY_RE.search(text, max(0, m.start() - 40), m.start()):
                out.append(((fold(m.group("weekday")),), m.group().strip(), m.start()))
            continue
        month = m.group("month1") or m.group("month2")
        day = int(m.group("day1") or m.group("day2"))
        if (_DAYS_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()) if m.group("day2")
                else not m.group("year") and _DAYS_AFTER_RE.match(text, m.end())):
            continue  # one of several days listed
        if not 1 <= day <= 31 or (month.lower() == "may" and m.group("month1") and not m.group("year")
                                  and text[max(0, m.start() - 1):m.start()].isalpha()):
            continue
        year = m.group("year")
        if year is None and dated is not None:  # the year nearest the article's date, a guess ("~")
            near = with_year(month_number(month), day, dated)
            year = f"~{near.year}" if near is not None else None
        out.append(((month_number(month), day, year), m.group().strip().rstrip("."),  # no full stop
                    m.start()))
    return out


POSSESSIVE_RE = re.compile(r"['’]s?$")  # "Jack Straw's decision": the name ends there


_OPENS_RE = re.compile(r"(?:^|[.!?:;\"“‘(\n])\s*$")  # what may come before a sentence's first word


@lru_cache(maxsize=16384)  # read for the names and again for whom a wording is about
def _capitalised_runs(text: str) -> tuple[tuple[int, str], ...]:
    """(start, run) of each run of capitalised words in `text`."""
    return tuple((m.start(), m.group()) for m in _NAME_RE.finditer(text))


def _participle(word: str) -> bool:
    """A present participle ("Torturing", "Passing"): capitalised at a sentence's start, it is no
    part of the name after it."""
    folded = fold(word)
    return folded.endswith("ing") and any(lemma != folded for lemma in lemmas(folded))


def extract_names(text: str) -> list[str]:
    """Multi-word capitalised names in `text` (sentence-initial function words dropped, and a
    participle opening a sentence before three or more capitalised words: "Torturing Hernan
    Sepulveda Pertner"; a name ends at a possessive after its second word: "Jack Straw's Home
    Office" names Jack Straw)."""
    names = []
    for start, run in _capitalised_runs(text):
        parts = run.split()
        while parts and fold(parts[0]) in NAME_SKIP:
            parts = parts[1:]
        if len(parts) > 2 and _participle(parts[0]) and _OPENS_RE.search(text, max(0, start - 8), start):
            parts = parts[1:]
        owner = next((k for k, p in enumerate(parts) if POSSESSIVE_RE.search(p)), None)
        if owner:  # not a lone word's: "Hitler's War" is a title
            parts = parts[:owner] + [POSSESSIVE_RE.sub("", parts[owner])]
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
        if len(quote.split()) < MIN_QUOTE_WORDS:
            continue
        after = _SPEAKER_AFTER_RE.match(text, m.end())
        who = (after.group("who") or after.group("who2")) if after else None
        if who is None:
            before = _SPEAKER_BEFORE_RE.search(text, max(0, m.start() - 80), m.start())
            who = before.group("who") if before else None
        out.append((quote, _speaker(who)))
    return out


def _span_text(first: date, last: date) -> str:
    """"7–13 October 2024", "28 September – 4 October 2024", "30 December 2024 – 5 January 2025"."""
    if first.year != last.year:
        return f"{first.day} {first:%B} {first.year} – {last.day} {last:%B} {last.year}"
    if first.month != last.month:
        return f"{first.day} {first:%B} – {last.day} {last:%B} {last.year}"
    return f"{first.day}–{last.day} {last:%B} {last.year}"


# Who said it is not whom it is about: "Police Chief John Smith said three died" and "three died,
# Officer Jane Doe said" are about the same deaths.
_SOURCE_RE = re.compile(_NAMED + r"\s+(?:has\s+|had\s+)?" + _REPORTING + r"\b"
                        r"|\b(?:" + _REPORTING + r"|according\s+to)\s+" + _NAMED)


@lru_cache(maxsize=16384)
def subject_runs(text: str) -> tuple[str, ...]:
    """The capitalised runs of `text` outside its attributions (`_SOURCE_RE`)."""
    return tuple(run for _, run in _capitalised_runs(_SOURCE_RE.sub(" ", text)))
