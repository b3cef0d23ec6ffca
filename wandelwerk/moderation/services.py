"""Writes for moderation: reporting content, and the moderators' decisions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from wandelwerk.moderation.interface import ModerationContext
from wandelwerk.moderation.models import HIDE_AFTER_REPORTS, Flag, FlagStatus, Reason, Report

OPEN_STATES = (FlagStatus.VISIBLE, FlagStatus.HIDDEN, FlagStatus.KEPT)


class ModerationError(Exception):
    """A refused moderation action; the message is shown to the person."""


@dataclass(frozen=True, slots=True)
class ReportResult:
    report: Report
    hid: bool  # this report was the one that hid the content


def _flag_for(obj: Model, ctx: ModerationContext) -> Flag:
    content_type = ContentType.objects.get_for_model(obj)
    flag, _created = Flag.objects.get_or_create(
        content_type=content_type,
        object_id=obj.pk,
        defaults={
            "network": ctx.network,
            "author": ctx.author,
            "title": str(ctx.title)[:200] or "–",
            "url": str(ctx.url)[:500],
        },
    )
    return flag


@transaction.atomic
def report_create(*, obj: Model, reporter: Any, reason: str, text: str = "") -> ReportResult:
    """Records one person's report. The third open report by different people hides the object,
    exactly once even under parallel reports (conditional update on the flag row). A second report
    by the same person is refused by the unique constraint."""
    if not reporter.is_authenticated:
        raise ModerationError(_("Bitte zuerst anmelden."))
    if reason not in Reason.values:
        raise ModerationError(_("Unbekannter Grund: %(reason)s") % {"reason": reason})
    ctx: ModerationContext = obj.moderation_context()  # type: ignore[attr-defined]
    if ctx.author is not None and ctx.author.pk == reporter.pk:
        raise ModerationError(_("Eigene Inhalte können Sie nicht melden."))
    flag = _flag_for(obj, ctx)
    try:
        with transaction.atomic():
            report = Report.objects.create(
                flag=flag,
                content_type_id=flag.content_type_id,
                object_id=flag.object_id,
                reporter=reporter,
                reason=reason,
                text=text.strip()[:2000],
            )
    except IntegrityError as exc:
        raise ModerationError(_("Sie haben diesen Inhalt bereits gemeldet.")) from exc
    now = timezone.now()
    Flag.objects.filter(pk=flag.pk).update(open_reports=F("open_reports") + 1)
    hid = Flag.objects.filter(
        pk=flag.pk,
        status__in=[FlagStatus.VISIBLE, FlagStatus.KEPT],
        open_reports__gte=HIDE_AFTER_REPORTS,
    ).update(status=FlagStatus.HIDDEN, hidden_at=now)
    return ReportResult(report=report, hid=bool(hid))


@transaction.atomic
def flag_decide(*, flag: Flag, user: Any, keep: bool, note: str = "", base_url: str = "") -> Flag:
    """Keeps (shown again, open reports closed) or removes (stays hidden) a reported item, exactly
    once; the author is told by email after the commit."""
    if not user.has_perm("moderation.decide_flag", flag):
        raise ModerationError(_("Sie dürfen über diesen Inhalt nicht entscheiden."))
    updated = Flag.objects.filter(pk=flag.pk, status__in=OPEN_STATES, open_reports__gt=0).update(
        status=FlagStatus.KEPT if keep else FlagStatus.REMOVED,
        open_reports=0,
        decided_by=user,
        decided_at=timezone.now(),
        decision_note=note.strip()[:2000],
    )
    if not updated:
        raise ModerationError(_("Über diesen Inhalt wurde bereits entschieden."))
    Report.objects.filter(flag=flag, is_open=True).update(is_open=False)
    flag.refresh_from_db()

    from wandelwerk.moderation.tasks import notify_author

    transaction.on_commit(lambda: notify_author(flag.pk, base_url))
    return flag
