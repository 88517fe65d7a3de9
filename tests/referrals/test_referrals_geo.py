import pytest

from referrals.errors import GeocodeError
from core.text import fold_name as fold
from referrals.geo import find_place, gazetteer, locate


@pytest.mark.parametrize(
    "text, name, country, kind",
    [
        ("Kraków", "Kraków", "PL", "city"),
        ("krakow", "Kraków", "PL", "city"),
        ("w Krakowie", "Kraków", "PL", "city"),
        ("w Poznaniu", "Poznań", "PL", "city"),
        ("mieszkam we Wrocławiu i tata mnie bije", "Wrocław", "PL", "city"),
        ("jestem z Warszawy", "Warsaw", "PL", "city"),
        ("w Gdyni", "Gdynia", "PL", "city"),
        ("w Łodzi", "Łódź", "PL", "city"),
        ("w Katowicach", "Katowice", "PL", "city"),
        ("w Zielonej Górze", "Zielona Góra", "PL", "city"),
        ("w Nowym Sączu", "Nowy Sącz", "PL", "city"),
        ("near Lagos", "Lagos", "NG", "city"),
        ("I live in London", "London", "GB", "city"),
        ("en Sevilla", "Sevilla", "ES", "city"),
        ("Sevilla", "Sevilla", "ES", "city"),
        ("in Seville", "Sevilla", "ES", "city"),
        ("cerca de Madrid", "Madrid", "ES", "city"),
        ("vivo en la Ciudad de México", "Mexico City", "MX", "city"),
        ("Cracow", "Kraków", "PL", "city"),
        ("Hiszpania", "Spain", "ES", "country"),
        ("España", "Spain", "ES", "country"),
        ("w Polsce", "Poland", "PL", "country"),
        ("I am in Spain", "Spain", "ES", "country"),
        ("w Niemczech", "Germany", "DE", "country"),
    ],
)
def test_finds_places_in_free_text(text: str, name: str, country: str, kind: str) -> None:
    place = find_place(text)
    assert place is not None, text
    assert (place.name, place.country, place.kind) == (name, country, kind)


def test_place_carries_admin1_coordinates_population() -> None:
    place = find_place("Kraków")
    assert place is not None
    assert place.admin1 == "77"
    assert abs(place.lat - 50.06) < 0.1 and abs(place.lon - 19.94) < 0.1
    assert place.population > 700_000
    assert place.time_zone == "Europe/Warsaw"


def test_ambiguous_name_uses_population_then_country_hint() -> None:
    assert find_place("Sevilla").country == "ES"  # type: ignore[union-attr]
    assert find_place("Sevilla", country_hint="CO").country == "CO"  # type: ignore[union-attr]
    assert find_place("Lagos").country == "NG"  # type: ignore[union-attr]
    assert find_place("Lagos", country_hint="PT").country == "PT"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "hi", "ok", "la", "dom", "tak", "nie", "hola", "vale", "gracias", "tata", "mama", "casa",
        "hi, how much is the cream?", "ok thanks", "is this nice", "the police came last night",
        "my dad hits me", "I am scared to go home", "can I talk to someone", "i want to die",
        "tata mnie bije", "jestem w domu", "boję się wrócić do domu", "mama krzyczy na mnie",
        "ile kosztuje krem do twarzy", "dziękuję bardzo", "nie wiem co robić", "koło szkoły",
        "mi padre me pega", "como estas", "tengo miedo de volver a casa", "quiero hablar con alguien",
        "la crema para la piel", "vale, gracias", "estoy sola en casa", "no sé qué hacer",
        "my friend Victoria is sad", "Charlotte and Austin bully me", "salé", "I feel so alone",
    ],
)
def test_ordinary_words_are_not_places(text: str) -> None:
    assert find_place(text) is None, text


def test_fold_strips_diacritics_and_punctuation() -> None:
    assert fold("Łódź") == "lodz"
    assert fold("  Poznań!! ") == "poznan"
    assert fold("Ciudad de México") == "ciudad de mexico"


def test_nearest_city_and_bad_coordinates() -> None:
    near = gazetteer().nearest_city(50.06, 19.94)
    assert near is not None and near.name == "Kraków"
    with pytest.raises(GeocodeError):
        gazetteer().nearest_city(123.0, 0.0)


def test_every_index_key_is_long_enough_or_an_alias() -> None:
    short = [k for k in gazetteer().names if len(k) < 4]
    assert set(short) <= {"usa", "uk", "rpa", "u k"}


WORDS = {
    "en": """the and but because when where what who why how hi hello hey ok okay yes no please thanks
    sorry help me mom dad mother father brother sister friend school teacher home house room bed
    night day today tomorrow scared afraid sad angry hurt hit kill die pain alone lonely cry police
    doctor hospital phone money food cream skin face hair shop price order delivery address buy
    cheap free new old good bad nice fine great love hate game level boss tips play win lose team
    mobile reading orange split march sale hope faith grace victoria lily rose green""",
    "pl": """tak nie ok dobrze cześć hej siema dzięki dziękuję proszę pomocy pomoc mama tata ojciec
    matka brat siostra babcia dziadek kolega koleżanka szkoła szkole nauczyciel dom domu pokój noc
    dzień dzisiaj jutro boję strach smutno źle bije krzyczy zabije boli sam sama policja policji
    lekarz szpitalu telefon pieniądze krem kremu skóra skórze twarz sklep sklepie cena zamówienie
    dostawa adres tanio fajny super kocham gra koło obok lato zima morze morzu górach lesie mieście
    wsi kościele parku łazience kuchni pracy internecie""",
    "es": """sí no vale hola gracias favor ayuda ayúdame mamá papá padre madre hermano hermana amigo
    escuela colegio profesor casa cuarto noche día hoy mañana miedo triste mal pega golpea grita
    duele sola solo lloro policía médico hospital teléfono dinero comida crema piel cara pelo tienda
    precio pedido envío dirección comprar barato gratis nuevo bueno malo bonito genial amor juego
    ganar perder cerca lejos aquí playa mar montaña río ciudad pueblo campo iglesia parque baño""",
}


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_ordinary_words_never_match_even_after_a_cue(lang: str) -> None:
    wrong = []
    for word in WORDS[lang].split():
        for text in (word, f"in {word}", f"w {word}", f"en {word}", f"jestem w {word}", f"estoy en {word}"):
            place = find_place(text)
            if place is not None:
                wrong.append((text, place.name))
    assert wrong == []


def test_foreign_small_towns_need_more_than_a_lowercase_guess() -> None:
    # Gorzów-like small towns are found inside the conversation's country only
    assert find_place("w mielcu", country_hint="PL") is not None
    assert find_place("w mielcu", country_hint="ES") is None


# --- issue 13: never a place from a guess ------------------------------------------------------

CATALOGUE = ("Crema de manzanilla", "Chamomile cream", "Krem rumiankowy")


@pytest.mark.parametrize("text, hint, lang", [
    ("quiero la crema de manzanilla", "PL", "es"),
    ("quiero la crema de manzanilla para la piel", None, None),
    ("la de manzanilla", "PL", "es"),          # Polish case endings never apply to Spanish text
    ("de manzanilla", None, "es"),
    ("I love this cream, Leeds is rainy", "GB", "en"),  # no cue, not the whole message
    ("this shampoo is to die for", "GB", "en"),
    ("in Lodnon", None, "en"),                 # a typo alone (no conversation country) is no place
    ("in Lodnon", "PL", "en"),                 # ... nor a typo of a foreign city
])
def test_no_place_from_product_words_fuzzy_or_without_a_cue(text: str, hint: str, lang: str) -> None:
    located = locate(text, hint, lang, exclude=CATALOGUE)
    assert (located.place, located.candidates) == (None, ()), text


@pytest.mark.parametrize("text, hint, lang, country", [
    ("Vivo en Valencia", "PL", "es", "ES"),    # a Spanish child on the Polish shop: Spain, not Venezuela
    ("Córdoba", "PL", "es", "ES"),             # ... not Argentina
    ("vivo en Córdoba", "GB", "es", "ES"),
    ("cerca de Granada", "GB", "es", "ES"),    # the city, not the country Grenada
    ("vivo en Valencia", "ES", "es", "ES"),
    ("Valencia", "US", "en", "US"),
    ("I live in Leeds", "PL", "en", "GB"),
    ("Birmingham", "PL", "en", "GB"),
    ("London", None, "en", "GB"),              # ten times bigger than any other London
    ("London", "PL", "en", "GB"),              # ... and no other London in Europe
    ("vivo en Guadalajara", None, "es", "MX"),  # no conversation country: the far bigger one
    ("w Poznaniu", "PL", "pl", "PL"),
    ("en la Ciudad de México", "ES", "es", "MX"),
])
def test_ambiguous_names_resolved_by_persona_region_and_language(text: str, hint: str, lang: str,
                                                                 country: str) -> None:
    located = locate(text, hint, lang, exclude=CATALOGUE)
    assert located.place is not None and located.place.country == country, text


@pytest.mark.parametrize("text, hint, lang, first", [
    ("I live in Valencia", "GB", "en", "ES"),
    ("Valencia", None, "es", "VE"),
    ("vivo en Valencia", "MX", "es", "US"),
    # A far bigger namesake does not win over a place near the conversation that speaks the
    # child's language: asked, the big one first.
    ("vivo en Guadalajara", "PL", "es", "MX"),  # a Spanish child on the Polish shop: Spain's too
    ("London", "US", "en", "GB"),              # London, Ontario is near and English-speaking
])
def test_still_ambiguous_gives_candidates_and_no_place(text: str, hint: str, lang: str, first: str) -> None:
    located = locate(text, hint, lang)
    assert located.ambiguous and located.place is None
    assert located.candidates[0].country == first
    assert len({p.country for p in located.candidates}) == len(located.candidates) > 1
    assert find_place(text, hint, lang) is None


def test_a_near_namesake_speaking_the_childs_language_is_among_the_candidates() -> None:
    located = locate("vivo en Guadalajara", "PL", "es")
    assert [p.country for p in located.candidates] == ["MX", "ES"]


def test_a_typo_is_accepted_inside_the_conversation_country_only() -> None:
    place = find_place("in Krakowv", "PL", "en")
    assert place is not None and place.name == "Kraków"
    assert find_place("in Krakowv", "GB", "en") is None
    place = find_place("in Manchesster", "GB", "en")
    assert place is not None and place.name == "Manchester"
