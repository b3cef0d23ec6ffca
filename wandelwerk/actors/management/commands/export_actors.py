"""python manage.py export_actors --format csv|geojson|json [--out FILE] [--all] [--delimiter semicolon]"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wandelwerk.actors.exporting import export_chunks
from wandelwerk.actors.models import Actor
from wandelwerk.actors.visibility import actors_visible_to


class _Everyone:
    """Stands for an operator with access to everything (what staff see)."""

    is_authenticated = True
    is_staff = True
    is_superuser = True
    pk = None


class Command(BaseCommand):
    help = (
        "Exportiert Akteure. Ohne --all nur, was Besucher ohne Anmeldung sehen (öffentlich und freigegeben, "
        "Kontaktdaten von Personen ohne Einwilligung leer); mit --all alle Einträge mit allen Feldern."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["csv", "geojson", "json"], default="csv")
        parser.add_argument("--out", default="", help="Zieldatei (Standard: Standardausgabe)")
        parser.add_argument("--all", action="store_true", help="alle Einträge, auch nicht öffentliche")
        parser.add_argument(
            "--delimiter", choices=["comma", "semicolon"], default="comma", help="CSV-Trennzeichen"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        viewer: Any = _Everyone() if options["all"] else None
        qs = (
            Actor.objects.order_by("name", "id")
            if options["all"]
            else actors_visible_to(None).order_by("name", "id")
        )
        delimiter = ";" if options["delimiter"] == "semicolon" else ","
        chunks = export_chunks(options["format"], qs, user=viewer, delimiter=delimiter)
        if options["out"]:
            with open(options["out"], "w", encoding="utf-8", newline="") as out:
                for chunk in chunks:
                    out.write(chunk)
        else:
            for chunk in chunks:
                self.stdout.write(chunk, ending="")
