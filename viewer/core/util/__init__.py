"""Plumbing every part of the core may use: cancellation and progress, atomic file writing, where
Copydesk's own files are, and what it ships.

Owns `cancel` (the cancel flag and progress callables long computations take), `atomic` (write a
temporary file, fsync, rename), `bundled` (resources, seeds and data found the same way from a
checkout, an installed package or the standalone bundle) and `licences` (the bundled components and
their licences); `collector` (the cyclic garbage collector paused while an analysis runs),
`elsewhere` (calls run in a second process), `arrays` (numpy helpers of the bulk steps) and
`sequence_matcher` (difflib's SequenceMatcher, in C where CyDifflib is installed).
Imports nothing from Copydesk.
"""
