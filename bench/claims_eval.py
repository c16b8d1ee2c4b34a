"""Figures for the claim matcher on the shared dev data (read in place, never copied).

    python bench/claims_eval.py [--dev-data ../shared/dev-data] [--quick]

Prints:
- MSRP (training split): 10-fold cross-validated accuracy of the logistic matcher (bench/train_matcher.py
  refits it on nine folds, tests on the tenth), alone and as the whole same_claim decision (with the
  containment rule); the train-on-all figures; then accuracy of the shipped matcher
  (claims.matcher.same_claim > 0) and of find_claims on each pair as two one-sentence articles. The
  shipped weights were fitted on these pairs, so the cross-validated figure is the honest one.
- METER: for derived newspaper articles, the share of their wire-derived sentences (most words
  annotated Verbatim or Rewrite) that share a claim with the PA copy, and the share of their new
  sentences (most words annotated New) that wrongly do.
  Also per whole newspaper sentence (shared when any of its statements is), so that a change of the
  statement unit (clauses) is compared on one unit. `--same-claim X` tries another matcher threshold.
- ECB+: share of articles pairs of one event cluster that share at least one claim, against pairs
  from the sibling cluster (same kind of story, different event).
- Timing: find_claims on 12 articles of about 1,000 words each (built from METER texts), best of 3.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import re
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import train_matcher  # noqa: E402  (bench/, beside this file)

from viewer.core.claims import matcher
from viewer.core.claims.finder import find_claims, statements_of
from viewer.core.claims.matcher import same_claim
from viewer.core.claims.statement import make_statement
from viewer.core.text.article import Article, letter_for
from viewer.core.text.sentences import split_sentences
from viewer.core.text.synonyms import preload
from viewer.core.text.tokens import count_words


def msrp(folder: str, limit: int | None) -> None:
    rows = train_matcher.msrp_pairs(folder)[:limit]
    t = time.perf_counter()
    right = right_claims = 0
    tp = fp = fn = 0
    for label, s1, s2 in rows:
        gold = label == 1
        a, b = make_statement(0, 0, len(s1), s1), make_statement(1, 0, len(s2), s2)
        pred = same_claim(a, b) > 0
        right += pred == gold
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
        claims = find_claims([Article("A", "", s1), Article("B", "", s2)])
        linked = any(len(c.articles) == 2 for c in claims)
        right_claims += linked == gold
    n = len(rows)
    print(f"MSRP train pairs: {n}")
    if limit is None:
        train_matcher.report(folder)
    print(f"  shipped same_claim accuracy: {right / n:.1%}  (precision {tp / max(1, tp + fp):.1%}, "
          f"recall {tp / max(1, tp + fn):.1%}; majority class 67.5%)")
    print(f"  find_claims shared-claim accuracy: {right_claims / n:.1%}  [{time.perf_counter() - t:.1f} s]")


def _sgml_text(path: str) -> tuple[str, list[str]]:
    """Text of an annotated METER article and the tag (Verbatim/Rewrite/New) of each character."""
    sgml = open(path, encoding="latin-1").read()
    text, tags = [], []
    at = 0
    for m in re.finditer(r"<(Verbatim|Rewrite|New)\b[^>]*>(.*?)</\1>", sgml, flags=re.S):
        if text and "\n\n" in sgml[at:m.start()]:  # a paragraph break between tagged runs (raw texts keep it)
            text.append("\n\n")
            tags.extend(["break"] * 2)
        at = m.end()
        body = html.unescape(re.sub(r"<[^>]+>", "", m.group(2)))
        text.append(body)
        tags.extend([m.group(1)] * len(body))
    return "".join(text), tags


def _majority_tag(tags: list[str]) -> str | None:
    """The tag (Verbatim, Rewrite, New) of most of a statement's characters, if any has half."""
    for tag in ("Verbatim", "Rewrite", "New"):
        if tags.count(tag) * 2 >= len(tags):
            return tag
    return None


def _trigrams(text: str) -> list[tuple[str, ...]]:
    words = [w.casefold() for w in re.findall(r"\w+", text)]
    return [tuple(words[k:k + 3]) for k in range(len(words) - 2)]


TAGS = ("Verbatim", "Rewrite", "New")


def meter_stories(folder: str) -> list[tuple[str, str, str, list[str]]]:
    """(domain/day, PA text, annotated newspaper text, tag of each of its characters) of every
    derived METER article that has an annotated version and PA copy."""
    base = os.path.join(folder, "meter")
    rows = list(csv.DictReader(open(os.path.join(base, "labels_subset.tsv"), newline="", encoding="utf-8"),
                               delimiter="\t"))
    out = []
    for row in rows:
        if row["label"] == "non_derived" or not row["newspaper_annotated_sgml"]:
            continue  # independent, or no annotated version in the corpus
        text, tags = _sgml_text(os.path.join(base, row["newspaper_annotated_sgml"]))
        pa_names = [n for n in row["pa_files"].split(";") if n]
        if not pa_names or not text.strip():
            continue
        wire = "\n".join(open(os.path.join(base, row["pa_dir"], n), encoding="latin-1").read()
                         for n in pa_names)
        out.append((f"{row['domain']}/{row['date']}", wire, text, tags))
    return out


def meter_tally(wire: str, text: str, tags: list[str]) -> dict[str, list[int]]:
    """[shared, all] per tag for one story's newspaper statements (by statement, `TAGS`), per whole
    sentence ("sentence " + tag), and for mostly-Verbatim statements whose word trigrams are at
    least half in the PA text ("found")."""
    tally = {key: [0, 0] for key in (*TAGS, *(f"sentence {t}" for t in TAGS), "found")}
    paper = Article("B", "", text)
    wire_trigrams = set(_trigrams(wire))
    claims = find_claims([Article("A", "", wire), paper])
    in_shared = set()
    for c in claims:
        if len(c.articles) > 1:
            in_shared.update((m.start, m.end) for m in c.members if m.article == "B")
    paper_statements = statements_of(paper, 1)
    for sen in split_sentences(text, "en"):  # a sentence is shared if any of its statements is
        span_tags = tags[sen.start:sen.end]
        inside = [st for st in paper_statements if sen.start <= st.start < sen.end]
        if count_words(sen.text) < 4 or not span_tags or not inside:
            continue  # too short, or page furniture (no statement)
        tag = _majority_tag(span_tags)
        if tag is not None:
            tally[f"sentence {tag}"][0] += any(s < st.end and st.start < e
                                               for st in inside for s, e in in_shared)
            tally[f"sentence {tag}"][1] += 1
    for st in paper_statements:
        span_tags = tags[st.start:st.end]
        if count_words(st.text) < 4 or not span_tags:
            continue
        tag = _majority_tag(span_tags)
        if tag is None:
            continue
        shared = any(s < st.end and st.start < e for s, e in in_shared)
        tally[tag][0] += shared
        tally[tag][1] += 1
        grams = _trigrams(st.text)
        if tag == "Verbatim" and grams and sum(g in wire_trigrams for g in grams) * 2 >= len(grams):
            tally["found"][0] += shared
            tally["found"][1] += 1
    return tally


def add_tallies(tallies) -> dict[str, list[int]]:
    """Sum of [shared, all] tallies, key by key."""
    total: dict[str, list[int]] = {}
    for tally in tallies:
        for key, (hit, n) in tally.items():
            got = total.setdefault(key, [0, 0])
            got[0] += hit
            got[1] += n
    return total


def meter(folder: str) -> None:
    stories = meter_stories(folder)
    total = add_tallies(meter_tally(wire, text, tags) for _day, wire, text, tags in stories)
    print(f"METER derived articles: {len(stories)}; newspaper sentences ending in a claim shared with the "
          f"PA text:")
    for tag, target in zip(TAGS, ("target >= 95 %", "target >= 85 %", "target <= 15 %")):
        shared, n = total[tag]
        print(f"  mostly {tag:8s}: {shared / max(1, n):.1%} of {n}  ({target})")
    print("  per whole sentence (shared if any of its statements is; tagged by the sentence's majority):")
    for tag in TAGS:
        shared, n = total[f"sentence {tag}"]
        print(f"  mostly {tag:8s}: {shared / max(1, n):.1%} of {n}")
    shared, n = total["found"]
    print(f"  mostly Verbatim and at least half its word trigrams in the PA text given: "
          f"{shared / max(1, n):.1%} of {n} (the others were copied from PA copy the corpus does not hold "
          f"for that story)")


def _sentence_spans(doc: dict) -> dict[int, tuple[int, int]]:
    """Offsets of each numbered sentence of an ECB+ document inside its `text`."""
    spans, at = {}, 0
    text = doc["text"]
    for s in doc["sentences"]:
        k = text.find(s["text"], at)
        if k < 0:
            k = text.find(s["text"])
        if k >= 0:
            spans[s["n"]] = (k, k + len(s["text"]))
            at = k + len(s["text"])
    return spans


def ecb_pairs(folder: str) -> list[tuple[str, str, dict, dict, set]]:
    """(topic, "same" or "sibling", document, document, sentence-number pairs that mention one event)
    for every two documents of one ECB+ event cluster, and each of a cluster's documents against
    each document of its sibling cluster (same kind of story, another event)."""
    base = os.path.join(folder, "ecbplus_event_clusters")
    clusters = [json.loads(line) for line in open(os.path.join(base, "clusters.jsonl"), encoding="utf-8")]
    chains = {json.loads(line)["cluster_id"]: json.loads(line)
              for line in open(os.path.join(base, "cross_doc_coref_chains.jsonl"), encoding="utf-8")}
    by_id = {c["cluster_id"]: c for c in clusters}
    out = []
    for c in clusters:
        topic = re.sub(r"ecb(plus)?$", "", c["cluster_id"])
        sibling_id = c["cluster_id"].replace("ecbplus", "ecb") if "ecbplus" in c["cluster_id"] \
            else c["cluster_id"].replace("ecb", "ecbplus")
        sibling = by_id.get(sibling_id)
        docs = c["docs"]
        # pairs of sentences (doc, n) of different documents that mention one event
        event_pairs: dict[tuple[str, str], set] = {}
        for chain in chains.get(c["cluster_id"], {}).get("chains", []):
            if not chain["type"].startswith("ACTION"):
                continue
            ms = {(m["doc"], m["sentence"]) for m in chain["mentions"]}
            for x in ms:
                for y in ms:
                    if x[0] < y[0]:
                        event_pairs.setdefault((x[0], y[0]), set()).add((x[1], y[1]))
        for i in range(len(docs)):
            for j in range(i + 1, len(docs)):
                names = (docs[i]["doc_name"], docs[j]["doc_name"])
                pairs = event_pairs.get(names) or {(b, a) for a, b in event_pairs.get(names[::-1], set())}
                out.append((topic, "same", docs[i], docs[j], pairs))
            if sibling and c["cluster_id"] < sibling_id:
                out.extend((topic, "sibling", docs[i], other, set()) for other in sibling["docs"])
    return out


def ecb_tally(doc_a: dict, doc_b: dict, event_pairs: set) -> tuple[bool, int, int]:
    """(the two documents share a claim, their sentence pairs mentioning one event, how many of
    those are in one shared claim together)."""
    claims = find_claims([Article("A", "", doc_a["text"]), Article("B", "", doc_b["text"])])
    shared = any(len(x.articles) > 1 for x in claims)
    si, sj = _sentence_spans(doc_a), _sentence_spans(doc_b)
    linked = [(m_a, m_b) for x in claims if len(x.articles) > 1
              for m_a in x.members if m_a.article == "A" for m_b in x.members if m_b.article == "B"]
    mention_pairs = mention_hits = 0
    for a_n, b_n in event_pairs:
        if a_n not in si or b_n not in sj:
            continue
        (a0, a1), (b0, b1) = si[a_n], sj[b_n]
        mention_pairs += 1
        mention_hits += any(ma.start < a1 and a0 < ma.end and mb.start < b1 and b0 < mb.end
                            for ma, mb in linked)
    return shared, mention_pairs, mention_hits


def ecb(folder: str) -> None:
    counts = {"same": [0, 0], "sibling": [0, 0]}
    mention_pairs = mention_hits = 0
    for _topic, kind, doc_a, doc_b, event_pairs in ecb_pairs(folder):
        shared, pairs, hits = ecb_tally(doc_a, doc_b, event_pairs)
        counts[kind][0] += shared
        counts[kind][1] += 1
        mention_pairs += pairs
        mention_hits += hits
    (same, same_n), (other, other_n) = counts["same"], counts["sibling"]
    print("ECB+ article pairs sharing at least one claim:")
    print(f"  same event: {same / max(1, same_n):.1%} of {same_n} (target >= 90 %);  sibling event: "
          f"{other / max(1, other_n):.1%} of {other_n} (target <= 25 %)")
    print(f"  sentence pairs mentioning one event (coreference chains) in a shared claim together: "
          f"{mention_hits / max(1, mention_pairs):.1%} of {mention_pairs}")


def twelve_articles(folder: str, offset: int = 0) -> list[Article]:
    """12 articles of about 1,000 words, built from METER newspaper texts (read in place), from
    the `offset`-th text of the pool on."""
    base = os.path.join(folder, "meter")
    rows = list(csv.DictReader(open(os.path.join(base, "labels_subset.tsv"), newline="", encoding="utf-8"),
                               delimiter="\t"))
    texts = [open(os.path.join(base, r["newspaper_rawtext"]), encoding="latin-1").read() for r in rows
             if r["catchline"] == "care"]
    pool = texts + [open(os.path.join(base, r["newspaper_rawtext"]), encoding="latin-1").read() for r in rows]
    articles = []
    k = offset
    for i in range(12):
        parts = []
        while sum(count_words(p) for p in parts) < 950:
            parts.append(pool[k % len(pool)])
            k += 1
        paragraphs = "\n\n".join(parts).split("\n")
        kept, n = [], 0
        for par in paragraphs:  # cut at a paragraph near 1,000 words
            if n >= 1000:
                break
            kept.append(par)
            n += count_words(par)
        articles.append(Article(letter_for(i), "", "\n".join(kept)))
    return articles


def timing(folder: str) -> None:
    articles = twelve_articles(folder)
    words = sum(a.word_count for a in articles)
    preload()
    find_claims(articles[:2])  # warm caches of the segmenter and stemmer once, as a running app has
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        claims = find_claims(articles)
        best = min(best, time.perf_counter() - t)
    print(f"Timing: 12 articles, {words} words: find_claims {best:.2f} s (best of 3), {len(claims)} claims, "
          f"{sum(len(c.articles) > 1 for c in claims)} shared")
    fresh = []
    for k in range(1, 7):  # other articles: no per-text cache (sentences, statements) helps
        other = twelve_articles(folder, 37 * k)
        t = time.perf_counter()
        find_claims(other)
        fresh.append(time.perf_counter() - t)
    print(f"  six other sets of 12 articles, each once: median {statistics.median(fresh):.2f} s "
          f"({min(fresh):.2f}-{max(fresh):.2f}; budget 0.3 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared",
                                                           "dev-data"))
    parser.add_argument("--quick", action="store_true", help="first 1,000 MSRP pairs only")
    parser.add_argument("--parts", default="timing,msrp,meter,ecb",
                        help="which parts to run, comma-separated (default: all)")
    parser.add_argument("--same-claim", type=float, default=None,
                        help="try another matcher threshold (default: the shipped SAME_CLAIM), to compare "
                             "a change with a plain move along the precision/recall curve")
    args = parser.parse_args()
    if args.same_claim is not None:
        matcher.SAME_CLAIM = args.same_claim
        print(f"matcher threshold SAME_CLAIM = {args.same_claim} (shipped: 0.55)")
    parts = args.parts.split(",")
    if "timing" in parts:
        timing(args.dev_data)
    if "msrp" in parts:
        msrp(args.dev_data, 1000 if args.quick else None)
    if "meter" in parts:
        meter(args.dev_data)
    if "ecb" in parts:
        ecb(args.dev_data)


if __name__ == "__main__":
    main()
