"""The SequenceMatcher the claims use (cydifflib where installed) answers exactly as difflib's."""

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.util.sequence_matcher import SequenceMatcher

WORDS = ["the", "a", "said", "court", "jailed", "years", "police", "man", "woman", "12", "1,200"]
tokens = st.lists(st.sampled_from(WORDS), max_size=260)  # difflib's autojunk acts from 200 items


@settings(max_examples=300, deadline=None)
@given(tokens, tokens, st.booleans())
def test_same_blocks_and_ratio_as_difflib(a, b, autojunk):
    ours = SequenceMatcher(None, a, b, autojunk=autojunk)
    theirs = difflib.SequenceMatcher(None, a, b, autojunk=autojunk)
    assert [tuple(m) for m in ours.get_matching_blocks()] == [tuple(m) for m in theirs.get_matching_blocks()]
    assert ours.ratio() == theirs.ratio()


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="abcde -", max_size=60), st.text(alphabet="abcde -", max_size=60))
def test_same_ratio_on_strings_with_the_default_junk_rule(a, b):
    # conflicts compare name spellings as plain strings, with difflib's default autojunk
    assert SequenceMatcher(None, a, b).ratio() == difflib.SequenceMatcher(None, a, b).ratio()
