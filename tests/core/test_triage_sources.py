"""Triage: an article linked to every source it draws on; stories grouped by topic too."""

from __future__ import annotations

import random

from viewer.core.report.triagereport import triage_html, verbatim_words
from viewer.core.text.article import Article
from viewer.core.triage.folder import TriageOptions, triage_articles
from viewer.core.triage.links import measure_pair, text_keys
from viewer.core.triage.sources import SourceCandidate, choose_sources
from viewer.core.triage.topics import TopicOptions, story_groups

_SMALL = "the of and a to in was said that for on with at by he she it from as".split()


def _vocabulary(seed: int, size: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou")
                    for _ in range(rng.randint(2, 4))) for _ in range(size)]


_COMMON = _vocabulary(0, 20000)


def sentences(seed: int, n_words: int, names: list[str] = ()) -> list[str]:
    """Made-up prose: small words, words of a large shared vocabulary and, if given,
    the event's own names (as a report of that event would use them)."""
    rng = random.Random(seed)
    out, count = [], 0
    while count < n_words:
        k = rng.randint(10, 18)
        words = []
        for _ in range(k):
            r = rng.random()
            words.append(rng.choice(_SMALL) if r < 0.35 else
                         rng.choice(names) if names and r < 0.5 else rng.choice(_COMMON))
        out.append(" ".join(words).capitalize() + ".")
        count += k
    return out


def text(parts: list[str]) -> str:
    return "\n\n".join(" ".join(parts[k:k + 3]) for k in range(0, len(parts), 3))


WIRE_HEAD = "12:0{k} 12/07/99 PA NEWS\nCOURT Takes\nBy Jo Bloggs, PA News\n\n"


def _story():
    """Three wire takes of one event and a paper's story drawing a paragraph from each."""
    names = _vocabulary(1, 6)
    takes = [sentences(10 + k, 160, names) for k in range(3)]
    own = sentences(20, 80, names)
    paper = own[:2] + takes[0][:3] + own[2:4] + takes[1][2:5] + takes[2][4:7] + own[4:]
    wires = [WIRE_HEAD.format(k=k) + text(t) + "\n\nends" for k, t in enumerate(takes)]
    return names, wires, "Paper story\n\n" + text(paper), takes


def test_story_from_several_takes_keeps_every_take():
    _, wires, paper, _ = _story()
    choice = choose_sources(paper, [SourceCandidate(k, w, wire=True) for k, w in enumerate(wires)])
    assert sorted(choice.sources) == [0, 1, 2]
    assert all(words >= 8 for words in choice.covered)
    assert choice.derivation is not None and choice.derivation.score >= 0.5


def test_sibling_that_copied_the_same_takes_is_not_a_source():
    _, wires, paper, takes = _story()
    sibling = "Other paper\n\n" + text(sentences(30, 60) + takes[0][:3] + takes[1][2:5] + takes[2][4:7])
    candidates = [SourceCandidate("sibling", sibling)] + [
        SourceCandidate(f"take{k}", w, wire=True) for k, w in enumerate(wires)]
    assert sorted(choose_sources(paper, candidates).sources) == ["take0", "take1", "take2"]
    # without the takes in the folder, the sibling is the best there is
    assert choose_sources(paper, candidates[:1]).sources == ("sibling",)
    # not wire copy: a candidate that itself draws on another candidate comes after it
    plain = [SourceCandidate("sibling", sibling, copy=True)] + [
        SourceCandidate(f"take{k}", w) for k, w in enumerate(wires)]
    assert "sibling" not in choose_sources(paper, plain).sources


def test_independent_report_gets_no_source():
    names, wires, _, _ = _story()
    report = "Own report\n\n" + text(sentences(40, 250, names))
    choice = choose_sources(report, [SourceCandidate(k, w, wire=True) for k, w in enumerate(wires)])
    assert choice.sources == ()


def test_strongest_source_first():
    _, wires, _, takes = _story()
    paper = "Paper\n\n" + text(takes[1][:2] + sentences(50, 60) + takes[0][:8])
    choice = choose_sources(paper, [SourceCandidate(k, w, wire=True) for k, w in enumerate(wires)])
    assert choice.sources[:2] == (0, 1) and choice.covered[0] > choice.covered[1]


def _fillers(n: int) -> list[str]:
    return [f"Item {k}\n\n" + text(sentences(1000 + k, 200, _vocabulary(500 + k, 6)))
            for k in range(n)]


def test_topic_groups_an_independent_report_with_its_event():
    names, wires, paper, _ = _story()
    report = "Own report\n\n" + text(sentences(40, 250, names))
    other_names = _vocabulary(2, 6)
    other = ["Other event\n\n" + text(sentences(60 + k, 200, other_names)) for k in range(2)]
    texts = wires + [paper, report] + other + _fillers(30)
    keys = [text_keys(t).keys for t in texts]
    roots = story_groups(keys, [(0, 3), (1, 3), (2, 3)])
    assert len({roots[k] for k in range(5)}) == 1  # takes, paper and the own report
    assert roots[5] == roots[6] != roots[0]  # the other event apart
    assert len({roots[k] for k in range(7, len(texts))}) == len(texts) - 7  # fillers alone
    # topical grouping off, or too few articles to tell rare words: copy pairs only
    assert story_groups(keys, [(0, 3)], TopicOptions(min_cosine=None))[4] == 4
    assert story_groups(keys[:7], [(0, 3)])[4] == 4


def test_copy_pairs_always_join():
    texts = _fillers(40)
    keys = [text_keys(t).keys for t in texts]
    roots = story_groups(keys, [(3, 17)])
    assert roots[17] == roots[3] == 3 and len(set(roots)) == 39


def test_triage_links_every_take_and_groups_the_report():
    names, wires, paper, _ = _story()
    report = "Own report\n\n" + text(sentences(40, 250, names))
    texts = wires + [paper, report] + _fillers(30)
    arts = [Article(f"X{k}", "", t) for k, t in enumerate(texts)]
    times = {a.id: 1e9 for a in arts}
    # by default a take counts as a source only when its own pair reads derived; these
    # takes each give the paper one paragraph, so the paper is grouped but not linked
    cautious = triage_articles(arts, times=times)
    assert {"X0", "X1", "X2", "X3", "X4"} <= set(cautious.story_of("X3").articles)
    assert not cautious.story_of("X3").links
    result = triage_articles(arts, times=times, options=TriageOptions(source_pairs_derived=False))
    story = result.story_of("X3")
    assert {"X0", "X1", "X2", "X3", "X4"} <= set(story.articles)
    sources = [lk.source for lk in story.links if lk.derived == "X3"]
    assert sorted(sources) == ["X0", "X1", "X2"]
    assert all(lk.basis == "wire-form" and lk.label != "independent" for lk in story.links
               if lk.derived == "X3")
    assert not any(lk.derived == "X4" for lk in story.links)
    assert len(result.story_of("X10").articles) == 1


def test_brief_keeping_the_wires_words_in_short_runs_is_linked_to_the_wire():
    """A brief that keeps the wire's words five at a time, three words of its own between
    (no run of six, the shortest the folder's measures report), still reads derived, and is
    linked to the wire copy."""
    names = _vocabulary(7, 6)
    take = sentences(300, 220, names)
    wire = WIRE_HEAD.format(k=1) + text(take) + "\n\nends"
    words, rng = " ".join(take[:6]).split(), random.Random(5)
    kept = [w for k in range(0, len(words), 8) for w in words[k:k + 5] + rng.sample(_COMMON, 3)]
    arts = [Article("W", "", wire), Article("B", "", "Brief\n\n" + " ".join(kept))]
    pair = measure_pair(*arts, spin=False)
    assert pair.share_a == pair.share_b == 0.0 and pair.label != "independent"  # as said above
    fillers = [Article(f"F{k}", "", t) for k, t in enumerate(_fillers(30))]
    result = triage_articles(arts + fillers, times={a.id: 1e9 for a in arts + fillers})
    assert [(lk.source, lk.derived, lk.basis) for lk in result.story_of("B").links] == [
        ("W", "B", "wire-form")]
    # the report says why such a link shows no verbatim share
    assert "W <span" in triage_html(result) and "no long verbatim run (wire-form)" in triage_html(result)
    assert verbatim_words(0.35) == "35% verbatim"


def test_same_topic_days_apart_is_two_stories_unless_copied():
    names = _vocabulary(3, 6)
    day1 = ["Day one\n\n" + text(sentences(70 + k, 200, names)) for k in range(2)]
    day3 = ["Day three\n\n" + text(sentences(80 + k, 200, names)) for k in range(2)]
    texts = day1 + day3 + _fillers(30)
    keys = [text_keys(t).keys for t in texts]
    hour = 3600.0
    times = [0.0, 2 * hour, 50 * hour, 53 * hour] + [None] * 30
    apart = story_groups(keys, [], times=times)
    assert apart[0] == apart[1] != apart[2] == apart[3]
    assert len({r for r in story_groups(keys, [], times=None)[:4]}) == 1  # no times: one story
    assert story_groups(keys, [(1, 2)], times=times)[2] == 0  # a copy joins whatever the times


def test_identical_file_times_fall_back_to_the_times_texts_state():
    """A folder copied in one go: the wire's header times part two days of one trial,
    and each paper's story takes the time of the wire copy it reuses."""
    names = _vocabulary(3, 6)
    folder = []
    for day, stamp in ((0, "12:00 12/07/99"), (1, "12:00 15/07/99")):
        take = sentences(70 + day, 220, names)
        wire = f"{stamp} PA NEWS\nCOURT Trial\nBy Jo Bloggs, PA News\n\n{text(take)}\n\nends"
        paper = f"Paper, day {day}\n\n" + text(sentences(90 + day, 60, names) + take[:8])
        folder += [wire, paper]
    arts = [Article(f"X{k}", "", t) for k, t in enumerate(folder + _fillers(30))]
    same = {a.id: 1e9 for a in arts}
    result = triage_articles(arts, times=same)
    day0, day1 = result.story_of("X1"), result.story_of("X3")
    assert {"X0", "X1"} <= set(day0.articles) and {"X2", "X3"} <= set(day1.articles)
    assert day0 is not day1
    # file times that differ are believed: the same texts an hour apart are one story
    hourly = {a.id: 1e9 + 3600.0 * k for k, a in enumerate(arts)}
    together = triage_articles(arts, times=hourly)
    assert together.story_of("X1") is together.story_of("X3")


def test_next_day_take_repeating_background_is_another_story_but_a_late_copy_joins():
    names = _vocabulary(4, 6)
    day1 = sentences(120, 240, names)
    day2 = sentences(121, 200, names) + day1[:4]  # the day before's background repeated
    wire1 = f"12:00 12/07/99 PA NEWS\nCOURT Trial\nBy Jo Bloggs, PA News\n\n{text(day1)}\n\nends"
    wire2 = f"12:00 15/07/99 PA NEWS\nCOURT Trial\nBy Jo Bloggs, PA News\n\n{text(day2)}\n\nends"
    texts = [wire1, wire2] + _fillers(30)
    arts = [Article(f"X{k}", "", t) for k, t in enumerate(texts)]
    late = Article("X99", "", "Weekly round-up\n\n" + text(day1[:14]))  # copies day one, days later
    day = 86400.0
    times = {a.id: 1e9 + 3600.0 * k for k, a in enumerate(arts)}  # fillers an hour apart
    times.update({"X0": 1e9, "X1": 1e9 + 3 * day, "X99": 1e9 + 9 * day})
    result = triage_articles(arts + [late], times=times)
    assert result.story_of("X0") is not result.story_of("X1")
    assert result.story_of("X99") is result.story_of("X0")
    assert any(lk.source == "X0" and lk.derived == "X99" for lk in result.story_of("X0").links)
    # with the rule off (any share joins), the repeated background joins the two days
    joined = triage_articles(arts + [late], times=times,
                             options=TriageOptions(story_copy_any_day_share=0.0))
    assert joined.story_of("X0") is joined.story_of("X1")


def test_stories_do_not_change_with_the_process_string_hashes():
    """Topic vectors keep each article's heaviest words; ties at that cut are broken by word id,
    which follows the words' first use, not a set's order (each process hashes strings anew)."""
    import json
    import os
    import subprocess
    import sys

    code = ("import json, random; from viewer.core.triage.topics import story_groups\n"
            "rng = random.Random(7); vocab = [f'w{k}' for k in range(3000)]\n"
            "stories = [[rng.choice(vocab) for _ in range(120)] for _ in range(100)]\n"
            "keys = [list(stories[k % 100]) for k in range(300)]\n"
            "for ks in keys: ks[rng.randrange(len(ks))] = rng.choice(vocab)\n"
            "print(json.dumps(story_groups(keys, [])))")
    found = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        found.add(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                                 check=True).stdout)
    assert len(found) == 1 and len(set(json.loads(found.pop()))) < 300
