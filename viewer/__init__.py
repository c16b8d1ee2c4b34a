"""Copydesk: a desktop article comparison viewer for editors."""

__version__ = "0.1.0"
