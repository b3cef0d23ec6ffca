"""Background work of the project factory (huey: embedded with SQLite, Redis in production)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils.translation import gettext as _
from huey.contrib.djhuey import db_task

from wandelwerk.projects.models import Follower, Update


@db_task(retries=3, retry_delay=60)
def notify_followers(update_id: int, base_url: str = "") -> int:
    """Emails each follower of the update's project (one message each, no addresses shared).
    Returns how many were sent."""
    update = Update.objects.select_related("project").filter(pk=update_id).first()
    if update is None or not update.project.is_public:
        return 0
    project = update.project
    emails = list(
        Follower.objects.filter(project=project)
        .exclude(user=update.posted_by)
        .values_list("user__email", flat=True)
    )
    subject = _("Neuigkeit im Projekt „%(title)s“") % {"title": project.title}
    body = "\n\n".join(
        [
            update.text,
            f"{base_url}/projekte/{project.slug}/",
            _("Sie erhalten diese E-Mail, weil Sie dem Projekt folgen. Abbestellen auf der Projektseite."),
        ]
    )
    return send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [e]) for e in emails if e])
