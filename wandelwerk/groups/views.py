"""Reading pages of the groups app: list, group page, "Meine Arbeitsgruppen", document download."""

from __future__ import annotations

from typing import Any

import rules
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from wandelwerk.actors.models import Topic, TopicGroup
from wandelwerk.core.uploads import CONTENT_TYPES
from wandelwerk.groups import selectors
from wandelwerk.groups.forms import DocumentForm, JoinForm, LinkForm, PostForm
from wandelwerk.groups.models import Document, GroupRole, JoinMode, WorkingGroup
from wandelwerk.networks.models import Network

THREADS_PER_PAGE = 20


def allowed(perm: str, user: Any, obj: Any) -> bool:
    """The rule itself, without Django's superuser shortcut: membership-based rights (writing posts,
    leaving, notifications) stay with members, and staff rights are spelled out in rules.py."""
    return rules.has_perm(perm, user, obj)


def group_or_404(slug: str) -> WorkingGroup:
    group = selectors.group_get(slug=slug)
    if group is None:
        raise Http404
    return group


def permitted(request: HttpRequest, slug: str, perm: str) -> WorkingGroup:
    """The group ``slug`` if the user holds ``perm`` on it; 404 for unknown groups, else 403."""
    group = group_or_404(slug)
    if not allowed(perm, request.user, group):
        raise PermissionDenied
    return group


def group_list(request: HttpRequest) -> HttpResponse:
    query = selectors.parse_group_query(request.GET)
    page = Paginator(selectors.group_list(query=query), 30).get_page(request.GET.get("page"))
    user = request.user
    can_create = user.is_authenticated and (
        user.is_staff or user.network_memberships.filter(role="coordinator").exists()
    )
    return render(
        request,
        "groups/list.html",
        {
            "page": page,
            "query": query,
            "networks": Network.objects.filter(working_groups__isnull=False).distinct().order_by("name"),
            "topics": Topic.objects.filter(group=TopicGroup.FIELD, working_groups__isnull=False)
            .distinct()
            .order_by("order", "name"),
            "can_create": can_create,
        },
    )


def render_detail(
    request: HttpRequest, group: WorkingGroup, *, status: int = 200, **forms: Any
) -> HttpResponse:
    """The group page; write views call it with a bound form to show its errors in place."""
    user = request.user
    membership = selectors.membership_of(group=group, user=user)
    can_view = allowed("groups.view_content", user, group)
    can_contribute = membership is not None
    is_coordinator = membership is not None and membership.role == GroupRole.COORDINATOR
    can_moderate = is_coordinator or user.is_staff
    context: dict[str, Any] = {
        "group": group,
        "membership": membership,
        "can_view": can_view,
        "can_contribute": can_contribute,
        "can_moderate": can_moderate,
        "can_change": allowed("groups.change_group", user, group),
        "can_manage": can_moderate,
        "pending": selectors.has_pending_request(group=group, user=user) if membership is None else False,
        "join_form": forms.get("join_form") or (JoinForm() if group.join_mode == JoinMode.REQUEST else None),
        "meetings": selectors.group_meetings(group, request.user),
        "open_request_count": selectors.open_requests(group=group).count() if can_moderate else 0,
    }
    if can_view:
        context.update(
            page=Paginator(selectors.threads(group=group), THREADS_PER_PAGE).get_page(
                request.GET.get("page")
            ),
            links=list(selectors.links(group=group)),
            documents=list(selectors.documents(group=group)),
        )
    if can_contribute:
        context.update(
            post_form=forms.get("post_form") or PostForm(),
            reply_form=forms.get("reply_form"),
            reply_to=forms.get("reply_to"),
            link_form=forms.get("link_form") or LinkForm(),
            document_form=forms.get("document_form") or DocumentForm(),
        )
    return render(request, "groups/detail.html", context, status=status)


def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render_detail(request, group_or_404(slug))


@login_required
def my_groups(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "groups/mine.html",
        {
            "entries": selectors.groups_of_user(request.user),
            "requests": selectors.pending_requests_of_user(request.user),
        },
    )


def document_download(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Sends a document as an attachment to those who may see the group's documents; nosniff, so a
    browser never renders it in the site's origin."""
    group = permitted(request, slug, "groups.view_content")
    document = Document.objects.filter(group=group, pk=pk).first()
    if document is None:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    filename = document.original_name
    if not filename.lower().endswith(f".{document.extension}"):
        filename = f"{filename}.{document.extension}"
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=CONTENT_TYPES.get(document.extension, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
