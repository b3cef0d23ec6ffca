"""Retention: `manage.py purge_stale_accounts` removes never-confirmed accounts that own nothing."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.accounts.factories import make_verified_user
from tests.factories import NetworkFactory, UserFactory, make_actor
from wandelwerk.networks.models import Membership

pytestmark = pytest.mark.django_db

User = get_user_model()


def _unconfirmed(email: str, *, days_ago: int, **kwargs):
    return make_verified_user(
        email=email, verified=False, date_joined=timezone.now() - dt.timedelta(days=days_ago), **kwargs
    )


def _run(*args: str) -> str:
    out = StringIO()
    call_command("purge_stale_accounts", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def accounts(geo):
    old = _unconfirmed("alt@example.org", days_ago=20)
    no_address_row = UserFactory(email="ohne@example.org", date_joined=timezone.now() - dt.timedelta(days=20))
    fresh = _unconfirmed("neu@example.org", days_ago=3)
    confirmed = make_verified_user(
        email="ok@example.org", date_joined=timezone.now() - dt.timedelta(days=400)
    )
    owner = _unconfirmed("traeger@example.org", days_ago=20)
    make_actor(geo["zwickau"], name="Verein", owner=owner)
    member = _unconfirmed("mitglied@example.org", days_ago=20)
    Membership.objects.create(network=NetworkFactory(), user=member)
    staff = _unconfirmed("admin@example.org", days_ago=20, is_staff=True)
    logged_in = _unconfirmed("aktiv@example.org", days_ago=20, last_login=timezone.now())
    return {
        "purged": {old.pk, no_address_row.pk},
        "kept": {fresh.pk, confirmed.pk, owner.pk, member.pk, staff.pk, logged_in.pk},
        "fresh": fresh.pk,
    }


def test_purge_removes_only_stale_unconfirmed_accounts_that_own_nothing(accounts):
    output = _run()
    remaining = set(User.objects.values_list("pk", flat=True))
    assert remaining == accounts["kept"]
    assert "2 " in output


def test_dry_run_counts_but_deletes_nothing(accounts):
    output = _run("--dry-run")
    assert User.objects.count() == len(accounts["purged"]) + len(accounts["kept"])
    assert "2 " in output and "Probelauf" in output


def test_days_option_moves_the_cutoff(accounts):
    _run("--days", "2")
    remaining = set(User.objects.values_list("pk", flat=True))
    assert remaining == accounts["kept"] - {accounts["fresh"]}


def test_days_below_one_is_refused(accounts):
    with pytest.raises(CommandError, match="mindestens einen Tag"):
        _run("--days", "0")
    assert User.objects.count() == len(accounts["purged"]) + len(accounts["kept"])
