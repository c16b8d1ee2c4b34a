"""Where Copydesk's own files are: the one place that knows how the app was installed.

Three layouts hold the same files under the same relative names:

- a checkout (or an editable install): `viewer/` beside `resources/` and `seeds/`;
- an installed wheel: `resources/` and `seeds/` copied into the package (`viewer/resources`,
  `viewer/seeds`, see pyproject.toml);
- a PyInstaller bundle (`copydesk.spec`): the same package layout under the bundle's data folder
  (`sys._MEIPASS`), with `sys.frozen` set.

Every lookup of a resource, a seed or a data file goes through `bundled_path`, so no other module
builds paths from its own location. Pure Python, no Qt.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["bundled_path", "core_data_path", "is_frozen", "package_dir", "resource_path", "seeds_dir",
           "synonym_table_path"]

# The `viewer` package folder when running from source or an installed wheel.
_SOURCE_PACKAGE = Path(__file__).resolve().parents[2]


def is_frozen() -> bool:
    """True inside a PyInstaller bundle (no Python installation needed)."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def package_dir() -> Path:
    """The folder of the `viewer` package: in the bundle's data folder when frozen."""
    if is_frozen():
        return Path(sys._MEIPASS) / "viewer"  # type: ignore[attr-defined]
    return _SOURCE_PACKAGE


def bundled_path(*parts: str) -> Path:
    """A file or folder shipped with Copydesk, given relative to the package (`"seeds"`,
    `"resources", "style.qss"`, `"core", "text", "data", …`).

    Looked up inside the package first (installed wheel, bundle), then beside it (checkout);
    when neither exists the checkout's path is returned, so a caller can test `.exists()`.
    """
    inside = package_dir().joinpath(*parts)
    if inside.exists():
        return inside
    beside = package_dir().parent.joinpath(*parts)
    return beside if beside.exists() else inside if is_frozen() else beside


def resource_path(*parts: str) -> Path:
    """A file of `resources/` (icon, stylesheet, .desktop file, AppStream metainfo)."""
    return bundled_path("resources", *parts)


def seeds_dir() -> Path:
    """The folder of the bundled sample articles."""
    return bundled_path("seeds")


def core_data_path(package: str, name: str) -> Path:
    """A data file of a core package: `core_data_path("claims", "matcher.json")` is
    `viewer/core/claims/data/matcher.json` (fitted models, tables)."""
    return bundled_path("core", package, "data", name)


def synonym_table_path() -> Path:
    """The offline WordNet synonym table (`viewer/core/text/data/wordnet_synonyms.tsv.gz`)."""
    return core_data_path("text", "wordnet_synonyms.tsv.gz")
