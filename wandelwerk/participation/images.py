"""Idea images: checked with Pillow and re-encoded, so no EXIF, GPS or other metadata is stored."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_IMAGES = 3
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png")}


class ImageError(ValueError):
    """The image is refused; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class CleanImage:
    content: ContentFile[bytes]
    content_type: str


def clean_image(*, name: str, size: int, stream: IO[bytes]) -> CleanImage:
    """A re-encoded copy of a JPEG or PNG with a generated name and without metadata."""
    if size > settings.UPLOAD_MAX_BYTES:
        raise ImageError(
            _("Das Bild „%(name)s“ ist zu groß; erlaubt sind höchstens %(mb)s MB.")
            % {"name": name, "mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024) or 1}
        )
    try:
        stream.seek(0)
        with Image.open(stream) as probe:
            fmt = probe.format or ""
            probe.verify()
        if fmt not in FORMATS:
            raise ImageError(_("„%(name)s“ ist kein JPEG- oder PNG-Bild.") % {"name": name})
        stream.seek(0)
        with Image.open(stream) as img:
            if img.width * img.height > MAX_PIXELS:
                raise ImageError(_("Das Bild „%(name)s“ hat zu viele Pixel.") % {"name": name})
            img.load()
            upright = ImageOps.exif_transpose(img)
            ext, content_type = FORMATS[fmt]
            out = io.BytesIO()
            if fmt == "JPEG":
                upright.convert("RGB").save(out, format="JPEG", quality=85)
            else:
                mode = "RGBA" if upright.mode in ("RGBA", "LA", "P") else "RGB"
                upright.convert(mode).save(out, format="PNG")
    except ImageError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ImageError(_("„%(name)s“ ist kein lesbares JPEG- oder PNG-Bild.") % {"name": name}) from exc
    return CleanImage(
        content=ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{ext}"), content_type=content_type
    )
