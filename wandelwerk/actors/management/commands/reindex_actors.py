from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from wandelwerk.actors.services import actors_reindex_all
from wandelwerk.core.maintenance import database_analyze


class Command(BaseCommand):
    help = "Berechnet den Suchtext aller Akteure neu (nach Updates oder umbenannten Handlungsfeldern)."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        n = actors_reindex_all()
        database_analyze()
        self.stdout.write(f"{n} Akteure neu indiziert in {time.perf_counter() - started:.1f} s.")
