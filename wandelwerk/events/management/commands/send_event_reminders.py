"""``python manage.py send_event_reminders``: reminds confirmed participants of events in 24–48 hours."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wandelwerk.events.services import reminders_send


class Command(BaseCommand):
    help = "Erinnert bestätigte Teilnehmende an Veranstaltungen in 24 bis 48 Stunden (je einmal)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--base-url", default="", help="z. B. https://wandelwerk.example.org")

    def handle(self, *args: Any, **options: Any) -> None:
        sent = reminders_send(base_url=options["base_url"])
        self.stdout.write(f"Erinnerungen verschickt: {sent}")
