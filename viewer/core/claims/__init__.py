"""Claims: the statements of N articles, matched across articles, clustered, with conflicts.

Owns `finder` (statements of each article, candidate pairs, clustering into claims),
`matcher` (matching keys of a statement and the pair model that links two) and
`conflicts` (numbers, dates, names and quotes that disagree inside a claim).
Imports `text` and `util` only.
"""
