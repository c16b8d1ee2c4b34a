"""Diff: how two texts line up, word by word and sentence by sentence.

Owns `worddiff` (diff-match-patch in word mode, anchored, C++ or Python backend), `align`
(sentence alignment, offset mapping for scroll sync), `moves` (moved passages) and
`sequences` (longest increasing subsequence, union-find, span union, sliced sorting).
Imports `text` and `util` only.
"""
