"""When a document says it was written: the creation date in its own metadata.

A .docx keeps it in `docProps/core.xml` (`dcterms:created`), an .odt in
`meta.xml` (`meta:creation-date`, else `dc:date`), a PDF in its document
information (`/CreationDate`). Copied files keep these dates while their file
times change, so triage prefers them to a wire header's time stamp as the time
a text states (`links.orient`'s "stated-time" rule). Anything missing,
unreadable or implausible gives None; nothing here raises.
"""

from __future__ import annotations

import io
import os
from datetime import datetime, timezone

from ..formats.loaders import LoadError, read_bytes
from ..formats.zipxml import FormatError, has_part, open_zip, parse_xml, read_part

_DCTERMS_CREATED = "{http://purl.org/dc/terms/}created"
_META_CREATED = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}creation-date"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_PARTS = {".docx": ("docProps/core.xml", (_DCTERMS_CREATED,)),
          ".odt": ("meta.xml", (_META_CREATED, _DC_DATE))}
_EARLIEST = datetime(1980, 1, 1, tzinfo=timezone.utc).timestamp()  # zip's epoch: older is a placeholder


def _iso(value: str | None) -> float | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    stamp = when.timestamp()
    return stamp if stamp >= _EARLIEST else None


def _zip_time(data: bytes, part: str, tags: tuple[str, ...]) -> float | None:
    try:
        archive = open_zip(data, "document")
        if not has_part(archive, part):
            return None
        root = parse_xml(read_part(archive, part, "document", limit=1024 * 1024), part, "document")
    except (FormatError, OSError, ValueError):
        return None
    for tag in tags:
        node = root.find(f".//{tag}")
        found = _iso(node.text if node is not None else None)
        if found is not None:
            return found
    return None


def _pdf_time(data: bytes) -> float | None:
    try:
        from pypdf import PdfReader
        info = PdfReader(io.BytesIO(data)).metadata
        when = info.creation_date if info else None
    except Exception:  # pypdf raises many kinds on broken files; a date is optional
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    stamp = when.timestamp()
    return stamp if stamp >= _EARLIEST else None


def document_time(path: str | os.PathLike, max_bytes: int) -> float | None:
    """The creation time a .docx, .odt or .pdf file states in its metadata (seconds
    since the epoch), or None (other formats, no date, unreadable)."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix not in _PARTS and suffix != ".pdf":
        return None
    try:
        data = read_bytes(path, max_bytes)
    except LoadError:
        return None
    if suffix == ".pdf":
        return _pdf_time(data)
    part, tags = _PARTS[suffix]
    return _zip_time(data, part, tags)
