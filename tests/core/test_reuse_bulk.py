"""Per-text steps of the reuse analysis done in bulk give what the word-by-word code gave."""

from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.reuse.relation import _sentence_ids
from viewer.core.reuse.spin import _sentence_layout
from viewer.core.reuse.verbatim import ReuseOptions, _WORD_ONLY_RE, word_key, word_keys
from viewer.core.text.sentences import split_sentences

texts = st.lists(st.sampled_from(["Police", "said", "the", "U.S.", "1,200", "Mr.", "Smith", "left", ".", "!",
                                  "?", ",", " ", "  ", "\n", "\n\n", "“", "’s", "café", "Zoë", "-"]),
                 max_size=60).map("".join)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_sentence_numbers_of_words_equal_the_gap_by_gap_test(text):
    spans = [m.span() for m in _WORD_ONLY_RE.finditer(text)]
    starts, ends = tuple(s for s, _ in spans), tuple(e for _, e in spans)
    breaks, n = [], 0
    for k in range(len(starts)):
        gap = text[ends[k - 1]:starts[k]] if k else ""
        n += 1 if k and (any(c in gap for c in ".!?") or gap.count("\n") >= 2) else 0
        breaks.append(n)
    assert _sentence_ids(text, starts, ends).tolist() == breaks


@settings(max_examples=100, deadline=None)
@given(texts)
def test_sentence_layout_equals_a_bisect_per_word(text):
    sent_starts = tuple(s.start for s in split_sentences(text)) or (0,)
    of_word = tuple(max(0, bisect_right(sent_starts, m.start()) - 1) for m in _WORD_ONLY_RE.finditer(text))
    per_sentence = tuple(of_word.count(s) for s in range(len(sent_starts)))
    assert _sentence_layout(text) == (sent_starts, of_word, per_sentence)


@settings(max_examples=100, deadline=None)
@given(texts, st.booleans(), st.booleans())
def test_word_keys_equal_one_key_per_word(text, case, numbers):
    options = ReuseOptions(ignore_case=case, ignore_numbers=numbers)
    expected = tuple(word_key(m.group(), options) for m in _WORD_ONLY_RE.finditer(text))
    assert word_keys(text, options).keys == expected
