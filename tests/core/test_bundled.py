"""The one helper that finds Copydesk's own files: checkout, installed package, PyInstaller bundle."""

import gzip
import re
import sys
from pathlib import Path

import pytest

from viewer.core.util import bundled

ROOT = Path(__file__).resolve().parents[2]


def _layout(base: Path) -> Path:
    """A package layout like the wheel's or the bundle's under `base`; returns base/viewer."""
    pkg = base / "viewer"
    (pkg / "resources" / "icons").mkdir(parents=True)
    (pkg / "resources" / "style.qss").write_text("QWidget {}")
    (pkg / "seeds").mkdir()
    (pkg / "seeds" / "a.txt").write_text("One seed.")
    (pkg / "core" / "text" / "data").mkdir(parents=True)
    (pkg / "core" / "text" / "data" / "wordnet_synonyms.tsv.gz").write_bytes(gzip.compress(b"S\tx"))
    return pkg


def test_checkout_files_are_found():
    assert bundled.resource_path("style.qss") == ROOT / "resources" / "style.qss"
    assert bundled.resource_path("icons", "copydesk.svg").is_file()
    assert bundled.seeds_dir() == ROOT / "seeds"
    assert bundled.synonym_table_path().is_file()
    assert not bundled.is_frozen()


def test_installed_package_layout_wins_over_the_checkout(tmp_path, monkeypatch):
    pkg = _layout(tmp_path / "site-packages")
    monkeypatch.setattr(bundled, "_SOURCE_PACKAGE", pkg)
    assert bundled.resource_path("style.qss") == pkg / "resources" / "style.qss"
    assert bundled.seeds_dir() == pkg / "seeds"
    assert bundled.synonym_table_path() == pkg / "core" / "text" / "data" / "wordnet_synonyms.tsv.gz"


def test_frozen_bundle_uses_meipass_and_never_the_checkout(tmp_path, monkeypatch):
    pkg = _layout(tmp_path / "_internal")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert bundled.is_frozen()
    assert bundled.package_dir() == pkg
    assert bundled.resource_path("style.qss") == pkg / "resources" / "style.qss"
    assert bundled.seeds_dir() == pkg / "seeds"
    from viewer.core.formats.loaders import seed_paths
    assert seed_paths() == [pkg / "seeds" / "a.txt"]
    # A file the bundle lacks is looked for in the bundle, not in a checkout that happens to exist.
    missing = bundled.resource_path("icons", "copydesk.svg")
    assert not missing.exists() and str(missing).startswith(str(tmp_path))


def test_missing_file_from_a_checkout_names_the_checkout_path():
    p = bundled.resource_path("no-such-file.qss")
    assert p == ROOT / "resources" / "no-such-file.qss" and not p.exists()


def test_no_other_module_builds_paths_from_its_own_location():
    offenders = []
    for path in (ROOT / "viewer").rglob("*.py"):
        if path.name == "bundled.py" and path.parent.name == "util":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"__file__|importlib\.resources|from importlib import resources", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.parametrize("spec_path", ["copydesk.spec"])
def test_spec_bundles_what_the_helper_looks_up(spec_path):
    """The spec puts resources, seeds and every core package's data folder (synonym table, fitted
    models) where `bundled_path` and `core_data_path` look for them."""
    spec = (ROOT / spec_path).read_text(encoding="utf-8")
    for parts in (("resources",), ("seeds",)):
        joined = ", ".join(f'"{p}"' for p in ("viewer",) + parts)
        assert f"os.path.join({joined})" in spec
    assert 'os.path.join("viewer", "core", package, "data")' in spec  # one entry per data folder
    assert 'for package in sorted(os.listdir(os.path.join(ROOT, "viewer", "core")))' in spec
    data_folders = sorted(p.parent.name for p in (ROOT / "viewer" / "core").glob("*/data"))
    assert {"text", "claims", "reuse"} <= set(data_folders)
