"""OpenDocument .odt: headings, paragraphs, lists and table cells in reading order.

Footnotes, annotations (comments), tracked-change records and frames are left
out. The title comes from meta.xml, else from the first heading.
"""

from __future__ import annotations

from . import Extracted, FormatError, clean_title, join_paragraphs
from .zipxml import has_part, metadata_title, open_zip, parse_xml, read_part

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_KIND = ".odt"
_SKIP = {_TEXT + "note", _OFFICE + "annotation", _OFFICE + "annotation-end",
         _TEXT + "tracked-changes", "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame",
         _TEXT + "bookmark-ref", _TEXT + "sequence-decls", _TEXT + "variable-decls"}
_CONTAINERS = {_TEXT + "list", _TEXT + "list-item", _TEXT + "list-header", _TEXT + "section",
               _TABLE + "table", _TABLE + "table-row", _TABLE + "table-cell",
               _TABLE + "table-rows", _TABLE + "table-header-rows", _TEXT + "index-body",
               _OFFICE + "text", _TEXT + "deletion"}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _inline(node, out: list[str]) -> None:
    """Append the visible text inside one paragraph or heading to `out`."""
    if node.text:
        out.append(node.text)
    for child in node:
        tag = child.tag
        if isinstance(tag, str) and tag not in _SKIP:
            if tag == _TEXT + "s":
                out.append(" " * min(int(child.get(_TEXT + "c", "1") or 1), 100))
            elif tag == _TEXT + "tab":
                out.append("\t")
            elif tag == _TEXT + "line-break":
                out.append("\n")
            else:
                _inline(child, out)
        if child.tail:
            out.append(child.tail)


def _blocks(node, out: list[tuple[bool, str]]) -> None:
    """Collect (is_heading, text) for each paragraph under `node`."""
    for child in node:
        tag = child.tag
        if tag in (_TEXT + "p", _TEXT + "h"):
            parts: list[str] = []
            _inline(child, parts)
            out.append((tag == _TEXT + "h", "".join(parts)))
        elif tag in _CONTAINERS:
            _blocks(child, out)


def read(data: bytes, encoding: str | None = None) -> Extracted:
    """Read an .odt (`encoding` is ignored: the format says its own)."""
    archive = open_zip(data, _KIND)
    if has_part(archive, "mimetype"):
        mimetype = read_part(archive, "mimetype", _KIND, limit=256).strip()
        if mimetype != _ODT_MIMETYPE:
            raise FormatError(f"unsupported OpenDocument type ({mimetype.decode('latin-1')}); "
                              "only text documents (.odt) are read")
    name = "content.xml"
    root = parse_xml(read_part(archive, name, _KIND), name, _KIND)
    text_root = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if text_root is None:
        raise FormatError("corrupt .odt file (content.xml has no text body)")
    blocks: list[tuple[bool, str]] = []
    _blocks(text_root, blocks)
    text = join_paragraphs(t for _, t in blocks)
    title = metadata_title(archive, "meta.xml", _KIND) or clean_title(
        next((t for h, t in blocks if h and t.strip()), None))
    return Extracted(text, title, None)
