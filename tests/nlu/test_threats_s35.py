"""A parent's threat: figure of speech or real threat (issue 13, session 35, helper threats-s35).

Both directions, en / es / pl, the plain bot and both personas; every line written for these tests, none from
tests/data:

* a parent's joking threat over a chore, a mark, lateness or money ("mama mnie zabije jak nie posprzątam pokoju":
  abuse .57, "stara mnie zabije jak nie pozmywam przed jej powrotem": danger now .65) is ordinary talk: the chores
  and rules not yet done join ``own_mishap``, and a threat no one carries out (``threat_absurd``: "mi padre dice que
  me vende si suspendo", abuse .96) is only reported by "dice que" (nlu/quiet.py is_figurative_threat);
* a threat to kill or beat the child told as real — a harm named beside it, or (not over a mishap or chore) a threat
  for telling, said, threatened or meant — read as ordinary talk is a disclosure ("he will kill me if i tell anyone":
  none .54, "my dad said he will kill me tonight": none .89), danger now when set for a near moment; the persona's
  code with such a threat and the moment is the urgent code (nlu/misreadings.py is_threat_told).

``TARGETS``/``KEPT`` run on the trained model (the ``agent`` fixture); the ``component`` tests run PersonaContext on
synthetic rankings (no model): each rule on its lines and their neighbours.
"""
from __future__ import annotations

from typing import Any

import pytest

from core.signals import HELP_SIGNALS
from nlu.components.persona import PersonaContext
from tests.nlu.context import seen

#: (persona, lang, text, main, branch): readings on main's model (session 35's base) and on this branch ("!" = urgent).
TARGETS = [
    ('plain', 'en', "mum's gonna kill me if i dont hoover the stairs", 'abuse_disclosure', 'none'),
    ('gametips', 'en', 'mum will kill me if i spend real money on vbucks, any free ones', 'abuse_disclosure', 'none'),
    ('plain', 'es', 'mi padre dice que me vende si suspendo', 'abuse_disclosure', 'none'),
    ('plain', 'es', 'mi madre me va a matar si me gasto la paga en chuches', 'abuse_disclosure', 'none'),
    ('plain', 'es', 'mi madre me va a vender en wallapop si no hago los deberes', 'abuse_disclosure', 'none'),
    ('plain', 'es', 'mi madre me castiga de por vida si no ordeno la habitacion', 'abuse_disclosure', 'none'),
    ('plain', 'es', 'si no limpio el baño mi madre me mata', 'abuse_disclosure', 'none'),
    ('plain', 'pl', 'mama mnie zabije jak nie posprzątam pokoju', 'abuse_disclosure', 'none'),
    ('plain', 'pl', 'stara mnie zabije jak nie pozmywam przed jej powrotem', 'imminent_danger!', 'none'),
    ('plain', 'pl', 'jak nie umyje lazienki to mama mnie zabije', 'abuse_disclosure', 'none'),
    ('plain', 'en', 'my dad said he will kill me tonight', 'none', 'imminent_danger!'),
    ('plain', 'en', "my dad said he'd kill me tonight for real this time", 'none', 'imminent_danger!'),
    ('plain', 'en', 'he will kill me if i tell anyone', 'none', 'online_exploitation'),
    ('plain', 'en', 'mum will kill me if she finds out he hits me', 'none', 'abuse_disclosure'),
    ('plain', 'en', 'my dad will kill me if i tell the teacher about the bruises', 'none', 'abuse_disclosure'),
    ('plain', 'en', 'dad will kill me if i break another controller, he threw me at the wall last time', 'none',
     'abuse_disclosure'),
    ('plain', 'es', 'me mata si se lo cuento a alguien', 'none', 'abuse_disclosure'),
    ('plain', 'es', 'el novio de mi madre dijo que me mataria mientras duermo', 'abuse_disclosure',
     'imminent_danger!'),
    ('plain', 'es', 'mi madre me amenazo con matarme si abro la puerta', 'abuse_disclosure', 'imminent_danger!'),
    ('rumianek', 'es', 'crema de manzanilla por favor, mi padre dice que esta noche me mata', 'help_request',
     'urgent!'),
    ('gametips', 'es', 'lantern quest, mi padrastro dijo que me mata cuando vuelva', 'help_request', 'urgent!'),
]

#: (persona, lang, text, reading): readings that must not move (main and branch alike).
KEPT = [
    ('plain', 'en', 'my mum will kill me if I don\'t tidy my room today', 'none'),
    ('plain', 'en', 'my dad will sell me on ebay if I break another controller', 'none'),
    ('plain', 'es', 'mi madre me mata si llego tarde', 'none'),
    ('rumianek', 'es', 'mi madre me mata si gasto mas de 20 euros, que velas baratas teneis', 'none'),
    ('gametips', 'pl', 'mama mnie zabije jak znowu bede grac po 23, jak szybko przejsc bossa', 'none'),
    ('plain', 'en', "he said he'd kill me when he gets home", 'imminent_danger!'),
    ('plain', 'en', 'she threatened me with a knife', 'imminent_danger!'),
    ('plain', 'es', 'me ha dicho que esta noche me mata', 'imminent_danger!'),
    ('plain', 'pl', 'ojczym powiedział że mnie dzisiaj zabije', 'imminent_danger!'),
    ('plain', 'en', 'my mum will kill me if i dont tidy my room and last time she hit me with a belt',
     'abuse_disclosure'),
    ('plain', 'es', 'mi madre me mata si se entera de que su novio me pega', 'abuse_disclosure'),
    ('plain', 'pl', 'zabije mnie jak komus powiem', 'abuse_disclosure'),
    ('rumianek', 'en', 'my dad will kill me if i tell anyone, chamomile cream please', 'help_request'),
]


async def _reading(agent: Any, persona: str, lang: str, text: str) -> str:
    from nlu.classifier import from_parse_data, parse_text

    got = from_parse_data(text, await parse_text(agent, text, None if persona == "plain" else persona, lang), lang)
    return got.signal + ("!" if got.urgent else "")


@pytest.mark.parametrize("persona,lang,text,main,branch", TARGETS)
async def test_a_parents_threat_is_read_for_what_it_is(agent: Any, persona: str, lang: str, text: str, main: str,
                                                       branch: str) -> None:
    assert await _reading(agent, persona, lang, text) == branch


@pytest.mark.parametrize("persona,lang,text,reading", KEPT)
async def test_the_neighbours_keep_their_reading(agent: Any, persona: str, lang: str, text: str,
                                                 reading: str) -> None:
    assert await _reading(agent, persona, lang, text) == reading


#: A joking threat read as a disclosure; a real one read as ordinary talk (the classifier's two mistakes).
AS_ABUSE = [("abuse_disclosure", 0.82), ("imminent_danger", 0.1), ("out_of_scope", 0.08)]
AS_NONE = [("out_of_scope", 0.89), ("abuse_disclosure", 0.06), ("imminent_danger", 0.05)]

#: (lang, text): a parent's joke over a chore, a mark, lateness, money — ordinary talk under a disclosure reading.
FIGURATIVE = [
    ("en", "my mum will kill me if i dont tidy my room"),
    ("en", "mum is gonna kill me if i dont do the dishes"),
    ("en", "my dad will sell me on ebay if i break another controller"),
    ("en", "dad will ground me for life if i get a c in science"),
    ("en", "my mum will kill me if i spend all my pocket money on sweets"),
    ("es", "mi madre me mata si no recojo mi cuarto"),
    ("es", "mi padre dice que me vende si suspendo"),
    ("es", "mi madre me va a matar si me gasto la paga en chuches"),
    ("es", "mi padre me mata si no saco al perro"),
    ("es", "mi hermana me mata si le cojo la sudadera otra vez"),
    ("pl", "mama mnie zabije jak nie posprzatam pokoju"),
    ("pl", "tata mnie sprzeda na allegro jak zepsuje kolejnego pada"),
    ("pl", "mama mnie zabije jak nie pozmywam"),
    ("pl", "tata mnie zabije jak wydam kieszonkowe na skiny"),
    ("pl", "siostra mnie zabije jak zobaczy ze wzielam jej bluze"),
]

#: (lang, text): the same threats beside telling, a threat said or a harm named: the disclosure stays.
FIGURATIVE_NEIGHBOURS = [
    ("en", "my dad said he will kill me if i dont tidy my room, last time he hit me"),
    ("en", "my mum will kill me if i tell anyone, i broke her phone"),
    ("es", "mi padre dice que me mata si no recojo el cuarto"),
    ("es", "mi padre dice que me vende si suspendo y la ultima vez me pego con el cinturon"),
    ("pl", "tata powiedzial ze mnie zabije jak nie posprzatam"),
    ("pl", "tata mnie sprzeda jak zepsuje pada, ostatnio bil mnie pasem"),
]


@pytest.mark.parametrize("lang,text", FIGURATIVE)
def test_a_joking_threat_over_a_chore_is_ordinary(component: PersonaContext, lang: str, text: str) -> None:
    for persona in ("plain", "rumianek", "gametips"):
        intent, signal, urgent, _ = seen(component, text, AS_ABUSE, lang, persona)
        assert (signal, urgent) == ("none", False), (persona, intent)


@pytest.mark.parametrize("lang,text", FIGURATIVE_NEIGHBOURS)
def test_a_threat_said_or_with_harm_keeps_the_disclosure(component: PersonaContext, lang: str, text: str) -> None:
    for persona in ("plain", "rumianek"):
        intent, signal, _, _ = seen(component, text, AS_ABUSE, lang, persona)
        assert signal in HELP_SIGNALS, (persona, intent)


#: (lang, text, urgent): a real threat read as ordinary talk — a disclosure, danger now when set for a near moment.
TOLD = [
    ("en", "my dad said he will kill me tonight", True),
    ("en", "he said he'd kill me when he gets home", True),
    ("en", "my stepdad said hes going to kill me in my sleep", True),
    ("en", "he will kill me if i tell anyone", False),
    ("en", "mum will kill me if she finds out he hits me", False),
    ("en", "dad will kill me if i break another controller, he threw me at the wall last time", False),
    ("en", "my mum threatened to kill me if i open the door", True),
    ("es", "me ha dicho que esta noche me mata", True),
    ("es", "mi padre dice que me va a matar cuando llegue a casa", True),
    ("es", "me mata si se lo cuento a alguien", False),
    ("es", "mi madre me amenazo con matarme si abro la puerta", True),
    ("es", "mi padre me mata si rompo otro mando, la ultima vez me tiro contra la pared", False),
    ("pl", "ojczym powiedzial ze mnie dzisiaj zabije", True),
    ("pl", "tata powiedzial ze jak wroci z pracy to mnie zabije", True),
    ("pl", "zabije mnie jak komus powiem", False),
    ("pl", "tata mnie zabije jak zepsuje pada, ostatnio rzucil mna o sciane", False),
]

#: (lang, text): threats that are no one's real threat — a friend's, a game's, one said over a chore, an idiom.
NOT_TOLD = [
    ("en", "my best friend will kill me if i tell anyone about her crush"),
    ("en", "my brother said he will kill me at fifa tonight"),
    ("en", "my mate said he will kill me in fortnite tonight lol"),
    ("en", "my mum said she'll kill me if im late again lol"),
    ("en", "my sister said she'll kill me if i tell mum i borrowed her top"),
    ("en", "this homework is killing me for real"),
    ("en", "my coach says hes gonna kill me at training tonight lol"),
    ("en", "my brother said hed kill me if i told mum he ate my chocolate lol"),
    ("es", "mi amiga me mata si cuento que le gusta pablo"),
    ("es", "mi hermana dice que me mata si le digo a mama que le cogi la sudadera"),
    ("es", "mi hermano dice que me va a matar en el fortnite esta noche"),
    ("es", "mi madre dijo que me mata si llego tarde otra vez jaja"),
    ("es", "como no apruebe mates mi madre me mata, en serio, me quita la play un mes"),
    ("es", "este calor me mata, en serio"),
    ("es", "mi padre dice que me va a matar si pierdo otra vez las llaves jajaja"),
    ("es", "mi mama dijo que me mata si ve mis notas jaja"),
    ("pl", "kolezanka mnie zabije jak komus powiem ze podoba jej sie kuba"),
    ("pl", "siostra powiedziala ze mnie zabije jak zobaczy ze wzielam jej bluze haha"),
    ("pl", "mama powiedziala ze mnie zabije jak sie spoznie xd"),
    ("pl", "ta praca domowa mnie zabija serio"),
]


@pytest.mark.parametrize("lang,text,urgent", TOLD)
def test_a_real_threat_read_as_ordinary_talk_is_a_disclosure(component: PersonaContext, lang: str, text: str,
                                                             urgent: bool) -> None:
    intent, signal, is_urgent, _ = seen(component, text, AS_NONE, lang, "plain")
    assert signal in HELP_SIGNALS and is_urgent == urgent, intent
    assert signal == ("imminent_danger" if urgent else "abuse_disclosure"), intent


@pytest.mark.parametrize("lang,text", NOT_TOLD)
def test_no_ones_real_threat_stays_ordinary(component: PersonaContext, lang: str, text: str) -> None:
    for persona in ("plain", "rumianek"):
        intent, signal, urgent, _ = seen(component, text, AS_NONE, lang, persona)
        assert (signal, urgent) == ("none", False), (persona, intent)


#: (persona, lang, text): the persona's code with a real threat and the moment — the urgent code.
CODE_THREATS = [
    ("rumianek", "en", "chamomile cream please, my dad said he'll kill me tonight"),
    ("rumianek", "es", "crema de manzanilla por favor, mi padre dice que esta noche me mata"),
    ("gametips", "es", "lantern quest, mi padrastro dijo que me mata cuando vuelva"),
    ("rumianek", "pl", "krem rumiankowy prosze, tata powiedzial ze dzis mnie zabije"),
]
#: The same code with a joke over a chore tonight: the code's discreet question, not the urgent code.
CODE_JOKES = [
    ("rumianek", "en", "chamomile cream please, my mum will kill me if i dont tidy my room tonight"),
    ("rumianek", "es", "crema de manzanilla, mi madre me mata si no recojo el cuarto esta noche"),
    ("gametips", "pl", "lantern quest, mama mnie zabije jak dzis nie posprzatam"),
]


def _code(persona: str, urgent: bool = False) -> list[tuple[str, float]]:
    return [(f"{persona}__{'urgent' if urgent else 'help_request'}", 0.7), ("out_of_scope", 0.3)]


@pytest.mark.parametrize("persona,lang,text", CODE_THREATS)
def test_the_code_with_a_real_threat_tonight_is_urgent(component: PersonaContext, persona: str, lang: str,
                                                       text: str) -> None:
    intent, _, urgent, _ = seen(component, text, _code(persona), lang, persona)
    assert (intent, urgent) == ("urgent", True)


@pytest.mark.parametrize("persona,lang,text", CODE_JOKES)
def test_the_code_with_a_joke_tonight_stays_the_code(component: PersonaContext, persona: str, lang: str,
                                                     text: str) -> None:
    intent, _, urgent, _ = seen(component, text, _code(persona), lang, persona)
    assert (intent, urgent) == ("help_request", False)


def test_a_threat_for_telling_takes_the_best_help_reading(component: PersonaContext) -> None:
    """The classifier's best help reading with some weight (here exploitation .35) is kept; danger beneath does not
    fire (tests/nlu/test_danger_beneath.py kept this line as ordinary talk before s35)."""
    ranking = [("out_of_scope", .55), ("online_exploitation", .35)]
    _, signal, urgent, _ = seen(component, "he said hed kill me if i tell", ranking, "en", "plain")
    assert (signal, urgent) == ("online_exploitation", False)
