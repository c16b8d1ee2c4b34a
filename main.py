"""Copydesk entry point: the GUI, or a headless export with --export."""

import sys

from viewer.app import main

if __name__ == "__main__":
    sys.exit(main())
