from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from wandelwerk.accounts.services import token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_user_admin_lists_and_edits_accounts(admin_client, user):
    assert admin_client.get(reverse("admin:accounts_user_changelist")).status_code == 200
    response = admin_client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    assert response.status_code == 200
    assert "display_name" in response.content.decode()


def test_token_admin_shows_no_secret_and_cannot_create_tokens(admin_client, user):
    token, raw = token_create(user=user, name="Skript")
    listing = admin_client.get(reverse("admin:accounts_apitoken_changelist")).content.decode()
    detail = admin_client.get(reverse("admin:accounts_apitoken_change", args=[token.pk])).content.decode()
    assert "Skript" in listing
    for html in (listing, detail):
        assert raw not in html and token.digest not in html
    assert admin_client.get(reverse("admin:accounts_apitoken_add")).status_code == 403
