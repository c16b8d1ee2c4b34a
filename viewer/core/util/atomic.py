"""Atomic file writing: a temporary file beside the target, fsynced, then renamed over it.

Every file Copydesk writes (sessions, autosaves, reports, exports) goes through here, so
an existing file is never left half-written and keeps its permissions.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_target(path: str | os.PathLike):
    """Yield a temporary path beside `path`; on success it is fsynced and renamed over it.

    An existing file keeps its permissions and is never left half-written: on any
    failure the temporary file is removed and the old file stays as it was.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    try:
        try:
            mode = target.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` via a temporary file, fsync, then rename over it."""
    with atomic_target(path) as tmp:
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_TRUNC), "wb") as fh:
            fh.write(data)
