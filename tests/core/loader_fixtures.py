"""Builders of small .docx, .odt and .pdf files for the loader tests.

Written by hand (zipfile, a minimal PDF writer) so the tests need no office
suite and no document-writing library.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(path: Path, paragraphs: list[tuple[str, str]], title: str | None = None,
              extra_body: str = "") -> Path:
    """A .docx with (style, text) paragraphs; `extra_body` is raw WordprocessingML."""
    body = []
    for style, text in paragraphs:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        body.append(f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{_W_NS}"><w:body>{"".join(body)}{extra_body}'
                f'<w:sectPr/></w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" '
                   'ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"/>')
        z.writestr("word/document.xml", document)
        if title is not None:
            z.writestr("docProps/core.xml",
                       '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.'
                       'openxmlformats.org/package/2006/metadata/core-properties" '
                       f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{escape(title)}'
                       '</dc:title></cp:coreProperties>')
    return path


def make_odt(path: Path, blocks: list[tuple[str, str]], title: str | None = None,
             extra_body: str = "") -> Path:
    """An .odt with ('h' or 'p', text) blocks; `extra_body` is raw ODF text markup."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
    body = "".join(f'<text:h text:outline-level="1">{escape(t)}</text:h>' if kind == "h"
                   else f"<text:p>{escape(t)}</text:p>" for kind, t in blocks)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
               f"<office:body><office:text>{body}{extra_body}</office:text></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
        if title is not None:
            z.writestr("meta.xml", '<?xml version="1.0"?><office:document-meta xmlns:office='
                       '"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://'
                       'purl.org/dc/elements/1.1/"><office:meta><dc:title>'
                       f"{escape(title)}</dc:title></office:meta></office:document-meta>")
    return path


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(path: Path, pages: list[list[str]], title: str | None = None,
             header: str | None = None, footer: str | None = None) -> Path:
    """A PDF with one Helvetica text line per list entry; header/footer on every page.

    The footer may contain ``{n}`` for the page number.
    """
    objects: list[bytes] = []  # object i+1

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>")
    pages_id = add(b"")  # filled below
    page_ids = []
    for n, lines in enumerate(pages, 1):
        ops = [b"BT /F1 11 Tf"]
        placed = []
        if header:
            placed.append((800, header))
        placed += [(740 - 15 * i, line) for i, line in enumerate(lines)]
        if footer:
            placed.append((40, footer.format(n=n)))
        for y, line in placed:
            ops.append(b"1 0 0 1 72 %d Tm " % y + _pdf_string(line) + b" Tj")
        ops.append(b"ET")
        stream = zlib.compress(b"\n".join(ops))
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
                      + stream + b"\nendstream")
        page_ids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                            % (pages_id, font, content)))
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    info = add(b"<< /Title " + _pdf_string(title) + b" >>") if title else None
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


def encrypt_pdf(source: Path, target: Path, password: str = "secret",
                algorithm: str = "RC4-128") -> Path:
    """A copy of a PDF encrypted with `algorithm`; `password` ("" for none) opens it."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password=password, owner_password="owner-" + (password or "only"),
                   algorithm=algorithm)
    with open(target, "wb") as fh:
        writer.write(fh)
    return target
