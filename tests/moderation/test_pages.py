"""The report page, the report link and hidden posts on the group page."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.moderation.conftest import client_for
from wandelwerk.groups.models import Post
from wandelwerk.moderation.models import Report
from wandelwerk.moderation.services import report_create


def _report_url(post, target="groups.post"):
    return reverse("moderation:report", kwargs={"target": target, "pk": post.pk})


@pytest.mark.django_db
def test_signed_in_people_see_a_report_link_and_anonymous_visitors_do_not(world):
    group, post = world["group"], world["post"]
    signed_in = client_for(UserFactory()).get(group.get_absolute_url()).content.decode()
    anonymous = client_for(None).get(group.get_absolute_url()).content.decode()
    assert _report_url(post) in signed_in and "Melden" in signed_in
    assert _report_url(post) not in anonymous


@pytest.mark.django_db
def test_the_report_form_records_a_report_and_goes_back_to_the_content(world):
    post, client = world["post"], client_for(UserFactory())
    page = client.get(_report_url(post))
    html = page.content.decode()
    assert page.status_code == 200 and "Spam oder Werbung" in html and "<h1>" in html
    assert "<script>" not in html and 'style="' not in html and " onclick" not in html
    response = client.post(_report_url(post), {"reason": "spam", "text": "Werbung"})
    assert response.status_code == 302 and response["Location"].endswith(f"#beitrag-{post.pk}")
    assert Report.objects.get().text == "Werbung"
    # when the same person reports again: a message, no error page, still one report
    again = client.post(_report_url(post), {"reason": "other"}, follow=True)
    assert again.status_code == 200 and "bereits gemeldet" in again.content.decode()
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login(world):
    response = client_for(None).get(_report_url(world["post"]))
    assert response.status_code == 302 and "login" in response["Location"]
    assert not Report.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["nix.post", "groups.nix", "auth.user", "groups", "groups.post.x"])
def test_unknown_or_unreportable_content_types_are_not_found(world, target):
    response = client_for(UserFactory()).post(_report_url(world["post"], target), {"reason": "spam"})
    assert response.status_code == 404 and not Report.objects.exists()


@pytest.mark.django_db
def test_an_unknown_object_is_not_found(world):
    url = reverse("moderation:report", kwargs={"target": "groups.post", "pk": world["post"].pk + 999})
    assert client_for(UserFactory()).get(url).status_code == 404


@pytest.mark.django_db
def test_an_unknown_reason_is_refused_with_a_named_error(world):
    response = client_for(UserFactory()).post(_report_url(world["post"]), {"reason": "langweilig"})
    html = response.content.decode()
    assert response.status_code == 400 and "Unbekannter Grund: langweilig" in html
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_hidden_posts_and_replies_disappear_from_the_group_page(world):
    # given a thread with a reply, and another thread; the reply and the other thread get hidden
    group, post = world["group"], world["post"]
    reply = Post.objects.create(group=group, parent=post, author=post.author, text="Antwort mit Spam")
    other = Post.objects.create(group=group, author=post.author, text="Noch mehr Spam")
    kept = Post.objects.create(group=group, author=post.author, text="Ein guter Beitrag")
    for target in (reply, other):
        for _ in range(3):
            report_create(obj=target, reporter=UserFactory(), reason="spam")
    # then the group page shows the remaining posts only
    html = client_for(UserFactory()).get(group.get_absolute_url()).content.decode()
    assert "Billige Uhren" in html and "Ein guter Beitrag" in html
    assert "Antwort mit Spam" not in html and "Noch mehr Spam" not in html
    assert kept.pk
