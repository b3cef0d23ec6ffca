"""Who may compose, send and see newsletters: the network's coordinators and staff."""

from __future__ import annotations

from typing import Any

import rules

from wandelwerk.networks.rules import is_network_coordinator
from wandelwerk.newsletters.models import Newsletter, NewsletterStatus


@rules.predicate
def coordinates_newsletter_network(user: Any, newsletter: Newsletter | None) -> bool:
    return newsletter is not None and is_network_coordinator(user, newsletter.network)


@rules.predicate
def is_sent(user: Any, newsletter: Newsletter | None) -> bool:
    return newsletter is not None and newsletter.status == NewsletterStatus.SENT


can_manage = is_network_coordinator | rules.is_staff
can_change = coordinates_newsletter_network | rules.is_staff

# object: the network — compose, see subscriber counts, export confirmed addresses
rules.add_perm("newsletters.manage_network", can_manage)
# object: the newsletter — edit, preview, send
rules.add_perm("newsletters.change_newsletter", can_change)
# sent newsletters are public (web archive); drafts only for those who may change them
rules.add_perm("newsletters.view_newsletter", is_sent | can_change)
