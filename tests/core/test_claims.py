"""Claims across articles: matching on paraphrase and spin, furniture, ordering, languages, cancel."""

import pytest

from viewer.core.claims.finder import find_claims
from viewer.core.claims.matcher import same_claim
from viewer.core.claims.statement import make_statement
from viewer.core.text.article import Article
from viewer.core.text.furniture import is_furniture
from viewer.core.text.language import detect_language
from viewer.core.util.cancel import Cancelled


def _articles(*texts):
    return [Article(chr(ord("A") + i), "", t) for i, t in enumerate(texts)]


def _member_texts(articles, claim):
    by_id = {a.id: a for a in articles}
    return {m.article: by_id[m.article].text[m.start:m.end] for m in claim.members}


@pytest.mark.parametrize(
    "a, b",
    [
        ("The mayor said the city will build three new bridges next year.",
         "The mayor mentioned that the city would construct three new bridges next year."),
        ("Soldiers from the northern army fought in the battle near the river.",
         "Troopers from the northern army fought in the war near the river."),
        ("The hospital received more help from the national government on Friday.",
         "On Friday the hospital got further assistance from the country's government."),
        ("Exports grew sharply in March as demand for steel increased across Asia.",
         "Demand for steel rose across Asia, so exports grew sharply in March."),
    ],
)
def test_paraphrases_and_spun_copies_share_a_claim(a, b):
    assert same_claim(make_statement(0, 0, len(a), a), make_statement(1, 0, len(b), b)) > 0
    arts = _articles(a, b)
    claims = find_claims(arts)
    assert [c.articles for c in claims] == [("A", "B")]


@pytest.mark.parametrize(
    "a, b",
    [
        ("The mayor said the city will build three new bridges next year.",
         "Heavy snow closed every school in the valley for two days."),
        ("The striker scored twice as the home side won the cup final.",
         "The central bank kept interest rates unchanged for a third month."),
    ],
)
def test_unrelated_statements_stay_unique(a, b):
    claims = find_claims(_articles(a, b))
    assert [c.articles for c in claims] == [("A",), ("B",)]
    assert [c.id for c in claims] == ["c1", "c2"]


@pytest.mark.parametrize(
    "line",
    ["Share:", "Related News", "Most Commented", "Leave a comment",
     "[File: Jane Doe/Reuters]", "(Photo: John Roe/AFP)",
     "A close-up photo of the harbour at dawn", "By Maria Gonzalez", "Published On 3 May 2021",
     "14:42 04/10/99: Page 1 (HHH) COURTS Harbour", "2024-06-19T14:42Z UK-HARBOUR/REPAIRS",
     # wire copy ends a paragraph with "<"
     "(with map and pix)<", "(Memo to subeditors: check par two)<"],
)
def test_furniture_lines_are_detected(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["Floods force thousands from their homes in the north",
     "The minister resigned on Monday.", "“We will not stop,” she said.",
     "14:42 on Monday the harbour closed to all boats until further notice",
     "He was refused bail.<", "``Not at all.''<"],
)
def test_statements_are_not_furniture(line):
    assert not is_furniture(line)


def test_furniture_belongs_to_no_claim_and_every_statement_to_one():
    a = ("Share:\nRelated News\nFirefighters saved a family of five from a burning house in Leeds.\n"
         "[File: Anna Berg/Reuters]\nThe fire started in the kitchen, officials said.")
    b = "Most Commented\nA family of five was rescued by firefighters from a burning home in Leeds."
    arts = _articles(a, b)
    claims = find_claims(arts)
    covered = {(m.article, arts[ord(m.article) - 65].text[m.start:m.end]) for c in claims for m in c.members}
    texts = {t for _, t in covered}
    assert not any(t.startswith(("Share", "Related", "Most", "[File")) for t in texts)
    assert ("A", "The fire started in the kitchen, officials said.") in covered
    assert claims[0].articles == ("A", "B")
    assert "Firefighters saved" in claims[0].text


def test_order_ids_and_determinism():
    shared3 = "The museum will reopen in June after a long renovation of its roof."
    shared2 = "Visitors will need to book tickets online before arriving at the gates."
    arts = _articles(
        f"{shared3} Entry stays free for children under twelve.",
        f"{shared2} {shared3}",
        f"The city council approved a new parking plan downtown. {shared3} {shared2}",
    )
    first = find_claims(arts)
    assert first == find_claims(arts)
    assert [c.id for c in first] == [f"c{i}" for i in range(1, len(first) + 1)]
    assert first[0].articles == ("A", "B", "C")
    assert first[1].articles == ("B", "C")
    unique = [c.articles for c in first if len(c.articles) == 1]
    assert unique == [("A",), ("C",)]
    for claim in first:
        for m in claim.members:
            text = arts[ord(m.article) - 65].text
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start:m.end].strip() == text[m.start:m.end]


def test_condensed_sentence_joins_several_claims():
    a = ("The factory in Bremen will close in August. "
         "About 400 workers at the plant will lose their jobs.")
    b = "The Bremen factory will close in August and about 400 workers at the plant will lose their jobs."
    arts = _articles(a, b)
    claims = find_claims(arts)
    shared = [c for c in claims if c.articles == ("A", "B")]
    assert len(shared) == 2
    assert all(any(m.article == "B" for m in c.members) for c in shared)


def test_conflicting_numbers_reported_on_shared_claim():
    arts = _articles("The former coach was jailed for 24 years for fraud in Madrid.",
                     "The former coach was jailed for 25 years for fraud in Madrid.")
    claims = find_claims(arts)
    assert len(claims) == 1
    assert [(c.kind, c.values) for c in claims[0].conflicts] == [("number", {"A": "24 years", "B": "25 years"})]


def test_a_relative_day_is_read_against_the_date_each_article_states():
    wire = ("Published 13 July 1999\n\nThe harbour crane collapsed yesterday at the Felixstowe container "
            "terminal, injuring two dock workers.")
    paper = ("Published 14 July 1999\n\nThe harbour crane collapsed on July 12 at the Felixstowe container "
             "terminal, injuring two dock workers.")
    late = ("Published 14 July 1999\n\nThe harbour crane collapsed yesterday at the Felixstowe container "
            "terminal, injuring two dock workers.")
    same_day = find_claims(_articles(wire, paper))
    assert any(len(c.articles) == 2 for c in same_day)
    assert not any(c.conflicts for c in same_day)
    other_day = [c for c in find_claims(_articles(wire, late)) if len(c.articles) == 2]
    assert [(k.kind, k.values) for c in other_day for k in c.conflicts] == [
        ("date", {"A": "yesterday (12 July 1999)", "B": "yesterday (13 July 1999)"})]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Le gouvernement a annoncé une nouvelle loi sur le logement. Les députés voteront la semaine prochaine.", "fr"),
        ("El gobierno anunció una nueva ley de vivienda. Los diputados votarán la próxima semana.", "es"),
        ("Die Regierung hat ein neues Gesetz angekündigt. Das Parlament wird nächste Woche abstimmen.", "de"),
        ("The government announced a new housing law. Members will vote next week.", "en"),
    ],
)
def test_languages_detected_and_claims_found(text, lang):
    assert detect_language(text) == lang
    arts = _articles(text, text)
    claims = find_claims(arts)
    assert len(claims) == 2 and all(c.articles == ("A", "B") for c in claims)


def test_text_without_spaces_is_cut_into_sentences_and_claims():
    """Chinese: sentences end at 。, words are pairs of characters, a count's unit follows it."""
    a = "港口起重机昨天倒塌，两名工人受伤。调查人员说，这是他24年来第一次出事故。"
    b = "港口起重机昨天倒塌，两名码头工人受伤。调查人员表示，这是他25年来第一次出事故。"
    claims = find_claims(_articles(a, b))
    assert len(claims) == 2 and all(c.articles == ("A", "B") for c in claims)
    assert [(k.kind, k.values) for c in claims for k in c.conflicts] == [
        ("number", {"A": "24年", "B": "25年"})]


def test_cancel_and_progress():
    arts = _articles("One sentence here about the harbour.", "Another sentence about the harbour.")
    seen = []
    find_claims(arts, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    with pytest.raises(Cancelled):
        find_claims(arts, cancelled=lambda: True)


def test_a_long_article_is_cancelled_while_its_statements_are_made():
    from viewer.core.claims import finder, segments
    count = 3 * segments._CHECK_EVERY
    text = " ".join(f"Sentence number {k} tells of harbour {k % 97}." for k in range(count))
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2  # the third look, partway through the article

    with pytest.raises(Cancelled):
        finder.statements_of(Article("A", "", text), 0, cancelled=cancelled)
    assert len(asked) == 3


def test_wording_changes_flag_the_new_words_and_rebuild_the_text():
    from viewer.core.report.claimviews import wording_changes
    ref = "The council passed the budget on Monday."
    text = "The city council approved the budget on Monday night."
    pieces = wording_changes(ref, text)
    assert "".join(t for _, t in pieces) == text
    new = " ".join(t.strip() for flagged, t in pieces if flagged)
    assert "approved" in new and "city" in new and "budget" not in new


def test_wire_markers_and_headers_are_not_claims():
    """PA copy: a filing header, '<' at the end of each paragraph, a lone '<' after a quote."""
    wire = ("14:42 04/10/99: Page 1 (HHH) COURTS Harbour\n"
            "The harbour master said the quay would reopen on Monday after repairs.<\n"
            "``We are nearly there,'' he said. <\n")
    paper = "The quay will reopen on Monday after repairs, the harbour master said.\n"
    claims = find_claims([Article("A", "", wire), Article("B", "", paper)])
    spans = [wire[m.start:m.end] for c in claims for m in c.members if m.article == "A"]
    assert spans and not any("Page 1" in s or s.endswith("<") or not s.strip("< ") for s in spans)
    assert any(len(c.articles) == 2 for c in claims)


def test_articles_on_one_event_join_looser_paraphrases_than_articles_on_another():
    """Two reports that share their names and numbers report one event: a paraphrase the matcher
    rates below SAME_CLAIM (but above SAME_EVENT_CLAIM) joins them; between reports of another
    event (other names, the same date), the same two sentences stay apart."""
    from viewer.core.claims import finder
    from viewer.core.claims.matcher import SAME_CLAIM, match_probability

    said = "Several families were moved to the school hall overnight."
    reworded = "Some families spent the night in the school hall after leaving their flooded homes."
    a, b = make_statement(0, 0, len(said), said), make_statement(1, 0, len(reworded), reworded)
    assert finder.SAME_EVENT_CLAIM <= match_probability(a, b) < SAME_CLAIM
    assert same_claim(a, b) == 0.0 and same_claim(a, b, finder.SAME_EVENT_CLAIM) > 0
    first = Article("A", "", "Harbour master Ines Calloway inspected the sea wall at Port Kelby on "
                             "14 March.\n\n" + said)
    same_event = Article("B", "", "At Port Kelby, harbour master Ines Calloway looked at the sea wall on "
                                  "14 March.\n\n" + reworded)
    other_event = Article("B", "", "In Lowmouth, the pier inspector Tomas Brenner went over the old jetty "
                                   "on 14 March.\n\n" + reworded)

    def joined(pair):
        return any({m.article for m in c.members} == {"A", "B"} and any(
            pair[int(m.article == "B")].text[m.start:m.end] == (said if m.article == "A" else reworded)
            for m in c.members) for c in find_claims(pair) if len(c.articles) > 1)

    assert joined([first, same_event])
    assert not joined([first, other_event])


def test_a_short_statement_carried_by_a_report_of_another_event_stays_apart():
    """A statement of four content words wholly carried by a longer sentence joins it between
    reports of one event; between articles that share none of their names and numbers it needs
    more words."""
    from viewer.core.claims import finder

    headline = "The harbour wall repairs were approved."
    report = ("On Tuesday the town council finally approved the long-delayed repairs to the old harbour "
              "wall, which were costed at two million pounds.")
    first = Article("A", "", f"{headline}\n\nPort Kelby council leader Ines Calloway welcomed the vote.")
    same_event = Article("B", "", f"{report}\n\nIn Port Kelby, Ines Calloway welcomed the vote.")
    other_event = Article("B", "", f"{report}\n\nIn Lowmouth, Tomas Brenner welcomed the vote.")
    h = make_statement(0, 0, len(headline), headline)
    r = make_statement(1, 0, len(report), report)
    assert same_claim(h, r) > 0 and same_claim(h, r, min_contained_keys=finder.APART_CONTAINED_KEYS) == 0.0

    def joined(pair):
        return any(pair[0].text[m.start:m.end] == headline and m.article == "A" and len(c.articles) > 1
                   for c in find_claims(pair) for m in c.members)

    assert joined([first, same_event])
    assert not joined([first, other_event])


def test_apart_a_statement_carried_only_through_synonyms_is_not_contained():
    """Between reports of other events, a short statement counts as carried by a longer one only
    when most of its weight is carried in the same words: synonyms alone ("fixed the broken
    bridge quickly" / "repaired the damaged bridge rapidly") do not make it one claim there, but
    they still do between reports of one event, and copied words still do apart."""
    from viewer.core.claims import finder

    short = "Crews fixed the broken bridge quickly."
    reworded = "Crews repaired the damaged bridge rapidly after the storm, officials said on Monday evening."
    copied = "Crews fixed the broken bridge quickly after the storm, officials said on Monday evening."
    s, r, c = (make_statement(k, 0, len(t), t) for k, t in enumerate((short, reworded, copied)))
    apart = dict(min_contained_keys=finder.APART_CONTAINED_KEYS)
    assert same_claim(s, r, **apart) > 0  # the synonyms carry it: contained
    assert same_claim(s, r, **apart, exact_contained=finder.APART_EXACT_CONTAINED) == 0.0
    assert same_claim(s, c, **apart, exact_contained=finder.APART_EXACT_CONTAINED) > 0

    first = Article("A", "", f"{short}\n\nMayor Ines Calloway of Port Kelby thanked them.")

    def joined(text):
        pair = [first, Article("B", "", text)]
        return any(pair[0].text[m.start:m.end] == short and m.article == "A" and len(cl.articles) > 1
                   for cl in find_claims(pair) for m in cl.members)

    assert joined(f"{reworded}\n\nIn Port Kelby, Mayor Ines Calloway thanked them.")
    assert not joined(f"{reworded}\n\nIn Lowmouth, Tomas Brenner thanked them.")
    assert joined(f"{copied}\n\nIn Lowmouth, Tomas Brenner thanked them.")


_SALE = ("Harbour owner Keldon Marine agreed to sell the old ferry terminal for {figure}, "
         "the company confirmed in a short statement.")
_RATING = ("Analysts at Brightwater cut their rating on the shares after Keldon Marine announced the "
           "terminal sale for {figure} on Monday, saying buyers would have paid far more.")
_KELBY = "Port Kelby harbour master Ines Calloway inspected the sea wall on 14 March."
_LOWMOUTH = ("In Lowmouth, the pier inspector Tomas Brenner of Westgate Council went over the old jetty "
             "with Ruth Oduya, Hal Pym and Dora Quist.")


@pytest.mark.parametrize("figure, context, joined", [
    ("4.2 million pounds", _KELBY, True),     # a telling figure, a name, a word: one fact
    ("£650,000", _KELBY, True),
    ("42 ferries", _KELBY, False),            # a whole number below 100 tells too little
    ("the price set in 2019", _KELBY, False),  # so does a year
    ("4.2 million pounds", _LOWMOUTH, False),  # not read as one event
])
def test_within_one_event_a_shared_telling_figure_and_name_make_one_fact(monkeypatch, figure, context,
                                                                          joined):
    """Two statements of reports of one event that share a telling figure, a name and another word
    state one fact however differently the rest reads (FIGURE_LINKS); the matcher alone keeps them
    apart."""
    from viewer.core.claims import finder

    sale, rating = _SALE.format(figure=figure), _RATING.format(figure=figure)
    pair = [Article("A", "", f"{_KELBY}\n\n{sale}"), Article("B", "", f"{context}\n\n{rating}")]

    def linked():
        return any({_member_texts(pair, c).get("A"), _member_texts(pair, c).get("B")} == {sale, rating}
                   for c in find_claims(pair))

    assert linked() is joined
    events: set = set()
    find_claims(pair, one_event=events)
    assert bool(events) is (context == _KELBY)
    monkeypatch.setattr(finder, "FIGURE_LINKS", False)
    assert linked() is False


@pytest.mark.parametrize("other_word, joined", [("victory", True),   # a synonym of "win"
                                                ("margin", False)])   # not one
def test_the_other_word_beside_a_telling_figure_and_name_may_be_a_synonym(monkeypatch, other_word, joined):
    """The content word that a telling figure and a name need beside them to make one fact may be
    a synonym ("31-24 victory" / "31-24 win"), not only the same word (FIGURE_SYNONYMS)."""
    from viewer.core.claims import finder

    cup = (f"At the old ground the club Keldon Marine lifted the Harbour Cup with a 31-24 {other_word}, "
           "its chairman confirmed in a short statement.")
    forecast = ("Analysts at Brightwater cut their forecast for the season after the 31-24 win of "
                "Keldon Marine on Monday, saying rivals had spent far more.")
    pair = [Article("A", "", f"{_KELBY}\n\n{cup}"), Article("B", "", f"{_KELBY}\n\n{forecast}")]

    def linked():
        return any({_member_texts(pair, c).get("A"), _member_texts(pair, c).get("B")} == {cup, forecast}
                   for c in find_claims(pair))

    assert linked() is joined
    monkeypatch.setattr(finder, "FIGURE_SYNONYMS", False)
    assert linked() is False


@pytest.mark.parametrize("figure, one", [("$4.2 billion", True), ("380,000 tonnes", True),
                                         ("2019", False), ("42 ships", False)])
def test_a_shared_telling_figure_with_names_makes_one_event_of_long_reports(monkeypatch, figure, one):
    """Two reports with many names of their own share too few of them to read as one event; a
    shared telling figure with four shared names and numbers makes them one (a year or a small
    count does not)."""
    from viewer.core.claims import finder

    own_a = " ".join(f"Analyst {n} Quayle spoke." for n in ("Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus"))
    own_b = " ".join(f"Broker {n} Vesey agreed." for n in ("Hal", "Ivo", "Jo", "Kit", "Lu", "Mo", "Ned"))
    a = Article("A", "", f"Keldon Marine of Port Kelby will sell Brightwater Ferries for {figure}. {own_a}")
    b = Article("B", "", f"The sale of Brightwater Ferries by Keldon Marine fetched {figure}. {own_b}")

    def events():
        found: set = set()
        find_claims([a, b], one_event=found)
        return found

    assert events() == ({("A", "B")} if one else set())
    monkeypatch.setattr(finder, "TELLING_EVENT", False)
    assert events() == set()


def test_one_event_needs_several_shared_names_and_numbers():
    """Two short texts that share one or two names are not yet reports of one event; a third
    shared anchor makes them so (find_claims reports the pairs it reads as one event)."""
    def events(a_text, b_text):
        found: set = set()
        find_claims([Article("A", "", a_text), Article("B", "", b_text)], one_event=found)
        return found

    two = events("Yesterday Ines Calloway spoke about the wall.",
                 "The harbour master Ines Calloway praised the workers.")
    three = events("Yesterday Ines Calloway spoke about the wall in Kelby.",
                   "The harbour master Ines Calloway praised the workers in Kelby.")
    assert two == set() and three == {("A", "B")}


def test_a_text_without_sentence_punctuation_is_read_in_windows_of_words():
    """A transcript or word list with no full stops is one huge "sentence"; past 200 words it is
    read as runs of about 50 words (after a comma where one comes late enough), so the matcher
    compares statement-sized pieces and the shared passage is still found."""
    from viewer.core.claims import segments
    shared = " ".join(f"the ferry company said route {k} would reopen" for k in range(12))
    text_a = " ".join(f"word{k}" for k in range(300)) + ", " + shared + " and then " + \
        " ".join(f"term{k}" for k in range(200))
    spans = segments.statement_spans(text_a, "en")
    assert len(spans) > 10 and max(len(text_a[s:e].split()) for s, e in spans) <= segments._WINDOW_WORDS
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))  # in order, no overlap
    assert "".join(text_a[s:e] for s, e in spans).replace(" ", "") == text_a.replace(" ", "")
    assert text_a[spans[5][0]:spans[5][1]].endswith(",")  # the comma before the shared passage
    claims = find_claims(_articles(text_a, "Earlier: " + shared + "."))
    assert any(len(c.articles) == 2 for c in claims)


def test_windows_start_past_exactly_200_words_even_of_one_letter():
    # the length shortcut (each word but the last needs a space after it) never skips a count
    from viewer.core.claims import segments
    for n in (segments._MAX_STATEMENT_WORDS, segments._MAX_STATEMENT_WORDS + 1):
        text = " ".join(["a"] * n)
        assert (len(segments._windows(text, 0, len(text))) > 1) == (n > segments._MAX_STATEMENT_WORDS)


def test_each_disagreement_is_listed_once_with_the_first_claim_that_carries_it():
    from viewer.core.claims.conflicts import Conflict
    from viewer.core.claims.finder import Claim
    from viewer.core.report.claimviews import distinct_conflicts

    years = Conflict("number", {"A": "24 years", "B": "25 years"})
    quote = Conflict("quote", {"A": "we will rebuild", "B": "we will restore"})
    first = Claim("c1", "x", ("A", "B"), (), (years,))
    second = Claim("c2", "y", ("A", "B"), (), (Conflict("number", dict(years.values)), quote))
    assert distinct_conflicts([first, second]) == [(first, years), (second, quote)]


def test_a_quote_over_a_wrapped_line_conflicts_and_is_marked_where_it_stands():
    from viewer.core.comparison import compare
    from viewer.core.report.claimviews import conflict_spans

    import textwrap

    story = ("Lorry driver Graham Jagger was found guilty of careless driving at Hinckley today after "
             "the crash on the A42 in which five footballers died on their way to a party. ")
    said = ("The magistrate told Jagger: ``At the very least you did not see the minibus until very "
            "late and I do not think you saw it at all.''")
    wire = "\n".join(textwrap.wrap(story + story.replace("today", "on Monday") + said, 70)) + "<\n"
    paper = story + "\n" + said.replace("``", "'").replace("''", "'").replace("think", "believe") + "\n"
    comp = compare([Article("A", "", wire), Article("B", "", paper)])
    quotes = [k for c in comp.claims for k in c.conflicts if k.kind == "quote"]
    assert len(quotes) == 1 and "\n" in quotes[0].values["A"]
    spans = conflict_spans(comp)
    assert spans["A"] and spans["B"]
    start, end = spans["A"][0]
    assert wire[start:end] == quotes[0].values["A"]


@pytest.mark.parametrize("raw, shown", [
    ("``I think he deserves nothing more,'' he said.<", "“I think he deserves nothing more,” he said."),
    ("The court\nheard   the case.  <", "The court heard the case."),
    ("He said it's 5'' wide.", "He said it's 5'' wide."),  # no wire quote opened: left as written
])
def test_a_claim_is_worded_as_one_readable_line(raw, shown):
    from viewer.core.text.wireform import plain_wording
    assert plain_wording(raw) == shown


def test_wire_copy_claims_read_with_curly_quotes_and_no_line_marks():
    wire = ("10:02 12/07/99: Page 1 (HHH) COURTS Axe\nBy John Sheehan, PA News<\n"
            "Alan Hobbs, 32, was jailed for life today at Reading Crown Court.<\n"
            "His victim's brother said: ``I think he deserves nothing more than that.''<\n")
    texts = [c.text for c in find_claims([Article("A", "", wire)])]
    assert "His victim's brother said: “I think he deserves nothing more than that.”" in texts
    assert "Alan Hobbs, 32, was jailed for life today at Reading Crown Court." in texts


_FIRE = ("Firefighters from Leeds battled a blaze at the Kirkstall Mill on Tuesday night, West Yorkshire "
         "Fire Service said.",
         "The old wool store had been empty since the owners moved production to Bradford last spring.",
         "Station manager Helen Crowther said 60 firefighters had fought the flames for nine hours.")
_FIRE_REWRITTEN = (
    "Firefighters from Leeds fought a blaze at Kirkstall Mill on Tuesday night, West Yorkshire Fire Service "
    "said.",
    "Nobody had worked in the building, once a wool store, since its owners shifted production to Bradford "
    "a year ago.",
    "Station manager Helen Crowther said 60 firefighters had battled the flames for nine hours.")
_SMOKE = "Neighbours in nearby streets were told to keep their windows shut because of the smoke."


@pytest.mark.parametrize("order, middle, joined", [
    ((0, 1, 2), _FIRE_REWRITTEN[1], True),   # between two linked pairs, in the same place in both
    ((0, 1), _FIRE_REWRITTEN[1], True),      # after one linked pair in both
    ((0, 2, 1), _FIRE_REWRITTEN[1], False),  # moved: next to no linked pair on the same side
    ((0, 1, 2), _SMOKE, False),              # in place, but another fact
])
def test_within_one_event_a_rewritten_sentence_next_to_a_linked_pair_joins_it(monkeypatch, order, middle,
                                                                               joined):
    """Within reports of one event, two statements just before (or after) a linked pair in both
    articles state one fact when each carries enough of the other (ORDER_LINKS), though the
    matcher alone keeps a free rewrite apart."""
    from viewer.core.claims import finder

    rewritten = (_FIRE_REWRITTEN[0], middle, _FIRE_REWRITTEN[2])
    pair = [Article("A", "", " ".join(_FIRE[k] for k in sorted(order))),
            Article("B", "", " ".join(rewritten[k] for k in order))]

    def linked():
        return any(_member_texts(pair, c) == {"A": _FIRE[1], "B": middle} for c in find_claims(pair))

    events: set = set()
    find_claims(pair, one_event=events)
    assert events == {("A", "B")}
    assert linked() is joined
    monkeypatch.setattr(finder, "ORDER_LINKS", False)
    assert linked() is False


def test_order_links_join_only_articles_read_as_one_event():
    """`_in_order` proposes the pair next to a linked one only between articles read as one event."""
    from viewer.core.claims import finder
    from viewer.core.claims.segments import statements_of

    a = statements_of(Article("A", "", " ".join(_FIRE)), 0)
    b = statements_of(Article("B", "", " ".join(_FIRE_REWRITTEN)), 1)
    statements = a + b
    edges = {(0, len(a)): 0.9}   # the first statements linked
    near = {(1, len(a) + 1)}     # the second ones pass the gate both ways
    assert finder._in_order(statements, edges, near, {(0, 1)}) == [(1, len(a) + 1)]
    assert finder._in_order(statements, edges, near, set()) == []
    assert finder._in_order(statements, edges, set(), {(0, 1)}) == []


def test_a_claim_joined_for_its_place_says_so_in_its_reasons():
    """The claim a statement joined for its place records the two articles, and its hover's
    reasons say so; a claim the matcher joined alone does not."""
    from viewer.core.comparison import compare
    from viewer.core.report.claimviews import claim_reasons

    comp = compare([Article("A", "", " ".join(_FIRE)), Article("B", "", " ".join(_FIRE_REWRITTEN))])
    by_text = {frozenset(_member_texts(comp.articles, c).values()): c for c in comp.claims}
    placed = by_text[frozenset((_FIRE[1], _FIRE_REWRITTEN[1]))]
    matched = by_text[frozenset((_FIRE[2], _FIRE_REWRITTEN[2]))]
    assert placed.in_order == (("A", "B"),) and matched.in_order == ()
    assert any(r.startswith("in the same place (A–B)") for r in claim_reasons(comp, placed))
    assert not any(r.startswith("in the same place") for r in claim_reasons(comp, matched))
    assert comp.without("B").claims[0].in_order == ()
