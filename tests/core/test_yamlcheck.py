"""Declarative YAML checking: a pydantic error deep in the data comes back at its node's line."""
from __future__ import annotations

from typing import Dict, List, Optional

from pydantic import conlist

from core.yamlcheck import OneOf, Problem, Strict, Text, check_model, format_path, read_source


class Code(Text):
    max_chars = 8

    @classmethod
    def check(cls, text: str) -> list[str]:
        return [] if text.isupper() else [f"{text!r} must be upper case"]


class Speed(OneOf):
    what, choices = "speed", ("slow", "fast")


class Step(Strict):
    key_name = "step field"
    code: Code
    note: Optional[Text] = None
    speed: Optional[Speed] = None


class Plan(Strict):
    name: Text
    steps: conlist(Step, min_items=1)  # type: ignore[valid-type]
    by_code: Optional[Dict[Code, List[Text]]] = None


DOC = """\
name: plan
steps:
  - code: AB
  - code: CD
    note: fine
by_code:
  XY: [one, two]
"""


def problems(text: str) -> list[tuple[int, str, str]]:
    source = read_source(text)
    model, found = check_model(Plan, source)
    assert (model is None) == bool(found)
    return [(p.line, format_path(p.path), p.message) for p in found]


def test_a_good_document_gives_the_model() -> None:
    model, found = check_model(Plan, read_source(DOC))
    assert found == [] and model is not None
    assert [s.code for s in model.steps] == ["AB", "CD"] and model.by_code == {"XY": ["one", "two"]}


def test_a_bad_value_in_a_list_item_points_at_its_own_line() -> None:
    assert problems(DOC.replace("code: CD", "code: cd")) == [(4, "steps[1].code", "'cd' must be upper case")]


def test_an_unknown_nested_key_is_at_its_line_with_a_suggestion() -> None:
    [(line, field, message)] = problems(DOC.replace("    note: fine", "    note: fine\n    cdoe: X"))
    assert (line, field) == (6, "steps[1].cdoe")
    assert message == "unknown step field 'cdoe'; did you mean 'code'? expected one of: code, note, speed"


def test_a_missing_nested_key_is_at_the_line_of_the_mapping_that_lacks_it() -> None:
    text = DOC.replace("  - code: CD\n    note: fine", "  - note: fine")
    assert problems(text) == [(4, "steps[1].code", "missing step field 'code'")]


def test_a_null_list_item_and_a_wrong_container() -> None:
    assert problems(DOC.replace("  XY: [one, two]", "  XY: [one, null]")) == [
        (7, "by_code.XY[1]", "expected text, got nothing (null)")
    ]
    assert problems(DOC.replace("  XY: [one, two]", "  XY: one")) == [
        (7, "by_code.XY", "expected a list ('- item' lines or [a, b]), got text")
    ]
    assert problems("name: plan\nsteps:\n  - code\n") == [
        (3, "steps[0]", "expected a mapping (key: value lines), got text")
    ]


def test_a_bad_mapping_key_is_named_and_at_its_line() -> None:
    assert problems(DOC.replace("  XY:", "  xy:")) == [(7, "by_code.xy", "'xy' must be upper case")]


def test_length_limits_and_an_empty_list() -> None:
    found = problems(DOC.replace("code: AB", "code: ABCDEFGHIJ").replace("name: plan", "name: '  '"))
    assert found == [
        (1, "name", "must not be empty"),
        (3, "steps[0].code", "too long (10 characters, at most 8)"),
    ]
    assert problems("name: plan\nsteps: []\n") == [(2, "steps", "needs at least 1 (has 0)")]


def test_a_problem_can_name_several_places_below_its_value() -> None:
    error = Problem(["a", "a"], ((1,), "listed twice"))
    assert error.found == (((1,), "listed twice"),) and str(error) == "listed twice"


def test_a_document_that_is_not_a_mapping() -> None:
    assert problems("- a\n") == [(1, "(file)", "expected a mapping (key: value lines), got a list")]


def test_a_choice_names_the_value_and_the_choices() -> None:
    assert problems(DOC.replace("    note: fine", "    speed: fast")) == []
    assert problems(DOC.replace("    note: fine", "    speed: quick")) == [
        (5, "steps[1].speed", "unknown speed 'quick'; expected one of: slow, fast")
    ]

    class Gear(OneOf):
        choices, refusal = ("1", "2"), "{value!r} is not a gear ({choices})"

    assert Gear.problems("3") == ["'3' is not a gear (1, 2)"] and Gear.ok(" 2 ")
