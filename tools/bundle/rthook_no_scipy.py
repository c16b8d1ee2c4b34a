"""PyInstaller runtime hook: placeholders for the parts of SciPy the bundle leaves out but other
code imports: `scipy.integrate` for datasketch, `scipy.sparse.csgraph` for older SciPy.

The bundle carries only `scipy.sparse` (Copydesk's claim candidates and sentence alignment use it).
datasketch imports `scipy.integrate.quad` at import time, only to choose LSH bands and rows from a
threshold; Copydesk passes the bands and rows itself (`MinHashLSH(params=...)` in
viewer/core/triage/nearcopies.py), so `scipy.integrate` and the rest of SciPy (its linear algebra
with its own OpenBLAS) stay out of the bundle. SciPy before 1.16 (the newest for Python 3.10)
imports `scipy.sparse.csgraph` inside `scipy.sparse` itself, for backward compatibility only; the
graph routines would pull in SciPy's linear algebra, and Copydesk never calls them. Anything that
does reach a placeholder gets a clear error instead of a wrong answer.
"""

import sys
import types


def _not_bundled(*_args, **_kwargs):
    raise RuntimeError("scipy.integrate is not part of the Copydesk bundle; pass MinHashLSH(params=...)")


def _csgraph_missing(attr: str):
    raise AttributeError(f"scipy.sparse.csgraph is not part of the Copydesk bundle ({attr})")


if "scipy.integrate" not in sys.modules:
    _integrate = types.ModuleType("scipy.integrate")
    _integrate.quad = _not_bundled
    sys.modules["scipy.integrate"] = _integrate
if "scipy.sparse.csgraph" not in sys.modules:
    _csgraph = types.ModuleType("scipy.sparse.csgraph")
    _csgraph.__getattr__ = _csgraph_missing
    sys.modules["scipy.sparse.csgraph"] = _csgraph
