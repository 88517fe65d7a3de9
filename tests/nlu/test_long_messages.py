"""Long messages (session 28, fix-long): a disclosure at the end or in the middle of a long message about something
else ("…we did the volcano project and my friend got a puppy, sorry this is long but my mums boyfriend is banging
on my door") was read by the whole as ordinary talk (out_of_scope .96). A message of at least ``LONG_WORDS`` words is
also read in its parts — sentences and the clauses that ``clause_openers`` cues open (nlu/parts.py) — with the same
sub-model, and when the whole reads no help signal a part's help reading wins if it is sure, says harm and, for a
shared intent, the whole's ranking agrees (core/safety.py part_reading; docs/design.md, Signals).

Every line here was written for these tests (none from tests/data or the training data). The targets record main's
reading (dc71526: the code and model before this change) beside the branch's, so the test shows what changed; the
near misses (idioms, games and films, news, past resolved events, shoppers) keep main's reading, ordinary talk but
for four lines main already read as a help signal.
"""
from __future__ import annotations

from typing import Any

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, METADATA, TEXT
from rasa.shared.nlu.training_data.message import Message

from core.safety import PART_CONFIDENCE
from nlu.components.persona import PersonaContext
from nlu.cues import load_cues
from nlu.parts import LONG_WORDS, MIN_PART_WORDS, PARTS, all_openers, parts_of
from tests.nlu.test_cues import SHIPPED

OPENERS = all_openers(load_cues(SHIPPED).clause_openers)


# --- the parts of a message (nlu/parts.py) -------------------------------------------------------------------------

def test_a_short_message_has_no_parts() -> None:
    text = "my dad hits me. but its fine now i guess"
    assert len(text.split()) < LONG_WORDS
    assert parts_of(text, OPENERS) == []


@pytest.mark.parametrize("text,parts", [
    ("we went to the park with the dog and it rained a bit. anyway my brother punches me when mum is out",
     ["we went to the park with the dog and it rained a bit", "my brother punches me when mum is out"]),
    ("fuimos al cine con mis primos y vimos una peli de risa, y otra cosa, mi tio me toca cuando nadie mira",
     ["fuimos al cine con mis primos y vimos una peli de risa", "mi tio me toca cuando nadie mira"]),
    ("Byliśmy w kinie z kuzynami na fajnym filmie w sobotę, tylko że wujek mnie bije jak nikt nie widzi!",
     ["bylismy w kinie z kuzynami na fajnym filmie w sobote", "wujek mnie bije jak nikt nie widzi"]),
    ("i got a new game for my birthday\nits really fun and hard\nbut honestly i hurt myself most nights",
     ["i got a new game for my birthday", "its really fun and hard", "i hurt myself most nights"]),
])
def test_sentences_and_the_clauses_openers_open_are_the_parts_without_the_opener(text: str, parts: list) -> None:
    assert parts_of(text, OPENERS) == parts


@pytest.mark.parametrize("text", [
    "is the shea butter cream good for dry hands in the winter when it is really cold outside",  # not "but"
    "mieszkamy przy alejach i mamy bardzo duzy ogrod z jabloniami i gruszami na tylach domu",  # not "ale"
    "mi perro pequeno se llama toby y le encanta correr por el parque todas las mananas",  # not "pero"
])
def test_an_opener_is_a_whole_word(text: str) -> None:
    assert len(text.split()) >= LONG_WORDS
    assert parts_of(text, OPENERS) == []


def test_a_part_too_short_to_read_is_dropped() -> None:
    text = "we had maths and then science and then a long boring assembly about recycling, but lol ok"
    assert len("lol ok".split()) < MIN_PART_WORDS
    assert parts_of(text, OPENERS) == []


# --- the reading of a part (core/safety.py part_reading, through PersonaContext on synthetic rankings) -------------

def seen(component: PersonaContext, text: str, whole: list[tuple[str, float]],
         parts: list[tuple[str, list[tuple[str, float]]]], lang: str, persona: str = "plain") -> tuple[str, str, bool]:
    """Intent, signal and urgency of ``text`` with the classifier's ``whole`` ranking and its ``parts``' rankings."""
    def ranking(pairs: list[tuple[str, float]]) -> list[dict[str, Any]]:
        return [{"name": name.replace("CODE__", f"{persona}__"), "confidence": p} for name, p in pairs]

    message = Message(data={
        TEXT: text, METADATA: {"persona": persona}, ENTITIES: [{"entity": "lang", "value": lang}],
        INTENT_RANKING_KEY: ranking(whole), PARTS: [(part, ranking(r)) for part, r in parts],
    })
    component.process([message])
    return message.get(INTENT)["name"], message.get("signal"), message.get("urgent")


LONG = "we had a supply teacher in science and she let us play dodgeball, then chips for lunch. anyway {}"
OOS = [("out_of_scope", .95), ("abuse_disclosure", .03), ("bullying", .01), ("self_harm", .01)]


def _parts(disclosure: str, ranking: list[tuple[str, float]]) -> list:
    return [("we had a supply teacher in science and she let us play dodgeball", [("out_of_scope", .99)]),
            ("then chips for lunch", [("out_of_scope", .9), ("greet", .1)]), (disclosure, ranking)]


@pytest.mark.parametrize("disclosure,ranking,whole,reading", [
    ("my stepdad hits me with a belt when he is drunk", [("abuse_disclosure", .96), ("out_of_scope", .04)], OOS,
     ("abuse_disclosure", "abuse_disclosure", False)),
    # its urgency from its own words: a weapon, pills tonight
    ("my stepdad is standing at my door with a knife", [("abuse_disclosure", .9), ("imminent_danger", .1)], OOS,
     ("imminent_danger", "imminent_danger", True)),
    ("i am going to take all the pills tonight", [("self_harm", .88), ("distress", .12)],
     [("out_of_scope", .9), ("self_harm", .06), ("abuse_disclosure", .04)], ("self_harm_urgent", "self_harm", True)),
])
def test_a_sure_part_that_says_harm_is_read_when_the_whole_reads_ordinary_talk(
        component: PersonaContext, disclosure: str, ranking: list, whole: list, reading: tuple) -> None:
    assert seen(component, LONG.format(disclosure), whole, _parts(disclosure, ranking), "en") == reading


@pytest.mark.parametrize("disclosure,ranking,whole", [
    # not sure enough (a belt would be a harsh punishment, read by its own rule since s36: misses-s36)
    ("my stepdad hits me when he is drunk",
     [("abuse_disclosure", PART_CONFIDENCE - .05), ("out_of_scope", 1 - PART_CONFIDENCE + .05)], OOS),
    # no word of harm: "now they look so nice" (bullying .68 in a long message about pierced ears)
    ("and now they look so nice", [("bullying", .9), ("out_of_scope", .1)],
     [("out_of_scope", .9), ("bullying", .06), ("abuse_disclosure", .04)]),
    # a shared intent the whole does not agree with: "next year i'll beat them" (bullying .84; fifth in the whole)
    ("next year i will beat them all", [("bullying", .84), ("out_of_scope", .16)],
     [("out_of_scope", .91), ("peer_help", .04), ("abuse_disclosure", .03), ("bullying", .02)]),
    # the part's reading is ordinary talk
    ("my brother hit me with a pillow and we laughed", [("out_of_scope", .8), ("abuse_disclosure", .2)], OOS),
])
def test_a_part_unsure_without_harm_or_unbacked_leaves_the_whole_reading(
        component: PersonaContext, disclosure: str, ranking: list, whole: list) -> None:
    assert seen(component, LONG.format(disclosure), whole, _parts(disclosure, ranking), "en")[1:] == ("none", False)


def test_the_persona_s_code_in_a_part_that_says_harm_plainly_is_the_code(component: PersonaContext) -> None:
    text = "do you ship to scotland and can i pay with paypal? also my skin gets awful every time my uncle hits me"
    parts = [("do you ship to scotland and can i pay with paypal", [("CODE__shipping", .95)]),
             ("my skin gets awful every time my uncle hits me", [("CODE__help_request", .97), ("CODE__urgent", .03)])]
    whole = [("CODE__shipping", .8), ("CODE__payment", .15), ("CODE__help_request", .05)]
    assert seen(component, text, whole, parts, "en", "rumianek") == ("help_request", "help_request", False)


@pytest.mark.parametrize("part", [
    # round 2 review: a shopper's aside about skin says harm only in the shop's code words ("my skin gets awful every
    # time my mum drinks", the code tied to someone at home, counts since s30: tests/nlu/test_part_peer.py)
    "my skin is bad too lately", "my mum has the same dry skin in the winter",
])
def test_the_persona_s_code_in_a_part_said_only_in_code_words_leaves_the_whole(component: PersonaContext,
                                                                                part: str) -> None:
    text = f"do you ship to scotland and can i pay with paypal? also {part}"
    parts = [("do you ship to scotland and can i pay with paypal", [("CODE__shipping", .95)]),
             (part, [("CODE__help_request", .97), ("CODE__urgent", .03)])]
    whole = [("CODE__shipping", .8), ("CODE__payment", .15), ("CODE__help_request", .05)]
    assert seen(component, text, whole, parts, "en", "rumianek")[1:] == ("none", False)


def test_the_whole_agrees_by_signal_not_intent_name(component: PersonaContext) -> None:
    """Round 2 review: a part read as self_harm .97 whose whole reads self_harm_urgent first (the same signal)."""
    disclosure = "i have been cutting my legs so nobody sees"
    whole = [("out_of_scope", .9), ("self_harm_urgent", .06), ("abuse_disclosure", .04)]
    assert seen(component, LONG.format(disclosure), whole, _parts(disclosure, [("self_harm", .97)]), "en")[1] \
        == "self_harm"


STORY = [("out_of_scope", .8), ("abuse_disclosure", .2)]


@pytest.mark.parametrize("text,lang", [
    ("my mate told me a joke: my dad hits me every single day lol. then we had maths and i nearly fell asleep", "en"),
    ("the line is my dad hits me every single night in the rap i am writing for music class on friday", "en"),
    ("ayer vimos una peli en clase. la niña dice mi padre me pega todas las noches y nadie la cree", "es"),
    ("piszę rap na muzykę, linijka brzmi tata mnie bije jak bęben, bum bum, pani powiedziała że za mroczne", "pl"),
    ("kolega opowiedział mi żart: tata mnie bije codziennie haha. potem była matma i prawie zasnąłem", "pl"),
])
def test_a_story_quote_or_joke_is_read_whole(component: PersonaContext, text: str, lang: str) -> None:
    parts = [(text.split(":")[0], [("out_of_scope", .99)]), ("tata mnie bije my dad hits me mi padre me pega",
                                                              [("abuse_disclosure", .99)])]
    assert seen(component, text, STORY, parts, lang)[1:] == ("none", False)


@pytest.mark.parametrize("text,lang,part", [
    ("when i was 7 my dad used to hit me but he went to anger classes. we went fishing on sunday and i caught a trout",
     "en", "my dad used to hit me"),
    ("hace años mi hermano me pegaba todo el rato. ahora somos super amigos y me va a enseñar a conducir", "es",
     "mi hermano me pegaba todo el rato"),
    ("jak miałem siedem lat tata mnie bił. poszedł na terapię i od lat jest super, byliśmy razem na rybach", "pl",
     "tata mnie bil"),
])
def test_harm_past_and_over_is_read_whole(component: PersonaContext, text: str, lang: str, part: str) -> None:
    parts = [("we went fishing on sunday and i caught a trout", [("out_of_scope", .99)]),
             (part, [("abuse_disclosure", .99)])]
    assert seen(component, text, STORY, parts, lang)[1:] == ("none", False)


def test_harm_past_and_over_keeps_a_part_urgent_on_its_own_words(component: PersonaContext) -> None:
    text = "years ago my uncle used to shout a lot. anyway my stepdad is standing at my door with a knife right now"
    parts = [("years ago my uncle used to shout a lot", [("out_of_scope", .99)]),
             ("my stepdad is standing at my door with a knife right now", [("abuse_disclosure", .9),
                                                                          ("imminent_danger", .1)])]
    assert seen(component, text, OOS, parts, "en") == ("imminent_danger", "imminent_danger", True)


@pytest.mark.parametrize("text", [
    "when i was 7 my dad used to hit me but he went to anger classes and hes been brilliant for years now",
    "hace años mi hermano me pegaba todo el rato pero ahora somos super amigos y me enseña a conducir",
    "jak miałem siedem lat tata mnie bił ale poszedł na terapię i od lat jest super w niedzielę",
])
def test_a_bare_but_pero_ale_opens_no_part(text: str) -> None:
    assert len(text.split()) >= LONG_WORDS
    assert parts_of(text, OPENERS) == []


@pytest.mark.parametrize("whole,reading", [
    # a whole that reads a help signal keeps it
    ([("bullying", .7), ("abuse_disclosure", .3)], ("bullying", "bullying", False)),
    # a whole that reads the quiet code keeps it: the child covering their tracks
    ([("CODE__not_safe", .9), ("abuse_disclosure", .1)], ("not_safe", "not_safe", False)),
])
def test_a_whole_that_reads_a_signal_keeps_it(component: PersonaContext, whole: list, reading: tuple) -> None:
    disclosure = "my stepdad is always drunk and scary at night"
    got = seen(component, LONG.format(disclosure), whole,
               _parts(disclosure, [("abuse_disclosure", .99)]), "en", "rumianek")
    assert got == reading


def test_a_message_without_parts_is_read_whole(component: PersonaContext) -> None:
    assert seen(component, "my stepdad hits me", [("out_of_scope", .6), ("abuse_disclosure", .4)], [], "en")[1] \
        == "none"


# --- the trained model: fresh targets and near misses, main's reading beside the branch's ---------------------------

#: (persona, lang, text, main, branch): fresh long disclosures; ``main`` is the signal measured on main's code (dc71526)
#: and model, ``branch`` with the parts read (``!`` = urgent).
TARGETS = [
    ('plain', 'en',
     'ok so school was fine today, we had a supply teacher in science and she let us watch a film, then i had chips for lunch. anyway my stepdad grabbed me by the neck last night and threw me into the wardrobe',
     'abuse_disclosure', 'abuse_disclosure'),
    ('plain', 'en',
     'hiya, my football team won 3-1 on saturday and i scored a header which was mad, also my dad punches me in the stomach when mum is at work',
     'none', 'abuse_disclosure'),
    ('plain', 'en',
     'this week has been kind of boring tbh, we had revision for mocks and my cousin came to visit with her new baby, but honestly i have been cutting my arms again and i cant stop',
     'self_harm', 'self_harm'),
    ('plain', 'en',
     'sorry for the long message. i started learning guitar and its going ok, my nan bought me a new amp for christmas. i keep thinking about ending my life though',
     'self_harm', 'self_harm'),
    ('plain', 'en',
     "my sister's birthday party was on sunday and we had a bouncy castle and pizza, it was really fun. my uncle keeps touching me when nobody is looking and tells me its our secret",
     'none', 'abuse_disclosure'),
    ('plain', 'en',
     'i got a new phone for my birthday which is cool and my friends added me to a group chat, but theres a man i met on insta who wants me to send pics without clothes or he will post the old ones',
     'online_exploitation', 'online_exploitation'),
    ('plain', 'en',
     'everyone in my class is going on the trip to the zoo next week and i really want to go. the girls in my year keep pushing me in the corridor and they told everyone to stop talking to me',
     'bullying', 'bullying'),
    ('plain', 'en',
     'we had pancakes for breakfast and then went to the park with the dog, it was nice weather for once. but mum has been drinking since this morning and she is screaming and throwing plates at me right now',
     'imminent_danger!', 'imminent_danger!'),
    ('plain', 'en',
     'sorry if this is random. we moved house in the summer and i had to change schools which was hard. i dont want to be alive anymore and i have some of mums pills saved up',
     'self_harm!', 'self_harm!'),
    ('plain', 'en',
     "my best mate got a dog called biscuit and we took him for a walk after school, he's so cute. also my older brother beats me up almost every day and my parents dont do anything",
     'abuse_disclosure', 'abuse_disclosure'),
    ('plain', 'en',
     'so i finished my art project on volcanoes and my teacher said it was the best in the class. the thing is, i burn myself with a lighter when i feel bad and nobody knows',
     'self_harm', 'self_harm'),
    ('plain', 'en',
     'i watched the new marvel film with my cousins and we got popcorn, it was a good day overall, anyway my dad said if i tell anyone what he does to me he will kill me',
     'none', 'abuse_disclosure'),  # s30 (fix-story): "film" frames only its part, "anyway" turns the talk
    ('plain', 'en',
     'i have a maths test tomorrow and i havent revised much, and my hamster is ill too. someone from school is sending me messages every night saying i should kill myself',
     'none', 'none'),
    ('plain', 'en',
     'hi, quick question about nothing really, i like drawing anime and playing roblox. i feel so alone and empty all the time and i cry every night',
     'distress', 'distress'),
    ('plain', 'en',
     'it was my mums birthday yesterday and we went out for a curry which was nice. my mums new boyfriend comes into my room at night and gets into my bed',
     'none', 'none'),
    ('plain', 'en',
     'school was alright, had pe and then a spelling test which i think i passed. there is a man outside my house right now who keeps trying to open the door and im home alone',
     'imminent_danger!', 'imminent_danger!'),
    ('plain', 'es',
     'hoy fue un dia normal en el cole, tuvimos examen de mates y luego fuimos al parque con mis primos, pero mi padrastro me pega con el cinturon cuando llega borracho',
     'abuse_disclosure', 'abuse_disclosure'),
    ('plain', 'es',
     'perdon por el mensaje tan largo. este finde fui al cumple de mi amiga y hubo tarta y piñata. la verdad es que me corto los brazos casi todas las noches',
     'self_harm!', 'self_harm!'),
    ('plain', 'es',
     'mi equipo gano el partido del sabado y yo meti un gol, estaba muy contento. ademas mi tio me toca cuando mis padres no estan y me dice que no se lo cuente a nadie',
     'abuse_disclosure', 'abuse_disclosure'),
    ('plain', 'es',
     'ayer vimos una peli de miedo en casa de mi abuela y comimos palomitas, fue divertido. ah y mi madre me encierra en el baño y me deja sin comer',
     'abuse_disclosure', 'abuse_disclosure'),
    ('plain', 'es',
     'en clase estamos haciendo un proyecto sobre los planetas y me toco marte, mola mucho. pero no quiero seguir viviendo y he pensado en tirarme del puente esta noche',
     'self_harm!', 'self_harm!'),
    ('plain', 'es',
     'me han regalado una bici nueva por mi cumple y fui con mi hermano a probarla. unos chicos de mi clase me pegan en el recreo y me quitan el bocadillo todos los dias',
     'bullying', 'bullying'),
    ('plain', 'es',
     'hola, todo bien, hoy aprendi a hacer galletas con mi abuela y estaban riquisimas. un hombre que conoci en tiktok me pide fotos desnuda y dice que si no se las mando se lo enseña a mis padres',
     'online_exploitation', 'online_exploitation'),
    ('plain', 'es',
     'el verano fue genial, estuvimos en la playa en cadiz y aprendi a hacer surf. y otra cosa, mi padre le pega a mi madre y a mi y tengo mucho miedo de volver a casa',
     'abuse_disclosure', 'abuse_disclosure'),
    ('plain', 'es',
     'mi gato ha tenido gatitos y son super bonitos, uno es blanco y negro. pero ahora mismo mi padre esta rompiendo la puerta de mi cuarto con un martillo y grita que me va a matar',
     'imminent_danger!', 'imminent_danger!'),
    ('plain', 'es',
     'hoy en educacion fisica jugamos al baloncesto y gane, luego mi amiga me invito a merendar. me siento muy sola y triste todo el tiempo y ya no tengo ganas de nada',
     'distress', 'distress'),
    ('plain', 'es',
     'estoy aprendiendo a tocar el piano y mi profe dice que voy mejorando, tambien empece ingles. mi hermano mayor me da patadas y puñetazos cuando se enfada y mis padres no hacen nada',
     'abuse_disclosure', 'abuse_disclosure'),
    ('plain', 'es',
     'fuimos de excursion al museo de ciencias y vimos dinosaurios, estuvo muy chulo. lo que pasa es que a veces me quemo la piel con el mechero para sentir algo',
     'self_harm', 'self_harm'),
    ('plain', 'es',
     'ayer fue el cumple de mi prima y hicimos una fiesta en el jardin con globos. por cierto el novio de mi madre me mira raro y anoche entro al baño cuando me estaba duchando',
     'none', 'none'),
    ('plain', 'es',
     'tengo examen de historia el lunes y no he estudiado nada, y encima se rompio la tele. hay un señor que me escribe por instagram y quiere quedar conmigo a solas, tiene 35 años y yo 12',
     'online_exploitation', 'online_exploitation'),
    ('plain', 'es',
     'este curso me va bien en casi todo, saque un notable en lengua. pero en el grupo de clase suben fotos mias para reirse de mi y me llaman gorda todos los dias',
     'bullying', 'bullying'),
    ('plain', 'es',
     'hoy hizo sol y fuimos a la piscina con mis tios, comimos bocadillos. ya no aguanto mas, quiero morirme y tengo las pastillas de mi abuela guardadas',
     'self_harm!', 'self_harm!'),
    ('plain', 'pl',
     'dzisiaj w szkole było spoko, mieliśmy wf i graliśmy w siatkówkę, a potem poszłam z koleżanką na lody. ale ojczym bije mnie pasem jak wraca pijany',
     'none', 'abuse_disclosure'),
    ('plain', 'pl',
     'sorki że tak długo piszę. w weekend byłam u babci na wsi i karmiłam kury. tak naprawdę to tnę się po nogach prawie codziennie',
     'self_harm!', 'self_harm!'),
    ('plain', 'pl',
     'mój kot ma nową zabawkę i cały dzień ją goni, śmiesznie to wygląda. aha i wujek dotyka mnie jak rodziców nie ma w domu i mówi że to nasza tajemnica',
     'abuse_disclosure', 'abuse_disclosure'),
    ('plain', 'pl',
     'byłem z tatą na meczu legii i wygraliśmy, było super. tylko że starszy brat codziennie mnie kopie i wyzywa a mama nic nie robi',
     'abuse_disclosure', 'abuse_disclosure'),
    ('plain', 'pl',
     'w szkole robimy projekt o kosmosie i dostałam marsa, fajnie. nie chcę już żyć i dzisiaj w nocy chcę się zabić tabletkami mamy',
     'self_harm!', 'self_harm!'),
    ('plain', 'pl',
     'dostałem nowy telefon na urodziny i dołączyłem do grupy klasowej. chłopaki z klasy biją mnie na przerwach i zabierają mi kasę codziennie',
     'bullying', 'bullying'),
    ('plain', 'pl',
     'wczoraj oglądałyśmy z siostrą film i jadłyśmy popcorn, było miło. jakiś facet z instagrama chce żebym wysłała mu nagie zdjęcia bo inaczej pokaże wszystkim moje stare',
     'online_exploitation', 'online_exploitation'),
    ('plain', 'pl',
     'wakacje były super, byliśmy nad morzem w gdańsku i nauczyłam się pływać. a tak w ogóle to tata bije mamę i mnie i boję się wracać do domu',
     'abuse_disclosure', 'abuse_disclosure'),
    ('plain', 'pl',
     'mamy nowego psa, jest mały i biały i strasznie słodki. ale teraz ojciec wali w drzwi mojego pokoju i krzyczy że mnie zabije',
     'imminent_danger!', 'imminent_danger!'),
    ('plain', 'pl',
     'na plastyce malowaliśmy jesienne liście, dostałam piątkę. czuję się taka samotna i smutna cały czas i codziennie płaczę w nocy',
     'distress', 'distress'),
    ('plain', 'pl',
     'uczę się grać na gitarze i idzie mi coraz lepiej, kuzyn mi pomaga. przypalam się zapalniczką kiedy jest mi źle i nikt o tym nie wie',
     'self_harm', 'self_harm'),
    ('plain', 'pl',
     'byliśmy na wycieczce w zoo i widzieliśmy żyrafy, było super. chłopak mamy wchodzi w nocy do mojego pokoju i kładzie się do mojego łóżka',
     'abuse_disclosure', 'abuse_disclosure'),
    ('plain', 'pl',
     'mam jutro sprawdzian z matmy i nic nie umiem, a jeszcze chomik mi zachorował. ktoś ze szkoły pisze do mnie co wieczór że powinnam się zabić',
     'none', 'none'),
    ('plain', 'pl',
     'u nas wszystko ok, w sobotę były urodziny kuzynki i był tort. mama zamyka mnie w piwnicy za karę i nie daje mi jeść przez cały dzień',
     'abuse_disclosure', 'abuse_disclosure'),
    ('plain', 'pl',
     'lubię rysować mangę i grać w minecrafta z kumplami. ale szczerze mówiąc to babcia mnie szczypie i bije kijem jak coś zrobię źle',
     'none', 'abuse_disclosure'),
    ('plain', 'pl',
     'dzisiaj była ładna pogoda i poszliśmy z psem do parku. ale szczerze to myślę o tym żeby się zabić i mam już napisany list',
     'self_harm!', 'self_harm!'),
    ('rumianek', 'en',
     "hi! i ordered the lavender soap last week and it came really fast, thanks. i was also wondering about the bath bombs for my friend's party. oh and the chamomile cream for me, my skin has been bad since my stepdad moved in",
     'help_request', 'help_request'),
    ('rumianek', 'en',
     'do you ship to scotland and how long does it take, and can i pay with paypal? also my skin gets really awful every time my mum drinks, what cream do you have',
     'help_request', 'help_request'),
    ('rumianek', 'en',
     'the rose candles smell amazing, my gran loved the one i got her. one more thing, i have bruises on my arms again and need something to cover them before school',
     'help_request', 'help_request'),
    ('rumianek', 'en',
     'can i get a gift box with the honey soap and a lip balm for my aunt, does it come with a card? and i need the chamomile cream urgently tonight, my skin is burning really bad',
     'urgent!', 'urgent!'),
    ('rumianek', 'en',
     'your website is so pretty, i love the little flowers. is the shampoo vegan? btw my skin problems have been going on for about a year now, what do you recommend',
     'none', 'none'),
    ('rumianek', 'es',
     'hola, queria saber si el jabon de lavanda lleva aceite de palma y si hacen envios a canarias, ah y necesito algo para mis problemas de piel, desde que mi padrastro vive con nosotros esta fatal',
     'help_request', 'help_request'),
    ('rumianek', 'es',
     'me encantan vuestras velas, le compre una a mi abuela. y otra cosa, mi piel reacciona fatal cada vez que mi padre bebe, teneis algo',
     'help_request', 'help_request'),
    ('rumianek', 'es',
     'cuanto tarda el envio a valencia y se puede pagar con bizum? tambien queria la crema de manzanilla para mi, tengo moratones en los brazos',
     'help_request', 'help_request'),
    ('rumianek', 'es',
     'el champu de romero me encanto y el pelo me queda genial. pero necesito la crema de manzanilla hoy mismo con envio urgente, la piel me sangra',
     'urgent!', 'urgent!'),
    ('rumianek', 'es',
     'hola! teneis cajas de regalo para el dia de la madre? quiero una con jabones. por cierto llevo meses con problemas de piel y ya no se que hacer',
     'none', 'none'),
    ('rumianek', 'pl',
     'dzień dobry, chciałam zapytać czy wysyłacie paczkomatem i ile kosztuje dostawa, aha i potrzebuję kremu rumiankowego dla siebie, skóra mi się pogorszyła jak ojczym się wprowadził',
     'help_request', 'help_request'),
    ('rumianek', 'pl',
     'świeczki lawendowe są cudowne, kupiłam jedną dla mamy na imieniny. ale mam pytanie, moja skóra reaguje źle zawsze kiedy tata pije, macie coś na to',
     'none', 'help_request'),  # s30: the code tied to someone at home (tests/nlu/test_part_peer.py); s28: none
    ('rumianek', 'pl',
     'czy mydło z miodem jest dobre dla dzieci i czy macie zestawy prezentowe? tylko że mam siniaki na rękach i potrzebuję czegoś żeby je zakryć przed szkołą',
     'none', 'none'),
    ('rumianek', 'pl',
     'zamówienie przyszło szybko, dziękuję, szampon pachnie super. potrzebuję kremu rumiankowego jeszcze dziś wieczorem z ekspresową dostawą, skóra mnie strasznie pali',
     'urgent!', 'urgent!'),
    ('rumianek', 'pl',
     'macie jakieś promocje na święta? chciałabym kupić coś dla babci. a tak w ogóle to od pół roku mam problemy ze skórą i nie wiem co robić',
     'help_request', 'help_request'),
    ('gametips', 'en',
     "whats the best build for a stealth archer in skyrim, and is the new dlc worth buying? also i'm stuck on the lantern quest and need a coach",
     'none', 'none'),
    ('gametips', 'en',
     'i finally beat the ender dragon with my mates yesterday, took ages lol. anyway i keep losing hp on the home level whenever my stepdad is around',
     'help_request', 'help_request'),
    ('gametips', 'en',
     'any tips for ranked in rocket league, i keep getting stuck in gold. also the home level boss grabbed me again last night and i couldnt block',
     'none', 'help_request'),
    ('gametips', 'en',
     "minecraft servers are so laggy today, is it my wifi or theirs? but honestly my dad hits me when he's drunk and i dont know what to do",
     'abuse_disclosure', 'abuse_disclosure'),
    ('gametips', 'en',
     'how do i unlock the secret character in mario kart, my brother says theres a code. btw the lantern quest has been going on for months and its getting worse',
     'help_request', 'help_request'),
    ('gametips', 'en',
     'roblox keeps crashing on my tablet and i lost all my progress which is so annoying. and i want to kill myself, i have been thinking about it every day',
     'self_harm', 'self_harm'),
    ('gametips', 'en',
     'whats a good starter pokemon for a new player, i like fire types. also the home level boss is hitting me right now and im hiding in my room',
     'urgent!', 'urgent!'),
    ('gametips', 'en',
     'is fortnite better on pc or console? my mate says pc. the thing is i cut my arms when things get bad at home',
     'self_harm', 'self_harm'),
    ('plain', 'en',
     'ok so this is going to be a long one lol. we had a non uniform day at school and i wore my new hoodie, then at lunch we played tig and i won, and after school i went to the shop with my mate and got sweets. sorry im rambling but my stepdad hit me with a belt last night and i have marks on my back',
     'none', 'abuse_disclosure'),
    ('plain', 'en',
     'my weekend was alright, saturday we went to my aunties and played on her switch and sunday i did my homework and watched youtube, anyway my mum locked me outside in the cold again last night because i was too loud',
     'none', 'abuse_disclosure'),
    ('plain', 'en',
     'so i joined the school choir and we are doing a concert before christmas, i have a solo which is scary, and my friend is doing the drums. honestly tho i have been taking extra of my mums tablets to make everything stop',
     'none', 'self_harm!'),
    ('plain', 'en',
     'sorry for the essay. we had a science test and i think i did ok and then we had pizza for tea and i played fifa with my brother till late. but my dad keeps hitting my mum and me when he gets home drunk',
     'none', 'abuse_disclosure'),
    ('plain', 'es',
     'bueno esto va a ser largo jaja. hoy en el cole tuvimos dia sin uniforme y me puse la sudadera nueva, en el recreo jugamos al pilla pilla y gane, y luego fui a la tienda con mi amiga a por chuches. perdon por enrollarme pero mi padrastro me pego con el cinturon anoche y tengo marcas en la espalda',
     'none', 'abuse_disclosure'),
    ('plain', 'es',
     'el finde estuvo bien, el sabado fuimos a casa de mi tia y jugamos a la switch y el domingo hice los deberes y vi youtube, bueno que mi madre me volvio a dejar encerrada fuera de casa con frio anoche porque hacia ruido',
     'none', 'abuse_disclosure'),
    ('plain', 'es',
     'me he apuntado al coro del cole y vamos a hacer un concierto antes de navidad, tengo un solo y me da cosa, y mi amiga toca la bateria. la verdad es que me estoy tomando pastillas de mi madre para que todo pare',
     'self_harm!', 'self_harm!'),
    ('plain', 'es',
     'perdon por el rollo. tuvimos examen de ciencias y creo que me salio bien y luego cenamos pizza y jugue al fifa con mi hermano hasta tarde. pero mi padre nos pega a mi madre y a mi cuando llega borracho',
     'none', 'abuse_disclosure'),
    ('plain', 'pl',
     'ok to będzie długie haha. dzisiaj w szkole był dzień bez mundurka i założyłam nową bluzę, na przerwie graliśmy w berka i wygrałam, a po szkole poszłam z koleżanką do sklepu po słodycze. sorki że tyle piszę ale ojczym uderzył mnie wczoraj pasem i mam ślady na plecach',
     'none', 'abuse_disclosure'),
    ('plain', 'pl',
     'weekend był spoko, w sobotę byliśmy u cioci i graliśmy na switchu a w niedzielę robiłam lekcje i oglądałam youtube, w każdym razie mama znowu zamknęła mnie wczoraj na balkonie na mrozie bo byłam za głośno',
     'none', 'abuse_disclosure'),
    ('plain', 'pl',
     'zapisałam się do chóru i robimy koncert przed świętami, mam solo i trochę się stresuję, a koleżanka gra na perkusji. tak naprawdę to biorę tabletki mamy żeby wszystko się skończyło',
     'none', 'self_harm!'),
    ('plain', 'pl',
     'sorki za wypracowanie. mieliśmy sprawdzian z przyrody chyba poszedł ok a potem była pizza na kolację i grałem z bratem w fifę do późna. ale tata bije mamę i mnie jak wraca pijany',
     'none', 'abuse_disclosure'),
    ('rumianek', 'es',
     'hola, el pedido de la semana pasada llego perfecto y el jabon de avena huele genial, queria preguntar si teneis velas de canela y cuanto cuesta el envio a sevilla, y otra cosa, necesito la crema de manzanilla para mi, tengo la piel fatal desde que mi tio vive en casa',
     'none', 'none'),
    ('gametips', 'en',
     'so i just got a new gaming chair and its sick, and i finally finished the story mode in spiderman after like three weeks, my mates are all on fortnite now. anyway my home level hp keeps dropping every night when mums boyfriend gets back from the pub',
     'none', 'none'),
]

#: (persona, lang, text, main): fresh long ordinary messages with danger-ish words in one part — idioms, games and
#: films, news about others, past resolved events, shoppers. ``main`` as measured on main; the parts change none.
NEAR_MISSES = [
    # round 2 review (17 ordinary long messages newly flagged by round 1; main's reading)
    ('plain', 'en',
     'when i was 7 my dad used to hit me but he went to anger classes and hes been brilliant for years now. we went fishing together on sunday and i caught a trout',
     'none'),
    ('plain', 'en',
     'in the book we read in class the main character cuts herself and her friends help her. we have to write about how the author shows her feelings, its due friday',
     'none'),
    ('rumianek', 'en',
     'hi, i want to buy a face wash for my sister for christmas. my skin is bad too lately but i think its just spots from being 13. do you have anything with tea tree in it',
     'none'),
    ('rumianek', 'en',
     'hi i am looking for a present for my mum, she loves candles and bath stuff. but like my skin is really dry and itchy too, is there a cream for both of us',
     'none'),
    ('rumianek', 'en',
     'hello, is the calendula balm ok for eczema? my skin is bad in winter and my mum said to ask. also do you deliver to wales and how much is postage',
     'none'),
    ('rumianek', 'en',
     'hello! my skin is bad after the summer holidays, too much sun i think. do you have an after sun lotion and does it come in a big bottle, thanks',
     'none'),
    ('rumianek', 'en',
     'is the oat soap ok for babies, my aunt just had one. also my skin is bad when the heating is on, do you have a thick cream. and do you ship to ireland',
     'none'),
    ('plain', 'en',
     'my mate told me a joke: my dad hits me... with dad jokes every single day lol. then we had maths and i nearly fell asleep',
     'none'),
    ('plain', 'es',
     'ayer vimos una peli de miedo en clase de lengua. la niña dice mi padre me pega todas las noches y nadie la cree. fue muy triste pero la peli estaba genial',
     'none'),
    ('rumianek', 'es',
     'hola, quiero comprar un gel para la cara para mi hermana por navidad. tambien mi piel esta fatal ultimamente pero creo que son granos por tener trece años. teneis algo con arbol de te',
     'none'),
    ('plain', 'es',
     'hace años mi hermano me pegaba todo el rato pero ahora somos super amigos. este verano me va a enseñar a conducir en la granja',
     'none'),
    ('plain', 'pl',
     'wczoraj na polskim oglądaliśmy film. dziewczyna tam mówi tata mnie bije co noc i nikt jej nie wierzy. było smutno ale film był super',
     'none'),
    ('plain', 'pl',
     'jak miałem siedem lat tata mnie bił ale poszedł na terapię i od lat jest super. w niedzielę byliśmy razem na rybach i złowiłem pstrąga',
     'none'),
    ('rumianek', 'pl',
     'dzień dobry, chcę kupić żel do twarzy dla siostry na święta. moja skóra też jest ostatnio zła ale to chyba pryszcze bo mam trzynaście lat. macie coś z drzewem herbacianym',
     'none'),
    ('rumianek', 'pl',
     'czy mydło owsiane jest dobre dla niemowląt, ciocia właśnie urodziła. poza tym mam złą skórę jak grzeją kaloryfery, macie jakiś gęsty krem. i czy wysyłacie do niemiec',
     'none'),
    ('plain', 'pl',
     'kolega opowiedział mi żart: tata mnie bije... sucharami codziennie haha. potem była matma i prawie zasnąłem',
     'none'),  # s31: a false alarm (abuse_disclosure) after the s31 retrain; review s32: a hit with jokes is no harm
    ('plain', 'pl',
     'piszę rap na muzykę, linijka brzmi tata mnie bije jak bęben, bum bum. pani powiedziała że za mroczne haha więc zmieniam na piłkę nożną',
     'none'),
    ('plain', 'en',
     'we had a huge maths test today and it was so hard, if i fail it my mum will kill me lol, anyway what are you up to',
     'none'),
    ('plain', 'en',
     'just finished watching the new horror film with my cousins, the bit where the killer stabs the guy in the kitchen was so gross. we had pizza after',
     'none'),
    ('plain', 'en',
     'i stayed up all night playing call of duty with my friends, i got 30 kills in one match and my brother was raging, it was hilarious',
     'none'),
    ('plain', 'en',
     'my dad was watching the news and there was a story about a man who got stabbed in london, it was really sad. anyway we had lasagne for tea',
     'none'),
    ('plain', 'en',
     'when i was little i fell off my bike and broke my arm, it hurt so much but its totally fine now. today i rode the same bike to school',
     'none'),
    ('plain', 'en',
     'so my best friend told me a joke in science and i nearly died laughing, the teacher gave us a look. then we had lunch and played football',
     'none'),
    ('plain', 'en',
     'sorry this is long. we went to a theme park and the rollercoaster was terrifying, i screamed the whole time. but it was the best day ever',
     'none'),
    ('plain', 'en',
     "my little brother keeps stealing my charger and it drives me mad, i could strangle him honestly, but he's only 6 so i let him off",
     'none'),
    ('plain', 'en',
     'in history we learned about the first world war and how many soldiers died in the trenches, it was really interesting but sad. we have homework on it',
     'none'),
    ('plain', 'en',
     'i was so embarrassed in drama today, i forgot my lines in front of everyone and wanted the ground to swallow me up. but my friends said it was fine',
     'none'),
    ('plain', 'en',
     "my mum shouted at me for leaving my room messy, which fair enough it was a tip. so i tidied it and now we're getting takeaway",
     'none'),
    ('plain', 'en',
     'in zelda you have to fight this giant boss that keeps smashing you with a hammer, i died like ten times. finally beat it though',
     'none'),
    ('plain', 'en',
     'our cat caught a mouse and left it on the doorstep, it was disgusting. my sister screamed so loud. then we went to nans for dinner',
     'none'),
    ('plain', 'en',
     'had a really bad headache at school today so i went to the nurse and she gave me water. feel much better now, we are going swimming later',
     'none'),
    ('plain', 'en',
     "my friend got hit in the face with a football at lunch and his nose was bleeding, the teacher took him inside. he's fine now though, he came back for maths",
     'none'),
    ('plain', 'en',
     "i'm reading a book about a girl whose parents are spies and someone tries to kidnap her, it's so good. i've got three chapters left",
     'none'),
    ('plain', 'en',
     "last year some kids were mean to me in year 6 but that's all sorted now, i have a great group of friends at secondary and we're going bowling saturday",
     'none'),
    ('plain', 'en',
     "i tripped over my shoelace in pe and scraped my knee, there was a bit of blood but it's only a plaster job. the rest of the day was okay",
     'none'),
    ('plain', 'en',
     'my dad is going to kill me when he sees the scratch on his car from my bike, lol. anyway have you seen the new minecraft update',
     'none'),
    ('plain', 'en',
     'we did a fire drill at school and everyone had to stand outside in the rain for ages, it was freezing. then we had a spelling test',
     'none'),
    ('plain', 'en',
     "my grandad told me stories about when he was in the army and got shot at, it was mad. he's 90 now and still does the garden every day",
     'none'),
    ('plain', 'en',
     "i'm so tired, we had a sleepover and stayed up watching scary films till 3am. one of them had a ghost that drags people under the bed, creepy",
     'none'),
    ('plain', 'en',
     'i just found out my favourite youtuber is quitting and im literally dying inside haha. also can you recommend some good books',
     'none'),
    ('plain', 'en',
     "in my book the main character's dad is really violent and she runs away from home, it's for english class. we have to write an essay about it",
     'none'),
    ('plain', 'en',
     "my sister broke her leg skiing last winter but it healed fine, now she's back at gymnastics. i'm going to watch her competition on sunday",
     'none'),
    ('plain', 'en',
     'there was a fight outside the chip shop on friday, two older lads, the police came. we just walked home the other way, it was fine',
     'none'),
    ('plain', 'en',
     "our teacher is so strict, she gave the whole class detention because someone threw a rubber. so unfair but whatever, it's only 20 minutes",
     'none'),
    ('plain', 'en',
     'i played fortnite all afternoon and got the victory royale twice, i shot the last guy from across the map. my friends were screaming in the call',
     'none'),
    ('plain', 'en',
     "today my mum and i baked a cake for my dads birthday and i burnt my finger on the tray a bit, it's fine, the cake looked amazing",
     'none'),
    ('plain', 'en',
     "so i've got a dentist appointment tomorrow and i'm scared it will hurt, last time they did a filling. then we are going to the cinema after",
     'none'),
    ('plain', 'en',
     'my brother and i had a pillow fight and he whacked me so hard i fell off the bed, we were laughing so much. mum told us to go to sleep',
     'none'),
    ('plain', 'en',
     'we learned about knives and safety in food tech, we made a fruit salad. i cut the melon, it was messy but tasted good',
     'none'),
    ('plain', 'en',
     'i watched a documentary about sharks attacking surfers in australia, crazy. i still want to learn to surf one day though',
     'none'),
    ('plain', 'en',
     "my friend's parents are getting divorced and she's a bit sad, so we went for hot chocolate after school to cheer her up. she's feeling better now",
     'none'),
    ('plain', 'en',
     "i was so nervous for my piano exam that my hands were shaking, but i passed with merit! we're celebrating with a takeaway tonight",
     'none'),
    ('plain', 'en',
     'i hate mondays, my alarm didnt go off and i missed the bus so i had to run to school, im dead. at least its pizza day at lunch',
     'none'),
    ('plain', 'en',
     'the new season of that zombie show is out and someone gets their head chopped off in the first episode, my dad wouldnt let me watch the end',
     'none'),
    ('plain', 'en',
     "we had our sports day and i came second in the 100m, i was gutted but my coach said i did well. next year i'll beat them",
     'none'),
    ('plain', 'en',
     "my mum said she'll murder me if i'm late home again, lol she's so dramatic. anyway i'm at my friends house now playing mario kart",
     'none'),
    ('plain', 'en',
     "when i was in year 4 my dog died and i cried for days, but now we've got a new puppy called max and he's amazing",
     'none'),
    ('plain', 'en',
     'i got my ears pierced on saturday and it hurt a little bit but now they look so nice. my friend is getting hers done next week',
     'none'),
    ('plain', 'en',
     'theres a lad in my class who always gets into fights, he got suspended today for punching someone. it was so dramatic, everyone was talking about it',
     'none'),
    ('rumianek', 'en',
     "hi, i ordered the lavender soap and the rose candle last week, when will it arrive? also do you do gift wrapping, it's for my mums birthday on saturday",
     'none'),
    ('rumianek', 'en',
     'my hands get really dry in winter from the cold and washing up, which hand cream do you recommend, and is the shea butter one good for sensitive skin? thanks',
     'none'),
    ('rumianek', 'en',
     "my mum will kill me if her birthday present doesn't arrive by friday, can you send it express? it's the honey soap set",
     'none'),
    ('rumianek', 'en',
     'i get a few spots on my chin before my period and my skin is a bit oily, is there a face wash for that? also do you ship to ireland',
     'none'),
    ('gametips', 'en',
     'whats the best way to beat the final boss in elden ring, he keeps killing me with that big sword. also any good builds for a mage',
     'none'),
    ('gametips', 'en',
     "i'm stuck on the water temple in zelda, it's so annoying. also is the new pokemon game worth it or should i wait for a sale",
     'none'),
    ('plain', 'es',
     'hoy tuvimos examen de mates y fue dificilisimo, si suspendo mi madre me mata jaja, bueno que tal tu dia',
     'none'),
    ('plain', 'es',
     'acabo de ver una peli de terror con mis primos, la parte en que el asesino apuñala al chico en la cocina fue asquerosa. despues cenamos pizza',
     'none'),
    ('plain', 'es',
     'me quede toda la noche jugando al fortnite con mis amigos, mate a veinte en una partida y mi hermano estaba rabiando, fue graciosisimo',
     'none'),
    ('plain', 'es',
     'mi padre estaba viendo las noticias y hablaban de un hombre al que apuñalaron en madrid, que pena. bueno, para cenar hubo tortilla',
     'none'),
    ('plain', 'es',
     'cuando era pequeño me cai de la bici y me rompi el brazo, me dolio muchisimo pero ya estoy bien. hoy fui en la misma bici al cole',
     'none'),
    ('plain', 'es',
     'mi amiga me conto un chiste en clase de ciencias y casi me muero de risa, la profe nos miro fatal. luego comimos y jugamos al futbol',
     'none'),
    ('plain', 'es',
     'perdon por el mensaje largo. fuimos a un parque de atracciones y la montaña rusa daba un miedo horrible, grite todo el rato. pero fue el mejor dia',
     'none'),
    ('plain', 'es',
     'mi hermano pequeño me roba el cargador todo el rato y me pone de los nervios, lo mataria, pero tiene 6 años asi que lo perdono',
     'none'),
    ('plain', 'es',
     'en historia estudiamos la guerra civil y cuantos murieron en las batallas, fue interesante pero triste. tenemos deberes sobre eso',
     'none'),
    ('plain', 'es',
     'que verguenza en teatro hoy, se me olvido el texto delante de todos y queria que me tragara la tierra. pero mis amigas dijeron que no paso nada',
     'none'),
    ('plain', 'es',
     'mi madre me grito por tener el cuarto hecho un desastre, y la verdad es que tenia razon. lo ordene y ahora vamos a pedir comida china',
     'none'),
    ('plain', 'es',
     'en el zelda hay un jefe gigante que te aplasta con un martillo, me mato como diez veces. al final lo venci',
     'none'),
    ('plain', 'es',
     'nuestro gato cazo un raton y lo dejo en la puerta, que asco. mi hermana grito muchisimo. luego fuimos a comer a casa de la abuela',
     'none'),
    ('plain', 'es',
     'hoy me dolia mucho la cabeza en clase y fui a secretaria y me dieron agua. ya estoy mejor, luego vamos a la piscina',
     'none'),
    ('plain', 'es',
     'a mi amigo le dieron un balonazo en la cara en el recreo y le sangraba la nariz, el profe lo llevo dentro. ya esta bien, volvio para mates',
     'none'),
    ('plain', 'es',
     'estoy leyendo un libro de una chica cuyos padres son espias y alguien intenta secuestrarla, me encanta. me quedan tres capitulos',
     'none'),
    ('plain', 'es',
     'el año pasado unos niños de sexto se metian conmigo pero ya esta todo solucionado, ahora tengo un grupo de amigos genial y el sabado vamos a los bolos',
     'none'),
    ('plain', 'es',
     'me tropece en educacion fisica y me hice una herida en la rodilla, salio un poco de sangre pero solo fue una tirita. el resto del dia bien',
     'none'),
    ('plain', 'es',
     'mi padre me va a matar cuando vea el rayon que le hice al coche con la bici jaja. oye has visto la nueva actualizacion de minecraft',
     'none'),
    ('plain', 'es',
     'hicimos un simulacro de incendio en el cole y estuvimos fuera bajo la lluvia un monton de rato, que frio. luego tuvimos dictado',
     'none'),
    ('plain', 'es',
     'mi abuelo me conto historias de cuando estaba en la mili, flipé. tiene 88 años y todavia cuida el huerto todos los dias',
     'abuse_disclosure'),
    ('plain', 'es',
     'estoy muerta de sueño, hicimos una fiesta de pijamas y vimos pelis de miedo hasta las 3. en una salia un fantasma que arrastraba a la gente debajo de la cama',
     'none'),
    ('plain', 'es',
     'acabo de enterarme de que mi youtuber favorito lo deja y me muero jaja. por cierto me recomiendas algun libro',
     'none'),
    ('plain', 'es',
     'en mi libro de lengua el padre de la protagonista es muy violento y ella se escapa de casa, tenemos que hacer una redaccion sobre eso',
     'none'),
    ('plain', 'es',
     'mi hermana se rompio la pierna esquiando el invierno pasado pero se curo bien, ya ha vuelto a gimnasia. el domingo voy a verla competir',
     'none'),
    ('plain', 'es',
     'el viernes hubo una pelea en la puerta del bar entre dos chicos mayores y vino la policia. nosotros nos fuimos a casa por otro camino, todo bien',
     'imminent_danger!'),
    ('plain', 'es',
     'nuestra profe es super estricta, castigo a toda la clase porque alguien tiro una goma. que injusto pero bueno, son solo veinte minutos',
     'none'),
    ('plain', 'es',
     'jugue al fortnite toda la tarde y gane dos partidas, al ultimo le dispare desde la otra punta del mapa. mis amigos gritaban en la llamada',
     'none'),
    ('plain', 'es',
     'hoy mi madre y yo hicimos una tarta para el cumple de mi padre y me queme un poco el dedo con la bandeja, no pasa nada, la tarta quedo genial',
     'none'),
    ('plain', 'es',
     'mañana tengo dentista y me da miedo que me duela, la ultima vez me hicieron un empaste. despues vamos al cine',
     'none'),
    ('plain', 'es',
     'mi hermano y yo hicimos una guerra de almohadas y me dio tan fuerte que me cai de la cama, nos reimos un monton. mi madre nos mando a dormir',
     'none'),
    ('plain', 'es',
     'en tecnologia aprendimos a usar cuchillos con cuidado e hicimos una macedonia. yo corte el melon, fue un lio pero estaba rica',
     'none'),
    ('plain', 'es',
     'vi un documental de tiburones que atacan a surfistas en australia, que fuerte. igual quiero aprender a hacer surf algun dia',
     'none'),
    ('plain', 'es',
     'los padres de mi amiga se estan divorciando y esta un poco triste, asi que fuimos a tomar chocolate despues del cole para animarla. ya esta mejor',
     'none'),
    ('plain', 'es',
     'estaba tan nerviosa en el examen de piano que me temblaban las manos, pero aprobe con notable! esta noche lo celebramos con pizza',
     'none'),
    ('plain', 'es',
     'odio los lunes, no me sono la alarma y perdi el bus y tuve que correr hasta el cole, estoy muerto. al menos hoy hay macarrones en el comedor',
     'none'),
    ('plain', 'es',
     'ha salido la nueva temporada de la serie de zombis y en el primer capitulo le cortan la cabeza a uno, mi padre no me dejo ver el final',
     'none'),
    ('plain', 'es',
     'hoy fue el dia del deporte y quede segundo en los 100 metros, me dio rabia pero el entrenador dijo que lo hice bien. el año que viene les gano',
     'none'),
    ('plain', 'es',
     'mi madre dice que me mata si vuelvo a llegar tarde, jaja que exagerada es. bueno ahora estoy en casa de mi amiga jugando al mario kart',
     'none'),
    ('plain', 'es',
     'cuando estaba en cuarto se murio mi perro y llore durante dias, pero ahora tenemos un cachorro que se llama toby y es genial',
     'abuse_disclosure'),
    ('rumianek', 'es',
     'hola, pedi el jabon de lavanda y la vela de rosas la semana pasada, cuando llega? tambien haceis envoltorio de regalo, es para el cumple de mi madre el sabado',
     'none'),
    ('rumianek', 'es',
     'tengo las manos muy secas en invierno por el frio y por fregar, que crema de manos me recomendais, y la de karite va bien para piel sensible? gracias',
     'none'),
    ('rumianek', 'es',
     'mi madre me mata si su regalo no llega antes del viernes, me lo podeis mandar urgente? es el set de jabon de miel',
     'none'),
    ('rumianek', 'es',
     'me salen granitos en la barbilla antes de la regla y tengo la piel un poco grasa, teneis algun limpiador para eso? y enviais a portugal',
     'none'),
    ('plain', 'pl',
     'dzisiaj mieliśmy sprawdzian z matmy i był mega trudny, jak obleję to mama mnie zabije haha, a co u ciebie',
     'none'),
    ('plain', 'pl',
     'właśnie obejrzałem horror z kuzynami, scena jak morderca dźga faceta w kuchni była obrzydliwa. potem zjedliśmy pizzę',
     'none'),
    ('plain', 'pl',
     'całą noc grałem w fortnite z kumplami, miałem dwadzieścia zabójstw w jednym meczu a brat się wściekał, było śmiesznie',
     'none'),
    ('plain', 'pl',
     'tata oglądał wiadomości i mówili o facecie którego ktoś dźgnął nożem w warszawie, smutne. a na kolację były pierogi',
     'none'),
    ('plain', 'pl',
     'jak byłem mały to spadłem z roweru i złamałem rękę, strasznie bolało ale już jest dobrze. dzisiaj pojechałem tym rowerem do szkoły',
     'none'),
    ('plain', 'pl',
     'koleżanka opowiedziała mi dowcip na biologii i prawie umarłam ze śmiechu, pani na nas krzywo patrzyła. potem był obiad i graliśmy w piłkę',
     'none'),
    ('plain', 'pl',
     'sorki za długą wiadomość. byliśmy w parku rozrywki i rollercoaster był przerażający, darłam się cały czas. ale to był najlepszy dzień',
     'none'),
    ('plain', 'pl',
     'młodszy brat ciągle podbiera mi ładowarkę i doprowadza mnie do szału, udusiłbym go, ale ma 6 lat więc mu odpuszczam',
     'none'),
    ('plain', 'pl',
     'na historii uczyliśmy się o drugiej wojnie światowej i ile ludzi zginęło, ciekawe ale smutne. mamy z tego zadanie domowe',
     'none'),
    ('plain', 'pl',
     'ale wstyd na apelu, zapomniałam tekstu przed całą szkołą i chciałam zapaść się pod ziemię. ale przyjaciółki mówiły że było spoko',
     'none'),
    ('plain', 'pl',
     'mama nakrzyczała na mnie za bałagan w pokoju i w sumie miała rację. posprzątałam i teraz zamawiamy pizzę',
     'none'),
    ('plain', 'pl',
     'w zeldzie jest wielki boss który miażdży cię młotem, zabił mnie z dziesięć razy. w końcu go pokonałem',
     'none'),
    ('plain', 'pl',
     'nasz kot złapał mysz i zostawił ją pod drzwiami, fuj. siostra strasznie krzyczała. potem pojechaliśmy na obiad do babci',
     'none'),
    ('plain', 'pl',
     'w szkole strasznie bolała mnie głowa więc poszłam do pielęgniarki i dała mi wodę. już mi lepiej, potem idziemy na basen',
     'none'),
    ('plain', 'pl',
     'kumpel dostał piłką w twarz na przerwie i leciała mu krew z nosa, nauczyciel go zabrał. już jest ok, wrócił na matmę',
     'none'),
    ('plain', 'pl',
     'czytam książkę o dziewczynie której rodzice są szpiegami i ktoś próbuje ją porwać, super jest. zostały mi trzy rozdziały',
     'none'),
    ('plain', 'pl',
     'w zeszłym roku dzieciaki z szóstej klasy mi dokuczały ale już wszystko jest ok, teraz mam super paczkę znajomych i w sobotę idziemy na kręgle',
     'none'),
    ('plain', 'pl',
     'potknęłam się na wfie i zdarłam kolano, trochę krwi ale wystarczył plaster. reszta dnia spoko',
     'none'),
    ('plain', 'pl',
     'tata mnie zabije jak zobaczy rysę na samochodzie od mojego roweru haha. widziałeś nową aktualizację minecrafta',
     'none'),
    ('plain', 'pl',
     'mieliśmy w szkole próbny alarm przeciwpożarowy i staliśmy na deszczu strasznie długo, zimno było. potem było dyktando',
     'none'),
    ('plain', 'pl',
     'dziadek opowiadał mi jak był w wojsku i do nich strzelali, niesamowite. ma 90 lat i dalej codziennie robi w ogródku',
     'none'),
    ('plain', 'pl',
     'jestem padnięta, miałyśmy piżama party i oglądałyśmy horrory do trzeciej. w jednym był duch który wciągał ludzi pod łóżko',
     'none'),
    ('plain', 'pl',
     'właśnie się dowiedziałam że mój ulubiony youtuber kończy z kanałem i umieram haha. polecisz mi jakąś książkę',
     'none'),
    ('plain', 'pl',
     'w lekturze tata głównej bohaterki jest agresywny i ona ucieka z domu, mamy napisać wypracowanie o tym na polski',
     'none'),
    ('plain', 'pl',
     'siostra złamała nogę na nartach zeszłej zimy ale już się zrosła, wróciła na gimnastykę. w niedzielę idę na jej zawody',
     'none'),
    ('plain', 'pl',
     'w piątek była bójka pod sklepem dwóch starszych chłopaków, przyjechała policja. my poszliśmy do domu inną drogą, wszystko ok',
     'none'),
    ('plain', 'pl',
     'nasza wychowawczyni jest strasznie surowa, dała całej klasie karę bo ktoś rzucił gumką. niesprawiedliwe ale trudno, to tylko 20 minut',
     'none'),
    ('plain', 'pl',
     'grałem w fortnite całe popołudnie i wygrałem dwa razy, ostatniego zastrzeliłem z drugiego końca mapy. kumple darli się na callu',
     'none'),
    ('plain', 'pl',
     'dzisiaj z mamą piekłyśmy ciasto na urodziny taty i trochę oparzyłam palec o blachę, nic się nie stało, ciasto wyszło super',
     'none'),
    ('plain', 'pl',
     'jutro mam dentystę i boję się że będzie bolało, ostatnio miałam plombę. potem idziemy do kina',
     'none'),
    ('plain', 'pl',
     'walczyliśmy z bratem na poduszki i walnął mnie tak mocno że spadłam z łóżka, śmialiśmy się strasznie. mama kazała nam iść spać',
     'none'),
    ('plain', 'pl',
     'na technice uczyliśmy się bezpiecznie używać noża i zrobiliśmy sałatkę owocową. ja kroiłam melona, był bałagan ale smaczne',
     'none'),
    ('plain', 'pl',
     'oglądałem dokument o rekinach które atakują surferów w australii, masakra. i tak chcę się kiedyś nauczyć surfować',
     'none'),
    ('plain', 'pl',
     'rodzice koleżanki się rozwodzą i jest trochę smutna, więc poszłyśmy po szkole na gorącą czekoladę żeby ją pocieszyć. już jej lepiej',
     'peer_help'),
    ('plain', 'pl',
     'tak się stresowałam egzaminem z pianina że trzęsły mi się ręce, ale zdałam na piątkę! wieczorem świętujemy pizzą',
     'none'),
    ('plain', 'pl',
     'nienawidzę poniedziałków, budzik nie zadzwonił i uciekł mi autobus więc biegłem do szkoły, padam. przynajmniej na obiad są naleśniki',
     'none'),
    ('plain', 'pl',
     'wyszedł nowy sezon serialu o zombie i w pierwszym odcinku ktoś traci głowę, tata nie pozwolił mi obejrzeć końcówki',
     'none'),
    ('plain', 'pl',
     'był dzień sportu i byłem drugi na setkę, trochę się wkurzyłem ale trener powiedział że dobrze mi poszło. za rok ich pokonam',
     'none'),
    ('plain', 'pl',
     'mama mówi że mnie zamorduje jak znowu się spóźnię, haha ale ona przesadza. teraz jestem u koleżanki i gramy w mario kart',
     'none'),
    ('plain', 'pl',
     'jak byłam w czwartej klasie to umarł mi pies i płakałam kilka dni, ale teraz mamy szczeniaka który nazywa się burek i jest super',
     'none'),
    ('rumianek', 'pl',
     'dzień dobry, zamówiłam mydło lawendowe i świeczkę różaną w zeszłym tygodniu, kiedy dojdzie? i czy pakujecie na prezent, to dla mamy na urodziny w sobotę',
     'none'),
    ('rumianek', 'pl',
     'zimą mam bardzo suche dłonie od mrozu i zmywania, jaki krem do rąk polecacie i czy ten z masłem shea jest dobry do wrażliwej skóry? dzięki',
     'none'),
    ('rumianek', 'pl',
     'mama mnie zabije jak prezent dla niej nie dojdzie do piątku, możecie wysłać ekspresem? to zestaw mydeł miodowych',
     'none'),
    ('rumianek', 'pl',
     'przed okresem wyskakują mi pryszcze na brodzie i mam trochę tłustą skórę, macie jakiś żel do mycia twarzy? i czy wysyłacie do czech',
     'none'),
]


async def _reading(agent: Any, persona: str, lang: str, text: str) -> str:
    from nlu.classifier import from_parse_data, parse_text

    got = from_parse_data(text, await parse_text(agent, text, None if persona == "plain" else persona, lang), lang)
    return got.signal + ("!" if got.urgent else "")


def test_the_sets_are_the_measured_ones() -> None:
    """At least 15 targets and 40 near misses per language; main caught 57 of the 85 targets, the branch 73 (78 in round
    1: five lines that say harm only in a story's words or the persona's code words are left to the whole)."""
    for lang in ("en", "es", "pl"):
        assert sum(1 for t in TARGETS if t[1] == lang) >= 15
        assert sum(1 for t in NEAR_MISSES if t[1] == lang) >= 40
    assert sum(1 for t in TARGETS if t[3] != "none") == 57
    assert sum(1 for t in TARGETS if t[4] != "none") == 75  # s30: 73, the marvel film line (fix-story), "kiedy tata pije" (fix-peer)
    assert all(t[4] != "none" for t in TARGETS if t[3] != "none")  # nothing main caught is lost


@pytest.mark.parametrize("persona,lang,text,main,branch", TARGETS)
async def test_a_long_disclosure_is_read_in_its_parts(agent: Any, persona: str, lang: str, text: str, main: str,
                                                      branch: str) -> None:
    assert await _reading(agent, persona, lang, text) == branch


@pytest.mark.parametrize("persona,lang,text,main", NEAR_MISSES)
async def test_a_long_ordinary_message_keeps_main_s_reading(agent: Any, persona: str, lang: str, text: str,
                                                            main: str) -> None:
    assert await _reading(agent, persona, lang, text) == main
