"""PyInstaller runtime hook: a placeholder `scipy` for datasketch, which the bundle leaves out.

datasketch imports `scipy.integrate.quad` at import time, only to choose LSH bands and rows from a
threshold, and `scipy` for weighted MinHash. Copydesk passes the bands and rows itself
(`MinHashLSH(params=...)` in viewer/core/triage/nearcopies.py) and never uses weighted MinHash, so
SciPy (about 73 MB with its own OpenBLAS) stays out of the bundle. Anything that does reach SciPy
gets a clear error instead of a wrong answer.
"""

import sys
import types


def _not_bundled(*_args, **_kwargs):
    raise RuntimeError("SciPy is not part of the Copydesk bundle; pass MinHashLSH(params=...)")


if "scipy" not in sys.modules:
    _scipy = types.ModuleType("scipy")
    _scipy.__path__ = []  # a package, so `from scipy.integrate import quad` resolves below
    _integrate = types.ModuleType("scipy.integrate")
    _integrate.quad = _not_bundled
    _sparse = types.ModuleType("scipy.sparse")
    _sparse.issparse = _not_bundled
    _scipy.integrate, _scipy.sparse = _integrate, _sparse
    sys.modules.update({"scipy": _scipy, "scipy.integrate": _integrate, "scipy.sparse": _sparse})
