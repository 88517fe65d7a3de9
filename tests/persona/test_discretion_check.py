"""`persona validate` checks what a persona says against the discretion words (file:line: field)."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.main import main
from core.persona.discretion import WORDS_FILE, hits, read_word_lists, safety_words
from core.persona.validate import check_text

from .conftest import line_of


def errors_of(text: str) -> list:
    return check_text(text, "teashop.yml", expected_id="teashop")[1]


def test_the_word_lists_ship_with_the_package() -> None:
    assert WORDS_FILE.parent.name == "persona" and WORDS_FILE.parent.parent.name == "core"
    assert {"help", "police", "abus"} <= set(safety_words("en"))
    assert "pomoc" in safety_words("pl") and "ayuda" in safety_words("es")
    assert hits("Our pharmacy ships fast", safety_words("en")) == []  # "harm" is not a word of "pharmacy"


def test_the_word_lists_are_checked_with_the_line_of_each_problem() -> None:
    text = WORDS_FILE.read_text(encoding="utf-8")
    lines = text.splitlines()
    broken = text.replace("\npl:\n", "\nde:\n", 1).replace("  - hotline\n", "  - [hotline]\n", 1)
    with pytest.raises(ValueError) as err:
        read_word_lists(broken, "d.yml")
    assert str(err.value).splitlines() == [
        f"d.yml:{lines.index('  - hotline') + 1}: en[1]: expected text, got a list",
        f"d.yml:{lines.index('pl:') + 1}: de: unknown language code 'de'; supported: en, pl, es",
    ]


@pytest.mark.parametrize(
    ("old", "new", "field", "word"),
    [
        ('["Hello and welcome to Teashop! What can I get you?"]', '["Hello! How can I help?"]', "voice.greet.en[0]", "'help'"),
        ('["Nasza mistrzyni herbaty może teraz porozmawiać. Zawołać ją?"]', '["Pomagamy od lat, zawołać mistrzynię?"]', "voice.offer_counselor.pl[0]", "'pomag'"),
        ('"Moon tea is 24.50 PLN, green tea 19.00 PLN."', '"Moon tea is safe for kids, 24.50 PLN."', "cover[0].replies.en[0]", "'safe'"),
        ('tagline: {en: "Loose-leaf tea from Kraków"', 'tagline: {en: "Tea against violence"', "display.tagline.en", "'violen'"),
        # the privacy line stays in cover voice: no "police", no "counselor" (issue 13)
        ('["What you write stays between you and our tea room. If anything ever had to be shared, our tea master would talk to you first."]',
         '["We never tell the police. If anything ever had to be shared, our tea master would talk to you first."]',
         "voice.privacy.en[0]", "'police'"),
    ],
)
def test_a_safety_word_is_an_error_at_its_line(teashop_text: str, old: str, new: str, field: str, word: str) -> None:
    assert old in teashop_text
    text = teashop_text.replace(old, new, 1)
    [error] = errors_of(text)
    assert (error.line, error.field) == (line_of(text, new), field)
    assert word in error.message and "gives the disguise away" in error.message


def test_the_emergency_line_may_be_plain(teashop_text: str) -> None:
    text = teashop_text.replace(
        "If it cannot wait, call {emergency_number} straight away.",
        "If you are in danger, call the police on {emergency_number} straight away.",
    )
    assert errors_of(text) == []


def test_validate_prints_file_line_field(teashop_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "teashop.yml"
    text = teashop_text.replace("Goodbye, come back soon!", "Goodbye, stay safe!")
    path.write_text(text, encoding="utf-8")
    assert main(["persona", "validate", str(path), "--personas-dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:{line_of(text, 'stay safe')}: voice.goodbye.en[0]: gives the disguise away: contains 'safe'" in out
