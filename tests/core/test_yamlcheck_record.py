"""Declarative checking of a flat record (a spreadsheet row): every field checked even when
another is wrong, a wrong cell's fallback, a context for checks against earlier rows, rules
across fields after the fields' own."""
from __future__ import annotations

from typing import Any, Mapping

from core.yamlcheck.record import Cell, Record, Wrong, check_record


class Count(Cell):
    @classmethod
    def parse(cls, value: Any) -> int:
        text = str(value).strip()
        if not text.isdigit():
            raise Wrong(f"{text!r} is not a count", "write digits", fallback=0)
        return int(text)


class Name(Cell):
    @classmethod
    def parse(cls, value: Any) -> str:
        return str(value).strip()


class NewName(Cell):
    """A name the context (the names of earlier rows) does not hold yet."""

    @classmethod
    def parse_in(cls, value: Any, context: Any) -> str:
        name = Name.parse(value)
        if name in context:
            raise Wrong(f"{name!r} is taken", fallback="")
        return name


class Stock(Record):
    name: NewName
    low: Count
    high: Count

    def rules(self, record: Mapping[str, Any]) -> list[tuple[str, str]]:
        if self.low > self.high:
            self.high = self.low
            return [("high", f"below low ({record.get('low')})")]
        return []


def test_a_good_record_gives_the_row() -> None:
    row, found = check_record(Stock, {"name": " tea ", "low": "2", "high": "5", "colour": "red"}, context=set())
    assert found == [] and (row.name, row.low, row.high) == ("tea", 2, 5)


def test_every_field_is_checked_and_wrong_cells_take_their_fallback() -> None:
    row, found = check_record(Stock, {"name": "tea", "low": "two", "high": None}, context={"tea"})
    assert found == [
        ("name", "'tea' is taken"),
        ("low", "'two' is not a count"), ("low", "write digits"),
        ("high", "'' is not a count"), ("high", "write digits"),  # a missing cell is empty text
    ]
    assert (row.name, row.low, row.high) == ("", 0, 0)


def test_rules_run_after_the_fields_and_may_adjust_the_row() -> None:
    row, found = check_record(Stock, {"name": "tea", "low": "7", "high": "5"}, context=set())
    assert found == [("high", "below low (7)")] and row.high == 7
