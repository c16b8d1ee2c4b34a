"""PDF with a text layer: the running text, without page furniture.

pypdf (BSD) extracts each page's lines. Then: headers and footers repeated at
the top or bottom of most pages, and bare page numbers, are removed; words
hyphenated at a line end are joined; lines are reflowed into paragraphs (one
per line, as in every other format). Encrypted, corrupt, image-only and
overlong files are refused; pypdf caps every decompressed stream.

Encrypted PDFs open when their user password is empty (publishers often lock
only the permissions; AES needs the `cryptography` package, pypdf's crypto
extra); one that needs a real password is reported as password-protected.
"""

from __future__ import annotations

import io
import re
import statistics
import time

from . import Extracted, FormatError, clean_title, failure

_LOCKED = "the PDF is password-protected (it needs a password to open)"
MAX_PAGES = 2_000
TIME_LIMIT_S = 30.0
_EDGE = 2  # lines at the top and at the bottom of a page that may be furniture
_PAGE_NUMBER_RE = re.compile(r"^[\W_]*(page|p\.|seite|página|pagina)?\s*\d{1,4}"
                             r"(\s*(of|/|von|de|sur)\s*\d{1,4})?[\W_]*$", re.I)
_DIGITS_RE = re.compile(r"\d+")
_PARA_END = tuple('.!?:;"\'”’)»…')
_BULLET_RE = re.compile(r"^\s*([•▪◦‣·\-–—*]|\d{1,3}[.)])\s+")
_GENERIC_TITLE_RE = re.compile(r"^(microsoft (word|powerpoint) - |untitled|document\d*$)", re.I)


def _furniture(pages: list[list[str]]) -> set[tuple[int, int]]:
    """(page, line) positions of repeated headers/footers and page numbers."""
    def key(line: str) -> str:
        return _DIGITS_RE.sub("#", " ".join(line.split()).lower())

    def edges(lines: list[str]) -> list[int]:
        idx = [i for i, line in enumerate(lines) if line.strip()]
        return sorted(set(idx[:_EDGE] + idx[-_EDGE:]))

    counts: dict[str, int] = {}
    for lines in pages:
        for k in {key(lines[i]) for i in edges(lines)}:
            counts[k] = counts.get(k, 0) + 1
    repeated = {k for k, n in counts.items() if len(pages) >= 2 and n >= max(2, (len(pages) + 1) // 2)}
    drop = set()
    for p, lines in enumerate(pages):
        for i in edges(lines):
            if key(lines[i]) in repeated or _PAGE_NUMBER_RE.match(lines[i].strip()):
                drop.add((p, i))
    return drop


def _reflow(lines: list[str]) -> list[str]:
    """Join wrapped lines into paragraphs; undo end-of-line hyphenation."""
    lengths = [len(line) for line in lines if len(line) > 20]
    typical = statistics.median(lengths) if len(lengths) >= 3 else 0
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and _BULLET_RE.match(line):
            paragraphs.append(current)
            current = ""
        if not current:
            current = line
        elif current.endswith("-") and len(current) > 1 and current[-2].isalpha() \
                and line[:1].islower():
            current = current[:-1] + line  # "repor-" + "ters" -> "reporters"
        else:
            current = current + " " + line
        short = typical and len(line) < 0.75 * typical
        if short and not line.endswith("-") or (line.endswith(_PARA_END) and
                                                typical and len(line) < 0.9 * typical):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def clean_pages(pages: list[str]) -> str:
    """Text of the pages as one article: furniture removed, paragraphs reflowed."""
    split = [[" ".join(line.split()) for line in page.split("\n")] for page in pages]
    drop = _furniture(split)
    body = [line for p, lines in enumerate(split) for i, line in enumerate(lines)
            if (p, i) not in drop]
    return "\n".join(_reflow(body))


def _title(reader) -> str | None:
    """The document's /Title, unless it is empty or a generic placeholder."""
    try:
        title = clean_title(str(reader.metadata.title)) if reader.metadata else None
    except Exception:
        return None
    if not title or _GENERIC_TITLE_RE.match(title) or title.lower().endswith((".doc", ".docx", ".pdf")):
        return None
    return title


def read(data: bytes, encoding: str | None = None) -> Extracted:
    """Read a PDF's text layer (`encoding` is ignored)."""
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if b"%PDF-" not in data[:1024]:
        raise FormatError("not a PDF file (no %PDF header)")
    started = time.monotonic()
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError as exc:
                raise failure("the PDF is encrypted with AES and reading it needs the "
                              "'cryptography' package (pip install 'pypdf[crypto]')", exc) from None
            except NotImplementedError as exc:
                raise failure("the PDF is encrypted in a way Copydesk cannot read", exc) from None
            if not opened:
                raise FormatError(_LOCKED)
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise FormatError(f"the PDF has {count:,} pages; the limit is {MAX_PAGES:,}")
        pages = []
        for page in reader.pages:
            if time.monotonic() - started > TIME_LIMIT_S:
                raise FormatError(f"reading the PDF took over {TIME_LIMIT_S:.0f} s (too complex)")
            pages.append(page.extract_text() or "")
        title = _title(reader)
    except FormatError:
        raise
    except FileNotDecryptedError:
        raise FormatError(_LOCKED) from None
    except Exception as exc:  # pypdf on a damaged file: PdfReadError, KeyError, RecursionError...
        raise failure("corrupt PDF file (damaged or incomplete)", exc) from None
    text = clean_pages(pages)
    if sum(1 for ch in text if not ch.isspace()) < 20:
        raise FormatError("the PDF has no text layer (a scanned image?)")
    return Extracted(text, title, None)
