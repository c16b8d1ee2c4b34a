"""Spin detection: synonym swaps in aligned sentences (our own texts)."""

from __future__ import annotations

import pytest

from viewer.core.diff.worddiff import word_diff
from viewer.core.reuse.spin import detect_spin
from viewer.core.text.article import Article

SOURCE = ("The soldiers said the war was over. They walked home in the light rain, tired but happy. "
          "Their families waited at the old station with flowers and bread.")
SPUN = ("The troopers mentioned the battle was finished. They strolled home in the gentle rain, weary but glad. "
        "Their households waited at the ancient station with blossoms and bread.")


def art(i: str, text: str) -> Article:
    return Article(i, "", text)


def pairs(result) -> set[tuple[str, str]]:
    return {(s.a_text, s.b_text) for s in result.substitutions}


def test_spun_copy_scores_high_and_lists_swaps():
    a, b = art("A", SOURCE), art("B", SPUN)
    result = detect_spin(a, b)
    assert result.score >= 0.8
    assert {("said", "mentioned"), ("war", "battle"), ("light", "gentle"),
            ("soldiers", "troopers")} <= pairs(result)
    for s in result.substitutions:
        assert a.text[s.a_start:s.a_end] == s.a_text and b.text[s.b_start:s.b_end] == s.b_text
    assert all(s.known_synonym for s in result.substitutions if s.a_text in ("said", "war"))


def test_given_diff_gives_same_result():
    a, b = art("A", SOURCE), art("B", SPUN)
    assert detect_spin(a, b, word_diff(a.text, b.text)) == detect_spin(a, b)


def test_identical_texts_are_not_spin():
    result = detect_spin(art("A", SOURCE), art("B", SOURCE))
    assert result.score == 0.0 and result.substitutions == ()


def test_structural_swaps_count_but_less_than_known_synonyms():
    made_up = SOURCE.replace("war", "zint").replace("light", "quall")
    known = SOURCE.replace("war", "battle").replace("light", "gentle")
    result = detect_spin(art("A", SOURCE), art("B", made_up))
    assert pairs(result) == {("war", "zint"), ("light", "quall")}
    assert not any(s.known_synonym for s in result.substitutions)
    assert 0.0 < result.score < detect_spin(art("A", SOURCE), art("B", known)).score


@pytest.mark.parametrize("b_text", [
    SOURCE.replace("over", "over after 24 years").replace("24", "25"),   # numbers change: facts, not spin
    SOURCE.replace("The soldiers", "the soldiers"),                         # case only
])
def test_number_and_case_changes_are_not_swaps(b_text):
    result = detect_spin(art("A", SOURCE.replace("over", "over after 24 years")), art("B", b_text))
    assert result.substitutions == () and result.score == 0.0


WIRE = ("The court heard today that the defendant was paid in cash. He was today sentenced to two years. "
        "The judgment was read out in London yesterday by the judge.")


@pytest.mark.parametrize("b_text", [
    WIRE.replace("heard today", "heard yesterday"),                        # the day moving on, wire to paper
    WIRE.replace("was today sentenced", "was sentenced yesterday"),        # words put in another order
    WIRE.replace("judgment", "judgement"),                                 # spelt another way
    WIRE.replace("in London yesterday", "in London"),                      # a word left out of a phrase
])
def test_edits_that_are_not_synonym_swaps(b_text):
    assert detect_spin(art("A", WIRE), art("B", b_text)).substitutions == ()


def test_a_run_of_swapped_words_reads_word_for_word():
    source = SOURCE.replace("waited", "waited for a young man of large fortune")
    spun = SPUN.replace("waited", "waited for a junior fellow of prominent wealth")
    assert {("young", "junior"), ("man", "fellow"), ("large", "prominent"), ("fortune", "wealth")} <= pairs(
        detect_spin(art("A", source), art("B", spun)))


def test_a_phrase_for_a_phrase_is_one_swap():
    result = detect_spin(art("A", SOURCE.replace("waited", "waited so far")),
                         art("B", SPUN.replace("waited", "waited to this point")))
    assert ("so far", "to this point") in pairs(result)


INDEPENDENT_A = ("Fire crews were called to a warehouse on Dock Road late on Friday after neighbours saw smoke. "
                 "Nobody was hurt, the fire service said, but the roof collapsed before the flames were put out. "
                 "The owner, Mark Ellis, said he would rebuild. Police are treating the fire as accidental.")
INDEPENDENT_B = ("A blaze destroyed most of a storage building near the docks on Friday night. "
                 "Firefighters spent four hours at the scene and managed to save the neighbouring offices. "
                 "Mark Ellis, who owns the site, told reporters that the business would carry on. "
                 "Investigators believe an electrical fault started it.")


def test_independent_reports_of_same_event_score_low():
    assert detect_spin(art("A", INDEPENDENT_A), art("B", INDEPENDENT_B)).score <= 0.2


def test_rewritten_sentences_score_low():
    rewritten = ("The soldiers, exhausted after months at the front, said at last that the war was over. "
                 "They walked home together in the light rain that had fallen since the morning. "
                 "Their families had waited for hours at the old station, holding flowers and fresh bread.")
    assert detect_spin(art("A", SOURCE), art("B", rewritten)).score <= 0.3


def test_spun_copy_is_labelled_as_derived_as_its_source():
    """The derivation label measures a spun pair with its swaps put back."""
    from viewer.core.reuse.pairs import analyse_pair
    from viewer.core.reuse.relation import PARTIALLY, WHOLLY, relation

    a, b = art("A", " ".join([SOURCE] * 8)), art("B", " ".join([SPUN] * 8))
    found = analyse_pair(a, b)
    assert found.spin.score >= 0.5 and found.label == WHOLLY
    as_is = relation(a, b)  # swaps left in: the copy shares too little phrasing to look wholly derived
    assert as_is.label == PARTIALLY and found.derivation_score > as_is.score
    assert found.verbatim["B"] < 0.5  # the runs shown are the real ones


@pytest.mark.parametrize("order", ["source first", "copy first"])
def test_spun_copy_against_all_the_others_is_wholly_derived(order):
    """The article-against-all-others reading puts a spun pair's swaps back too, whichever side
    of the pair the spun copy is."""
    from viewer.core.comparison import compare
    from viewer.core.reuse.relation import WHOLLY, derivation

    source, spun = " ".join([SOURCE] * 8), " ".join([SPUN] * 8)
    other = ("A council meeting on Tuesday approved the budget for new roads and a library. "
             "Members argued for two hours before the vote.") * 3
    texts = [source, spun, other] if order == "source first" else [spun, source, other]
    arts = [art(k, t) for k, t in zip("ABC", texts)]
    comp = compare(arts, with_claims=False)
    copy_id = "B" if order == "source first" else "A"
    assert comp.derivations[copy_id].label == WHOLLY
    others = [a for a in arts if a.id != copy_id]
    plain = derivation(next(a for a in arts if a.id == copy_id), others)  # swaps left in
    assert plain.label != WHOLLY and comp.derivations[copy_id].score > plain.score


def _swap_every(text: str, nth: int, function_words: bool) -> str:
    """Every `nth` content word (or function word) replaced by a made-up word: a spinner whose
    thesaurus ours does not know."""
    from viewer.core.text.language import stopwords

    stops, out, seen = stopwords("en"), [], 0
    for word in text.split(" "):
        bare = word.strip(".,")
        if bare.isalpha() and len(bare) >= 3 and (bare.lower() in stops) == function_words:
            seen += 1
            if seen % nth == 0:
                word = word.replace(bare, "zo" + bare[::-1].lower())
        out.append(word)
    return " ".join(out)


def test_swaps_of_content_words_no_thesaurus_knows_still_read_as_spin():
    source = " ".join([SOURCE, INDEPENDENT_A, INDEPENDENT_B])
    content = detect_spin(art("A", source), art("B", _swap_every(source, 5, False)))
    assert len(content.substitutions) >= 12
    assert not any(s.known_synonym for s in content.substitutions)
    assert content.score >= 0.8
    # about as many function words swapped reads as rewording more than spin: weighed less
    functions = detect_spin(art("A", source), art("B", _swap_every(source, 3, True)))
    assert len(functions.substitutions) >= len(content.substitutions) - 3
    assert functions.score < 0.6


@pytest.mark.parametrize("order", ["source first", "copy first"])
def test_the_spun_copy_is_the_one_whose_swapped_words_other_reports_do_not_use(order):
    """Run through a substituter, a copy reads as derived both ways; two other reports of the
    event word it as the original does ("soldiers", "said", "war"), so the copy is the derived one
    and the original is not read against it."""
    from viewer.core.comparison import compare

    source, spun = " ".join([SOURCE] * 8), " ".join([SPUN] * 8)
    reports = ["Soldiers said on Friday that the war was over and walked home through the station.",
               "The war is over, the soldiers said, and their families waited with flowers and bread."]
    texts = ([source, spun] if order == "source first" else [spun, source]) + reports
    arts = [art(k, t) for k, t in zip("ABCD", texts)]
    copy_id, source_id = ("B", "A") if order == "source first" else ("A", "B")
    comp = compare(arts, with_claims=False)
    relation = comp.pair("A", "B").reuse
    assert (relation.derived, relation.basis) == (copy_id, "others' wording")
    assert comp.derivations[copy_id].label == "wholly-derived"
    assert comp.derivations[source_id].label != "wholly-derived"
    alone = compare(arts[:2], with_claims=False).pair("A", "B").reuse  # no others: the model's guess
    assert alone.basis == "reuse"


def test_other_reports_that_use_neither_side_leave_the_guess():
    from viewer.core.reuse.direction import spun_original

    swaps = [("said", "mentioned"), ("soldiers", "troopers"), ("war", "battle"), ("light", "gentle")]
    unrelated = [art("C", "The orchestra tours Japan in the autumn with a new conductor.")]
    assert spun_original(swaps, unrelated) is None
    assert spun_original(swaps, []) is None
    assert spun_original(swaps, [art("C", "The soldiers said the war was over in the light rain.")]) == 0
    assert spun_original([(b, a) for a, b in swaps], [art("C", "Soldiers said the war was over.")]) == 1
