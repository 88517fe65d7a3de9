"""Debian Chromium driven by Playwright (never ``playwright install``)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core import PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = PROJECT_ROOT / "artifacts"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
TABLET = {"width": 820, "height": 1180}
EXIT_PAGE = "<!doctype html><title>Weather</title><p>Sunny, 21°</p>"


def need_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.skip("browser tests need /usr/bin/chromium (make test-deps installs it)")


async def launch(playwright):  # type: ignore[no-untyped-def]
    need_chromium()
    return await playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)


async def route_exit_url(context) -> None:  # type: ignore[no-untyped-def]
    """The persona's exit URL (a search engine) is answered locally: tests use no network."""
    async def fulfil(route):  # type: ignore[no-untyped-def]
        await route.fulfill(status=200, content_type="text/html", body=EXIT_PAGE)

    await context.route("https://www.google.com/**", fulfil)


async def storage_is_empty(page) -> bool:  # type: ignore[no-untyped-def]
    return await page.evaluate(
        """async () => localStorage.length === 0 && sessionStorage.length === 0
            && (indexedDB.databases ? (await indexedDB.databases()).length === 0 : true)"""
    )
