"""A whole counselor conversation in real Chromium against the real stack (Rasa server with the
trained model, action server, counselor console as ``popbot run`` starts them).

A child writes a coded urgent message in the shop widget; a counselor signs in with password and
TOTP, finds it at the top of the queue, claims, reads and replies; the reply appears in the
child's widget; the child's answer appears live in the console; the counselor transfers to a
supervisor, who returns it to the bot; the bot answers the next message normally. Screenshots go
to ``artifacts/console/``; every console view gets an axe-core scan with no serious violation.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pyotp
import pytest
from playwright.async_api import Page, async_playwright, expect

from core import PROJECT_ROOT
from tests.e2e.browser import ARTIFACTS, DESKTOP, PHONE, TABLET, launch, route_exit_url

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not any((PROJECT_ROOT / "models").glob("*.tar.gz")), reason="no trained model in models/"),
]

SHOTS = ARTIFACTS / "console"
AXE = Path(__file__).with_name("vendor") / "axe-core-4.10.2.min.js"
PASSWORD = "a long e2e passphrase 42"
URGENT = "my skin is burning right now"
PROMISE = "I'm asking our skin specialist to write to you right now"
REPLY = "Hello, this is Anna, the skin specialist. Are you somewhere safe right now?"
ANSWER = "yes im in my room, it started two weeks ago"
COVER = "how much is the lavender soap?"


def _people(settings: Any, counselor: str = "anna", supervisor: str = "sam") -> dict[str, str]:
    """A counselor and a supervisor in the stack's database, enrolled with known TOTP secrets
    (as after their first login), through the console's own service functions."""
    from bot.console import accounts
    from bot.console.context import Console
    from bot.storage.runtime import open_storage

    store = open_storage(settings)
    console = Console(store)
    secrets = {}
    try:
        for username, role in ((counselor, "counselor"), (supervisor, "supervisor")):
            account, _ = accounts.add_account(console, username, role, actor="e2e", display_name=username.title())
            secret = pyotp.random_base32()
            # enrolled with the previous step's code, so the current one signs in (each works once)
            codes = accounts.complete_enrolment(console, account.id, console.keys.seal(secret, account.id),
                                                pyotp.TOTP(secret).at(time.time() - 30))
            assert codes is not None
            accounts.change_password(console, account.id, PASSWORD)
            accounts.set_duty_hours(console, account.id, "24/7", "Europe/Warsaw", actor="e2e")
            secrets[username] = secret
    finally:
        store.close()
    return secrets


async def _sign_in(page: Page, base: str, username: str, secret: str) -> None:
    await page.goto(f"{base}/login")
    await page.get_by_label("Username").fill(username)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page).to_have_url(f"{base}/login/totp")
    await page.get_by_label(re.compile("6-digit code")).fill(pyotp.TOTP(secret).now())
    await page.get_by_role("button", name="Verify").click()
    await expect(page).to_have_url(re.compile(f"{re.escape(base)}/(queue|supervisor|dashboard)"))


async def _axe(page: Page, name: str) -> None:
    """axe-core (vendored, pinned) on the page; serious or critical violations fail the test."""
    await page.evaluate(AXE.read_text(encoding="utf-8"))
    result = await page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"] if v["impact"] in ("serious", "critical")]
    (SHOTS / f"axe-{name}.json").write_text(json.dumps(result["violations"], indent=1), encoding="utf-8")
    assert serious == [], f"{name}: {serious}"


async def _axe_finds_a_known_violation(page: Page) -> None:
    """The scanner itself works: an image without a text alternative is reported."""
    await page.set_content('<!doctype html><html lang="en"><title>t</title><img src="data:,">')
    await page.evaluate(AXE.read_text(encoding="utf-8"))
    result = await page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert "image-alt" in {v["id"] for v in result["violations"]}


async def _shot(page: Page, name: str) -> None:
    await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


async def _child_says(page: Page, text: str) -> None:
    await page.get_by_label("Write a message…").fill(text)
    await page.keyboard.press("Enter")


async def test_a_counselor_carries_a_web_conversation_from_the_browser(stack: Any) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    secrets = _people(stack.settings)
    shop, console = str(stack.settings.rasa_url), str(stack.settings.console_url)
    async with async_playwright() as pw:
        browser = await launch(pw)
        # Anna is on shift: on duty (24/7) and signed in before the child writes, so the child is
        # promised a person (nobody signed in gets "nobody now": tests/handoff).
        anna_context = await browser.new_context(viewport=DESKTOP)
        anna = await anna_context.new_page()
        await _axe_finds_a_known_violation(anna)
        await _sign_in(anna, console, "anna", secrets["anna"])

        child_context = await browser.new_context(viewport=PHONE)
        await route_exit_url(child_context)
        child = await child_context.new_page()
        await child.goto(f"{shop}/shop/rumianek/?lang=en")
        await child.get_by_role("button", name="Customer service").click()
        await _child_says(child, URGENT)
        log = child.get_by_role("log")
        await expect(log).to_contain_text(PROMISE, timeout=60_000)

        await anna.goto(f"{console}/queue")
        first = anna.locator("#queue-table tbody tr").first
        await expect(first).to_contain_text("URGENT")
        await expect(first).to_contain_text("rumianek")
        assert URGENT not in await anna.content()  # no text before the claim
        await expect(anna.locator("#live-status")).to_have_attribute("data-connected", "yes")
        await _shot(anna, "queue")
        await _axe(anna, "queue")

        await first.get_by_role("button", name=re.compile("^Claim")).click()
        await expect(anna.get_by_role("list", name="Transcript")).to_contain_text(URGENT)
        await anna.get_by_label("Your reply (sent in the child's chat)").fill(REPLY)
        await anna.get_by_role("button", name="Send", exact=True).click()
        await expect(log).to_contain_text(REPLY, timeout=30_000)
        await expect(anna.get_by_role("list", name="Transcript")).to_contain_text("delivered", timeout=30_000)

        await _child_says(child, ANSWER)
        await expect(anna.get_by_role("list", name="Transcript")).to_contain_text(ANSWER, timeout=30_000)  # live, no reload
        await _shot(anna, "conversation")
        await _axe(anna, "conversation")

        await anna.get_by_label("To a person").select_option("sam")
        await anna.get_by_label("Handover note (goes with the conversation)").fill("Burning skin = urgent code; in her room, 2 weeks.")
        await anna.get_by_role("button", name="Transfer", exact=True).click()
        await expect(anna).to_have_url(f"{console}/queue")

        sam_context = await browser.new_context(viewport=DESKTOP)
        sam = await sam_context.new_page()
        await _sign_in(sam, console, "sam", secrets["sam"])
        await sam.goto(f"{console}/supervisor")
        await expect(sam.locator("#holders")).to_contain_text("sam")
        await _shot(sam, "supervisor")
        await _axe(sam, "supervisor")
        await sam.locator("#holders a, #holders tr").first.wait_for()
        await sam.goto(f"{console}/queue")
        await sam.locator("#queue-table tbody tr", has_text="held by sam").get_by_role("link", name="Open").click()
        await expect(sam.get_by_text("Burning skin = urgent code")).to_be_visible()
        await sam.get_by_role("button", name="Return to the bot").click()
        await expect(sam).to_have_url(f"{console}/queue")

        before = await log.locator("*").count()
        await _child_says(child, COVER)
        await expect(log).to_contain_text(re.compile("lavender", re.I), timeout=60_000)  # the shop answers again
        assert await log.locator("*").count() > before

        await sam.goto(f"{console}/dashboard")
        await expect(sam.locator("#by_signal svg")).to_be_visible()
        await _shot(sam, "dashboard")
        await _axe(sam, "dashboard")
        await browser.close()


async def _tab_to(page: Page, selector: str, limit: int = 200) -> None:
    """Press Tab until the focused element matches ``selector`` (the keyboard is the only input)."""
    for _ in range(limit):
        await page.keyboard.press("Tab")
        if await page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


async def _nothing_cut_off(page: Page, name: str) -> None:
    """No horizontal scrolling, and every visible control lies inside the viewport's width (the
    skip link lies off-screen until it has the focus; _tab_to passes it)."""
    found = await page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const outside = [...document.querySelectorAll('a, button, input, select, textarea, label, h1, h2, td, th')]
            .filter(e => e.offsetParent !== null && e.type !== 'hidden')
            .filter(e => !e.matches('.skip:not(:focus)'))  // the skip link waits off-screen until focused
            .map(e => [e.tagName, e.id || e.name || e.textContent.trim().slice(0, 30), e.getBoundingClientRect()])
            .filter(([, , r]) => r.width > 0 && (r.left < -1 || r.right > width + 1))
            .map(([tag, what, r]) => `${tag} ${what} ${Math.round(r.left)}..${Math.round(r.right)}`);
        return {scroll: document.documentElement.scrollWidth, width, outside};
    }""")
    assert found["scroll"] <= found["width"] and found["outside"] == [], f"{name}: {found}"


async def test_a_counselor_on_a_tablet_claims_and_replies_with_the_keyboard_only(stack: Any) -> None:
    """820×1180 (a tablet held upright): sign-in, claim, reply and return to the bot with Tab,
    typing and Enter alone; no page scrolls sideways or cuts a control off; the child's stated
    age reaches "What we know"."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    secrets = _people(stack.settings, "tara", "tess")
    shop, console = str(stack.settings.rasa_url), str(stack.settings.console_url)
    reply = "Hello, this is Tara. Are you safe at home right now?"
    async with async_playwright() as pw:
        browser = await launch(pw)
        tara = await (await browser.new_context(viewport=TABLET, has_touch=True)).new_page()
        await tara.goto(f"{console}/login")
        await _nothing_cut_off(tara, "login")
        await _tab_to(tara, "#username")
        await tara.keyboard.type("tara")
        await _tab_to(tara, "#password")
        await tara.keyboard.type(PASSWORD)
        await tara.keyboard.press("Enter")
        await expect(tara).to_have_url(f"{console}/login/totp")
        await _tab_to(tara, "#code")
        await tara.keyboard.type(pyotp.TOTP(secrets["tara"]).now())
        await tara.keyboard.press("Enter")
        await expect(tara).to_have_url(f"{console}/queue")  # on shift before the child writes

        child_context = await browser.new_context(viewport=PHONE)
        await route_exit_url(child_context)
        child = await child_context.new_page()
        await child.goto(f"{shop}/shop/rumianek/?lang=en")
        await child.get_by_role("button", name="Customer service").click()
        await _child_says(child, "hi, I'm 13")
        log = child.get_by_role("log")
        await expect(log.locator(".msg.bot").nth(1)).to_be_visible(timeout=60_000)  # the shop answered
        await _child_says(child, URGENT)
        await expect(log).to_contain_text(PROMISE, timeout=60_000)

        await tara.goto(f"{console}/queue")
        await expect(tara.locator("#queue-table tbody tr").first).to_contain_text("URGENT")
        await _nothing_cut_off(tara, "queue")
        await _shot(tara, "tablet-queue")
        # the first claim button: a row an earlier failed test left held is not this child's
        await _tab_to(tara, "#queue-table tbody tr button[type=submit]")
        await tara.keyboard.press("Enter")  # claim
        transcript = tara.get_by_role("list", name="Transcript")
        await expect(transcript).to_contain_text(URGENT)
        await expect(tara.locator("#child-age")).to_have_text("13")
        await _nothing_cut_off(tara, "conversation")
        await _tab_to(tara, "#reply-text")
        await tara.keyboard.type(reply)
        await _tab_to(tara, "#reply-form button[type=submit]")
        await tara.keyboard.press("Enter")  # send
        await expect(log).to_contain_text(reply, timeout=30_000)
        await expect(transcript).to_contain_text("delivered", timeout=30_000)
        await _nothing_cut_off(tara, "conversation after the reply")
        await _shot(tara, "tablet-conversation")
        await _tab_to(tara, "#return-form button[type=submit]")
        await tara.keyboard.press("Enter")  # return to the bot
        await expect(tara).to_have_url(f"{console}/queue")
        await browser.close()


async def _sent_to(fake: Any, token: str, chat: int, text: str | re.Pattern[str], tries: int = 300) -> dict[str, Any]:
    """The fake Bot API's sendMessage call to ``chat`` containing ``text`` (waits up to ~30 s)."""
    import asyncio

    for _ in range(tries):
        for call in fake.called("sendMessage", token):
            body = str(call.get("text", ""))
            if call.get("chat_id") == chat and (text.search(body) if isinstance(text, re.Pattern) else text in body):
                return call
        await asyncio.sleep(0.1)
    sent = [str(c.get("text", ""))[:80] for c in fake.called("sendMessage", token) if c.get("chat_id") == chat]
    raise AssertionError(f"no message to the chat containing {text!r}; it got {sent}")


async def test_the_same_with_a_telegram_child(stack: Any, fake_telegram: Any) -> None:
    """The child writes through Telegram (fake Bot API); the counselor's reply goes out with
    protect_content; the rest as in the web test."""
    import asyncio

    from tests.e2e.fake_telegram import E2E_TOKENS

    token, chat = E2E_TOKENS["rumianek"], 7171
    SHOTS.mkdir(parents=True, exist_ok=True)
    secrets = _people(stack.settings, "tina", "tom")
    console = str(stack.settings.console_url)

    async def child(text: str) -> None:
        assert await asyncio.to_thread(fake_telegram.deliver, token, fake_telegram.user_update(text, chat_id=chat)) == 200

    async with async_playwright() as pw:
        browser = await launch(pw)
        tina = await (await browser.new_context(viewport=DESKTOP)).new_page()
        await _sign_in(tina, console, "tina", secrets["tina"])  # on shift before the child writes
        await child(URGENT)
        await _sent_to(fake_telegram, token, chat, PROMISE)
        await tina.goto(f"{console}/queue")
        # the first row she can claim (one an earlier failed test left held by someone is listed
        # first but is not this child's: issue 9d saw this test fail only because of that)
        first = tina.locator("#queue-table tbody tr", has=tina.get_by_role("button", name=re.compile("^Claim"))).first
        await expect(first).to_contain_text("URGENT")
        await first.get_by_role("button", name=re.compile("^Claim")).click()
        transcript = tina.get_by_role("list", name="Transcript")
        await expect(transcript).to_contain_text(URGENT)
        await expect(tina.locator("#known-h ~ dl")).to_contain_text("telegram")
        await tina.get_by_label("Your reply (sent in the child's chat)").fill(REPLY)
        await tina.get_by_role("button", name="Send", exact=True).click()
        sent = await _sent_to(fake_telegram, token, chat, REPLY)
        assert sent["protect_content"] is True
        await expect(transcript).to_contain_text("delivered", timeout=30_000)
        await child(ANSWER)
        await expect(transcript).to_contain_text(ANSWER, timeout=30_000)
        await _axe(tina, "conversation-telegram")

        await tina.get_by_label("To a person").select_option("tom")
        await tina.get_by_label("Handover note (goes with the conversation)").fill("Telegram child, urgent code.")
        await tina.get_by_role("button", name="Transfer", exact=True).click()
        tom = await (await browser.new_context(viewport=DESKTOP)).new_page()
        await _sign_in(tom, console, "tom", secrets["tom"])
        await tom.goto(f"{console}/queue")
        await tom.locator("#queue-table tbody tr", has_text="held by tom").get_by_role("link", name="Open").click()
        await expect(tom.get_by_text("Telegram child, urgent code.")).to_be_visible()
        await tom.get_by_role("button", name="Return to the bot").click()
        await expect(tom).to_have_url(f"{console}/queue")
        await browser.close()
    await child(COVER)
    await _sent_to(fake_telegram, token, chat, re.compile("lavender", re.I))  # the shop answers again
