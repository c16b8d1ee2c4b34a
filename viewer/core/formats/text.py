"""Plain text: find the encoding (UTF-8 first, then a restricted guess) and decode.

A guesser left free to pick among every codec guesses wrong on short English
text, so the guess is limited to `DETECTED_ENCODINGS`. charset-normalizer ranks
the candidates; a plain check that words are not mixtures of scripts or stray
symbols (the signature of a wrong 8-bit code page) decides first, so short
texts come out right too.
"""

from __future__ import annotations

import codecs
import re

import regex

from . import Extracted, FormatError

# Offered to the user to reopen a file with (menu order); names are Python codec aliases.
COMMON_ENCODINGS: tuple[str, ...] = (
    "utf-8", "utf-16", "utf-16-le", "utf-16-be", "windows-1252", "iso-8859-1",
    "iso-8859-15", "windows-1250", "iso-8859-2", "windows-1251", "koi8-r",
    "mac-roman", "cp437",
)
# What the guesser may choose from, in order of preference on a tie.
DETECTED_ENCODINGS: tuple[str, ...] = ("windows-1252", "windows-1250", "windows-1251")

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32", "utf-32"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "utf-16"))
_SAMPLE = 64 * 1024  # bytes the guesser looks at
_WORD_RE = regex.compile(r"[^\s\p{P}]*\p{L}[^\s\p{P}]*")
_STRAY_RE = regex.compile(r"[\p{L}][\x80-\xbf\u2020\u2021\u02c6\u2030\u02dc\u2122]|"
                          r"[\x80-\xbf\u2020\u2021\u02c6\u2030\u02dc\u2122][\p{L}]")
_LATIN_RE = regex.compile(r"\p{Latin}")
_UNREADABLE_RE = regex.compile(r"[\p{Cc}\p{Cs}\p{Co}\p{Cn}\ufffd--[\t\n\r\f\x1b]]", regex.V1)
_C1_BYTES_RE = re.compile(rb"[\x80-\x9f]")


def canonical_name(encoding: str) -> str:
    """The display name of a codec alias ('cp1252' -> 'windows-1252'), or FormatError."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise FormatError(f"unknown encoding {encoding!r}") from None
    return {"cp1252": "windows-1252", "cp1250": "windows-1250", "cp1251": "windows-1251",
            "latin-1": "iso-8859-1", "iso8859-1": "iso-8859-1", "iso8859-15": "iso-8859-15",
            "iso8859-2": "iso-8859-2", "mac-roman": "mac-roman"}.get(name, name)


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text (NUL bytes or many control bytes)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(4, len(head) // 50)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'-be' when the bytes look like BOM-less UTF-16 text, else None."""
    head = data[:4096]
    if len(head) < 4 or len(data) % 2:
        return None
    even_zero = head[0::2].count(0) / (len(head) // 2)
    odd_zero = head[1::2].count(0) / (len(head) // 2)
    if odd_zero > 0.4 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.4 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def _unreadable_share(text: str) -> float:
    """Share of characters no reader can see (controls, unassigned, replacement)."""
    if not text:
        return 0.0
    return sum(1 for _ in _UNREADABLE_RE.finditer(text)) / len(text)


def _implausible_share(text: str) -> float:
    """Share of words that a wrong code page would make: mixed scripts, stray symbols."""
    words = _WORD_RE.findall(text)
    if not words:
        return 0.0
    bad = 0
    for word in words:
        letters = [ch for ch in word if ch.isalpha()]
        latin = [_LATIN_RE.match(ch) is not None for ch in letters]
        if any(latin) and not all(latin):
            bad += 1  # Latin and another script in one word
        elif _STRAY_RE.search(word):
            bad += 1  # a symbol such as ³ or ¤ stuck to a letter
        elif all(latin) and len(letters) >= 3 and not any(ch.isascii() for ch in letters):
            bad += 1  # a Latin word without one plain letter: Cyrillic read as 1252
    return bad / len(words)


def _guess_8bit(data: bytes) -> str:
    """The most plausible single-byte encoding among DETECTED_ENCODINGS."""
    sample = data[:_SAMPLE]
    chaos: dict[str, float] = {}
    try:
        from charset_normalizer import from_bytes
        py_names = {codecs.lookup(e).name: e for e in DETECTED_ENCODINGS}
        for match in from_bytes(sample, cp_isolation=list(py_names)):
            name = py_names.get(codecs.lookup(match.encoding).name)
            if name:
                chaos[name] = match.chaos
    except Exception:  # the guesser is an aid only; the checks below still decide
        pass
    ranked = []
    for order, enc in enumerate(DETECTED_ENCODINGS):
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        ranked.append((_implausible_share(text) + _unreadable_share(text) * 10,
                       chaos.get(enc, 1.0), order, enc, text))
    if not ranked:
        return "iso-8859-1"
    best = min(ranked)
    # Code pages that read this sample identically: report the most common one.
    return min((r for r in ranked if r[4] == best[4]), key=lambda r: r[2])[3]


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding name). Raises FormatError.

    With `encoding`, that codec is used as is (a BOM of it is dropped).
    Otherwise: a BOM wins, then UTF-8, then the restricted guess; the
    Windows-1252 guess is reported as ISO-8859-1 when both read the same.
    """
    if encoding:
        name = canonical_name(encoding)
        codec = "utf-8-sig" if name == "utf-8" else name
        try:
            return data.decode(codec), name
        except UnicodeDecodeError as exc:
            raise FormatError(f"cannot be decoded as {name} (byte 0x{data[exc.start]:02x} "
                              f"at offset {exc.start})") from None
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError:
                raise FormatError(f"undecodable bytes: starts like {name} but is not valid "
                                  f"{name} text") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
            if _unreadable_share(text) < 0.01:
                return text, utf16
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise FormatError("not a text file (binary content)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    name = _guess_8bit(data)
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        name, text = "iso-8859-1", data.decode("latin-1")
    if name == "windows-1252" and not _C1_BYTES_RE.search(data):
        name = "iso-8859-1"
    if _unreadable_share(text) > 0.01:
        raise FormatError("undecodable bytes: not text in UTF-8 or any common encoding")
    return text, name


def read(data: bytes, encoding: str | None = None) -> Extracted:
    """Plain text exactly as written (newlines become \\n); no title of its own."""
    text, name = decode(data, encoding)
    return Extracted(normalise_newlines(text), None, name)


def normalise_newlines(text: str) -> str:
    """CRLF and CR become LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
