"""Session files (`.copydesk`, schema copydesk.session/1): a comparison the editor can come back to.

A session holds a snapshot of every article's text as it was read (so it opens even when a file
moved or changed), the pane order, the base, the view mode, the options and the review marks.
Saving is atomic (`export.write_atomic`); loading only reads. Every problem with a session file is
one `SessionError` whose message names the file and says what is wrong.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..formats.loaders import LoadError, load_article
from ..text.article import Article
from ..util.atomic import write_atomic

__all__ = ["CHANGED", "MARKS", "MOVED", "READ_DIFFERENTLY", "SCHEMA", "SUFFIX", "ReviewMark", "Session",
           "SessionArticle", "SessionError", "load_session", "save_session", "session_articles",
           "session_dict", "session_from_json", "session_to_json", "stale_articles"]

SCHEMA = "copydesk.session/1"
SUFFIX = ".copydesk"
MARKS = ("verified", "disputed", "needs-attribution")
MAX_SESSION_BYTES = 256 * 1024 * 1024

MOVED = "moved or deleted"
CHANGED = "changed on disk since the session was saved"
READ_DIFFERENTLY = "unchanged on disk, but this version of Copydesk reads it differently"

_SCHEMA_RE = re.compile(r"copydesk\.session/(\d+)")
_VERSION = 1
_LETTER_RE = re.compile(r"[A-Z]+")


class SessionError(Exception):
    """A session that cannot be read or is not valid; `str()` is the message for the user."""

    def __init__(self, reason: str, source: str = ""):
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}" if self.source else reason)


@dataclass(frozen=True)
class SessionArticle:
    """One article of a session: its letter, where it came from (None when pasted) and its text.

    `encoding_uncertain` keeps the pane's "uncertain encoding" warning across a save and reopen;
    `digest` (SHA-256 of the file's bytes when it was read) tells, on reopening, a file changed
    on disk from an unchanged one that this version of Copydesk reads differently."""

    letter: str
    path: str | None
    title: str
    text: str
    encoding: str | None = None
    encoding_uncertain: bool = False
    digest: str | None = None


@dataclass(frozen=True)
class ReviewMark:
    """An editor's mark on a claim or conflict; `target` is a key from `marks.claim_key`."""

    target: str
    mark: str
    note: str = ""

    def __post_init__(self) -> None:
        if self.mark not in MARKS:
            raise ValueError(f"unknown mark {self.mark!r}; expected one of {', '.join(MARKS)}")
        if not self.target:
            raise ValueError("a mark needs a target")


@dataclass(frozen=True)
class Session:
    """Everything a `.copydesk` file holds. Marks are kept sorted by target, one per target."""

    articles: tuple[SessionArticle, ...]
    order: tuple[str, ...]
    base: str | None
    view_mode: str = "diff"
    options: dict = field(default_factory=dict)
    marks: tuple[ReviewMark, ...] = ()

    def __post_init__(self) -> None:
        articles, order = tuple(self.articles), tuple(self.order)
        marks = tuple(sorted(self.marks, key=lambda m: m.target))
        letters = [a.letter for a in articles]
        for letter in letters:
            if not isinstance(letter, str) or not _LETTER_RE.fullmatch(letter):
                raise ValueError(f"article letter {letter!r} is not A, B, ..., Z, AA, ...")
        if len(set(letters)) != len(letters):
            raise ValueError("article letters must be unique")
        if sorted(order) != sorted(letters):
            raise ValueError(f"pane order {list(order)} must list each article letter "
                             f"{letters} exactly once")
        if self.base is not None and self.base not in letters:
            raise ValueError(f"base {self.base!r} is not one of the articles {letters}")
        targets = [m.target for m in marks]
        if len(set(targets)) != len(targets):
            raise ValueError("more than one mark on the same claim or conflict")
        object.__setattr__(self, "articles", articles)
        object.__setattr__(self, "order", order)
        object.__setattr__(self, "options", dict(self.options))
        object.__setattr__(self, "marks", marks)


# -- writing ---------------------------------------------------------------------------------------

def session_dict(session: Session) -> dict:
    """The session as plain JSON values, in file order."""
    return {
        "schema": SCHEMA,
        "base": session.base,
        "order": list(session.order),
        "view_mode": session.view_mode,
        "options": session.options,
        "marks": [{"target": m.target, "mark": m.mark, "note": m.note} for m in session.marks],
        "articles": [{"letter": a.letter, "path": a.path, "title": a.title,
                      "encoding": a.encoding, **_uncertain_key(a), **_digest_key(a), "text": a.text}
                     for a in session.articles],
    }


def _uncertain_key(article: SessionArticle) -> dict:
    """The optional `encoding_uncertain` key: written only when set, so older files stay the same."""
    return {"encoding_uncertain": True} if article.encoding_uncertain else {}


def _digest_key(article: SessionArticle) -> dict:
    """The optional `digest` key: written only for articles read from a file."""
    return {"digest": article.digest} if article.digest else {}


def session_to_json(session: Session) -> str:
    """The session file's text: deterministic (same session, same bytes), trailing newline.

    Raises ValueError when `options` holds something JSON cannot store exactly.
    """
    data = session_dict(session)
    kw = dict(indent=1, allow_nan=False)
    # Options are free-form: sort their keys; the rest keeps its documented order.
    data["options"] = json.loads(json.dumps(session.options, sort_keys=True, allow_nan=False))
    text = json.dumps(data, ensure_ascii=False, **kw)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (odd pasted text): keep them as \\u escapes
        text = json.dumps(data, ensure_ascii=True, **kw)
    return text + "\n"


def save_session(path: str | os.PathLike, session: Session) -> None:
    """Write the session to `path` atomically: the old file stays whole until the new one is."""
    write_atomic(path, session_to_json(session).encode("utf-8"))


# -- reading ---------------------------------------------------------------------------------------

def _kind(value: object) -> str:
    """A JSON type name for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    return {dict: "an object", list: "a list", str: "a string", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)


def _get(obj: dict, key: str, types: tuple, where: str, source: str, default=...):
    """obj[key] checked against `types` (None in `types` allows null)."""
    if key not in obj:
        if default is not ...:
            return default
        raise SessionError(f"{where} is missing the {key!r} entry", source)
    value = obj[key]
    allowed = tuple(t for t in types if t is not None)
    if (value is None and None in types) or (isinstance(value, allowed)
                                               and (bool in allowed or not isinstance(value, bool))):
        return value
    names = " or ".join("null" if t is None else {str: "a string", list: "a list", dict: "an object",
                                                        bool: "true or false"}
                        [t] for t in types)
    raise SessionError(f"{where}: {key!r} must be {names}, not {_kind(value)}", source)


def _check_schema(data: dict, source: str) -> None:
    schema = data.get("schema")
    if schema is None:
        raise SessionError("not a Copydesk session (no schema)", source)
    if schema == SCHEMA:
        return
    m = _SCHEMA_RE.fullmatch(schema) if isinstance(schema, str) else None
    if m and int(m.group(1)) > _VERSION:
        raise SessionError(f"made by a newer Copydesk (schema {schema}); update Copydesk to "
                           f"open it", source)
    raise SessionError(f"unknown schema {schema!r} (this Copydesk reads {SCHEMA})", source)


def _ends_early(text: str, exc: json.JSONDecodeError) -> bool:
    """True when the JSON error comes from the text stopping short (a truncated file)."""
    tail = text[exc.pos:].rstrip()
    return (not tail or exc.msg.startswith("Unterminated string")
            or any(word.startswith(tail) for word in ("true", "false", "null", "-")))


def _parse(text: str, source: str) -> dict:
    if not text.strip():
        raise SessionError("the file is empty", source)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if _ends_early(text, exc):
            raise SessionError("the file is truncated (it ends in the middle of the session)",
                               source) from None
        raise SessionError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                           source) from None
    except RecursionError:
        raise SessionError("not valid JSON (nested too deeply)", source) from None
    if not isinstance(data, dict):
        raise SessionError(f"not a Copydesk session (the file holds {_kind(data)}, "
                           f"not an object)", source)
    return data


def session_from_json(text: str, source: str = "") -> Session:
    """Parse a session file's text; SessionError (naming `source`) when it is not a valid session."""
    data = _parse(text, source)
    _check_schema(data, source)
    articles = []
    for k, item in enumerate(_get(data, "articles", (list,), "the session", source)):
        where = f"articles[{k}]"
        if not isinstance(item, dict):
            raise SessionError(f"{where} must be an object, not {_kind(item)}", source)
        articles.append(SessionArticle(
            letter=_get(item, "letter", (str,), where, source),
            path=_get(item, "path", (str, None), where, source, None),
            title=_get(item, "title", (str,), where, source),
            text=_get(item, "text", (str,), where, source),
            encoding=_get(item, "encoding", (str, None), where, source, None),
            encoding_uncertain=_get(item, "encoding_uncertain", (bool,), where, source, False),
            digest=_get(item, "digest", (str, None), where, source, None)))
    if not articles:
        raise SessionError("the session has no articles", source)
    order = _get(data, "order", (list,), "the session", source)
    if not all(isinstance(x, str) for x in order):
        raise SessionError("'order' must be a list of article letters", source)
    marks = []
    for k, item in enumerate(_get(data, "marks", (list,), "the session", source, [])):
        where = f"marks[{k}]"
        if not isinstance(item, dict):
            raise SessionError(f"{where} must be an object, not {_kind(item)}", source)
        target = _get(item, "target", (str,), where, source)
        mark = _get(item, "mark", (str,), where, source)
        if mark not in MARKS:
            raise SessionError(f"{where}: unknown mark {mark!r} (expected one of "
                               f"{', '.join(MARKS)})", source)
        marks.append(ReviewMark(target, mark, _get(item, "note", (str,), where, source, "")))
    try:
        return Session(
            articles=tuple(articles), order=tuple(order),
            base=_get(data, "base", (str, None), "the session", source),
            view_mode=_get(data, "view_mode", (str,), "the session", source, "diff"),
            options=_get(data, "options", (dict,), "the session", source, {}),
            marks=tuple(marks))
    except ValueError as exc:
        raise SessionError(str(exc), source) from None


def load_session(path: str | os.PathLike) -> Session:
    """Read a session file (read-only); SessionError naming the file when it cannot be opened."""
    p = Path(path)
    try:
        if not p.exists():
            raise SessionError("file not found", path)
        if p.is_dir():
            raise SessionError("is a folder, not a session file", path)
        with open(p, "rb") as fh:
            data = fh.read(MAX_SESSION_BYTES + 1)
    except PermissionError:
        raise SessionError("permission denied", path) from None
    except OSError as exc:
        raise SessionError(f"cannot be read ({exc.strerror or exc})", path) from None
    if len(data) > MAX_SESSION_BYTES:
        raise SessionError("too large to be a session file", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SessionError(f"not a Copydesk session (not UTF-8 text at byte {exc.start})",
                           path) from None
    return session_from_json(text, str(path))


# -- the articles of a session ---------------------------------------------------------------------

def session_articles(session: Session) -> list[Article]:
    """The session's articles built from their snapshots (ids = letters), in session order."""
    return [Article(a.letter, a.title, a.text, a.path, a.encoding,
                    encoding_uncertain=a.encoding_uncertain, digest=a.digest) for a in session.articles]


def _reload_differs(article: SessionArticle) -> str | None:
    """Why the file of `article` no longer gives its snapshot, or None when it still does."""
    assert article.path is not None
    if not Path(article.path).is_file():
        return MOVED
    encodings = [None] + ([article.encoding] if article.encoding else [])
    reason = None
    for encoding in encodings:
        try:
            found = load_article(article.path, article.letter, encoding=encoding)
            if found.text == article.text:
                return None
            reason = READ_DIFFERENTLY if article.digest and found.digest == article.digest else CHANGED
        except LoadError as exc:
            if exc.reason == "file not found":
                return MOVED
            reason = reason or f"cannot be read now ({exc.reason})"
    return reason


def stale_articles(session: Session) -> list[tuple[str, str]]:
    """(letter, reason) for each article whose file is missing or now reads differently.

    Files are re-read read-only with the loaders (slow for big PDFs: call it off the GUI thread).
    Pasted articles (no path) are never stale.
    """
    out = []
    for article in session.articles:
        if article.path is not None:
            reason = _reload_differs(article)
            if reason:
                out.append((article.letter, reason))
    return out
