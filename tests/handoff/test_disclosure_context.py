"""bot.disclosure_context (session 32): short lines read with the disclosure before them. Both sides, en/es/pl: an
unnamed arrival after harm was told (inside a persona) is danger now; the phone already taken after a number to call
is "I can't call"; a friend's wish that nobody knows, after the friend's story, asks about privacy; refusing a person
and wanting it to stop, after harm done to the child, asks for the referral. Neighbours keep the NLU's reading: no
history, the wrong history (self-harm, no number given, the child's own story), someone named, a break-off word, a
new session, an urgent reading. Every line was written for these tests. Whole conversations:
tests/conversations/fix_s32_conv.yml."""
from __future__ import annotations

from typing import Any, Optional

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.slots import AnySlot
from rasa.shared.core.trackers import DialogueStateTracker

from bot.disclosure_context import (
    ARRIVAL, DISCLOSURE_CONTEXT, FRIEND_SECRET, PHONE_TAKEN, WANTS_IT_TO_STOP, is_bare_unnamed_arrival,
    read_with_disclosure,
)
from bot.handoff import gate

SLOTS = [AnySlot(name, mappings=[]) for name in ("persona", "lang")]


def tracker(*lines: Any, persona: str = "rumianek", lang: str = "en", reply: str = "Shall she write to you?",
            new_session: bool = False) -> DialogueStateTracker:
    """A conversation of the child's earlier ``lines`` (``(text, signal)`` or ``(text, signal, urgent)``), each
    answered with ``reply``; ``new_session``: a new session starts after them."""
    events: list[Event] = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
                           SlotSet("persona", persona), SlotSet("lang", lang)]
    for line in lines:
        text, signal, urgent = (*line, False) if len(line) == 2 else line
        events += [UserUttered(text, parse_data={"intent": {"name": "x"}, "signal": signal, "urgent": urgent}),
                   BotUttered(reply), ActionExecuted("action_listen")]
    if new_session:
        events += [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
                   SlotSet("persona", persona), SlotSet("lang", lang)]
    return DialogueStateTracker.from_events("t", events, slots=SLOTS)


def parse_of(text: str, intent: str, signal: str, persona: str = "rumianek", lang: str = "en",
             urgent: bool = False) -> dict:
    return {"text": text, "intent": {"name": intent, "confidence": 0.7}, "signal": signal, "urgent": urgent,
            "entities": [{"entity": "persona", "value": persona}, {"entity": "lang", "value": lang},
                         {"entity": "voice", "value": "cover"}]}


def read(parse: dict, track: DialogueStateTracker) -> tuple[Optional[str], dict]:
    return read_with_disclosure(parse, track), parse


# --- an unnamed arrival after harm was told, inside a persona --------------------------------------------------------
ARRIVALS = [
    ("rumianek", "en", ("do you have a cream for bruises, i get them at home", "help_request"),
     "hes coming up the stairs"),
    ("rumianek", "en", ("my stepdad hits me, got anything for bruises", "abuse_disclosure"), "he's here"),
    ("gametips", "en", ("lantern quest, the home level boss is my stepdad", "help_request"), "shes coming upstairs"),
    ("rumianek", "es", ("tenéis crema para los moratones? me salen en casa", "help_request"), "ya viene él"),
    ("rumianek", "es", ("mi padrastro me pega", "abuse_disclosure"), "ella está subiendo"),
    ("rumianek", "pl", ("macie coś na siniaki? w domu ciągle mi się robią", "help_request"), "on już idzie"),
    ("rumianek", "pl", ("ojczym mnie bije", "abuse_disclosure"), "on wraca"),
]


@pytest.mark.parametrize("persona,lang,earlier,text", ARRIVALS)
def test_an_unnamed_arrival_after_harm_is_danger_now(persona: str, lang: str, earlier: tuple, text: str) -> None:
    rule, parse = read(parse_of(text, f"{persona}__not_safe", "not_safe", persona, lang),
                       tracker(earlier, persona=persona, lang=lang))
    assert rule == ARRIVAL and parse[DISCLOSURE_CONTEXT] == ARRIVAL
    assert parse["intent"]["name"] == "imminent_danger" and parse["signal"] == "imminent_danger"
    assert parse["urgent"] is True
    assert {"entity": "voice", "value": "cover"} in parse["entities"]  # the emergency line in cover voice


ARRIVAL_NEIGHBOURS = [
    # no disclosure before: the quiet line (someone arriving)
    ("rumianek", "en", (("do you sell lip balm", "none"),), "hes coming up the stairs"),
    ("rumianek", "en", (), "hes coming up the stairs"),
    # only a friend's story or self-harm before (nobody coming to harm the child was told of)
    ("rumianek", "en", (("my friend has bruises from her dad", "peer_help"),), "hes coming up the stairs"),
    ("rumianek", "en", (("i cut myself, what heals scars", "self_harm"),), "hes coming up the stairs"),
    # a break-off word, someone named by relation, "someone", a harm word: as the NLU read them
    ("rumianek", "en", (("do you have a cream for bruises, i get them at home", "help_request"),), "gtg hes coming"),
    ("rumianek", "en", (("do you have a cream for bruises, i get them at home", "help_request"),),
     "my mum is coming up"),
    ("rumianek", "en", (("do you have a cream for bruises, i get them at home", "help_request"),),
     "someone is coming"),
    ("rumianek", "es", (("tenéis crema para los moratones? me salen en casa", "help_request"),),
     "espera, viene mi madre"),
    ("rumianek", "pl", (("macie coś na siniaki? w domu ciągle mi się robią", "help_request"),), "mama idzie"),
    ("rumianek", "pl", (("macie coś na siniaki? w domu ciągle mi się robią", "help_request"),), "ktoś idzie"),
    ("rumianek", "es", (("tenéis crema para los moratones? me salen en casa", "help_request"),), "adiós, ya viene él"),
]


@pytest.mark.parametrize("persona,lang,earlier,text", ARRIVAL_NEIGHBOURS)
def test_other_arrivals_keep_the_quiet_line(persona: str, lang: str, earlier: tuple, text: str) -> None:
    rule, parse = read(parse_of(text, f"{persona}__not_safe", "not_safe", persona, lang),
                       tracker(*earlier, persona=persona, lang=lang))
    assert rule is None and parse["signal"] == "not_safe" and parse["urgent"] is False


def test_the_plain_bot_and_a_new_session_keep_their_reading() -> None:
    earlier = ("my stepdad hits me", "abuse_disclosure")
    rule, parse = read(parse_of("hes coming up the stairs", "not_safe", "not_safe", "plain"),
                       tracker(earlier, persona="plain"))
    assert rule is None and parse["signal"] == "not_safe"
    rule, parse = read(parse_of("hes coming up the stairs", "rumianek__not_safe", "not_safe"),
                       tracker(earlier, new_session=True))
    assert rule is None and parse["signal"] == "not_safe"


@pytest.mark.parametrize("text,lang,bare", [
    ("hes coming up the stairs", "en", True), ("he's here", "en", True), ("ya viene él", "es", True),
    ("on już idzie", "pl", True), ("my dad is coming up the stairs", "en", False), ("gtg hes coming", "en", False),
    ("hes coming up the stairs and he has a belt", "en", False), ("ktoś idzie", "pl", False),
    ("hes nice", "en", False),
])
def test_a_bare_unnamed_arrival(text: str, lang: str, bare: bool) -> None:
    assert is_bare_unnamed_arrival(text, lang) is bare


# --- the phone already taken after a number to call ------------------------------------------------------------------
CALL = "If the level gets dangerous right now, call 999: it is free and works from any phone."
PHONE_TAKEN_LINES = [
    ("gametips", "en", "they already took my phone"), ("plain", "en", "my mum took my phone already"),
    ("plain", "es", "ya me quitaron el móvil"), ("plain", "pl", "już zabrali mi telefon"),
    ("rumianek", "pl", "nie mam telefonu"),
]


@pytest.mark.parametrize("persona,lang,text", PHONE_TAKEN_LINES)
def test_the_phone_taken_after_a_number_to_call_is_cant_call(persona: str, lang: str, text: str) -> None:
    earlier = ("i cut myself again tonight and i cant stop", "self_harm", True)
    rule, parse = read(parse_of(text, "not_safe", "not_safe", persona, lang),
                       tracker(earlier, persona=persona, lang=lang, reply=CALL))
    assert rule == PHONE_TAKEN
    assert parse["intent"]["name"] == "cant_call" and parse["signal"] == "self_harm" and parse["urgent"] is True


@pytest.mark.parametrize("earlier,reply,text", [
    ((), CALL, "they already took my phone"),  # nothing before: as read (someone taking the phone)
    ((("my dad hits me", "abuse_disclosure"),), "Shall a counselor write to you?", "they already took my phone"),
    ((("i cut myself", "self_harm", True),), CALL, "they already took my phone and my laptop and he hits me"),
    ((("i cut myself", "self_harm", True),), CALL, "they took my phone, im going to do it tonight"),
])
def test_the_phone_taken_without_a_number_given_keeps_its_reading(earlier: tuple, reply: str, text: str) -> None:
    rule, parse = read(parse_of(text, "gametips__not_safe", "not_safe", "gametips"),
                       tracker(*earlier, persona="gametips", reply=reply))
    assert rule is None and parse["intent"]["name"] == "gametips__not_safe"


# --- a friend's secret after the friend's story ----------------------------------------------------------------------
SECRETS = [
    ("rumianek", "en", "she doesnt want anyone to know"), ("plain", "en", "she doesn't want anyone to find out"),
    ("gametips", "en", "he made me promise not to tell"), ("plain", "es", "no quiere que nadie lo sepa"),
    ("rumianek", "es", "pero ella no quiere que se entere nadie"),
    ("rumianek", "pl", "ona nie chce, żeby ktoś się dowiedział"), ("plain", "pl", "kazała mi obiecać"),
]


@pytest.mark.parametrize("persona,lang,text", SECRETS)
def test_a_friends_secret_after_the_friends_story_asks_about_privacy(persona: str, lang: str, text: str) -> None:
    rule, parse = read(parse_of(text, "self_harm", "self_harm", persona, lang),
                       tracker(("my friend has bruises from her dad", "peer_help"), persona=persona, lang=lang))
    assert rule == FRIEND_SECRET
    assert parse["intent"]["name"] == "ask_privacy" and parse["signal"] == "none" and parse["urgent"] is False


@pytest.mark.parametrize("earlier,text", [
    ((("my dad hits me", "abuse_disclosure"),), "she doesnt want anyone to know"),  # the child's own story
    ((), "she doesnt want anyone to know"),
    ((("my friend has bruises from her dad", "peer_help"),), "i dont want anyone to know"),  # the child's own wish
    ((("my friend has bruises from her dad", "peer_help"),), "she doesnt want anyone to know, she wants to die"),
])
def test_other_secrets_keep_their_reading(earlier: tuple, text: str) -> None:
    rule, parse = read(parse_of(text, "self_harm", "self_harm", "plain"), tracker(*earlier, persona="plain"))
    assert rule is None and parse["signal"] == "self_harm"


def test_an_urgent_reading_is_never_lowered() -> None:
    rule, parse = read(parse_of("she doesnt want anyone to know", "self_harm_urgent", "self_harm", "plain",
                                urgent=True),
                       tracker(("my friend has bruises from her dad", "peer_help"), persona="plain"))
    assert rule is None and parse["urgent"] is True


# --- refusing a person, wanting it to stop, after harm done to the child --------------------------------------------
STOPS = [
    ("gametips", "en", "i dont want a coach, i want it to stop"),
    ("plain", "en", "i dont want a counselor i just want it to stop"),
    ("plain", "es", "no quiero hablar con nadie, solo quiero que pare"),
    ("plain", "pl", "nie chcę konsultanta, chcę żeby przestał"),
]


@pytest.mark.parametrize("persona,lang,text", STOPS)
def test_wanting_it_to_stop_after_harm_asks_for_the_referral(persona: str, lang: str, text: str) -> None:
    rule, parse = read(parse_of(text, "self_harm", "self_harm", persona, lang),
                       tracker(("my stepbrother hurts me at night", "abuse_disclosure"), persona=persona, lang=lang))
    assert rule == WANTS_IT_TO_STOP
    assert parse["intent"]["name"] == "inform_location" and parse["signal"] == "abuse_disclosure"
    assert parse["urgent"] is False


@pytest.mark.parametrize("earlier,text", [
    ((), "i dont want a counselor i just want it to stop"),  # no harm told: maybe self-harm
    ((("i hate myself", "self_harm"), ("and my dad hits me", "abuse_disclosure")), "i want it to stop"),
    ((("my friend is hit by her dad", "peer_help"),), "i want it to stop"),
    ((("my dad hits me", "abuse_disclosure"),), "i want it to stop forever, i have pills"),
])
def test_wanting_it_to_stop_otherwise_keeps_its_reading(earlier: tuple, text: str) -> None:
    rule, parse = read(parse_of(text, "self_harm", "self_harm", "plain"), tracker(*earlier, persona="plain"))
    assert rule is None and parse["signal"] == "self_harm"


def test_the_after_parse_hook_runs_this_reading() -> None:
    import asyncio

    parse = parse_of("hes coming up the stairs", "rumianek__not_safe", "not_safe")
    track = tracker(("do you have a cream for bruises, i get them at home", "help_request"))
    asyncio.run(gate._after_parse(None, None, track, parse))
    assert parse.get(DISCLOSURE_CONTEXT) == ARRIVAL and parse["urgent"] is True
