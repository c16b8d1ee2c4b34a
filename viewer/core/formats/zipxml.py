"""Bounded reading of XML parts from ZIP-based documents (.docx, .odt).

Hostile archives are refused before and while unpacking: too many entries, a
declared size over the limit, or more bytes than declared or allowed coming
out of the decompressor (a zip bomb). XML is parsed without DTDs, entities
or network access.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from . import FormatError, failure

MAX_PART_BYTES = 32 * 1024 * 1024  # one unpacked XML part
MAX_ENTRIES = 10_000
_CHUNK = 1024 * 1024


def open_zip(data: bytes, kind: str) -> zipfile.ZipFile:
    """Open `data` as a ZIP archive, or raise FormatError naming the `kind` of file."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise FormatError(f"corrupt {kind} file (not a valid ZIP archive)") from None
    if len(archive.infolist()) > MAX_ENTRIES:
        raise FormatError(f"corrupt {kind} file (more than {MAX_ENTRIES:,} parts)")
    return archive


def read_part(archive: zipfile.ZipFile, name: str, kind: str,
              limit: int = MAX_PART_BYTES) -> bytes:
    """The unpacked bytes of part `name`, never more than `limit` of them."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise FormatError(f"corrupt {kind} file (no {name} inside)") from None
    too_big = (f"oversized {kind} file: {name} unpacks to more than "
               f"{limit // (1024 * 1024)} MB (a zip bomb?)")
    if info.file_size > limit:
        raise FormatError(too_big)
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                total += len(chunk)
                if total > limit or total > info.file_size:
                    raise FormatError(too_big)
                chunks.append(chunk)
    except FormatError:
        raise
    except RuntimeError:  # zipfile says "encrypted, password required"
        raise FormatError(f"{kind} file is encrypted (password protected)") from None
    except NotImplementedError:
        raise FormatError(f"unsupported {kind} file (unknown compression method)") from None
    except Exception as exc:  # zlib.error, BadZipFile (bad CRC), EOFError...
        raise failure(f"corrupt {kind} file ({name} is damaged)", exc) from None
    return b"".join(chunks)


def has_part(archive: zipfile.ZipFile, name: str) -> bool:
    """True when the archive holds a part called `name`."""
    try:
        archive.getinfo(name)
    except KeyError:
        return False
    return True


def parse_xml(data: bytes, name: str, kind: str) -> etree._Element:
    """Parse one XML part safely (no DTD, no entities, no network)."""
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise FormatError(f"corrupt {kind} file ({name} declares a DTD)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_comments=True,
                             remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise failure(f"corrupt {kind} file ({name} is not well-formed XML)", exc) from None
    if root is None:
        raise FormatError(f"corrupt {kind} file ({name} is empty)")
    return root


DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def metadata_title(archive: zipfile.ZipFile, name: str, kind: str) -> str | None:
    """The Dublin Core title in metadata part `name` (docProps/core.xml, meta.xml),
    when that part is present and readable; None otherwise."""
    from . import clean_title
    if not has_part(archive, name):
        return None
    try:
        root = parse_xml(read_part(archive, name, kind, limit=1024 * 1024), name, kind)
    except FormatError:
        return None
    node = root.find(f".//{DC_TITLE}")
    return clean_title(node.text if node is not None else None)
