"""Headless folder triage: `python main.py --triage FOLDER --export OUT.json|OUT.html`.

Exit status 0 on success (unreadable files inside the folder are listed in
the result, one stderr line each, and do not fail the run); 2 on a usage
error or a folder that cannot be read, after one stderr line naming it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_OK, EXIT_USAGE


def run_triage(args: argparse.Namespace, err=None) -> int:
    """Triage `args.triage` and write `args.export`; return the exit status."""
    from viewer.core.formats.loaders import LoadError
    from viewer.core.report.triagereport import TRIAGE_FORMATS, export_triage
    from viewer.core.triage.folder import triage_folder

    err = err or sys.stderr
    out = args.export
    if not out:
        print("copydesk: --triage needs --export OUT.json or OUT.html when run headless", file=err)
        return EXIT_USAGE
    if Path(out).suffix.lower() not in TRIAGE_FORMATS:
        print(f"copydesk: {out}: unsupported export format (use .json or .html)", file=err)
        return EXIT_USAGE
    if getattr(args, "files", None):
        print(f"copydesk: {args.files[0]}: --triage takes a folder, not FILE arguments", file=err)
        return EXIT_USAGE
    try:
        result = triage_folder(args.triage)
    except LoadError as exc:
        print(f"copydesk: {exc.path}: {exc.reason}", file=err)
        return EXIT_USAGE
    for e in result.errors:
        print(f"copydesk: {e.path}: {e.reason} (skipped)", file=err)
    try:
        export_triage(result, out)
    except OSError as exc:
        print(f"copydesk: {out}: cannot write ({exc.strerror or exc})", file=err)
        return EXIT_USAGE
    return EXIT_OK
