"""core.safety: "will you tell my parents?" (ask_privacy) and "is it free?" / "no tengo saldo"
(ask_cost) are decided by words, the project's answers.privacy / answers.cost cues (issue 13).
Before, the classifier read them as probe ("we are a small family shop"), out_of_scope, distress
("no tengo saldo" 0.86) or imminent danger ("¿alguien se va a enterar?" 0.27)."""
from __future__ import annotations

import pytest

from core.paths import PROJECT_ROOT
from core.safety import ASK_COST, ASK_PRIVACY, Danger, decide
from core.text import fold
from nlu.quiet import load_answers

CUES_FILE = PROJECT_ROOT / "nlu" / "safety" / "cues.yml"
ANSWERS = load_answers(CUES_FILE)
CUES = {"en": [fold("tonight")], "pl": [fold("dzisiaj")], "es": [fold("hoy")]}

PRIVACY = [
    ("will you tell my parents?", "en"), ("is this secret?", "en"), ("will anyone find out?", "en"),
    ("do you report to the police?", "en"), ("do you tell my school?", "en"), ("is this private", "en"),
    ("pls dont tell my mum", "en"), ("will my dad find out", "en"), ("who can read this?", None),
    ("czy powiecie moim rodzicom?", "pl"), ("czy to jest tajne?", "pl"), ("czy ktoś się dowie?", "pl"),
    ("zgłosicie to na policję?", "pl"), ("nie mówcie nikomu", "pl"), ("czy powiesz w szkole?", "pl"),
    ("¿se lo vas a decir a mis padres?", "es"), ("¿es secreto?", "es"), ("¿alguien se va a enterar?", "es"),
    ("¿avisáis a la policía?", "es"), ("no se lo digas a mi madre porfa", "es"), ("¿queda entre nosotros?", None),
    ("a rodzice się dowiedzą?", "pl"),  # blind7: read as "who are you"
]
COST = [
    ("is it free?", "en"), ("i dont have credit", "en"), ("no credit on my phone", "en"),
    ("does it cost money to call?", "en"), ("is the number free", None),
    ("czy to jest darmowe?", "pl"), ("nie mam środków na koncie", "pl"), ("czy muszę płacić?", "pl"),
    ("¿es gratis?", "es"), ("no tengo saldo", "es"), ("¿tengo que pagar la llamada?", "es"),
    # blind7: longer than a bare answer (11 words), and a cost question about talking to someone
    ("i dont have any credit on my phone is that ok", "en"), ("¿y cuesta dinero hablar con alguien?", "es"),
]


@pytest.mark.parametrize("text, lang", PRIVACY)
@pytest.mark.parametrize("top, persona", [("probe", "rumianek"), ("out_of_scope", "gametips"), ("probe", "plain"),
                                          ("imminent_danger", "plain")])
def test_asking_who_will_know_is_ask_privacy(text: str, lang: str, top: str, persona: str) -> None:
    # read as danger at 0.27 ("¿alguien se va a enterar?"): below TENTATIVE_CONFIDENCE, the words decide
    ranking = ([(top, 0.3), ("probe", 0.29), ("out_of_scope", 0.21), ("greet", 0.2)] if top == "imminent_danger"
               else [(top, 0.9), ("greet", 0.1)])
    decision = decide(ranking, persona, fold(text), lang, CUES, answers=ANSWERS)
    assert (decision.intent, decision.signal, decision.urgent) == (ASK_PRIVACY, "none", False), text


@pytest.mark.parametrize("text, lang", COST)
@pytest.mark.parametrize("top, persona", [("out_of_scope", "rumianek"), ("distress", "plain"), ("probe", "plain"),
                                          ("rumianek__ask_price", "rumianek")])
def test_asking_what_it_costs_is_ask_cost(text: str, lang: str, top: str, persona: str) -> None:
    decision = decide([(top, 0.86), ("greet", 0.14)], persona, fold(text), lang, CUES, answers=ANSWERS)
    assert (decision.intent, decision.signal, decision.urgent) == (ASK_COST, "none", False), text
    assert decision.source == top  # the classifier's choice is kept: a shopper's cover answer (actions/cost.py)


@pytest.mark.parametrize("text, lang", [
    ("will you tell my parents that my dad hits me", "en"),  # a disclosure in it
    ("call the police", "en"),  # danger now: never the privacy line
    ("can you call the police please", "en"),
    ("is the lavender soap free with a big order", "en"),  # a shopper's own words
    ("i cant call he would hear me", "en"),  # cant_call stays (nlu/quiet.py)
    ("ojciec mnie bije, czy powiecie rodzicom", "pl"),
    ("mi padre me pega, ¿se lo vais a decir?", "es"),
])
def test_more_than_the_question_is_left_to_the_classifier(text: str, lang: str) -> None:
    decision = decide([("out_of_scope", 0.9), ("greet", 0.1)], "rumianek", fold(text), lang, CUES, answers=ANSWERS)
    assert decision.intent not in (ASK_PRIVACY, ASK_COST), text


def test_an_urgent_reading_the_classifier_is_sure_of_stays_only_with_a_cue_of_danger_now() -> None:
    """A false alarm costs less than a miss: an urgent reading at 0.5 or more is kept when a cue of
    danger now is in the message. On the question's words alone it is the question (session 20: "will
    the police come", imminent danger 0.78 on the word "police", drew 112 again after the urgent reply)."""
    bare = decide([("imminent_danger", 0.8), ("greet", 0.2)], "plain", fold("will anyone find out"), "en", CUES,
                  answers=ANSWERS)
    assert (bare.intent, bare.urgent) == (ASK_PRIVACY, False)
    danger = Danger(now={"en": (fold("at home"),)})  # a cue of the moment made of the question's own words
    sure = decide([("imminent_danger", 0.8), ("greet", 0.2)], "plain", fold("will anyone find out at home"), "en",
                  CUES, answers=ANSWERS, danger=danger)
    assert (sure.intent, sure.urgent) == ("imminent_danger", True)
    more = decide([("imminent_danger", 0.8), ("greet", 0.2)], "plain", fold("will anyone find out, he is hitting me"),
                  "en", CUES, answers=ANSWERS)
    assert (more.intent, more.urgent) == ("imminent_danger", True)  # more than the question: the classifier
    help_signal = decide([("abuse_disclosure", 0.8), ("greet", 0.2)], "plain", fold("will you tell my parents"),
                         "en", CUES, answers=ANSWERS)
    assert (help_signal.intent, help_signal.signal) == (ASK_PRIVACY, "none")


# --- the police as a worry (session 23) --------------------------------------------------------------
# "¿van a llamar a la policía?" after a referral was imminent danger and drew "llama al 112" again; "pero
# no quiero que llamen a la policía" held the danger cue "llamen a la policia" inside the worry itself;
# "zadzwonicie na policję?" was please_wait. Asking whether the police will be called is a question about
# what happens to what the child writes: the privacy line. A request ("call the police", "can you call the
# police", "zadzwońcie na policję") and the worry with danger now in it keep the emergency reply.
from nlu.cues import danger_cues  # noqa: E402

DANGER = danger_cues(PROJECT_ROOT / "nlu" / "safety" / "cues.yml")
POLICE_WORRIES = [
    ("will you call the police?", "en"), ("are you going to call the police on my dad", "en"),
    ("please dont call the police", "en"), ("you wont call the police right?", "en"),
    ("do you have to call the police", "en"), ("i dont want the police involved", "en"),
    ("¿van a llamar a la policía?", "es"), ("pero no quiero que llamen a la policía", "es"),
    ("no llaméis a la policía porfa", "es"), ("¿tenéis que llamar a la policía?", "es"),
    ("no quiero que venga la policía", "es"),
    ("zadzwonicie na policję?", "pl"), ("nie dzwońcie na policję", "pl"), ("nie chcę policji", "pl"),
    ("czy wezwiecie policję?", "pl"),
]


@pytest.mark.parametrize("text, lang", POLICE_WORRIES)
@pytest.mark.parametrize("persona", ["plain", "rumianek"])
def test_asking_whether_the_police_will_be_called_is_privacy(text: str, lang: str, persona: str) -> None:
    # the classifier's reading of "no llaméis a la policía" was imminent danger 0.98
    decision = decide([("imminent_danger", 0.98), ("deny", 0.02)], persona, fold(text), lang, CUES,
                      answers=ANSWERS, danger=DANGER)
    assert (decision.intent, decision.signal, decision.urgent) == (ASK_PRIVACY, "none", False), text


@pytest.mark.parametrize("text, lang", [
    ("call the police", "en"), ("can you call the police please", "en"), ("please call the police", "en"),
    ("will you call the police right now he is breaking the door", "en"),
    ("dont call the police hes here", "en"),
    ("llamad a la policía ya", "es"), ("van a llamar a la policía? me está pegando ahora mismo", "es"),
    ("zadzwońcie na policję!", "pl"), ("zadzwoń na policję on mnie bije", "pl"),
])
def test_asking_for_the_police_keeps_the_emergency_reply(text: str, lang: str) -> None:
    decision = decide([("imminent_danger", 0.9), ("probe", 0.1)], "plain", fold(text), lang, CUES,
                      answers=ANSWERS, danger=DANGER)
    assert (decision.intent, decision.urgent) == ("imminent_danger", True), text


@pytest.mark.parametrize("text", ["zadzwońcie na policję!", "zadzwońcie po policję, on tu jest"])
def test_the_polish_call_the_police_is_a_cue_of_danger_now(text: str) -> None:
    assert DANGER.found(fold(text), "pl")[0], text
