"""Which uploads we accept (toolbox files, working-group documents): by size, by extension AND by
what the bytes are.

The browser's content type is never trusted. Each allowed extension has a check on the content
(magic bytes; the member list for the ZIP-based office formats; for text formats: decodable text
that is not HTML, SVG or XML). A file passes only if its content fits its extension, so an HTML page
renamed to ``.pdf`` or a program renamed to ``.png`` is refused with a message saying why.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

SNIFF_BYTES = 8192

ODF_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
OOXML_TYPES = {
    "docx": ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
TEXT_TYPES = {"txt": "text/plain", "md": "text/markdown", "csv": "text/csv"}
ALLOWED = ("pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "txt", "md", "csv", "png", "jpg")
_MARKUP = (b"<html", b"<!doctype", b"<svg", b"<script", b"<?xml", b"<body", b"<iframe", b"<head")


class UploadError(ValueError):
    """The upload is refused; the message names the reason."""


@dataclass(frozen=True, slots=True)
class Checked:
    extension: str
    content_type: str
    size: int


def extension_of(name: str) -> str:
    ext = PurePath(name or "").suffix.lower().lstrip(".")
    return "jpg" if ext == "jpeg" else ext


def _head(f: IO[bytes]) -> bytes:
    f.seek(0)
    head = f.read(SNIFF_BYTES)
    f.seek(0)
    return head


def _zip_names(f: IO[bytes]) -> tuple[list[str], bytes]:
    """Member names and the content of a ``mimetype`` member (ODF); empty if not a readable ZIP."""
    try:
        f.seek(0)
        with zipfile.ZipFile(f) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        return [], b""
    finally:
        f.seek(0)
    return names, mimetype


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    sample = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the sample is fine
        if exc.start < len(sample) - 4:
            try:
                sample.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


def _looks_like_markup(head: bytes) -> bool:
    lowered = head.lower()
    return any(tag in lowered for tag in _MARKUP)


def _check_pdf(f: IO[bytes], ext: str) -> str | None:
    return "application/pdf" if _head(f).startswith(b"%PDF-") else None


def _check_png(f: IO[bytes], ext: str) -> str | None:
    return "image/png" if _head(f).startswith(b"\x89PNG\r\n\x1a\n") else None


def _check_jpg(f: IO[bytes], ext: str) -> str | None:
    return "image/jpeg" if _head(f).startswith(b"\xff\xd8\xff") else None


def _check_odf(f: IO[bytes], ext: str) -> str | None:
    if not _head(f).startswith(b"PK\x03\x04"):
        return None
    _names, mimetype = _zip_names(f)
    expected = ODF_TYPES[ext]
    return expected if mimetype.strip() == expected.encode() else None


def _check_ooxml(f: IO[bytes], ext: str) -> str | None:
    if not _head(f).startswith(b"PK\x03\x04"):
        return None
    names, _mimetype = _zip_names(f)
    folder, content_type = OOXML_TYPES[ext]
    if "[Content_Types].xml" in names and any(n.startswith(folder) for n in names):
        return content_type
    return None


def _check_text(f: IO[bytes], ext: str) -> str | None:
    head = _head(f)
    if not _is_text(head) or _looks_like_markup(head):
        return None
    return TEXT_TYPES[ext] + "; charset=utf-8"


CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    **ODF_TYPES,
    **{ext: content_type for ext, (_folder, content_type) in OOXML_TYPES.items()},
    **{ext: f"{content_type}; charset=utf-8" for ext, content_type in TEXT_TYPES.items()},
}

_CHECKS: dict[str, Callable[[IO[bytes], str], str | None]] = {
    "pdf": _check_pdf,
    "png": _check_png,
    "jpg": _check_jpg,
    **{ext: _check_odf for ext in ODF_TYPES},
    **{ext: _check_ooxml for ext in OOXML_TYPES},
    **{ext: _check_text for ext in TEXT_TYPES},
}


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".replace(".", ",").replace(",0", "")


def check_upload(*, name: str, size: int, stream: IO[bytes]) -> Checked:
    """The extension and the content type we will serve, or ``UploadError`` naming what is wrong."""
    limit = settings.UPLOAD_MAX_BYTES
    if size > limit:
        raise UploadError(
            _("Die Datei ist zu groß (%(size)s MB); erlaubt sind höchstens %(limit)s MB.")
            % {"size": _megabytes(size), "limit": _megabytes(limit)}
        )
    if size == 0:
        raise UploadError(_("Die Datei ist leer."))
    ext = extension_of(name)
    if ext not in _CHECKS:
        raise UploadError(
            _("Dateien mit der Endung „.%(ext)s“ sind nicht erlaubt. Erlaubt sind: %(allowed)s.")
            % {"ext": ext or "?", "allowed": ", ".join(a.upper() for a in ALLOWED)}
        )
    content_type = _CHECKS[ext](stream, ext)
    if content_type is None:
        if _looks_like_markup(_head(stream)):
            raise UploadError(
                _("Die Datei „%(name)s“ enthält HTML, SVG oder XML; solche Inhalte werden nicht angenommen.")
                % {"name": PurePath(name).name}
            )
        raise UploadError(
            _("Der Inhalt der Datei „%(name)s“ passt nicht zur Endung „.%(ext)s“.")
            % {"name": PurePath(name).name, "ext": ext}
        )
    return Checked(extension=ext, content_type=content_type, size=size)
