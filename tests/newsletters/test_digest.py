"""The weekly digest: new public actors and projects in the subscriber's areas and topics, once a week."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import make_actor
from tests.newsletters.conftest import make_subscription
from wandelwerk.actors.models import Actor, Status, Visibility
from wandelwerk.newsletters.digest import _new_events, digests_send, iso_week
from wandelwerk.newsletters.models import DigestRun, SubscriptionStatus
from wandelwerk.projects.models import Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(geo, topics):
    """New this week: a public actor in Zwickau (energy), one in Zittau, a pending one, a public project in
    Crimmitschau, a private project; and an old actor from last month."""
    fresh = make_actor(geo["zwickau"], name="Solarverein Zwickau", topics=[topics["energie"]])
    make_actor(geo["zittau"], name="Repair-Café Zittau", topics=[topics["mobilitaet"]])
    make_actor(geo["zwickau"], name="Noch ungeprüft", status=Status.PENDING)
    make_actor(geo["zwickau"], name="Nur für Mitglieder", visibility=Visibility.MEMBERS)
    old = make_actor(geo["zwickau"], name="Alter Verein")
    Actor.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=30))
    Project.objects.create(
        title="Bürgersolar Crimmitschau",
        slug="buergersolar",
        summary="PV",
        area=geo["crimmitschau"],
        is_public=True,
    )
    Project.objects.create(title="Geheimes Projekt", slug="geheim", summary="x", area=geo["crimmitschau"])
    return fresh


def test_digest_lists_what_is_new_in_the_subscribers_areas(network, geo, news, mailoutbox):
    # given a subscriber for the county of Zwickau who wants the digest
    sub = make_subscription(network, "ida@example.org", areas=[geo["zwickau_lk"]], digest=True)
    # when the digests go out
    result = digests_send(base_url="https://wandel.example.org")
    # then the mail lists the new public actor and project there, nothing private, old or elsewhere
    assert result.sent == 1
    (mail,) = mailoutbox
    assert mail.to == ["ida@example.org"]
    assert "Solarverein Zwickau" in mail.body and "Bürgersolar Crimmitschau" in mail.body
    assert "https://wandel.example.org/projekte/buergersolar/" in mail.body
    for absent in ("Repair-Café Zittau", "Noch ungeprüft", "Nur für Mitglieder", "Alter Verein", "Geheimes"):
        assert absent not in mail.body
    assert (
        mail.extra_headers["List-Unsubscribe"]
        == f"<https://wandel.example.org/newsletter/abmelden/{sub.token}/>"
    )
    assert "Solarverein Zwickau" in mail.alternatives[0][0]


def test_digest_follows_topics_and_falls_back_to_the_network_areas(network, topics, news, mailoutbox):
    make_subscription(network, "mobil@example.org", topics=[topics["mobilitaet"]], digest=True)
    digests_send()
    # the network covers Görlitz county too, so the Zittau repair café (mobility) is in; energy is out
    (mail,) = mailoutbox
    assert "Repair-Café Zittau" in mail.body and "Solarverein Zwickau" not in mail.body


def test_empty_digest_is_skipped_and_unwanted_or_unconfirmed_get_none(network, geo, mailoutbox):
    make_subscription(network, "leer@example.org", areas=[geo["zittau"]], digest=True)
    make_subscription(network, "ohne@example.org")
    make_subscription(network, "offen@example.org", status=SubscriptionStatus.PENDING, digest=True)
    result = digests_send()
    assert result.sent == 0 and result.empty == 1 and mailoutbox == []
    assert not DigestRun.objects.exists()


def test_digest_goes_out_once_per_week(network, news, mailoutbox):
    make_subscription(network, "ida@example.org", digest=True)
    now = timezone.now()
    assert digests_send(now=now).sent == 1
    # when run again the same week (command, retried task), nobody gets a second mail
    again = digests_send(now=now + timedelta(hours=2))
    assert again.sent == 0 and again.already == 1 and len(mailoutbox) == 1
    assert DigestRun.objects.get().week == iso_week(now)
    # the next week, with something new again, it goes out again
    Actor.objects.filter(pk=news.pk).update(created_at=now + timedelta(days=6))
    assert digests_send(now=now + timedelta(days=7)).sent == 1 and len(mailoutbox) == 2


def test_send_digests_command_uses_the_same_service(network, news, mailoutbox, capsys):
    make_subscription(network, "ida@example.org", digest=True)
    call_command("send_digests", "--base-url", "https://wandel.example.org")
    call_command("send_digests", "--base-url", "https://wandel.example.org")
    assert len(mailoutbox) == 1
    assert "1 versendet" in capsys.readouterr().out


def test_digest_lists_new_public_events_in_the_area_but_not_members_only_or_past_ones(network, geo):
    # given a public event in Zwickau, a members-only one there, a past one and one in Zittau
    from tests.events.factories import make_event

    make_event(network, area=geo["zwickau"], title="Netzwerktreffen Zwickau")
    make_event(network, area=geo["zwickau"], title="Internes Treffen", visibility="members")
    past = timezone.now() - timedelta(days=2)
    make_event(network, area=geo["zwickau"], title="Schon vorbei", start=past, end=past + timedelta(hours=1))
    make_event(network, area=geo["zittau"], title="Treffen Zittau")
    # when the digest collects the events of the county of Zwickau
    since = timezone.now() - timedelta(days=7)
    items = _new_events(area_ids=[geo["zwickau_lk"].pk], topic_ids=[], since=since)
    # then only the upcoming public one is there, linked to its page
    assert [i.title.split(" – ")[1] for i in items] == ["Netzwerktreffen Zwickau"]
    assert items[0].path.startswith("/veranstaltungen/")


def test_send_digests_command_refuses_to_run_without_the_site_address(network, news, mailoutbox, settings):
    from django.core.management.base import CommandError

    make_subscription(network, "ida@example.org", digest=True)
    with pytest.raises(CommandError, match="base-url"):
        call_command("send_digests", "--base-url", "")
    assert mailoutbox == []


def test_weekly_task_acts_only_at_seven_in_berlin(network, news, mailoutbox, monkeypatch, settings):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from wandelwerk.newsletters import tasks

    settings.SITE_URL = "https://wandel.example.org"
    make_subscription(network, "ida@example.org", digest=True)
    berlin = ZoneInfo("Europe/Berlin")
    monkeypatch.setattr(tasks.timezone, "localtime", lambda *a: datetime(2026, 11, 23, 6, 0, tzinfo=berlin))
    assert tasks.send_weekly_digests.call_local() == 0 and mailoutbox == []
    monkeypatch.setattr(tasks.timezone, "localtime", lambda *a: datetime(2026, 11, 23, 7, 0, tzinfo=berlin))
    assert tasks.send_weekly_digests.call_local() == 1 and len(mailoutbox) == 1
