"""A child's age told after a disclosure is heard (session 34).

"im 9" alone is intent ``inform_age`` (nlu/age.py, nlu/components/age.py): the dialogue routes again with it after a
referral and says a person is coming once one was asked for (nlu/dialogue/rules.yml). While the offer of a person is
open it asked the offer again word for word, as if the child had said nothing, and after a "no" it drew "I'm not sure I
can help with that one". In the plain bot, after a help signal in the session, the age is heard: the offer asked again
opens with the ``heard`` line ("Thank you for telling me…"), and the "not sure I can help" line becomes it. A persona's
``heard`` line speaks of harm ("Sorry to hear that"): inside a persona the age keeps its replies (ordinary talk, in
cover). Run by ``bot.handoff.gate.before_send`` (the events are in memory: no database hop).
"""
from __future__ import annotations

from typing import Any, Callable, Final, Optional

from core.signals import HELP_SIGNALS, NO_PERSONA

AGE_INTENT: Final = "inform_age"
HEARD: Final = "utter_heard"
OFFERS_AGAIN: Final = frozenset({"utter_offer_counselor", "utter_confirm_help"})
NOT_UNDERSTOOD: Final = "utter_out_of_scope"


def _told_before(tracker: Any) -> bool:
    """Whether a message of the session before the latest one carried a help signal."""
    from rasa.shared.core.events import SessionStarted, UserUttered

    latest = tracker.latest_message
    for event in reversed(tracker.events):
        if isinstance(event, SessionStarted):
            return False
        if isinstance(event, UserUttered) and event is not latest and (event.parse_data or {}).get(
                "signal") in HELP_SIGNALS:
            return True
    return False


def age_heard(events: list, tracker: Any, speak: Callable[[str, str, str], Optional[str]]) -> bool:
    """In the plain bot, an age alone after a help signal: the offer said again opens with the ``heard`` line, and the
    "not sure I can help" line is the ``heard`` line. True if a reply changed."""
    from rasa.shared.core.events import BotUttered

    if str(tracker.get_slot("persona") or NO_PERSONA) != NO_PERSONA:
        return False
    if (tracker.latest_message.intent or {}).get("name") != AGE_INTENT:
        return False
    said = [e for e in events if isinstance(e, BotUttered)]
    offers = [e for e in said if (e.metadata or {}).get("utter_action") in OFFERS_AGAIN]
    unclear = [e for e in said if (e.metadata or {}).get("utter_action") == NOT_UNDERSTOOD]
    if not (offers or unclear) or not _told_before(tracker):
        return False
    heard = speak(NO_PERSONA, str(tracker.get_slot("lang") or "en"), HEARD)
    if not heard:
        return False
    for offer in offers[:1]:
        offer.text = f"{heard}\n\n{offer.text}"
    for line in unclear:
        line.text = heard
        line.metadata = {**(line.metadata or {}), "utter_action": HEARD}
    return True
