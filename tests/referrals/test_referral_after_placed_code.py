"""The code and the place in ONE message (issue 13, session 24): after the yes to the discreet question the
promise is said instead of "is now a good moment? And which city are you in?" (bot/handoff/gate.py), and the
request for a person is followed by the referral for THAT place (actions/handoff.py ``referral_due``,
actions/referral.py): the place is never asked for again. Without a place said beside the code nothing changes."""
from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any, Optional

from rasa.shared.core.events import BotUttered
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import ActionRequestCounselor, referral_due
from actions.referral import ActionOfferReferral, place_known
from bot.handoff import gate
from referrals.store import DirectoryStore

YES = {"text": "(not used)", "intent": {"name": "affirm", "confidence": 0.9}, "entities": [], "signal": "none",
       "urgent": False}


def _code(entities: list[dict[str, Any]]) -> dict[str, Any]:
    return {"event": "user", "text": "(not used)",
            "parse_data": {"intent": {"name": "help_request"}, "signal": "help_request", "entities": entities}}


def _bot(response: str) -> dict[str, Any]:
    return {"event": "bot", "text": "...", "metadata": {"utter_action": response}}


LEEDS = [{"entity": "location", "value": "Leeds"}, {"entity": "country", "value": "GB"}]
REFUSED = [{"entity": "location_refused", "value": "true"}]


def _events(entities: list[dict[str, Any]], offer: str = "utter_confirm_help",
            after: tuple[str, ...] = ("utter_please_wait",)) -> list[dict[str, Any]]:
    return [_code(entities), _bot(offer), {"event": "user", "text": "(not used)", "parse_data": YES},
            *[_bot(a) for a in after]]


def _tracker(events: list[dict[str, Any]], slots: Optional[dict[str, Any]] = None,
             latest_action: str = "action_request_counselor") -> Tracker:
    base = {"location": None, "location_refused": None, "country": None, "lang": "en", "persona": "rumianek",
            "age": None, "handoff": "requested", "place_options": None}
    return Tracker("child-pseudonym", {**base, **(slots or {})}, YES, events, False, None, {}, latest_action)


def test_a_place_or_a_refusal_said_before_is_known() -> None:
    assert place_known([], "Leeds", None) and place_known([], None, True)
    assert place_known(_events(REFUSED), None, None)
    assert not place_known(_events([]), None, None)


def test_the_request_after_the_yes_is_followed_by_the_referral_when_the_place_is_known() -> None:
    assert referral_due(_tracker(_events(LEEDS), {"location": "Leeds", "country": "GB"}))
    assert referral_due(_tracker(_events(REFUSED)))
    assert referral_due(_tracker(_events(REFUSED, offer="utter_ask_again")))
    events = asyncio.run(ActionRequestCounselor().run(CollectingDispatcher(), _tracker(
        _events(LEEDS), {"location": "Leeds", "country": "GB", "handoff": None}), {}))
    assert {"event": "followup", "timestamp": None, "name": "action_offer_referral"} in events


def test_no_referral_after_the_request_without_a_place_or_once_given() -> None:
    assert not referral_due(_tracker(_events([])))  # "which city?" was asked in the acceptance line
    assert not referral_due(_tracker(_events(LEEDS, after=("utter_help_accepted",)), {"location": "Leeds"}))
    assert not referral_due(_tracker(_events(LEEDS, offer="utter_offer_counselor"), {"location": "Leeds"}))
    given = _events(LEEDS, after=("utter_referral_intro", "utter_please_wait"))
    assert not referral_due(_tracker([_bot("utter_confirm_help"), *given], {"location": "Leeds"}))


def _run(store: DirectoryStore, t: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    class Fixed(ActionOfferReferral):
        pass

    Fixed.store = store
    dispatcher = CollectingDispatcher()
    events = asyncio.run(Fixed().run(dispatcher, t, {}))
    return dispatcher.messages, events


def test_the_referral_after_the_request_is_for_the_place_said_with_the_code(starter_store: DirectoryStore) -> None:
    messages, _ = _run(starter_store, _tracker(_events(LEEDS), {"location": "Leeds", "country": "GB"}))
    assert [m["response"] for m in messages][:1] == ["utter_referral_intro"]
    assert "0800 1111" in messages[1]["text"] and "utter_ask_location" not in [m["response"] for m in messages]


def test_the_referral_after_a_refusal_with_the_code_is_the_persona_country(starter_store: DirectoryStore) -> None:
    messages, events = _run(starter_store, _tracker(_events(REFUSED), {"lang": "pl"}))
    assert [m["response"] for m in messages][:1] == ["utter_referral_intro"] and "116 111" in messages[1]["text"]
    assert {"event": "slot", "timestamp": None, "name": "location_refused", "value": True} in events


def test_a_lone_yes_after_other_actions_is_unchanged(starter_store: DirectoryStore) -> None:
    """Not right after the request: a yes after the referral is answered as before (no second referral)."""
    messages, _ = _run(starter_store, _tracker(_events(LEEDS, after=("utter_please_wait", "utter_referral_intro")),
                                               {"location": "Leeds", "country": "GB"}, latest_action="action_listen"))
    assert [m["response"] for m in messages] == ["utter_please_wait"]


class _Tracker(SimpleNamespace):
    def get_slot(self, name: str) -> Any:
        return self.slots.get(name)


def _said(events: list[dict[str, Any]]) -> list[Any]:
    return [SimpleNamespace(as_dict=lambda e=e: e) for e in events]


def _voice(domain: Any) -> Any:
    return lambda persona, lang, response: f"<{response}>"


def test_the_acceptance_line_becomes_the_promise_when_the_place_is_known() -> None:
    line = BotUttered("Lovely... which city are you in?", metadata={"utter_action": "utter_help_accepted"})
    tracker = _Tracker(events=_said(_events(LEEDS, after=())), slots={"location": "Leeds", "persona": "rumianek",
                                                                       "lang": "en"})
    gate._without_place_question([line], tracker, None, voice_of=_voice)
    assert (line.text, line.metadata["utter_action"]) == ("<utter_please_wait>", "utter_please_wait")
    refused = BotUttered("Lovely... which city are you in?", metadata={"utter_action": "utter_help_accepted"})
    gate._without_place_question([refused], _Tracker(events=_said(_events(REFUSED, after=())), slots={}), None,
                                 voice_of=_voice)
    assert refused.metadata["utter_action"] == "utter_please_wait"


def test_the_acceptance_line_stays_without_a_place() -> None:
    line = BotUttered("Lovely... which city are you in?", metadata={"utter_action": "utter_help_accepted"})
    gate._without_place_question([line], _Tracker(events=_said(_events([], after=())), slots={}), None,
                                 voice_of=_voice)
    assert (line.text, line.metadata["utter_action"]) == ("Lovely... which city are you in?", "utter_help_accepted")
