from wandelwerk.engines.matching import Candidate, Offer, OpenNeed, rank_helpers

HERE = (50.92, 13.34)  # Freiberg


def test_nearby_helper_with_the_fitting_offer_comes_first():
    needs = [OpenNeed("spaces", "Lagerraum für Solarmodule"), OpenNeed("skills", "Elektrikerin")]
    candidates = [
        Candidate(1, 51.05, 13.74, (Offer("spaces", "Lagerraum"),)),  # Dresden, ~31 km
        Candidate(2, 50.93, 13.35, (Offer("spaces", "Lagerraum in der Halle"),)),  # next door
        Candidate(3, 50.92, 13.34, (Offer("money", "Spenden"),)),  # fits nothing
        Candidate(4, 50.95, 13.30, (Offer("spaces", "Raum"), Offer("skills", "Elektriker"))),  # both needs
    ]
    ranked = rank_helpers(needs, candidates, lat=HERE[0], lon=HERE[1])
    assert [s.actor_id for s in ranked] == [4, 2, 1]
    assert ranked[0].matched == ("Lagerraum für Solarmodule", "Elektrikerin")
    assert 3 not in [s.actor_id for s in ranked]


def test_no_needs_means_no_suggestions():
    assert rank_helpers([], [Candidate(1, 50.9, 13.3, (Offer("spaces", "x"),))], lat=50.9, lon=13.3) == []


def test_limit_and_stable_order_for_equal_scores():
    candidates = [Candidate(i, 50.9, 13.3, (Offer("tools", "Werkzeug"),)) for i in (9, 3, 5)]
    ranked = rank_helpers([OpenNeed("tools", "Akkuschrauber")], candidates, lat=50.9, lon=13.3, limit=2)
    assert [s.actor_id for s in ranked] == [3, 5]
