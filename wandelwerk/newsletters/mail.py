"""The emails of the newsletter app: plain text plus sanitised HTML, each with a personal unsubscribe
link and the RFC 2369 / RFC 8058 headers for one-click unsubscribing."""

from __future__ import annotations

from typing import Any, NamedTuple

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wandelwerk.core.markdown import render_markdown
from wandelwerk.newsletters.models import Newsletter


def _url(base_url: str, name: str, **kwargs: Any) -> str:
    # links in emails carry no language prefix (German default), so they stay valid in every language
    with translation.override(settings.LANGUAGE_CODE):
        return base_url.rstrip("/") + reverse(name, kwargs=kwargs)


def unsubscribe_url(base_url: str, token: str) -> str:
    return _url(base_url, "newsletters:unsubscribe", token=token)


def confirm_url(base_url: str, token: str) -> str:
    return _url(base_url, "newsletters:confirm", token=token)


def _message(
    *, subject: str, text: str, html: str, to: str, unsubscribe: str, connection: Any = None
) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


class Parts(NamedTuple):
    text: str
    html: str  # the whole HTML document of the mail
    fragment: str  # its body, for the preview page


def newsletter_parts(newsletter: Newsletter, *, unsubscribe: str, web_url: str) -> Parts:
    """Plain text and HTML of a newsletter as it is mailed; the preview shows the same."""
    context = {
        "newsletter": newsletter,
        "network": newsletter.network,
        "body_html": mark_safe(render_markdown(newsletter.body)),  # noqa: S308 - sanitised by nh3
        "unsubscribe_url": unsubscribe,
        "web_url": web_url,
    }
    return Parts(
        text=render_to_string("newsletters/email/newsletter.txt", context),
        html=render_to_string("newsletters/email/newsletter.html", context),
        fragment=render_to_string("newsletters/email/_newsletter_body.html", context),
    )


def newsletter_message(
    newsletter: Newsletter, *, email: str, token: str, base_url: str, connection: Any = None
) -> EmailMultiAlternatives:
    unsubscribe = unsubscribe_url(base_url, token)
    web_url = base_url.rstrip("/") + newsletter.get_absolute_url()
    text, html, _fragment = newsletter_parts(newsletter, unsubscribe=unsubscribe, web_url=web_url)
    return _message(
        subject=newsletter.subject,
        text=text,
        html=html,
        to=email,
        unsubscribe=unsubscribe,
        connection=connection,
    )


def confirmation_message(*, network: Any, email: str, confirm_token: str, token: str, base_url: str) -> Any:
    context = {
        "network": network,
        "confirm_url": confirm_url(base_url, confirm_token),
        "unsubscribe_url": unsubscribe_url(base_url, token),
    }
    return _message(
        subject=_("Bitte bestätigen: Newsletter „%(network)s“") % {"network": network.name},
        text=render_to_string("newsletters/email/confirm.txt", context),
        html=render_to_string("newsletters/email/confirm.html", context),
        to=email,
        unsubscribe=context["unsubscribe_url"],
    )


def digest_message(
    *, network: Any, email: str, token: str, base_url: str, items: list[Any], connection: Any = None
) -> EmailMultiAlternatives:
    unsubscribe = unsubscribe_url(base_url, token)
    context = {
        "network": network,
        "items": items,
        "base_url": base_url.rstrip("/"),
        "unsubscribe_url": unsubscribe,
    }
    return _message(
        subject=_("Neu in der Woche: %(count)s Einträge im Netzwerk „%(network)s“")
        % {"count": len(items), "network": network.name},
        text=render_to_string("newsletters/email/digest.txt", context),
        html=render_to_string("newsletters/email/digest.html", context),
        to=email,
        unsubscribe=unsubscribe,
        connection=connection,
    )
