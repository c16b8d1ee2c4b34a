"""Saved web pages: the main article text only, and the page's title.

trafilatura (Apache-2.0 since 1.8) finds the article and drops navigation,
comments, cookie banners, related links and footers. The page is parsed from
the bytes on disk: no script runs and nothing is fetched.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from . import Extracted, FormatError, clean_title, failure, join_paragraphs
from .text import canonical_name, decode

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_CONTROLS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_FEW_WORDS = 25
MAX_ELEMENTS = 30_000  # a heavy news page has ~10,000; extraction time grows with the count
_INERT = ("script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas")


def _declared_charset(data: bytes) -> str | None:
    """The charset a <meta> tag declares near the top of the page, if Python knows it."""
    match = _META_CHARSET_RE.search(data[:4096])
    if not match:
        return None
    try:
        return canonical_name(match.group(1).decode("ascii"))
    except FormatError:
        return None


def decode_page(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode page bytes: forced encoding, else BOM, else <meta charset>, else as text."""
    if encoding:
        return decode(data, encoding)
    declared = _declared_charset(data)
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                         codecs.BOM_UTF16_BE)):
        if declared == "iso-8859-1":
            declared = "windows-1252"  # what browsers do (WHATWG)
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    return decode(data)


@lru_cache(maxsize=1)
def _config():
    """trafilatura's default settings (read once)."""
    from trafilatura.settings import use_config

    return use_config()


def parse_page(markup: str):
    """The page as an lxml tree with scripts, styles and embeds removed; bounded in size."""
    from lxml import etree
    from lxml import html as lxml_html

    markup = _XML_DECL_RE.sub("", markup, count=1)  # lxml refuses str with an encoding declaration
    markup = _CONTROLS_RE.sub("", markup)  # not allowed in an lxml tree, never shown
    try:
        root = lxml_html.document_fromstring(markup)
        for node in root.xpath("|".join(f"//{tag}" for tag in _INERT)):
            node.drop_tree()
    except (etree.LxmlError, ValueError) as exc:
        raise failure("cannot parse the page (malformed HTML)", exc) from None
    count = sum(1 for _ in root.iter())
    if count > MAX_ELEMENTS:
        raise FormatError(f"the page is too complex to extract ({count:,} elements; "
                          f"the limit is {MAX_ELEMENTS:,})")
    return root


def read(data: bytes, encoding: str | None = None) -> Extracted:
    """Read an HTML page; FormatError when no article text can be found in it."""
    markup, name = decode_page(data, encoding)
    markup = markup.lstrip("\ufeff")
    if not markup.strip():
        raise FormatError("the page is empty")
    doc = _extract(parse_page(markup))
    text = _text_of(doc)
    if len(text.split()) < _FEW_WORDS and not _text_of(_extract(parse_page(markup),
                                                                favor_precision=True)):
        text = ""  # a few words that a strict pass rejects: a cookie notice, a menu
    if not text:
        raise FormatError("no article text found in the page (only navigation or boilerplate?)")
    title = clean_title(getattr(doc, "title", None)) or _page_title(markup)
    return Extracted(text, title, name)


def _extract(tree, favor_precision: bool = False):
    """trafilatura's document (text and metadata) for a parsed page, or None."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree, include_comments=False, include_tables=True, include_images=False,
            include_links=False, include_formatting=False, with_metadata=True,
            deduplicate=False, favor_precision=favor_precision, config=_config())
    except Exception as exc:  # the extractor on malformed markup
        raise failure("cannot extract the article from this page (malformed HTML)", exc) from None


def _text_of(doc) -> str:
    return join_paragraphs((getattr(doc, "text", None) or "").split("\n")) if doc else ""


def _page_title(markup: str) -> str | None:
    """The <title> element's text, entities decoded."""
    import html as html_entities

    match = _TITLE_RE.search(markup[:200_000])
    return clean_title(html_entities.unescape(match.group(1))) if match else None
