"""nlu.components.persona.PersonaContext._process_one on synthetic rankings (no trained model):
what the dialogue sees — intent, signal, urgent, entities — for the paths through it (the
decision itself is core.safety.decide, unit-tested in tests/core/test_safety.py)."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, METADATA, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen


def test_a_coded_help_request_is_renamed_and_its_duration_found(component: PersonaContext) -> None:
    assert seen(component, "my skin has been itchy for two weeks", [("rumianek__help_request", 0.8), ("greet", 0.2)], "en") == (
        "help_request", "help_request", False,
        [("lang", "en"), ("persona", "rumianek"), ("voice", "cover"), ("duration", "for two weeks")])


@pytest.mark.parametrize("text, ranking, persona, cover", [
    # the code answered: from now on harm said plainly is acknowledged in the persona's words
    ("chamomile cream pls", [("rumianek__help_request", 0.9), ("greet", 0.1)], "rumianek", True),
    ("sorry wrong chat", [("rumianek__not_safe", 0.9), ("greet", 0.1)], "rumianek", True),
    # the code's product named with harm said plainly (abuse .92): this very reply is in cover voice
    ("chamomile cream, my stepdad hits me", [("abuse_disclosure", 0.92), ("rumianek__help_request", 0.08)],
     "rumianek", True),
    # said plainly without the code: in the persona's words too (s35, cover-s35: docs/design.md "answered in the persona's
    # voice"; it drew the plain acknowledgement); ordinary talk; the plain bot
    ("my stepdad hits me when my mum is at work", [("abuse_disclosure", 0.99), ("greet", 0.01)], "rumianek", True),
    ("how much is the chamomile cream", [("rumianek__ask_price", 0.9), ("greet", 0.1)], "rumianek", False),
    ("sorry wrong chat", [("not_safe", 0.9), ("greet", 0.1)], "plain", False),
])
def test_the_code_puts_the_chat_into_cover_voice(component: PersonaContext, text: str, ranking: list,
                                                 persona: str, cover: bool) -> None:
    entities = seen(component, text, ranking, "en", persona=persona)[3]
    assert (("voice", "cover") in entities) is cover


def test_a_persona_the_model_does_not_know_is_the_plain_bot(component: PersonaContext) -> None:
    intent, signal, _, entities = seen(component, "my skin has been itchy for two weeks",
                                       [("rumianek__help_request", 0.8), ("greet", 0.2)], "en", persona="bakery")
    assert (intent, signal) == ("out_of_scope", "none") and ("persona", "plain") in entities


def test_another_personas_talk_is_out_of_scope(component: PersonaContext) -> None:
    assert seen(component, "how do I pass level 3", [("gametips__ask_level", 0.8), ("greet", 0.2)], "en")[:2] == (
        "out_of_scope", "none")


def test_a_visit_request_is_urgent_and_keeps_the_whole_address(component: PersonaContext) -> None:
    intent, signal, urgent, entities = seen(component, "please send the cream to ul. Długa 5, Kraków",
                                            [("rumianek__visit_request", 0.9), ("greet", 0.1)], "pl")
    assert (intent, signal, urgent) == ("visit_request", "visit_request", True)
    assert ("address", "ul. Długa 5, Kraków") in entities


def test_a_quiet_line_is_not_safe_even_when_ranked_as_help(component: PersonaContext) -> None:
    assert seen(component, "sorry wrong chat", [("rumianek__help_request", 0.6), ("greet", 0.4)], "en")[:3] == (
        "not_safe", "not_safe", False)


@pytest.mark.parametrize("text, lang", [("sorry im back", "en"), ("sorki, już jestem", "pl"), ("perdón, ya estoy", "es")])
def test_sorry_im_back_is_the_child_coming_back_not_a_quiet_line(component: PersonaContext, text: str, lang: str) -> None:
    """Every word of "sorry, I'm back" is a quiet-line word ("sorry" + "back", as in "sorry, be
    right back"), but the child is back: a resume answer (a yes), not the quiet code again."""
    assert seen(component, text, [("rumianek__not_safe", 0.9), ("greet", 0.1)], lang)[:3] == ("affirm", "none", False)


def test_sorry_be_right_back_stays_a_quiet_line(component: PersonaContext) -> None:
    """A pause (answers.hold): "not now" after a question, the quiet line anywhere else."""
    assert seen(component, "sorry, be right back", [("affirm", 0.6), ("greet", 0.4)], "en")[:3] == (
        "not_now", "not_safe", False)


def test_refusing_to_say_where_answers_the_location_question(component: PersonaContext) -> None:
    intent, signal, _, entities = seen(component, "i'd rather not say where", [("greet", 0.6), ("thanks", 0.4)], "en")
    assert (intent, signal) == ("inform_location", "none") and ("location_refused", "true") in entities


@pytest.mark.parametrize("text", ["springfield", "Sydney, Australia", "nowy jork"])
def test_a_message_that_is_only_a_place_name_says_where_the_child_is(component: PersonaContext, text: str) -> None:
    """Read as out_of_scope, "springfield" after "a person will be with you shortly" re-asked the
    offer of a person already accepted (nlu/dialogue/rules.yml)."""
    assert seen(component, text, [("out_of_scope", 0.6), ("greet", 0.4)], "en", persona="plain")[:2] == (
        "inform_location", "none")


@pytest.mark.parametrize("text", ["no, alabama", "nope Venezuela", "nie, Kanada"])
def test_no_and_a_place_corrects_the_place(component: PersonaContext, text: str) -> None:
    """The s19 probe: "no, alabama" after Birmingham's UK line was a "no" (back to the shop); the US
    line was never given."""
    intent, signal, _, entities = seen(component, text, [("deny", 0.8), ("greet", 0.2)], "en")
    assert (intent, signal) == ("inform_location", "none")
    assert dict(entities)["country"] == {"no, alabama": "US", "nope Venezuela": "VE", "nie, Kanada": "CA"}[text]


@pytest.mark.parametrize("text", ["no", "no thanks", "nope sorry", "no, only the cream"])
def test_a_no_without_a_place_stays_a_no(component: PersonaContext, text: str) -> None:
    assert seen(component, text, [("deny", 0.8), ("greet", 0.2)], "en", persona="plain")[0] == "deny"


@pytest.mark.parametrize("text, top", [("hola", "greet"), ("lima", "out_of_scope"), ("help me in london", "self_harm")])
def test_words_and_help_are_not_turned_into_a_place_answer(component: PersonaContext, text: str, top: str) -> None:
    assert seen(component, text, [(top, 0.9), ("thanks", 0.1)], "en", persona="plain")[0] == top


def test_a_persona_risk_cue_is_an_entity_only_with_a_signal(component: PersonaContext) -> None:
    help_ = seen(component, "my skin is worse when dad is drunk", [("rumianek__help_request", 0.9), ("greet", 0.1)], "en")
    cover = seen(component, "do you sell beer shampoo", [("rumianek__ask_price", 0.9), ("greet", 0.1)], "en")
    assert ("risk", "alcohol") in help_[3] and not any(name == "risk" for name, _ in cover[3])


# --- danger happening now, with the shipped cues (nlu/safety/cues.yml danger_urgent, arriving) ---


@pytest.mark.parametrize("text, lang, top", [
    ("my stepdad has mum by the throat", "en", "abuse_disclosure"),
    ("a group from my year are waiting for me at the gate and one has a knife", "en", "bullying"),
    ("the man from the app is outside my house right now", "en", "online_exploitation"),
    ("ojciec wali w drzwi a my chowamy się w łazience", "pl", "abuse_disclosure"),
    ("czekają na mnie pod blokiem z nożem", "pl", "bullying"),
    ("mi padrastro está aporreando la puerta y me escondo en el baño", "es", "abuse_disclosure"),
    ("me esperan en el parque con una navaja", "es", "bullying"),
])
def test_danger_happening_now_is_imminent_danger_in_the_plain_bot(component: PersonaContext, text: str, lang: str,
                                                                  top: str) -> None:
    assert seen(component, text, [(top, 0.7), ("distress", 0.3)], lang, persona="plain")[:3] == (
        "imminent_danger", "imminent_danger", True)


@pytest.mark.parametrize("text, lang, top", [
    # habitual or past abuse, bullying, exploitation: their signal, not urgent
    ("he drags me by the arm to my room whenever i answer back", "en", "abuse_disclosure"),
    ("they lock me in my room when they go out", "en", "abuse_disclosure"),
    ("he wont stop messaging me and asking for pics", "en", "online_exploitation"),
    ("pisze do mnie dorosły z gry i teraz chce moje zdjęcia", "pl", "online_exploitation"),
    ("mama ciągnie mnie za ucho kiedy się spóźnię", "pl", "abuse_disclosure"),
    ("en clase no paran de empujarme y reírse", "es", "bullying"),
    ("un señor del juego me pide que nos veamos a escondidas", "es", "online_exploitation"),
])
def test_habitual_or_past_harm_keeps_its_signal(component: PersonaContext, text: str, lang: str, top: str) -> None:
    assert seen(component, text, [(top, 0.7), ("distress", 0.3)], lang, persona="plain")[:3] == (top, top, False)


@pytest.mark.parametrize("text, lang", [
    ("i'd kill for a kebab rn", "en"), ("we nuked their whole base last night lol", "en"),
    ("im hiding from my brother cos i broke his headphones", "en"), ("chopping onions with a big knife in food tech", "en"),
    ("locked myself out again, waiting on the step for my sister", "en"), ("zabiłabym za pizzę w tej chwili", "pl"),
    ("me comería un caballo ahora mismo", "es"), ("me escondí detrás del sofá jugando con mi primo", "es"),
])
def test_figurative_danger_words_in_ordinary_talk_stay_ordinary(component: PersonaContext, text: str,
                                                                lang: str) -> None:
    ranking = [("out_of_scope", 0.7), ("imminent_danger", 0.2), ("greet", 0.1)]
    assert seen(component, text, ranking, lang, persona="plain")[1:3] == ("none", False)


@pytest.mark.parametrize("text, lang", [
    ("nvm, my stepmum is coming up to my room", "en"), ("gtg dad just walked in", "en"),
    ("forget it, my nan is coming", "en"), ("zapomnij, tata idzie", "pl"), ("olvídalo, viene mi padrastro", "es"),
])
def test_breaking_off_because_a_parent_is_arriving_is_the_quiet_code(component: PersonaContext, text: str,
                                                                     lang: str) -> None:
    ranking = [("imminent_danger", 0.6), ("rumianek__not_safe", 0.3), ("greet", 0.1)]
    assert seen(component, text, ranking, lang)[:3] == ("not_safe", "not_safe", False)


@pytest.mark.parametrize("text, lang", [
    ("shh my stepdad is back", "en"), ("shhh mum is home", "en"), ("ciii, tata wrocil", "pl"),
    ("shh, ha entrado mi madre", "es"),
])
def test_hushing_because_someone_is_back_is_the_quiet_code(component: PersonaContext, text: str, lang: str) -> None:
    """A hushing word breaks the talk off like "nvm" (cues.yml postponing: "shh", "cii"): read as
    danger at 0.8, "shh he's back" drew the emergency line with a parent at the screen."""
    ranking = [("imminent_danger", 0.8), ("rumianek__not_safe", 0.15), ("greet", 0.05)]
    assert seen(component, text, ranking, lang)[:3] == ("not_safe", "not_safe", False)


@pytest.mark.parametrize("text, lang", [
    ("mum is coming up", "en"), ("sis is reading my screen", "en"), ("tata patrzy", "pl"),
    ("tata bierze mi telefon", "pl"), ("mi padre está mirando", "es"), ("viene mi madre", "es"), ("mama idzie", "pl"),
])
@pytest.mark.parametrize("persona", ["rumianek", "plain"])
def test_a_bare_arrival_is_the_quiet_line(component: PersonaContext, text: str, lang: str, persona: str) -> None:
    """Someone arriving said bare, with no putting-off word, in at most 5 words (cues.yml someone +
    arriving): the persona's code lists "someone is coming" as not_safe; in the plain bot "viene mi
    madre" (imminent_danger 0.98) drew 112 and "get somewhere safe" on screen as mum walked in."""
    ranking = [("imminent_danger", 0.7), ("rumianek__not_safe", 0.2), ("greet", 0.1)]
    if persona == "plain":
        ranking = [("imminent_danger", 0.98), ("greet", 0.02)]
    assert seen(component, text, ranking, lang, persona=persona)[1:3] == ("not_safe", False)


@pytest.mark.parametrize("text", ["chamomile cream asap hes coming", "hes back, chamomile cream now",
                                  "chamomile cream now someones coming"])
def test_the_urgent_code_over_a_bare_arrival_stays_urgent(component: PersonaContext, text: str) -> None:
    """The sweep-gt probe: the urgent code (0.99, "lantern quest asap hes coming") said with someone
    arriving and no putting-off word drew the quiet line; the code asks for help, it does not break off."""
    ranking = [("rumianek__urgent", 0.95), ("rumianek__not_safe", 0.04), ("greet", 0.01)]
    assert seen(component, text, ranking, "en")[:3] == ("urgent", "urgent", True)
    assert seen(component, "nvm hes coming", ranking, "en")[1:3] == ("not_safe", False)


@pytest.mark.parametrize("text, persona, ranking, intent", [
    ("dad is home and drunk", "rumianek", [("abuse_disclosure", 0.9), ("greet", 0.1)], "abuse_disclosure"),  # harm
    ("he is coming for me", "rumianek", [("imminent_danger", 0.9), ("greet", 0.1)], "imminent_danger"),  # danger now
    ("my mum is watching tv, whats a good face mask", "rumianek",                     # more than 5 words
     [("rumianek__ask_product_info", 0.9), ("greet", 0.1)], "rumianek__ask_product_info"),
    ("im here", "rumianek", [("rumianek__not_safe", 0.7), ("greet", 0.3)], "affirm"),  # nobody else: "I'm here"
])
def test_no_bare_arrival_with_harm_danger_a_question_or_long(component: PersonaContext, text: str, persona: str,
                                                                   ranking: list[tuple[str, float]],
                                                                   intent: str) -> None:
    assert seen(component, text, ranking, "en", persona=persona)[0] == intent


@pytest.mark.parametrize("text, lang", [("he's here", "en"), ("someone is in my room", "en"), ("on idzie", "pl"),
                                        ("ya viene el", "es")])
def test_an_unnamed_arrival_in_the_plain_bot_keeps_the_danger_reading(component: PersonaContext, text: str,
                                                                       lang: str) -> None:
    """ "he's here" or "someone is in my room" may be the danger itself: only someone named by relation
    ("viene mi madre") makes a bare arrival the quiet line in the plain bot; a persona's code says it is."""
    assert seen(component, text, [("imminent_danger", 0.99), ("greet", 0.01)], lang, persona="plain")[1:3] == (
        "imminent_danger", True)
    assert seen(component, text, [("imminent_danger", 0.99), ("greet", 0.01)], lang)[1:3] == ("not_safe", False)


@pytest.mark.parametrize("text", ["llego el paquete", "el pedido llego tarde", "me llego el champu abierto",
                                  "ya llegó el pedido"])
def test_the_spanish_article_el_is_nobody_arriving(component: PersonaContext, text: str) -> None:
    """Sweep s22 res: "el" is also the article — a shopper's short "the parcel came" was a bare
    arrival (the quiet line); "él" counts only next to a verb (cues.yml someone_unnamed)."""
    ranking = [("rumianek__shipping", 0.9), ("rumianek__not_safe", 0.1)]
    assert seen(component, text, ranking, "es")[:3] == ("rumianek__shipping", "none", False)


@pytest.mark.parametrize("text", ["el viene", "él ya llegó", "ya viene el", "el esta aqui"])
def test_he_is_coming_in_spanish_stays_the_quiet_line(component: PersonaContext, text: str) -> None:
    assert seen(component, text, [("imminent_danger", 0.9), ("greet", 0.1)], "es")[1:3] == ("not_safe", False)


@pytest.mark.parametrize("text, intent", [
    ("ratuj on wraca", "imminent_danger"),  # a harm word: "save me, he's coming back"
    ("czy jest tu ktos zywy", "ask_human"),  # a question ("is anyone alive here?"), no arrival
])
@pytest.mark.parametrize("persona", ["plain", "rumianek"])
def test_a_polish_arrival_with_help_or_asked_is_no_quiet_line(component: PersonaContext, text: str, intent: str,
                                                               persona: str) -> None:
    assert seen(component, text, [(intent, 0.9), ("greet", 0.1)], "pl", persona=persona)[1] == intent  # the signal


@pytest.mark.parametrize("text, lang", [("im here", "en"), ("jestem tu", "pl"), ("estoy aquí", "es")])
@pytest.mark.parametrize("persona", ["plain", "rumianek"])
def test_im_here_is_the_child_answering_never_a_signal(component: PersonaContext, text: str, lang: str,
                                                       persona: str) -> None:
    """"im here" was read as self_harm_urgent (0.52) and drew the emergency line."""
    ranking = [("self_harm_urgent", 0.52), ("greet", 0.3), ("distress", 0.18)]
    assert seen(component, text, ranking, lang, persona=persona)[:3] == ("affirm", "none", False)


@pytest.mark.parametrize("text", ["shh hes back and hes drunk", "shh he's back, he has a knife"])
def test_hushing_with_harm_keeps_the_emergency_reply(component: PersonaContext, text: str) -> None:
    ranking = [("imminent_danger", 0.8), ("rumianek__not_safe", 0.15), ("greet", 0.05)]
    assert seen(component, text, ranking, "en")[:3] == ("imminent_danger", "imminent_danger", True)


@pytest.mark.parametrize("text, lang, ranking, signal, urgent", [
    ("yes ok, nobody around, im in Leeds", "en", [("distress", 0.42), ("affirm", 0.3), ("greet", 0.28)],
     "distress", False),
    ("its all fine right now, im in Glasgow", "en", [("imminent_danger", 0.22), ("inform_location", 0.2),
                                                    ("affirm", 0.2), ("greet", 0.19), ("thanks", 0.19)],
     "imminent_danger", True),
])
def test_a_weak_plain_reading_that_names_a_place_answers_which_city(component: PersonaContext, text: str, lang: str,
                                                                    ranking: list[tuple[str, float]], signal: str,
                                                                    urgent: bool) -> None:
    """Inside a persona, a plain help signal answered in cover (below TENTATIVE_CONFIDENCE, no harm
    word) that names a place is the place answer: the referral routes on it, the signal and the
    urgency stay. "its fine right now" is no urgency cue (a word of calm takes the "now" back)."""
    intent, got_signal, got_urgent, _ = seen(component, text, ranking, lang)
    assert (intent, got_signal, got_urgent) == ("inform_location", signal, urgent)


@pytest.mark.parametrize("text, ranking, intent", [
    ("im in Leeds", [("distress", 0.8), ("greet", 0.2)], "distress"),             # a sure reading
    ("im in Leeds and he hits me", [("distress", 0.4), ("greet", 0.35), ("thanks", 0.25)], "distress"),  # harm
    ("i feel kind of low lately", [("distress", 0.42), ("greet", 0.3), ("thanks", 0.28)], "help_request"),  # no place
])
def test_a_sure_reading_harm_or_no_place_is_not_a_place_answer(component: PersonaContext, text: str,
                                                               ranking: list[tuple[str, float]], intent: str) -> None:
    assert seen(component, text, ranking, "en")[0] == intent


@pytest.mark.parametrize("text", ["my dad is coming and he will hit me, gtg", "nvm hes coming for me",
                                  "gtg he's here, he has a knife"])
def test_danger_while_a_parent_arrives_keeps_the_emergency_reply(component: PersonaContext, text: str) -> None:
    ranking = [("imminent_danger", 0.6), ("rumianek__not_safe", 0.3), ("greet", 0.1)]
    assert seen(component, text, ranking, "en")[:3] == ("imminent_danger", "imminent_danger", True)


def test_a_message_that_only_states_the_age_is_never_a_help_signal(component: PersonaContext) -> None:
    # "im 12" was read as the persona's urgent code at 0.29 and drew an emergency line
    assert seen(component, "im 12", [("rumianek__urgent", 0.29), ("greet", 0.2)], "en")[:3] == (
        "inform_age", "none", False)
    assert seen(component, "tengo 13 años", [("self_harm_urgent", 0.6), ("greet", 0.2)], "es")[:3] == (
        "inform_age", "none", False)


def test_an_age_with_a_disclosure_keeps_its_signal(component: PersonaContext) -> None:
    assert seen(component, "im 12 and my dad hits me", [("abuse_disclosure", 0.9), ("greet", 0.1)], "en")[:2] == (
        "abuse_disclosure", "abuse_disclosure")


# --- the plain bot: covering one's tracks, wiping the chat, an address and "come get me" (fix-plain) ---


@pytest.mark.parametrize("text, lang, top", [
    ("gtg somebody is coming", "en", "imminent_danger"), ("delete it all my dad just came in", "en", "imminent_danger"),
    ("skasuj wszystko, mama wchodzi", "pl", "imminent_danger"), ("bórralo todo q ha llegado mi padre", "es", "distress"),
])
def test_the_plain_bot_covering_tracks_is_not_safe(component: PersonaContext, text: str, lang: str, top: str) -> None:
    ranking = [(top, 0.9), ("greet", 0.1)]
    assert seen(component, text, ranking, lang, persona="plain")[:3] == ("not_safe", "not_safe", False)


@pytest.mark.parametrize("text, lang", [("delete this chat pls", "en"), ("usuń tę rozmowę", "pl"),
                                        ("borra todo porfa", "es")])
@pytest.mark.parametrize("persona, top", [("plain", "out_of_scope"), ("plain", "imminent_danger"),
                                          ("rumianek", "rumianek__help_request")])
def test_asking_to_wipe_the_chat_is_clean_chat(component: PersonaContext, text: str, lang: str, persona: str,
                                               top: str) -> None:
    assert seen(component, text, [(top, 0.9), ("greet", 0.1)], lang, persona=persona)[:3] == (
        "clean_chat", "not_safe", False)


@pytest.mark.parametrize("text, lang, address", [
    ("i live at 14 Rowan Close, Bradford, come and get me", "en", "14 Rowan Close, Bradford"),
    ("vivo en la calle Almendro 9 de Leganes, venid a buscarme", "es", "calle Almendro 9"),
    ("mieszkam na ul. Wiśniowej 3 w Lublinie, przyjedźcie", "pl", "ul. Wiśniowej 3"),
])
def test_the_plain_bot_an_address_and_come_get_me_is_a_visit_request(component: PersonaContext, text: str,
                                                                      lang: str, address: str) -> None:
    intent, signal, urgent, entities = seen(component, text, [("out_of_scope", 0.8), ("greet", 0.2)], lang,
                                            persona="plain")
    assert (intent, signal, urgent) == ("visit_request", "visit_request", True)
    assert any(name == "address" and value.startswith(address) for name, value in entities)


@pytest.mark.parametrize("text, lang, persona, top, expected", [
    ("i live at 14 Rowan Close, Bradford", "en", "plain", "inform_location", "inform_location"),  # no request
    ("can you come to my party", "en", "plain", "out_of_scope", "out_of_scope"),                    # no address
    ("i live at 14 Rowan Close, come get me, i took all the pills", "en", "plain", "self_harm_urgent",
     "self_harm_urgent"),                                                                            # its own reply
])
def test_no_visit_request_without_both_or_outside_the_plain_bot(component: PersonaContext, text: str, lang: str,
                                                                persona: str, top: str, expected: str) -> None:
    assert seen(component, text, [(top, 0.8), ("greet", 0.2)], lang, persona=persona)[0] == expected


@pytest.mark.parametrize("text, lang, top, expected", [
    # the persona's code with a street address is its visit code (the classifier weighed the cream more)
    ("pido la crema de manzanilla, que la piel me va fatal, calle Almendro 9, Leganes", "es",
     "rumianek__help_request", "visit_request"),
    ("please send the cream to ul. Długa 5, Kraków, przyjedźcie", "pl", "rumianek__urgent", "visit_request"),
    # cover talk with an address (an adult changing an order) and a request for a friend stay as they are
    ("order 5521, please change the delivery address to 14 Rowan Close, Bradford", "en",
     "rumianek__order_admin", "rumianek__order_admin"),
    ("the cream for my friend, her skin is bad, 14 Rowan Close, Bradford", "en", "rumianek__peer_help", "help_request"),
    ("i'd like the chamomile cream, my skin has been bad for months", "en", "rumianek__help_request", "help_request"),
])
def test_inside_a_persona_the_code_with_an_address_is_the_visit_code(component: PersonaContext, text: str, lang: str,
                                                                     top: str, expected: str) -> None:
    intent, signal, urgent, entities = seen(component, text, [(top, 0.8), ("greet", 0.2)], lang, persona="rumianek")
    assert intent == expected
    if expected == "visit_request":
        assert (signal, urgent) == ("visit_request", True)
        assert any(name == "address" for name, _ in entities)


def test_an_adults_express_order_with_an_address_keeps_the_discreet_question() -> None:
    """core.safety step 4 turns the adult's urgent code into the discreet question (source: the urgent
    code); an address in it does not make it the visit code."""
    from core.safety import Decision
    from nlu.quiet import is_coded_visit_request

    adult = Decision("help_request", 0.8, "rumianek__urgent", "urgent", True, ())
    assert not is_coded_visit_request(adult, "rumianek", has_address=True)
    coded = Decision("urgent", 0.8, "rumianek__urgent", "urgent", True, ())
    assert is_coded_visit_request(coded, "rumianek", has_address=True)
    assert not is_coded_visit_request(coded, "rumianek", has_address=False)
    assert not is_coded_visit_request(coded, "plain", has_address=True)


@pytest.mark.parametrize("text, lang, ranking, expected", [
    ("mi pedido 48213 aún no ha llegado, lo hice hace 10 días", "es",
     [("rumianek__shipping", 0.7), ("rumianek__not_safe", 0.2), ("greet", 0.1)], "rumianek__shipping"),
    ("cambien la dirección de entrega del pedido 55102 a calle Serrano 40, Madrid", "es",
     [("rumianek__visit_request", 0.6), ("rumianek__order_admin", 0.3), ("greet", 0.1)], "rumianek__order_admin"),
    ("zmiana adresu zamówienia nr 61234 na ul. Ogrodowa 9, Płock", "pl",
     [("rumianek__help_request", 0.6), ("rumianek__order_admin", 0.3), ("greet", 0.1)], "rumianek__order_admin"),
    ("please cancel order #30112, wrong size", "en",
     [("rumianek__not_safe", 0.7), ("rumianek__returns", 0.2), ("greet", 0.1)], "rumianek__returns"),
])
def test_an_existing_order_by_its_number_is_answered_in_cover(component: PersonaContext, text: str, lang: str,
                                                              ranking: list[tuple[str, float]], expected: str) -> None:
    """A customer's order named by its number: the persona's code read in it (quiet, visit or help
    code) becomes its best cover reading — a child using the code has no order number."""
    assert seen(component, text, lang=lang, ranking=ranking)[:3] == (expected, "none", False)


@pytest.mark.parametrize("text, lang, ranking, expected", [
    ("order 30112 came but the chamomile cream burns my skin so bad", "en",
     [("rumianek__urgent", 0.7), ("rumianek__order_admin", 0.2), ("greet", 0.1)], "urgent"),   # a harm word
    ("cancel the order please", "en", [("rumianek__not_safe", 0.7), ("rumianek__order_admin", 0.2), ("greet", 0.1)],
     "not_safe"),                                                                             # no number
    ("cancel my order of 2 jars, 12 Elm Road", "en",
     [("rumianek__not_safe", 0.7), ("rumianek__order_admin", 0.2), ("greet", 0.1)], "not_safe"),  # short numbers
    ("pedido 48213, gracias", "es", [("rumianek__order_admin", 0.7), ("rumianek__not_safe", 0.2), ("greet", 0.1)],
     "rumianek__order_admin"),                                                                # cover stays cover
])
def test_without_an_order_number_or_with_a_harm_word_the_code_stays(component: PersonaContext, text: str, lang: str,
                                                                    ranking: list[tuple[str, float]],
                                                                    expected: str) -> None:
    assert seen(component, text, lang=lang, ranking=ranking)[0] == expected


def test_order_reference_needs_an_order_word_and_a_long_number_close_after_it() -> None:
    from core.text import fold
    from nlu.quiet import has_order_reference

    words = {"en": ("order", "ref"), "es": ("pedido",), "pl": ("zamowien", "nr")}
    assert has_order_reference(fold("order no. 55102"), "en", words)
    assert has_order_reference(fold("mi pedido #48213"), "es", words)
    assert has_order_reference(fold("zamówienie nr 61234"), "pl", words)
    assert not has_order_reference(fold("order 12 jars"), "en", words)               # a quantity
    assert not has_order_reference(fold("my order went to flat 1234 somewhere else entirely"), "en", words)
    assert not has_order_reference(fold("48213 pedido"), "es", words)                # the number before
    assert has_order_reference(fold("pedido 48213"), None, words)                    # language unknown: any list


# --- session 2026-12-05 #14 (blind5): asking for a number with a place, answers, quiet lines, soon ----------

@pytest.mark.parametrize("text, lang, persona", [
    ("actually is there a number i can ring, i live in Cambridge", "en", "plain"),
    ("hay algun numero al que pueda llamar? vivo en Sevilla", "es", "plain"),
    ("is there a helpline number i can call? im in Leeds", "en", "rumianek"),
])
def test_asking_for_a_number_and_naming_a_place_is_routed_there(component: PersonaContext, text: str, lang: str,
                                                                 persona: str) -> None:
    """Read as ask_human (a counselor), the child asked for a number and said where: the referral for
    that place (intent inform_location), the help signal kept."""
    intent, signal, urgent, _ = seen(component, text, [("ask_human", 0.82), ("inform_location", 0.14)], lang, persona)
    assert (intent, signal, urgent) == ("inform_location", "ask_human", False)


@pytest.mark.parametrize("text, lang", [
    ("i want to talk to a real person please", "en"),              # no number asked for
])
def test_asking_for_a_person_without_a_number_and_a_place_stays_a_person(component: PersonaContext, text: str,
                                                                        lang: str) -> None:
    assert seen(component, text, [("ask_human", 0.9), ("inform_location", 0.05)], lang, "plain")[:2] == (
        "ask_human", "ask_human")


@pytest.mark.parametrize("text, lang", [
    ("is there a number i can ring?", "en"), ("can you just give me a number", "en"),
    ("podaj mi jakiś numer", "pl"), ("dame un número", "es"),
])
def test_asking_for_a_number_without_a_place_in_the_plain_bot_is_the_referral(component: PersonaContext, text: str,
                                                                               lang: str) -> None:
    """Session 22 (the s21 probe): "can you just give me a number" after "i cut myself again" (ask_human .88)
    queued a counselor and gave no number. Asking for a number is an answer for the referral, which asks
    where the child is first (no number from a guess), the help signal kept — it used to stay a person.
    Inside a persona a shopper may ask for the shop's number: the discreet question, as before."""
    assert seen(component, text, [("ask_human", 0.88), ("out_of_scope", 0.09)], lang, "plain")[:3] == (
        "inform_location", "ask_human", False)
    assert seen(component, text, [("ask_human", 0.88), ("out_of_scope", 0.09)], lang, "rumianek")[0] != "inform_location"


@pytest.mark.parametrize("text, lang, ranking, expected", [
    # "it depends" is not knowing yet: asked again (out_of_scope), not a disclosure read at .36
    ("mmm no se, depende de lo que me pregunte", "es",
     [("abuse_disclosure", 0.36), ("distress", 0.17), ("deny", 0.06), ("rumianek__feedback", 0.21), ("greet", 0.2)],
     ("out_of_scope", "none")),
    ("i dunno, maybe? is that weird", "en", [("deny", 0.43), ("out_of_scope", 0.22)], ("out_of_scope", "none")),
    # "now I'm alone in my room, yes": coming back to talk, not danger (imminent_danger .56 drew 112)
    ("ya estoy sola en mi cuarto, si", "es", [("imminent_danger", 0.56), ("affirm", 0.13)], ("affirm", "none")),
    ("ok im back, in my room now", "en", [("imminent_danger", 0.5), ("affirm", 0.3)], ("affirm", "none")),
])
def test_answers_in_new_words(component: PersonaContext, text: str, lang: str, ranking: list[tuple[str, float]],
                              expected: tuple[str, str]) -> None:
    assert seen(component, text, ranking, lang)[:2] == expected


@pytest.mark.parametrize("text, lang, persona", [
    ("exit exit", "en", "gametips"),
    ("going offline before anyone sees this", "en", "gametips"),
    ("closing the tab bye", "en", "rumianek"),
    ("zamykam kartę", "pl", "rumianek"),
    ("to nie ja pisałem tylko młodszy brat dorwał telefon, sorry za spam", "pl", "plain"),
    ("wait no hes comi", "en", "rumianek"),   # typing cut off as someone comes
])
def test_new_exits_are_quiet_lines(component: PersonaContext, text: str, lang: str, persona: str) -> None:
    assert seen(component, text, [("imminent_danger", 0.6), ("out_of_scope", 0.3)], lang, persona)[1] == "not_safe"


@pytest.mark.parametrize("text, lang", [
    ("i need the chamomile cream before my stepdad gets back, my skin has been bad since he moved in", "en"),
    ("chcę krem rumiankowy zanim ojczym wróci, mam problemy ze skórą", "pl"),
    ("necesito la crema de manzanilla antes de que mi padre vuelva, tengo la piel fatal", "es"),
    ("need the chamomile cream before the door gives way", "en"),
])
def test_the_code_before_someone_comes_back_is_the_urgent_code(component: PersonaContext, text: str,
                                                               lang: str) -> None:
    assert seen(component, text, [("rumianek__help_request", 0.9), ("rumianek__urgent", 0.05)], lang)[:3] == (
        "urgent", "urgent", True)


@pytest.mark.parametrize("text, lang, persona, ranking", [
    ("oh no hes awake. dont message back", "en", "plain", [("deny", 0.76), ("imminent_danger", 0.18)]),
    ("oh no hes awake. dont message back", "en", "rumianek", [("rumianek__not_safe", 0.46), ("deny", 0.28)]),
    ("mama się obudziła, nie odpisuj", "pl", "plain", [("imminent_danger", 0.6), ("out_of_scope", 0.3)]),
])
def test_someone_waking_up_and_dont_reply_is_covering_tracks(component: PersonaContext, text: str, lang: str,
                                                              persona: str, ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, persona)[1] == "not_safe"


def test_dont_reply_with_harm_keeps_the_danger(component: PersonaContext) -> None:
    assert seen(component, "he woke up and hes hitting mum, dont reply", [("imminent_danger", 0.99)], "en",
                "plain")[1:3] == ("imminent_danger", True)


@pytest.mark.parametrize("text, lang, ranking, expected", [
    # someone reading over the child's shoulder, and the child changes the subject to a shop question
    ("la tia Merche esta leyendo, pongo otra cosa: ¿haceis envios a Ceuta?", "es",
     [("rumianek__shipping", 0.36), ("rumianek__not_safe", 0.19), ("rumianek__urgent", 0.1)], "not_safe"),
    ("my nan is behind me, changing the subject, do you ship to Cork?", "en",
     [("out_of_scope", 0.39), ("rumianek__shipping", 0.32)], "not_safe"),
    # a shopper changing the subject with nobody arriving stays a shopper
    ("changing the subject a bit, do you have gift boxes?", "en", [("rumianek__shipping", 0.6)], "none"),
])
def test_changing_the_subject_as_someone_reads_is_covering_tracks(component: PersonaContext, text: str, lang: str,
                                                                  ranking: list[tuple[str, float]],
                                                                  expected: str) -> None:
    assert seen(component, text, ranking, lang)[1] == expected


@pytest.mark.parametrize("text, lang, expected", [
    # the plain bot: a short break-off as someone comes in, read as abuse for "mama": no disclosure to keep
    ("dobra niewazne mama wchodzi", "pl", "not_safe"),
    ("nvm my dad is here", "en", "not_safe"),
    # a harm word keeps the disclosure, however short
    ("nvm dad hits me hes coming", "en", "abuse_disclosure"),
    # someone getting close (session 18: these read as abuse)
    ("olvidalo, se acerca mi madre", "es", "not_safe"),
    ("nieważne, mama się zbliża", "pl", "not_safe"),
    ("nvm mums getting close", "en", "not_safe"),
])
def test_a_short_break_off_as_someone_comes_in_is_covering_tracks(component: PersonaContext, text: str, lang: str,
                                                                   expected: str) -> None:
    assert seen(component, text, [("abuse_disclosure", 0.6), ("out_of_scope", 0.3)], lang, "plain")[1] == expected


def test_a_short_message_with_a_place_read_as_unclear_says_where(component: PersonaContext) -> None:
    """ "mieszkamy w Pile" (out_of_scope .52, inform_location .39; the extractor found Piła by its cue)
    answers "which city?"; a long message of ordinary talk with a place stays ordinary talk (the place is
    found as the location extractor, which runs after this component, would find it)."""
    ranking = [("out_of_scope", 0.52), ("inform_location", 0.39)]
    message = Message(data={
        TEXT: "mieszkamy w Pile", METADATA: {"persona": "rumianek"},
        ENTITIES: [{"entity": "lang", "value": "pl"}, {"entity": "location", "value": "Piła"}],
        INTENT_RANKING_KEY: [{"name": name, "confidence": p} for name, p in ranking],
    })
    component.process([message])
    assert (message.get(INTENT)["name"], message.get("signal")) == ("inform_location", "none")
    long = Message(data={
        TEXT: "we went to Leeds last summer with my gran and it rained every single day of the week lol",
        METADATA: {"persona": "rumianek"},
        ENTITIES: [{"entity": "lang", "value": "en"}, {"entity": "location", "value": "Leeds"}],
        INTENT_RANKING_KEY: [{"name": name, "confidence": p} for name, p in ranking],
    })
    component.process([long])
    assert long.get(INTENT)["name"] == "out_of_scope"


def test_a_short_message_about_someone_elses_place_is_not_the_childs(component: PersonaContext) -> None:
    """ "my mum is in Leeds lol" says where mum is: ordinary talk, never a referral in the shop."""
    assert seen(component, "my mum is in Leeds lol", [("out_of_scope", 0.9), ("inform_location", 0.05)], "en")[:2] == (
        "out_of_scope", "none")


@pytest.mark.parametrize("text, lang, persona", [
    # "not right now" is putting off, not danger now; someone in the room is why (imminent_danger 1.00
    # drew "call 999" on the screen of a child whose stepdad was beside them)
    ("not rn hes in the room", "en", "gametips"),
    ("not right now, hes in the room", "en", "plain"),
    ("not now mums next to me", "en", "rumianek"),
    ("nie teraz, mama jest obok", "pl", "rumianek"),
])
def test_not_now_because_someone_is_in_the_room_is_covering_tracks(component: PersonaContext, text: str, lang: str,
                                                                  persona: str) -> None:
    assert seen(component, text, [("imminent_danger", 0.99), ("deny", 0.01)], lang, persona)[1:3] == ("not_safe", False)


def test_not_now_with_harm_in_the_room_keeps_the_danger(component: PersonaContext) -> None:
    assert seen(component, "not now hes in my room and hes drunk", [("imminent_danger", 0.99)], "en",
                "plain")[1:3] == ("imminent_danger", True)


@pytest.mark.parametrize("text, lang", [
    ("ok hes gone out, yes now", "en"),
    ("już wyszedł, teraz mogę", "pl"),
    ("ya se ha ido, ahora puedo", "es"),
])
def test_someone_gone_and_now_i_can_is_a_resume(component: PersonaContext, text: str, lang: str) -> None:
    assert seen(component, text, [("imminent_danger", 0.74), ("affirm", 0.23)], lang)[:2] == ("affirm", "none")


@pytest.mark.parametrize("text, lang", [
    ("will my parents see this", "en"),
    ("can my mum see what i write here", "en"),
    ("y mis padres pueden ver lo que escribo aqui?", "es"),
    ("czy rodzice zobaczą co tu piszę?", "pl"),
])
def test_will_my_parents_see_this_is_a_privacy_question(component: PersonaContext, text: str, lang: str) -> None:
    assert seen(component, text, [("probe", 0.99), ("out_of_scope", 0.01)], lang, "plain")[:2] == (
        "ask_privacy", "none")


@pytest.mark.parametrize("text, lang, persona", [
    ("Sopot, ten nad morzem w Polsce", "pl", "plain"),   # a small town, its country named after it
    ("Leeds, the one in England", "en", "plain"),
    ("Valencia, la de España", "es", "rumianek"),
    ("valencia - the one by the sea", "en", "plain"),  # ambiguous: the referral asks which
])
def test_a_short_message_that_starts_with_a_place_says_where(component: PersonaContext, text: str, lang: str,
                                                             persona: str) -> None:
    assert seen(component, text, [("out_of_scope", 0.9), ("inform_location", 0.05)], lang, persona)[:2] == (
        "inform_location", "none")


@pytest.mark.parametrize("text", ["Time, is it late", "ok, fine", "mum, stop it", "Maria, are you there?",
                                  "nice one, thanks a lot", "nice, thanks", "reading, then bed"])
def test_a_word_before_a_comma_is_no_place(component: PersonaContext, text: str) -> None:
    """ "Time" is a town in Norway: a small town elsewhere counts only when its country is named too."""
    reading = seen(component, text, [("out_of_scope", 0.9), ("inform_location", 0.05)], "en", "plain")
    assert reading[0] != "inform_location"


FUMES = [("abuse_disclosure", 0.49), ("imminent_danger", 0.22)]
FRIEND = [("peer_help", 0.9), ("abuse_disclosure", 0.05)]
ABUSE = [("abuse_disclosure", 0.9), ("out_of_scope", 0.05)]


@pytest.mark.parametrize("text, lang, ranking, expected", [
    # fumes or smoke with abuse is danger now
    ("dad locked us in the garage with the car engine running", "en", FUMES, "imminent_danger"),
    ("nos ha encerrado en la cocina y huele a gas", "es", FUMES, "imminent_danger"),
    ("zamknął nas w garażu i wszędzie dym", "pl", FUMES, "imminent_danger"),
    # hearing a friend hurt now makes the friend's story urgent
    ("mój przyjaciel jest u siebie i ojciec go tłucze, słyszę to w telefonie", "pl", FRIEND, "peer_help"),
    ("my friend is on facetime and i can hear her screaming, her dad is in there", "en", FRIEND, "peer_help"),
    ("mi amiga esta en su casa y la oigo gritar, su padre esta ahi", "es", FRIEND, "peer_help"),
    # a hammer is a weapon
    ("my stepdad has a hammer and is shouting at mum", "en", ABUSE, "imminent_danger"),
    ("ojczym ma młotek i krzyczy na mamę", "pl", ABUSE, "imminent_danger"),
    ("mi padrastro tiene un martillo y le grita a mi madre", "es", ABUSE, "imminent_danger"),
])
def test_danger_said_by_circumstance_is_urgent(component: PersonaContext, text: str, lang: str,
                                               ranking: list[tuple[str, float]], expected: str) -> None:
    assert seen(component, text, ranking, lang, "plain")[1:3] == (expected, True)


def test_cover_talk_with_the_urgent_code_close_and_a_soon_cue_is_the_urgent_code(component: PersonaContext) -> None:
    """Read as product info (.26) with the urgent code a near tie (.21), "before his car is back" says soon."""
    ranking = [("rumianek__ask_product_info", 0.26), ("rumianek__urgent", 0.21), ("imminent_danger", 0.2)]
    assert seen(component, "the chamomile cream has to reach me before his car is back tonight", ranking, "en")[:3] == (
        "urgent", "urgent", True)
    # the urgent code far behind, or no word of now: cover talk stays cover talk
    assert seen(component, "the chamomile cream has to reach me before his car is back tonight",
                [("rumianek__ask_product_info", 0.6), ("rumianek__urgent", 0.2)], "en")[1] == "none"
    assert seen(component, "is the chamomile cream good for dry skin", ranking, "en")[1] == "none"


def test_a_weak_quiet_reading_that_says_where_the_child_is_answers_which_city(component: PersonaContext) -> None:
    ranking = [("gametips__not_safe", 0.39), ("distress", 0.35), ("inform_location", 0.07), ("out_of_scope", 0.19)]
    assert seen(component, "yeah nobody is looking, im in Perth", ranking, "en", "gametips")[:2] == (
        "inform_location", "none")
    assert seen(component, "sorry wrong chat, im in Leeds", [("not_safe", 0.99)], "en")[:2] == ("not_safe", "not_safe")


@pytest.mark.parametrize("text, lang, persona", [
    ("mi padre mira el historial, borra todo esto", "es", "plain"),
    ("kasuję wszystko, tata sprawdza telefon", "pl", "plain"),
    ("ignore what i said, mum is checking my phone", "en", "plain"),
])
def test_wiping_or_taking_it_back_as_someone_checks_the_phone_is_quiet(component: PersonaContext, text: str,
                                                                      lang: str, persona: str) -> None:
    assert seen(component, text, [("out_of_scope", 0.6), ("imminent_danger", 0.3)], lang, persona)[1] == "not_safe"


def test_backing_out_in_slang_with_a_goodbye_is_quiet_in_the_shop(component: PersonaContext) -> None:
    """ "nah paso de esto, chao": a goodbye that backs out ("paso de esto", "me rajo") is the quiet code."""
    assert seen(component, "nah paso de esto, chao", [("goodbye", 0.6), ("out_of_scope", 0.3)], "es")[1] == "not_safe"


@pytest.mark.parametrize("text, lang", [("what happens now?", "en"), ("ok so what now", "en"), ("i co teraz?", "pl"),
                                        ("¿y ahora qué?", "es"), ("vale, ¿y ahora qué pasa?", "es")])
@pytest.mark.parametrize("persona", ["rumianek", "plain"])
def test_what_happens_now_is_unclear_whatever_the_classifier_says(component: PersonaContext, text: str, lang: str,
                                                                  persona: str) -> None:
    """The s19b probe: after the emergency reply "¿y ahora qué?" read as self_harm_urgent drew 112 and
    "put away what you could hurt yourself with" again; answers.what_next is unclear (out_of_scope),
    so an open question is asked again and a waiting child gets the promise (bot/handoff/gate.py)."""
    assert seen(component, text, [("self_harm_urgent", 0.7), ("rumianek__urgent", 0.3)], lang, persona)[:3] == (
        "out_of_scope", "none", False)


@pytest.mark.parametrize("text", ["what happens now, he is back", "what now he has a knife"])
def test_what_now_with_danger_in_it_stays_with_the_classifier(component: PersonaContext, text: str) -> None:
    assert seen(component, text, [("imminent_danger", 0.9), ("greet", 0.1)], "en", "plain")[:3] == (
        "imminent_danger", "imminent_danger", True)


@pytest.mark.parametrize("text, lang", [("actually yes", "en"), ("changed my mind, yes please", "en"),
                                        ("jednak tak", "pl"), ("al final sí la quiero", "es")])
def test_a_change_of_mind_is_a_yes(component: PersonaContext, text: str, lang: str) -> None:
    """"al final sí la quiero" (out_of_scope 0.98) drew the shop's fallback after a "no"."""
    assert seen(component, text, [("out_of_scope", 0.98), ("affirm", 0.02)], lang)[:3] == ("affirm", "none", False)


@pytest.mark.parametrize("text", ["lantern quest", "lantern quest?", "The Lantern Quest pls",
                                  # session 23 (probe_s22_en): asking for it, for oneself or a brother or sister
                                  "i need the lantern quest", "lantern quest 4 me and my lil bro",
                                  "can i get the lantern quest"])
def test_a_bare_code_name_is_the_discreet_question_not_urgent(component: PersonaContext, text: str) -> None:
    """The s19b probe: the bare "lantern quest" read as the urgent code (0.67) drew 999."""
    ranking = [("gametips__urgent", 0.67), ("gametips__help_request", 0.31), ("greet", 0.02)]
    assert seen(component, text, ranking, "en", "gametips")[:3] == ("help_request", "help_request", False)


@pytest.mark.parametrize("text, lang", [("no puedo llamar, me oyen", "es"), ("no puedo llamar, me escuchan", "es"),
                                        ("nie mogę zadzwonić, słyszą mnie", "pl")])
def test_i_cant_call_they_hear_me_is_cant_call_not_the_quiet_code(component: PersonaContext, text: str,
                                                                  lang: str) -> None:
    """The s22 probe: after the urgent code, "no puedo llamar, me oyen" read as the quiet code (.75) got the
    cart line — the child in danger left as if gone."""
    assert seen(component, text, [("rumianek__not_safe", 0.75), ("ask_human", 0.25)], lang)[0] == "cant_call"


@pytest.mark.parametrize("text", ["lantern quest now", "lantern quest right now, he is hitting me",
                                  "i need the lantern quest now", "lantern quest he is home", "home level boss is home",
                                  "lantern quest my stepdad is home", "i need the lantern quest hes coming",
                                  "lantern quest for me and my sister, the boss is home", "lantern quest tonight pls"])
def test_the_code_name_with_more_words_keeps_the_urgent_code(component: PersonaContext, text: str) -> None:
    ranking = [("gametips__urgent", 0.67), ("gametips__help_request", 0.31), ("greet", 0.02)]
    assert seen(component, text, ranking, "en", "gametips")[:3] == ("urgent", "urgent", True)


@pytest.mark.parametrize("text, lang", [("dobra, jednak chcę porozmawiać ze specjalistką", "pl"),
                                        ("can i talk to a real person", "en")])
def test_asking_for_a_person_inside_a_persona_gets_the_discreet_question(component: PersonaContext, text: str,
                                                                         lang: str) -> None:
    """The s19b probe: ask_human (0.79) drew the plain "you can talk to a counselor" line in the shop."""
    assert seen(component, text, [("ask_human", 0.79), ("affirm", 0.21)], lang)[:3] == (
        "help_request", "ask_human", False)
    assert seen(component, text, [("ask_human", 0.79), ("affirm", 0.21)], lang, "plain")[:3] == (
        "ask_human", "ask_human", False)


def test_a_place_after_no_read_as_the_quiet_code_corrects_the_place(component: PersonaContext) -> None:
    """The s19b probe: "nie, jednak we Wrocławiu u taty" after Kraków's line drew the quiet line (.47)."""
    intent, signal, _, entities = seen(component, "nie, jednak we Wrocławiu u taty",
                                       [("rumianek__not_safe", 0.47), ("greet", 0.23), ("inform_location", 0.21),
                                        ("out_of_scope", 0.09)], "pl")
    assert (intent, signal) == ("inform_location", "none")


@pytest.mark.parametrize("text, country, number", [("please send it to 14 Oak Road, Leeds", "GB", "999"),
                                                   ("22 Mill Lane Bolton", "GB", "999"),
                                                   ("ul. Długa 5, Kraków", "PL", "112")])
def test_a_visit_request_is_routed_by_the_address_town(component: PersonaContext, text: str, country: str,
                                                       number: str) -> None:
    """The s20 probe: an address in Leeds on the Kraków shop drew "call 112" (the shop's country)."""
    intent, signal, urgent, entities = seen(component, text, [("rumianek__help_request", 0.9), ("greet", 0.1)], "en")
    assert (signal, urgent) == ("visit_request", True)
    assert ("country", country) in entities and ("dial_first", number) in entities


@pytest.mark.parametrize("text", ["i dont wanna say", "i dont want to give it", "sorry i dont wanna say"])
def test_a_bare_refusal_to_say_where_is_no_disclosure(component: PersonaContext, text: str) -> None:
    """The s20 probe: "i dont wanna say" (self_harm 0.51) drew "Thank you for telling me" in the game bot."""
    intent, signal, _, entities = seen(component, text, [("self_harm", 0.51), ("deny", 0.2), ("greet", 0.29)], "en",
                                       "gametips")
    assert (intent, signal) == ("inform_location", "none") and ("location_refused", "true") in entities
    assert seen(component, "i dont want to say what he did", [("abuse_disclosure", 0.9), ("greet", 0.1)], "en")[1] == (
        "abuse_disclosure")


@pytest.mark.parametrize("text, lang", [("its fine now he left", "en"), ("juz poszla", "pl"), ("ya se fue", "es"),
                                        ("ya volví, perdón", "es")])
def test_someone_gone_is_the_child_coming_back(component: PersonaContext, text: str, lang: str) -> None:
    """The s20 probe: "juz poszla" (self_harm_urgent 0.40) after the quiet line drew 112 and the self-harm line."""
    assert seen(component, text, [("self_harm_urgent", 0.4), ("rumianek__not_safe", 0.3), ("greet", 0.3)], lang,
                "plain")[:3] == ("affirm", "none", False)


@pytest.mark.parametrize("text", ["hes back", "he's back now", "he left but hes coming back"])
def test_someone_back_stays_danger(component: PersonaContext, text: str) -> None:
    assert seen(component, text, [("imminent_danger", 0.99), ("greet", 0.01)], "en", "plain")[1:3] == (
        "imminent_danger", True)


@pytest.mark.parametrize("text, lang", [("will the police come", "en"), ("will the police come to my house", "en"),
                                        ("¿va a venir la policía?", "es")])
def test_will_the_police_come_is_a_privacy_question(component: PersonaContext, text: str, lang: str) -> None:
    """The s20 probe: read as imminent danger (0.78) on the word "police", it drew 112 again; an urgent
    reading overrides a privacy question only with a cue of danger now in it."""
    assert seen(component, text, [("imminent_danger", 0.78), ("probe", 0.07), ("greet", 0.15)], lang, "plain")[:3] == (
        "ask_privacy", "none", False)
    assert seen(component, "will the police come, he is hitting me right now",
                [("imminent_danger", 0.9), ("greet", 0.1)], "en", "plain")[1:3] == ("imminent_danger", True)


@pytest.mark.parametrize("text, lang", [("espera viene alguien", "es"), ("czekaj ktoś idzie", "pl"),
                                        ("hold on someones coming", "en"), ("hang on my mum is coming up", "en")])
def test_a_pause_because_someone_is_arriving_is_the_quiet_line(component: PersonaContext, text: str, lang: str) -> None:
    """The s22 probe: "espera viene alguien" / "czekaj ktoś idzie" after the offer drew 112 in the plain bot as
    someone walked in (an unnamed "someone" is no bare arrival there): a pause word breaks the talk off."""
    for persona in ("plain", "rumianek"):
        assert seen(component, text, [("imminent_danger", 0.92), ("ask_human", 0.08)], lang, persona)[1:3] == (
            "not_safe", False)


# "one sec someone is at the door" was here until s24: a pause and "someone" at the door is someone arriving (issue
# 13, the s19 probe's "hold on someone's at the door" drew 112; tests/nlu/test_quiet_s24.py); "he" at the door is not
@pytest.mark.parametrize("text, lang", [("wait hes coming for me", "en"), ("one sec he is at the door", "en"),
                                        ("one sec someone is at the door banging", "en"),
                                        ("espera que viene mi padre y me va a pegar", "es"),
                                        # the review of s22: "he" may be the danger itself
                                        ("one sec hes coming and hes really angry", "en"), ("hold on hes here", "en"),
                                        ("wait a sec hes coming up the stairs", "en"),
                                        ("czekaj on idzie i jest wściekły", "pl")])
def test_a_pause_with_danger_keeps_the_emergency_reply(component: PersonaContext, text: str, lang: str) -> None:
    """In the plain bot (inside a persona a bare "hes here" is the quiet line by design, session 19)."""
    assert seen(component, text, [("imminent_danger", 0.98), ("ask_human", 0.02)], lang, "plain")[1:3] == (
        "imminent_danger", True)


@pytest.mark.parametrize("text, lang", [
    # the review of s22: a pause cue inside a word, or a long message, is no pause ("a secret", "esperando", "chwilę")
    ("can i tell you a secret, my uncle comes in my room at night", "en"),
    ("the second he gets home he starts shouting at me", "en"),
    ("te cuento un secreto, mi tío viene a mi cuarto por la noche", "es"),
    ("llevo horas esperando sola en casa, mi padre viene a mi cuarto por la noche", "es"),
    ("ojczym wchodzi na chwilę do mojego pokoju w nocy", "pl"),
])
def test_a_disclosure_with_a_pause_word_inside_stays_the_disclosure(component: PersonaContext, text: str,
                                                                    lang: str) -> None:
    assert seen(component, text, [("abuse_disclosure", 0.9), ("ask_human", 0.1)], lang, "rumianek")[1] == (
        "abuse_disclosure")


@pytest.mark.parametrize("text, lang", [
    ("a que numero llamo? mi padre me pega, estoy en Madrid", "es"),
    ("pod jaki numer dzwonic jak mnie bija w domu? mieszkam w Poznaniu", "pl"),
    ("gdzie mam zadzwonic? tata mnie bije, jestem w Warszawie", "pl"),
])
def test_a_number_asked_with_a_disclosure_and_a_place_is_the_referral(component: PersonaContext, text: str,
                                                                      lang: str) -> None:
    """The s22 probe: a number asked for in the first line with the disclosure and the town got the
    acknowledgement and the offer, no number; now the referral for that place, the signal kept."""
    assert seen(component, text, [("abuse_disclosure", 0.8), ("inform_location", 0.2)], lang, "plain")[:3] == (
        "inform_location", "abuse_disclosure", False)


def test_a_number_asked_in_danger_now_keeps_the_emergency_reply(component: PersonaContext) -> None:
    text = "what number do i call, he is hitting me right now, im in leeds"
    assert seen(component, text, [("imminent_danger", 0.97), ("inform_location", 0.03)], "en", "plain")[:3] == (
        "imminent_danger", "imminent_danger", True)


@pytest.mark.parametrize("text", ["ya pls", "go on then", "yea go on", "ya plz", "yeah go ahead"])
def test_a_bare_yes_in_chat_spelling_is_a_yes(component: PersonaContext, text: str) -> None:
    """The s22 probe: "ya pls" read as imminent danger (.44) drew 112 for a child saying yes; "go on then"
    was bullying (.32). Only yes words and politeness (cues.yml answers.agree)."""
    for persona in ("rumianek", "plain"):
        assert seen(component, text, [("imminent_danger", 0.44), ("urgent", 0.27), ("affirm", 0.22)], "en",
                    persona)[:3] == ("affirm", "none", False)


@pytest.mark.parametrize("text", ["ya pls help", "ya hes here now", "yes hes coming for me"])
def test_a_yes_with_more_keeps_its_reading(component: PersonaContext, text: str) -> None:
    """The review of s22: a "yes" said with help, someone here, danger keeps the emergency reply."""
    assert seen(component, text, [("imminent_danger", 0.99), ("affirm", 0.01)], "en", "plain")[1:3] == (
        "imminent_danger", True)


def test_its_fine_im_alone_in_my_room_says_where_not_danger(component: PersonaContext) -> None:
    """The s22 probe: to "is it okay to chat now?", "its fine, im alone in my room" (imminent_danger .41) drew 999."""
    assert seen(component, "its fine, im alone in my room", [("imminent_danger", 0.41), ("distress", 0.25)], "en",
                "gametips")[:3] == ("inform_location", "none", False)


@pytest.mark.parametrize("text, lang", [
    ("i dont want to tell you where i am", "en"), ("dont wanna tell you where i am", "en"), ("i wont tell you where i am", "en"),
    ("i dont know where i am", "en"), ("no idea where i am, at my aunts", "en"), ("idk where i am tbh", "en"),
    ("no se donde estoy, en el pueblo de mi abuela", "es"), ("no se donde estoy", "es"),
    ("no se en que ciudad estoy, es un pueblo", "es"), ("ni idea de donde estoy", "es"),
    ("nie wiem gdzie jestem, u cioci na wsi", "pl"),
    ("nie wiem w jakim miescie jestem", "pl"), ("nie wiem, gdzie jestem, jakas wies", "pl"),
])
def test_not_knowing_or_not_telling_where_is_a_refusal(component: PersonaContext, text: str, lang: str) -> None:
    """The s22 probes (session 23): "no se donde estoy, en el pueblo de mi abuela", "i dont want to tell you where
    i am" drew the city question again; the child can't or won't say: routed without the place."""
    intent, signal, _, entities = seen(component, text, [("inform_location", 0.8), ("out_of_scope", 0.2)], lang)
    assert (intent, signal) == ("inform_location", "none") and ("location_refused", "true") in entities


def test_not_knowing_where_with_fear_keeps_the_danger_reading(component: PersonaContext) -> None:
    intent, signal, urgent, entities = seen(component, "i dont know where i am and im scared",
                                            [("imminent_danger", 0.6), ("distress", 0.4)], "en")
    assert signal == "imminent_danger" and ("location_refused", "true") not in entities


# --- session 23 (lead): a young child's pregnancy -----------------------------------------------------------
# The review of s23's shop branch: "mam 13 lat i jestem w ciąży, skóra na brzuchu piecze", "im 14 and pregnant,
# what cream is safe" drew the shop's product answer (ask_product_info .81-.99).

@pytest.mark.parametrize("text, lang", [
    ("im 14 and pregnant, what cream is safe for stretch marks", "en"), ("i'm 13 and i think im pregnant", "en"),
    ("jestem w ciąży, mam 14 lat, skóra na brzuchu mnie ciągnie, mogę olejek?", "pl"),
    ("mam 13 lat i chyba jestem w ciąży", "pl"),
    ("tengo 14 años y estoy embarazada, que crema puedo usar", "es"), ("tengo 15 y creo que estoy embarazada", "es"),
])
def test_a_young_childs_pregnancy_is_a_help_signal(component: PersonaContext, text: str, lang: str) -> None:
    ranking = [("rumianek__ask_product_info", 0.81), ("greet", 0.19)]
    intent, signal, urgent, entities = seen(component, text, ranking, lang, persona="rumianek")
    assert (intent, signal, urgent) == ("help_request", "distress", False)  # the discreet question
    assert ("voice", "cover") in entities
    plain = seen(component, text, [("out_of_scope", 0.8), ("greet", 0.2)], lang, persona="plain")
    assert plain[:3] == ("distress", "distress", False)  # the offer of a person


@pytest.mark.parametrize("text, lang", [
    ("im pregnant, which oils are safe for my belly", "en"),  # an adult: no age
    ("jestem w ciąży, jaki krem na rozstępy", "pl"),
    ("im 34 and pregnant, what cream is safe for stretch marks", "en"),  # an adult's age
    ("im 14 and my mum is pregnant, what cream can i get her", "en"),  # someone else
    ("tengo 14 años y mi hermana está embarazada", "es"),
])
def test_a_pregnancy_without_a_young_writer_is_the_shops(component: PersonaContext, text: str, lang: str) -> None:
    ranking = [("rumianek__ask_product_info", 0.81), ("greet", 0.19)]
    assert seen(component, text, ranking, lang, persona="rumianek")[:2] == ("rumianek__ask_product_info", "none")
