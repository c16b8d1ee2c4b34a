"""Page furniture: navigation, bylines, photo captions and credits, which state no claim.

General rules, not a list of one site's strings: a short line with no sentence-final punctuation
("Share:", "Related News", "Most Commented"), a line ending in a colon, a bracketed or parenthesised
credit ("[File: Name/Agency]"), a caption that describes a picture, a byline or a timestamp line.
A wire header stating when the copy was filed is furniture too. A headline (a longer line without
final punctuation) still states something and is kept.
"""

from __future__ import annotations

import re


def count_words(text: str) -> int:
    """Whitespace-separated words: a fast count, enough for these rules."""
    return len(text.split())


_MAX_NAV_WORDS = 4          # "Share:", "Related News", "Leave the first comment"
_MAX_CAPTION_WORDS = 25
_FINAL = ".!?…\"”»'’)。！？」』）"

# A line wholly in brackets: a credit ("[File: Name/Agency]") or an editor's note ("(with pics)")
BRACKETED_LINE_RE = re.compile(r"^\s*[\[(【][^\[\]()]*[\])】]\s*$")
_CREDIT_RE = re.compile(
    r"(?i)\b(photo|photograph|image|picture|video|file|credit|illustration|graphic|screenshot|"
    r"getty|reuters|afp|ap photo|epa|shutterstock|pool)\b.*[:/]|[:/].*\b(getty images|reuters|afp|"
    r"ap|epa|shutterstock|pool|handout)\b")
_CAPTION_START_RE = re.compile(
    r"(?i)^\s*(an?\s+)?([\w-]+\s+){0,4}(photo|photograph|picture|image|portrait|video|screenshot|"
    r"illustration|graphic)\s+(of|shows|showing)\b")
_BYLINE_RE = re.compile(r"(?i)^\s*(by|von|par|por|di|door)\s+\S")
_TIMESTAMP_RE = re.compile(
    r"(?i)^\s*(published|updated|posted|last updated|first published|modified)\b(\s+(on|at))?\s*[:\s]"
    r".{0,60}\d")
# A wire copy's filing time stamp, "14:42 04/10/99" (groups: hour, minute, day, month, year) or
# "2024-06-19T14:42" (year, month, day, hour, minute); a header opening with one is furniture.
STAMP_DMY = r"\b(\d{1,2}):(\d{2})\s+(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b"
STAMP_ISO = r"\b(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})"
FILED_AT_RE = re.compile(rf"^\s*(?:{STAMP_DMY}|{STAMP_ISO}\b)")
_TRAILING_CREDIT_RE = re.compile(r"\s*[\[(][^\[\]()]{0,80}/[^\[\]()]{0,80}[\])]\s*$")


def _has_final_punctuation(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in _FINAL


def is_furniture(text: str, line: str | None = None) -> bool:
    """True if a sentence `text` (standing on paragraph `line`) is navigation, a credit or a caption."""
    line = (text if line is None else line).rstrip().rstrip("<")  # wire copy's paragraph mark
    stripped = text.strip().rstrip("<").rstrip()  # (or "…killed her.<" reads as navigation)
    n_words = count_words(stripped)
    if n_words == 0 or not any(ch.isalnum() for ch in stripped):  # marks only (a wire's "<")
        return True
    if BRACKETED_LINE_RE.match(stripped) and (_CREDIT_RE.search(stripped) or n_words <= 8):
        return True
    if stripped.endswith(":") and n_words <= 6:
        return True
    whole_line = line.strip() == stripped
    if whole_line and not _has_final_punctuation(stripped):
        if n_words <= _MAX_NAV_WORDS:
            return True
        if n_words <= _MAX_CAPTION_WORDS and (_CAPTION_START_RE.match(stripped) or _CREDIT_RE.search(stripped)):
            return True
        if n_words <= 8 and (_BYLINE_RE.match(stripped) or _TIMESTAMP_RE.match(stripped)):
            return True
        if n_words <= 12 and FILED_AT_RE.match(stripped):
            return True
    if n_words <= 8 and _TIMESTAMP_RE.match(stripped):
        return True
    return False


def trailing_credit(text: str) -> int:
    """Length of a trailing photo credit such as " [File: Name/Agency]" at the end of `text`, or 0."""
    m = _TRAILING_CREDIT_RE.search(text)
    if m and m.start() > 0 and _CREDIT_RE.search(m.group()):
        return len(text) - m.start()
    return 0
