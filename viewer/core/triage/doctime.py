"""When a document says it was written: the creation date in its own metadata.

A .docx keeps it in `docProps/core.xml` (`dcterms:created`), an .odt in
`meta.xml` (`meta:creation-date`, else `dc:date`), a PDF in its document
information (`/CreationDate`), wire copy in news XML in NITF's `date.issue`
(its `norm` attribute) or NewsML's `firstCreated` (`FirstCreated`, else
`versionCreated`), in ISO 8601's extended or basic form ("19990713T101500Z").
Copied files keep these dates while their file times change, so triage prefers
them to a wire header's time stamp as the time a text states (`links.orient`'s "stated-time" rule). Anything missing,
unreadable or implausible gives None; nothing here raises.
"""

from __future__ import annotations

import io
import os
import re
from datetime import datetime, timedelta, timezone

from ..formats.loaders import LoadError, read_bytes
from ..formats.zipxml import FormatError, has_part, open_zip, parse_xml, read_part

_DCTERMS_CREATED = "{http://purl.org/dc/terms/}created"
_META_CREATED = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}creation-date"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_PARTS = {".docx": ("docProps/core.xml", (_DCTERMS_CREATED,)),
          ".odt": ("meta.xml", (_META_CREATED, _DC_DATE))}
_EARLIEST = datetime(1980, 1, 1, tzinfo=timezone.utc).timestamp()  # zip's epoch: older is a placeholder


_ISO_RE = re.compile(r"(\d{4})-?(\d\d)-?(\d\d)(?:T(\d\d):?(\d\d)(?::?(\d\d))?(?:\.\d+)?"
                     r"(Z|[+-]\d\d:?\d\d)?)?$")
_XML_TIMES = (("date.issue", "norm"), ("firstCreated", None), ("FirstCreated", None),
              ("versionCreated", None))
_XML_SUFFIXES = (".xml", ".nitf")


def _iso(value: str | None) -> float | None:
    """Seconds since the epoch of an ISO 8601 date and time, extended or basic form (UTC when
    no zone is given), or None."""
    m = _ISO_RE.match(value.strip()) if value else None
    if m is None:
        return None
    year, month, day, hour, minute, second, zone = m.groups()
    offset = timedelta(0)
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        offset = sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[-2:]))
    try:
        when = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                        int(second or 0), tzinfo=timezone(offset))
    except ValueError:
        return None
    stamp = when.timestamp()
    return stamp if stamp >= _EARLIEST else None


def _xml_time(data: bytes) -> float | None:
    from ..formats.newsxml import local_name, parse

    try:
        root = parse(data)
    except FormatError:
        return None
    for name, attribute in _XML_TIMES:
        for node in root.iter():
            if local_name(node) == name:
                found = _iso(node.get(attribute) if attribute else node.text)
                if found is not None:
                    return found
    return None


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
    """The creation time a .docx, .odt, .pdf or news XML file states in its metadata (seconds
    since the epoch), or None (other formats, no date, unreadable)."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix not in _PARTS and suffix not in _XML_SUFFIXES and suffix != ".pdf":
        return None
    try:
        data = read_bytes(path, max_bytes)
    except LoadError:
        return None
    if suffix == ".pdf":
        return _pdf_time(data)
    if suffix in _XML_SUFFIXES:
        return _xml_time(data)
    part, tags = _PARTS[suffix]
    return _zip_time(data, part, tags)
