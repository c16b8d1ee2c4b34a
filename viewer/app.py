"""QApplication set-up: names, icon, stylesheet; `run_gui` and `main`."""

from __future__ import annotations

import sys

from viewer.core.util.bundled import is_frozen, resource_path

STANDBY_DELAY_MS = 3000  # after the window shows: the seeds' analysis is drawn by then


def make_application(argv: list[str] | None = None):
    """The QApplication with Copydesk's names, icon and stylesheet."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Copydesk")
    app.setOrganizationDomain("copydesk.invalid")
    app.setApplicationName("Copydesk")
    app.setApplicationDisplayName("Copydesk")
    app.setDesktopFileName("copydesk")
    icon = resource_path("icons", "copydesk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    css = resource_path("style.qss")
    if css.exists():
        app.setStyleSheet(css.read_text(encoding="utf-8"))
    return app


def run_gui(files: list[str] | None = None, triage: str | None = None) -> int:
    """Open the main window on `files` (or the seeds) and run the event loop."""
    from viewer.cli.voice import route_qt_messages

    route_qt_messages()
    app = make_application()
    from PySide6.QtCore import QTimer

    from viewer.ui.mainwindow import MainWindow

    window = MainWindow(files or None)
    crashed = window.session.start()
    window.show()
    if crashed is not None:
        QTimer.singleShot(0, lambda: window.session.offer_recovery(crashed))
    if triage:
        QTimer.singleShot(0, lambda: window.triage(triage))
    # A second process loads the analysis while the editor reads the first one, so later
    # analyses use both cores without waiting for a process to start (core.comparison.STANDBY).
    from viewer.core.comparison import STANDBY

    QTimer.singleShot(STANDBY_DELAY_MS, STANDBY.start)
    app.aboutToQuit.connect(STANDBY.stop)
    return app.exec()


def main() -> int:
    """Console entry point (`copydesk`): same as `python main.py`."""
    if is_frozen():
        import multiprocessing

        # In the bundle a triage worker process is this program started again: let it become the
        # worker instead of a second Copydesk.
        multiprocessing.freeze_support()
    from viewer.cli import parse_args, run_headless
    from viewer.cli.voice import route_library_output

    args = parse_args()
    route_library_output(args.verbose, args.log)
    if args.export:
        return run_headless(args)
    return run_gui(args.files, getattr(args, "triage", None))
