"""bot/offline_actions.py: "what was the number again?" that action_repeat_number answered by handing over
to the referral's place question (a FollowupAction, actions/repeat.py) is not filled in with the
no_number line ("tell me what's happening" to a child who already did); an action that said nothing
and handed nothing over (the action server down) still is."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from rasa.shared.core.events import FollowupAction

from bot import offline_actions


def _tracker() -> Any:
    return SimpleNamespace(latest_action_name=offline_actions.REPEAT_ACTION, events=[],
                           latest_message=SimpleNamespace(parse_data={"intent": {"name": "ask_number"}}),
                           get_slot=lambda name: {"persona": "plain", "lang": "en"}.get(name), update=lambda e: None)


def _voice(domain: Any) -> Any:
    return lambda persona, lang, response: f"<{response}>"


def test_a_hand_over_to_the_place_question_is_not_filled_in() -> None:
    events: list = [FollowupAction("action_offer_referral")]
    assert offline_actions.fill_in(events, _tracker(), None, voice_of=_voice) is False
    assert events == [FollowupAction("action_offer_referral")]


def test_silence_is_still_filled_in_with_the_no_number_line() -> None:
    events: list = []
    assert offline_actions.fill_in(events, _tracker(), None, voice_of=_voice) is True
    assert [e.text for e in events] == ["<utter_no_number>"]
