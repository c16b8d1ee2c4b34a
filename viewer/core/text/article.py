"""Article: one text being compared, with its identity and word tokens."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from .dates import is_date_line
from .furniture import BRACKETED_LINE_RE, FILED_AT_RE
from .tokens import WORD, Token, tokenize

_TITLE_MAX = 90
# A rule or ornament line (no letter or digit): no reader takes it for a title, nor a wire
# header stating when the copy was filed (FILED_AT_RE).
_NO_WORDS = re.compile(r"^[\W_]*$")


def letter_for(index: int) -> str:
    """Identity letter of the article at `index`: A..Z, then AA, AB, ..."""
    letters = string.ascii_uppercase
    if index < 26:
        return letters[index]
    return letter_for(index // 26 - 1) + letters[index % 26]


def letter_key(letter: str) -> tuple[int, str]:
    """Sort key putting letters in identity order: A..Z, AA, AB, ..."""
    return (len(letter), letter)


def letter_index(letter: str) -> int | None:
    """The index `letter_for` gave this letter (A → 0, AA → 26), or None for other ids."""
    if not letter or not (letter.isascii() and letter.isalpha() and letter.isupper()):
        return None
    n = 0
    for ch in letter:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


_NOTE_LINES = 12  # an editor's note in brackets longer than this is not passed over whole
# A wire's embargo notice and its end marker are not the story's headline.
_WIRE_NOTICE_RE = re.compile(r"(?i)^(?:embargoed?\b.*|ends?|more)$")


def title_from_text(text: str) -> str:
    """A short title: the first line with words, cut at a word near 90 chars.

    Rule lines ("-----"), a wire header stating when the copy was filed, a line
    that only dates the article ("Published 14 October 2024"), an editor's note
    wholly in brackets ("(with pics)", also over several lines: "(ADVISORY TO
    NEWSDESKS … )"), an embargo notice and an "end" marker are passed over, and a
    wire line-end marker ("<") is dropped. When every line is passed over, the
    first with words is the title.
    """
    first = line = None
    note = 0  # lines left of an editor's note in brackets that goes on past its first line
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        kept = line.rstrip("<").rstrip()  # PA marks a paragraph's end with "<"
        if first is None and not _NO_WORDS.match(line):
            first = kept or line  # shown when every line is passed over
        if note:
            note = 0 if ")" in line or "]" in line else note - 1
            continue
        line = kept
        if line[:1] in ("(", "[") and ")" not in line and "]" not in line:
            note = _NOTE_LINES
            continue
        if not (_NO_WORDS.match(line) or FILED_AT_RE.match(line) or is_date_line(line)
                or BRACKETED_LINE_RE.match(line.rstrip("."))  # an editor's note: "(with pics)"
                or _WIRE_NOTICE_RE.match(line)):
            break
    else:
        line = first or line
    if not line:
        return "(empty)"
    if len(line) <= _TITLE_MAX:
        return line
    cut = line.rfind(" ", 0, _TITLE_MAX)
    return line[: cut if cut > 40 else _TITLE_MAX].rstrip(" ,;:") + "…"


@dataclass(frozen=True)
class Article:
    """An article's text exactly as read, plus where it came from.

    `text` is what the user sees; every offset anywhere in the core indexes
    into it (Python code points).
    """

    id: str
    title: str
    text: str
    path: str | None = None
    encoding: str | None = None
    tokens: tuple[Token, ...] = field(default=(), compare=False, repr=False)
    encoding_uncertain: bool = field(default=False, compare=False)  # the encoding was a close guess
    digest: str | None = field(default=None, compare=False)  # SHA-256 of the file's bytes, when read from one

    def __post_init__(self) -> None:
        if not self.tokens:
            object.__setattr__(self, "tokens", tuple(tokenize(self.text)))
        object.__setattr__(self, "_words", sum([t.kind == WORD for t in self.tokens]))

    @property
    def word_count(self) -> int:
        """Number of words in the text."""
        return self._words

    def with_id(self, new_id: str) -> "Article":
        """The same article under another identity letter."""
        return Article(new_id, self.title, self.text, self.path, self.encoding, self.tokens,
                       self.encoding_uncertain, self.digest)
