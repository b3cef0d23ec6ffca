import pytest
from django.core.management import call_command

from tests.factories import TopicFactory, make_actor
from wandelwerk.actors.models import Actor


@pytest.mark.django_db
def test_reindex_restores_a_lost_search_text(geo):
    topic = TopicFactory(slug="energie", name="Energie")
    actor = make_actor(geo["zwickau"], name="Bürgersolar Zwickau", topics=[topic])
    expected = Actor.objects.get(pk=actor.pk).search_text
    Actor.objects.filter(pk=actor.pk).update(search_text="")
    call_command("reindex_actors", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Actor.objects.get(pk=actor.pk).search_text == expected
    assert f"zzt{topic.pk}" in expected
