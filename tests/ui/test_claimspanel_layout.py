"""Where the claims sidebar draws a claim's presence dots."""

from __future__ import annotations

import pytest

from viewer.ui.claimspanel import presence_layout


def test_a_few_articles_get_a_dot_each_present_or_not():
    dots, more, strip = presence_layout([True, False, True, False, True], 300)
    assert [(k, p) for k, p, _x in dots] == [(0, True), (1, False), (2, True), (3, False), (4, True)]
    assert more == 0 and strip > dots[-1][2]


@pytest.mark.parametrize("every", [34, 8, 1])  # 3, 13 or all 102 articles hold the claim
def test_many_articles_show_only_those_present_and_leave_the_text_room(every):
    presence = [k % every == 0 for k in range(102)]
    count = sum(presence)
    dots, more, strip = presence_layout(presence, 300)
    assert all(p for _k, p, _x in dots) and len(dots) + more == count
    assert [k for k, _p, _x in dots] == [k for k, p in enumerate(presence) if p][:len(dots)]
    assert strip <= 0.45 * 300 + 6 and (more == 0 or len(dots) >= 1)
    xs = [x for _k, _p, x in dots]
    assert xs == sorted(xs) and (not xs or xs[-1] < strip)
