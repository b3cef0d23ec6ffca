"""``python manage.py snapshot_networks``: store today's structure figures of every network."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.networks.models import Network
from wandelwerk.ties.services import network_snapshot_take


class Command(BaseCommand):
    help = (
        "Speichert die heutigen Kennzahlen der Netzwerkstruktur je Netzwerk "
        "(für den Verlauf; z. B. monatlich)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--network", help="nur dieses Netzwerk (Kürzel)")

    def handle(self, *args: Any, **options: Any) -> None:
        networks = Network.objects.order_by("slug")
        if options["network"]:
            networks = networks.filter(slug=options["network"])
            if not networks.exists():
                raise CommandError(f"Kein Netzwerk mit dem Kürzel „{options['network']}“.")
        for network in networks:
            snapshot = network_snapshot_take(network=network)
            f = snapshot.figures
            self.stdout.write(
                f"{network.slug} {snapshot.date}: {f['actors']} Akteure, {f['ties']} Beziehungen, "
                f"{f['isolated']} ohne Verbindung."
            )
