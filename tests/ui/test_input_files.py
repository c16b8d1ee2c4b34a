"""Every file of the loader corpus through the GUI and the headless path, and arbitrary bytes
through decoding and analysis."""

import argparse
import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.ui.articlepane import WIDE_HEADER

CORE_TESTS = Path(__file__).resolve().parent.parent / "core"
sys.path.insert(0, str(CORE_TESTS))
_spec = importlib.util.spec_from_file_location("loader_cases", CORE_TESTS / "test_loaders.py")
cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cases)

# A folder given where a file is expected is opened as a folder by the GUI and the command
# line (every article in it), so it is not a bad input there; the loader tests cover it.
BAD = [b for b in cases.BAD if b[0] != "directory"]
REFERENCE = "The harbour bridge reopened on Monday after months of repairs, the council said.\n"


def _reference(tmp_path):
    ref = tmp_path / "reference.txt"
    ref.write_text(REFERENCE, encoding="utf-8")
    return ref


def _export(paths, out):
    from viewer.cli import run_headless
    err = io.StringIO()
    code = run_headless(argparse.Namespace(export=str(out), files=[str(p) for p in paths], base=None,
                                         triage=None), err)
    return code, err.getvalue()


@pytest.mark.parametrize("build", [g[1] for g in cases.GOOD], ids=[g[0] for g in cases.GOOD])
def test_good_file_headless(tmp_path, build):
    path = build(tmp_path)
    code, err = _export([path, _reference(tmp_path)], tmp_path / "out.json")
    assert code == 0, err
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    expected = cases.load_article(path).text
    assert data["articles"][0]["text"] == expected


@pytest.mark.parametrize("build,reason", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_file_headless(tmp_path, build, reason):
    path = build(tmp_path)
    code, err = _export([path, _reference(tmp_path)], tmp_path / "out.json")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and reason in lines[0]
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [a["text"] for a in data["articles"]] == [REFERENCE]  # the readable one still analysed


@pytest.mark.parametrize("build", [g[1] for g in cases.GOOD], ids=[g[0] for g in cases.GOOD])
def test_good_file_in_the_window(make_window, tmp_path, build):
    path = build(tmp_path)
    win = make_window([str(path), str(_reference(tmp_path))])
    assert not win.error_bar.isVisible()
    assert win.panes["A"].text.toPlainText() == cases.load_article(path).text


@pytest.mark.parametrize("build,reason", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_file_in_the_window(make_window, tmp_path, build, reason):
    path = build(tmp_path)
    win = make_window([str(path), str(_reference(tmp_path))])
    text = "\n".join(win.error_bar.messages)
    assert str(path) in text and reason in text
    assert [p.text.toPlainText() for p in win.panes.values()] == [REFERENCE]


SUFFIXES = [".txt", ".md", ".html", ".rtf", ".docx", ".odt", ".pdf", ".dat"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_decode_and_analyse_without_raising(tmp_path, data, suffix):
    from viewer.core.comparison import compare
    from viewer.core.formats.loaders import LoadError, load_article
    from viewer.core.text.article import Article
    path = tmp_path / f"blob{suffix}"
    path.write_bytes(data)
    try:
        art = load_article(path, "A")
    except LoadError:
        return
    comp = compare([art, Article("B", "ref", REFERENCE)])
    assert comp.pair("A", "B").similarity >= 0


def _legacy_pair(make_window, tmp_path):
    """A window with a one-line title with a single accented letter (Windows-1252 and -1250
    read it almost alike, so the guess is flagged) and a long KOI8-R text (a sure guess)."""
    short = tmp_path / "short.txt"
    short.write_bytes("Lyon inaugure une ligne de tramway très attendue\n".encode("cp1252"))
    russian = tmp_path / "russian.txt"
    russian.write_bytes((CORE_TESTS.parent / "data" / "encodings" / "ru-2.koi8-r.txt").read_bytes())
    win = make_window([str(short), str(russian)])
    return (win, *(win.panes[x] for x in win.order))


def test_pane_says_which_encoding_was_used_and_flags_an_uncertain_guess(make_window, tmp_path,
                                                                      qtbot):
    win, a, b = _legacy_pair(make_window, tmp_path)
    assert not a.encoding_button.isHidden() and not b.encoding_button.isHidden()
    assert "uncertain encoding" in a.encoding_button.text()
    assert a.encoding_button.text().endswith("iso-8859-1: uncertain encoding")
    assert b.encoding_button.text() == "koi8-r" and "Морозы" in b.article.text
    assert a.encoding_button.menu() is a.encoding_menu  # a click offers to reopen
    win.reopen_with_encoding(a.letter, "windows-1250")  # the user's choice is not a guess
    qtbot.waitUntil(lambda: not win.runner.is_busy()
                    and win.panes[a.letter].article.encoding == "windows-1250", timeout=10000)
    pane = win.panes[a.letter]
    assert pane.encoding_button.text() == "windows-1250" and "trčs" in pane.article.text


def test_a_unicode_file_keeps_the_header_for_its_title(make_window, tmp_path):
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text("Zürich: der Stadtrat beschließt neue Tramlinien\n", encoding="utf-8")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes((CORE_TESTS.parent / "data" / "encodings" / "ru-2.koi8-r.txt").read_bytes())
    win = make_window([str(utf8), str(legacy)])
    a, b = (win.panes[x] for x in win.order)
    assert a.article.encoding.startswith("utf-8") and a.encoding_button.isHidden()
    assert "Read as utf-8" in a.title.toolTip()
    assert not b.encoding_button.isHidden() and b.encoding_button.text() == "koi8-r"


def test_a_narrow_pane_keeps_its_header_for_the_title(make_window, tmp_path):
    """Five panes side by side: a sure legacy encoding leaves the header to the title (its
    tooltip still says it), an uncertain guess shrinks to its warning sign."""
    _win, a, b = _legacy_pair(make_window, tmp_path)
    for pane in (a, b):
        pane.resize(WIDE_HEADER - 60, pane.height())
    assert b.encoding_button.isHidden() and "Read as koi8-r" in b.title.toolTip()
    assert not a.encoding_button.isHidden() and a.encoding_button.text() == "\u26a0"
    assert "uncertain" in a.encoding_button.accessibleName()
    for pane in (a, b):
        pane.resize(WIDE_HEADER + 60, pane.height())
    assert b.encoding_button.text() == "koi8-r" and not b.encoding_button.isHidden()
    assert a.encoding_button.text().endswith("uncertain encoding")
