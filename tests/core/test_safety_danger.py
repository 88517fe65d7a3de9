"""core.safety: danger happening now (``danger_now``) and a child covering their tracks because
someone is arriving (``is_covering_tracks``), on synthetic rankings (no model, no Rasa)."""
from __future__ import annotations

import functools

import pytest

from core.safety import Danger, decide, danger_now, is_covering_tracks, Ranked
from core.text import fold

CUES = {"en": [fold("tonight"), fold("pills")]}


def folded(by_lang: dict[str, list[str]]) -> dict[str, list[str]]:
    return {lang: [fold(c) for c in cues] for lang, cues in by_lang.items()}


DANGER = Danger(
    now=folded({"en": ["right now", "rn", "by the throat", "waiting for me", "hiding", "kicking the door"],
                 "pl": ["czekaja na mnie", "chowam sie", "za gardlo"],
                 "es": ["ahora mismo", "me esperan", "me escondo"]}),
    weapons=folded({"en": ["knife", "gun", "shotgun"], "pl": ["noz"], "es": ["cuchillo"]}),
)
ARRIVING = folded({"en": ["coming", "here", "walked in"], "pl": ["idzie", "wszedl"], "es": ["viene", "ha entrado"]})
POSTPONING = folded({"en": ["nvm", "gtg", "forget it"], "pl": ["zapomnij"], "es": ["olvidalo"]})
HARM = folded({"en": ["hit", "hurt", "help"], "pl": ["bije"], "es": ["pega"]})


def seen(ranking: list[tuple[str, float]], text: str, lang: str | None = "en", persona: str = "plain",
         **extra: object) -> tuple[str, str, bool]:
    d = decide(ranking, persona, fold(text), lang, CUES, danger=DANGER, arriving=ARRIVING,
               postponing=POSTPONING, harm_cues=HARM, **extra)  # type: ignore[arg-type]
    return d.intent, d.signal, d.urgent


URGENT = ("imminent_danger", "imminent_danger", True)


@pytest.mark.parametrize("signal", ["abuse_disclosure", "bullying", "online_exploitation"])
@pytest.mark.parametrize("text, lang", [
    ("my stepdad has mum by the throat", "en"),
    ("they're waiting for me by the shops", "en"),
    ("he's kicking the door, we're hiding upstairs", "en"),
    ("he has a knife", "en"),
    ("czekają na mnie po lekcjach", "pl"),
    ("ojczym trzyma mamę za gardło", "pl"),
    ("me esperan a la salida", "es"),
    ("tiene un cuchillo", "es"),
    ("HES GOT A GUN RN", None),  # unknown language: every language's cues count
])
def test_a_danger_signal_with_a_cue_of_the_moment_or_a_weapon_is_imminent_danger(signal: str, text: str,
                                                                                  lang: str | None) -> None:
    for persona in ("plain", "rumianek"):
        assert seen([(signal, 0.8), ("distress", 0.2)], text, lang, persona) == URGENT


@pytest.mark.parametrize("signal", ["abuse_disclosure", "bullying", "online_exploitation"])
@pytest.mark.parametrize("text", [
    "he pulls my hair when i'm late",
    "last year they pushed me in the bin",
    "he sends me messages every night",
])
def test_a_danger_signal_without_a_cue_stays_what_it_was(signal: str, text: str) -> None:
    assert seen([(signal, 0.8), ("distress", 0.2)], text) == (signal, signal, False)


def test_another_languages_cue_does_not_count_when_the_language_is_known() -> None:
    assert seen([("abuse_disclosure", 0.9)], "czekaja na mnie", "en")[2] is False
    assert seen([("abuse_disclosure", 0.9)], "he has a knife", "es")[2] is False


@pytest.mark.parametrize("signal", ["distress", "peer_help", "ask_human"])
def test_fear_a_friends_story_and_asking_for_a_person_are_not_escalated(signal: str) -> None:
    assert seen([(signal, 0.9), ("greet", 0.1)], "my anxiety is so bad right now, hiding in my room") == (
        signal, signal, False)


def test_self_harm_keeps_its_own_cues() -> None:
    assert seen([("self_harm", 0.9)], "i have a knife right now") == ("self_harm", "self_harm", False)
    assert seen([("self_harm", 0.9)], "the pills, tonight") == ("self_harm_urgent", "self_harm", True)


def test_a_coded_request_with_a_cue_of_the_moment_is_the_coded_urgent() -> None:
    ranking = [("gametips__help_request", 0.7), ("gametips__urgent", 0.2), ("greet", 0.1)]
    assert seen(ranking, "need a coach for the home level right now", persona="gametips") == (
        "urgent", "urgent", True)
    assert seen(ranking, "need a coach for the home level", persona="gametips") == (
        "help_request", "help_request", False)
    # a coded peer_help (answered like help_request) is a friend's story: not escalated
    peer = [("gametips__peer_help", 0.9), ("greet", 0.1)]
    assert seen(peer, "my mate needs a coach right now", persona="gametips") == ("help_request", "peer_help", False)


def test_ordinary_talk_with_a_cue_and_a_danger_intent_close_behind_is_imminent_danger() -> None:
    ranking = [("out_of_scope", 0.46), ("abuse_disclosure", 0.40), ("imminent_danger", 0.06)]
    assert seen(ranking, "mums boyfriend is smashing stuff, we're hiding upstairs") == URGENT
    assert seen([("out_of_scope", 0.57), ("imminent_danger", 0.42)], "he's pointing the shotgun at us") == URGENT
    far = [("out_of_scope", 0.8), ("abuse_disclosure", 0.2)]
    assert seen(far, "mums boyfriend is smashing stuff, we're hiding upstairs") == ("out_of_scope", "none", False)


@pytest.mark.parametrize("text", [
    "i'd kill for chips right now", "hiding from my cousin in hide and seek", "sharpening the knife for the bbq",
    # cues alone are not enough, not even a weapon and "right now"
    "my dad is cooking with a big knife right now lol", "got a shotgun kill rn in the game",
])
def test_ordinary_talk_with_cues_alone_stays_ordinary(text: str) -> None:
    assert seen([("out_of_scope", 0.9), ("imminent_danger", 0.05), ("greet", 0.05)], text) == (
        "out_of_scope", "none", False)


def test_a_personas_cover_talk_is_never_escalated() -> None:
    ranking = [("gametips__ask_patch_notes", 0.7), ("imminent_danger", 0.3)]
    assert seen(ranking, "is the shotgun nerfed right now", persona="gametips") == (
        "gametips__ask_patch_notes", "none", False)


@pytest.mark.parametrize("ranking, text, expected", [
    # the persona's quiet code stays quiet, a bare "later" and a putting-off "no" too
    ([("rumianek__not_safe", 0.9), ("abuse_disclosure", 0.1)], "not right now", ("not_safe", "not_safe", False)),
    ([("deny", 0.9), ("greet", 0.1)], "nvm, not rn", ("not_safe", "not_safe", False)),
])
def test_the_quiet_steps_win(ranking: list[tuple[str, float]], text: str, expected: tuple[str, str, bool]) -> None:
    assert seen(ranking, text, persona="rumianek") == expected


def test_the_adult_order_step_still_applies_to_the_coded_urgent() -> None:
    adult = {"en": [fold("my wife")]}
    d = decide([("rumianek__urgent", 0.9), ("greet", 0.1)], "rumianek", fold("express right now, for my wife"), "en",
               CUES, adult_cues=adult, harm_cues={}, danger=DANGER)
    assert (d.intent, d.signal, d.urgent) == ("help_request", "urgent", True)


def test_danger_now_leaves_an_urgent_intent_alone() -> None:
    top = Ranked("imminent_danger", 0.9, "imminent_danger")
    assert danger_now(top, "imminent_danger", (top,), fold("he has a knife"), "en", DANGER) is None


CALM = folded({"en": ["fine", "safe"], "es": ["bien"], "pl": ["spokoj"]})


@pytest.mark.parametrize("text, lang, danger_now", [
    ("its fine right now. im in sheffield", "en", False),
    ("i'm safe right now, he left", "en", False),
    ("estoy bien ahora mismo", "es", False),
    ("i'm not safe right now", "en", True),           # a negation takes the calm back
    ("its not fine right now", "en", True),
    ("no estoy bien ahora mismo", "es", True),
    ("fine right now but i'm hiding", "en", True),   # another cue of now
    ("right now he is hitting her", "en", True),
])
def test_a_word_of_calm_right_before_now_takes_the_danger_back(text: str, lang: str, danger_now: bool) -> None:
    danger = Danger(now=DANGER.now, weapons=DANGER.weapons, calm=CALM)
    assert danger.found(fold(text), lang)[0] is danger_now


# --- covering one's tracks: someone arriving -------------------------------------------------


@pytest.mark.parametrize("text, lang, top", [
    ("nvm, my stepmum is coming up", "en", "imminent_danger"),
    ("gtg my sister just walked in", "en", "goodbye"),
    ("forget it, someone's coming", "en", "out_of_scope"),
    ("zapomnij, ktoś idzie", "pl", "abuse_disclosure"),
    ("olvídalo, viene mi tío", "es", "out_of_scope"),
])
def test_breaking_off_because_someone_is_arriving_is_not_safe_inside_a_persona(text: str, lang: str,
                                                                               top: str) -> None:
    assert seen([(top, 0.6), ("gametips__not_safe", 0.3), ("greet", 0.1)], text, lang, "gametips") == (
        "not_safe", "not_safe", False)


@pytest.mark.parametrize("text", [
    "my dad is coming and he will hit me, gtg",   # a harm word
    "nvm hes coming for me",                      # not an arrival but a danger cue ... and
    "gtg he's here and he has a knife",           # a weapon
    "help, my dad is coming, gtg",                # asking for help
])
def test_danger_while_someone_arrives_keeps_its_signal(text: str) -> None:
    danger = Danger(now={"en": [fold("coming for me")]}, weapons=DANGER.weapons)
    d = decide([("imminent_danger", 0.7), ("gametips__not_safe", 0.3)], "gametips", fold(text), "en", CUES,
               danger=danger, arriving=ARRIVING, postponing=POSTPONING, harm_cues=HARM)
    assert (d.intent, d.urgent) == ("imminent_danger", True)


def test_arriving_alone_or_self_harm_is_left_to_the_classifier() -> None:
    ranking = [("imminent_danger", 0.7), ("gametips__not_safe", 0.3)]
    assert seen(ranking, "my stepmum is coming up", persona="gametips")[0] == "imminent_danger"  # no break-off
    assert seen([("imminent_danger", 0.7), ("greet", 0.3)], "my stepmum is coming up")[0] == "imminent_danger"
    top = Ranked("self_harm", 0.9, "self_harm")
    assert not is_covering_tracks(top, "gametips", fold("nvm mum is coming"), "en", True, ARRIVING, HARM, DANGER)
    assert not is_covering_tracks(top, "plain", fold("nvm mum is coming"), "en", True, ARRIVING, HARM, DANGER)


@pytest.mark.parametrize("text, lang", [
    ("nvm, she isn't coming", "en"),
    ("forget it, he's not here", "en"),
    ("olvídalo, mi tío no viene", "es"),
    ("zapomnij, nie idzie", "pl"),
])
def test_a_denied_arrival_is_nobody_arriving(text: str, lang: str) -> None:
    """"aún no ha llegado" (the parcel has not arrived) drew the quiet code inside the shop: an
    arriving cue right after a negation does not count."""
    ranking = [("rumianek__shipping", 0.7), ("rumianek__not_safe", 0.2), ("greet", 0.1)]
    assert seen(ranking, text, lang, "rumianek")[1] == "none"
    top = Ranked("out_of_scope", 0.6, "out_of_scope")
    assert not is_covering_tracks(top, "rumianek", fold(text), lang, True, ARRIVING, HARM, DANGER)
    assert is_covering_tracks(top, "rumianek", fold(text.replace("n't", "").replace(" not", "").replace(" no ", " ")
                                                     .replace("nie ", "")), lang, True, ARRIVING, HARM, DANGER)


# --- covering one's tracks in the plain bot (brief fix-plain): no quiet code to learn there ---------

WIPING = folded({"en": ["delete", "wipe"], "pl": ["usun", "skasuj"], "es": ["borra", "borralo"]})


@pytest.mark.parametrize("text, lang, top", [
    ("nvm, my stepmum is coming up", "en", "imminent_danger"),   # read as danger: the emergency line
    ("gtg someone is here", "en", "out_of_scope"),
    ("forget it, my brother walked in", "en", "distress"),
    ("delete it all, mum is coming", "en", "imminent_danger"),   # asking to wipe the chat breaks off too
    ("usuń wszystko, ktoś idzie", "pl", "imminent_danger"),
    ("skasuj to, tata wszedł", "pl", "ask_human"),
    ("bórralo que viene mi tía", "es", "imminent_danger"),
    ("olvídalo, ha entrado mi madre", "es", "out_of_scope"),
])
def test_breaking_off_because_someone_is_arriving_is_not_safe_in_the_plain_bot(text: str, lang: str,
                                                                               top: str) -> None:
    assert seen([(top, 0.7), ("greet", 0.3)], text, lang, wiping=WIPING) == ("not_safe", "not_safe", False)


@pytest.mark.parametrize("text, top", [
    ("gtg my stepdad is coming, he does stuff to me at night", "abuse_disclosure"),  # a disclosure stays
    ("nvm the group chat lot are coming after school again", "bullying"),
    ("gtg someone is coming but my friend wants to know if she can talk to you", "peer_help"),
    ("nvm someone is coming " + "and i really wanted to tell you about everything today " * 2, "imminent_danger"),
])
def test_the_plain_bot_keeps_a_disclosure_or_a_long_message_said_while_breaking_off(text: str, top: str) -> None:
    assert seen([(top, 0.7), ("greet", 0.3)], text, wiping=WIPING)[0] == top


def test_a_wipe_word_inside_another_word_does_not_break_off() -> None:
    # "borra" is not "borracho" (and "drunk" is a harm word anyway): left to the classifier
    assert seen([("out_of_scope", 0.7), ("greet", 0.3)], "el vecino viene borrachito jaja", "es",
                wiping=WIPING)[1] == "none"
    assert seen([("imminent_danger", 0.7), ("greet", 0.3)], "dad is coming, he deleted my saves lol", "en",
                wiping=WIPING)[0] == "imminent_danger"


@pytest.mark.parametrize("text, lang", [
    ("my dad is coming and he will hit me, gtg", "en"), ("delete this, hes coming for me", "en"),
    ("usun to, tata idzie i mnie bije", "pl"), ("borralo, viene mi padre con un cuchillo", "es"),
])
def test_danger_while_someone_arrives_keeps_the_emergency_reply_in_the_plain_bot(text: str, lang: str) -> None:
    danger = Danger(now={"en": [fold("coming for me")]}, weapons=DANGER.weapons)
    d = decide([("imminent_danger", 0.7), ("greet", 0.3)], "plain", fold(text), lang, CUES, danger=danger,
               arriving=ARRIVING, postponing=POSTPONING, harm_cues=HARM, wiping=WIPING)
    assert (d.intent, d.signal, d.urgent) == ("imminent_danger", "imminent_danger", True)


# --- the shipped cues (nlu/safety/cues.yml): the es/pl cues of issue 13 round 3 ---------------


@functools.lru_cache(maxsize=1)
def _shipped() -> dict[str, object]:
    """The cue lists of nlu/safety/cues.yml, as PersonaContext loads them (read once)."""
    from core.paths import PROJECT_ROOT
    from nlu.cues import cue_list, danger_cues

    path = PROJECT_ROOT / "nlu" / "safety" / "cues.yml"
    return {"danger": danger_cues(path), "arriving": cue_list(path, "arriving"),
            "postponing": cue_list(path, "postponing"), "harm_cues": cue_list(path, "harm"),
            "urgent_cues": cue_list(path)}


def seen_shipped(ranking: list[tuple[str, float]], text: str, lang: str, persona: str) -> tuple[str, str, bool]:
    """``seen`` with the shipped cues instead of the synthetic ones above."""
    s = _shipped()
    d = decide(ranking, persona, fold(text), lang, s["urgent_cues"], danger=s["danger"], arriving=s["arriving"],
               postponing=s["postponing"], harm_cues=s["harm_cues"])  # type: ignore[arg-type]
    return d.intent, d.signal, d.urgent


@pytest.mark.parametrize("text, lang", [
    ("bije mnie teraz", "pl"),
    ("ojczym bije teraz mamę w kuchni", "pl"),
    ("mi padre me está pegando", "es"),
    ("le está pegando a mi madre", "es"),
    # blind7: he is drunk and shouting now; a sister locked in hiding
    ("on jest teraz pijany i już krzyczy na mamę", "pl"),
    ("my sister locked herself in the bathroom because dad is hitting her", "en"),
    ("mi hermana se ha encerrado en el baño porque mi padre le pega", "es"),
])
def test_shipped_cues_being_hit_now_is_imminent_danger(text: str, lang: str) -> None:
    intent, _, urgent = seen_shipped([("abuse_disclosure", 0.8), ("distress", 0.2)], text, lang, "plain")
    assert (intent, urgent) == ("imminent_danger", True)


@pytest.mark.parametrize("text, lang", [
    ("nie odpisuj, tata stoi za mną", "pl"),
    ("zapomnij, mama patrzy", "pl"),
    ("no contestes, mi padre está entrando", "es"),
    ("olvídalo, acaba de llegar mi tío", "es"),
])
def test_shipped_cues_breaking_off_as_someone_arrives_is_not_safe_in_a_persona(text: str, lang: str) -> None:
    ranking = [("out_of_scope", 0.6), ("rumianek__not_safe", 0.3), ("greet", 0.1)]
    assert seen_shipped(ranking, text, lang, "rumianek") == ("not_safe", "not_safe", False)


@pytest.mark.parametrize("text, lang", [
    ("teraz gram w fife", "pl"),           # "teraz" alone is no danger cue
    ("ahora mismo no puedo, luego te escribo", "es"),
])
def test_shipped_cues_ordinary_talk_stays_ordinary(text: str, lang: str) -> None:
    intent, _, urgent = seen_shipped([("out_of_scope", 0.9), ("distress", 0.1)], text, lang, "plain")
    assert (intent, urgent) == ("out_of_scope", False)


def test_in_the_plain_bot_a_later_over_ordinary_talk_is_no_break_off() -> None:
    from core.safety import Answers, Phrases
    answers = Answers(later=Phrases({"en": (fold("later"), fold("not now"))}, {"en": frozenset({"ok"})}))
    postponing = folded({"en": ["later", "not now", "gtg"]})
    ranking = [("out_of_scope", 0.7), ("greet", 0.3)]

    def plain(text: str, top: list[tuple[str, float]] = ranking) -> str:
        return decide(top, "plain", fold(text), "en", CUES, danger=DANGER, arriving=ARRIVING, postponing=postponing,
                      harm_cues=HARM, answers=answers, wiping=WIPING).intent

    assert plain("my friends are coming over later") == "out_of_scope"
    assert plain("gtg my friends are coming") == "not_safe"
    assert plain("delete it, someone is here") == "not_safe"
    # read as danger, "not now, mum's coming" is covering one's tracks: never the emergency line
    assert plain("not now, mum is coming", [("imminent_danger", 0.7), ("greet", 0.3)]) == "not_safe"


@pytest.mark.parametrize("text, lang", [
    ("dad has got the belt out again", "en"), ("ojczym wyjal pasek i idzie do mnie", "pl"),
    ("mi padre ha sacado el cinturon", "es"),
])
def test_shipped_cues_a_belt_taken_out_is_a_weapon(text: str, lang: str) -> None:
    """"hes got the belt out" is danger now like a knife (cues.yml danger_urgent.weapons)."""
    intent, _, urgent = seen_shipped([("abuse_disclosure", 0.8), ("distress", 0.2)], text, lang, "plain")
    assert (intent, urgent) == ("imminent_danger", True)
    coded = seen_shipped([("rumianek__help_request", 0.8), ("greet", 0.2)], "chamomile cream pls, " + text, lang,
                         "rumianek")
    assert coded[::2] == ("urgent", True)


@pytest.mark.parametrize("text, lang", [
    ("my stepdad hits me with his belt when hes angry", "en"), ("ojczym leje mnie pasem za oceny", "pl"),
    ("mi padre me pega con el cinturon si suspendo", "es"),
])
def test_shipped_cues_a_belt_in_habitual_abuse_is_no_danger_now(text: str, lang: str) -> None:
    """Only the belt taken out now is a weapon cue; being hit with it as a habit stays abuse."""
    intent, _, urgent = seen_shipped([("abuse_disclosure", 0.8), ("distress", 0.2)], text, lang, "plain")
    assert (intent, urgent) == ("abuse_disclosure", False)


@pytest.mark.parametrize("text, lang", [
    ("in the music video he chases her with a knife, its all acting right", "en"),
    ("w teledysku on ja goni z nozem, to na niby?", "pl"),
    ("en la peli el malo la persigue con un cuchillo ahora mismo", "es"),
])
def test_shipped_cues_talk_about_fiction_is_never_escalated(text: str, lang: str) -> None:
    """Ordinary talk about a film, a song or a series with a weapon and a danger reading close behind
    stays ordinary (danger_urgent.fiction); the same words read as abuse keep their escalation."""
    assert seen_shipped([("out_of_scope", 0.52), ("imminent_danger", 0.30), ("greet", 0.18)], text, lang,
                        "plain")[::2] == ("out_of_scope", False)
    assert seen_shipped([("abuse_disclosure", 0.8), ("distress", 0.2)], text, lang, "plain")[::2] == (
        "imminent_danger", True)


SOON = Danger(now=DANGER.now, weapons=DANGER.weapons,
              soon=folded({"en": ["before * gets back", "before hes back"], "es": ["antes de que * vuelva"]}))


@pytest.mark.parametrize("text, lang", [
    ("my dad hits me and i want to talk before he gets back", "en"),
    ("he hits me, i need help before my stepdad gets back from the pub", "en"),
    ("before hes back pls", "en"),
    ("me pega, quiero hablar antes de que mi padre vuelva", "es"),
])
def test_danger_before_someone_comes_back_is_danger_now(text: str, lang: str) -> None:
    """"before he gets back": the danger is hours away, as urgent as "right now"."""
    d = decide([("abuse_disclosure", 0.9)], "plain", fold(text), lang, CUES, danger=SOON)
    assert (d.intent, d.urgent) == ("imminent_danger", True)
    coded = decide([("rumianek__help_request", 0.9)], "rumianek", fold(text), lang, CUES, danger=SOON)
    assert (coded.intent, coded.signal, coded.urgent) == ("urgent", "urgent", True)


@pytest.mark.parametrize("text", [
    "he hits me when he gets back",                       # a habit, no "before"
    "before the summer holidays he hit me",               # "before" without someone coming back
    "before my little brother and my mum and dad gets back",  # more than three words between
])
def test_a_habit_or_a_far_before_is_not_soon(text: str) -> None:
    d = decide([("abuse_disclosure", 0.9)], "plain", fold(text), "en", CUES, danger=SOON)
    assert (d.intent, d.urgent) == ("abuse_disclosure", False)


def test_ordinary_talk_before_someone_comes_back_stays_ordinary() -> None:
    d = decide([("out_of_scope", 0.96), ("abuse_disclosure", 0.03)], "plain",
               fold("i have to tidy my room before mum gets back lol"), "en", CUES, danger=SOON)
    assert (d.signal, d.urgent) == ("none", False)


def test_a_negated_now_cue_is_not_danger_now() -> None:
    """ "not right now, he's in the room" puts the talk off; "right now" there is no danger now."""
    danger = Danger(now={"en": ["right now", "rn"]})
    assert danger.found("not right now hes in the room", "en")[0] is False
    assert danger.found("not rn hes in the room", "en")[0] is False
    assert danger.found("hes hitting her right now", "en")[0] is True


def test_a_negation_before_a_comma_does_not_take_a_cue_back() -> None:
    """The s21 probe: "ahora no, viene alguien" (not now, someone's coming) read "no viene" as nobody
    coming, so the break-off was imminent danger and drew 112 on the child's screen."""
    from core.safety import has_affirmed_cue
    from core.text import fold

    arriving = {"es": ["viene"], "en": ["coming"]}
    assert has_affirmed_cue(fold("ahora no, viene alguien"), "es", arriving)
    assert has_affirmed_cue(fold("not now, someones coming"), "en", arriving)
    assert not has_affirmed_cue(fold("no viene nadie"), "es", arriving)


def test_someone_back_is_no_child_coming_back() -> None:
    """The s21 review: with "back" a word of coming back ("back" after "brb"), "dad's back" and "mum
    back" read as the child resuming; someone said to be back is an arrival."""
    from core.safety import is_someone_back
    from core.text import fold

    someone, unnamed = {"en": ["dad", "mum"], "pl": ["tata"]}, {"en": ["he", "hes", "she"]}
    for text, lang in [("hes back", "en"), ("he's back", "en"), ("dad's back", "en"), ("mum back", "en"),
                       ("dad is back", "en"), ("tata wrócił", "pl")]:
        assert is_someone_back(fold(text), lang, someone, unnamed), text
    for text in ["back", "ok back", "im back", "im back in my room now, she went to bed", "he left, im back"]:
        assert not is_someone_back(fold(text), "en", someone, unnamed), text


@pytest.mark.parametrize("text, covering", [("hes coming", True), ("mum is coming", True), ("hes home", True),
                                            ("shes coming up the stairs", True),
                                            ("lantern quest asap hes coming", False),
                                            ("lantern quest now someones coming", False)])
def test_the_urgent_code_over_a_bare_arrival(text: str, covering: bool) -> None:
    """The urgent code with more than an arrival asks for help now (sweep-gt); a bare arrival read as
    the urgent code ("hes coming" at 0.6) stays the quiet line (the s21 review)."""
    from core import PROJECT_ROOT
    from core.safety import Ranked, is_covering_tracks
    from core.text import fold
    from nlu.cues import cue_list, danger_cues

    cues = PROJECT_ROOT / "nlu/safety/cues.yml"
    assert is_covering_tracks(Ranked("urgent", 0.6, "gametips__urgent"), "gametips", fold(text), "en", False,
                              cue_list(cues, "arriving"), cue_list(cues, "harm"), danger_cues(cues),
                              cue_list(cues, "someone"), cue_list(cues, "someone_unnamed")) is covering
