"""Session 34: lines read with what came before (bot/changed_mind.py, bot/plain_openers.py) and the country named for a
referral routed on a persona's country in another language (actions/referral.py names_country). Targets and the
neighbours that keep the NLU's reading. Whole conversations: tests/conversations/fix_s34_conv.yml."""
from __future__ import annotations

from typing import Any

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.slots import AnySlot
from rasa.shared.core.trackers import DialogueStateTracker

from bot.changed_mind import CHANGED_MIND_KEY, declined_last, read_with_what_came_before, says_changed_mind
from bot.plain_openers import asks_to_tell, read_opener

SLOTS = [AnySlot(name, mappings=[]) for name in ("persona", "lang", "location", "country")]


def tracker(*steps: Any, persona: str = "plain", lang: str = "en") -> DialogueStateTracker:
    """A session of ``steps``: ``("user", text, signal)`` or an action name."""
    events: list[Event] = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
                           SlotSet("persona", persona), SlotSet("lang", lang)]
    for step in steps:
        if isinstance(step, tuple):
            _, text, signal = step
            events.append(UserUttered(text, parse_data={"intent": {"name": "x"}, "signal": signal}))
        else:
            events += [ActionExecuted(step), BotUttered("...", metadata={"utter_action": step})]
            if step.startswith("utter_") or step == "action_remember_declined":
                events.append(ActionExecuted("action_listen"))
    return DialogueStateTracker.from_events("t", events, slots=SLOTS)


def parse(text: str, intent: str, signal: str = "none", lang: str = "en", urgent: bool = False) -> dict:
    return {"text": text, "intent": {"name": intent, "confidence": 0.6}, "signal": signal, "urgent": urgent,
            "entities": [{"entity": "lang", "value": lang}]}


DECLINED = (("user", "my dad hits me", "abuse_disclosure"), "utter_offer_counselor", ("user", "no", "none"),
            "utter_back_to_shop", "action_remember_declined")


@pytest.mark.parametrize("text,lang", [("actually yeah i want a coach", "en"), ("a jednak tak", "pl"),
                                       ("jednak tak, zmieniłam zdanie", "pl"), ("al final sí la quiero", "es"),
                                       ("pensándolo mejor sí", "es"), ("i changed my mind", "en")])
def test_change_of_mind_in_words(text: str, lang: str) -> None:
    assert says_changed_mind(text, lang)


@pytest.mark.parametrize("text,lang", [("yes", "en"), ("tak", "pl"), ("sí", "es"), ("ok", "en"),
                                       ("actually no", "en"), ("nie, jednak nie", "pl")])
def test_no_change_of_mind_in_words(text: str, lang: str) -> None:
    assert not says_changed_mind(text, lang)


def test_change_of_mind_after_a_no_and_a_game_line_asks_for_a_person() -> None:
    found = parse("actually yeah i want a coach", "affirm")
    history = tracker(*DECLINED, ("user", "he keeps killing me in fortnite", "none"), "utter_out_of_scope",
                      persona="gametips")
    assert read_with_what_came_before(found, history) == "changed_mind"
    assert found["intent"]["name"] == "ask_human" and found["signal"] == "ask_human"


@pytest.mark.parametrize("steps", [
    (("user", "my dad hits me", "abuse_disclosure"), "utter_offer_counselor"),                 # the offer is open
    (*DECLINED, ("user", "hi", "none"), "utter_offer_counselor"),                             # asked again since
    (*DECLINED, ("user", "yes", "none"), "utter_please_wait", "action_request_counselor"),    # already asked for
    (("user", "hi", "none"), "utter_greet"),                                                  # no no at all
])
def test_change_of_mind_words_without_a_declined_offer_keep_their_reading(steps: tuple) -> None:
    found = parse("actually yes", "affirm")
    assert read_with_what_came_before(found, tracker(*steps)) is None
    assert found["intent"]["name"] == "affirm" and CHANGED_MIND_KEY not in found


def test_declined_last() -> None:
    assert declined_last(tracker(*DECLINED))
    assert not declined_last(tracker(*DECLINED, ("user", "yes", "none"), "utter_ask_again"))


def test_urgent_or_a_no_after_the_no_is_never_read() -> None:
    assert read_with_what_came_before(parse("actually yes he is here now", "affirm", urgent=True),
                                      tracker(*DECLINED)) is None
    assert read_with_what_came_before(parse("actually no", "deny"), tracker(*DECLINED)) is None


JOKE = (("user", "mi mamá dice que me mata si ve las notas jaja", "none"), "utter_out_of_scope")


@pytest.mark.parametrize("text,lang,earlier", [
    ("no me pasa nada en serio", "es", JOKE),
    ("nic mi nie jest serio", "pl", (("user", "mama mnie zabije za ten pokój xd", "none"), "utter_out_of_scope")),
    ("nothing is wrong with me seriously", "en", (("user", "my mum is gonna kill me lol", "none"),
                                                  "utter_out_of_scope")),
])
def test_denial_after_a_joke_is_believed(text: str, lang: str, earlier: tuple) -> None:
    found = parse(text, "distress", "distress", lang)
    assert read_with_what_came_before(found, tracker(*earlier, lang=lang)) == "denial"
    assert found["intent"]["name"] == "deny" and found["signal"] == "none"


@pytest.mark.parametrize("text,earlier", [
    ("no me pasa nada en serio", (("user", "hola", "none"), "utter_greet")),                       # no joke
    ("no me pasa nada en serio", (("user", "mi padre me pega jaja", "abuse_disclosure"),            # told before
                                  "utter_offer_counselor")),
    ("no me pasa nada pero no puedo dormir", JOKE),                                                # more than a denial
    ("no me pasa nada en serio", ()),                                                              # first line
])
def test_denial_keeps_its_reading(text: str, earlier: tuple) -> None:
    found = parse(text, "distress", "distress", "es")
    assert read_with_what_came_before(found, tracker(*earlier, lang="es")) is None
    assert found["signal"] == "distress"


def test_urgent_denial_is_never_read() -> None:
    found = parse("no me pasa nada en serio", "self_harm_urgent", "self_harm", "es", urgent=True)
    assert read_with_what_came_before(found, tracker(*JOKE, lang="es")) is None


@pytest.mark.parametrize("text,lang", [("puedo contarte algo?", "es"), ("oye te puedo contar una cosa", "es"),
                                       ("mogę ci coś powiedzieć?", "pl"), ("czy mogę ci coś powiedzieć", "pl"),
                                       ("can i tell u smth", "en")])
def test_asks_to_tell(text: str, lang: str) -> None:
    assert asks_to_tell(text, lang)
    found = parse(text, "out_of_scope", lang=lang)
    assert read_opener(found, tracker(lang=lang)) == "probe" and found["intent"]["name"] == "probe"


@pytest.mark.parametrize("text,lang,persona,signal", [
    ("puedo contarte algo? mi padre me pega", "es", "plain", "none"),     # more than asking
    ("puedo contarte algo?", "es", "rumianek", "none"),                   # inside a persona: its cover reading
    ("mogę ci coś powiedzieć?", "pl", "plain", "ask_human"),              # a help reading keeps its reply
])
def test_asks_to_tell_neighbours(text: str, lang: str, persona: str, signal: str) -> None:
    found = parse(text, "out_of_scope", signal, lang)
    assert read_opener(found, tracker(persona=persona, lang=lang)) is None
    assert found["intent"]["name"] == "out_of_scope"


class _Tracker:
    def __init__(self, **slots: Any) -> None:
        self.slots = slots

    def get_slot(self, name: str) -> Any:
        return self.slots.get(name)


@pytest.mark.parametrize("persona,lang,slots,named", [
    ("rumianek", "en", {}, True),          # English on the Polish shop, no place: "(in Poland)"
    ("rumianek", "es", {}, True),
    ("rumianek", "pl", {}, False),         # the country's own language
    ("gametips", "en", {}, False),
    ("gametips", "pl", {}, True),
    ("rumianek", "en", {"location": "Kraków", "country": "PL"}, False),  # a place said
    ("plain", "en", {}, False),            # no persona country
])
def test_names_country(persona: str, lang: str, slots: dict, named: bool) -> None:
    from actions.referral import names_country, persona_country

    assert names_country(_Tracker(**slots), persona, persona_country(persona), lang) is named  # type: ignore[arg-type]
