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
