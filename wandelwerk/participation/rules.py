"""Who may do what in idea contests."""

from __future__ import annotations

from typing import Any

import rules

from wandelwerk.networks.rules import is_network_coordinator


def has_verified_email(user: Any) -> bool:
    from allauth.account.models import EmailAddress

    return bool(user.is_authenticated) and EmailAddress.objects.filter(user=user, verified=True).exists()


@rules.predicate
def is_verified(user: Any) -> bool:
    return has_verified_email(user)


@rules.predicate
def coordinates_contest(user: Any, contest: Any) -> bool:
    return contest is not None and is_network_coordinator(user, contest.network)


@rules.predicate
def coordinates_idea(user: Any, idea: Any) -> bool:
    return idea is not None and is_network_coordinator(user, idea.contest.network)


@rules.predicate
def is_jury_member(user: Any, contest: Any) -> bool:
    return contest is not None and user.is_authenticated and contest.jury.filter(pk=user.pk).exists()


@rules.predicate
def is_idea_author(user: Any, idea: Any) -> bool:
    return idea is not None and user.is_authenticated and idea.author_id == user.pk


@rules.predicate
def is_published(user: Any, idea: Any) -> bool:
    return idea is not None and idea.status == "published"


@rules.predicate
def coordinates_any_network(user: Any) -> bool:
    from wandelwerk.networks.models import Membership, Role

    return user.is_authenticated and Membership.objects.filter(user=user, role=Role.COORDINATOR).exists()


rules.add_perm("participation.add_contest", coordinates_any_network | rules.is_staff)
rules.add_perm("participation.change_contest", coordinates_contest | rules.is_staff)
rules.add_perm("participation.moderate_contest", coordinates_contest | rules.is_staff)
rules.add_perm("participation.score_contest", is_jury_member)
rules.add_perm("participation.view_idea", is_published | is_idea_author | coordinates_idea | rules.is_staff)
