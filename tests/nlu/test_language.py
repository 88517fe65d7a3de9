"""The per-message language detector (nlu/components/language.py)."""
from nlu.components.language import LanguageDetector, LanguageModel

SAMPLES = [
    ("hello how are you", "en"), ("my dad hits me", "en"), ("i want to go home", "en"),
    ("hola como estas", "es"), ("mi padre me pega", "es"), ("quiero ir a casa", "es"),
]


def detector() -> LanguageDetector:
    d = LanguageDetector.__new__(LanguageDetector)
    d.config = {**LanguageDetector.get_default_config(), "threshold": 0.6}
    d.model = LanguageModel.fit(SAMPLES)
    return d


def test_a_message_that_is_only_a_place_name_keeps_the_conversations_language() -> None:
    """ "San José" from an English-speaking child must not turn the replies Spanish."""
    d = detector()
    assert d.detect("mi padre me pega otra vez")[0] == "es"
    assert d.detect("San José")[0] is None
    assert d.detect("sydney australia")[0] is None
    assert d.detect("mi padre me pega, vivo en san jose")[0] == "es"  # the rest still counts


def test_a_place_name_inside_a_message_is_no_evidence_of_its_language() -> None:
    """ "no, Venezuela" to "Valencia in Spain?" and "no, alabama" to Birmingham's UK line, from an
    English-speaking child in the shop, were read as Spanish and turned the replies Spanish."""
    from nlu.components.language import without_place_names

    assert without_place_names("no, alabama") == "no,"
    assert without_place_names("i live in rio de janeiro now") == "i live in now"
    assert without_place_names("mi padre me pega") == "mi padre me pega"
    d = detector()
    assert d.detect("no, alabama")[0] is None and d.detect("no, Venezuela")[0] is None
    assert d.detect("quiero ir a casa, vivo en Birmingham")[0] == "es"


def test_one_word_sets_the_language_only_when_one_languages_examples_use_it() -> None:
    """ "halo?" or "super" from a Polish child read as Spanish by n-grams turned the replies Spanish:
    a one-word message counts only when the examples of exactly one language use that word."""
    d = LanguageDetector.__new__(LanguageDetector)
    d.config = {**LanguageDetector.get_default_config(), "threshold": 0.6}
    d.model = LanguageModel.fit([*SAMPLES, ("super gracias", "es"), ("super thanks", "en"), ("cześć jak leci", "pl")])
    assert d.detect("Hola!!")[0] == "es"
    assert d.detect("hello?")[0] == "en"
    assert d.detect("Cześć")[0] == "pl" and d.detect("czesc")[0] == "pl"  # folded alike
    assert d.detect("super")[0] is None  # both languages use it
    assert d.detect("halo??")[0] is None  # no example uses it
    assert d.detect("hola como estas")[0] == "es"  # more words: the n-gram model as before
    old = LanguageModel(d.model.counts, d.model.max_n)  # a model persisted before the vocabulary
    d.model = old
    assert d.detect("mi padre me pega")[0] == "es"


def test_chat_words_are_no_evidence_of_a_language() -> None:
    """The s21 replay: "ok ty" (thank you) from an English-speaking child waiting in the shop was read
    as Polish ("ty": you) and the promise came in Polish."""
    from nlu.components.language import without_chat_words

    assert without_chat_words("ok ty") == "" and without_chat_words("OK, thx!") == ""
    d = LanguageDetector.__new__(LanguageDetector)
    d.config = {**LanguageDetector.get_default_config(), "threshold": 0.6}
    d.model = LanguageModel.fit([*SAMPLES, ("a ty co robisz", "pl"), ("ty jestes super", "pl")])
    assert d.detect("ty jestes super")[0] == "pl"
    assert d.detect("ok ty")[0] is None and d.detect("ok thx")[0] is None  # the conversation keeps its own
    assert d.detect("ok hola")[0] == "es"  # the rest still counts


def test_a_few_words_set_the_language_only_by_words_of_one_language() -> None:
    """The s21 probe: "no elo" (Polish "well, hi") from a Polish child was greeted in Spanish, and
    "ok si" from a Spanish one answered in Polish: up to three words, only the words decide."""
    d = LanguageDetector.__new__(LanguageDetector)
    d.config = {**LanguageDetector.get_default_config(), "threshold": 0.6}
    d.model = LanguageModel.fit([*SAMPLES, ("elo co tam", "pl"), ("no nie wiem", "pl"), ("no se", "es"),
                                 ("no way", "en")])
    assert d.detect("no elo")[0] == "pl"
    assert d.detect("no way")[0] == "en"
    assert d.detect("no no no")[0] is None  # a word of every language
    assert d.detect("hola no way")[0] is None  # words of two languages: the conversation keeps its own
