"""Words of offers and needs for partner recommendations: German, stemmed, compound-aware (no Django).

Texts are split and stemmed with :mod:`wandelwerk.engines.text` (Snowball German, umlauts folded),
short words (< 3 letters) and common function words are dropped. Two stems *fit* when

* they are equal — weight ``EXACT`` (1.0);
* one ends with the other, which is then at least ``MIN_PART`` letters long — the shorter word is the
  *head* of a German compound: an offered "Werkstattraum" is a kind of "Raum", a "Holzwerkstatt" is a
  "Werkstatt" — weight ``HEAD`` (0.75);
* one starts with the other (at least ``MIN_PART`` letters) — the shorter word is a *modifier*:
  "Werkstattraum" is related to "Werkstatt", "Räumlichkeiten" to "Raum" — weight ``MODIFIER`` (0.4).

The :class:`Vocabulary` keeps all stems sorted forwards and backwards, so the stems fitting a word are
found by binary search (prefix ranges) and dictionary look-ups of the word's own prefixes and
suffixes — never by scanning the vocabulary.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from wandelwerk.engines.text import stem

EXACT, HEAD, MODIFIER = 1.0, 0.75, 0.4
MIN_PART = 4
MIN_WORD = 3
KIND_OF_WEIGHT = {EXACT: "exact", HEAD: "head", MODIFIER: "modifier"}

IntArray = npt.NDArray[np.int64]

_STOPWORDS = frozenset(
    """aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim bin bis
    bitte da damit dann das dass dem den denen der des die dies diese diesem diesen dieser dieses doch
    dort du durch ein eine einem einen einer eines etwa euch euer eure fur für gegen gibt hat haben hier
    ihr ihre im in ins ist ja je jede jeden jeder jedes kann kein keine mehr mit nach neue neuen nicht
    noch nur oder ohne sehr sich sie sind so soll sowie suche suchen bieten biete über uber um und uns
    unser unsere unter viel vom von vor wann war was weil weiter weitere wenn wer wie wir wird wo zu zum
    zur zwischen zb usw etc""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> list[tuple[str, str]]:
    """Distinct (stem, word as written) pairs of ``text`` in order of first appearance, without
    function words and words shorter than ``MIN_WORD`` letters (numbers are dropped too)."""
    return list(_words(text))


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[tuple[str, str], ...]:
    seen: dict[str, str] = {}
    for word in _WORD.findall(text):
        folded = word.casefold()
        if len(folded) < MIN_WORD or folded.isdigit() or folded in _STOPWORDS:
            continue
        token = stem(folded)
        if len(token) >= MIN_WORD and token not in _STOPWORDS:
            seen.setdefault(token, word)
    return tuple(seen.items())


def fit(a: str, b: str) -> float:
    """How well the stems ``a`` and ``b`` fit (EXACT, HEAD, MODIFIER or 0.0); symmetric."""
    if a == b:
        return EXACT
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < MIN_PART:
        return 0.0
    if long_.endswith(short):
        return HEAD
    if long_.startswith(short):
        return MODIFIER
    return 0.0


@dataclass(frozen=True, slots=True, eq=False)
class Vocabulary:
    """Distinct stems with a readable form each (the first spelling seen); ``terms[i]`` is term id i.

    Build it with :func:`build_vocabulary`; ids are positions in ``terms``, which is sorted.
    """

    terms: tuple[str, ...]
    display: tuple[str, ...]
    _ids: dict[str, int] = field(repr=False)
    _reversed: tuple[str, ...] = field(repr=False)
    _reversed_ids: tuple[int, ...] = field(repr=False)

    def __len__(self) -> int:
        return len(self.terms)

    def id_of(self, term: str) -> int | None:
        return self._ids.get(term)

    def related(self, term: str) -> dict[int, float]:
        """{term id: fit weight} of every vocabulary stem that fits ``term`` (which need not be in
        the vocabulary)."""
        found: dict[int, float] = {}
        own = self._ids.get(term)
        if own is not None:
            found[own] = EXACT
        if len(term) < MIN_PART:
            return found

        def put(term_id: int, weight: float) -> None:
            if found.get(term_id, 0.0) < weight:
                found[term_id] = weight

        # longer stems starting / ending with ``term``
        lo = bisect_left(self.terms, term)
        hi = bisect_right(self.terms, term + "\U0010ffff")
        for i in range(lo, hi):
            if i != own:
                put(i, HEAD if self.terms[i].endswith(term) else MODIFIER)
        rev = term[::-1]
        lo = bisect_left(self._reversed, rev)
        hi = bisect_right(self._reversed, rev + "\U0010ffff")
        for i in range(lo, hi):
            term_id = self._reversed_ids[i]
            if term_id != own:
                put(term_id, HEAD)
        # shorter stems that are a prefix / suffix of ``term``
        for length in range(MIN_PART, len(term)):
            head = self._ids.get(term[-length:])
            if head is not None:
                put(head, HEAD)
            modifier = self._ids.get(term[:length])
            if modifier is not None:
                put(modifier, MODIFIER)
        return found


def build_vocabulary(pairs: Iterable[tuple[str, str]]) -> Vocabulary:
    """Vocabulary of the (stem, word as written) pairs; a stem's display is its most frequent
    spelling (capitalised spellings first on a tie, then alphabetical)."""
    spellings: dict[str, Counter[str]] = {}
    for token, written in pairs:
        spellings.setdefault(token, Counter())[written] += 1
    display = {
        token: min(c.items(), key=lambda kv: (-kv[1], not kv[0][:1].isupper(), kv[0]))[0]
        for token, c in spellings.items()
    }
    terms = tuple(sorted(display))
    ids = {t: i for i, t in enumerate(terms)}
    rev_order = sorted(range(len(terms)), key=lambda i: terms[i][::-1])
    return Vocabulary(
        terms,
        tuple(display[t] for t in terms),
        ids,
        tuple(terms[i][::-1] for i in rev_order),
        tuple(rev_order),
    )


@dataclass(frozen=True, slots=True, eq=False)
class EncodedTexts:
    """Per actor, the term ids of its offers and of its needs as CSR arrays (sorted, distinct)."""

    vocabulary: Vocabulary
    offer_indptr: IntArray
    offer_terms: IntArray
    need_indptr: IntArray
    need_terms: IntArray


def _csr(rows: Sequence[Sequence[list[tuple[str, str]]]], ids: dict[str, int]) -> tuple[IntArray, IntArray]:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    out: list[int] = []
    for i, texts in enumerate(rows):
        row = sorted({ids[token] for pairs in texts for token, _ in pairs})
        out.extend(row)
        indptr[i + 1] = len(out)
    return indptr, np.asarray(out, dtype=np.int64)


def encode_texts(offers: Sequence[Sequence[str]], needs: Sequence[Sequence[str]]) -> EncodedTexts:
    """Stem the offer and need texts of each actor (``offers[i]`` are actor i's offer texts) into a
    shared vocabulary and CSR arrays of term ids."""
    if len(offers) != len(needs):
        raise ValueError(f"offers has {len(offers)} actors but needs has {len(needs)}")
    offer_words = [[words(t) for t in texts] for texts in offers]
    need_words = [[words(t) for t in texts] for texts in needs]
    vocabulary = build_vocabulary(
        pair for rows in (offer_words, need_words) for texts in rows for pairs in texts for pair in pairs
    )
    o_ptr, o_terms = _csr(offer_words, vocabulary._ids)
    n_ptr, n_terms = _csr(need_words, vocabulary._ids)
    return EncodedTexts(vocabulary, o_ptr, o_terms, n_ptr, n_terms)
