"""The spin panel: the synonym swaps between the base and the focused article, with counts."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from viewer.core.reuse.spin import SOME_SPIN_SCORE, SPUN_SCORE


class SpinPanel(QDockWidget):
    """Lists each swap ("said → mentioned ×4"); choosing one emits `swap_chosen(ref_start, other_start)`."""

    swap_chosen = Signal(object)  # the swap tuple (ref span, other span, words, known)

    def __init__(self, parent=None):
        super().__init__("Spin", parent)
        self.setObjectName("SpinDock")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Synonym swaps")
        self.list.setUniformItemSizes(True)  # one line each: thousands lay out at once
        self.list.itemActivated.connect(self._on_item)
        self.list.itemClicked.connect(self._on_item)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.summary)
        lay.addWidget(self.list, 1)
        self.setWidget(body)

    def show_pair(self, pair) -> None:
        """Show the swaps of an oriented pair (base → other), or nothing."""
        self.list.clear()
        if pair is None:
            self.summary.setText("Open two articles to look for spin.")
            return
        counts = Counter((w[4].lower(), w[5].lower()) for w in pair.swaps)
        first = {}
        for w in pair.swaps:
            first.setdefault((w[4].lower(), w[5].lower()), w)
        verdict = "looks spun (synonym substitution)" if pair.spin_score >= SPUN_SCORE else \
            "no sign of spinning" if pair.spin_score < SOME_SPIN_SCORE else "some synonym swaps"
        self.summary.setText(f"{pair.other} against {pair.ref}: spin score {pair.spin_score:.2f} — "
                             f"{verdict}. {len(pair.swaps)} swaps, {len(counts)} distinct.")
        self.summary.setAccessibleDescription(self.summary.text())
        for (old, new), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            w = first[(old, new)]
            item = QListWidgetItem(f"{w[4]} → {w[5]}" + (f"  ×{n}" if n > 1 else "")
                                   + ("" if w[6] else "  (by form)"))
            item.setData(Qt.ItemDataRole.UserRole, w)
            item.setToolTip("A known synonym" if w[6] else
                            "A short one-for-one replacement in an aligned sentence")
            self.list.addItem(item)

    def _on_item(self, item: QListWidgetItem) -> None:
        self.swap_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
