"""The question × answer matrix of conversations (bot/answer_matrix.py) and ``says`` checks."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.answer_matrix import ANSWERS, OPTIONAL_ANSWERS, QUESTIONS
from bot.conversations import ConversationError, Turn, check_turn, load_dir

CHAT = """answers:
  never: ["112"]
  chats:
    - persona: rumianek
      lang: en
      request: "r"
      disclosure: "d"
      say_yes: "y"
      say_no: "n"
      not_now: "later"
      resume: "now I can"
      unclear: "u"
      new_disclosure: "x"
      vague_place: "I live in a small village"
      place: "I'm in Valencia"
      place_question: "Valencia in Spain?"
      xfail: {offer-unclear: "a known gap"}
      age: "im 12"
      privacy: "will you tell my parents?"
      cost: "is it free?"
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "answers.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_every_question_meets_every_answer(tmp_path: Path) -> None:
    convs = load_dir(write(tmp_path, CHAT), ["rumianek"])
    assert len(convs) == len(QUESTIONS) * len(ANSWERS)
    by_id = {c.id: c for c in convs}
    later = by_id["answers-rumianek-en-offer-not_now"]
    assert [(t.child, t.says) for t in later.turns] == [
        ("d", ("offer_counselor",)), ("later", ("not_now",)), ("now I can", ("please_wait",))]
    assert later.never == ("112",) and later.path == "counselor_answer" and later.line == 4
    assert [(t.child, t.says) for t in by_id["answers-rumianek-en-confirm-yes"].turns] == [
        ("r", ("confirm_help",)), ("y", ("help_accepted",))]
    unclear = by_id["answers-rumianek-en-place-unclear"]
    assert unclear.path == "ambiguous_place"
    assert [(t.child, t.must, t.says) for t in unclear.turns] == [
        ("r", (), ()), ("y", (), ()), ("I'm in Valencia", ("Valencia in Spain?",), ()),
        ("u", ("Valencia in Spain?",), ()), ("u", (), ("please_wait",))]  # queued: the promise again
    assert by_id["answers-rumianek-en-offer-unclear"].xfail == "a known gap"
    assert by_id["answers-rumianek-en-ask_again-unclear"].turns[-1].says == ("back_to_shop",)
    city_no = by_id["answers-rumianek-en-city-no"]
    assert [(t.child, t.says) for t in city_no.turns] == [
        ("r", ()), ("y", ()), ("I live in a small village", ("ask_location",)), ("n", ("referral_intro",))]
    # changing one's mind: "no", then "yes" is asked again (s34: in the offer's words), and a yes then goes on
    assert [(t.child, t.says) for t in by_id["answers-rumianek-en-offer-no"].turns] == [
        ("d", ("offer_counselor",)), ("n", ("back_to_shop",)), ("y", ("offer_counselor",)), ("y", ("please_wait",))]
    # "no" to "is now a good moment?" is not now: the not_now line, and "now I can" goes on
    assert [(t.child, t.says) for t in by_id["answers-rumianek-en-good_moment-no"].turns] == [
        ("r", ()), ("y", ("help_accepted",)), ("n", ("not_now",)), ("now I can", ("please_wait",))]
    # "will you tell my parents?" / "is it free?": answered, then the question is asked again and a
    # yes goes on; "is it a good moment?" stays open; "which city?" is asked again (issue 13)
    assert [(t.child, t.says) for t in by_id["answers-rumianek-en-offer-privacy"].turns] == [
        ("d", ("offer_counselor",)), ("will you tell my parents?", ("privacy", "offer_counselor")),
        ("y", ("please_wait",))]
    assert [(t.child, t.says) for t in by_id["answers-rumianek-en-good_moment-cost"].turns] == [
        ("r", ()), ("y", ("help_accepted",)), ("is it free?", ("cost_here",)), ("y", ("please_wait",))]
    assert [(t.child, t.says) for t in by_id["answers-rumianek-en-city-privacy"].turns][-1] == (
        "will you tell my parents?", ("privacy", "ask_location"))
    place = by_id["answers-rumianek-en-place-cost"].turns
    assert [(t.child, t.must, t.says) for t in place[-2:]] == [
        ("is it free?", ("Valencia in Spain?",), ("cost_here",)), ("y", (), ("referral_intro",))]


def test_without_a_place_the_place_question_is_left_out(tmp_path: Path) -> None:
    text = CHAT.replace('      place: "I\'m in Valencia"\n', "")
    text = text.replace('      place_question: "Valencia in Spain?"\n', "")
    convs = load_dir(write(tmp_path, text), ["rumianek"])
    assert len(convs) == (len(QUESTIONS) - 1) * len(ANSWERS)


def test_without_an_age_line_the_age_answer_is_left_out(tmp_path: Path) -> None:
    convs = load_dir(write(tmp_path, CHAT.replace('      age: "im 12"\n', "")), ["rumianek"])
    assert len(convs) == len(QUESTIONS) * (len(ANSWERS) - 1)
    bare = CHAT.replace('      age: "im 12"\n', "").replace('      privacy: "will you tell my parents?"\n', "")
    convs = load_dir(write(tmp_path, bare.replace('      cost: "is it free?"\n', "")), ["rumianek"])
    assert len(convs) == len(QUESTIONS) * (len(ANSWERS) - len(OPTIONAL_ANSWERS))
    assert not [c for c in convs if c.id.endswith("-age")]


@pytest.mark.parametrize("old, new, message", [
    ('      say_no: "n"\n', "", ":4: answers.chats[0].say_no: missing field 'say_no'"),
    ("persona: rumianek", "persona: shop", ":4: answers.chats[0].persona: unknown persona 'shop'"),
    ('      place_question: "Valencia in Spain?"\n', "", ":15: answers.chats[0].place: give both"),
    ("offer-unclear", "offer-maybe", ":17: answers.chats[0].xfail.offer-maybe: 'offer-maybe' is not"),
    ('      unclear: "u"\n', '      unclear: "u"\n      colour: "red"\n', ":13: answers.chats[0].colour: unknown field"),
    ("  chats:", "  chatz:", ":3: answers.chatz: unknown field 'chatz'; did you mean 'chats'?"),
    ("  chats:", "  chats: []\n  old:", ":3: answers.chats: needs at least 1"),
    ('"a known gap"', '""', ":17: answers.chats[0].xfail.offer-unclear: must not be empty"),
])
def test_a_malformed_matrix_names_file_line_and_field(tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(ConversationError, match=re.escape(message)):
        load_dir(write(tmp_path, CHAT.replace(old, new)), ["rumianek"])


def test_says_checks_the_personas_own_line_and_unknown_keys_are_refused(tmp_path: Path) -> None:
    voice = {"not_now": ["No rush 🌼 write yes later."]}.get
    turn = Turn("not now", says=("not_now",))
    assert check_turn(turn, ["NO RUSH 🌼 write yes later."], (), lambda k: voice(k, [])) == []
    assert check_turn(turn, ["The cart will wait."], (), lambda k: voice(k, [])) == ["missing the 'not_now' line"]
    assert check_turn(turn, ["No rush 🌼 write yes later."], ()) == ["missing the 'not_now' line"]  # no voice given
    bad = """conversations:
  - id: a
    persona: plain
    lang: en
    path: not_safe
    turns:
      - child: "sorry wrong chat"
        says: [not_a_key]
"""
    with pytest.raises(ConversationError, match=r"c\.yml:8: conversations\[0\]\.turns\[0\]\.says\[0\]: 'not_a_key' is not a voice key"):
        (tmp_path / "c.yml").write_text(bad, encoding="utf-8")
        load_dir(tmp_path, [])
