"""Sentence segmentation: offsets, news abbreviations, quotes, and the fast path agreeing with pysbd."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.text import sentences
from viewer.core.text.sentences import split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The rain stopped. Crowds returned to the square.",
         ["The rain stopped.", "Crowds returned to the square."]),
        ("Mr. Lopez met U.S. officials on Oct. 13 in Lima. Talks went well.",
         ["Mr. Lopez met U.S. officials on Oct. 13 in Lima.", "Talks went well."]),
        ("“We are tired. We want peace,” the farmer said. Nobody answered.",
         ["“We are tired. We want peace,” the farmer said.", "Nobody answered."]),
        ("Headline without a stop\nBody text here. More body text.",
         ["Headline without a stop", "Body text here.", "More body text."]),
        ("Le maire a parlé. Les habitants ont applaudi.", ["Le maire a parlé.", "Les habitants ont applaudi."]),
        # a closing quote at the end of a paragraph belongs to its sentence (pysbd leaves it alone)
        ("A source said: 'He is a cruel man. We will never know. More may come forward now.'\n\nNext.",
         ["A source said: 'He is a cruel man.", "We will never know.", "More may come forward now.'",
          "Next."]),
        ("He said: ``Fred is a bad man. He ran off.''<\nThe court heard more.",
         ["He said: ``Fred is a bad man.", "He ran off.''<", "The court heard more."]),
        # a title before a name, and a clock time before a weekday or a time zone, end nothing
        ("Police Const. Ian Tait said the road was closed. Nobody else spoke.",
         ["Police Const. Ian Tait said the road was closed.", "Nobody else spoke."]),
        ("Det. Ch. Insp. Jo Bloggs gave evidence. Atty. Gen. Ann Lee did not.",
         ["Det. Ch. Insp. Jo Bloggs gave evidence.", "Atty. Gen. Ann Lee did not."]),
        ("The vote is at 7 p.m. Friday. Results follow at 4:45 p.m. EST on Saturday.",
         ["The vote is at 7 p.m. Friday.", "Results follow at 4:45 p.m. EST on Saturday."]),
        ("Doors open at 6 p.m. The show starts later.", ["Doors open at 6 p.m.", "The show starts later."]),
        ("Sen. Pat Roberts, R-Kan., chaired it. Shares of J.C. Penney Co. Inc. (JCP) rose at 10 a.m. "
         "Sept. 8.", ["Sen. Pat Roberts, R-Kan., chaired it.",
                      "Shares of J.C. Penney Co. Inc. (JCP) rose at 10 a.m. Sept. 8."]),
        ("It was imposed by then-Gov. Walter Hickel. Later it lapsed.",
         ["It was imposed by then-Gov. Walter Hickel.", "Later it lapsed."]),
        ("Mr. Cook spoke on Monday. iPhone sales rose.", ["Mr. Cook spoke on Monday.", "iPhone sales rose."]),
        # German quotes open low and close with “
        ("Er hat Waffen geschickt. „Wir sehen eine Allianz“, sagte er. Putin war im Juni dort.",
         ["Er hat Waffen geschickt.", "„Wir sehen eine Allianz“, sagte er.", "Putin war im Juni dort."]),
        ("Er sagte: „Ja. Das stimmt.“ Dann ging er.", ["Er sagte: „Ja. Das stimmt.“", "Dann ging er."]),
        # French guillemets spaced inside, Spanish ¿ ¡ opening a sentence
        ("Il a dit : « Oui. C'est vrai. » Puis il est parti.", ["Il a dit : « Oui. C'est vrai. »",
                                                              "Puis il est parti."]),
        ("Habló el domingo. ¿Qué dijo? ¡Nada nuevo!", ["Habló el domingo.", "¿Qué dijo?", "¡Nada nuevo!"]),
        # Chinese and Japanese end sentences without a space; a quotation goes on to its speaker
        ("起重机倒塌了。两名工人受伤！为什么？", ["起重机倒塌了。", "两名工人受伤！", "为什么？"]),
        ("「今日は晴れです。」と彼は言った。明日は雨です。", ["「今日は晴れです。」と彼は言った。", "明日は雨です。"]),
    ],
)
def test_split_sentences(text, expected):
    found = split_sentences(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start:s.end] == s.text for s in found)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The river rose overnight. Residents left their homes before dawn. Nobody was hurt.",
        "“It was terrible. We lost everything,” said one resident. Help arrived later.",
        "The council voted! The motion passed? Nobody knew.",
    ],
)
def test_fast_path_agrees_with_pysbd(paragraph, monkeypatch):
    fast = [(s.start, s.end) for s in split_sentences(paragraph)]
    monkeypatch.setattr(sentences, "_fast_split", lambda par: None)
    sentences._split_sentences.cache_clear()
    assert [(s.start, s.end) for s in split_sentences(paragraph)] == fast


def test_sentences_are_split_once_however_the_language_is_given():
    """The alignment asks for `split_sentences(text)`, the claims for `split_sentences(text, "en")`:
    one cached result serves both (a second split cost the claims of 12 articles about 0.05 s)."""
    text = "The river rose overnight. Residents left their homes before dawn.\n\nNobody was hurt."
    assert split_sentences(text) is split_sentences(text, "en") is split_sentences(text, language="en")


WRAPPED = """HARBOUR BRIDGE REOPENS<
By Jo Bloggs, PA News<
The old harbour bridge in Port Elwen reopened to traffic on Monday morning,
eleven months after engineers closed it when a routine inspection found
cracked bearings beneath the eastern span.<
Councillor Ann Reyes said the repairs had cost more than expected but that
the town could not have waited any longer.
Shopkeepers on Quay Street, who had complained of lost trade for most of the
year, welcomed the news.
The council listed what was done:
- new bearings under the eastern span and a resurfaced deck for the whole road
- a footpath widened on the seaward side of the bridge for walkers and cyclists
"""


def test_hard_wrapped_lines_of_one_paragraph_make_whole_sentences():
    """Wire copy, e-mail and plain-text books cut lines at a fixed width: a sentence runs on
    across the break, while a headline, a byline, a sentence end or a list item ends a line."""
    found = split_sentences(WRAPPED)
    texts = [" ".join(s.text.split()) for s in found]
    assert texts[:2] == ["HARBOUR BRIDGE REOPENS<", "By Jo Bloggs, PA News<"]
    assert ("The old harbour bridge in Port Elwen reopened to traffic on Monday morning, eleven months "
            "after engineers closed it when a routine inspection found cracked bearings beneath the "
            "eastern span.<") in texts
    assert ("Shopkeepers on Quay Street, who had complained of lost trade for most of the year, "
            "welcomed the news.") in texts
    assert "The council listed what was done:" in texts
    assert sum(t.startswith("- ") for t in texts) == 2  # each list item stays its own line
    for s in found:
        assert WRAPPED[s.start:s.end] == s.text



FARES = "\n".join([
    "FERRY FARES TO RISE IN SPRING<",
    "By Jo Bloggs, Transport Correspondent, PA News<",
    "Ferry fares between Port Elwen and the islands will rise by a tenth from April,",
    "the operator said today, and a return ticket for a car will cost more than",
    "#120.<",
    "The operator blamed the price of fuel, which it said had doubled in two",
    "years, and the cost of the new harbour pontoon it had paid for itself.<",
    "Islanders said the rise would hurt families who had to cross for work.<",
]) + "\n"


def test_a_wrapped_sentence_runs_on_into_a_last_line_of_figures():
    """PA copy writes pounds as '#': a wrapped sentence whose last line holds only a figure
    ("#120.") runs on into it, while a rule line in its place still stands alone."""
    texts = [" ".join(s.text.split()) for s in split_sentences(FARES)]
    assert ("Ferry fares between Port Elwen and the islands will rise by a tenth from April, the "
            "operator said today, and a return ticket for a car will cost more than #120.<") in texts
    assert "#120.<" not in texts
    rule = FARES.replace("#120.<", "-" * 20)
    assert "-" * 20 in [s.text for s in split_sentences(rule)]

def test_text_with_a_paragraph_per_line_is_never_joined():
    web = "\n".join(["Headline of the story"] + [
        f"Paragraph {k} of the story is one long line as web pages and word processors write "
        f"it, and it ends where its last sentence ends with a full stop like this one"
        for k in range(8)])
    assert sentences.paragraph_spans(web) == [(m.start(), m.end()) for m in
                                              __import__("re").finditer(r"[^\n]+", web)]
    short = "Roses are red\nViolets are blue\nSugar is sweet\nAnd so are you"
    assert len(sentences.paragraph_spans(short)) == 4  # too few lines to call it wrapped


_TITLE = "Axe killer jailed\n"


@pytest.mark.parametrize("text, paragraphs", [
    # a paragraph broken where it was copied: the line goes on in lower case
    (_TITLE + "The killer left with the card. He twice used the\ncard to withdraw £500.\n\nHe was found.",
     ["The killer left with the card. He twice used the card to withdraw £500.", "He was found."]),
    (_TITLE + "When officers asked him\nabout the three killings, he\nreplied: 'Yeah I done them.'",
     ["When officers asked him about the three killings, he replied: 'Yeah I done them.'"]),
    # a line that ends a sentence, a short list item, a capital, a list mark: each stays apart
    (_TITLE + "He was jailed.\nthe court heard no more.", ["He was jailed.", "the court heard no more."]),
    (_TITLE + "Buy flour\nsugar and eggs", ["Buy flour", "sugar and eggs"]),
    (_TITLE + "His barrister told the jury\nMr Smith was unwell", ["His barrister told the jury",
                                                                "Mr Smith was unwell"]),
    # a line ending on a word no sentence ends on goes on, whatever comes next
    (_TITLE + "There was no animosity between him and Mr Brown or\nMr Smith.",
     ["There was no animosity between him and Mr Brown or Mr Smith."]),
    (_TITLE + "These items are banned\n- knives and guns", ["These items are banned", "- knives and guns"]),
    # the first line is a title, and the page's time stamp after it no part of it
    ("Jury finds suspect in office shooting guilty\non April 30, 2008 at 4:31 AM",
     ["Jury finds suspect in office shooting guilty", "on April 30, 2008 at 4:31 AM"]),
])
def test_a_line_going_on_in_lower_case_continues_the_paragraph(text, paragraphs):
    got = [text[s:e].replace("\n", " ") for s, e in sentences.paragraph_spans(text)]
    assert got == paragraphs if not text.startswith(_TITLE) else got == [_TITLE.strip(), *paragraphs]


_PIECES = ["Mr. Smith left.", "He said no.", "U.S. troops", "went home", "e.g.", "“Stop.”", "Dr.", "3.5",
           "He said no.", "\u00a0", "  ", "!", "?", "Oct. 13", "the end"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14).map(" ".join))
def test_pysbd_sentences_found_as_pysbd_finds_them(paragraph):
    """The str.find search gives pysbd's own result (its search compiles a regex per sentence),
    repeated sentences and Unicode whitespace included."""
    expected = sentences._segmenter("en").segment(paragraph)
    assert sentences._pysbd_sentences(paragraph, "en") == expected


def test_a_long_paragraph_is_cut_for_pysbd_where_pysbd_cuts_too():
    """Text with no paragraph breaks (a flattened PDF): pysbd sees pieces of about _PYSBD_MAX
    characters, cut at sure boundaries outside quotes, so its time grows with the length, not its
    square; the sentences are those pysbd finds in the whole paragraph."""
    parts = ["Mr. Lopez met U.S. officials on Oct. 13 in Lima.", "Talks went on for 3.5 hours.",
             "The minister said the harbour would reopen soon.", "Dr. Reyes disagreed with him.",
             "“We are tired. We want peace,” the farmer said.", "Nobody answered the question at all."]
    par = " ".join(parts[k % len(parts)].replace("Lima", f"Lima {k}") for k in range(400))
    assert len(par) > 5 * sentences._PYSBD_MAX and sentences._fast_split(par) is None
    pieces = sentences._pieces(par)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(par)
    assert all(e == s2 for (_, e), (s2, _) in zip(pieces, pieces[1:]))
    assert len(pieces) > 3 and max(e - s for s, e in pieces) < 3 * sentences._PYSBD_MAX
    assert sentences._split_paragraph(par, "en") == sentences._pysbd_spans(par, "en")
