"""One voice: the headless export on every bad file of the suite writes only `copydesk:` lines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_loaders import BAD, NEWS

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONWARNINGS="default")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=240)


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> list[Path]:
    """Every bad file of the loader tests, each built in a folder of its own."""
    base = tmp_path_factory.mktemp("bad")
    paths = []
    for name, build, _ in BAD:
        folder = base / name
        folder.mkdir()
        paths.append(build(folder))
    good = base / "good.txt"
    good.write_text(NEWS, "utf-8")
    return paths + [good]


def _only_copydesk_lines(stderr: str) -> list[str]:
    lines = stderr.splitlines()
    assert lines, "expected one line per bad file"
    strays = [line for line in lines if not line.startswith("copydesk:")]
    assert not strays, strays
    return lines


def test_headless_export_on_every_bad_file_speaks_only_as_copydesk(bad_files, tmp_path):
    done = _run(["--export", str(tmp_path / "out.json"), *map(str, bad_files)], tmp_path)
    assert done.returncode == 2
    lines = _only_copydesk_lines(done.stderr)
    for path in bad_files[:-1]:
        assert any(str(path) in line for line in lines), path
    assert "EOF marker" not in done.stderr and "Traceback" not in done.stderr
    assert (tmp_path / "out.json").is_file()  # the readable file is still analysed


def test_pdf_export_and_triage_speak_only_as_copydesk(bad_files, tmp_path):
    pdfs = [p for p in bad_files if p.suffix == ".pdf"] + [bad_files[-1]]
    done = _run(["--export", str(tmp_path / "out.pdf"), *map(str, pdfs)], tmp_path)
    assert done.returncode == 2 and (tmp_path / "out.pdf").stat().st_size > 0
    _only_copydesk_lines(done.stderr)
    folder = tmp_path / "feed"
    folder.mkdir()
    for k, p in enumerate(pdfs):
        (folder / f"{k}{p.suffix}").write_bytes(p.read_bytes())
    done = _run(["--triage", str(folder), "--export", str(tmp_path / "t.json")], tmp_path)
    assert done.returncode == 0
    assert len(_only_copydesk_lines(done.stderr)) == len(pdfs) - 1


def test_verbose_shows_the_library_detail_in_copydesk_lines(bad_files, tmp_path):
    truncated = next(p for p in bad_files if p.name == "cut.pdf")
    log = tmp_path / "copydesk.log"
    done = _run(["--verbose", "--log", str(log), "--export", str(tmp_path / "o.json"),
                 str(truncated), str(bad_files[-1])], tmp_path)
    lines = _only_copydesk_lines(done.stderr)
    assert any(line.startswith("copydesk: detail:") for line in lines)
    assert any(not line.startswith("copydesk: detail:") and "corrupt PDF file" in line
               for line in lines)
    assert "pypdf" in log.read_text("utf-8")
