"""Folder triage: story grouping on METER, and speed/recall at scale.

(1) METER (../shared/dev-data/meter, read in place, never copied): the PA wire
    files and newspaper articles of all 190 stories are triaged as one flat
    set, names hashed (so only the text tells wire from newspaper), first with
    identical file times, then with real-looking ones (PA at its header's
    time, newspapers the next morning). Prints the pairwise precision/recall/F1
    of the triage stories against the corpus's own grouping
    (domain/date/catchline), how many newspaper articles are linked to at
    least one of their true PA sources (by gold label, and by whether the corpus
    holds the PA text a derived article copied: `source_held`), wrong-way links
    (a PA file "derived" from a newspaper) and the basis of each direction. Then small
    folders, a desk's day each (`desk_folders`): story grouping by copy pairs alone and with
    the topical rule.
(2) Scale: synthetic folders (in a temporary directory outside the project)
    of 100, 1,000 and 5,000 articles of ~600 words, built from real sentences
    (METER and MSRP, read in place) so that no two base articles share more
    than one sentence; the pool (~6,800 sentences) is far smaller than a
    5,000-article folder needs, so a sentence is written as found only the
    first time, later uses have every 4th word replaced (a different 4th
    each time) and no two bases share a verbatim run of 4+ words, as
    unrelated stories would not; plus planted copies (verbatim, and lightly edited:
    ~8 % of words replaced, a sentence dropped, paragraphs moved, a new first
    line). Each size runs `triage_folder` in a fresh subprocess (time, peak
    RSS of it and of its largest worker process, if the folder was large
    enough for the two-process pool), next to a naive all-pairs reuse
    analysis on the same folder (the same verbatim measure on every pair,
    word keys prepared once; file reading not counted; capped: past
    `--naive-cap` pairs it times a random sample and extrapolates, and says
    so). Prints recall of the planted copies (same
    story; and linked source → copy).
(3) With --ecb, out of domain: the 60 documents of the ECB+ event clusters in dev-data (12
    events, each beside a sibling event of the same kind: another game, another acquisition)
    triaged as one set; pairwise precision / recall / F1 of the stories against the events.
    Nothing in triage was chosen on ECB+.

    python bench/triage_bench.py [--meter] [--ecb] [--scale 100,1000,5000] [--naive-cap 5000]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATA = ROOT.parent / "shared" / "dev-data"
METER = DATA / "meter"
MSRP = DATA / "msrp" / "msr_paraphrase_train.txt"

from viewer.core.formats.loaders import load_article  # noqa: E402

# ---------------------------------------------------------------- (1) METER

def meter_articles():
    """Articles of METER (PA + newspapers) with gold story, true sources, label, and for derived
    newspaper articles whether the corpus holds the PA text they copied (`source_held`)."""
    rows = list(csv.DictReader(open(METER / "labels_subset.tsv", newline="", encoding="utf-8"),
                               delimiter="\t"))
    paths, story, kind, sources, label, held = [], {}, {}, {}, {}, {}
    pa_seen = {}
    for row in rows:
        key = (row["domain"], row["date"], row["catchline"])
        pa = []
        for name in filter(None, row["pa_files"].split(";")):
            p = METER / row["pa_dir"] / name
            if p not in pa_seen:
                pa_seen[p] = key
                paths.append(p)
                story[p], kind[p] = key, "pa"
            pa.append(p)
        p = METER / row["newspaper_rawtext"]
        paths.append(p)
        story[p], kind[p], sources[p], label[p] = key, "paper", set(pa), row["label"]
        if row["label"] != "non_derived":
            held[p] = source_held(row["newspaper_annotated_sgml"], pa)
    paths.sort()
    return paths, story, kind, sources, label, held


def source_held(annotated: str, pa: list[Path]) -> str:
    """Whether the given PA files hold the text a derived article copied, by its word-level
    annotation: "held" when at least half the word trigrams starting on its Verbatim-tagged
    words are in them, "not held" when fewer, "not judged" with under 20 such words (no
    annotation, an empty one, or a story rewritten rather than copied)."""
    from claims_eval import _sgml_text, _trigrams  # bench/, beside this file

    if not annotated:
        return "not judged"
    text, tags = _sgml_text(str(METER / annotated))
    words = [(m.start(), m.group().casefold()) for m in re.finditer(r"\w+", text)]
    verbatim = [k for k in range(len(words) - 2) if tags[words[k][0]] == "Verbatim"]
    if len(verbatim) < 20:
        return "not judged"
    wire = set(_trigrams("\n".join(p.read_text(encoding="latin-1") for p in pa)))
    found = sum(tuple(w for _, w in words[k:k + 3]) in wire for k in verbatim)
    return "held" if 2 * found >= len(verbatim) else "not held"


def _header_time(path: Path) -> float | None:
    from viewer.core.text.wireform import text_evidence
    return text_evidence(path.read_text(encoding="latin-1")).stated_time


def run_meter() -> None:
    """Triage the METER dev corpus as one flat folder, twice: identical file times (names
    hashed, so only the text tells wire from newspaper), then real-looking times (each PA
    file at its header's time, each newspaper at 06:00 the next morning)."""
    import calendar
    import hashlib

    from viewer.core.triage.folder import triage_articles
    paths, story, kind, sources, label, held = meter_articles()
    from viewer.core.formats.loaders import LoadError
    hashed, articles, unreadable = [], [], []
    for p in sorted(paths, key=lambda p: hashlib.sha1(str(p).encode()).hexdigest()):
        try:
            articles.append(load_article(p, hashlib.sha1(str(p).encode()).hexdigest()[:12]))
            hashed.append(p)
        except LoadError as exc:
            unreadable.append(f"{p.name} ({exc.reason})")
    if unreadable:
        print(f"METER: {len(unreadable)} file(s) not readable, left out: {', '.join(unreadable)}")
    paths = [p for p in paths if p in set(hashed)]
    by_id = {a.id: p for a, p in zip(articles, hashed)}
    same_time = {a.id: 1_000_000_000.0 for a in articles}
    real = {}
    for a, p in zip(articles, hashed):
        if kind[p] == "pa":
            real[a.id] = _header_time(p) or 0.0
        else:
            d, m, y = map(int, story[p][1].split("."))
            real[a.id] = calendar.timegm((2000 + y if y < 70 else 1900 + y, m, d, 6, 0, 0)) + 86400
    import viewer.core.triage.stories as stories_module
    grouping_inputs = []
    real_groups = stories_module.story_groups

    def capture(keys, copy_pairs, options, cancelled=None, times=None):
        grouping_inputs.append((keys, list(copy_pairs), options, times))
        return real_groups(keys, copy_pairs, options, cancelled, times)
    for title, times in (("identical file times", same_time), ("real-looking times", real)):
        t0 = time.perf_counter()
        stories_module.story_groups = capture
        try:
            result = triage_articles(articles, times=times)
        finally:
            stories_module.story_groups = real_groups
        _meter_figures(title, result, time.perf_counter() - t0, paths, by_id, story, kind, sources,
                       label, held)
    for title, inputs in zip(("identical file times", "real-looking times"), grouping_inputs):
        _grouping_out_of_sample(title, inputs, [by_id[a.id] for a in result.articles], story)
    _links_out_of_sample(articles, same_time, by_id, story, kind, sources, label, held)


def _links_out_of_sample(articles, times, by_id, story, kind, sources, label, held) -> None:
    """Source links with the derivation model fitted without the article's own domain-day.

    The shipped model was fitted on all of METER, so the triage figures above are partly
    in-sample. Here triage keeps every article's chosen sources whatever their reading
    (`source_min_score` 0: which sources are kept does not depend on the model; stories that
    only rewrote the same wire copy included, as the reading takes them), and each
    newspaper article is read against its kept sources together by a model fitted on the
    other 28 domain-days (bench/train_derivation.py's fit), then kept when P(derived) is
    at least the shipped `source_min_score`."""
    from train_derivation import RANK, fit, load, matrix

    from viewer.core.reuse.relation import derivation_features, text_features
    from viewer.core.triage.folder import TriageOptions, triage_articles
    shipped = TriageOptions().source_min_score
    # The reading decides on every kept source; the stories that only rewrote the same wire copy
    # are left out of the links afterwards (`sources._beside_the_wire`): read against all of them.
    result = triage_articles(articles, times=times,
                             options=TriageOptions(source_min_score=0.0, source_siblings=True))
    text = {by_id[a.id]: a.text for a in articles}
    kept: dict = {}
    for s in result.stories:
        for lk in s.links:
            kept.setdefault(by_id[lk.derived], []).append(by_id[lk.source])
    data = load(METER)
    feats = [derivation_features(paper, pas) for *_, paper, pas in data]
    x = matrix(feats)
    y = [RANK[d[0]] for d in data]
    day_of = [f"{d[1]}/{d[2]}" for d in data]
    import numpy as np
    x, y, day_of = np.array(x), np.array(y), np.array(day_of)
    models = {d: fit(x[day_of != d], y[day_of != d]) for d in sorted(set(day_of))}
    papers = [p for p in text if kind[p] == "paper"]
    scored = []  # (group, P(derived) of the held-out model or None, linked to a right file)
    for p in papers:
        group = "independent" if label[p] == "non_derived" else "derived"
        if p not in kept:
            scored.append((group, None, False))
            continue
        model = models[f"{story[p][0]}/{story[p][1]}"]
        score = model.probabilities(text_features(text[p], [text[q] for q in kept[p]]))[0]
        hit = (any(q in sources[p] for q in kept[p]) if group == "derived"
               else any(kind[q] == "pa" for q in kept[p]))
        scored.append((group, score, hit))
    print("\nMETER source links, derivation model fitted leave-one-day-out (identical file times):")
    for gate in sorted({shipped, 0.6, 0.7, 0.8}):
        got = {g: (sum(1 for gg, sc, hit in scored if gg == g and hit and sc >= gate),
                   sum(1 for gg, *_ in scored if gg == g)) for g in ("derived", "independent")}
        (dl, dn), (il, i_n) = got["derived"], got["independent"]
        print(f"  P(derived) >= {gate}{' (shipped)' if gate == shipped else ''}: derived newspaper "
              f"articles linked to a true PA source {dl} of {dn} ({dl / max(1, dn):.0%}); "
              f"independent ones linked to a PA file {il} of {i_n} ({il / max(1, i_n):.0%})")
    by_held: dict[str, list[int]] = {}
    for p, (group, score, hit) in zip(papers, scored):  # one entry per paper, in order
        if group == "derived":
            got = by_held.setdefault(held[p], [0, 0])
            got[0] += hit and score >= shipped
            got[1] += 1
    print("  at the shipped gate, derived ones by whether the corpus holds the PA text they copied: "
          + "; ".join(f"{which} {n} of {m} ({n / max(1, m):.0%})" for which, (n, m) in sorted(by_held.items())))
    # The ceiling of any linking rule on this model: each article read against exactly its
    # true PA sources (what a perfect grouping and source choice would hand the model).
    oracle = np.array([models[day_of[k]].probabilities(feats[k])[0] for k in range(len(feats))])
    ind = y == RANK["independent"]
    print("  ceiling, each article read against exactly its true PA sources (same held-out models):")
    for gate in (0.5, 0.6, 0.7, 0.8):
        print(f"    P(derived) >= {gate}: derived {np.mean(oracle[~ind] >= gate):.0%}, "
              f"independent {np.mean(oracle[ind] >= gate):.0%}")
    cut = np.sort(oracle[ind])[::-1][int(0.10 * ind.sum())]
    print(f"    at most 10 % of independent ones (P(derived) > {cut:.2f}): derived "
          f"{np.mean(oracle[~ind] > cut):.0%}")


def desk_folders(seeds=(7, 11)) -> None:
    """Story grouping in small folders: a desk's day of METER (2-4 stories of one domain-day, all
    their PA and newspaper files, 4-29 files), six draws per domain-day and seed, triaged with
    identical file times, by copy pairs alone (as folders under 30 files were before December 7)
    and with the topical rule (`TopicOptions.min_articles` 3); pairwise precision / recall / F1
    by domain. The topical threshold is the shipped one, chosen on the whole corpus."""
    from dataclasses import replace

    from viewer.core.text.article import Article
    from viewer.core.triage.folder import triage_articles
    from viewer.core.triage.model import TriageOptions
    paths, story, *_ = meter_articles()
    by_story: dict = {}
    for p in paths:
        by_story.setdefault(story[p], []).append(p)
    by_day: dict = {}
    for key in sorted(by_story):
        by_day.setdefault(key[:2], []).append(key)
    folders = []
    for seed in seeds:
        rng = random.Random(seed)
        for day, keys in sorted(by_day.items()):
            for _ in range(6):
                if len(keys) < 2:
                    break
                pick = rng.sample(keys, rng.randint(2, min(4, len(keys))))
                files = sorted(p for k in pick for p in by_story[k])
                if 4 <= len(files) <= 29:
                    folders.append((day[0], files))
    texts = {p: load_article(p, "x").text for _, files in folders for p in files}
    base = TriageOptions()
    print(f"\nMETER desk-day folders ({len(folders)} folders of 2-4 stories, "
          f"{statistics.median(len(f) for _, f in folders):.0f} files median), story grouping, pairwise:")
    for title, min_articles in (("copy pairs alone", 10 ** 9), ("topical rule", base.topics.min_articles)):
        options = replace(base, topics=replace(base.topics, min_articles=min_articles))
        counts: dict = {}
        for domain, files in folders:
            res = triage_articles([Article(f"A{k}", "", texts[p]) for k, p in enumerate(files)],
                                  options=options)
            root = {a: s.id for s in res.stories for a in s.articles}
            roots = [root[f"A{k}"] for k in range(len(files))]
            tp, fp, fn = _pair_counts(roots, [story[p] for p in files],
                                      list(itertools.combinations(range(len(files)), 2)))
            got = counts.setdefault(domain, [0, 0, 0])
            got[0], got[1], got[2] = got[0] + tp, got[1] + fp, got[2] + fn
        cells = ["{} P {:.3f} R {:.3f} F1 {:.3f}".format(domain, *_prf(*c))
                 for domain, c in sorted(counts.items())]
        print(f"  {title:18s} " + ";  ".join(cells))


def run_ecb() -> None:
    """Story grouping of the ECB+ documents (see the module docstring, part 3)."""
    import json

    from viewer.core.text.article import Article
    from viewer.core.triage.folder import triage_articles

    articles, gold = [], []
    with open(DATA / "ecbplus_event_clusters" / "clusters.jsonl", encoding="utf-8") as f:
        for line in f:
            cluster = json.loads(line)
            for doc in cluster["docs"]:
                articles.append(Article(doc["doc_name"], "", doc["text"]))
                gold.append(cluster["cluster_id"])
    result = triage_articles(articles)
    story = {a: s.id for s in result.stories for a in s.articles}
    roots = [story[a.id] for a in articles]
    counts = _pair_counts(roots, gold, itertools.combinations(range(len(articles)), 2))
    merged = [sorted({gold[k] for k, r in enumerate(roots) if r == s.id}) for s in result.stories]
    precision, recall, f1 = _prf(*counts)
    print(f"ECB+ out of domain: {len(articles)} documents of {len(set(gold))} events -> "
          f"{len(result.stories)} stories; pairwise P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    for events in merged:
        if len(events) > 1:
            print(f"  one story holds the events {', '.join(events)}")
    split = [e for e in sorted(set(gold)) if sum(e in m for m in merged) > 1]
    if split:
        print(f"  events split over several stories: {', '.join(split)}")


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of pair counts."""
    return tp / max(1, tp + fp), tp / max(1, tp + fn), 2 * tp / max(1, 2 * tp + fp + fn)


def _pair_counts(roots, gold, pairs_of):
    """(tp, fp, fn) over the pairs `pairs_of` (a list of (i, j)) for groups `roots`."""
    tp = fp = fn = 0
    for i, j in pairs_of:
        same, truth = roots[i] == roots[j], gold[i] == gold[j]
        tp += same and truth
        fp += same and not truth
        fn += truth and not same
    return tp, fp, fn


def _grouping_out_of_sample(title, inputs, paths, story) -> None:
    """Story grouping with the topical threshold `min_cosine` chosen leave-one-day-out:
    for each domain-day, the threshold with the best pairwise F1 on the pairs of the other
    days, scored on the pairs whose first article is of that day (each pair counted once)."""
    from dataclasses import replace as _replace

    from viewer.core.triage.topics import story_groups
    keys, copy_pairs, options, times = inputs
    gold = [story[p] for p in paths]
    day = [g[:2] for g in gold]
    grid = (0.04, 0.06, 0.08, 0.10, 0.12, 0.14, 0.16)
    groups = {t: story_groups(keys, copy_pairs, _replace(options, min_cosine=t), times=times)
              for t in grid}
    n = len(paths)
    # only pairs in one predicted group at some threshold or in one gold story can count
    pairs_by_day: dict = {}
    for i in range(n):
        for j in range(i + 1, n):
            if gold[i] == gold[j] or any(r[i] == r[j] for r in groups.values()):
                pairs_by_day.setdefault(day[i], []).append((i, j))
    counts = {t: {d: _pair_counts(groups[t], gold, ps) for d, ps in pairs_by_day.items()}
              for t in grid}

    def f1(tp, fp, fn):
        return _prf(tp, fp, fn)[2]
    total, chosen = [0, 0, 0], []
    for d in sorted(pairs_by_day):
        best = max(grid, key=lambda t: f1(*[sum(c[k] for dd, c in counts[t].items() if dd != d)
                                            for k in range(3)]))
        chosen.append(best)
        total = [a + b for a, b in zip(total, counts[best][d])]
    tp, fp, fn = total
    print(f"\nMETER story grouping, {title}, topical threshold chosen leave-one-day-out "
          f"({len(pairs_by_day)} folds; thresholds chosen {sorted(set(chosen))}): "
          "precision {:.3f}  recall {:.3f}  F1 {:.3f}".format(*_prf(tp, fp, fn)))
    print("  by threshold (all days, in-sample): " + "  ".join(
        f"{t:.2f}: {f1(*[sum(c[k] for c in counts[t].values()) for k in range(3)]):.3f}"
        for t in grid) + f"; shipped min_cosine {options.min_cosine}")


def _meter_figures(title, result, elapsed, paths, by_id, story, kind, sources, label, held) -> None:
    pred = {}
    for s in result.stories:
        for a in s.articles:
            pred[by_id[a]] = s.id
    prec, rec, f1 = _prf(*_pair_counts([pred[p] for p in paths], [story[p] for p in paths],
                                        list(itertools.combinations(range(len(paths)), 2))))
    linked: dict[Path, list[Path]] = {}
    links = [(by_id[lk.source], by_id[lk.derived], lk.basis) for s in result.stories for lk in s.links]
    for src, der, _ in links:
        linked.setdefault(der, []).append(src)
    papers = [p for p in paths if kind[p] == "paper"]
    print(f"\nMETER, {title}: {len(paths)} files ({sum(k == 'pa' for k in kind.values())} PA, "
          f"{len(papers)} newspaper), {len({story[p] for p in paths})} gold stories; "
          f"{len(result.stories)} triage stories; {result.pairs_analysed} pairs analysed; {elapsed:.1f} s")
    print(f"  story grouping, pairwise:  precision {prec:.3f}  recall {rec:.3f}  F1 {f1:.3f}")
    print(f"  {'gold label':<18}{'articles':>9}{'linked':>8}{'to a PA':>9}{'to a true PA':>13}"
          f"{'first link true PA':>20}")
    for lab in ("wholly_derived", "partially_derived", "non_derived", "derived (w+p)"):
        group = [p for p in papers if label[p] == lab or (lab.startswith("derived") and label[p] != "non_derived")]
        got = [p for p in group if p in linked]
        to_pa = [p for p in got if any(kind[s] == "pa" for s in linked[p])]
        true = [p for p in got if any(s in sources[p] for s in linked[p])]
        first = [p for p in got if linked[p][0] in sources[p]]
        n = max(1, len(group))
        print(f"  {lab:<18}{len(group):>9}{len(got):>8}{len(to_pa):>9}{len(true):>8} {len(true) / n:>4.0%}"
              f"{len(first):>14} {len(first) / n:>4.0%}")
    print("  derived articles linked to a true PA source, by whether the corpus holds the PA text they "
          "copied (annotated Verbatim words, at least half of their word trigrams in the given PA files):")
    for which in ("held", "not held", "not judged"):
        group = [p for p in papers if held.get(p) == which]
        true = [p for p in group if any(s in sources[p] for s in linked.get(p, []))]
        print(f"    {which:<11} {len(true):>4} of {len(group):>4}  {len(true) / max(1, len(group)):.0%}")
    wrong = sum(kind[src] == "paper" and kind[der] == "pa" for src, der, _ in links)
    paper_to_paper = sum(kind[src] == "paper" and kind[der] == "paper" for src, der, _ in links)
    bases = {}
    for *_, basis in links:
        bases[basis] = bases.get(basis, 0) + 1
    print(f"  links {len(links)}: wrong way (newspaper -> PA) {wrong} ({wrong / max(1, len(links)):.1%}); "
          f"newspaper -> newspaper {paper_to_paper}; basis {dict(sorted(bases.items()))}")
    print(f"  derived newspaper articles with no source {sum(1 for p in papers if label[p] != 'non_derived' and p not in linked)}; "
          f"independent ones linked as derived from a PA file "
          f"{sum(1 for p in papers if label[p] == 'non_derived' and any(kind[s] == 'pa' for s in linked.get(p, [])))}"
          f" of {sum(label[p] == 'non_derived' for p in papers)}")


# ---------------------------------------------------------------- (2) scale

_SENT = re.compile(r"(?<=[.!?])[\"']?\s+(?=[A-Z\"'])")


def sentence_pool() -> list[str]:
    """Distinct real sentences of 8-30 words; near-duplicates (a shared 8-gram) dropped."""
    texts = []
    for p in sorted((METER / "meter_corpus").glob("**/rawtexts/**/*.txt")):
        if p.name == "readme.txt":
            continue
        raw = p.read_text(encoding="latin-1").replace("\r", "")
        lines = [ln.rstrip("<").strip() for ln in raw.split("\n")]
        texts.append(" ".join(ln for ln in lines if ln and not re.match(r"^\d\d:\d\d ", ln)))
    with open(MSRP, encoding="utf-8-sig", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            texts.append(row[3])
    seen, pool = set(), []
    for text in texts:
        for sent in _SENT.split(text):
            words = sent.split()
            if not 8 <= len(words) <= 30:
                continue
            keys = [re.sub(r"\W+", "", w.lower()) for w in words]
            grams = {tuple(keys[k:k + 8]) for k in range(len(keys) - 7)}
            if grams & seen:
                continue
            seen |= grams
            pool.append(" ".join(words))
    return pool


def base_articles(n: int, pool: list[str], rng: random.Random, words: int = 600) -> list[list[str]]:
    """`n` articles of ~`words` words, as sentence lists; two articles share at most one sentence."""
    partners: list[set[int]] = [set() for _ in pool]  # sentences already in an article with it
    uses = [0] * len(pool)
    order = list(range(len(pool)))
    out = []
    for _ in range(n):
        rng.shuffle(order)
        order.sort(key=lambda s: uses[s])  # least used first (stable: random among equals)
        chosen, count, banned = [], 0, set()
        for s in order:
            if s in banned:
                continue
            chosen.append(s)
            banned |= partners[s]
            banned.add(s)
            count += len(pool[s].split())
            if count >= words:
                break
        for s in chosen:
            uses[s] += 1
            partners[s].update(chosen)
        out.append([pool[s] for s in chosen])
    return out


def varied(bases: list[list[str]], rng: random.Random, vocab: list[str]) -> list[list[str]]:
    """The bases with reused pool sentences varied: a sentence reads as found the
    first time; its u-th reuse has the words at positions p with (p + u) % 4 == 0
    replaced by random words, so reuses share no verbatim run longer than 3 words."""
    uses: dict[str, int] = {}
    out = []
    for sents in bases:
        new = []
        for sent in sents:
            u = uses.get(sent, 0)
            uses[sent] = u + 1
            if u:
                sent = " ".join(rng.choice(vocab) if (p + u) % 4 == 0 else w
                                for p, w in enumerate(sent.split()))
            new.append(sent)
        out.append(new)
    return out


def as_text(title: str, sentences: list[str]) -> str:
    paras = [" ".join(sentences[k:k + 3]) for k in range(0, len(sentences), 3)]
    return title + "\n\n" + "\n\n".join(paras) + "\n"


def edited(sentences: list[str], rng: random.Random, vocab: list[str]) -> list[str]:
    """A lightly edited copy: ~8 % of words replaced, one sentence dropped, paragraphs moved."""
    out = [s for s in sentences]
    if len(out) > 4:
        del out[rng.randrange(1, len(out))]
    out = [" ".join(rng.choice(vocab) if rng.random() < 0.08 else w for w in s.split())
           for s in out]
    paras = [out[k:k + 3] for k in range(0, len(out), 3)]
    if len(paras) > 3:
        a, b = rng.sample(range(1, len(paras)), 2)
        paras[a], paras[b] = paras[b], paras[a]
    return [s for para in paras for s in para]


def make_folder(folder: Path, n: int, pool: list[str], seed: int = 8) -> list[tuple[str, str]]:
    """Write `n` articles (80 % base, 20 % planted copies); return (source, copy) file names."""
    rng = random.Random(seed)
    n_copies = n // 5
    bases = base_articles(n - n_copies, pool, rng)
    vocab = sorted({w for s in pool[:3000] for w in s.split() if w.isalpha()})
    bases = varied(bases, rng, vocab)
    files, planted = {}, []
    for k, sents in enumerate(bases):
        files[f"story{k:05d}.txt"] = as_text(f"Story {k}", sents)
    names = sorted(files)
    for c in range(n_copies):
        src = rng.choice(names)
        k = int(src[5:10])
        if c % 2 == 0:  # verbatim copy under a new headline, the last paragraph cut
            sents = bases[k][:max(3, len(bases[k]) - 3)]
        else:
            sents = edited(bases[k], rng, vocab)
        name = f"copy{c:05d}.txt"
        files[name] = as_text(f"Copy {c} of story {k}", sents)
        planted.append((src, name))
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return planted


def child(folder: str, planted_file: str, naive_cap: int) -> None:
    """Run inside a fresh process: triage the folder, then the naive run; print JSON."""
    import resource

    from viewer.core.triage.folder import triage_folder, triage_paths
    from viewer.core.triage.links import match_keys, measure_keys

    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    result = triage_folder(folder)
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # largest worker process
    name_of = {a.id: Path(a.path).name for a in result.articles}
    story = {name_of[a]: s.id for s in result.stories for a in s.articles}
    links = {(name_of[lk.source], name_of[lk.derived]) for s in result.stories for lk in s.links}
    planted = json.load(open(planted_file))
    same = sum(story[s] == story[c] for s, c in planted)
    linked = sum((s, c) in links for s, c in planted)
    false_groups = sum(1 for s in result.stories if len(s.articles) > 1
                       and not any(Path(name_of[a]).name.startswith("copy") for a in s.articles))
    # naive: the same full reuse analysis on every pair (or a timed sample of them)
    paths, _ = triage_paths(folder)
    arts = [load_article(p, f"A{k + 1}") for k, p in enumerate(paths)]
    t1 = time.perf_counter()
    keys = [match_keys(a.tokens) for a in arts]
    prep = time.perf_counter() - t1
    pairs = list(itertools.combinations(range(len(arts)), 2))
    sampled = len(pairs) > naive_cap
    if sampled:
        pairs = random.Random(1).sample(pairs, naive_cap)
    t1 = time.perf_counter()
    for i, j in pairs:
        measure_keys(arts[i].id, keys[i], arts[j].id, keys[j])
    naive = (time.perf_counter() - t1) * (len(arts) * (len(arts) - 1) // 2) / len(pairs) + prep
    print(json.dumps({"n": len(result.articles), "errors": len(result.errors), "time": elapsed,
                      "peak_mb": peak / 1024, "base_mb": base_rss / 1024,
                      "worker_mb": workers / 1024,
                      "candidates": result.pairs_analysed, "planted": len(planted),
                      "same_story": same, "linked": linked, "false_groups": false_groups,
                      "naive_time": naive, "naive_sampled": sampled, "naive_pairs": len(pairs)}))


def run_scale(sizes: list[int], naive_cap: int) -> None:
    pool = sentence_pool()
    words = sum(len(s.split()) for s in pool)
    print(f"\nScale: sentence pool {len(pool):,} real sentences ({words:,} words); "
          f"articles ~600 words, 20 % planted copies (half verbatim, half edited)")
    print(f"{'articles':>8}{'time s':>8}{'s/1k':>7}{'peak MB':>9}{'wrk MB':>8}{'cands':>7}"
          f"{'planted':>8}"
          f"{'found':>7}{'linked':>7}{'false':>6}{'naive s':>10}  naive run")
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="copydesk-triage-") as tmp:
            folder = Path(tmp) / "folder"
            folder.mkdir()
            planted = make_folder(folder, n, pool)
            planted_file = Path(tmp) / "planted.json"
            planted_file.write_text(json.dumps(planted))
            proc = subprocess.run([sys.executable, __file__, "--child", str(folder),
                                   str(planted_file), str(naive_cap)],
                                  capture_output=True, text=True)
            if proc.returncode:
                raise SystemExit(f"triage of {n} files failed:\n{proc.stderr[-3000:]}")
            r = json.loads(proc.stdout.strip().splitlines()[-1])
        how = (f"sampled {r['naive_pairs']:,} pairs, extrapolated" if r["naive_sampled"]
               else f"all {r['naive_pairs']:,} pairs")
        print(f"{r['n']:>8}{r['time']:>8.2f}{1000 * r['time'] / r['n']:>7.2f}{r['peak_mb']:>9.0f}"
              f"{r['worker_mb']:>8.0f}"
              f"{r['candidates']:>7}{r['planted']:>8}{r['same_story'] / r['planted']:>7.1%}"
              f"{r['linked'] / r['planted']:>7.1%}{r['false_groups']:>6}{r['naive_time']:>10.1f}"
              f"  {how}")
    print("found: planted copy in its source's story; linked: source -> copy link; "
          "false: stories of 2+ articles with no planted copy; peak MB: max RSS of the process; "
          "wrk MB: max RSS of one worker process (0: run in-process)")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--meter", action="store_true", help="only the METER part")
    ap.add_argument("--ecb", action="store_true", help="only the ECB+ part (out of domain)")
    ap.add_argument("--scale", default=None, help="sizes, e.g. 100,1000,5000 (default with no "
                                                   "--meter: 100,1000,5000)")
    ap.add_argument("--naive-cap", type=int, default=5000)
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    if args.ecb:
        run_ecb()
        if not args.meter and args.scale is None:
            return
    if args.meter or args.scale is None:
        run_meter()
        desk_folders()
    if args.scale or not args.meter:
        run_scale([int(x) for x in (args.scale or "100,1000,5000").split(",")], args.naive_cap)


if __name__ == "__main__":
    main()
