"""Day names come from CLDR through babel, inflected for the sentence they go in."""
from __future__ import annotations

from datetime import date

import pytest

from actions.wording import day_phrase, words
from core.signals import LANGUAGES

MONDAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("lang", "tomorrow", "wednesday", "next_monday"),
    [
        ("en", "tomorrow", "this Wednesday", "next Monday"),
        ("pl", "jutro", "w tę środę", "w przyszły poniedziałek"),
        ("es", "mañana", "este miércoles", "el próximo lunes"),
    ],
)
def test_day_phrase_from_monday(lang: str, tomorrow: str, wednesday: str, next_monday: str) -> None:
    assert day_phrase(date(2026, 12, 1), MONDAY, lang) == tomorrow
    assert day_phrase(date(2026, 12, 2), MONDAY, lang) == wednesday
    assert day_phrase(date(2026, 12, 7), MONDAY, lang) == next_monday


def test_every_language_has_every_weekday_and_a_sentence_for_it() -> None:
    for lang in LANGUAGES:
        said = {day_phrase(date(2026, 12, d), MONDAY, lang) for d in range(2, 8)}
        assert len(said) == 6, lang  # six distinct days after tomorrow, none missing in CLDR
        assert "{d}" in str(words(lang)["opens_day"]) and "{d}" in str(words(lang)["back_day"])
        assert "days" not in words(lang)


def test_unknown_language_falls_back_to_english() -> None:
    assert day_phrase(date(2026, 12, 1), MONDAY, None) == "tomorrow"


def test_the_words_file_is_checked_with_the_line_of_each_problem() -> None:
    from actions.wording import WORDS_FILE, WordsError, check_words

    text = WORDS_FILE.read_text(encoding="utf-8")
    broken = text.replace("{name} — {contact}{details}", "{nmae} — {contact}{details}", 1).replace(
        '  free: "free"', '  fre: "free"', 1)
    with pytest.raises(WordsError) as err:
        check_words(broken, "w.yml")
    lines = text.splitlines()
    line, en = lines.index('  line: "{name} — {contact}{details}"') + 1, lines.index("en:") + 1
    assert str(err.value).splitlines()[:2] == [
        f"w.yml:{line}: en.line: unknown placeholder {{nmae}}; this line may use {{contact}}, {{details}}, {{name}}",
        f"w.yml:{en}: en.free: missing word 'free'",  # a missing key: at the mapping that lacks it
    ]
