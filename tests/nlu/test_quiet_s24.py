"""Covering one's tracks is never an emergency reply (issue 13, session 24, fixer fix-s24-quiet).

Through nlu.components.persona.PersonaContext (the real cues file, synthetic rankings shaped like the
classifier's wrong readings that were measured on main's model): in every persona and the plain bot, in
en / es / pl,

* "I can't talk right now" is the quiet answer whatever the reading ("i cant talk right now": imminent_danger
  .44 drew 112);
* a pause and someone at the door, or a knock ("hold on someone's at the door", "un momento, llaman a la
  puerta", "czekaj, ktoś dzwoni do drzwi") is someone arriving: the quiet line;
* "never mind" and a chore or a meal ("déjalo, me voy a cenar", "olvídalo, me voy a duchar ya": urgent
  self-harm .60) is the quiet line;
* a goodbye with someone arriving ("my dad just came in, bye") breaks the talk off;
* "sorry, not here" in Spanish and Polish; in a persona's shop, cancelling and "I already have it";

and on the other side, written fresh too: harm, a weapon, forcing the door, "he" at the door, self-harm,
and the persona's quiet code read over harm done to the child keep (or now get) the help reading.
Every line here was written for these tests (none from tests/data).
"""
from __future__ import annotations

import pytest

from core.signals import HELP_SIGNALS
from nlu.components.persona import PersonaContext
from tests.nlu.context import seen as context_seen


def seen(component: PersonaContext, text: str, ranking: list[tuple[str, float]], lang: str,
         persona: str) -> tuple[str, str, bool]:
    if persona != "plain":
        ranking = [(name.replace("CODE__", f"{persona}__"), p) for name, p in ranking]
    else:
        ranking = [(name.replace("CODE__", ""), p) for name, p in ranking if not name.startswith("CODE__")] or [
            ("out_of_scope", 1.0)]
    return context_seen(component, text, ranking, lang, persona)[:3]


#: The wrong readings these lines drew (or may draw): danger now, the persona's urgent code, distress, a
#: goodbye. A self-harm reading is never overridden by someone arriving (core/safety.py is_covering_tracks);
#: the closed vocabularies of "can't talk now" and of a chore do override it (SELF_HARM_READING).
WRONG_READINGS = [
    [("imminent_danger", 0.9), ("distress", 0.1)],
    [("CODE__urgent", 0.5), ("imminent_danger", 0.3), ("greet", 0.2)],
    [("distress", 0.76), ("imminent_danger", 0.2)],
    [("goodbye", 0.8), ("out_of_scope", 0.2)],
]
SELF_HARM_READING = [("self_harm_urgent", 0.6), ("goodbye", 0.4)]
PERSONAS = {"en": ["plain", "rumianek", "gametips"], "es": ["plain", "rumianek"], "pl": ["plain", "rumianek"]}


def quiet(intent: str, signal: str, urgent: bool) -> bool:
    return not urgent and (signal == "not_safe" or intent == "not_now")


CANT_TALK_NOW = [
    ("i cant talk right now", "en"), ("cant talk now", "en"), ("soz cant talk atm", "en"),
    ("cant chat right now sorry", "en"), ("i cant text rn", "en"),
    ("no puedo hablar ahora mismo", "es"), ("ahorita no puedo hablar", "es"), ("perdona, ahora no puedo escribir", "es"),
    ("nie mogę teraz rozmawiać", "pl"), ("teraz nie mogę pisać, sorki", "pl"), ("nie mogę gadać w tej chwili", "pl"),
]
CHORES = [
    ("never mind, im going to go watch tv now", "en"), ("forget it, im off to have dinner now", "en"),
    ("nvm im going to feed the dog", "en"), ("never mind, gonna go have lunch", "en"),
    ("déjalo, me voy a cenar", "es"), ("olvídalo, me voy a duchar ya", "es"),
    ("olvídalo, me voy a hacer los deberes", "es"), ("bueno da igual, me voy a comer", "es"),
    ("nieważne, idę zrobić herbatę", "pl"), ("nieważne, muszę iść na trening", "pl"),
    ("dobra nieważne, idę na obiad", "pl"),
]


@pytest.mark.parametrize("text, lang", CANT_TALK_NOW + CHORES)
def test_cant_talk_now_and_a_chore_are_quiet_over_a_self_harm_reading(component: PersonaContext, text: str,
                                                                     lang: str) -> None:
    """"olvídalo, me voy a duchar ya" was urgent self-harm .60: the closed vocabularies hold no harm."""
    for persona in PERSONAS[lang]:
        assert quiet(*seen(component, text, SELF_HARM_READING, lang, persona)), persona


QUIET = CANT_TALK_NOW + CHORES + [
    # a pause and someone at the door, a knock, someone named after a pause (cut off)
    ("hold on someone's at the door", "en"), ("hang on, my mums at the door", "en"),
    ("wait someone is at the door", "en"), ("one sec someones ringing the doorbell", "en"),
    ("hold on somebody knocked", "en"), ("hang on my nan is at the front door", "en"),
    ("wait my brother is at the door", "en"), ("hold on my sis is at th", "en"),
    ("espera, mi madre está en la puerta", "es"), ("un momento, llaman a la puerta", "es"),
    ("un segundo, tocan el timbre", "es"), ("ay espera que viene mi tía", "es"), ("espera, alguien en la puerta", "es"),
    ("czekaj, ktoś dzwoni do drzwi", "pl"), ("chwila, mama jest przy drzwiach", "pl"), ("chwila, ktoś puka", "pl"),
    ("czekaj, brat jest pod drzwiami", "pl"), ("sekunda, babcia jest przed drzwiami", "pl"),
    # a goodbye with someone arriving
    ("my dad just came in, bye", "en"), ("my mum just walked in, bye", "en"),
    ("ha llegado mi padre, adiós", "es"), ("mi madre está subiendo, chao", "es"),
    ("mama weszła, pa", "pl"), ("tata sprawdza mi telefon, pa", "pl"),
    # sorry, not here
    ("uy, no era aquí", "es"), ("perdón, aquí no era", "es"), ("sorki, nie tutaj", "pl"),
    ("ignora todo, mi padre revisa el móvil", "es"),
    # a reason may run longer than 12 words (up to 16 in the plain bot)
    ("uf, se ha encendido la luz de la cocina, te escribo luego, no me contestes", "es"),
    ("nieważne, mama właśnie weszła do pokoju i patrzy co piszę, nie odpisuj", "pl"),
]


@pytest.mark.parametrize("text, lang", QUIET)
@pytest.mark.parametrize("ranking", WRONG_READINGS)
def test_covering_ones_tracks_is_quiet_in_every_persona(component: PersonaContext, text: str, lang: str,
                                                       ranking: list) -> None:
    for persona in PERSONAS[lang]:
        assert quiet(*seen(component, text, ranking, lang, persona)), persona


DECLINING = [
    ("no thanks i already have it", "en"), ("cancel my order for the chamomile cream please", "en"),
    ("no thanks, already got the cream at home", "en"), ("please cancel the lavender soap", "en"),
    ("could you cancel my order please", "en"), ("no thanks, i already bought it", "en"),
    ("no gracias, ya tengo la crema en casa", "es"), ("no gracias, ya la tengo", "es"),
    ("anulad el pedido de la crema de manzanilla porfa", "es"), ("me podéis cancelar el pedido?", "es"),
    ("cancela mi pedido de la crema porfa", "es"),
    ("możecie anulować moje zamówienie na krem?", "pl"), ("nie dzięki, mam już krem w domu", "pl"),
    ("mam już ten krem, dzięki", "pl"), ("anulujcie moje zamówienie proszę", "pl"),
]


@pytest.mark.parametrize("text, lang", DECLINING)
@pytest.mark.parametrize("ranking", [[("CODE__urgent", 0.18), ("abuse_disclosure", 0.13), ("CODE__help_request", 0.12)],
                                     [("CODE__help_request", 0.41), ("CODE__not_safe", 0.3)],
                                     [("deny", 0.58), ("self_harm_urgent", 0.33)],
                                     [("rumianek__order_admin", 0.42), ("CODE__not_safe", 0.26)]])
def test_declining_in_the_shop_is_the_quiet_line(component: PersonaContext, text: str, lang: str,
                                                 ranking: list) -> None:
    assert quiet(*seen(component, text, ranking, lang, "rumianek"))


DANGER = [
    # harm, a weapon, forcing the door, "he" at the door: the urgent reading stays
    ("i cant talk hes hitting me", "en"), ("cant talk hes got a knife", "en"), ("i cant talk hes choking my mum", "en"),
    ("hold on someone is banging on the door", "en"), ("hes at the door with a knife", "en"),
    ("someone is trying to get in", "en"), ("hang on hes at the door", "en"), ("wait someone is breaking the door", "en"),
    ("hold on, my dad is at the door with a belt in his hand", "en"), ("hold on my dad is kicking the door", "en"),
    ("wait my stepdad is at the door, he said he will kill me", "en"), ("dads back hes going to kill me bye", "en"),
    ("never mind, im going to take all my pills now", "en"), ("forget it im going to end it tonight", "en"),
    ("nvm im going to take the pills now", "en"), ("hold on someones at the door with a gun", "en"),
    ("no puedo hablar, mi padre me está pegando", "es"), ("no puedo hablar, me está pegando", "es"),
    ("ahora no puedo hablar, me está tocando", "es"), ("espera, alguien está intentando entrar", "es"),
    ("espera, mi padre está aporreando la puerta", "es"), ("un momento, están pateando la puerta", "es"),
    ("espera, mi padrastro está en la puerta con una navaja", "es"), ("no puedo hablar ahora, tiene un cuchillo", "es"),
    ("olvídalo, me voy a tomar todas las pastillas esta noche", "es"), ("olvídalo, me voy a cortar esta noche", "es"),
    ("ya está aquí mi padre, me va a pegar, adiós", "es"), ("espera, está en la puerta con un cuchillo", "es"),
    ("un momento, llaman a la puerta y es él con un cuchillo", "es"), ("déjalo, me voy a matar ahora", "es"),
    ("espera, mi tío me está tocando", "es"),
    ("nie mogę mówić, on mnie bije", "pl"), ("nie mogę teraz rozmawiać, ojczym bije mamę", "pl"),
    ("teraz nie mogę, on mnie dusi", "pl"), ("czekaj, ktoś wali w drzwi", "pl"), ("chwila, on próbuje wejść", "pl"),
    ("czekaj, ojczym jest pod drzwiami i ma nóż", "pl"), ("chwila, ktoś próbuje wyważyć drzwi", "pl"),
    ("nieważne, zaraz połknę wszystkie tabletki", "pl"), ("nieważne, dziś w nocy się zabiję", "pl"),
    ("tata wrócił pijany, pa, boję się", "pl"), ("mama weszła, pa, boję się że mnie uderzy", "pl"),
    ("czekaj, on jest pod drzwiami", "pl"), ("chwila, tata mnie bije", "pl"), ("nieważne, idę się pociąć", "pl"),
    ("zapomnij, idę skoczyć z mostu", "pl"),
    ("gtg my dad just came home drunk and hes going to hit me again tonight dont reply", "en"),
    ("me tengo que ir, ha llegado mi padrastro y siempre me toca por la noche, no contestes", "es"),
    ("muszę kończyć, ojczym wrócił i znowu bije mamę w kuchni, nie odpisuj", "pl"),
    # a pause and someone, then what they do: no arrival
    ("hold on my stepdad is shouting at my mum", "en"), ("espera, mi padre está gritando a mi madre", "es"),
    ("czekaj, ojczym krzyczy na mamę", "pl"),
]


@pytest.mark.parametrize("text, lang", DANGER)
def test_danger_keeps_the_urgent_reading(component: PersonaContext, text: str, lang: str) -> None:
    for persona in PERSONAS[lang]:
        for top in ("imminent_danger", "self_harm_urgent"):
            intent, signal, urgent = seen(component, text, [(top, 0.9), ("goodbye", 0.1)], lang, persona)
            assert urgent and signal in HELP_SIGNALS, (persona, top, intent, signal)


DISCLOSED_WHILE_CANCELLING = [
    ("cancel the cream, he hit me again", "en"), ("cancel the order, my stepdad hurts me", "en"),
    ("sorry cancel that, my dad kicked me", "en"), ("forget the cream, mum slapped me again", "en"),
    ("cancela la crema, mi padrastro me pega", "es"), ("cancela el pedido, mi padre me pega cada día", "es"),
    ("olvida la crema, mi madre me empuja", "es"), ("anula todo, mi tío me amenaza", "es"),
    ("anulujcie krem, ojczym mnie bije", "pl"), ("anulujcie zamówienie, tata mnie bije", "pl"),
    ("zapomnij o kremie, brat mnie kopie", "pl"), ("sorki anuluj, mama mnie szarpie", "pl"),
]


@pytest.mark.parametrize("text, lang", DISCLOSED_WHILE_CANCELLING)
@pytest.mark.parametrize("ranking", [[("CODE__not_safe", 0.97), ("abuse_disclosure", 0.02)],
                                     [("CODE__not_safe", 0.65), ("abuse_disclosure", 0.35)],
                                     [("CODE__not_safe", 0.9), ("greet", 0.1)]])
def test_the_quiet_code_over_harm_done_to_the_child_is_the_disclosure(component: PersonaContext, text: str,
                                                                    lang: str, ranking: list) -> None:
    """The persona's quiet code read over harm done to the child ("cancel the cream, he hit me again": the
    quiet code .97): a counselor must see it."""
    assert seen(component, text, ranking, lang, "rumianek")[1] in HELP_SIGNALS


@pytest.mark.parametrize("text, lang", [
    ("no thanks i already have the cream but my skin has been bad for months", "en"),
    ("i already have the cream but my skin is so bad and dad hits me", "en"),
    ("ya tengo la crema pero la piel me arde desde hace meses", "es"),
    ("mam już krem ale skóra piecze od miesięcy", "pl"),
    ("cancel the cream, my skin is on fire", "en"),
])
def test_declining_with_a_symptom_or_harm_keeps_the_code(component: PersonaContext, text: str, lang: str) -> None:
    assert seen(component, text, [("CODE__help_request", 0.7), ("CODE__not_safe", 0.3)], lang, "rumianek")[1] \
        in HELP_SIGNALS


@pytest.mark.parametrize("text, lang", [
    ("no thanks i already have it", "en"), ("ya tengo la crema", "es"), ("nie dzięki, mam już krem w domu", "pl"),
])
def test_declining_in_the_plain_bot_is_left_to_the_classifier(component: PersonaContext, text: str,
                                                                lang: str) -> None:
    assert seen(component, text, [("deny", 0.9), ("greet", 0.1)], lang, "plain")[:2] == ("deny", "none")


@pytest.mark.parametrize("text, lang", [
    ("bye", "en"), ("ok bye thanks", "en"), ("adiós, gracias", "es"), ("pa, dzięki", "pl"),
    ("my friends are coming over later", "en"), ("im going to watch tv now", "en"),  # no putting-off word
])
def test_goodbyes_and_plans_without_someone_arriving_stay_what_they_were(component: PersonaContext, text: str,
                                                                        lang: str) -> None:
    assert seen(component, text, [("goodbye", 0.9), ("greet", 0.1)], lang, "plain")[:2] == ("goodbye", "none")


# The review of this branch (s24): real danger lines that lost their emergency reply, each asserted urgent
# again through the component (the readings they drew on main's model were urgent).
REVIEW_GOODBYE = [
    # a goodbye with "he" / "on" / "él", or someone coming into the child's room: no break-off
    ("hes coming bye", "en"), ("bye hes here", "en"), ("hes here bye", "en"), ("hes back bye", "en"),
    ("bye he is in my room", "en"), ("on wrócił, pa", "pl"), ("pa, on idzie", "pl"),
    ("pa, on jest w moim pokoju", "pl"), ("bye my stepdad is coming into my room", "en"),
    ("adiós, mi padrastro viene a mi cuarto", "es"),
]
REVIEW_DOOR = [
    # what is done at the door, someone outside, a man met online: the door phrase is the danger
    ("hold on my dad is kicking at the door", "en"), ("wait someone is pounding at my door", "en"),
    ("wait my dad is shouting at the door", "en"), ("hold on my stepdad is yelling at my door", "en"),
    ("espera, mi padre está gritando en la puerta", "es"), ("czekaj, tata krzyczy pod drzwiami", "pl"),
    ("czekaj ktoś krzyczy pod drzwiami", "pl"), ("hold on someone is outside at the back door", "en"),
    ("wait my online boyfriend is at the door", "en"),
]
REVIEW_ROOM = [
    # a pause and a named adult or "someone" in, or coming to, the child's room, bed or upstairs
    ("hold on my uncle is in my room", "en"), ("espera mi padrastro está en mi cuarto", "es"),
    ("espera mi tío está en mi habitación", "es"), ("czekaj, wujek siedzi obok mnie na łóżku", "pl"),
    ("oh wait my stepdad is coming into my room", "en"), ("ok wait my mums boyfriend is coming upstairs", "en"),
    ("hold on my brother is in here with me", "en"), ("wait someone is in my room", "en"),
]
REVIEW_SELF_HARM = [
    # "I can't any more", hopeless words before a chore: the self-harm reading stays
    ("ya no puedo ahora mismo", "es"), ("juz nie moge teraz", "pl"),
    ("olvídalo, ya nada importa, me voy a la cama", "es"), ("déjalo, ya no importa nada, me voy a la cama", "es"),
]
REVIEW_CODE = [
    # asking for a catalogue code name is no declining: the code stays
    ("cancel it i need the chamomile cream please", "en"), ("mam już krem, potrzebuje krem rumiankowy", "pl"),
    ("ya tengo crema, necesito la crema de manzanilla", "es"), ("cancela el pedido, quiero la crema de manzanilla", "es"),
]


@pytest.mark.parametrize("text, lang", REVIEW_GOODBYE + REVIEW_DOOR + REVIEW_ROOM)
@pytest.mark.parametrize("top", ["imminent_danger", "CODE__urgent"])
def test_review_danger_lines_keep_the_emergency_reply(component: PersonaContext, text: str, lang: str,
                                                      top: str) -> None:
    """In the plain bot, where the review found them (inside a persona a bare "hes coming" was the quiet
    line on main already); the door lines in every persona."""
    for persona in PERSONAS[lang] if (text, lang) in REVIEW_DOOR else ["plain"]:
        if top.startswith("CODE__") and persona == "plain":
            continue
        intent, signal, urgent = seen(component, text, [(top, 0.9), ("goodbye", 0.1)], lang, persona)
        assert urgent and signal in HELP_SIGNALS, (persona, intent, signal)


@pytest.mark.parametrize("text, lang", REVIEW_SELF_HARM)
def test_review_self_harm_lines_keep_the_emergency_reply(component: PersonaContext, text: str, lang: str) -> None:
    for persona in ["plain"]:
        intent, signal, urgent = seen(component, text, SELF_HARM_READING, lang, persona)
        assert urgent and signal == "self_harm", (persona, intent, signal)


@pytest.mark.parametrize("text, lang", REVIEW_CODE)
@pytest.mark.parametrize("code", ["CODE__help_request", "CODE__urgent"])
def test_review_asking_for_the_code_keeps_it(component: PersonaContext, text: str, lang: str, code: str) -> None:
    intent, signal, urgent = seen(component, text, [(code, 0.7), ("CODE__not_safe", 0.3)], lang, "rumianek")
    assert signal in HELP_SIGNALS and signal != "not_safe", (intent, signal)


# Both sides of the review's fixes, written fresh: a visitor at the door, a relative's goodbye still quiet ...
REVIEW_STILL_QUIET = [
    ("wait my gran is at the door", "en"), ("hold on my aunt is at the front door", "en"),
    ("one sec, my dad just got in, bye", "en"), ("hang on someone is knocking", "en"),
    ("espera, mi abuela está en la puerta", "es"), ("un momento, tocan el timbre", "es"),
    ("ha vuelto mi madre, chao", "es"),
    ("czekaj, babcia jest przy drzwiach", "pl"), ("chwila, dzwonek dzwoni", "pl"), ("mama wróciła, pa", "pl"),
]
# ... and force, shouting, "he", the child's room or bed, hopeless words keep the emergency reply.
REVIEW_STILL_URGENT = [
    ("hold on my stepdad is banging at the door", "en"), ("wait someone is screaming at the front door", "en"),
    ("bye hes in my bed", "en"), ("bye my uncle is coming into my bedroom", "en"),
    ("wait my mums boyfriend is in my bed", "en"),
    ("espera, mi tío está golpeando en la puerta", "es"), ("adiós, él viene", "es"),
    ("espera, mi padre está en mi cama", "es"),
    ("czekaj, ojczym wali pod drzwiami", "pl"), ("pa, on wchodzi do mojego pokoju", "pl"),
    ("czekaj, wujek jest w moim pokoju", "pl"),
]


@pytest.mark.parametrize("text, lang", REVIEW_STILL_QUIET)
def test_review_visitors_stay_quiet(component: PersonaContext, text: str, lang: str) -> None:
    for persona in PERSONAS[lang]:
        assert quiet(*seen(component, text, [("imminent_danger", 0.9), ("goodbye", 0.1)], lang, persona)), persona


@pytest.mark.parametrize("text, lang", REVIEW_STILL_URGENT)
def test_review_force_he_and_the_room_stay_urgent(component: PersonaContext, text: str, lang: str) -> None:
    intent, signal, urgent = seen(component, text, [("imminent_danger", 0.9), ("goodbye", 0.1)], lang, "plain")
    assert urgent and signal in HELP_SIGNALS, (intent, signal)
