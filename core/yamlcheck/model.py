"""Declarative checking of a YAML file: a pydantic v1 model says the shape (types, required
fields, enums, lengths, patterns, unknown keys), and every error comes back with the line of its
node as ``(line, path, message)`` — ready for ``file:line: field: message``.

* :class:`Strict` — base of every mapping: unknown keys refused with a "did you mean", missing
  keys reported at the parent's line; :attr:`Strict.key_name` names the keys in messages.
* :class:`Text` — base of every scalar: text (YAML scalars stay strings), stripped, not empty, at
  most :attr:`Text.max_chars`; subclasses add :meth:`Text.check` (a pattern); :class:`OneOf`, a
  text from a fixed list (an enum), says which values it accepts.
* :func:`check_model` — validate :class:`~core.yamlcheck.source.Source` data against a model.
"""
from __future__ import annotations

import difflib
import inspect
from typing import Any, ClassVar, Iterable, Iterator, Optional, Sequence, TypeVar

from pydantic import BaseModel, Extra, ValidationError, errors as pe
from pydantic.error_wrappers import ErrorWrapper
from pydantic.utils import ROOT_KEY
from pydantic.fields import SHAPE_LIST, SHAPE_SEQUENCE, SHAPE_SET, SHAPE_SINGLETON, SHAPE_TUPLE_ELLIPSIS, ModelField

from core.yamlcheck.source import Path_, Source, SourceProblem

M = TypeVar("M", bound="Strict")

LIST_EXPECTED = "a list ('- item' lines or [a, b])"
MAPPING_EXPECTED = "a mapping (key: value lines)"


def kind_of(value: Any) -> str:
    """How a value looks in a message: "a mapping", "a list", "nothing (null)", "text"."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return "text"


class Problem(ValueError):
    """What is wrong with ``value``: messages, each at a path below the value's own (``()``)."""

    def __init__(self, value: Any, *found: tuple[Path_, str]) -> None:
        super().__init__("; ".join(message for _, message in found))
        self.value = value
        self.found = found


class Text(str):
    """A text scalar: stripped, not empty, at most :attr:`max_chars` characters."""

    max_chars: ClassVar[int] = 2000

    @classmethod
    def __get_validators__(cls) -> Iterator[Any]:
        yield cls.validate

    @classmethod
    def validate(cls, value: Any) -> Any:
        problems = cls.problems(value)
        if problems:
            raise Problem(value, *(((), p) for p in problems))
        return cls.convert(value.strip())

    @classmethod
    def problems(cls, value: Any) -> list[str]:
        """Every message about ``value`` (empty when it is good)."""
        if not isinstance(value, str):
            return [f"expected text, got {kind_of(value)}"]
        text = value.strip()
        if not text:
            return ["must not be empty"]
        if len(text) > cls.max_chars:
            return [f"too long ({len(text)} characters, at most {cls.max_chars})"]
        return cls.check(text)

    @classmethod
    def check(cls, text: str) -> list[str]:
        """What a subclass refuses in the stripped, non-empty ``text``."""
        return []

    @classmethod
    def convert(cls, text: str) -> Any:
        """The checked value as the model keeps it (the text; a Decimal for an amount)."""
        return text

    @classmethod
    def ok(cls, value: Any) -> bool:
        return not cls.problems(value)


class OneOf(Text):
    """A text that is one of :attr:`choices` (a kind, a mode, a condition name …); the message
    names the value and the choices as :attr:`refusal` says."""

    choices: ClassVar[Sequence[str]] = ()
    #: What the value is called in the default refusal ("kind", "path", "condition").
    what: ClassVar[str] = "value"
    #: The message, with ``{what}``, ``{value}`` (the text, repr) and ``{choices}`` (comma separated).
    refusal: ClassVar[str] = "unknown {what} {value!r}; expected one of: {choices}"

    @classmethod
    def check(cls, text: str) -> list[str]:
        if text in cls.choices:
            return []
        return [cls.refusal.format(what=cls.what, value=text, choices=", ".join(cls.choices))]


class Strict(BaseModel):
    """A YAML mapping with known keys only."""

    class Config:
        extra = Extra.forbid

    #: What a key of this mapping is called in messages ("field", "voice key", "colour").
    key_name: ClassVar[str] = "field"
    #: Messages replacing "needs at least N" for a list field that is too short.
    too_few: ClassVar[dict[str, str]] = {}

    @classmethod
    def validate(cls: type[M], value: Any) -> M:
        if not isinstance(value, dict):
            raise Problem(value, ((), f"expected {MAPPING_EXPECTED}, got {kind_of(value)}"))
        return super().validate(value)  # type: ignore[return-value]

    @classmethod
    def keys(cls) -> list[str]:
        return [f.alias for f in cls.__fields__.values()]

    @classmethod
    def unknown(cls, key: str) -> str:
        known = cls.keys()
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"unknown {cls.key_name} {key!r}; {hint}expected one of: {', '.join(known)}"

    @classmethod
    def missing(cls, key: str) -> str:
        return f"missing {cls.key_name} {key!r}"


def _model(type_: Any) -> Optional[type[Strict]]:
    return type_ if inspect.isclass(type_) and issubclass(type_, Strict) else None


def field_at(root: type[Strict], path: Path_) -> tuple[Optional[type[Strict]], Optional[ModelField]]:
    """The field at ``path`` and the model it holds (None for a scalar or a container): a key
    looks up a model's field, an index or mapping key steps into a container's item field."""
    owner: Optional[type[Strict]] = root
    field: Optional[ModelField] = None
    for part in path:
        if field is not None and field.shape != SHAPE_SINGLETON:
            field = field.sub_fields[0] if field.sub_fields else None
        else:
            fields = {f.alias: f for f in owner.__fields__.values()} if owner is not None else {}
            if not isinstance(part, str) or part not in fields:
                return None, None
            field = fields[part]
        owner = _model(field.type_) if field is not None and field.shape == SHAPE_SINGLETON else None
    return owner, field


def _expected(field: Optional[ModelField]) -> str:
    """What the schema expects in ``field``: a list, a mapping or text."""
    if field is None:
        return "a value"
    if field.shape != SHAPE_SINGLETON:
        listed = field.shape in (SHAPE_LIST, SHAPE_SET, SHAPE_SEQUENCE, SHAPE_TUPLE_ELLIPSIS)
        return LIST_EXPECTED if listed else MAPPING_EXPECTED
    return MAPPING_EXPECTED if _model(field.type_) else "text"


def _raw(data: Any, path: Path_) -> Any:
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _flat(errors: Iterable[Any], loc: Path_ = ()) -> Iterator[tuple[Path_, Exception]]:
    for error in errors:
        if isinstance(error, ErrorWrapper):
            here = loc + tuple(error.loc_tuple())
            if isinstance(error.exc, ValidationError):
                yield from _flat(error.exc.raw_errors, here)
            else:
                yield here, error.exc
        elif isinstance(error, Sequence):
            yield from _flat(error, loc)


def problems_of(root: type[Strict], error: ValidationError, data: Any, source: Source) -> list[SourceProblem]:
    """pydantic's errors as ``(line, path, message)``: the line of the node, or for a missing
    key the line of the mapping that lacks it."""
    found: list[SourceProblem] = []

    def add(path: Path_, message: str, at: Optional[Path_] = None) -> None:
        found.append(SourceProblem(source.line_of(path if at is None else at), path, message))

    for full, exc in _flat(error.raw_errors):
        if full and full[-1] == "__key__":  # a mapping key: the exception holds it
            full = full[:-1] + (str(getattr(exc, "value", "?")),)
        loc = tuple(part for part in full if part != ROOT_KEY)  # a root model's data is the document
        if isinstance(exc, Problem):
            for sub, message in exc.found:
                add(loc + sub, message)
            continue
        owner, field = field_at(root, full[:-1])
        key = loc[-1] if loc else ""
        if isinstance(exc, pe.ExtraError) and owner is not None:
            add(loc, owner.unknown(str(key)))
        elif isinstance(exc, pe.MissingError) and owner is not None:
            add(loc, owner.missing(str(key)), at=loc[:-1])
        elif isinstance(exc, pe.NoneIsNotAllowedError):
            add(loc, f"expected {_expected(field_at(root, full)[1])}, got nothing (null)")
        elif isinstance(exc, pe.ListError):
            add(loc, f"expected {LIST_EXPECTED}, got {kind_of(_raw(data, loc))}")
        elif isinstance(exc, pe.DictError):
            add(loc, f"expected {MAPPING_EXPECTED}, got {kind_of(_raw(data, loc))}")
        elif isinstance(exc, pe.ListMinLengthError):
            custom = owner.too_few.get(str(key)) if owner is not None else None
            has = len(_raw(data, loc) or ())
            add(loc, custom or f"needs at least {exc.limit_value} (has {has})")  # type: ignore[attr-defined]
        elif isinstance(exc, pe.ListMaxLengthError):
            add(loc, f"allows at most {exc.limit_value} (has {len(_raw(data, loc) or ())})")  # type: ignore[attr-defined]
        else:
            add(loc, str(exc))
    return found


def check_model(root: type[M], source: Source) -> tuple[Optional[M], list[SourceProblem]]:
    """``source.data`` as a ``root`` instance, or None and every problem (with its line)."""
    try:
        return root.validate(source.data), []
    except ValidationError as error:
        return None, problems_of(root, error, source.data, source)
    except Problem as problem:  # the document itself is not a mapping
        return None, [SourceProblem(source.line_of(sub), sub, message) for sub, message in problem.found]
