"""Autosave and crash recovery, the part without a timer or dialog.

The window autosaves its session to `recovery_path(config_dir)` and, while it runs, keeps a small
marker naming its process (`mark_running`). A clean quit removes both. At the next start,
`crashed_recovery` (called *before* `mark_running`) returns the autosaved session only when the
process that wrote it is gone (crashed or killed), never while another instance is still running.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..util.atomic import write_atomic
from .session import Session, SessionError, load_session, save_session

__all__ = ["clear_recovery", "clear_running", "crashed_recovery", "mark_running", "read_recovery",
           "recovery_path", "running_path", "write_recovery"]

RECOVERY_NAME = "recovery.copydesk"
RUNNING_NAME = "running.json"


def recovery_path(config_dir: str | os.PathLike) -> Path:
    """Where the autosaved session lives."""
    return Path(config_dir) / RECOVERY_NAME


def running_path(config_dir: str | os.PathLike) -> Path:
    """Where the marker of the running process lives."""
    return Path(config_dir) / RUNNING_NAME


def write_recovery(config_dir: str | os.PathLike, session: Session) -> None:
    """Autosave `session` atomically (creating `config_dir` if needed)."""
    Path(config_dir).mkdir(parents=True, exist_ok=True)
    save_session(recovery_path(config_dir), session)


def read_recovery(config_dir: str | os.PathLike) -> Session | None:
    """The autosaved session, or None when there is none or it is unreadable (left untouched)."""
    path = recovery_path(config_dir)
    if not path.is_file():
        return None
    try:
        return load_session(path)
    except SessionError:
        return None


def clear_recovery(config_dir: str | os.PathLike) -> None:
    """Remove the autosaved session (after a clean quit, a save, or a declined restore)."""
    recovery_path(config_dir).unlink(missing_ok=True)


# -- which process owns the recovery file ----------------------------------------------------------

def _proc_stat(pid: int) -> str | None:
    """`/proc/<pid>/stat` after the command name (from the state field on), or None if unreadable."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat[stat.rfind(")") + 2:]


def _start_token(pid: int) -> str | None:
    """When process `pid` started (Linux: boot-relative ticks), to tell a reused pid apart."""
    stat = _proc_stat(pid)
    if stat is None:
        return None
    fields = stat.split()
    return fields[19] if len(fields) > 19 else None


def _pid_alive(pid: int) -> bool:
    """True while a process with this pid exists (zombies count as gone)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    stat = _proc_stat(pid)
    return stat is None or stat[:1] != "Z"


def _read_marker(config_dir: str | os.PathLike) -> dict | None:
    try:
        data = json.loads(running_path(config_dir).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("pid"), int):
        return None
    return data


def _marker_alive(marker: dict) -> bool:
    """True when the marker's process is still the one that wrote it."""
    pid = marker["pid"]
    if not _pid_alive(pid):
        return False
    started = marker.get("start")
    return started is None or _start_token(pid) in (None, started)


def mark_running(config_dir: str | os.PathLike) -> None:
    """Record that this process is running (and owns the recovery file)."""
    Path(config_dir).mkdir(parents=True, exist_ok=True)
    pid = os.getpid()
    marker = {"pid": pid, "start": _start_token(pid)}
    write_atomic(running_path(config_dir), (json.dumps(marker) + "\n").encode("utf-8"))


def clear_running(config_dir: str | os.PathLike) -> None:
    """Remove this process's marker (a marker of another process is left alone)."""
    marker = _read_marker(config_dir)
    if marker is None or marker["pid"] == os.getpid():
        running_path(config_dir).unlink(missing_ok=True)


def crashed_recovery(config_dir: str | os.PathLike) -> Session | None:
    """The autosaved session of a process that died without quitting, else None.

    None when there is no readable recovery file, or its marker names a process that is still
    running (this one included). A missing or unreadable marker counts as a crash.
    """
    marker = _read_marker(config_dir)
    if marker is not None and _marker_alive(marker):
        return None
    return read_recovery(config_dir)
