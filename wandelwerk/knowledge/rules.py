"""Who may do what in the action pool and the toolbox (named predicates, the `rules` package).

* Anyone signed in proposes practices and methods; proposals stay unpublished.
* Editors — coordinators of any network, and staff — publish, edit and delete every entry.
* Authors edit (and add files to) their own entries while these are unpublished.
* "Wir setzen das um": an actor's owner for that actor, a project's lead (``projects.change_project``)
  for that project, a coordinator of a network covering a region for that region; editors remove any.

The ``obj`` of the entry permissions is a ``Practice`` or a ``Method``.
"""

from __future__ import annotations

from typing import Any

import rules


@rules.predicate
def is_published(user: Any, entry: Any) -> bool:
    return entry is not None and bool(entry.is_published)


@rules.predicate
def is_author(user: Any, entry: Any) -> bool:
    return (
        entry is not None
        and user.is_authenticated
        and entry.created_by_id is not None
        and entry.created_by_id == user.pk
    )


@rules.predicate
def is_editor(user: Any) -> bool:
    """Staff, or coordinator of any network. Remembered on the user object for the rest of the request
    (pages ask several times: may edit, may publish, may delete, may see drafts)."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    cached = getattr(user, "_knowledge_is_editor", None)
    if cached is None:
        from wandelwerk.networks.models import Membership, Role

        cached = Membership.objects.filter(user=user, role=Role.COORDINATOR).exists()
        user._knowledge_is_editor = cached
    return bool(cached)


rules.add_perm("knowledge.propose", rules.is_authenticated)
rules.add_perm("knowledge.moderate", is_editor)
rules.add_perm("knowledge.view_entry", is_published | is_author | is_editor)
rules.add_perm("knowledge.change_entry", is_editor | (is_author & ~is_published))
rules.add_perm("knowledge.publish_entry", is_editor)
rules.add_perm("knowledge.delete_entry", is_editor)


@rules.predicate
def owns_actor(user: Any, actor: Any) -> bool:
    return actor is not None and user.is_authenticated and actor.owner_id == user.pk


@rules.predicate
def leads_project(user: Any, project: Any) -> bool:
    return project is not None and user.is_authenticated and user.has_perm("projects.change_project", project)


def coordinated_area_ids(user: Any) -> frozenset[int]:
    if not user.is_authenticated:
        return frozenset()
    from wandelwerk.networks.selectors import area_ids_for_user

    return area_ids_for_user(user=user, coordinator=True)


@rules.predicate
def coordinates_area(user: Any, area: Any) -> bool:
    """Coordinator of a network covering the region, its county or its state."""
    if area is None or not user.is_authenticated:
        return False
    ids = {area.pk, area.parent_id, area.parent.parent_id if area.parent_id else None}
    return bool(ids & coordinated_area_ids(user))


rules.add_perm("knowledge.adopt_for_actor", owns_actor | rules.is_staff)
rules.add_perm("knowledge.adopt_for_project", leads_project)
rules.add_perm("knowledge.adopt_for_area", coordinates_area | rules.is_staff)
