"""Story and past frames of a long message's parts (session 30, core/safety.py framed_parts and part_reading).

Before, one whole word of ``told_as_story`` (a joke, a film, a dream, a book) or ``resolved_past`` anywhere in a long
message silenced every part of it: "…i swear this isnt a joke, my dad hits me every night" (an insistence) and "tengo
mucho sueño…" (sleepy) read none. Now a cue frames its own part and the parts after it until the talk turns (a clause
opener), never a part before it, and a cue inside an insistence, sleep, a wish or harm that goes on frames nothing.
Every line here was written for these tests.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import pytest

from core.safety import Danger, Decision, Ranked, framed_parts, part_reading
from core.text import fold
from nlu.cues import load_cues
from nlu.parts import all_openers, parts_of

CUES = load_cues(Path(__file__).resolve().parents[2] / "nlu" / "safety" / "cues.yml")


def folded(by_lang: Dict[str, List[str]]) -> Dict[str, List[str]]:
    return {lang: [fold(cue) for cue in cues] for lang, cues in by_lang.items()}


STORY = (folded(CUES.danger_urgent.fiction), folded(CUES.told_as_story))
PAST = folded(CUES.resolved_past)
NOT_FRAMING = folded(CUES.not_framing)
TURNS = all_openers(folded(CUES.clause_openers))


def frames(text: str, lang: str, past: bool = False) -> List[bool]:
    parts = parts_of(text, TURNS)
    assert parts, "a long message with parts"
    return framed_parts(fold(text), parts, lang, (PAST,) if past else STORY, NOT_FRAMING, TURNS)


@pytest.mark.parametrize("text,lang", [
    # an insistence is no story (main: every part framed)
    ("ok so today we had football practice and i scored twice. i swear this isnt a joke, my dad hits me every night",
     "en"),
    ("we had a spelling test and pe and i forgot my kit again. no joke my stepdad punches me in the ribs", "en"),
    ("hoy hicimos un examen de mates y me fue bastante bien. no es un chiste, mi padre me pega todas las noches", "es"),
    ("dzisiaj był sprawdzian z matmy i chyba dobrze poszło. to nie żart, tata mnie bije codziennie jak wraca", "pl"),
    ("wiem że to brzmi jak film ale to prawda. ojczym zamyka mnie w piwnicy i bije mnie pasem prawie codziennie", "pl"),
    ("se que parece una peli pero es verdad. el novio de mi madre me encierra en el cuarto y me pega", "es"),
    # sleepy is no dream, a wish is no dream
    ("tengo mucho sueño hoy, hice los deberes hasta tarde. ademas mi padre me pega con el cinturon casi todas las noches",
     "es"),
    ("mi sueño es ser veterinaria porque me encantan los animales. mi padrastro me pega casi todos los dias", "es"),
])
def test_a_cue_inside_an_insistence_sleep_or_a_wish_frames_nothing(text: str, lang: str) -> None:
    assert not any(frames(text, lang))


@pytest.mark.parametrize("text,lang", [
    ("we watched three movies at the sleepover and ate so much popcorn. btw my brother chokes me when mum is at work",
     "en"),
    ("mi libro favorito es harry potter y lo he leido cinco veces. la verdad es que el novio de mi madre me pega", "es"),
    ("czytaliśmy na polskim nudną książkę i musimy napisać wypracowanie. poza tym tata mnie bije pasem jak pije", "pl"),
])
def test_a_story_frames_its_part_until_the_talk_turns(text: str, lang: str) -> None:
    assert frames(text, lang) == [True, False]


def test_a_story_never_frames_a_part_before_it() -> None:
    text = "my stepdad hits me with a belt almost every night. we read a book in class about a boy like me"
    assert frames(text, "en") == [False, True]


@pytest.mark.parametrize("text,lang", [
    # a story told on without a turn stays the story's (main: the same)
    ("ayer vimos una peli en clase. la niña dice mi padre me pega todas las noches y nadie la cree", "es"),
    ("we watched a film in english class about a girl. her stepdad beats her every night and locks her in", "en"),
    ("i had a dream my dad was hitting me lol. it was so weird, then i woke up and had cereal", "en"),
    # the Polish story words inflected: whole words of an explicit list
    ("oglądałam filmik o dziewczynie którą ojczym bije co noc. była mega smutna i długo o tym myślałam", "pl"),
    ("w bajce macocha bije kopciuszka i każe jej sprzątać cały dzień. siostra płakała jak to czytałyśmy", "pl"),
    ("czytałam w książkach o wojnie że ktoś kogoś bije i zabija. nie lubię takich lektur, wolę smoki", "pl"),
    ("śnił mi się tata który mnie bije pasem w kuchni. potem się obudziłam i zjadłam płatki z mlekiem", "pl"),
    # a joke or a film with no insistence
    ("the joke was about a guy whose wife beats him with a frying pan. everyone in class laughed so hard", "en"),
    ("el chiste era de un señor al que su mujer le pega con la sarten. toda la clase se partio de risa", "es"),
])
def test_a_story_told_on_frames_every_part_after_it(text: str, lang: str) -> None:
    assert all(frames(text, lang))


@pytest.mark.parametrize("text,lang,framed", [
    # harm that goes on for years is not past and over
    ("hace años que mi padre me pega, desde que tengo seis. en el cole todos creen que soy feliz y saco buenas notas",
     "es", [False, False]),
    ("desde hace años mi padrastro me pega cuando bebe. hoy en el cole todo bien, sacamos un diez en ciencias", "es",
     [False, False]),
    # "hace años que no…" is, and so is what a past cue says
    ("hace años que no veo a mi tio que me pegaba. ahora vive en mexico y estoy tranquila con mi madre", "es",
     [True, True]),
    ("hace años mi padre me pegaba pero fue a terapia. ahora estamos bien y los domingos vamos a pescar juntos", "es",
     [True, True]),
    ("when i was 7 my dad used to hit me but he went to anger classes. we go fishing on sundays and its fine", "en",
     [True, True]),
    # a turn ends the past's frame: "anyway" and the present
    ("years ago my uncle used to shout at me a lot. anyway my stepdad hits me every single day now and i hate it", "en",
     [True, False]),
])
def test_harm_past_and_over_frames_like_a_story(text: str, lang: str, framed: List[bool]) -> None:
    assert frames(text, lang, past=True) == framed


def test_a_part_not_found_in_the_message_is_framed_when_a_cue_is_in_it() -> None:
    assert framed_parts("a joke: my dad hits me lol. then maths", ["something else entirely"], "en", STORY,
                        NOT_FRAMING, TURNS) == [True]
    assert framed_parts("my dad hits me. then maths", ["something else entirely"], "en", STORY, NOT_FRAMING,
                        TURNS) == [False]


def _reading(signal: str, confidence: float, urgent: bool = False) -> Decision:
    return Decision(signal, confidence, signal, signal, urgent, ())


def test_part_reading_reads_the_part_an_insistence_leaves_unframed() -> None:
    text = "ok so today we had football practice and i scored twice. i swear this isnt a joke, my dad hits me every night"
    parts = parts_of(text, TURNS)
    whole = Decision("out_of_scope", .9, "out_of_scope", "none", False,
                     (Ranked("out_of_scope", .9, "out_of_scope"), Ranked("abuse_disclosure", .1, "abuse_disclosure")))
    decided = [(parts[0], _reading("out_of_scope", .99)), (parts[1], _reading("abuse_disclosure", .95))]
    harm = (folded(CUES.done_to_me),)
    got = part_reading(whole, decided, "en", harm, fold(text), STORY, PAST, (), NOT_FRAMING, TURNS)
    assert got is not None and got.signal == "abuse_disclosure"
    # without the s30 cues (before): the joke word silences every part
    assert part_reading(whole, decided, "en", harm, fold(text), STORY, PAST, ()) is None


# --- a short message: the fiction words that keep danger beneath ordinary talk unread (urgent_beneath, danger_beneath) --

DANGER = Danger(fiction=folded(CUES.danger_urgent.fiction), not_fiction=NOT_FRAMING)


@pytest.mark.parametrize("text,lang", [
    ("brzmi jak film ale tata stoi pod drzwiami z nożem", "pl"),  # main: none (out_of_scope .52, danger .48)
    ("wiem że brzmi jak z filmu ale on jest tu z nożem teraz", "pl"),
    ("i know it sounds like a movie but my dad is outside my door with a knife", "en"),
    ("parece una peli pero mi padre esta en mi puerta con un cuchillo", "es"),
])
def test_an_insistence_tells_no_fiction(text: str, lang: str) -> None:
    assert not DANGER.tells_fiction(fold(text), lang)
    assert Danger(fiction=DANGER.fiction).tells_fiction(fold(text), lang)  # before: the film word alone


@pytest.mark.parametrize("text,lang", [
    ("in the music video he chases her with a knife", "en"),
    ("w filmie on stoi pod drzwiami z nożem", "pl"),
    ("en la peli esta en la puerta con un cuchillo", "es"),
    # an insistence beside a film told as such still tells it
    ("not joking, in the movie the killer waits at the door with a knife", "en"),
])
def test_a_film_told_as_such_tells_fiction(text: str, lang: str) -> None:
    assert DANGER.tells_fiction(fold(text), lang)
