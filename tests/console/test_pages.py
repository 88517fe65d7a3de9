"""Every page: security headers, the three interface languages, keyboard/screen-reader basics,
and no conversation content where none belongs."""
from __future__ import annotations

import re

import pytest

from bot.console import i18n
from bot.console.app import ROUTES
from bot.console.web import CSP
from tests.console.conftest import new_client

ROLES = ("counselor", "supervisor", "admin")


#: Endless streams: their headers are checked on a real socket (test_live.py).
STREAMS = {"/events"}


def _pages() -> list[str]:
    return sorted(r.path for r in ROUTES if "GET" in r.methods and "{" not in r.path and r.path not in STREAMS)


def test_every_language_has_every_key_and_the_same_placeholders() -> None:
    english = i18n.STRINGS["en"]
    for lang in i18n.LANGS:
        table = i18n.STRINGS[lang]
        assert set(table) == set(english), lang
        for key, text in english.items():
            assert set(re.findall(r"{(\w+)}", table[key])) == set(re.findall(r"{(\w+)}", text)), (lang, key)


def test_every_delivery_state_has_a_label_in_every_language() -> None:
    from bot.handoff.model import DELIVERY_STATES

    for lang in i18n.LANGS:
        missing = [state for state in DELIVERY_STATES if f"delivery_{state}" not in i18n.STRINGS[lang]]
        assert missing == [], lang  # the transcript would show the raw key (seen: "delivery_sending")


@pytest.mark.parametrize("role", ROLES)
def test_every_get_page_for_every_role_has_no_store_csp_and_a_lang(app, people, role: str) -> None:
    client = people[role].client
    for path in _pages():
        reply = client.get(path)
        assert reply.headers["cache-control"] == "no-store", path
        assert reply.headers["content-security-policy"] == CSP, path
        if reply.text.lstrip().lower().startswith("<!doctype html"):  # a whole page, not a part htmx swaps in
            assert re.search(r'<html lang="(en|pl|es)">', reply.text), path
        assert "<script>" not in reply.text and " style=" not in reply.text, path  # nothing inline for the CSP to refuse


def test_anonymous_pages_have_the_headers_too(app) -> None:
    client = new_client(app)
    for path in _pages() + ["/static/console.js", "/no-such-page"]:
        reply = client.get(path)
        assert reply.headers["cache-control"] == "no-store" and reply.headers["content-security-policy"] == CSP, path


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_interface_follows_the_account_language(app, people, lang: str) -> None:
    client = people["supervisor"].client
    page = client.get("/dashboard").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert client.post("/settings/language", data={"csrf": csrf, "lang": lang, "next": "/dashboard"}).status_code == 303
    page = client.get("/dashboard").text
    assert f'<html lang="{lang}">' in page and i18n.STRINGS[lang]["dashboard"] in page and i18n.STRINGS[lang]["availability"] in page
