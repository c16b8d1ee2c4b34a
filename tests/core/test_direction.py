"""Which of two texts is the source (times, wire form), multi-source links, the model file."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from viewer.core.text.article import Article
from viewer.core.text.wireform import TextEvidence, text_evidence
from viewer.core.triage.folder import triage_articles
from viewer.core.triage.links import PairMeasure, orient

ROOT = Path(__file__).resolve().parents[2]
_COMMON = "the a of to in and said was on for that with at by from it has".split()


def prose(seed: int, n_words: int) -> str:
    """Made-up sentences: every third word from a few common words (as in real prose,
    independent texts share those), the rest from 3,000 content words."""
    import random
    rng = random.Random(seed)
    out, count = [], 0
    while count < n_words:
        words = [rng.choice(_COMMON) if k % 3 == 1 else f"w{rng.randrange(3000)}"
                 for k in range(rng.randint(8, 18))]
        out.append(" ".join(words).capitalize() + ".")
        count += len(words)
    return " ".join(out)
METER = ROOT.parent / "shared" / "dev-data" / "meter"


def wire(body: str, when: str = "09:15 03/02/24", slug: str = "HARBOUR Boats") -> str:
    """`body` dressed as agency copy: time-stamped slug header, byline, end marker."""
    return f"{when}: Page 1 (HHH) {slug}\nBOATS LEAVE EARLY\nBy Jo Bloggs, PA News\n{body}\nends\n"


def paper(body: str) -> str:
    return f"Boats leave early as storm nears\n\n{body}\n"


def test_wire_form_and_stated_time_are_read():
    found = text_evidence(wire(prose(1, 120)))
    assert found.wire >= 2 and found.stated_time is not None
    later = text_evidence(wire(prose(1, 120), when="10:15 03/02/24"))
    assert later.stated_time - found.stated_time == 3600
    plain = text_evidence(paper(prose(1, 120)))
    assert plain == TextEvidence(0, None)


def _measure(share_a: float, share_b: float, derived: str | None = None) -> PairMeasure:
    return PairMeasure("A", "B", share_a, share_b, 0.5, "partially-derived", derived)


@pytest.mark.parametrize("times, evidence, expected", [
    # file times decide first, whatever the texts look like
    ((100.0, 5000.0), (TextEvidence(0), TextEvidence(3)), ("A", "B", "time")),
    # identical file times: the times stated in the texts
    ((7.0, 7.0), (TextEvidence(2, 900.0), TextEvidence(2, 100.0)), ("B", "A", "stated-time")),
    # no times: the days the texts date themselves, before their form
    ((7.0, 7.0), (TextEvidence(0, dated=date(2024, 3, 2)), TextEvidence(2, dated=date(2024, 3, 3))),
     ("A", "B", "stated-date")),
    ((None, None), (TextEvidence(0, dated=date(2024, 3, 2)), TextEvidence(2, dated=date(2024, 3, 2))),
     ("B", "A", "wire-form")),
    # no times at all: the wire copy is the source, even though A is more covered
    ((None, None), (TextEvidence(0), TextEvidence(2)), ("B", "A", "wire-form")),
    ((None, None), (TextEvidence(3), TextEvidence(0)), ("A", "B", "wire-form")),
    # no evidence: the more covered text is the derived one
    ((None, None), (TextEvidence(), TextEvidence()), ("B", "A", "coverage")),
])
def test_orient_rules(times, evidence, expected):
    d = orient(_measure(0.9, 0.3, derived="B"), times=times, words=(100, 300), order=(0, 1),
               evidence=evidence)
    assert (d.source, d.derived, d.basis) == expected


def test_orient_falls_back_on_the_reuse_analysis_when_coverage_is_even():
    d = orient(_measure(0.6, 0.6, derived="B"), times=(None, None), words=(100, 300), order=(0, 1))
    assert (d.source, d.derived, d.basis) == ("A", "B", "reuse")


def test_short_wire_item_is_the_source_of_the_longer_story_without_times():
    """A story that quotes all of a short wire item and adds background: coverage alone
    would call the wire item derived (all its words are in the story); its form says otherwise."""
    item = prose(3, 150)
    w = Article("W", "", wire(item))
    s = Article("S", "", paper(prose(4, 90) + "\n\n" + item + "\n\n" + prose(5, 60)))
    (story,) = [st for st in triage_articles([s, w]).stories if len(st.articles) > 1]
    assert [(lk.source, lk.derived, lk.basis) for lk in story.links] == [("W", "S", "wire-form")]
    timed = triage_articles([s, w], times={"W": 10_000.0, "S": 0.0})
    assert [(lk.source, lk.derived, lk.basis) for lk in timed.stories[0].links] == [("S", "W", "time")]


def test_side_by_side_the_wire_take_is_the_source_of_the_story_that_holds_it():
    """The comparison's pair reading: the model calls the short wire item derived (the story
    holds all of it); its filing header says it is the source."""
    from viewer.core.reuse.pairs import analyse_pair
    from viewer.core.reuse.relation import relation
    item = prose(3, 150)
    w = Article("W", "", wire(item))
    s = Article("S", "", paper(prose(4, 90) + "\n\n" + item + "\n\n" + prose(5, 60)))
    assert relation(w, s).derived == "W"  # the model's own guess, overruled below
    for a, b in ((w, s), (s, w)):
        r = analyse_pair(a, b)
        assert (r.derived, r.basis) == ("S", "wire form")


def test_wire_copy_is_not_derived_from_the_stories_written_from_it():
    """Against all the others together, the wire item would read as derived from the two stories
    that hold all of it; its form shows they were written from it, so it is read against neither."""
    from viewer.core.comparison import compare
    from viewer.core.reuse.relation import INDEPENDENT, derivation
    item = prose(3, 150)
    w = Article("W", "", wire(item))
    s1 = Article("S", "", paper(prose(4, 90) + "\n\n" + item + "\n\n" + prose(5, 60)))
    s2 = Article("T", "", paper(prose(6, 120) + "\n\n" + item))
    comp = compare([w, s1, s2], with_claims=False)
    assert derivation(w, [s1, s2]).label != INDEPENDENT  # what the model alone would say
    assert comp.derivations["W"].label == INDEPENDENT
    assert comp.derivations["S"].label != INDEPENDENT and comp.derivations["T"].label != INDEPENDENT


def test_a_story_written_from_the_wire_is_not_read_as_the_source_of_another_story():
    """Side by side with the wire copy, a story its form shows was written from the wire is no
    source of another story on the diagonal: what two papers share beyond the wire (the quotes
    both heard at one hearing) does not make one derived from the other. The pair's own cell
    still shows what they share."""
    from viewer.core.comparison import compare
    from viewer.core.reuse.relation import INDEPENDENT, derivation
    item, heard = prose(3, 150), prose(7, 120)
    w = Article("W", "", wire(item))
    s = Article("S", "", paper(item + "\n\n" + heard))
    x = Article("X", "", paper(prose(8, 100) + "\n\n" + heard))
    comp = compare([w, s, x], with_claims=False)
    assert derivation(x, [w, s]).label != INDEPENDENT  # read against the story too, as before
    assert comp.derivations["X"].label == INDEPENDENT
    assert comp.derivations["S"].label != INDEPENDENT
    assert comp.oriented("X", "S").label != INDEPENDENT
    from viewer.core.report.export import to_html
    from viewer.core.report.readings import others_note
    note = others_note(comp, "X")
    assert note.startswith("Against W together: independent")
    assert note.endswith("S left out: it was written from wire copy in the comparison")
    assert f"title='{note}'" in to_html(comp)  # the report's matrix says the same on hover


@pytest.mark.parametrize("a_text, b_text, expected", [
    (wire("x", when="09:15 03/02/24"), wire("x", when="10:15 03/02/24"), ("A", "stated time")),
    ("Published 3 February 2024\n\nBoats leave.", "Published 2 February 2024\n\nBoats leave.",
     ("B", "stated date")),
    ("Published 3 February 2024\n\nBoats leave.", "Published 3 February 2024\n\nBoats go.", (None, "reuse")),
    (wire("x"), paper("x"), ("A", "wire form")),
    (paper("x"), wire("x"), ("B", "wire form")),
    # one agency name in a photo credit is not wire copy's form
    ("Boats leave\n[Photo: Jo Bloggs/Reuters]\nBoats leave early.", paper("x"), (None, "reuse")),
    (paper("x"), paper("y"), (None, "reuse")),
])
def test_what_the_texts_state_decides_the_source(a_text, b_text, expected):
    from viewer.core.reuse.direction import text_source
    assert text_source(Article("A", "", a_text), Article("B", "", b_text)) == expected


def test_a_short_wire_take_held_whole_in_a_long_story_does_not_make_the_story_wholly_derived():
    # the take is wholly in the story; the story holds little of the take: read with the texts'
    # own word (the wire copy came first), the label is the story's, not the take's
    from viewer.core.reuse.pairs import analyse_pair
    from viewer.core.reuse.relation import WHOLLY, relation
    body = prose(1, 120)
    a = Article("A", "", wire(body))
    b = Article("B", "", paper(prose(3, 400) + "\n\n" + body + "\n\n" + prose(4, 400)))
    either = relation(a, b)
    stated = relation(a, b, source="A")
    assert either.derived == "A" and either.label == WHOLLY  # the take looks more derived
    assert stated.derived in ("B", None) and stated.label != WHOLLY
    found = analyse_pair(a, b)
    assert (found.source, found.label, found.derived) == ("A", stated.label, stated.derived)


def test_triage_takes_the_day_each_text_states_when_file_times_agree():
    early = Article("E", "", "Published 2 March 2024\n\nBoats leave early\n\n" + prose(8, 300))
    late = Article("L", "", "Published 3 March 2024\n\nBoats leave early as storm nears\n\n"
                   + prose(9, 80) + " " + prose(8, 300))
    result = triage_articles([late, early], times={"E": 50.0, "L": 50.0})
    (story,) = [st for st in result.stories if len(st.articles) > 1]
    assert [(lk.source, lk.derived, lk.basis) for lk in story.links] == [("E", "L", "stated-date")]


def _half(text: str, first: bool) -> str:
    paras = text.split(". ")
    k = len(paras) // 2
    return ". ".join(paras[:k] if first else paras[k:])


def test_story_is_linked_to_every_wire_take_it_draws_on_not_to_a_sibling():
    take1, take2 = prose(21, 400), prose(22, 400)
    t1 = Article("T1", "", wire(take1, "09:00 03/02/24"))
    t2 = Article("T2", "", wire(take2, "11:30 03/02/24", slug="HARBOUR Boats2"))
    both = Article("S", "", paper(_half(take1, True) + ". " + _half(take2, True) + "."))
    sibling = Article("C", "", paper(_half(take1, True) + ". " + prose(24, 200)))
    result = triage_articles([both, sibling, t1, t2])
    links = [(lk.source, lk.derived) for s in result.stories for lk in s.links]
    assert {src for src, der in links if der == "S"} == {"T1", "T2"}
    assert {src for src, der in links if der == "C"} == {"T1"}  # not S, which copied the same take
    assert not any(der in ("T1",) for _, der in links)
    shares = [lk.verbatim for s in result.stories for lk in s.links if lk.derived == "S"]
    assert shares == sorted(shares, reverse=True)  # strongest first


@pytest.mark.parametrize("header, catchline", [
    ("14:42 04/10/99: Page 2 (HHH) COURTS Attack", "courts attack"),
    ("2024-06-19T14:42Z UK-BRIDGE/REPAIRS (UPDATE 2)", "uk-bridge/repairs"),
    ("12:00 12/07/99 PA NEWS\nCOURT Trial", "court trial"),  # agency name dropped, slug below
    ("12:00 12/07/99 PA NEWS\nBy Jo Bloggs, PA News", None),  # nothing names the story
    ("COURTS Attack", None),  # no filing time: not read as a wire header
    ("Police said at 12:30 05/06/24 that " + "the road stayed closed " * 20, None),  # prose, not a header
])
def test_catchline_is_what_the_filing_header_names_the_story(header, catchline):
    assert text_evidence(f"{header}\n{prose(3, 60)}\nends\n").catchline == catchline


def test_takes_of_one_catchline_and_day_are_one_story_and_not_copies_of_each_other():
    """A small folder (grouped by copy pairs alone): the takes share no wording but their
    headers, yet the wire's catchline makes them one story; another day's or another
    catchline's take stays apart, and a take is never linked as copied from another."""
    def take(seed: int, words: int, when: str, slug: str) -> str:
        return f"{when}: Page 1 (HHH) {slug}\n{prose(seed + 50, 6)}\n{prose(seed, words)}\nends\n"

    arts = [Article("T1", "", take(31, 300, "09:00 03/02/24", "COURTS Harbour")),
            Article("T2", "", take(32, 40, "11:30 03/02/24", "COURTS Harbour")),
            Article("T3", "", take(33, 200, "15:10 03/02/24", "COURTS Harbour Lead")),
            Article("O", "", take(34, 200, "11:00 03/02/24", "COURTS Bridge")),
            Article("N", "", take(35, 200, "09:00 04/02/24", "COURTS Harbour"))]
    result = triage_articles(arts)
    assert set(result.story_of("T1").articles) == {"T1", "T2", "T3"}
    assert result.story_of("O").articles == ("O",) and result.story_of("N").articles == ("N",)
    assert not [lk for s in result.stories for lk in s.links]


# ------------------------------------------------------------------ the model file

def test_model_file_holds_the_numbers_and_the_code_none_of_them():
    from viewer.core.reuse import relation
    data = json.loads(relation.MODEL_FILE.read_text(encoding="utf-8"))
    readings = ("together", "pair", "pair_either")
    assert set(data) >= set(readings)
    assert relation.MODEL == relation.DerivationModel.from_dict(data["together"])
    assert relation.PAIR_MODEL == relation.DerivationModel.from_dict(data["pair"])
    assert relation.PAIR_EITHER_MODEL == relation.DerivationModel.from_dict(data["pair_either"])
    source = Path(relation.__file__).read_text(encoding="utf-8")
    numbers = {str(abs(v)) for reading in readings for key in ("weights", "center", "scale")
               for v in data[reading][key]} | {str(abs(data[r][k])) for r in readings
                                               for k in ("derived_cut", "wholly_cut")}
    assert not [n for n in numbers if len(n) > 4 and re.search(re.escape(n), source)]


@pytest.mark.skipif(not (METER / "labels_subset.tsv").exists(), reason="dev-data not present")
def test_model_file_is_what_the_bench_fits_on_the_dev_data():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import train_derivation as bench
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from viewer.core.reuse.relation import MODEL_FILE
    data = bench.load(METER)
    together, pairs = bench.measure(data)
    fitted = bench.fit_models(together, pairs, [d[0] for d in data])
    shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    for reading in ("together", "pair", "pair_either"):
        assert shipped[reading]["features"] == fitted[reading]["features"]
        for key in ("low", "high", "center", "scale", "weights"):
            assert shipped[reading][key] == pytest.approx(fitted[reading][key], abs=1e-3)
        for key in ("derived_cut", "wholly_cut"):
            assert shipped[reading][key] == pytest.approx(fitted[reading][key], abs=1e-3)


def _docx(path: Path, body: str, created: str | None) -> Path:
    import zipfile
    props = ("" if created is None else
             '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
             'package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/">'
             f'<dcterms:created>{created}</dcterms:created></cp:coreProperties>')
    paras = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in body.split("\n\n"))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.'
                   'openxmlformats.org/wordprocessingml/2006/main"><w:body>' + paras
                   + "</w:body></w:document>")
        if props:
            z.writestr("docProps/core.xml", props)
    return path


def test_document_metadata_dates_set_the_direction_when_file_times_agree(tmp_path: Path):
    """Two .docx files copied to one folder (same file times): the creation dates they
    carry decide, even against coverage (the later one is the longer, less covered text)."""
    import os

    from viewer.core.triage.doctime import document_time
    from viewer.core.triage.folder import triage_folder
    shared, extra = prose(31, 200), prose(32, 150)
    first = _docx(tmp_path / "b.docx", shared, "2024-03-01T08:00:00Z")
    later = _docx(tmp_path / "a.docx", shared + "\n\n" + extra, "2024-03-02T09:30:00Z")
    undated = _docx(tmp_path / "c.docx", "no date here", None)
    for p in (first, later):
        os.utime(p, (1_700_000_000, 1_700_000_000))
    assert document_time(later, 10**7) - document_time(first, 10**7) == 25.5 * 3600
    assert document_time(undated, 10**7) is None
    assert document_time(tmp_path / "missing.pdf", 10**7) is None
    result = triage_folder(tmp_path)
    names = {a.id: Path(a.path).name for a in result.articles}
    links = [(names[lk.source], names[lk.derived], lk.basis) for s in result.stories for lk in s.links]
    assert links == [("b.docx", "a.docx", "stated-time")]


def _nitf(path: Path, body: str, issued: str | None) -> Path:
    date = f'<docdata><date.issue norm="{issued}"/></docdata>' if issued else ""
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "nitf.dtd"><nitf><head>{date}</head>'
                    f"<body><body.content>{paras}</body.content></body></nitf>", encoding="utf-8")
    return path


def test_wire_xml_issue_times_set_the_direction_when_file_times_agree(tmp_path: Path):
    """Two NITF files copied to one folder: the issue times they carry (ISO 8601 basic form, with
    a zone) decide, even against coverage."""
    import os

    from viewer.core.triage.doctime import document_time
    from viewer.core.triage.folder import triage_folder
    shared, extra = prose(33, 200), prose(34, 150)
    first = _nitf(tmp_path / "b.xml", shared, "20240301T080000Z")
    later = _nitf(tmp_path / "a.xml", shared + "\n\n" + extra, "20240302T113000+0200")
    for p in (first, later):
        os.utime(p, (1_700_000_000, 1_700_000_000))
    assert document_time(later, 10**7) - document_time(first, 10**7) == 25.5 * 3600
    assert document_time(_nitf(tmp_path / "c.nitf", "no date here", None), 10**7) is None
    result = triage_folder(tmp_path)
    names = {a.id: Path(a.path).name for a in result.articles}
    links = [(names[lk.source], names[lk.derived], lk.basis) for s in result.stories for lk in s.links]
    assert links == [("b.xml", "a.xml", "stated-time")]


def test_two_stories_written_from_the_same_wire_copy_are_not_copies_of_each_other():
    """Two papers that each rewrote the same wire story share its sentences: read alone, their
    pair looks derived. With the wire copy in the comparison, all they share each has from it,
    so their cell reads independent, on the basis of that common source (export and report say
    which); the wire's own cells are unchanged."""
    from viewer.core.comparison import compare
    from viewer.core.report.export import to_html, to_json
    from viewer.core.reuse.relation import INDEPENDENT
    from viewer.core.reuse.siblings import COMMON_SOURCE
    item = prose(3, 240)
    half = len(item) // 2
    w = Article("W", "", wire(item))
    s = Article("S", "", paper(item[:half + 400] + "\n\n" + prose(11, 60)))
    x = Article("X", "", paper(item[half - 400:] + "\n\n" + prose(12, 60)))
    alone = compare([s, x], with_claims=False).pairs[("S", "X")].reuse
    assert alone.label != INDEPENDENT
    comp = compare([w, s, x], with_claims=False)
    pair = comp.pairs[("S", "X")].reuse
    assert (pair.label, pair.derived, pair.basis) == (INDEPENDENT, None, COMMON_SOURCE)
    assert pair.common_sources == ("W",)
    alone_pair = compare([s, x], with_claims=False).pairs[("S", "X")]
    assert comp.pairs[("S", "X")].similarity == alone_pair.similarity
    assert all(comp.pairs[k].reuse.derived in ("S", "X") for k in (("W", "S"), ("W", "X")))
    relation = json.loads(to_json(comp))["pairs"][2]["relation"]
    assert relation == {"label": INDEPENDENT, "derived": None, "basis": COMMON_SOURCE,
                        "common_sources": ["W"]}
    assert "each has from the wire copy it derives from (W)" in to_html(comp)


def test_stories_that_share_more_than_the_wire_gave_stay_derived_from_each_other():
    """A quote only the two papers carry (not in the wire copy) keeps their pair derived."""
    from viewer.core.comparison import compare
    from viewer.core.reuse.relation import INDEPENDENT
    item, heard = prose(3, 240), prose(7, 60)
    half = len(item) // 2
    w = Article("W", "", wire(item))
    s = Article("S", "", paper(item[:half + 400] + "\n\n" + heard))
    x = Article("X", "", paper(item[half - 400:] + "\n\n" + heard))
    pair = compare([w, s, x], with_claims=False).pairs[("S", "X")].reuse
    assert pair.label != INDEPENDENT and pair.basis != "common source" and pair.common_sources == ()


@pytest.mark.parametrize("shared_beyond, linked", [(12, False), (90, True)])
def test_a_story_that_rewrote_the_same_wire_copy_is_no_source_unless_it_gave_more(shared_beyond, linked):
    """Beside the wire copy both drew on, a story that shares a phrase or two more with the
    article (reports of one event do) is not linked as its source; one that gave it a passage
    the wire does not have is. The reading of the article (derived) is the same either way, and
    the bench's option keeps every source the reading took."""
    from viewer.core.triage.model import TriageOptions
    item = prose(31, 300)
    extra = " ".join(prose(35, shared_beyond).split()[:shared_beyond])
    w = Article("W", "", wire(item, "09:00 03/02/24"))
    first = Article("F", "", paper(item[:1200] + "\n\n" + extra + ". " + prose(33, 120)))
    later = Article("L", "", paper(item[600:] + "\n\n" + extra + ". " + prose(34, 120)))
    times = {"W": 1000.0, "F": 2000.0, "L": 3000.0}

    def sources_of(options=TriageOptions()):
        result = triage_articles([w, first, later], times=times, options=options)
        return {lk.source for s in result.stories for lk in s.links if lk.derived == "L"}
    assert "W" in sources_of()
    assert ("F" in sources_of()) == linked
    assert "F" in sources_of(TriageOptions(source_siblings=True))


def test_an_article_is_not_read_against_a_story_it_shares_only_the_wire_with():
    """Each article's reading against all the others leaves out a story when both come after
    the wire copy in the comparison and their pair does not read derived beyond it (read apart
    as from a common source, or independent), even when nothing else leaves it out (here the
    story's own pair with the wire is taken as undecided). A story whose pair still reads
    derived stays, and so does any story when no wire copy comes before both."""
    from dataclasses import replace as dc_replace

    from viewer.core.comparison import compare
    from viewer.core.reuse.others import derive_from_others
    from viewer.core.reuse.direction import REUSE
    from viewer.core.reuse.relation import INDEPENDENT, PARTIALLY
    from viewer.core.reuse.siblings import COMMON_SOURCE
    item = prose(3, 240)
    half = len(item) // 2
    w = Article("W", "", wire(item))
    s = Article("S", "", paper(item[:half + 400] + "\n\n" + prose(11, 60)))
    x = Article("X", "", paper(item[half - 400:] + "\n\n" + prose(12, 60)))
    arts = [w, s, x]
    pairs = {k: pa.reuse for k, pa in compare(arts, with_claims=False).pairs.items()}
    assert pairs[("S", "X")].basis == COMMON_SOURCE
    pairs[("W", "S")] = dc_replace(pairs[("W", "S")], basis=REUSE)  # S not known to be from the wire
    assert derive_from_others(arts, pairs=pairs)["X"].sources == ("W",)
    read_apart = pairs[("S", "X")]
    pairs[("S", "X")] = dc_replace(read_apart, basis=REUSE, common_sources=())  # independent
    assert derive_from_others(arts, pairs=pairs)["X"].sources == ("W",)
    pairs[("S", "X")] = dc_replace(read_apart, label=PARTIALLY, derived="X", basis=REUSE, common_sources=())
    assert derive_from_others(arts, pairs=pairs)["X"].sources == ("W", "S")
    pairs[("S", "X")] = dc_replace(read_apart, label=INDEPENDENT, basis=REUSE, common_sources=())
    pairs[("W", "S")] = dc_replace(pairs[("W", "S")], source=None)  # nothing states S came after W
    assert derive_from_others(arts, pairs=pairs)["X"].sources == ("W", "S")

def test_the_reading_says_why_each_article_was_left_out():
    """The tooltip of an article's reading against the others names, for each one left out,
    why: it came after this article, it was written from the wire copy in the comparison, or it
    shares nothing derived with this article beyond the wire copy both came after."""
    from dataclasses import replace as dc_replace

    from viewer.core.comparison import Comparison, compare
    from viewer.core.report.readings import others_note
    from viewer.core.reuse.direction import REUSE
    from viewer.core.reuse.others import LEFT_AFTER, LEFT_BESIDE_WIRE, LEFT_FROM_WIRE, derive_from_others
    from viewer.core.reuse.others import left_out as left_out_of

    def left_out(comp, article_id):
        return left_out_of({k: pa.reuse for k, pa in comp.pairs.items()}, comp.articles, article_id)
    item = prose(3, 240)
    half = len(item) // 2
    w = Article("W", "", wire(item))
    s = Article("S", "", paper(item[:half + 400] + "\n\n" + prose(11, 60)))
    x = Article("X", "", paper(item[half - 400:] + "\n\n" + prose(12, 60)))
    comp = compare([w, s, x], with_claims=False)
    assert left_out(comp, "W") == {"S": LEFT_AFTER, "X": LEFT_AFTER}
    assert left_out(comp, "X") == {"S": LEFT_FROM_WIRE}
    # the story's pair with the wire taken as undecided: it is left out for sharing only the wire
    pairs = dict(comp.pairs)
    undecided_wire = dc_replace(pairs[("W", "S")].reuse, basis=REUSE)
    pairs[("W", "S")] = dc_replace(pairs[("W", "S")], reuse=undecided_wire)
    arts = comp.articles
    undecided = Comparison(arts, "W", pairs, derivations=derive_from_others(
        arts, pairs={k: pa.reuse for k, pa in pairs.items()}))
    assert left_out(undecided, "X") == {"S": LEFT_BESIDE_WIRE}
    assert others_note(undecided, "X").endswith(f"S left out: {LEFT_BESIDE_WIRE}")
    assert others_note(comp, "W") == ("Not read against the others (S and X left out: their texts show "
                                      "they came after this article)")
