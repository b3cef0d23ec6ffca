"""``manage.py synth --actors N [--seed S] [--batch 20000] [--states 14,15]``: synthetic demo actors."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.core.demo import SynthError, synth_insert, synth_municipalities, synth_topics
from wandelwerk.core.maintenance import database_analyze


def _states(raw: str) -> list[str]:
    states = [s.strip() for s in raw.split(",") if s.strip()]
    for state in states:
        if not (state.isdigit() and len(state) == 2):
            raise CommandError(f"--states: „{state}“ ist kein zweistelliger Länderschlüssel (z. B. 14,15).")
    return states


class Command(BaseCommand):
    help = (
        "Erzeugt N synthetische Demo-Akteure auf der geladenen Geografie (als Demodaten markiert, "
        "Schlüssel demo:<seed>:<n>). Idempotent: vorhandene Schlüssel werden übersprungen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--actors", type=int, required=True, help="Anzahl der Akteure (Nummern 0 … N-1)")
        parser.add_argument("--seed", type=int, default=1, help="Zufallsstartwert (Standard: 1)")
        parser.add_argument(
            "--batch", type=int, default=20_000, help="Zeilen je Transaktion (Standard: 20000)"
        )
        parser.add_argument("--states", default="", help="nur diese Länder, z. B. 14,15 (Standard: alle)")
        parser.add_argument(
            "--ties",
            type=int,
            default=0,
            help="dazu so viele synthetische Beziehungen zwischen Demo-Akteuren",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count, batch = options["actors"], options["batch"]
        if count < 0:
            raise CommandError("--actors darf nicht negativ sein.")
        if batch < 1:
            raise CommandError("--batch muss mindestens 1 sein.")
        if options["ties"] < 0:
            raise CommandError("--ties darf nicht negativ sein.")
        municipalities = synth_municipalities(states=_states(options["states"]))
        topics = synth_topics()
        if not topics:
            self.stderr.write("Hinweis: keine Handlungsfelder vorhanden; Akteure erhalten keine Themen.")
        verbose = options["verbosity"] >= 1
        started = time.perf_counter()

        def progress(done: int, todo: int) -> None:
            if verbose and todo:
                rate = done / max(time.perf_counter() - started, 1e-9)
                self.stdout.write(f"  {done:,} / {todo:,} Akteure ({rate:,.0f} Zeilen/s)")

        try:
            result = synth_insert(
                municipalities=municipalities,
                topics=topics,
                count=count,
                seed=options["seed"],
                batch=batch,
                progress=progress,
            )
        except SynthError as exc:
            raise CommandError(str(exc)) from exc
        if result.created:
            database_analyze()  # fresh planner statistics after a bulk load
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.created:,} Akteure angelegt, {result.skipped:,} waren schon da "
                f"({result.seconds:.1f} s, {result.rows_per_second:,.0f} Zeilen/s)."
            )
        )
        if options["ties"]:
            from wandelwerk.ties.synth import ties_synth

            ties = ties_synth(count=options["ties"], seed=options["seed"], batch=batch)
            if ties.skipped:
                self.stdout.write("Synthetische Beziehungen sind schon vorhanden; keine neuen angelegt.")
            else:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{ties.created:,} Beziehungen zwischen {ties.actors:,} Demo-Akteuren angelegt."
                    )
                )
