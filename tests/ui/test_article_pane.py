"""An article pane paints the highlights of a long text in batches, each laid out once."""

from PySide6.QtGui import QColor, QTextCursor

import viewer.ui.articlepane as articlepane
from viewer.core.text.article import Article
from viewer.ui.articlepane import ArticlePane
from viewer.ui.highlight import ADDED, DROPPED, Span


def _long_article() -> Article:
    """About 95,000 characters in 1,500 short paragraphs: loaded piece by piece."""
    paragraphs = [f"Paragraph {k} says that the council met on day {k} and voted." for k in range(1500)]
    return Article("A", "Long", "\n\n".join(paragraphs))


def test_highlights_of_a_long_text_are_painted_in_batches_of_nearby_spans(qtbot, monkeypatch):
    monkeypatch.setattr(articlepane, "PAINT_SLICE_S", 60.0)  # batches cut by place only
    art = _long_article()
    assert len(art.text) > 5 * articlepane.LOAD_CHUNK
    pane = ArticlePane("A", QColor("#0072b2"))
    qtbot.addWidget(pane)
    pane.resize(500, 700)
    pane.show()
    pane.set_article(art)
    starts = [k for k in range(len(art.text)) if art.text.startswith("council", k)]
    spans = [Span(s, s + len("council"), ADDED if n % 2 else DROPPED) for n, s in enumerate(starts)]
    qtbot.waitUntil(lambda: pane.loaded, timeout=60000)
    doc = pane.text.document()
    changes = []
    doc.contentsChange.connect(lambda *args: changes.append(args))
    pane.set_spans(spans)
    assert not pane.painted
    qtbot.waitUntil(lambda: pane.painted, timeout=60000)
    # the text laid out again once per stretch of about 10,000 characters, not once per
    # highlight (1,500 of them)
    assert 0 < len(changes) <= len(art.text) // articlepane.PAINT_WINDOW + 2
    for span in spans[::97] + spans[-1:]:
        cur = QTextCursor(doc)
        cur.setPosition(span.start + 1)
        fmt = cur.charFormat()
        assert fmt.fontUnderline() if span.kind == ADDED else fmt.fontStrikeOut()
    cur = QTextCursor(doc)
    cur.setPosition(starts[0] - 3)  # between highlights: plain
    assert not cur.charFormat().fontUnderline() and not cur.charFormat().fontStrikeOut()


def test_no_highlights_is_painted_at_once(qtbot):
    pane = ArticlePane("A", QColor("#0072b2"))
    qtbot.addWidget(pane)
    pane.set_article(Article("A", "Short", "A short text."))
    pane.set_spans([])
    assert pane.painted


def test_redrawn_highlights_replace_the_old_ones_a_stretch_at_a_time(qtbot, monkeypatch):
    monkeypatch.setattr(articlepane, "PAINT_SLICE_S", 60.0)
    art = _long_article()
    pane = ArticlePane("A", QColor("#0072b2"))
    qtbot.addWidget(pane)
    pane.resize(500, 700)
    pane.show()
    pane.set_article(art)

    def spans_of(word: str, kind: str) -> list[Span]:
        return [Span(k, k + len(word), kind) for k in range(len(art.text)) if art.text.startswith(word, k)]
    pane.set_spans(spans_of("council", ADDED))
    qtbot.waitUntil(lambda: pane.loaded and pane.painted, timeout=60000)
    changes = []
    pane.text.document().contentsChange.connect(lambda at, removed, added: changes.append(added))
    new = spans_of("voted", DROPPED)
    pane.set_spans(new)
    qtbot.waitUntil(lambda: pane.painted, timeout=60000)
    # never the whole text in one change: the window gets its turns while it is redrawn
    assert changes and max(changes) <= 3 * articlepane.PAINT_WINDOW < len(art.text)
    doc = pane.text.document()
    old_place = art.text.index("council") + 2
    cur = QTextCursor(doc)
    cur.setPosition(old_place)
    assert not cur.charFormat().fontUnderline()  # the old highlight is gone
    for span in new[::101]:
        cur.setPosition(span.start + 1)
        assert cur.charFormat().fontStrikeOut()
    pane.restyle()  # the same highlights drawn again (a palette change)
    qtbot.waitUntil(lambda: pane.painted, timeout=60000)
    cur.setPosition(new[-1].start + 1)
    assert cur.charFormat().fontStrikeOut()
