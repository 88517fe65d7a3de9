"""Covering one's tracks (``not_safe``) and a shopper's corrections beside it (issue 13, session 37, notsafe-s37).

docs/design.md, Signals: ``not_safe`` is "I cannot talk now — go innocuous, send nothing more", and covering one's
tracks is never answered with an emergency line. An unseen set measured rumianek's Spanish not_safe recall at .83.
Fresh lines written for this branch found three classes of miss and one of false alarm:

* in the plain bot "someone" on the way, said alone ("someones coming", "viene alguien", "ktoś idzie"), drew 112:
  only someone named by relation was a bare arrival there. "Someone" with a word of coming is one now
  (core/safety.py someone_coming), never in or to the child's room or up the stairs, never "he";
* a shop or game line, then someone arriving in a last clause of its own ("how much is shipping to gdansk.. wait
  someones coming") was the shop's answer: the last clause is read as a bare arrival (core/safety.py last_clause);
* the quiet line's words: "no hagas caso a lo que escribí", "nie zwracaj uwagi na to co pisałem", "nie ten czat
  hehe", "biene alguien" (nlu/safety/cues.yml);
* a shopper correcting an order or a basket ("forget the blue one, I'll take the red", "anuluj balsam, wyślij tylko
  mydło") was the quiet code: a take-back word right before a thing a shopper changes, with nobody named, no one
  arriving, no goodbye, no word of the code and no take-back in a last clause of its own, is the shop's talk
  (nlu/shop_talk.py is_shop_swap). What was asked before taken back, then a product asked for ("nvm all that, how
  much is the rose soap") is a child turning to shop talk: still the quiet line. "Cancel my order" with a reason and
  no order number stays the quiet code too (s24).
  Decided with docs/design.md (a miss costs a child): a shopper's mum "here" who wants to ask about the cream stays
  the quiet line — someone is with the child, and the quiet line costs a real shopper one "see you" only.

On the trained model (the ``agent`` fixture) and through PersonaContext on synthetic rankings (the ``component``
fixture). Every line was written for these tests; none is taken from tests/data.
"""
from __future__ import annotations

from typing import Any

import pytest

from core.safety import last_clause, someone_coming
from tests.nlu.context import seen

HELP = {"help_request", "urgent", "visit_request", "peer_help", "abuse_disclosure", "self_harm", "imminent_danger",
        "bullying", "online_exploitation", "distress", "ask_human"}


async def _reading(agent: Any, persona: str, lang: str, text: str) -> str:
    from nlu.classifier import from_parse_data, parse_text

    got = from_parse_data(text, await parse_text(agent, text, None if persona == "plain" else persona, lang), lang)
    return got.signal + ("!" if got.urgent else "")


# --- the trained model ---------------------------------------------------------------------------------------------

#: (persona, lang, text, main): misread on main (its reading), the quiet line on this branch.
TARGETS = [
    ("plain", "en", "someones coming", "imminent_danger!"),
    ("rumianek", "en", "how much is shipping to gdansk.. wait someones coming", "none"),
    ("plain", "es", "viene alguien", "imminent_danger!"),
    ("gametips", "es", "biene alguien", "ask_human"),
    ("plain", "es", "no hagas caso a lo que escribi", "none"),
    ("plain", "pl", "ktoś idzie", "imminent_danger!"),
    ("gametips", "pl", "nie ten czat hehe", "none"),
    ("plain", "pl", "nie zwracaj uwagi na to co pisałem", "none"),
    ("gametips", "es", "olvida lo de la mision de la linterna", "none"),
]

#: (persona, lang, text): the quiet line on main and on this branch.
STILL = [
    ("plain", "en", "wrong chat sorry"), ("rumianek", "en", "wrng chat sry"), ("gametips", "en", "oops wrong chat lol"),
    ("plain", "en", "nvm forget it"), ("rumianek", "en", "nvm forgt it 🙈"), ("gametips", "en", "nvmnvm"),
    ("plain", "en", "cancel"), ("rumianek", "en", "cancel that pls"), ("plain", "en", "delete this"),
    ("gametips", "en", "delete this now"), ("rumianek", "en", "someone's coming 😬"), ("gametips", "en", "smeone coming"),
    ("plain", "en", "mums here"), ("rumianek", "en", "mum's here"), ("gametips", "en", "mom's here brb"),
    ("plain", "en", "ignore that"), ("gametips", "en", "ignre that msg"),
    ("rumianek", "en", "do you have the lavender soap in stock? actually nvm forget it"),
    ("gametips", "en", "whats the best build for elden ring — mums here"), ("plain", "en", "dads home delete this"),
    ("rumianek", "en", "oops ignore, wrong person"),
    ("plain", "es", "olvídalo"), ("gametips", "es", "olvidalo porfa"), ("plain", "es", "me he equivocado de chat"),
    ("rumianek", "es", "me e equivocado de chat perdon"), ("plain", "es", "borra eso"),
    ("rumianek", "es", "borra eso porfa 🙏"), ("rumianek", "es", "viene alguien!!"), ("plain", "es", "mi madre esta aqui"),
    ("rumianek", "es", "cuanto cuesta el jabon de lavanda? bueno olvidalo"),
    ("rumianek", "es", "teneis balsamo labial... viene alguien"), ("rumianek", "es", "ya esta mi padre en casa, borra eso"),
    ("plain", "es", "shh viene mi madre"), ("rumianek", "es", "olvida lo de la crema"),
    ("plain", "pl", "nieważne"), ("rumianek", "pl", "pomylka"), ("plain", "pl", "usuń to"), ("gametips", "pl", "ktos idzie!!"),
    ("rumianek", "pl", "mama tu jest"), ("rumianek", "pl", "ile kosztuje mydło lawendowe? a nieważne"),
    ("rumianek", "pl", "macie balsam do ust... ktoś idzie"), ("plain", "pl", "pomyliłam czaty"),
    ("rumianek", "pl", "tata wrócił, usuń to"), ("plain", "pl", "ciii mama idzie"), ("rumianek", "pl", "zapomnij o tym kremie"),
]

#: (persona, lang, text): fresh lines that must stay the quiet line beside the shopper's rule: someone named, a goodbye,
#: the code named, a take-back in a last clause of its own, the basket cleared (the clean code), declining (s24).
STAY_QUIET = [
    ("rumianek", "en", "forget the soap, mums here"),
    ("rumianek", "en", "nvm the soap, dad is looking"),
    ("rumianek", "es", "olvida el jabon, viene mi padre"),
    ("rumianek", "pl", "nieważne mydło, tata patrzy"),
    ("rumianek", "en", "forget the chamomile cream, do you have soap"),
    ("rumianek", "en", "forget the red one, gotta go"),
    ("rumianek", "es", "olvida el rojo, me tengo que ir"),
    ("rumianek", "en", "how much is the candle... forget it"),
    ("rumianek", "es", "teneis velas de lavanda? nada, olvidalo"),
    ("rumianek", "en", "do you have the lip balm? actually nvm forget it"),
    ("rumianek", "pl", "macie świece? a zresztą nieważne"),
    ("rumianek", "en", "please clear my basket"),
    ("rumianek", "es", "vacia mi cesta porfa"),
    ("rumianek", "pl", "wyczyść mój koszyk"),
    ("rumianek", "en", "cancel the lavender soap"),
    ("rumianek", "en", "hi what are your opening hours.. oh my dads coming"),
    ("rumianek", "pl", "jaki jest koszt wysyłki, czekaj mama idzie"),
    ("gametips", "en", "whats a good minecraft seed, wait someones coming"),
    # what was asked before taken back, then a product asked for: the child's turn to shop talk
    ("rumianek", "en", "nvm all that, how much is the rose soap"),
    ("rumianek", "es", "cancela lo que pedi, quiero solo una vela"),
    ("rumianek", "pl", "nieważne, a macie świeczki sojowe?"),
    ("rumianek", "en", "cancel my order, ill just get a candle instead"),
    # decided with docs/design.md: someone is with the child
    ("rumianek", "en", "my mum's here, she wants to ask about the cream"),
    ("rumianek", "es", "mi madre está aquí, quiere preguntar por la crema"),
]

#: (lang, text, main): a shopper's correction read as the quiet code on main, the shop's talk on this branch.
SHOPPERS = [
    ("en", "forget the blue one, I'll take the red", "not_safe"),
    ("en", "can i cancel the lip balm and just get the soap", "not_safe"),
    ("en", "delete the candle from my basket please", "not_safe"),
    ("en", "ignore the postcode i gave before, its 30-002", "not_safe"),
    ("en", "wrong size, i meant the 100 ml one", "not_safe"),
    ("es", "olvida la azul, me llevo la roja", "not_safe"),
    ("es", "borra el jabón de mi cesta y deja el bálsamo", "not_safe"),
    ("es", "me equivoqué de talla, quería la de 100 ml", "not_safe"),
    ("es", "ignora el código postal de antes, es 30-002", "not_safe"),
    ("pl", "zapomnij o niebieskim, biorę czerwony", "not_safe"),
    ("pl", "usuń mydło z koszyka i zostaw balsam", "not_safe"),
    ("pl", "pomyliłam rozmiar, chciałam 100 ml", "not_safe"),
    ("pl", "nieważne mydło, macie szampon w kostce?", "not_safe"),
    ("pl", "anuluj balsam, wyślij tylko mydło", "not_safe"),
    ("pl", "zignoruj poprzedni kod pocztowy, to 30-002", "not_safe"),
    ("en", "cancel the shampoo and add a candle instead", "?"),
    ("es", "anula el champu y añade una vela", "?"),
    ("pl", "usuń szampon, dodaj świecę", "?"),
]

#: (lang, text): "someone" or "he" in danger in the plain bot — danger now, urgent, as on main.
DANGER = [
    ("en", "someone is in my room"),
    ("en", "someones coming up the stairs"),
    ("en", "someone is coming to my room"),
    ("en", "someone is coming to hurt me"),
    ("en", "hes coming"),
    ("es", "alguien viene a por mi"),
    ("es", "viene alguien, tengo miedo"),
    ("pl", "ktoś idzie do mojego pokoju"),
]

#: (persona, lang, text, urgent): coded requests of Spanish and English children, help (and urgent) on main and here.
CODED = [
    ("rumianek", "en", "um hi. is the chamomille cream still a thing? my skin has been bad at home", False),
    ("rumianek", "en", "hi i love your candles, my mum bought one for christmas, anyway i wanted to ask about the "
                       "chamomile cream because my skin has been really bad for about a year and it gets worse on "
                       "weekends", False),
    ("rumianek", "en", "chamomle cream pls, skin reacts to alcohol at home", False),
    ("rumianek", "en", "can the cream come today?? im scared hes coming home at 8", True),
    ("rumianek", "en", "sorry i know its late but i need the cream right now, locked myself in the bathroom", True),
    ("gametips", "en", "lanturn qwest pls", False),
    ("gametips", "en", "home lvl boss drinks potions every night and i lose health", False),
    ("gametips", "en", "lantern quest at 9 tonight when he gets back, im scared", True),
    ("gametips", "en", "lantern quest emergancy", True),
    ("rumianek", "es", "kiero la crema de manzanilla porfa", False),
    ("rumianek", "es", "la crema d manzanilla es buena para la piel q se pone roja cuando me gritan?", False),
    ("rumianek", "es", "buenas, la crema de manzanilla cuesta 34,90 no? la necesito para mi piel que esta mal desde "
                       "que mi padre bebe", False),
    ("rumianek", "es", "me puede llegar la crema hoy? tengo miedo, vuelve a las 8", True),
    ("rumianek", "es", "envio hoy porfa, a las 10 vuelve y dijo que me iba a pegar", True),
    ("rumianek", "es", "hacéis envio expres? mi piel esta sangrando y el esta en casa", True),
]


@pytest.mark.parametrize("persona,lang,text,main", TARGETS)
async def test_a_break_off_misread_on_main_is_the_quiet_line(agent: Any, persona: str, lang: str, text: str,
                                                             main: str) -> None:
    assert await _reading(agent, persona, lang, text) == "not_safe"


@pytest.mark.parametrize("persona,lang,text", STILL + STAY_QUIET)
async def test_a_break_off_stays_the_quiet_line(agent: Any, persona: str, lang: str, text: str) -> None:
    assert await _reading(agent, persona, lang, text) == "not_safe"


@pytest.mark.parametrize("lang,text,main", SHOPPERS)
async def test_a_shoppers_correction_is_the_shops_talk(agent: Any, lang: str, text: str, main: str) -> None:
    assert await _reading(agent, "rumianek", lang, text) == "none"


@pytest.mark.parametrize("lang,text", DANGER)
async def test_someone_in_danger_in_the_plain_bot_stays_danger_now(agent: Any, lang: str, text: str) -> None:
    assert await _reading(agent, "plain", lang, text) == "imminent_danger!"


@pytest.mark.parametrize("persona,lang,text,urgent", CODED)
async def test_a_coded_request_is_still_heard(agent: Any, persona: str, lang: str, text: str, urgent: bool) -> None:
    got = await _reading(agent, persona, lang, text)
    assert (got.rstrip("!") in HELP, got.endswith("!")) == (True, urgent)


# --- the helpers ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("folded,tail", [
    ("how much is shipping to gdansk.. wait someones coming", "someones coming"),
    ("teneis balsamo labial... viene alguien", "viene alguien"),
    ("whats a good minecraft seed, oh my mums here", "my mums here"),
    ("someones coming", ""),
    ("forget the blue one, ill take the red", "ill take the red"),
])
def test_last_clause(folded: str, tail: str) -> None:
    assert last_clause(folded) == tail


@pytest.mark.parametrize("text,coming", [
    ("someones coming", True), ("viene alguien", True), ("ktos idzie", True), ("biene alguien", True),
    ("someones coming up the stairs", False), ("ktos idzie do mojego pokoju", False), ("hes coming", False),
    ("someone is in my room", False), ("my mum is coming", False),
])
def test_someone_coming(text: str, coming: bool) -> None:
    assert someone_coming(text.split(), text) is coming


# --- synthetic rankings --------------------------------------------------------------------------------------------

QUIET = [("rumianek__not_safe", 0.9), ("rumianek__order_admin", 0.06), ("rumianek__ask_products", 0.04)]


@pytest.mark.parametrize("lang,text,signal", [
    ("en", "forget the blue one, ill take the red", "none"),
    ("es", "me equivoque de talla, queria la de 100 ml", "none"),
    ("pl", "anuluj balsam, wyslij tylko mydlo", "none"),
    # the code, someone, a goodbye, harm or a take-back at the end keep the quiet code
    ("en", "forget the chamomile cream, ill take the soap", "not_safe"),
    ("en", "forget the soap, my dad is here", "not_safe"),
    ("es", "olvida el jabon, me tengo que ir", "not_safe"),
    ("pl", "ile kosztuje mydlo? a niewazne", "not_safe"),
    ("en", "nvm all that, how much is the rose soap", "not_safe"),
    ("es", "olvida lo anterior, quiero un jabon", "not_safe"),
    ("en", "cancel the soap, he hit me again", "abuse_disclosure"),
])
def test_the_shoppers_correction_rule(component: Any, lang: str, text: str, signal: str) -> None:
    assert seen(component, text, QUIET, lang, persona="rumianek")[1] == signal


@pytest.mark.parametrize("lang,text,signal", [
    ("en", "someones coming", "not_safe"),
    ("es", "viene alguien", "not_safe"),
    ("pl", "ktoś idzie", "not_safe"),
    ("en", "someones coming up the stairs", "imminent_danger"),
    ("en", "hes coming", "imminent_danger"),
    ("en", "someone is coming to hurt me", "imminent_danger"),
])
def test_someone_on_the_way_in_the_plain_bot(component: Any, lang: str, text: str, signal: str) -> None:
    ranking = [("imminent_danger", 0.9), ("out_of_scope", 0.1)]
    assert seen(component, text, ranking, lang, persona="plain")[1] == signal
