"""The licence table shown in Help ▸ About covers every runtime dependency, and says what they say."""

import re
from importlib import metadata

import pytest

from viewer.core.util.licences import COMPONENTS, normalise_name, runtime_distributions

LISTED = {normalise_name(c.distribution): c for c in COMPONENTS if c.distribution}

# Words that a package's own licence metadata uses for each licence family in our table.
FAMILY_WORDS = {"Apache": ("apache",), "MIT": ("mit",), "BSD": ("bsd",), "LGPL": ("lgpl", "lesser"),
                "MPL": ("mpl", "mozilla"), "PSF": ("psf", "python software foundation")}


def _declared(dist_name: str) -> str:
    """Everything a distribution's metadata says about its licence, lower-cased."""
    meta = metadata.distribution(dist_name).metadata
    parts = [meta.get("License-Expression") or "", meta.get("License") or ""]
    parts += [c for c in meta.get_all("Classifier") or [] if c.startswith("License")]
    return " ".join(parts).lower()


def test_every_runtime_dependency_is_listed():
    needed = set(runtime_distributions()) - {"copydesk"}
    assert needed, "copydesk's metadata is not installed (pip install -e .)"
    assert sorted(needed - set(LISTED)) == []


@pytest.mark.parametrize("dist", sorted(LISTED))
def test_listed_licence_agrees_with_the_package_metadata(dist):
    try:
        declared = _declared(dist)
    except metadata.PackageNotFoundError:
        pytest.skip(f"{dist} is not installed on this platform")
    family = next(f for f in FAMILY_WORDS if LISTED[dist].licence.startswith(f))
    assert any(re.search(rf"\b{word}\b", declared) for word in FAMILY_WORDS[family]), (dist, declared[:200])


def test_non_python_components_are_named():
    names = {c.name for c in COMPONENTS}
    assert {"Qt 6", "Python", "WordNet 3.0"} <= names
    assert next(c for c in COMPONENTS if c.name == "Qt 6").licence.startswith("LGPL")
