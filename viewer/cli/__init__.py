"""Copydesk's command line: one parser, two headless entry points sharing the exit codes.

`common` holds the parser and the exit codes; `analysis` writes the analysis export of
FILEs (JSON, HTML or PDF); `triage` writes the triage of a FOLDER. `run_headless` picks
the one the arguments ask for. Imports `viewer.core` (and `viewer.ui.pdfexport` for PDF).
"""

from __future__ import annotations

import argparse

from .common import EXIT_OK, EXIT_USAGE, build_parser, parse_args

__all__ = ["EXIT_OK", "EXIT_USAGE", "build_parser", "parse_args", "run_headless"]


def run_headless(args: argparse.Namespace, err=None) -> int:
    """Run the export `args` ask for (triage of a folder, or analysis of files); the exit status."""
    if getattr(args, "triage", None):
        from .triage import run_triage
        return run_triage(args, err)
    from .analysis import run_analysis
    return run_analysis(args, err)
