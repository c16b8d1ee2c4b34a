"""Values that disagree between the wordings of one claim: numbers, dates, names and quotations.

The values are read wording by wording (`values`); values of the same slot (a number with the same
unit, the date, a name sharing a word, a quote with mostly the same words) are compared across
articles after normalising, so "October 13" and "13th of October" agree, as do "Kim Yong-hyun" and
"Kim Yong Hyun" (or "Chrétien" / "Chretien", "Defence" / "Defense", "Israel" / "Israeli", "PC
Davidson" / "WPC Deborah Davidson"), while "24 years" and "25 years", "8:13 a.m." and "8:31 a.m."
or a quote with one word changed disagree. Numbers and dates are compared only between wordings
about the same people (or none named; who said it does not count). Where an article dates itself
at its top (`text.dates.stated_date`), its "yesterday" is that day's eve, so it meets another
outlet's "October 13". Quotes are compared only when they share most of their words and, where
both speakers can be found ("…,” he said" gives none; "…,” Zelenskyy said", "Zelenskyy said:
“…”" give one), only when the speakers are the same.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Callable, Sequence

from ..text.dates import MONTHS, valid_date
from ..text.spelling import match_form
from ..text.tokens import fold
from ..util.sequence_matcher import SequenceMatcher
from .values import (
    MIN_QUOTE_WORDS,
    NAME_SKIP,
    POSSESSIVE_RE,
    RANGE,
    UNTIL,
    TIME_OF_DAY,
    WORD_NUMBERS,
    extract_attributed_quotes,
    extract_dates,
    extract_names,
    extract_numbers,
    mentioned_numbers,
    number_step,
    subject_runs,
)

NUMBER, DATE, NAME, QUOTE = "number", "date", "name", "quote"


@dataclass(frozen=True)
class Conflict:
    """Disagreeing values of one claim: `values` maps article id -> the value as worded there."""

    kind: str  # NUMBER, DATE, NAME or QUOTE
    values: dict[str, str]


_QUOTE_OVERLAP = 0.6
_NAME_SPELLING = 0.75


def _plain(name: str) -> str:
    """A name folded, its accents dropped ("Chrétien" and "Chretien" are one spelling, typed two ways)."""
    folded = fold(name)
    if folded.isascii():  # nothing to drop (most names: no decomposition needed)
        return folded
    return "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))


def _name_key(name: str) -> str:
    return "".join(c for c in _plain(name) if c.isalnum())


def _slot_conflicts(kind: str, per_article: dict[str, list[tuple[object, str]]],
                    texts: dict[str, list[str]] | None = None,
                    stated: Callable[[str], frozenset] | None = None) -> list[Conflict]:
    """Conflicts where articles give different values for the same slot (first part of the key).
    `texts` (numbers): each article's wordings; two articles do not disagree when either also
    gives the other's figure, with or without a unit ("five badgers, three dead and two alive" /
    "Two badgers were found alive"), or, by `stated` (article id -> the (unit, value) keys of
    every number its whole text gives), the other's figure with its unit anywhere else ("he had
    116 micrograms … in 1997" beside "118 micrograms" in one article: another reading)."""

    def gives(art: str, value: float, slot: object) -> bool:
        return ((texts is not None and any(value in mentioned_numbers(t) for t in texts[art]))
                or (stated is not None and (slot, value) in stated(art)))

    out = []
    slots: dict[object, dict[str, set]] = {}
    worded: dict[object, dict[str, str]] = {}
    for art, values in per_article.items():
        for key, text in values:
            slot = key[0] if kind == NUMBER else UNTIL if key[0] == UNTIL else "date"
            slots.setdefault(slot, {}).setdefault(art, set()).add(key)
            worded.setdefault(slot, {}).setdefault(art, text)
    for slot in sorted(slots, key=str):
        arts = slots[slot]
        if len(arts) < 2 or any(len(v) > 1 for v in arts.values()):
            continue  # one value per article, or the slot is ambiguous
        keys = [next(iter(v)) for v in arts.values()]
        if slot == UNTIL:  # dates things were put off until meet only each other
            keys = [k[1:] for k in keys]
        if kind == DATE:
            disagree = _dates_disagree(keys)
        elif str(slot).startswith(TIME_OF_DAY):  # "8:13 a.m." / "8:31 a.m.": to the minute
            disagree = len(set(keys)) > 1
        else:
            given = [(art, key[1], worded[slot][art]) for art, key in zip(arts, keys)]
            disagree = figures_disagree(given, lambda art, value, slot=slot: gives(art, value, slot))
        if disagree:
            out.append(Conflict(kind, dict(sorted(worded[slot].items()))))
    return out


def figures_disagree(given: Sequence[tuple[object, float, str]],
                     gives: Callable[[object, float], bool] | None = None) -> bool:
    """Whether two of `given` ((article, value, its wording), one figure per article) disagree:
    neither figure is the other rounded (`_same_figure`), and neither article gives the other's
    figure (`gives(article, value)`, when given: elsewhere in its text, say)."""
    return any(not _same_figure(x, wx, y, wy) and not (gives is not None and (gives(a, y) or gives(b, x)))
               for k, (a, x, wx) in enumerate(given) for b, y, wy in given[k + 1:])


_ROUNDED_SHARE = 0.1  # a figure rounded by more than a tenth of itself is another figure


def _same_figure(x: float, wx: str, y: float, wy: str) -> bool:
    """True when values `x` and `y` (worded `wx`, `wy`) give one figure, the coarser perhaps rounded
    from the finer: within half a unit of the coarser one's last digit and a tenth of the larger
    ("78.5 million" / "78 million", "3.8 percent" / "4 percent"; not "24 years" / "25 years",
    nor "0.6 percent" / "1 percent")."""
    return abs(x - y) <= (1 + 1e-9) * min(max(number_step(x, wx), number_step(y, wy)) / 2,
                                          _ROUNDED_SHARE * max(abs(x), abs(y)))


def _dates_disagree(keys: list[tuple]) -> bool:
    """True when dates ((month, day, year or None), (weekday,) or a span (RANGE, first, last))
    cannot all be the same day. A weekday is not held against a calendar date: one claim's
    wordings often date different steps of it ("arrested on Monday", "charged on October 16").
    A span disagrees with a full date outside it and with a span it shares no day with."""
    spans = [(date.fromisoformat(k[1]), date.fromisoformat(k[2])) for k in keys if k[0] == RANGE]
    if spans:
        first, last = max(s for s, _ in spans), min(e for _, e in spans)
        if first > last:
            return True
        days = [k for k in keys if len(k) == 3 and k[0] != RANGE]
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

    A slot keeps each article's first value; it is a conflict when two of its values that share
    the slot themselves (not only through a third: two excerpts of one long quote) do not `agree`.
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
        if len(slot) > 1 and any(same_slot(x, y) and not agree(x, y)
                                 for i, x in enumerate(values) for y in values[i + 1:]):
            out.append(Conflict(kind, dict(sorted(slot.items()))))
    return out


# A place and its people's adjective name one thing: "Israel Defense Forces" / "Israeli Defense
# Forces", "Korea" / "Korean".
_DEMONYM_RE = re.compile(r"(?<=[a-z]{3})(?:i|ian|ese|ish|(?<=a)n)$")


@lru_cache(maxsize=16384)  # a story's names recur in claim after claim
def _name_words(name: str) -> tuple[str, ...]:
    """A name's words in order, folded, spelt the American way, a people's adjective read as its place."""
    words = _plain(name).replace("‐", "-").replace("-", " ").split()
    return tuple(_DEMONYM_RE.sub("", match_form(POSSESSIVE_RE.sub("", w))) for w in words)


@lru_cache(maxsize=16384)
def _name_tokens(name: str) -> frozenset[str]:
    return frozenset(_name_words(name))


# Ranks and honorifics before a name: "PC Davidson" and "WPC Davidson" are one officer; and
# letters after one: "Adrian Redgrave QC" is Adrian Redgrave.
_TITLES = frozenset("mr mrs ms miss dr sir dame lord lady pc wpc dc ds dci di det sgt insp supt judge "
                    "recorder justice gen general col capt maj lt cpl pte rev prof qc mp".split())
_AFTER_NAME = frozenset("qc kc mp mep jp obe mbe cbe jr sr".split())


def _one_bearer(a: str, b: str) -> bool:
    """Two names that end alike (letters after them such as "QC" aside) where one has nothing but
    titles before that ("PC Davidson" / "WPC Deborah Davidson"), or that differ in words spelt
    nothing alike before two or more words they end with ("Historian David Irving" / "AUTHOR
    David Irving"; but "Cilve Nicholls QC" / "Clive Nicholls QC" is a typo)."""
    wa, wb = _bare(_name_words(a)), _bare(_name_words(b))
    k = 0
    while k < min(len(wa), len(wb)) and wa[-1 - k] == wb[-1 - k]:
        k += 1
    if k == 0:
        return False
    pa, pb = wa[:-k], wb[:-k]
    if set(pa) <= _TITLES or set(pb) <= _TITLES:  # one adds a first name: "PC Deborah Davidson"
        return True
    return k >= 2 and SequenceMatcher(None, " ".join(pa), " ".join(pb)).ratio() < _NAME_SPELLING


def _bare(words: Sequence[str]) -> Sequence[str]:
    """A name's words without the letters after it ("QC", "MP")."""
    end = len(words)
    while end > 1 and words[end - 1] in _AFTER_NAME:
        end -= 1
    return words[:end]


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
    return matched >= MIN_QUOTE_WORDS and matched / short >= _QUOTE_OVERLAP


_CONTRACTIONS = {"n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'m": " am"}
_CONTRACTION_RE = re.compile(r"(?<=\w)(?:n't|'re|'ve|'ll|'m)\b")
# "'s" after these is "is" or "has", and "'d" after a pronoun "had" or "would": one key each, so
# that "She's ruined" / "She has ruined" and "I'd hoped" / "I had hoped" are the same words.
_IS_OR_HAS_RE = re.compile(r"\b(it|that|what|there|here|he|she|who|where)(?:'s| is| has)\b")
_HAD_OR_WOULD_RE = re.compile(r"\b(i|you|he|she|it|we|they|who|that|there)(?:'d| had| would)\b")
# A reporter's insertion in a quote ("what he [Fayed] wanted", "he (Al Fayed) was paying") alters
# no word of it.
_INSERTION_RE = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_SPACED_APOSTROPHE_RE = re.compile(r"(?<=\w) ?' ?(?=(?:s|m|d|t|re|ve|ll)\b)")
_IRREGULAR_NOT = (("can't", "can not"), ("won't", "will not"), ("shan't", "shall not"))
_SPOKEN_FORMS = {"whilst": "while", "okay": "ok", "amongst": "among", "per": "", "cent": "percent"}
# A month or a percentage written short: "Sept. 11" / "September 11", "40%" / "40 per cent".
_SPOKEN_FORMS.update({month[:3]: month for month in MONTHS if len(month) > 3 and month[:3] != "mar"},
                     sept="september")


@lru_cache(maxsize=16384)  # a quote and each of its sentences are keyed against every other
def _quote_key(q: str) -> str:
    """A quote's letters and digits in order, words spelt one way: contractions written out
    ("you're" → "you are"; "she's" one with "she is" and "she has", "I'd" with "I had" and
    "I would"), American spelling, numbers in
    figures ("two years" / "2 years"), no bracketed insertion, and no spaces, hyphens or
    punctuation, so that a wording only spelt or typed differently ("public interest" /
    "public-interest", a scan's "bothsaw") is the same quote."""
    text = _INSERTION_RE.sub(" ", fold(q).replace("’", "'").replace("%", " percent"))
    text = _SPACED_APOSTROPHE_RE.sub("'", text)  # a tokenized page's "I ' m", "don ' t"
    for short, full in _IRREGULAR_NOT:
        text = text.replace(short, full)
    text = _CONTRACTION_RE.sub(lambda m: _CONTRACTIONS[m.group()], text)
    text = _IS_OR_HAS_RE.sub(r"\1 _s", text).replace("s's", "s'")  # "Massachusetts's" / "Massachusetts'"
    text = _HAD_OR_WOULD_RE.sub(r"\1 _d", text)
    words = re.findall(r"[^\W_]+", text)  # PA writes a dash as "_"
    return "".join(str(WORD_NUMBERS[w]) if w in WORD_NUMBERS else match_form(_SPOKEN_FORMS.get(w, w))
                   for w in words)


_QUOTE_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'`]*[A-Z])")


def _quotes_agree(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    """The same wording, or one quote is an exact excerpt of the other, spelling apart
    (`_quote_key`); or, for quotes of several sentences, each sentence of one that shares its
    words with a sentence of the other is an excerpt of it: two papers that quote different
    sentences of one speech ("Your conduct was extremely wicked. I take the view you are
    dangerous" / "Your conduct was extremely wicked and your behaviour extremely callous")
    altered nothing."""
    ka, kb = _quote_key(a[0]), _quote_key(b[0])
    if ka in kb or kb in ka:
        return True
    sa, sb = _QUOTE_SENTENCE_RE.split(a[0]), _QUOTE_SENTENCE_RE.split(b[0])
    if len(sa) == len(sb) == 1:
        return False
    keys_b = [_quote_key(y) for y in sb]
    for x in sa:
        kx = _quote_key(x)
        for y, ky in zip(sb, keys_b):
            if _same_quote_slot((x, None), (y, None)) and not (kx in ky or ky in kx):
                return False  # one sentence, reworded
    return not (_run_together(sa, sb, b[0], kb) or _run_together(sb, sa, a[0], ka))


def _run_together(sentences: list[str], others: list[str], other: str, other_key: str) -> bool:
    """Whether one of `sentences`, sharing the slot with no sentence of the other quote, shares it
    with that quote as a whole without being an excerpt of it: two of its sentences run into one
    with other words ("… such injuries, but English law provides him with no claim")."""
    return any(_quote_key(x) not in other_key and _same_quote_slot((x, None), (other, None))
               and not any(_same_quote_slot((x, None), (y, None)) for y in others) for x in sentences)


def agreeing_groups(conflict: Conflict) -> list[tuple[str, ...]]:
    """A conflict's articles grouped by the value they give, in article order: one group per
    wording ("Thursday" in C and D, "Monday" in E; a quote by its words, spelt and punctuated
    alike, with the quotes it agrees with all of: an excerpt joins the longer quote), so that
    a summary names who disagrees with whom."""
    values = conflict.values
    key = _quote_key if conflict.kind == QUOTE else (lambda v: " ".join(fold(v).split()))
    groups: list[list[str]] = []
    for art in sorted(values):
        for group in groups:
            if key(values[group[0]]) == key(values[art]) or conflict.kind == QUOTE and all(
                    _quotes_agree((values[art], None), (values[other], None)) for other in group):
                group.append(art)
                break
        else:
            groups.append([art])
    return [tuple(group) for group in groups]


def _about_the_same(names: dict[str, list[str]]) -> set[str]:
    """The articles whose wordings may give one fact's numbers and dates: all but those that name
    people or bodies (not counting who said it) of which no other wording names any (two items of
    a list of charges, each about another victim: "Patricia Irrazaval … October 18" / "Andrea
    Paulsen Figuera … Oct 27")."""
    words = {a: set().union(*map(_name_tokens, found)) - NAME_SKIP for a, found in names.items()}
    return {a for a, mine in words.items()
            if not mine or any(not theirs or mine & theirs for b, theirs in words.items() if b != a)}


def stated_numbers(text: str) -> frozenset:
    """The (unit, value) keys of every number with its unit that `text` gives (`extract_numbers`)."""
    return frozenset(key for key, _worded in extract_numbers(text))


def find_conflicts(members: Sequence[tuple[str, str]],
                   dated: dict[str, date] | None = None,
                   stated: Callable[[str], frozenset] | None = None) -> tuple[Conflict, ...]:
    """Conflicts between the wordings of one claim; `members` are (article id, member text) pairs.

    `dated`: article id -> the date the article states for itself (`text.dates.stated_date`), where
    known; relative days ("yesterday") are then read against it (see `extract_dates`). `stated`:
    article id -> the (unit, value) keys of the numbers its whole text gives (`stated_numbers`);
    an article that gives the other's figure elsewhere does not disagree with it."""
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
    about = _about_the_same(each(subject_runs))
    conflicts: list[Conflict] = []
    conflicts += _slot_conflicts(NUMBER, {a: v for a, v in each(extract_numbers).items() if a in about},
                                 by_article, stated)
    conflicts += _slot_conflicts(DATE, {a: [v for t in by_article[a] for v in extract_dates(t, dated.get(a))]
                                        for a in about})
    conflicts += _grouped_conflicts(NAME, names, _same_name_slot, _names_agree)
    quotes = _grouped_conflicts(QUOTE, {a: extract_attributed_quotes(" ".join(texts))  # a quote may
                                        for a, texts in by_article.items()},  # span sentences
                                _same_quote_slot, _quotes_agree)
    conflicts += [Conflict(QUOTE, {art: q for art, (q, _who) in c.values.items()}) for c in quotes]
    return tuple(conflicts)
