"""JSON analysis and HTML report: contract shape, determinism, escaping, atomic writes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.core.comparison import compare
from viewer.core.report.export import analysis_dict, export, to_html, to_json
from viewer.core.reuse.relation import derivation
from viewer.core.text.article import Article
from viewer.core.util import atomic
from viewer.core.util.atomic import write_atomic

ROOT = Path(__file__).resolve().parents[2]

ART_A = Article("A", "Budget passes", "The council passed the budget on Monday.\nIt rose 4 percent.")
ART_B = Article("B", "Council vote", "The council approved the budget on Monday night.\nIt rose 5 percent.")
ART_C = Article("C", "Other", "A <script>alert(1)</script> and <b>bold</b> text about a budget.")


def test_json_follows_contract():
    comp = compare([ART_A, ART_B, ART_C])
    data = json.loads(to_json(comp))
    assert data["schema"] == "copydesk.analysis/1"
    assert data["base"] == "A"
    assert [a["id"] for a in data["articles"]] == ["A", "B", "C"]
    assert [(p["a"], p["b"]) for p in data["pairs"]] == [("A", "B"), ("A", "C"), ("B", "C")]
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for p in data["pairs"]:
        assert 0 <= p["similarity"] <= 1
        for key in ("verbatim", "spin", "relation", "diff"):
            assert key in p
        assert set(p["relation"]) == {"label", "derived", "basis"}
        assert (p["relation"]["basis"] is None) == (p["relation"]["derived"] is None)
        ops = p["diff"]
        assert "".join(t for op, t in ops if op != "+") == texts[p["a"]]
        assert "".join(t for op, t in ops if op != "-") == texts[p["b"]]
    assert "claims" in data
    assert data["articles"][0]["words"] == ART_A.word_count


def test_same_input_gives_byte_identical_json():
    one = to_json(compare([ART_A, ART_B]))
    two = to_json(compare([ART_A, ART_B]))
    assert one == two


def test_similarity_is_symmetric():
    ab = analysis_dict(compare([ART_A, ART_B]))["pairs"][0]["similarity"]
    ba = analysis_dict(compare([ART_B.with_id("A"), ART_A.with_id("B")]))["pairs"][0]["similarity"]
    assert ab == ba


def test_html_escapes_article_text():
    html = to_html(compare([ART_A, ART_C]))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>bold" not in html
    assert "http" not in html.lower().replace("http-equiv", "")  # no external resources
    assert "Budget passes" in html and "Other" in html


def test_write_atomic_replaces_and_keeps_old_file_on_failure(tmp_path, monkeypatch):
    out = tmp_path / "out.json"
    write_atomic(out, b"first")
    assert out.read_bytes() == b"first"
    write_atomic(out, b"second")
    assert out.read_bytes() == b"second"

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(out, b"third")
    assert out.read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_export_refuses_unknown_format(tmp_path):
    with pytest.raises(ValueError):
        export(compare([ART_A, ART_B]), tmp_path / "out.xyz")


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_cli_exports_seeds_by_default(tmp_path):
    out = tmp_path / "seeds.json"
    res = run_cli("--export", str(out))
    assert res.returncode == 0, res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5
    assert all(a["path"].startswith("seeds") for a in data["articles"])
    assert len(data["pairs"]) == 10


def test_cli_base_and_html(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ART_A.text, encoding="utf-8")
    b.write_text(ART_B.text, encoding="utf-8")
    before = (a.stat().st_mtime_ns, a.read_bytes())
    out = tmp_path / "r.json"
    res = run_cli("--export", str(out), "--base", str(b), str(a), str(b))
    assert res.returncode == 0, res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["base"] == "B"
    assert (a.stat().st_mtime_ns, a.read_bytes()) == before  # input untouched
    html = tmp_path / "r.html"
    assert run_cli("--export", str(html), str(a), str(b)).returncode == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_reports_bad_input_and_exits_2(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A perfectly good article about the budget.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    out = tmp_path / "o.json"
    res = run_cli("--export", str(out), str(good), str(tmp_path / "missing.txt"), str(empty), str(binary))
    assert res.returncode == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 3
    assert any("missing.txt" in ln and "not found" in ln for ln in lines)
    assert any("empty.txt" in ln and "empty" in ln for ln in lines)
    assert any("bin.txt" in ln for ln in lines)


def test_cli_usage_errors_exit_2(tmp_path):
    assert run_cli("--export", str(tmp_path / "o.pdfx")).returncode == 2
    assert run_cli("--bogus-flag").returncode == 2


def test_core_never_imports_qt():
    code = ("import sys, pkgutil, importlib, viewer.core as c\n"
            "for m in pkgutil.walk_packages(c.__path__, 'viewer.core.'):\n"
            "    importlib.import_module(m.name)\n"
            "import viewer.cli\n"
            "assert not any(k.startswith('PySide6') for k in sys.modules), 'Qt was imported'\n"
            "print('clean')")
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    assert "clean" in res.stdout


def test_each_article_carries_its_derivation_from_all_the_others(prose):
    take1, take2 = prose(11, 600), prose(12, 600)
    story = Article("C", "Story", take1[:len(take1) // 2] + " " + take2[:len(take2) // 2])
    comp = compare([Article("A", "Take 1", take1), Article("B", "Take 2", take2), story],
                   with_claims=False)
    data = analysis_dict(comp)
    found = {a["id"]: a["derivation"] for a in data["articles"]}
    assert found["C"]["label"] == "wholly-derived"
    assert found["C"]["score"] > max(derivation(story, take).score for take in comp.articles[:2])
    assert all(set(d) == {"label", "score", "against"} for d in found.values())
    assert found["C"]["against"] == ["A", "B"] and found["A"]["against"] == ["B", "C"]
    assert "from the others: wholly derived" in to_html(comp)
    assert comp.without("A").derivations == {}  # found again by the re-analysis
    assert analysis_dict(compare([ART_A]))["articles"][0]["derivation"] is None


def test_report_matrix_names_the_derived_article_and_why():
    item = ("The harbour master said the new pier will open to ferries in the spring after two years "
            "of delays, and that fares will stay as they are for the first season. ") * 3
    wire = Article("W", "Pier", "09:15 03/02/24: Page 1 (HHH) HARBOUR Pier\nPIER OPENS\nBy Jo Bloggs, PA News\n"
                   + item + "\nends\n")
    story = Article("S", "Pier at last", "Pier at last\n\nResidents cheered on the quay. " + item
                    + " The council will vote on parking next month, its leader told reporters.")
    html = to_html(compare([story, wire], with_claims=False))
    assert "S from W" in html
    assert "S is derived, going by wire copy&#x27;s form" in html


def test_html_claims_table_marks_presence_in_each_articles_colour():
    import re

    from viewer.core.report.htmlreport import ARTICLE_COLOURS
    comp = compare([ART_A, ART_B])
    html = to_html(comp)
    dots = re.findall(r"<td class='dot'[^>]*style='color:([^']+)'>([●○])</td>", html)
    assert len(dots) == 2 * len(comp.claims)
    assert [c for c, _ in dots[:2]] == list(ARTICLE_COLOURS[:2])
    assert {d for _, d in dots} <= {"●", "○"} and "●" in {d for _, d in dots}
