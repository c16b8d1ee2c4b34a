"""Patterns of the `regex` module that keep the interpreter's lock while they match.

On a `str`, `regex` releases the GIL around every match unless told not to (`concurrent`). A
worker thread that alternates Python work with many short matches then lets go of the lock and
takes it straight back at each one, and a thread waiting for its turn (the window's) is passed
over again and again: a loop of short `sub` calls beside a little Python work kept another thread
waiting 0.9 s, and opening two 100,000-word texts froze the window for 120-200 ms at a time
(bench/responsiveness_bench.py). Patterns compiled here match with `concurrent=False` unless a
call asks otherwise: one long match over a whole text may still let other threads run
(`concurrent=True`), as it hands the lock back only once.
"""

from __future__ import annotations

from typing import Any

import regex


class Pattern:
    """A compiled `regex` pattern whose calls keep the GIL by default (see the module docstring);
    other attributes (`pattern`, `groupindex`, ...) are the compiled pattern's."""

    __slots__ = ("_compiled",)

    def __init__(self, compiled: regex.Pattern) -> None:
        self._compiled = compiled

    def match(self, string: str, *args: Any, concurrent: bool = False, **kwargs: Any):
        """`regex.Pattern.match`."""
        return self._compiled.match(string, *args, concurrent=concurrent, **kwargs)

    def fullmatch(self, string: str, *args: Any, concurrent: bool = False, **kwargs: Any):
        """`regex.Pattern.fullmatch`."""
        return self._compiled.fullmatch(string, *args, concurrent=concurrent, **kwargs)

    def search(self, string: str, *args: Any, concurrent: bool = False, **kwargs: Any):
        """`regex.Pattern.search`."""
        return self._compiled.search(string, *args, concurrent=concurrent, **kwargs)

    def finditer(self, string: str, *args: Any, concurrent: bool = False, **kwargs: Any):
        """`regex.Pattern.finditer`."""
        return self._compiled.finditer(string, *args, concurrent=concurrent, **kwargs)

    def findall(self, string: str, *args: Any, concurrent: bool = False, **kwargs: Any) -> list:
        """`regex.Pattern.findall`."""
        return self._compiled.findall(string, *args, concurrent=concurrent, **kwargs)

    def sub(self, repl: Any, string: str, *args: Any, concurrent: bool = False, **kwargs: Any) -> str:
        """`regex.Pattern.sub`."""
        return self._compiled.sub(repl, string, *args, concurrent=concurrent, **kwargs)

    def split(self, string: str, *args: Any, concurrent: bool = False, **kwargs: Any) -> list:
        """`regex.Pattern.split`."""
        return self._compiled.split(string, *args, concurrent=concurrent, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._compiled, name)


def compile(pattern: str, flags: int = 0) -> Pattern:
    """`regex.compile(pattern, flags)`, matching with the GIL held (see the module docstring)."""
    return Pattern(regex.compile(pattern, flags))
