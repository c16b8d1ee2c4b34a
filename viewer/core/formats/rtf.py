"""RTF (wire services, WordPad): the text of the document, title from {\\info{\\title}}.

striprtf does the reading; it drops font, colour and style tables, pictures and
the info group. The document's own code page (\\ansicpgN) decodes \\'hh escapes.
"""

from __future__ import annotations

import codecs
import re

from . import Extracted, FormatError, clean_title, failure, join_paragraphs
from .text import canonical_name

_CODEPAGE_RE = re.compile(rb"\\ansicpg(\d{3,5})")
_BRACE_RE = re.compile(r"\\[{}\\]|[{}]")
_HIDDEN_GROUP_RE = re.compile(r"\{\\(?:pict|object|\*)")
MAX_RTF_CHARS = 2 * 1024 * 1024  # after pictures are dropped; text RTF reads at ~3 MB/s
MAX_DEPTH = 300  # Word nests a few dozen deep
_TITLE_RE = re.compile(r"\{\\title\b ?((?:[^{}\\]|\\[^{}]|\\[{}])*)\}")


def _codepage(data: bytes) -> str:
    """The Python codec for the document's \\ansicpgN, or cp1252."""
    match = _CODEPAGE_RE.search(data[:4096])
    if match:
        name = f"cp{int(match.group(1))}"
        try:
            codecs.lookup(name)
            return name
        except LookupError:
            pass
    return "cp1252"


def drop_hidden_groups(source: str) -> str:
    """Remove pictures, embedded objects and ignorable {\\*...} groups (never shown)."""
    pieces: list[str] = []
    kept_from = 0
    skip_depth = 0  # > 0 while inside a group being dropped
    depth = 0
    for match in _BRACE_RE.finditer(source):
        token = match.group()
        if token == "{":
            depth += 1
            if depth > MAX_DEPTH:
                raise FormatError(f"corrupt RTF file (groups nested over {MAX_DEPTH} deep)")
            if not skip_depth and _HIDDEN_GROUP_RE.match(source, match.start()):
                pieces.append(source[kept_from:match.start()])
                skip_depth = depth
        elif token == "}":
            if skip_depth and depth == skip_depth:
                skip_depth = 0
                kept_from = match.end()
            depth -= 1
    if not skip_depth:
        pieces.append(source[kept_from:])
    return "".join(pieces)


def read(data: bytes, encoding: str | None = None) -> Extracted:
    """Read RTF; `encoding` overrides the document's code page for \\'hh escapes."""
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        raise FormatError("not an RTF file (it does not start with {\\rtf)")
    codepage = canonical_name(encoding) if encoding else _codepage(data)
    source = data.decode("latin-1")  # RTF is 7-bit; 8-bit bytes pass through as is
    title_match = _TITLE_RE.search(source[:100_000])
    source = drop_hidden_groups(source)
    if len(source) > MAX_RTF_CHARS:
        raise FormatError(f"the RTF text is too large to read ({len(source) / 2**20:.1f} MB "
                          f"without pictures; the limit is {MAX_RTF_CHARS // 2**20} MB)")
    try:
        text = rtf_to_text(source, encoding=codepage, errors="replace")
    except Exception as exc:  # striprtf on malformed input
        raise failure("corrupt RTF file (malformed RTF markup)", exc) from None
    title = None
    if title_match:
        try:
            title = clean_title(rtf_to_text("{\\rtf1 " + title_match.group(1) + "}",
                                            encoding=codepage, errors="replace"))
        except Exception:
            title = None
    return Extracted(join_paragraphs(text.replace("\r\n", "\n").split("\n")), title,
                     canonical_name(codepage))
