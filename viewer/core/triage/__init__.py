"""Triage: a folder of wire copy and stories in, stories and source links out.

Owns `folder` (`triage_folder`: reading, grouping into stories, linking), `nearcopies`
(MinHash sketches and LSH candidate pairs, pure functions of text batches), `links` (the
direction and label of each link) and `workerpool` (the two-process pool for big folders).
Imports `reuse`, `diff`, `formats`, `text` and `util`.
"""
