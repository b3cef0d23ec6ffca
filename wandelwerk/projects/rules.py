"""Who may change a project: its lead (the proposer or the owner of the lead partner), the
coordinators of networks covering its area, staff."""

from __future__ import annotations

from typing import Any

import rules

from wandelwerk.projects.models import PartnerRole, PartnerStatus, Project


@rules.predicate
def is_project_lead(user: Any, project: Project | None) -> bool:
    if project is None or not user.is_authenticated:
        return False
    if project.created_by_id == user.pk:
        return True
    return project.partners.filter(
        role=PartnerRole.LEAD, status=PartnerStatus.ACCEPTED, actor__owner=user
    ).exists()


@rules.predicate
def is_team_member(user: Any, project: Project | None) -> bool:
    if project is None or not user.is_authenticated:
        return False
    return (
        is_project_lead(user, project)
        or project.partners.filter(status=PartnerStatus.ACCEPTED, actor__owner=user).exists()
    )


def _coordinates_area(user: Any, area: Any) -> bool:
    """Coordinator of a network covering the area, its county or its state."""
    from wandelwerk.networks.selectors import area_ids_for_user

    ids = {area.pk, area.parent_id, area.parent.parent_id if area.parent else None}
    return bool(ids & area_ids_for_user(user=user, coordinator=True))


@rules.predicate
def is_area_coordinator(user: Any, project: Project | None) -> bool:
    return project is not None and user.is_authenticated and _coordinates_area(user, project.area)


@rules.predicate
def is_public(user: Any, project: Project | None) -> bool:
    return project is not None and project.is_public


rules.add_perm("projects.view_project", is_public | is_team_member | is_area_coordinator | rules.is_staff)
rules.add_perm("projects.change_project", is_project_lead | is_area_coordinator | rules.is_staff)
rules.add_perm("projects.decide_partner", is_project_lead | rules.is_staff)


@rules.predicate
def publishes_strategy(user: Any, strategy: Any) -> bool:
    """Owner of the publishing administration, coordinator of its area, or the creator."""
    if strategy is None or not user.is_authenticated:
        return False
    if strategy.created_by_id == user.pk or strategy.publisher.owner_id == user.pk:
        return True
    return _coordinates_area(user, strategy.area)


rules.add_perm("projects.change_strategy", publishes_strategy | rules.is_staff)
