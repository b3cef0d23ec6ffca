from tests.factories import make_actor


def test_created_actor_is_found_by_full_text(geo):
    from wandelwerk.actors.models import Actor

    actor = make_actor(geo["zwickau"], name="Gemeinschaftsgarten Zwickau")
    assert actor.county == geo["zwickau_lk"]
    assert actor.state == geo["sn"]
    assert "gemeinschaftsgart" in actor.search_text
    assert Actor.objects.count() == 1
