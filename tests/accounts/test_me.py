"""Mein Konto: what a person sees about their own account."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.accounts.factories import make_verified_user
from tests.factories import NetworkFactory, make_actor
from wandelwerk.actors.models import Kind
from wandelwerk.networks.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("accounts:me"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_page_lists_own_networks_roles_and_entries_only(
    anna_client, user, other_user, geo, django_assert_max_num_queries
):
    # given: Anna coordinates one network, is member of another, and manages one entry; Bernd has his own
    coordinated = NetworkFactory(name="Netzwerk Westsachsen")
    joined = NetworkFactory(name="Netzwerk Oberlausitz")
    NetworkFactory(name="Fremdes Netzwerk")
    Membership.objects.create(network=coordinated, user=user, role=Role.COORDINATOR)
    Membership.objects.create(network=joined, user=user, role=Role.MEMBER)
    make_actor(geo["zwickau"], name="Repair-Café Zwickau", owner=user)
    make_actor(geo["zittau"], name="Bernds Verein", owner=other_user)

    # when
    with django_assert_max_num_queries(15):
        response = anna_client.get(reverse("accounts:me"))

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "anna@example.org" in html
    assert "Netzwerk Westsachsen" in html and "Koordination" in html
    assert "Netzwerk Oberlausitz" in html and "Mitglied" in html
    assert "Repair-Café Zwickau" in html
    assert "Fremdes Netzwerk" not in html
    assert "Bernds Verein" not in html


def test_page_links_to_every_account_function(anna_client):
    html = anna_client.get(reverse("accounts:me")).content.decode()
    for name in (
        "account_change_password",
        "account_email",
        "mfa_index",
        "accounts:tokens",
        "accounts:export",
        "accounts:delete",
    ):
        assert f'href="{reverse(name)}"' in html, name


def test_display_name_can_be_changed(anna_client, user):
    response = anna_client.post(reverse("accounts:me"), {"display_name": "  Anna Schmidt "})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.display_name == "Anna Schmidt"


def test_too_long_display_name_is_refused_with_a_reason(anna_client, user):
    response = anna_client.post(reverse("accounts:me"), {"display_name": "x" * 121})
    assert response.status_code == 200
    assert response.context["form"].errors["display_name"]
    user.refresh_from_db()
    assert user.display_name == "Anna"


def test_staff_without_second_factor_is_nudged_to_enable_it(client):
    staff = make_verified_user(email="admin@example.org", is_staff=True)
    client.force_login(staff)
    html = client.get(reverse("accounts:me")).content.decode()
    assert "Bitte schützen Sie Ihr Konto mit einem zweiten Faktor" in html
    assert reverse("mfa_activate_totp") in html


def test_staff_with_second_factor_and_regular_users_are_not_nudged(client, anna_client):
    staff = make_verified_user(email="admin@example.org", is_staff=True)
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    nudge = "Bitte schützen Sie Ihr Konto mit einem zweiten Faktor"
    assert nudge not in anna_client.get(reverse("accounts:me")).content.decode()
    client.force_login(staff)
    assert nudge not in client.get(reverse("accounts:me")).content.decode()


def test_person_entry_is_listed_with_its_kind(anna_client, user, geo):
    make_actor(geo["zwickau"], name="Anna Beispiel", kind=Kind.PERSON, owner=user)
    html = anna_client.get(reverse("accounts:me")).content.decode()
    assert "Anna Beispiel" in html and "Einzelperson" in html
