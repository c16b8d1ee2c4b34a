"""Conflicts on anchors: the same event with different numbers, in statements never linked."""

from __future__ import annotations

from dataclasses import replace

import pytest

from viewer.core.claims.anchored import anchored_conflicts
from viewer.core.claims.finder import find_claims, statements_of
from viewer.core.text.article import Article

VISIT_A = ("Officials in Lisbon said on Friday that the talks ended well after the minister's first "
           "visit to Portugal in 12 years, and more meetings were planned.")
VISIT_B = ("Critics of the fishing deal, which was signed in Lisbon on Thursday during Santos' first "
           "visit to the country in 11 years, said it had been rushed through parliament.")


def _statements(*texts: str) -> list:
    out = []
    for k, text in enumerate(texts):
        out.extend(statements_of(Article(chr(65 + k), f"t{k}", text), k))
    return out


def _groups(*texts: str) -> list[dict[int, str]]:
    return [{m.article: m.worded for m in group} for group in anchored_conflicts(_statements(*texts))]


@pytest.mark.parametrize("a, b, expected", [
    (VISIT_A, VISIT_B, [{0: "12 years", 1: "11 years"}]),
    # the same value is no conflict
    (VISIT_A, VISIT_B.replace("11 years", "12 years"), []),
    # same unit and a shared place, but another predicate: hired vs lost
    ("The company hired 300 workers at its plant in Ohio last spring, its chief executive said.",
     "Union leaders in Ohio said the plant lost 250 workers when the old line closed.", []),
    # same predicate, but no name in common: two different visits
    ("Officials in Lisbon said the talks ended after the minister's first visit to Portugal in 12 years.",
     "Aides in Nairobi said the envoy's first visit to Kenya in 11 years went smoothly.", []),
    # a bound agrees with any value it allows, and the wording reads as a bound
    (VISIT_A, VISIT_B.replace("in 11 years", "in more than 11 years"), []),
    # one statement gives the unit two values (two people's): it does not say which is the event's
    (VISIT_A, VISIT_B.replace("first visit to the country in 11 years",
                              "first visit to the country in 11 years, and his aide's in 3 years"), []),
    # a figure and the same one rounded: one figure, as in a claim's wordings
    (VISIT_A.replace("in 12 years", "in 12 years, which cost 78.5 million euros"),
     VISIT_B.replace("in 11 years", "in 11 years, which cost 78 million euros").replace("11 years", "12 years"),
     []),
    # different units
    ("Officials in Lisbon said the minister's first visit to Portugal lasted 12 days.",
     "Critics in Lisbon said Santos' first visit to the country cost 11 million euros.", []),
])
def test_anchored_number_conflicts(a, b, expected):
    assert _groups(a, b) == expected


def test_one_article_never_conflicts_with_itself():
    assert _groups(VISIT_A + " " + VISIT_B) == []


def test_a_third_article_agreeing_with_one_side_joins_the_group():
    third = ("In Lisbon, reporters noted the minister's first visit to the republic in 12 years "
             "was brief.")
    assert _groups(VISIT_A, VISIT_B, third) == [{0: "12 years", 1: "11 years", 2: "12 years"}]


def test_an_article_giving_the_others_figure_elsewhere_does_not_disagree():
    """As in a claim's wordings: B also gives A's 12 years, with its unit, in another sentence."""
    elsewhere = VISIT_B + " Santos had lived abroad for 12 years before that."
    assert _groups(VISIT_A, elsewhere) == [{0: "12 years", 1: "11 years"}]  # no texts: no look
    assert not any(k.kind == "number" for c in find_claims([Article("A", "a", VISIT_A),
                                                            Article("B", "b", elsewhere)])
                   for k in c.conflicts)
    found = [{m.article: m.worded for m in g} for g in anchored_conflicts(
        _statements(VISIT_A, elsewhere), stated=lambda k: {("year", 12.0)} if k == 1 else set())]
    assert found == []
    assert any(k.kind == "number" for c in find_claims([Article("A", "a", VISIT_A), Article("B", "b", VISIT_B)])
               for k in c.conflicts)


def test_find_claims_lists_the_anchored_conflict_as_a_claim():
    arts = [Article("A", "a", VISIT_A), Article("B", "b", VISIT_B)]
    claims = find_claims(arts)
    found = [c for c in claims if any(k.kind == "number" for k in c.conflicts)]
    assert len(found) == 1
    claim = found[0]
    assert claim.conflicts[0].values == {"A": "12 years", "B": "11 years"}
    assert claim.articles == ("A", "B")
    texts = {a.id: a.text for a in arts}
    for member in claim.members:  # each member is the clause around its number
        clause = texts[member.article][member.start:member.end]
        assert claim.conflicts[0].values[member.article] in clause and "first" in clause
    assert [c.id for c in claims] == [f"c{k}" for k in range(1, len(claims) + 1)]


def test_claim_reasons_name_the_evidence():
    from viewer.core.comparison import compare
    from viewer.core.report.claimviews import claim_reasons

    a = Article("A", "a", "President Zelensky said on Sunday that 12,000 soldiers had been sent to Russia.")
    b = Article("B", "b", "President Zelenskyy mentioned on Sunday that 12,000 troopers had been sent to Russia.")
    comp = compare([a, b])
    shared = [c for c in comp.claims if len(c.articles) == 2]
    assert len(shared) == 1
    reasons = claim_reasons(comp, shared[0])
    text = "; ".join(reasons)
    assert "shared names:" in text and "Zelensky" in text and "Russia" in text
    assert "shared numbers: 12000" in text
    assert "soldiers ~ troopers" in text
    assert any(r.startswith("overlap ") for r in reasons)
    assert reasons[-1].startswith("reports of one event (all:")  # same names and numbers
    assert comp.one_event == {("A", "B")} and comp.without("B").one_event == frozenset()
    c = Article("C", "c", a.text)
    three = compare([a, b, c])
    claim = next(x for x in three.claims if len(x.articles) == 3)
    partly = replace(three, one_event=frozenset({("A", "B"), ("C", "A")}))
    assert claim_reasons(partly, claim)[-1].startswith("reports of one event (A–B, A–C:")
    unique = [c for c in comp.claims if len(c.articles) == 1]
    assert all(claim_reasons(comp, c) == [] for c in unique)


def test_claim_reasons_leave_out_one_event_when_the_articles_share_no_names():
    from viewer.core.comparison import compare
    from viewer.core.report.claimviews import claim_reasons

    a = Article("A", "a", "Workers began clearing fallen trees from the railway line at dawn.\n\n"
                          "In Port Kelby, Ines Calloway thanked them.")
    b = Article("B", "b", "At first light, crews started removing trees that had fallen onto the tracks.\n\n"
                          "In Lowmouth, Tomas Brenner thanked them.")
    comp = compare([a, b])
    assert comp.one_event == frozenset()
    shared = [c for c in comp.claims if len(c.articles) == 2]
    assert shared
    for claim in shared:
        reasons = claim_reasons(comp, claim)
        assert reasons and not any(r.startswith("reports of one event") for r in reasons)


def test_an_anchored_conflict_joins_the_claim_that_already_gives_one_of_its_values():
    """A's "five members" conflicts with D's in a claim of theirs, and with E's in a clause of a
    longer sentence: one claim and one conflict of the three, E's member the clause."""
    a = "Five members of the Groby pub football team were killed in the crash near Leicester."
    d = "The crash near Leicester killed four members of the Groby pub football team."
    e = ("Magistrates in Hinckley heard that the lorry driver, who suffers from a sleeping disorder and "
         "had been at the wheel since dawn, was fined £2,500 and banned for two years over the smash "
         "that killed four members of a team from Groby.")
    claims = find_claims([Article("A", "", a), Article("D", "", d), Article("E", "", e)])
    with_conflicts = [c for c in claims if c.conflicts]
    assert len(with_conflicts) == 1
    claim = with_conflicts[0]
    assert claim.articles == ("A", "D", "E") and claim.id == "c1"
    assert claim.conflicts[0].values == {"A": "Five members", "D": "four members", "E": "four members"}
    (member,) = [m for m in claim.members if m.article == "E"]
    assert 0 < member.start and "killed four members of a team from Groby" in e[member.start:member.end]
    assert all(m.start == 0 for m in claim.members if m.article != "E")  # their whole sentences


def test_mentions_of_articles_read_as_two_events_are_not_joined():
    statements = _statements(VISIT_A, VISIT_B)
    assert anchored_conflicts(statements)  # short texts: not judged, so compared
    assert anchored_conflicts(statements, apart={(0, 1)}) == []


def test_two_reports_of_other_games_give_no_anchored_conflict():
    """Two reports with many names and numbers each, few of them shared (two games of one team):
    a number of one game is no conflict with the other's."""
    a = ("The Colts beat the Jaguars in Jacksonville on Thursday. Peyton Manning completed 17 passes "
         "for 210 yards as the Colts won again. Reggie Wayne caught seven balls and Joseph Addai ran "
         "well. Jack Del Rio said the Jaguars missed chances.")
    b = ("The Colts beat the Chiefs in Indianapolis on Sunday. Andrew Luck completed 34 passes for "
         "364 yards as the Colts won again. Jamaal Charles ran well and Brady Quinn threw an "
         "interception to Darius Butler. Bruce Arians praised his team.")
    claims = find_claims([Article("A", "", a), Article("B", "", b)])
    assert not [c for c in claims if c.conflicts]
    # the same two sentences alone are too short to tell two games apart: compared
    claims = find_claims([Article("A", "", a.split(". ")[1]), Article("B", "", b.split(". ")[1])])
    assert [c for c in claims if c.conflicts]
