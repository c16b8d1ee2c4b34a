"""ClaimsModel: the claims of a comparison as a two-level tree for the sidebar.

Top level: sections (Conflicts, Shared, Unique to <article>), each with its
count; below them the claims. The presence of a claim in each article is
exposed through `PresenceRole` for the delegate to draw as dots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from viewer.core.comparison import Comparison
from viewer.core.report.claimviews import (
    claim_reasons,
    claim_wordings,
    conflict_summary,
    conflicts_line,
    distinct_conflicts,
    wording_changes,
)
from viewer.core.report.htmlreport import colour_slot
from viewer.core.review.marks import MARK_LABELS, claim_keys, conflict_key

ClaimRole = Qt.ItemDataRole.UserRole + 1
PresenceRole = Qt.ItemDataRole.UserRole + 2
FilterRole = Qt.ItemDataRole.UserRole + 3
SectionRole = Qt.ItemDataRole.UserRole + 4
KeyRole = Qt.ItemDataRole.UserRole + 5  # stable key of the claim or conflict (review marks)
MarkRole = Qt.ItemDataRole.UserRole + 6  # its ReviewMark, or None

MARK_SYMBOLS = {"verified": "✔", "disputed": "✘", "needs-attribution": "❓"}

CONFLICTS, SHARED, UNIQUE = "conflicts", "shared", "unique"
_WHOLE = 200  # characters of a wording shown in a tooltip


@dataclass
class _Section:
    key: str
    title: str
    claims: list = field(default_factory=list)  # (claim, conflict or None) rows
    article: str | None = None


class ClaimsModel(QAbstractItemModel):
    """Sections of claims; a claim row's display text is its representative wording."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._sections: list[_Section] = []
        self._comparison: Comparison | None = None
        self._article_ids: list[str] = []
        self._marks: dict = {}  # key -> ReviewMark
        self._keys: dict[str, str] = {}  # claim id -> key
        self._filter_text: dict[str, str] = {}  # claim id -> what the filter matches (built once)

    # -- content ---------------------------------------------------------------------
    def set_comparison(self, comp: Comparison | None) -> None:
        """Show the claims of `comp` (or nothing)."""
        self.beginResetModel()
        self._comparison = comp
        self._filter_text = {}
        self._sections = []
        self._article_ids = [a.id for a in comp.articles] if comp else []
        self._keys = claim_keys(comp) if comp is not None else {}
        if comp is not None:
            claims = list(comp.claims)
            conflicts = _Section(CONFLICTS, "Conflicts", distinct_conflicts(claims))
            shared = _Section(SHARED, "Shared",
                              [(c, None) for c in sorted((c for c in claims if len(c.articles) > 1),
                                                         key=lambda c: -len(c.articles))])
            self._sections = [conflicts, shared]
            for art in comp.articles:
                self._sections.append(_Section(
                    UNIQUE, f"Unique to {art.id}",
                    [(c, None) for c in claims if tuple(c.articles) == (art.id,)], art.id))
        self.endResetModel()

    def set_marks(self, marks: dict) -> None:
        """Show review marks (key -> ReviewMark) on the rows."""
        self._marks = dict(marks)
        for sec_no, sec in enumerate(self._sections):
            if sec.claims:
                parent = self.index(sec_no, 0)
                self.dataChanged.emit(self.index(0, 0, parent),
                                      self.index(len(sec.claims) - 1, 0, parent))

    def key_at(self, index: QModelIndex) -> str | None:
        """The review-mark key of a claim or conflict row."""
        row = self._row(index)
        if row is None:
            return None
        claim, conflict = row
        if conflict is not None:
            return conflict_key(claim, conflict, self._comparison)
        return self._keys.get(claim.id)

    def section_count(self, key: str, article: str | None = None) -> int:
        """Number of claims in a section."""
        for s in self._sections:
            if s.key == key and s.article == article:
                return len(s.claims)
        return 0

    # -- Qt model API -------------------------------------------------------------------
    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        # internalId: 0 for a section row, section number + 1 for a claim row.
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._sections) else QModelIndex()
        if self._is_section(parent):
            sec = parent.row()
            if sec < len(self._sections) and row < len(self._sections[sec].claims):
                return self.createIndex(row, 0, sec + 1)
        return QModelIndex()

    @staticmethod
    def _is_section(index: QModelIndex) -> bool:
        return index.internalId() == 0

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or self._is_section(index):
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        if not parent.isValid():
            return len(self._sections)
        if parent.column() == 0 and self._is_section(parent) and parent.row() < len(self._sections):
            return len(self._sections[parent.row()].claims)
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 1

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _row(self, index: QModelIndex):
        if not index.isValid() or self._is_section(index):
            return None
        sec = self._sections[index.internalId() - 1]
        return sec.claims[index.row()] if index.row() < len(sec.claims) else None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if self._is_section(index):
            sec = self._sections[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{sec.title} ({len(sec.claims)})"
            if role == SectionRole:
                return sec.key
            if role == FilterRole:
                return sec.title
            return None
        row = self._row(index)
        if row is None:
            return None
        claim, conflict = row
        sec = self._sections[index.internalId() - 1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, MarkRole,
                    Qt.ItemDataRole.ToolTipRole):
            mark = self._marks.get(self.key_at(index))
            if role == MarkRole:
                return mark
            symbol = f"{MARK_SYMBOLS[mark.mark]} " if mark else ""
            if role == Qt.ItemDataRole.DisplayRole:
                if conflict is not None:
                    return f"{symbol}⚠ {conflict_summary(conflict)}"
                return symbol + claim.text
            if role == Qt.ItemDataRole.AccessibleTextRole:
                where = ", ".join(claim.articles)
                what = f"Conflict: {conflict_summary(conflict)}. " if conflict else ""
                status = f" Marked {MARK_LABELS[mark.mark]}." if mark else ""
                return f"{what}{claim.text}. In articles {where}.{status}"
            tip = self.tooltip_html(claim)
            if mark:
                note = f": {escape(mark.note)}" if mark.note else ""
                tip = tip.replace("</qt>", f"<p><b>{escape(MARK_LABELS[mark.mark])}</b>{note}</p></qt>")
            return tip
        if role == KeyRole:
            return self.key_at(index)
        if role == ClaimRole:
            return claim
        if role == PresenceRole:
            return [a in claim.articles for a in self._article_ids]
        if role == FilterRole:
            found = self._filter_text.get(claim.id)
            if found is None:
                found = self._filter_text[claim.id] = " ".join(
                    [claim.text, conflicts_line(claim)] + list(self.wordings(claim).values()))
            return found
        if role == SectionRole:
            return sec.key
        return None

    def colour_slot(self, k: int) -> int:
        """The colour slot of the k-th article (its presence dot), as its pane badge has."""
        return colour_slot(self._comparison, self._article_ids[k]) if self._comparison else k

    # -- wordings --------------------------------------------------------------------------
    def wordings(self, claim) -> dict[str, str]:
        """Each member article's wording of a claim (first member per article)."""
        return {} if self._comparison is None else claim_wordings(self._comparison, claim)

    def tooltip_html(self, claim) -> str:
        """Each article's wording one under the other, differences marked."""
        words = self.wordings(claim)
        if not words:
            return escape(claim.text)
        ref_id = next(iter(words))
        ref = words[ref_id][:_WHOLE * 3]
        rows = []
        for art_id, text in words.items():
            text = text[:_WHOLE * 3]
            if art_id == ref_id:
                body = escape(text)
            else:
                body = "".join(f"<u style='background:#dcefd6'>{escape(t)}</u>" if new else escape(t)
                               for new, t in wording_changes(ref, text))
            rows.append(f"<p><b>{escape(art_id)}</b>&nbsp; {body}</p>")
        extra = f"<p><i>{escape(conflicts_line(claim))}</i></p>" if claim.conflicts else ""
        reasons = claim_reasons(self._comparison, claim)
        why = ("<p><small>Joined on " + "; ".join(escape(r) for r in reasons) + "</small></p>"
               if reasons else "")
        return "<qt>" + "".join(rows) + extra + why + "</qt>"
