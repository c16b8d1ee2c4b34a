"""Read files into Articles, with one clear error per unreadable file.

The format comes from the extension (`formats.FORMAT_BY_SUFFIX`), or from the
content when the extension is unknown; one module of `viewer.core.formats`
reads each format. Files are opened read-only and never written. Every failure
is a `LoadError` naming the file and the reason, so callers can report it and
go on with the other files.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..text.article import Article, letter_for, title_from_text
from ..text.sentences import reflow
from ..util.bundled import seeds_dir
from . import FORMAT_BY_SUFFIX, Extracted, FormatError
from .sniff import sniff
from .text import COMMON_ENCODINGS, normalise_newlines, normalise_text

__all__ = ["COMMON_ENCODINGS", "MAX_BYTES", "MAX_CHARS", "SUPPORTED_SUFFIXES",
           "LoadError", "article_from_text", "extract", "file_digest", "folder_paths",
           "format_of", "load_article", "load_articles", "load_folder",
           "normalise_newlines", "normalise_text", "read_bytes", "seed_paths", "seeds_dir"]

MAX_BYTES = 20 * 1024 * 1024  # generous for articles; configurable per call
MAX_CHARS = 2_000_000  # text after extraction (~300,000 words); bounds the analysis too
MAX_FOLDER_FILES = 500
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted(FORMAT_BY_SUFFIX))


class LoadError(Exception):
    """A file that cannot be opened as an article; `str()` is the message."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def read_bytes(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a file read-only, refusing missing, special, unreadable or huge files."""
    p = Path(path)
    try:
        if not p.exists():
            raise LoadError(path, "file not found")
        if p.is_dir():
            raise LoadError(path, "is a folder, not a file")
        if not p.is_file():
            raise LoadError(path, "not a regular file")
        size = p.stat().st_size
        if size > max_bytes:
            raise LoadError(path, f"too large ({_size(size)}; the limit is {_size(max_bytes)})")
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise LoadError(path, "permission denied") from None
    except OSError as exc:
        raise LoadError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # it grew since stat()
        raise LoadError(path, f"too large (over the limit of {_size(max_bytes)})")
    return data


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):,.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:,.0f} KB"


def format_of(path: str | os.PathLike, data: bytes) -> str:
    """Name of the `formats` module that reads this file (extension, else content). A ".txt"
    file that holds a web page or RTF (saved under the wrong name) is read as what it holds."""
    by_suffix = FORMAT_BY_SUFFIX.get(Path(path).suffix.lower())
    if by_suffix == "text":
        try:
            held = sniff(data)
        except FormatError:  # binary: the text reader says so
            return by_suffix
        return held if held in ("html", "rtf") else by_suffix
    return by_suffix or sniff(data)


def extract(path: str | os.PathLike, data: bytes, encoding: str | None = None) -> Extracted:
    """Run the right format reader over `data`; FormatError when it cannot."""
    module = importlib.import_module(f".{format_of(path, data)}", __package__)
    return module.read(data, encoding)


@dataclass(frozen=True)
class ReadText:
    """What a file holds for an article: its title, text (newlines as \\n) and encoding
    (`encoding_uncertain` when that was a close guess); `digest`: the SHA-256 of the bytes read."""

    title: str
    text: str
    encoding: str | None
    encoding_uncertain: bool = False
    digest: str | None = None


def read_text(path: str | os.PathLike, max_bytes: int = MAX_BYTES, encoding: str | None = None,
              max_chars: int = MAX_CHARS) -> ReadText:
    """Read a file's article text (no Article, no tokens), or raise LoadError saying why not.

    `encoding` forces a text encoding (for reopening a file that was guessed
    wrong); formats that declare their own (PDF, .docx, .odt) ignore it.
    `max_bytes` limits the file, `max_chars` the text taken out of it.
    """
    data = read_bytes(path, max_bytes)
    if not data.strip():
        raise LoadError(path, "the file is empty")
    try:
        found = extract(path, data, encoding)
    except FormatError as exc:
        raise LoadError(path, exc.reason) from None
    text = reflow(normalise_text(found.text))
    if not text.strip():
        raise LoadError(path, "no text found in the file")
    if len(text) > max_chars:
        raise LoadError(path, f"too much text ({len(text):,} characters; the limit is "
                              f"{max_chars:,})")
    return ReadText(found.title or title_from_text(text), text, found.encoding, found.uncertain,
                    file_digest(data))


def file_digest(data: bytes) -> str:
    """The SHA-256 of a file's bytes (hex): tells an unchanged file from one that now reads differently."""
    return hashlib.sha256(data).hexdigest()


def load_article(path: str | os.PathLike, article_id: str = "A",
                 max_bytes: int = MAX_BYTES, encoding: str | None = None,
                 max_chars: int = MAX_CHARS) -> Article:
    """Load one file as an Article, or raise LoadError saying why not (see `read_text`)."""
    read = read_text(path, max_bytes, encoding, max_chars)
    return Article(article_id, read.title, read.text, str(path), read.encoding,
                   encoding_uncertain=read.encoding_uncertain, digest=read.digest)


def article_from_text(text: str, article_id: str = "A", title: str | None = None) -> Article:
    """An Article from text that was not read from a file (pasted, dropped)."""
    text = reflow(normalise_text(text))
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


def list_folder(path: str | os.PathLike) -> list[os.DirEntry]:
    """The entries of a folder; LoadError (with a reason a user can read) when it is
    missing, not a folder or cannot be listed."""
    p = Path(path)
    if not p.exists():
        raise LoadError(path, "folder not found")
    if not p.is_dir():
        raise LoadError(path, "not a folder")
    try:
        return list(os.scandir(p))
    except PermissionError:
        raise LoadError(path, "permission denied") from None
    except OSError as exc:
        raise LoadError(path, f"cannot be read ({exc.strerror or exc})") from None


def folder_paths(path: str | os.PathLike) -> list[Path]:
    """The supported files directly inside a folder, sorted by name (hidden ones skipped)."""
    entries = list_folder(path)
    return sorted((Path(e.path) for e in entries
                   if not e.name.startswith(".") and Path(e.name).suffix.lower() in FORMAT_BY_SUFFIX
                   and e.is_file()), key=lambda q: q.name.lower())


def load_folder(path: str | os.PathLike, max_bytes: int = MAX_BYTES,
                max_files: int = MAX_FOLDER_FILES) -> tuple[list[Article], list[LoadError]]:
    """Load every supported file in a folder (not its subfolders), sorted by name.

    One bad file never stops the others; it becomes one LoadError. A folder
    that cannot be listed is a single LoadError; more than `max_files` files
    open the first `max_files` and report the rest as one error.
    """
    try:
        paths = folder_paths(path)
    except LoadError as exc:
        return [], [exc]
    articles, errors = load_articles(paths[:max_files], max_bytes)
    if len(paths) > max_files:
        errors.append(LoadError(path, f"{len(paths) - max_files:,} more files not opened "
                                      f"(the limit is {max_files:,} per folder)"))
    return articles, errors


def expand_folders(paths) -> tuple[list[str], list[LoadError]]:
    """Each folder among `paths` replaced by the supported files in it, in order;
    an unreadable or empty folder becomes an error instead."""
    files: list[str] = []
    errors: list[LoadError] = []
    for p in paths:
        if not os.path.isdir(p):
            files.append(str(p))
            continue
        try:
            found = [str(f) for f in folder_paths(p)]
        except LoadError as exc:
            errors.append(exc)
            continue
        if not found:
            errors.append(LoadError(p, "no supported articles in the folder"))
        files.extend(found)
    return files, errors


def seed_paths() -> list[Path]:
    """Paths of the bundled sample articles, in name order."""
    d = seeds_dir()
    return sorted(p for p in d.iterdir() if p.suffix == ".txt") if d.is_dir() else []
