"""Import upload with preview for coordinators, and the CSV/GeoJSON/JSON exports.

The upload is checked in a dry run and its bytes are kept under ``VAR_DIR/imports`` under a random
token that is bound to the uploading user and session; the confirm button posts only that token, so
what is imported is exactly what was previewed (a re-posted file is never trusted).
"""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from wandelwerk.actors import exporting, selectors
from wandelwerk.actors.importing import ImportReport, actors_import
from wandelwerk.actors.models import Status
from wandelwerk.actors.query import FilterError, parse_query

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_SHOWN_ISSUES = 1000
UPLOAD_TTL_SECONDS = 24 * 3600
SESSION_KEY = "actor_import_tokens"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{40,64}$")
_SUFFIXES = (".csv", ".txt", ".geojson", ".json")


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Datei"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.geojson,.json"}),
        help_text=gettext_lazy(
            "CSV (Komma oder Semikolon, UTF-8 mit oder ohne BOM), GeoJSON oder JSON; höchstens 20 MB."
        ),
    )
    source = forms.CharField(
        label=gettext_lazy("Quelle"),
        required=False,
        max_length=200,
        help_text=gettext_lazy(
            "Woher die Daten stammen (wird bei jedem Eintrag gespeichert). Leer: der Dateiname."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist %(size).1f MB groß; höchstens 20 MB sind erlaubt. Bitte in Teile aufteilen.")
                % {"size": upload.size / 1024 / 1024}
            )
        if not upload.name.lower().endswith(_SUFFIXES):
            raise forms.ValidationError(
                _("Bitte eine Datei mit der Endung .csv, .geojson oder .json wählen.")
            )
        return upload


def may_import(user: Any) -> bool:
    """Coordinators of any network and staff may import."""
    return bool(user.is_authenticated and user.has_perm("actors.import_actors"))


def _upload_dir() -> Path:
    path = Path(settings.VAR_DIR) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _sweep(directory: Path) -> None:
    cutoff = time.time() - UPLOAD_TTL_SECONDS
    for item in directory.iterdir():
        if item.suffix in (".bin", ".json") and item.stat().st_mtime < cutoff:
            item.unlink(missing_ok=True)


def _store(request: HttpRequest, data: bytes, filename: str, source: str) -> str:
    directory = _upload_dir()
    _sweep(directory)
    token = secrets.token_urlsafe(32)
    (directory / f"{token}.bin").write_bytes(data)
    meta = {"user": request.user.pk, "filename": filename, "source": source, "at": timezone.now().isoformat()}
    (directory / f"{token}.json").write_text(json.dumps(meta), encoding="utf-8")
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, [])[-4:], token]
    return token


def _load(request: HttpRequest, token: str) -> tuple[bytes, dict[str, Any]] | None:
    """The stored upload if the token is well-formed, from this session and of this user."""
    if not _TOKEN.match(token) or token not in request.session.get(SESSION_KEY, []):
        return None
    directory = _upload_dir()
    try:
        meta = json.loads((directory / f"{token}.json").read_text(encoding="utf-8"))
        data = (directory / f"{token}.bin").read_bytes()
    except (OSError, ValueError):
        return None
    if meta.get("user") != request.user.pk:
        return None
    return data, meta


def _discard(request: HttpRequest, token: str) -> None:
    directory = _upload_dir()
    for suffix in (".bin", ".json"):
        (directory / f"{token}{suffix}").unlink(missing_ok=True)
    request.session[SESSION_KEY] = [t for t in request.session.get(SESSION_KEY, []) if t != token]


def _report_context(report: ImportReport) -> dict[str, Any]:
    return {
        "report": report,
        "errors": [(report.where(i), i.message) for i in report.errors[:MAX_SHOWN_ISSUES]],
        "warnings": [(report.where(i), i.message) for i in report.warnings[:MAX_SHOWN_ISSUES]],
        "more_errors": max(0, len(report.errors) - MAX_SHOWN_ISSUES),
        "more_warnings": max(0, len(report.warnings) - MAX_SHOWN_ISSUES),
    }


@login_required
@require_http_methods(["GET", "POST"])
def actor_import(request: HttpRequest) -> HttpResponse:
    """Upload form → preview (dry run) → confirm (posts the token) → result."""
    if not may_import(request.user):
        raise PermissionDenied
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request, request.POST["token"])
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        source = form.cleaned_data["source"].strip() or upload.name
        report = actors_import(
            data=data, filename=upload.name, user=request.user, source=source, dry_run=True
        )
        token = _store(request, data, upload.name, source) if report.ok and report.new else ""
        context = {**_report_context(report), "token": token}
        return render(request, "actors/import_preview.html", context, status=200 if report.ok else 422)
    status = 400 if form.errors else 200
    return render(request, "actors/import.html", {"form": form}, status=status)


def _confirm(request: HttpRequest, token: str) -> HttpResponse:
    stored = _load(request, token)
    if stored is None:
        form = UploadForm()
        error = _(
            "Dieser Upload ist abgelaufen oder gehört nicht zu Ihnen. Bitte die Datei erneut hochladen."
        )
        return render(request, "actors/import.html", {"form": form, "error": error}, status=400)
    data, meta = stored
    report = actors_import(
        data=data,
        filename=meta["filename"],
        user=request.user,
        source=meta["source"],
        status=Status.PUBLISHED,
    )
    if report.ok:
        _discard(request, token)
    context = {**_report_context(report), "token": "" if report.ok else token}
    return render(request, "actors/import_result.html", context, status=200 if report.ok else 409)


# --- exports --------------------------------------------------------------------------------------

_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json; charset=utf-8",
    "json": "application/json; charset=utf-8",
}


def _export(request: HttpRequest, fmt: str) -> HttpResponse:
    try:
        query = parse_query(request.GET)
        qs = selectors.actor_filter(user=request.user, query=query)
    except FilterError as exc:
        return HttpResponse(
            f"{exc.param}: {exc.message}", status=400, content_type="text/plain; charset=utf-8"
        )
    delimiter = ";" if request.GET.get("delimiter") in ("semicolon", ";") else ","
    response = StreamingHttpResponse(
        exporting.export_chunks(fmt, qs, user=request.user, delimiter=delimiter), content_type=_TYPES[fmt]
    )
    filename = f"akteure-{timezone.localdate().isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["Vary"] = "Cookie"
    return response


@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, "csv")


@require_GET
def export_geojson(request: HttpRequest) -> HttpResponse:
    return _export(request, "geojson")


@require_GET
def export_json(request: HttpRequest) -> HttpResponse:
    return _export(request, "json")
