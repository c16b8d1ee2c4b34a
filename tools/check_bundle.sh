#!/usr/bin/env bash
# Before resolving a change that touches packaging: build the bundle and archive with the one
# documented command, then run tests/test_bundle.py against that build (byte-identical exports with
# an empty environment, triage worker processes, install.sh / uninstall.sh with desktop-file-validate
# and appstreamcli, the archive's contents). Needs `pip install -e '.[bundle]'`; takes ~3 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
nice "$py" tools/build_bundle.py
COPYDESK_BUNDLE=dist/Copydesk nice "$py" -m pytest -q -p no:cacheprovider tests/test_bundle.py
