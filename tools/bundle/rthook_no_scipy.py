"""PyInstaller runtime hook: a placeholder `scipy.integrate` for datasketch, which the bundle leaves out.

The bundle carries only `scipy.sparse` (Copydesk's claim candidates and sentence alignment use it).
datasketch imports `scipy.integrate.quad` at import time, only to choose LSH bands and rows from a
threshold; Copydesk passes the bands and rows itself (`MinHashLSH(params=...)` in
viewer/core/triage/nearcopies.py), so `scipy.integrate` and the rest of SciPy (its linear algebra
with its own OpenBLAS) stay out of the bundle. Anything that does reach it gets a clear error
instead of a wrong answer.
"""

import sys
import types


def _not_bundled(*_args, **_kwargs):
    raise RuntimeError("scipy.integrate is not part of the Copydesk bundle; pass MinHashLSH(params=...)")


if "scipy.integrate" not in sys.modules:
    _integrate = types.ModuleType("scipy.integrate")
    _integrate.quad = _not_bundled
    sys.modules["scipy.integrate"] = _integrate
