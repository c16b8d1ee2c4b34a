"""Folder triage: stories, source links and direction, bad files, export, CLI."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from viewer.core.formats.loaders import LoadError
from viewer.core.report.triagereport import export_triage, triage_html, triage_json
from viewer.core.text.article import Article
from viewer.core.triage.folder import triage_articles, triage_folder
from viewer.core.util.cancel import Cancelled

MAIN = Path(__file__).resolve().parents[2] / "main.py"

_WORDS = ("harbour council vote budget river bridge school teacher farmer market storm flood "
          "court judge witness police station museum painting concert orchestra railway ticket "
          "hospital nurse doctor patient election candidate mayor street festival garden winter "
          "summer village mountain lake island ferry captain engineer factory worker union strike "
          "library reader author novel poem theatre actor stadium player coach season league").split()


def prose(seed: int, n_words: int = 240) -> str:
    """Distinct made-up prose (random words from a small vocabulary, in sentences), with
    a few made-up names of its own, as a real story has (no two seeds share a topic)."""
    rng = random.Random(seed)
    names = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))
             for _ in range(12)]
    sentences = []
    count = 0
    while count < n_words:
        k = rng.randint(8, 16)
        words = [rng.choice(names) if rng.random() < 0.15 else rng.choice(_WORDS)
                 for _ in range(k)]
        sentences.append(" ".join(words).capitalize() + ".")
        count += k
    paras = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
    return "\n\n".join(paras)


def edit(text: str, seed: int, rate: float = 0.06) -> str:
    rng = random.Random(seed)
    return " ".join("changed" if rng.random() < rate else w for w in text.split(" "))


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """wire.txt; copy.txt (wire's first part, edited) written later; blog.md quoting half of
    the wire; two unrelated articles; a sub-folder; bad files."""
    wire = "Wire: storm hits the harbour\n\n" + prose(1, 300)
    first_half = wire[: len(wire) // 2]
    files = {
        "wire.txt": wire,
        "news/copy.txt": "Paper: harbour storm\n\n" + edit(first_half, 7),
        "news/blog.md": "# Blog on the storm\n\n" + prose(5, 150) + "\n\n" + wire[len(wire) // 2:],
        "other1.txt": "Other one\n\n" + prose(2, 250),
        "other2.txt": "Other two\n\n" + prose(3, 250),
        "empty.txt": "",
        "binary.txt": "",
        ".hidden.txt": wire,
        "notes.xyz": wire,
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 200)
    base = 1_600_000_000
    for k, name in enumerate(["wire.txt", "other1.txt", "other2.txt", "news/blog.md",
                              "news/copy.txt"]):
        os.utime(tmp_path / name, (base + 3600 * k, base + 3600 * k))
    return tmp_path


def _ids(result) -> dict[str, str]:
    return {Path(a.path).name: a.id for a in result.articles}


def test_reads_files_and_subfolders_in_path_order(folder: Path):
    result = triage_folder(folder)
    names = [Path(a.path).relative_to(folder).as_posix() for a in result.articles]
    assert names == ["news/blog.md", "news/copy.txt", "other1.txt", "other2.txt", "wire.txt"]
    assert [a.id for a in result.articles] == ["A1", "A2", "A3", "A4", "A5"]
    assert all(a.words > 50 for a in result.articles)


def test_not_recursive_reads_top_level_only(folder: Path):
    result = triage_folder(folder, recursive=False)
    assert sorted(Path(a.path).name for a in result.articles) == ["other1.txt", "other2.txt",
                                                                  "wire.txt"]


def test_bad_files_are_listed_and_skipped(folder: Path):
    result = triage_folder(folder)
    bad = {Path(e.path).name: e.reason for e in result.errors}
    assert set(bad) == {"empty.txt", "binary.txt"}
    assert all(bad.values())


def test_groups_copies_into_one_story(folder: Path):
    result = triage_folder(folder)
    ids = _ids(result)
    story = result.story_of(ids["wire.txt"])
    assert set(story.articles) == {ids["wire.txt"], ids["copy.txt"], ids["blog.md"]}
    assert len(result.story_of(ids["other1.txt"]).articles) == 1
    assert len(result.stories) == 3
    assert result.stories[0] is story  # largest first


def test_links_and_direction(folder: Path):
    result = triage_folder(folder)
    ids = _ids(result)
    links = {(lk.source, lk.derived): lk for lk in result.story_of(ids["wire.txt"]).links}
    copy = links[(ids["wire.txt"], ids["copy.txt"])]
    assert copy.label in ("wholly-derived", "partially-derived")
    assert copy.verbatim > 0.5
    assert copy.basis == "time"
    blog = links[(ids["wire.txt"], ids["blog.md"])]
    assert 0.2 < blog.verbatim < 0.9
    assert not any(lk.derived == ids["wire.txt"] for lk in links.values())


def test_direction_by_content_without_times():
    wire = Article("W", "wire", prose(11, 400))
    copy = Article("C", "copy", wire.text[: len(wire.text) // 2])
    result = triage_articles([copy, wire])
    (story,) = [s for s in result.stories if len(s.articles) > 1]
    (link,) = story.links
    # Without file times the reuse analysis (or, failing it, coverage) sets the direction.
    assert (link.source, link.derived) == ("W", "C") and link.basis in ("reuse", "coverage")
    later = triage_articles([copy, wire], times={"W": 5000.0, "C": 0.0})
    (link,) = later.stories[0].links
    assert (link.source, link.derived, link.basis) == ("C", "W", "time")


def test_folder_is_not_written(folder: Path):
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}
    triage_folder(folder)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}
    assert after == before


def test_json_schema_and_determinism(folder: Path, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    export_triage(triage_folder(folder), out / "a.json")
    export_triage(triage_folder(folder), out / "b.json")
    data = (out / "a.json").read_bytes()
    assert data == (out / "b.json").read_bytes()
    doc = json.loads(data)
    assert doc["schema"] == "copydesk.triage/1"
    assert list(doc) == ["schema", "articles", "stories", "errors"]
    ids = [a["id"] for a in doc["articles"]]
    assert all(set(a) >= {"id", "path", "title", "words"} for a in doc["articles"])
    in_stories = [a for s in doc["stories"] for a in s["articles"]]
    assert sorted(in_stories) == sorted(ids)  # every article in exactly one story
    for s in doc["stories"]:
        for lk in s["links"]:
            assert lk["source"] in s["articles"] and lk["derived"] in s["articles"]
            assert lk["label"] in ("wholly-derived", "partially-derived", "independent")
            assert 0.0 <= lk["verbatim"] <= 1.0
    assert {Path(e["path"]).name for e in doc["errors"]} == {"empty.txt", "binary.txt"}


def test_html_escapes_text(tmp_path: Path):
    (tmp_path / "a.txt").write_text("<script>alert(1)</script> & co\n\n" + prose(21), "utf-8")
    html = triage_html(triage_folder(tmp_path))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "http" not in html.lower().replace("<!doctype html>", "")


def test_progress_and_cancel(folder: Path):
    seen = []
    triage_folder(folder, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (100, 100) and seen == sorted(seen)
    with pytest.raises(Cancelled):
        triage_folder(folder, cancelled=lambda: True)


def test_unreadable_folder_raises(tmp_path: Path):
    with pytest.raises(LoadError):
        triage_folder(tmp_path / "missing")
    (tmp_path / "file.txt").write_text("x", "utf-8")
    with pytest.raises(LoadError):
        triage_folder(tmp_path / "file.txt")


def test_triage_json_ends_with_newline_and_keeps_unicode(tmp_path: Path):
    (tmp_path / "é.txt").write_text("Café – naïve\n\n" + prose(31), "utf-8")
    text = triage_json(triage_folder(tmp_path))
    assert text.endswith("\n") and "Café" in text


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(MAIN), *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_cli_triage_exit_codes(folder: Path, tmp_path_factory):
    out = tmp_path_factory.mktemp("cli")
    ok = _cli("--triage", str(folder), "--export", str(out / "t.json"))
    assert ok.returncode == 0, ok.stderr
    assert json.loads((out / "t.json").read_text("utf-8"))["schema"] == "copydesk.triage/1"
    assert "empty.txt" in ok.stderr and "binary.txt" in ok.stderr
    html = _cli("--triage", str(folder), "--export", str(out / "t.html"))
    assert html.returncode == 0 and (out / "t.html").read_text("utf-8").startswith("<!DOCTYPE")
    missing = _cli("--triage", str(folder / "nope"), "--export", str(out / "m.json"))
    assert missing.returncode == 2 and "nope" in missing.stderr
    assert not (out / "m.json").exists()
    bad_format = _cli("--triage", str(folder), "--export", str(out / "t.txt"))
    assert bad_format.returncode == 2 and "t.txt" in bad_format.stderr


def test_quick_measures_match_the_full_analysis():
    """Triage analyses pairs without moves and adds spin only where it can be a link:
    the fields it keeps must equal `analyse_pair`'s."""
    from viewer.core.formats.loaders import article_from_text
    from viewer.core.triage.links import measure_pair, pair_spin
    wire = "Wire\n\n" + prose(11, 300)
    a = article_from_text(wire, "A1")
    b = article_from_text("Paper\n\n" + edit(wire[: len(wire) * 2 // 3], 3), "A2")
    full = measure_pair(a, b)
    quick = measure_pair(a, b, spin=False)
    assert (quick.share_a, quick.share_b, quick.similarity, quick.label, quick.derived) == \
        (full.share_a, full.share_b, full.similarity, full.label, full.derived)
    assert quick.spin is None and pair_spin(a, b) == full.spin


# ------------------------------------------------ speed paths give the same result

def _many(tmp_path: Path) -> Path:
    """30 files: 6 stories of a base and 3 edited copies, and 6 unrelated articles."""
    for s in range(6):
        base = f"Story {s}\n\n" + prose(100 + s, 260)
        (tmp_path / f"s{s}_base.txt").write_text(base, encoding="utf-8")
        for c in range(3):
            (tmp_path / f"s{s}_copy{c}.txt").write_text(
                f"Copy {c} of story {s}\n\n" + edit(base, 10 * s + c), encoding="utf-8")
    for k in range(6):
        (tmp_path / f"single{k}.txt").write_text(f"Single {k}\n\n" + prose(200 + k, 200),
                                                 encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    return tmp_path


def _in_process(monkeypatch) -> None:
    from viewer.core.triage import folder as triage
    monkeypatch.setattr(triage, "POOL_MIN_FILES", 10 ** 9)


def _pooled(monkeypatch) -> None:
    from viewer.core.triage import folder as triage
    monkeypatch.setattr(triage, "POOL_MIN_FILES", 0)
    monkeypatch.setattr(triage, "POOL_MIN_PAIRS", 0)


def test_worker_processes_give_the_same_result(tmp_path: Path, monkeypatch):
    from concurrent.futures import ProcessPoolExecutor
    folder = _many(tmp_path)
    _in_process(monkeypatch)
    alone = triage_folder(folder)
    _pooled(monkeypatch)
    submitted = []
    submit = ProcessPoolExecutor.submit

    def spy(self, fn, *args, **kwargs):
        submitted.append(fn.__name__)
        return submit(self, fn, *args, **kwargs)
    monkeypatch.setattr(ProcessPoolExecutor, "submit", spy)
    pooled = triage_folder(folder)
    assert {"read_chunk", "band_pairs", "_analyse_chunk", "choose_chunk"} <= set(submitted)
    assert triage_json(pooled) == triage_json(alone)
    assert repr((pooled.stories, pooled.errors, pooled.pairs_analysed)) == \
        repr((alone.stories, alone.errors, alone.pairs_analysed))
    assert len(alone.stories) == 12 and alone.pairs_analysed > 0


def test_falls_back_in_process_when_processes_cannot_start(tmp_path: Path, monkeypatch):
    from concurrent.futures import ProcessPoolExecutor
    folder = _many(tmp_path)
    _in_process(monkeypatch)
    alone = triage_folder(folder)
    _pooled(monkeypatch)

    def fail(self, fn, *args, **kwargs):
        raise OSError("no processes here")
    monkeypatch.setattr(ProcessPoolExecutor, "submit", fail)
    assert triage_json(triage_folder(folder)) == triage_json(alone)


def test_cancel_with_worker_processes(tmp_path: Path, monkeypatch):
    folder = _many(tmp_path)
    _pooled(monkeypatch)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3
    with pytest.raises(Cancelled):
        triage_folder(folder, cancelled=cancelled)


def test_light_reader_matches_load_article(folder: Path):
    from viewer.core.formats.loaders import load_article
    from viewer.core.triage.folder import TriageOptions, triage_paths
    from viewer.core.triage.links import match_keys
    from viewer.core.triage.reading import read_one
    paths, _ = triage_paths(folder)
    for path in paths:
        loaded = read_one(path, TriageOptions())
        try:
            art = load_article(path, "A")
        except LoadError as exc:
            assert (loaded.path, loaded.reason) == (exc.path, exc.reason)
            continue
        meta, text, encoding, keys, _, _ = loaded
        assert (meta.title, meta.path, meta.words, text, encoding) == \
            (art.title, art.path, art.word_count, art.text, art.encoding)
        assert keys == match_keys(art.tokens)


@pytest.mark.parametrize("text", [
    "word. (x) «Bonjour», dit-il… U.S. 1,000 2.5 Zelenskyy’s 東京タワー ok!? ",
    "a\u00a0b.\u2009c", "", "  ,,", "x, \t y;\n\nz", "end.", "(a) [b]-c —d— e's f’ g-",
])
def test_text_keys_match_token_keys(text: str):
    from viewer.core.reuse.verbatim import ReuseOptions
    from viewer.core.text.tokens import tokenize
    from viewer.core.triage.links import match_keys, text_keys
    for options in (ReuseOptions(), ReuseOptions(ignore_punctuation=False),
                    ReuseOptions(ignore_punctuation=True)):
        assert text_keys(text, options) == match_keys(tuple(tokenize(text)), options)


def test_bulk_minhash_matches_datasketch():
    import numpy as np
    from datasketch import MinHash

    from viewer.core.triage.nearcopies import CandidateOptions, window_hashvalues
    rng = np.random.default_rng(3)
    chunks = [np.unique(rng.integers(0, 2 ** 32, size=int(rng.integers(0, 40))).astype(np.uint32))
              for _ in range(300)]
    values, scheme = window_hashvalues(chunks, CandidateOptions())
    for chunk, row in zip(chunks, values):
        m = MinHash(num_perm=32, seed=1, hashfunc=int)
        m.update_batch(chunk.tolist())
        assert np.array_equal(m.hashvalues, row)
    assert scheme == m.scheme


def _lsh_band_pairs(values, owners, bands, rows, seed, scheme):
    """The bucket pairs of datasketch's own `MinHashLSH` over the same sketches (oracle)."""
    import itertools

    from datasketch import LeanMinHash, MinHashLSH
    lsh = MinHashLSH(num_perm=bands * rows, params=(bands, rows))
    for n, row in enumerate(values):
        lsh.insert(n, LeanMinHash(seed=seed, hashvalues=row, scheme=scheme), check_duplication=False)
    found = set()
    for table in lsh.hashtables:
        for key in table.keys():
            members = sorted({owners[n] for n in table.get(key)})
            found.update(itertools.combinations(members, 2))
    return sorted(found)


@settings(max_examples=60, deadline=None)
@given(hst.integers(2, 40), hst.integers(1, 3), hst.integers(2, 4), hst.integers(1, 3), hst.integers(0, 10**6))
def test_band_buckets_in_numpy_equal_datasketch_lsh(n_windows, rows, bands, spread, seed):
    """Sorting each band's rows finds exactly the buckets datasketch's MinHashLSH keys by bytes."""
    import numpy as np
    from datasketch import MinHash

    from viewer.core.triage.nearcopies import band_pairs
    rng = np.random.default_rng(seed)
    values = rng.integers(0, spread + 1, size=(n_windows, bands * rows)).astype(np.uint64)  # few values: collisions
    owners = sorted(rng.integers(0, max(2, n_windows // 2), size=n_windows).tolist())
    scheme = MinHash(num_perm=bands * rows, seed=1, hashfunc=int).scheme
    args = (values, owners, bands, rows, 1, scheme)
    assert band_pairs(args) == _lsh_band_pairs(*args)


def test_a_small_folder_groups_independent_reports_of_one_event():
    """Eight files, two events, no two sharing a verbatim run: each report names its event's
    people and places in its own words, and the folder's own word counts put the reports of
    each event in one story (before, a folder under 30 files was grouped by copy pairs alone);
    eight unrelated reports stay eight stories."""
    rng = random.Random(5)

    def report(seed: int, names: list[str]) -> str:
        words = prose(seed, 160).split()
        for k in range(0, len(words), 5):  # the event's names, each report in its own order
            words[k] = rng.choice(names)
        return " ".join(words)
    harbour = "Kelby harbour ferry Calloway Duarte breakwater".split()
    mine = "Tremaine colliery Oswin shaft Brannock winch".split()
    arts = [Article(f"H{k}", "", report(100 + k, harbour)) for k in range(4)]
    arts += [Article(f"M{k}", "", report(200 + k, mine)) for k in range(4)]
    stories = sorted(sorted(s.articles) for s in triage_articles(arts).stories)
    assert stories == [["H0", "H1", "H2", "H3"], ["M0", "M1", "M2", "M3"]]
    apart = [Article(f"U{k}", "", prose(300 + k, 160)) for k in range(8)]
    assert len(triage_articles(apart).stories) == 8
