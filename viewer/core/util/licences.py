"""The third-party components Copydesk ships and their licences (for Help ▸ About and the bundle).

`COMPONENTS` names every distribution the app needs at run time (`runtime_distributions`, read from
the installed metadata, must all be in it; a test checks this and that each licence agrees with the
package's own metadata) plus what comes inside them or beside them: Qt, the Python runtime, the
WordNet data. Pure Python, no Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["COMPONENTS", "Component", "normalise_name", "runtime_distributions"]


@dataclass(frozen=True)
class Component:
    """One bundled component: its name, what it does for Copydesk, its licence (SPDX-style)."""
    name: str
    role: str
    licence: str
    distribution: str | None = None  # the PyPI distribution, when it is one


COMPONENTS: tuple[Component, ...] = (
    Component("Qt 6", "windows, text layout, printing and PDF (dynamically linked, replaceable "
              "libraries in the bundle folder)", "LGPL-3.0-only"),
    Component("PySide6", "Qt for Python", "LGPL-3.0-only", "pyside6-essentials"),
    Component("shiboken6", "PySide6's binding runtime", "LGPL-3.0-only", "shiboken6"),
    Component("ICU", "Unicode support inside Qt", "Unicode licence (ICU)"),
    Component("Python", "the interpreter and standard library", "PSF-2.0"),
    Component("WordNet 3.0", "the offline synonym table (© 2006 Princeton University)",
              "WordNet licence"),
    Component("diff-match-patch", "the word diff (Google)", "Apache-2.0", "diff-match-patch"),
    Component("fast-diff-match-patch", "the word diff's C++ backend", "Apache-2.0",
              "fast-diff-match-patch"),
    Component("CyDifflib", "difflib's sequence matching in C, for the claims", "MIT", "cydifflib"),
    Component("regex", "tokenising", "Apache-2.0", "regex"),
    Component("pysbd", "sentence boundaries", "MIT", "pysbd"),
    Component("snowballstemmer", "stems", "BSD-3-Clause", "snowballstemmer"),
    Component("PyStemmer", "the same Snowball stemmers in C", "MIT AND BSD-3-Clause", "pystemmer"),
    Component("charset-normalizer", "text encodings", "MIT", "charset-normalizer"),
    Component("trafilatura", "the article of a saved web page", "Apache-2.0", "trafilatura"),
    Component("courlan", "used by trafilatura", "Apache-2.0", "courlan"),
    Component("htmldate", "used by trafilatura", "Apache-2.0", "htmldate"),
    Component("jusText", "used by trafilatura", "BSD-2-Clause", "justext"),
    Component("lxml", "HTML and XML (with libxml2 and libxslt, MIT)", "BSD-3-Clause", "lxml"),
    Component("lxml_html_clean", "used by jusText", "BSD-3-Clause", "lxml-html-clean"),
    Component("dateparser", "used by htmldate", "BSD-3-Clause", "dateparser"),
    Component("python-dateutil", "used by htmldate", "BSD-3-Clause", "python-dateutil"),
    Component("six", "used by python-dateutil before 4.0 (Python 3.10)", "MIT", "six"),
    Component("Babel", "used by courlan", "BSD-3-Clause", "babel"),
    Component("tld", "used by courlan", "MPL-1.1 OR GPL-2.0-only OR LGPL-2.1-or-later", "tld"),
    Component("pytz", "time zones", "MIT", "pytz"),
    Component("tzlocal", "time zones", "MIT", "tzlocal"),
    Component("tzdata", "time zones", "Apache-2.0", "tzdata"),
    Component("urllib3", "used by trafilatura (nothing is fetched)", "MIT", "urllib3"),
    Component("certifi", "used by trafilatura (nothing is fetched)", "MPL-2.0", "certifi"),
    Component("markdown-it-py", "Markdown files", "MIT", "markdown-it-py"),
    Component("mdurl", "used by markdown-it-py", "MIT", "mdurl"),
    Component("striprtf", "RTF files", "BSD-3-Clause", "striprtf"),
    Component("pypdf", "PDF files", "BSD-3-Clause", "pypdf"),
    Component("cryptography", "encrypted PDFs (pypdf's crypto extra; with OpenSSL, Apache-2.0)",
              "Apache-2.0 OR BSD-3-Clause", "cryptography"),
    Component("cffi", "used by cryptography", "MIT", "cffi"),
    Component("typing_extensions", "used by cryptography and pypdf on Python 3.10", "PSF-2.0",
              "typing-extensions"),
    Component("pycparser", "used by cffi", "BSD-3-Clause", "pycparser"),
    Component("datasketch", "MinHash LSH for folder triage", "MIT", "datasketch"),
    Component("NumPy", "arrays (with OpenBLAS, BSD-3-Clause)", "BSD-3-Clause", "numpy"),
    Component("SciPy", "sparse products for candidate pairs; used by datasketch", "BSD-3-Clause", "scipy"),
)


def normalise_name(name: str) -> str:
    """A distribution name as PyPI compares them (PEP 503): lower case, runs of -_. as one -."""
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: str = "copydesk") -> list[str]:
    """Normalised names of `root` and every distribution it needs at run time on this machine
    (requirements whose markers hold, with the extras a requirement asks for), from the installed
    metadata."""
    from importlib import metadata  # noqa: PLC0415 - 25 ms; the window only needs COMPONENTS

    from packaging.requirements import Requirement  # noqa: PLC0415 - only where metadata is read

    seen: set[tuple[str, str]] = set()  # (distribution, extra asked of it; "" for none)
    todo = [(root, "")]
    while todo:
        name, extra = todo.pop()
        name = normalise_name(name)
        if (name, extra) in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.add((name, extra))
        for line in dist.requires or ():
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": extra}):
                todo.append((req.name, ""))
                todo.extend((req.name, e) for e in req.extras)  # "pypdf[crypto]" needs crypto's too
    return sorted({name for name, _ in seen})
