"""Writes to a group's discussion, links and documents. Permission checks live in rules.py and the
views; these functions check the data and keep it consistent."""

from __future__ import annotations

import secrets
from typing import IO, Any
from urllib.parse import urlsplit

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wandelwerk.core.uploads import UploadError, check_upload
from wandelwerk.groups.models import Document, Post, SharedLink, WorkingGroup
from wandelwerk.groups.services import GroupError

MAX_POST = 20_000


def _check_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise GroupError(_("Der Text fehlt."), "text")
    if len(text) > MAX_POST:
        raise GroupError(_("Der Text ist zu lang (höchstens %(n)s Zeichen).") % {"n": MAX_POST}, "text")
    return text


@transaction.atomic
def post_create(
    *, group: WorkingGroup, user: Any, text: str, parent: Post | None = None, base_url: str = ""
) -> Post:
    """A new post (or a reply to a post; replies to replies attach to the same thread). Members who
    opted in are emailed once the post is committed."""
    text = _check_text(text)
    if parent is not None:
        if parent.group_id != group.pk:
            raise GroupError(_("Der Beitrag gehört zu einer anderen Gruppe."), "parent")
        if parent.parent_id is not None:
            parent = parent.parent
        if parent.is_deleted:
            raise GroupError(_("Auf gelöschte Beiträge kann nicht geantwortet werden."), "parent")
    post = Post.objects.create(group=group, author=user, text=text, parent=parent)
    from wandelwerk.groups.tasks import notify_new_post

    transaction.on_commit(lambda: notify_new_post(post.pk, base_url))
    return post


@transaction.atomic
def post_edit(*, post: Post, text: str) -> Post:
    if post.is_deleted:
        raise GroupError(_("Gelöschte Beiträge können nicht bearbeitet werden."))
    post.text = _check_text(text)
    post.edited_at = timezone.now()
    post.save(update_fields=["text", "edited_at"])
    return post


@transaction.atomic
def post_delete(*, post: Post) -> None:
    """Removes a post. A post with replies stays as a "gelöscht" placeholder so the thread keeps its
    sense; a placeholder whose last reply goes is removed too."""
    if post.replies.exists():
        Post.objects.filter(pk=post.pk).update(text="", deleted_at=timezone.now())
        return
    parent_id = post.parent_id
    post.delete()
    if parent_id is not None:
        Post.objects.filter(pk=parent_id, deleted_at__isnull=False, replies__isnull=True).delete()


@transaction.atomic
def link_add(*, group: WorkingGroup, user: Any, title: str, url: str) -> SharedLink:
    title, url = (title or "").strip(), (url or "").strip()
    if not title:
        raise GroupError(_("Der Titel fehlt."), "title")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise GroupError(_("Bitte eine Adresse mit http:// oder https:// angeben."), "url")
    if len(url) > 1000 or len(title) > 200:
        raise GroupError(_("Titel oder Adresse sind zu lang."), "url")
    return SharedLink.objects.create(group=group, title=title, url=url, added_by=user)


@transaction.atomic
def link_delete(*, link: SharedLink) -> None:
    link.delete()


@transaction.atomic
def document_add(
    *, group: WorkingGroup, user: Any, title: str, name: str, size: int, stream: IO[bytes]
) -> Document:
    """Stores an allowed file under a generated name; the uploaded name is kept for the download.
    If the database write fails, the stored file is removed again."""
    title = (title or "").strip()
    if not title:
        raise GroupError(_("Der Titel fehlt."), "title")
    try:
        ext = check_upload(name=name, size=size, stream=stream).extension
    except UploadError as exc:
        raise GroupError(str(exc), "file") from exc
    stored = f"{secrets.token_hex(16)}.{ext}"
    document = Document(
        group=group,
        title=title[:200],
        stored_name=stored,
        original_name=name.replace("/", "_").replace("\\", "_")[-255:],
        extension=ext,
        size=size,
        uploaded_by=user,
    )
    document.file.save(stored, File(stream, name=stored), save=False)
    try:
        with transaction.atomic():
            document.save()
    except Exception:
        document.file.delete(save=False)
        raise
    return document


@transaction.atomic
def document_delete(*, document: Document) -> None:
    """Deletes the row, and the file once that is committed."""
    storage, path = document.file.storage, document.file.name
    document.delete()
    transaction.on_commit(lambda: storage.delete(path))
