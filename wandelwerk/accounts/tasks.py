"""Scheduled jobs (run by the huey consumer, `manage.py run_huey`)."""

from __future__ import annotations

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from wandelwerk.accounts.services import accounts_purge_stale

logger = logging.getLogger(__name__)

STALE_ACCOUNT_DAYS = 14


@db_periodic_task(crontab(hour="3", minute="17"))
def purge_stale_accounts() -> int:
    """Daily retention run: same rule as `manage.py purge_stale_accounts --days 14`."""
    ids = accounts_purge_stale(days=STALE_ACCOUNT_DAYS)
    logger.info("purge_stale_accounts: %d accounts removed", len(ids))
    return len(ids)
