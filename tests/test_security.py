"""Deployment checks, CSP and cookie-free public pages."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.factories import make_actor

ROOT = Path(__file__).resolve().parent.parent


def test_check_deploy_is_clean_for_production_settings(tmp_path):
    env = {
        **os.environ,
        "WANDELWERK_PRODUCTION": "1",
        "DJANGO_SECRET_KEY": "x9" * 40 + "-production-test-secret-key-with-enough-entropy",
        "DJANGO_ALLOWED_HOSTS": "wandelwerk.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_the_development_secret_key(tmp_path):
    env = {**os.environ, "WANDELWERK_PRODUCTION": "1", "DJANGO_SETTINGS_MODULE": "config.settings"}
    env.pop("DJANGO_SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/akteure/", "/netzwerke/", "/datenquellen/", "/seite/impressum/", "/en/akteure/"]
)
def test_public_pages_have_strict_csp_and_set_no_cookies(geo, url):
    make_actor(geo["zwickau"], name="Verein")
    r = Client().get(url)
    assert r.status_code == 200
    csp = r["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert directives["frame-ancestors"] == "'none'"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r.cookies == {} or not any(c.value for c in r.cookies.values())


@pytest.mark.django_db
def test_footer_links_legal_pages_on_every_page(geo):
    html = Client().get("/akteure/").content.decode()
    for href in ("/seite/impressum/", "/seite/datenschutz/", "/seite/barrierefreiheit/", "/datenquellen/"):
        assert f'href="{href}"' in html
