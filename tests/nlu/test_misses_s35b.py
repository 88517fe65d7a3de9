"""Disclosures still read as ordinary talk, second round (issue 13, session 35, helper misses-s35b).

En / es / pl, the plain bot and both personas; every line written for these tests, none from tests/data:

* neglect told: parents who go off and leave the children alone for a weekend or days with nothing to eat, the child
  left in a car for hours ("rodzice wyjeżdżają na cały weekend i zostawiają nas samych bez jedzenia": ordinary talk
  .62) — a disclosure (nlu/misreadings.py is_kept_in_for_days, told=True); minutes in the car are ordinary;
* a beating, a hiding or the belt threatened by a person of the child's life, even over a mishap ("if i fail my dad
  will beat me": ordinary talk .94) — a disclosure, unlike "kill me" over a chore (is_beating_threatened);
* not eating or sleeping for days or weeks over exams or stress, parents shouting all night ("llevo semanas sin
  dormir ni comer por los exámenes": .84) — distress (is_worn_down_by_stress); one bad night stays ordinary.

``TARGETS`` run on the trained model (the ``agent`` fixture) in every persona; the ``component`` tests run
PersonaContext on an ordinary-talk ranking (no model): every target and variant becomes help, every neighbour stays
ordinary talk.
"""
from __future__ import annotations

from typing import Any

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen

PERSONAS = ("plain", "rumianek", "gametips")

#: (lang, text, signal): the brief's lines, read as ordinary talk on s35's model in every persona.
TARGETS = [
    ("pl", "rodzice wyjeżdżają na cały weekend i zostawiają nas samych bez jedzenia", "abuse_disclosure"),
    ("pl", "tata zostawił mnie w aucie na kilka godzin jak był w barze, strasznie zmarzłam", "abuse_disclosure"),
    ("en", "so stressed about my test, if i fail my dad will beat me", "abuse_disclosure"),
    ("pl", "stresuję się sprawdzianem, jak dostanę jedynkę to tata mnie zbije", "abuse_disclosure"),
    ("en", "i havent eaten in days because im so stressed about my exams", "distress"),
    ("es", "llevo semanas sin dormir ni comer por los exámenes", "distress"),
    ("es", "llevo días sin comer por el estrés de los exámenes", "distress"),
    ("es", "tengo exámenes pero no puedo estudiar porque mis padres se gritan toda la noche", "distress"),
    ("pl", "mam egzaminy ale nie mogę się uczyć bo rodzice krzyczą całą noc", "distress"),
]

NEGLECT = [
    ("en", "my parents go away for the whole weekend and leave us alone with no food"),
    ("en", "mum and dad went away for the weekend and left us home alone with nothing to eat"),
    ("en", "my dad left me in the car for hours while he was at the pub, i was freezing"),
    ("en", "mum left me in the car for 3 hours while she was at the casino"),
    ("en", "they leave us alone for days and theres no food in the house"),
    ("en", "my stepdad locked me in the car for hours while he was drinking"),
    ("en", "my parents leave me home alone for a few days with no food"),
    ("en", "dad left us in the car all night outside the bar"),
    ("en", "my mum goes away and leaves me alone the whole weekend, nothing to eat"),
    ("es", "mis padres se van todo el fin de semana y nos dejan solos sin comida"),
    ("es", "mis padres se fueron el finde y me dejaron en casa sola sin nada de comer"),
    ("es", "mi padre me dejó en el coche varias horas mientras estaba en el bar, pasé mucho frío"),
    ("es", "mi madre me deja en el coche horas mientras juega a las tragaperras"),
    ("es", "mis padres nos dejan solos varios días y no hay comida en casa"),
    ("es", "mi padrastro me dejó en el coche toda la tarde mientras bebía"),
    ("es", "mi madre se va unos dias y me deja sola sin comida"),
    ("es", "mi padre nos dejó en el coche toda la noche fuera del bar"),
    ("pl", "mama zostawiła mnie w samochodzie na trzy godziny jak była w kasynie"),
    ("pl", "rodzice zostawiają mnie samą na kilka dni i nie ma jedzenia w domu"),
    ("pl", "ojczym zamknął mnie w aucie na kilka godzin jak pił z kolegami"),
    ("pl", "rodzice wyjechali na weekend i zostawili nas samych, nie ma nic do jedzenia"),
    ("pl", "mama zostawia mnie samego na parę dni bez jedzenia"),
    ("pl", "tata zostawił nas w aucie na całą noc pod barem"),
    ("pl", "rodzice wyjeżdżają na cały weekend i zostawiają nas samych bez jedzenia"),
    ("pl", "tata zostawił mnie w aucie na kilka godzin jak był w barze, strasznie zmarzłam"),
]

NEGLECT_NEIGHBOURS = [
    ("en", "my dad left me in the car for 5 minutes while he got bread"),
    ("en", "mum left me in the car for a minute to grab the parcel"),
    ("en", "my parents are away for the weekend and my nan is staying with us"),
    ("en", "my parents went away for the weekend and left us pizza money lol"),
    ("en", "mum left me home alone for an hour and i watched netflix"),
    ("en", "i was left alone all weekend and played minecraft the whole time, best weekend"),
    ("en", "we left the dog in the car for a minute, is that bad"),
    ("en", "my parents left me alone for a bit so i made pancakes"),
    ("en", "i left my phone in the car for hours and now its dead"),
    ("en", "dad went to the pub for a few hours and i stayed with grandma"),
    ("es", "mi padre me dejó en el coche cinco minutos mientras compraba el pan"),
    ("es", "mi madre me dejó en el coche un momento para sacar dinero"),
    ("es", "mis padres se van el finde y viene mi abuela a cuidarnos"),
    ("es", "mis padres se fueron el fin de semana y nos dejaron pizza en el congelador"),
    ("es", "me quedé sola en casa una hora y vi una peli"),
    ("es", "mis padres me dejan solo el finde y juego a la play todo el rato"),
    ("es", "me dejé el móvil en el coche horas y se quedó sin batería"),
    ("es", "mi padre se fue al bar un par de horas y yo me quedé con mi tía"),
    ("es", "el sábado mis padres salen a cenar y me quedo sola un rato"),
    ("es", "dejé al perro en el coche un minuto"),
    ("pl", "tata zostawił mnie w aucie na 5 minut jak poszedł po chleb"),
    ("pl", "mama zostawiła mnie w samochodzie na chwilę jak poszła do bankomatu"),
    ("pl", "rodzice wyjeżdżają na weekend i przyjeżdża babcia"),
    ("pl", "rodzice zostawili mnie samą na godzinę i oglądałam netflixa"),
    ("pl", "zostawiłam telefon w aucie na kilka godzin i się rozładował"),
    ("pl", "tata poszedł do baru na parę godzin a ja byłam u cioci"),
    ("pl", "rodzice wyjechali na weekend i zostawili nam pizzę w zamrażarce"),
    ("pl", "zostawiają mnie samą w domu na weekend i gram cały czas w minecrafta"),
    ("pl", "mama zostawiła psa w aucie na minutę"),
    ("pl", "w sobotę rodzice idą na kolację a ja zostaję sama na chwilę"),
]

BEATINGS = [
    ("en", "so stressed about my test, if i fail my dad will beat me"),
    ("en", "if i get a bad grade my mum is gonna hit me"),
    ("en", "my dad will belt me if i fail maths again"),
    ("en", "if i lose my phone again my stepdad will beat me"),
    ("en", "my mum said she will hit me if i get another detention"),
    ("en", "scared of my results, dad is going to beat me if theyre bad"),
    ("en", "if i break anything else my dad will give me a beating"),
    ("en", "im late home and my mum is gonna hit me"),
    ("es", "si suspendo mi padre me va a pegar"),
    ("es", "estoy nerviosa por el examen, si saco un cero mi madre me va a pegar"),
    ("es", "si pierdo las llaves otra vez mi padre me va a dar una paliza"),
    ("es", "mi padrastro me va a dar con el cinturon si suspendo"),
    ("es", "si rompo algo más mi madre me pegará"),
    ("es", "como llegue tarde mi padre me va a pegar"),
    ("es", "tengo miedo de las notas, mi padre me dará una paliza"),
    ("es", "si se entera de que suspendí mi madre me va a pegar"),
    ("pl", "stresuję się sprawdzianem, jak dostanę jedynkę to tata mnie zbije"),
    ("pl", "jak nie zdam to tata mnie pobije"),
    ("pl", "jak dostanę pałę z matmy to tata mnie zleje"),
    ("pl", "mama mnie zleje jak zobaczy moje oceny"),
    ("pl", "jak zgubię klucze to ojczym mnie pobije"),
    ("pl", "boję się kartkówki, jak obleję to tata mnie zbije pasem"),
    ("pl", "jak się spóźnię to mama mnie zleje"),
    ("pl", "tata mnie stłucze jak zobaczy uwagę w dzienniku"),
]

BEATING_NEIGHBOURS = [
    ("en", "mum said she'd kill me if i fail lol"),
    ("en", "my mum will kill me if i fail my test"),
    ("en", "my brother will beat me at fifa again"),
    ("en", "my dad will beat me at chess, he always does"),
    ("en", "my cousin will beat me in the spelling bee"),
    ("en", "if i fail my dad will be so disappointed"),
    ("en", "my sister is gonna beat me in the race"),
    ("en", "my teacher will kill me if i dont hand in my essay"),
    ("en", "my dad will beat my score on tetris"),
    ("en", "if i fail i will hit the books harder"),
    ("es", "mi madre me mata si suspendo jaja"),
    ("es", "mi padre me va a matar si pierdo el movil"),
    ("es", "mi hermano me va a ganar al fifa"),
    ("es", "si suspendo mi padre se va a enfadar mucho"),
    ("es", "mi madre me va a castigar sin movil si suspendo"),
    ("es", "mi madre me va a pegar la gripe, esta malisima"),
    ("es", "mi padre me va a pegar un grito si llego tarde"),
    ("es", "si no apruebo mi madre me quita la play"),
    ("es", "mi profe me va a matar si no entrego el trabajo"),
    ("es", "mi madre me va a pegar la chapa con lo del examen"),
    ("pl", "mama mnie zabije jak obleję sprawdzian xd"),
    ("pl", "tata mnie zabije jak zgubię telefon"),
    ("pl", "brat mnie pobije w fifę"),
    ("pl", "tata pobije mój rekord w tetrisa"),
    ("pl", "jak nie zdam to tata będzie zły"),
    ("pl", "mama da mi szlaban jak dostanę jedynkę"),
    ("pl", "siostra mnie zleje jak weźmie jej bluzę"),
    ("pl", "pani od matmy mnie zabije jak nie oddam pracy"),
    ("pl", "jak dostanę jedynkę to tata zabierze mi konsolę"),
    ("pl", "tata mnie zleje wodą z węża jak wrócę z boiska"),
]

WORN_DOWN = [
    ("en", "i havent eaten in days because im so stressed about my exams"),
    ("en", "havent slept in like 3 days cause of exam stress"),
    ("en", "ive been so anxious about my gcses i havent eaten properly for a week"),
    ("en", "cant sleep for weeks because of the pressure of my exams"),
    ("en", "i barely eaten for days im so stressed about results"),
    ("en", "i havent slept in days worrying about my mocks"),
    ("en", "the exams are coming and ive not been eating for days"),
    ("en", "so stressed i havent had anything to eat since monday"),
    ("en", "i have exams but i cant study because my parents scream at each other all night"),
    ("en", "my mum and dad fight every night and i cant sleep before my exams"),
    ("en", "my parents shout all night and i cant focus on revision"),
    ("en", "my parents were yelling all night again"),
    ("en", "mum and stepdad scream at each other every night"),
    ("en", "my parents have been rowing every night this week"),
    ("en", "i cant sleep my parents are shouting all night"),
    ("en", "dad yells at mum every night and i put my headphones on"),
    ("es", "llevo semanas sin dormir ni comer por los exámenes"),
    ("es", "llevo días sin comer por el estrés de los exámenes"),
    ("es", "llevo una semana sin dormir por la selectividad"),
    ("es", "desde hace días no como nada por los nervios del examen"),
    ("es", "hace semanas que no duermo por la ansiedad de las notas"),
    ("es", "llevo tres días sin comer, estoy agobiadísima con los exámenes"),
    ("es", "con el estrés de los exámenes llevo varios días sin dormir"),
    ("es", "por la recuperación llevo días que apenas como"),
    ("es", "tengo exámenes pero no puedo estudiar porque mis padres se gritan toda la noche"),
    ("es", "mis padres se pelean todas las noches y no puedo dormir"),
    ("es", "mis padres se estuvieron gritando toda la noche otra vez"),
    ("es", "mi padre le grita a mi madre cada noche"),
    ("es", "mis padres discuten a gritos todas las noches"),
    ("es", "mi madre y mi padrastro se chillan toda la noche"),
    ("es", "no puedo estudiar, mis padres se pelean cada noche"),
    ("es", "mis padres están gritando toda la noche y tengo miedo"),
    ("pl", "od tygodnia nie śpię przez stres przed maturą"),
    ("pl", "od kilku dni nic nie jem bo tak się stresuję egzaminami"),
    ("pl", "nie jem od paru dni przez sprawdziany"),
    ("pl", "od trzech dni nie mogę spać przez egzamin"),
    ("pl", "od tygodni prawie nie śpię i nie jem przez stres"),
    ("pl", "mam takie nerwy przed maturą że od paru dni nic nie jadłam"),
    ("pl", "przez kartkówki od kilku dni nie mogę jeść"),
    ("pl", "od poniedziałku nie śpię bo się stresuję testem"),
    ("pl", "mam egzaminy ale nie mogę się uczyć bo rodzice krzyczą całą noc"),
    ("pl", "rodzice kłócą się co noc i nie mogę spać"),
    ("pl", "tata krzyczy na mamę każdej nocy"),
    ("pl", "rodzice drą się na siebie całą noc"),
    ("pl", "mama z ojczymem wrzeszczą na siebie po nocach"),
    ("pl", "nie mogę się uczyć do matury bo rodzice kłócą się całymi nocami"),
    ("pl", "znowu rodzice awanturowali się całą noc"),
    ("pl", "rodzice krzyczeli na siebie całą noc i boję się wrócić do domu"),
]

WORN_DOWN_NEIGHBOURS = [
    ("en", "i skipped breakfast because i was nervous"),
    ("en", "didnt sleep much last night because of my exam today"),
    ("en", "couldnt sleep last night, big test tomorrow"),
    ("en", "i havent slept in days because the new zelda came out lol"),
    ("en", "havent eaten since lunch, exam went ok"),
    ("en", "i havent eaten all day, what snacks are good for revision"),
    ("en", "barely slept last night before the maths test"),
    ("en", "i stayed up all night revising for my test"),
    ("en", "my exams finished and i havent been to school for days"),
    ("en", "my parents argued about dinner yesterday"),
    ("en", "my parents shouted at the football all night lol"),
    ("en", "my parents were singing karaoke all night and shouting"),
    ("en", "my mum shouted at me to tidy my room"),
    ("en", "the neighbours were shouting all night"),
    ("en", "my parents argue about the tv remote every night lol"),
    ("en", "my brother yells at his game all night"),
    ("es", "anoche no dormí bien por el examen de hoy"),
    ("es", "no he desayunado por los nervios del examen"),
    ("es", "mañana tengo examen y no puedo dormir"),
    ("es", "llevo días jugando al nuevo juego y casi no duermo jaja"),
    ("es", "hoy no he comido mucho porque tenía examen"),
    ("es", "llevo semanas estudiando para selectividad pero duermo bien"),
    ("es", "tengo hambre, no he comido desde el recreo"),
    ("es", "después del examen dormí doce horas"),
    ("es", "mis padres discutieron ayer por la cena"),
    ("es", "mis padres gritaron toda la noche viendo el partido"),
    ("es", "mis padres estuvieron cantando y gritando en la fiesta toda la noche"),
    ("es", "mi madre me gritó para que recogiera el cuarto"),
    ("es", "los vecinos gritan toda la noche"),
    ("es", "mi hermano grita jugando al fortnite toda la noche"),
    ("es", "ayer mis padres se pelearon un poco pero ya están bien"),
    ("pl", "nie zjadłam śniadania bo się stresowałam sprawdzianem"),
    ("pl", "wczoraj nie mogłam zasnąć przed egzaminem"),
    ("pl", "od kilku dni gram w nową grę i mało śpię xd"),
    ("pl", "jutro sprawdzian i trochę się stresuję"),
    ("pl", "nie jadłam obiadu bo miałam kartkówkę"),
    ("pl", "od tygodnia uczę się do matury ale śpię normalnie"),
    ("pl", "noc przed egzaminem spałam tylko 5 godzin"),
    ("pl", "od paru dni nie mam czasu grać przez sprawdziany"),
    ("pl", "po maturze spałam cały dzień"),
    ("pl", "rodzice pokłócili się wczoraj przy kolacji"),
    ("pl", "tata krzyczał całą noc przy meczu"),
    ("pl", "rodzice śpiewali i krzyczeli na imprezie całą noc"),
    ("pl", "mama nakrzyczała na mnie żebym posprzątała pokój"),
    ("pl", "sąsiedzi krzyczą całą noc"),
    ("pl", "tata chrapie całą noc"),
    ("pl", "rodzice kłócili się trochę wczoraj ale już jest dobrze"),
]

#: The classifier's mistake: ordinary talk with little weight on any help reading.
AS_NONE = [("out_of_scope", 0.86), ("abuse_disclosure", 0.06), ("distress", 0.05), ("imminent_danger", 0.03)]


async def _reading(agent: Any, persona: str, lang: str, text: str) -> tuple[str, bool]:
    from nlu.classifier import from_parse_data, parse_text

    got = from_parse_data(text, await parse_text(agent, text, None if persona == "plain" else persona, lang), lang)
    return got.signal, got.urgent


@pytest.mark.parametrize("lang,text,signal", TARGETS)
async def test_the_briefs_lines_are_disclosures_in_every_persona(agent: Any, lang: str, text: str,
                                                                 signal: str) -> None:
    for persona in PERSONAS:
        assert await _reading(agent, persona, lang, text) == (signal, False), persona


@pytest.mark.parametrize("lang,text", NEGLECT + BEATINGS)
def test_neglect_and_a_beating_threatened_are_a_disclosure(component: PersonaContext, lang: str, text: str) -> None:
    for persona in PERSONAS:
        intent, signal, urgent, _ = seen(component, text, AS_NONE, lang, persona)
        assert (signal, urgent) == ("abuse_disclosure", False), (persona, intent)


@pytest.mark.parametrize("lang,text", WORN_DOWN)
def test_worn_down_by_stress_or_shouting_is_distress(component: PersonaContext, lang: str, text: str) -> None:
    for persona in PERSONAS:
        intent, signal, urgent, _ = seen(component, text, AS_NONE, lang, persona)
        assert (signal, urgent) == ("distress", False), (persona, intent)


@pytest.mark.parametrize("lang,text", NEGLECT_NEIGHBOURS + BEATING_NEIGHBOURS + WORN_DOWN_NEIGHBOURS)
def test_the_neighbours_stay_ordinary_talk(component: PersonaContext, lang: str, text: str) -> None:
    for persona in PERSONAS:
        intent, signal, urgent, _ = seen(component, text, AS_NONE, lang, persona)
        assert (signal, urgent) == ("none", False), (persona, intent)


def test_kept_in_for_days_now_is_still_danger_now(component: PersonaContext) -> None:
    """The s34 shape, read as ordinary talk, is a disclosure and then danger now (kept in now, no food)."""
    intent, signal, urgent, _ = seen(component, "mama zamknęła mnie w pokoju od wczoraj, nie mam nic do jedzenia",
                                     AS_NONE, "pl", "plain")
    assert urgent and signal == "imminent_danger", intent
