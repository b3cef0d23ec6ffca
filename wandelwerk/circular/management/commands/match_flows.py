"""``python manage.py match_flows``: recompute all material-flow matches and replace the stored ones."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wandelwerk.circular.services import circular_match_run
from wandelwerk.engines.circular import Params


class Command(BaseCommand):
    help = "Gleicht alle aktiven Materialströme ab und ersetzt die gespeicherten Zuordnungen (atomar)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--max-km", type=float, default=Params().max_km, help="größte Entfernung (km)")

    def handle(self, *args: Any, **options: Any) -> None:
        run = circular_match_run(params=Params(max_km=options["max_km"]))
        self.stdout.write(
            f"{run.flows} Ströme, {run.skipped} übersprungen, {run.matches} Zuordnungen, "
            f"{_de(run.matched_t)} t/Jahr, Netto ≈ {_de(run.net_kg_co2e / 1000)} t CO2e/Jahr (Schätzwert)."
        )


def _de(value: float) -> str:
    """German number format with one decimal: 56.356,4."""
    return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")
