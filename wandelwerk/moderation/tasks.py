"""Background work of moderation: telling the author about a decision."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _
from huey.contrib.djhuey import db_task

from wandelwerk.moderation.models import Flag, FlagStatus


@db_task(retries=3, retry_delay=60)
def notify_author(flag_id: int, base_url: str = "") -> int:
    """Emails the author of a decided item the outcome and the moderators' reason; returns 1 if sent."""
    flag = Flag.objects.select_related("author").filter(pk=flag_id).first()
    if flag is None or flag.author is None or not flag.author.email:
        return 0
    if flag.status == FlagStatus.REMOVED:
        subject = _("Ihr Beitrag „%(title)s“ wurde entfernt") % {"title": flag.title}
        outcome = _("Nach Meldungen hat die Moderation Ihren Inhalt geprüft und entfernt.")
    else:
        subject = _("Ihr Beitrag „%(title)s“ bleibt sichtbar") % {"title": flag.title}
        outcome = _("Nach Meldungen hat die Moderation Ihren Inhalt geprüft; er bleibt sichtbar.")
    parts = [outcome]
    if flag.decision_note:
        parts.append(_("Begründung: %(note)s") % {"note": flag.decision_note})
    parts.append(f"{base_url}{flag.url}")
    return send_mail(subject, "\n\n".join(parts), settings.DEFAULT_FROM_EMAIL, [flag.author.email])
