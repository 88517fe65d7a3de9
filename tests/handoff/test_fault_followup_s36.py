"""Session 36: "is it my fault?" with the child's reason or the other person's excuse, after a disclosure
(bot.fault_context.read_with_disclosure_before, docs/design.md: the questions about this chat are answered and the
question that was open goes on). The shape (nlu.open_answers.asks_fault) in en/es/pl, then the reading with the
conversation: read as the fault question after a help signal earlier in the session, whatever the classifier's
unsure reading (a disclosure again, the shop's greeting, "not understood", danger now at .37); its reading kept with
no disclosure before, for a sure urgent reading, self-harm, the quiet line, a break-off word, and for new harm told
read as a help signal. Whole conversations: tests/conversations/fix_s36_followups.yml. Every line is new here."""
from __future__ import annotations

from typing import Any

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.slots import AnySlot
from rasa.shared.core.trackers import DialogueStateTracker

from bot.fault_context import FAULT_CONTEXT, read_with_disclosure_before
from nlu.components.persona import FAULT_REASON
from nlu.open_answers import asks_fault

SLOTS = [AnySlot(name, mappings=[]) for name in ("persona", "lang")]


# --- the shape ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang, text", [
    ("en", "is it my fault?"),
    ("en", "is it my fault? my stepmum says im lazy"),
    ("en", "was it my fault, he says i wind him up"),
    ("en", "is it my fault because i let him borrow my phone"),
    ("en", "i forgot to feed the dog. is it my fault?"),
    ("es", "¿es culpa mía? mi tío dice que soy una pesada"),
    ("es", "fue culpa mia, no habia hecho la cama"),
    ("es", "¿es mi culpa por contestarle mal?"),
    ("pl", "czy to moja wina? ojczym mowi ze pyskuje"),
    ("pl", "to moja wina, nie wynioslam smieci"),
])
def test_the_fault_question_with_its_reason(lang: str, text: str) -> None:
    assert asks_fault(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "my mum says it is never my problem to sort out"),   # no fault question
    ("en", "he says i wind him up on purpose"),                  # the excuse alone
    ("en", "is it my turn? my brother always goes first"),       # another question
    ("es", "mi padre dice que le provoco"),
    ("pl", "ona mowi ze ja prowokuje"),
    ("en", "is it my fault? " + " ".join(["and then he said something"] * 4)),  # too long
])
def test_no_fault_question(lang: str, text: str) -> None:
    assert not asks_fault(text, lang)


# --- read with the conversation --------------------------------------------------------------------------------------
def tracker(*signals: str, persona: str = "rumianek", lang: str = "en") -> DialogueStateTracker:
    """A session up to the child's next message: one earlier child line per signal, each answered."""
    events: list[Event] = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
                           SlotSet("persona", persona), SlotSet("lang", lang)]
    for signal in signals:
        events += [UserUttered("…", parse_data={"intent": {"name": "x"}, "signal": signal}),
                   ActionExecuted("utter_heard"), BotUttered("…", metadata={"utter_action": "utter_heard"}),
                   ActionExecuted("action_listen")]
    return DialogueStateTracker.from_events("t", events, slots=SLOTS)


def parse(text: str, intent: str = "out_of_scope", confidence: float = 0.4, signal: str = "none",
          urgent: bool = False, persona: str = "rumianek", lang: str = "en") -> dict[str, Any]:
    return {"text": text, "intent": {"name": intent, "confidence": confidence}, "signal": signal, "urgent": urgent,
            "entities": [{"entity": "persona", "value": persona}, {"entity": "lang", "value": lang},
                         {"entity": "voice", "value": "cover"}]}


@pytest.mark.parametrize("persona, lang, text, intent, confidence, signal, urgent", [
    ("plain", "en", "is it my fault? my stepmum says im lazy", "online_exploitation", .51, "online_exploitation",
     False),
    ("plain", "es", "¿es culpa mía? mi tío dice que soy una pesada", "out_of_scope", .7, "none", False),
    ("plain", "pl", "to moja wina, nie wynioslam smieci", "probe", .9, "none", False),
    ("rumianek", "en", "is it my fault because i let him borrow my phone", "imminent_danger", .37, "imminent_danger",
     True),
    ("rumianek", "es", "fue culpa mia, no habia hecho la cama", "help_request", .3, "help_request", False),
    ("rumianek", "pl", "czy to moja wina? ojczym mowi ze pyskuje", "rumianek__ask_products", .6, "none", False),
    ("gametips", "en", "was it my fault, he says i never listen", "peer_help", .45, "peer_help", False),
])
def test_after_a_disclosure_it_is_the_fault_question(persona: str, lang: str, text: str, intent: str,
                                                     confidence: float, signal: str, urgent: bool) -> None:
    found = parse(text, intent, confidence, signal, urgent, persona, lang)
    assert read_with_disclosure_before(found, tracker("abuse_disclosure", persona=persona, lang=lang))
    assert found["intent"]["name"] == "ask_fault"
    assert (found["signal"], found["urgent"], found[FAULT_CONTEXT], found[FAULT_REASON]) == ("none", False, True, True)
    assert not any(e["entity"] == "voice" for e in found["entities"])


def test_a_bare_fault_question_read_otherwise_has_no_reason_mark() -> None:
    found = parse("is it my fault?", "probe", .9)
    assert read_with_disclosure_before(found, tracker("help_request"))
    assert found["intent"]["name"] == "ask_fault" and FAULT_REASON not in found


def test_any_help_signal_before_counts_the_code_too() -> None:
    assert read_with_disclosure_before(parse("is it my fault? she says so"), tracker("none", "help_request"))


@pytest.mark.parametrize("earlier, found", [
    # no disclosure before: a shopper's "is it my fault? i typed the wrong address" keeps the shop's answer
    (("none",), parse("is it my fault? i typed the wrong address", "rumianek__shipping", .7)),
    ((), parse("is it my fault? my team says i feed", "gametips__ask_multiplayer", .3, persona="gametips")),
    # danger now the classifier is sure of; a danger cue in the reason
    (("abuse_disclosure",), parse("is it my fault? i let him in", "imminent_danger", .8, "imminent_danger", True)),
    (("abuse_disclosure",), parse("is it my fault? hes outside my room right now", "out_of_scope", .4)),
    # self-harm and the quiet line keep their reading; so does a break-off word
    (("abuse_disclosure",), parse("is it my fault? i just want to disappear", "self_harm", .4, "self_harm")),
    (("abuse_disclosure",), parse("is it my fault? my mum just walked in", "not_safe", .6, "not_safe")),
    (("abuse_disclosure",), parse("czy to moja wina? musze konczyc", "goodbye", .6, lang="pl")),
    # new harm told, read as a help signal: the disclosure's reading stays
    (("abuse_disclosure",), parse("is it my fault? he hit me again last night", "abuse_disclosure", .45,
                                  "abuse_disclosure")),
    (("abuse_disclosure",), parse("es culpa mia? me pega con la zapatilla", "abuse_disclosure", .4,
                                  "abuse_disclosure", lang="es")),
    # already the fault question; not a fault question at all
    (("abuse_disclosure",), parse("is it my fault?", "ask_fault", .9)),
    (("abuse_disclosure",), parse("he says i wind him up on purpose", "abuse_disclosure", .4, "abuse_disclosure")),
])
def test_the_reading_stays(earlier: tuple[str, ...], found: dict[str, Any]) -> None:
    before = {**found, "intent": dict(found["intent"])}
    persona = next(e["value"] for e in found["entities"] if e["entity"] == "persona")
    assert not read_with_disclosure_before(found, tracker(*earlier, persona=persona))
    assert found == before


def test_new_harm_read_as_ordinary_talk_is_the_fault_question() -> None:
    found = parse("is it my fault? he hit me because i was late", "out_of_scope", .6)
    assert read_with_disclosure_before(found, tracker("abuse_disclosure"))
    assert found["intent"]["name"] == "ask_fault"
