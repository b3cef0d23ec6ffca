"""Reads for moderation: the filter other apps apply to their lists, and the moderators' queue."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import Model, Prefetch, Q, QuerySet, Subquery

from wandelwerk.moderation.models import HIDDEN_STATES, Flag, FlagStatus, Report


def _hidden_ids(model: Any) -> QuerySet[Flag]:
    meta = model._meta.concrete_model._meta
    return (
        Flag.objects.filter(
            content_type__app_label=meta.app_label,
            content_type__model=meta.model_name,
            status__in=HIDDEN_STATES,
        )
        .order_by()
        .values("object_id")
    )


def visible_q(model: Any, *, field: str = "pk") -> Q:
    """A filter that leaves out rows of ``model`` hidden by moderation (``field`` names the primary
    key path when filtering a related model). One subquery, no extra query."""
    return ~Q(**{f"{field}__in": Subquery(_hidden_ids(model))})


def is_hidden(obj: Any) -> bool:
    """Whether moderation hides this object (hidden pending review, or removed)."""
    if obj is None or obj.pk is None:
        return False
    return _hidden_ids(type(obj)).filter(object_id=obj.pk).exists()


def model_for_label(label: str) -> type[Model] | None:
    """The reportable model for "app_label.model", or None (unknown, or not reportable)."""
    app_label, _, model_name = label.partition(".")
    if not app_label or not model_name:
        return None
    try:
        model = apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return None
    return model if callable(getattr(model, "moderation_context", None)) else None


def moderated_network_ids(user: Any) -> list[int] | None:
    """Networks whose content ``user`` moderates (coordinated ones and all below them);
    None means every network and the unassigned content too (staff)."""
    if not user.is_authenticated:
        return []
    if user.is_staff or user.is_superuser:
        return None
    from wandelwerk.networks.selectors import network_descendant_ids, networks_coordinated_by

    ids: set[int] = set()
    for network in networks_coordinated_by(user):
        ids.update(network_descendant_ids(network))
    return sorted(ids)


def queue(*, user: Any) -> QuerySet[Flag]:
    """Reported or hidden items the user moderates, oldest first, with their open reports."""
    qs = Flag.objects.filter(
        Q(status=FlagStatus.HIDDEN) | Q(status__in=[FlagStatus.VISIBLE, FlagStatus.KEPT], open_reports__gt=0)
    )
    network_ids = moderated_network_ids(user)
    if network_ids is not None:
        qs = qs.filter(network_id__in=network_ids)
    open_reports = Report.objects.filter(is_open=True).order_by("created_at", "id")
    return (
        qs.select_related("network", "content_type")
        .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_report_list"))
        .order_by("created_at", "id")
    )


def flag_get(*, pk: int) -> Flag | None:
    return Flag.objects.select_related("network", "author").filter(pk=pk).first()
