"""bot.fault_context (session 28): "is it my fault because …" (the parse marks ``fault_reason``) is answered with
``not_your_fault`` only after a help signal earlier in the session; with none, the line says the shop's
``utter_out_of_scope`` instead. A bare "is it my fault?" (no mark) and other lines are left alone."""
from __future__ import annotations

from typing import Optional

from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.fault_context import without_disclosure


def speak(persona: str, lang: str, response: str) -> Optional[str]:
    return f"{persona}/{lang}/{response}"


def tracker(*earlier: dict, latest: dict) -> DialogueStateTracker:
    events = [SessionStarted(), ActionExecuted("action_listen"), SlotSet("persona", "rumianek"), SlotSet("lang", "en")]
    for parse in earlier:
        events += [UserUttered("…", parse_data=parse), BotUttered("ok")]
    events.append(UserUttered("is it my fault because …", parse_data=latest))
    return DialogueStateTracker.from_events("t", events)


FAULT = {"intent": {"name": "ask_fault", "confidence": .9}, "signal": "none", "fault_reason": True}


def fault_line() -> BotUttered:
    return BotUttered("No, not at all", metadata={"utter_action": "utter_not_your_fault"})


def test_no_disclosure_before_says_the_shops_line_instead() -> None:
    said = [fault_line()]
    assert without_disclosure(said, tracker({"signal": "none"}, latest=FAULT), speak)
    assert said[0].text == "rumianek/en/utter_out_of_scope"
    assert said[0].metadata["utter_action"] == "utter_out_of_scope"


def test_a_disclosure_before_keeps_the_fault_line() -> None:
    said = [fault_line()]
    assert not without_disclosure(said, tracker({"signal": "abuse_disclosure"}, latest=FAULT), speak)
    assert said[0].text == "No, not at all"


def test_a_bare_fault_question_keeps_the_fault_line() -> None:
    said = [fault_line()]
    bare = {**FAULT, "fault_reason": None}
    assert not without_disclosure(said, tracker(latest=bare), speak)
    assert said[0].text == "No, not at all"
