"""What the window asks for in one background job: load what is new, compare all.

The window keeps a list of `Source`s (a file path, or an article already in
memory such as pasted text). `load_and_compare` loads the sources not yet
loaded, reports the ones that fail, and compares the rest, so a file that
cannot be read never stops the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..comparison import Comparison, compare
from ..formats.loaders import LoadError, load_article
from ..text.article import Article, letter_key
from ..util.cancel import CancelCheck, Progress, check


@dataclass(frozen=True)
class Source:
    """One article slot: its identity letter and where its text comes from."""

    letter: str
    path: str | None = None
    article: Article | None = None
    encoding: str | None = None  # forced text encoding (reopen with…), else detected


@dataclass(frozen=True)
class WorkspaceResult:
    """The loaded articles (letter order), the failures, and the analysis."""

    articles: tuple[Article, ...]
    errors: tuple[LoadError, ...]
    comparison: Comparison | None


def load_and_compare(sources: Sequence[Source], base: str | None, *,
                     progress: Progress = None, cancelled: CancelCheck = None,
                     cache: dict | None = None) -> WorkspaceResult:
    """Load the sources that need it, then compare all loaded articles."""
    articles: list[Article] = []
    errors: list[LoadError] = []
    for src in sorted(sources, key=lambda s: letter_key(s.letter)):
        check(cancelled)
        if src.article is not None:
            articles.append(src.article.with_id(src.letter) if src.article.id != src.letter
                            else src.article)
            continue
        try:
            articles.append(load_article(src.path, src.letter, encoding=src.encoding))
        except LoadError as exc:
            errors.append(exc)
    if not articles:
        return WorkspaceResult((), tuple(errors), None)
    ids = [a.id for a in articles]
    comp = compare(articles, base if base in ids else ids[0], progress=progress,
                   cancelled=cancelled, cache=cache, second_process=True)
    return WorkspaceResult(tuple(articles), tuple(errors), comp)
