"""The consulting demo: centres on demo actors, requests in every status, a populated queue for the
demo coordinator, two coaching pairs; a second run adds nothing."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from tests.factories import AreaFactory
from wandelwerk.consulting.demo import load_demo
from wandelwerk.consulting.models import (
    CaseNote,
    CoachingPair,
    CompetenceCentre,
    ConsultingRequest,
    Feedback,
)


@pytest.fixture
def demo_geo(geo):
    """The small geography plus a town in Mittelsachsen and one in Landkreis Leipzig."""
    from wandelwerk.geo.models import AreaKind

    mittelsachsen = AreaFactory(
        ags="14522", ars="145220000000", name="Mittelsachsen", kind=AreaKind.COUNTY, parent=geo["sn"]
    )
    AreaFactory(
        ags="14522180", ars="145220180180", name="Freiberg, Stadt", parent=mittelsachsen, lat=50.91, lon=13.34
    )
    leipzig_lk = AreaFactory(
        ags="14729", ars="147290000000", name="Leipzig", kind=AreaKind.COUNTY, parent=geo["sn"]
    )
    AreaFactory(
        ags="14729050", ars="147290050050", name="Borna, Stadt", parent=leipzig_lk, lat=51.12, lon=12.5
    )
    return geo


@pytest.mark.django_db
def test_demo_fills_centres_requests_queue_and_pairs_once(demo_geo):
    from wandelwerk.accounts.models import User

    # given the demo networks, accounts and synthetic actors
    out = io.StringIO()
    call_command("load_demo", actors=400, stdout=out, stderr=io.StringIO())
    assert "Beratung:" in out.getvalue()
    centres = CompetenceCentre.objects.filter(is_demo=True)
    assert 4 <= centres.count() <= 6
    assert all(c.actor.is_demo for c in centres)
    cases = ConsultingRequest.objects.all()
    assert 15 <= cases.count() <= 25
    assert set(cases.values_list("status", flat=True)) == {"new", "assigned", "in_progress", "closed"}
    assert CaseNote.objects.exists() and Feedback.objects.exists()
    assert CoachingPair.objects.count() == 2
    ages = sorted(c.created_at for c in cases)
    assert (ages[-1] - ages[0]).days >= 28
    # every counter equals its open rows and stays within capacity
    for centre in centres:
        open_rows = centre.cases.filter(status__in=["assigned", "in_progress"]).count()
        assert centre.open_cases == open_rows <= centre.capacity
    # the demo coordinator sees a populated queue with unassigned requests
    c = Client()
    c.force_login(User.objects.get(email="koordination@demo.wandelwerk.test"))
    body = c.get("/beratung/koordination/").content.decode()
    assert "Ohne Kompetenzstelle (0)" not in body
    assert "Hitzeschutz im Seniorentreff" in body
    # when it runs again, nothing is added
    before = (CompetenceCentre.objects.count(), cases.count(), CaseNote.objects.count(), User.objects.count())
    assert load_demo(user=None) is None
    after = (CompetenceCentre.objects.count(), cases.count(), CaseNote.objects.count(), User.objects.count())
    assert before == after
