"""Conflicts between the wordings of one claim: numbers, dates, names, quotations."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.claims.conflicts import find_conflicts
from viewer.core.claims.values import extract_dates, extract_numbers
from viewer.core.text.dates import (
    is_date_line,
    is_time_stamp,
    relative_day,
    relative_span,
    relative_week,
    stated_date,
    with_year,
)


@pytest.mark.parametrize(
    "a, b, kind",
    [
        ("The mayor served 24 years in office.", "The mayor served 25 years in office.", "number"),
        ("The storm killed three people on the island.", "The storm killed four people on the island.", "number"),
        ("Prices rose by 5% last month.", "Prices rose by 7 per cent last month.", "number"),
        ("The bridge opened on March 3.", "The bridge opened on 4th of March.", "date"),
        ("The suspect was arrested on Tuesday.", "The suspect was arrested on Wednesday.", "date"),
        ("Coach Marta Lindqvist resigned.", "Coach Marta Lindquist resigned.", "name"),
        ("An 82-year-old man was robbed at home.", "An 80-year-old man was robbed at home.", "number"),
        # an age after a name, and before it: one person's ("Pomfret, 49, Ivy Lomas": a list's
        # comma, not "49 Ivy")
        ("Bianka Pomfret, 49, Ivy Lomas, 63, died.", "Bianka Pomfret, 73, Ivy Lomas, 63, died.", "number"),
        ("Nurse Vicky Haswell, 25, was in charge.", "The nurse in charge, Vicky Haswell, aged 24, said so.",
         "number"),
        ("The 28-year-old Tracey Smith works there.", "His girlfriend, Tracey Smith, 29, works there.",
         "number"),
        ("The quake struck at 8:13 a.m. local time.", "The quake struck at 8:31am local time.", "number"),
        ("The contest runs until 8am (AEST) today.", "The contest runs until 9 a.m. AEST today.", "number"),
        ("Police said the attack happened on Friday.", "Police said the attack happened on Saturday.", "date"),
        ("Shares rose 8.76 per cent to $31.90.", "Shares rose 8% to $31.90.", "number"),
        ("The dollar rose 0.6 percent against the yen.", "The dollar rose 1 percent against the yen.",
         "number"),  # rounded by far more than a tenth
        ("The council gave a £78.6 million grant.", "The council gave a £78 million grant.", "number"),
        ("The euro rose as far as 135.13 yen.", "The euro rose as far as 135.26 yen.", "number"),
        ("He was cleared of two assaults.", "He was acquitted of three assaults.", "number"),
        # a plural's singular is the same unit; "one" is a count when it says so
        ("Only one man was arrested at the scene.", "Two men were arrested at the scene.", "number"),
        ("He faces a total of 17 charges.", "He faces a total of 13 charges.", "number"),
        # thousands grouped by spaces, as French and SI typesetting write them
        ("Pyongyang enverrait 10 000 soldats.", "Pyongyang enverrait 12\u202f000 soldats.", "number"),
        ("Xoma shares dropped $1.49 or 27 percent.", "Xoma shares dropped 77 cents, or 14 percent.", "number"),
        ("Will Smith arrived late.", "Will Smyth arrived late.", "name"),
        ("Mick Green played with the band.", "Nick Green played with the band.", "name"),
        ("Counsel Clive Nicholls QC argued.", "Counsel Cilve Nicholls QC argued.", "name"),
        ("“We will rebuild every single school,” the governor said.",
         "“We will restore every single school,” the governor said.", "quote"),
    ],
)
def test_disagreeing_values_give_one_conflict_of_their_kind(a, b, kind):
    conflicts = find_conflicts([("A", a), ("B", b)])
    assert [c.kind for c in conflicts] == [kind]
    assert set(conflicts[0].values) == {"A", "B"}
    assert conflicts[0].values["A"] != conflicts[0].values["B"]


@pytest.mark.parametrize(
    "a, b",
    [
        ("The bridge opened on October 13.", "The bridge opened on the 13th of October."),
        ("Minister Park Ji-won arrived.", "Minister Park Ji Won arrived."),
        ("The company lost 5 million dollars.", "The company lost 5m dollars."),
        ("Officers found 12 rifles in the van.", "Officers found twelve rifles in the van."),
        # one wording also gives the other's figure: a part of the whole, or another count
        ("Inspectors found five foxes, three dead and two alive, on the farm.",
         "Two foxes were found still alive."),
        ("One woman was attacked while he was on day release.", "He attacked two women in all."),
        ("She had 90 micrograms of alcohol in her breath; the legal limit is 35.",
         "The legal limit is 35 micrograms."),
        # a figure rounded: to its coarser wording's last digit
        ("Shares rose 8.76 per cent to $31.90.", "Shares rose 9% to $31.90."),
        ("The council gave a £78.5 million grant.", "The council gave a £78 million grant."),
        ("The index slipped 1.23 percent.", "The index slipped 1.2 percent."),
        ("“Help is coming soon,” she said.", "She said: “Help is coming soon.”"),
        ("Police arrested Joan Miller.", "Police arrested Miller."),
        ("The one-time MP Neil Hamilton lost his case.", "Neil Hamilton lost his case three times."),
        ("He had been a policeman for more than 30 years.", "He had been a policeman for 33 years."),
        ("The jury spent just over 17 hours on it.", "The jury spent 22 hours on it."),
        ("She hit children as young as 12 months.", "She hit children as young as four months."),
        ("He was found not guilty of five serious assaults, two indecent assaults and one other.",
         "He was jailed after being found guilty of five indecent assaults and four serious assaults."),
        ("Crimes during his 1973-90 rule were listed.", "Crimes during his 1973 to 1990 rule were listed."),
        ("Two other hospitals kept the rule.", "Three other hospitals kept the rule."),
        # two people's ages: Zeta Jones is 30, Michael Douglas 55
        ("Zeta Jones, 30, got engaged to 55-year-old Douglas.",
         "The 30-year-old star got engaged to Michael Douglas."),
        ("“We stand together and we will not give up,” he said.", "“We will not give up,” he said."),
        # a name spelt the British way, a people's adjective for its place
        ("The show is at the Kodak Theatre tonight.", "The show is at the Kodak Theater tonight."),
        ("The Israeli Defence Forces denied it.", "The Israel Defense Forces denied it."),
        ("The quake struck at 8:13 a.m. local time.", "The quake struck at 8.13am local time."),
        ("The quake struck at 8 p.m. local time.", "The quake struck at 8:00 PM local time."),
        # a range's or a list's later number, one of a set, a time in another zone, a decimal comma
        ("The margin of error ranged from 1.8 to 4.4 percentage points.",
         "The margin of error was three to four percentage points."),
        ("It restated its 2002, 2001 and 2000 financial results.", "It restated its 2000, 2001 and 2002 financial results."),
        ("The trial will last 3 or 4 days.", "The trial will last 5 days."),
        # a total against each part
        ("The two robbers were each jailed for 17 years.", "The two robbers were sentenced in total to 34 years."),
        ("They were paid for the five tracks they played on.", "They were paid for all 15 tracks they played on."),
        ("He will meet the three unions on Monday.", "He will meet the other two unions on Monday."),
        ("The contest runs until 8am (AEST) today.", "The contest runs until 6 p.m. EDT Sunday."),
        ("Some 1.2 million women take the pills.", "Some 1,2 million women take the pills."),
        ("The OneNote tool is listed at £169.99 while the other costs more.",
         "The OneNote tool is listed at $273 while the other costs more."),
        # the day a thing was said is no date of the event
        ("Wal-Mart expanded its policy, company officials said Tuesday.",
         "Wal-Mart expanded its policy, company officials said Wednesday."),
        ("She heard the thud early Saturday, she said in an interview Tuesday.",
         "She heard the thud early Saturday morning."),
        # accents, a possessive, a sentence's first word
        ("Prime Minister Jean Chrétien spoke.", "Prime Minister Jean Chretien spoke."),
        # one person's age, given after the name and before it; two people's ages
        ("Sandra Jones, 38, was jailed.", "The 38-year-old Sandra Jones was jailed."),
        ("Sandra Jones, 38, was jailed.", "Matthew Lee, 53, was jailed."),
        ("A 26-year-old woman held in the cells was attacked.",
         "Another was a 20-year-old woman held in the cells."),
        ("Historian David Irving lost.", "AUTHOR David Irving lost."),
        ("The officer, WPC Davidson, was hurt.", "The officer, PC Deborah Davidson, was hurt."),
        ("The Smyrna Nissan plant was named the best.", "Nissan's Smyrna plant was named the best."),
        ("Although Prempro pills were used, no brand was safer.", "Athough Prempro pills were used, no brand was safer."),
        # a quoted phrase of three words that shares two with a longer quote is another quote
        ("“Cloud computing has brought a sea change to the data center,” Feldman said.",
         "Feldman will lead the new “data center solutions” business."),
    ],
)
def test_agreeing_values_give_no_conflict(a, b):
    assert find_conflicts([("A", a), ("B", b)]) == ()


def test_letters_after_a_name_are_no_other_name():
    said = ' told the court: "The accused killed three friends in circumstances of savagery."'
    assert [c for c in find_conflicts([("D", "Prosecutor Mr Adrian Redgrave, QC," + said),
                                       ("N", "Adrian Redgrave, QC, prosecuting," + said),
                                       ("R", "Adrian Redgrave QC,for the prosecution," + said)])
            if c.kind == "name"] == []


def test_quoting_other_sentences_of_one_speech_alters_no_quote():
    judge = "The judge told him: "
    full = ('"I find these matters inexplicable. Inevitably your conduct was extremely wicked and your '
            'behaviour extremely callous."')
    found = find_conflicts([
        ("D", judge + '"Your conduct was extremely wicked. I take the view you are extremely dangerous."'),
        ("H", judge + '"Your conduct was extremely wicked and your behaviour extremely callous."'),
        ("P", judge + full),
        ("R", judge + '"I find these matters inexplicable."')])
    assert [c for c in found if c.kind == "quote"] == []


def test_a_word_changed_in_one_sentence_of_a_long_quote_is_a_conflict():
    said = "The prosecutor said: "
    found = find_conflicts([
        ("C", said + '"The principal weapon was an axe found in the bedroom. The accused must have struck '
                     'repeated blows to the heads of both men."'),
        ("P", said + '"The principal weapon was an axe found in the bedroom. This accused must have struck '
                     'repeated blows to the heads of both men."')])
    assert [c.kind for c in found] == ["quote"]
    # two sentences run into one with other words
    found = find_conflicts([
        ("A", 'The judge said: "One has to sympathise with any man who has suffered such injuries, but '
              'English law provides him with no claim."'),
        ("G", 'The judge said: "One has to sympathise with any man injured to the extent that this claimant '
              'was injured. But my judgment is that English law provides him with no remedy."')])
    assert [c.kind for c in found] == ["quote"]


def test_three_articles_one_conflict_lists_every_value():
    conflicts = find_conflicts([("A", "The fire destroyed 40 homes."), ("B", "The fire destroyed 40 homes."),
                                ("C", "The fire destroyed 45 homes.")])
    assert len(conflicts) == 1
    assert conflicts[0].values == {"A": "40 homes", "B": "40 homes", "C": "45 homes"}


def test_a_possessive_is_the_same_name():
    """"Jack Straw's" is Jack Straw: three wordings of one name, one with a title, are no conflict."""
    members = [("A", "Home Secretary Jack Straw's decision was upheld."),
               ("B", "Home Secretary Jack Straw said the decision was upheld."),
               ("C", "Jack Straw’s decision was upheld.")]
    assert find_conflicts(members) == ()
    assert find_conflicts(members + [("D", "Home Secretary Jack Strow's decision was upheld.")])


@pytest.mark.parametrize(("a", "b", "conflict"), [
    ("Manning completed his first 17 passes.", "Manning completed 29 of 34 passes.", False),
    ("Manning completed his first 17 passes.", "Manning completed 34 passes.", False),
    ("Manning completed 29 of 34 passes.", "Manning completed 34 passes.", False),
    ("Manning completed his first 17 passes.", "Manning completed his first 18 passes.", True),
    ("Five of the 12 jurors agreed.", "Five of the 11 jurors agreed.", True),
    ("She has lived with him for the last two years.", "She has lived with him for three years.", True),
])
def test_a_part_of_a_set_is_compared_only_with_parts(a, b, conflict):
    """"His first 17 passes" and "29 of 34 passes" count other things than "34 passes"; a span of
    time ("for the last two years") is still a span."""
    assert bool(find_conflicts([("A", a), ("B", b)])) is conflict


@pytest.mark.parametrize(("text", "names"), [
    ("Torturing Hernan Sepulveda Pertner until he died.", ["Hernan Sepulveda Pertner"]),
    ("11. Passing Judge Ruth Ambler Hale in the corridor.", ["Judge Ruth Ambler Hale"]),
    ("He was seen Torturing Hernan Sepulveda.", ["Torturing Hernan Sepulveda"]),  # mid-sentence: a title
    ("Reading Festival opened on Friday.", ["Reading Festival"]),  # two words: the participle may be the name
])
def test_a_participle_opening_a_sentence_is_no_part_of_the_name_after_it(text, names):
    from viewer.core.claims.values import extract_names
    assert extract_names(text) == names


def test_a_participle_before_a_name_gives_no_name_conflict():
    members = [("A", "Torturing Hernan Sepulveda Pertner causing his eventual death."),
               ("B", "June 2, 1989: Hernan Sepulveda Pertner, causing his eventual death.")]
    assert find_conflicts(members) == ()


def test_names_and_numbers_are_read_within_each_wording():
    """Two wordings of one article are not read as one text: a headline's last words and the next
    sentence's first name make no name ("Academy Awards Ellen DeGeneres"), nor does a number ending
    one wording count the first word of the next."""
    members = [("A", "DeGeneres Set As Host For 2014 Academy Awards"), ("A", "Ellen DeGeneres will host."),
               ("B", "Ellen DeGeneres will host the show."), ("B", "The show had 24"), ("B", "Years of it.")]
    assert find_conflicts(members + [("A", "The show had 25 years of it.")]) == ()


def test_wordings_about_other_people_give_no_number_or_date_conflict():
    """Two items of a list, each about another victim, are no conflict of dates; a wording that
    names nobody still is compared."""
    a = "Between October 18, 1989 and mid-November: Patricia Irrazaval was beaten."
    b = "Torturing Andrea Paulsen Figuera between Oct 27, 1989, and a date unknown."
    assert find_conflicts([("A", a), ("B", b)]) == ()
    assert [c.kind for c in find_conflicts([("A", a), ("B", "Torture began on Oct 27, 1989.")])] == ["date"]
    assert [c.kind for c in find_conflicts([("A", a), ("B", b.replace("Andrea Paulsen Figuera",
                                                                     "Patricia Irrazaval"))])] == ["date"]
    # who said it is not whom it is about
    said = [("A", "Police Chief John Smith said three people died in the fire."),
            ("B", "Four people died in the fire, Fire Officer Jane Doe told reporters.")]
    assert [c.kind for c in find_conflicts(said)] == ["number"]


def test_an_article_that_gives_the_other_figure_elsewhere_does_not_disagree():
    """A wording's figure read beside another article's is no conflict when its own article gives
    the other's figure, with the same unit, elsewhere (its "116 micrograms" is another reading, not
    a different account of the "118 micrograms"); the same figure in another unit still is one."""
    from viewer.core.claims.conflicts import stated_numbers

    whole = {"A": ("Albert had 118 micrograms of alcohol per 100 millilitres of breath. In 1997 he "
                   "had 116 micrograms of alcohol per 100 millilitres of breath, the court heard."),
             "B": "Albert had 118 micrograms of alcohol per 100 millilitres of breath."}
    members = [("A", "In 1997 he had 116 micrograms of alcohol per 100 millilitres of breath."),
               ("B", whole["B"])]
    assert [c.kind for c in find_conflicts(members)] == ["number"]
    assert find_conflicts(members, stated=lambda art: stated_numbers(whole[art])) == ()
    elsewhere_in_years = {"A": "The oldest driver was 118 years old. " + members[0][1], "B": whole["B"]}
    assert [c.kind for c in find_conflicts(members, stated=lambda art: stated_numbers(
        elsewhere_in_years[art]))] == ["number"]


def test_a_time_of_day_is_one_value_in_minutes():
    found = extract_numbers("The quake struck at 8:13 a.m. and again at 6 PM, after 14:42 tests.")
    assert found == [(("time of day", 493.0), "8:13 a.m."), (("time of day", 1080.0), "6 PM")]


def test_single_article_has_no_conflicts():
    assert find_conflicts([("A", "It cost 3 dollars."), ("A", "It cost 4 dollars.")]) == ()


def test_numbers_keep_their_wording_and_skip_dates():
    found = extract_numbers("On May 5 the team scored 3 goals and 2,500 fans cheered.")
    assert [w for _, w in found] == ["3 goals", "2,500 fans"]
    assert extract_numbers("Shares rose 8.76 per cent to $31.90.") == [(("%", 8.76), "8.76 per cent")]


def test_dates_normalise_day_and_month():
    keys = [k for k, _ in extract_dates("Oct. 13, 13 October and the 13th of October")]
    assert {k[:2] for k in keys} == {(10, 13)}


@pytest.mark.parametrize(
    "text, found",
    [
        ("He assaulted them on 14,15,21 and 24 December.", []),  # several days, not the 24th
        ("The concerts are on August 1 and 22.", []),
        ("Talks ran on 3, 4 or 5 May.", []),
        ("Talks began on December 14, 1999, in Geneva.", [(12, 14, "1999")]),  # a year, not a day
        ("It opened on December 14 and 15,000 people came.", [(12, 14, None)]),
        ("It opened on March 3 and 4.5 million people came.", [(3, 3, None)]),
    ],
)
def test_a_list_of_days_is_no_date(text, found):
    """Days listed together ("14,15,21 and 24 December") are several days, not one date; a number
    after a date is not a day of a list."""
    assert [k for k, _ in extract_dates(text)] == found


@pytest.mark.parametrize(
    "a, b, conflict",
    [
        # a date a hearing is put off until is the next step's, not the event's
        ("The hearing was adjourned until Thursday.", "The jury will retire on Monday.", False),
        ("The hearing was adjourned until Thursday.", "The hearing was adjourned until Friday.", True),
        ("He was remanded until December 14.", "He was remanded until 21 December.", True),
        ("The jury was sent away until tomorrow.", "The jury was told it would retire on Monday.", False),
    ],
)
def test_a_date_put_off_until_meets_only_such_dates(a, b, conflict):
    """METER's papers give a trial's next steps beside each other ("sent away until Thursday, when
    counsel will make their closing speeches" / "to consider its verdict on Monday"): no conflict;
    two adjournments to different days are one."""
    dated = {"A": date(1999, 9, 27), "B": date(1999, 9, 27)}
    assert [c.kind for c in find_conflicts([("A", a), ("B", b)], dated)] == (["date"] if conflict else [])


def test_a_list_of_days_gives_no_date_conflict():
    """A METER story's "on 14,15,21 and 24 December" was read as the 24th and held against
    another paper's "December 14": a false conflict. Single days still disagree."""
    listed = "Beckett assaulted two women on 14,15,21 and 24 December at the headquarters."
    assert find_conflicts([("A", listed), ("B", "Beckett assaulted two women on December 14 at the "
                                                    "headquarters.")]) == ()
    single = [("A", "Beckett assaulted two women on 24 December."),
              ("B", "Beckett assaulted two women on December 14.")]
    assert [c.kind for c in find_conflicts(single)] == ["date"]


def test_a_quote_over_a_wrapped_line_is_read_but_not_over_a_blank_one():
    from viewer.core.claims.values import extract_attributed_quotes
    assert extract_attributed_quotes("He said: ``You did not\nsee the minibus at all.''") == [
        ("You did not\nsee the minibus at all", None)]
    assert extract_attributed_quotes("She said: 'I did not\nsee it at all.'") == [("I did not\nsee it at all", None)]
    assert extract_attributed_quotes("He said 'no way\n\nto go there' to them") == []


def test_a_quote_over_two_paragraphs_reads_as_one():
    """A wire's quote runs over two paragraphs, each opened again (the claim's wordings are read
    joined by a space)."""
    from viewer.core.claims.values import extract_attributed_quotes
    text = "He told the court: ``The facilities were good. ``We are talking about ill-treatment.''"
    assert extract_attributed_quotes(text) == [
        ("The facilities were good. We are talking about ill-treatment", None)]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“The roads will be cleared by noon,” Mayor Ines Duarte said.", "Mayor Ines Duarte"),
        ("“The roads will be cleared by noon,” said Ines Duarte.", "Ines Duarte"),
        ("Ines Duarte told reporters: “The roads will be cleared by noon.”", "Ines Duarte"),
        ("“The roads will be cleared by noon,” she said.", None),
    ],
)
def test_quote_speakers_are_found_when_named(text, speaker):
    from viewer.core.claims.values import extract_attributed_quotes
    assert extract_attributed_quotes(text) == [("The roads will be cleared by noon", speaker)]


@pytest.mark.parametrize(
    "a, b, conflict",
    [
        ("“The roads will be cleared by noon,” Ines Duarte said.",
         "“The roads will be cleaned by noon,” said Ms Duarte.", True),
        ("“The roads will be cleared by noon,” Ines Duarte said.",
         "“The roads will be cleaned by noon,” Paul Okafor said.", False),
        ("“The roads will be cleared by noon,” she said.",
         "“The roads will be cleaned by noon,” Paul Okafor said.", True),
        ("“The roads will be cleared by noon,” she said.",
         "“Our crews are working through the night in every district,” she said.", False),
        # British single quotes and a wire's ``…'': the same checks
        ("'The roads will be cleared by noon,' Ines Duarte said.",
         "Ines Duarte said: ``The roads will be cleaned by noon.''", True),
        ("‘The roads will be cleared by noon,’ Ines Duarte said.",
         "Ines Duarte said: ``The roads will be cleared by noon.''", False),
        # spelt or typed differently, or with a reporter's insertion: the same quote
        ("“That's not what we're doing _ we can't,” Ines Duarte said.",
         "“That is not what we are doing - we cannot,” Ines Duarte said.", False),
        ("“She's ruined my life and she's got to pay,” Ines Duarte said.",
         "“She has ruined my life and she has got to pay,” Ines Duarte said.", False),
        ("“I'd hoped that on my evidence we'd get a verdict,” Ines Duarte said.",
         "“I had hoped that on my evidence we would get a verdict,” Ines Duarte said.", False),
        ("“I'd hoped that on my evidence we'd get a verdict,” Ines Duarte said.",
         "“I had hoped that with my evidence we would get a verdict,” Ines Duarte said.", True),
        ("“I'm not sure they were targeted,” Ines Duarte said.",
         "“I ’ m not sure they were targeted,” Ines Duarte said.", False),  # a tokenized page
        ("“They [the council] will be judged on it,” Ines Duarte said.",
         "“They will be judged on it,” Ines Duarte said.", False),
        ("“The public-interest judgement was made,” Ines Duarte said.",
         "“The public interest judgment was made,” Ines Duarte said.", False),
        ("“How did 38 visits over 2 years not rescue Massachusetts's children,” Ines Duarte said.",
         "“How did 38 visits over two years not rescue Massachusetts' children,” Ines Duarte said.", False),
        ("“They lost 40% of it after Sept. 11,” Ines Duarte said.",
         "“They lost 40 per cent of it after September 11,” Ines Duarte said.", False),
        ("“I burnt the letters he wanted to hide,” Ines Duarte said.",
         "“I burned the letters he wanted to hide,” Ines Duarte said.", False),
        ("“I burnt the letters he wanted to hide,” Ines Duarte said.",
         "“I tore the letters he wanted to hide,” Ines Duarte said.", True),
    ],
)
def test_quote_conflicts_need_the_same_speaker_and_mostly_the_same_words(a, b, conflict):
    kinds = [c.kind for c in find_conflicts([("A", a), ("B", b)])]
    assert (kinds == ["quote"]) == conflict

MONDAY = date(2024, 10, 14)
THURSDAY = date(2024, 10, 17)


@pytest.mark.parametrize(
    "top, day",
    [
        ("Published 14 October 2024\n\nThe ferry sank.", MONDAY),
        ("HALIFAX, Oct. 14, 2024 (CP) — The ferry sank.", MONDAY),
        ("Monday 14th of October, 2024\nThe ferry sank.", MONDAY),
        ("Posted 2024-10-14T09:30Z\nThe ferry sank.", MONDAY),
        ("09:30 14/10/24: Page 3 (HHH) NEWS Ferry\nThe ferry sank.", MONDAY),
        ("The ferry sank on 14 October.", None),  # no year: an event's day, not the article's date
        ("The ferry sank." + " It was late." * 60 + " Filed 14 October 2024.", None),  # not at the top
        (("The family broke down in court yesterday after the jury cleared the driver of all charges.\n\n"
          "Jo Bloggs died after being hit by the car on Sept 7, 1996."), None),  # an event in the story
    ],
)
def test_an_article_states_its_date_at_the_top(top, day):
    assert stated_date(top) == day


def test_relative_days_and_years_are_read_against_the_article_date():
    assert relative_day("yesterday", MONDAY) == date(2024, 10, 13)
    assert relative_day("Last  night", MONDAY) == date(2024, 10, 13)
    assert relative_day("tomorrow", MONDAY) == date(2024, 10, 15)
    assert relative_day("on Sunday", MONDAY) is None
    assert relative_day("today", MONDAY) is None
    assert relative_day("two days ago", MONDAY) == date(2024, 10, 12)
    assert relative_day("3  days ago", MONDAY) == date(2024, 10, 11)
    assert relative_day("a few days ago", MONDAY) is None
    assert relative_day("12 days ago", MONDAY) is None  # further back, news copy names the day
    assert with_year(12, 30, date(2025, 1, 2)) == date(2024, 12, 30)
    assert with_year(1, 2, date(2024, 12, 30)) == date(2025, 1, 2)


@pytest.mark.parametrize(
    "a, b, dated, conflict",
    [
        ("The ferry sank yesterday.", "The ferry sank on October 13.", {"A": MONDAY}, False),
        ("The ferry sank yesterday.", "The ferry sank on October 12.", {"A": MONDAY}, True),
        ("The ferry sank yesterday.", "The ferry sank on October 12.", {}, False),  # undated: unknown
        ("The ferry sank last night.", "The ferry sank on 13 October 2024.", {"A": MONDAY}, False),
        ("The ferry sank last night.", "The ferry sank on 13 October 2023.", {"A": MONDAY}, True),
        ("The ferry sank yesterday.", "The ferry sank yesterday.", {"A": date(2024, 10, 13), "B": MONDAY}, True),
        ("The ferry sank yesterday.", "The ferry sank yesterday.", {"A": MONDAY, "B": MONDAY}, False),
        ("The ferry sank yesterday.", "The ferry sank on Saturday.", {"A": MONDAY}, False),  # weekday: not held
        ("The ferry sank today.", "The ferry sank on October 12.", {"A": MONDAY}, False),  # "today": not a date
        # a year guessed from the article's date gives way to a stated one (a list of past events)
        ("He was tortured on August 20.", "He was tortured on Aug 20, 1989.", {"A": MONDAY}, False),
        ("He was tortured on August 20.", "He was tortured on Aug 21, 1989.", {"A": MONDAY}, True),
        ("It opened on May 3.", "It opened on May 3.", {"A": MONDAY, "B": date(2023, 5, 9)}, True),
        ("The ferry sails tomorrow.", "The ferry sails on October 15.", {"A": MONDAY}, False),
        # "last week" / "next week": the span of days they may mean
        ("It shut last week.", "It shut on October 9.", {"A": MONDAY}, False),
        ("It shut last week.", "It shut on October 2.", {"A": MONDAY}, True),
        ("It shut last week.", "It shut on 15 October 2024.", {"A": THURSDAY}, False),
        ("It shut last week.", "It shut on 17 October 2024.", {"A": THURSDAY}, True),
        ("It shut last week.", "It shut last week.", {"A": MONDAY, "B": date(2024, 10, 21)}, True),
        ("It shut last week.", "It shut last week.", {"A": MONDAY, "B": date(2024, 10, 16)}, False),
        ("It shut last week.", "It shut on October 2.", {}, False),  # undated: unknown
        ("It shut last week.", "It shut on Friday.", {"A": MONDAY}, False),  # weekday: not held
        ("It opens next week.", "It opens on October 25.", {"A": MONDAY}, False),
        ("It opens next week.", "It opens on October 30.", {"A": MONDAY}, True),
        # "two days ago": that day; "last month" / "next month": the days they may mean
        ("The ferry sank two days ago.", "The ferry sank on October 12.", {"A": MONDAY}, False),
        ("The ferry sank two days ago.", "The ferry sank on October 10.", {"A": MONDAY}, True),
        ("The ferry sank 3 days ago.", "The ferry sank on 11 October 2024.", {"A": MONDAY}, False),
        ("It shut last month.", "It shut on September 3.", {"A": MONDAY}, False),
        ("It shut last month.", "It shut on October 9.", {"A": MONDAY}, False),
        ("It shut last month.", "It shut on August 28.", {"A": MONDAY}, True),
        ("It opens next month.", "It opens on November 30.", {"A": MONDAY}, False),
        ("It opens next month.", "It opens on December 2.", {"A": MONDAY}, True),
        ("It shut last month.", "It shut on August 28.", {}, False),  # undated: unknown
    ],
)
def test_relative_days_are_compared_where_the_articles_date_themselves(a, b, dated, conflict):
    conflicts = find_conflicts([("A", a), ("B", b)], dated)
    assert ([c.kind for c in conflicts] == ["date"]) == conflict


def test_relative_months_are_the_days_they_may_mean():
    assert relative_span("last month", MONDAY) == (date(2024, 9, 1), date(2024, 10, 13))
    assert relative_span("next month", MONDAY) == (date(2024, 10, 15), date(2024, 11, 30))
    assert relative_span("Last month", date(2025, 1, 10)) == (date(2024, 12, 1), date(2025, 1, 9))
    assert relative_span("next  month", date(2024, 12, 31)) == (date(2025, 1, 1), date(2025, 1, 31))
    assert relative_span("next month", date(2024, 1, 31)) == (date(2024, 2, 1), date(2024, 2, 29))
    assert relative_span("last week", MONDAY) == relative_week("last week", MONDAY)
    assert relative_span("this month", MONDAY) is None


def test_a_relative_month_in_a_conflict_shows_the_days_it_means():
    (c,) = find_conflicts([("A", "The plant closed last month."), ("B", "The plant closed on 28 August.")],
                          {"A": MONDAY})
    assert c.values == {"A": "last month (1 September – 13 October 2024)", "B": "28 August"}


def test_relative_weeks_are_the_days_they_may_mean():
    assert relative_week("last week", MONDAY) == (date(2024, 10, 7), date(2024, 10, 13))
    assert relative_week("Last  week", THURSDAY) == (date(2024, 10, 7), date(2024, 10, 16))
    assert relative_week("next week", THURSDAY) == (date(2024, 10, 18), date(2024, 10, 27))
    assert relative_week("this week", MONDAY) is None


def test_a_relative_week_in_a_conflict_shows_the_days_it_means():
    (c,) = find_conflicts([("A", "The plant closed last week."), ("B", "The plant closed on 2 October.")],
                          {"A": MONDAY})
    assert c.values == {"A": "last week (7–13 October 2024)", "B": "2 October"}


def test_a_relative_day_in_a_conflict_shows_the_day_it_means():
    (c,) = find_conflicts([("A", "The ferry sank yesterday."), ("B", "The ferry sank on October 12.")],
                          {"A": MONDAY})
    assert c.values == {"A": "yesterday (13 October 2024)", "B": "October 12"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 :/-.,()—\nOctoberJulySept publishedMonday")),
               max_size=300))
def test_reading_dates_never_fails_on_odd_text(text):
    day = stated_date(text)
    assert day is None or 1900 <= day.year <= 2099
    assert isinstance(is_date_line(text), bool)
    assert isinstance(extract_dates(text, MONDAY), list)


_ODD = st.text(alphabet=st.sampled_from(list("0123456789 :,.%-'\"`()\nampAMPESTGMT Smith Jones said ")),
               max_size=200)


@settings(max_examples=200, deadline=None)
@given(_ODD, _ODD)
def test_reading_conflicts_never_fails_on_odd_text(a, b):
    """Numbers, times, names and quotes read from any text: no error, and each conflict gives at
    least two articles' values."""
    for c in find_conflicts([("A", a), ("B", b), ("B", a + b)], {"A": MONDAY}):
        assert len(c.values) >= 2 and all(isinstance(v, str) for v in c.values.values())
    assert isinstance(is_time_stamp(a), bool)


@pytest.mark.parametrize("text, stamp", [
    ("February 29, 2012 2:27 PM", True),
    ("Posted: 08 / 02 / 2013 11:10 am EDT", True),
    ("on Dec 23 2012, 5:03p", True),
    ("12/23/12 06:03 PM ET", True),
    ("Obama won on Nov 4, 2008", False),
    ("The ceremony is on February 22, 2009.", False),
    ("Monday", False),
])
def test_a_time_stamp_is_only_a_date_and_a_time(text, stamp):
    assert is_time_stamp(text) is stamp


def test_time_stamps_state_no_claim():
    from viewer.core.claims.finder import find_claims
    from viewer.core.text.article import Article

    story = "The council approved the new bridge over the river on Tuesday evening."
    claims = find_claims([Article("A", "", f"February 29, 2012 2:27 PM\n{story}"),
                          Article("B", "", f"Feb 29, 2012 2:31 PM\n{story}")])
    assert [c.text for c in claims] == [story]
    assert claims[0].conflicts == ()


@pytest.mark.parametrize(
    "kind, values, groups, summary",
    [
        ("date", {"C": "Thursday", "D": "Thursday", "E": "Monday"}, [("C", "D"), ("E",)],
         "Thursday (C, D) vs Monday (E)"),
        ("number", {"A": "24 years", "B": "25 years"}, [("A",), ("B",)], "24 years (A) vs 25 years (B)"),
        # the same words punctuated otherwise (PA's "_" dash), and an excerpt, agree with the quote
        ("quote", {"A": "I apologise Mr Dodd _ I do not think I have done your case any good",
                   "B": "I apologise, Mr Dodd. I do not think I have done your case any good",
                   "C": "I apologise, I do not think I have done your case any good"},
         [("A", "B"), ("C",)],
         "quote altered (A, B ≠ C): “I apologise Mr Dodd _ I do not think I have…”"),
        ("quote", {"A": "a whole load of Lords", "B": "a whole lot of Lords",
                   "C": "Labour MPs, Tory MPs and a whole load of lords"},
         [("A", "C"), ("B",)], "quote altered (A, C ≠ B): “a whole load of Lords”"),
        # hard-wrapped wire copy: its line breaks are shown as spaces, on one line
        ("quote", {"A": "a lethal cocktail of lies,\nhalf-truths and the truth",
                   "B": "a lethal cocktail of lies and the occasional truth"},
         [("A",), ("B",)], "quote altered (A ≠ B): “a lethal cocktail of lies, half-truths and the…”"),
        ("name", {"A": "Thomas\nAllsopp", "B": "Thomas Alsop"}, [("A",), ("B",)],
         "Thomas Allsopp (A) vs Thomas Alsop (B)"),
    ],
)
def test_a_conflict_names_together_the_articles_that_give_one_value(kind, values, groups, summary):
    from viewer.core.claims.conflicts import Conflict, agreeing_groups
    from viewer.core.report.claimviews import conflict_summary

    conflict = Conflict(kind, values)
    assert agreeing_groups(conflict) == groups
    assert conflict_summary(conflict) == summary


@pytest.mark.parametrize(("a", "b", "values"), [
    # the same sum for the same thing, given differently: a conflict
    ("The singer was fined £500 by the magistrates.", "Magistrates fined him £600 yesterday.",
     {"A": "£500", "B": "£600"}),
    ("She took out a £12,500 loan to pay the builder.", "She got a bank loan of £6,000 to pay the builder.",
     {"A": "£12,500", "B": "£6,000"}),
    ("AMD agreed to a $5.4 billion deal for ATI.", "AMD agreed to a $4.2 billion deal for ATI.",
     {"A": "$5.4 billion", "B": "$4.2 billion"}),
    # British wire copy in 7-bit code writes "#" for "£"
    ("The widow stood to gain a #95,000 pay-out.", "The widow stood to gain a £96,000 pay-out.",
     {"A": "#95,000", "B": "£96,000"}),
    ("The studio signed a #2m contract with her.", "The studio signed a #3m contract with her.",
     {"A": "#2m", "B": "#3m"}),
    # the same sum written another way, rounded, or in another currency's sign: none
    ("AMD agreed to a $5.4 billion deal for ATI.", "AMD agreed to a US$5.4-billion deal for ATI.", None),
    ("AMD agreed to a $5.4bn deal for ATI.", "AMD agreed to a $5.4 billion deal for ATI.", None),
    ("The judge awarded damages of £362,377.", "The judge awarded £360,000 damages.", None),
    ("The club was fined £4m.", "The club was fined £4.4m.", None),
    ("The deal was worth €20 million.", "The deal was worth $20 million.", None),
    ("The widow stood to gain a #96,000 pay-out.", "The widow stood to gain a £96,000 pay-out.", None),
    ("The firm was fined #4.4 million.", "The firm was fined £4m.", None),
    ("THE FIRM WAS FINED #4M.", "The firm was fined #4.4m.", None),
    # the law's limit is not what was given
    ("A maximum fine of £13m could have been imposed.", "The airline was fined £4m.", None),
    ("He faced a maximum of 14 years in jail.", "He was jailed for four years.", None),
    # nor is a sum that may yet be paid
    ("BA faces a £13m fine if found guilty.", "BA was fined £4m by the Commission.", None),
    ("The firm could be fined £5,000 for the breach.", "The firm was fined £2,000 for the breach.", None),
    # sums for different things, or with nothing saying what for: none
    ("He was fined £500 and ordered to pay £200 costs.", "He was ordered to pay £200 costs.", None),
    ("He was fined £500.", "He had £600 on him when he was fined.", None),
    # (what a sum is for is read from the nearest word: "fined the singer £600" says "singer", and
    # meets no "fined £500"; a conflict missed rather than one made up)
    ("The singer was fined £500.", "Magistrates fined the singer £600.", None),
    ("Shares rose 8.76 per cent to $31.90.", "Shares rose 8.76 per cent to $32.10.", None),
])
def test_sums_of_money_conflict_only_for_the_same_thing(a, b, values):
    found = [c for c in find_conflicts([("A", a), ("B", b)]) if c.kind == "number"]
    assert (found[0].values if found else None) == values


@pytest.mark.parametrize(("text", "found"), [
    ("He was fined #500 by magistrates.", [(("£ fine", 500.0), "#500")]),
    ("It raised #225,000 for the charity.", [(("£ rais", 225_000.0), "#225,000")]),
    ("She signed a #1.5bn deal.", [(("£ deal", 1.5e9), "#1.5bn")]),
    ("Box office takings of #23.25 million.", [(("£ take", 23.25e6), "#23.25 million")]),
    ("She paid #79,708, the court heard.", [(("£ paid", 79_708.0), "#79,708")]),
    ("A #2.9M bill.", [(("£ bill", 2.9e6), "#2.9M")]),
    # a rank or an item is no sum
    ("She is the #1 seed.", [(("seed", 1.0), "1 seed")]),
    ("Bug #12 was fixed.", []),
    # nor a hashtag, a year or a page's colour
    ("The campaign #100DaysOfWar began.", []),
    ("Fans posted #2024 all day.", []),
    ("Links were coloured #505050 on the page.", []),
    # a minimum is what was given; a maximum is the law's limit
    ("He was jailed for life with a minimum term of 15 years.", [(("year", 15.0), "15 years")]),
    ("He faces a maximum sentence of 14 years.", []),
    # a sum that may yet be paid is no sum paid; a count faced is a fact
    ("BA FACES #13M FINE IF GUILTY", []),
    ("The firm risks a fine of £2m.", []),
    ("He faces 17 charges.", [(("charge", 17.0), "17 charges")]),
])
def test_a_wire_hash_before_a_sum_is_a_pound_sign_and_only_a_sum_given_is_read(text, found):
    assert extract_numbers(text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Sandra Jones, 39, of Uttoxeter was jailed.", [(("year-old jones", 39.0), "Jones, 39")]),
    ("They persuaded Lee, 53, a convicted killer.", [(("year-old lee", 53.0), "Lee, 53")]),
    ("Mr Kirkby, aged 55 at the time, was cleared.", [(("year-old kirkby", 55.0), "Kirkby, 55")]),
    ("The 55-year-old Michael Douglas arrived.", [(("year-old douglas", 55.0), "55-year-old Michael")]),
    # another of several is not the one named before
    ("Another was a 20-year-old woman.", [(("year-old woman (another)", 20.0), "20-year-old woman")]),
    # no name before it, a year, a weekday or a month's count
    ("The mother-of-two, 39, was jailed.", []),
    ("Leeds, 1998, was a cold year.", []),
    ("On Monday, 14 people died.", [(("people", 14.0), "14 people")]),
    ("In June, 25 soldiers died.", [(("soldier", 25.0), "25 soldiers")]),
])
def test_an_age_after_a_name_is_that_persons_age(text, found):
    assert extract_numbers(text) == found


def test_an_amount_is_worded_up_to_its_scale_and_keyed_by_what_it_is_for():
    assert extract_numbers("They were fined £3m yesterday.") == [(("£ fine", 3e6), "£3m")]
    assert extract_numbers("a £250,000 home in Surrey") == [(("£ home", 250_000.0), "£250,000")]
    assert extract_numbers("It rose to $31.90 a share.") == [(("$ rose", 31.9), "$31.90")]
    assert extract_numbers("Shares rose 8.76 per cent to $31.90.") == [(("%", 8.76), "8.76 per cent")]
