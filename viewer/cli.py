"""Command line: argument parsing and the headless export (no Qt needed).

    python main.py [FILE ...]                          # GUI; no FILE opens the seeds
    python main.py --export OUT [--base FILE] FILE...  # headless export, then exit

Exit status 0 on success, 2 on a usage error or unreadable input, after one
line per problem on stderr naming the file and the reason.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_USAGE = 0, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser shared by the GUI and the headless export."""
    p = argparse.ArgumentParser(
        prog="copydesk",
        description="Compare articles side by side: word diff, shared and unique claims.")
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="articles to open (default: the bundled sample articles)")
    p.add_argument("--export", metavar="OUT",
                   help="write the analysis to OUT (.json or .html) without a window, then exit")
    p.add_argument("--base", metavar="FILE",
                   help="the reference article the others are compared against (default: the first)")
    return p


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line (argparse exits with status 2 on usage errors)."""
    return build_parser().parse_args(argv)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _seed_display_paths() -> list[str]:
    from viewer.core.loaders import seed_paths
    out = []
    for p in seed_paths():
        try:
            out.append(os.path.relpath(p))
        except ValueError:  # another drive on Windows
            out.append(str(p))
    return out


def expand_folders(paths: list[str], err) -> list[str]:
    """Replace each folder by the supported files in it (reporting unreadable folders)."""
    from viewer.core.loaders import LoadError, folder_paths
    out = []
    for p in paths:
        if os.path.isdir(p):
            try:
                out.extend(str(f) for f in folder_paths(p))
            except LoadError as exc:
                print(f"copydesk: {exc.path}: {exc.reason}", file=err)
        else:
            out.append(p)
    return out


def input_paths(files: list[str], base: str | None) -> tuple[list[str], int]:
    """The paths to load and the index of the base among them."""
    paths = list(files) or _seed_display_paths()
    if base is None:
        return paths, 0
    for k, p in enumerate(paths):
        if _same_file(p, base):
            return paths, k
    return [base] + paths, 0


def run_export(args: argparse.Namespace, err=None) -> int:
    """Load, analyse and write `args.export`; return the exit status."""
    from viewer.core.comparison import compare
    from viewer.core.export import EXPORT_FORMATS, export
    from viewer.core.loaders import LoadError, load_article
    from viewer.core.article import letter_for

    err = err or sys.stderr
    out = args.export
    if Path(out).suffix.lower() not in EXPORT_FORMATS:
        print(f"copydesk: {out}: unsupported export format (use .json or .html)", file=err)
        return EXIT_USAGE
    paths, base_index = input_paths(expand_folders(args.files, err), args.base)
    articles, status, base_id = [], EXIT_OK, None
    for k, path in enumerate(paths):
        try:
            art = load_article(path, letter_for(len(articles)))
        except LoadError as exc:
            print(f"copydesk: {exc.path}: {exc.reason}", file=err)
            status = EXIT_USAGE
            continue
        if k == base_index:
            base_id = art.id
        articles.append(art)
    if not articles:
        print("copydesk: no readable article to analyse", file=err)
        return EXIT_USAGE
    if base_id is None:
        return status or EXIT_USAGE
    comp = compare(articles, base_id)
    try:
        export(comp, out)
    except OSError as exc:
        print(f"copydesk: {out}: cannot write ({exc.strerror or exc})", file=err)
        return EXIT_USAGE
    return status
