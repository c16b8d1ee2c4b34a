"""The claims sidebar: model shape, sections, filter, and jumping to a claim."""

from PySide6.QtCore import Qt

from viewer.core.comparison import compare
from viewer.core.text.article import Article
from viewer.ui.claimsmodel import SHARED, UNIQUE, ClaimRole, ClaimsModel, PresenceRole

A = Article("A", "Fire", "A fire destroyed the old mill on Friday night. Firefighters fought the blaze "
            "for six hours. The mayor promised to rebuild the mill.")
B = Article("B", "Blaze", "Firefighters battled the blaze for seven hours. A fire destroyed the old mill "
            "on Friday night. Police are looking for witnesses.")


def test_claims_model_passes_qtmodeltester(qtmodeltester):
    model = ClaimsModel()
    model.set_comparison(compare([A, B]))
    qtmodeltester.check(model)
    model.set_comparison(None)
    qtmodeltester.check(model)


def test_sections_and_presence():
    comp = compare([A, B])
    model = ClaimsModel()
    model.set_comparison(comp)
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles[0].startswith("Conflicts") and titles[1].startswith("Shared")
    assert any(t.startswith("Unique to A") for t in titles)
    shared = sum(1 for c in comp.claims if len(c.articles) > 1)
    assert model.section_count(SHARED) == shared > 0
    assert model.section_count(UNIQUE, "A") == sum(1 for c in comp.claims if c.articles == ("A",))
    sec = model.index(1, 0)
    first = model.index(0, 0, sec)
    claim = first.data(ClaimRole)
    assert first.data(PresenceRole) == [x in claim.articles for x in ("A", "B")]
    tip = first.data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>A</b>" in tip and "<b>B</b>" in tip


def _claim_rows(panel):
    proxy = panel.proxy
    rows = []
    for r in range(proxy.rowCount()):
        sec = proxy.index(r, 0)
        for k in range(proxy.rowCount(sec)):
            rows.append(proxy.index(k, 0, sec))
    return rows


def test_clicking_a_claim_scrolls_and_flashes_every_pane_that_has_it(make_window, seed_files, qtbot):
    win = make_window(seed_files)
    panel = win.claims_panel
    shared = [i for i in _claim_rows(panel) if len(i.data(ClaimRole).articles) >= 2
              and i.parent().data().startswith("Shared")]
    assert shared
    # Pick a claim whose wordings lie far from the top, so scrolling shows.
    index = max(shared, key=lambda i: min(m.start for m in i.data(ClaimRole).members))
    claim = index.data(ClaimRole)
    for pane in win.panes.values():
        pane.text.verticalScrollBar().setValue(0)
    panel.view.setCurrentIndex(index)
    panel.view.clicked.emit(index)
    firsts = {}
    for m in claim.members:
        firsts.setdefault(m.article, m)
    for letter, pane in win.panes.items():
        sels = pane.text.extraSelections()
        if letter in firsts:
            m = firsts[letter]
            assert sels, f"pane {letter} did not flash"
            assert sels[0].cursor.selectedText().replace("\u2029", "\n") == pane.article.text[m.start:m.end]
            bar = pane.text.verticalScrollBar()
            y = pane.offset_y(m.start) - bar.value()  # wording's y in the viewport
            h = pane.text.viewport().height()
            assert 0 <= y <= h, f"pane {letter}: wording not visible"
            if 0 < bar.value() < bar.maximum():  # free to scroll: wording sits mid-view
                assert abs(y - h // 2) < 40
        else:
            assert not sels


def test_filter_keeps_matching_claims(make_window, seed_files):
    win = make_window(seed_files[:3])
    panel = win.claims_panel
    before = len(_claim_rows(panel))
    panel.filter.setText("zzzz-no-such-words")
    assert len(_claim_rows(panel)) == 0
    panel.filter.setText("North Korea")
    rows = _claim_rows(panel)
    assert 0 < len(rows) <= before
    for i in rows:
        c = i.data(ClaimRole)
        wordings = " ".join(win.comparison.article(m.article).text[m.start:m.end] for m in c.members)
        assert "north korea" in (c.text + " " + wordings).lower()
    panel.filter.clear()
    assert len(_claim_rows(panel)) == before


def test_hovering_a_shared_claim_says_why_it_was_joined():
    spun = Article("C", "Fire (spun)", "Firemen battled the blaze for six hours. A fire wrecked the old mill "
                   "on Friday night.")
    comp = compare([A, spun])
    model = ClaimsModel()
    model.set_comparison(comp)
    sec = model.index(1, 0)
    tips = [model.index(r, 0, sec).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount(sec))]
    assert tips and all("Joined on" in t for t in tips)
    assert any("synonyms:" in t for t in tips)  # "destroyed ~ wrecked" or "fought ~ battled"
