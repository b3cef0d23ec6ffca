"""Idea images: re-encoded without metadata, stored under generated names, served only with the idea."""

import io

import pytest
from PIL import Image

from tests.participation.factories import hit, make_contest, verified_user
from wandelwerk.participation.images import ImageError, clean_image
from wandelwerk.participation.models import IdeaImage
from wandelwerk.participation.services import ContestError, Upload, idea_submit


def _jpeg_with_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "GeheimKamera"  # Make
    exif[0x0131] = "Software 1.0"
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(out, format="JPEG", exif=exif.tobytes())
    data = out.getvalue()
    assert b"GeheimKamera" in data
    return data


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _submit(contest, geo, files):
    return idea_submit(
        contest=contest,
        author=verified_user(),
        title="Bauteilbörse",
        description="Alte Türen",
        category=contest.categories.first(),
        place=hit(geo),
        place_label="Zwickau",
        images=[Upload(name=n, size=len(d), stream=io.BytesIO(d)) for n, d in files],
    )


@pytest.mark.django_db
def test_stored_jpeg_has_no_exif_and_a_generated_name(geo, media):
    # given a JPEG carrying EXIF data
    contest = make_contest(geo)
    # when it is submitted with an idea
    idea = _submit(contest, geo, [("IMG_privat.jpg", _jpeg_with_exif())])
    # then the stored file is a JPEG without EXIF, under a generated name
    image = IdeaImage.objects.get(idea=idea)
    path = media / image.file.name
    stored = path.read_bytes()
    assert b"GeheimKamera" not in stored
    with Image.open(path) as img:
        assert img.format == "JPEG"
        assert len(img.getexif()) == 0
        assert "exif" not in img.info
    assert "privat" not in image.file.name and image.content_type == "image/jpeg"


@pytest.mark.django_db
def test_fake_image_and_too_many_images_are_refused_and_nothing_is_written(geo, media):
    contest = make_contest(geo)
    with pytest.raises(ImageError, match="kein lesbares"):
        _submit(contest, geo, [("bild.jpg", b"<html>no image</html>")])
    png = io.BytesIO()
    Image.new("RGB", (4, 4)).save(png, format="PNG")
    with pytest.raises(ContestError, match="Höchstens 3"):
        _submit(contest, geo, [("a.png", png.getvalue())] * 4)
    assert not IdeaImage.objects.exists()
    assert not contest.ideas.exists()


def test_gif_and_oversized_images_are_refused(settings):
    gif = io.BytesIO()
    Image.new("RGB", (4, 4)).save(gif, format="GIF")
    with pytest.raises(ImageError, match="kein JPEG"):
        clean_image(name="a.gif", size=len(gif.getvalue()), stream=gif)
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ImageError, match="zu groß"):
        clean_image(name="a.gif", size=100, stream=gif)


@pytest.mark.django_db
def test_image_is_served_only_with_a_visible_idea(client, geo, media):
    from django.urls import reverse

    from wandelwerk.participation.models import IdeaStatus

    contest = make_contest(geo)
    idea = _submit(contest, geo, [("foto.jpg", _jpeg_with_exif())])
    image = idea.images.get()
    url = reverse("participation:image", args=[contest.slug, idea.pk, image.pk])
    # pending: not for the public
    assert client.get(url).status_code == 404
    client.force_login(idea.author)
    assert client.get(url).status_code == 200
    client.logout()
    idea.status = IdeaStatus.PUBLISHED
    idea.save()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"GeheimKamera" not in b"".join(response.streaming_content)
    assert url in client.get(idea.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_images_uploaded_through_the_form_are_cleaned_and_bad_ones_named(client, geo, media):
    import time

    from django.core import signing
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from wandelwerk.participation.forms import SALT

    contest = make_contest(geo)
    client.force_login(verified_user())
    url = reverse("participation:submit", args=[contest.slug])
    data = {
        "title": "Bauteilbörse",
        "description": "Alte Türen",
        "category": contest.categories.first().pk,
        "place": "Zwickau",
        "started": signing.dumps(time.time() - 60, salt=SALT),
    }
    bad = client.post(url, {**data, "images": [SimpleUploadedFile("x.png", b"GIF89a nope")]})
    assert bad.status_code == 400 and "x.png" in bad.content.decode()
    ok = client.post(url, {**data, "images": [SimpleUploadedFile("foto.jpg", _jpeg_with_exif())]})
    assert ok.status_code == 302
    stored = IdeaImage.objects.get()
    assert b"GeheimKamera" not in (media / stored.file.name).read_bytes()
