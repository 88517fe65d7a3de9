"""Asking whether one may tell something, in the plain bot (session 34).

"can i tell you something" was read as a probe (.42) and got the who-we-are line ("You can talk here about anything
that's worrying you, and a real person can join"), while "¿puedo contarte algo?" and "mogę ci coś powiedzieć?" were
ordinary talk (.46, .54): "Perdona, no sé si te he entendido bien…". In the plain bot, a message made only of
``asks_to_tell`` words (nlu/safety/cues.yml) read with no help signal is the probe (``probe``): the same inviting line
in every language. A help reading keeps its reply (ask_human queues a person); inside a persona the line keeps its
cover reading. Run by ``bot.handoff.gate``'s after-parse hook (no database hop).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Final, Optional

from bot.tracker_reading import parse_entity
from core.safety import Phrases, made_of
from core.signals import HELP_SIGNALS, NO_PERSONA
from core.text import fold

#: The parse key that says this module read the message.
PLAIN_OPENER: Final = "plain_opener"
PROBE: Final = "probe"


@lru_cache(maxsize=1)
def _asks_to_tell() -> Phrases:
    from core import PROJECT_ROOT
    from nlu.cues import load_cues

    found = load_cues(PROJECT_ROOT / "nlu" / "safety" / "cues.yml").asks_to_tell
    return Phrases({lang: tuple(fold(c) for c in p.cues) for lang, p in found.items()},
                   {lang: frozenset(fold(w) for w in p.fillers) for lang, p in found.items()})


def asks_to_tell(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` only asks whether the child may tell something."""
    return made_of(fold(text).replace("'", ""), lang, _asks_to_tell())


def read_opener(parse: dict, tracker: Any) -> Optional[str]:
    """The after-parse step: in the plain bot, "may I tell you something?" with no help reading is the probe."""
    if str(tracker.get_slot("persona") or NO_PERSONA) != NO_PERSONA or parse.get("urgent"):
        return None
    if str(parse.get("signal") or "none") in HELP_SIGNALS:
        return None
    lang = parse_entity(parse, "lang") or tracker.get_slot("lang")
    if not asks_to_tell(str(parse.get("text") or ""), lang):
        return None
    confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
    parse["intent"] = {"name": PROBE, "confidence": confidence}
    parse["signal"] = "none"
    parse[PLAIN_OPENER] = PROBE
    return PROBE
