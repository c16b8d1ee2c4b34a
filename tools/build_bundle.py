"""Build Copydesk's standalone bundle: dist/Copydesk/ and an archive of it for editors.

    python tools/build_bundle.py [--distpath dist] [--workpath build]

Runs PyInstaller on copydesk.spec (one-folder mode), adds install.sh / uninstall.sh and a short
README.txt on Linux, then packs `Copydesk-<version>-<os>-<machine>.tar.gz` (a .zip on Windows)
beside the folder and prints the sizes. Needs PyInstaller: `pip install -e '.[bundle]'`.
The same command works on Linux, Windows and macOS (on macOS the spec also makes Copydesk.app).
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer import __version__  # noqa: E402

README_TXT = """Copydesk {version}: compare articles side by side (standalone build, no Python needed)

Start it:   ./copydesk            (opens five sample articles the first time)
            ./copydesk FILE ...   (your articles: .txt .md .html .docx .odt .rtf .pdf)
Menu entry: ./install.sh          (adds Copydesk to your applications menu, for you only)
Remove it:  ./uninstall.sh        (then delete this folder)
Headless:   ./copydesk --export report.html FILE ...

Licences of the bundled components: Help > About in the program, and the .dist-info folders
in _internal/.
"""


def platform_tag() -> str:
    """`linux-x86_64`, `windows-x86_64`, `macos-arm64`, … for the archive's name."""
    system = {"Darwin": "macos"}.get(platform.system(), platform.system().lower())
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


def folder_size(path: Path) -> int:
    """Bytes of all files under `path` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(distpath: Path, workpath: Path) -> Path:
    """Build the one-folder bundle; returns dist/Copydesk."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit("build_bundle: PyInstaller is not installed; run: pip install -e '.[bundle]'")
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(distpath), "--workpath", str(workpath), str(ROOT / "copydesk.spec")]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return distpath / "Copydesk"


def add_linux_extras(bundle: Path) -> None:
    """install.sh, uninstall.sh and README.txt beside the program."""
    for name in ("install.sh", "uninstall.sh"):
        dest = bundle / name
        shutil.copyfile(ROOT / "tools" / "bundle" / name, dest)
        dest.chmod(0o755)
    (bundle / "README.txt").write_text(README_TXT.format(version=__version__), encoding="utf-8")


def make_archive(bundle: Path) -> Path:
    """Pack the bundle folder (as `Copydesk/`) into a .tar.gz, a .zip on Windows; on macOS the
    archive holds Copydesk.app instead."""
    stem = bundle.parent / f"Copydesk-{__version__}-{platform_tag()}"
    app = bundle.parent / "Copydesk.app"
    if sys.platform == "win32":
        out = stem.with_suffix(".zip")
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for p in sorted(bundle.rglob("*")):
                zf.write(p, Path("Copydesk") / p.relative_to(bundle))
        return out
    out = Path(f"{stem}.tar.gz")
    with tarfile.open(out, "w:gz", compresslevel=9) as tf:
        if sys.platform == "darwin" and app.is_dir():
            tf.add(app, arcname=app.name)
        else:
            tf.add(bundle, arcname="Copydesk")
    return out


def main(argv: list[str] | None = None) -> int:
    """Build, add the installer scripts, pack, print sizes."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--distpath", type=Path, default=ROOT / "dist")
    ap.add_argument("--workpath", type=Path, default=ROOT / "build")
    args = ap.parse_args(argv)
    bundle = run_pyinstaller(args.distpath.resolve(), args.workpath.resolve())
    if sys.platform.startswith("linux"):
        add_linux_extras(bundle)
    archive = make_archive(bundle)
    print(f"bundle:  {bundle}  {folder_size(bundle) / 1e6:.0f} MB unpacked")
    print(f"archive: {archive}  {archive.stat().st_size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
