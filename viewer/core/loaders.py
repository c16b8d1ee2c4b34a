"""Read files into Articles, with one clear error per unreadable file.

Files are opened read-only and never written. Every failure is a `LoadError`
naming the file and the reason, so callers can report it and go on with the
other files.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from .article import Article, letter_for, title_from_text

MAX_BYTES = 20 * 1024 * 1024  # generous for articles; configurable per call


class LoadError(Exception):
    """A file that cannot be opened as an article; `str()` is the message."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the encoding that was used."""

    text: str
    encoding: str


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text (NUL bytes or many control bytes)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(4, len(head) // 50)


def decode_text(data: bytes, path: str = "") -> Decoded:
    """Decode text bytes: a BOM wins, then UTF-8, then Windows-1252/Latin-1."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise LoadError(path, f"not valid {name} text ({exc.reason})") from None
    if looks_binary(data):
        raise LoadError(path, "not a text file (binary content)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "windows-1252")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1")


def read_bytes(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a file read-only, refusing missing, special, unreadable or huge files."""
    p = Path(path)
    if not p.exists():
        raise LoadError(path, "file not found")
    if p.is_dir():
        raise LoadError(path, "is a folder, not a file")
    if not p.is_file():
        raise LoadError(path, "not a regular file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise LoadError(path, f"too large ({size // 1024:,} KB; the limit is {max_bytes // 1024:,} KB)")
        with open(p, "rb") as fh:
            return fh.read(max_bytes + 1)
    except PermissionError:
        raise LoadError(path, "permission denied") from None
    except OSError as exc:
        raise LoadError(path, f"cannot be read ({exc.strerror or exc})") from None


def normalise_newlines(text: str) -> str:
    """CRLF and CR become LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_article(path: str | os.PathLike, article_id: str = "A",
                 max_bytes: int = MAX_BYTES) -> Article:
    """Load one file as an Article, or raise LoadError saying why not."""
    data = read_bytes(path, max_bytes)
    if not data.strip():
        raise LoadError(path, "the file is empty")
    decoded = decode_text(data, str(path))
    text = normalise_newlines(decoded.text)
    if not text.strip():
        raise LoadError(path, "the file has no text")
    return Article(article_id, title_from_text(text), text, str(path), decoded.encoding)


def article_from_text(text: str, article_id: str = "A", title: str | None = None) -> Article:
    """An Article from text that was not read from a file (pasted, dropped)."""
    text = normalise_newlines(text)
    return Article(article_id, title or title_from_text(text), text, None, None)


def load_articles(paths, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[LoadError]]:
    """Load several files; unreadable ones are returned as errors, not raised."""
    articles: list[Article] = []
    errors: list[LoadError] = []
    for path in paths:
        try:
            articles.append(load_article(path, letter_for(len(articles)), max_bytes))
        except LoadError as exc:
            errors.append(exc)
    return articles, errors


def seeds_dir() -> Path:
    """The bundled sample articles (inside the package or the checkout)."""
    here = Path(__file__).resolve().parent
    for cand in (here.parent / "seeds", here.parent.parent / "seeds"):
        if cand.is_dir():
            return cand
    return here.parent.parent / "seeds"


def seed_paths() -> list[Path]:
    """Paths of the bundled sample articles, in name order."""
    d = seeds_dir()
    return sorted(p for p in d.iterdir() if p.suffix == ".txt") if d.is_dir() else []
