"""Issue 3's behaviour list for the disguise personas, in conversation.

An Agent on the trained model with the encrypted tracker store and no action server: custom
actions fail harmlessly, so every reply here is a static response of the merged domain (as when
the action server is down). Each test asserts the exact variation Rasa may choose for the
persona and language (``variations``) and what the tracker recorded.

Every sentence a child sends here was written for these tests: none is taken from the training
data (``personas/*.yml``, ``nlu/``) or from the test splits (``tests/data/``).
"""
from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.conftest import say, variations
from core.persona.discretion import hits, safety_words

pytestmark = pytest.mark.asyncio

SHOP = "rumianek"
GAMES = "gametips"
LANGS = ("en", "pl", "es")

def new_sender() -> str:
    return f"p-{uuid.uuid4().hex}"


def voice(domain: Any, key: str, lang: str, persona: str = SHOP) -> list[str]:
    """The variations of ``utter_<key>`` Rasa may say in ``persona``'s voice and ``lang``."""
    chosen = variations(domain, f"utter_{key}", persona=persona, lang=lang)
    assert chosen, f"utter_{key} has no variation for {persona}/{lang}"
    return chosen


def cover_replies(domain: Any, lang: str, persona: str = SHOP) -> list[str]:
    """Every cover answer of the persona in ``lang`` (its ``utter_<persona>__<cover>`` responses)."""
    return [
        text
        for name in domain.responses
        if name.startswith(f"utter_{persona}__")
        for text in variations(domain, name, persona=persona, lang=lang)
    ]


def leaks(replies: list[str], lang: str) -> dict[str, list[str]]:
    """Replies that carry safety vocabulary of ``lang`` (the discretion rule of tests/data)."""
    words = safety_words(lang)
    found = {reply: hits(reply, words) for reply in replies}
    return {reply: words for reply, words in found.items() if words}


async def intent_of(agent: Any, sender: str) -> str:
    tracker = await agent.tracker_store.retrieve(sender)
    return str(tracker.latest_message.intent.get("name"))


async def signal_of(agent: Any, sender: str) -> str:
    tracker = await agent.tracker_store.retrieve(sender)
    return str(tracker.latest_message.parse_data.get("signal"))


async def actions_since_last_message(agent: Any, sender: str) -> list[str]:
    """The actions the bot ran after the child's latest message, in order."""
    tracker = await agent.tracker_store.retrieve(sender)
    names: list[str] = []
    for event in tracker.events:
        if event.type_name == "user":
            names = []
        elif event.type_name == "action":
            names.append(event.action_name)
    return names


# --- none: an ordinary shop ------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, lang, price",
    [
        ("how much does the lavender soap cost?", "en", "14.90"),
        ("ile płacę za mydło lawendowe?", "pl", "14,90"),
        ("cuánto cuesta una pastilla de jabón de lavanda?", "es", "14,90"),
    ],
)
async def test_a_shopper_gets_a_cover_answer_from_the_catalogue(agent, merged_domain, text, lang, price):
    sender = new_sender()
    replies = await say(agent, sender, text, persona=SHOP, lang=lang)
    assert len(replies) == 1
    assert replies[0] in cover_replies(merged_domain, lang)
    assert price in replies[0]  # the lavender soap's price, from the persona's catalogue
    assert leaks(replies, lang) == {}
    assert (await intent_of(agent, sender)).startswith(f"{SHOP}__")


# --- help_request: the discreet question ------------------------------------------------------

HELP_REQUESTS = [
    ("hi, is the chamomile cream available in a bigger jar?", "en"),
    ("my bruises never fade, which cream would you suggest?", "en"),
    ("my skin has been acting up badly, which of your things would calm it down?", "en"),
    ("dzień dobry, czy jest jeszcze krem rumiankowy?", "pl"),
    ("mam siniaki na nogach które nie znikają, jaki krem polecacie?", "pl"),
    ("moja skóra jest ostatnio w kiepskim stanie, co by ją uspokoiło?", "pl"),
    pytest.param(
        "dzień dobry, poproszę słoiczek kremu rumiankowego", "pl",
        
        id="pl-polite-order-of-the-cream",
    ),
    ("hola, quería un bote de la crema de manzanilla", "es"),
    ("tengo moratones en las piernas que no se van, qué crema me recomiendas?", "es"),
    ("tengo la piel muy mal estas semanas, qué me la puede calmar", "es"),
]


@pytest.mark.parametrize("text, lang", HELP_REQUESTS)
async def test_coded_help_request_gets_the_discreet_question_in_cover_voice(agent, merged_domain, text, lang):
    sender = new_sender()
    replies = await say(agent, sender, text, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "help_request"
    assert replies == [replies[0]] and replies[0] in voice(merged_domain, "confirm_help", lang)
    assert leaks(replies, lang) == {}


# (code phrase, yes, a city) — then the specialist is promised in cover voice
ACCEPTED = [
    ("hi, is the chamomile cream available in a bigger jar?", "yes, that would be lovely", "I live in Gdańsk", "en"),
    ("dzień dobry, czy jest jeszcze krem rumiankowy?", "tak, poproszę", "mieszkam w Poznaniu", "pl"),
    ("hola, quería un bote de la crema de manzanilla", "sí, me encantaría", "vivo en Sevilla", "es"),
]


@pytest.mark.parametrize("code, yes, city, lang", ACCEPTED)
async def test_yes_to_the_question_asks_if_it_is_a_good_moment_and_where_then_promises_the_specialist(
    agent, merged_domain, session_var, code, yes, city, lang
):
    from bot.storage.tracker_store import EncryptedTrackerStore
    from core.rasa_compat import agent_sharing_model, in_process_action_endpoint

    # the offer after the place comes from action_offer_referral: this agent runs the real actions
    agent = agent_sharing_model(agent, EncryptedTrackerStore(url=f"sqlite:///{session_var / 'accepted.db'}"),
                                in_process_action_endpoint("actions"))
    sender = new_sender()
    first = await say(agent, sender, code, persona=SHOP, lang=lang)
    assert len(first) == 1 and first[0] in voice(merged_domain, "confirm_help", lang)

    accepted = await say(agent, sender, yes, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "affirm"
    assert accepted == [accepted[0]] and accepted[0] in voice(merged_domain, "help_accepted", lang)
    # the conversation went on: a counselor was requested right after the question
    assert await actions_since_last_message(agent, sender) == [
        "utter_help_accepted", "action_request_counselor", "action_listen",
    ]

    placed = await say(agent, sender, city, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "inform_location"
    assert placed[0] in voice(merged_domain, "please_wait", lang)
    # the child already said yes: the referral action says a person is coming (session 20; before, it
    # asked "shall I pass you over?" again for the unanswered good-moment half)
    assert await actions_since_last_message(agent, sender) == ["action_offer_referral", "action_listen"]

    # ... and a "yes" after it is met by "a person is coming" again (the request stands)
    coming = await say(agent, sender, yes, persona=SHOP, lang=lang)
    assert coming == [coming[0]] and coming[0] in voice(merged_domain, "please_wait", lang)
    # the referral lines after the offer carry the partner's real number; the voice lines leak nothing
    assert leaks(first + accepted + placed[:1] + coming, lang) == {}


@pytest.mark.parametrize(
    "yes, lang",
    [
        ("sure, go ahead", "en"),
        ("tak, poproszę", "pl"),
        pytest.param(
            "tak, byłoby super", "pl",
            
            id="pl-yes-that-would-be-great",
        ),
        ("vale, sí, dile que me escriba", "es"),
    ],
)
async def test_a_natural_yes_to_the_question_is_understood(agent, merged_domain, yes, lang):
    code = {"en": ACCEPTED[0][0], "pl": ACCEPTED[1][0], "es": ACCEPTED[2][0]}[lang]
    sender = new_sender()
    await say(agent, sender, code, persona=SHOP, lang=lang)
    replies = await say(agent, sender, yes, persona=SHOP, lang=lang)
    assert replies and replies[0] in voice(merged_domain, "help_accepted", lang)


@pytest.mark.parametrize(
    "code, no, lang",
    [
        ("my skin has been acting up badly, which of your things would calm it down?", "no, it's fine thanks", "en"),
        ("my skin has been acting up badly, which of your things would calm it down?", "nope, all good", "en"),
        ("moja skóra jest ostatnio w kiepskim stanie, co by ją uspokoiło?", "nie, dzięki, nie trzeba", "pl"),
        ("moja skóra jest ostatnio w kiepskim stanie, co by ją uspokoiło?", "nie, dziękuję bardzo", "pl"),
        # "no, déjalo" ("drop it", a putting-off cue in English) is read as not_safe since d16 (0.51;
        # deny at 0.33 before): a plain "no" here names nothing to drop
        ("tengo la piel muy mal estas semanas, qué me la puede calmar", "no, no hace falta, gracias", "es"),
        ("tengo la piel muy mal estas semanas, qué me la puede calmar", "no, gracias de todos modos", "es"),
    ],
)
async def test_no_to_the_question_is_back_to_being_a_shop(agent, merged_domain, code, no, lang):
    """A "no" to the discreet question is ordinary talk (``deny``, signal none): the rule ``no to
    the confirmation`` answers with the cover line ``utter_back_to_shop`` — not ``not_safe``."""
    sender = new_sender()
    first = await say(agent, sender, code, persona=SHOP, lang=lang)
    assert first[0] in voice(merged_domain, "confirm_help", lang)
    replies = await say(agent, sender, no, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "deny"
    assert await signal_of(agent, sender) == "none"
    assert len(replies) == 1 and replies[0] in voice(merged_domain, "back_to_shop", lang)
    # the silent marker: a "yes" in the next message asks again (changing one's mind)
    assert await actions_since_last_message(agent, sender) == ["utter_back_to_shop", "action_remember_declined",
                                                               "action_listen"]
    assert leaks(replies, lang) == {}


@pytest.mark.parametrize(
    "code, no, yes, lang",
    [
        ("my skin has been acting up badly, which of your things would calm it down?", "no", "actually yes please", "en"),
        ("moja skóra jest ostatnio w kiepskim stanie, co by ją uspokoiło?", "nie", "jednak tak", "pl"),
        ("tengo la piel muy mal estas semanas, qué me la puede calmar", "no", "bueno, sí", "es"),
    ],
)
async def test_yes_right_after_no_asks_the_question_again(agent, merged_domain, code, no, yes, lang):
    """Changing one's mind (issue 13): the "yes" right after the "no" is asked again in cover voice,
    not answered as a lone yes; a yes then is accepted (no action server: the rules read only that
    the silent actions ran)."""
    sender = new_sender()
    await say(agent, sender, code, persona=SHOP, lang=lang)
    await say(agent, sender, no, persona=SHOP, lang=lang)
    replies = await say(agent, sender, yes, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "affirm"
    assert replies == voice(merged_domain, "ask_again", lang)
    replies = await say(agent, sender, yes, persona=SHOP, lang=lang)
    assert replies == voice(merged_domain, "please_wait", lang)
    assert await actions_since_last_message(agent, sender) == ["utter_please_wait", "action_request_counselor",
                                                               "action_listen"]


@pytest.mark.parametrize(
    "code, again, lang",
    [
        ("my skin has been acting up badly, which of your things would calm it down?", "what was the number again?", "en"),
        ("moja skóra jest ostatnio w kiepskim stanie, co by ją uspokoiło?", "jaki był ten numer?", "pl"),
        ("tengo la piel muy mal estas semanas, qué me la puede calmar", "¿cuál era el número?", "es"),
    ],
)
async def test_the_number_asked_for_while_the_question_is_open_keeps_it_open(agent, merged_domain, code, again, lang):
    """ "What was the number again?" (intent ask_number, decided by words, signal none) runs
    action_repeat_number and keeps the discreet question open, so a "yes" after it goes on."""
    sender = new_sender()
    await say(agent, sender, code, persona=SHOP, lang=lang)
    await say(agent, sender, again, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "ask_number"
    assert await signal_of(agent, sender) == "none"
    assert await actions_since_last_message(agent, sender) == ["action_repeat_number", "action_remember_offer",
                                                               "action_listen"]
    replies = await say(agent, sender, {"en": "yes", "pl": "tak", "es": "sí"}[lang], persona=SHOP, lang=lang)
    assert replies == voice(merged_domain, "please_wait", lang)


@pytest.mark.parametrize(
    "code, repeat, lang",
    [
        ("my skin has been acting up badly, which of your things would calm it down?", "sorry can you repeat", "en"),
        ("moja skóra jest ostatnio w kiepskim stanie, co by ją uspokoiło?", "sorki, możesz powtórzyć?", "pl"),
        ("tengo la piel muy mal estas semanas, qué me la puede calmar", "perdona, ¿me lo repites?", "es"),
    ],
)
async def test_asking_to_repeat_the_question_says_it_again(agent, merged_domain, code, repeat, lang):
    """ "Sorry, can you repeat?" (ask_repeat; "sorry" made it the quiet line before) says the open
    question again, so the "yes" after it is its answer."""
    sender = new_sender()
    await say(agent, sender, code, persona=SHOP, lang=lang)
    replies = await say(agent, sender, repeat, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "ask_repeat"
    assert replies == voice(merged_domain, "confirm_help", lang)
    replies = await say(agent, sender, {"en": "yes", "pl": "tak", "es": "sí"}[lang], persona=SHOP, lang=lang)
    assert replies == voice(merged_domain, "help_accepted", lang)


@pytest.mark.parametrize(
    "code, later, lang",
    [
        ("my skin has been acting up badly, which of your things would calm it down?", "not now, maybe later", "en"),
        ("moja skóra jest ostatnio w kiepskim stanie, co by ją uspokoiło?", "nie teraz", "pl"),
        ("tengo la piel muy mal estas semanas, qué me la puede calmar", "ahora no", "es"),
    ],
)
async def test_putting_the_question_off_means_later(agent, merged_domain, code, later, lang):
    """"Not now" to the question: later (issue 10) → one cover line, no request, the offer kept;
    the signal stays the quiet one (the child cannot talk now)."""
    sender = new_sender()
    await say(agent, sender, code, persona=SHOP, lang=lang)
    replies = await say(agent, sender, later, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "not_now"
    assert await signal_of(agent, sender) == "not_safe"
    assert len(replies) == 1 and replies[0] in voice(merged_domain, "not_now", lang)
    assert await actions_since_last_message(agent, sender) == ["utter_not_now", "action_listen"]
    assert (await agent.tracker_store.retrieve(sender)).get_slot("offer_postponed") is True
    assert leaks(replies, lang) == {}


@pytest.mark.parametrize(
    "code, quiet, lang",
    [
        ("my skin has been acting up badly, which of your things would calm it down?", "gotta go lol", "en"),
        ("moja skóra jest ostatnio w kiepskim stanie, co by ją uspokoiło?", "sorki, nie teraz xd", "pl"),
        ("tengo la piel muy mal estas semanas, qué me la puede calmar", "me tengo que ir jaja", "es"),
    ],
)
async def test_covering_ones_tracks_after_the_question_stays_not_safe(agent, merged_domain, code, quiet, lang):
    """A coded "can't talk" that covers the child's tracks is not an answer: the quiet line, and
    nothing else is said; the question is only remembered (a silent slot action, so that "I'm
    back" / "yes" later goes straight on: tests/conversations, *-not-safe-then-back)."""
    sender = new_sender()
    await say(agent, sender, code, persona=SHOP, lang=lang)
    replies = await say(agent, sender, quiet, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "not_safe"
    assert len(replies) == 1 and replies[0] in voice(merged_domain, "not_safe", lang)
    assert await actions_since_last_message(agent, sender) == ["utter_not_safe", "action_remember_offer",
                                                               "action_listen"]


@pytest.mark.parametrize("no, lang", [("no", "en"), ("nie", "pl"), ("no gracias", "es")])
async def test_a_lone_no_outside_a_question_is_ordinary_talk(agent, merged_domain, no, lang):
    """The issue's own words (issue 14): a lone "no" is not a code; the cover answers it."""
    sender = new_sender()
    replies = await say(agent, sender, no, persona=SHOP, lang=lang)
    assert await signal_of(agent, sender) == "none"
    assert len(replies) == 1 and replies[0] in voice(merged_domain, "back_to_shop", lang)
    assert leaks(replies, lang) == {}


# --- peer_help ---------------------------------------------------------------------------------

PEER_HELP = [
    ("I want to get the chamomile cream for my sister, her skin has been really bad", "sure, go ahead", "en"),
    ("szukam prezentu dla przyjaciółki, ona ma problemy ze skórą, czy krem rumiankowy się nada?", "tak, poproszę", "pl"),
    ("quiero regalarle la crema de manzanilla a una compañera de clase que tiene problemas de piel", "sí, me encantaría", "es"),
]


@pytest.mark.parametrize("text, yes, lang", PEER_HELP)
async def test_cream_for_a_friend_is_peer_help_and_gets_the_discreet_question(agent, merged_domain, text, yes, lang):
    sender = new_sender()
    replies = await say(agent, sender, text, persona=SHOP, lang=lang)
    # coded peer help keeps its signal and is answered like a coded help request
    assert await signal_of(agent, sender) == "peer_help"
    assert await intent_of(agent, sender) == "help_request"
    assert replies[-1] in voice(merged_domain, "confirm_help", lang)
    accepted = await say(agent, sender, yes, persona=SHOP, lang=lang)
    assert accepted[0] in voice(merged_domain, "help_accepted", lang)
    assert "action_request_counselor" in await actions_since_last_message(agent, sender)


@pytest.mark.parametrize("text, yes, lang", PEER_HELP)
async def test_peer_help_is_answered_only_in_cover_voice(agent, merged_domain, text, yes, lang):
    replies = await say(agent, new_sender(), text, persona=SHOP, lang=lang)
    assert leaks(replies, lang) == {}
    assert replies == [replies[-1]] and replies[-1] in voice(merged_domain, "confirm_help", lang)


# --- urgent and visit_request: the emergency number at once ---------------------------------------

@pytest.mark.parametrize(
    "text, lang",
    [
        ("my skin is stinging and bleeding at this very moment", "en"),
        ("skóra mi teraz strasznie krwawi, szybko", "pl"),
        ("la piel me sangra en este momento, rápido por favor", "es"),
    ],
)
async def test_coded_urgent_gets_the_emergency_number_first_then_a_counselor(agent, merged_domain, text, lang):
    sender = new_sender()
    replies = await say(agent, sender, text, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "urgent"
    assert replies[0] in voice(merged_domain, "emergency", lang)
    assert "112" in replies[0]
    assert replies[1:] == [replies[1]] and replies[1] in voice(merged_domain, "counselor_urgent", lang)
    assert "action_request_counselor" in await actions_since_last_message(agent, sender)


@pytest.mark.parametrize(
    "text, lang, address, parts, number",
    [
        ("please send a chamomile cream to 17 Birch Avenue, Derby", "en", "17 Birch Avenue, Derby", ("Birch", "Derby"),
         "999"),  # the address's country (the UK), not the shop's (session 20)
        ("proszę wysłać krem rumiankowy na ul. Jesionowa 9/2, Kraków", "pl", "ul. Jesionowa 9/2, Kraków", ("Jesionowa", "9/2"),
         "112"),
        ("mandad la crema de manzanilla a Calle Almendro 23, 1ºB, Zaragoza", "es", "Calle Almendro 23, 1ºB, Zaragoza",
         ("Almendro", "Zaragoza"), "112"),
    ],
)
async def test_order_with_an_address_is_a_visit_request_recorded_never_repeated(
    agent, merged_domain, session_var, text, lang, address, parts, number
):
    sender = new_sender()
    replies = await say(agent, sender, text, persona=SHOP, lang=lang)
    tracker = await agent.tracker_store.retrieve(sender)
    assert tracker.latest_message.intent.get("name") == "visit_request"
    assert tracker.get_slot("address") == address
    said = variations(merged_domain, "utter_emergency", persona=SHOP, lang=lang, dial_first=tracker.get_slot("dial_first"))
    assert replies[0] in [t.replace("{emergency_number}", number) for t in said]
    assert number in replies[0]
    assert replies[1] in voice(merged_domain, "counselor_urgent", lang)
    assert len(replies) == 2
    for reply in replies:
        assert address not in reply
        assert not any(part.lower() in reply.lower() for part in parts)
    # recorded for the counselor, but only encrypted: the street is nowhere in the database file
    for stored in session_var.glob("agent.db*"):
        raw = stored.read_bytes()
        assert parts[0].encode() not in raw and address.encode() not in raw


# --- not_safe: one innocuous line, then silence ---------------------------------------------------

@pytest.mark.parametrize(
    "text, lang",
    [
        ("never mind, I'll sort it out another day", "en"),
        ("dobra nieważne, anulujcie to", "pl"),
        ("da igual, olvídalo, cancela el pedido", "es"),
    ],
)
async def test_not_safe_gets_exactly_one_innocuous_line(agent, merged_domain, text, lang):
    sender = new_sender()
    replies = await say(agent, sender, text, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "not_safe"
    assert len(replies) == 1 and replies[0] in voice(merged_domain, "not_safe", lang)
    assert leaks(replies, lang) == {}
    # and nothing more is scheduled: the bot only listens until the child writes again
    assert await actions_since_last_message(agent, sender) == ["utter_not_safe", "action_listen"]


# --- probing: the cover answer, always -------------------------------------------------------------

@pytest.mark.parametrize(
    "text, lang",
    [
        ("wait, is this actually a helpline?", "en"),
        ("ok but what is this place really", "en"),
        ("who are you guys, honestly?", "en"),
        ("czy to jakiś telefon zaufania?", "pl"),
        ("czym to jest naprawdę?", "pl"),
        ("kim wy właściwie jesteście?", "pl"),
        ("¿esto es una línea de ayuda?", "es"),
        ("¿qué es esto en realidad?", "es"),
        ("¿quiénes sois vosotros?", "es"),
    ],
)
async def test_probing_gets_the_cover_answer(agent, merged_domain, text, lang):
    sender = new_sender()
    replies = await say(agent, sender, text, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "probe"
    assert len(replies) == 1 and replies[0] in voice(merged_domain, "probe", lang)
    assert leaks(replies, lang) == {}


# --- plain language keeps its safety signal inside the persona --------------------------------------

@pytest.mark.parametrize(
    "text, lang",
    [
        ("my dad is drunk and trying to break into my room with a knife right now", "en"),
        ("ojczym właśnie rozwala drzwi do łazienki i krzyczy że mnie zabije", "pl"),
        ("mi padre está borracho y está rompiendo la puerta de mi cuarto ahora mismo", "es"),
    ],
)
async def test_imminent_danger_said_plainly_in_the_shop_gets_the_emergency_number_first(agent, merged_domain, text, lang):
    sender = new_sender()
    replies = await say(agent, sender, text, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "imminent_danger"
    assert replies[0] in voice(merged_domain, "emergency", lang)
    assert "112" in replies[0]
    # s35: in the shop's words from the first plainly told danger on (was the plain "get somewhere safe... a counselor")
    assert replies[1] in variations(merged_domain, "utter_ack_imminent_danger", persona=SHOP, lang=lang, voice="cover")
    assert "action_request_counselor" in await actions_since_last_message(agent, sender)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("my stepmum slaps me whenever I forget to do the dishes", "en"),
        ("ojczym bije mnie pasem jak dostanę złą ocenę", "pl"),
        ("mi madrastra me da bofetadas cuando no friego los platos", "es"),
    ],
)
async def test_abuse_said_plainly_in_the_shop_is_acknowledged_and_a_counselor_offered(agent, merged_domain, text, lang):
    sender = new_sender()
    replies = await say(agent, sender, text, persona=SHOP, lang=lang)
    assert await intent_of(agent, sender) == "abuse_disclosure"
    # s35: in the shop's words (was the plain "I believe you... a counselor, a real person")
    assert replies[0] in variations(merged_domain, "utter_ack_abuse_disclosure", persona=SHOP, lang=lang, voice="cover")
    assert replies[1] in voice(merged_domain, "offer_counselor", lang)
    # the offer is a question ("shall I pass you over?"): only a yes asks for a person (issue 10)
    assert await actions_since_last_message(agent, sender) == ["utter_ack_abuse_disclosure", "utter_offer_counselor", "action_listen"]


# --- one bot, several personas ---------------------------------------------------------------------

def every_confirmation(domain: Any) -> set[str]:
    return {v["text"] for v in domain.responses["utter_confirm_help"]}


@pytest.mark.parametrize(
    "text, lang",
    [
        ("hi, is the chamomile cream available in a bigger jar?", "en"),
        ("my skin has been acting up badly, which of your things would calm it down?", "en"),
    ],
)
async def test_a_shop_code_phrase_is_ordinary_talk_for_the_game_tips_bot(agent, merged_domain, text, lang):
    sender = new_sender()
    replies = await say(agent, sender, text, persona=GAMES, lang=lang)
    assert await intent_of(agent, sender) not in ("help_request", "urgent", "visit_request", "peer_help")
    assert not set(replies) & every_confirmation(merged_domain)
    assert replies == [replies[0]] and replies[0] in voice(merged_domain, "out_of_scope", lang, persona=GAMES)


@pytest.mark.parametrize(
    "text",
    ["got any walkthrough for the lantern quest?", "my home level boss keeps taking my hp"],
)
async def test_a_game_tips_code_phrase_is_ordinary_talk_in_the_shop(agent, merged_domain, text):
    sender = new_sender()
    replies = await say(agent, sender, text, persona=SHOP, lang="en")
    assert await intent_of(agent, sender) not in ("help_request", "urgent", "visit_request", "peer_help")
    assert not set(replies) & every_confirmation(merged_domain)
    assert replies == [replies[0]] and replies[0] in voice(merged_domain, "out_of_scope", "en")
    # ...while in its own persona the very same words are the code
    own = new_sender()
    coded = await say(agent, own, text, persona=GAMES, lang="en")
    assert await intent_of(agent, own) == "help_request"
    assert coded[-1] in voice(merged_domain, "confirm_help", "en", persona=GAMES)


async def test_each_persona_greets_in_its_own_voice(agent, merged_domain):
    shop = await say(agent, new_sender(), "hiya, good morning", persona=SHOP, lang="en")
    games = await say(agent, new_sender(), "hiya, good morning", persona=GAMES, lang="en")
    shop_greetings = voice(merged_domain, "greet", "en")
    games_greetings = voice(merged_domain, "greet", "en", persona=GAMES)
    assert not set(shop_greetings) & set(games_greetings)
    assert shop == [shop[0]] and shop[0] in shop_greetings
    assert games == [games[0]] and games[0] in games_greetings


# --- entities: duration and the alcohol risk flag ---------------------------------------------------

def entity_values(tracker: Any, name: str) -> list[str]:
    return [str(e.get("value")) for e in tracker.latest_message.entities if e.get("entity") == name]


@pytest.mark.parametrize(
    "text, lang, span",
    [
        ("my skin has been awful for about four months now", "en", "four months"),
        ("skóra jest zła już od pięciu miesięcy", "pl", "pięciu miesięcy"),
        ("tengo la piel fatal desde hace cuatro meses", "es", "cuatro meses"),
    ],
)
async def test_how_long_the_skin_problems_lasted_is_a_duration_entity(agent, merged_domain, text, lang, span):
    sender = new_sender()
    replies = await say(agent, sender, text, persona=SHOP, lang=lang)
    tracker = await agent.tracker_store.retrieve(sender)
    assert tracker.latest_message.intent.get("name") == "help_request"
    assert replies[0] in voice(merged_domain, "confirm_help", lang)
    assert any(span in value for value in entity_values(tracker, "duration"))
    assert span in (tracker.get_slot("duration") or "")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("my skin gets bad whenever my mum's boyfriend drinks", "en"),
        ("my skin flares up every time my stepdad gets wasted", "en"),
        ("skóra mi się psuje jak wujek pije", "pl"),
        pytest.param(
            "skóra mi się psuje, jak wujek się upije", "pl",
            
            id="pl-gets-drunk-upije",
        ),
        ("la piel se me pone fatal cuando mi tío bebe", "es"),
    ],
)
async def test_skin_that_reacts_to_alcohol_carries_the_alcohol_risk(agent, merged_domain, text, lang):
    sender = new_sender()
    replies = await say(agent, sender, text, persona=SHOP, lang=lang)
    tracker = await agent.tracker_store.retrieve(sender)
    assert tracker.latest_message.intent.get("name") == "help_request"
    assert replies[0] in voice(merged_domain, "confirm_help", lang)
    assert entity_values(tracker, "risk") == ["alcohol"]
    assert tracker.get_slot("risk") == "alcohol"


@pytest.mark.parametrize("text, lang, day", [("ok bye, see you", "en", "day"), ("pa pa, do zobaczenia", "pl", "dniu"), ("adiós, hasta luego", "es", "día")])
async def test_goodbye_tells_the_child_the_chat_is_tidied_away_automatically(agent, merged_domain, text, lang, day):
    """Telegram wipes a quiet chat after `auto_clean_hours` (24 h, under its 48-hour limit);
    at the end of a conversation the persona says so, in its own voice."""
    replies = await say(agent, new_sender(), text, persona=SHOP, lang=lang)
    assert replies[-1] in voice(merged_domain, "goodbye", lang)
    assert all(day in v for v in voice(merged_domain, "goodbye", lang))
