"""Session files: round trip, determinism, atomic saves, schema errors, stale articles."""

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.formats.loaders import load_article
from viewer.core.review.session import (
    CHANGED,
    MOVED,
    READ_DIFFERENTLY,
    SCHEMA,
    ReviewMark,
    Session,
    SessionArticle,
    SessionError,
    load_session,
    save_session,
    session_articles,
    session_from_json,
    session_to_json,
    stale_articles,
)
from viewer.core.util import atomic

ROOT = Path(__file__).resolve().parents[2]

TEXT_A = "Council passes budget\n\nThe council passed the budget on Monday. It rose 4 percent.\n"
TEXT_B = "Budget approved 🎉\n\nThe council approved the budget on Monday night — “a 5% rise”.\n"


def make_session(**changes) -> Session:
    fields = dict(
        articles=(SessionArticle("A", "/news/a.txt", "Council passes budget", TEXT_A, "utf-8"),
                  SessionArticle("B", None, "Budget approved 🎉", TEXT_B, None)),
        order=("B", "A"), base="A", view_mode="side-by-side",
        options={"min_phrase": 6, "ignore_case": True, "nested": {"z": 1, "a": [1, 2]}},
        marks=(ReviewMark("claim:00ff/conflict:12", "disputed", "A says 4, B says 5 <b>"),
               ReviewMark("claim:00aa", "verified", "checked with the council's minutes")))
    fields.update(changes)
    return Session(**fields)


def snapshot(folder: Path) -> dict:
    """Every file in `folder` with its bytes and mtime."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


# -- round trip and determinism --------------------------------------------------------------------

def test_round_trip_gives_an_equal_session(tmp_path):
    session = make_session()
    path = tmp_path / "work.copydesk"
    save_session(path, session)
    assert load_session(path) == session
    data = json.loads(path.read_text("utf-8"))
    assert data["schema"] == SCHEMA
    assert [a["letter"] for a in data["articles"]] == ["A", "B"]
    assert data["articles"][1]["path"] is None


def test_an_uncertain_encoding_is_kept_and_older_files_still_read(tmp_path):
    guessed = SessionArticle("A", "/news/a.txt", "Haber", "F\u0131rt\u0131na", "windows-1254",
                             encoding_uncertain=True)
    session = make_session(articles=(guessed, make_session().articles[1]))
    path = tmp_path / "guessed.copydesk"
    save_session(path, session)
    data = json.loads(path.read_text("utf-8"))
    assert data["articles"][0]["encoding_uncertain"] is True
    assert "encoding_uncertain" not in data["articles"][1]   # unset: the key is left out
    loaded = load_session(path)
    assert [a.encoding_uncertain for a in loaded.articles] == [True, False]
    assert [a.encoding_uncertain for a in session_articles(loaded)] == [True, False]
    data["articles"][0]["encoding_uncertain"] = "yes"
    with pytest.raises(SessionError, match="true or false"):
        session_from_json(json.dumps(data))


def test_saving_is_deterministic_and_sorted(tmp_path):
    one, two = tmp_path / "1.copydesk", tmp_path / "2.copydesk"
    save_session(one, make_session())
    reordered = make_session(options={"nested": {"a": [1, 2], "z": 1}, "ignore_case": True,
                                      "min_phrase": 6},
                             marks=tuple(reversed(make_session().marks)))
    save_session(two, reordered)
    assert one.read_bytes() == two.read_bytes()
    assert session_to_json(make_session()) == session_to_json(make_session())
    assert one.read_bytes().endswith(b"\n")


def test_session_articles_come_from_the_snapshots():
    arts = session_articles(make_session())
    assert [(a.id, a.text, a.path, a.title) for a in arts] == [
        ("A", TEXT_A, "/news/a.txt", "Council passes budget"), ("B", TEXT_B, None, "Budget approved 🎉")]


def test_lone_surrogates_survive(tmp_path):
    text = "pasted \ud83d text"
    session = make_session(articles=(SessionArticle("A", None, "t", text, None),
                                     SessionArticle("B", None, "u", "x", None)))
    save_session(tmp_path / "s.copydesk", session)
    assert load_session(tmp_path / "s.copydesk").articles[0].text == text


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
json_values = st.recursive(st.none() | st.booleans() | st.integers() | texts
                           | st.floats(allow_nan=False, allow_infinity=False),
                           lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(texts, inner, max_size=3), max_leaves=8)


@settings(max_examples=60, deadline=None)
@given(bodies=st.lists(texts, min_size=1, max_size=4), note=texts,
       options=st.dictionaries(texts, json_values, max_size=4), mode=texts)
def test_any_session_round_trips_through_json(bodies, note, options, mode):
    letters = "ABCD"[:len(bodies)]
    session = Session(tuple(SessionArticle(x, None if k % 2 else f"/x/{x}.txt", f"T{x}", body, None)
                            for k, (x, body) in enumerate(zip(letters, bodies))),
                      tuple(reversed(letters)), letters[-1], mode, options,
                      (ReviewMark("claim:1", "needs-attribution", note),))
    text = session_to_json(session)
    assert session_from_json(text) == session
    assert session_to_json(session_from_json(text)) == text


# -- atomic saves ----------------------------------------------------------------------------------

@pytest.mark.parametrize("broken", ["replace", "fsync", "write"])
def test_interrupted_save_keeps_the_previous_file(tmp_path, monkeypatch, broken):
    path = tmp_path / "work.copydesk"
    save_session(path, make_session())
    before = snapshot(tmp_path)

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if broken == "replace":
        monkeypatch.setattr(atomic.os, "replace", fail)
    elif broken == "fsync":
        monkeypatch.setattr(atomic.os, "fsync", fail)
    else:
        real_fdopen = os.fdopen

        class FailingFile:
            def __init__(self, fh):
                self.fh = fh

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.fh.close()

            def write(self, data):
                self.fh.write(data[: len(data) // 2])  # half the bytes, then the disk fills up
                self.fh.flush()
                fail()

        monkeypatch.setattr(atomic.os, "fdopen", lambda *a, **k: FailingFile(real_fdopen(*a, **k)))
    with pytest.raises(OSError):
        save_session(path, make_session(view_mode="claims", marks=()))
    assert snapshot(tmp_path) == before  # same file, same bytes, no temp file left
    assert load_session(path) == make_session()


def test_save_killed_before_rename_leaves_the_previous_file(tmp_path):
    path = tmp_path / "work.copydesk"
    save_session(path, make_session())
    original = path.read_bytes()
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from viewer.core.util import atomic
        from viewer.core.review.session import Session, SessionArticle, save_session
        atomic.os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
        s = Session((SessionArticle("A", None, "t", "new text " * 10000, None),), ("A",), "A")
        save_session({str(path)!r}, s)
    """)
    proc = subprocess.run([sys.executable, "-c", script], timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert path.read_bytes() == original
    assert load_session(path) == make_session()


# -- errors ----------------------------------------------------------------------------------------

GOOD = session_to_json(make_session())


def _with(**changes) -> str:
    data = json.loads(GOOD)
    for key, value in changes.items():
        if value is ...:
            del data[key]
        else:
            data[key] = value
    return json.dumps(data)


def _article_with(**changes) -> str:
    data = json.loads(GOOD)
    for key, value in changes.items():
        if value is ...:
            del data["articles"][0][key]
        else:
            data["articles"][0][key] = value
    return json.dumps(data)


ERRORS = [
    ("newer", _with(schema="copydesk.session/2"), "made by a newer Copydesk (schema copydesk.session/2)"),
    ("unknown", _with(schema="otherapp.project/1"), "unknown schema 'otherapp.project/1'"),
    ("analysis", _with(schema="copydesk.analysis/1"), "unknown schema"),
    ("no schema", _with(schema=...), "not a Copydesk session (no schema)"),
    ("invalid json", GOOD.replace('"base"', "base", 1), "not valid JSON"),
    ("truncated", GOOD[: len(GOOD) // 2], "truncated"),
    ("empty", "", "the file is empty"),
    ("list", "[1, 2]", "not a Copydesk session"),
    ("missing articles", _with(articles=...), "missing the 'articles' entry"),
    ("missing order", _with(order=...), "missing the 'order' entry"),
    ("articles type", _with(articles="A"), "'articles' must be a list, not a string"),
    ("article type", _with(articles=[3]), "articles[0] must be an object, not a number"),
    ("text type", _article_with(text=None), "articles[0]: 'text' must be a string, not null"),
    ("title type", _article_with(title=7), "articles[0]: 'title' must be a string, not a number"),
    ("title missing", _article_with(title=...), "articles[0] is missing the 'title' entry"),
    ("options type", _with(options=[]), "'options' must be an object, not a list"),
    ("base type", _with(base=True), "'base' must be a string or null, not true/false"),
    ("unknown base", _with(base="Q"), "base 'Q' is not one of the articles"),
    ("bad order", _with(order=["A", "A"]), "pane order"),
    ("bad mark", _with(marks=[{"target": "claim:1", "mark": "approved"}]), "unknown mark 'approved'"),
    ("mark type", _with(marks=[{"target": 5, "mark": "verified"}]), "marks[0]: 'target' must be a string"),
    ("no articles", _with(articles=[], order=[], base=None), "the session has no articles"),
]


@pytest.mark.parametrize("name, content, message", ERRORS, ids=[e[0] for e in ERRORS])
def test_bad_session_files_give_a_clear_error_and_change_nothing(tmp_path, name, content, message):
    path = tmp_path / "bad.copydesk"
    path.write_text(content, "utf-8")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = snapshot(tmp_path)
    with pytest.raises(SessionError) as info:
        load_session(path)
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}: ")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("setup, message", [
    (lambda p: None, "file not found"),
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: p.write_bytes(b"\xff\xfe{\x00"), "not UTF-8 text"),
])
def test_unreadable_session_files(tmp_path, setup, message):
    path = tmp_path / "x.copydesk"
    setup(path)
    with pytest.raises(SessionError, match=message):
        load_session(path)


def test_session_validates_its_fields():
    with pytest.raises(ValueError):
        ReviewMark("claim:1", "approved")
    with pytest.raises(ValueError):
        make_session(order=("A",))
    with pytest.raises(ValueError):
        make_session(marks=(ReviewMark("k", "verified"), ReviewMark("k", "disputed")))
    with pytest.raises(ValueError):
        session_to_json(make_session(options={"x": float("nan")}))


# -- stale articles --------------------------------------------------------------------------------

def _session_of(*paths, encodings=None) -> Session:
    arts = []
    for k, path in enumerate(paths):
        art = load_article(path, "ABC"[k], encoding=(encodings or {}).get(k))
        arts.append(SessionArticle(art.id, art.path, art.title, art.text, art.encoding))
    arts.append(SessionArticle("Z", None, "pasted", "Pasted text.", None))
    return Session(tuple(arts), tuple(a.letter for a in arts), "A")


def test_stale_articles_after_edit_and_delete(tmp_path):
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text(TEXT_A, "utf-8")
    b.write_text(TEXT_B, "utf-8")
    c.write_bytes("Привет, мир. Это статья о бюджете.\n".encode("koi8-r"))
    session = _session_of(a, b, c, encodings={2: "koi8-r"})
    save_session(tmp_path / "s.copydesk", session)
    session = load_session(tmp_path / "s.copydesk")
    files_before = {p: p.read_bytes() for p in (a, b, c)}
    assert stale_articles(session) == []
    assert {p: p.read_bytes() for p in (a, b, c)} == files_before  # only read
    a.write_text(TEXT_A.replace("4 percent", "40 percent"), "utf-8")
    b.unlink()
    assert stale_articles(session) == [("A", CHANGED), ("B", MOVED)]
    # the session still opens from its snapshots
    assert [x.text for x in session_articles(session)][:2] == [TEXT_A, TEXT_B]


def test_an_unchanged_file_read_differently_is_not_called_changed(tmp_path):
    # A session saved by an older Copydesk holds the text its reader gave; when this version reads
    # the same bytes differently (say, new reflow rules), the file did not change on disk.
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT_A, "utf-8")
    b.write_text(TEXT_B, "utf-8")
    arts = [load_article(p, "AB"[k]) for k, p in enumerate((a, b))]
    assert all(art.digest and len(art.digest) == 64 for art in arts)
    older = [SessionArticle(art.id, art.path, art.title, art.text.replace("\n", " \n"), art.encoding,
                            digest=art.digest) for art in arts]
    session = session_from_json(session_to_json(Session(tuple(older), ("A", "B"), "A")))
    assert [x.digest for x in session.articles] == [art.digest for art in arts]  # kept in the file
    assert [x.digest for x in session_articles(session)] == [art.digest for art in arts]
    assert stale_articles(session) == [("A", READ_DIFFERENTLY), ("B", READ_DIFFERENTLY)]
    b.write_text(TEXT_B + " One more sentence.", "utf-8")
    assert stale_articles(session) == [("A", READ_DIFFERENTLY), ("B", CHANGED)]
    # a session without digests (older files) cannot tell: the file is reported as changed
    plain = Session(tuple(SessionArticle(x.letter, x.path, x.title, x.text, x.encoding) for x in older),
                    ("A", "B"), "A")
    assert '"digest"' not in session_to_json(plain)
    assert stale_articles(plain) == [("A", CHANGED), ("B", CHANGED)]


def test_unreadable_file_is_reported(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(TEXT_A, "utf-8")
    session = _session_of(a)
    a.write_bytes(b"")
    assert stale_articles(session) == [("A", "cannot be read now (the file is empty)")]


def test_core_session_modules_do_not_import_qt():
    code = ("import sys; import viewer.core.review.session, viewer.core.review.marks, viewer.core.review.recovery, "
            "viewer.core.report.markstable; assert not any(m.startswith('PySide6') for m in sys.modules)")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def test_every_truncation_is_reported_as_truncated():
    for cut in range(1, len(GOOD) - 1, 7):
        with pytest.raises(SessionError, match="truncated"):
            session_from_json(GOOD[:cut], "s.copydesk")
