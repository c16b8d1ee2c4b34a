"""Cancellation and progress shared by long core computations: a flag checked between steps."""

from __future__ import annotations

from typing import Callable, Optional

CancelCheck = Optional[Callable[[], bool]]
"""A `cancelled()` callable (or None): True asks the computation to stop."""

Progress = Optional[Callable[[int, int], None]]
"""A `progress(done, total)` callable (or None)."""


class Cancelled(Exception):
    """Raised by a core computation when its `cancelled()` callable returned True."""


def check(cancelled: CancelCheck) -> None:
    """Raise `Cancelled` if `cancelled` is given and returns True."""
    if cancelled is not None and cancelled():
        raise Cancelled()
