"""An article cut into statements: its sentences, and clauses at semicolons, with page furniture
(captions, credits, time stamps) left out and text with no sentence punctuation read in windows
of words; each reduced to matching keys (`statement.make_statement`), once per wording.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from typing import Callable

from ..text.article import Article
from ..text.dates import is_time_stamp
from ..text.furniture import is_furniture, trailing_credit
from ..text.language import detect_language
from ..text.sentences import split_sentences
from ..util.cancel import check
from .statement import Statement, make_statement

__all__ = ["statement_spans", "statements_of"]

_CLAUSE_RE = re.compile(r";\s+")
_WORD_RE = re.compile(r"\S+")
_MAX_STATEMENT_WORDS = 200  # the longest statement of the dev corpora has 160 words
_WINDOW_WORDS = 50
_CHECK_EVERY = 500  # statements between two looks at `cancelled` (about 0.05 s)
_MIN_CLAUSE_WORDS = 4


def statement_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Statement spans of one article: sentences (clauses at semicolons), furniture dropped."""
    spans = []
    for sentence in split_sentences(text, language):
        line_start = text.rfind("\n", 0, sentence.start) + 1
        line_end = text.find("\n", sentence.end)
        line = text[line_start: len(text) if line_end < 0 else line_end]
        if is_furniture(sentence.text, line) or is_time_stamp(sentence.text):
            continue
        start, end = sentence.start, sentence.end - trailing_credit(sentence.text)
        # a wire copy's end-of-paragraph marker ("…told today.<") is not the claim's
        end = start + len(text[start:end].rstrip("< \t\n"))
        pieces = []
        pos = start
        for m in _CLAUSE_RE.finditer(text, start, end):
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, end))
        if not (len(pieces) > 1 and all(len(text[s:e].split()) >= _MIN_CLAUSE_WORDS for s, e in pieces)):
            pieces = [(start, end)]
        for s, e in pieces:
            spans.extend(_windows(text, s, e))
    return spans


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] as one statement, or, past _MAX_STATEMENT_WORDS words (a transcript or a
    word list with no sentence punctuation), as runs of about _WINDOW_WORDS words, each ending
    after a comma where one comes late enough: no statement of the dev corpora is that long,
    and the matcher's and conflicts' work grows faster than the length of a statement."""
    if end - start < 2 * _MAX_STATEMENT_WORDS + 1:
        return [(start, end)]  # too short to hold more words (each but the last needs a space)
    words = [m.span() for m in _WORD_RE.finditer(text, start, end)]
    if len(words) <= _MAX_STATEMENT_WORDS:
        return [(start, end)]
    out, first = [], 0
    while len(words) - first > _WINDOW_WORDS:
        last = first + _WINDOW_WORDS - 1
        for k in range(last, first + _WINDOW_WORDS // 2, -1):
            if text[words[k][1] - 1] in ",;:":
                last = k
                break
        out.append((words[first][0], words[last][1]))
        first = last + 1
    out.append((words[first][0], end))
    return out


def statements_of(article: Article, index: int, language: str | None = None,
                  memo: dict | None = None, cancelled: Callable[[], bool] | None = None) -> list[Statement]:
    """The statements (sentences or clauses that state something) of an article.

    `memo` (a dict the caller keeps for one analysis): statements with the same words in the same
    language are reduced to keys once (long texts and their rewrites repeat most sentences);
    each gets its own article, span and text. Raises `Cancelled` every _CHECK_EVERY statements
    when `cancelled()` turns True (a book-length article takes most of a second).
    """
    lang = language or detect_language(article.text)
    spans = statement_spans(article.text, lang)
    word_tokens = [t for t in article.tokens if t.is_word]
    starts = [t.start for t in word_tokens]
    out = []
    for n, (s, e) in enumerate(spans):
        if n % _CHECK_EVERY == 0:
            check(cancelled)
        lo, hi = bisect_left(starts, s), bisect_left(starts, e)
        texts = [t.text for t in word_tokens[lo:hi] if t.end <= e]
        if memo is None:
            out.append(make_statement(index, s, e, article.text[s:e], lang, texts))
            continue
        key = (lang, tuple(texts))
        seen = memo.get(key)
        if seen is None:
            seen = memo[key] = make_statement(index, s, e, article.text[s:e], lang, texts)
            out.append(seen)
        else:  # the keys depend on the words alone (shared, never changed)
            out.append(replace(seen, article=index, start=s, end=e, text=article.text[s:e]))
    return out
