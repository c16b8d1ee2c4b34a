"""Plain text: find the encoding (BOM, UTF-8, UTF-16, then a scored guess) and decode.

A BOM, valid UTF-8 and BOM-less UTF-16 (NUL bytes in every other place) are
certain. Otherwise `guess` scores every legacy code page's decoding as text
of a language and takes the most plausible; the result says whether that
guess was uncertain, so the pane can say so and offer to reopen the file
with another encoding.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

from ..util import patterns
from . import Extracted, FormatError
from .guess import rank, uncertain, unreadable_share

# Offered to the user to reopen a file with (menu order); names are Python codec aliases.
COMMON_ENCODINGS: tuple[str, ...] = (
    "utf-8", "utf-16", "utf-16-le", "utf-16-be", "windows-1252", "iso-8859-1",
    "iso-8859-15", "windows-1250", "iso-8859-2", "windows-1251", "koi8-r", "iso-8859-7",
    "windows-1254", "shift_jis", "euc-jp", "gb18030", "euc-kr", "big5",
    "mac-roman", "cp437",
)

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32", "utf-32"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "utf-16"))
_SAMPLE = 16 * 1024  # bytes the guesser looks at (plenty for letter statistics)
_C1_BYTES_RE = re.compile(rb"[\x80-\x9f]")
_LETTER_RE = patterns.compile(r"\p{L}")
_SCRIPTS = tuple((name, patterns.compile(pattern)) for name, pattern in (
    ("Latin", r"\p{Latin}"), ("Cyrillic", r"\p{Cyrillic}"), ("Greek", r"\p{Greek}"),
    ("CJK", r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}]"),
    ("Arabic", r"\p{Arabic}"), ("Hebrew", r"\p{Hebrew}"), ("Thai", r"\p{Thai}"),
    ("Devanagari", r"\p{Devanagari}"), ("Armenian", r"\p{Armenian}"),
    ("Georgian", r"\p{Georgian}")))
_NAMES = {"cp1252": "windows-1252", "cp1250": "windows-1250", "cp1251": "windows-1251",
          "cp1254": "windows-1254", "latin-1": "iso-8859-1", "iso8859-1": "iso-8859-1",
          "iso8859-15": "iso-8859-15", "iso8859-2": "iso-8859-2", "iso8859-7": "iso-8859-7",
          "mac-roman": "mac-roman", "euc_jp": "euc-jp", "euc_kr": "euc-kr"}


def canonical_name(encoding: str) -> str:
    """The display name of a codec alias ('cp1252' -> 'windows-1252'), or FormatError."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise FormatError(f"unknown encoding {encoding!r}") from None
    return _NAMES.get(name, name)


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text: NUL bytes, or many control bytes of several kinds (a
    wire's own formatting code, one or two kinds of control byte repeated, is text: METER's PA
    copy marks paragraphs with \\x19)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = [b for b in head if b < 32 and b not in (9, 10, 12, 13, 27)]
    if len(controls) <= max(4, len(head) // 50):
        return False
    return len(set(controls)) > 2 or len(controls) > len(head) // 10


def _plausible_utf16(text: str) -> bool:
    """True when a UTF-16 decoding reads as text: mostly letters, digits, spaces and punctuation,
    letters mostly of one script, and Latin letters mostly plain ASCII ones."""
    if not text:
        return False
    letters = _LETTER_RE.findall(text)
    common = len(letters) + sum(1 for ch in text if ch.isspace() or ch.isdigit()
                                or unicodedata.category(ch).startswith("P"))
    if common < 0.75 * len(text):
        return False
    if not letters:
        return True
    scripts = Counter(_script(ch) for ch in letters)
    main, count = scripts.most_common(1)[0]
    if count < 0.8 * len(letters):
        return False
    return main != "Latin" or sum(ch.isascii() for ch in letters) >= 0.5 * len(letters)


def _script(ch: str) -> str:
    """A letter's script, with the scripts of Chinese, Japanese and Korean taken as one."""
    for name, pattern in _SCRIPTS:
        if pattern.match(ch):
            return name
    return "other"


def _utf16_score(text: str) -> float:
    """How much a UTF-16 decoding looks like text: spaces and ASCII, no unreadable characters."""
    if not text:
        return -1.0
    ascii_share = sum(1 for ch in text if ch < "\x80") / len(text)
    return ascii_share - 10 * unreadable_share(text)


def _utf16_without_bom(data: bytes) -> tuple[str, str, bool] | None:
    """(text, 'utf-16-le'/'-be', uncertain) when NUL-bearing bytes read as UTF-16 text."""
    if len(data) < 2 or len(data) % 2 or b"\x00" not in data:
        return None
    scored = []
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        sample = text[:_SAMPLE]
        if unreadable_share(text) < 0.01 and _plausible_utf16(sample):
            scored.append((_utf16_score(sample), name, text))
    if not scored:
        return None
    scored.sort(reverse=True)
    close = len(scored) > 1 and scored[0][0] - scored[1][0] < 0.2
    return scored[0][2], scored[0][1], close


def _guess_legacy(data: bytes) -> tuple[str, str, bool]:
    """(text, encoding, uncertain) for bytes that are neither UTF-8 nor UTF-16."""
    ranked = rank(data[:_SAMPLE], cut=len(data) > _SAMPLE)
    doubtful = uncertain(ranked)
    for guess in ranked:
        try:
            text = data.decode(guess.encoding) if len(data) > _SAMPLE else guess.text
        except UnicodeDecodeError:
            continue
        if unreadable_share(text) > 0.01:
            continue
        return text, guess.encoding, doubtful or guess is not ranked[0]
    raise FormatError("undecodable bytes: not text in UTF-8 or any common encoding")


def decode_text(data: bytes, encoding: str | None = None) -> tuple[str, str, bool]:
    """Decode text bytes; returns (text, encoding name, uncertain). Raises FormatError.

    With `encoding`, that codec is used as is (a BOM of it is dropped).
    Otherwise: a BOM wins, then UTF-8, then BOM-less UTF-16, then the scored
    guess among the legacy code pages; the Windows-1252 guess is reported as
    ISO-8859-1 when both read the same.
    """
    if encoding:
        name = canonical_name(encoding)
        codec = "utf-8-sig" if name == "utf-8" else name
        try:
            return data.decode(codec), name, False
        except UnicodeDecodeError as exc:
            raise FormatError(f"cannot be decoded as {name} (byte 0x{data[exc.start]:02x} "
                              f"at offset {exc.start})") from None
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name, False
            except UnicodeDecodeError:
                raise FormatError(f"undecodable bytes: starts like {name} but is not valid "
                                  f"{name} text") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if looks_binary(data):
        raise FormatError("not a text file (binary content)")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    text, name, doubtful = _guess_legacy(data)
    if name == "windows-1252" and not _C1_BYTES_RE.search(data):
        name = "iso-8859-1"
    return text, name, doubtful


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding name). See `decode_text`."""
    text, name, _ = decode_text(data, encoding)
    return text, name


def read(data: bytes, encoding: str | None = None) -> Extracted:
    """Plain text exactly as written (newlines become \\n); no title of its own."""
    text, name, doubtful = decode_text(data, encoding)
    return Extracted(normalise_newlines(text), None, name, doubtful)


def normalise_newlines(text: str) -> str:
    """CRLF and CR become LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Control characters no reader sees and no font draws (a pane would show them as boxes): the C0
# controls but tab and newline, and DEL. Wire systems leave some in their copy (PA's \x19 before
# each paragraph). A vertical tab or form feed is a line or page break: a newline.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # the above, or a break
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def normalise_text(text: str) -> str:
    """The text an article shows: newlines as `normalise_newlines`, line and page breaks as
    newlines, invisible control characters dropped; nothing else changes."""
    text = normalise_newlines(text)
    return _INVISIBLE.sub("", text.translate(_BREAKS)) if _CONTROL.search(text) else text
