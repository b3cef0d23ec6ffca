"""manage.py purge_subscriptions — removes unconfirmed and long-unsubscribed newsletter addresses."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wandelwerk.newsletters.services import CONFIRM_DAYS, UNSUBSCRIBED_KEEP_DAYS, subscriptions_purge


class Command(BaseCommand):
    help = (
        f"Löscht Newsletter-Anmeldungen, die nicht binnen {CONFIRM_DAYS} Tagen bestätigt wurden, und "
        f"Abmeldungen nach {UNSUBSCRIBED_KEEP_DAYS} Tagen."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Newsletter-Abonnements gelöscht: {subscriptions_purge()}")
