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
from viewer.core.worddiff import DELETE, EQUAL, INSERT, word_diff

ClaimRole = Qt.ItemDataRole.UserRole + 1
PresenceRole = Qt.ItemDataRole.UserRole + 2
FilterRole = Qt.ItemDataRole.UserRole + 3
SectionRole = Qt.ItemDataRole.UserRole + 4

CONFLICTS, SHARED, UNIQUE = "conflicts", "shared", "unique"
_WHOLE = 200  # characters of a wording shown in a tooltip


@dataclass
class _Section:
    key: str
    title: str
    claims: list = field(default_factory=list)
    article: str | None = None


def _short(text: str, n: int = 48) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "…"


def _conflict_summary(claim) -> str:
    """One line per claim: "24 years (A) vs 25 years (C)", "quote altered (A ≠ E): “…”"."""
    parts = []
    for c in claim.conflicts:
        values = sorted(c.values.items())
        if c.kind == "quote":
            ids = " ≠ ".join(k for k, _ in values)
            parts.append(f"quote altered ({ids}): “{_short(values[0][1])}”")
        else:
            parts.append(" vs ".join(f"{v} ({k})" for k, v in values))
    return "; ".join(parts)


class ClaimsModel(QAbstractItemModel):
    """Sections of claims; a claim row's display text is its representative wording."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._sections: list[_Section] = []
        self._comparison: Comparison | None = None
        self._article_ids: list[str] = []

    # -- content ---------------------------------------------------------------------
    def set_comparison(self, comp: Comparison | None) -> None:
        """Show the claims of `comp` (or nothing)."""
        self.beginResetModel()
        self._comparison = comp
        self._sections = []
        self._article_ids = [a.id for a in comp.articles] if comp else []
        if comp is not None:
            claims = list(comp.claims)
            conflicts = _Section(CONFLICTS, "Conflicts", [c for c in claims if c.conflicts])
            shared = _Section(SHARED, "Shared",
                              sorted((c for c in claims if len(c.articles) > 1),
                                     key=lambda c: -len(c.articles)))
            self._sections = [conflicts, shared]
            for art in comp.articles:
                self._sections.append(_Section(
                    UNIQUE, f"Unique to {art.id}",
                    [c for c in claims if tuple(c.articles) == (art.id,)], art.id))
        self.endResetModel()

    def section_count(self, key: str, article: str | None = None) -> int:
        """Number of claims in a section."""
        for s in self._sections:
            if s.key == key and s.article == article:
                return len(s.claims)
        return 0

    def article_ids(self) -> list[str]:
        """Article ids in article order (the order of presence dots)."""
        return list(self._article_ids)

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

    def claim_at(self, index: QModelIndex):
        """The claim of a claim row, or None for a section row."""
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
        claim = self.claim_at(index)
        if claim is None:
            return None
        sec = self._sections[index.internalId() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            if sec.key == CONFLICTS:
                return f"⚠ {_conflict_summary(claim)}"
            return claim.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            where = ", ".join(claim.articles)
            return f"{claim.text}. In articles {where}."
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip_html(claim)
        if role == ClaimRole:
            return claim
        if role == PresenceRole:
            return [a in claim.articles for a in self._article_ids]
        if role == FilterRole:
            return " ".join([claim.text, _conflict_summary(claim)] + list(self.wordings(claim).values()))
        if role == SectionRole:
            return sec.key
        return None

    # -- wordings --------------------------------------------------------------------------
    def wordings(self, claim) -> dict[str, str]:
        """Each member article's wording of a claim (first member per article)."""
        out: dict[str, str] = {}
        if self._comparison is None:
            return out
        for m in claim.members:
            if m.article not in out:
                out[m.article] = self._comparison.article(m.article).text[m.start:m.end]
        return out

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
                body = "".join(
                    escape(t) if op == EQUAL else
                    (f"<u style='background:#dcefd6'>{escape(t)}</u>" if op == INSERT else "")
                    for op, t in word_diff(ref, text) if op in (EQUAL, INSERT, DELETE))
            rows.append(f"<p><b>{escape(art_id)}</b>&nbsp; {body}</p>")
        extra = f"<p><i>{escape(_conflict_summary(claim))}</i></p>" if claim.conflicts else ""
        return "<qt>" + "".join(rows) + extra + "</qt>"
