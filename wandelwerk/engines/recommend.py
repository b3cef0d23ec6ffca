"""Partner recommendations: who fits an actor or a project's open needs, and why (no Django).

Build a :class:`~wandelwerk.engines.recommend_index.RecommendIndex` once, then ask
:func:`recommend`. Only actors sharing a (compound-aware) word between offers and needs, or a topic,
are candidates; they are found through inverted postings, so a query touches only them.

Score of a candidate (all parts in [0, 1], weights from :class:`Weights`)::

    score = they_offer · share of my needs their offers fit (best fit per need: 1 / 0.75 / 0.4)
          + we_offer   · share of their needs my offers fit
          + topics     · share of my topics they share
          + proximity  · 1 / (1 + km / half_km)            (0 when either location is unknown)
          + isolated   · [a new tie would connect an actor that has none]
          + rural      · [either side is in a rural area]
          + other_component · [both have ties, in different components]
          + other_community · [same component, different Louvain community]

Bridging parts count only when the index has tie data (``network_known``). Scores are rounded to
1e-9; equal scores are ordered by actor id. The actor itself and its existing partners are never
suggested.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from wandelwerk.engines.recommend_index import (
    BoolArray,
    FloatArray,
    IntArray,
    RecommendIndex,
    distance_km,
    positions_within,
)
from wandelwerk.engines.recommend_scorers import FitScorer, LexicalScorer, Seeker, WordMatch

__all__ = ["Bridging", "ScoreParts", "Suggestion", "Weights", "WordMatch", "recommend", "seeker_for"]


@dataclass(frozen=True, slots=True)
class Weights:
    # complementarity first: an offer that fits a need outweighs shared topics and nearness
    they_offer: float = 0.4
    we_offer: float = 0.22
    topics: float = 0.1
    proximity: float = 0.15
    half_km: float = 25.0
    isolated: float = 0.05
    rural: float = 0.03
    other_component: float = 0.04
    other_community: float = 0.03


WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class ScoreParts:
    """The weighted parts whose sum is the score."""

    they_offer: float
    we_offer: float
    topics: float
    proximity: float
    bridging: float


@dataclass(frozen=True, slots=True)
class Bridging:
    """What a new tie to this candidate would add to the network. ``community`` is the candidate's
    community id (-1 unknown), for naming it ("würde euch mit dem Netzwerk Freiberg verbinden")."""

    connects_isolated: bool = False
    connects_rural: bool = False
    other_component: bool = False
    other_community: bool = False
    community: int = -1

    @property
    def any(self) -> bool:
        return self.connects_isolated or self.connects_rural or self.other_component or self.other_community


@dataclass(frozen=True, slots=True)
class Suggestion:
    actor_id: int
    score: float
    parts: ScoreParts
    they_offer: tuple[WordMatch, ...]  # their offers fitting my needs
    we_offer: tuple[WordMatch, ...]  # my offers fitting their needs
    shared_topics: tuple[int, ...]
    distance_km: float | None
    bridging: Bridging


def seeker_for(index: RecommendIndex, actor_id: int) -> Seeker:
    """The query side for an indexed actor: its needs, offers, topics, place and network position;
    its existing partners are excluded."""
    pos = index.position(actor_id)
    vocab = index.vocabulary
    need_ids = index.row(index.need_indptr, index.need_terms, pos)
    partners = index.tie_indices[index.tie_indptr[pos] : index.tie_indptr[pos + 1]]
    return Seeker(
        needs=tuple((vocab.terms[t], vocab.display[t]) for t in need_ids.tolist()),
        offers=tuple(
            (vocab.terms[t], vocab.display[t])
            for t in index.row(index.offer_indptr, index.offer_terms, pos).tolist()
        ),
        topics=tuple(index.row(index.topic_indptr, index.topic_ids, pos).tolist()),
        lat=float(index.lat[pos]) if index.located[pos] else None,
        lon=float(index.lon[pos]) if index.located[pos] else None,
        rural=bool(index.rural[pos]),
        position=pos,
        exclude=frozenset([pos, *partners.tolist()]),
    )


def recommend(
    index: RecommendIndex,
    *,
    for_actor: int | None = None,
    seeker: Seeker | None = None,
    limit: int = 10,
    max_km: float | None = None,
    exclude_ids: Collection[int] = (),
    weights: Weights = WEIGHTS,
    scorer: FitScorer | None = None,
) -> list[Suggestion]:
    """Top ``limit`` partners for the indexed actor ``for_actor`` or for ``seeker`` (e.g. a project's
    open needs: ``Seeker.from_texts``), best first. ``max_km`` keeps only located candidates within
    that distance (ignored when the seeker has no location). Raises KeyError for an actor id that is
    not indexed and ValueError when neither or both of ``for_actor`` and ``seeker`` are given."""
    if (for_actor is None) == (seeker is None):
        raise ValueError("give exactly one of for_actor and seeker")
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    me = seeker_for(index, for_actor) if for_actor is not None else seeker
    assert me is not None
    return rank(
        index, me, limit=limit, max_km=max_km, exclude_ids=exclude_ids, weights=weights, scorer=scorer
    )


def _bridging_arrays(
    index: RecommendIndex, me: Seeker, cand: IntArray
) -> tuple[BoolArray, BoolArray, BoolArray, BoolArray]:
    none = np.zeros(cand.shape[0], dtype=np.bool_)
    if not index.network_known:
        return none, none, none, none
    deg = index.degree[cand]
    rural = index.rural[cand] | bool(me.rural)
    if me.position is None:
        return deg == 0, rural, none, none
    p = me.position
    my_deg = int(index.degree[p])
    if my_deg == 0:
        return np.ones(cand.shape[0], dtype=np.bool_), rural, none, none
    comp, comm = index.component[cand], index.community[cand]
    tied = deg > 0
    known_comp = (comp >= 0) & (int(index.component[p]) >= 0)
    other_comp = tied & known_comp & (comp != int(index.component[p]))
    other_comm = (
        tied & ~other_comp & (comm >= 0) & (int(index.community[p]) >= 0) & (comm != int(index.community[p]))
    )
    return deg == 0, rural, other_comp, other_comm


def rank(
    index: RecommendIndex,
    me: Seeker,
    *,
    limit: int = 10,
    max_km: float | None = None,
    exclude_ids: Collection[int] = (),
    weights: Weights = WEIGHTS,
    scorer: FitScorer | None = None,
) -> list[Suggestion]:
    """The ranking behind :func:`recommend` for an explicit seeker."""
    scorer = scorer or LexicalScorer()
    n = index.size
    if n == 0:
        return []
    fit = scorer.score(index, me)
    touched = fit.touched
    shared = np.zeros(n, dtype=np.int32)
    for topic in sorted(set(me.topics)):
        hit = index.actors_by_topic.get(topic)
        shared[hit] += 1
        touched[hit] = True
    located = me.lat is not None and me.lon is not None
    if max_km is not None and located:
        near = np.zeros(n, dtype=np.bool_)
        near[positions_within(index, float(me.lat or 0.0), float(me.lon or 0.0), max_km)] = True
        touched &= near
    for pos in me.exclude:
        touched[pos] = False
    for actor_id in exclude_ids:
        k = int(np.searchsorted(index.actor_ids, actor_id))
        if k < n and int(index.actor_ids[k]) == actor_id:
            touched[k] = False
    cand = np.flatnonzero(touched)
    dist: FloatArray | None = None
    if located and max_km is not None:
        dist = _distances(index, me, cand)
        keep = dist <= max_km  # NaN (unknown location) fails too
        cand, dist = cand[keep], dist[keep]
    they = fit.they_offer[cand] / max(len(me.needs), 1)
    need_count = index.need_count[cand]
    we = np.divide(fit.we_offer[cand], need_count, out=np.zeros(cand.shape[0]), where=need_count > 0)
    topics = shared[cand] / max(len(set(me.topics)), 1)
    base = weights.they_offer * they + weights.we_offer * we + weights.topics * topics
    sel = np.arange(cand.shape[0])
    probe = 4 * limit
    if cand.shape[0] > probe:
        # Distance and bridging add at most ``slack``: score exactly only candidates whose base
        # part can still reach the limit-th best exact score among the best ``probe`` by base.
        slack = weights.proximity * located + weights.isolated + weights.rural
        slack += max(weights.other_component, weights.other_community)
        top = np.argpartition(-base, probe)[:probe]
        exact = _exact(index, me, cand[top], base[top], None if dist is None else dist[top], weights)[0]
        floor = np.partition(exact, probe - limit)[probe - limit]
        sel = np.flatnonzero(base + slack >= floor - 1e-9)
    score, prox, dist_sel, flags, bridge = _exact(
        index, me, cand[sel], base[sel], None if dist is None else dist[sel], weights
    )
    if sel.shape[0] > limit:
        threshold = np.partition(score, sel.shape[0] - limit)[sel.shape[0] - limit]
        pick = np.flatnonzero(score >= threshold)
    else:
        pick = np.arange(sel.shape[0])
    pick = pick[np.lexsort((cand[sel][pick], -score[pick]))][:limit]
    out = []
    my_topics = set(me.topics)
    for i in pick.tolist():
        j = int(sel[i])
        pos = int(cand[j])
        they_words, we_words = scorer.explain(index, me, pos)
        their_topics = set(index.row(index.topic_indptr, index.topic_ids, pos).tolist())
        out.append(
            Suggestion(
                actor_id=int(index.actor_ids[pos]),
                score=float(score[i]),
                parts=ScoreParts(
                    float(weights.they_offer * they[j]),
                    float(weights.we_offer * we[j]),
                    float(weights.topics * topics[j]),
                    float(prox[i]),
                    float(bridge[i]),
                ),
                they_offer=they_words,
                we_offer=we_words,
                shared_topics=tuple(sorted(my_topics & their_topics)),
                distance_km=None if np.isnan(dist_sel[i]) else round(float(dist_sel[i]), 1),
                bridging=Bridging(
                    bool(flags[0][i]),
                    bool(flags[1][i]),
                    bool(flags[2][i]),
                    bool(flags[3][i]),
                    int(index.community[pos]),
                ),
            )
        )
    return out


def _distances(index: RecommendIndex, me: Seeker, cand: IntArray) -> FloatArray:
    """km from the seeker to each candidate; NaN where either location is unknown."""
    dist = np.full(cand.shape[0], np.nan)
    if me.lat is None or me.lon is None:
        return dist
    ok = index.located[cand]
    here_lat = np.full(int(ok.sum()), me.lat, dtype=np.float64)
    here_lon = np.full(here_lat.shape[0], me.lon, dtype=np.float64)
    dist[ok] = distance_km(here_lat, here_lon, index.lat[cand[ok]], index.lon[cand[ok]])
    return dist


def _exact(
    index: RecommendIndex,
    me: Seeker,
    cand: IntArray,
    base: FloatArray,
    dist: FloatArray | None,
    weights: Weights,
) -> tuple[FloatArray, FloatArray, FloatArray, tuple[BoolArray, BoolArray, BoolArray, BoolArray], FloatArray]:
    """(rounded score, weighted proximity, km, bridging flags, weighted bridging) of candidates."""
    if dist is None:
        dist = _distances(index, me, cand)
    prox = np.zeros(cand.shape[0])
    known = ~np.isnan(dist)
    prox[known] = weights.proximity / (1.0 + dist[known] / weights.half_km)
    flags = _bridging_arrays(index, me, cand)
    iso, rural, other_comp, other_comm = flags
    bridge = (
        weights.isolated * iso
        + weights.rural * rural
        + weights.other_component * other_comp
        + weights.other_community * other_comm
    )
    return np.round(base + prox + bridge, 9), prox, dist, flags, bridge
