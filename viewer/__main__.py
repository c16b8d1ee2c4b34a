"""`python -m viewer`: the same as `python main.py`."""

import sys

from viewer.app import main

sys.exit(main())
