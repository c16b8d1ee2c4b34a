"""Copydesk's analysis core: pure Python, no Qt.

Everything here is synchronous and testable without a display; the Qt layer
(`viewer.ui`) only calls into it and draws its results.
"""
