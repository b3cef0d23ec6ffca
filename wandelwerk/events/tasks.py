"""Background emails for events (huey: immediate in development and tests, Redis in production)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail, send_mass_mail
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from wandelwerk.events.models import Event, Registration, RegistrationStatus


def _when(event: Event) -> str:
    return date_format(timezone.localtime(event.start), "DATETIME_FORMAT")


def _link(event: Event, base_url: str) -> str:
    return f"{base_url}{event.get_absolute_url()}"


@db_task(retries=3, retry_delay=60)
def notify_registration(registration_id: int, kind: str, base_url: str = "") -> int:
    """Tells the person about a change of their registration: a seat from the waiting list ("promoted")
    or the organisers' decision ("decided")."""
    reg = Registration.objects.select_related("event", "user").filter(pk=registration_id).first()
    if reg is None or not reg.user.email:
        return 0
    event = reg.event
    if kind == "promoted" or reg.status == RegistrationStatus.CONFIRMED:
        subject = _("Ihr Platz bei „%(title)s“ ist bestätigt") % {"title": event.title}
        text = _("Ein Platz ist frei geworden oder Ihre Anmeldung wurde bestätigt: Sie sind dabei.")
    elif reg.status == RegistrationStatus.WAITING:
        subject = _("Warteliste für „%(title)s“") % {"title": event.title}
        text = _("Ihre Anmeldung wurde angenommen; alle Plätze sind belegt, Sie stehen auf der Warteliste.")
    else:
        subject = _("Ihre Anmeldung zu „%(title)s“") % {"title": event.title}
        text = _("Die Veranstaltenden konnten Ihre Anmeldung leider nicht annehmen.")
    body = "\n\n".join([text, f"{event.title} – {_when(event)}", _link(event, base_url)])
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [reg.user.email])


@db_task(retries=3, retry_delay=60)
def message_participants(event_id: int, subject: str, body: str) -> int:
    """One message per confirmed participant (no addresses shared)."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    emails = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).values_list(
        "user__email", flat=True
    )
    full_subject = f"[{event.title}] {subject}"
    return send_mass_mail([(full_subject, body, settings.DEFAULT_FROM_EMAIL, [e]) for e in emails if e])


def send_reminder(registration_id: int, base_url: str = "") -> int:
    """The reminder for one confirmed registration (called by the reminders service)."""
    reg = Registration.objects.select_related("event", "user").filter(pk=registration_id).first()
    if reg is None or not reg.user.email:
        return 0
    event = reg.event
    where = ", ".join(p for p in (event.venue_name, event.address) if p) or event.online_url
    body = "\n\n".join(
        [
            _("Erinnerung: Sie sind angemeldet für „%(title)s“.") % {"title": event.title},
            f"{_when(event)}\n{where}",
            _link(event, base_url),
            _("Falls Sie nicht kommen können, sagen Sie bitte auf der Veranstaltungsseite ab."),
        ]
    )
    subject = _("Erinnerung: %(title)s") % {"title": event.title}
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [reg.user.email])


@db_periodic_task(crontab(minute="15"))
def send_event_reminders() -> int:
    """Hourly: the same service as ``manage.py send_event_reminders``."""
    from wandelwerk.events.services import reminders_send

    return reminders_send(base_url=getattr(settings, "SITE_URL", ""))
