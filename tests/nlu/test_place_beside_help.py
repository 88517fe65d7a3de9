"""nlu/components/persona.py ``_help_beside_place`` (issue 13, session 24): a request for help and a place (or a
refusal to give one) in ONE message stay the request. Read as a place answer ("my skin is bad since winter, im in
leeds": the place .47, the code .46) the shop said "not sure I understood". A bare place answer, and a shopper's
question beside a place, stay what they were. Rankings are the measured shapes of session 24; every line is
written for these tests."""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext, words_beside_place
from tests.nlu.context import seen


@pytest.mark.parametrize("text, place, rest", [
    ("my skin went bad after new year, im in derby", "derby", "my skin went bad after new year"),
    ("my skin went bad after new year im in derby", "derby", "my skin went bad after new year"),
    ("skora mi peka od lutego, mieszkam w opolu", "opolu", "skora mi peka od lutego"),
    ("tengo granos desde marzo y vivo en cadiz", "cadiz", "tengo granos desde marzo"),
    ("lantern quest, i'd rather not say where i am", "", "lantern quest"),
    ("im in derby", "derby", ""),
    ("vivo en cadiz", "cadiz", ""),
    ("opole", "opole", ""),
    ("i live in a tiny village outside derby", "derby", ""),
    ("i'd rather not say where i am", "", ""),
])
def test_the_words_beside_the_place_clause(text: str, place: str, rest: str) -> None:
    assert " ".join(words_beside_place(text, place, ("rather not say",))) == rest


# --- a request for help beside a place (or a refusal) stays the request -------------------------------------
@pytest.mark.parametrize("text, lang, persona, ranking, intent, signal", [
    ("my skin went bad after new year, im in leicester", "en", "rumianek",
     [("inform_location", 0.48), ("rumianek__help_request", 0.45), ("rumianek__peer_help", 0.02), ("greet", 0.05)],
     "help_request", "help_request"),
    ("tengo la piel muy mal desde la primavera, vivo en Cádiz", "es", "rumianek",
     [("inform_location", 0.6), ("rumianek__help_request", 0.28), ("rumianek__urgent", 0.04),
      ("rumianek__feedback", 0.08)], "help_request", "help_request"),
    ("skóra mi pęka od lutego, mieszkam w Opolu", "pl", "rumianek",
     [("inform_location", 0.82), ("rumianek__help_request", 0.1), ("rumianek__urgent", 0.02),
      ("rumianek__shipping", 0.06)], "help_request", "help_request"),
    ("been stuck on the lantern quest all year, im in swansea", "en", "gametips",
     [("inform_location", 0.45), ("gametips__help_request", 0.35), ("gametips__ask_level_tips", 0.1),
      ("greet", 0.1)], "help_request", "help_request"),
    ("my friend needs the lantern quest too, she lives in hull", "en", "gametips",
     [("inform_location", 0.6), ("gametips__peer_help", 0.3), ("gametips__ask_level_tips", 0.1)],
     "help_request", "peer_help"),
    # the urgent code close behind, but only as noise beside the place: the discreet question, not 112
    ("necesito la crema de manzanilla ya, vivo en Cádiz", "es", "rumianek",
     [("inform_location", 0.7), ("rumianek__help_request", 0.16), ("rumianek__urgent", 0.14)],
     "help_request", "help_request"),
    # plainly said harm beside a place keeps its signal, in the plain bot and inside a persona
    ("mi padrastro me pega, vivo en Cádiz", "es", "plain",
     [("inform_location", 0.9), ("abuse_disclosure", 0.09), ("thanks", 0.01)], "abuse_disclosure",
     "abuse_disclosure"),
    ("mój ojczym mnie bije, mieszkam w Opolu", "pl", "rumianek",
     [("inform_location", 0.85), ("abuse_disclosure", 0.14), ("rumianek__shipping", 0.01)], "abuse_disclosure",
     "abuse_disclosure"),
    ("my stepdad hurts me, im in swansea", "en", "gametips",
     [("inform_location", 0.6), ("abuse_disclosure", 0.37), ("imminent_danger", 0.03)], "abuse_disclosure",
     "abuse_disclosure"),
    ("me corto los brazos, vivo en Cádiz", "es", "plain",
     [("inform_location", 0.987), ("self_harm", 0.0129), ("goodbye", 0.0001)], "self_harm", "self_harm"),
])
def test_help_beside_a_place_stays_help(component: PersonaContext, text: str, lang: str, persona: str,
                                        ranking: list, intent: str, signal: str) -> None:
    got_intent, got_signal, urgent, entities = seen(component, text, ranking, lang, persona=persona)
    assert (got_intent, got_signal, urgent) == (intent, signal, False)
    assert "location_refused" not in dict(entities)


@pytest.mark.parametrize("text, lang, persona, ranking", [
    ("lantern quest, i'd rather not say where i am", "en", "gametips",
     [("inform_location", 0.88), ("gametips__help_request", 0.07), ("gametips__urgent", 0.02), ("greet", 0.03)]),
    ("skóra mi pęka od lutego, wolę nie mówić gdzie mieszkam", "pl", "rumianek",
     [("inform_location", 0.66), ("rumianek__help_request", 0.32), ("rumianek__shipping", 0.02)]),
])
def test_the_code_with_a_refusal_is_the_code_and_keeps_the_refusal(component: PersonaContext, text: str, lang: str,
                                                                     persona: str, ranking: list) -> None:
    intent, signal, urgent, entities = seen(component, text, ranking, lang, persona=persona)
    assert (intent, signal, urgent) == ("help_request", "help_request", False)
    assert ("location_refused", "true") in entities


def test_the_code_read_first_with_a_refusal_keeps_the_refusal(component: PersonaContext) -> None:
    """Read as the code already, the refusal beside it is kept: the yes is not met by "which city?"."""
    entities = seen(component, "stuck on the lantern quest, id rather not say where i am",
                    [("gametips__help_request", 0.5), ("inform_location", 0.33), ("gametips__urgent", 0.17)], "en",
                    persona="gametips")[3]
    assert ("location_refused", "true") in entities


def test_danger_now_beside_a_place_is_still_urgent(component: PersonaContext) -> None:
    intent, signal, urgent, _ = seen(component, "chamomile cream, hes drunk and shouting right now, im in leicester",
                                     [("inform_location", 0.55), ("rumianek__help_request", 0.4),
                                      ("rumianek__urgent", 0.05)], "en")
    assert urgent and signal == "urgent"


# --- a bare place answer, and a shopper beside a place, stay what they were ----------------------------------
@pytest.mark.parametrize("text, lang, persona, ranking", [
    # nothing beside the place, whatever the rest of the ranking
    ("im in leicester", "en", "rumianek", [("inform_location", 0.6), ("rumianek__help_request", 0.4)]),
    ("vivo en Cádiz", "es", "rumianek", [("inform_location", 0.7), ("rumianek__help_request", 0.3)]),
    ("Opole", "pl", "rumianek", [("inform_location", 0.7), ("abuse_disclosure", 0.3)]),
    ("i live in a tiny village outside leicester", "en", "plain", [("inform_location", 0.8), ("distress", 0.2)]),
    ("i'd rather not say where i am", "en", "gametips", [("inform_location", 0.8), ("gametips__help_request", 0.2)]),
    # a shopper: the shop's reading beside the place
    ("do you post to leicester? im in leicester", "en", "rumianek",
     [("inform_location", 0.65), ("rumianek__shipping", 0.3), ("rumianek__help_request", 0.05)]),
    ("cuánto tarda el envío, vivo en Cádiz", "es", "rumianek",
     [("inform_location", 0.6), ("rumianek__shipping", 0.3), ("rumianek__help_request", 0.1)]),
    # the urgent code of a shopper in a hurry is left out beside a place (no danger word)
    ("can it come same day, i live in leicester", "en", "rumianek",
     [("inform_location", 0.6), ("rumianek__urgent", 0.32), ("rumianek__help_request", 0.02),
      ("rumianek__shipping", 0.06)]),
    ("potrzebuję tego jeszcze dziś, mieszkam w Opolu", "pl", "rumianek",
     [("inform_location", 0.24), ("rumianek__urgent", 0.23), ("rumianek__shipping", 0.5), ("greet", 0.03)]),
    # a plain reading with no harm word and not nearly all of the rest: no signal
    ("great, thanks, works now, im from swansea", "en", "gametips",
     [("inform_location", 0.57), ("imminent_danger", 0.3), ("thanks", 0.13)]),
    ("dzięki, szybko poszło, jestem w Opolu", "pl", "rumianek",
     [("inform_location", 0.62), ("imminent_danger", 0.14), ("thanks", 0.14), ("rumianek__feedback", 0.1)]),
    # the code too weak beside the place (the floor): left as it is
    ("my skin is rough, i'd rather not say where i live", "en", "rumianek",
     [("inform_location", 0.93), ("rumianek__help_request", 0.017), ("self_harm", 0.015),
      ("rumianek__urgent", 0.013), ("rumianek__feedback", 0.025)]),
])
def test_no_help_read_beside_a_bare_place_or_a_shopper(component: PersonaContext, text: str, lang: str,
                                                       persona: str, ranking: list) -> None:
    intent, signal, urgent, _ = seen(component, text, ranking, lang, persona=persona)
    assert signal in ("none", "not_safe") and not urgent, (intent, signal)


@pytest.mark.parametrize("text, lang, ranking", [
    # review of fix-s24-place: a denied harm word beside a place said harm (the plain bot offered a person)
    ("nobody hurts me, i just live in leeds and i'm bored", "en",
     [("inform_location", 0.59), ("distress", 0.38), ("greet", 0.03)]),
    ("nadie me pega, vivo en Toledo y estoy bien", "es",
     [("inform_location", 0.61), ("distress", 0.37), ("thanks", 0.02)]),
    ("nikt mnie nie bije, mieszkam w Opolu i jest spoko", "pl",
     [("inform_location", 0.7), ("abuse_disclosure", 0.29), ("thanks", 0.01)]),
])
def test_a_denied_harm_word_beside_a_place_is_no_help(component: PersonaContext, text: str, lang: str,
                                                        ranking: list) -> None:
    assert seen(component, text, ranking, lang, persona="plain")[:3] == ("inform_location", "none", False)


def test_the_denial_reaches_only_a_few_words() -> None:
    from core.text import fold
    from nlu.components.persona import says_harm

    cues = {"en": ["hurt", "hit"], "es": ["pega"], "pl": ["bije"]}
    assert not says_harm(fold("nobody ever really hurts me"), "en", cues)
    assert says_harm(fold("nobody knows that he hits me every night"), "en", cues)
    assert not says_harm(fold("nikt mnie nie bije"), "pl", cues)
    assert says_harm(fold("mi padre me pega"), "es", cues)
