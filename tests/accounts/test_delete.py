"""Account deletion: personal data removed, organisation entries kept (handed over or ownerless)."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.accounts.factories import PASSWORD, make_verified_user
from tests.factories import NetworkFactory, make_actor
from wandelwerk.accounts.models import ApiToken
from wandelwerk.accounts.services import AccountError, account_delete, token_create
from wandelwerk.actors.models import Actor, Kind
from wandelwerk.networks.models import Membership

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def annas_world(user, geo):
    """Anna manages a person entry and an organisation entry, is member of a network, has a token and MFA."""
    person = make_actor(
        geo["zwickau"], name="Anna Beispiel", kind=Kind.PERSON, owner=user, person_consent=True
    )
    org = make_actor(geo["zwickau"], name="Repair-Café Zwickau", owner=user)
    Membership.objects.create(network=NetworkFactory(), user=user)
    token_create(user=user, name="Skript")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return {"person": person, "org": org}


def _assert_nothing_changed(user, world):
    assert User.objects.filter(pk=user.pk).exists()
    assert Actor.objects.filter(pk=world["person"].pk).exists()
    assert Actor.objects.get(pk=world["org"].pk).owner_id == user.pk
    assert Membership.objects.filter(user=user).count() == 1
    assert ApiToken.objects.filter(user=user).count() == 1


def test_deletion_without_handover_keeps_organisations_without_owner(user, annas_world):
    result = account_delete(user=user, handover_to_email=None)

    assert not User.objects.filter(email="anna@example.org").exists()
    assert not EmailAddress.objects.filter(email="anna@example.org").exists()
    assert not Authenticator.objects.exists()
    assert not ApiToken.objects.exists()
    assert not Membership.objects.exists()
    assert not Actor.objects.filter(pk=annas_world["person"].pk).exists()
    assert Actor.objects.get(pk=annas_world["org"].pk).owner is None
    assert result.persons_deleted == 1
    assert result.organisations_without_owner == 1
    assert result.organisations_handed_over == 0
    assert result.memberships_removed == 1


def test_deletion_with_handover_gives_organisations_to_the_named_account(user, other_user, annas_world):
    result = account_delete(user=user, handover_to_email="  BERND@example.org ")

    assert not User.objects.filter(pk=user.pk).exists()
    assert Actor.objects.get(pk=annas_world["org"].pk).owner == other_user
    assert not Actor.objects.filter(pk=annas_world["person"].pk).exists()
    assert result.organisations_handed_over == 1
    assert result.organisations_without_owner == 0


def test_handover_to_unknown_address_is_refused_and_nothing_changes(user, annas_world):
    with pytest.raises(AccountError, match="niemand@example.org"):
        account_delete(user=user, handover_to_email="niemand@example.org")
    _assert_nothing_changed(user, annas_world)


def test_handover_to_unconfirmed_or_inactive_account_is_refused(user, annas_world):
    make_verified_user(email="unbestaetigt@example.org", verified=False)
    make_verified_user(email="gesperrt@example.org", is_active=False)
    for email in ("unbestaetigt@example.org", "gesperrt@example.org"):
        with pytest.raises(AccountError):
            account_delete(user=user, handover_to_email=email)
    _assert_nothing_changed(user, annas_world)


def test_handover_to_oneself_is_refused(user, annas_world):
    with pytest.raises(AccountError, match="anderen Kontos"):
        account_delete(user=user, handover_to_email="Anna@Example.org")
    _assert_nothing_changed(user, annas_world)


def test_deletion_is_all_or_nothing(user, annas_world, monkeypatch):
    # given: the final step fails
    def fail(*args, **kwargs):
        raise RuntimeError("Datenbank weg")

    monkeypatch.setattr(User, "delete", fail)

    # when / then: the error surfaces and the entries deleted or changed before it are back
    with pytest.raises(RuntimeError):
        account_delete(user=user, handover_to_email=None)
    _assert_nothing_changed(user, annas_world)


def test_other_peoples_entries_are_untouched(user, other_user, annas_world, geo):
    bernds = make_actor(geo["zittau"], name="Bernd Beispiel", kind=Kind.PERSON, owner=other_user)
    account_delete(user=user, handover_to_email=None)
    assert Actor.objects.get(pk=bernds.pk).owner == other_user


# --- the page -----------------------------------------------------------------------------------


def test_confirmation_page_asks_for_password_and_offers_handover_for_organisations(anna_client, annas_world):
    response = anna_client.get(reverse("accounts:delete"))
    assert response.status_code == 200
    assert set(response.context["form"].fields) == {"handover_email", "password"}
    assert "Repair-Café Zwickau" in response.content.decode()


def test_confirmation_page_without_organisations_asks_only_for_password(anna_client):
    response = anna_client.get(reverse("accounts:delete"))
    assert set(response.context["form"].fields) == {"password"}


def test_wrong_password_deletes_nothing(anna_client, user, annas_world):
    response = anna_client.post(reverse("accounts:delete"), {"password": "falsch-falsch-falsch"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    _assert_nothing_changed(user, annas_world)


def test_unknown_handover_address_is_named_on_the_page_and_nothing_changes(anna_client, user, annas_world):
    response = anna_client.post(
        reverse("accounts:delete"), {"password": PASSWORD, "handover_email": "niemand@example.org"}
    )
    assert response.status_code == 200
    assert "niemand@example.org" in " ".join(response.context["form"].errors["handover_email"])
    _assert_nothing_changed(user, annas_world)


def test_deleting_with_password_removes_account_and_logs_out(anna_client, user, other_user, annas_world):
    response = anna_client.post(
        reverse("accounts:delete"), {"password": PASSWORD, "handover_email": other_user.email}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("core:home")
    assert not User.objects.filter(pk=user.pk).exists()
    assert "_auth_user_id" not in anna_client.session
    assert Actor.objects.get(pk=annas_world["org"].pk).owner == other_user
    assert anna_client.get(reverse("accounts:me")).status_code == 302


def test_anonymous_visitor_cannot_reach_deletion(client):
    assert client.get(reverse("accounts:delete")).status_code == 302
    assert client.post(reverse("accounts:delete"), {"password": "x"}).status_code == 302
