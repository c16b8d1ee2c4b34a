"""Copydesk entry point: the GUI, or a headless export with --export."""

import sys

from viewer.cli import parse_args, run_export


def main() -> int:
    """Parse the command line and start the GUI or the headless export."""
    args = parse_args()
    if args.export:
        return run_export(args)
    from viewer.app import run_gui
    return run_gui(args.files, args.triage)


if __name__ == "__main__":
    sys.exit(main())
