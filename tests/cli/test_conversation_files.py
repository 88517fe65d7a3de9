"""Conversation files: loading, clear errors, scoring (bot/conversations.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.main import main
from bot.conversations import Conversation, ConversationError, Result, Turn, check_turn, format_report, load_dir

GOOD = """conversations:
  - id: a
    persona: plain
    lang: en
    path: not_safe
    turns:
      - child: "sorry wrong chat"
        must_not: ["112"]
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "c.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_loads_a_good_file(tmp_path: Path) -> None:
    (conv,) = load_dir(write(tmp_path, GOOD), ["rumianek"])
    assert (conv.id, conv.persona, conv.lang, conv.path, conv.line) == ("a", "plain", "en", "not_safe", 2)
    assert conv.turns == (Turn("sorry wrong chat", (), ("112",), (), 7),)


@pytest.mark.parametrize("old, new, message", [
    ("lang: en", "lang: de", "c.yml:4: conversations[0].lang: unknown language code 'de'; supported: en, pl, es"),
    ("path: not_safe", "path: jokes", "c.yml:5: conversations[0].path: unknown path 'jokes'; expected one of"),
    ("persona: plain", "persona: bakery", "c.yml:3: conversations[0].persona: unknown persona 'bakery'"),
    ('      - child: "sorry wrong chat"', '      - child: ""', "c.yml:7: conversations[0].turns[0].child: must not be empty"),
    ('must_not: ["112"]', "must_nott: [x]",
     "c.yml:8: conversations[0].turns[0].must_nott: unknown field 'must_nott'; did you mean 'must_not'?"),
    ("    turns:", "    xfail: \"\"\n    turns:", "c.yml:6: conversations[0].xfail: must not be empty"),
    ("    turns:", "    never: {a: b}\n    turns:", "c.yml:6: conversations[0].never: expected a list"),
    ("      - child", "      - must: [x]\n      - child", "c.yml:7: conversations[0].turns[0].child: missing field 'child'"),
    ("conversations:", "conversation:", "c.yml:1: conversation: unknown section 'conversation'"),
])
def test_errors_name_file_line_and_field(tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(ConversationError) as err:
        load_dir(write(tmp_path, GOOD.replace(old, new)), ["rumianek"])
    assert message in str(err.value)


def test_a_nested_error_names_its_own_line_and_every_problem_is_reported(tmp_path: Path) -> None:
    text = GOOD + """  - id: b
    persona: plain
    lang: en
    path: not_safe
    turns:
      - child: "hi"
      - child: "still there?"
        must: ["ok", ""]
"""
    with pytest.raises(ConversationError) as err:
        load_dir(write(tmp_path, text.replace("lang: en", "lang: fr", 1)), [])
    lines = [line.split("c.yml:", 1)[1] for line in str(err.value).splitlines()]
    assert lines == ["4: conversations[0].lang: unknown language code 'fr'; supported: en, pl, es",
                     "16: conversations[1].turns[1].must[1]: must not be empty"]


def test_texts_are_kept_as_written_and_one_text_is_a_list(tmp_path: Path) -> None:
    text = GOOD.replace('must_not: ["112"]', 'must: "Apteka"\n        must_not: ["112 ", 999]')
    (conv,) = load_dir(write(tmp_path, text), [])
    assert (conv.turns[0].must, conv.turns[0].must_not) == (("Apteka",), ("112 ", "999"))


def test_duplicate_ids_and_empty_dirs(tmp_path: Path) -> None:
    (tmp_path / "b.yml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(ConversationError, match="'a' already used at"):
        load_dir(write(tmp_path, GOOD), [])
    with pytest.raises(ConversationError, match="no .yml files"):
        load_dir(tmp_path / "nothing", [])


def test_check_turn_folds_case_and_diacritics() -> None:
    turn = Turn("x", must=("Apteka partnerska",), must_not=("911",), any=("116 111", "800 100 100"))
    assert check_turn(turn, ["APTEKA PARTNERSKA — 116 111"], ()) == []
    assert check_turn(turn, ["call 911"], ("999",)) == [
        "missing 'Apteka partnerska'", "must not say '911'", "none of ['116 111', '800 100 100']"]
    assert check_turn(Turn("x"), ["call 999"], ("999",)) == ["must not say '999'"]


def test_report_gives_pass_rates_per_path_and_language() -> None:
    def result(cid: str, path: str, lang: str, ok: bool, xfail: str | None = None) -> Result:
        conv = Conversation(cid, "plain", lang, path, (Turn("x"),), xfail=xfail)
        return Result(conv, [["r"]], [] if ok else ["turn 1: missing 'y'"])

    text = format_report([result("a", "urgent", "en", True), result("b", "urgent", "pl", False),
                          result("c", "idiom", "es", False, xfail="NLU")])
    assert text.startswith("conversations: 1/2 passed (0.500), 1 expected to fail (not counted)")
    assert "  urgent               1/2   0.500" in text
    assert "  en                   1/1   1.000" in text and "  pl                   0/1   0.000" in text
    assert "c: still fails — NLU" in text


def test_cli_refuses_a_malformed_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--conversations", str(write(tmp_path, GOOD.replace("lang: en", "lang: xx")))]) == 2
    assert "c.yml:4: conversations[0].lang: unknown language code 'xx'" in capsys.readouterr().err
    assert main(["eval"]) == 2
