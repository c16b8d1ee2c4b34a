"""The standalone bundle: built from copydesk.spec, it runs with an empty environment (no Python on
PATH) and gives the same results as the installed app; its install.sh adds and removes the launcher.

PyInstaller comes with the test install (`pip install -e '.[test]'`, as CI runs it), so the suite
builds the bundle (about a minute): a change that breaks the bundle fails CI. Skipped only where
PyInstaller is missing (an install without the test extra). With COPYDESK_BUNDLE=dist/Copydesk the
tests check that bundle instead of building one (tools/check_bundle.sh does this).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e '.[bundle]')")
if not sys.platform.startswith("linux"):
    pytest.skip("the bundle is built and tested on Linux here", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "core"))
from loader_fixtures import make_docx, make_odt, make_pdf  # noqa: E402

TIMEOUT = 180


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """dist/Copydesk: the one named by COPYDESK_BUNDLE, or one built now into a temporary folder."""
    given = os.environ.get("COPYDESK_BUNDLE")
    if given:
        return Path(given).resolve()
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_bundle.py"), "--distpath",
                    str(out / "dist"), "--workpath", str(out / "build")], check=True, cwd=ROOT,
                   timeout=1200)
    return out / "dist" / "Copydesk"


def run_bundle(bundle: Path, args: list[str], home: Path, cwd: Path = ROOT, **env):
    """The bundle's program with an empty environment: only HOME (and what `env` adds)."""
    return subprocess.run([str(bundle / "copydesk"), *args], env={"HOME": str(home), **env}, cwd=cwd,
                          capture_output=True, text=True, timeout=TIMEOUT)


def run_venv(args: list[str]):
    """The same command run by this Python, as `python main.py` from the checkout."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=TIMEOUT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """Articles in every format the bundle must read, as paths relative to the checkout."""
    d = tmp_path_factory.mktemp("inputs")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    text = [line for line in seeds[0].read_text(encoding="utf-8").splitlines() if line.strip()]
    make_docx(d / "a.docx", [("", p) for p in text[:6]], title="Word copy")
    make_odt(d / "b.odt", [("p", p) for p in text[2:8]], title="ODF copy")
    make_pdf(d / "c.pdf", [[line for p in text[:4] for line in p.split(". ")]], title="PDF copy")
    return ([os.path.relpath(p, ROOT) for p in seeds[:2]]
            + ["tests/data/article.html", "tests/data/article.md", "tests/data/article.rtf"]
            + [str(d / n) for n in ("a.docx", "b.odt", "c.pdf")])


def test_bundle_holds_its_files_and_only_the_qt_modules_used(bundle):
    assert (bundle / "copydesk").is_file() and os.access(bundle / "copydesk", os.X_OK)
    internal = bundle / "_internal"
    for name in ("style.qss", "icons/copydesk.svg", "copydesk.desktop",
                 "io.github.copydesk.Copydesk.metainfo.xml"):
        assert (internal / "viewer" / "resources" / name).is_file(), name
    assert (internal / "viewer" / "core" / "text" / "data" / "wordnet_synonyms.tsv.gz").is_file()
    assert sorted(p.name for p in (internal / "viewer" / "seeds").glob("*.txt")) == sorted(
        p.name for p in (ROOT / "seeds").glob("*.txt"))
    qt_modules = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.so")}
    assert qt_modules == {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg"}


def test_headless_export_is_byte_identical_to_the_installed_app(bundle, inputs, tmp_path):
    for name, args in (("seeds", inputs[:2]), ("formats", inputs)):
        frozen, venv = tmp_path / f"{name}-bundle.json", tmp_path / f"{name}-venv.json"
        got = run_bundle(bundle, ["--export", str(frozen), *args], tmp_path)
        assert got.returncode == 0, got.stderr
        ref = run_venv(["--export", str(venv), *args])
        assert ref.returncode == 0, ref.stderr
        assert frozen.read_bytes() == venv.read_bytes()
        assert len(json.loads(frozen.read_text("utf-8"))["articles"]) == len(args)


def test_reports_and_errors_match_too(bundle, inputs, tmp_path):
    html_b, html_v = tmp_path / "b.html", tmp_path / "v.html"
    assert run_bundle(bundle, ["--export", str(html_b), *inputs[:3]], tmp_path).returncode == 0
    assert run_venv(["--export", str(html_v), *inputs[:3]]).returncode == 0
    assert html_b.read_bytes() == html_v.read_bytes()
    pdf = tmp_path / "r.pdf"  # Qt's offscreen platform from inside the bundle
    got = run_bundle(bundle, ["--export", str(pdf), *inputs[:2]], tmp_path)
    assert got.returncode == 0, got.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    bad = run_bundle(bundle, ["--export", str(tmp_path / "x.json"), "no/such/file.txt", inputs[0]], tmp_path)
    assert bad.returncode == 2 and "no/such/file.txt" in bad.stderr


def test_triage_with_worker_processes_matches(bundle, tmp_path):
    """300 files make triage start its two worker processes: the bundle's program itself."""
    import random
    rng = random.Random(7)
    vocab = [f"w{k}" for k in range(3000)]
    stories = [" ".join(rng.choice(vocab) for _ in range(120)) for _ in range(100)]
    folder = tmp_path / "feed"
    folder.mkdir()
    for k in range(300):
        words = stories[k % 100].split()
        words[rng.randrange(len(words))] = rng.choice(vocab)
        (folder / f"{k:03d}.txt").write_text(" ".join(words) + ".", encoding="utf-8")
    frozen, venv = tmp_path / "t-bundle.json", tmp_path / "t-venv.json"
    got = run_bundle(bundle, ["--triage", str(folder), "--export", str(frozen)], tmp_path)
    assert got.returncode == 0, got.stderr
    assert run_venv(["--triage", str(folder), "--export", str(venv)]).returncode == 0
    assert frozen.read_bytes() == venv.read_bytes()
    # each made-up story's three files are one story, their copies linked; (words drawn at random
    # from 3,000 share enough rare ones that some made-up stories also meet by topic)
    found = json.loads(frozen.read_text("utf-8"))
    ids = {Path(a["path"]).name: a["id"] for a in found["articles"]}
    story = {a: s["id"] for s in found["stories"] for a in s["articles"]}
    linked = {(lk["source"], lk["derived"]) for s in found["stories"] for lk in s["links"]}
    for k in range(100):
        three = [ids[f"{k + 100 * c:03d}.txt"] for c in range(3)]
        assert len({story[a] for a in three}) == 1
        assert sum((x, y) in linked or (y, x) in linked for x in three for y in three) >= 2


def test_install_and_uninstall_the_launcher(bundle, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([str(bundle / "install.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    share = home / ".local" / "share"
    desktop = share / "applications" / "copydesk.desktop"
    added = [desktop, share / "icons" / "hicolor" / "scalable" / "apps" / "copydesk.svg",
             share / "metainfo" / "io.github.copydesk.Copydesk.metainfo.xml", home / ".local" / "bin" / "copydesk"]
    assert all(p.exists() for p in added)
    assert f'Exec="{bundle / "copydesk"}" %F' in desktop.read_text()
    for tool, args in (("desktop-file-validate", [str(desktop)]),
                       ("appstreamcli", ["validate", "--no-net", str(added[2])])):
        if shutil.which(tool):
            check = subprocess.run([tool, *args], capture_output=True, text=True, timeout=60)
            assert check.returncode == 0, check.stdout + check.stderr
    gone = subprocess.run([str(bundle / "uninstall.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert gone.returncode == 0, gone.stderr
    assert not any(p.exists() or p.is_symlink() for p in added)


def test_archive_unpacks_to_the_same_folder(bundle):
    archives = list(bundle.parent.glob("Copydesk-*-linux-*.tar.gz"))
    assert len(archives) == 1
    with tarfile.open(archives[0]) as tf:
        names = set(tf.getnames())
        exe = tf.getmember("Copydesk/copydesk")
    assert {"Copydesk/install.sh", "Copydesk/uninstall.sh", "Copydesk/README.txt"} <= names
    assert exe.mode & 0o111
    assert len([n for n in names if not n.endswith("/")]) >= sum(1 for p in bundle.rglob("*") if p.is_file())
