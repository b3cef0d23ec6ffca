from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from wandelwerk.core.csvexport import csv_response
from wandelwerk.networks.selectors import network_get

from . import selectors


def report(request: HttpRequest, slug: str) -> HttpResponse:
    network = network_get(slug=slug)
    if network is None:
        raise Http404
    sections = selectors.report_sections(network=network, user=request.user)
    return render(
        request,
        "reports/report.html",
        {"network": network, "sections": sections, "generated": timezone.now()},
    )


def report_csv(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    network = network_get(slug=slug)
    section = selectors.report_section(network=network, user=request.user, key=key) if network else None
    if section is None:
        raise Http404
    return csv_response(f"{slug}-{key}.csv", section.columns, section.rows)
