"""``action_repeat_number``: "what was the number again?" / "sorry, can you repeat?" (issue 13).

The intents ``ask_number`` and ``ask_repeat`` are decided by words (``answers.number`` /
``answers.repeat`` in ``nlu/safety/cues.yml``, ``core.safety.answer_to_question``). The lines said
again are the bot's own, as they were said (the persona's voice, the exact number):

* ``ask_number``: every bot line that carried a number — ``utter_emergency``, or a line whose
  metadata has ``popbot_number`` (:data:`NUMBER_KEY`: the referral lines, the local emergency
  number, the "nobody now" referral) — each once, oldest first;
* ``ask_repeat``: the bot's lines of the previous turn; none → as ``ask_number``.

Only lines said since the last wipe count: a line of ``core.signals.WIPE_RESPONSES`` (the chat cleaned,
the quiet line "sorry, wrong chat", "not now" — a parent may be reading), the quick exit (slot ``left``),
a restart or a new session — never another conversation's, never what was wiped
(whoever holds the phone now may not be the child). With nothing to say again: the place question of
the referral when one is open ("Valencia in Spain?", "which city?": the number waits for its answer),
else the voice line ``utter_no_number``, which names no number. Nothing of the text is logged.
"""
from __future__ import annotations

from typing import Any, Dict, Final, Iterable, List, Mapping, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from core.signals import WIPE_RESPONSES

#: Metadata of a bot line that carried a number: ``True`` (the whole text) or the list of the
#: parts of the text that did (a "nobody now" line followed by the referral).
NUMBER_KEY: Final = "popbot_number"
#: Metadata of a bot line that gave the emergency number of the child's place (the referral's emergency line,
#: ``action_emergency_local``): the general emergency reply said before it is not said again.
LOCAL_EMERGENCY_KEY: Final = "popbot_local_emergency"
#: Static responses that carry a number.
NUMBER_RESPONSES: Final = frozenset({"utter_emergency"})
#: Events after which nothing said before is repeated.
WIPE_EVENTS: Final = frozenset({"restart", "session_started"})
NO_NUMBER: Final = "utter_no_number"
#: The referral, which asks where the child is ("which city?", "Valencia in Spain?") and says the number.
REFERRAL: Final = "action_offer_referral"
ASK_LOCATION: Final = "utter_ask_location"
ASK_REPEAT: Final = "ask_repeat"
#: At most this many lines are said again (the latest).
MAX_LINES: Final = 4


def _is_wipe(event: Mapping[str, Any]) -> bool:
    kind = event.get("event")
    if kind in WIPE_EVENTS:
        return True
    if kind == "slot" and event.get("name") == "left" and event.get("value"):
        return True  # the quick exit (bot/channels/web.py)
    return kind == "bot" and (event.get("metadata") or {}).get("utter_action") in WIPE_RESPONSES


def since_wipe(events: Iterable[Mapping[str, Any]]) -> List[Mapping[str, Any]]:
    """The events after the last wipe (all of them when there was none)."""
    kept: List[Mapping[str, Any]] = []
    for event in events:
        if _is_wipe(event):
            kept = []
        else:
            kept.append(event)
    return kept


def number_parts(event: Mapping[str, Any]) -> List[str]:
    """The texts of a bot event that carried a number (empty: none)."""
    if event.get("event") != "bot":
        return []
    meta = event.get("metadata") or {}
    marked = meta.get(NUMBER_KEY)
    if isinstance(marked, list):
        return [str(part) for part in marked if part]
    text = event.get("text")
    if text and (marked is True or meta.get("utter_action") in NUMBER_RESPONSES):
        return [str(text)]
    return []


def _once(lines: Iterable[str]) -> List[str]:
    out: List[str] = []
    for line in lines:
        if line not in out:
            out.append(line)
    return out[-MAX_LINES:]


def number_lines(events: Iterable[Mapping[str, Any]]) -> List[str]:
    """Every line that carried a number since the last wipe, each once, oldest first; the general emergency
    reply (``utter_emergency``: the persona's country's number, "112 (Europe) or 911 (America)") only when no
    emergency number of the child's place came after it ("call 999" said again to a child in Ohio, s27)."""
    kept = since_wipe(events)
    local = [n for n, e in enumerate(kept) if (e.get("metadata") or {}).get(LOCAL_EMERGENCY_KEY)]
    return _once(part for n, event in enumerate(kept) for part in number_parts(event)
                 if not (local and n < local[-1]
                         and (event.get("metadata") or {}).get("utter_action") in NUMBER_RESPONSES))


def previous_turn(events: Iterable[Mapping[str, Any]]) -> List[Mapping[str, Any]]:
    """The bot events between the last two messages of the child, since the last wipe."""
    kept = since_wipe(events)
    users = [n for n, e in enumerate(kept) if e.get("event") == "user"]
    if not users:
        return []
    end = users[-1]
    start = users[-2] + 1 if len(users) > 1 else 0
    return [e for e in kept[start:end] if e.get("event") == "bot" and e.get("text")]


def lines_to_repeat(events: List[Mapping[str, Any]], intent: Optional[str]) -> List[tuple[str, bool]]:
    """``(text, carried a number)`` of the lines to say again; empty: nothing to say again."""
    if intent == ASK_REPEAT:
        said = previous_turn(events)
        if said:
            return [(str(e["text"]), bool(number_parts(e))) for e in said][-MAX_LINES:]
    return [(line, True) for line in number_lines(events)]


def place_pending(tracker: Tracker) -> bool:
    """A place question of the referral is open: "Valencia in Spain?" (slot ``place_options``) or
    "which city?" as the bot's last line with no place known."""
    if tracker.get_slot("place_options"):
        return True
    said = [(e.get("metadata") or {}).get("utter_action") for e in tracker.events or [] if e.get("event") == "bot"]
    return bool(said) and said[-1] == ASK_LOCATION and not tracker.get_slot("location")


class ActionRepeatNumber(Action):
    """Says again the numbers given since the last wipe (or, for ``ask_repeat``, the previous turn)."""

    def name(self) -> Text:
        return "action_repeat_number"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        lines = lines_to_repeat(list(tracker.events or []), intent)
        if not lines and place_pending(tracker):
            # "what was the number again?" to "Manchester in United Kingdom?" or "which city?": the number
            # waits for that answer — the place question again (action_offer_referral, which keeps it
            # open), not "tell me what's happening" to a child who already did
            return [FollowupAction(REFERRAL)]
        if not lines:
            dispatcher.utter_message(response=NO_NUMBER)
            return []
        for text, numbered in lines:
            if numbered:  # said again, it still carries the number (a later "again?" finds it)
                dispatcher.utter_message(text=text, **{NUMBER_KEY: True})
            else:
                dispatcher.utter_message(text=text)
        return []
