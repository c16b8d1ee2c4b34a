"""Moving through the comparison: next/previous change, jumping to a claim.

Works on the window's panes and comparison; the change list of a pane comes
straight from the core's diff chunks, so "next change" is a lookup.
"""

from __future__ import annotations


class ChangeNavigator:
    """Next/previous change of the focused pane, and claim jumps, for one window."""

    def __init__(self, window):
        self.win = window

    def _pane(self):
        win = self.win
        letter = win.focused or win.partner()
        return win.panes.get(letter) if letter else None

    def changes_of(self, letter: str) -> list[tuple[int, int, int, int]]:
        """Changes to walk in a pane, as (start, end, base_start, base_end), in text order."""
        win = self.win
        if letter == win.base:
            partner = win.partner()
            if not partner:
                return []
            chunks = win.oriented(win.base, partner).chunks
            return [(c.a_start, c.a_end, c.a_start, c.a_end) for c in chunks
                    if c.tag != "equal" and c.a_end > c.a_start]
        chunks = win.oriented(win.base, letter).chunks
        return [(c.b_start, c.b_end, c.a_start, c.a_end) for c in chunks if c.tag != "equal"]

    def go(self, forward: bool) -> None:
        """Select the next (or previous) change after the cursor and bring all panes to it."""
        win = self.win
        pane = self._pane()
        if not win.comparison or pane is None:
            return
        changes = self.changes_of(pane.letter)
        if not changes:
            win.announce("No changes in this article.")
            return
        here = pane.cursor_offset()
        on_change = pane.text.textCursor().hasSelection()
        if forward:
            target = next((c for c in changes if c[0] > here or (c[0] == here and not on_change)),
                          None)
        else:
            target = next((c for c in reversed(changes) if c[0] < here), None)
        if target is None:
            win.announce("No more changes in this direction.")
            return
        start, end, a_start, a_end = target
        pane.select_range(start, end)
        pane.flash(start, max(end, start + 1))
        win.sync.sync_from(pane)
        base_pane = win.panes.get(win.base)
        if base_pane is not None and base_pane is not pane:
            base_pane.center_on(a_start)
            if a_end > a_start:
                base_pane.flash(a_start, a_end)
        k = changes.index(target) + 1
        text = pane.article.text[start:end].strip() or pane.article.text[a_start:a_end].strip()
        win.announce(f"Change {k} of {len(changes)} in {pane.letter}: “{text[:60]}”")

    def jump_to_claim(self, claim) -> None:
        """Scroll every pane that carries a claim to its wording and flash it there."""
        win = self.win
        firsts = {}
        for m in claim.members:
            firsts.setdefault(m.article, m)
        was = win.sync.enabled
        win.sync.enabled = False  # each pane goes to its own wording
        try:
            for letter, pane in win.panes.items():
                m = firsts.get(letter)
                if m is None:
                    pane.mark_claim(None)
                    continue
                pane.center_on(m.start)
                pane.flash(m.start, m.end, 1400)
                pane.mark_claim(m.start, m.end)
        finally:
            win.sync.enabled = was
        win.announce(f"Claim in {', '.join(firsts)}: {claim.text[:80]}")

    def jump_to_twin(self, letter: str, offset: int, runs_too: bool) -> None:
        """A click on a verbatim run (when shown) or moved passage shows its twin."""
        win = self.win
        if not win.comparison or len(win.panes) < 2:
            return
        if letter == win.base:
            other = win.partner()
            if not other:
                return
            pair, mine, theirs = win.oriented(win.base, other), 0, 2
        else:
            other, pair, mine, theirs = win.base, win.oriented(win.base, letter), 2, 0
        links = list(pair.moves) + (list(pair.runs) if runs_too else [])
        for link in links:
            if link[mine] <= offset < link[mine + 1]:
                target = win.panes[other]
                target.center_on(link[theirs])
                target.flash(link[theirs], link[theirs + 1], 1400)
                win.announce(f"Twin passage in {other}.")
                return

    def jump_to_swap(self, swap) -> None:
        """Show one synonym swap in the base pane and the focused article."""
        win = self.win
        partner = win.partner()
        if not partner:
            return
        for letter, (start, end) in ((win.base, swap[0:2]), (partner, swap[2:4])):
            pane = win.panes[letter]
            pane.center_on(start)
            pane.flash(start, end, 1400)
        win.announce(f"{swap[4]} → {swap[5]}")

    def show_pair(self, a: str, b: str) -> None:
        """Compare two articles side by side: `a` becomes the base, `b` sits next to it."""
        win = self.win
        if a not in win.panes or b not in win.panes:
            return
        win.set_base(a)
        win.pane_row.place_after(b, a)
        win.panes[b].text.setFocus()
        win._on_pane_focused(b)
        win.refresh()
        win.announce(f"Comparing {b} against {a}.")
