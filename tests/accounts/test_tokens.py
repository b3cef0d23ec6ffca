"""API tokens: shown once, stored as a digest, usable for bearer auth until revoked."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from wandelwerk.accounts import services
from wandelwerk.accounts.auth import TokenAuth
from wandelwerk.accounts.models import ApiToken
from wandelwerk.accounts.services import AccountError, token_create, token_revoke

pytestmark = pytest.mark.django_db


def _bearer(raw: str):
    request = RequestFactory().post("/api/v1/actors", HTTP_AUTHORIZATION=f"Bearer {raw}")
    return request, TokenAuth()(request)


def test_created_token_is_stored_only_as_digest_and_prefix(user):
    token, raw = token_create(user=user, name="Import-Skript")

    assert raw.startswith("ww_") and len(raw) > 40
    assert token.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert token.prefix == raw[:8]
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert raw not in {str(v) for v in stored.values()}


def test_two_tokens_differ(user):
    _t1, raw1 = token_create(user=user, name="eins")
    _t2, raw2 = token_create(user=user, name="zwei")
    assert raw1 != raw2


@pytest.mark.parametrize(("name", "message"), [("   ", "Bezeichnung"), ("x" * 101, "zu lang")])
def test_token_needs_a_sensible_name(user, name, message):
    with pytest.raises(AccountError, match=message):
        token_create(user=user, name=name)
    assert not ApiToken.objects.exists()


def test_duplicate_token_name_is_refused(user):
    token_create(user=user, name="Skript")
    with pytest.raises(AccountError, match="Skript"):
        token_create(user=user, name="Skript")
    assert ApiToken.objects.count() == 1


def test_token_count_per_account_is_limited(user):
    for n in range(services.MAX_TOKENS_PER_USER):
        token_create(user=user, name=f"t{n}")
    with pytest.raises(AccountError):
        token_create(user=user, name="einer zu viel")


def test_valid_token_authenticates_and_sets_request_user(user):
    _token, raw = token_create(user=user, name="Skript")

    request, result = _bearer(raw)

    assert result == user
    assert request.user == user
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize("raw", ["", "ww_unbekannt", "kein-praefix", "ww_" + "a" * 300])
def test_unknown_or_malformed_token_is_refused(user, raw):
    token_create(user=user, name="Skript")
    _request, result = _bearer(raw)
    assert result is None


def test_revoked_token_is_refused(user):
    token, raw = token_create(user=user, name="Skript")
    token_revoke(user=user, token_id=token.pk)
    _request, result = _bearer(raw)
    assert result is None


def test_token_of_deactivated_account_is_refused(user):
    _token, raw = token_create(user=user, name="Skript")
    user.is_active = False
    user.save()
    _request, result = _bearer(raw)
    assert result is None


def test_someone_elses_token_cannot_be_revoked(user, other_user):
    token, _raw = token_create(user=other_user, name="Bernds")
    with pytest.raises(AccountError):
        token_revoke(user=user, token_id=token.pk)
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_last_used_is_written_at_most_once_a_minute(user, monkeypatch, django_assert_num_queries):
    _token, raw = token_create(user=user, name="Skript")
    start = timezone.now()
    monkeypatch.setattr(services.timezone, "now", lambda: start)
    _bearer(raw)
    assert ApiToken.objects.get().last_used_at == start

    # within the minute: one read, no write
    monkeypatch.setattr(services.timezone, "now", lambda: start + dt.timedelta(seconds=59))
    with django_assert_num_queries(1):
        _bearer(raw)
    assert ApiToken.objects.get().last_used_at == start

    # a minute later: written again
    later = start + dt.timedelta(seconds=61)
    monkeypatch.setattr(services.timezone, "now", lambda: later)
    _bearer(raw)
    assert ApiToken.objects.get().last_used_at == later


# --- the page -----------------------------------------------------------------------------------


def test_token_page_shows_the_raw_token_once(anna_client, user):
    response = anna_client.post(reverse("accounts:tokens"), {"name": "Import-Skript"})
    assert response.status_code == 200
    raw = response.context["raw_token"]
    assert raw in response.content.decode()
    assert "no-store" in response["Cache-Control"]

    again = anna_client.get(reverse("accounts:tokens")).content.decode()
    assert raw not in again
    assert "Import-Skript" in again and ApiToken.objects.get().prefix in again


def test_token_page_names_the_problem_with_a_duplicate(anna_client, user):
    token_create(user=user, name="Skript")
    response = anna_client.post(reverse("accounts:tokens"), {"name": "Skript"})
    assert response.context["form"].errors["name"]
    assert response.context["raw_token"] is None


def test_token_can_be_revoked_from_the_page(anna_client, user):
    token, raw = token_create(user=user, name="Skript")
    response = anna_client.post(reverse("accounts:token_revoke", args=[token.pk]))
    assert response.status_code == 302
    assert not ApiToken.objects.exists()
    assert _bearer(raw)[1] is None


def test_page_cannot_revoke_someone_elses_token(anna_client, other_user):
    token, _raw = token_create(user=other_user, name="Bernds")
    anna_client.post(reverse("accounts:token_revoke", args=[token.pk]))
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_revoking_needs_post(anna_client, user):
    token, _raw = token_create(user=user, name="Skript")
    assert anna_client.get(reverse("accounts:token_revoke", args=[token.pk])).status_code == 405
    assert ApiToken.objects.exists()


def test_token_page_needs_login(client):
    assert client.get(reverse("accounts:tokens")).status_code == 302
