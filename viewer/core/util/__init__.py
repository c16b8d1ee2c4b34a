"""Plumbing every part of the core may use: cancellation and progress, atomic file writing.

Owns `cancel` (the cancel flag and progress callables long computations take) and `atomic`
(write a temporary file, fsync, rename). Imports nothing from Copydesk.
"""
