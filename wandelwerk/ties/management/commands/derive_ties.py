"""``python manage.py derive_ties``: bring the derived ties in line with projects, groups and events."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wandelwerk.ties.derivation import ties_derive


class Command(BaseCommand):
    help = (
        "Leitet Beziehungen aus bestätigten Projektpartnerschaften, Arbeitsgruppen und besuchten "
        "Veranstaltungen ab (idempotent; entfernt abgeleitete Beziehungen, deren Anlass weggefallen ist)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(ties_derive().summary())
