"""Sessions in the window: save/open `.copydesk` files, review marks, autosave, recovery.

The core (`viewer.core.review.session`, `marks`, `recovery`) does the file work;
this controller keeps the window's marks and unsaved state, runs the
autosave timer, offers a crashed session back at start-up and asks before
quitting with unsaved marks.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer.core.review.marks import MARK_LABELS, apply_mark, marks_by_key
from viewer.core.review.recovery import (
    clear_recovery,
    clear_running,
    crashed_recovery,
    mark_running,
    write_recovery,
)
from viewer.core.review.session import (
    SUFFIX,
    Session,
    SessionArticle,
    SessionError,
    load_session,
    save_session,
    session_articles,
    stale_articles,
)

AUTOSAVE_MS = 30_000
CHANGE_AUTOSAVE_MS = 1_500
SESSION_FILTER = f"Copydesk sessions (*{SUFFIX});;All files (*)"


def data_dir() -> Path:
    """Where autosave and the running marker live (COPYDESK_DATA_DIR overrides)."""
    env = os.environ.get("COPYDESK_DATA_DIR")
    if env:
        return Path(env)
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(loc or Path.home() / ".copydesk")


class SessionController(QObject):
    """The window's session: its file, review marks, unsaved state and autosave."""

    def __init__(self, window, directory: Path | None = None):
        super().__init__(window)
        self.win = window
        self.dir = Path(directory) if directory else data_dir()
        self.path: str | None = None
        self.marks: tuple = ()
        self.dirty = False
        self._timer = QTimer(self)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.autosave_now)
        self._timer.start()
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(CHANGE_AUTOSAVE_MS)
        self._soon.timeout.connect(self.autosave_now)

    # -- questions (tests replace these) -------------------------------------------------
    def ask(self, title: str, text: str, buttons, default):
        """Ask the user; returns the QMessageBox.StandardButton chosen."""
        return QMessageBox.question(self.win, title, text, buttons, default)

    def ask_save_path(self) -> str:
        """The path to save a session to, or "" when cancelled."""
        start = self.path or str(Path.home() / f"comparison{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.win, "Save Session", start, SESSION_FILTER)
        if path and not path.endswith(SUFFIX):
            path += SUFFIX
        return path

    # -- state ---------------------------------------------------------------------------------
    def session(self) -> Session:
        """The window's state as a Session."""
        win = self.win
        arts = [s for s in win.sources if s.article is not None]
        letters = {s.letter for s in arts}
        return Session(
            articles=tuple(SessionArticle(s.letter, s.path, s.article.title, s.article.text,
                                          s.article.encoding, s.article.encoding_uncertain,
                                          s.article.digest)
                           for s in arts),
            order=tuple(x for x in win.order if x in letters),
            base=win.base if win.base in letters else None,
            view_mode=getattr(win, "view_mode", "diff"),
            options={"sync_scroll": win.action_sync.isChecked()},
            marks=tuple(self.marks))

    def set_mark(self, key: str, mark: str | None, note: str = "") -> None:
        """Mark a claim or conflict (None clears) and show it."""
        self.marks = apply_mark(self.marks, key, mark, note)
        self.dirty = True
        self.show_marks()
        label = MARK_LABELS.get(mark, "unmarked") if mark else "mark cleared"
        self.win.announce(f"Claim {label}." + (f" Note: {note}" if note else ""))
        self.changed()

    def show_marks(self) -> None:
        """Push the marks to the sidebar."""
        self.win.claims_panel.model.set_marks(marks_by_key(self.marks))

    def changed(self) -> None:
        """Something worth autosaving changed."""
        self._soon.start()
        self._update_title()

    def _update_title(self) -> None:
        self.win.refresh_title()

    # -- files ---------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the session's file (asks for one the first time)."""
        if not self.path:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        """Save to a new file."""
        path = self.ask_save_path()
        return bool(path) and self._write(path)

    def _write(self, path: str) -> bool:
        try:
            save_session(path, self.session())
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.win.error_bar.add_messages([f"Could not save the session to {path}: {reason}."])
            return False
        self.path = path
        self.dirty = False
        self.win.announce(f"Session saved to {path}.")
        self._update_title()
        return True

    def open_path(self, path: str) -> bool:
        """Open a session file; a bad file gets a clear message and changes nothing."""
        try:
            session = load_session(path)
        except SessionError as exc:
            self.win.error_bar.add_messages([f"Could not open the session {exc}."])
            return False
        self.apply(session)
        self.path = path
        self.dirty = False
        self._update_title()
        return True

    def apply(self, session: Session) -> None:
        """Show a session's articles (from their snapshots), order, base, options and marks."""
        win = self.win
        stale = {letter: reason for letter, reason in stale_articles(session)}
        win.replace_articles(session_articles(session), list(session.order), session.base)
        win.action_sync.setChecked(bool(session.options.get("sync_scroll", True)))
        win.sync.enabled = win.action_sync.isChecked()
        self.marks = tuple(session.marks)
        if stale:
            names = {a.letter: (a.path or a.title) for a in session.articles}
            win.error_bar.add_messages(
                [f"{letter} ({names[letter]}): {reason}; showing the text saved in the session."
                 for letter, reason in sorted(stale.items())])

    # -- autosave and recovery -------------------------------------------------------------
    def autosave_now(self) -> None:
        """Write the recovery file (atomic) when there is something to recover."""
        if not self.win.sources or not any(s.article for s in self.win.sources):
            return
        try:
            write_recovery(self.dir, self.session())
        except (OSError, ValueError):
            pass  # autosave must never disturb the user; the next tick tries again

    def start(self) -> Session | None:
        """At start-up: the session a crashed Copydesk left behind (if any), then mark running."""
        found = None
        try:
            found = crashed_recovery(self.dir)
        except OSError:
            found = None
        try:
            mark_running(self.dir)
        except OSError:
            pass
        return found

    def offer_recovery(self, session: Session) -> bool:
        """Ask whether to restore a crashed session's work; restore it if so."""
        n = len(session.articles)
        marks = len(session.marks)
        answer = self.ask("Restore Work?",
                          f"Copydesk did not close properly last time. Restore the comparison of "
                          f"{n} article{'s' if n != 1 else ''}"
                          + (f" with {marks} review mark{'s' if marks != 1 else ''}" if marks else "")
                          + "?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            clear_recovery(self.dir)
            return False
        self.apply(session)
        self.dirty = bool(session.marks)
        self._update_title()
        return True

    def confirm_close(self) -> bool:
        """Before quitting: offer to save unsaved marks. False means stay open."""
        if not (self.dirty and self.marks):
            return True
        answer = self.ask("Unsaved Review Marks",
                          "Your review marks are not saved. Save the session before quitting?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel,
                          QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return True

    def shutdown(self) -> None:
        """A clean exit: no recovery needed any more."""
        self._timer.stop()
        self._soon.stop()
        try:
            clear_recovery(self.dir)
            clear_running(self.dir)
        except OSError:
            pass
