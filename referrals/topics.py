"""Topics a service covers, and the topics that answer each signal of docs/design.md."""
from __future__ import annotations

from typing import Final, Mapping

TOPICS: Final = (
    "abuse",
    "domestic_violence",
    "sexual_violence",
    "bullying",
    "online_safety",
    "mental_health",
    "self_harm",
    "lgbtq",
    "general",
)

_SIGNAL_TOPICS: Final[Mapping[str, tuple[str, ...]]] = {
    "none": (),
    "not_safe": (),
    "help_request": ("abuse", "domestic_violence", "general"),
    "urgent": ("abuse", "domestic_violence", "general"),
    "visit_request": ("abuse", "domestic_violence", "general"),
    "peer_help": ("general",),
    "abuse_disclosure": ("abuse", "domestic_violence", "sexual_violence"),
    "self_harm": ("self_harm", "mental_health"),
    "imminent_danger": ("abuse", "domestic_violence", "general"),
    "bullying": ("bullying",),
    "online_exploitation": ("online_safety", "sexual_violence"),
    "distress": ("mental_health", "general"),
    "ask_human": ("general",),
}

#: Signals for which the national emergency number comes first.
EMERGENCY_SIGNALS: Final = frozenset({"urgent", "visit_request", "imminent_danger"})


def topics_for_signal(signal: str | None) -> list[str]:
    """The topics whose services answer ``signal`` (empty for none/not_safe/unknown)."""
    if not signal:
        return []
    return list(_SIGNAL_TOPICS.get(signal, ()))


def check_topic(topic: str) -> str:
    """``topic`` normalised (``LGBTQ+`` -> ``lgbtq``, ``domestic violence`` -> ...), or ValueError."""
    name = topic.strip().lower().replace("+", "").replace("-", "_").replace(" ", "_")
    if name not in TOPICS:
        raise ValueError(f"unknown topic {topic!r} (known: {', '.join(TOPICS)})")
    return name
