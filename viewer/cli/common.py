"""What the two headless entry points share: the argument parser and the exit codes.

    python main.py [FILE ...]                          # GUI; no FILE opens the seeds
    python main.py --export OUT [--base FILE] FILE...  # headless analysis export, then exit
    python main.py --triage FOLDER --export OUT        # headless folder triage

Exit status 0 on success, 2 on a usage error or unreadable input, after one
line per problem on stderr naming the file and the reason. Every stderr line
starts with `copydesk:`; library messages go to the log (see `voice`), shown
with --verbose or written to --log FILE.
"""

from __future__ import annotations

import argparse

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
    p.add_argument("--triage", metavar="FOLDER",
                   help="group every article under FOLDER into stories and link copies to "
                        "their sources (headless with --export OUT.json|OUT.html)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="also print the details behind Copydesk's messages (library warnings, "
                        "tracebacks) on stderr, each line starting 'copydesk: detail:'")
    p.add_argument("--log", metavar="FILE",
                   help="append those details, with times, to FILE")
    return p


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line (argparse exits with status 2 on usage errors)."""
    return build_parser().parse_args(argv)
