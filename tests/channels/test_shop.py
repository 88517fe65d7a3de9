from __future__ import annotations

import aiohttp
from rasa.core.channels.channel import UserMessage

from bot.channels.web import SESSION_COOKIE, WebInput
from tests.channels.harness import serve


async def noop(message: UserMessage) -> None:
    return None


async def test_home_page_lists_catalogue_with_no_trace_headers_and_session_cookie() -> None:
    async with serve([WebInput(personas=["rumianek", "gametips"])], noop) as (base, _, _app):
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            async with session.get(f"{base}/shop/rumianek/?lang=pl") as resp:
                assert resp.status == 200
                page = await resp.text()
                assert resp.headers["Cache-Control"].startswith("no-store")
                assert "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]
                assert resp.headers["Referrer-Policy"] == "no-referrer"
                cookie = resp.cookies[SESSION_COOKIE]
                assert len(cookie.value) >= 32
                assert cookie["httponly"] and cookie["samesite"] == "Strict"
                assert not cookie["expires"] and not cookie["max-age"]  # a session cookie
            assert '<html lang="pl">' in page
            assert "<title>Rumianek — Ziołowe kosmetyki ręcznie robione w Krakowie</title>" in page
            assert "Krem rumiankowy" in page and "34,90" in page
            assert 'href="/shop/rumianek/p/chamomile-cream?lang=pl"' in page
            assert 'data-exit="https://www.google.com/search?q=weather"' in page
            # the same browser keeps its session
            async with session.get(f"{base}/shop/rumianek/p/lavender-soap?lang=en") as resp:
                assert resp.status == 200
                assert SESSION_COOKIE not in resp.cookies
                assert "Lavender soap" in await resp.text()


async def test_second_persona_has_its_own_look_and_unknown_pages_404() -> None:
    async with serve([WebInput(personas=["gametips"])], noop) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{base}/shop/gametips/") as resp:
                page = await resp.text()
                assert 'class="kind-tips"' in page and "LevelUp Tips" in page and "Ask a coach" in page
            for path in ("/shop/rumianek/", "/shop/nobody/", "/shop/gametips/p/nothing", "/shop/gametips/static/../x"):
                async with session.get(f"{base}{path}") as resp:
                    assert resp.status == 404, path
            async with session.get(f"{base}/shop/gametips/favicon.svg") as resp:
                assert resp.headers["Content-Type"].startswith("image/svg+xml")
                assert "🎮" in await resp.text()
            async with session.get(f"{base}/shop/gametips/static/shop.js") as resp:
                script = await resp.text()
    for forbidden in ("localStorage", "sessionStorage", "indexedDB", "document.title", "document.cookie"):
        assert forbidden not in script
