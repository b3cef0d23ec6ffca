"""Checks an uploaded document: size, allowed extension, and content that matches the extension.

The content is sniffed from the first bytes (and, for office formats, the zip directory), so an HTML
page or an executable renamed to ``.pdf`` or ``.txt`` is refused. Nothing here touches the database.
"""

from __future__ import annotations

import io
import zipfile
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

ALLOWED = ("pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "txt", "md", "csv", "png", "jpg", "jpeg")
_ODF_MIME = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
_OOXML_DIR = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
_TEXT = {"txt", "md", "csv"}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "png": "image/png",
    "jpg": "image/jpeg",
}
# markup a browser would render or run, wherever it appears near the start of a "text" file
_MARKUP = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<iframe", b"<body", b"<head", b"<object")
_SNIFF_BYTES = 64 * 1024


class UploadError(ValueError):
    """The file is refused; the message says why."""


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_upload(*, name: str, size: int, stream: IO[bytes]) -> str:
    """The normalised extension of an acceptable file, else UploadError naming the problem."""
    limit = settings.UPLOAD_MAX_BYTES
    if size <= 0:
        raise UploadError(_("Die Datei ist leer."))
    if size > limit:
        raise UploadError(
            _("Die Datei ist zu groß (%(size)s MB); erlaubt sind höchstens %(limit)s MB.")
            % {"size": f"{size / 1_048_576:.1f}", "limit": f"{limit / 1_048_576:.0f}"}
        )
    ext = extension_of(name)
    if ext not in ALLOWED:
        raise UploadError(
            _("Dateityp „.%(ext)s“ ist nicht erlaubt. Erlaubt: %(allowed)s.")
            % {"ext": ext or "?", "allowed": ", ".join(a for a in ALLOWED if a != "jpeg")}
        )
    stream.seek(0)
    head = stream.read(_SNIFF_BYTES)
    stream.seek(0)
    if not _content_matches(ext, head, stream):
        raise UploadError(
            _("Der Inhalt der Datei passt nicht zur Endung „.%(ext)s“ (z. B. HTML, SVG oder ein Programm).")
            % {"ext": ext}
        )
    return "jpg" if ext == "jpeg" else ext


def _content_matches(ext: str, head: bytes, stream: IO[bytes]) -> bool:
    if ext == "pdf":
        return head.startswith(b"%PDF-")
    if ext == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if ext in ("jpg", "jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if ext in _TEXT:
        return _is_plain_text(head)
    if ext in _ODF_MIME or ext in _OOXML_DIR:
        return head.startswith(b"PK\x03\x04") and _zip_matches(ext, stream)
    return False


def _is_plain_text(head: bytes) -> bool:
    """UTF-8 (or Latin-1) text without NUL bytes and without markup a browser would render."""
    if b"\x00" in head or head.startswith((b"MZ", b"\x7fELF")):
        return False
    lowered = head.lower()
    return not any(marker in lowered for marker in _MARKUP)


def _zip_matches(ext: str, stream: IO[bytes]) -> bool:
    stream.seek(0)
    try:
        data = stream.read()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if ext in _ODF_MIME:
                return "mimetype" in names and archive.read("mimetype").strip() == _ODF_MIME[ext]
            return "[Content_Types].xml" in names and any(n.startswith(_OOXML_DIR[ext]) for n in names)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False
    finally:
        stream.seek(0)
