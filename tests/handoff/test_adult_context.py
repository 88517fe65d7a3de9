"""bot.adult_context (session 30): a shop errand read as the persona's urgent code, after an adult customer's line
earlier in the session, is the urgent discreet question (intent help_request; signal and urgent flag kept). Both
sides: what is read now (en/es/pl) and what keeps the emergency reply (no adult line before, a harm, fear, weapon or
arrival cue, words outside an errand, an earlier help signal, an age under 18, a new session, a persona that is no
shop, a reading that is not the code). Whole conversations: tests/conversations/fix_s30_adult.yml."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.slots import AnySlot
from rasa.shared.core.trackers import DialogueStateTracker

from bot.adult_context import ADULT_CONTEXT, is_adult_line, is_errand, read_with_adult_context
from bot.handoff import gate

SLOTS = [AnySlot(name, mappings=[]) for name in ("persona", "lang")]


def tracker(*lines: Any, persona: str = "rumianek", lang: str = "en", new_session_after: int = -1
            ) -> DialogueStateTracker:
    """A conversation of the child's earlier ``lines`` (text, or ``(text, signal)``), each answered by the shop."""
    events: list[Event] = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
                           SlotSet("persona", persona), SlotSet("lang", lang)]
    for at, line in enumerate(lines):
        text, signal = line if isinstance(line, tuple) else (line, "none")
        events += [UserUttered(text, parse_data={"intent": {"name": "x"}, "signal": signal}),
                   ActionExecuted("utter_rumianek__ask_products"), ActionExecuted("action_listen")]
        if at == new_session_after:
            events += [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
                       SlotSet("persona", persona), SlotSet("lang", lang)]
    return DialogueStateTracker.from_events("t", events, slots=SLOTS)


def code(text: str, persona: str = "rumianek", lang: str = "en", intent: str = "urgent",
         signal: str = "urgent") -> dict:
    """The NLU's parse of ``text`` read as the persona's urgent code."""
    return {"text": text, "intent": {"name": intent, "confidence": 0.8}, "signal": signal, "urgent": True,
            "entities": [{"entity": "persona", "value": persona}, {"entity": "lang", "value": lang},
                         {"entity": "voice", "value": "cover"}]}


def read(earlier: tuple, text: str, lang: str = "en", persona: str = "rumianek", **kwargs: Any) -> dict:
    parse = code(text, persona, lang, **kwargs)
    read_with_adult_context(parse, tracker(*earlier, persona=persona, lang=lang))
    return parse


TARGETS = [
    ("en", ("hi, do you do gift sets? my wife loves lavender",), "no thanks, just send it express"),
    ("en", ("i need an invoice for the hand creams, its for my company",), "thats everything, express shipping please"),
    ("en", ("hello", "looking for something nice for my mother-in-law"), "no thank you, can you deliver it tonight"),
    ("en", ("i work at a care home and want soaps for our residents",), "ok thanks, express delivery"),
    ("en", ("what would you suggest for my son's teacher",), "can u send the chamomile cream today"),
    ("es", ("busco algo bonito para mi suegra",), "no gracias, solo el envío exprés por favor"),
    ("es", ("necesito factura a nombre de mi empresa",), "vale gracias, envío exprés"),
    ("es", ("trabajo en una residencia y quiero jabones para los residentes",),
     "eso es todo, que llegue hoy por favor"),
    ("pl", ("szukam czegoś ładnego dla teściowej",), "nie dziękuję, tylko dostawa ekspresowa proszę"),
    ("pl", ("chcę kupić mężowi szampon ziołowy",), "nic więcej, kurier na dziś proszę"),
    ("pl", ("poproszę fakturę na firmę",), "poproszę dostawę na dziś"),
]


@pytest.mark.parametrize("lang,earlier,text", TARGETS)
def test_an_errand_after_an_adult_line_is_the_urgent_discreet_question(lang: str, earlier: tuple, text: str) -> None:
    parse = read(earlier, text, lang)
    assert parse["intent"] == {"name": "help_request", "confidence": 0.8}
    assert parse["signal"] == "urgent" and parse["urgent"] is True  # a yes is still queued as urgent
    assert parse[ADULT_CONTEXT] is True
    assert {"entity": "voice", "value": "cover"} in parse["entities"]


NEIGHBOURS = [
    # a child's urgent code with no adult line before (a present for mum, a birthday: children's lines too)
    ("en", (), "no thanks, just send it express"),
    ("en", ("hello", "is the lip balm nice"), "thats everything, express shipping please"),
    ("en", ("i want a present for my mum",), "just the express courier please"),
    ("es", ("es mi cumpleaños el sábado",), "vale gracias, envío exprés"),
    ("pl", ("chcę kupić prezent dla mamy na urodziny",), "dzięki, to wszystko, ekspres proszę"),
    # an adult line, then a harm, arrival, fear or weapon cue with the code
    ("en", ("gift for my wife please",), "express delivery please, he's back"),
    ("en", ("i need an invoice for my company",), "send it today, he has a knife"),
    ("en", ("my husband likes the shampoo",), "same day delivery please, im scared"),
    ("en", ("something for my mother-in-law",), "express please, my skin is burning"),
    ("es", ("busco un regalo para mi suegra",), "envío urgente, que vuelve"),
    ("es", ("para mi marido",), "envío urgente, está aquí ahora"),
    ("pl", ("coś dla teściowej",), "ekspres proszę, mam siniaki"),
    ("pl", ("prezent dla męża",), "wysyłka ekspresowa, boję się"),
    # words outside a shop errand
    ("en", ("for my wife",), "can someone bring the cream tonight i cant stay here"),
    ("en", ("for my wife",), "i need the cream right now"),
    ("es", ("para mi suegra",), "necesito la crema esta noche, no puedo más"),
    ("pl", ("dla teściowej",), "potrzebuję kremu dziś, nie wytrzymam"),
    # the adult line itself says harm, or an age under 18 was said, or a help signal was read before
    ("en", ("my husband hits me",), "no thanks, just send it express"),
    ("en", ("i want to buy something for my husband lol jk im 13",), "no thanks, just send it express"),
    ("en", ("my wife loves lavender", "im 15 btw"), "no thanks, just send it express"),
    ("en", (("my skin has been bad for weeks", "help_request"), "its a present for my wife"), "express please"),
    ("es", (("tengo la piel fatal", "help_request"), "es un regalo para mi mujer"), "envío exprés por favor"),
]


@pytest.mark.parametrize("lang,earlier,text", NEIGHBOURS)
def test_the_emergency_reply_stays(lang: str, earlier: tuple, text: str) -> None:
    parse = read(earlier, text, lang)
    assert parse["intent"]["name"] == "urgent" and parse["signal"] == "urgent" and parse["urgent"] is True
    assert ADULT_CONTEXT not in parse


def test_an_age_said_in_the_errand_itself_keeps_it() -> None:
    assert read(("my wife loves lavender",), "im 14, send it express")["intent"]["name"] == "urgent"


def test_only_the_code_of_a_shop_is_read() -> None:
    earlier = ("a present for my wife",)
    # another reading that is urgent (a plain one, or the coded urgent reply of a tentative plain reading)
    assert read(earlier, "send it express", intent="imminent_danger", signal="imminent_danger")[
        "intent"]["name"] == "imminent_danger"
    assert read(earlier, "send it express", signal="imminent_danger")["intent"]["name"] == "urgent"
    # a persona that is no shop, and the plain bot
    assert read(earlier, "send it express", persona="gametips")["intent"]["name"] == "urgent"
    assert read(earlier, "send it express", persona="plain")["intent"]["name"] == "urgent"


def test_an_adult_line_of_an_earlier_session_does_not_count() -> None:
    parse = code("no thanks, just send it express")
    read_with_adult_context(parse, tracker("a present for my wife", "hello", new_session_after=0))
    assert parse["intent"]["name"] == "urgent"


def test_the_shapes() -> None:
    assert is_adult_line("para mi suegra", "es", "rumianek")
    assert is_adult_line("dla żony na urodziny", "pl", "rumianek")
    assert not is_adult_line("a birthday present for my mum", "en", "rumianek")
    assert not is_adult_line("my husband hits me", "en", "rumianek")
    assert is_errand("no thanks, just the lavender soap express please", "en", "rumianek")  # the catalogue's words
    assert not is_errand("no thanks", "en", "rumianek")  # no delivery word
    assert not is_errand("send it express, hes home", "en", "rumianek")
    assert not is_errand("no thanks, just send it express " + "please " * 12, "en", "rumianek")  # too long


def test_the_hook_runs_after_the_open_question_and_never_raises() -> None:
    parse = code("no thanks, just send it express")
    asyncio.run(gate._after_parse(None, None, tracker("hi, its for my wife"), parse))
    assert parse["intent"]["name"] == "help_request"
    broken = code("send it express")
    asyncio.run(gate._after_parse(None, None, object(), broken))  # a tracker without events: logged, parse unchanged
    assert broken["intent"]["name"] == "urgent"


def test_a_failing_step_before_it_does_not_stop_it(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    import bot.open_question as module

    def broken(parse: dict, tracker: Any) -> None:
        raise RuntimeError("boom: hi, its for my wife")

    monkeypatch.setattr(module, "read_with_open_question", broken)
    parse = code("no thanks, just send it express")
    asyncio.run(gate._after_parse(None, None, tracker("hi, its for my wife"), parse))
    assert parse["intent"]["name"] == "help_request"
    assert "RuntimeError" in caplog.text and "boom" not in caplog.text and "wife" not in caplog.text  # the kind only
