"""One spelling for matching: British and American variants, and transliterated names.

`match_form(word)` maps a folded word to the form claims are matched on, so "defence" and
"defense", "organised" and "organized", "centre" and "center", "travelled" and "traveled" meet,
and so do the transliterations "Zelenskyy" / "Zelensky" / "Zelenskiy" (`name_form`). Only what the two spellings of one word have in common is changed; the text
shown to the user never is. `name_parts` splits a hyphenated name ("Yong-hyun") into the parts
another outlet may write apart ("Yong Hyun").
"""

from __future__ import annotations

from functools import lru_cache

from ..util import patterns

# Whole words that differ in more than a suffix rule can say (British → American).
_WORDS = {
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "programme": "program", "programmes": "programs", "grey": "gray", "tyre": "tire",
    "tyres": "tires", "kerb": "curb", "plough": "plow", "cheque": "check", "cheques": "checks",
    "storey": "story", "storeys": "stories", "aluminium": "aluminum", "sceptic": "skeptic",
    "sceptical": "skeptical", "manoeuvre": "maneuver", "manoeuvres": "maneuvers",
    "paediatric": "pediatric", "anaesthetic": "anesthetic", "foetus": "fetus", "mould": "mold",
    "moustache": "mustache", "jewellery": "jewelry", "pyjamas": "pajamas", "judgement": "judgment",
    "ageing": "aging", "whilst": "while", "amongst": "among", "towards": "toward",
    # a past tense in -t, British, and in -ed ("I burnt 40 sacks" / "I burned 40 sacks")
    "burnt": "burned", "learnt": "learned", "spelt": "spelled", "dreamt": "dreamed",
    "spilt": "spilled", "spoilt": "spoiled", "leapt": "leaped",
}
# -our → -or, only in these stems (four, hour, tour, pour, your … stay as they are).
_OUR_STEMS = ("colour", "honour", "labour", "favour", "behaviour", "neighbour", "rumour", "humour",
              "harbour", "vapour", "vigour", "valour", "armour", "parlour", "endeavour", "savour",
              "flavour", "splendour", "tumour", "odour", "candour", "clamour", "rancour")
# -tre → -ter
_TRE_STEMS = ("centre", "theatre", "metre", "litre", "fibre", "calibre", "sabre", "spectre", "sombre",
              "kilometre", "centimetre", "millimetre")
# -lled/-lling → -led/-ling after these stems (travelled, cancelled, modelling, …)
_LL_STEMS = ("travel", "cancel", "model", "label", "fuel", "signal", "level", "total", "channel",
             "counsel", "marshal", "quarrel", "equal", "dial", "rival", "tunnel", "shovel", "funnel",
             "jewel", "duel", "pencil", "panel", "parcel", "revel", "libel", "marvel", "cudgel")
# -ise/-isation → -ize/-ization, except in words where "ise" is not that suffix.
_ISE_KEEP = frozenset("""rise arise wise otherwise likewise promise surprise exercise advise advertise
compromise expertise franchise premise merchandise enterprise televise supervise revise devise
disguise comprise despise concise precise paradise noise poise raise praise cruise bruise chemise
treatise demise excise incise improvise circumcise chastise exorcise apprise reprise porpoise
tortoise anise mortise sunrise clockwise lengthwise moonrise""".split())
_ISE_RE = patterns.compile(r"^(?P<stem>\p{L}{3,})is(?P<end>e|ed|es|ing|ation|ations|er|ers)$")
_OGUE_RE = patterns.compile(r"^(?P<stem>catal|dial|anal|monol|epil|prol|travel)ogue(?P<end>s?)$")


@lru_cache(maxsize=65536)
def match_form(word: str) -> str:
    """The American spelling of a folded British word (else the word itself)."""
    if word in _WORDS:
        return _WORDS[word]
    for stem in _OUR_STEMS:
        if word.startswith(stem):
            return stem[:-2] + "r" + word[len(stem):]
    for stem in _TRE_STEMS:
        if word.startswith(stem):
            rest = word[len(stem):]
            return stem[:-2] + "er" + ("e" + rest if rest[:1] == "d" else rest)
    for stem in _LL_STEMS:
        if word.startswith(stem + "l") and word[len(stem) + 1:] in ("ed", "ing", "er", "ers"):
            return stem + word[len(stem) + 1:]
    m = _OGUE_RE.match(word)
    if m:
        return m.group("stem") + "og" + m.group("end")
    m = _ISE_RE.match(word)
    if m:
        base = m.group("stem") + "ise"
        if base not in _ISE_KEEP and not any(base.endswith(k) for k in _ISE_KEEP if len(k) >= 6):
            return m.group("stem") + "iz" + m.group("end")
    return word


_ENDING_RE = patterns.compile(r"(?<=\p{L}{3})(?:yy|iy|yi|ii)$")
_HYPHEN_RE = patterns.compile(r"[-‐‑]")


@lru_cache(maxsize=65536)
def name_form(word: str) -> str:
    """A transliteration-proof form of a folded word: a final -yy, -iy, -yi or -ii as -y
    ("zelenskyy", "zelenskiy" → "zelensky"). Applied to every word, capitalised or not, so a
    name at the start of a sentence meets the same name inside one."""
    return _ENDING_RE.sub("y", word)


def name_parts(word: str) -> list[str]:
    """The parts of a hyphenated name ("yong-hyun" → ["yong", "hyun"]); [] when there are none."""
    parts = [p for p in _HYPHEN_RE.split(word) if p]
    return parts if len(parts) > 1 else []
