"""English under /en/, German by default, complete and compiled catalogues, formal German throughout."""

from __future__ import annotations

import gettext as gnu_gettext
import re
from pathlib import Path

import allauth
import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from tests.factories import NetworkFactory, TopicFactory, make_actor

LOCALE = Path(settings.LOCALE_PATHS[0])
ALLAUTH_DE_PO = Path(allauth.__file__).parent / "locale" / "de" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdfir]|%[sd]|<[^>]+>")
INFORMAL = re.compile(r"\b(du|dich|dir|dein\w*)\b", re.IGNORECASE)


# --- a tiny .po reader (enough for the files gettext and makemessages write) ---------------------


def read_po(path: Path) -> list[dict]:
    """Entries as dicts: msgid, msgid_plural, msgctxt, msgstr (list), flags (set), refs (str).

    The header (empty msgid) and obsolete ``#~`` entries are left out.
    """
    entries: list[dict] = []
    current: dict | None = None
    key = ""

    def finish() -> None:
        if current is not None and current.get("msgid"):
            entries.append(current)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#~"):
            continue
        starts_entry = line.startswith("#") or re.match(r"^(msgctxt|msgid) ", line)
        if current is None or (starts_entry and current["msgstr"]):
            finish()
            current = {
                "msgid": None,
                "msgid_plural": None,
                "msgctxt": None,
                "msgstr": [],
                "flags": set(),
                "refs": "",
            }
        if not line.strip():
            continue
        if line.startswith("#,"):
            current["flags"] |= {f.strip() for f in line[2:].split(",")}
        elif line.startswith("#:"):
            current["refs"] += line[2:]
        elif line.startswith("#"):
            continue
        else:
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if match:
                key, value = match.group(1), _unquote(match.group(2))
                if key.startswith("msgstr"):
                    current["msgstr"].append(value)
                else:
                    current[key] = value
            elif key.startswith("msgstr"):
                current["msgstr"][-1] += _unquote(line)
            else:
                current[key] += _unquote(line)
    finish()
    return entries


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


# --- pages ------------------------------------------------------------------------------------


@pytest.fixture
def directory(geo):
    topic = TopicFactory(slug="energie", name="Energie und Klimaschutz")
    NetworkFactory(slug="zwickau", name="Region Zwickau", areas=[geo["zwickau_lk"]])
    make_actor(geo["zwickau"], name="Repair-Café Zwickau", topics=[topic])
    make_actor(geo["crimmitschau"], name="Solawi Crimmitschau", topics=[topic])
    return geo


def _html(client: Client, url: str, **headers: str) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.django_db
def test_english_directory_shows_english_headings_facets_and_plural(directory):
    # given two published actors
    # when a visitor opens the directory under /en/
    html = _html(Client(), "/en/akteure/")
    # then headings, filters, labels and the result count are English
    assert '<html lang="en">' in html
    assert "<title>Actors · Wandelwerk</title>" in html
    assert "Who is active? – Map of actors" in html
    assert "Field of action" in html and "County / city" in html
    assert "Association / federation" in html and "Civil society" in html
    assert "2 results" in html
    for german in (
        ">Akteure<",
        "Wer ist aktiv",
        "Handlungsfeld",
        "Treffer",
        "Verein / Verband",
        "Zivilgesellschaft",
    ):
        assert german not in html, german


@pytest.mark.django_db
def test_english_network_list_and_home_page_are_english(directory):
    client = Client()
    networks = _html(client, "/en/netzwerke/")
    assert "<h1>Networks</h1>" in networks and "Region Zwickau" in networks
    assert ">Netzwerke<" not in networks

    home = _html(client, "/en/")
    assert "who is making a difference in the region?" in home
    assert "Search actors" in home and "Skip to content" in home and "Data sources" in home
    for german in ("wer bewegt was", "Akteure suchen", "Zum Inhalt springen", "Datenquellen", ">Akteure<"):
        assert german not in home, german


@pytest.mark.django_db
def test_english_login_page_uses_our_and_allauths_english_texts():
    html = _html(Client(), "/en/konto/login/")
    assert "<h1>Log in</h1>" in html
    assert "No account yet?" in html and "Forgotten your password?" in html
    assert "Password" in html  # allauth's own form label
    for german in ("Anmelden", "Passwort", "Noch kein Konto"):
        assert german not in html, german


@pytest.mark.django_db
def test_unprefixed_urls_stay_german_even_for_english_browsers(directory):
    # given a browser that prefers English
    html = _html(Client(), "/", HTTP_ACCEPT_LANGUAGE="en")
    # then the default language still wins without the /en/ prefix
    assert '<html lang="de">' in html
    assert "Wandelwerk – wer bewegt was in der Region?" in html
    assert ">Akteure<" in html and "Search actors" not in html
    assert "2 Treffer" in _html(Client(), "/akteure/", HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.django_db
def test_header_links_to_the_other_language():
    german = _html(Client(), "/")
    english = _html(Client(), "/en/")
    assert re.search(r'<a href="/en/" lang="en" hreflang="en"[^>]*>EN</a>', german)
    assert re.search(r'<span aria-current="true" lang="de">DE</span>', german)
    assert re.search(r'<a href="/" lang="de" hreflang="de"[^>]*>DE</a>', english)
    assert re.search(r'<span aria-current="true" lang="en">EN</span>', english)


# --- catalogues -------------------------------------------------------------------------------


def test_english_catalogue_has_no_empty_or_fuzzy_translation_and_keeps_placeholders():
    entries = read_po(LOCALE / "en" / "LC_MESSAGES" / "django.po")
    assert len(entries) > 400  # the whole UI, not a stub
    for entry in entries:
        assert "fuzzy" not in entry["flags"], entry["msgid"]
        assert entry["msgstr"] and all(entry["msgstr"]), f"untranslated: {entry['msgid']!r}"
        sources = [entry["msgid"], entry["msgid_plural"] or entry["msgid"]]
        for source, translated in zip(sources, entry["msgstr"], strict=False):
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translated)), source


@pytest.mark.parametrize("lang", ["de", "en"])
def test_compiled_catalogue_matches_its_po_file(lang):
    """The committed .mo is what a fresh machine loads: it must hold every translation in the .po."""
    folder = LOCALE / lang / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as handle:
        compiled = gnu_gettext.GNUTranslations(handle)
    for entry in read_po(folder / "django.po"):
        if not any(entry["msgstr"]):
            continue
        msgid = entry["msgid"] if entry["msgctxt"] is None else f"{entry['msgctxt']}\x04{entry['msgid']}"
        if entry["msgid_plural"] is None:
            assert compiled.gettext(msgid) == entry["msgstr"][0], msgid
        else:
            assert compiled.ngettext(msgid, entry["msgid_plural"], 1) == entry["msgstr"][0], msgid
            assert compiled.ngettext(msgid, entry["msgid_plural"], 5) == entry["msgstr"][1], msgid


@pytest.mark.parametrize("lang", ["de", "en"])
def test_entries_makemessages_cannot_find_are_merged_and_compiled(lang):
    extra = read_po(LOCALE / lang / "extra.po.in")
    assert extra
    with translation.override(lang):
        for entry in extra:
            assert translation.gettext(entry["msgid"]) == entry["msgstr"][0], entry["msgid"]


def test_formal_overrides_still_match_allauths_messages():
    """An allauth upgrade that rewords a message would silently bring back its "du" text."""
    allauth_ids = {e["msgid"] for e in read_po(ALLAUTH_DE_PO)}
    for entry in read_po(LOCALE / "de" / "extra.po.in"):
        assert entry["msgid"] in allauth_ids, entry["msgid"]
        assert not INFORMAL.search(entry["msgstr"][0]), entry["msgstr"][0]


def test_allauth_account_and_mfa_messages_address_people_formally_in_german():
    used = re.compile(r"(^|\s)(templates/)?(account|mfa)/")
    with translation.override("de"):
        for entry in read_po(ALLAUTH_DE_PO):
            if entry["msgctxt"] is not None or not used.search(entry["refs"]):
                continue
            if entry["msgid_plural"] is None:
                shown = [translation.gettext(entry["msgid"])]
            else:
                shown = [translation.ngettext(entry["msgid"], entry["msgid_plural"], n) for n in (1, 5)]
            for text in shown:
                assert not INFORMAL.search(text), f"{entry['msgid']!r} -> {text!r}"


@pytest.mark.django_db
def test_signup_error_from_allauth_is_formal_german():
    # given the German sign-up form
    # when the two passwords differ
    response = Client().post(
        "/konto/signup/",
        {
            "email": "neu@example.org",
            "password1": "ein-langes-passwort-1",
            "password2": "ein-langes-passwort-2",
        },
    )
    # then allauth's error uses "Sie", not its own "du"
    html = response.content.decode()
    assert "Sie müssen zweimal dasselbe Passwort eingeben." in html
    assert "Du musst" not in html
