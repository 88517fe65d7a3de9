"""Check a persona file against the format in ``personas/README.md`` and build the model.

The shape — types, required fields, enums, lengths, patterns, unknown keys — is the declarative
schema :mod:`core.persona.spec`; this module adds what needs more than one field or the file's
context: the languages each per-language text must have, unique names and examples, the item
prices a shop needs, colour contrast, the placeholders of each voice line, the emergency number
of the country, the favicon file, the id = file name, the discretion words and leftover TODOs.

Every problem becomes a :class:`PersonaError` ``(file, line, field, message)``; checking goes on
after a problem so a partner sees all of them at once. Only a file without errors yields a
:class:`~core.persona.schema.Persona`.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

from pydantic.fields import SHAPE_SINGLETON

from core.emergency import UnknownEmergencyNumber, emergency_number
from core.persona import spec
from core.persona.discretion import hits, safety_words
from core.persona.schema import (
    ACTION_VOICE_KEYS,
    ACTION_VOICE_OPTIONAL,
    CODE_NAMES,
    DEFAULT_EXIT_ICON,
    EMERGENCY_PLACEHOLDER,
    CatalogueItem,
    CodeSignal,
    Colors,
    CoverIntent,
    Display,
    ExitControl,
    Persona,
    Texts,
)
from core.persona.spec import example_text, normalize_example  # noqa: F401  (re-exported)
from core.signals import LANGUAGES
from core.yamlcheck import (
    Path_,
    Source,
    SourceProblem,
    Strict,
    Text,
    YamlSyntaxError,
    check_model,
    format_path,
    kind_of,
    read_source,
)

#: What ``popbot persona new`` writes where the partner must write something.
TODO_MARK = "TODO"
MIN_TEXT_CONTRAST = 4.5  # WCAG 2 AA for body text


@dataclass(frozen=True, order=True)
class PersonaError:
    """One problem in a persona file; ``str()`` is ``file:line: field: message``."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class PersonaInvalid(ValueError):
    """A persona file has errors; ``errors`` lists every one."""

    def __init__(self, errors: Sequence[PersonaError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def _luminance(color: str) -> float:
    hex_ = color[1:]
    if len(hex_) == 3:
        hex_ = "".join(c * 2 for c in hex_)
    channels = [int(hex_[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _per_language(model: type[Strict], data: Any, path: Path_) -> Iterator[tuple[Path_, dict[str, Any]]]:
    """Every per-language mapping (:class:`~core.persona.spec.LangMap`) in the raw data, found by
    walking the schema beside it; values of the wrong shape are skipped (the schema reports them)."""
    if not isinstance(data, dict):
        return
    if issubclass(model, spec.LangMap):
        yield path, data
        return
    for field in model.__fields__.values():
        sub = field.type_ if isinstance(field.type_, type) and issubclass(field.type_, Strict) else None
        if sub is None or field.alias not in data:
            continue
        value, here = data[field.alias], path + (field.alias,)
        if field.shape == SHAPE_SINGLETON:
            yield from _per_language(sub, value, here)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from _per_language(sub, item, here + (index,))
        elif isinstance(value, dict):
            key_type = field.key_field.type_ if field.key_field is not None else None
            for key, item in value.items():
                if not (isinstance(key_type, type) and issubclass(key_type, Text)) or key_type.ok(key):
                    yield from _per_language(sub, item, here + (key,))


def _said_texts(data: dict[str, Any]) -> Iterable[tuple[Path_, str, str]]:
    """``(path, lang, text)`` of every text a visitor can read: display name and tagline, the
    catalogue, cover replies and voice lines except ``emergency`` (raw data; bad shapes skipped)."""

    def per_lang(path: Path_, value: Any) -> Iterable[tuple[Path_, str, str]]:
        for lang, item in _dict(value).items():
            if isinstance(item, str):
                yield path + (lang,), lang, item
            for index, text in enumerate(_list(item)):
                if isinstance(text, str):
                    yield path + (lang, index), lang, text

    display = _dict(data.get("display"))
    for lang in _list(data.get("languages")) if isinstance(display.get("name"), str) else ():
        yield ("display", "name"), str(lang), display["name"]
    for key in ("tagline", "banner", "footer"):
        yield from per_lang(("display", key), display.get(key))
    yield from per_lang(("display", "exit", "label"), _dict(display.get("exit")).get("label"))
    for index, item in enumerate(_list(data.get("catalogue"))):
        for key in ("name", "description"):
            yield from per_lang(("catalogue", index, key), _dict(item).get(key))
    for index, intent in enumerate(_list(data.get("cover"))):
        yield from per_lang(("cover", index, "replies"), _dict(intent).get("replies"))
    for key, value in _dict(data.get("voice")).items():
        if key != "emergency":
            yield from per_lang(("voice", key), value)


class _Rules:
    """The checks the schema cannot say, on the raw data (so they run beside the schema's errors)."""

    def __init__(self, source: Source, expected_id: Optional[str], base_dir: Optional[Path]) -> None:
        self.source = source
        self.data: dict[str, Any] = source.data
        self.expected_id = expected_id
        self.base_dir = base_dir
        self.found: list[SourceProblem] = []
        langs: list[str] = []
        for lang in _list(self.data.get("languages")):
            if spec.Lang.ok(lang) and lang.strip() not in langs:
                langs.append(lang.strip())
        self.langs = tuple(langs)

    def error(self, path: Path_, message: str, at: Optional[Path_] = None) -> None:
        self.found.append(SourceProblem(self.source.line_of(path if at is None else at), path, message))

    def run(self) -> list[SourceProblem]:
        self.languages()
        self.identity()
        self.display(_dict(self.data.get("display")))
        self.catalogue()
        self.examples()
        self.voice()
        self.discretion()
        self.todo((), self.data)
        return self.found

    def languages(self) -> None:
        """Each per-language text has exactly the persona's languages."""
        for path, values in _per_language(spec.PersonaFile, self.data, ()):
            for lang in values:
                if lang in LANGUAGES and self.langs and lang not in self.langs:
                    self.error(path + (lang,), f"language {lang!r} is not in languages [{', '.join(self.langs)}]; "
                               "add it there or remove this")
            for lang in self.langs:
                if lang not in values:
                    self.error(path + (lang,), f"missing language {lang!r}", at=path)

    def identity(self) -> None:
        """The id is the file name; the country (or the override) has an emergency number."""
        persona_id, country, override = (self.data.get(k) for k in ("id", "country", "emergency_number"))
        if self.expected_id is not None and spec.PersonaId.ok(persona_id) and persona_id.strip() != self.expected_id:
            self.error(("id",), f"id {persona_id.strip()!r} must equal the file name ({self.expected_id}.yml)")
        if not spec.Country.ok(country) or (override is not None and not spec.ShortNumber.ok(override)):
            return
        try:
            emergency_number(country.strip(), override.strip() if override is not None else None)
        except UnknownEmergencyNumber as exc:
            self.error(("emergency_number",) if override is not None else ("country",), str(exc))

    def display(self, display: dict[str, Any]) -> None:
        """Favicon file present, readable text colour, a currency for the free-delivery amount."""
        path: Path_ = ("display",)
        favicon = display.get("favicon")
        if self.base_dir is not None and spec.Favicon.ok(favicon) and not spec.is_emoji(favicon.strip()):
            rel = spec.Favicon.convert(favicon.strip())
            if not (self.base_dir / rel).is_file():
                self.error(path + ("favicon",), f"file {rel} not found next to the persona file")
        colors = _dict(display.get("colors"))
        text, background = colors.get("text"), colors.get("background")
        if spec.Colour.ok(text) and spec.Colour.ok(background):
            ratio = contrast_ratio(text.strip(), background.strip())
            if ratio < MIN_TEXT_CONTRAST:
                self.error(path + ("colors", "text"), f"text on background has contrast {ratio:.1f}:1; "
                           f"at least {MIN_TEXT_CONTRAST}:1 is needed to read it")
        if spec.Amount.ok(display.get("free_delivery_from")) and display.get("currency") is None:
            self.error(path + ("currency",), "free_delivery_from needs a currency (e.g. currency: PLN)",
                       at=path + ("free_delivery_from",))

    def catalogue(self) -> None:
        """A shop's items have a price and currency; elsewhere price and currency go together;
        item ids are unique."""
        kind = self.data.get("kind")
        shop = spec.Kind.ok(kind) and kind.strip() == "shop"
        seen: dict[str, int] = {}
        for index, item in enumerate(_list(self.data.get("catalogue"))):
            if not isinstance(item, dict):
                continue
            path: Path_ = ("catalogue", index)
            item_id = item.get("id")
            if spec.ItemId.ok(item_id):
                if item_id.strip() in seen:
                    self.error(path + ("id",), f"item id {item_id.strip()!r} is already used at line {seen[item_id.strip()]}")
                else:
                    seen[item_id.strip()] = self.source.line_of(path + ("id",))
            if shop:
                for key in ("price", "currency"):
                    if key not in item:
                        self.error(path + (key,), spec.Item.missing(key), at=path)
                continue
            if item.get("price") is not None and "currency" not in item:
                self.error(path + ("currency",), "a price needs a currency", at=path)
            if spec.Currency.ok(item.get("currency")) and "price" not in item:
                self.error(path + ("price",), "a currency needs a price", at=path)

    def examples(self) -> None:
        """Cover names are unique; each example belongs to one intent and appears once per language."""
        names: dict[str, int] = {}
        seen: dict[tuple[str, str], tuple[str, int]] = {}
        for index, intent in enumerate(_list(self.data.get("cover"))):
            if not isinstance(intent, dict):
                continue
            path: Path_ = ("cover", index)
            name = intent.get("name")
            label = f"cover {index}"
            if spec.CoverName.ok(name):
                name = name.strip()
                if name in names:
                    self.error(path + ("name",), f"cover name {name!r} is already used at line {names[name]}")
                else:
                    names[name] = self.source.line_of(path + ("name",))
                    label = f"cover {name}"
            self.unique(label, path + ("examples",), intent.get("examples"), seen)
        code = _dict(self.data.get("code"))
        for name in CODE_NAMES:
            self.unique(f"code {name}", ("code", name, "examples"), _dict(code.get(name)).get("examples"), seen)

    def unique(self, intent: str, path: Path_, raw: Any, seen: dict[tuple[str, str], tuple[str, int]]) -> None:
        for lang, items in _dict(raw).items():
            if lang not in LANGUAGES:
                continue
            for index, value in enumerate(_list(items)):
                if not isinstance(value, str) or not normalize_example(value):
                    continue
                key, line = (lang, normalize_example(value)), self.source.line_of(path + (lang, index))
                if key in seen:
                    other, other_line = seen[key]
                    where = "this intent" if other == intent else other
                    self.error(path + (lang, index),
                               f"duplicate example {value.strip()!r} (already in {where} at line {other_line})")
                else:
                    seen[key] = (intent, line)

    def voice(self) -> None:
        """Each voice line holds the placeholders its key needs and no others."""
        for key, by_lang in _dict(self.data.get("voice")).items():
            if key not in spec.Voice.keys():
                continue
            required = (EMERGENCY_PLACEHOLDER,) if key == "emergency" else ACTION_VOICE_KEYS.get(key, ())
            allowed = (*required, *ACTION_VOICE_OPTIONAL.get(key, ()))
            for lang, texts in _dict(by_lang).items():
                for index, text in enumerate(_list(texts)):
                    if Text.ok(text):
                        self.placeholders(("voice", key, lang, index), text.strip(), key, required, allowed)

    def placeholders(self, path: Path_, text: str, key: str, required: Sequence[str], allowed: Sequence[str]) -> None:
        rest = text
        for placeholder in allowed:
            rest = rest.replace(placeholder, "")
        if "{" in rest or "}" in rest:
            extra = f" except {', '.join(allowed)}" if allowed else ""
            self.error(path, f"curly braces are not allowed in this text{extra} (plain text only)")
        for placeholder in required:
            if placeholder not in text:
                when = "the build fills in the number" if key == "emergency" else "the action fills it in"
                self.error(path, f"must contain {placeholder}; {when}")

    def discretion(self) -> None:
        """No text the persona shows or says carries safety vocabulary (docs/design.md, invariant
        7), except the ``emergency`` voice line, which must be unmistakable."""
        for path, lang, text in _said_texts(self.data):
            found = hits(text, safety_words(lang))
            if found:
                words = ", ".join(repr(w) for w in found)
                self.error(path, f"gives the disguise away: contains {words} (safety words, "
                           "core/persona/discretion_words.yml); only the emergency line may; say it in the persona's words")

    def todo(self, path: Path_, value: Any) -> None:
        """Every text still holding the ``TODO`` that ``popbot persona new`` wrote."""
        if isinstance(value, dict):
            for key, item in value.items():
                self.todo(path + (key,), item)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.todo(path + (index,), item)
        elif isinstance(value, str) and TODO_MARK in value:
            self.error(path, f"{TODO_MARK}: write this (the # comment beside it shows an example)")


def _texts(values: Any, langs: Sequence[str]) -> Texts:
    return {lang: tuple(getattr(values, lang)) for lang in langs}


def _text1(values: Any, langs: Sequence[str]) -> dict[str, str]:
    return {lang: getattr(values, lang) for lang in langs}


def _persona(file: Any) -> Persona:
    """The typed model of a checked file (:class:`~core.persona.spec.PersonaFile`)."""
    langs = tuple(file.languages)
    d = file.display
    exit_ = d.exit or spec.ExitControl()
    display = Display(
        name=d.name,
        tagline=_text1(d.tagline, langs),
        colors=Colors(**d.colors.dict()),
        exit_url=d.exit_url,
        favicon=d.favicon,
        banner=_text1(d.banner, langs) if d.banner is not None else None,
        free_delivery_from=d.free_delivery_from,
        currency=d.currency,
        footer=_texts(d.footer, langs) if d.footer is not None else None,
        exit=ExitControl(icon=exit_.icon or DEFAULT_EXIT_ICON,
                         label=_text1(exit_.label, langs) if exit_.label is not None else None),
    )
    catalogue = tuple(
        CatalogueItem(id=i.id, name=_text1(i.name, langs), description=_text1(i.description, langs),
                      price=i.price, currency=i.currency, size=i.size)
        for i in file.catalogue or ()
    )
    cover = tuple(CoverIntent(name=c.name, examples=_texts(c.examples, langs), replies=_texts(c.replies, langs), offer=c.offer)
                  for c in file.cover)
    code = {n: CodeSignal(name=n, examples=_texts(getattr(file.code, n).examples, langs))
            for n in CODE_NAMES if getattr(file.code, n) is not None}
    risk_cues = {risk: _texts(cues, langs) for risk, cues in (file.code.risk_cues or {}).items()}
    voice = {key: _texts(getattr(file.voice, key), langs) for key in spec.Voice.keys()
             if getattr(file.voice, key) is not None}  # (an optional action line left out: OPTIONAL_ACTION_VOICE_KEYS)
    return Persona(
        id=file.id, kind=file.kind, languages=langs, country=file.country, display=display,
        catalogue=catalogue, cover=cover, code=code, voice=voice, risk_cues=risk_cues,
        emergency_number_override=file.emergency_number, hosts=tuple(file.hosts or ()),
    )


def check_text(
    text: str, file: str, *, expected_id: Optional[str] = None, base_dir: Optional[Path] = None
) -> tuple[Optional[Persona], list[PersonaError]]:
    """Check persona YAML ``text``; return the persona (None on any error) and every error."""
    try:
        source = read_source(text)
    except YamlSyntaxError as exc:
        return None, [PersonaError(file, exc.line, "(yaml)", f"malformed YAML: {exc.message}")]
    found = list(source.problems)
    checked = None
    if source.data is None:
        found.append(SourceProblem(1, (), "the file is empty; a persona needs id, kind, languages, ..."))
    elif not isinstance(source.data, dict):
        found.append(SourceProblem(1, (), "a persona file must be a mapping of fields (id: ..., kind: ...), "
                                          f"got {kind_of(source.data)}"))
    else:
        checked, schema_problems = check_model(spec.PersonaFile, source)
        found += schema_problems + _Rules(source, expected_id, base_dir).run()
    errors = sorted({PersonaError(file, p.line, format_path(p.path), p.message) for p in found},
                    key=lambda e: (e.line, e.field, e.message))
    return (_persona(checked) if checked is not None and not errors else None), errors


def display_name(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def check_file(path: Path | str) -> tuple[Optional[Persona], list[PersonaError]]:
    """Check one persona file (its id must equal its file name)."""
    path = Path(path)
    name = display_name(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [PersonaError(name, 1, "(file)", f"cannot read: {exc}")]
    if path.suffix != ".yml":
        return None, [PersonaError(name, 1, "(file)", "a persona file must be named <id>.yml")]
    persona, errors = check_text(text, name, expected_id=path.stem, base_dir=path.parent)
    if persona is not None:
        persona = _with_source(persona, path)
    return persona, errors


def _with_source(persona: Persona, path: Path) -> Persona:
    return replace(persona, source=path)


def validate_file(path: Path | str) -> list[PersonaError]:
    """Every error of one persona file (empty when it is valid)."""
    return check_file(path)[1]


def validate_files(paths: Iterable[Path | str]) -> list[PersonaError]:
    """Every error of several persona files."""
    errors: list[PersonaError] = []
    for path in paths:
        errors.extend(validate_file(path))
    return errors


def load_persona(path: Path | str) -> Persona:
    """The persona in ``path``; raises :class:`PersonaInvalid` listing every error."""
    persona, errors = check_file(path)
    if errors or persona is None:
        raise PersonaInvalid(errors)
    return persona


def persona_files(directory: Path | str) -> list[Path]:
    """The persona files of a directory (``*.yml``), sorted by name."""
    return sorted(p for p in Path(directory).glob("*.yml") if p.is_file())


def load_all(directory: Path | str) -> list[Persona]:
    """Every persona in ``directory``, sorted by id; raises :class:`PersonaInvalid` on any error."""
    personas: list[Persona] = []
    errors: list[PersonaError] = []
    for path in persona_files(directory):
        persona, file_errors = check_file(path)
        errors.extend(file_errors)
        if persona is not None:
            personas.append(persona)
    errors.extend(_shared_hosts(personas))
    if errors:
        raise PersonaInvalid(errors)
    return sorted(personas, key=lambda p: p.id)


def _shared_hosts(personas: Sequence[Persona]) -> list[PersonaError]:
    """A host serves one persona only: a host listed by two personas is an error in the second."""
    owner: dict[str, str] = {}
    errors: list[PersonaError] = []
    for persona in personas:
        for host in persona.hosts:
            if host in owner:
                where = display_name(persona.source) if persona.source else persona.id
                errors.append(PersonaError(where, 0, "hosts", f"host {host!r} already serves persona {owner[host]!r}"))
            else:
                owner[host] = persona.id
    return errors
