"""Sentence segmentation with code-point offsets.

Paragraphs (lines) are split first, then each paragraph goes through pysbd,
a rule-based segmenter that handles news text well (quotes ending in
`,” he said.`, "U.S.", "Oct. 13"). Spans exclude surrounding whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd

_PARAGRAPH_RE = re.compile(r"[^\n]+")
_PYSBD_LANGUAGES = {"en", "fr", "es", "de", "it", "nl", "ru", "pl", "da", "el", "zh", "ja",
                    "ar", "fa", "hi", "mr", "ur", "am", "hy", "my", "bg", "kk", "sk"}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: `text[start:end]` of its article."""

    start: int
    end: int
    text: str
    paragraph: int


@lru_cache(maxsize=16)
def _segmenter(language: str) -> pysbd.Segmenter:
    lang = language if language in _PYSBD_LANGUAGES else "en"
    return pysbd.Segmenter(language=lang, clean=False, char_span=False)


def _split_paragraph(par: str, language: str) -> list[tuple[int, int]]:
    """Spans of the sentences in one paragraph, found back in its text."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in _segmenter(language).segment(par):
        piece = piece.strip()
        if not piece:
            continue
        found = par.find(piece, pos)
        if found < 0:  # pysbd altered the text; fall back to the rest of the line
            rest = par[pos:]
            if rest.strip():
                lead = len(rest) - len(rest.lstrip())
                spans.append((pos + lead, pos + len(rest.rstrip())))
            return spans
        spans.append((found, found + len(piece)))
        pos = found + len(piece)
    return spans


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """The sentences of `text`, in order, with offsets into it."""
    out: list[Sentence] = []
    for pno, m in enumerate(_PARAGRAPH_RE.finditer(text)):
        par = m.group()
        if not par.strip():
            continue
        for s, e in _split_paragraph(par, language):
            out.append(Sentence(m.start() + s, m.start() + e, par[s:e], pno))
    return out
