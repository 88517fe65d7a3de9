"""Game talk inside the game persona (nlu/quiet.py is_game_talk, is_bare_code_request; session 23).

Every line here was written fresh for these tests. A game message with no real-world word that the
classifier read as self-harm, abuse, bullying or (from a parent) a friend's story, or as out of scope,
is the persona's game answer; a real disclosure that mentions a game keeps its reading. A bare request
for the code (its name and the words of a request, no word of the moment) is the code's discreet
question, not its urgent reply.
"""
from __future__ import annotations

import pytest

from core import PROJECT_ROOT
from core.safety import Decision, Ranked
from core.text import fold
from nlu.components.persona import _load_danger, _load_cues, _load_game_talk
from nlu.quiet import GAME_TALK_CONFIDENCE, as_cover, beaten_in_game, is_bare_code_request, is_game_talk

CUES = PROJECT_ROOT / "nlu" / "safety" / "cues.yml"
GAME = _load_game_talk(CUES)
DONE = _load_cues(CUES, "done_to_me")
URGENT = _load_cues(CUES, "self_harm_urgent")
DANGER = _load_danger(CUES)
NAMES = ("The Lantern Quest",)


def _reading(intent: str, signal: str, confidence: float, urgent: bool = False) -> Decision:
    ranking = (Ranked(intent, confidence, intent), Ranked("ask_level_tips", 0.05, "gametips__ask_level_tips"))
    return Decision(intent, confidence, intent, signal, urgent, ranking)


def _game_talk(text: str, decision: Decision, persona: str = "gametips") -> bool:
    return is_game_talk(decision, persona, fold(text), "en", GAME, DONE, URGENT, DANGER)


@pytest.mark.parametrize("text", [
    "i wanna kms this game is so bad",
    "this boss makes me want to kms fr",
    "kms every time i lose in ranked",
    "lost my 10 win streak in ranked, literally want to unalive myself lol",
    "ugh im gonna kms if this lobby lags one more time",
    "this level is making me lose my mind, i cant take it anymore",
    "i hate myself for missing that clutch in valorant",
    "kms, died to the final boss with 1 hp left",
    "my teammates are so bad i could kms, how do i carry in apex",
    "i feel like giving up on this game forever",
])
def test_game_rage_read_as_self_harm_is_game_talk(text: str) -> None:
    assert _game_talk(text, _reading("self_harm", "self_harm", 0.71))


@pytest.mark.parametrize("text", [
    "my stepbrother always destroys me in tekken",
    "my big sister wrecks me at smash bros every time",
    "my cousin owns me in fifa, any tips",
    "dad keeps beating us at mario kart lol",
    "my brother smoked me in the 1v1 again",
    "this kid in my squad keeps killing me in every match on purpose",
    "my uncle stomps me at street fighter every christmas",
    "my older bro destroyed me in rocket league 5-0",
])
def test_being_beaten_in_a_game_is_game_talk_at_any_confidence(text: str) -> None:
    assert beaten_in_game(fold(text), "en", GAME)
    assert _game_talk(text, _reading("abuse_disclosure", "abuse_disclosure", 0.99))


@pytest.mark.parametrize("text", [
    "im getting absolutely destroyed in ranked, my team is trash lol",
    "how do i beat the ender dragon on bedrock",
    "stuck in bronze forever, any fortnite tips",
    "my controller drifts to the left, fix?",
    "whats the best loadout in warzone this season",
    "how do i get out of the lobby queue faster",
    "the wither keeps killing me",
    "which minecraft seed has a village at spawn",
    "getting spawn killed in cod every single round",
    "does the ps5 version have crossplay",
])
def test_game_talk_read_as_out_of_scope_is_game_talk(text: str) -> None:
    assert _game_talk(text, _reading("out_of_scope", "none", 0.95))


@pytest.mark.parametrize("text", [
    "hi im a dad, my son plays roblox and someone keeps messaging him weird stuff, how do i block them",
    "im a mum, how do i turn off chat in fortnite for my daughter",
    "my son's roblox friend keeps spamming him, can i block from the xbox",
    "as a parent how do i set up the minecraft server so only his friends can join",
])
def test_a_parent_asking_about_their_childs_game_is_game_talk(text: str) -> None:
    assert _game_talk(text, _reading("peer_help", "peer_help", 0.58))


@pytest.mark.parametrize("text", [
    "a stranger on roblox keeps messaging me weird stuff",
    "my friend on roblox gets weird messages from an older guy",
    "my friend says her stepdad hits her when she plays fortnite",
])
def test_a_childs_story_of_a_friend_in_a_game_keeps_its_reading(text: str) -> None:
    assert not _game_talk(text, _reading("peer_help", "peer_help", 0.58))
    assert not _game_talk(text, _reading("online_exploitation", "online_exploitation", 0.58))


@pytest.mark.parametrize("text, intent, signal, confidence", [
    ("my stepdad smashed my controller and hit me", "abuse_disclosure", "abuse_disclosure", 0.91),
    ("i want to kill myself, even gaming doesnt help", "self_harm", "self_harm", 0.96),
    ("i want to kill myself, even gaming doesnt help", "self_harm", "self_harm", 0.6),
    ("my dad throws my xbox when he is drunk", "abuse_disclosure", "abuse_disclosure", 0.7),
    ("a guy from a roblox game wants me to send pics", "bullying", "bullying", 0.5),
    ("kids from school bully me in every fortnite lobby", "bullying", "bullying", 0.6),
    ("my brother hits me when i beat him at fifa", "abuse_disclosure", "abuse_disclosure", 0.8),
    ("i play minecraft so i dont have to think about cutting myself", "self_harm", "self_harm", 0.7),
    ("my uncle says its our secret when we play xbox", "abuse_disclosure", "abuse_disclosure", 0.6),
    ("my friend on roblox says he will kill himself tonight", "peer_help", "peer_help", 0.6),
    ("my friend keeps getting bullied in our squad", "peer_help", "peer_help", 0.6),
    ("nothing matters anymore, not even games", "self_harm", "self_harm", 0.7),
    ("my teammate is so bad i want to die lol", "self_harm", "self_harm", 0.6),
    # fast-eval s23 (blind6): lost its self-harm reading before "cuts", "heal" and "sleeves" were real-world words
    ("how long do cuts take to heal, i hide them under my gaming sleeves", "self_harm", "self_harm", 0.07),
    ("my scars itch when i hold the controller", "self_harm", "self_harm", 0.5),
    ("i wear long sleeves for streams so nobody sees my arms", "self_harm", "self_harm", 0.5),
    ("my mate bullies me every game we play", "bullying", "bullying", 0.6),
    ("i dont want to live anymore, i just play games all night so i dont think", "self_harm", "self_harm", 0.8),
    ("whats the best loadout in warzone rn, hes coming with a knife", "abuse_disclosure", "abuse_disclosure", 0.5),
    ("my mum locked my controller away and wont feed me", "abuse_disclosure", "abuse_disclosure", 0.6),
    ("the home level boss took my controller and hit me", "abuse_disclosure", "abuse_disclosure", 0.6),
    ("lantern quest, this game is killing me", "self_harm", "self_harm", 0.6),
])
def test_real_disclosures_that_mention_a_game_keep_their_reading(text: str, intent: str, signal: str,
                                                                 confidence: float) -> None:
    assert not _game_talk(text, _reading(intent, signal, confidence))


def test_high_confidence_without_a_beaten_phrase_keeps_the_reading() -> None:
    assert not _game_talk("i wanna kms this game is so bad", _reading("self_harm", "self_harm", GAME_TALK_CONFIDENCE))


@pytest.mark.parametrize("text", ["i wanna kms this game is so bad", "im getting destroyed in ranked"])
def test_only_inside_a_persona_and_never_urgent(text: str) -> None:
    assert not _game_talk(text, _reading("self_harm", "self_harm", 0.5), persona="plain")
    assert not _game_talk(text, _reading("self_harm_urgent", "self_harm", 0.5, urgent=True))
    assert not _game_talk(text, _reading("imminent_danger", "imminent_danger", 0.5, urgent=True))
    assert not _game_talk(text, _reading("distress", "distress", 0.5))


def test_a_reading_of_the_code_is_left_alone() -> None:
    ranking = (Ranked("help_request", 0.6, "gametips__help_request"),)
    coded = Decision("help_request", 0.6, "gametips__help_request", "help_request", False, ranking)
    assert not _game_talk("this game is so bad", coded)


def test_game_talk_gets_the_game_answer() -> None:
    cover = as_cover(_reading("self_harm", "self_harm", 0.71), "gametips")
    assert (cover.intent, cover.signal, cover.urgent) == ("ask_level_tips", "none", False)


def _urgent_code(confidence: float = 0.6) -> Decision:
    ranking = (Ranked("urgent", confidence, "gametips__urgent"), Ranked("help_request", 0.3, "gametips__help_request"))
    return Decision("urgent", confidence, "gametips__urgent", "urgent", True, ranking)


@pytest.mark.parametrize("text", [
    "i need the lantern quest",
    "lantern quest 4 me and my lil bro",
    "lantern quest. home level boss is my stepdad",
    "can i get the lantern quest pls",
    "hi, i'd like the lantern quest walkthrough",
    "the lantern quest for me and my sister please",
    "lantern quest pls, me and my twin",
    "i think i need the lantern quest",
    "can u give me the lantern guide",
    "home level boss is my mums boyfriend",
    "my home level boss is my uncle",
    "yeah i want the lantern quest too",
])
def test_a_bare_request_for_the_code_is_its_discreet_question(text: str) -> None:
    assert is_bare_code_request(_urgent_code(), "gametips", fold(text), "en", GAME, NAMES)


@pytest.mark.parametrize("text", [
    "i need the lantern quest now",
    "lantern quest asap",
    "lantern quest tonight pls its bad",
    "need the lantern quest right now",
    "lantern quest, he's coming up the stairs",
    "the home level boss broke the door",
    "home level boss is attacking",
    "lantern quest emergency",
    "lantern quest!! hurry",
    "lantern quest me and my lil bro are hiding",
    "hp at zero on the home level",
    "lantern quest help me",
    "i need the lantern quest before he gets home",
])
def test_any_other_word_keeps_the_urgent_code(text: str) -> None:
    assert not is_bare_code_request(_urgent_code(), "gametips", fold(text), "en", GAME, NAMES)


def test_a_bare_request_needs_the_code_and_the_urgent_reading() -> None:
    assert not is_bare_code_request(_urgent_code(), "gametips", fold("i need my mum"), "en", GAME, NAMES)
    help_code = _reading("help_request", "help_request", 0.6)
    assert not is_bare_code_request(help_code, "gametips", fold("i need the lantern quest"), "en", GAME, NAMES)
    assert not is_bare_code_request(_urgent_code(), "plain", fold("i need the lantern quest"), "en", GAME, NAMES)


def test_no_urgent_example_of_the_game_persona_is_a_bare_request() -> None:
    """Every urgent example the persona is trained on has a word of the moment, haste, harm or a place
    (the rule may take none of them back; a new one without must stay urgent: extend the example or
    narrow ``code_request``)."""
    import re

    import yaml

    data = yaml.safe_load((PROJECT_ROOT / "personas" / "gametips.yml").read_text(encoding="utf-8"))
    examples = [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t) for t in data["code"]["urgent"]["examples"]["en"]]
    assert len(examples) > 50
    bare = [t for t in examples if is_bare_code_request(_urgent_code(), "gametips", fold(t), "en", GAME, NAMES)]
    assert bare == []
