"""The demo loader: at least 15 practices and 10 methods, files for templates, adoptions by public
demo actors only, idempotent."""

import pytest

from tests.factories import UserFactory, make_actor
from wandelwerk.knowledge.demo import load_demo
from wandelwerk.knowledge.models import Adoption, Method, MethodFile, Practice


@pytest.mark.django_db
def test_demo_loader_creates_content_once(geo):
    repair = make_actor(geo["zwickau"], name="Repair-Café Zwickau", is_demo=True)
    hidden = make_actor(geo["zwickau"], name="Repair-Café Geheim", is_demo=True, visibility="private")
    user = UserFactory()

    line = load_demo(user=user)

    assert line is not None and line.startswith("Aktionspool:")
    assert Practice.objects.filter(is_published=True, is_demo=True).count() >= 15
    assert Method.objects.filter(is_published=True, is_demo=True).count() >= 10
    for method in Method.objects.filter(kind__in=["template", "checklist"]):
        assert method.files.exists(), method.title
    assert Adoption.objects.filter(actor=repair).exists()
    assert not Adoption.objects.filter(actor=hidden).exists()
    assert Adoption.objects.filter(area=geo["sn"]).exists()  # Reparaturbonus Sachsen
    for practice in Practice.objects.all():
        assert (
            practice.steps and practice.rural_factors and practice.urban_factors and practice.topics.exists()
        )
    counts = (
        Practice.objects.count(),
        Method.objects.count(),
        MethodFile.objects.count(),
        Adoption.objects.count(),
    )

    assert load_demo(user=user) is None
    assert (
        Practice.objects.count(),
        Method.objects.count(),
        MethodFile.objects.count(),
        Adoption.objects.count(),
    ) == counts


@pytest.mark.django_db
def test_demo_files_download_and_search_works(geo, client):
    load_demo(user=None)
    stored = MethodFile.objects.get(method__title="Akteursmapping-Vorlage")
    r = client.get(stored.get_absolute_url())
    assert r.status_code == 200
    assert b"".join(r.streaming_content).startswith(b"Name;Art")
    html = client.get("/wissen/?q=Reparaturcafés").content.decode()
    assert "Repair-Café" in html
    assert "Mitfahrbank" in client.get("/wissen/praxisbeispiele/?q=Mitfahrbänke&effort=low").content.decode()
