"""Mein Konto: overview, personal data download, account deletion, API tokens."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wandelwerk.accounts import selectors, services
from wandelwerk.accounts.forms import AccountDeleteForm, DisplayNameForm, TokenCreateForm
from wandelwerk.accounts.models import User


def _me(request: HttpRequest) -> User:
    """The logged-in account (every view here is behind ``login_required``)."""
    assert isinstance(request.user, User)
    return request.user


@login_required
@require_http_methods(["GET", "POST"])
def me(request: HttpRequest) -> HttpResponse:
    user = _me(request)
    form = DisplayNameForm(request.POST or None, initial={"display_name": user.display_name})
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update(user=user, display_name=form.cleaned_data["display_name"])
        except services.AccountError as exc:
            form.add_error("display_name", str(exc))
        else:
            messages.success(request, _("Ihr Anzeigename wurde gespeichert."))
            return redirect("accounts:me")
    context = {"form": form, "overview": selectors.account_overview(user=user)}
    return render(request, "accounts/me.html", context)


@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    data = selectors.account_export(user=_me(request))
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"wandelwerk-meine-daten-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    add_never_cache_headers(response)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    user = _me(request)
    organisations = list(selectors.organisations_owned_by(user=user))
    form = AccountDeleteForm(request.POST or None, user=user, ask_handover=bool(organisations))
    if request.method == "POST" and form.is_valid():
        try:
            services.account_delete(
                user=user, handover_to_email=form.cleaned_data.get("handover_email") or None
            )
        except services.AccountError as exc:
            form.add_error("handover_email" if "handover_email" in form.fields else None, str(exc))
        else:
            logout(request)
            messages.success(request, _("Ihr Konto und Ihre persönlichen Daten wurden gelöscht."))
            return redirect("core:home")
    context = {"form": form, "organisations": organisations}
    return render(request, "accounts/delete.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenCreateForm(request.POST or None)
    new_token = raw_token = None
    if request.method == "POST" and form.is_valid():
        try:
            new_token, raw_token = services.token_create(user=_me(request), name=form.cleaned_data["name"])
        except services.AccountError as exc:
            form.add_error("name", str(exc))
        else:
            form = TokenCreateForm()
    context = {
        "form": form,
        "tokens": list(selectors.tokens_for(user=_me(request))),
        "new_token": new_token,
        "raw_token": raw_token,
        "max_tokens": services.MAX_TOKENS_PER_USER,
    }
    response = render(request, "accounts/tokens.html", context)
    add_never_cache_headers(response)  # the raw token is shown once and must not be cached
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.token_revoke(user=_me(request), token_id=pk)
    except services.AccountError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Der Token wurde widerrufen und funktioniert nicht mehr."))
    return redirect("accounts:tokens")
