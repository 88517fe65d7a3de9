"""Disguise personas: one YAML file per persona (``personas/<id>.yml``) -> Rasa data.

* :func:`load_persona` / :func:`load_all` read and check persona files (every error reported as
  :class:`PersonaError` ``file:line: field: message``, raised together as :class:`PersonaInvalid`);
* :mod:`bot.persona.build` writes ``nlu/generated/<id>.yml`` and ``domain_<id>.yml``;
* :mod:`bot.persona.catalogue` gives a front-end the display data of a persona in a language.

The format is documented for partners in ``personas/README.md``.
"""
from functools import lru_cache
from typing import Mapping, Optional, Sequence

from core.persona.schema import (
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
from core.persona.validate import (
    PersonaError,
    PersonaInvalid,
    check_file,
    load_all,
    load_persona,
    persona_files,
    validate_file,
    validate_files,
)



@lru_cache(maxsize=1)
def project_personas() -> Mapping[str, Persona]:
    """The project's personas (``personas/*.yml``) by id, read once per process."""
    from core.paths import PERSONAS_DIR

    return {persona.id: persona for persona in load_all(PERSONAS_DIR)}


def served_personas(persona_ids: Optional[Sequence[str]] = None) -> Mapping[str, Persona]:
    """The personas this deployment serves, by id: every project persona, or only those listed
    (default: ``POPBOT_PERSONAS``). Raises ConfigError when the list names an unknown persona."""
    from core.settings import ConfigError, load_settings

    personas = project_personas()
    wanted = load_settings().persona_ids if persona_ids is None else tuple(persona_ids)
    if wanted is None:
        return personas
    unknown = [i for i in wanted if i not in personas]
    if unknown:
        raise ConfigError(
            f"POPBOT_PERSONAS names {', '.join(unknown)}, which is not a persona in personas/ "
            f"(there: {', '.join(sorted(personas)) or 'none'})"
        )
    return {i: personas[i] for i in wanted}


def persona_by_id(persona_id: Optional[str]) -> Optional[Persona]:
    """The project's persona of that id, or None (also for ``plain`` and unknown ids)."""
    return project_personas().get(persona_id or "")


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
    "persona_by_id",
    "persona_files",
    "project_personas",
    "served_personas",
    "validate_file",
    "validate_files",
]
