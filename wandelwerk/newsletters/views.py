"""Public pages: subscribing, confirming, unsubscribing and the web archive."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wandelwerk.newsletters import selectors, services
from wandelwerk.newsletters.forms import SubscribeForm


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _notice(
    request: HttpRequest, title: str, text: str, *, status: int = 200, network: object = None
) -> HttpResponse:
    return render(
        request, "newsletters/notice.html", {"title": title, "text": text, "network": network}, status=status
    )


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletters/index.html", {"networks": selectors.networks_with_archive()})


@require_http_methods(["GET", "HEAD", "POST"])
def network_page(request: HttpRequest, slug: str) -> HttpResponse:
    """Subscription form and the archive of sent newsletters. Every valid request gets the same answer,
    whether the address was known or not (no enumeration); robots get it too, but no mail."""
    network = selectors.network_get(slug=slug)
    if network is None:
        raise Http404
    if request.method == "POST":
        form = SubscribeForm(request.POST, network=network)
        if form.is_valid():
            if not form.looks_automated():
                services.subscription_request(
                    network=network,
                    email=form.cleaned_data["email"],
                    topics=form.cleaned_data["topics"],
                    areas=form.cleaned_data["areas"],
                    digest=form.cleaned_data["digest"],
                    base_url=base_url(request),
                )
            return _notice(
                request,
                _("Bitte bestätigen Sie Ihre Anmeldung"),
                _(
                    "Wenn die Adresse noch nicht bestätigt ist, erhalten Sie in wenigen Minuten eine E-Mail "
                    "mit einem Bestätigungslink. Erst nach der Bestätigung senden wir Ihnen den Newsletter."
                ),
                network=network,
            )
    else:
        form = SubscribeForm(network=network)
    context = {
        "network": network,
        "form": form,
        "consent_text": services.CONSENT_TEXT,
        "archive": selectors.archive(network),
        "can_manage": request.user.has_perm("newsletters.manage_network", network),
    }
    return render(request, "newsletters/network.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (so mail scanners that follow links confirm nothing); POST confirms."""
    if request.method == "POST":
        sub = services.subscription_confirm(token=token)
        if sub is None:
            return _notice(
                request,
                _("Link ungültig oder abgelaufen"),
                _("Dieser Bestätigungslink ist nicht mehr gültig. Bitte melden Sie sich erneut an."),
                status=404,
            )
        return _notice(
            request,
            _("Anmeldung bestätigt"),
            _("Vielen Dank! Sie erhalten ab jetzt den Newsletter von „%(network)s“.")
            % {"network": sub.network.name},
            network=sub.network,
        )
    return render(request, "newsletters/confirm.html", {"token": token})


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" without a CSRF token
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button; POST (from it or from a mail program) unsubscribes at once."""
    if request.method == "POST":
        if not services.subscription_unsubscribe(token=token):
            return _notice(request, _("Link ungültig"), _("Diesen Abmeldelink kennen wir nicht."), status=404)
        return _notice(
            request,
            _("Sie sind abgemeldet"),
            _("Sie erhalten keine E-Mails dieses Newsletters mehr."),
        )
    sub = services.subscription_by_token(token=token)
    if sub is None:
        return _notice(request, _("Link ungültig"), _("Diesen Abmeldelink kennen wir nicht."), status=404)
    return render(request, "newsletters/unsubscribe.html", {"token": token, "network": sub.network})


def detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The web view of a newsletter: public once sent, drafts only for the network's coordinators."""
    network = selectors.network_get(slug=slug)
    newsletter = selectors.newsletter_get(network=network, pk=pk) if network else None
    if newsletter is None:
        raise Http404
    if not request.user.has_perm("newsletters.view_newsletter", newsletter):
        raise Http404  # a draft does not exist for those who may not see it
    return render(
        request,
        "newsletters/detail.html",
        {
            "network": network,
            "newsletter": newsletter,
            "can_change": request.user.has_perm("newsletters.change_newsletter", newsletter),
        },
    )
