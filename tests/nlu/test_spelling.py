"""nlu/spelling.py: one-edit typos of unknown words are read as the training word they stand for;
real words, short words, first letters and inflected endings are never changed; the speller of a
persona knows only its own and the shared training words. The last tests run the trained model:
a typo no longer turns a quiet line into ordinary talk or a suicide plan into a non-urgent one."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.training_data import TrainingData

from core.text import fold
from nlu.components.persona import PersonaContext
from nlu.spelling import MIN_LENGTH, Speller, known_words, word_counts
from tests.nlu.test_isolation import _base_data, _with_bakery

VOCABULARY = {"this": 40, "chat": 12, "said": 9, "reply": 5, "every": 7, "zapomnij": 3, "tabletki": 4,
              "rumiankowy": 30, "want": 20, "age": 15, "wish": 6}


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(VOCABULARY)


@pytest.mark.parametrize("typo, word", [
    ("thhis", "this"),        # a doubled letter
    ("chta", "chat"),         # two neighbours swapped
    ("sadi", "said"),         # ... also at the end
    ("reeply", "reply"),
    ("evry", "every"),        # a letter left out
    ("zapominj", "zapomnij"),
    ("tabeltki", "tabletki"),
    ("cxat", "chat"),         # a neighbouring key
])
def test_a_one_edit_typo_is_read_as_the_training_word(speller: Speller, typo: str, word: str) -> None:
    assert speller.word(typo) == word


@pytest.mark.parametrize("word", [
    "page", "fish",            # real words ("age", "wish" are one edit away)
    "rumiankowa",              # another ending of a training word is no typo
    "lant",                    # the first letter is kept ("want")
    "cha", "thi",              # shorter than MIN_LENGTH
    "thos",                    # a change in the last two letters (where words inflect)
    "xqzvw",                   # nothing one edit away
])
def test_words_that_are_no_repairable_typo_stay(speller: Speller, word: str) -> None:
    assert speller.word(word) == word


def test_a_tie_between_two_training_words_keeps_the_word_as_written() -> None:
    assert Speller({"mother": 2, "mither": 2}).word("mxther") == "mxther"  # two at one edit, equally often
    assert Speller({"mother": 3, "mither": 2}).word("mxther") == "mother"  # the more frequent one wins


def test_only_words_change_never_digits_spacing_or_punctuation(speller: Speller) -> None:
    assert speller.correct(fold("delete thhis chta pls!! 116 111, ok?")) == "delete this chat pls!! 116 111, ok?"
    assert MIN_LENGTH == 4


def test_the_real_words_list_knows_each_language_and_no_typos() -> None:
    words = known_words()
    assert len(words) > 100_000
    assert {"page", "fish", "parts", "liga", "rima", "duszy", "paczki", "memy", "zgwalcona"} <= words
    assert not {"thhis", "cchat", "zapominj", "tabeltki", "mataar"} & words


@pytest.fixture(scope="module")
def base() -> TrainingData:
    return _base_data()


def test_a_line_the_model_was_trained_on_reads_as_written(base: TrainingData) -> None:
    texts = [e.get("text") for e in base.intent_examples if e.get("text")]
    speller = Speller.from_texts(texts)
    assert [speller.correct(fold(t)) for t in texts] == [fold(t) for t in texts]


def _persona_context(where: Path, data: TrainingData) -> PersonaContext:
    where.mkdir()
    storage, resource = LocalModelStorage(where), Resource("persona_context")
    component = PersonaContext(PersonaContext.get_default_config(), storage, resource)
    component.train(data)
    return component


def test_a_persona_s_speller_knows_no_other_persona_s_words(base: TrainingData, tmp_path: Path) -> None:
    two, three = _persona_context(tmp_path / "two", base), _persona_context(tmp_path / "three", _with_bakery(base))
    assert "bakery" in three.spellers and "bakery" not in two.spellers
    for persona in ("plain", "rumianek", "gametips"):
        assert three.spellers[persona].counts == two.spellers[persona].counts
    assert "sourdough" in three.spellers["bakery"].counts
    assert "sourdough" not in three.spellers["rumianek"].counts
    # every cue-file word is known, so a cue is never "repaired" into another word
    cue_words = word_counts([(Path(__file__).resolve().parents[2] / "nlu/safety/cues.yml").read_text()])
    assert set(cue_words) <= set(three.spellers["plain"].counts)


@pytest.mark.parametrize("persona, lang, text, signal, urgent", [
    ("plain", "en", "delete thhis chat pls", "not_safe", False),
    ("plain", "en", "forget what i sadi", "not_safe", False),
    ("plain", "es", "perdon me he equivocado de cchat", "not_safe", False),
    ("plain", "pl", "zapominj co pisalam", "not_safe", False),
    ("plain", "pl", "chce sie zabic, mam tabeltki", "self_harm", True),
])
@pytest.mark.asyncio
async def test_the_trained_model_reads_through_a_typo(agent: Any, persona: str, lang: str, text: str,
                                                       signal: str, urgent: bool) -> None:
    from nlu.classifier import from_parse_data, parse_text

    got = from_parse_data(text, await parse_text(agent, text, None if persona == "plain" else persona, lang), lang)
    assert (got.signal, got.urgent) == (signal, urgent)
