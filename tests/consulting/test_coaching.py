"""Collegial coaching: owners ask, coordinators see proposals for their areas and confirm a pair once."""

import pytest
from django.core import mail
from django.test import Client

from tests.factories import NetworkFactory, UserFactory, make_actor, make_member
from wandelwerk.consulting.centre_services import coaching_pair_confirm, coaching_request_create
from wandelwerk.consulting.coaching import proposals_for
from wandelwerk.consulting.models import CoachingPair, CoachingRequest
from wandelwerk.consulting.services import ConsultingError
from wandelwerk.networks.models import Role


@pytest.fixture
def seekers(geo, topics):
    energy, mobility, education = (
        topics["energie-klimaschutz"],
        topics["mobilitaet"],
        topics["bildung-kultur"],
    )
    owner_1, owner_2, owner_3 = UserFactory(), UserFactory(), UserFactory()
    a = make_actor(geo["zwickau"], name="Solarverein Zwickau", owner=owner_1)
    b = make_actor(geo["crimmitschau"], name="Energiegenossenschaft Crimmitschau", owner=owner_2)
    c = make_actor(geo["zittau"], name="Radinitiative Zittau", owner=owner_3)
    a2 = make_actor(geo["zwickau"], name="Zweiter Verein derselben Person", owner=owner_1)
    return {
        "a": coaching_request_create(user=owner_1, actor=a, topics=[energy, mobility]),
        "b": coaching_request_create(user=owner_2, actor=b, topics=[energy, mobility]),
        "c": coaching_request_create(user=owner_3, actor=c, topics=[mobility, education]),
        "a2": coaching_request_create(user=owner_1, actor=a2, topics=[energy, mobility]),
    }


@pytest.mark.django_db
def test_asking_needs_an_own_actor_and_a_topic_and_is_open_once_per_actor(geo, topics, seekers):
    stranger = UserFactory()
    with pytest.raises(ConsultingError) as info:
        coaching_request_create(user=stranger, actor=seekers["a"].actor, topics=[topics["mobilitaet"]])
    assert info.value.field == "actor"
    owner = seekers["a"].actor.owner
    fresh = make_actor(geo["zwickau"], name="Neu", owner=owner)
    with pytest.raises(ConsultingError) as info:
        coaching_request_create(user=owner, actor=fresh, topics=[])
    assert info.value.field == "topics"
    with pytest.raises(ConsultingError, match="schon eine Anfrage offen"):
        coaching_request_create(user=owner, actor=seekers["a"].actor, topics=[topics["mobilitaet"]])
    assert CoachingRequest.objects.count() == 4


@pytest.mark.django_db
def test_proposals_pair_similar_nearby_actors_of_different_owners(geo, seekers):
    coordinator = make_member(NetworkFactory(areas=[geo["zwickau_lk"]]), Role.COORDINATOR)
    pairs = [{p.first.pk, p.second.pk} for p in proposals_for(coordinator)]
    assert pairs[0] == {seekers["a"].pk, seekers["b"].pk} or pairs[0] == {seekers["a2"].pk, seekers["b"].pk}
    assert {seekers["a"].pk, seekers["a2"].pk} not in pairs  # same owner
    assert {seekers["b"].pk, seekers["c"].pk} in pairs  # Görlitz partner for a Zwickau seeker
    elsewhere = make_member(NetworkFactory(areas=[geo["goerlitz_lk"]]), Role.COORDINATOR)
    assert all(seekers["c"].pk in (p.first.pk, p.second.pk) for p in proposals_for(elsewhere))


@pytest.mark.django_db
def test_confirming_a_pair_emails_both_owners_and_closes_both_requests_once(
    geo, seekers, django_capture_on_commit_callbacks
):
    coordinator = make_member(NetworkFactory(areas=[geo["zwickau_lk"]]), Role.COORDINATOR)
    c = Client()
    c.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(
            "/beratung/kollegiale-beratung/bestaetigen/",
            {"first": seekers["b"].pk, "second": seekers["a"].pk},
        )
    assert r.status_code == 302
    pair = CoachingPair.objects.get()
    assert (pair.first_id, pair.second_id, pair.similarity) == (seekers["a"].pk, seekers["b"].pk, 1.0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [seekers["a"].actor.owner.email, seekers["b"].actor.owner.email]
    )
    with pytest.raises(ConsultingError, match="schon vermittelt"):
        coaching_pair_confirm(user=coordinator, first=seekers["b"], second=seekers["c"])
    assert CoachingPair.objects.count() == 1
    assert CoachingRequest.objects.get(pk=seekers["c"].pk).status == "open"


@pytest.mark.django_db
def test_same_owner_pairs_are_refused_and_only_area_coordinators_confirm(geo, seekers):
    with pytest.raises(ConsultingError, match="derselben Person"):
        coaching_pair_confirm(user=None, first=seekers["a"], second=seekers["a2"])
    outsider = make_member(NetworkFactory(areas=[geo["goerlitz_lk"]]), Role.COORDINATOR)
    c = Client()
    c.force_login(outsider)
    r = c.post(
        "/beratung/kollegiale-beratung/bestaetigen/", {"first": seekers["a"].pk, "second": seekers["b"].pk}
    )
    assert r.status_code == 403
    c.force_login(UserFactory())
    r = c.post(
        "/beratung/kollegiale-beratung/bestaetigen/", {"first": seekers["a"].pk, "second": seekers["b"].pk}
    )
    assert r.status_code == 403
    assert not CoachingPair.objects.exists()


@pytest.mark.django_db
def test_coaching_page_asks_owners_and_invites_others_to_register(geo, topics):
    assert Client().get("/beratung/kollegiale-beratung/").status_code == 200
    owner = UserFactory()
    actor = make_actor(geo["zwickau"], name="Gartenprojekt", owner=owner)
    c = Client()
    c.force_login(owner)
    r = c.post("/beratung/kollegiale-beratung/", {"actor": actor.pk, "topics": [topics["bildung-kultur"].pk]})
    assert r.status_code == 302
    assert CoachingRequest.objects.filter(actor=actor, status="open").exists()
    r = c.post("/beratung/kollegiale-beratung/", {"actor": actor.pk})
    assert r.status_code == 400 and 'href="#id_topics' in r.content.decode()
