"""Triage: a folder of wire copy and stories in, stories and source links out.

Owns `folder` (`triage_folder`, `triage_articles`: the steps in order and the full pair
analyses), `model` (options and result types), `reading` (the folder's files, read as triage
needs them), `stories` (grouping into stories, linking each article to its sources),
`nearcopies` (MinHash sketches and LSH candidate pairs, pure functions of text batches),
`links` (the direction and label of each link), `sources`, `topics`, `wireform`, `doctime`
and `workerpool` (the two-process pool for big folders).
Imports `reuse`, `diff`, `formats`, `text` and `util`.
"""
