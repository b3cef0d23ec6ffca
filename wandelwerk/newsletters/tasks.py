"""Background work of the newsletters (huey: immediate in development and tests, Redis in production)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from wandelwerk.networks.models import Network

logger = logging.getLogger(__name__)
DIGEST_LOCAL_HOUR = 7  # Monday 07:00 Europe/Berlin


@db_task(retries=3, retry_delay=60)
def send_confirmation(subscription_id: int, confirm_token: str, base_url: str = "") -> int:
    """Mails the double opt-in link of a pending subscription."""
    from wandelwerk.newsletters.mail import confirmation_message
    from wandelwerk.newsletters.models import Subscription, SubscriptionStatus

    sub = Subscription.objects.filter(pk=subscription_id, status=SubscriptionStatus.PENDING).first()
    if sub is None:
        return 0
    network = Network.objects.get(pk=sub.network_id)
    return confirmation_message(
        network=network, email=sub.email, confirm_token=confirm_token, token=sub.token, base_url=base_url
    ).send()


@db_task(retries=5, retry_delay=120)
def deliver_newsletter(newsletter_id: int) -> int:
    """Delivers a newsletter in the "sending" state; resumable without doubles."""
    from wandelwerk.newsletters.delivery import newsletter_deliver

    return newsletter_deliver(newsletter_id=newsletter_id)


# huey's crontab runs in UTC: look on Mondays at 05:00 and 06:00 UTC and act only at 07:00 in Berlin,
# which covers summer and winter time
@db_periodic_task(crontab(day_of_week="1", hour="5,6", minute="0"))
def send_weekly_digests() -> int:
    """Weekly, Monday 07:00 Europe/Berlin: the same service as ``manage.py send_digests``."""
    if timezone.localtime().hour != DIGEST_LOCAL_HOUR:
        return 0
    base_url = getattr(settings, "SITE_URL", "")
    if not base_url:
        # links and the List-Unsubscribe header must be absolute: without the site's address, send nothing
        logger.warning("Wochenüberblick nicht versendet: SITE_URL ist nicht gesetzt.")
        return 0
    from wandelwerk.newsletters.digest import digests_send

    return digests_send(base_url=base_url).sent


@db_periodic_task(crontab(hour="3", minute="40"))
def purge_subscriptions() -> int:
    """Daily: the same service as ``manage.py purge_subscriptions``."""
    from wandelwerk.newsletters.services import subscriptions_purge

    return subscriptions_purge()
