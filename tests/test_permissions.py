"""Permission matrix over the write routes: anonymous, member A, coordinator A, coordinator B, admin.
Coordinator B can never change network A's data."""

import json

import pytest
from django.test import Client

from tests.factories import NetworkFactory, UserFactory, make_actor, make_member
from wandelwerk.actors.models import Actor
from wandelwerk.networks.models import Role

ROLES = ["anonymous", "member_a", "coord_a", "coord_b", "admin"]


@pytest.fixture
def world(geo):
    net_a = NetworkFactory(slug="a", areas=[geo["zwickau_lk"]])
    net_b = NetworkFactory(slug="b", areas=[geo["goerlitz_lk"]])
    admin = UserFactory(is_staff=True, is_superuser=True)
    return {
        "geo": geo,
        "users": {
            "anonymous": None,
            "member_a": make_member(net_a),
            "coord_a": make_member(net_a, Role.COORDINATOR),
            "coord_b": make_member(net_b, Role.COORDINATOR),
            "admin": admin,
        },
        "actor": make_actor(geo["zwickau"], name="Verein in A"),
        "pending": make_actor(geo["zwickau"], name="Neu in A", status="pending"),
    }


def web_client(user):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def api_headers(user):
    if user is None:
        return {}
    from wandelwerk.accounts.services import token_create

    _, raw = token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def expect(role, table):
    return table[ROLES.index(role)]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_web_write_routes(world, role):
    user = world["users"][role]
    c = web_client(user)
    actor, pending = world["actor"], world["pending"]
    login = "/konto/login/"

    r = c.get("/akteure/neu/")
    assert r.status_code == expect(role, [302, 200, 200, 200, 200])

    r = c.get(f"/akteure/{actor.slug}/bearbeiten/")
    assert r.status_code == expect(role, [302, 403, 200, 403, 200])
    if role == "anonymous":
        assert r["Location"].startswith(login)

    r = c.post(f"/akteure/{actor.slug}/bestaetigen/")
    assert r.status_code == expect(role, [302, 403, 302, 403, 302])
    confirmed = Actor.objects.get(pk=actor.pk).last_confirmed is not None
    assert confirmed == (role in ("coord_a", "admin"))

    r = c.post(
        f"/akteure/{actor.slug}/angebote/", {"direction": "offer", "category": "spaces", "title": "Saal"}
    )
    assert r.status_code == expect(role, [302, 403, 302, 403, 302])
    assert actor.resources.exists() == (role in ("coord_a", "admin"))

    r = c.get("/akteure/import/")
    assert r.status_code == expect(role, [302, 403, 200, 200, 200])

    r = c.get("/akteure/pruefen/")
    assert r.status_code == expect(role, [302, 403, 200, 200, 200])
    if role == "coord_b":
        assert pending.name not in r.content.decode()

    r = c.post(f"/akteure/{pending.slug}/pruefen/", {"decision": "approve"})
    assert r.status_code == expect(role, [302, 403, 302, 403, 302])
    published = Actor.objects.get(pk=pending.pk).status == "published"
    assert published == (role in ("coord_a", "admin"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_api_write_routes(world, role):
    user = world["users"][role]
    c = Client()
    headers = api_headers(user)
    actor = world["actor"]
    body = {"name": "Umbenannt", "kind": "association", "sector": "civil_society", "ags": "14524330"}

    r = c.put(f"/api/v1/actors/{actor.pk}", data=json.dumps(body), content_type="application/json", **headers)
    assert r.status_code == expect(role, [401, 404, 200, 404, 200])
    renamed = Actor.objects.get(pk=actor.pk).name == "Umbenannt"
    assert renamed == (role in ("coord_a", "admin"))

    r = c.post(
        "/api/v1/actors",
        data=json.dumps({**body, "name": f"Neu {role}"}),
        content_type="application/json",
        **headers,
    )
    assert r.status_code == expect(role, [401, 201, 201, 201, 201])
    if r.status_code == 201:
        # published directly only when the author may review entries in that area
        assert r.json()["status"] == ("published" if role in ("coord_a", "admin") else "pending")

    r = c.delete(f"/api/v1/actors/{actor.pk}", **headers)
    assert r.status_code == expect(role, [401, 404, 404, 404, 204])
    assert Actor.objects.filter(pk=actor.pk).exists() == (role != "admin")


@pytest.mark.django_db
def test_api_write_with_bad_input_names_the_field_and_writes_nothing(world):
    headers = api_headers(world["users"]["coord_a"])
    before = Actor.objects.count()
    c = Client()
    r = c.post(
        "/api/v1/actors",
        data=json.dumps({"name": "X", "kind": "alien", "sector": "business", "ags": "14524330"}),
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 422 and "kind" in json.dumps(r.json())
    r = c.post(
        "/api/v1/actors",
        data=json.dumps({"name": "X", "kind": "company", "sector": "business", "ags": "99999999"}),
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 422 and "ags" in r.json()["detail"]
    assert Actor.objects.count() == before
