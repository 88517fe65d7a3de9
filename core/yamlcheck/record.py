"""Declarative checking of a flat record — a spreadsheet or CSV row — against a pydantic v1 model.

The YAML counterpart (:func:`core.yamlcheck.check_model`) refuses a document with errors; a row
of a directory sheet is different: every field is checked even when another is wrong, and the
row still gives a value per field (what was read, or the cell type's fallback) so that the checks
across rows run too and report everything at once.

* :class:`Cell` — base of every cell type: :meth:`Cell.parse` turns the cell (text, or what a
  spreadsheet holds: a number, a date, a boolean) into the value, or raises :class:`Wrong` with
  the messages and the value to go on with.
* :class:`Record` — base of a row model: fields in the order their problems are reported;
  :meth:`Record.rules` adds the checks across fields.
* :func:`check_record` — ``(row, [(field, message), ...])`` for one record.
"""
from __future__ import annotations

from typing import Any, ClassVar, Iterator, Mapping, Optional, TypeVar

from pydantic import BaseModel, Extra
from pydantic.fields import SHAPE_SINGLETON, ModelField

from core.yamlcheck.model import _flat

R = TypeVar("R", bound="Record")

#: The key of ``values`` under which :func:`check_record` passes its ``context`` to cell types.
CONTEXT = "__context__"


class Wrong(ValueError):
    """A cell is wrong: ``messages`` about it, and ``fallback``, the value the row goes on with."""

    def __init__(self, *messages: str, fallback: Any = None) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages
        self.fallback = fallback


class Cell:
    """A cell type. An empty or missing cell is ``""`` (:attr:`Record.empty`); subclasses override :meth:`parse`, and
    may read the ``context`` given to :func:`check_record` through :meth:`parse_in`."""

    @classmethod
    def __get_validators__(cls) -> Iterator[Any]:
        yield cls._validate

    @classmethod
    def _validate(cls, value: Any, values: Mapping[str, Any]) -> Any:
        return cls.parse_in(value, values.get(CONTEXT))

    @classmethod
    def parse_in(cls, value: Any, context: Any) -> Any:
        """:meth:`parse`, for a type that needs what the rows before this one said."""
        return cls.parse(value)

    @classmethod
    def parse(cls, value: Any) -> Any:
        raise NotImplementedError


class Record(BaseModel):
    """One row: a field per column (its alias is the column name), declared in the order the
    problems are reported; columns the model does not name are ignored."""

    class Config:
        extra = Extra.ignore
        arbitrary_types_allowed = True

    #: What a missing or null cell is given to its cell type as (``""``: a spreadsheet's empty
    #: cell is empty text; a JSON record keeps None).
    empty: ClassVar[Any] = ""

    def rules(self, record: Mapping[str, Any]) -> list[tuple[str, str]]:
        """Checks across this row's fields, after each field's own (may adjust the values);
        ``record`` is the row as read."""
        return []


def _plan(model: type[Record]) -> list[tuple[str, ModelField, Optional[type[Cell]]]]:
    """(name, field, cell type) per field; the cell type when the field is a plain :class:`Cell`
    (parsed directly: the same result as pydantic's validator chain, without its overhead)."""
    plan = _plans.get(model)
    if plan is None:
        plan = _plans[model] = [
            (name, field, field.type_ if field.shape == SHAPE_SINGLETON and isinstance(field.type_, type)
             and issubclass(field.type_, Cell) and not field.class_validators else None)
            for name, field in model.__fields__.items()
        ]
    return plan


_plans: dict[type[Record], list[tuple[str, ModelField, Optional[type[Cell]]]]] = {}


def check_record(model: type[R], record: Mapping[str, Any], context: Optional[Any] = None) -> tuple[R, list[tuple[str, str]]]:
    """``record`` (column name -> cell) as a ``model`` row and every problem as ``(column, message)``:
    field by field in the model's order, then :meth:`Record.rules`. A wrong cell takes its type's
    fallback; ``context`` reaches cell types that check against earlier rows (ids seen, ...)."""
    values: dict[str, Any] = {CONTEXT: context}
    found: list[tuple[str, str]] = []
    for name, field, cell in _plan(model):
        raw = record.get(field.alias)
        if raw is None:
            raw = model.empty
        if cell is not None:
            try:
                values[name] = cell.parse_in(raw, context)
            except Wrong as exc:
                found += [(field.alias, message) for message in exc.messages]
                values[name] = exc.fallback
            continue
        value, errors = field.validate(raw, values, loc=field.alias, cls=model)  # type: ignore[arg-type]
        if errors:
            value = field.get_default()
            for _, exc in _flat([errors]):
                if isinstance(exc, Wrong):
                    found += [(field.alias, message) for message in exc.messages]
                    value = exc.fallback
                else:
                    found.append((field.alias, str(exc)))
        values[name] = value
    del values[CONTEXT]
    # what BaseModel.construct does, for a row that has every field (it costs 5x as much)
    row = model.__new__(model)
    object.__setattr__(row, "__dict__", values)
    object.__setattr__(row, "__fields_set__", set(values))
    found += row.rules(record)
    return row, found
