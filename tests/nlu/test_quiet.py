"""Quiet lines are not_safe whatever the classifier says (nlu/quiet.py, issue 13)."""
from __future__ import annotations

import pytest

from core import PROJECT_ROOT
from core.text import fold
from core.safety import made_of
from nlu.quiet import is_location_refusal, is_quiet_line, load_quiet_words, load_refusals, load_wipe_lines

WORDS = load_quiet_words(PROJECT_ROOT / "nlu" / "safety" / "cues.yml")


@pytest.mark.parametrize("text, lang", [
    ("sorry, wrong chat", "en"), ("Sorry wrong chat!!", None), ("never mind", "en"), ("cancel", "en"),
    ("cancel yesterday's order", "en"), ("oops wrong window", "en"),
    ("pomyłka, sorry", "pl"), ("nieważne", "pl"), ("sorki, zły czat", "pl"), ("anuluj zamówienie", "pl"),
    ("lo siento, me equivoqué de chat", "es"), ("olvídalo", "es"), ("perdón, no era para ti", "es"),
    ("hola, perdón, me he equivocado de chat", "es"),  # the s22 probe: the greeting won ("¿Qué tienes en mente?")
])
def test_quiet_lines(text: str, lang: str) -> None:
    assert is_quiet_line(fold(text), lang, WORDS)


@pytest.mark.parametrize("text, lang", [
    # taking back what was said, "wrong chat" with more words (brief fix-plain), written fresh
    ("forget everything i just said", "en"), ("ignore that, it was nothing, dont answer", "en"),
    ("nvm its nothing, you dont need to reply", "en"), ("sorry i didnt mean to send that", "en"),
    ("disregard my last message pls", "en"), ("zapomnij o tym co napisałam", "pl"),
    ("sorki, pomyliły mi się czaty", "pl"), ("przepraszam, to nie do ciebie, nie odpisuj", "pl"),
    ("olvida todo lo q te he contado", "es"), ("perdón, me he equivocado de conversación", "es"),
    ("nada, olvídalo, no me contestes", "es"), ("uy perdon era para otro chat jaja", "es"),
    ("sorki, zła zakładka", "pl"), ("uy, pestaña equivocada", "es"),  # a wrong tab, like "oops wrong window"
    # blind7: "only joking" was self_harm 0.54; "era mentira"; cancelling the persona's offer
    ("forget it, i was only joking", "en"), ("olvídalo, era mentira", "es"), ("cancel the coach pls", "en"),
    ("anuluj ten krem", "pl"),
])
def test_taking_back_what_was_said_is_a_quiet_line(text: str, lang: str) -> None:
    assert is_quiet_line(fold(text), lang, WORDS)


@pytest.mark.parametrize("text, lang", [
    ("pretend i never wrote that, my dad's here", "en"), ("pls pretend i didnt ask", "en"),
    ("udawaj ze nic nie pisalam", "pl"), ("skasuj to i udawaj ze nic nie bylo", "pl"),
    ("haz como si no hubiera dicho nada", "es"),
])
def test_pretend_i_never_wrote_it_is_a_quiet_line(text: str, lang: str) -> None:
    """Taking it back by pretending ("pretend i never wrote that", "udawaj że", "haz como si no
    hubiera…"): read as abuse or self-harm, such lines drew a plain safety reply."""
    assert is_quiet_line(fold(text), lang, WORDS)


@pytest.mark.parametrize("text, lang", [
    # forget it + it was nothing + delete it (brief fix-b2), written fresh: a delete word is a filler, so
    # it takes a quiet word with it ("delete my order" alone is not a quiet line)
    ("forget it, it was nothing, delete this", "en"), ("nvm it doesnt matter, erase that", "en"),
    ("ignore me, just being silly, delete it", "en"),
    ("olvídate, no era nada, bórralo", "es"), ("da igual, olvidalo, estoy bien", "es"),
    ("déjalo, era una tontería, elimina el mensaje", "es"), ("ignoradlo, no importa", "es"),
    ("niewazne, nic takiego, skasuj", "pl"), ("nie ważne, olej to, usuń wiadomość", "pl"),
    ("zapomnijcie, to była głupota, usuńcie to", "pl"), ("nieistotne, zapomnij", "pl"),
])
def test_forget_it_and_delete_it_is_a_quiet_line(text: str, lang: str) -> None:
    assert is_quiet_line(fold(text), lang, WORDS) or made_of(fold(text), lang, WIPE)


@pytest.mark.parametrize("text, lang", [
    # sweep s22 res, written fresh: cancelling with "anular" / plural commands, "mejor no"
    ("anulad la compra", "es"), ("cancelen la orden porfa", "es"), ("mejor no, olvídalo", "es"),
    ("anula todo", "es"),
])
def test_spanish_cancel_forms_are_quiet_lines(text: str, lang: str) -> None:
    assert is_quiet_line(fold(text), lang, WORDS)


@pytest.mark.parametrize("text, lang", [
    ("anulad la compra 55120", "es"), ("cancela, me pega", "es"), ("mejor la crema de manzanilla", "es"),
])
def test_a_cancel_with_an_order_number_a_disclosure_or_no_trigger_is_no_quiet_line(text: str, lang: str) -> None:
    assert not is_quiet_line(fold(text), lang, WORDS)


@pytest.mark.parametrize("text, lang", [
    ("delete my order", "en"), ("olvida, me pega", "es"), ("zapomnij, on mnie bije, usuń", "pl"),
    ("borra la foto que te mandé de mi herida", "es"),
])
def test_a_delete_word_alone_or_with_a_disclosure_is_no_quiet_line(text: str, lang: str) -> None:
    assert not is_quiet_line(fold(text), lang, WORDS)


@pytest.mark.parametrize("text, lang", [
    ("forget what i said about my stepdad", "en"), ("sorry, its nothing, he only hits me sometimes", "en"),
    ("no sorry", "en"),  # a "no" with an apology stays a "no" (the answer to a question)
    ("zapomnij co pisałam o wujku", "pl"), ("olvida lo que te dije de mi tío", "es"),
    ("pretend i never said he hits me", "en"), ("udawaj ze nie pisalam ze ojczym mnie bije", "pl"),
])
def test_taking_back_with_a_disclosure_or_a_plain_no_is_left_to_the_classifier(text: str, lang: str) -> None:
    assert not is_quiet_line(fold(text), lang, WORDS)


WIPE = load_wipe_lines(PROJECT_ROOT / "nlu" / "safety" / "cues.yml")


@pytest.mark.parametrize("text, lang, wipe", [
    ("delete this chat pls", "en", True), ("wipe everything quick", "en", True),
    ("clear the chat before anyone sees", "en", True), ("erase it all now", None, True),
    ("usuń całą rozmowę", "pl", True), ("skasuj to szybko", "pl", True),
    ("borra todo porfa", "es", True), ("bórralo ya", "es", True), ("elimina los mensajes", "es", True),
    ("no era nada, borra esto porfa", "es", True), ("nic nie było, usuń to", "pl", True),
    ("it was nothing, delete it", "en", True),
    ("how do i delete a chat on whatsapp", "en", False), ("he made me delete all our messages", "en", False),
    ("delete my order", "en", False), ("mama kazała mi usunąć zdjęcia", "pl", False),
    ("mi padre viene borracho", "es", False), ("borra la foto que te mandé de mi herida", "es", False),
])
def test_asking_to_wipe_the_chat(text: str, lang: str, wipe: bool) -> None:
    assert made_of(fold(text), lang, WIPE) is wipe


@pytest.mark.parametrize("text, lang", [
    ("ok", "en"), ("now", "en"), ("never mind, he is coming back", "en"), ("my dad hits me sorry", "en"),
    ("sorry I hurt myself", "en"), ("sorry, he has a knife", "en"), ("tata mnie bije, sorry", "pl"),
    ("perdón, mi padre me pega", "es"), ("", "en"),
    ("bye", "en"), ("adiós, hasta luego", "es"), ("pa, do zobaczenia", "pl"),  # goodbyes stay goodbyes
])
def test_anything_else_is_left_to_the_classifier(text: str, lang: str) -> None:
    assert not is_quiet_line(fold(text), lang, WORDS)


REFUSALS = load_refusals(PROJECT_ROOT / "nlu" / "safety" / "cues.yml")


@pytest.mark.parametrize("text, lang, refused", [
    ("I'd rather not say where I live", "en", True), ("not telling you that", None, True),
    ("wolę nie mówić, gdzie mieszkam", "pl", True), ("prefiero no decir dónde vivo", "es", True),
    ("I live in Leeds", "en", False), ("my dad says I can't go out", "en", False), ("nie wiem", "pl", False),
    ("i dont wanna say where i live", "en", True), ("not gonna say", "en", True),  # the s19 probe's gametips miss
    ("no quiero decirte donde vivo", "es", True), ("nie musisz wiedzieć gdzie", "pl", True),
    ("i'd rather not pay for shipping", "en", False), ("prefiero no pagar el envío", "es", False),
])
def test_location_refusals(text: str, lang: str, refused: bool) -> None:
    assert is_location_refusal(fold(text), lang, REFUSALS) is refused


def _decision(intent: str, signal: str, ranking: list[tuple[str, float, str]]) -> "Decision":
    from core.safety import Decision, Ranked

    ranked = tuple(Ranked(i, c, s) for i, c, s in ranking)
    return Decision(intent, ranked[0].confidence, ranked[0].source, signal, False, ranked)


@pytest.mark.parametrize("intent, signal, ranking, expected", [
    # the persona's code, its quiet line, a plain reading answered in cover: the chat goes into cover voice
    ("help_request", "help_request", [("help_request", .9, "rumianek__help_request")], True),
    ("urgent", "urgent", [("urgent", .8, "rumianek__urgent")], True),
    ("not_safe", "not_safe", [("not_safe", .9, "rumianek__not_safe")], True),
    ("help_request", "distress", [("distress", .4, "distress")], True),
    ("imminent_danger", "imminent_danger", [("imminent_danger", .66, "imminent_danger"),
                                            ("urgent", .29, "rumianek__urgent")], True),
    # said plainly, no code word (s35): the persona's voice too, never "a counselor, a real person" in the shop
    ("abuse_disclosure", "abuse_disclosure", [("abuse_disclosure", 1.0, "abuse_disclosure")], True),
    ("abuse_disclosure", "abuse_disclosure", [("abuse_disclosure", .9, "abuse_disclosure"),
                                              ("help_request", .08, "rumianek__help_request")], True),
    ("peer_help", "peer_help", [("peer_help", .98, "peer_help")], True),
    ("peer_help_urgent", "peer_help", [("peer_help", .9, "peer_help")], True),
    ("ask_human", "ask_human", [("ask_human", .8, "ask_human")], True),
    ("inform_location", "abuse_disclosure", [("abuse_disclosure", .9, "abuse_disclosure")], True),
    # ordinary talk naming a product is no cover (nothing to acknowledge)
    ("rumianek__ask_price", "none", [("rumianek__ask_price", .9, "rumianek__ask_price")], False),
    ("greet", "none", [("greet", .9, "greet")], False),
])
def test_what_puts_a_chat_into_cover_voice(intent: str, signal: str, ranking: list, expected: bool) -> None:
    from nlu.quiet import goes_into_cover

    assert goes_into_cover(_decision(intent, signal, ranking), "rumianek") is expected


def test_the_plain_bot_never_goes_into_cover_voice() -> None:
    from nlu.quiet import goes_into_cover

    for decision in (_decision("not_safe", "not_safe", [("not_safe", .9, "not_safe")]),
                     _decision("abuse_disclosure", "abuse_disclosure", [("abuse_disclosure", 1.0, "abuse_disclosure")])):
        assert not goes_into_cover(decision, "plain")
