"""The one place where Python code-point offsets meet Qt's UTF-16 positions.

Qt counts text positions in UTF-16 code units; the core counts code points.
They differ after any character outside the Basic Multilingual Plane (emoji,
some CJK). `PositionMap` converts both ways for one text.
"""

from __future__ import annotations

import bisect
import re

_WIDE = re.compile("[\U00010000-\U0010FFFF]")


class PositionMap:
    """Convert offsets in one text between code points and UTF-16 units."""

    def __init__(self, text: str):
        # Code-point indices of the characters that take two UTF-16 units,
        # and the UTF-16 position just after each of them.
        self._wide = [] if text.isascii() else [m.start() for m in _WIDE.finditer(text)]
        self._wide_end16 = [i + k + 2 for k, i in enumerate(self._wide)]
        self.length = len(text)

    def to_qt(self, cp: int) -> int:
        """UTF-16 position of code-point offset `cp`."""
        return cp + bisect.bisect_left(self._wide, cp)

    def from_qt(self, pos16: int) -> int:
        """Code-point offset of UTF-16 position `pos16`."""
        cp = pos16 - bisect.bisect_right(self._wide_end16, pos16)
        return max(0, min(cp, self.length))
