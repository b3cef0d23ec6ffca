"""``python manage.py load_demo``: demo networks, accounts and synthetic actors on the loaded geography."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.core.demo import DEMO_ACTORS, DEMO_PASSWORD, DEMO_USERS, SynthError, demo_load


class Command(BaseCommand):
    help = (
        "Legt die Demo-Netzwerke (Landesverband Nachhaltiges Sachsen mit fünf Regionen, ZusammenWachsen, "
        "Circular Rural Regions), Demo-Konten und synthetische Akteure an. Idempotent: ein zweiter Lauf "
        "ergänzt nur, was fehlt, und ändert oder löscht nichts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--actors", type=int, default=DEMO_ACTORS, help=f"synthetische Akteure (Standard: {DEMO_ACTORS})"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["actors"] < 0:
            raise CommandError("--actors darf nicht negativ sein.")
        started = time.perf_counter()
        try:
            report = demo_load(actors=options["actors"])
        except SynthError as exc:
            raise CommandError(str(exc)) from exc
        out = self.stdout
        for slug in report.networks_created:
            out.write(f"Netzwerk angelegt: {slug}")
        if report.networks_kept:
            out.write(f"Netzwerke schon vorhanden (unverändert): {', '.join(report.networks_kept)}")
        for slug in report.networks_skipped:
            self.stderr.write(f"Netzwerk übersprungen (keines seiner Gebiete ist geladen): {slug}")
        if report.missing_areas:
            self.stderr.write(f"Nicht geladene Gebiete: {', '.join(report.missing_areas)}")
        for email in report.users_created:
            out.write(f"Konto angelegt: {email}")
        if report.actors is not None:
            out.write(
                f"Akteure: {report.actors.created:,} angelegt, {report.actors.skipped:,} schon vorhanden."
            )
        from django.contrib.auth import get_user_model

        from wandelwerk.projects.demo import demo_strategy

        coordinator = get_user_model().objects.filter(email=DEMO_USERS[0][0]).first()
        if demo_strategy(user=coordinator):
            out.write("Demo-Klimaschutzstrategie Freiberg mit 12 Maßnahmen und 14 Projekten angelegt.")
        from wandelwerk.circular.demo import load_demo as demo_circular
        from wandelwerk.conferencemap.demo import load_demo as demo_conferencemap
        from wandelwerk.consulting.demo import load_demo as demo_consulting
        from wandelwerk.events.demo import load_demo as demo_events
        from wandelwerk.groups.demo import load_demo as demo_groups
        from wandelwerk.knowledge.demo import load_demo as demo_knowledge
        from wandelwerk.newsletters.demo import load_demo as demo_newsletters
        from wandelwerk.participation.demo import load_demo as demo_participation
        from wandelwerk.ties.demo import load_demo as demo_ties

        # groups before events: the demo AG meeting belongs to a demo group
        for loader in (
            demo_groups,
            demo_events,
            demo_consulting,
            demo_knowledge,
            demo_newsletters,
            demo_participation,
            demo_conferencemap,
            demo_ties,  # after projects, groups and events: derives ties from them
            demo_circular,
        ):
            line = loader(user=coordinator)
            if line:
                out.write(line)
        out.write(self.style.SUCCESS(f"Demodaten bereit ({time.perf_counter() - started:.1f} s)."))
        out.write("")
        out.write(f"  Demo-Anmeldung: {DEMO_USERS[0][0]} / {DEMO_PASSWORD}")
        out.write(f"  weitere Konten (gleiches Passwort): {', '.join(u[0] for u in DEMO_USERS[1:])}")
