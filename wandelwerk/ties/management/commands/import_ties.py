"""``python manage.py import_ties FILE``: import a CSV edge list, all or nothing (docs/import-format.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.ties.importing import ties_import


class Command(BaseCommand):
    help = "Importiert Beziehungen aus einer CSV-Kantenliste (source;target;kind;weight;started;ended;note)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Pfad zur CSV-Datei")
        parser.add_argument("--dry-run", action="store_true", help="nur prüfen, nichts schreiben")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Die Datei {path} ist nicht lesbar: {exc}") from exc
        report = ties_import(data=data, dry_run=options["dry_run"])
        for line in report.lines():
            self.stdout.write(line)
        if not report.ok:
            raise CommandError("Import abgebrochen: die Datei hat Fehler.")
