"""Background emails for consulting (huey: immediate in development and tests, Redis in production).
Emails name the case and link to it; the request's text stays on the site, behind the login."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils.translation import gettext as _
from huey.contrib.djhuey import db_task

from wandelwerk.consulting.models import CaseChange, CoachingPair, ConsultingRequest


def _send(subject: str, body: str, emails: list[str]) -> int:
    unique = sorted({e for e in emails if e})
    return send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [e]) for e in unique])


@db_task(retries=3, retry_delay=60)
def notify_assigned(case_id: int, base_url: str = "") -> int:
    """Tells the centre's people (owner of its actor and advisers) about a case assigned to them."""
    case = (
        ConsultingRequest.objects.select_related("centre__actor__owner", "topic", "area")
        .filter(pk=case_id)
        .first()
    )
    if case is None or case.centre is None:
        return 0
    centre = case.centre
    emails = [u.email for u in centre.advisers.all()]
    if centre.actor.owner is not None:
        emails.append(centre.actor.owner.email)
    subject = _("Neue Beratungsanfrage für „%(centre)s“") % {"centre": centre.name}
    body = "\n\n".join(
        [
            _("Ihrer Kompetenzstelle wurde eine Anfrage zugewiesen: „%(title)s“ (%(topic)s, %(place)s).")
            % {"title": case.title, "topic": case.topic.name, "place": case.area.name},
            f"{base_url}{case.get_absolute_url()}",
        ]
    )
    return _send(subject, body, emails)


@db_task(retries=3, retry_delay=60)
def notify_status(change_id: int, base_url: str = "") -> int:
    """Tells the requester that their request changed status."""
    change = CaseChange.objects.select_related("case__requester").filter(pk=change_id).first()
    if change is None or change.case.requester is None:
        return 0
    case = change.case
    subject = _("Ihre Beratungsanfrage „%(title)s“: %(status)s") % {
        "title": case.title,
        "status": change.get_to_status_display(),
    }
    body = "\n\n".join(
        [
            _("Der Status Ihrer Anfrage ist jetzt „%(status)s“.")
            % {"status": change.get_to_status_display()},
            f"{base_url}{case.get_absolute_url()}",
        ]
    )
    return _send(subject, body, [case.requester.email])


@db_task(retries=3, retry_delay=60)
def notify_pair(pair_id: int, base_url: str = "") -> int:
    """Introduces the two actors of a confirmed coaching pair to each other (one email each)."""
    pair = (
        CoachingPair.objects.select_related(
            "first__actor__owner", "second__actor__owner", "first__requested_by", "second__requested_by"
        )
        .filter(pk=pair_id)
        .first()
    )
    if pair is None:
        return 0
    sent = 0
    for me, other in ((pair.first, pair.second), (pair.second, pair.first)):
        person = me.actor.owner or me.requested_by
        contact = other.actor.email or (other.actor.owner or other.requested_by).email
        subject = _("Kollegiale Beratung: %(a)s und %(b)s") % {"a": me.actor.name, "b": other.actor.name}
        body = "\n\n".join(
            [
                _("Die Netzwerkkoordination schlägt Ihnen einen Austausch mit „%(name)s“ vor.")
                % {"name": other.actor.name},
                _("Kontakt: %(email)s") % {"email": contact},
                f"{base_url}{other.actor.get_absolute_url()}",
            ]
        )
        sent += _send(subject, body, [person.email])
    return sent
