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
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from viewer.core.text.article import Article, letter_for
from viewer.core.claims.matcher import make_statement, same_claim
from viewer.core.claims.finder import find_claims, statements_of
from viewer.core.text.synonyms import preload
from viewer.core.text.tokens import count_words

import train_matcher  # noqa: E402  (bench/, beside this file)


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
    for tag, body in re.findall(r"<(Verbatim|Rewrite|New)\b[^>]*>(.*?)</\1>", sgml, flags=re.S):
        body = html.unescape(re.sub(r"<[^>]+>", "", body))
        text.append(body)
        tags.extend([tag] * len(body))
    return "".join(text), tags


def meter(folder: str) -> None:
    base = os.path.join(folder, "meter")
    rows = list(csv.DictReader(open(os.path.join(base, "labels_subset.tsv"), newline="", encoding="utf-8"),
                               delimiter="\t"))
    derived = shared_derived = new = shared_new = articles = 0
    for row in rows:
        if row["label"] == "non_derived" or not row["newspaper_annotated_sgml"]:
            continue  # independent, or no annotated version in the corpus
        text, tags = _sgml_text(os.path.join(base, row["newspaper_annotated_sgml"]))
        pa_names = [n for n in row["pa_files"].split(";") if n]
        if not pa_names or not text.strip():
            continue
        wire = "\n".join(open(os.path.join(base, row["pa_dir"], n), encoding="latin-1").read() for n in pa_names)
        wire = wire.replace("<", "")
        paper = Article("B", "", text)
        claims = find_claims([Article("A", "", wire), paper])
        in_shared = set()
        for c in claims:
            if len(c.articles) > 1:
                in_shared.update((m.start, m.end) for m in c.members if m.article == "B")
        articles += 1
        for st in statements_of(paper, 1):
            span_tags = tags[st.start:st.end]
            if count_words(st.text) < 4 or not span_tags:
                continue
            reused = sum(t != "New" for t in span_tags) / len(span_tags)
            shared = any(s < st.end and st.start < e for s, e in in_shared)
            if reused >= 0.5:
                derived += 1
                shared_derived += shared
            elif reused <= 0.2:
                new += 1
                shared_new += shared
    print(f"METER derived articles: {articles}")
    print(f"  wire-derived sentences in a claim shared with the wire: {shared_derived / max(1, derived):.1%} "
          f"of {derived}")
    print(f"  new (non-wire) sentences in a claim shared with the wire: {shared_new / max(1, new):.1%} of {new}")


def ecb(folder: str) -> None:
    path = os.path.join(folder, "ecbplus_event_clusters", "clusters.jsonl")
    clusters = [json.loads(line) for line in open(path, encoding="utf-8")]
    by_id = {c["cluster_id"]: c for c in clusters}
    same = same_n = other = other_n = 0
    for c in clusters:
        sibling_id = c["cluster_id"].replace("ecbplus", "ecb") if "ecbplus" in c["cluster_id"] \
            else c["cluster_id"].replace("ecb", "ecbplus")
        sibling = by_id.get(sibling_id)
        docs = c["docs"]
        for i in range(len(docs)):
            for j in range(i + 1, len(docs)):
                claims = find_claims([Article("A", "", docs[i]["text"]), Article("B", "", docs[j]["text"])])
                same += any(len(x.articles) > 1 for x in claims)
                same_n += 1
            if sibling and c["cluster_id"] < sibling_id:
                for other_doc in sibling["docs"]:
                    claims = find_claims([Article("A", "", docs[i]["text"]), Article("B", "", other_doc["text"])])
                    other += any(len(x.articles) > 1 for x in claims)
                    other_n += 1
    print("ECB+ article pairs sharing at least one claim:")
    print(f"  same event: {same / max(1, same_n):.1%} of {same_n};  sibling event (should be low): "
          f"{other / max(1, other_n):.1%} of {other_n}")


def timing(folder: str) -> None:
    base = os.path.join(folder, "meter")
    rows = list(csv.DictReader(open(os.path.join(base, "labels_subset.tsv"), newline="", encoding="utf-8"),
                               delimiter="\t"))
    texts = [open(os.path.join(base, r["newspaper_rawtext"]), encoding="latin-1").read() for r in rows
             if r["catchline"] == "care"]
    pool = texts + [open(os.path.join(base, r["newspaper_rawtext"]), encoding="latin-1").read() for r in rows]
    articles = []
    k = 0
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared",
                                                           "dev-data"))
    parser.add_argument("--quick", action="store_true", help="first 1,000 MSRP pairs only")
    parser.add_argument("--parts", default="timing,msrp,meter,ecb", help="which parts to run")
    args = parser.parse_args()
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
