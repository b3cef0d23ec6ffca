"""Writes to accounts: profile, API tokens, account deletion and retention. Atomic and keyword-only."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wandelwerk.accounts.activity import activity_release
from wandelwerk.accounts.models import ApiToken, User
from wandelwerk.accounts.selectors import stale_accounts, user_by_verified_email
from wandelwerk.actors.models import Actor, Kind
from wandelwerk.actors.services import actor_delete
from wandelwerk.networks.models import Membership

TOKEN_PREFIX = "ww_"  # noqa: S105 (a marker that lets secret scanners recognise tokens)
MAX_TOKENS_PER_USER = 20
DISPLAY_NAME_MAX = User._meta.get_field("display_name").max_length or 120
TOKEN_NAME_MAX = ApiToken._meta.get_field("name").max_length or 100
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


class AccountError(ValueError):
    """A change to an account was refused; the message names what is wrong. Nothing was written."""


def token_digest(raw: str) -> str:
    """The SHA-256 hex digest under which a token is stored (the raw token is never stored)."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@transaction.atomic
def user_update(*, user: User, display_name: str) -> User:
    """Changes the display name (blank is allowed: the email is shown instead)."""
    name = display_name.strip()
    if len(name) > DISPLAY_NAME_MAX:
        raise AccountError(
            _("Der Anzeigename ist zu lang (höchstens %(max)d Zeichen).") % {"max": DISPLAY_NAME_MAX}
        )
    user.display_name = name
    user.save(update_fields=["display_name"])
    return user


@transaction.atomic
def token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Creates an API token. Returns the row and the raw token, which is shown once and never stored:
    only its SHA-256 digest and its first 8 characters (to recognise it in lists) are kept."""
    name = name.strip()
    if not name:
        raise AccountError(_("Bitte geben Sie dem Token eine Bezeichnung."))
    if len(name) > TOKEN_NAME_MAX:
        raise AccountError(
            _("Die Bezeichnung ist zu lang (höchstens %(max)d Zeichen).") % {"max": TOKEN_NAME_MAX}
        )
    if not user.is_active:
        raise AccountError(_("Dieses Konto ist nicht aktiv."))
    if ApiToken.objects.filter(user=user).count() >= MAX_TOKENS_PER_USER:
        raise AccountError(
            _("Sie haben bereits %(max)d Tokens. Bitte widerrufen Sie zuerst einen nicht mehr benötigten.")
            % {"max": MAX_TOKENS_PER_USER}
        )
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    try:
        with transaction.atomic():  # savepoint: a lost race on the unique name must not break the outer block
            token = ApiToken.objects.create(user=user, name=name, digest=token_digest(raw), prefix=raw[:8])
    except IntegrityError:
        raise AccountError(
            _("Es gibt bereits einen Token mit der Bezeichnung „%(name)s“.") % {"name": name}
        ) from None
    return token, raw


@transaction.atomic
def token_revoke(*, user: User, token_id: int) -> None:
    """Deletes one of ``user``'s tokens; it stops working at once. Someone else's token is not found."""
    deleted, _rows = ApiToken.objects.filter(user=user, pk=token_id).delete()
    if not deleted:
        raise AccountError(_("Diesen Token gibt es nicht (mehr)."))


def token_touch(*, token: ApiToken, now: dt.datetime | None = None) -> None:
    """Records use of a token, at most once per minute (a conditional UPDATE, so parallel requests
    write once and a busy client does not write on every call)."""
    now = now or timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_RESOLUTION:
        return
    ApiToken.objects.filter(pk=token.pk).exclude(last_used_at__gt=now - LAST_USED_RESOLUTION).update(
        last_used_at=now
    )
    token.last_used_at = now


@dataclass(frozen=True, slots=True)
class AccountDeletion:
    """What ``account_delete`` did."""

    persons_deleted: int
    organisations_handed_over: int
    organisations_without_owner: int
    memberships_removed: int


@transaction.atomic
def account_delete(*, user: User, handover_to_email: str | None = None) -> AccountDeletion:
    """Deletes an account and the personal data stored with it.

    - person entries (kind "person") the user manages are deleted;
    - organisation entries are kept: handed over to the account with the verified email address
      ``handover_to_email`` (which must exist and be someone else, else nothing changes), or kept
      without an owner;
    - registrations for events that have not ended are withdrawn (freed seats go to the waiting list);
    - network memberships, email addresses, MFA authenticators and API tokens are removed;
    - the user row itself is deleted (see docs/decisions/0003-accounts.md).
    """
    recipient: User | None = None
    email = (handover_to_email or "").strip()
    if email:
        if email.lower() == (user.email or "").lower():
            raise AccountError(_("Bitte geben Sie die E-Mail-Adresse eines anderen Kontos an."))
        recipient = user_by_verified_email(email=email)
        if recipient is None:
            raise AccountError(
                _("Es gibt kein aktives Konto mit der bestätigten E-Mail-Adresse „%(email)s“.")
                % {"email": email}
            )
        if recipient.pk == user.pk:
            raise AccountError(_("Bitte geben Sie die E-Mail-Adresse eines anderen Kontos an."))

    activity_release(user=user)  # free event seats for the people waiting
    owned = Actor.objects.filter(owner=user)
    persons = list(owned.filter(kind=Kind.PERSON))
    for actor in persons:
        actor_delete(actor=actor)
    organisations = Actor.objects.filter(owner=user).exclude(kind=Kind.PERSON).update(owner=recipient)
    memberships, _rows = Membership.objects.filter(user=user).delete()
    user.delete()  # cascades to email addresses, authenticators, tokens, admin log entries
    return AccountDeletion(
        persons_deleted=len(persons),
        organisations_handed_over=organisations if recipient else 0,
        organisations_without_owner=0 if recipient else organisations,
        memberships_removed=memberships,
    )


@transaction.atomic
def accounts_purge_stale(*, days: int, dry_run: bool = False, now: dt.datetime | None = None) -> list[int]:
    """Deletes accounts that never verified an email address within ``days`` days and own nothing
    (see ``selectors.stale_accounts``). Returns the ids (also when ``dry_run`` deletes nothing)."""
    if days < 1:
        raise AccountError(_("Die Frist muss mindestens einen Tag betragen."))
    stale = stale_accounts(days=days, now=now)
    ids = sorted(stale.values_list("pk", flat=True))
    if ids and not dry_run:
        # the conditions are applied again at deletion: an account verified meanwhile stays
        User.objects.filter(pk__in=stale.filter(pk__in=ids).values("pk")).delete()
    return ids
