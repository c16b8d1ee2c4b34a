"""Review marks: stable keys across re-analysis, applying and filtering marks, the report fragment."""

from types import SimpleNamespace

import pytest

from viewer.core.claims.finder import Claim, ClaimMember, Conflict
from viewer.core.comparison import compare
from viewer.core.formats.loaders import load_articles, seed_paths
from viewer.core.report.markstable import marks_table_html
from viewer.core.review.marks import (
    apply_mark,
    claim_key,
    claim_keys,
    conflict_key,
    filter_claims_by_mark,
    marks_by_key,
)
from viewer.core.review.session import (
    ReviewMark,
    Session,
    SessionArticle,
    load_session,
    save_session,
    session_articles,
)
from viewer.core.text.article import Article


@pytest.fixture(scope="module")
def seeds():
    articles, errors = load_articles(seed_paths()[:3])
    assert not errors and len(articles) == 3
    return articles


@pytest.fixture(scope="module")
def comparison(seeds):
    return compare(seeds)


def all_keys(comp) -> dict:
    """Every claim and conflict key of a comparison -> the claim id and what it marks."""
    out = {}
    for claim in comp.claims:
        out[claim_key(claim, comp)] = claim.articles
        for conflict in claim.conflicts:
            out[conflict_key(claim, conflict, comp)] = (conflict.kind, tuple(conflict.values.items()))
    return out


def stub(texts: dict, claims: list) -> SimpleNamespace:
    """A comparison-shaped object with exactly these articles and claims."""
    return SimpleNamespace(articles=tuple(Article(k, k, t) for k, t in texts.items()),
                           claims=tuple(claims))


def test_keys_are_unique_and_survive_reanalysis(seeds, comparison):
    again = compare([Article(a.id, a.title, a.text, a.path) for a in seeds])
    assert again is not comparison
    assert all_keys(again) == all_keys(comparison)
    assert [claim_key(c, again) for c in again.claims] == [claim_key(c, comparison)
                                                           for c in comparison.claims]
    keys = list(all_keys(comparison))
    assert len(keys) == len(set(keys)) == len(comparison.claims) + sum(
        len(c.conflicts) for c in comparison.claims)
    assert any(c.conflicts for c in comparison.claims)


def test_a_changed_article_invalidates_only_its_claims(seeds, comparison):
    target = next(c for c in comparison.claims if "C" in c.articles and len(c.articles) > 1)
    member = next(m for m in target.members if m.article == "C")
    text = seeds[2].text
    edited = text[:member.start] + text[member.start:member.end].rstrip(".") + " today." \
        + text[member.end:]
    changed = compare([seeds[0], seeds[1], Article("C", seeds[2].title, edited, seeds[2].path)])
    before, after = claim_keys(comparison), set(claim_keys(changed).values())
    lost = [c for c in comparison.claims if before[c.id] not in after]
    assert target in lost
    assert all("C" in c.articles for c in lost)  # claims without C keep their keys
    kept_with_c = [c for c in comparison.claims if "C" in c.articles and before[c.id] in after]
    assert kept_with_c  # C's untouched wordings keep theirs too


def test_keys_do_not_depend_on_claim_ids_or_whitespace():
    texts = {"A": "Tax rose 4%.  Rain fell.", "B": "Rain fell.\nTax rose\n5%."}
    conflict = Conflict("number", {"A": "4%", "B": "5%"})
    one = stub(texts, [Claim("c1", "Tax rose", ("A", "B"), (ClaimMember("A", 0, 12),
                                                            ClaimMember("B", 11, 23)), (conflict,)),
                       Claim("c2", "Rain fell.", ("A", "B"), (ClaimMember("A", 14, 24),
                                                              ClaimMember("B", 0, 10)), ())])
    reordered = stub({"A": texts["A"], "B": "Rain fell.\nTax  rose 5%."},
                     [Claim("c1", "Rain fell.", ("A", "B"), (ClaimMember("B", 0, 10),
                                                             ClaimMember("A", 14, 24)), ()),
                      Claim("c2", "Tax rose", ("A", "B"), (ClaimMember("A", 0, 12),
                                                           ClaimMember("B", 11, 24)),
                            (Conflict("number", {"B": "5%", "A": "4%"}),))])
    assert claim_key(one.claims[0], one) == claim_key(reordered.claims[1], reordered)
    assert claim_key(one.claims[1], one) == claim_key(reordered.claims[0], reordered)
    assert conflict_key(one.claims[0], conflict, one) == conflict_key(
        reordered.claims[1], reordered.claims[1].conflicts[0], reordered)


def test_identical_wordings_get_distinct_keys():
    comp = stub({"A": "Share this. Text. Share this."},
                [Claim("c1", "Share this.", ("A",), (ClaimMember("A", 0, 11),), ()),
                 Claim("c2", "Share this.", ("A",), (ClaimMember("A", 18, 29),), ())])
    first, second = (claim_key(c, comp) for c in comp.claims)
    assert first != second and second == first + "~2"


def test_apply_mark_adds_replaces_and_removes():
    marks = apply_mark((), "claim:b", "verified", "ok")
    marks = apply_mark(marks, "claim:a", "disputed")
    assert [m.target for m in marks] == ["claim:a", "claim:b"]
    marks = apply_mark(marks, "claim:b", "needs-attribution", "who said it?")
    assert marks_by_key(marks)["claim:b"] == ReviewMark("claim:b", "needs-attribution", "who said it?")
    assert len(marks) == 2
    assert apply_mark(marks, "claim:a", None) == (marks_by_key(marks)["claim:b"],)
    assert apply_mark((), "claim:x", None) == ()
    with pytest.raises(ValueError):
        apply_mark(marks, "claim:a", "approved")


def test_filter_claims_by_mark(comparison):
    claims = comparison.claims
    with_conflict = next(c for c in claims if c.conflicts)
    plain = next(c for c in claims if c is not with_conflict)
    marks = apply_mark((), claim_key(plain, comparison), "verified")
    marks = apply_mark(marks, conflict_key(with_conflict, with_conflict.conflicts[0], comparison),
                       "disputed", "check the figure")
    assert filter_claims_by_mark(claims, comparison, marks, "verified") == [plain]
    assert filter_claims_by_mark(claims, comparison, marks, "disputed") == [with_conflict]
    assert filter_claims_by_mark(claims, comparison, marks, "needs-attribution") == []
    unmarked = filter_claims_by_mark(claims, comparison, marks, None)
    assert len(unmarked) == len(claims) - 2 and plain not in unmarked
    with pytest.raises(ValueError):
        filter_claims_by_mark(claims, comparison, marks, "bogus")


def test_marks_survive_a_session_round_trip_and_reanalysis(tmp_path, seeds, comparison):
    picked = [c for c in comparison.claims if len(c.articles) > 1][:3]
    marks = ()
    for claim, mark in zip(picked, ("verified", "disputed", "needs-attribution")):
        marks = apply_mark(marks, claim_key(claim, comparison), mark, f"note on {claim.id}")
    session = Session(tuple(SessionArticle(a.id, a.path, a.title, a.text, a.encoding) for a in seeds),
                      ("A", "B", "C"), "A", marks=marks)
    save_session(tmp_path / "review.copydesk", session)
    loaded = load_session(tmp_path / "review.copydesk")
    again = compare(session_articles(loaded), loaded.base)
    for claim, mark in zip(picked, ("verified", "disputed", "needs-attribution")):
        found = filter_claims_by_mark(again.claims, again, loaded.marks, mark)
        assert [c.text for c in found] == [claim.text]


# -- report fragment -------------------------------------------------------------------------------

HOSTILE = {"A": 'He said <script>alert("x")</script> & left. Tax rose 4%.',
           "B": 'He said <script>alert("x")</script> & left. Tax rose 5%.'}
HOSTILE_CLAIMS = [
    Claim("c1", 'He said <script>alert("x")</script> & left.', ("A", "B"),
          (ClaimMember("A", 0, 43), ClaimMember("B", 0, 43)), ()),
    Claim("c2", "Tax rose <4%>", ("A", "B"), (ClaimMember("A", 44, 56), ClaimMember("B", 44, 56)),
          (Conflict("number", {"A": "<4%>", "B": "5%"}),)),
]


def test_marks_table_lists_marks_with_everything_escaped():
    comp = stub(HOSTILE, HOSTILE_CLAIMS)
    c1, c2 = comp.claims
    marks = apply_mark((), claim_key(c1, comp), "needs-attribution", "<img src=x onerror=alert(1)>")
    marks = apply_mark(marks, conflict_key(c2, c2.conflicts[0], comp), "disputed", "A & B differ")
    marks = apply_mark(marks, "claim:gone", "verified")
    html = marks_table_html(comp, marks)
    assert "<script>" not in html and "<img" not in html and "<4%>" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "needs attribution" in html and "disputed" in html
    assert "A &amp; B differ" in html and "&lt;4%&gt;" in html
    assert html.index("claim c1") < html.index("in claim c2")
    assert "1 mark refers to claims not found" in html


def test_marks_table_without_marks():
    html = marks_table_html(stub(HOSTILE, HOSTILE_CLAIMS), ())
    assert "No claim or conflict has been marked" in html and "<table" not in html
