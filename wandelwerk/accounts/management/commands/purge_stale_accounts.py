"""Retention: removes accounts that never confirmed their email address (docs/decisions/0003-accounts.md)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.accounts.services import AccountError, accounts_purge_stale


class Command(BaseCommand):
    help = (
        "Löscht Konten, deren E-Mail-Adresse nach N Tagen noch nicht bestätigt ist, die sich nie angemeldet "
        "haben und nichts verwalten (keine Einträge, keine Mitgliedschaften)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=14, help="Frist in Tagen (Standard: 14)")
        parser.add_argument("--dry-run", action="store_true", help="nur zählen, nichts löschen")

    def handle(self, *args: Any, days: int, dry_run: bool, **options: Any) -> None:
        try:
            ids = accounts_purge_stale(days=days, dry_run=dry_run)
        except AccountError as exc:
            raise CommandError(str(exc)) from exc
        if dry_run:
            self.stdout.write(
                f"{len(ids)} unbestätigte Konten älter als {days} Tage würden gelöscht (Probelauf)."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(f"{len(ids)} unbestätigte Konten älter als {days} Tage gelöscht.")
            )
        if ids and options["verbosity"] > 1:
            self.stdout.write("IDs: " + ", ".join(str(i) for i in ids))
