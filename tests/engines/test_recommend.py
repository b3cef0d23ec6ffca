"""Partner recommendations: the indexed ranking equals a brute-force scorer; reasons; edge cases."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wandelwerk.engines.recommend import WEIGHTS, recommend
from wandelwerk.engines.recommend_index import ActorArrays, build_index
from wandelwerk.engines.recommend_scorers import Seeker
from wandelwerk.engines.recommend_terms import encode_texts, fit, words

WORDS = ["Raum", "Werkstattraum", "Werkstatt", "Holzwerkstatt", "Garten", "Lastenrad", "Saatgut", "Kompost"]


def _arrays(actors, ties=(), network_known=True):
    """actors: list of dicts with id, offers, needs, topics, lat, lon, rural, community, component."""
    enc = encode_texts([a.get("offers", []) for a in actors], [a.get("needs", []) for a in actors])
    topic_rows = [sorted(set(a.get("topics", []))) for a in actors]
    ptr = np.concatenate([[0], np.cumsum([len(r) for r in topic_rows])]).astype(np.int64)
    nan = float("nan")
    return ActorArrays(
        actor_ids=np.array([a["id"] for a in actors], dtype=np.int64),
        vocabulary=enc.vocabulary,
        offer_indptr=enc.offer_indptr,
        offer_terms=enc.offer_terms,
        need_indptr=enc.need_indptr,
        need_terms=enc.need_terms,
        topic_indptr=ptr,
        topic_ids=np.array([t for r in topic_rows for t in r], dtype=np.int64),
        lat=np.array([nan if a.get("lat") is None else a["lat"] for a in actors], dtype=np.float64),
        lon=np.array([nan if a.get("lon") is None else a["lon"] for a in actors], dtype=np.float64),
        rural=np.array([a.get("rural", False) for a in actors], dtype=np.bool_),
        community=np.array([a.get("community", -1) for a in actors], dtype=np.int64),
        component=np.array([a.get("component", -1) for a in actors], dtype=np.int64),
        tie_src=np.array([u for u, _ in ties], dtype=np.int64),
        tie_dst=np.array([v for _, v in ties], dtype=np.int64),
        network_known=network_known,
    )


def _stems(texts):
    return {s for t in texts for s, _ in words(t)}


def _km(a, b):
    mean = math.radians((a["lat"] + b["lat"]) / 2)
    dx = math.radians(b["lon"] - a["lon"]) * math.cos(mean)
    dy = math.radians(b["lat"] - a["lat"])
    return 6371.0 * math.hypot(dx, dy)


def _best(stem, others):
    return max((fit(stem, o) for o in others), default=0.0)


def brute_force(actors, ties, me_id, limit, network_known=True):
    """The documented score, computed pair by pair without any index."""
    w = WEIGHTS
    by_id = {a["id"]: a for a in actors}
    me = by_id[me_id]
    partners = {v for u, v in ties if u == me_id} | {u for u, v in ties if v == me_id}
    degree = {
        a["id"]: len(
            {v for u, v in ties if u == a["id"] and v != u} | {u for u, v in ties if v == a["id"] and u != v}
        )
        for a in actors
    }
    my_needs, my_offers = _stems(me.get("needs", [])), _stems(me.get("offers", []))
    my_topics = set(me.get("topics", []))
    rows = []
    for other in actors:
        oid = other["id"]
        if oid == me_id or oid in partners:
            continue
        their_offers, their_needs = _stems(other.get("offers", [])), _stems(other.get("needs", []))
        they = sum(_best(n, their_offers) for n in my_needs) / max(len(my_needs), 1)
        we = sum(_best(n, my_offers) for n in their_needs) / max(len(their_needs), 1)
        shared = my_topics & set(other.get("topics", []))
        if they == 0 and we == 0 and not shared:
            continue
        located = me.get("lat") is not None and other.get("lat") is not None
        prox = w.proximity / (1 + _km(me, other) / w.half_km) if located else 0.0
        bridge = 0.0
        if network_known:
            rural = me.get("rural", False) or other.get("rural", False)
            bridge += w.rural * rural
            if degree[me_id] == 0 or degree[oid] == 0:
                bridge += w.isolated
            else:
                mc, oc = me.get("component", -1), other.get("component", -1)
                if mc >= 0 and oc >= 0 and mc != oc:
                    bridge += w.other_component
                elif me.get("community", -1) >= 0 and other.get("community", -1) >= 0:
                    bridge += w.other_community * (me["community"] != other["community"])
        score = w.they_offer * they + w.we_offer * we + w.topics * len(shared) / max(len(my_topics), 1)
        rows.append((round(score + prox + bridge, 9), oid))
    rows.sort(key=lambda r: (-r[0], r[1]))
    return rows[:limit]


actor_st = st.fixed_dictionaries(
    {
        "offers": st.lists(st.sampled_from(WORDS), max_size=3),
        "needs": st.lists(st.sampled_from(WORDS), max_size=3),
        "topics": st.lists(st.integers(1, 4), max_size=3),
        "lat": st.one_of(st.none(), st.floats(50.0, 51.0)),
        "lon": st.floats(12.0, 14.0),
        "rural": st.booleans(),
        "community": st.integers(-1, 2),
        "component": st.integers(-1, 1),
    }
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(actor_st, min_size=1, max_size=9),
    st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8)), max_size=8),
    st.integers(1, 5),
    st.booleans(),
)
def test_index_ranking_equals_brute_force(actors, tie_pairs, limit, network_known):
    # given actors with ids 10, 20, … (shuffled order) and some ties among them
    for i, a in enumerate(actors):
        a["id"] = (i + 1) * 10
        if a["lat"] is None:
            a["lon"] = None
    n = len(actors)
    ties = [((u % n + 1) * 10, (v % n + 1) * 10) for u, v in tie_pairs]
    index = build_index(_arrays(actors[::-1], ties, network_known))
    for me in actors:
        # when ranking for each actor
        got = [(s.score, s.actor_id) for s in recommend(index, for_actor=me["id"], limit=limit)]
        # then ids and scores equal the brute force, equal scores by ascending id
        expected = brute_force(actors, ties, me["id"], limit, network_known)
        assert [i for _, i in got] == [i for _, i in expected]
        assert [s for s, _ in got] == pytest.approx([s for s, _ in expected], abs=1e-9)


def test_suggestion_explains_matched_words_topics_distance_and_bridging():
    # given a rural repair café needing rooms and a town workshop offering a "Werkstattraum"
    actors = [
        {
            "id": 1,
            "needs": ["Räume für Treffen"],
            "offers": ["Lastenrad"],
            "topics": [3, 5],
            "lat": 50.92,
            "lon": 13.34,
            "rural": True,
            "community": 0,
            "component": 0,
        },
        {
            "id": 2,
            "offers": ["Werkstattraum zur Mitnutzung"],
            "needs": ["Lastenräder"],
            "topics": [5],
            "lat": 50.92,
            "lon": 13.51,
            "community": 1,
            "component": 0,
        },
        {"id": 3, "lat": 50.0, "lon": 13.0, "community": 0, "component": 0},
    ]
    index = build_index(_arrays(actors, ties=[(1, 3), (2, 3)]))
    # when asking for partners of actor 1
    (s,) = recommend(index, for_actor=1)
    # then the reason names both directions, the topic, the distance and the other community
    assert s.actor_id == 2
    assert [(m.offered, m.needed, m.kind) for m in s.they_offer] == [("Werkstattraum", "Räume", "head")]
    # their words are shown in the index's one readable form per stem (first spelling seen)
    assert [(m.offered, m.needed, m.kind) for m in s.we_offer] == [("Lastenrad", "Lastenrad", "exact")]
    assert s.shared_topics == (5,)
    assert s.distance_km == pytest.approx(11.9, abs=0.2)
    assert s.bridging.other_community and s.bridging.connects_rural and not s.bridging.connects_isolated
    assert s.bridging.community == 1
    assert s.score == pytest.approx(
        sum((s.parts.they_offer, s.parts.we_offer, s.parts.topics, s.parts.proximity, s.parts.bridging))
    )


def test_project_needs_find_compound_offers_within_max_km():
    actors = [
        {"id": 1, "offers": ["Holzwerkstatt"], "lat": 50.9, "lon": 13.3},
        {"id": 2, "offers": ["Werkstatt"], "lat": 53.5, "lon": 10.0},
        {"id": 3, "offers": ["Saatgut"], "lat": 50.9, "lon": 13.3},
    ]
    index = build_index(_arrays(actors))
    seeker = Seeker.from_texts(["Wir suchen eine Werkstatt"], lat=50.91, lon=13.31)
    assert [s.actor_id for s in recommend(index, seeker=seeker)] == [1, 2]
    assert [s.actor_id for s in recommend(index, seeker=seeker, max_km=50)] == [1]


def test_degenerate_inputs_give_empty_or_location_free_results():
    # one actor: nobody to suggest
    assert recommend(build_index(_arrays([{"id": 7, "needs": ["Raum"]}])), for_actor=7) == []
    # no resources and no topics: no candidates
    index = build_index(_arrays([{"id": 1}, {"id": 2, "offers": ["Raum"]}]))
    assert recommend(index, for_actor=1) == []
    # no location anywhere: still ranked, distance unknown
    index = build_index(_arrays([{"id": 1, "needs": ["Raum"]}, {"id": 2, "offers": ["Raum"]}]))
    (s,) = recommend(index, for_actor=1, max_km=10)
    assert s.distance_km is None and s.parts.proximity == 0.0
    # empty index
    assert recommend(build_index(_arrays([])), seeker=Seeker.from_texts(["Raum"])) == []


def test_existing_partners_are_not_suggested_and_unknown_actor_is_an_error():
    actors = [{"id": 1, "needs": ["Raum"]}, {"id": 2, "offers": ["Raum"]}, {"id": 3, "offers": ["Raum"]}]
    index = build_index(_arrays(actors, ties=[(2, 1)]))
    assert [s.actor_id for s in recommend(index, for_actor=1)] == [3]
    with pytest.raises(KeyError, match="actor 99"):
        recommend(index, for_actor=99)
    with pytest.raises(ValueError, match="exactly one"):
        recommend(index)


def test_bad_arrays_are_refused_with_the_field_named():
    arrays = _arrays([{"id": 1}, {"id": 1}])
    with pytest.raises(ValueError, match="distinct"):
        build_index(arrays)


def test_large_candidate_sets_keep_the_exact_top_list():
    # given many topic-only candidates and a few word matches (exercises the bound-based pruning)
    rng = np.random.default_rng(3)
    actors = [
        {
            "id": 1,
            "needs": ["Raum", "Werkstatt"],
            "offers": ["Saatgut"],
            "topics": [1, 2],
            "lat": 51.0,
            "lon": 13.0,
            "community": 0,
            "component": 0,
        }
    ]
    for i in range(2, 400):
        actors.append(
            {
                "id": i,
                "offers": [str(rng.choice(WORDS))] if i % 7 == 0 else [],
                "needs": ["Saatgut"] if i % 11 == 0 else [],
                "topics": [int(rng.integers(1, 4))],
                "lat": float(rng.uniform(50, 52)),
                "lon": float(rng.uniform(12, 14)),
                "rural": bool(i % 3 == 0),
                "community": int(i % 4),
                "component": int(i % 2),
            }
        )
    ties = [(i, i + 1) for i in range(2, 399, 2)] + [(1, 5)]
    index = build_index(_arrays(actors, ties))
    got = [(s.score, s.actor_id) for s in recommend(index, for_actor=1, limit=10)]
    expected = brute_force(actors, ties, 1, 10)
    assert [i for _, i in got] == [i for _, i in expected]


def test_introductions_pair_unconnected_actors_once_with_bridging_value():
    from wandelwerk.engines.recommend_pairs import introductions

    # given a tied pair (1, 2) needing rooms and three isolated actors offering rooms
    actors = [
        {"id": 1, "needs": ["Raum"], "community": 0, "component": 0},
        {"id": 2, "needs": ["Raum"], "community": 0, "component": 0},
        *({"id": i, "offers": ["Werkstattraum"], "community": i, "component": i} for i in (3, 4, 5)),
    ]
    index = build_index(_arrays(actors, ties=[(1, 2)]))
    pairs = introductions(index, limit=10, max_per_actor=2)
    keys = [frozenset((p.a, p.b)) for p in pairs]
    # then: never the existing tie, each pair once, nobody in more than two pairs, all bridging
    assert frozenset((1, 2)) not in keys
    assert len(keys) == len(set(keys)) > 0
    assert all(sum(a in k for k in keys) <= 2 for a in range(1, 6))
    assert all(p.suggestion.bridging.connects_isolated for p in pairs)
    # and without tie data there is nothing to judge
    assert introductions(build_index(_arrays(actors, network_known=False))) == []


def test_an_offer_that_fits_a_need_outranks_shared_topics_next_door():
    # given a neighbour (same place) sharing both topics but offering nothing needed, and an actor
    # 70 km away whose offer fits half of the seeker's needs and who shares one topic
    actors = [
        {
            "id": 1,
            "needs": ["Stoffstromanalysen", "Bauabfälle"],
            "topics": [1, 2],
            "lat": 50.90,
            "lon": 12.70,
        },
        {"id": 2, "topics": [1, 2], "lat": 50.90, "lon": 12.70},
        {"id": 3, "offers": ["Stoffstromanalyse"], "topics": [2], "lat": 51.53, "lon": 12.70},
    ]
    index = build_index(_arrays(actors))
    # then complementarity wins
    assert [s.actor_id for s in recommend(index, for_actor=1)] == [3, 2]
