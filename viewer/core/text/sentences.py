"""Sentence segmentation with code-point offsets.

Paragraphs are split first: lines, or in hard-wrapped text the lines of one paragraph
together (`paragraph_spans`). A paragraph whose every possible boundary is
unambiguous (sentence punctuation after an ordinary word, then a capital; never inside a
quotation) is cut by a fast regular expression; any other paragraph goes through pysbd, a
rule-based segmenter that handles news text well (quotes ending in `,” he said.`, "U.S.", "Oct. 13") but is
slow. Spans exclude surrounding whitespace.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import pysbd

from .dates import MONTH_PATTERN, WEEKDAYS

_PARAGRAPH_RE = re.compile(r"[^\n]+")
_PYSBD_LANGUAGES = {"en", "fr", "es", "de", "it", "nl", "ru", "pl", "da", "el", "zh", "ja",
                    "ar", "fa", "hi", "mr", "ur", "am", "hy", "my", "bg", "kk", "sk"}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: `text[start:end]` of its article."""

    start: int
    end: int
    text: str
    paragraph: int


@lru_cache(maxsize=16)
def _segmenter(language: str) -> pysbd.Segmenter:
    lang = language if language in _PYSBD_LANGUAGES else "en"
    return pysbd.Segmenter(language=lang, clean=False, char_span=False)


# A possible boundary: final punctuation, closing quotes/brackets (French « … » spaced inside),
# whitespace, then a capital, digit, opening quote or Spanish ¿ ¡; after Chinese or Japanese
# final punctuation (。！？) no whitespace is needed, but a closing bracket after it keeps the
# quotation going on in the sentence ("「…。」と彼は言った。").
_BOUNDARY_RE = re.compile(r"([.!?…]+|[。！？]+)((?:\s?»|[\"'”’»“‘)\]])*)(\s+|(?<=[。！？])(?![」』）”’]))"
                          r"(?=[\"'“‘«„‚¿¡「『(\[]?[^\W\d_a-z]|\d)")


_DOUBLE_MARKS_RE = re.compile(r'[“”«»„"「」『』]')


class _QuoteDepth:
    """Whether positions (visited left to right) lie inside a double-quoted passage:
    counts the quote marks seen so far, so a long line is scanned once."""

    def __init__(self, par: str):
        self.par, self.pos, self.opened, self.closed, self.straight = par, 0, 0, 0, 0
        self.low = 0  # German „…“ passages open: their “ closes them

    def inside(self, pos: int) -> bool:
        """True if `pos` (at or after the last position asked) is inside quotes."""
        step = self.par[self.pos:pos]
        self.pos = pos
        for mark in _DOUBLE_MARKS_RE.findall(step):
            if mark == "„":
                self.low += 1
            elif mark == "“" and self.low:
                self.low -= 1
            elif mark in "“«「『":
                self.opened += 1
            elif mark in "”»」』":
                self.closed += 1
            else:
                self.straight += 1
        return self.low > 0 or self.opened > self.closed or self.straight % 2 == 1


_WORD_BEFORE_RE = re.compile(r"(\w+)\W*$")


def _fast_split(par: str) -> list[tuple[int, int]] | None:
    """Sentence spans of a paragraph without ambiguous periods, or None to defer to pysbd."""
    spans = []
    pos = 0
    quotes = _QuoteDepth(par)
    for m in _BOUNDARY_RE.finditer(par):
        if quotes.inside(m.end(2)):
            continue  # a quoted passage of several sentences stays one sentence, as pysbd does
        if _ambiguous(par, m) is not None:
            return None
        spans.append((pos, m.end(2)))
        pos = m.end()
    if par[pos:].strip():
        spans.append((pos, len(par.rstrip())))
    return [(s + len(par[s:e]) - len(par[s:e].lstrip()), e) for s, e in spans if par[s:e].strip()]


def _pysbd_sentences(par: str, language: str) -> list[str]:
    r"""What `pysbd.Segmenter.segment(par)` returns (clean=False, char_span=False): its processor's
    sentences, each with the whitespace after it, where found in `par` left to right.

    pysbd finds each sentence back with a regular expression compiled for that sentence alone
    (`re.finditer(re.escape(sentence) + r"\s*", text)`, first non-overlapping match ending
    after the previous one); `str.find` does the same search without compiling one.
    """
    segmenter = _segmenter(language)
    out: list[str] = []
    prior_end = 0
    for sentence in segmenter.processor(par).process():
        if not sentence:  # an empty pattern matches everywhere: leave it to pysbd's own search
            return segmenter.segment(par)
        pos = 0
        while (found := par.find(sentence, pos)) >= 0:
            end = found + len(sentence)
            while end < len(par) and par[end].isspace():  # \s* (the same Unicode whitespace)
                end += 1
            if end > prior_end:
                out.append(par[found:end])
                prior_end = end
                break
            pos = end
    return out


# pysbd's time grows with the square of a paragraph's length (each of its rules rewrites the whole
# paragraph, once per match): a 32,000-word paragraph took 8.8 s. A longer paragraph is cut first
# at the boundaries the fast path reads as sure (pysbd cuts there too), and a piece still longer
# than this at a boundary after a number or a lower-case word; pysbd then sees the pieces.
_PYSBD_MAX = 2000  # characters


def _ambiguous(par: str, m: re.Match) -> str | None:
    """The word before boundary `m` when a period after it may not end a sentence (Mr. U.S. Oct.
    St. No. 5.), else None."""
    if m.group(1) != ".":
        return None
    before = _WORD_BEFORE_RE.search(par, max(0, m.start() - 30), m.start())
    word = before.group(1) if before else ""
    return word if len(word) <= 3 or word[:1].isupper() and len(word) <= 4 or word.isdigit() else None


_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[\"“]))['‘](?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…])['’](?=[\s.,;:!?)\]\"”]|$)")


def _pieces(par: str) -> list[tuple[int, int]]:
    """`par` cut for pysbd (see _PYSBD_MAX): once a piece has reached _PYSBD_MAX characters, at the
    next boundary the fast path reads as sure (pysbd cuts there too) outside any quotation, double
    or single; where none comes for another _PYSBD_MAX characters, at an unsure one after a number
    or a lower-case word."""
    cuts = [0]
    quotes = _QuoteDepth(par)
    opens = [m.start() for m in _SINGLE_OPEN.finditer(par)]
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(par)]
    for m in _BOUNDARY_RE.finditer(par):
        grown = m.end() - cuts[-1]
        if grown < _PYSBD_MAX or quotes.inside(m.end(2)):
            continue
        word = _ambiguous(par, m)
        single = bisect_left(opens, m.end(2)) > bisect_left(closes, m.end(2))  # a single quote open
        if (word is None and not single) or (grown > 2 * _PYSBD_MAX and word is not None
                                               and not word[:1].isupper()):
            cuts.append(m.end())
    return list(zip(cuts, cuts[1:] + [len(par)]))


def _split_paragraph(par: str, language: str) -> list[tuple[int, int]]:
    """Spans of the sentences in one paragraph, found back in its text."""
    spans = _fast_split(par)
    if spans is None:
        spans = _pysbd_spans(par, language) if len(par) <= _PYSBD_MAX else \
            [(s + a, s + b) for s, e in _pieces(par) for a, b in _pysbd_spans(par[s:e], language)]
    return _rejoined(par, spans, language == "en")


# Cuts no English sentence has: before a piece that reads on (a comma, a closing bracket, a
# lower-case word: pysbd's "Sen. Pat Roberts, R-Kan. | , chairman of"), after a title that
# stands before a name ("Police Const. Tim Fanning", "then-Gov. Walter Hickel", "Atty. Gen."),
# after a company's "Co."/"Inc." before its ticker or legal form ("Penney Co. Inc. (JCP)"), and
# after "a.m."/"p.m." before a weekday, a month or a time zone ("at 7 p.m. Friday", "EST").
_READS_ON = re.compile(r"[,;:)\]&]|[a-z](?![a-z]*[A-Z])")  # not a name written "iPhone", "eBay"
_TITLE_END = re.compile(r"(?:^|[\s(\[\"“‘'-])(?:Const|Con|Insp|Ch|Supt|Det|Sgt|Pte|Pfc|Pvt|Spc|Cpl|"
                        r"Lt|Lieut|Capt|Maj|Col|Gen|Adm|Cmdr|Atty|Pres|Sec|Gov|Sen|Rep|Rev|Prof|Dr|Mr|"
                        r"Mrs|Ms)\.$")
_STARTS_NAME = re.compile(r"[A-Z]")
_COMPANY_END = re.compile(r"\b(?:Co|Corp|Inc|Ltd|Bros)\.$")
_AFTER_COMPANY = re.compile(r"\(|(?:Inc|Ltd|Co|Corp|LLC|plc)\b")
_CLOCK_END = re.compile(r"\b[ap]\.m\.$")
_AFTER_CLOCK = re.compile(r"(?i:" + "|".join(WEEKDAYS) + "|" + MONTH_PATTERN + r")\b"
                          r"|(?:[ECMP][SD]?T|GMT|BST|UTC|CET)\b")


def _rejoined(par: str, spans: list[tuple[int, int]], english: bool) -> list[tuple[int, int]]:
    """`spans` with the cuts no sentence has undone: a piece with no letter or digit joins the
    sentence before it (pysbd leaves a closing quote at a paragraph's end on its own: "...come
    forward now." then "'"; wire copy's "''<"), and in English so does a piece that reads on
    or follows a title, a company's abbreviation or a clock time that reads on (see above)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            before = par[out[-1][0]:out[-1][1]]
            if (not _HAS_WORD.search(par, start, end) or english and (
                    _READS_ON.match(par, start)
                    or _TITLE_END.search(before) and _STARTS_NAME.match(par, start)
                    or _COMPANY_END.search(before) and _AFTER_COMPANY.match(par, start)
                    or _CLOCK_END.search(before) and _AFTER_CLOCK.match(par, start))):
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out


def _pysbd_spans(par: str, language: str) -> list[tuple[int, int]]:
    """Spans of the sentences pysbd finds in `par`, found back in its text."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in _pysbd_sentences(par, language):
        piece = piece.strip()
        if not piece:
            continue
        found = par.find(piece, pos)
        if found < 0:  # pysbd altered the text; fall back to the rest of the line
            rest = par[pos:]
            if rest.strip():
                lead = len(rest) - len(rest.lstrip())
                spans.append((pos + lead, pos + len(rest.rstrip())))
            return spans
        spans.append((found, found + len(piece)))
        pos = found + len(piece)
    return spans


# Hard-wrapped text (wire copy, e-mail, plain-text books: lines cut at a fixed width, so one
# paragraph spans several lines): a line at least _WRAP_FULL of the width that does not end a
# sentence continues on the next line, unless that starts a list item or holds no letter or digit
# (a rule line; "#500." ends a wrapped sentence).
_WRAP_MIN_LINES = 6
_WRAP_MAX_WIDTH = 100
_WRAP_FULL = 0.6
_LINE_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’»)\]]*<?\s*$|<\s*$")
_LIST_ITEM = re.compile(r"\s*(?:[-*•–—]|\d{1,3}[.)])\s")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_HAS_WORD = re.compile(r"[^\W_]")
_BROKEN_MIN_WORDS = 3  # a shorter line before a lower-case one may be a list item ("flour" / "sugar")
# Words no sentence ends on: a line ending on one goes on ("… Mr Brown or" / "Mr Smith.").
_GOES_ON = frozenset("a an the of to and or but nor in on at by for with from into as than that "
                     "his her its their our my your whose".split())


def _broken_after(line: str, nxt: str) -> bool:
    """Whether a line (not ending a sentence) was broken mid-sentence before `nxt`: the next goes
    on in lower case after a line of a few words, or the line ends on a word no sentence ends on."""
    words = line.split()
    return (len(words) >= _BROKEN_MIN_WORDS and nxt.lstrip()[:1].islower()
            or bool(words) and words[-1].lower() in _GOES_ON and bool(_HAS_WORD.search(nxt)))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of `text`: each non-empty line, except that in hard-wrapped
    text (at least _WRAP_MIN_LINES lines, nine in ten at most _WRAP_MAX_WIDTH characters and half
    of them close to that width) the lines of one paragraph are joined, and in any text a line
    of a few words that does not end a sentence joins the next one when that goes on in lower
    case ("He twice used the" / "card to withdraw £500.": a paragraph broken where it was copied)
    or when it ends on a word no sentence ends on ("Mr Brown or" / "Mr Smith."), except the first
    line: a title ("Jury finds suspect guilty" / "on April 30, 2008 at 4:31 AM")."""
    lines = [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text) if m.group().strip()]
    full = None
    if len(lines) >= _WRAP_MIN_LINES:
        lengths = sorted(len(text[s:e].strip()) for s, e in lines)
        width = lengths[int(0.9 * (len(lengths) - 1))]
        full = _WRAP_FULL * width
        if width > _WRAP_MAX_WIDTH or sum(n >= full for n in lengths) < 0.5 * len(lengths):
            full = None  # not hard-wrapped
    out = lines[:1]
    for k, ((s0, e0), (s1, e1)) in enumerate(zip(lines, lines[1:])):
        line, nxt = text[s0:e0].strip(), text[s1:e1]
        if (s1 == e0 + 1 and _HAS_LETTER.search(line) and not _LINE_ENDS_SENTENCE.search(line)
                and not _LIST_ITEM.match(nxt)
                and (full is not None and len(line) >= full and _HAS_WORD.search(nxt)
                     or k > 0 and _broken_after(line, nxt))):
            out[-1] = (out[-1][0], e1)
        else:
            out.append((s1, e1))
    return out


def reflow(text: str) -> str:
    """`text` with the line breaks inside hard-wrapped paragraphs (`paragraph_spans`) made
    spaces: the same length and offsets, each paragraph on one line."""
    spans = [(s, e) for s, e in paragraph_spans(text) if "\n" in text[s:e]]
    if not spans:
        return text
    out, pos = [], 0
    for s, e in spans:
        out += [text[pos:s], text[s:e].replace("\n", " ")]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def split_sentences(text: str, language: str = "en") -> tuple[Sentence, ...]:
    """The sentences of `text`, in order, with offsets into it (cached: the alignment,
    spin detection and claims all read the same articles' sentences). A sentence never
    crosses a paragraph (`paragraph_spans`)."""
    # one cache key however the language is given (lru_cache keys `f(t)` and `f(t, "en")` apart)
    return _split_sentences(text, language)


@lru_cache(maxsize=64)
def _split_sentences(text: str, language: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for pno, (start, end) in enumerate(paragraph_spans(text)):
        par = text[start:end]
        # the splitters see a wrapped paragraph's line breaks as spaces (same offsets)
        for s, e in _split_paragraph(par.replace("\n", " "), language):
            out.append(Sentence(start + s, start + e, par[s:e], pno))
    return tuple(out)
