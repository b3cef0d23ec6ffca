"""Demo content for the newsletters app; called by `load_demo`. Idempotent; mails nothing: the sent
newsletters and their deliveries are written as rows."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from wandelwerk.networks.models import Network
from wandelwerk.newsletters.models import (
    Delivery,
    Newsletter,
    NewsletterStatus,
    Subscription,
    SubscriptionStatus,
)
from wandelwerk.newsletters.services import CONSENT_TEXT

NETWORKS = ("landesverband-nachhaltiges-sachsen", "region-zwickau", "zusammenwachsen-revier")
PEOPLE = ("anna.berger", "jonas.krause", "mira.schulz", "paul.richter", "lena.hoffmann", "tom.wagner")

SENT = (
    (
        45,
        "Rückblick Netzwerktreffen",
        "Liebe Engagierte,\n\nrund 60 Menschen aus Initiativen, Verwaltung und Unternehmen kamen zu unserem "
        "Herbsttreffen. Drei Ergebnisse wollen wir festhalten:\n\n"
        "- **Energiegemeinschaften:** Zwei Kommunen prüfen gemeinsam mit Bürgerenergie-Vereinen "
        "Solaranlagen auf Schuldächern.\n"
        "- **Repair-Cafés:** Die Orte wollen Werkzeug und Ehrenamtliche künftig teilen.\n"
        "- **Mobilität:** Eine Arbeitsgruppe sammelt Erfahrungen mit Rufbussen und Mitfahrbänken.\n\n"
        "Die Fotos und Notizen finden Sie bald auf der Netzwerkseite. Danke an alle, die mitgemacht haben!",
    ),
    (
        18,
        "Neue Förderprogramme",
        "Liebe Engagierte,\n\nfür das kommende Jahr öffnen sich mehrere Fördertöpfe, die zu Ihren Vorhaben "
        "passen könnten:\n\n"
        "1. **Kleinprojekte Nachhaltigkeit:** bis 5.000 Euro für Vereine und Initiativen, Antrag formlos.\n"
        "2. **Kommunaler Klimaschutz:** Zuschüsse für Personal und investive Maßnahmen in Kommunen.\n"
        "3. **Ehrenamt im ländlichen Raum:** Sachkosten und Qualifizierung für Engagierte.\n\n"
        "Bei Fragen zur Antragstellung hilft die Kompetenzstelle gern – melden Sie sich einfach.",
    ),
    (
        4,
        "Einladung zur Zukunftswerkstatt",
        "Liebe Engagierte,\n\nwie soll unsere Region in zehn Jahren aussehen? In der Zukunftswerkstatt "
        "sammeln wir Ideen, ordnen sie nach Handlungsfeldern und verabreden erste Schritte.\n\n"
        "Mitbringen müssen Sie nur Neugier. Für Kinderbetreuung und einen Imbiss ist gesorgt.",
    ),
)
DRAFT = (
    "Sommerfest der Initiativen",
    "Liebe Engagierte,\n\nim Juni feiern wir mit allen Initiativen der Region. *Entwurf – bitte ergänzen.*",
)


def _subscriptions(network: Network, now: Any) -> list[Subscription]:
    subs = []
    for i, person in enumerate(PEOPLE):
        sub, _created = Subscription.objects.get_or_create(
            network=network,
            email=f"{person}+{network.slug}"[:64] + "@example.org",
            defaults={
                "status": SubscriptionStatus.CONFIRMED,
                "token": secrets.token_urlsafe(32),
                "digest": i % 2 == 0,
                "consent_text": str(CONSENT_TEXT),
                "requested_at": now - timedelta(days=60 - i),
                "confirmed_at": now - timedelta(days=60 - i),
            },
        )
        subs.append(sub)
    return subs


def _network_demo(network: Network, user: Any) -> int:
    now = timezone.now()
    subs = _subscriptions(network, now)
    created = 0
    for days_ago, subject, body in SENT:
        if Newsletter.objects.filter(network=network, subject=subject).exists():
            continue
        newsletter = Newsletter.objects.create(
            network=network,
            subject=subject,
            body=body,
            status=NewsletterStatus.SENT,
            created_by=user,
            sent_by=user,
            recipient_count=len(subs),
            sending_started_at=now - timedelta(days=days_ago),
            sent_at=now - timedelta(days=days_ago),
            is_demo=True,
        )
        Delivery.objects.bulk_create(
            [Delivery(newsletter=newsletter, subscription=s, sent_at=newsletter.sent_at) for s in subs]
        )
        created += 1
    if not Newsletter.objects.filter(network=network, subject=DRAFT[0]).exists():
        Newsletter.objects.create(
            network=network, subject=DRAFT[0], body=DRAFT[1], created_by=user, is_demo=True
        )
        created += 1
    return created


def load_demo(*, user: Any) -> str | None:
    """Creates the demo content once; returns a line for the command output, or None if nothing was new."""
    created = 0
    with transaction.atomic():
        for network in Network.objects.filter(slug__in=NETWORKS).order_by("pk"):
            created += _network_demo(network, user)
    if not created:
        return None
    return f"Newsletter: {created} Demo-Ausgaben (Archiv und Entwürfe) mit bestätigten Abonnements angelegt."
