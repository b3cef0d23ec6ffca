"""Writing in a group: posts and replies, links, documents. Members only; bad input re-renders the
group page with the form's errors (status 400) and writes nothing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.groups import services_content
from wandelwerk.groups.forms import DocumentForm, LinkForm, PostForm
from wandelwerk.groups.models import Document, Post, SharedLink, WorkingGroup
from wandelwerk.groups.services import GroupError
from wandelwerk.groups.views import allowed, group_or_404, permitted, render_detail


def _post(group: WorkingGroup, pk: int) -> Post:
    post = Post.objects.filter(group=group, pk=pk).select_related("author", "group").first()
    if post is None:
        raise Http404
    return post


def _anchor(group: WorkingGroup, post: Post) -> HttpResponse:
    return redirect(f"{group.get_absolute_url()}#beitrag-{post.pk}")


@login_required
@require_POST
def post_create(request: HttpRequest, slug: str) -> HttpResponse:
    group = permitted(request, slug, "groups.contribute")
    parent = None
    if request.POST.get("parent"):
        try:
            parent = _post(group, int(request.POST["parent"]))
        except ValueError as exc:
            raise Http404 from exc
    form = PostForm(request.POST, prefix=f"reply-{parent.pk}" if parent else None)
    if form.is_valid():
        try:
            post = services_content.post_create(
                group=group,
                user=request.user,
                text=form.cleaned_data["text"],
                parent=parent,
                base_url=request.build_absolute_uri("/").rstrip("/"),
            )
        except GroupError as exc:
            form.add_error("text", str(exc))
        else:
            messages.success(request, _("Beitrag veröffentlicht."))
            return _anchor(group, post)
    if parent is not None:
        return render_detail(request, group, status=400, reply_form=form, reply_to=parent.pk)
    return render_detail(request, group, status=400, post_form=form)


@login_required
def post_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = permitted(request, slug, "groups.contribute")
    post = _post(group, pk)
    if not allowed("groups.change_post", request.user, post):
        raise PermissionDenied
    form = PostForm(request.POST or None, initial={"text": post.text})
    if request.method == "POST" and form.is_valid():
        try:
            services_content.post_edit(post=post, text=form.cleaned_data["text"])
        except GroupError as exc:
            form.add_error("text", str(exc))
        else:
            messages.success(request, _("Beitrag gespeichert."))
            return _anchor(group, post)
    context = {"group": group, "post": post, "form": form}
    return render(request, "groups/post_edit.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def post_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = group_or_404(slug)
    post = _post(group, pk)
    if not allowed("groups.delete_post", request.user, post):
        raise PermissionDenied
    services_content.post_delete(post=post)
    messages.success(request, _("Beitrag gelöscht."))
    return redirect(group)


@login_required
@require_POST
def link_add(request: HttpRequest, slug: str) -> HttpResponse:
    group = permitted(request, slug, "groups.contribute")
    form = LinkForm(request.POST)
    if form.is_valid():
        try:
            services_content.link_add(
                group=group, user=request.user, title=form.cleaned_data["title"], url=form.cleaned_data["url"]
            )
        except GroupError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            messages.success(request, _("Link geteilt."))
            return redirect(f"{group.get_absolute_url()}#links")
    return render_detail(request, group, status=400, link_form=form)


@login_required
@require_POST
def link_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = group_or_404(slug)
    link = SharedLink.objects.filter(group=group, pk=pk).select_related("group").first()
    if link is None:
        raise Http404
    if not allowed("groups.delete_item", request.user, link):
        raise PermissionDenied
    services_content.link_delete(link=link)
    messages.success(request, _("Link entfernt."))
    return redirect(f"{group.get_absolute_url()}#links")


@login_required
@require_POST
def document_upload(request: HttpRequest, slug: str) -> HttpResponse:
    group = permitted(request, slug, "groups.contribute")
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services_content.document_add(
                group=group,
                user=request.user,
                title=form.cleaned_data["title"],
                name=upload.name or "",
                size=upload.size or 0,
                stream=upload,
            )
        except GroupError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            messages.success(request, _("Dokument hochgeladen."))
            return redirect(f"{group.get_absolute_url()}#dokumente")
    return render_detail(request, group, status=400, document_form=form)


@login_required
@require_POST
def document_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = group_or_404(slug)
    document = Document.objects.filter(group=group, pk=pk).select_related("group").first()
    if document is None:
        raise Http404
    if not allowed("groups.delete_item", request.user, document):
        raise PermissionDenied
    services_content.document_delete(document=document)
    messages.success(request, _("Dokument gelöscht."))
    return redirect(f"{group.get_absolute_url()}#dokumente")
