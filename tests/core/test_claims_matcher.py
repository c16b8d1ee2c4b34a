"""The logistic claim matcher: features, reporting verbs, negation, numbers, spin, the gate."""

import pytest

from viewer.core.claims import matcher
from viewer.core.claims.matcher import (FEATURES, WEIGHTS, coverage, explain_link, match_probability,
                                       pair_features, same_claim)
from viewer.core.claims.statement import REPORTING_VERBS, make_statement


def _st(text, article=0):
    return make_statement(article, 0, len(text), text)


def _p(a, b):
    return match_probability(_st(a), _st(b, 1))


def test_shipped_weights_fit_the_features():
    assert len(WEIGHTS) == len(FEATURES)
    feats = pair_features(_st("The river flooded the old town."), _st("The old town was flooded by the river.", 1))
    assert len(feats) == len(FEATURES)
    assert all(isinstance(x, float) for x in feats)


@pytest.mark.parametrize("verb", ["said", "told", "claimed", "stated", "mentioned", "added", "remarked", "noted"])
def test_reporting_verbs_are_interchangeable(verb):
    a = "The harbour master said the new pier will open to ferries in the spring."
    b = f"The harbour master {verb} the new pier will open to ferries in the spring."
    assert same_claim(_st(a), _st(b, 1)) > 0
    assert _st(a).keys.keys() == _st(b).keys.keys()


def test_reporting_verb_list_is_small_and_general():
    assert {"said", "mentioned", "noted", "remarked"} <= REPORTING_VERBS
    assert len(REPORTING_VERBS) < 40


@pytest.mark.parametrize(
    "a, b",
    [
        ("Officials said the soldiers crossed the border at dawn on Sunday.",
         "Officials mentioned the troopers crossed the frontier at dawn on Sunday."),
        ("The company purchased a large warehouse near the airport last week.",
         "The firm bought a big warehouse close to the airport last week."),
        ("Rescue teams helped the children reach the shelter before the storm.",
         "Rescue teams assisted the kids to reach the shelter before the storm."),
    ],
)
def test_spun_copies_still_match(a, b):
    assert same_claim(_st(a), _st(b, 1)) > 0


def test_negation_mismatch_is_a_feature_that_lowers_the_match():
    base = _st("The council approved the new budget for the library on Monday.")
    negated = _st("On Monday the council has not approved the new library budget.", 1)
    plain = _st("On Monday the council has now approved the new library budget.", 1)
    i = FEATURES.index("negation_mismatch")
    assert pair_features(base, negated)[i] == 1.0 and pair_features(base, plain)[i] == 0.0
    assert WEIGHTS[i] < 0
    assert match_probability(base, negated) < match_probability(base, plain)


def test_different_numbers_lower_the_match():
    base = "The lottery winner from Leeds collected 3 million pounds on Friday."
    same = "On Friday the lottery winner from Leeds collected 3 million pounds."
    other = "On Friday the lottery winner from Leeds collected 8 million pounds."
    assert _p(base, other) < _p(base, same)


def test_unrelated_pairs_are_gated_to_zero():
    assert _p("The orchestra will tour Japan in the autumn.", "Wheat prices fell sharply after the harvest.") == 0.0


def test_a_sentence_cut_from_a_longer_one_is_its_claim_but_a_rewording_as_thin_is_not():
    """A paper cuts a sentence out of a long wire sentence and adds a word or two: the copied runs
    make it the same claim at a lower share of carried words than a rewording needs."""
    from viewer.core.claims.matcher import CONTAINED, COPIED_CONTAINED, coverage

    long = _st("The two men from Leeds, who had met at a bowling club in 2019, were both remanded in "
               "custody for a week by magistrates in Bradford after a short hearing on Friday.")
    cut = _st("Both brothers were remanded in custody for a week by magistrates in Yorkshire.", 1)
    reworded = _st("Yorkshire magistrates remanded both brothers to custody for one week.", 1)
    for short in (cut, reworded):  # both carried alike, below the plain containment share
        assert COPIED_CONTAINED <= coverage(short, long) < CONTAINED
        assert match_probability(short, long) < matcher.SAME_CLAIM
    assert same_claim(cut, long) > 0 and same_claim(long, cut) > 0
    assert same_claim(reworded, long) == 0.0


def test_probability_is_a_probability_and_near_symmetric():
    a = "The museum reopened its east wing after two years of repairs."
    b = "After two years of repair work the museum's east wing has reopened."
    p, q = _p(a, b), _p(b, a)
    assert 0.5 <= p <= 1 and 0.5 <= q <= 1
    assert abs(p - q) < 0.15


def test_the_model_file_is_what_the_training_bench_writes():
    """The weights are data written by bench/train_matcher.py, not constants typed in: fitting again
    on the MSRP training pairs (when the dev data is there) gives exactly the shipped file."""
    import sys
    from pathlib import Path

    from viewer.core.util.bundled import core_data_path

    root = Path(__file__).resolve().parents[2]
    dev = root.parent / "shared" / "dev-data"
    if not (dev / "msrp").is_dir():
        pytest.skip("MSRP dev data not available")
    sys.path.insert(0, str(root / "bench"))
    try:
        import train_matcher
    finally:
        sys.path.remove(str(root / "bench"))
    shipped = core_data_path("claims", matcher.MODEL_FILE).read_text(encoding="utf-8")
    assert train_matcher.model_json(*train_matcher.fit_all(str(dev))) == shipped
    assert matcher.load_model() == (WEIGHTS, matcher.BIAS)


@pytest.mark.parametrize(("joined", "apart"), [
    ("The 42-year-old baker from Leeds was cleared of theft.", "The baker, 42, from Leeds was cleared of theft."),
    ("The brewery was sold for $5.4-billion on Monday.", "The brewery was sold for $5.4 billion on Monday."),
    ("The council spent £3m on the new bridge.", "The council spent £3 million on the new bridge."),
    ("Ferry operators lost 1.2bn euros last winter.", "Ferry operators lost 1.2 billion euros last winter."),
    ("The museum reopened on Oct. 13 after repairs.", "The museum reopened on October 13 after repairs."),
    ("Ferry fares rose 5% in March.", "Ferry fares rose 5 per cent in March."),
    ("Ferry fares rose 5 percent in March.", "Ferry fares rose 5 per cent in March."),
])
def test_a_number_joined_to_its_unit_meets_the_number_written_apart(joined, apart):
    a, b = _st(joined), _st(apart, 1)
    assert a.numbers == b.numbers and a.numbers
    assert a.keys.keys() >= b.keys.keys()  # all of the plainer wording's keys are matched exactly
    assert same_claim(a, b) > 0


@pytest.mark.parametrize("word", ["21st", "1990s", "9am", "50p"])
def test_ordinals_decades_times_and_single_letter_units_stay_whole(word):
    assert _st(f"It happened in the {word} case.").numbers == {"#" + word}


def test_a_zero_is_the_number_0():
    """'0', '00' and '000' are one number, shown as "0" among a link's reasons."""
    a = _st("The doors opened at 6:00 and the score was 0.")
    b = _st("The doors opened at 6:00 and the score was 000.", 1)
    assert a.numbers == b.numbers == {"#6", "#0"}
    assert explain_link(a, b).numbers == ("0", "6")


@pytest.mark.parametrize(("dotted", "plain", "key"), [
    ("The U.S. economy grew 3 percent last year.", "The US economy grew 3 percent last year.", "us"),
    ("The F.T.C. fined the bank on Monday.", "The FTC fined the bank on Monday.", "ftc"),
    ("The U.K. government raised taxes.", "The UK government raised taxes.", "uk"),
])
def test_an_acronym_with_dots_meets_the_same_acronym_without(dotted, plain, key):
    a, b = _st(dotted), _st(plain, 1)
    assert key in a.keys and a.keys == b.keys and key in a.names
    assert same_claim(a, b) > 0


def test_an_acronym_that_spells_a_function_word_is_a_name_but_not_in_a_shouted_headline():
    assert "us" in _st("Troops from the US arrived on Monday.").keys
    assert "who" in _st("The WHO said the vaccine was safe.").keys
    assert "us" not in _st("Troops told us they arrived on Monday.").keys
    assert "us" not in _st("LET US GO HOME NOW").keys  # all capitals: the pronoun


@pytest.mark.parametrize(("full", "short"), [
    ("The European Central Bank raised interest rates on Thursday.", "The ECB raised interest rates on Thursday."),
    ("Regulators at the Securities and Exchange Commission fined the broker.",
     "Regulators at the SEC fined the broker."),
    ("Advanced Micro Devices Inc. agreed to buy the graphics chip maker.",
     "AMD agreed to buy the graphics chip maker."),
])
def test_an_acronym_meets_the_name_it_stands_for(full, short):
    a, b = _st(full), _st(short, 1)
    acronym = next(k for k in b.names if k not in a.names)
    assert a.keys.get(acronym) == 0.0  # carried by the full name, weighing nothing of its own
    assert same_claim(a, b) > 0


@pytest.mark.parametrize(("together", "apart"), [
    ("Chipmaker Dunmore agreed to buy SeaMicro for $334 million in cash and stock.",
     "Chipmaker Dunmore agreed to buy Sea Micro for $334 million in cash and stock."),
    ("Police said the gunman, Anthony LaCalamita, was caught on the highway after a chase.",
     "Police said the gunman, Anthony La Calamita, was caught on the highway after a chase."),
    ("The museum named its new wing after General MacArthur on Friday.",
     "The museum named its new wing after General Mac Arthur on Friday."),
])
def test_a_name_written_together_meets_the_name_written_apart(together, apart):
    """Each spelling carries the other's keys, weighing nothing of their own: the two read as one
    statement, and the name is listed as shared."""
    a, b = _st(together), _st(apart, 1)
    assert coverage(a, b) == pytest.approx(1.0) and coverage(b, a) == pytest.approx(1.0)
    assert same_claim(a, b) > 0
    shared = explain_link(a, b).names
    assert any(name in together and name not in apart for name in shared)


def test_only_names_are_read_together_or_apart():
    """Lower-case words are never joined, nor capitalised words split unless each part is
    capitalised ("McDonald", not "MacDONALD" or "iPhone")."""
    from viewer.core.claims.statement import _name_spellings
    assert _name_spellings(["rates", "rose", "Sea", "Micro"], "en") == {"seamicro"}
    assert _name_spellings(["McDonald"], "en") == {"mc", "donald"}
    assert not _name_spellings(["iPhone", "MacDONALD", "NATO", "said"], "en")


def test_initials_come_from_runs_of_capitalised_words_only():
    from viewer.core.claims.statement import _initials
    words = ["Yesterday", "the", "Bank", "of", "England", "said", "rates", "would", "rise", "in", "May"]
    found = _initials(words)
    assert "be" in found and "ybe" in found and "said" not in found
    assert not _initials(["The", "ECB", "said", "so"]) and not _initials(["rates", "rose"])
