"""Interface strings from data files: one loader, complete tables, file:line on a bad file."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.web import i18n as web
from core.signals import LANGUAGES
from core.strings import StringsError, load_strings


def test_the_web_front_end_has_every_key_in_every_language_with_the_same_placeholders() -> None:
    english = web.STRINGS["en"]
    assert {"busy", "free_delivery", "send"} <= set(english)
    for lang in LANGUAGES:
        table = web.STRINGS[lang]
        assert set(table) == set(english), lang
        for key, text in english.items():
            assert set(re.findall(r"{(\w+)}", table[key])) == set(re.findall(r"{(\w+)}", text)), (lang, key)
    assert web.strings("de") is web.STRINGS["en"]


def test_a_bad_value_names_file_line_and_key(tmp_path: Path) -> None:
    (tmp_path / "en.yml").write_text('# comment\nsend: "Send"\nbusy:\nback: [a, b]\n', encoding="utf-8")
    with pytest.raises(StringsError) as raised:
        load_strings(tmp_path, ["en"])
    assert str(raised.value).splitlines() == [
        f"{tmp_path / 'en.yml'}:3: busy: expected text, got nothing (null)",
        f"{tmp_path / 'en.yml'}:4: back: expected text, got a list",
    ]


def test_a_missing_file_a_duplicate_key_and_broken_yaml(tmp_path: Path) -> None:
    (tmp_path / "en.yml").write_text('send: "Send"\nsend: "Again"\n', encoding="utf-8")
    (tmp_path / "pl.yml").write_text('send: "Wyślij\n', encoding="utf-8")
    with pytest.raises(StringsError) as raised:
        load_strings(tmp_path, ["en", "pl", "es"])
    lines = str(raised.value).splitlines()
    assert lines[0] == f"{tmp_path / 'en.yml'}:2: send: duplicate key 'send' (first at line 1)"
    assert lines[1].startswith(f"{tmp_path / 'pl.yml'}:") and "malformed YAML" in lines[1]
    assert lines[2].startswith(f"{tmp_path / 'es.yml'}:1: (file): cannot read")
