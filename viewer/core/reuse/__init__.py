"""Reuse: how much of one article was taken from another, and how it was disguised.

Owns `verbatim` (runs of shared words with an imperfection budget), `relation` (METER
derivation labels and the calibrated model), `spin` (synonym swaps of a spun copy) and
`pairs` (`analyse_pair`: runs, shares, derivation, spin and moves of one pair).
Imports `diff`, `text` and `util` only.
"""
