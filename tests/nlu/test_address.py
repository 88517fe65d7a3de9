"""nlu/address.py: the street forms children write, in three languages, and words that are no address."""
import pytest

from nlu.address import find_address


@pytest.mark.parametrize("text, value", [
    ("send it to 14 Rowan Close, Bradford please", "14 Rowan Close, Bradford"),
    ("its for 3 Tanners Row, Dunmere, knock loud", "3 Tanners Row, Dunmere"),
    ("we're at 27 Keel Mews", "27 Keel Mews"),
    ("a la calle Mayor 12, 2ºB, Sevilla", "calle Mayor 12, 2ºB, Sevilla"),
    ("traedla a Pasaje Las Acacias 44, Temuco", "Pasaje Las Acacias 44, Temuco"),
    ("al número 5 de la calle Olmos, Teruel. gracias", "número 5 de la calle Olmos, Teruel"),
    ("ul. Lipowa 5/3, Kraków", "ul. Lipowa 5/3, Kraków"),
    ("proszę wysłać na Sosnową 12 w Pile, dzięki", "na Sosnową 12 w Pile"),
    ("mieszkam przy Długiej 7/2", "przy Długiej 7/2"),
])
def test_street_forms_are_found(text: str, value: str) -> None:
    found = find_address(text)
    assert found is not None and found[2] == value
    assert text[found[0]:found[1]] == value


@pytest.mark.parametrize("text", [
    "na lekcji 5 było nudno",                # "na" + a lower-case word and a number
    "jestem na Wiśle 3 dni",                 # a capitalised noun, not a street adjective
    "I walk 5 green apples to school",       # no number before a street word
    "my row 3 seat at the cinema",
    "el capitulo 9 de la serie",
])
def test_ordinary_words_and_numbers_are_no_address(text: str) -> None:
    assert find_address(text) is None
