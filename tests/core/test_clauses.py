"""Clause-level statements: attribution dropped, coordinated, relative and participial clauses cut."""

import pytest

from viewer.core.claims.clauses import clause_spans
from viewer.core.claims.finder import find_claims, statements_of
from viewer.core.text.article import Article


def _clauses(sentence, language="en"):
    return [sentence[s:e] for s, e in clause_spans(sentence, 0, len(sentence), language)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # attribution tails and heads are dropped
        ("The new bypass around the market town will open to traffic in early spring, a council "
         "spokeswoman said.",
         ["The new bypass around the market town will open to traffic in early spring"]),
        ("Three fishing boats sank in the harbour during the gale, said Tom Hale, the harbour master.",
         ["Three fishing boats sank in the harbour during the gale"]),
        ("The museum lost two paintings worth millions in the burglary, according to insurers.",
         ["The museum lost two paintings worth millions in the burglary"]),
        ("According to the coastguard, the missing swimmer was found alive near the pier on Sunday.",
         ["the missing swimmer was found alive near the pier on Sunday."]),
        ("The chief engineer said that the cracked bridge would stay closed until next summer.",
         ["the cracked bridge would stay closed until next summer."]),
        # coordinated clauses, each with a verb
        ("The bakery doubled its prices in January, but customers kept queuing outside every morning.",
         ["The bakery doubled its prices in January", "customers kept queuing outside every morning."]),
        ("Floodwater closed the main railway line on Monday, and engineers repaired the damaged track "
         "overnight.",
         ["Floodwater closed the main railway line on Monday",
          "engineers repaired the damaged track overnight."]),
        # relative clauses
        ("The orchestra cancelled its autumn tour of Japan, which disappointed thousands of ticket holders.",
         ["The orchestra cancelled its autumn tour of Japan", "which disappointed thousands of ticket holders."]),
        ("The court fined the chemical company heavily last week, whose factory polluted the river for "
         "years.",
         ["The court fined the chemical company heavily last week",
          "whose factory polluted the river for years."]),
        # participial clauses
        ("The landslide buried the mountain road near the village, leaving hundreds of tourists stranded overnight.",
         ["The landslide buried the mountain road near the village", "leaving hundreds of tourists stranded overnight."]),
        ("The striker signed a new contract with the club, having scored forty goals last season.",
         ["The striker signed a new contract with the club", "having scored forty goals last season."]),
    ],
)
def test_sentences_are_cut_into_clauses(sentence, expected):
    assert _clauses(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The farmers grew wheat, barley, oats, and potatoes on the hill.",       # a list, no clause
        "The ferry, which sails twice a day, was late again.",                   # too short around it
        '"We are very pleased," she said.',                                     # too little left
        "The festival drew large crowds, including many families from abroad.",  # "including": no clause
        "The storm passed, and rain fell.",                                      # fragments
        "Le maire a dit que la ville construira trois ponts, et les travaux commenceront en mai.",
    ],
)
def test_short_or_list_sentences_stay_whole(sentence):
    language = "fr" if sentence.startswith("Le ") else "en"
    assert _clauses(sentence, language) == [sentence]


def test_every_clause_keeps_enough_words():
    text = ("The city council approved the budget for next year after a long debate, and the mayor thanked "
            "the members, who had worked through the night, having reviewed every line of the spending "
            "plan, a spokesman said.")
    for clause in _clauses(text):
        assert len(clause.split()) >= 6


def test_a_clause_joins_a_claim_another_article_states_whole():
    a = ("Firefighters rescued twelve residents from the burning tower block on Friday, and the police "
         "closed the surrounding streets for the whole weekend.")
    b = "On Friday firefighters saved twelve people from the burning tower block."
    c = "The police closed the surrounding streets for the whole weekend."
    arts = [Article("A", "", a), Article("B", "", b), Article("C", "", c)]
    shared = [claim for claim in find_claims(arts) if len(claim.articles) > 1]
    assert sorted(claim.articles for claim in shared) == [("A", "B"), ("A", "C")]
    by_b = next(claim for claim in shared if claim.articles == ("A", "B"))
    member = next(m for m in by_b.members if m.article == "A")
    assert a[member.start:member.end].startswith("Firefighters rescued")
    assert "police" not in a[member.start:member.end]


def test_statements_are_sentences_then_their_clauses():
    text = ("The river burst its banks near the old mill, flooding forty homes in the lower town. "
            "Residents were moved to the school hall, the fire service said. The roads stay closed.")
    spans = [(s.start, s.end) for s in statements_of(Article("A", "", text), 0)]
    assert [text[s:e] for s, e in spans] == [
        "The river burst its banks near the old mill, flooding forty homes in the lower town.",
        "The river burst its banks near the old mill", "flooding forty homes in the lower town.",
        "Residents were moved to the school hall, the fire service said.",
        "Residents were moved to the school hall",
        "The roads stay closed."]


def test_a_whole_copy_stays_one_sentence_claim_and_lone_clauses_are_not_claims():
    a = ("The council approved the new budget on Monday evening, and the mayor promised lower taxes "
         "for every family next year.")
    b = "Walkers found a rare orchid growing beside the old canal towpath, which delighted local botanists."
    arts = [Article("A", "", a), Article("B", "", a + " " + b), Article("C", "", b)]
    claims = find_claims(arts)
    texts = {x.id: x.text for x in arts}
    spans = sorted(tuple(texts[m.article][m.start:m.end] for m in c.members) for c in claims)
    assert spans == sorted([(a, a), (b, b)])
