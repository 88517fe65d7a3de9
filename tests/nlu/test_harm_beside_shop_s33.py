"""Session 33 (code-harm-s33, issue 13): harm done by a person of the child's life to another, told beside a shop
request, was read as the shop's talk ("crema de manzanilla para mi madre por su cumple, su novio le pega":
ask_products .86; "krem rumiankowy dla mamy, jej chłopak ją bije": ask_product_info .14) or as ordinary talk on the
plain bot (out_of_scope .99). Such a message keeps a help reading (nlu/misreadings.py is_harm_told_of): the
classifier's better of a friend's story and a disclosure, else a friend's story. Play, sport, a game, a film, the sun
or glue ("le pega fuerte el sol", "pega la etiqueta", "bije rekord") and gift lines without harm keep their reading.
Rankings shaped as the model gave them; lines written for these tests."""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen

SHOP = [("rumianek__ask_products", .86), ("rumianek__ask_product_info", .05), ("visit_request", .02),
        ("peer_help", .01), ("abuse_disclosure", .01)]
PLAIN = [("out_of_scope", .97), ("peer_help", .01), ("abuse_disclosure", .01)]


@pytest.mark.parametrize("persona,lang,text,ranking,signal", [
    ("rumianek", "es", "crema de manzanilla para mi madre por su cumple, su novio le pega", SHOP, "peer_help"),
    ("rumianek", "pl", "krem rumiankowy dla mamy, jej chłopak ją bije", SHOP, "peer_help"),
    ("rumianek", "en", "chamomile cream for my mum's birthday, her bf hits her", SHOP, "peer_help"),
    ("rumianek", "en", "a bath bomb for my auntie please, her husband slaps her", SHOP, "peer_help"),
    ("rumianek", "es", "tenéis jabón de lavanda? mi padre pega a mi hermano",
     [("rumianek__ask_products", .82), ("abuse_disclosure", .11), ("peer_help", .02)], "abuse_disclosure"),
    ("rumianek", "pl", "macie balsam do ust? tata bije brata",
     [("rumianek__ask_products", .92), ("abuse_disclosure", .05)], "abuse_disclosure"),
    ("rumianek", "es", "quiero sales de baño para mi abuela, mi tío le pega a mi tía",
     [("rumianek__ask_products", .47), ("abuse_disclosure", .39)], "abuse_disclosure"),
    ("rumianek", "pl", "szukam mydła dla siostry, ojczym ją bije",
     [("rumianek__ask_products", .38), ("peer_help", .27), ("abuse_disclosure", .05)], "peer_help"),
    ("rumianek", "pl", "ile kosztuje świeca? mój brat leje mamę", SHOP, "peer_help"),
    ("rumianek", "es", "cuánto tarda el envío? el novio de mi hermana la golpea", SHOP, "peer_help"),
    ("plain", "es", "regalo para mi madre por su cumple, su novio le pega", PLAIN, "peer_help"),
    ("plain", "pl", "prezent dla mamy na urodziny, jej chłopak ją bije",
     [("out_of_scope", .98), ("abuse_disclosure", .01), ("peer_help", .005)], "abuse_disclosure"),
    ("plain", "en", "what should i get my mum for her birthday, her boyfriend hits her",
     [("out_of_scope", .57), ("peer_help", .37), ("abuse_disclosure", .05)], "peer_help"),
    ("plain", "en", "new trainers today, my stepdad kicks my brother when hes drunk", PLAIN, "peer_help"),
    ("plain", "es", "hoy cenamos pizza, mi padrastro empuja a mi madre", PLAIN, "peer_help"),
])
def test_harm_told_of_someone_keeps_help(component: PersonaContext, persona: str, lang: str, text: str,
                                         ranking: list, signal: str) -> None:
    assert seen(component, text, ranking, lang, persona)[1] == signal


@pytest.mark.parametrize("persona,lang,text,ranking", [
    ("rumianek", "es", "tenéis crema solar? a mi madre le pega fuerte el sol", SHOP),
    ("rumianek", "es", "la crema pega mucho en la piel de mi madre, es normal?", SHOP),
    ("rumianek", "es", "mi madre pregunta si hay que pegar la etiqueta", SHOP),
    ("rumianek", "es", "en la peli el novio le pega a la chica y mi madre lloró, tenéis velas?", SHOP),
    ("rumianek", "pl", "krem rumiankowy mamie na urodziny", SHOP),
    ("rumianek", "pl", "mój brat bije rekord w bieganiu, chcę mu kupić balsam", SHOP),
    ("rumianek", "en", "my brother hits the ball so hard, any muscle balm?", SHOP),
    ("rumianek", "es", "mi hermano pega fuerte al balón, tenéis crema para golpes?", SHOP),
    ("rumianek", "en", "chamomile cream for my mum for her birthday please", SHOP),
    ("rumianek", "es", "crema de manzanilla para mi madre por su cumple", SHOP),
    ("rumianek", "pl", "mydło dla mamy na dzień matki", SHOP),
    ("rumianek", "en", "my sister beat my dad at chess so i owe her a candle", SHOP),
    ("rumianek", "pl", "tata bije brata w ping ponga, kupię mu balsam", SHOP),
    ("plain", "es", "en el juego el novio le pega al malo", PLAIN),
    ("plain", "pl", "tata bije rekord na siłowni", PLAIN),
    ("plain", "pl", "w filmie ojczym ją bije, ale to tylko film", PLAIN),
    ("plain", "en", "in the game her boyfriend hits her with a sword lol", PLAIN),
    ("plain", "en", "my dad hit the ball over the fence", PLAIN),
    ("plain", "pl", "brat bije piłkę głową na treningu", PLAIN),
    ("plain", "en", "my mum hits the gym every morning", PLAIN),
    ("plain", "es", "mi padre pega los azulejos del baño", PLAIN),
    ("plain", "es", "mi hermano le pega un susto a mi madre cada noche", PLAIN),
])
def test_play_film_sun_and_gifts_stay_ordinary(component: PersonaContext, persona: str, lang: str, text: str,
                                               ranking: list) -> None:
    assert seen(component, text, ranking, lang, persona)[1] == "none"


@pytest.mark.parametrize("persona,lang,text,ranking,signal", [
    # a time after the blow is no play: "at night" is not "at chess"
    ("rumianek", "en", "lavender soap for my nan, her husband hits her at night", SHOP, "peer_help"),
    # the child doing it is no harm told of another
    ("plain", "en", "my little brother cries every time i beat him", PLAIN, "none"),
])
def test_a_time_is_no_play_and_the_child_is_no_doer(component: PersonaContext, persona: str, lang: str, text: str,
                                                    ranking: list, signal: str) -> None:
    assert seen(component, text, ranking, lang, persona)[1] == signal
