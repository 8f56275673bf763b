"""Playwright on Debian's Chromium; never a downloaded browser.

Without /usr/bin/chromium the browser tests are skipped with a loud warning on a
developer's machine, and fail in CI (CI=true), where .ci/run installs Chromium.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
SCREENSHOTS_WANTED = os.environ.get("MAILLAGE_SCREENSHOTS", "") not in ("", "0")

# Playwright's sync API runs an event loop in the test thread; the ORM calls that the
# tests make around it are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

_skipped = []


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} est absent : la CI doit exécuter les tests navigateur.")
        _skipped.append(1)
        pytest.skip(f"{CHROMIUM} absent : installez-le (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def save_screenshot(page, name):
    """A full-page screenshot, tests/browser/screenshots/NAME.png, when the run asks for
    them (MAILLAGE_SCREENSHOTS=1): no test reads them back, and the hundred of them took
    a good part of the journeys' time. Returns its path, or None when not asked."""
    if not SCREENSHOTS_WANTED:
        return None
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def screenshot(page):
    """`screenshot(NAME)` saves the test's page as NAME.png when asked (see save_screenshot)."""
    return lambda name: save_screenshot(page, name)


def pytest_terminal_summary(terminalreporter):
    if _skipped:
        terminalreporter.write_line(
            "ATTENTION : tests navigateur NON exécutés, /usr/bin/chromium est absent "
            "(apt-get install chromium).",
            red=True,
            bold=True,
        )
