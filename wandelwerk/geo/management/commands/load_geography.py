"""``manage.py load_geography [--states 14,15]``: loads German states, counties, municipalities and PLZ."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.geo.services import GeographyError, geography_load, parse_states


class Command(BaseCommand):
    help = (
        "Lädt Bundesländer, Kreise, Gemeinden (BKG VG5000 2021, Zensus 2022, Regionalstatistik 2024, "
        "GV 2019, RegioStaR) und Postleitzahlen (OpenStreetMap, ODbL). Idempotent: ein zweiter Lauf "
        "ändert nichts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--states",
            default="",
            help="nur diese Länder, zweistellige Schlüssel mit Komma, z. B. 14,15 (Standard: alle)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            states = parse_states(options["states"])
            result = geography_load(states=states)
        except GeographyError as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"] >= 1:
            lines = result.report.lines()
            if lines:
                self.stdout.write("Schlüssel ohne direkte Zuordnung (Anzahl, Regel, Beispiele):")
                for line in lines:
                    self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(result.summary()))
