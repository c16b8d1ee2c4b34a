"""Word-level diff with diff-match-patch, never truncated.

diff-match-patch compares characters, so each token (word, whitespace run or
punctuation mark, see `tokens.py`) is mapped to one private-use character, the
encoded strings are diffed, `diff_cleanupSemantic` runs on the encoded diff
(afterwards it would split words again), and the result is mapped back.

The diff is never cut short: `Diff_Timeout` is 0 (no time limit), and long
texts are first anchored on tokens that occur exactly once in each text
(patience diff; where there is none, on the occurrences of the rarest token
both hold), so Myers' algorithm only runs on the short gaps between
anchors; each gap is diffed and semantically cleaned on its own. Google's C++
implementation (`fast-diff-match-patch`) does that where it is installed, the
pure-Python package elsewhere; both get the same gaps and run the same
algorithm, so both give the same diff (a test checks it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import diff_match_patch as _dmp_mod

from ..text.tokens import text_pieces
from ..util.cancel import CancelCheck, check
from .sequences import longest_increasing

try:  # Google's C++ diff-match-patch, where a wheel exists
    import fast_diff_match_patch as _fast
except ImportError:  # pragma: no cover - depends on the platform
    _fast = None

EQUAL, DELETE, INSERT = "=", "-", "+"
Ops = list[tuple[str, str]]

# Gaps up to this many tokens (both sides together) go straight to Myers.
_DIRECT_LIMIT = 4000

# Private-use code points: neither letters nor spaces for either backend's
# semantic cleanup, so it treats every token alike.
_PUA_RANGES = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))
_MAX_DISTINCT = sum(hi - lo + 1 for lo, hi in _PUA_RANGES)


def _code_point(n: int) -> str:
    for lo, hi in _PUA_RANGES:
        if n <= hi - lo:
            return chr(lo + n)
        n -= hi - lo + 1
    raise ValueError(f"more than {_MAX_DISTINCT:,} distinct words: too large to compare")


@dataclass(frozen=True, slots=True)
class DiffChunk:
    """A run of the diff in Meld's shape: `a[a_start:a_end]` vs `b[b_start:b_end]`.

    `tag` is "equal", "delete", "insert" or "replace" (a deletion directly
    followed by an insertion).
    """

    tag: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def available_backends() -> list[str]:
    """Backends usable here, fastest first: "cpp" and/or "python"."""
    return (["cpp"] if _fast is not None else []) + ["python"]


def default_backend() -> str:
    """The fastest available backend."""
    return available_backends()[0]


@lru_cache(maxsize=1)
def _python_dmp() -> "_dmp_mod.diff_match_patch":
    dmp = _dmp_mod.diff_match_patch()
    dmp.Diff_Timeout = 0  # never return a truncated diff
    return dmp


def _myers(a: str, b: str, backend: str) -> Ops:
    """Semantically cleaned character diff of two encoded strings (one gap)."""
    if backend == "cpp":
        return list(_fast.diff(a, b, timelimit=0, checklines=False,
                               cleanup="Semantic", counts_only=False))
    dmp = _python_dmp()
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return [({0: EQUAL, -1: DELETE, 1: INSERT}[op], text) for op, text in diffs]


def _unique_anchors(a: str, b: str) -> list[tuple[int, int]]:
    """Positions of characters unique in both strings, longest increasing run.

    Patience diff: pair up characters that occur exactly once in each string,
    keep the longest subsequence in order on both sides.
    """
    count_a, count_b = Counter(a), Counter(b)  # counted in C
    both = {ch for ch, n in count_b.items() if n == 1 and count_a.get(ch) == 1}
    if not both:
        return []
    pos_b = {ch: b.index(ch) for ch in both} if len(both) < 64 else \
        {ch: j for j, ch in enumerate(b) if ch in both}
    pairs = [(i, pos_b[ch]) for i, ch in enumerate(a) if ch in both]
    return [pairs[k] for k in longest_increasing([j for _, j in pairs])]


def _rarest_anchors(a: str, b: str) -> list[tuple[int, int]]:
    """Where no token occurs once in each (texts that repeat a few sentences), the occurrences
    of the rarest token both hold, paired in order: Myers' time grows with the product of a gap's
    length and its edit distance, which such texts make both long (two 36,000-word texts of one
    repeated sentence each took 6.3 s to diff in one call). Real prose always has unique tokens."""
    count_a, count_b = Counter(a), Counter(b)
    common = [ch for ch in count_a if ch in count_b]
    if not common:
        return []
    rare = min(common, key=lambda ch: (max(count_a[ch], count_b[ch]), ch))
    pos_a = [i for i, ch in enumerate(a) if ch == rare]
    pos_b = [j for j, ch in enumerate(b) if ch == rare]
    return list(zip(pos_a, pos_b))


def _anchored(a: str, b: str, backend: str, cancelled: CancelCheck) -> Ops:
    """Raw diff of encoded strings, anchoring long inputs on unique tokens."""
    # Common prefix and suffix never need Myers.
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    s = 0
    while s < n - p and a[-1 - s] == b[-1 - s]:
        s += 1
    head = [(EQUAL, a[:p])] if p else []
    tail = [(EQUAL, a[len(a) - s:])] if s else []
    a_mid, b_mid = a[p:len(a) - s], b[p:len(b) - s]
    if not a_mid and not b_mid:
        return head + tail
    if len(a_mid) + len(b_mid) <= _DIRECT_LIMIT or not a_mid or not b_mid:
        return head + _myers(a_mid, b_mid, backend) + tail
    anchors = _unique_anchors(a_mid, b_mid) or _rarest_anchors(a_mid, b_mid)
    if not anchors:
        return head + _myers(a_mid, b_mid, backend) + tail
    body: Ops = []
    ia = ib = 0
    for i, j in anchors:
        check(cancelled)
        if i > ia or j > ib:
            body.extend(_anchored(a_mid[ia:i], b_mid[ib:j], backend, cancelled))
        body.append((EQUAL, a_mid[i]))
        ia, ib = i + 1, j + 1
    if ia < len(a_mid) or ib < len(b_mid):
        body.extend(_anchored(a_mid[ia:], b_mid[ib:], backend, cancelled))
    return head + body + tail


def _merge(ops: Ops) -> Ops:
    """Join neighbours of the same kind; order each edit as delete, insert."""
    out: Ops = []
    dels: list[str] = []
    ins: list[str] = []
    for op, text in ops:
        if not text:
            continue
        if op == DELETE:
            dels.append(text)
        elif op == INSERT:
            ins.append(text)
        else:
            if dels:
                out.append((DELETE, "".join(dels)))
            if ins:
                out.append((INSERT, "".join(ins)))
            dels, ins = [], []
            if out and out[-1][0] == EQUAL:
                out[-1] = (EQUAL, out[-1][1] + text)
            else:
                out.append((EQUAL, text))
    if dels:
        out.append((DELETE, "".join(dels)))
    if ins:
        out.append((INSERT, "".join(ins)))
    return out


def encode_tokens(a_pieces: list[str], b_pieces: list[str]) -> tuple[str, str]:
    """Map each distinct piece to one private-use character, for both sides."""
    table = dict.fromkeys(a_pieces)
    table.update(dict.fromkeys(b_pieces))
    if len(table) > _MAX_DISTINCT:
        raise ValueError(f"more than {_MAX_DISTINCT:,} distinct words: too large to compare")
    for n, piece in enumerate(table):
        table[piece] = _code_point(n)
    lookup = table.__getitem__
    return "".join(map(lookup, a_pieces)), "".join(map(lookup, b_pieces))


def word_diff(a: str, b: str, *, backend: str | None = None,
              cancelled: CancelCheck = None) -> Ops:
    """Word-level diff of `a` → `b` as (op, text) pieces, op in "=", "-", "+".

    Joining the "=" and "-" pieces gives `a`; joining "=" and "+" gives `b`.
    Every edit starts and ends on a token boundary, never inside a word.
    """
    backend = backend or default_backend()
    if backend not in available_backends():
        raise ValueError(f"diff backend {backend!r} is not available")
    a_pieces = text_pieces(a)
    b_pieces = text_pieces(b)
    ea, eb = encode_tokens(a_pieces, b_pieces)
    encoded = _merge(_anchored(ea, eb, backend, cancelled))
    check(cancelled)
    # Map back by consuming each side's own pieces, so the texts rebuild exactly.
    out: Ops = []
    ia = ib = 0
    for op, chars in encoded:
        n = len(chars)
        if op == INSERT:
            out.append((op, "".join(b_pieces[ib:ib + n])))
            ib += n
        else:
            out.append((op, "".join(a_pieces[ia:ia + n])))
            ia += n
            if op == EQUAL:
                ib += n
    return out


def diff_chunks(ops: Ops) -> list[DiffChunk]:
    """The diff as chunks with offsets into both texts (Meld's DiffChunk)."""
    chunks: list[DiffChunk] = []
    ia = ib = 0
    k = 0
    while k < len(ops):
        op, text = ops[k]
        if op == EQUAL:
            chunks.append(DiffChunk("equal", ia, ia + len(text), ib, ib + len(text)))
            ia += len(text)
            ib += len(text)
        elif op == DELETE and k + 1 < len(ops) and ops[k + 1][0] == INSERT:
            ins = ops[k + 1][1]
            chunks.append(DiffChunk("replace", ia, ia + len(text), ib, ib + len(ins)))
            ia += len(text)
            ib += len(ins)
            k += 1
        elif op == DELETE:
            chunks.append(DiffChunk("delete", ia, ia + len(text), ib, ib))
            ia += len(text)
        else:
            chunks.append(DiffChunk("insert", ia, ia, ib, ib + len(text)))
            ib += len(text)
        k += 1
    return chunks


def invert(ops: Ops) -> Ops:
    """The diff of b → a from the diff of a → b."""
    swap = {EQUAL: EQUAL, DELETE: INSERT, INSERT: DELETE}
    return _merge([(swap[op], text) for op, text in ops])
