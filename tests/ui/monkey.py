"""A random user for the main window: opens, closes, pastes, rebases, finds, zooms, marks,
exports and triages, in an order drawn from a seeded random generator.

Shared by the suite's monkey test (tests/ui/test_accessibility_and_monkey.py), the
kill -9 recovery test (through tests/ui/monkey_child.py) and bench/monkey_bench.py.
It needs only a window, a generator and a work folder; `settle` waits for the
analysis with plain event processing, so it runs inside and outside pytest-qt.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

MAX_PANES = 6
MARKS = ("verified", "disputed", "needs-attribution", None)
PASTES = ("Russia said on Monday that talks would resume in Geneva next week.",
          "The council approved the budget by 31 votes to 12, the mayor said.",
          "  \n  ", "Президент заявил, что переговоры продолжатся. 東京で会議が開かれた。")


def settle(win, timeout: float = 20.0) -> None:
    """Process events until the window's analysis is done (or `timeout` seconds pass)."""
    end = time.monotonic() + timeout
    QApplication.processEvents()
    while win.runner.is_busy() and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.002)
    QApplication.processEvents()


def claim_rows(win) -> list:
    """Every claim row of the sidebar (proxy indexes)."""
    proxy = win.claims_panel.proxy
    rows = []
    for r in range(proxy.rowCount()):
        sec = proxy.index(r, 0)
        rows.extend(proxy.index(k, 0, sec) for k in range(proxy.rowCount(sec)))
    return rows


def make_triage_folder(folder: Path, seeds: list[str]) -> Path:
    """A small folder to triage: two seeds, a copy with an extra line, and a broken PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    for k, seed in enumerate(seeds[:2]):
        (folder / f"story{k}.txt").write_bytes(Path(seed).read_bytes())
    (folder / "copy.txt").write_text(Path(seeds[0]).read_text("utf-8") + "\nUpdated at noon.\n",
                                     "utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    return folder


class Monkey:
    """Random actions on one main window; `counts` says how often each ran."""

    def __init__(self, win, rng: random.Random, seeds: list[str], workdir: Path):
        self.win = win
        self.rng = rng
        self.workdir = Path(workdir)
        self.files = list(seeds) + self._extra_files(seeds)
        self.triage_folder = make_triage_folder(self.workdir / "feed", seeds)
        self.counts: Counter = Counter()
        self.exports: list[Path] = []
        self.triage_windows: list = []
        self.actions = {
            "open": self.open_one, "close": self.close_one, "paste": self.paste,
            "base": self.rebase, "view": self.view_mode, "find": self.find, "zoom": self.zoom,
            "mark": self.mark_claim, "export": self.export, "triage": self.triage,
            "focus": self.focus, "move": self.move, "scroll": self.scroll,
            "next_change": self.next_change, "filter": self.filter_claims,
            "matrix": self.matrix_click, "sync": self.win.action_sync.trigger,
            "reopen_encoding": self.reopen_encoding,
        }

    def _extra_files(self, seeds: list[str]) -> list[str]:
        """A legacy-encoded copy of a seed and a file that cannot be read."""
        legacy = self.workdir / "legacy.txt"
        text = Path(seeds[1]).read_text("utf-8")
        legacy.write_bytes(text.encode("cp1252", errors="replace"))
        bad = self.workdir / "broken.docx"
        bad.write_bytes(b"not a zip archive")
        return [str(legacy), str(bad)]

    def step(self) -> str:
        """Run one random action; returns its name."""
        name = self.rng.choice(list(self.actions))
        self.actions[name]()
        self.counts[name] += 1
        QApplication.processEvents()
        return name

    # -- actions ---------------------------------------------------------------------------
    def open_one(self) -> None:
        if len(self.win.order) < MAX_PANES:
            self.win.open_paths([self.rng.choice(self.files)])

    def close_one(self) -> None:
        if len(self.win.order) > 1:
            self.win.close_article(self.rng.choice(self.win.order))

    def paste(self) -> None:
        if len(self.win.order) < MAX_PANES:
            QGuiApplication.clipboard().setText(self.rng.choice(PASTES))
            self.win.action_paste.trigger()

    def rebase(self) -> None:
        if self.win.order:
            self.win.set_base(self.rng.choice(self.win.order))

    def view_mode(self) -> None:
        self.win.view_actions[self.rng.choice(["diff", "reuse"])].trigger()

    def find(self) -> None:
        self.win.find_bar.edit.setText(self.rng.choice(["Russia", "the", "", "zz", "said"]))
        self.rng.choice([self.win.action_find_next, self.win.action_find_prev]).trigger()

    def zoom(self) -> None:
        self.rng.choice([self.win.action_zoom_in, self.win.action_zoom_out,
                         self.win.action_zoom_reset]).trigger()

    def mark_claim(self) -> None:
        settle(self.win)
        rows = claim_rows(self.win)
        if rows:
            self.win.claims_panel.view.setCurrentIndex(self.rng.choice(rows))
            self.win.claims_panel.mark_current(self.rng.choice(MARKS),
                                               self.rng.choice([None, "", "call the agency"]))

    def export(self) -> None:
        settle(self.win)
        if self.win.comparison is None:
            return
        suffix = self.rng.choice([".html", ".json", ".html", ".json", ".pdf"])
        path = self.workdir / f"report{len(self.exports) % 3}{suffix}"
        if self.win.export_to(str(path)):
            self.exports.append(path)

    def triage(self) -> None:
        for old in self.triage_windows:
            old.close()  # waits for its worker
        self.triage_windows = [self.win.triage(str(self.triage_folder))]

    def focus(self) -> None:
        if self.win.order:
            self.win.focus_pane(self.rng.randrange(len(self.win.order)))

    def move(self) -> None:
        if self.win.order:
            self.win.move_pane(self.rng.choice(self.win.order), self.rng.choice([-1, 1]))

    def scroll(self) -> None:
        if self.win.order:
            bar = self.win.panes[self.rng.choice(self.win.order)].text.verticalScrollBar()
            bar.setValue(self.rng.randrange(bar.maximum() + 1))

    def next_change(self) -> None:
        self.rng.choice([self.win.action_next, self.win.action_prev]).trigger()

    def filter_claims(self) -> None:
        self.win.claims_panel.filter.setText(self.rng.choice(["", "Korea", "war", "zz"]))

    def matrix_click(self) -> None:
        m = self.win.matrix_dock.model
        if m.rowCount() > 1:
            self.win.matrix_dock.view.clicked.emit(m.index(self.rng.randrange(m.rowCount()),
                                                           self.rng.randrange(m.columnCount())))

    def reopen_encoding(self) -> None:
        with_path = [x for x in self.win.order if self.win.panes[x].article is not None
                     and self.win.panes[x].article.path and self.win.panes[x].article.path.endswith(".txt")]
        if with_path:
            self.win.reopen_with_encoding(self.rng.choice(with_path),
                                          self.rng.choice(["windows-1252", "utf-8", "koi8-r"]))

    def finish(self) -> None:
        """Wait for the analysis and any triage still running; close the triage windows."""
        settle(self.win)
        for tri in self.triage_windows:
            end = time.monotonic() + 30
            while tri.runner.is_busy() and time.monotonic() < end:
                QApplication.processEvents()
                time.sleep(0.002)
            tri.close()
        self.triage_windows = []
        QApplication.processEvents()
