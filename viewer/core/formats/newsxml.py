"""News XML: NITF and IPTC NewsML (how agencies deliver wire copy), and any other XML's text.

NITF: the headline, byline and dateline of `body.head`, then the paragraphs of `body.content`;
the title is the headline (`hl1`), else `head/title`. NewsML-G2 and NewsML 1: the headline
(`headline`, `HeadLine`, also the title), then the paragraphs of the item's inline XHTML or NITF,
or its inline plain text. Elements are matched on their local names, whatever their namespace. Any other
XML gives the text of its elements in document order: one paragraph per element holding text,
or, when nearly every such element holds a word or two (a corpus's token-per-element file),
their words joined into one text.

XML is parsed without loading a DTD, resolving entities or using the network; a document that
declares entities is refused.
"""

from __future__ import annotations

from lxml import etree

from . import Extracted, FormatError, clean_title, failure, join_paragraphs
from .text import decode

# Block elements whose text is a paragraph (NITF, XHTML).
_PARAGRAPHS = frozenset({"p", "hl2", "hl3", "li", "pre"})
_HEAD_LINES = ("hl1", "byline", "dateline")  # NITF's body.head, in reading order
_TITLES = ("hl1", "headline", "HeadLine", "title")
_PLAIN_TEXT = "inlineData"  # NewsML-G2's plain-text content
_TOKEN_WORDS = 2  # an element holding at most this many words is a token ...
_TOKEN_SHARE = 0.8  # ... and a file where this share of text elements are tokens is a token stream


def local_name(node) -> str:
    """An element's tag without its namespace ("" for comments and the like)."""
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _text(node) -> str:
    return " ".join("".join(node.itertext()).split())


def parse(data: bytes, encoding: str | None = None):
    """The XML document's root element, parsed safely (module docstring); FormatError when it cannot be."""
    if b"<!ENTITY" in data[:65536]:
        raise FormatError("unsupported XML (it declares entities)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_comments=True,
                             remove_pis=True)
    try:
        if encoding:  # reopened with a chosen encoding: parse the decoded text
            text = decode(data, encoding)[0]
            root = etree.fromstring(text.split("?>", 1)[1] if text.lstrip().startswith("<?xml")
                                    else text, parser)
        else:
            root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise failure("not well-formed XML", exc) from None
    if root is None:
        raise FormatError("the XML document is empty")
    return root


def _first(root, names) -> str | None:
    for name in names:
        for node in root.iter():
            text = _text(node) if local_name(node) == name else None
            if text:
                return text
    return None


def _paragraphs(root) -> list[str]:
    """The text of each paragraph element, outermost only, in document order."""
    out = []
    for node in root.iter():
        local = local_name(node)
        if local in _PARAGRAPHS and not any(local_name(a) in _PARAGRAPHS for a in node.iterancestors()):
            out.append("".join(node.itertext()))
        elif local == _PLAIN_TEXT:
            out.extend((node.text or "").split("\n"))
    return out


def _generic(root) -> list[str]:
    """Any other XML: one paragraph per element holding text, or one token stream."""
    holders = [node for node in root.iter() if isinstance(node.tag, str) and (node.text or "").strip()]
    if not holders:
        return []
    tokens = sum(len(node.text.split()) <= _TOKEN_WORDS for node in holders)
    if tokens >= _TOKEN_SHARE * len(holders):
        return [" ".join(t.strip() for t in root.itertext() if t.strip())]
    kept = set(holders)
    return ["".join(node.itertext()) for node in holders
            if not any(a in kept for a in node.iterancestors())]


def read(data: bytes, encoding: str | None = None) -> Extracted:
    """Read a news XML file (NITF, NewsML) or any XML's text."""
    root = parse(data, encoding)
    title = clean_title(_first(root, _TITLES))
    body = _paragraphs(root)
    if body:
        head = [_text(node) for node in root.iter() if local_name(node) in _HEAD_LINES
                and any(local_name(a) == "body.head" for a in node.iterancestors())]
        text = join_paragraphs((head or [title or ""]) + body)  # the story starts with its headline
    else:
        text = join_paragraphs(_generic(root))
    if not text.strip():
        raise FormatError("no text found in the XML document")
    return Extracted(text, title, None)
