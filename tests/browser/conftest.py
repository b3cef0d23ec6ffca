"""Browser tests: a real installation (migrate, geography for Saxony and Saxony-Anhalt, demo data)
served by ``runserver`` from a throwaway SQLite file, driven by Debian's Chromium through Playwright.

No pytest-django here: its live server flushes the database between tests, which would throw away
the demo data the journeys rely on. Every test gets a fresh browser context (no cookies shared) and
is checked after it ran: all requests went to the installation itself, no console errors, no
Content-Security-Policy violations (see ``Guard``).

``WANDELWERK_BROWSER_DB=/path/to/prepared.sqlite3`` skips the set-up commands and starts from a
copy of that file (handy while writing tests; ``make test`` always builds from scratch).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
SERVER_START_TIMEOUT = 30.0


# --- the installation -------------------------------------------------------------------------


@dataclass
class Installation:
    base_url: str
    host: str  # "127.0.0.1:<port>"
    env: dict[str, str]
    tmp: Path
    db: Path
    mail_dir: Path | None  # file-based email backend, when the settings support it
    server_log: Path  # runserver's output (the console email backend writes mails here otherwise)

    def url(self, path: str) -> str:
        return self.base_url + path

    def manage(self, *args: str) -> str:
        """Runs a management command against the installation's database; returns its stdout."""
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def mails(self) -> str:
        """Everything mailed so far, as text."""
        if self.mail_dir is not None:
            files = sorted(self.mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime)
            return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)
        return self.server_log.read_text(encoding="utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"runserver exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback only)
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"runserver did not answer within {SERVER_START_TIMEOUT}s:\n{log.read_text()[-3000:]}")


def _settings_read_email_file_path(env: dict[str, str]) -> bool:
    done = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings as s; "
            "print('EMAIL_FILE_PATH=' + str(getattr(s, 'EMAIL_FILE_PATH', '')))",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return f"EMAIL_FILE_PATH={env['EMAIL_FILE_PATH']}" in done.stdout


@pytest.fixture(scope="session")
def installation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    tmp = tmp_path_factory.mktemp("browser")
    db = tmp / "browser.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "WANDELWERK_VAR_DIR": str(tmp),
        "PYTHONUNBUFFERED": "1",
    }
    for key in ("WANDELWERK_TILE_URL", "REDIS_URL", "WANDELWERK_PRODUCTION"):
        env.pop(key, None)
    inst = Installation("", "", env, tmp, db, None, tmp / "server.log")

    prepared = os.environ.get("WANDELWERK_BROWSER_DB", "")
    if prepared:
        shutil.copyfile(prepared, db)
    else:
        inst.manage("migrate", "--noinput", "-v", "0")
        inst.manage("load_geography", "--states", "14,15", "-v", "0")
        inst.manage("load_statistics")
        inst.manage("load_demo")

    mail_dir = tmp / "mail"
    mail_dir.mkdir()
    server_env = {**env, "DJANGO_DEBUG": "1", "EMAIL_FILE_PATH": str(mail_dir)}
    server_env["EMAIL_BACKEND"] = "django.core.mail.backends.filebased.EmailBackend"
    if _settings_read_email_file_path(server_env):
        inst.mail_dir = mail_dir
    else:  # settings do not read EMAIL_FILE_PATH: read the console backend's output instead
        server_env["EMAIL_BACKEND"] = "django.core.mail.backends.console.EmailBackend"

    port = _free_port()
    inst.host = f"127.0.0.1:{port}"
    inst.base_url = f"http://{inst.host}"
    with inst.server_log.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", inst.host, "--noreload"],
            cwd=ROOT,
            env=server_env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_up(inst.url("/"), proc, inst.server_log)
            yield inst
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


# --- the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:

    executable = shutil.which("chromium")
    if not executable:
        pytest.fail("Chromium is missing: `apt-get install chromium` (scripts/system-deps.sh does it)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


CSP_MARKERS = ("Content Security Policy", "Content-Security-Policy")
FAVICON_ERROR = re.compile(r"status of 404 .* @ http://[^/]+/favicon\.ico$")


@dataclass
class Guard:
    """What one page did that a visitor's browser must never do."""

    host: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    allowed_errors: list[re.Pattern[str]] = field(default_factory=list)

    def allow_console_error(self, pattern: str) -> None:
        """An error the test provokes on purpose (e.g. the 404 page's own status)."""
        self.allowed_errors.append(re.compile(pattern))

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def on_console(self, msg: ConsoleMessage) -> None:
        text = f"{msg.text} @ {msg.location.get('url', '')}"
        if any(m in text for m in CSP_MARKERS):
            self.csp_violations.append(text)
        elif msg.type == "error":
            self.console_errors.append(text)

    def foreign_requests(self) -> list[str]:
        bad = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme == "data":
                continue  # inline, never leaves the browser
            if parts.scheme != "http" or parts.netloc != self.host:
                bad.append(url)
        return bad

    def assert_clean(self) -> None:
        # Chromium fetches /favicon.ico on its own, at a moment no test controls; whether the site has an
        # icon is checked once, deterministically, in test_site.py instead of failing a random journey.
        allowed = [*self.allowed_errors, FAVICON_ERROR]
        unexpected = [e for e in self.console_errors if not any(p.search(e) for p in allowed)]
        problems = []
        if foreign := self.foreign_requests():
            problems.append("requests to other hosts:\n  " + "\n  ".join(foreign))
        if self.csp_violations:
            problems.append("CSP violations:\n  " + "\n  ".join(self.csp_violations))
        if unexpected:
            problems.append("console errors:\n  " + "\n  ".join(unexpected))
        if self.page_errors:
            problems.append("uncaught script errors:\n  " + "\n  ".join(self.page_errors))
        assert not problems, "\n".join(problems)


@pytest.fixture
def guard(installation: Installation) -> Guard:
    return Guard(host=installation.host)


def _watched_page(context: BrowserContext, guard: Guard) -> Page:
    page = context.new_page()
    page.on("request", guard.on_request)
    page.on("console", guard.on_console)
    page.on("pageerror", lambda exc: guard.page_errors.append(str(exc)))
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def new_page(browser: Browser, installation: Installation, guard: Guard) -> Iterator[Callable[..., Page]]:
    """Factory for watched pages in fresh contexts (one per person in a journey)."""
    contexts = []

    def make(*, width: int = 1280, height: int = 800, locale: str = "de-DE") -> Page:
        context = browser.new_context(
            base_url=installation.base_url, viewport={"width": width, "height": height}, locale=locale
        )
        contexts.append(context)
        return _watched_page(context, guard)

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    return new_page()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After a test body passed, check what its browser did (a failure here fails the test itself,
    so ``xfail`` applies to it as well)."""
    result = yield
    guard = getattr(item, "funcargs", {}).get("guard")
    if isinstance(guard, Guard):
        guard.assert_clean()
    return result
