"""``load_demo``: demo networks on the loaded areas, demo accounts that can log in, synthetic actors;
a second run adds nothing and changes nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from tests.factories import make_actor
from wandelwerk.accounts.models import User
from wandelwerk.actors.models import Actor, Kind, Status, Topic, TopicGroup, Visibility
from wandelwerk.core.demo import DEMO_PASSWORD
from wandelwerk.networks.models import Membership, Network, Role

ACTORS = 600


def _load(**kwargs) -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out, stderr=io.StringIO(), **kwargs)
    return out.getvalue()


def _snapshot() -> dict[str, object]:
    return {
        "networks": sorted(Network.objects.values_list("slug", "name", "description", "parent__slug")),
        "areas": sorted(Network.areas.through.objects.values_list("network__slug", "area__ags")),
        "users": sorted(User.objects.values_list("email", "password", "is_staff")),
        "memberships": sorted(Membership.objects.values_list("network__slug", "user__email", "role")),
        "actors": sorted(Actor.objects.values_list("natural_key", "slug", "name", "status", "visibility")),
    }


def test_default_topics_are_the_action_fields_and_the_17_sdgs(topics):
    fields = Topic.objects.filter(group=TopicGroup.FIELD)
    sdgs = Topic.objects.filter(group=TopicGroup.SDG).order_by("number")

    assert fields.filter(name="Ehrenamt und bürgerschaftliches Engagement").exists()
    assert fields.filter(slug="rohstoffe-recycling", name_en="Raw materials and recycling").exists()
    assert fields.count() == 13 and not fields.filter(name_en="").exists()
    assert list(sdgs.values_list("number", flat=True)) == list(range(1, 18))
    assert sdgs.get(number=13).name == "Maßnahmen zum Klimaschutz"
    assert sdgs.get(number=13).name_en == "Climate action"


@pytest.mark.django_db
def test_without_geography_load_demo_says_what_to_run_first():
    with pytest.raises(CommandError, match="load_geography"):
        _load()


def test_creates_the_networks_whose_areas_are_loaded_with_the_landesverband_as_parent(geo, topics):
    # given the small geography: Saxony, Landkreis Zwickau and Landkreis Görlitz
    # when
    output = _load(actors=ACTORS)

    # then
    lv = Network.objects.get(slug="landesverband-nachhaltiges-sachsen")
    assert lv.is_demo and list(lv.areas.values_list("ags", flat=True)) == ["14"]
    zwickau = Network.objects.get(slug="region-zwickau")
    assert zwickau.parent == lv and list(zwickau.areas.values_list("ags", flat=True)) == ["14524"]
    assert Network.objects.get(slug="region-zittau-goerlitz").parent == lv
    assert "Demodaten" in zwickau.description
    # networks whose areas are not loaded are skipped, not half-made
    assert not Network.objects.filter(slug__in=["zusammenwachsen-revier", "region-hoyerswerda"]).exists()
    assert "koordination@demo.wandelwerk.test / Wandelwerk-Demo-2026" in output


def test_demo_accounts_have_their_roles_and_can_log_in(geo, topics, client):
    _load(actors=0)

    coordinator = User.objects.get(email="koordination@demo.wandelwerk.test")
    roles = set(Membership.objects.filter(user=coordinator).values_list("network__slug", "role"))
    assert ("landesverband-nachhaltiges-sachsen", Role.COORDINATOR) in roles
    assert Membership.objects.get(user__email="zwickau@demo.wandelwerk.test").network.slug == "region-zwickau"
    assert Membership.objects.get(user__email="mitglied@demo.wandelwerk.test").role == Role.MEMBER
    admin = User.objects.get(email="admin@demo.wandelwerk.test")
    assert admin.is_staff and admin.is_superuser and admin.check_password(DEMO_PASSWORD)

    for email in ("koordination@demo.wandelwerk.test", "mitglied@demo.wandelwerk.test"):
        client.logout()
        response = client.post(reverse("account_login"), {"login": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert client.session["_auth_user_id"] == str(User.objects.get(email=email).pk)


def test_synthetic_actors_are_demo_flagged_in_the_demo_areas_with_review_and_privacy_cases(geo, topics):
    _load(actors=ACTORS)

    actors = Actor.objects.all()
    assert actors.count() == ACTORS
    assert not actors.filter(is_demo=False).exists() and not actors.exclude(source="demo").exists()
    assert set(actors.values_list("state__ags", flat=True)) == {"14"}
    assert actors.filter(status=Status.PENDING).exists()
    assert actors.filter(visibility=Visibility.MEMBERS).exists()
    assert actors.filter(visibility=Visibility.PRIVATE).exists()
    persons = actors.filter(kind=Kind.PERSON)
    consented = persons.filter(consent_at__isnull=False)
    assert consented.exists() and persons.filter(consent_at__isnull=True).exists()
    assert not consented.filter(consent_text="").exists()
    assert not persons.filter(consent_at__isnull=True, visibility=Visibility.PUBLIC).exists()
    assert Actor.topics.through.objects.filter(actor__in=actors).exists()


def test_second_run_duplicates_nothing_and_keeps_what_people_changed(geo, topics):
    # given a first run, then changes made by people
    _load(actors=ACTORS)
    Network.objects.filter(slug="region-zwickau").update(description="Von der Koordination geschrieben.")
    user = User.objects.get(email="zwickau@demo.wandelwerk.test")
    user.set_password("ein-neues-langes-passwort")
    user.save()
    Membership.objects.filter(user=user).update(role=Role.MEMBER)
    own = make_actor(geo["zwickau"], name="Echter Verein Zwickau")
    before = _snapshot()

    # when
    output = _load(actors=ACTORS)

    # then
    assert _snapshot() == before
    assert Actor.objects.filter(pk=own.pk).exists()
    assert f"0 angelegt, {ACTORS} schon vorhanden" in output


def test_demo_names_may_repeat_existing_ones_without_breaking_slugs(geo, topics):
    # given actors that already use names the generator will make (other seeds of `synth`)
    call_command("synth", actors=300, seed=1, stdout=io.StringIO())
    call_command("synth", actors=300, seed=2, stdout=io.StringIO())

    # when a third generator run uses the same places
    call_command("synth", actors=300, seed=3, stdout=io.StringIO())

    # then every row got its own slug
    assert Actor.objects.count() == 900
    assert Actor.objects.values("slug").distinct().count() == 900


def test_synth_command_is_idempotent_and_extends_a_smaller_run(geo, topics):
    out = io.StringIO()
    call_command("synth", actors=200, seed=5, stdout=out)
    first = dict(Actor.objects.values_list("natural_key", "name"))

    call_command("synth", actors=200, seed=5, stdout=out)
    call_command("synth", actors=250, seed=5, batch=40, stdout=out)

    after = dict(Actor.objects.values_list("natural_key", "name"))
    assert len(after) == 250
    assert {k: after[k] for k in first} == first
    assert "0 Akteure angelegt, 200 waren schon da" in out.getvalue()


def test_synth_command_refuses_bad_arguments(geo):
    with pytest.raises(CommandError, match="--states"):
        call_command("synth", actors=1, states="Sachsen")
    with pytest.raises(CommandError, match="negativ"):
        call_command("synth", actors=-1)


def test_load_demo_on_the_real_geography_of_saxony_uses_the_official_keys(db, topics):
    from wandelwerk.geo.services import geography_load

    geography_load(states=["14"])

    _load(actors=300)

    def names(slug: str) -> set[str]:
        return {n.split(",")[0] for n in Network.objects.get(slug=slug).areas.values_list("name", flat=True)}

    def keys(slug: str) -> set[str]:
        return set(Network.objects.get(slug=slug).areas.values_list("ags", flat=True))

    assert {"Freiberg", "Tharandt"} <= names("region-freiberg-tharandt")
    assert "Hoyerswerda" in names("region-hoyerswerda") and len(keys("region-hoyerswerda")) == 7
    assert keys("circular-rural-regions-mittelsachsen") == {"14522"}
    assert keys("saechsische-schweiz") == {"14628"}
    # ZusammenWachsen: only its Saxon parts are loaded (Nordsachsen, Landkreis Leipzig, Stadt Leipzig)
    assert keys("zusammenwachsen-revier") == {"14730", "14729", "14713"}
    assert Network.objects.filter(parent__slug="landesverband-nachhaltiges-sachsen").count() == 5
    # 300 synthetic actors plus the administration publishing the demo strategy of Freiberg
    assert Actor.objects.exclude(natural_key="demo:strategy:freiberg").count() == 300
    assert Actor.objects.filter(natural_key="demo:strategy:freiberg", kind="administration").exists()
