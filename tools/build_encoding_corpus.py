"""How tests/data/encodings/ was made: each source text saved in every encoding of its language.

    python tools/build_encoding_corpus.py [tests/data/encodings-heldout]

tests/data/encodings/source/<lang>-<n>.txt are short news texts (a title and a
paragraph) written for this corpus, in UTF-8. Each is saved as
`<lang>-<n>.<encoding>.txt` in the six Unicode forms (UTF-8 with and without
BOM, UTF-16 LE/BE with and without BOM) and in the legacy code pages its
language is commonly written in, plus `<lang>-<n>-short.<encoding>.txt`
holding its first line only. A code page that cannot hold the text is
skipped. The name says the truth for the bench; the reader never sees names.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "encodings"

UNICODE = {"utf-8": ("utf-8", b""), "utf-8-bom": ("utf-8", codecs.BOM_UTF8),
           "utf-16-le": ("utf-16-le", b""), "utf-16-be": ("utf-16-be", b""),
           "utf-16-le-bom": ("utf-16-le", codecs.BOM_UTF16_LE),
           "utf-16-be-bom": ("utf-16-be", codecs.BOM_UTF16_BE)}
WESTERN = ("windows-1252", "iso-8859-1", "iso-8859-15")
LEGACY = {"en": WESTERN, "fr": WESTERN, "de": WESTERN, "es": WESTERN, "pt": WESTERN,
          "it": WESTERN, "pl": ("windows-1250",), "cs": ("windows-1250",),
          "ru": ("windows-1251", "koi8-r"), "el": ("iso-8859-7",), "tr": ("windows-1254",),
          "ja": ("shift_jis", "euc-jp"), "zh": ("gb18030",), "ko": ("euc-kr",)}


def encodings_for(lang: str) -> dict[str, tuple[str, bytes]]:
    """File-name encoding -> (codec, BOM) for a language."""
    out = dict(UNICODE)
    out.update({enc: (enc, b"") for enc in LEGACY[lang]})
    return out


def main() -> None:
    """Write every encoded file (and remove stale ones) of the corpus named on the command line."""
    corpus = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else CORPUS
    for old in corpus.glob("*.txt"):
        old.unlink()
    written = 0
    for source in sorted((corpus / "source").glob("*.txt")):
        text = source.read_text("utf-8")
        lang = source.stem.split("-")[0]
        for variant, body in ((source.stem, text), (source.stem + "-short", text.splitlines()[0] + "\n")):
            for name, (codec, bom) in encodings_for(lang).items():
                try:
                    data = bom + body.encode(codec)
                except UnicodeEncodeError:
                    continue
                (corpus / f"{variant}.{name}.txt").write_bytes(data)
                written += 1
    print(f"{written} files in {corpus}")


if __name__ == "__main__":
    main()
