"""``action_offer_referral`` when a number to pass on was asked for while the city question was open (session 33):
inside a persona with a country the persona's country routes (the number, not "which city?" again); the plain bot
has no country and asks the city; a place known routes there. The reading itself: tests/handoff/test_number_asked_s33.py."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.referral import NUMBER_ASKED, OPEN_ANSWER, number_asked_unplaced
from referrals.store import DirectoryStore
from test_referrals_action import action_with, run

ACCEPTED = [{"event": "bot", "text": "...", "metadata": {"utter_action": "utter_help_accepted"}},
            {"event": "action", "name": "action_request_counselor"}]


def asked(persona: str = "rumianek", lang: str = "es", answer: Any = NUMBER_ASKED, **slots: Any) -> Tracker:
    message = {"text": "(not used)", "intent": {"name": "inform_location", "confidence": 0.5}, "entities": [],
               "signal": "peer_help", "urgent": False, **({OPEN_ANSWER: answer} if answer else {})}
    base = {"location": None, "location_refused": None, "country": None, "lang": lang, "persona": persona, "age": None}
    events = [{"event": "user", "parse_data": {"signal": "peer_help", "urgent": False}}, *ACCEPTED,
              {"event": "user", "parse_data": message}]
    return Tracker("child-pseudonym", {**base, **slots}, message, events, False, None, {}, "action_listen")


def test_number_asked_unplaced() -> None:
    assert number_asked_unplaced(asked(), "PL")
    assert not number_asked_unplaced(asked(), None)  # the plain bot: no country
    assert not number_asked_unplaced(asked(answer=None), "PL")  # a place answer that found none
    assert not number_asked_unplaced(asked(location="Sevilla"), "PL")


async def test_the_persona_country_routes_a_number_asked(starter_store: DirectoryStore) -> None:
    messages, _ = await run(action_with(starter_store), asked())
    texts = [m.get("text") or m.get("response") for m in messages]
    assert "utter_ask_location" not in texts
    assert any("116 111" in (t or "") for t in texts)


async def test_the_plain_bot_asks_the_city(starter_store: DirectoryStore) -> None:
    messages, _ = await run(action_with(starter_store), asked(persona="plain"))
    assert [m.get("response") for m in messages][-1] == "utter_ask_location"
    assert not any("116" in (m.get("text") or "") for m in messages)


async def test_without_the_number_asked_the_city_is_asked(starter_store: DirectoryStore) -> None:
    messages, _ = await run(action_with(starter_store), asked(answer=None))
    assert [m.get("response") for m in messages][-1] == "utter_ask_location"
