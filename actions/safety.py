"""Emergency information for the child's own country, after the static emergency reply.

The ``country`` slot is set only from a place the child named unambiguously (or confirmed), never
from a guess; the line is the persona's ``emergency_local`` voice line (plain:
``actions/referral_words.yml``). A place in the urgent message that several countries share is
asked about once ("Santiago in Chile?"); the answer goes to ``action_offer_referral``. A country named also brings
its child helpline after the emergency number (s34: emergency + child line, issue 13)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.referral import ask_which_place, locate_named, persona_country
from actions.cost import FREE_KEY
from actions.repeat import LOCAL_EMERGENCY_KEY, NUMBER_KEY
from actions.wording import line
from core.persona import persona_by_id
from core.emergency import dial_first


def local_number(child_country: Optional[str], persona: Optional[str], said: Optional[str] = None) -> Optional[str]:
    """The child's country's emergency number unless the static ``utter_emergency`` already gave
    it: ``said`` (slot ``dial_first``: that reply then had this number), else the persona's."""
    child = dial_first(child_country)
    if child is None or child == said:
        return None
    home = persona_by_id(persona)
    if said is None and home is not None and home.emergency_number == child:
        return None
    return child


class ActionEmergencyLocal(Action):
    """Adds the emergency number of the child's country when it is known and different."""

    def name(self) -> Text:
        return "action_emergency_local"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        persona = tracker.get_slot("persona")
        lang = tracker.get_slot("lang")
        entities = {e.get("entity") for e in (tracker.latest_message or {}).get("entities") or []}
        location = tracker.get_slot("location")
        if location and "location" in entities and "country" not in entities:
            # the urgent message named a place several countries share ("vivo en Santiago y ..."):
            # the reply above gave the general numbers; ask once which one is meant, so that the
            # answer brings that country's exact number (action_offer_referral handles it)
            hint = tracker.get_slot("country") or persona_country(persona)
            located = locate_named(location, hint, persona, lang, settled=bool(tracker.get_slot("country")))
            if located.ambiguous:
                return ask_which_place(dispatcher, located, persona, lang)
        number = local_number(tracker.get_slot("country"), persona, tracker.get_slot("dial_first"))
        if number:
            template = line("emergency_local", persona, lang)
            # an emergency number: free to call ("is it free?", actions/cost.py)
            dispatcher.utter_message(text=template.format(number=number),
                                     **{NUMBER_KEY: True, FREE_KEY: True, LOCAL_EMERGENCY_KEY: True})
        child_line = await _child_line(tracker.get_slot("country"), tracker, persona, lang)
        if child_line is not None:
            text, free = child_line
            dispatcher.utter_message(text=text, **{NUMBER_KEY: True, FREE_KEY: free})
        return []


async def _child_line(country: Optional[str], tracker: Tracker, persona: Optional[str], lang: Optional[str]
                      ) -> Optional[tuple[str, bool]]:
    """The child helpline of the country the child named (slot ``country``: never a guess), after the emergency
    number: an urgent reply gives the emergency number and the child line (issue 13; a child in Madrid got 112 and no
    ANAR, s34). In the persona's voice (its ``referral_line``); None with no country named or none in the directory,
    and never a second emergency number. ``(line, free)``."""
    import asyncio
    from datetime import datetime, timezone

    from actions.referral import latest_help_signal, referral_line
    from referrals.routing import route
    from referrals.topics import topics_for_signal

    if not country:
        return None
    signal, _ = latest_help_signal(tracker)
    at = datetime.now(timezone.utc)
    try:
        found = await asyncio.to_thread(route, None, topics=topics_for_signal(signal), lang=lang, at=at,
                                        country_hint=country, limit=1)
    except Exception:  # never break the urgent reply: the emergency number stands
        return None
    found = [r for r in found if not r.emergency and r.country == country]
    if not found:
        return None
    return referral_line(found[0], lang, at, persona), bool(found[0].service.free_of_charge)
