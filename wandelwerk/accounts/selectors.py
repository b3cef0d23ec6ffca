"""Reads for accounts: the "Mein Konto" overview, the personal data export, tokens, stale accounts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from wandelwerk.accounts.activity import activity_export
from wandelwerk.accounts.models import ApiToken, User
from wandelwerk.actors.models import Actor, Kind
from wandelwerk.networks.models import Membership

EXPORT_FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class AccountOverview:
    memberships: list[Membership]
    actors: list[Actor]
    email_addresses: list[EmailAddress]
    token_count: int
    mfa_enabled: bool


def account_overview(*, user: User) -> AccountOverview:
    """Everything the "Mein Konto" page shows, in a fixed number of queries."""
    from allauth.mfa.utils import is_mfa_enabled

    return AccountOverview(
        memberships=list(
            Membership.objects.filter(user=user).select_related("network").order_by("network__name")
        ),
        actors=list(
            Actor.objects.filter(owner=user).only("id", "name", "slug", "kind", "status").order_by("name")
        ),
        email_addresses=list(EmailAddress.objects.filter(user=user).order_by("-primary", "email")),
        token_count=ApiToken.objects.filter(user=user).count(),
        mfa_enabled=is_mfa_enabled(user),
    )


def tokens_for(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).only("id", "name", "prefix", "created_at", "last_used_at")


def organisations_owned_by(*, user: User) -> QuerySet[Actor]:
    """Entries that survive account deletion (everything but person entries)."""
    return (
        Actor.objects.filter(owner=user).exclude(kind=Kind.PERSON).only("id", "name", "slug").order_by("name")
    )


def user_by_verified_email(*, email: str) -> User | None:
    """The active account that has confirmed ``email`` (case-insensitive), if any."""
    return (
        User.objects.filter(is_active=True)
        .filter(Exists(EmailAddress.objects.filter(user=OuterRef("pk"), email__iexact=email, verified=True)))
        .first()
    )


def stale_accounts(*, days: int, now: dt.datetime | None = None) -> QuerySet[User]:
    """Accounts that signed up more than ``days`` days ago, never confirmed an email address, never
    logged in, are neither staff nor superuser, and own nothing (no entries, no memberships)."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    return User.objects.filter(
        ~Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)),
        ~Exists(Actor.objects.filter(owner=OuterRef("pk"))),
        ~Exists(Membership.objects.filter(user=OuterRef("pk"))),
        date_joined__lt=cutoff,
        last_login__isnull=True,
        is_staff=False,
        is_superuser=False,
    )


def _row(obj: Any, *, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """All concrete fields of a row by attribute name (foreign keys as ids)."""
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if f.attname not in exclude}


def account_export(*, user: User) -> dict[str, Any]:
    """Everything stored about ``user``, for the DSGVO data download (Art. 15, 20). Secrets (password
    hash, token digests, MFA secrets) are left out; nothing about other accounts is included."""
    account = _row(user, exclude=frozenset({"password"}))
    account["groups"] = sorted(user.groups.values_list("name", flat=True))
    addresses = list(EmailAddress.objects.filter(user=user).values_list("email", flat=True))

    actors = []
    consents = []
    owned = (
        Actor.objects.filter(owner=user)
        .select_related("municipality", "county", "state")
        .prefetch_related("topics", "resources")
        .order_by("name", "id")
    )
    for actor in owned:
        row = _row(actor, exclude=frozenset({"search_text"}))
        row["municipality_name"] = actor.municipality.name
        row["county_name"] = actor.county.name
        row["state_name"] = actor.state.name
        row["topics"] = sorted(t.slug for t in actor.topics.all())
        row["resources"] = [_row(r, exclude=frozenset({"actor_id"})) for r in actor.resources.all()]
        actors.append(row)
        if actor.kind == Kind.PERSON:
            consents.append(
                {
                    "actor_id": actor.pk,
                    "actor_name": actor.name,
                    "consent_at": actor.consent_at,
                    "consent_version": actor.consent_version,
                    "consent_text": actor.consent_text,
                }
            )

    return {
        "format": "wandelwerk-personal-data",
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": timezone.now(),
        "account": account,
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "mfa_authenticators": [
            {"type": a.type, "created_at": a.created_at, "last_used_at": a.last_used_at}
            for a in Authenticator.objects.filter(user=user).order_by("type", "created_at")
        ],
        "network_memberships": [
            {
                "network_slug": m.network.slug,
                "network_name": m.network.name,
                "role": m.role,
                "created_at": m.created_at,
            }
            for m in Membership.objects.filter(user=user).select_related("network").order_by("network__name")
        ],
        "actors": actors,
        "consents": consents,
        "reviews": [
            {"actor_slug": a.slug, "actor_name": a.name, "status": a.status, "reviewed_at": a.reviewed_at}
            for a in Actor.objects.filter(reviewed_by=user).only("slug", "name", "status", "reviewed_at")
        ],
        "api_tokens": [
            {"name": t.name, "prefix": t.prefix, "created_at": t.created_at, "last_used_at": t.last_used_at}
            for t in ApiToken.objects.filter(user=user)
        ],
        **activity_export(user=user, emails=[user.email, *addresses]),
    }
