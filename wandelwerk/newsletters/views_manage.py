"""Coordinators' pages: overview per network, compose, preview, send, export confirmed addresses."""

from __future__ import annotations

import csv
import io

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wandelwerk.engines.tabular import neutralise
from wandelwerk.networks.models import Network
from wandelwerk.newsletters import selectors, services
from wandelwerk.newsletters.delivery import newsletter_recipients
from wandelwerk.newsletters.forms import NewsletterForm
from wandelwerk.newsletters.mail import newsletter_parts, unsubscribe_url
from wandelwerk.newsletters.models import Newsletter, NewsletterStatus
from wandelwerk.newsletters.views import base_url


class _Refused(Exception):
    def __init__(self, response: HttpResponse) -> None:
        self.response = response


def _network(request: HttpRequest, slug: str) -> Network:
    network = selectors.network_get(slug=slug)
    if network is None:
        raise Http404
    if not request.user.is_authenticated:
        raise _Refused(redirect_to_login(request.get_full_path()))
    if not request.user.has_perm("newsletters.manage_network", network):
        raise PermissionDenied
    return network


def _newsletter(request: HttpRequest, slug: str, pk: int) -> Newsletter:
    network = _network(request, slug)
    newsletter = selectors.newsletter_get(network=network, pk=pk)
    if newsletter is None:
        raise Http404
    if not request.user.has_perm("newsletters.change_newsletter", newsletter):
        raise PermissionDenied
    return newsletter


def _guarded(view):  # type: ignore[no-untyped-def]
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except _Refused as refused:
            return refused.response

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


@_guarded
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    network = _network(request, slug)
    return render(
        request,
        "newsletters/manage.html",
        {
            "network": network,
            "unsent": selectors.unsent(network),
            "sent": selectors.archive(network).only(
                "id", "subject", "sent_at", "recipient_count", "network_id"
            ),
            "counts": selectors.subscriber_counts(network),
        },
    )


def _form_page(
    request: HttpRequest, network: Network, form: NewsletterForm, newsletter: Newsletter | None
) -> HttpResponse:
    heading = _("Newsletter bearbeiten") if newsletter else _("Neuer Newsletter")
    return render(
        request,
        "newsletters/form.html",
        {"network": network, "form": form, "newsletter": newsletter, "heading": heading},
        status=400 if form.errors else 200,
    )


def _save(
    request: HttpRequest, network: Network, form: NewsletterForm, newsletter: Newsletter | None
) -> HttpResponse:
    data = form.cleaned_data
    try:
        if newsletter is None:
            newsletter = services.newsletter_create(network=network, user=request.user, **data)
        else:
            newsletter = services.newsletter_update(newsletter=newsletter, **data)
    except services.NewsletterError as exc:
        form.add_error(None, str(exc))
        return _form_page(request, network, form, newsletter)
    return redirect("newsletters:preview", slug=network.slug, pk=newsletter.pk)


@_guarded
@require_http_methods(["GET", "HEAD", "POST"])
def create(request: HttpRequest, slug: str) -> HttpResponse:
    network = _network(request, slug)
    form = NewsletterForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        return _save(request, network, form, None)
    return _form_page(request, network, form, None)


@_guarded
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    newsletter = _newsletter(request, slug, pk)
    network = newsletter.network
    if newsletter.status != NewsletterStatus.DRAFT:
        return redirect("newsletters:detail", slug=network.slug, pk=newsletter.pk)
    initial = {
        "subject": newsletter.subject,
        "body": newsletter.body,
        "topics": list(newsletter.topics.all()),
        "areas": list(newsletter.areas.all()),
    }
    form = NewsletterForm(request.POST or None, initial=initial, network=network)
    if request.method == "POST" and form.is_valid():
        return _save(request, network, form, newsletter)
    return _form_page(request, network, form, newsletter)


@_guarded
def preview(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The newsletter exactly as it is mailed (text and HTML), with the number of recipients."""
    newsletter = _newsletter(request, slug, pk)
    root = base_url(request)
    parts = newsletter_parts(
        newsletter,
        unsubscribe=unsubscribe_url(root, "VORSCHAU"),
        web_url=root + newsletter.get_absolute_url(),
    )
    recipients = (
        len(newsletter_recipients(newsletter)) if newsletter.status == NewsletterStatus.DRAFT else None
    )
    return render(
        request,
        "newsletters/preview.html",
        {
            "network": newsletter.network,
            "newsletter": newsletter,
            "text": parts.text,
            "html": parts.fragment,
            "recipients": recipients,
        },
    )


@_guarded
@require_POST
def send(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    newsletter = _newsletter(request, slug, pk)
    try:
        services.newsletter_send(newsletter=newsletter, user=request.user, base_url=base_url(request))
    except services.NewsletterError as exc:
        return render(
            request,
            "newsletters/notice.html",
            {"title": _("Nicht versendet"), "text": str(exc), "network": newsletter.network},
            status=409,
        )
    return redirect("newsletters:manage", slug=newsletter.network.slug)


@_guarded
def export(request: HttpRequest, slug: str) -> HttpResponse:
    """Confirmed addresses as CSV (German Excel: UTF-8 with BOM, semicolons); cells neutralised."""
    network = _network(request, slug)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([_("E-Mail"), _("bestätigt am"), _("Themen"), _("Gebiete"), _("Wochenüberblick")])
    for row in selectors.confirmed_export_rows(network):
        writer.writerow([neutralise(str(cell)) for cell in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="newsletter-{network.slug}.csv"'
    response["Cache-Control"] = "no-store"
    return response
