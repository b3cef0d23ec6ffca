"""Pages of moderation: the report form, the moderators' queue and their decisions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wandelwerk.moderation import selectors, services
from wandelwerk.moderation.forms import DecisionForm, ReportForm


def _safe(url: str, request: HttpRequest) -> str:
    ok = url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False)
    return url if url and ok else "/"


@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, target: str, pk: int) -> HttpResponse:
    """GET: the reason form. POST: records the report and goes back to the content."""
    model = selectors.model_for_label(target)
    if model is None:
        raise Http404(_("Diese Art von Inhalt kann nicht gemeldet werden."))
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        raise Http404(_("Diesen Inhalt gibt es nicht."))
    back = _safe(str(obj.moderation_context().url), request)  # type: ignore[attr-defined]
    form = ReportForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.report_create(
                    obj=obj,
                    reporter=request.user,
                    reason=form.cleaned_data["reason"],
                    text=form.cleaned_data["text"],
                )
            except services.ModerationError as exc:
                messages.info(request, str(exc))
            else:
                messages.success(request, _("Danke, Ihre Meldung ist eingegangen. Die Moderation prüft sie."))
            return redirect(back)
        status = 400
    context = {"form": form, "kind": model._meta.verbose_name, "back": back}
    return render(request, "moderation/report.html", context, status=status)


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("moderation.view_queue"):
        raise PermissionDenied
    flags = list(selectors.queue(user=request.user)[:200])
    return render(request, "moderation/queue.html", {"flags": flags, "form": DecisionForm()})


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    flag = selectors.flag_get(pk=pk)
    if flag is None:
        raise Http404(_("Diesen Moderationsfall gibt es nicht."))
    if not request.user.has_perm("moderation.decide_flag", flag):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    keep = form.cleaned_data["decision"] == "keep"
    try:
        services.flag_decide(
            flag=flag,
            user=request.user,
            keep=keep,
            note=form.cleaned_data["note"],
            base_url=request.build_absolute_uri("/").rstrip("/"),
        )
    except services.ModerationError as exc:
        messages.info(request, str(exc))
    else:
        done = _("„%(title)s“ bleibt sichtbar.") if keep else _("„%(title)s“ wurde entfernt.")
        messages.success(request, done % {"title": flag.title})
    return redirect("moderation:queue")
