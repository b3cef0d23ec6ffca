"""python manage.py import_actors FILE [--dry-run] [--source NAME] [--status pending|published]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.actors.importing import actors_import
from wandelwerk.actors.models import Status


class Command(BaseCommand):
    help = (
        "Importiert Akteure aus einer CSV-, GeoJSON- oder JSON-Datei (Format: docs/import-format.md). "
        "Alles oder nichts: bei einem Fehler wird nichts geschrieben und der Befehl endet mit Status 1."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV-, GeoJSON- oder JSON-Datei")
        parser.add_argument("--dry-run", action="store_true", help="nur prüfen, nichts schreiben")
        parser.add_argument("--source", default="", help="Quelle der Daten (Standard: Dateiname)")
        parser.add_argument(
            "--status",
            choices=[Status.PUBLISHED, Status.PENDING],
            default=Status.PUBLISHED,
            help="Status der neuen Einträge (Standard: published)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Datei „{path}“ ist nicht lesbar: {exc.strerror}") from exc
        report = actors_import(
            data=data,
            filename=path.name,
            source=options["source"] or path.name,
            status=options["status"],
            dry_run=options["dry_run"],
        )
        for line in report.lines():
            if line.startswith("Fehler:"):
                self.stderr.write(line)
            else:
                self.stdout.write(line)
        if not report.ok:
            raise CommandError(f"{len(report.errors)} Fehler: es wurde nichts importiert.", returncode=1)
