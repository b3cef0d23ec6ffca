"""manage.py send_digests — the weekly digest (the huey task runs it on Mondays at 07:00)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.newsletters.digest import digests_send


class Command(BaseCommand):
    help = "Sendet den Wochenüberblick an alle bestätigten Abonnements, die ihn wünschen (einmal je Woche)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            default=getattr(settings, "SITE_URL", ""),
            help="Adresse der Installation für die Links, z. B. https://wandelwerk.example.org",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        base_url = (options["base_url"] or "").rstrip("/")
        if not base_url.startswith(("https://", "http://")):
            raise CommandError(
                "--base-url fehlt (oder SITE_URL): Links in E-Mails brauchen die volle Adresse."
            )
        result = digests_send(base_url=base_url)
        self.stdout.write(
            f"Wochenüberblick: {result.sent} versendet, {result.empty} ohne Neuigkeiten, "
            f"{result.already} schon in dieser Woche erhalten."
        )
