"""Routing requests to competence centres and proposing coaching pairs: pure functions, no database."""

from wandelwerk.engines.routing import (
    CentreSlot,
    RequestPlace,
    Seeker,
    fits,
    jaccard,
    propose_pairs,
    rank_centres,
    route,
)

ENERGY, MOBILITY = 1, 2
STATE, COUNTY, OTHER_COUNTY, TOWN = 14, 145, 146, 14500
HERE = RequestPlace(topic_id=ENERGY, area_ids=frozenset({TOWN, COUNTY, STATE}))


def centre(pk, *, topics=(ENERGY,), areas=(COUNTY,), capacity=5, open_cases=0, active=True):
    return CentreSlot(pk, frozenset(topics), frozenset(areas), capacity, open_cases, active)


def test_only_a_centre_with_the_requests_topic_fits():
    # given a mobility centre and an energy centre for the county
    centres = [centre(1, topics=(MOBILITY,)), centre(2)]
    # when an energy request is routed
    # then the energy centre gets it
    assert route(HERE, centres) == 2


def test_a_centre_must_cover_the_municipality_its_county_or_its_state():
    # given centres for another county, for the state and for the town itself
    elsewhere, state_level, town_level = (
        centre(1, areas=(OTHER_COUNTY,)),
        centre(2, areas=(STATE,)),
        centre(3),
    )
    # then the state and town centres fit, the other county's does not
    assert not fits(elsewhere, HERE)
    assert fits(state_level, HERE)
    assert fits(town_level, HERE)
    assert route(HERE, [elsewhere]) is None
    assert route(HERE, [elsewhere, state_level]) == 2


def test_the_centre_with_fewest_open_cases_wins():
    centres = [centre(1, open_cases=3), centre(2, open_cases=1), centre(3, open_cases=2)]
    assert rank_centres(HERE, centres) == [2, 3, 1]


def test_ties_go_to_most_free_capacity_then_lowest_id():
    # given three centres with one open case each, two of them with equal capacity
    centres = [
        centre(7, capacity=4, open_cases=1),
        centre(5, capacity=9, open_cases=1),
        centre(3, capacity=4, open_cases=1),
    ]
    # then the one with most room first, then the lower id
    assert rank_centres(HERE, centres) == [5, 3, 7]


def test_centres_at_capacity_and_inactive_centres_are_skipped():
    centres = [
        centre(1, capacity=2, open_cases=2),
        centre(2, active=False),
        centre(3, capacity=3, open_cases=2),
    ]
    assert rank_centres(HERE, centres) == [3]
    assert route(HERE, centres[:2]) is None


def test_excluded_centres_are_not_chosen():
    assert route(HERE, [centre(1), centre(2, open_cases=1)], exclude=frozenset({1})) == 2


def test_no_centre_fits_when_there_are_none():
    assert route(HERE, []) is None


def test_jaccard_is_shared_over_all_topics():
    assert jaccard(frozenset({1, 2, 3}), frozenset({2, 3, 4})) == 0.5
    assert jaccard(frozenset(), frozenset()) == 0.0
    assert jaccard(frozenset({1}), frozenset({1})) == 1.0


def seeker(key, *, owner, topics, lat=50.9, lon=13.3, actor=None):
    return Seeker(key, actor if actor is not None else key * 10, owner, frozenset(topics), lat, lon)


def test_similar_nearby_actors_are_proposed_first():
    # given a seeker in Freiberg, a twin in Dresden (~35 km), a twin next door and a half-match next door
    me = seeker(1, owner=1, topics={1, 2})
    far_twin = seeker(2, owner=2, topics={1, 2}, lat=51.05, lon=13.74)
    near_twin = seeker(3, owner=3, topics={1, 2}, lat=50.91, lon=13.31)
    near_half = seeker(4, owner=4, topics={1, 5})
    # when pairs are proposed
    pairs = propose_pairs([me, far_twin, near_twin, near_half])
    # then the nearby identical pair comes first and everything scored is ordered by score
    assert (pairs[0].first, pairs[0].second) == (1, 3)
    assert pairs[0].similarity == 1.0 and pairs[0].shared == frozenset({1, 2})
    assert [p.score for p in pairs] == sorted((p.score for p in pairs), reverse=True)
    first_with_me = [(p.first, p.second) for p in pairs if 1 in (p.first, p.second)]
    assert first_with_me == [(1, 3), (1, 2), (1, 4)]


def test_pairs_never_share_an_owner_or_lack_a_shared_topic():
    same_owner_a = seeker(1, owner=7, topics={1})
    same_owner_b = seeker(2, owner=7, topics={1})
    unrelated = seeker(3, owner=8, topics={9})
    pairs = propose_pairs([same_owner_a, same_owner_b, unrelated])
    assert pairs == []


def test_one_actor_asking_twice_is_not_paired_with_itself():
    assert (
        propose_pairs([seeker(1, owner=1, topics={1}, actor=5), seeker(2, owner=2, topics={1}, actor=5)])
        == []
    )


def test_limit_caps_the_proposals():
    seekers = [seeker(i, owner=i, topics={1}) for i in range(1, 6)]
    assert len(propose_pairs(seekers, limit=3)) == 3
    assert len(propose_pairs(seekers)) == 10
