"""Writes to networks: creating networks, their areas and people's roles."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from wandelwerk.geo.models import Area
from wandelwerk.networks.models import Membership, Network, Role


class NetworkError(ValueError):
    pass


@transaction.atomic
def network_create(
    *,
    slug: str,
    name: str,
    areas: Iterable[Area] = (),
    parent: Network | None = None,
    description: str = "",
    website: str = "",
    is_demo: bool = False,
) -> Network:
    if Network.objects.filter(slug=slug).exists():
        raise NetworkError(_("Ein Netzwerk mit dem Kürzel „%(slug)s“ gibt es schon.") % {"slug": slug})
    network = Network.objects.create(
        slug=slug, name=name, parent=parent, description=description, website=website, is_demo=is_demo
    )
    network.areas.set(list(areas))
    return network


@transaction.atomic
def membership_set(*, network: Network, user: Any, role: str = Role.MEMBER) -> Membership:
    """Gives ``user`` a role in ``network`` (creates or changes the membership; one row per person)."""
    if role not in Role.values:
        raise NetworkError(_("Unbekannte Rolle „%(role)s“.") % {"role": role})
    try:
        membership, _created = Membership.objects.update_or_create(
            network=network, user=user, defaults={"role": role}
        )
    except IntegrityError as exc:  # a parallel request created it first
        raise NetworkError(
            _("Die Mitgliedschaft wurde gleichzeitig geändert; bitte erneut versuchen.")
        ) from exc
    return membership


@transaction.atomic
def membership_remove(*, network: Network, user: Any) -> None:
    Membership.objects.filter(network=network, user=user).delete()
