"""Offline English synonyms from WordNet 3.0, with inflection handling.

The table `data/wordnet_synonyms.tsv.gz` (about 1.8 MB, built by tools/build_synonyms.py, WordNet
licence in its header) ships inside the package; it is read once, lazily, on first use. Words are
reduced to their WordNet base forms (irregular lists plus the "morphy" suffix rules), so
"troopers"/"soldiers" and "mentioned"/"said" are compared as lemmas.

Two words are synonyms when one of their common senses is shared (score 1.0) or when a sense of one
is directly linked to a sense of the other (hypernym/hyponym, similar-to, also-see, verb group,
participle, derivation, pertainym; score 0.8). Senses two steps apart score 0.5 (related, not
synonyms). A link needs a frequent sense on at least one side, which keeps two rare senses
("gentle" as a verb for taming horses) from linking unrelated words.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from threading import Lock

from ..util.bundled import synonym_table_path
from .tokens import fold

# Most frequent senses of a word that count, per part of speech (adjectives spread over more senses).
_SENSES_PER_POS = {"n": 4, "v": 5, "a": 6, "r": 3}
SAME_SENSE, LINKED_SENSE, NEAR_SENSE = 1.0, 0.8, 0.5
SYNONYM_THRESHOLD = 0.75   # are_synonyms: a shared or directly linked sense

_MORPHY_RULES = {
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}


class _WordNet:
    """The loaded table: raw synset and word lines, parsed on demand; irregular forms."""

    def __init__(self) -> None:
        text = gzip.decompress(synonym_table_path().read_bytes()).decode("utf-8")
        # tools/build_synonyms.py writes all synset lines, then all word lines, then the irregular
        # forms: the first two blocks are split in bulk (the whole load takes a quarter less time
        # than a loop over every line; a test checks both read the same).
        s0, w0, x0 = (text.index(f"\n{kind}\t") + 1 for kind in "SWX")
        self._synsets: list[str] = text[s0:w0 - 1].split("\n")  # "S\tlemma lemma\trel,rel"
        cells = iter(text[w0 + 2:x0 - 1].replace("\nW\t", "\t").split("\t"))
        self._words: dict[str, str] = dict(zip(cells, cells))   # word -> "n:1,2;v:7"
        self.irregular: dict[str, dict[str, list[str]]] = {p: {} for p in _MORPHY_RULES}
        for line in text[x0:].split("\n"):
            if line[:1] == "X":
                _, pos, form, base = line.split("\t")
                self.irregular[pos].setdefault(form, []).append(base)

    def has(self, word: str, pos: str) -> bool:
        """True if WordNet lists `word` as a lemma of part of speech `pos`."""
        entry = self._words.get(word)
        return entry is not None and (entry.startswith(pos + ":") or (";" + pos + ":") in entry)

    def entry(self, word: str) -> str:
        """The word's raw senses per part of speech ("n:1,2;v:7"), "" when WordNet lacks it."""
        return self._words.get(word, "")

    def senses(self, word: str, pos: str) -> tuple[int, ...]:
        """Synset numbers of `word` as `pos`, most frequent first."""
        for part in self._words.get(word, "").split(";"):
            if part.startswith(pos + ":"):
                return tuple(int(i) for i in part[2:].split(",") if i)
        return ()

    def lemmas(self, synset: int) -> tuple[str, ...]:
        """The single-word lemmas of a synset."""
        return tuple(self._synsets[synset].split("\t")[1].split())

    def links(self, synset: int) -> tuple[int, ...]:
        """Synsets directly linked to `synset` (either direction)."""
        rels = self._synsets[synset].split("\t")[2]
        return tuple(int(r) for r in rels.split(",")) if rels else ()

    def base_forms(self, word: str) -> dict[str, list[str]]:
        """WordNet base forms of `word` per part of speech (morphy)."""
        out: dict[str, list[str]] = {}
        for pos, rules in _MORPHY_RULES.items():
            forms = list(self.irregular[pos].get(word, ()))
            if self.has(word, pos):
                forms.append(word)
            for suffix, repl in rules:
                if word.endswith(suffix) and len(word) > len(suffix) + 1:
                    cand = word[: len(word) - len(suffix)] + repl
                    if self.has(cand, pos):
                        forms.append(cand)
            if forms:
                out[pos] = list(dict.fromkeys(forms))
        return out


_lock = Lock()
_wordnet: _WordNet | None = None


def _wn() -> _WordNet:
    global _wordnet
    if _wordnet is None:
        with _lock:
            if _wordnet is None:
                _wordnet = _WordNet()
    return _wordnet


def preload() -> None:
    """Load the synonym table now (it is otherwise loaded on first use)."""
    _wn()


@lru_cache(maxsize=65536)
def _base_forms(folded: str) -> dict[str, list[str]]:
    """`_WordNet.base_forms` of a folded word, once per word (lemmas and senses both need them)."""
    return _wn().base_forms(folded)


@lru_cache(maxsize=16384)
def singular(word: str) -> str:
    """A plural noun's singular, folded: WordNet's ("foxes" → "fox", "women" → "woman", "glasses"
    → "glass"); a word WordNet has as a noun of no other base stays ("news", "boss"); a word it
    lacks loses a final "s"."""
    f = fold(word)
    irregular = _wn().irregular["n"].get(f)
    if irregular:
        return irregular[0]
    forms = _base_forms(f).get("n", [])
    if f.endswith("ss") or (f in forms and not f.endswith("s")):
        return f
    other = [b for b in forms if b != f]
    if other:
        return other[0]
    return f if forms or not f.endswith("s") or len(f) <= 3 else f[:-1]


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """WordNet base forms of a word ("troopers" → {"trooper"}); empty if WordNet lacks it."""
    return frozenset(b for forms in _base_forms(fold(word)).values() for b in forms)


@lru_cache(maxsize=65536)
def _senses(word: str, frequent_only: bool = True) -> frozenset[int]:
    wn = _wn()
    out: set[int] = set()
    for pos, forms in _base_forms(fold(word)).items():
        for base in forms:
            ids = wn.senses(base, pos)
            out.update(ids[: _SENSES_PER_POS[pos]] if frequent_only else ids)
    return frozenset(out)


@lru_cache(maxsize=65536)
def _linked(word: str) -> frozenset[int]:
    wn = _wn()
    out: set[int] = set()
    for s in _senses(word):
        out.update(wn.links(s))
    return frozenset(out)


@lru_cache(maxsize=65536)
def synonym_senses(word: str) -> frozenset[int]:
    """The senses whose lemmas make `synonyms(word)`: its frequent senses and those directly linked
    to them (WordNet synset numbers)."""
    return _senses(word) | _linked(word)


@lru_cache(maxsize=65536)
def lemma_senses(form: str) -> frozenset[int]:
    """Every sense that has `form` itself as a lemma, in any part of speech (no inflection
    handling): `form` is in `synonyms(w)` exactly when these meet `synonym_senses(w)` or `form` is
    one of `lemmas(w)`, which lets bulk callers test many words at once without the word sets."""
    out: set[int] = set()
    for part in _wn().entry(form).split(";"):
        out.update(int(i) for i in part[2:].split(",") if i)
    return frozenset(out)


@lru_cache(maxsize=65536)
def synonyms(word: str) -> frozenset[str]:
    """Folded words sharing or directly linked to a frequent sense of `word` (its lemmas included)."""
    wn = _wn()
    return frozenset(w for s in synonym_senses(word) for w in wn.lemmas(s)) | lemmas(word)


def synonym_score(a: str, b: str) -> float:
    """Symmetric 0..1: 1.0 same lemma or shared sense, 0.8 directly linked senses, 0.5 senses with a
    common neighbour (siblings, two steps; too loose for are_synonyms), else 0.0."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return 1.0
    return _pair_score(*sorted((fa, fb)))


@lru_cache(maxsize=262144)
def _pair_score(a: str, b: str) -> float:
    sa, sb = _senses(a), _senses(b)
    if not sa or not sb:
        return 0.0
    if sa & sb or lemmas(a) & lemmas(b):
        return SAME_SENSE
    # A frequent sense of one word against any sense of the other ("gentle" ~ a rarer "light").
    wa, wb = _senses(a, False), _senses(b, False)
    if sa & wb or sb & wa:
        return SAME_SENSE
    la, lb = _linked(a), _linked(b)
    if wa & lb or wb & la:
        return LINKED_SENSE
    if la & lb:
        return NEAR_SENSE
    return 0.0


def are_synonyms(a: str, b: str) -> bool:
    """True when `a` and `b` share a frequent sense or have directly linked senses (any inflection)."""
    return synonym_score(a, b) >= SYNONYM_THRESHOLD

