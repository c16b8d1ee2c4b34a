"""Markdown: the text a reader of the rendered page sees, without markup symbols.

markdown-it-py parses (CommonMark plus tables and strikethrough); its tokens
are walked, never rendered, so embedded HTML is reduced to its text and never
run. A YAML front-matter block is dropped; its `title:` is used when present.
"""

from __future__ import annotations

import re

from . import Extracted, FormatError, clean_title, join_paragraphs
from .text import decode, normalise_newlines

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
MAX_MARKDOWN_CHARS = 512 * 1024  # parse time grows faster than size on hostile emphasis
_BR_RE = re.compile(r"<br\s*/?>", re.I)
_FM_TITLE_RE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.M)


def _html_text(fragment: str) -> str:
    """Visible text of an HTML fragment embedded in Markdown (scripts and styles dropped)."""
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError, AssertionError, IndexError):
        # lxml asserts (or indexes past the end) on a block holding <html><head> but no body
        return ""
    for bad in root.xpath("//script|//style|//template|//noscript"):
        bad.drop_tree()
    return root.text_content()


def _inline_text(token) -> str:
    """Text of one inline token: words, code spans and breaks; images and tags dropped."""
    out: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak" or (child.type == "html_inline"
                                            and _BR_RE.match(child.content)):
            out.append("\n")
        # image (its alt text is not what a reader sees) and html_inline (a tag
        # such as <b>, whose text is in the neighbouring tokens) add nothing.
    return "".join(out)


def to_text(source: str) -> tuple[str, str | None]:
    """Markdown source -> (visible text, one paragraph per line; title or None)."""
    from markdown_it import MarkdownIt

    title = None
    front = _FRONT_MATTER_RE.match(source)
    if front:
        found = _FM_TITLE_RE.search(front.group(1))
        title = clean_title(found.group(1).strip("'\"")) if found else None
        source = source[front.end():]
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    paragraphs: list[str] = []
    headings: list[tuple[int, str]] = []
    row: list[str] = []
    heading_level = 0
    in_row = False
    for token in md.parse(source):
        if token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "tr_open":
            in_row, row = True, []
        elif token.type == "tr_close":
            in_row = False
            paragraphs.append(" ".join(c for c in row if c))
        elif token.type == "inline":
            text = _inline_text(token)
            if in_row:
                row.append(text.strip())
            else:
                paragraphs.append(text)
                if heading_level:
                    headings.append((heading_level, text))
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type in ("fence", "code_block"):
            paragraphs.append(token.content)
        elif token.type == "html_block":
            paragraphs.append(_html_text(token.content))
    if title is None and headings:
        title = clean_title(min(headings, key=lambda h: h[0])[1])
    return join_paragraphs(paragraphs), title


def read(data: bytes, encoding: str | None = None) -> Extracted:
    """Read Markdown bytes (encoding detected as for plain text, or forced)."""
    source, name = decode(data, encoding)
    if len(source) > MAX_MARKDOWN_CHARS:
        raise FormatError(f"too large to read as Markdown ({len(source) // 1024:,} KB; the limit "
                          f"is {MAX_MARKDOWN_CHARS // 1024:,} KB)")
    text, title = to_text(normalise_newlines(source))
    return Extracted(text, title, name)
