"""Which format a file is in, from its first bytes, for files with no known extension."""

from __future__ import annotations

import io
import zipfile

from . import FormatError

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_STARTS = ("<!doctype html", "<html", "<head", "<body", "<?xml version")


def sniff(data: bytes) -> str:
    """A module name of this package ('pdf', 'docx', 'odt', 'rtf', 'html', 'newsxml', 'text').

    Raises FormatError for recognised formats that are not supported.
    """
    head = data[:4096]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if head.startswith(_OLE):
        raise FormatError("unsupported format (an old binary Office file such as .doc; "
                          "save it as .docx)")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    lowered = stripped[:512].decode("latin-1").lower()
    if lowered.startswith(("<?xml", "<!doctype nitf", "<nitf", "<newsitem", "<newsmessage", "<newsml")) \
            and any(root in lowered for root in ("<nitf", "<newsitem", "<newsmessage", "<newsml")):
        return "newsxml"  # before the web page test: NITF has a <head> and <body> too
    if lowered.startswith(_HTML_STARTS) and ("<html" in lowered or "<body" in lowered
                                             or "<head" in lowered):
        return "html"
    return "text"


def _zip_kind(data: bytes) -> str:
    """'docx' or 'odt' for a ZIP archive, else FormatError."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist()[:10_000])
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise FormatError("corrupt ZIP archive") from None
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names and "mimetype" in names:
        return "odt"
    raise FormatError("unsupported format (a ZIP archive, not a .docx or .odt document)")
