"""Background work of the groups app (huey: immediate with SQLite by default, Redis in production)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils.translation import gettext as _
from huey.contrib.djhuey import db_task

from wandelwerk.groups.models import GroupMembership, Post


@db_task(retries=3, retry_delay=60)
def notify_new_post(post_id: int, base_url: str = "") -> int:
    """Emails each member who opted in (never the author; one message each, no addresses shared).
    Returns how many were sent."""
    post = Post.objects.select_related("group", "author").filter(pk=post_id, deleted_at__isnull=True).first()
    if post is None:
        return 0
    group = post.group
    emails = list(
        GroupMembership.objects.filter(group=group, notify_posts=True)
        .exclude(user_id=post.author_id)
        .values_list("user__email", flat=True)
    )
    if post.parent_id:
        subject = _("Neue Antwort in der Arbeitsgruppe „%(name)s“") % {"name": group.name}
    else:
        subject = _("Neuer Beitrag in der Arbeitsgruppe „%(name)s“") % {"name": group.name}
    body = "\n\n".join(
        [
            _("%(author)s schreibt:") % {"author": post.author_name},
            post.text,
            f"{base_url}{group.get_absolute_url()}#beitrag-{post.pk}",
            _(
                "Sie erhalten diese E-Mail, weil Sie Benachrichtigungen für diese Arbeitsgruppe "
                "bestellt haben. "
                "Abbestellen auf der Seite der Gruppe."
            ),
        ]
    )
    return send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [e]) for e in emails if e])
