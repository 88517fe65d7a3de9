"""Emergency information for the child's own country, after the static emergency reply.

The ``country`` slot is set only from a place the child named unambiguously (or confirmed), never
from a guess; the line is the persona's ``emergency_local`` voice line (plain:
``actions/referral_words.yml``)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

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
        number = local_number(tracker.get_slot("country"), persona, tracker.get_slot("dial_first"))
        if number:
            template = line("emergency_local", persona, tracker.get_slot("lang"))
            dispatcher.utter_message(text=template.format(number=number))
        return []
