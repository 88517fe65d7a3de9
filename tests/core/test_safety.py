"""core.safety: the safety decisions on synthetic rankings (no model, no Rasa)."""
from __future__ import annotations

import pytest

from core.safety import (
    FOREIGN_INTENT, NOT_NOW, Answers, Phrases, choose, contains_cue, decide, is_urgent, made_of, mask,
)
from core.signals import generic_name
from core.text import fold

CUES = {"en": [fold("tonight"), fold("pills")], "pl": [fold("dziś w nocy")]}


def test_other_personas_intents_are_dropped_and_the_rest_renormalised() -> None:
    ranking = [("rumianek__help_request", 0.6), ("gametips__help_request", 0.1), ("greet", 0.3)]
    masked = mask(ranking, "rumianek")
    assert [r.intent for r in masked] == ["help_request", "greet"]
    assert [r.source for r in masked] == ["rumianek__help_request", "greet"]
    assert abs(sum(r.confidence for r in masked) - 1.0) < 1e-9
    assert abs(masked[0].confidence - 0.6 / 0.9) < 1e-9


def test_plain_sees_only_the_shared_layer() -> None:
    masked = mask([("rumianek__ask_price", 0.3), ("abuse_disclosure", 0.4), ("greet", 0.3)], "plain")
    assert [r.intent for r in masked] == ["abuse_disclosure", "greet"]


def test_mostly_foreign_talk_is_out_of_scope() -> None:
    masked = mask([("gametips__ask_level", 0.8), ("greet", 0.2)], "rumianek")
    assert [r.intent for r in masked] == [FOREIGN_INTENT]
    assert abs(masked[0].confidence - 0.8) < 1e-9


def test_another_personas_quiet_code_is_not_evidence_of_foreign_talk() -> None:
    ranking = [("gametips__not_safe", 0.7), ("rumianek__not_safe", 0.2), ("greet", 0.1)]
    masked = mask(ranking, "rumianek")
    assert masked[0].intent == "not_safe" and masked[0].source == "rumianek__not_safe"


def test_cover_intents_keep_their_namespaced_name() -> None:
    masked = mask([("rumianek__ask_price", 0.9), ("greet", 0.1)], "rumianek")
    assert masked[0].intent == "rumianek__ask_price"


def test_greeting_yields_to_a_help_request_ranked_high_enough() -> None:
    masked = mask([("greet", 0.5), ("rumianek__help_request", 0.3), ("thanks", 0.2)], "rumianek")
    assert choose(masked, "rumianek").intent == "help_request"
    weak = mask([("greet", 0.8), ("rumianek__help_request", 0.1), ("thanks", 0.1)], "rumianek")
    assert choose(weak, "rumianek").intent == "greet"


POSTPONING = {"en": [fold("not now"), fold("later")], "pl": [fold("nie teraz")], "es": [fold("ahora no")]}


@pytest.mark.parametrize("text, lang", [
    ("no", "en"), ("nope", "en"), ("no thanks", "en"), ("no, just the cake", "en"), ("nie", "pl"),
    ("nie, dzięki", "pl"), ("no gracias", "es"), ("no", None),
])
def test_a_plain_no_is_ordinary_talk_in_and_out_of_a_persona(text: str, lang: str) -> None:
    for persona in ("rumianek", "plain"):
        decision = decide([("deny", 0.9), ("greet", 0.1)], persona, fold(text), lang, CUES, postponing=POSTPONING)
        assert (decision.intent, decision.signal, decision.urgent) == ("deny", "none", False)


POSTPONING_ALL = {"en": [fold("not now"), fold("later"), fold("never mind"), fold("gotta go")],
                  "pl": [fold("nie teraz"), fold("nieważne")], "es": [fold("ahora no"), fold("olvídalo")]}


@pytest.mark.parametrize("text, lang", [
    ("never mind", "en"), ("not now, gotta go", "en"), ("nie teraz, nieważne", "pl"), ("ahora no, olvídalo", "es"),
    ("Nie teraz, nieważne!", None),
])
def test_a_putting_off_no_that_covers_tracks_inside_a_persona_is_not_safe(text: str, lang: str) -> None:
    decision = decide([("deny", 0.9), ("greet", 0.1)], "rumianek", fold(text), lang, CUES,
                      postponing=POSTPONING_ALL, answers=ANSWERS)
    assert (decision.intent, decision.signal, decision.urgent) == ("not_safe", "not_safe", False)
    plain = decide([("deny", 0.9), ("greet", 0.1)], "plain", fold(text), lang, CUES, postponing=POSTPONING_ALL,
                   answers=ANSWERS)
    assert plain.intent == "deny"  # no persona, no code: the safety layer's own "no"


LATER = Phrases(
    {"en": (fold("not now"), fold("later"), fold("tomorrow")), "pl": (fold("nie teraz"), fold("później")),
     "es": (fold("ahora no"), fold("luego"))},
    {"en": frozenset({"no", "maybe", "ok", "i", "ll", "write"}), "pl": frozenset({"nie", "moze"}),
     "es": frozenset({"no", "quizas", "te", "escribo"})},
)
RESUME = Phrases({"en": (fold("now i can"), fold("i'm back")), "pl": (fold("teraz mogę"),), "es": (fold("ya puedo"),)},
                 {"en": frozenset({"ok", "yes", "talk"}), "pl": frozenset({"tak"}), "es": frozenset({"si", "hablar"})})
UNSURE = Phrases({"en": (fold("i don't know"), fold("maybe"), fold("what")), "es": (fold("no sé"), fold("qué"))},
                 {"en": frozenset({"i", "really"}), "es": frozenset({"pues"})})
ANSWERS = Answers(later=LATER, resume=RESUME, unsure=UNSURE)


@pytest.mark.parametrize("text, lang", [
    ("not now", "en"), ("no, maybe later", "en"), ("OK, I'll write tomorrow", "en"), ("nie teraz", "pl"),
    ("nie, może później", "pl"), ("ahora no", "es"), ("quizás luego te escribo", "es"), ("Nie teraz!", None),
])
@pytest.mark.parametrize("top", ["deny", "rumianek__not_safe", "out_of_scope", "goodbye"])
def test_a_bare_later_is_not_now_with_the_quiet_signal_inside_a_persona(text: str, lang: str, top: str) -> None:
    decision = decide([(top, 0.9), ("greet", 0.1)], "rumianek", fold(text), lang, CUES,
                      postponing=POSTPONING_ALL, answers=ANSWERS)
    assert (decision.intent, decision.signal, decision.urgent) == (NOT_NOW, "not_safe", False)


@pytest.mark.parametrize("text, lang", [("not now", "en"), ("nie teraz", "pl"), ("luego", "es")])
def test_a_bare_later_in_the_plain_bot_is_not_now_and_ordinary_talk(text: str, lang: str) -> None:
    decision = decide([("deny", 0.9), ("greet", 0.1)], "plain", fold(text), lang, CUES, answers=ANSWERS)
    assert (decision.intent, decision.signal, decision.urgent) == (NOT_NOW, "none", False)


@pytest.mark.parametrize("text", ["no thanks", "lol not now", "nvm later"])
def test_anything_more_than_a_bare_later_is_left_to_the_classifier(text: str) -> None:
    coded = decide([("rumianek__not_safe", 0.9), ("greet", 0.1)], "rumianek", fold(text), "en", CUES, answers=ANSWERS,
                   postponing={"en": ["nvm"]})
    assert (coded.intent, coded.signal) == ("not_safe", "not_safe")
    plain = decide([("deny", 0.9), ("greet", 0.1)], "plain", fold(text), "en", CUES, answers=ANSWERS,
                   postponing={"en": ["nvm"]})
    assert plain.intent == "deny"


@pytest.mark.parametrize("text", ["sorry not now, im at school", "not right now, im on the bus"])
def test_a_later_with_its_reason_is_not_now(text: str) -> None:
    # s27: "ahora no que tengo a mi madre al lado" drew the quiet line as if the child had gone (core.safety.
    # later_with_reason); before s27 these were left to the classifier
    coded = decide([("rumianek__not_safe", 0.9), ("greet", 0.1)], "rumianek", fold(text), "en", CUES, answers=ANSWERS)
    assert (coded.intent, coded.signal) == (NOT_NOW, "not_safe")
    plain = decide([("deny", 0.9), ("greet", 0.1)], "plain", fold(text), "en", CUES, answers=ANSWERS)
    assert (plain.intent, plain.signal) == (NOT_NOW, "none")


@pytest.mark.parametrize("text, ranking", [
    # a bare "later" opens a story; a reason outside the whitelist; someone present in the plain bot; a sure or
    # urgent help reading (review s27)
    ("later, he is home", [("deny", 0.9), ("greet", 0.1)]),
    ("later he told me not to tell anyone", [("deny", 0.9), ("greet", 0.1)]),
    ("not now, the man from snapchat is outside", [("deny", 0.9), ("greet", 0.1)]),
    ("not now my mum is next to me", [("deny", 0.9), ("greet", 0.1)]),
    ("not now im at school", [("bullying", 0.6), ("deny", 0.3)]),
    ("not now im at school", [("imminent_danger", 0.3), ("deny", 0.2)]),
])
def test_a_later_outside_the_whitelist_keeps_its_reading(text: str, ranking: list) -> None:
    plain = decide(ranking, "plain", fold(text), "en", CUES, answers=ANSWERS)
    assert plain.intent != NOT_NOW


@pytest.mark.parametrize("top", ["rumianek__urgent", "rumianek__help_request"])
def test_a_bare_later_is_not_now_even_when_read_as_the_personas_code(top: str) -> None:
    """"not now, maybe tomorrow" holds no code word, though a time word drew the urgent code
    (express tonight): "nie teraz, może wieczorem" was given 112 after the discreet question."""
    decision = decide([(top, 0.54), ("deny", 0.43), ("greet", 0.03)], "rumianek", fold("no, maybe tomorrow"), "en",
                      CUES, postponing=POSTPONING_ALL, answers=ANSWERS)
    assert (decision.intent, decision.signal, decision.urgent) == (NOT_NOW, "not_safe", False)


HOLD = Phrases({"en": (fold("one sec"), fold("hang on")), "pl": (fold("chwila"),), "es": (fold("un momento"),)},
               {"en": frozenset({"ok", "sorry"}), "pl": frozenset({"sorki"}), "es": frozenset({"vale"})})


@pytest.mark.parametrize("text, lang", [("one sec", "en"), ("ok hang on", "en"), ("chwila", "pl"), ("un momento", "es")])
@pytest.mark.parametrize("persona, signal", [("rumianek", "not_safe"), ("plain", "none")])
@pytest.mark.parametrize("ranking", [[("rumianek__urgent", 0.2), ("inform_location", 0.15)],
                                     [("distress", 0.89), ("out_of_scope", 0.03)],
                                     [("imminent_danger", 0.26), ("self_harm_urgent", 0.24)]])
def test_a_bare_pause_is_not_now_whatever_the_classifier_says(text: str, lang: str, persona: str, signal: str,
                                                              ranking: list) -> None:
    """The s19 probe: "chwila" drew the urgent code at 0.20 (112 first), "one sec" distress at 0.89
    (the plain "That sounds really heavy" line inside the shop)."""
    if persona == "plain":
        ranking = [(intent.replace("rumianek__", ""), c) for intent, c in ranking]
    answers = Answers(later=LATER, resume=RESUME, unsure=UNSURE, hold=HOLD)
    decision = decide(ranking, persona, fold(text), lang, CUES, answers=answers)
    assert (decision.intent, decision.signal, decision.urgent) == (NOT_NOW, signal, False)


# "hang on someone is at the door" was here until s24: a pause with "someone" at the door is someone arriving
# now (issue 13, tests/core/test_safety_quiet_s24.py), "he" at the door is not
@pytest.mark.parametrize("text", ["hang on he is at the door", "one sec he has a knife", "wait what"])
def test_more_than_a_pause_is_left_to_the_classifier(text: str) -> None:
    answers = Answers(later=LATER, resume=RESUME, unsure=UNSURE, hold=HOLD)
    decision = decide([("imminent_danger", 0.9), ("greet", 0.1)], "plain", fold(text), "en", CUES, answers=answers)
    assert decision.signal == "imminent_danger"


HOME = Phrases({"en": (fold("in my room"), fold("in bed")), "es": (fold("en mi cuarto"),)},
               {"en": frozenset({"i", "m", "im"}), "es": frozenset({"estoy"})})


@pytest.mark.parametrize("text, lang", [("I'm in my room", "en"), ("im in bed", "en"), ("estoy en mi cuarto", "es")])
@pytest.mark.parametrize("persona", ["rumianek", "plain", "gametips"])
def test_where_in_the_home_is_a_place_answer_with_no_town(text: str, lang: str, persona: str) -> None:
    """The s19 probe: "I'm in my room" after the promise of a person drew self_harm_urgent (0.63): 112
    and "put what you might hurt yourself with away"; "I'm in bed" in gametips 999."""
    answers = Answers(later=LATER, resume=RESUME, unsure=UNSURE, home=HOME)
    decision = decide([("self_harm_urgent", 0.63), ("abuse_disclosure", 0.2)], persona, fold(text), lang, CUES,
                      answers=answers)
    assert (decision.intent, decision.signal, decision.urgent) == ("inform_location", "none", False)


@pytest.mark.parametrize("text", ["im in my room with a razor", "he is in my room", "i cut in my room"])
def test_more_than_where_in_the_home_is_left_to_the_classifier(text: str) -> None:
    answers = Answers(later=LATER, resume=RESUME, unsure=UNSURE, home=HOME)
    decision = decide([("self_harm_urgent", 0.9), ("greet", 0.1)], "plain", fold(text), "en", CUES, answers=answers)
    assert decision.signal == "self_harm" and decision.urgent


def test_the_shipped_later_words_hold_times_of_day() -> None:
    from core.paths import PROJECT_ROOT
    from nlu.quiet import load_answers

    later = load_answers(PROJECT_ROOT / "nlu" / "safety" / "cues.yml").later
    assert made_of(fold("nie teraz, może wieczorem"), "pl", later)
    assert made_of(fold("not now, maybe tonight"), "en", later)
    assert made_of(fold("ahora no, mejor esta noche"), "es", later)
    assert not made_of(fold("chamomile cream tonight"), "en", later)


@pytest.mark.parametrize("text, lang", [
    ("no, i don't want a person", "en"), ("nah dont want to talk to anyone thanks", "en"),
    ("nie, nie chcę z nikim gadać", "pl"), ("no quiero que me escriba nadie, gracias", "es"),
])
@pytest.mark.parametrize("persona", ["plain", "rumianek"])
def test_refusing_the_person_is_a_no_even_when_read_as_asking_for_one(text: str, lang: str, persona: str) -> None:
    """"no i dont want a person" was read as ask_human (0.65, "want a person") and called the
    counselor the child had just refused."""
    from core.paths import PROJECT_ROOT
    from nlu.quiet import load_answers

    answers = load_answers(PROJECT_ROOT / "nlu" / "safety" / "cues.yml")
    decision = decide([("ask_human", 0.65), ("deny", 0.34), ("greet", 0.01)], persona, fold(text), lang, CUES,
                      answers=answers)
    assert (decision.intent, decision.signal, decision.urgent) == ("deny", "none", False)
    kept = decide([("self_harm", 0.7), ("deny", 0.3)], persona, fold(text), lang, CUES, answers=answers)
    assert kept.signal == "self_harm"  # any other help signal stays


def test_a_later_never_replaces_a_help_signal() -> None:
    decision = decide([("imminent_danger", 0.6), ("deny", 0.4)], "rumianek", fold("not now"), "en", CUES,
                      answers=ANSWERS)
    assert (decision.intent, decision.signal, decision.urgent) == ("imminent_danger", "imminent_danger", True)


@pytest.mark.parametrize("text, lang", [("now I can", "en"), ("ok, now I can talk", "en"), ("I'm back", "en"),
                                        ("tak, teraz mogę", "pl"), ("sí, ya puedo hablar", "es"), ("ya puedo", None)])
@pytest.mark.parametrize("persona", ["rumianek", "plain"])
def test_now_i_can_is_a_yes_even_when_now_drew_a_danger_intent(text: str, lang: str, persona: str) -> None:
    for top in ("affirm", "out_of_scope", "imminent_danger"):
        decision = decide([(top, 0.8), ("greet", 0.2)], persona, fold(text), lang, CUES, answers=ANSWERS)
        assert (decision.intent, decision.signal, decision.urgent) == ("affirm", "none", False)


@pytest.mark.parametrize("text", ["now I can see the bruises", "I can't talk now", "now he hits me"])
def test_now_i_can_with_other_words_is_left_to_the_classifier(text: str) -> None:
    decision = decide([("abuse_disclosure", 0.8), ("affirm", 0.2)], "rumianek", fold(text), "en", CUES,
                      answers=ANSWERS)
    assert decision.intent == "abuse_disclosure"


@pytest.mark.parametrize("text, lang", [("I don't know", "en"), ("really, I don't know", "en"), ("maybe", "en"),
                                        ("what?", "en"), ("¿qué?", "es"), ("pues no sé", "es"), ("no sé", None)])
@pytest.mark.parametrize("top", ["deny", "probe", "affirm", "rumianek__ask_price"])
def test_i_dont_know_is_unclear_so_the_question_is_asked_again(text: str, lang: str, top: str) -> None:
    decision = decide([(top, 0.8), ("greet", 0.2)], "rumianek", fold(text), lang, CUES, answers=ANSWERS)
    assert (decision.intent, decision.signal, decision.urgent) == (FOREIGN_INTENT, "none", False)


def test_i_dont_know_never_hides_a_signal_and_later_comes_first() -> None:
    for top in ("distress", "rumianek__not_safe", "rumianek__help_request"):
        decision = decide([(top, 0.8), ("greet", 0.2)], "rumianek", fold("i don't know"), "en", CUES, answers=ANSWERS)
        assert decision.intent == generic_name(top)
    assert decide([("deny", 1.0)], "rumianek", fold("maybe later"), "en", CUES, answers=ANSWERS).intent == NOT_NOW


@pytest.mark.parametrize("top", ["rumianek__help_request", "distress", "ask_human"])
def test_words_of_not_knowing_outweigh_a_help_signal_read_with_low_confidence(top: str) -> None:
    """ "what?" once read as the shop's help code at 0.35: no disclosure in it, so it is unclear
    (the question is asked again), not the discreet question once more."""
    ranking = [(top, 0.35), ("out_of_scope", 0.3), ("greet", 0.2), ("thanks", 0.15)]
    decision = decide(ranking, "rumianek", fold("what?"), "en", CUES, answers=ANSWERS)
    assert (decision.intent, decision.signal, decision.urgent) == (FOREIGN_INTENT, "none", False)


def test_made_of_needs_a_cue_and_only_known_words() -> None:
    assert made_of(fold("maybe later"), "en", LATER)
    assert not made_of(fold("maybe"), "en", LATER)  # fillers alone are no answer
    assert not made_of(fold("later mum"), "en", LATER)
    assert made_of(fold("później"), None, LATER)  # unknown language: any language's lists
    assert not made_of(fold(" ".join(["later"] * 11)), "en", LATER)  # too long to be a bare answer


def test_the_projects_answer_cues_read_short_forms_and_an_apology_with_im_back() -> None:
    """Found by whole-conversation probing (issue 13): "not rn" to "is it okay to chat right now?"
    was a plain "no" (the cover line, no offer remembered) and "sorry, I'm back" was no answer."""
    from core.paths import PROJECT_ROOT
    from nlu.quiet import load_answers

    answers = load_answers(PROJECT_ROOT / "nlu" / "safety" / "cues.yml")
    for text in ("not rn", "no not rn", "not atm"):
        assert decide([("deny", 1.0)], "gametips", fold(text), "en", CUES, answers=answers).intent == NOT_NOW, text
    for text, lang in [("sorry im back", "en"), ("soz, I'm back now", "en"), ("sorki, już jestem", "pl"),
                       ("perdón, ya estoy", "es"), ("lo siento, ya he vuelto", "es")]:
        decision = decide([("rumianek__not_safe", 1.0)], "rumianek", fold(text), lang, CUES, answers=answers)
        assert (decision.intent, decision.signal) == ("affirm", "none"), text


def test_the_projects_answer_cues_load_and_decide(tmp_path) -> None:
    """nlu/safety/cues.yml: "not now" / "now I can" in every language; a malformed list names the field."""
    from core.paths import PROJECT_ROOT
    from nlu.quiet import load_answers

    answers = load_answers(PROJECT_ROOT / "nlu" / "safety" / "cues.yml")
    for text, lang in [("no, not now", "en"), ("maybe tomorrow", "en"), ("nie, nie teraz", "pl"),
                       ("może później", "pl"), ("ahora no", "es"), ("mejor mañana", "es")]:
        assert decide([("deny", 1.0)], "rumianek", fold(text), lang, CUES, answers=answers).intent == NOT_NOW, text
    for text, lang in [("ok now I can talk", "en"), ("teraz już mogę", "pl"), ("ya puedo hablar", "es")]:
        assert decide([("out_of_scope", 1.0)], "rumianek", fold(text), lang, CUES, answers=answers).intent == "affirm"
    for text, lang in [("idk", "en"), ("I'm not sure", "en"), ("sama nie wiem", "pl"), ("co?", "pl"), ("no sé", "es"),
                       ("¿qué?", "es")]:
        assert decide([("deny", 1.0)], "rumianek", fold(text), lang, CUES, answers=answers).intent == FOREIGN_INTENT
    bad = tmp_path / "cues.yml"
    # every scalar is read as text (an unquoted no is the word "no"); a nested list is malformed
    bad.write_text("answers:\n  later:\n    en: {cues: [later], fillers: [no, [maybe]]}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"answers.later.en.fillers\[1\]: expected text, got a list"):
        load_answers(bad)


def _project_cues(key: str) -> dict:
    from core.paths import PROJECT_ROOT
    from nlu.cues import cue_list

    return cue_list(PROJECT_ROOT / "nlu" / "safety" / "cues.yml", key)


@pytest.mark.parametrize("text, lang", [
    ("tengo que irme", "es"), ("me tengo que ir, adiós", "es"), ("bueno chao, tengo q irme", "es"),
    ("muszę lecieć", "pl"), ("pa, muszę lecieć", "pl"), ("dobra, muszę spadać, nara", "pl"),
    ("gotta go", "en"), ("ok bye gotta go", "en"), ("have to go now, bye", "en"), ("Tengo que irme!", None),
])
def test_a_goodbye_that_breaks_the_talk_off_is_not_safe_inside_a_persona(text: str, lang: str) -> None:
    """ "tengo que irme" / "muszę lecieć" / "gotta go" read as goodbye drew the persona's goodbye (the
    offer forgotten, the chat kept for a day): inside a persona it is the quiet line, by rule."""
    cues = {"postponing": _project_cues("postponing"), "farewells": _project_cues("farewells")}
    decision = decide([("goodbye", 0.8), ("thanks", 0.2)], "rumianek", fold(text), lang, CUES, answers=ANSWERS, **cues)
    assert (decision.intent, decision.signal, decision.urgent) == ("not_safe", "not_safe", False)
    plain = decide([("goodbye", 0.8), ("thanks", 0.2)], "plain", fold(text), lang, CUES, answers=ANSWERS, **cues)
    assert (plain.intent, plain.signal) == ("goodbye", "none")  # no persona, no code


@pytest.mark.parametrize("text, lang", [
    ("adiós, hasta luego", "es"), ("gracias, nos vemos luego", "es"), ("hasta luego!", "es"),
    ("pa, do później", "pl"), ("dzięki, do zobaczenia później", "pl"), ("bye, see you later", "en"),
    ("thanks, catch you later", "en"), ("bye", "en"), ("chao", "es"), ("pa pa", "pl"),
])
def test_a_stock_farewell_stays_an_ordinary_goodbye(text: str, lang: str) -> None:
    cues = {"postponing": _project_cues("postponing"), "farewells": _project_cues("farewells")}
    decision = decide([("goodbye", 0.8), ("thanks", 0.2)], "rumianek", fold(text), lang, CUES, answers=ANSWERS, **cues)
    assert (decision.intent, decision.signal) == ("goodbye", "none")


def test_a_no_with_a_later_word_stays_not_safe_whatever_farewell_it_holds() -> None:
    cues = {"postponing": _project_cues("postponing"), "farewells": _project_cues("farewells")}
    decision = decide([("deny", 0.8), ("goodbye", 0.2)], "rumianek", fold("no, hasta luego"), "es", CUES, **cues)
    assert decision.intent == "not_safe"


def test_putting_off_cues_count_only_for_a_deny() -> None:
    decision = decide([("rumianek__ask_price", 0.9), ("deny", 0.1)], "rumianek", fold("later: what's the price"),
                      "en", CUES, postponing=POSTPONING)
    assert decision.intent == "rumianek__ask_price"


def test_empty_ranking_is_out_of_scope() -> None:
    assert decide([], "rumianek", "", None, CUES).intent == FOREIGN_INTENT


def test_coded_peer_help_is_answered_like_a_help_request_with_its_own_signal() -> None:
    decision = decide([("rumianek__peer_help", 0.9), ("greet", 0.1)], "rumianek", "", "en", CUES)
    assert (decision.intent, decision.signal) == ("help_request", "peer_help")
    plain = decide([("peer_help", 0.9), ("greet", 0.1)], "plain", "", "en", CUES)
    assert (plain.intent, plain.signal) == ("peer_help", "peer_help")


def test_self_harm_with_a_cue_of_the_messages_language_is_urgent() -> None:
    folded = fold("I want to take all the pills tonight")
    decision = decide([("self_harm", 0.9), ("greet", 0.1)], "plain", folded, "en", CUES)
    assert (decision.intent, decision.signal, decision.urgent) == ("self_harm_urgent", "self_harm", True)
    # the Polish cue list does not contain "tonight": a Polish message without a Polish cue is not urgent
    assert not decide([("self_harm", 0.9)], "plain", folded, "pl", CUES).urgent
    # unknown language: every language's cues count
    assert decide([("self_harm", 0.9)], "plain", folded, None, CUES).urgent


@pytest.mark.parametrize("text, urgent", [
    ("im cutting rn", True),                       # "rn", as children write "right now"
    ("i want to hurt myself rn", True),
    ("i used to hurt myself, not anymore", False),
])
def test_self_harm_happening_rn_is_urgent(text: str, urgent: bool) -> None:
    from core import PROJECT_ROOT
    from nlu.cues import load_cues

    cues = {lang: [fold(c) for c in words] for lang, words in
            load_cues(PROJECT_ROOT / "nlu" / "safety" / "cues.yml").self_harm_urgent.items()}
    assert decide([("self_harm", 0.9)], "plain", fold(text), "en", cues).urgent is urgent


def test_urgency_cues_matter_only_for_self_harm() -> None:
    folded = fold("tonight")
    assert not is_urgent("bullying", False, folded, "en", CUES)
    assert is_urgent("imminent_danger", True, "", "en", CUES)
    decision = decide([("imminent_danger", 1.0)], "plain", "", "en", CUES)
    assert (decision.signal, decision.urgent) == ("imminent_danger", True)


def test_cues_match_at_word_starts_only() -> None:
    assert contains_cue(fold("Pills tonight"), [fold("pills")])
    assert not contains_cue(fold("spills"), [fold("pills")])


ADULT = {"en": [fold("my wife"), fold("invoice")], "pl": [fold("dla żony")]}
HARM = {"en": [fold("hurt"), fold("skin")], "pl": [fold("boli")]}


@pytest.mark.parametrize("text, lang, intent", [
    # an adult customer with no harm cue: the discreet question (help_request), still urgent
    ("express delivery please, a birthday present for my wife", "en", "help_request"),
    ("poproszę ekspres, to prezent dla żony", "pl", "help_request"),
    # any harm cue keeps the emergency reply first
    ("express delivery please, my wife's skin is really bad", "en", "urgent"),
    ("ekspres dla żony, bo mnie boli", "pl", "urgent"),
    # no adult cue: the urgent code as before
    ("express delivery please, i need it tonight", "en", "urgent"),
    # another language's adult cue does not count when the language is known
    ("poproszę ekspres, my wife", "pl", "urgent"),
])
def test_an_adults_urgent_order_without_harm_gets_the_discreet_question(text: str, lang: str, intent: str) -> None:
    decision = decide([("rumianek__urgent", 0.9), ("greet", 0.1)], "rumianek", fold(text), lang, CUES,
                      adult_cues=ADULT, harm_cues=HARM)
    assert decision.intent == intent
    assert decision.signal == "urgent" and decision.urgent


def test_the_adult_rule_never_touches_plain_or_other_signals() -> None:
    folded = fold("he hits me, a birthday present for my wife")
    plain = decide([("imminent_danger", 1.0)], "plain", folded, "en", CUES, adult_cues=ADULT, harm_cues={})
    assert plain.intent == "imminent_danger"
    visit = decide([("rumianek__visit_request", 1.0)], "rumianek", fold("send it to my wife at 5 Oak St"), "en",
                   CUES, adult_cues=ADULT, harm_cues=HARM)
    assert visit.intent == "visit_request"


def test_an_urgent_intent_close_behind_a_help_signal_decides() -> None:
    # "he is threatening me with a weapon now": exploitation 0.48, danger 0.46 -> danger, urgent
    d = decide([("online_exploitation", 0.48), ("imminent_danger", 0.46), ("bullying", 0.06)], "plain",
               fold("me amenaza con un arma ahora"), "es", CUES)
    assert (d.intent, d.signal, d.urgent) == ("imminent_danger", "imminent_danger", True)
    d = decide([("distress", 0.34), ("self_harm_urgent", 0.31), ("out_of_scope", 0.05)], "plain",
               fold("x"), "en", CUES)
    assert (d.intent, d.signal, d.urgent) == ("self_harm_urgent", "self_harm", True)


def test_an_urgent_intent_far_behind_or_behind_ordinary_talk_changes_nothing() -> None:
    d = decide([("abuse_disclosure", 0.82), ("imminent_danger", 0.05), ("bullying", 0.13)], "plain",
               fold("x"), "en", CUES)
    assert (d.intent, d.urgent) == ("abuse_disclosure", False)
    # ordinary talk is never escalated: no new false alarm
    d = decide([("out_of_scope", 0.41), ("imminent_danger", 0.40), ("greet", 0.19)], "plain",
               fold("x"), "en", CUES)
    assert (d.signal, d.urgent) == ("none", False)
    # nor a quiet code inside a persona
    d = decide([("rumianek__not_safe", 0.5), ("imminent_danger", 0.45), ("greet", 0.05)], "rumianek",
               fold("x"), "en", CUES)
    assert (d.signal, d.urgent) == ("not_safe", False)


def test_escalation_keeps_a_coded_request_inside_a_persona_when_no_urgent_intent_is_close() -> None:
    d = decide([("rumianek__help_request", 0.7), ("imminent_danger", 0.3)], "rumianek", fold("x"), "en", CUES)
    assert (d.intent, d.urgent) == ("help_request", False)
    d = decide([("rumianek__help_request", 0.55), ("imminent_danger", 0.45)], "rumianek", fold("x"), "en", CUES)
    assert (d.intent, d.signal, d.urgent) == ("imminent_danger", "imminent_danger", True)


def test_the_personas_urgent_code_close_behind_its_help_code_is_urgent() -> None:
    """"can the chamomile cream come today" read help_request .49, urgent .45: urgency is not an arg-max
    between near-tied codes; the discreet question would have asked before giving the number."""
    d = decide([("rumianek__help_request", 0.49), ("rumianek__urgent", 0.45), ("greet", 0.06)], "rumianek",
               fold("x"), "pl", CUES)
    assert (d.intent, d.signal, d.urgent) == ("urgent", "urgent", True)
    d = decide([("rumianek__help_request", 0.43), ("rumianek__urgent", 0.26), ("peer_help", 0.16), ("greet", 0.15)],
               "rumianek", fold("x"), "pl", CUES)  # not a near tie: the discreet question
    assert (d.intent, d.signal, d.urgent) == ("help_request", "help_request", False)
    # another persona's urgent code is never this persona's
    d = decide([("rumianek__help_request", 0.6), ("gametips__urgent", 0.4)], "rumianek", fold("x"), "en", CUES)
    assert d.urgent is False


def test_i_cant_call_is_made_of_its_cues_and_keeps_a_help_signal() -> None:
    """"I can't call, he'd hear me" after "call 112 right now" drew the emergency reply again (read
    as imminent danger) or the shop's "the cart will wait": it is intent cant_call (nlu/quiet.py),
    a person writes here. Anything more, a break-off or "nobody would hear me" stays with the classifier."""
    import dataclasses

    from core.paths import PROJECT_ROOT
    from core.safety import Decision
    from nlu.quiet import as_cant_call, load_answers

    cant = load_answers(PROJECT_ROOT / "nlu" / "safety" / "cues.yml").cant_call
    for text, lang in [("i cant call", "en"), ("I can't call anyone, he'd hear me", "en"),
                       ("cant phone the police, the walls are thin", "en"), ("i cant call, no credit", "en"),
                       ("nie mogę zadzwonić, usłyszy mnie", "pl"), ("nie mam jak zadzwonić", "pl"),
                       ("no puedo llamar, me oiría", "es"), ("no puedo llamar, no tengo saldo", "es")]:
        assert made_of(fold(text), lang, cant), text
    # no credit alone asks what a call costs (ask_cost, actions/cost.py): free numbers are said to be free
    cost = load_answers(PROJECT_ROOT / "nlu" / "safety" / "cues.yml").cost
    for text, lang in [("no credit on my phone", "en"), ("no tengo saldo", "es"), ("nie mam środków", "pl")]:
        assert made_of(fold(text), lang, cost) and not made_of(fold(text), lang, cant), text
    for text, lang in [("i cant talk", "en"), ("nobody would hear me", "en"), ("i cant call right now, gtg", "en"),
                       ("i cant call, he is hitting me", "en"), ("nie mogę rozmawiać", "pl"), ("no puedo hablar", "es")]:
        assert not made_of(fold(text), lang, cant), text
    urgent = decide([("imminent_danger", 0.9)], "plain", fold("i cant call he would hear me"), "en", CUES)
    assert urgent.urgent
    kept = as_cant_call(urgent)
    assert (kept.intent, kept.signal, kept.urgent) == ("cant_call", "imminent_danger", True)
    shop = dataclasses.replace(urgent, intent="rumianek__not_safe", signal="not_safe", urgent=False)
    assert isinstance(shop, Decision)
    assert (as_cant_call(shop).intent, as_cant_call(shop).signal, as_cant_call(shop).urgent) == ("cant_call", "ask_human", False)


NO_PLAN = {"en": [fold(p) for p in ("havent got a plan", "no plan", "not going to do it")],
           "es": [fold(p) for p in ("no tengo ningun plan",)], "pl": [fold(p) for p in ("nie mam planu",)]}
PLAN_CUES = {"en": [fold(c) for c in ("plan", "pills", "tonight", "going to do it")],
             "es": [fold(c) for c in ("plan", "esta noche")], "pl": [fold(c) for c in ("plan", "dzis")]}


@pytest.mark.parametrize("text, lang, intent, urgent", [
    ("i dont want to be alive anymore but i havent got a plan or anything", "en", "self_harm", False),
    ("i dont want to be alive anymore but i havent got a plan or anything", "en", "self_harm_urgent", False),
    ("no quiero vivir pero no tengo ningún plan", "es", "self_harm_urgent", False),
    ("nie chcę żyć ale nie mam planu", "pl", "self_harm", False),
    ("no plan, i'll just take all the pills tonight", "en", "self_harm", True),   # means and a time outside it
    ("im not going to do it tonight", "en", "self_harm", True),                   # a time outside it
    ("i have a plan", "en", "self_harm", True),
    ("i want to die", "en", "self_harm_urgent", True),                           # the classifier's reading stays
])
def test_self_harm_said_without_a_plan_is_urgent_only_by_a_cue_outside_those_words(text: str, lang: str, intent: str,
                                                                                  urgent: bool) -> None:
    d = decide([(intent, 0.8), ("greet", 0.2)], "plain", fold(text), lang, PLAN_CUES, no_plan=NO_PLAN)
    assert (d.signal, d.urgent) == ("self_harm", urgent)
    assert d.intent == ("self_harm_urgent" if urgent else "self_harm")


def test_harm_by_others_is_no_self_harm_emergency_without_a_self_harm_cue() -> None:
    """"im 15 and pregnant and my boyfriend is 22" (exploitation .37, self_harm_urgent .19) drew the
    self-harm emergency line: a weak self-harm reading behind harm done by others needs a cue of its own."""
    ranking = [("online_exploitation", 0.37), ("peer_help", 0.26), ("self_harm_urgent", 0.19)]
    d = decide(ranking, "plain", fold("im 15 and pregnant and my boyfriend is 22"), "en", CUES)
    assert (d.intent, d.signal, d.urgent) == ("online_exploitation", "online_exploitation", False)
    d = decide([("abuse_disclosure", 0.25), ("self_harm_urgent", 0.20)], "rumianek",
               fold("worse on weekends when my dad drinks"), "en", CUES)
    assert (d.signal, d.urgent) == ("abuse_disclosure", False)
    # a means or a time of self-harm in the text keeps the escalation
    d = decide(ranking, "plain", fold("my boyfriend is 22 and i have the pills ready"), "en", CUES)
    assert (d.intent, d.signal, d.urgent) == ("self_harm_urgent", "self_harm", True)
    # and an imminent-danger reading behind it is still escalated
    d = decide([("abuse_disclosure", 0.4), ("self_harm_urgent", 0.3), ("imminent_danger", 0.25)], "plain",
               fold("x"), "en", CUES)
    assert (d.intent, d.urgent) == ("imminent_danger", True)
    # the child's own self-harm reading is escalated as before
    d = decide([("self_harm", 0.4), ("self_harm_urgent", 0.3)], "plain", fold("x"), "en", CUES)
    assert (d.signal, d.urgent) == ("self_harm", True)


def test_a_filler_of_several_words_counts_only_whole() -> None:
    """s27: "my hands are shaking" beside "what number was it" is a reason to ask again; "shaking" alone is no filler
    (it may be done to the child)."""
    from core.safety import Phrases, made_of
    number = Phrases({"en": ("what number was it",)}, {"en": frozenset({"sorry", "my", "hands are shaking"})})
    assert made_of("sorry my hands are shaking what number was it", "en", number)
    assert not made_of("sorry shaking what number was it", "en", number)
    assert not made_of("my hands are what number was it", "en", number)
