"""The disguise shop in a real browser, with an in-test dialogue in place of a trained model."""
from __future__ import annotations

import asyncio

import pytest
from playwright.async_api import async_playwright, expect
from rasa.core.channels.channel import UserMessage

from bot.channels import identity
from bot.channels.web import SESSION_COOKIE, WebInput
from tests.channels.harness import Handler, serve
from tests.e2e.browser import ARTIFACTS, DESKTOP, PHONE, launch, route_exit_url, storage_is_empty

CONFIRM = "Our skin specialist offers free personal consultations — shall I ask her to write to you?"
COUNSELOR = "Hello, this is Anna, the skin specialist. How long has it been going on?"


CLEANED = "Done, your basket is empty 🌼"


async def rumianek(message: UserMessage) -> None:
    if "basket" in message.text.lower():  # the dialogue names the line it says, as Rasa does
        await message.output_channel.send_text_message(message.sender_id, CLEANED, utter_action="utter_clean_done")
    elif "cream" in message.text.lower() or "krem" in message.text.lower():
        await message.output_channel.send_text_message(message.sender_id, CONFIRM)
    else:
        await message.output_channel.send_text_message(message.sender_id, "We ship within 2 days 🌼")


async def _wait_for(predicate, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(timeout / 0.05)):
        if await predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not met in time")


async def _left(handler: Handler, conversation: str) -> bool:
    tracker = await handler.agent.tracker_store.retrieve(conversation)
    return bool(tracker and tracker.get_slot("left"))


@pytest.mark.e2e
async def test_coded_conversation_counselor_push_and_quick_exit_by_button() -> None:
    channel = WebInput(personas=["rumianek", "gametips"])
    async with serve([channel], rumianek) as (base, handler, _app), async_playwright() as pw:
        browser = await launch(pw)
        context = await browser.new_context(viewport=PHONE)
        await route_exit_url(context)
        page = await context.new_page()
        await page.goto("about:blank")
        await page.goto(f"{base}/shop/rumianek/?lang=en")
        await page.get_by_role("link", name="Chamomile cream").click()
        await expect(page).to_have_url(f"{base}/shop/rumianek/p/chamomile-cream?lang=en")
        await page.get_by_role("button", name="Ask about this product").click()
        chat = page.get_by_role("dialog", name="Customer service")
        await expect(chat).to_be_visible()
        await page.get_by_label("Write a message…").fill("I would like the chamomile cream, my skin hurts")
        await page.keyboard.press("Enter")
        log = page.get_by_role("log")
        await expect(log).to_contain_text(CONFIRM)

        session = next(c["value"] for c in await context.cookies() if c["name"] == SESSION_COOKIE)
        conversation = identity.conversation_id("web", session)
        assert handler.received[-1].sender_id == conversation
        assert handler.received[-1].metadata == {"persona": "rumianek", "lang": "en"}
        await _wait_for(lambda: _connected(channel, conversation))
        await channel.get_output_channel().send_text_message(conversation, COUNSELOR)
        await expect(log).to_contain_text(COUNSELOR)
        assert await page.title() == "Chamomile cream — Rumianek"
        assert await page.locator("link[rel=icon]").get_attribute("href") == "/shop/rumianek/favicon.svg"
        await page.screenshot(path=str(ARTIFACTS / "web-rumianek-chat-phone.png"))

        # the exit control looks like an ordinary close button: a ✕ named "Close", no tell-tale text
        exit_control = page.get_by_role("button", name="Close", exact=True)
        assert (await exit_control.inner_text()).strip() == "✕"
        await exit_control.click()
        await page.wait_for_url("https://www.google.com/**")
        await _wait_for(lambda: _left(handler, conversation))
        assert channel.hub.connected(conversation) == 0
        assert await storage_is_empty(page)
        await page.go_back()  # the shop visit was one history entry, replaced by the exit page
        assert page.url == "about:blank"
        assert await page.evaluate("history.length") == 2
        await browser.close()


@pytest.mark.e2e
async def test_a_line_that_wipes_the_chat_empties_the_page_log_first() -> None:
    """"Please clear my basket" (clean chat; also the quiet line, "not now"): the web page removes
    everything written before, as Telegram deletes the chat; only the innocent line stays."""
    channel = WebInput(personas=["rumianek"])
    async with serve([channel], rumianek) as (base, _handler, _app), async_playwright() as pw:
        browser = await launch(pw)
        page = await (await browser.new_context(viewport=PHONE)).new_page()
        await page.goto(f"{base}/shop/rumianek/?lang=en")
        await page.locator("#chat-open").click()
        log = page.get_by_role("log")
        await page.get_by_label("Write a message…").fill("I would like the chamomile cream, my skin hurts")
        await page.keyboard.press("Enter")
        await expect(log).to_contain_text(CONFIRM)
        await page.get_by_label("Write a message…").fill("please clear my basket")
        await page.keyboard.press("Enter")
        await expect(log).to_contain_text(CLEANED)
        await expect(log.locator(".msg")).to_have_count(1)
        assert (await log.inner_text()).strip() == CLEANED
        await browser.close()


async def _connected(channel: WebInput, conversation: str) -> bool:
    return channel.hub.connected(conversation) > 0


@pytest.mark.e2e
async def test_quick_exit_by_pressing_shift_three_times() -> None:
    channel = WebInput(personas=["rumianek"])
    async with serve([channel], rumianek) as (base, handler, _app), async_playwright() as pw:
        browser = await launch(pw)
        context = await browser.new_context(viewport=DESKTOP)
        await route_exit_url(context)
        page = await context.new_page()
        await page.goto(f"{base}/shop/rumianek/?lang=pl")
        await page.get_by_role("button", name="Obsługa klienta").click()
        await page.get_by_label("Napisz wiadomość…").fill("czy macie krem rumiankowy?")
        await page.get_by_role("button", name="Wyślij").click()
        await expect(page.get_by_role("log")).to_contain_text(CONFIRM)
        session = next(c["value"] for c in await context.cookies() if c["name"] == SESSION_COOKIE)
        conversation = identity.conversation_id("web", session)
        await page.keyboard.press("Shift")
        await page.keyboard.press("Shift")
        await page.keyboard.press("Shift")
        await page.wait_for_url("https://www.google.com/**")
        assert await page.title() == "Weather"
        await _wait_for(lambda: _left(handler, conversation))
        assert await storage_is_empty(page)
        assert SESSION_COOKIE not in {c["name"] for c in await context.cookies()}
        await browser.close()


@pytest.mark.e2e
async def test_the_widget_sends_again_with_the_same_id_when_an_answer_is_lost_and_keeps_the_order() -> None:
    """The first answer is lost on the way back (the server processed the message): the widget
    sends the message again with its id (the server answers a repeat from the stored turn,
    tests/channels/test_repeats.py) and shows the reply once; a message typed meanwhile goes out
    after it."""
    import json

    channel = WebInput(personas=["rumianek"])
    posts: list[dict[str, object]] = []

    async def lose_the_first_answer(route):  # type: ignore[no-untyped-def]
        posts.append(json.loads(route.request.post_data or "{}"))
        if len(posts) == 1:
            await route.fetch()  # it reached the server ...
            await route.abort("connectionreset")  # ... and its answer never came back
        else:
            await route.continue_()

    async with serve([channel], rumianek) as (base, handler, _app), async_playwright() as pw:
        browser = await launch(pw)
        context = await browser.new_context(viewport=DESKTOP)
        await route_exit_url(context)
        page = await context.new_page()
        await page.route("**/webhooks/web/webhook", lose_the_first_answer)
        await page.goto(f"{base}/shop/rumianek/?lang=en")
        await page.get_by_role("button", name="Customer service").click()
        box = page.get_by_label("Write a message…")
        await box.fill("do you have the chamomile cream?")
        await box.press("Enter")
        await box.fill("how long is delivery?")
        await box.press("Enter")
        log = page.get_by_role("log")
        await expect(log).to_contain_text("We ship within 2 days")
        await expect(page.locator("#chat-error")).to_be_hidden()
        assert await log.get_by_text(CONFIRM).count() == 1
        await browser.close()
    first, again, second = posts
    assert first == again and len(str(first["id"])) == 32  # the same message, the same id
    assert second["id"] != first["id"]
    assert [m.text for m in handler.received] == [
        "do you have the chamomile cream?", "do you have the chamomile cream?", "how long is delivery?"]
    assert handler.received[0].message_id == handler.received[1].message_id == first["id"]


@pytest.mark.e2e
async def test_banner_footer_and_exit_come_from_the_persona() -> None:
    channel = WebInput(personas=["rumianek", "gametips"])
    async with serve([channel], rumianek) as (base, _, _app), async_playwright() as pw:
        browser = await launch(pw)
        context = await browser.new_context(viewport=DESKTOP)
        await route_exit_url(context)
        page = await context.new_page()
        await page.goto(f"{base}/shop/rumianek/?lang=pl")
        banner = page.locator("p.banner")
        await expect(banner).to_have_text("Darmowa dostawa od 150,00\xa0zł · Robione ręcznie w małych partiach")
        await expect(page.locator("footer")).to_contain_text("Regulamin sklepu")
        await page.goto(f"{base}/shop/gametips/?lang=en")
        await expect(page.locator("p.banner")).to_have_text("New guides every week · Free for players")
        assert "zł" not in await page.content()  # no other persona's currency or banner
        await page.get_by_role("button", name="Close", exact=True).click()
        await page.wait_for_url("https://www.google.com/**")
        await browser.close()


@pytest.mark.e2e
@pytest.mark.parametrize("persona", ["rumianek", "gametips"])
async def test_screenshots_phone_and_desktop(persona: str) -> None:
    async with serve([WebInput(personas=[persona])], rumianek) as (base, _, _app), async_playwright() as pw:
        browser = await launch(pw)
        for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            context = await browser.new_context(viewport=viewport)
            page = await context.new_page()
            await page.goto(f"{base}/shop/{persona}/?lang=en")
            # the quick exit stays reachable and nothing is wider than the screen
            assert await page.get_by_role("button", name="Close", exact=True).is_visible()
            assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            await page.screenshot(path=str(ARTIFACTS / f"web-{persona}-home-{name}.png"), full_page=name == "desktop")
            await context.close()
        await browser.close()
