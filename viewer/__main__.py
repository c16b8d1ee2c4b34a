"""`python -m viewer`: the same as `python main.py`."""

import sys

from viewer.app import main

if __name__ == "__main__":  # worker processes (spawn) import this module too
    sys.exit(main())
