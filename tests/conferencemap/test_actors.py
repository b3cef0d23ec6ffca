"""What exists: linking public actors of the map's area, proposing new ones (they go to the review)."""

import pytest

from tests.conferencemap.conftest import client_for
from tests.factories import make_actor
from wandelwerk.actors.models import Actor, Status
from wandelwerk.actors.visibility import public_q
from wandelwerk.conferencemap import selectors, services
from wandelwerk.conferencemap.models import MapActor


@pytest.mark.django_db
def test_public_actor_of_the_area_is_linked_once(world):
    cmap, person, energy = world["map"], world["users"]["stranger"], world["energy"]
    services.actor_link(cmap=cmap, user=person, actor=energy)
    with pytest.raises(services.MapError) as exc:
        services.actor_link(cmap=cmap, user=person, actor=energy)
    assert exc.value.field == "actor"
    assert [link.actor for link in selectors.map_actor_links(cmap)] == [energy]


@pytest.mark.django_db
def test_actor_outside_the_area_or_not_public_is_refused(world, geo):
    cmap, person = world["map"], world["users"]["stranger"]
    elsewhere = make_actor(geo["zittau"], name="Zittauer Initiative")
    pending = make_actor(geo["zwickau"], name="Noch nicht geprüft", status=Status.PENDING)
    for actor in (elsewhere, pending):
        with pytest.raises(services.MapError):
            services.actor_link(cmap=cmap, user=person, actor=actor)
    assert not MapActor.objects.exists()


@pytest.mark.django_db
def test_search_finds_public_actors_of_the_area_by_name(world, geo):
    make_actor(geo["zittau"], name="Energiewende Zittau")
    found = selectors.actor_candidates(world["map"], q="energie")
    assert [a.name for a in found] == ["Energiegenossenschaft Zwickau"]


@pytest.mark.django_db
def test_proposed_actor_goes_to_review_and_stays_off_the_public_map(world, geo, topics):
    # given a participant proposing an actor that is not in the directory yet
    cmap, person = world["map"], world["users"]["stranger"]
    c = client_for(world, "stranger")
    # when they send the form
    response = c.post(
        f"/landkarte/{cmap.pk}/akteure/vorschlagen/",
        {
            "name": "Tauschring Crimmitschau",
            "kind": "initiative",
            "place": "Crimmitschau",
            "topic": topics["bildung-kultur"].pk,
        },
    )
    # then the actor exists pending review, owned by the proposer, linked but not public anywhere
    assert response.status_code == 302
    actor = Actor.objects.get(name="Tauschring Crimmitschau")
    assert actor.status == Status.PENDING and actor.owner == person
    assert not Actor.objects.filter(public_q(), pk=actor.pk).exists()
    assert MapActor.objects.filter(map=cmap, actor=actor, proposed=True).exists()
    assert "Tauschring" not in client_for(world, "anonymous").get(f"/landkarte/{cmap.pk}/").content.decode()
    assert "Tauschring" not in c.get(f"/landkarte/{cmap.pk}/karte.geojson").content.decode()
    # and once the review publishes it, it appears
    from wandelwerk.actors.services import actor_review

    actor_review(actor=actor, reviewer=world["users"]["coordinator"], approve=True)
    assert "Tauschring" in c.get(f"/landkarte/{cmap.pk}/").content.decode()


@pytest.mark.django_db
def test_proposal_outside_the_area_names_the_place(world):
    c = client_for(world, "stranger")
    response = c.post(
        f"/landkarte/{world['map'].pk}/akteure/vorschlagen/",
        {"name": "Zittauer Garten", "kind": "initiative", "place": "Zittau"},
    )
    assert response.status_code == 400
    assert "Der Ort liegt nicht im Gebiet der Landkarte." in response.content.decode()
    assert 'href="#id_place"' in response.content.decode()
    assert not Actor.objects.filter(name="Zittauer Garten").exists()


@pytest.mark.django_db
def test_link_page_links_a_found_actor(world):
    c = client_for(world, "stranger")
    cmap, energy = world["map"], world["energy"]
    page = c.get(f"/landkarte/{cmap.pk}/akteure/?q=Energie").content.decode()
    assert "Energiegenossenschaft Zwickau" in page
    response = c.post(f"/landkarte/{cmap.pk}/akteure/", {"actor": energy.pk})
    assert response.status_code == 302
    assert MapActor.objects.filter(map=cmap, actor=energy, added_by=world["users"]["stranger"]).exists()
