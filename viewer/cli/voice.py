"""One voice on stderr: only Copydesk's own `copydesk: ...` lines reach the user.

Libraries speak through Python's `logging` (pypdf's "EOF marker not found",
trafilatura, charset-normalizer), through `warnings`, or through Qt's message
handler. `route_library_output` sends all of them to the logger tree instead,
which by default goes nowhere (no "last resort" printing to stderr). With
`--verbose` the details go to stderr as well, every line prefixed
`copydesk: detail:`; with `--log FILE` they are appended to FILE with times.
An uncaught exception prints one Copydesk line; its traceback goes to the log.
"""

from __future__ import annotations

import logging
import sys
import warnings

LOGGER = "copydesk"
_installed: list[logging.Handler] = []


class PrefixFormatter(logging.Formatter):
    """Every line of a record starts with `copydesk: detail: ` (tracebacks included)."""

    def format(self, record: logging.LogRecord) -> str:  # noqa: D102 - logging override
        text = super().format(record)
        return "\n".join(f"copydesk: detail: {line}" for line in text.splitlines() or [""])


def route_library_output(verbose: bool = False, log_file: str | None = None) -> None:
    """Send library logging, warnings and Qt messages to Copydesk's log, off plain stderr."""
    root = logging.getLogger()
    for handler in _installed:
        root.removeHandler(handler)
    _installed.clear()
    handlers: list[logging.Handler] = [logging.NullHandler()]
    if verbose:
        to_stderr = logging.StreamHandler(sys.stderr)
        to_stderr.setFormatter(PrefixFormatter("%(name)s: %(levelname)s: %(message)s"))
        handlers.append(to_stderr)
    if log_file:
        try:
            to_file = logging.FileHandler(log_file, encoding="utf-8", delay=True)
        except OSError as exc:
            print(f"copydesk: {log_file}: cannot write the log ({exc.strerror or exc})",
                  file=sys.stderr)
        else:
            to_file.setFormatter(logging.Formatter(
                "%(asctime)s %(name)s %(levelname)s: %(message)s"))
            handlers.append(to_file)
    for handler in handlers:
        root.addHandler(handler)
        _installed.append(handler)
    detailed = verbose or bool(log_file)
    root.setLevel(logging.INFO if detailed else logging.WARNING)
    logging.getLogger(LOGGER).setLevel(logging.DEBUG if detailed else logging.WARNING)
    logging.captureWarnings(True)
    warnings.simplefilter("default")  # each library warning once, into the log
    sys.excepthook = _excepthook


def _excepthook(kind, value, tb) -> None:
    """An uncaught exception: one Copydesk line on stderr, the traceback in the log."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    logging.getLogger(LOGGER).error("uncaught exception", exc_info=(kind, value, tb))
    print(f"copydesk: internal error ({kind.__name__}); run with --verbose for the details",
          file=sys.stderr)


def route_qt_messages() -> None:
    """Qt's own warnings (fonts, platform plugins) go to the log, not to stderr."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}
    log = logging.getLogger("qt")

    def handler(kind, _context, message) -> None:
        log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)
