"""Report: what a comparison or a triage looks like outside the window.

Owns `export` (the JSON analysis, schema copydesk.analysis/1, and writing JSON or HTML),
`htmlreport` (the self-contained HTML report), `markstable` (review marks as a table),
`claimviews` (claim wordings, their differences and conflict spans, shared with the
sidebar) and `triagereport` (schema copydesk.triage/1 and its HTML page).
The top of the core: may import every other part of it.
"""
