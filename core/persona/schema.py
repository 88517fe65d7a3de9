"""The typed model of a persona file (``personas/<id>.yml``); see ``personas/README.md``.

Instances are built only by :mod:`core.persona.validate`, which has checked every field, so the
model itself carries no validation. Text per language is a ``Mapping[lang, tuple[str, ...]]``;
:meth:`Persona.texts` applies the rule "a language the persona does not declare is answered in
the persona's default language".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Final, Mapping, Optional

from core.emergency import emergency_number
from core.signals import CODE_INTENTS, LANGUAGES, PERSONA_SEPARATOR

#: Responses said in the persona's voice, ``utter_<key>`` (docs/ARCHITECTURE.md "Voice keys").
VOICE_KEYS: Final = (
    "greet",
    "thanks",
    "goodbye",
    "out_of_scope",
    "probe",
    "confirm_help",
    "help_accepted",
    "back_to_shop",
    "offer_counselor",
    "emergency",
    "counselor_urgent",
    "please_wait",
    "not_safe",
    "ask_location",
    "ask_again",
    "not_now",
    "no_number",
    "privacy",
    "not_your_fault",
    "heard",
    "cost_free",
    "cost_here",
    "referral_intro",
    "clean_done",
)
#: The plain acknowledgements of a safety signal said plainly (``utter_ack_<signal>``, ``nlu/safety/domain_<lang>.yml``)
#: and the voice key said instead inside a persona (slot ``voice`` is ``cover`` from the first help signal or use of
#: the code on, nlu/quiet.py goes_into_cover): "get somewhere safe... I'm asking a counselor to join this chat" in the
#: shop broke the disguise the child chose. A friend in danger now and a request for a person are answered in the
#: persona's words too (s35): the emergency number said first stays exact, the persona's ``emergency`` line.
COVER_ACKS: Final = {
    "ack_imminent_danger": "counselor_urgent",
    "ack_self_harm_urgent": "counselor_urgent",
    "ack_peer_help_urgent": "counselor_urgent",
    "ack_ask_human": "counselor_urgent",
    "ack_abuse_disclosure": "heard",
    "ack_self_harm": "heard",
    "ack_bullying": "heard",
    "ack_online_exploitation": "heard",
    "ack_distress": "heard",
    "ack_peer_help": "heard",
}
#: Voice keys whose variations carry no safety step: a random pick among them changes nothing.
#: Every other voice key takes exactly one variation per language (safety paths are deterministic);
#: ``probe`` ("is this a helpline?") is a cover line and takes one too (session 31: one of two game-bot
#: probe answers spoke of coaches, so the same conversation kept or broke the disguise at random).
FREE_VARIATION_KEYS: Final = ("greet", "thanks", "goodbye", "out_of_scope")
#: Voice lines the actions fill in themselves (not Rasa responses), with the placeholders each must
#: contain. In cover voice a referral keeps the disguise ("our partner pharmacy") while the number
#: itself is exact; ``{details}`` (", free, open 24/7") may follow the contact.
ACTION_VOICE_KEYS: Final = {
    "referral_line": ("{contact}",),
    "referral_emergency": ("{contact}",),
    "emergency_local": ("{number}",),
    "confirm_place": ("{place}", "{country}"),
    # nobody on duty (bot/handoff/availability.py): when someone is back, filled in
    "nobody_now": ("{back}",),
    # "why do you need to know?" to "which city?" (actions/referral.py): why the place is asked, said before the
    # question is asked again
    "why_place": (),
    # the same to the good-moment question when it also asks the place (utter_help_accepted): a persona whose
    # help_accepted asks no place leaves it out
    "why_accepted": (),
}
#: Action voice keys a persona may leave out (s28: a persona written before them stays valid); without one,
#: "why?" to that question is unclear (asked again), never a plain line in the persona's chat.
OPTIONAL_ACTION_VOICE_KEYS: Final = ("why_place", "why_accepted")
#: Placeholders an action voice line may contain besides the required ones.
ACTION_VOICE_OPTIONAL: Final = {"referral_line": ("{details}",), "referral_emergency": ("{details}",)}
#: Generic names of the code signals a persona declares phrases for.
CODE_NAMES: Final = CODE_INTENTS
#: Code signals every persona must declare (``clean_chat`` is optional).
REQUIRED_CODE_NAMES: Final = tuple(n for n in CODE_NAMES if n != "clean_chat")
KINDS: Final = ("shop", "game_tips", "other")
COLOR_NAMES: Final = ("primary", "accent", "background", "text")
#: Entities an example may annotate inline as ``[text](entity)``.
ANNOTATABLE_ENTITIES: Final = ("duration", "address")
#: The only placeholder a text may contain; filled at build time from ``country``.
EMERGENCY_PLACEHOLDER: Final = "{emergency_number}"

MIN_COVER_EXAMPLES: Final = 12
MIN_CODE_EXAMPLES: Final = 30
MIN_CLEAN_CHAT_EXAMPLES: Final = 12
MAX_VOICE_VARIATIONS: Final = 3

Texts = Mapping[str, tuple[str, ...]]
Text1 = Mapping[str, str]


def _pick(values: Mapping[str, object], lang: str, default_lang: str) -> object:
    return values[lang] if lang in values else values[default_lang]


@dataclass(frozen=True)
class Colors:
    primary: str
    accent: str
    background: str
    text: str


#: The quick-exit control's icon when the persona names none: an ordinary close mark.
DEFAULT_EXIT_ICON: Final = "✕"


@dataclass(frozen=True)
class ExitControl:
    """The quick exit as the page shows it: an icon and, optionally, a visible label per language
    (without one, the icon alone, named "Close" in the page's language for screen readers)."""

    icon: str = DEFAULT_EXIT_ICON
    label: Optional[Text1] = None


@dataclass(frozen=True)
class Display:
    name: str
    tagline: Text1
    colors: Colors
    exit_url: str
    favicon: str
    #: A line above the page per language ("Handmade in small batches"); optional.
    banner: Optional[Text1] = None
    #: Order value from which delivery is free, in ``currency``; shown in the banner.
    free_delivery_from: Optional[Decimal] = None
    #: ISO 4217 code of ``free_delivery_from`` (defaults to the catalogue's one currency).
    currency: Optional[str] = None
    #: Footer / legal lines per language (company, address, terms); optional.
    footer: Optional[Texts] = None
    exit: ExitControl = field(default_factory=ExitControl)

    @property
    def favicon_is_emoji(self) -> bool:
        return not self.favicon.startswith(("assets/", "personas/assets/"))


@dataclass(frozen=True)
class CatalogueItem:
    """A product (shop) or a guide (game tips). Price and currency go together or not at all."""

    id: str
    name: Text1
    description: Text1
    price: Optional[Decimal] = None
    currency: Optional[str] = None
    size: Optional[str] = None


@dataclass(frozen=True)
class CoverIntent:
    """What ordinary visitors ask (``examples``) and how the persona answers (``replies``); with
    ``offer`` the reply is followed by the ``confirm_help`` question (a topic that shares words with the code)."""

    name: str
    examples: Texts
    replies: Texts
    offer: bool = False


@dataclass(frozen=True)
class CodeSignal:
    """Cover phrases that carry a signal; ``name`` is one of :data:`CODE_NAMES`."""

    name: str
    examples: Texts


@dataclass(frozen=True)
class Persona:
    id: str
    kind: str
    languages: tuple[str, ...]
    country: str
    display: Display
    catalogue: tuple[CatalogueItem, ...]
    cover: tuple[CoverIntent, ...]
    code: Mapping[str, CodeSignal]
    voice: Mapping[str, Texts]
    #: ``{risk name: {lang: (keyword, ...)}}``, e.g. ``{"alcohol": {"en": ("drunk", ...)}}``.
    risk_cues: Mapping[str, Texts] = field(default_factory=dict)
    #: Optional override of the number derived from ``country``.
    emergency_number_override: Optional[str] = None
    #: Host names the web front-end is served on; no other persona is served there.
    hosts: tuple[str, ...] = ()
    source: Optional[Path] = None

    @property
    def emergency_number(self) -> str:
        """The number baked into ``utter_emergency``: the override, else the country's."""
        return emergency_number(self.country, self.emergency_number_override)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def intent(self, name: str) -> str:
        """The namespaced intent of a cover or code name: ``rumianek__ask_price``."""
        return f"{self.id}{PERSONA_SEPARATOR}{name}"

    def language_for(self, lang: str) -> str:
        """``lang`` if the persona speaks it, else its default language."""
        return lang if lang in self.languages else self.default_language

    def texts(self, values: Texts, lang: str) -> tuple[str, ...]:
        """Texts for ``lang`` with the default-language fallback."""
        return _pick(values, self.language_for(lang), self.default_language)  # type: ignore[return-value]

    def text(self, values: Text1, lang: str) -> str:
        """A single text for ``lang`` with the default-language fallback."""
        return _pick(values, self.language_for(lang), self.default_language)  # type: ignore[return-value]

    def voice_texts(self, key: str, lang: str) -> tuple[str, ...]:
        """The variations of voice ``key`` in ``lang`` (placeholders not filled)."""
        return self.texts(self.voice[key], lang)
