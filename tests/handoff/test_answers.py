"""Every question on the way to a person has handled answers, in every persona and language
(trained model, handoff hooks installed, action server stopped): "shall I pass you over?" →
yes queues / no stays with the shop / unclear is asked again once, then a cover line / a new
disclosure or urgent message wins; "is it a good moment?" → yes / no; a lone "no" outside a
question is ordinary talk. When nobody is on duty and signed in, the promise becomes "nobody now,
back at …" in the persona's voice with the referral and, when urgent, the emergency number."""
from __future__ import annotations

import uuid
from typing import Any

import pytest

from bot.handoff import bot_side, gate, service
from bot.handoff.model import Actor, Context
from tests.conftest import variations
from tests.handoff.test_bot_side import anna, bot, ctx, say, store  # noqa: F401 - fixtures

pytestmark = pytest.mark.asyncio

#: (persona, lang): disclosure, yes, no, unclear, urgent
LINES = {
    ("rumianek", "en"): ("my stepdad hits me when mum is at work", "yes please", "no thanks", "hmm ok whatever idk",
                         "can you send the chamomile cream today, my skin is burning"),
    ("rumianek", "pl"): ("ojczym mnie bije jak mama jest w pracy", "tak", "nie, dziękuję", "mój kot właśnie zrzucił kwiatka z parapetu xd",
                         "czy możecie wysłać krem rumiankowy dzisiaj, skóra mnie strasznie piecze"),
    ("rumianek", "es"): ("mi padrastro me pega cuando mi madre no está", "sí, por favor", "no, gracias", "mi gato acaba de tirar una maceta jajaja",
                         "podéis enviar la crema de manzanilla hoy, la piel me arde muchísimo"),
    ("gametips", "en"): ("my stepdad hits me when mum is at work", "yes please", "no thanks", "hmm ok whatever idk",
                         "he has a knife and he is coming to my room now"),
    ("plain", "en"): ("my stepdad hits me when mum is at work", "yes please", "no thanks", "hmm ok whatever idk",
                      "he has a knife and he is coming to my room now"),
    ("plain", "pl"): ("ojczym mnie bije jak mama jest w pracy", "tak", "nie, dziękuję", "mój kot właśnie zrzucił kwiatka z parapetu xd",
                      "on ma nóż i idzie teraz do mojego pokoju"),
    ("plain", "es"): ("mi padrastro me pega cuando mi madre no está", "sí, por favor", "no, gracias", "mi gato acaba de tirar una maceta jajaja",
                      "tiene un cuchillo y viene ahora a mi cuarto"),
}
CASES = [pytest.param(p, lang, id=f"{p}-{lang}") for p, lang in LINES]
#: (persona, lang): "not now", something else in between, "now I can"
LATER = {
    ("rumianek", "en"): ("not now", "how much is the lavender soap?", "ok now I can talk"),
    ("rumianek", "pl"): ("nie teraz, może później", "ile kosztuje mydło lawendowe?", "teraz już mogę"),
    ("rumianek", "es"): ("ahora no", "¿cuánto cuesta el jabón de lavanda?", "ya puedo"),
    ("gametips", "en"): ("maybe later", "hey", "I'm back"),
    ("plain", "en"): ("not now", "hi", "now I can"),
    ("plain", "pl"): ("nie teraz", "cześć", "teraz mogę"),
    ("plain", "es"): ("ahora no", "hola", "ahora puedo"),
}

#: (persona, lang): small talk of a child who waits for a person, then what the classifier takes
#: for the shop's talk (a question about the wait, a cover question) and "what happens now?"
WAITING = {
    ("rumianek", "en"): ("hello??", "thanks", "how long will it take", "what happens now?"),
    ("rumianek", "pl"): ("halo??", "dzięki", "ile kosztuje wysyłka?", "co teraz?"),
    ("rumianek", "es"): ("hola??", "gracias", "¿cuánto cuesta el envío?", "¿y ahora qué pasa?"),
    ("gametips", "en"): ("hey??", "thx", "any tips for fortnite?", "what now"),
    ("plain", "en"): ("hello?", "thank you", "ok", "what happens now?"),
    ("plain", "pl"): ("cześć?", "dziękuję", "dobra", "co teraz?"),
    ("plain", "es"): ("hola?", "gracias", "vale", "¿y ahora qué?"),
}


def new_sender() -> str:
    return "web_" + uuid.uuid4().hex


def voice(bot: Any, key: str, persona: str, lang: str) -> list[str]:
    return variations(bot.domain, f"utter_{key}", persona=persona, lang=lang)


@pytest.mark.parametrize("persona,lang", CASES)
async def test_yes_to_the_offer_queues_and_promises(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    disclosure, yes, *_ = LINES[(persona, lang)]
    sender = new_sender()
    first, _ = await say(bot, ctx, sender, disclosure, persona, lang)
    assert first[-1] in voice(bot, "offer_counselor", persona, lang)  # the question
    assert bot_side.state_of(ctx, sender) == "bot"  # a question is not a request
    replies, out = await say(bot, ctx, sender, yes, persona, lang)
    assert replies == voice(bot, "please_wait", persona, lang)  # not "I didn't understand"
    assert ("utter_please_wait", "waiting") in out.states  # queued before it was said


@pytest.mark.parametrize("persona,lang", CASES)
async def test_no_to_the_offer_stays_with_the_shop(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    disclosure, _, no, *_ = LINES[(persona, lang)]
    sender = new_sender()
    await say(bot, ctx, sender, disclosure, persona, lang)
    replies, _ = await say(bot, ctx, sender, no, persona, lang)
    # plain: "no" → back to ordinary talk; in a persona "no" is its quiet line (core.safety)
    allowed = voice(bot, "back_to_shop", persona, lang) + voice(bot, "not_safe", persona, lang)
    assert len(replies) == 1 and replies[0] in allowed
    assert bot_side.state_of(ctx, sender) == "bot"


@pytest.mark.parametrize("persona,lang", CASES)
async def test_unclear_is_asked_again_once_then_a_cover_line(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    disclosure, yes, _, unclear, _ = LINES[(persona, lang)]
    sender = new_sender()
    await say(bot, ctx, sender, disclosure, persona, lang)
    again, _ = await say(bot, ctx, sender, unclear, persona, lang)
    assert again == voice(bot, "ask_again", persona, lang)
    cover, _ = await say(bot, ctx, sender, unclear, persona, lang)
    assert cover == voice(bot, "back_to_shop", persona, lang)
    assert bot_side.state_of(ctx, sender) == "bot"
    # and a yes after the second question still works
    sender = new_sender()
    await say(bot, ctx, sender, disclosure, persona, lang)
    await say(bot, ctx, sender, unclear, persona, lang)
    replies, _ = await say(bot, ctx, sender, yes, persona, lang)
    assert replies == voice(bot, "please_wait", persona, lang)
    assert bot_side.state_of(ctx, sender) == "waiting"


@pytest.mark.parametrize("persona,lang", CASES)
async def test_not_now_means_later_and_the_offer_is_kept(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    """"Not now" to "shall I pass you over?": a cover line, no queue entry; a later "now I can",
    after other talk, goes straight on (queued before the promise is said)."""
    disclosure, *_ = LINES[(persona, lang)]
    later, between, resume = LATER[(persona, lang)]
    sender = new_sender()
    await say(bot, ctx, sender, disclosure, persona, lang)
    replies, out = await say(bot, ctx, sender, later, persona, lang)
    assert replies == voice(bot, "not_now", persona, lang)
    assert [a for a, _ in out.states] == ["utter_not_now"]
    assert bot_side.state_of(ctx, sender) == "bot"  # later is not a request
    await say(bot, ctx, sender, between, persona, lang)
    assert bot_side.state_of(ctx, sender) == "bot"
    replies, out = await say(bot, ctx, sender, resume, persona, lang)
    assert replies == voice(bot, "please_wait", persona, lang)
    assert ("utter_please_wait", "waiting") in out.states


@pytest.mark.parametrize("persona,lang", CASES)
async def test_not_now_while_waiting_leaves_the_queue_until_now_i_can(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    """Queued after "yes", then "not now" to "is it a good moment?"-like follow-up: nobody may
    write now, so the conversation leaves the queue (event ``left``, reason ``later``); "now I
    can" queues it again. An urgent conversation is never taken out."""
    disclosure, yes, *_, urgent = LINES[(persona, lang)]
    later, _, resume = LATER[(persona, lang)]
    sender = new_sender()
    await say(bot, ctx, sender, disclosure, persona, lang)
    await say(bot, ctx, sender, yes, persona, lang)
    assert bot_side.state_of(ctx, sender) == "waiting"
    replies, _ = await say(bot, ctx, sender, later, persona, lang)
    assert replies == voice(bot, "not_now", persona, lang)
    assert bot_side.state_of(ctx, sender) == "bot"
    left = [e for e in service.events_since(ctx) if e.conversation_id == sender and e.kind == "left"]
    assert [e.detail.get("reason") for e in left] == ["later"]
    replies, out = await say(bot, ctx, sender, resume, persona, lang)
    assert replies == voice(bot, "please_wait", persona, lang)
    assert ("utter_please_wait", "waiting") in out.states
    # urgent: queued at once, and a later "not now" does not take it out
    sender = new_sender()
    await say(bot, ctx, sender, urgent, persona, lang)
    assert bot_side.state_of(ctx, sender) == "waiting"
    assert bot_side.put_off(ctx, sender) is False
    assert bot_side.state_of(ctx, sender) == "waiting"


@pytest.mark.parametrize("persona,lang", CASES)
async def test_an_urgent_message_wins_over_the_answer(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    disclosure, *_, urgent = LINES[(persona, lang)]
    sender = new_sender()
    await say(bot, ctx, sender, disclosure, persona, lang)
    replies, out = await say(bot, ctx, sender, urgent, persona, lang)
    assert replies[0] in voice(bot, "emergency", persona, lang)
    assert bot_side.state_of(ctx, sender) == "waiting"
    assert [e for e in out.states if e[0] == "utter_emergency"] == [("utter_emergency", "bot")]


@pytest.mark.parametrize("persona,lang", [pytest.param("plain", lang, id=lang) for lang in ("en", "pl", "es")])
async def test_a_lone_no_is_ordinary_talk(bot: Any, ctx: Context, persona: str, lang: str) -> None:  # noqa: F811
    no = LINES[(persona, lang)][2]
    replies, out = await say(bot, ctx, new_sender(), no, persona, lang)
    assert replies == voice(bot, "back_to_shop", persona, lang)
    assert [a for a, _ in out.states] == ["utter_back_to_shop"]  # not the quiet line (no chat clean-up)


@pytest.mark.parametrize("persona,lang", [("rumianek", "pl"), ("rumianek", "en"), ("plain", "es")])
async def test_nobody_on_duty_says_when_someone_is_back_with_referral(bot: Any, ctx: Context, persona: str, lang: str) -> None:  # noqa: F811
    """No account on duty and signed in: still queued, but no false promise."""
    from bot.console import accounts
    from bot.console.context import Console

    console = Console(ctx.storage)
    account, _ = accounts.add_account(console, "olga", "counselor", actor="test")
    accounts.set_duty_hours(console, account.id, "Mo-Su 03:00-03:01", "Europe/Warsaw", actor="test")  # not signed in
    disclosure, yes, *_, urgent = LINES[(persona, lang)]
    sender = new_sender()
    await say(bot, ctx, sender, disclosure, persona, lang)
    replies, out = await say(bot, ctx, sender, yes, persona, lang)
    assert bot_side.state_of(ctx, sender) == "waiting"
    assert [a for a, _ in out.states] == [gate.NOBODY]
    said = "\n\n".join(replies)  # the channel sends the paragraphs as separate messages
    assert said not in voice(bot, "please_wait", persona, lang)
    assert "03:00" in said  # back at the next shift, in the persona's country's time
    if persona != "plain":
        assert "116 111" in said or "0800 1111" in said  # the referral of the persona's country
    urgent_replies, _ = await say(bot, ctx, new_sender(), urgent, persona, lang)
    assert any("112" in r or "999" in r or "911" in r for r in urgent_replies)


#: lang: a bare "no", "what was the number again?"
NO_AND_NUMBER = {"en": ("no", "what was the number again?"), "pl": ("nie", "jaki był ten numer?"),
                 "es": ("no", "¿me repites el número?")}


@pytest.mark.parametrize("persona,lang", CASES)
async def test_no_once_a_person_was_promised_means_not_now_and_leaves_the_queue(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    """ "No" to "someone will be with you shortly" (or "is now a good moment?", the same step) used to
    get the shop's cover line and stay queued: a person would write to a child who said no. Now it is
    not now: the persona's not_now line, the conversation leaves the queue (event ``left``, reason
    ``later``), and a later "yes" queues it again — also after a second "yes" (please_wait said)."""
    disclosure, yes, *_ = LINES[(persona, lang)]
    no, _ = NO_AND_NUMBER[lang]
    for yeses in (1, 2):
        sender = new_sender()
        await say(bot, ctx, sender, disclosure, persona, lang)
        for _ in range(yeses):
            replies, _ = await say(bot, ctx, sender, yes, persona, lang)
            assert replies == voice(bot, "please_wait", persona, lang)
        assert bot_side.state_of(ctx, sender) == "waiting"
        replies, out = await say(bot, ctx, sender, no, persona, lang)
        assert replies == voice(bot, "not_now", persona, lang), yeses
        assert bot_side.state_of(ctx, sender) == "bot"
        left = [e for e in service.events_since(ctx) if e.conversation_id == sender and e.kind == "left"]
        assert [e.detail.get("reason") for e in left] == ["later"]
        replies, out = await say(bot, ctx, sender, yes, persona, lang)
        assert replies == voice(bot, "please_wait", persona, lang)
        assert ("utter_please_wait", "waiting") in out.states


@pytest.mark.parametrize("persona,lang", CASES)
async def test_yes_right_after_no_asks_the_offer_again(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    """Changing one's mind: "no" to the offer, then "yes" — the offer is asked again (not a lone yes
    the bot does not understand), and a yes then queues. No action server: the rule reads that
    action_remember_declined ran, which Rasa logs also when the action server is down."""
    disclosure, yes, *_ = LINES[(persona, lang)]
    no, _ = NO_AND_NUMBER[lang]
    sender = new_sender()
    await say(bot, ctx, sender, disclosure, persona, lang)
    replies, _ = await say(bot, ctx, sender, no, persona, lang)
    assert replies == voice(bot, "back_to_shop", persona, lang)
    replies, _ = await say(bot, ctx, sender, yes, persona, lang)
    # s34: asked again in the offer's words, not "sorry, I didn't understand" (bot/changed_mind.py)
    assert replies == voice(bot, "offer_counselor", persona, lang)
    assert bot_side.state_of(ctx, sender) == "bot"
    replies, out = await say(bot, ctx, sender, yes, persona, lang)
    assert replies == voice(bot, "please_wait", persona, lang)
    assert ("utter_please_wait", "waiting") in out.states


@pytest.mark.parametrize("persona,lang", CASES)
async def test_the_number_again_without_the_action_server(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    """The action server is down (this stack has none): "what was the number again?" still gets the
    emergency line it was given, said by the Rasa process (bot/offline_actions.py), and with no number
    given the persona's no_number line — never silence."""
    *_, urgent = LINES[(persona, lang)]
    _, number = NO_AND_NUMBER[lang]
    replies, _ = await say(bot, ctx, new_sender(), number, persona, lang)
    assert replies == voice(bot, "no_number", persona, lang)
    sender = new_sender()
    first, _ = await say(bot, ctx, sender, urgent, persona, lang)
    emergency = [r for r in first if r in voice(bot, "emergency", persona, lang)]
    assert len(emergency) == 1
    replies, out = await say(bot, ctx, sender, number, persona, lang)
    assert replies == emergency
    assert [a for a, _ in out.states] == ["None"]  # said as text: not a promise, no queue step


@pytest.mark.parametrize("persona,lang", CASES)
async def test_small_talk_while_waiting_gets_the_promise_again(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    """"hello??", "thanks", a shop question or "what happens now?" from a child who waits for a
    person: the promise again, still queued (not the shop's greeting, delivery times or menu as if
    the request were forgotten — the s19b probe); before the request it is ordinary talk."""
    disclosure, yes, *_ = LINES[(persona, lang)]
    sender = new_sender()
    lines = WAITING[(persona, lang)]
    for text in lines:
        before, _ = await say(bot, ctx, sender, text, persona, lang)
        assert before != voice(bot, "please_wait", persona, lang), text
    await say(bot, ctx, sender, disclosure, persona, lang)
    await say(bot, ctx, sender, yes, persona, lang)
    assert bot_side.state_of(ctx, sender) == "waiting"
    for text in lines:
        replies, out = await say(bot, ctx, sender, text, persona, lang)
        assert replies == voice(bot, "please_wait", persona, lang), text
        assert [a for a, _ in out.states] == ["utter_please_wait"]
        assert bot_side.state_of(ctx, sender) == "waiting"


@pytest.mark.parametrize("persona,lang", [("rumianek", "pl"), ("plain", "en")])
async def test_small_talk_while_waiting_and_nobody_on_duty_says_when(bot: Any, ctx: Context, persona: str, lang: str) -> None:  # noqa: F811
    from bot.console import accounts
    from bot.console.context import Console

    console = Console(ctx.storage)
    account, _ = accounts.add_account(console, "piotr", "counselor", actor="test")
    accounts.set_duty_hours(console, account.id, "Mo-Su 03:00-03:01", "Europe/Warsaw", actor="test")
    disclosure, yes, *_ = LINES[(persona, lang)]
    sender = new_sender()
    await say(bot, ctx, sender, disclosure, persona, lang)
    await say(bot, ctx, sender, yes, persona, lang)
    replies, out = await say(bot, ctx, sender, WAITING[(persona, lang)][0], persona, lang)
    assert [a for a, _ in out.states] == [gate.NOBODY]
    assert "03:00" in "\n\n".join(replies)
    assert bot_side.state_of(ctx, sender) == "waiting"


@pytest.mark.parametrize("persona,lang,cant", [("plain", "en", "i cant call anyone, he would hear me"),
                                               ("rumianek", "pl", "nie mogę zadzwonić, usłyszy mnie"),
                                               ("plain", "es", "no puedo llamar, me oiría")])
async def test_a_child_who_cannot_call_is_written_to_here(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str, cant: str) -> None:  # noqa: F811
    """After the offer: "I can't call" queues with the promise; after the emergency reply it is the
    promise again, never "call 112" once more, and the conversation stays queued as urgent."""
    disclosure, *_, urgent = LINES[(persona, lang)]
    sender = new_sender()
    await say(bot, ctx, sender, disclosure, persona, lang)
    replies, out = await say(bot, ctx, sender, cant, persona, lang)
    assert replies == voice(bot, "please_wait", persona, lang)
    assert ("utter_please_wait", "waiting") in out.states
    sender = new_sender()
    first, _ = await say(bot, ctx, sender, urgent, persona, lang)
    assert any("112" in r for r in first)
    replies, _ = await say(bot, ctx, sender, cant, persona, lang)
    assert replies == voice(bot, "please_wait", persona, lang) and not any("112" in r for r in replies)
    assert bot_side.state_of(ctx, sender) == "waiting"
    assert service.entry(ctx, anna, sender).urgent


#: (persona, lang): a line that breaks the offer off (the quiet line), other talk, a "yes" later
BROKEN_OFF = {
    ("rumianek", "en"): ("oops wrong chat sorry", "how much is the lavender soap?", "yes please"),
    ("rumianek", "pl"): ("sorry, pomyłka", "ile kosztuje mydło lawendowe?", "tak"),
    ("rumianek", "es"): ("uy, perdón, me equivoqué", "¿cuánto cuesta el jabón de lavanda?", "sí, por favor"),
    ("gametips", "en"): ("oops wrong chat", "hey", "yes please"),
    ("plain", "en"): ("sorry wrong chat", "hi", "yes please"),
    ("plain", "pl"): ("sorki, pomyłka", "cześć", "tak"),
    ("plain", "es"): ("perdón, me equivoqué de chat", "hola", "sí, por favor"),
}
#: lang: "will you tell my parents?", "is it free?"
PRIVACY_AND_COST = {"en": ("will you tell my parents?", "is it free?"),
                    "pl": ("czy powiecie moim rodzicom?", "czy to jest darmowe?"),
                    "es": ("¿se lo vais a decir a mis padres?", "¿es gratis?")}


@pytest.mark.parametrize("persona,lang", CASES)
async def test_yes_after_other_talk_resumes_an_offer_broken_off_without_the_action_server(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    """The offer broken off with the quiet line ("sorry, wrong chat": action_remember_offer), other
    talk, then "yes": the offer goes on. The action server is down (this stack has none), so the
    slot offer_postponed is set by the Rasa process (bot/offline_actions.py); before, only a "yes" in
    the very next message went on."""
    disclosure, *_ = LINES[(persona, lang)]
    quiet, between, yes = BROKEN_OFF[(persona, lang)]
    sender = new_sender()
    await say(bot, ctx, sender, disclosure, persona, lang)
    replies, _ = await say(bot, ctx, sender, quiet, persona, lang)
    assert replies == voice(bot, "not_safe", persona, lang)
    await say(bot, ctx, sender, between, persona, lang)
    assert bot_side.state_of(ctx, sender) == "bot"
    replies, out = await say(bot, ctx, sender, yes, persona, lang)
    assert replies == voice(bot, "please_wait", persona, lang)
    assert ("utter_please_wait", "waiting") in out.states


@pytest.mark.parametrize("persona,lang", CASES)
async def test_privacy_and_cost_are_answered_and_the_offer_goes_on(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    """ "Will you tell my parents?" and "is it free?" while "shall I pass you over?" is open: the
    persona's privacy / cost_here line, then the offer again (no number was given: never "it's
    free"); a "yes" then queues. Without the action server the cost line is said by the Rasa process."""
    disclosure, yes, *_ = LINES[(persona, lang)]
    privacy, cost = PRIVACY_AND_COST[lang]
    sender = new_sender()
    await say(bot, ctx, sender, disclosure, persona, lang)
    replies, _ = await say(bot, ctx, sender, privacy, persona, lang)
    assert replies == voice(bot, "privacy", persona, lang) + voice(bot, "offer_counselor", persona, lang)
    replies, _ = await say(bot, ctx, sender, cost, persona, lang)
    assert replies == voice(bot, "cost_here", persona, lang) + voice(bot, "offer_counselor", persona, lang)
    assert bot_side.state_of(ctx, sender) == "bot"
    replies, out = await say(bot, ctx, sender, yes, persona, lang)
    assert replies == voice(bot, "please_wait", persona, lang)
    assert ("utter_please_wait", "waiting") in out.states


@pytest.mark.parametrize("persona,lang", CASES)
async def test_the_emergency_number_is_free_without_the_action_server(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    """After the emergency reply, "is it free?" gets cost_free (the emergency number costs nothing),
    said by the Rasa process with the action server down; the conversation stays queued."""
    *_, urgent = LINES[(persona, lang)]
    _, cost = PRIVACY_AND_COST[lang]
    sender = new_sender()
    await say(bot, ctx, sender, urgent, persona, lang)
    replies, _ = await say(bot, ctx, sender, cost, persona, lang)
    assert replies == voice(bot, "cost_free", persona, lang)
    assert bot_side.state_of(ctx, sender) == "waiting"


@pytest.mark.parametrize("persona,lang", CASES)
async def test_a_new_disclosure_while_waiting_is_acknowledged_and_promised(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    """A child who already waits for a person and writes more (the s20 probe: "co mam robić?" read as
    distress after the urgent reply) gets the acknowledgement and the promise, not "shall I pass you
    over?" again; before the request the offer is asked."""
    disclosure, yes, *_ = LINES[(persona, lang)]
    sender = new_sender()
    first, _ = await say(bot, ctx, sender, disclosure, persona, lang)
    assert first[-1] in voice(bot, "offer_counselor", persona, lang)
    await say(bot, ctx, sender, yes, persona, lang)
    assert bot_side.state_of(ctx, sender) == "waiting"
    again, out = await say(bot, ctx, sender, disclosure, persona, lang)
    assert again[-1] in voice(bot, "please_wait", persona, lang)
    assert not set(again) & set(voice(bot, "offer_counselor", persona, lang))
    assert [a for a, _ in out.states][-1] == "utter_please_wait"
    assert bot_side.state_of(ctx, sender) == "waiting"


@pytest.mark.parametrize("persona,lang", CASES)
async def test_no_after_a_new_disclosure_while_waiting_is_not_now(bot: Any, ctx: Context, anna: Actor, persona: str, lang: str) -> None:  # noqa: F811
    """A waiting child writes more (the offer of a person is said as the promise), then "no" ("nie chcę",
    the s21 probe): the dialogue took it for a no to the offer and answered with the shop, which the
    gate turned into the promise again — a person would write to a child who said no. Now it is not
    now, as a "no" to the promise itself: the not_now line, the conversation leaves the queue (reason
    ``later``), and "yes" after it goes on again."""
    disclosure, yes, *_ = LINES[(persona, lang)]
    no, _ = NO_AND_NUMBER[lang]
    sender = new_sender()
    await say(bot, ctx, sender, disclosure, persona, lang)
    await say(bot, ctx, sender, yes, persona, lang)
    again, _ = await say(bot, ctx, sender, disclosure, persona, lang)
    assert again[-1] in voice(bot, "please_wait", persona, lang)
    replies, _ = await say(bot, ctx, sender, no, persona, lang)
    assert replies == voice(bot, "not_now", persona, lang)
    assert bot_side.state_of(ctx, sender) == "bot"
    left = [e for e in service.events_since(ctx) if e.conversation_id == sender and e.kind == "left"]
    assert [e.detail.get("reason") for e in left] == ["later"]
    for _ in range(2):  # asked again (a yes right after a no), then queued
        replies, out = await say(bot, ctx, sender, yes, persona, lang)
        if replies == voice(bot, "please_wait", persona, lang):
            break
    assert ("utter_please_wait", "waiting") in out.states


@pytest.mark.parametrize("persona,lang", [("plain", "en"), ("rumianek", "pl")])
async def test_a_lone_no_outside_the_queue_is_still_ordinary_talk(bot: Any, ctx: Context, persona: str, lang: str) -> None:  # noqa: F811
    """The not-now reading is for a waiting child only: a "no" before any request stays the shop's line."""
    no, _ = NO_AND_NUMBER[lang]
    replies, _ = await say(bot, ctx, new_sender(), no, persona, lang)
    assert replies == voice(bot, "back_to_shop", persona, lang)


@pytest.mark.parametrize("text, leaves", [
    ("no", True), ("nie", True), ("No.", True), ("nie chcę", True), ("jednak nie chcę, zmieniłam zdanie", True),
    ("no quiero", True), ("i dont want it anymore", True),
    # read as "no" but not a refusal: the promise stands (the review of s22)
    ("no im still here", False), ("no, nadie ha venido", False), ("nie, nikt nie przyszedł", False),
])
def test_only_a_bare_no_or_not_wanting_takes_a_waiting_child_out_of_the_queue(text: str, leaves: bool) -> None:
    from bot.handoff.gate import _says_not_wanting
    from core.text import fold

    assert _says_not_wanting(fold(text)) is leaves
