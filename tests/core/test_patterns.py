"""`util.patterns`: `regex` patterns that keep the GIL while they match, used everywhere.

`regex` releases the GIL around each match on a str unless told not to; many short matches in
a worker thread then starve the window's thread (see the module docstring; measured by
bench/responsiveness_bench.py, not here: no timed tests). These tests pin the default each call
passes, that results are those of `regex` itself, and that no module of the package compiles a
`regex` pattern any other way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import regex

from viewer.core.util import patterns

VIEWER = Path(__file__).resolve().parents[2] / "viewer"


class _Recorder:
    """A stand-in compiled pattern that records the `concurrent` argument of each call."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, object]] = []

    def __getattr__(self, name):
        def call(*args, **kwargs):
            self.seen.append((name, kwargs.get("concurrent")))
        return call


def test_every_call_keeps_the_gil_unless_asked():
    recorder = _Recorder()
    pattern = patterns.Pattern(recorder)
    for name in ("match", "fullmatch", "search", "finditer", "findall", "split"):
        getattr(pattern, name)("text")
    pattern.sub("", "text")
    pattern.findall("text", concurrent=True)
    assert recorder.seen[:-1] == [(name, False) for name in
                                  ("match", "fullmatch", "search", "finditer", "findall", "split", "sub")]
    assert recorder.seen[-1] == ("findall", True)


def test_results_are_those_of_regex():
    text = "Kim Yong-hyun said 24 soldiers, 25 troopers <<"
    for source in (r"\p{Lu}\p{Ll}+", r"\d+", r"\s*<+$"):
        ours, theirs = patterns.compile(source), regex.compile(source)
        assert ours.findall(text) == theirs.findall(text)
        assert [m.span() for m in ours.finditer(text, 3)] == [m.span() for m in theirs.finditer(text, 3)]
        assert ours.sub("#", text) == theirs.sub("#", text)
        assert ours.split(text) == theirs.split(text)
    assert patterns.compile(r"(?P<w>\w+)").groupindex == {"w": 1}


def test_no_module_compiles_a_regex_pattern_directly():
    direct = []
    for path in VIEWER.rglob("*.py"):
        if path.name == "patterns.py" and path.parent.name == "util":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "regex"
                    and node.func.attr != "sub"):  # (regex.sub on a pattern's source, at import)
                direct.append(f"{path.relative_to(VIEWER.parent)}:{node.lineno} regex.{node.func.attr}")
    assert direct == []
