"""Language of an article (stopword vote), its stopwords and a Snowball stemmer.

Detection counts the most common function words of each supported language; it needs no model and
falls back to English. Supported: en, fr, es, de, it, pt, nl. Stemming uses `snowballstemmer`
(pure Python, BSD licence).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Callable

import snowballstemmer

from .tokens import fold

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

_STOPWORDS_TEXT = {
    "en": """a about above after again against all also am an and any are as at be because been before
        being below between both but by can could did do does doing down during each few for from
        further had has have having he her here hers herself him himself his how i if in into is it its
        itself just me more most my myself no nor not now of off on once only or other our ours
        ourselves out over own same she should so some such than that the their theirs them themselves
        then there these they this those through to too under until up very was we were what when where
        which while who whom why will with would you your yours yourself yourselves us may might must
        shall upon would'nt it's he's she's that's there's they're we're i'm don't didn't doesn't isn't
        wasn't weren't won't can't couldn't wouldn't one two per via""",
    "fr": """au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me même
        mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu
        un une vos votre vous c d j l à m n s t y été étée étés être est sont était ont avait a ai été
        cette cet comme plus aussi fait sans entre dont où""",
    "es": """a al algo como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre
        era es esa ese eso esta este esto estos fue ha han hasta la las le les lo los más me mi mis muy
        nada ni no nos o os para pero por porque que quien se sea ser si sin sobre su sus también te ti
        tu un una uno unos y ya está están había son""",
    "de": """aber alle als also am an auch auf aus bei bin bis bist da damit dann der den des dem die das
        dass du durch ein eine einem einen einer eines er es für hat hatte ich ihr ihre im in ist ja kann
        kein mit nach nicht noch nur oder sich sie sind so über um und uns unter vom von vor war waren
        was wie wir wird wurde zu zum zur gegen seit sein seine werden""",
    "it": """a ad al alla alle anche che chi con da dal dalla degli dei del della delle di e ed gli ha hanno
        i il in io la le lei lo loro lui ma mi ne nel nella noi non o per più quale quando questa questo
        se si sono su sua suo tra un una uno è era erano stato""",
    "pt": """a ao aos as com como da das de do dos e ela ele eles em entre era foi há isso mais mas me mesmo
        na nas no nos o os ou para pela pelo por que quando se sem ser seu sua são também um uma à é
        está estão tem""",
    "nl": """aan al als bij dat de den der die dit door een en er het hij hem hun ik in is je maar met na
        naar niet nog of om onder ook op over te tegen tot uit van voor was wat we werd wij worden zal
        ze zich zij zijn""",
}
STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(fold(w) for w in text.split()) for lang, text in _STOPWORDS_TEXT.items()
}
_SNOWBALL_NAMES = {"en": "english", "fr": "french", "es": "spanish", "de": "german",
                   "it": "italian", "pt": "portuguese", "nl": "dutch"}
_SAMPLE_WORDS = 3000


def detect_language(text: str) -> str:
    """ISO 639-1 code of the most likely supported language of `text`; "en" when unsure."""
    counts: Counter[str] = Counter()
    for word, n in Counter(_WORD_RE.findall(text, 0, 20000)[:_SAMPLE_WORDS]).items():
        counts[fold(word)] += n  # each distinct word folded once
    if not counts:
        return "en"
    scores = {lang: sum(counts[w] for w in stops if w in counts) for lang, stops in STOPWORDS.items()}
    best = max(sorted(scores), key=lambda lang: scores[lang])
    # A clear majority of function words is needed to leave English.
    if best != "en" and scores[best] >= max(3, 1.3 * scores["en"]):
        return best
    return "en"


def stopwords(language: str) -> frozenset[str]:
    """Folded function words of `language` (English ones for unsupported languages)."""
    return STOPWORDS.get(language, STOPWORDS["en"])


@lru_cache(maxsize=16)
def stemmer(language: str) -> Callable[[str], str]:
    """A cached Snowball stemming function for `language` (identity for unsupported ones)."""
    name = _SNOWBALL_NAMES.get(language)
    if name is None:
        return lambda word: word
    algorithm = snowballstemmer.stemmer(name)
    return lru_cache(maxsize=65536)(algorithm.stemWord)
