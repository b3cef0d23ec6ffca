"""``manage.py load_statistics``: official statistics per area for the gap analysis and county profiles."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from wandelwerk.analysis.services import StatisticsError, statistics_load


class Command(BaseCommand):
    help = (
        "Lädt amtliche Statistik je Gebiet (Haushaltsabfälle 2023, Beschäftigte 2025, Siedlungsfläche 2023, "
        "installierte Leistung erneuerbarer Energien 2024). Braucht load_geography. Alles oder nichts; "
        "ein zweiter Lauf ergibt dieselben Werte."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = statistics_load()
        except StatisticsError as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"] >= 1 and result.skipped:
            self.stdout.write("Schlüssel ohne aktuelles Gebiet (übersprungen):")
            for source, n in sorted(result.skipped.items()):
                self.stdout.write(f"  {source}: {n}")
        self.stdout.write(self.style.SUCCESS(result.summary()))
