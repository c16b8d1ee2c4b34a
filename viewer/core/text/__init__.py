"""Text: what an article is and how its words, sentences and language are read.

Owns `article` (the Article record and its letters), `tokens` (Unicode-aware words with
code-point offsets), `sentences` (segmentation), `language` (detection and stems), `furniture`
(captions, credits, navigation) and `synonyms` (the offline WordNet table in `data/`, used
by both the claim matcher and the spin detector, hence here and not under `claims/`).
Imports only `util` from Copydesk.
"""
