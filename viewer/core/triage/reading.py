"""Triage step 1: find the supported files of a folder and read them as triage needs them.

A file is read as `loaders.load_article` reads it but without building Token
objects (`loaders.read_text`, `links.text_keys`: the same text, title, word count
and keys), with its word shingles (`nearcopies.shingle_hashes`), its wire-form
marks and the time it states. Hidden files and folders are skipped, symlinked
folders not followed; nothing is ever written in the folder.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from ..formats.loaders import SUPPORTED_SUFFIXES, LoadError, list_folder, read_text
from ..text.wireform import text_evidence
from ..util.cancel import CancelCheck, check
from .doctime import document_time
from .links import text_keys
from .model import TriageArticle, TriageError, TriageOptions
from .nearcopies import shingle_hashes
from .workerpool import in_chunks

__all__ = ["triage_paths", "read_one", "read_chunk", "read_all"]


def _hidden(name: str) -> bool:
    return name.startswith(".")


def triage_paths(folder: str | os.PathLike, recursive: bool = True
                 ) -> tuple[list[Path], list[TriageError]]:
    """Supported files under `folder` in triage order, and sub-folders that could not be listed.

    Raises LoadError when `folder` itself is missing, not a folder or unreadable.
    """
    root = Path(folder)
    list_folder(folder)  # the folder itself must be readable: a LoadError says why not
    found: list[Path] = []
    errors: list[TriageError] = []

    def failed(exc: OSError) -> None:
        errors.append(TriageError(str(exc.filename), f"folder cannot be read ({exc.strerror})"))

    for here, dirs, files in os.walk(root, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not _hidden(d)) if recursive else []
        for name in files:
            path = Path(here) / name
            if not _hidden(name) and path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
                found.append(path)

    def order(p: Path) -> tuple[str, str]:
        rel = p.relative_to(root).as_posix()
        return rel.casefold(), rel
    return sorted(found, key=order), sorted(errors, key=lambda e: e.path)


def _modified(path) -> float | None:
    try:
        return os.stat(path).st_mtime if path else None
    except OSError:
        return None


def read_one(path: Path, options: TriageOptions):
    """A file read as triage needs it, or a TriageError (runs in a worker process too):
    (meta with the placeholder id "A", text, encoding, word keys, shingle hashes, evidence)."""
    try:
        read = read_text(path, options.max_bytes)  # as load_article reads it, without tokens
        title, text, encoding = read.title, read.text, read.encoding
    except LoadError as exc:
        return TriageError(exc.path, exc.reason)
    keys = text_keys(text, options.reuse)  # as match_keys(Article.tokens); len = word count
    meta = TriageArticle("A", str(path), title, len(keys.keys), _modified(path))
    evidence = text_evidence(text)
    stated = document_time(path, options.max_bytes)  # a document's own creation date comes first
    if stated is not None:
        evidence = replace(evidence, stated_time=stated)
    return (meta, text, encoding, keys, shingle_hashes(keys.keys, options.candidates.shingle_words),
            evidence)


def read_chunk(args):
    """`read_one` of every path of (paths, options) (the worker processes' job)."""
    paths, options = args
    return [read_one(p, options) for p in paths]


def read_all(paths: list[Path], options: TriageOptions, pool, cancelled: CancelCheck):
    """(index, read) for every path, in order (see `read_one`); in `pool`'s worker
    processes chunk by chunk, or in-process when `pool` is None."""
    if pool is None:
        for k, path in enumerate(paths):
            check(cancelled)
            yield k, read_one(path, options)
        return
    size = max(8, min(64, len(paths) // 16 or 1))
    items = [(paths[k:k + size], options) for k in range(0, len(paths), size)]

    def flat():
        for chunk in in_chunks(pool, read_chunk, items, cancelled):
            yield from chunk
    yield from enumerate(flat())
