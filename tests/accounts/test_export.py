"""Own data download (DSGVO Art. 15/20): everything about me, nothing about anyone else."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tests.factories import NetworkFactory, make_actor
from wandelwerk.accounts.services import token_create
from wandelwerk.actors.models import Kind
from wandelwerk.networks.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_gets_no_export(client):
    response = client.get(reverse("accounts:export"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_export_is_a_json_attachment_that_is_not_cached(anna_client):
    response = anna_client.get(reverse("accounts:export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="wandelwerk-meine-daten-')
    assert "no-store" in response["Cache-Control"]


def test_export_contains_own_data_and_nothing_of_another_user(anna_client, user, other_user, geo):
    # given: Anna and Bernd each with memberships, entries and tokens
    network = NetworkFactory(name="Netzwerk Westsachsen", slug="westsachsen")
    Membership.objects.create(network=network, user=user, role=Role.COORDINATOR)
    Membership.objects.create(network=NetworkFactory(name="Bernds Netz"), user=other_user)
    make_actor(geo["zwickau"], name="Repair-Café „Zwickau“", owner=user, phone="0375 123")
    make_actor(
        geo["zwickau"],
        name="Anna Beispiel",
        kind=Kind.PERSON,
        owner=user,
        person_consent=True,
        email="a@b.de",
    )
    make_actor(geo["zittau"], name="Bernds Verein", owner=other_user)
    anna_token, anna_raw = token_create(user=user, name="Import-Skript")
    bernd_token, _raw = token_create(user=other_user, name="Bernds Skript")

    # when
    response = anna_client.get(reverse("accounts:export"))
    raw_body = response.content.decode()
    data = json.loads(raw_body)

    # then: own account, addresses, memberships, entries with all fields, consent, tokens
    assert data["account"]["email"] == "anna@example.org"
    assert data["account"]["display_name"] == "Anna"
    assert "password" not in data["account"]
    assert data["email_addresses"] == [{"email": "anna@example.org", "verified": True, "primary": True}]
    assert data["network_memberships"][0]["network_slug"] == "westsachsen"
    assert data["network_memberships"][0]["role"] == "coordinator"
    assert len(data["network_memberships"]) == 1
    names = {a["name"] for a in data["actors"]}
    assert names == {"Repair-Café „Zwickau“", "Anna Beispiel"}
    cafe = next(a for a in data["actors"] if a["name"].startswith("Repair"))
    assert cafe["phone"] == "0375 123"
    assert cafe["municipality_name"] == "Zwickau, Stadt"
    assert cafe["owner_id"] == user.pk
    assert len(data["consents"]) == 1
    assert data["consents"][0]["actor_name"] == "Anna Beispiel"
    assert data["consents"][0]["consent_text"]
    assert data["consents"][0]["consent_at"]
    assert data["api_tokens"] == [
        {
            "name": "Import-Skript",
            "prefix": anna_token.prefix,
            "created_at": data["api_tokens"][0]["created_at"],
            "last_used_at": None,
        }
    ]
    # ... no secrets, nothing of Bernd's
    assert user.password not in raw_body
    assert anna_token.digest not in raw_body and anna_raw not in raw_body
    for foreign in ("bernd@example.org", "Bernds Verein", "Bernds Netz", "Bernds Skript", bernd_token.prefix):
        assert foreign not in raw_body
