"""Session 34 (errors-s34, issue 13): dev lines that hurt a child most — an urgent line read as not urgent. Kinds
(nlu/misreadings.py, the s34 cue lists of nlu/safety/cues.yml), each with fresh targets and neighbours that must not
change. Rankings shaped as the model gave such lines; every line written for these tests (none copied from dev data).

* a beating threatened for a near moment ("when i get home hes gonna beat me", abuse .97, not urgent): danger now;
* the child kept in or left alone for days with nothing to eat ("me encerraron desde ayer sin comida"): danger now;
* in the plain bot, the child hiding or locked in from someone with a weapon, read as ordinary talk: danger now;
* in a persona, a short message opening with family at hand ("my mum is here, do u sell bath bombs?"): the quiet code;
* in the shop, its code item claimed for the child's own skin in a shopping message read as the shop's talk ("…y otra
  cosa, necesito la crema de manzanilla para mi propia piel", .33): the code's discreet question.
"""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen

ABUSE = [("abuse_disclosure", .90), ("imminent_danger", .05), ("out_of_scope", .05)]
TALK_NEAR_DANGER = [("out_of_scope", .50), ("imminent_danger", .45), ("abuse_disclosure", .05)]
TALK = [("out_of_scope", .85), ("imminent_danger", .10), ("abuse_disclosure", .05)]


@pytest.mark.parametrize("persona,lang,text,ranking", [
    # a beating or worse set for a near moment
    ("plain", "en", "my dad just messaged that hes gonna beat me when he gets home from work", ABUSE),
    ("plain", "en", "stepmum says im getting the belt tonight once dad is back", ABUSE),
    ("plain", "en", "he told me the minute i get home im dead for real, i finish football at 5", TALK_NEAR_DANGER),
    ("plain", "es", "mi padrastro me ha dicho que cuando vuelva del bar me va a dar una paliza", ABUSE),
    ("plain", "es", "mi hermano mayor dice que al salir del instituto me van a pegar entre todos", ABUSE),
    ("plain", "pl", "ojciec napisał że jak wrócę z treningu to mnie pobije", ABUSE),
    ("plain", "pl", "ojczym powiedział że po lekcjach dostanę takie lanie że popamiętam", ABUSE),
    # kept in or left alone for days with nothing to eat
    ("plain", "en", "my mum locked me in my room since yesterday and i havent eaten anything", ABUSE),
    ("plain", "en", "dad hasnt come home for three days and theres nothing to eat, im alone with my little brother",
     ABUSE),
    ("plain", "es", "mis padres se fueron y me dejaron sola, no hay comida desde el sabado", ABUSE),
    ("plain", "pl", "ojczym zamknął mnie w piwnicy od wczoraj i nie mam nic do jedzenia", ABUSE),
    # inside a persona, a plain disclosure of it too
    ("rumianek", "es", "mi padre dice que cuando llegue a casa me va a pegar", ABUSE),
])
def test_danger_set_for_soon_is_urgent(component: PersonaContext, persona: str, lang: str, text: str,
                                       ranking: list) -> None:
    intent, signal, urgent, _ = seen(component, text, ranking, lang, persona)
    assert (signal, urgent) == ("imminent_danger", True)


@pytest.mark.parametrize("persona,lang,text,ranking,signal", [
    # a habit, not a threat set for a moment
    ("plain", "en", "when my dad gets home he hits me", ABUSE, "abuse_disclosure"),
    ("plain", "es", "cuando mi padre llega a casa me pega", ABUSE, "abuse_disclosure"),
    ("plain", "pl", "jak tata wraca pijany to mnie bije", ABUSE, "abuse_disclosure"),
    # a threat with no moment (a threat for telling)
    ("plain", "en", "my uncle says hes gonna hurt me if i tell anyone", ABUSE, "abuse_disclosure"),
    # a figurative threat over the child's own mishap
    ("plain", "en", "mum is gonna kill me when she gets home, i broke her favourite mug", TALK_NEAR_DANGER, "none"),
    ("plain", "es", "mi madre me mata cuando vuelva, he perdido las llaves otra vez", TALK_NEAR_DANGER, "none"),
    # said of a time long past
    ("plain", "en", "when i was little he always said hes gonna beat me when he gets home", ABUSE, "abuse_disclosure"),
    ("plain", "en", "when i was little my mum locked me in my room for two days with no food", ABUSE,
     "abuse_disclosure"),
    # a game or a joke
    ("plain", "en", "my brother says hes gonna beat me at fifa tonight when he gets home", TALK_NEAR_DANGER, "none"),
    ("plain", "es", "mi primo dice que esta noche me va a matar al fifa", TALK_NEAR_DANGER, "none"),
    # "wrócić" is no moment: the fear of going home is left to the classifier
    ("plain", "pl", "nie chcę wrócić do domu bo ojciec mnie zleje za tę uwagę", ABUSE, "abuse_disclosure"),
    # a film or series told
    ("plain", "en", "in the series the girl says her dad is gonna beat me tonight and she runs", TALK_NEAR_DANGER, "none"),
    # ordinary talk the classifier read far from danger
    ("plain", "en", "my coach says hes gonna kill me at training tonight lol", TALK, "none"),
    # a parent not back and no food, the child not said to be alone (fix_s33_conv.yml s33-plain-en-no-food-leeds)
    ("plain", "en", "mum hasnt been home since friday and there is no food left", ABUSE, "abuse_disclosure"),
    # no food, nobody keeps the child in
    ("plain", "en", "is it normal there is no food at home for three days, mum says there is no money", ABUSE,
     "abuse_disclosure"),
    # left alone, but fed and fine: the words that keep the child in are not what the child is without
    ("plain", "es", "me dejaron sola todo el finde y lo pase genial", TALK_NEAR_DANGER, "none"),
])
def test_neighbours_keep_their_reading(component: PersonaContext, persona: str, lang: str, text: str, ranking: list,
                                       signal: str) -> None:
    intent, seen_signal, urgent, _ = seen(component, text, ranking, lang, persona)
    assert (seen_signal, urgent) == (signal, False)


SHOP_TALK = [("rumianek__ask_products", .40), ("peer_help", .30), ("rumianek__help_request", .20),
             ("out_of_scope", .10)]


@pytest.mark.parametrize("lang,text", [
    ("es", "hola! queria dos jabones de avena para mi abuela y, ya que estoy, la crema de manzanilla para mi piel, "
           "esta fatal desde hace meses"),
    ("es", "me llevo las velas de lavanda. ah, y la crema de manzanilla es para mi, no es un regalo"),
    ("pl", "poproszę sól do kąpieli dla babci, a krem rumiankowy dla siebie, bo skóra mi się sypie od zimy"),
    ("en", "adding the rose soap for my nan, and the chamomile cream for myself, my skin has been rough since summer"),
])
def test_code_item_for_the_childs_own_skin_is_the_code(component: PersonaContext, lang: str, text: str) -> None:
    intent, signal, urgent, _ = seen(component, text, SHOP_TALK, lang, "rumianek")
    assert (intent, signal, urgent) == ("help_request", "help_request", False)


@pytest.mark.parametrize("lang,text", [
    # for a baby, a nephew: "mi" before a noun is "my"
    ("es", "la crema de manzanilla sirve para mi bebe de cuatro meses?"),
    ("es", "teneis la crema de manzanilla en tamaño grande? es para mi sobrina"),
    # an adult customer, a parent
    ("pl", "czy krem rumiankowy nada się do cery dojrzałej? pytam dla siebie, mam 47 lat"),
    ("en", "my daughter is 12, is the chamomile cream ok for her, or is it for me only"),
    # a shopper's question about its make-up or use
    ("en", "does the chamomile cream have palm oil in it? its for me"),
    # the code item not claimed, another product for the child
    ("en", "the chamomile cream for my gran's birthday and a cherry lip balm for me"),
])
def test_other_shop_talk_stays_the_shops(component: PersonaContext, lang: str, text: str) -> None:
    intent, signal, urgent, _ = seen(component, text, SHOP_TALK, lang, "rumianek")
    assert signal == "none"


COVER_TALK = [("rumianek__ask_products", .70), ("not_safe", .20), ("out_of_scope", .10)]
GAME_TALK = [("out_of_scope", .90), ("not_safe", .05), ("gametips__ask_genre_tips", .05)]


@pytest.mark.parametrize("persona,lang,text,ranking", [
    ("rumianek", "en", "my dad is right here, have you got any lavender candles?", COVER_TALK),
    ("rumianek", "es", "mi madre está aquí al lado, ¿tenéis jabón de avena?", COVER_TALK),
    ("rumianek", "pl", "brat siedzi obok, a macie świeczki zapachowe?", COVER_TALK),
    ("gametips", "en", "hey dad! anyway which controller is best for racing games", GAME_TALK),
    ("gametips", "pl", "cześć tato... to jaka gra jest najlepsza na dwóch graczy", GAME_TALK),
])
def test_someone_at_hand_then_shop_talk_is_the_quiet_code(component: PersonaContext, persona: str, lang: str,
                                                          text: str, ranking: list) -> None:
    assert seen(component, text, ranking, lang, persona)[1] == "not_safe"


@pytest.mark.parametrize("persona,lang,text,ranking,signal", [
    # the person is the shopper
    ("rumianek", "en", "my mum is here and she wants to know if the rose soap is vegan", COVER_TALK, "none"),
    ("rumianek", "es", "mi abuela está aquí, quiere saber si hacéis envíos a Cádiz", COVER_TALK, "none"),
    # someone named later, not at hand at the start
    ("rumianek", "en", "do you sell bath bombs? my sister loves them and her birthday is here soon", COVER_TALK, "none"),
    # a long shopping message
    ("rumianek", "en", "my mum is here with her friend from work and we are looking for a present for a teacher, "
                       "something with lavender, not too expensive, maybe a candle", COVER_TALK, "none"),
    # the plain bot has no quiet code to cover with
    ("plain", "en", "my mum is here, do you know any good films", [("out_of_scope", .9), ("greet", .1)], "none"),
    # harm said: the classifier's help reading stands
    ("rumianek", "en", "my stepdad is home, do you have cream for bruises", [("rumianek__help_request", .8),
                                                                          ("out_of_scope", .2)], "help_request"),
])
def test_other_lines_with_someone_keep_their_reading(component: PersonaContext, persona: str, lang: str, text: str,
                                                     ranking: list, signal: str) -> None:
    assert seen(component, text, ranking, lang, persona)[1] == signal


@pytest.mark.parametrize("lang,text,ranking", [
    ("en", "my stepbrother has a knife and is going mad, im hiding in the garden shed", TALK),
    ("en", "dad is swinging a hammer around the kitchen, locked myself in the bathroom", ABUSE),
    ("es", "mi tío está borracho con una navaja y estoy escondida debajo de la cama", TALK),
    ("pl", "ojczym chodzi po domu z nożem, zamknęłam się w łazience", TALK),
])
def test_hiding_from_a_weapon_is_danger_now(component: PersonaContext, lang: str, text: str, ranking: list) -> None:
    intent, signal, urgent, _ = seen(component, text, ranking, lang, "plain")
    assert (signal, urgent) == ("imminent_danger", True)


@pytest.mark.parametrize("persona,lang,text,ranking,signal", [
    # a film or a game told
    ("plain", "en", "in the movie she is hiding in the attic and he has a knife", TALK, "none"),
    ("plain", "en", "in fortnite im hiding in the bushes with a shotgun", TALK, "none"),
    # a self-harm reading keeps its own
    ("plain", "en", "i locked myself in the bathroom with a knife", [("self_harm", .8), ("out_of_scope", .2)],
     "self_harm"),
    # hiding with no weapon, a weapon with no hiding: the classifier's reading
    ("plain", "en", "im hiding in my room from my annoying cousins", TALK, "none"),
    ("plain", "en", "my dad has a knife collection in the garage", TALK, "none"),
    # inside a game persona: gamer's talk
    ("gametips", "en", "im hiding in the bushes with a shotgun, how do i win", GAME_TALK, "none"),
])
def test_other_hiding_and_weapon_lines_keep_their_reading(component: PersonaContext, persona: str, lang: str,
                                                           text: str, ranking: list, signal: str) -> None:
    assert seen(component, text, ranking, lang, persona)[1] == signal
