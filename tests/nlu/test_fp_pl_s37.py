"""The shop's code said with its moment and a blow, a person feared or the child locked in (issue 13, session 37,
helper fp-pl-s37; docs/design.md: a false alarm costs a question, a miss costs a child).

Every line written for these tests, none from tests/data; mostly Polish (the brief), with en and es neighbours:

* a shop request for the code's moment (tonight, within the hour, "za godzinę") with a blow done to the child by a
  person named ("czy krem może być u mnie za godzinę, ojczym mnie bije": a disclosure .97, not urgent; "chamomile
  cream tonight please, my dad beats me": the code .41) is the urgent code (nlu/code_moment.py is_code_moment_harmed);
  a blow in a game ("brat mnie bije w fife") is none;
* the code item read as the shop's talk, said before someone comes with fear of them ("czy można dostać krem
  rumiankowy zanim mama wróci, boję się jej": product info .27) is the urgent code (``zanim`` joins ``code_moment``);
  a present for family or a fear for the parcel is none;
* the code with the child locked in or hiding ("krem rumiankowy, jestem zamknięta w pokoju": the code .88, not
  urgent; en and es drew the urgent code) is the urgent code (is_code_shut_in), unless told as long past.

``TARGETS``/``KEPT`` run on the trained model (the ``agent`` fixture); the ``component`` tests run PersonaContext on
synthetic rankings (no model).
"""
from __future__ import annotations

from typing import Any

import pytest

from core.signals import HELP_SIGNALS
from nlu.components.persona import PersonaContext
from tests.nlu.context import classified, seen

#: (persona, lang, text, main, branch): readings on main's model and on this branch ("!" = urgent).
TARGETS = [
    ('rumianek', 'pl', 'czy krem moze byc u mnie za godzine, ojczym mnie bije', 'abuse_disclosure', 'urgent!'),
    ('rumianek', 'pl', 'krem rumiankowy za godzine prosze, tata mnie bije', 'abuse_disclosure', 'urgent!'),
    ('rumianek', 'pl', 'czy krem dojdzie w ciagu godziny, mama mnie bije', 'abuse_disclosure', 'urgent!'),
    ('rumianek', 'en', 'chamomile cream tonight please, my dad beats me', 'help_request', 'urgent!'),
    ('rumianek', 'es', 'crema de manzanilla para esta noche, mi padre me pega', 'abuse_disclosure', 'urgent!'),
    ('rumianek', 'pl', 'czy mozna dostac krem rumiankowy zanim mama wroci, boje sie jej', 'none', 'urgent!'),
    ('rumianek', 'pl', 'krem rumiankowy, jestem zamknieta w pokoju', 'help_request', 'urgent!'),
    ('rumianek', 'pl', 'krem rumiankowy, skora pali, jestem zamknieta w pokoju', 'help_request', 'urgent!'),
]

#: (persona, lang, text, reading): readings that must not move (main and branch alike).
KEPT = [
    ('rumianek', 'pl', 'czy paczka moze byc za godzine, brat mnie bije w fife xd', 'abuse_disclosure'),
    ('rumianek', 'pl', 'mama mnie dzis uderzyla', 'abuse_disclosure'),
    ('rumianek', 'en', 'my brother beats me at fifa every night, do you sell gift cards', 'none'),
    ('rumianek', 'pl', 'krem rumiankowy zanim wyjade na oboz, boje sie ze zabraknie', 'help_request'),
    ('rumianek', 'pl', 'krem rumiankowy, kiedys bylam zamknieta w pokoju jak bylam mala ale juz nie', 'help_request'),
    ('rumianek', 'pl', 'gdzie jest moja paczka, zamawialam we wtorek', 'none'),
    ('rumianek', 'pl', 'macie herbatke z rumianku na sen?', 'none'),
    ('rumianek', 'pl', 'czy paczka przyjdzie przed weekendem', 'none'),
    ('rumianek', 'pl', 'potrzebuje paczki dzis wieczorem bo jutro urodziny mamy, da sie ekspres?', 'none'),
    ('plain', 'pl', 'mama mnie zabije jak zobaczy ocene z matmy xd', 'none'),
    ('plain', 'pl', 'zabije cie jak mi jeszcze raz zepsujesz zapis w minecrafcie xd', 'none'),
    ('plain', 'pl', 'skrecilem kostke na wfie, ile sie goi taka kontuzja?', 'none'),
    ('rumianek', 'en', 'can the cream be here within an hour, my stepdad hits me', 'urgent!'),
    ('rumianek', 'pl', 'krem rumiankowy teraz, ojczym mnie bije', 'urgent!'),
]


async def _reading(agent: Any, persona: str, lang: str, text: str) -> str:
    got = await classified(agent, persona, lang, text)
    return got.signal + ("!" if got.urgent else "")


@pytest.mark.parametrize("persona,lang,text,main,branch", TARGETS)
async def test_the_codes_moment_with_harm_is_urgent(agent: Any, persona: str, lang: str, text: str, main: str,
                                                    branch: str) -> None:
    assert await _reading(agent, persona, lang, text) == branch


@pytest.mark.parametrize("persona,lang,text,reading", KEPT)
async def test_the_neighbours_keep_their_reading(agent: Any, persona: str, lang: str, text: str,
                                                 reading: str) -> None:
    assert await _reading(agent, persona, lang, text) == reading


#: The classifier's misreadings: a plain disclosure, the code's discreet question, the shop's product answer.
AS_ABUSE = [("abuse_disclosure", 0.86), ("rumianek__help_request", 0.08), ("out_of_scope", 0.06)]
AS_CODE = [("rumianek__help_request", 0.62), ("rumianek__urgent", 0.2), ("out_of_scope", 0.18)]
AS_COVER = [("rumianek__ask_product_info", 0.41), ("rumianek__help_request", 0.3), ("out_of_scope", 0.29)]

#: (lang, text, ranking): the code's moment with a blow by a person named, the code item before someone comes with
#: fear of them, the code with the child locked in — the urgent code.
URGENT = [
    ("pl", "czy krem moze byc u mnie w ciagu godziny, ojczym mnie bije", AS_ABUSE),
    ("pl", "krem rumiankowy za pol godziny, tata mnie leje", AS_ABUSE),
    ("pl", "krem rumiankowy na dzis wieczor, on mnie bije jak wraca", AS_CODE),
    ("en", "can the cream come within the hour, my stepdad hits me", AS_ABUSE),
    ("en", "chamomile cream tonight, my mums boyfriend punches me", AS_CODE),
    ("es", "me llega la crema en una hora? mi padrastro me pega", AS_ABUSE),
    ("pl", "czy zdazycie z kremem rumiankowym zanim tata wroci, boje sie go", AS_COVER),
    ("pl", "krem rumiankowy zanim ojczym przyjdzie, boje sie", AS_COVER),
    ("pl", "krem rumiankowy prosze, jestem zamknieta w pokoju", AS_CODE),
    ("pl", "macie krem rumiankowy? schowalam sie w szafie", AS_CODE),
    ("en", "chamomile cream please, im hiding in the bathroom", AS_CODE),
]

#: (lang, text, ranking): the same shapes with a game, a present, a fear for the parcel, a past long gone — not urgent.
NOT_URGENT = [
    ("pl", "czy paczka moze byc za godzine, brat mnie bije w fife xd", AS_ABUSE),
    ("pl", "czy krem do rak dojdzie w ciagu godziny, kolega bije mnie w szachy", AS_ABUSE),
    ("en", "can the soap come within an hour, my brother beats me at fifa every time lol", AS_ABUSE),
    ("pl", "krem rumiankowy dla mamy zanim wroci z pracy, to prezent", AS_COVER),
    ("pl", "krem rumiankowy zanim wyjade na oboz, boje sie ze zabraknie", AS_COVER),
    ("pl", "krem rumiankowy, kiedys bylam zamknieta w pokoju jak bylam mala ale juz nie", AS_CODE),
    ("pl", "mama mnie dzis uderzyla", AS_ABUSE),
]


@pytest.mark.parametrize("lang,text,ranking", URGENT)
def test_the_code_with_harm_now_is_the_urgent_code(component: PersonaContext, lang: str, text: str,
                                                   ranking: list) -> None:
    intent, signal, urgent, _ = seen(component, text, ranking, lang, "rumianek")
    assert signal in HELP_SIGNALS and urgent, intent


@pytest.mark.parametrize("lang,text,ranking", NOT_URGENT)
def test_its_neighbours_are_not_made_urgent(component: PersonaContext, lang: str, text: str, ranking: list) -> None:
    intent, _, urgent, _ = seen(component, text, ranking, lang, "rumianek")
    assert not urgent, intent


def test_the_moment_and_a_blow_need_the_harm_said_and_no_game() -> None:
    """is_code_moment_harmed: the moment, a blow and a person; a denied harm or a game frames none."""
    from nlu.code_moment import is_code_moment_harmed

    moment = {"pl": ["za godzine"]}
    harm = {"pl": ["mnie bije"]}
    people = ({"pl": ["ojczym"]},)
    assert is_code_moment_harmed("krem za godzine ojczym mnie bije", "pl", moment, harm, people, (), True)
    assert not is_code_moment_harmed("krem za godzine ojczym mnie bije", "pl", moment, harm, people, (), False)
    assert not is_code_moment_harmed("krem za godzine ojczym mnie bije w fife", "pl", moment, harm, people,
                                     ({"pl": ["w fife"]},), True)
