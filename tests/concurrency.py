"""Running one action from several threads at once, for the race tests on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Callable


def race(n: int, action: Callable[[int], object], *, refused: type[BaseException]) -> list[str]:
    """Starts ``action(i)`` in ``n`` threads released together; returns the sorted outcomes,
    "ok" or "refused" (the action raised ``refused``). Each thread closes its database connection."""
    from django.db import connection

    barrier = threading.Barrier(n)
    outcomes: list[str] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            action(i)
            outcomes.append("ok")
        except refused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(outcomes)
