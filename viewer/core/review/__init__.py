"""Review: an editor's work on a comparison, kept and never lost.

Owns `session` (the `.copydesk` file: articles with text snapshots, order, base, marks),
`marks` (stable keys of claims and conflicts, review marks and filtering), `recovery`
(autosave and crash detection) and `workspace` (sources in, loaded articles and one
Comparison out, as the window and the command line open them).
Imports `comparison`, `formats`, `text` and `util`; never `report`, which reads marks.
"""
