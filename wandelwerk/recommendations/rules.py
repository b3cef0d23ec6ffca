"""Who may see recommended introductions for a network: its coordinators (and those of a network
above it) and staff. Partner suggestions for public actors and visible projects are open to all."""

from __future__ import annotations

import rules

from wandelwerk.networks.rules import is_network_coordinator

rules.add_perm("recommendations.see_introductions", is_network_coordinator | rules.is_staff)
