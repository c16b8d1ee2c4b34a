"""The fuzz target: random and mutated bytes of every supported format, loaded and analysed.

Shared by the short fuzz test (tests/core/test_fuzz.py) and the long run
(bench/fuzz_long.py). `sample_files()` builds one good file of each format
(.txt in several encodings, .md, .html, .rtf, .docx, .odt, .pdf, a .copydesk
session, an unknown extension); `inputs()` is a hypothesis strategy of
(suffix, bytes): random bytes, or a sample mutated by byte flips, inserts,
deletions, duplications, truncation and splices. `run_one` loads the bytes as
Copydesk would and, when they give text, analyses the article against a seed
and writes the JSON and HTML reports in memory. It returns "text", "refused"
or "session"; anything else it raises is a crash.
"""

from __future__ import annotations

import json
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from loader_fixtures import make_docx, make_odt, make_pdf  # noqa: E402

DATA = HERE.parent / "data"
ANALYSE_CHARS = 20_000  # longer texts are loaded but not analysed (the analysis is bounded elsewhere)

_PARAGRAPHS = [
    "Harbour bridge reopens after repairs",
    "The old harbour bridge in Port Elwen reopened to traffic on Monday, eleven months after "
    "engineers closed it. Repairs cost 4.2 million pounds, the council said.",
    "\u201cIt is long overdue,\u201d said Ana\u00efs Durand, who runs the caf\u00e9 on Quay Street.",
]


@lru_cache(maxsize=1)
def sample_files() -> tuple[tuple[str, bytes], ...]:
    """One good file of every supported format, as (suffix, bytes)."""
    text = "\n".join(_PARAGRAPHS) + "\n"
    out = [(".txt", text.encode("utf-8")), (".txt", text.encode("utf-16")),
           (".txt", text.encode("cp1252")), (".txt", "Мэр сказал, что мост открыт.".encode("koi8-r")),
           (".txt", "\u6e2f\u306e\u6a4b\u304c\u518d\u958b\u3057\u305f\u3002".encode("shift_jis")),
           (".text", text.encode("utf-8-sig"))]
    for name in ("article.html", "article.md", "article.rtf", "literal_markup.txt"):
        out.append((Path(name).suffix, (DATA / name).read_bytes()))
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        out.append((".docx", make_docx(t / "a.docx", [("Title", _PARAGRAPHS[0]), ("", _PARAGRAPHS[1]),
                                                       ("", _PARAGRAPHS[2])], title="Bridge").read_bytes()))
        out.append((".odt", make_odt(t / "a.odt", [("h", _PARAGRAPHS[0]), ("p", _PARAGRAPHS[1])],
                                     title="Bridge").read_bytes()))
        out.append((".pdf", make_pdf(t / "a.pdf", [[_PARAGRAPHS[0], "", _PARAGRAPHS[1][:80],
                                                    _PARAGRAPHS[1][80:]], ["Page two line."]],
                                     title="Bridge", footer="Page {n} of 2").read_bytes()))
    session = {"schema": "copydesk.session/1",
               "articles": [{"letter": "A", "path": None, "title": "Bridge", "text": text,
                             "encoding": None},
                            {"letter": "B", "path": "gone.txt", "title": "Other",
                             "text": _PARAGRAPHS[1], "encoding": "utf-8"}],
               "order": ["A", "B"], "base": "A", "view_mode": "diff",
               "options": {"sync_scroll": True},
               "marks": [{"target": "k", "mark": "verified", "note": "checked"}]}
    out.append((".copydesk", json.dumps(session).encode("utf-8")))
    out.append((".download", (DATA / "article.html").read_bytes()))
    return tuple(out)


SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".odt",
            ".rtf", ".pdf", ".copydesk", ".bin")


@st.composite
def _mutated(draw) -> tuple[str, bytes]:
    suffix, data = draw(st.sampled_from(sample_files()))
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "set", "insert", "delete", "duplicate", "truncate",
                                     "splice", "interesting"]))
        n = len(buf)
        at = draw(st.integers(0, max(0, n - 1)))
        if kind == "flip" and n:
            buf[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set" and n:
            buf[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            buf[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "delete" and n:
            del buf[at:at + draw(st.integers(1, 256))]
        elif kind == "duplicate" and n:
            piece = buf[at:at + draw(st.integers(1, 512))]
            buf[at:at] = piece * draw(st.integers(1, 8))
        elif kind == "truncate":
            del buf[at:]
        elif kind == "splice":
            _, other = draw(st.sampled_from(sample_files()))
            cut = draw(st.integers(0, len(other)))
            buf[at:] = other[cut:]
        elif kind == "interesting" and n:
            value = draw(st.sampled_from([b"\x00", b"\xff", b"\xff\xfe", b"\xef\xbb\xbf", b"{",
                                          b"}", b"\\", b"<", b"(", b"0 R", b"obj", b"\\u-1?",
                                          b"\xff\xff\xff\x7f", b"99999999"]))
            buf[at:at + len(value)] = value
    if draw(st.booleans()):
        suffix = draw(st.sampled_from(SUFFIXES))  # the wrong reader for these bytes
    return suffix, bytes(buf)


def inputs():
    """Hypothesis strategy of (suffix, bytes): random bytes, or a mutated good file."""
    random_bytes = st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=4096))
    return st.one_of(random_bytes, _mutated(), _mutated())


@lru_cache(maxsize=1)
def _seed_article():
    from viewer.core.formats.loaders import load_article, seed_paths
    return load_article(seed_paths()[0], "A")


def _analyse(articles) -> None:
    from viewer.core.comparison import compare
    from viewer.core.report.export import to_html, to_json

    if not articles or sum(len(a.text) for a in articles) > ANALYSE_CHARS:
        return
    comp = compare(articles, articles[0].id)
    json.loads(to_json(comp))
    assert isinstance(to_html(comp), str)


def run_one(suffix: str, data: bytes) -> str:
    """Load `data` as a file named *suffix and analyse what it holds; the outcome's kind."""
    from viewer.core.formats import FormatError
    from viewer.core.formats.loaders import article_from_text, extract, normalise_text
    from viewer.core.review.session import SessionError, session_articles, session_from_json

    if suffix == ".copydesk":
        try:
            session = session_from_json(data.decode("utf-8"), "fuzz.copydesk")
        except (UnicodeDecodeError, SessionError):
            return "refused"
        _analyse(session_articles(session))
        return "session"
    try:
        found = extract(f"fuzz{suffix}", data)
    except FormatError as exc:
        assert isinstance(exc.reason, str) and exc.reason
        return "refused"
    text = normalise_text(found.text)
    assert isinstance(text, str)
    if not text.strip():
        return "refused"
    article = article_from_text(text, "B", found.title)
    _analyse([_seed_article(), article])
    return "text"
