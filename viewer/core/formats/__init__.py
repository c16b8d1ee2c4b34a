"""Files in, Articles out: one reader per format, and the loaders that name the file.

Each format module here reads one format and exposes ``read(data, encoding=None) ->
Extracted``. Readers know nothing about paths: they raise `FormatError` with a
reason, and `loaders` (files, folders, pasted text, the bundled seeds) turns it into a
`LoadError` naming the file. Readers never touch the network, run scripts or write
anything. Imports `text` and `util` only.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Iterable

# Suffix (lower case, with dot) -> module of this package that reads it.
FORMAT_BY_SUFFIX: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx", ".odt": "odt", ".rtf": "rtf", ".pdf": "pdf",
    ".xml": "newsxml", ".nitf": "newsxml",
}


@dataclass(frozen=True)
class Extracted:
    """What a reader got out of a file: the text, and its title/encoding when known.

    `uncertain` is True when the encoding was a guess that other encodings came
    close to (the user should check the text, and may reopen it with another).
    """

    text: str
    title: str | None = None
    encoding: str | None = None
    uncertain: bool = False


class FormatError(Exception):
    """The bytes cannot be read as this format; `reason` says why, for a person."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def failure(reason: str, exc: BaseException) -> FormatError:
    """A FormatError in Copydesk's words; the library's own message goes to the log only."""
    logging.getLogger("copydesk.formats").debug("%s: %s: %s", reason, type(exc).__name__, exc)
    return FormatError(reason)


_SPACES_RE = re.compile(r"[ \t\r\f\v]+")


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """One paragraph per line: runs of spaces collapsed, empty paragraphs dropped.

    A paragraph may hold line breaks of its own (a ``<br>``); each piece
    becomes a line.
    """
    lines: list[str] = []
    for par in paragraphs:
        for line in par.split("\n"):
            line = _SPACES_RE.sub(" ", line).strip()
            if line:
                lines.append(line)
    return "\n".join(lines)


def clean_title(title: str | None) -> str | None:
    """A metadata title with its whitespace tidied, or None when it says nothing."""
    if not title:
        return None
    title = " ".join(title.split())
    return title or None
