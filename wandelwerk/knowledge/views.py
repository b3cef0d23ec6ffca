"""Reading pages: overview with search, practice and method lists, details, file downloads."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from wandelwerk.knowledge import selectors
from wandelwerk.knowledge.forms import AdoptionForm, FileForm
from wandelwerk.knowledge.models import Effort, Method, MethodKind, Practice
from wandelwerk.knowledge.services import may_remove_adoption

PER_PAGE = 20
PREVIEW = 6


def _query(request: HttpRequest) -> tuple[selectors.KnowledgeQuery, str]:
    try:
        return selectors.parse_query(request.GET), ""
    except selectors.KnowledgeFilterError as exc:
        return selectors.KnowledgeQuery(), exc.message


def _filter_context(request: HttpRequest, query: selectors.KnowledgeQuery, error: str) -> dict[str, Any]:
    return {
        "query": query,
        "error": error,
        "topics": selectors.field_topics(),
        "efforts": Effort.choices,
        "kinds": MethodKind.choices,
        "can_propose": request.user.has_perm("knowledge.propose"),
    }


def index(request: HttpRequest) -> HttpResponse:
    """Both sections on one page: the first matches of each, with links to the full lists."""
    query, error = _query(request)
    if error:
        practices, methods = Practice.objects.none(), Method.objects.none()
    else:
        practices = selectors.practice_filter(user=request.user, query=query)
        methods = selectors.method_filter(user=request.user, query=query)
    context = _filter_context(request, query, error) | {
        "practices": _count_adoptions(list(practices[:PREVIEW])),
        "practice_count": practices.count(),
        "methods": list(methods[:PREVIEW]),
        "method_count": methods.count(),
        "review": selectors.drafts_for_review(user=request.user),
        "section": "index",
    }
    return render(request, "knowledge/index.html", context, status=400 if error else 200)


def _count_adoptions(practices: list[Practice]) -> list[Practice]:
    """Sets ``public_adoptions`` (how many public adopters) on each practice, in one query."""
    counts = selectors.adoption_counts([p.pk for p in practices])
    for p in practices:
        p.public_adoptions = counts.get(p.pk, 0)  # type: ignore[attr-defined]
    return practices


def _list(request: HttpRequest, model: type[Practice] | type[Method]) -> HttpResponse:
    query, error = _query(request)
    if error:
        qs: Any = model.objects.none()
    elif model is Practice:
        qs = selectors.practice_filter(user=request.user, query=query)
    else:
        qs = selectors.method_filter(user=request.user, query=query)
    page = Paginator(qs, PER_PAGE).get_page(request.GET.get("page"))
    context = _filter_context(request, query, error) | {
        "page": page,
        "section": "practices" if model is Practice else "methods",
    }
    if model is Practice:
        _count_adoptions(list(page))
    template = "knowledge/practice_list.html" if model is Practice else "knowledge/method_list.html"
    return render(request, template, context, status=400 if error else 200)


def practice_list(request: HttpRequest) -> HttpResponse:
    return _list(request, Practice)


def method_list(request: HttpRequest) -> HttpResponse:
    return _list(request, Method)


def _entry_rights(request: HttpRequest, entry: Practice | Method) -> dict[str, bool]:
    user = request.user
    return {
        "can_change": user.has_perm("knowledge.change_entry", entry),
        "can_publish": user.has_perm("knowledge.publish_entry", entry),
        "can_delete": user.has_perm("knowledge.delete_entry", entry),
    }


def practice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    practice = selectors.entry_get(Practice, user=request.user, slug=slug)
    if practice is None:
        raise Http404
    adoptions = selectors.public_adoptions(practice=practice)
    rows = [
        (
            a,
            *selectors.adoption_label(a),
            request.user.is_authenticated and may_remove_adoption(user=request.user, adoption=a),
        )
        for a in adoptions
    ]
    options = selectors.adoption_options(user=request.user) if practice.is_published else None
    context = {
        "practice": practice,
        "adoptions": rows,
        "bbox": selectors.adopters_bbox(adoptions),
        "adoption_form": AdoptionForm(options=options) if options else None,
        **_entry_rights(request, practice),
    }
    return render(request, "knowledge/practice_detail.html", context)


def method_detail(request: HttpRequest, slug: str) -> HttpResponse:
    method = selectors.entry_get(Method, user=request.user, slug=slug)
    if method is None:
        raise Http404
    rights = _entry_rights(request, method)
    context = {
        "method": method,
        "files": selectors.method_files(method=method),
        "file_form": FileForm() if rights["can_change"] else None,
        **rights,
    }
    return render(request, "knowledge/method_detail.html", context)


def file_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """The file as an attachment, never rendered inline; an unpublished method's files only for the
    people who may edit it (404 for everyone else, so a draft's existence does not leak)."""
    method = get_object_or_404(Method, slug=slug)
    if not method.is_published and not request.user.has_perm("knowledge.change_entry", method):
        raise Http404
    stored = get_object_or_404(method.files, pk=pk)
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    name = f"{slugify(stored.title)[:80] or 'datei'}.{stored.extension}"
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=stored.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store" if not method.is_published else "public, max-age=3600"
    return response


def require(request: HttpRequest, perm: str, obj: Any = None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied
