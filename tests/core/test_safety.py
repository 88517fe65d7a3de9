"""core.safety: the safety decisions on synthetic rankings (no model, no Rasa)."""
from __future__ import annotations

import pytest

from core.safety import FOREIGN_INTENT, choose, contains_cue, decide, is_urgent, mask
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


@pytest.mark.parametrize("text, lang", [
    ("not now", "en"), ("no, maybe later", "en"), ("nie teraz", "pl"), ("ahora no", "es"), ("Nie teraz!", None),
])
def test_a_putting_off_no_inside_a_persona_is_not_safe(text: str, lang: str) -> None:
    decision = decide([("deny", 0.9), ("greet", 0.1)], "rumianek", fold(text), lang, CUES, postponing=POSTPONING)
    assert (decision.intent, decision.signal, decision.urgent) == ("not_safe", "not_safe", False)
    plain = decide([("deny", 0.9), ("greet", 0.1)], "plain", fold(text), lang, CUES, postponing=POSTPONING)
    assert plain.intent == "deny"  # no persona, no code: the safety layer's own "no"


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
