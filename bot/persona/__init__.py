"""Disguise personas: one YAML file per persona (``personas/<id>.yml``) -> Rasa data.

* :func:`load_persona` / :func:`load_all` read and check persona files (every error reported as
  :class:`PersonaError` ``file:line: field: message``, raised together as :class:`PersonaInvalid`);
* :mod:`bot.persona.build` writes ``nlu/generated/<id>.yml`` and ``domain_<id>.yml``;
* :mod:`bot.persona.catalogue` gives a front-end the display data of a persona in a language.

The format is documented for partners in ``personas/README.md``.
"""
from bot.persona.schema import (
    CODE_NAMES,
    REQUIRED_CODE_NAMES,
    VOICE_KEYS,
    CatalogueItem,
    CodeSignal,
    Colors,
    CoverIntent,
    Display,
    Persona,
)
from bot.persona.validate import (
    PersonaError,
    PersonaInvalid,
    check_file,
    load_all,
    load_persona,
    persona_files,
    validate_file,
    validate_files,
)

__all__ = [
    "CODE_NAMES",
    "REQUIRED_CODE_NAMES",
    "VOICE_KEYS",
    "CatalogueItem",
    "CodeSignal",
    "Colors",
    "CoverIntent",
    "Display",
    "Persona",
    "PersonaError",
    "PersonaInvalid",
    "check_file",
    "load_all",
    "load_persona",
    "persona_files",
    "validate_file",
    "validate_files",
]
