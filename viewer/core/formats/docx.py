"""Word .docx: the body's paragraphs and table cells, in reading order.

Tracked deletions, field codes, comments and alternate renderings of the same
content are left out; inserted text is kept. The title comes from the
document properties, else from a paragraph styled Title or Heading 1.
"""

from __future__ import annotations

from . import Extracted, FormatError, clean_title, join_paragraphs
from .zipxml import has_part, metadata_title, open_zip, parse_xml, read_part

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_KIND = ".docx"
# Subtrees with no text a reader sees in the body.
_SKIP = {_W + t for t in ("delText", "instrText", "del", "moveFrom", "rPr", "pPr",
                          "commentReference", "footnoteReference", "endnoteReference",
                          "sdtPr")}
_SKIP.add(_MC_FALLBACK)
_TITLE_STYLES = {"title", "heading1", "titre", "berschrift1", "titel"}


def _run_text(node, out: list[str]) -> None:
    """Append the visible text under `node` (inside one paragraph) to `out`."""
    for child in node:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _W + "t":
            out.append(child.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            out.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        elif tag == _W + "p":  # a paragraph in a text box: its own line
            out.append("\n")
            _run_text(child, out)
            out.append("\n")
        else:
            _run_text(child, out)


def _style(paragraph) -> str:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return (style.get(_W + "val") or "").lower() if style is not None else ""


def _blocks(node, out: list[tuple[str, str]]) -> None:
    """Collect (style, text) for each paragraph under a body, cell or content control."""
    for child in node:
        if child.tag == _W + "p":
            parts: list[str] = []
            _run_text(child, parts)
            out.append((_style(child), "".join(parts)))
        elif child.tag in (_W + "tbl", _W + "tr", _W + "tc", _W + "sdt", _W + "sdtContent",
                           _W + "customXml", _W + "ins", _W + "smartTag"):
            _blocks(child, out)


def read(data: bytes, encoding: str | None = None) -> Extracted:
    """Read a .docx (`encoding` is ignored: the format says its own)."""
    archive = open_zip(data, _KIND)
    name = "word/document.xml"
    if not has_part(archive, name):
        raise FormatError("corrupt .docx file (no word/document.xml inside; not a Word document?)")
    root = parse_xml(read_part(archive, name, _KIND), name, _KIND)
    body = root.find(_W + "body")
    if body is None:
        raise FormatError("corrupt .docx file (the document has no body)")
    blocks: list[tuple[str, str]] = []
    _blocks(body, blocks)
    text = join_paragraphs(t for _, t in blocks)
    title = metadata_title(archive, "docProps/core.xml", _KIND) or clean_title(
        next((t for s, t in blocks if s in _TITLE_STYLES and t.strip()), None))
    return Extracted(text, title, None)
