"""``action_offer_referral``: offer the best one or two services for this child, in the child's
language, after the persona's ``utter_referral_intro``; ask once for the location if unknown.

Slots read: ``location`` (free text), ``location_refused``, ``country``, ``lang``, ``persona``,
``age``. The topic comes from the latest help signal of the conversation (the message that
carried it may be before the location answer). Nothing of the child's text is logged.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any, Callable, Dict, Final, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from core.persona import persona_by_id
from referrals.phones import display_phone
from referrals.routing import Referral, default_store, route
from referrals.store import DirectoryStore
from referrals.topics import EMERGENCY_SIGNALS, topics_for_signal

log = logging.getLogger(__name__)

MAX_REFERRALS: Final = 2
FREE: Final = {"en": "free", "pl": "bezpłatnie", "es": "gratis"}
OPEN_UNTIL: Final = {"en": "open until {t}", "pl": "czynne do {t}", "es": "abierto hasta las {t}"}
ALWAYS: Final = {"en": "open 24/7", "pl": "czynne całą dobę", "es": "abierto 24 horas"}
OPENS_TODAY: Final = {"en": "opens at {t}", "pl": "czynne od {t}", "es": "abre a las {t}"}
OPENS_DAY: Final = {"en": "opens {d} at {t}", "pl": "czynne {d} od {t}", "es": "abre el {d} a las {t}"}
DAY_NAMES: Final = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "pl": ("w poniedziałek", "we wtorek", "w środę", "w czwartek", "w piątek", "w sobotę", "w niedzielę"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
#: Names for the generic starter services, in the child's language.
KIND_NAMES: Final = {
    "emergency": {"en": "Emergency number", "pl": "Numer alarmowy", "es": "Número de emergencias"},
    "child_helpline": {"en": "Child helpline", "pl": "Telefon zaufania dla dzieci i młodzieży",
                       "es": "Línea de ayuda a la infancia"},
}
CHANNEL_LABELS: Final = {"sms": "SMS", "whatsapp": "WhatsApp", "telegram": "Telegram"}


def _lang(lang: Optional[str]) -> str:
    return lang if lang in FREE else "en"


def referral_line(r: Referral, lang: Optional[str], at: datetime) -> str:
    """``116 111 — Telefon zaufania..., bezpłatnie, czynne do 20:00`` in ``lang`` (en/pl/es)."""
    lang = _lang(lang)
    s, ch = r.service, r.channel
    if s.starter and s.kind in KIND_NAMES:
        name = KIND_NAMES[s.kind][lang]
    else:
        name = s.alternate_name or s.name
    if ch.type in ("phone", "sms") or (ch.type == "whatsapp" and not ch.value.startswith("https://")):
        contact = display_phone(ch.value, r.country or None)
    else:
        contact = ch.value
    if ch.type in CHANNEL_LABELS:
        contact = f"{CHANNEL_LABELS[ch.type]} {contact}"
    parts = [f"{name} — {contact}"]
    if s.free_of_charge:
        parts.append(FREE[lang])
    if r.hours_known:
        if r.open_now and r.closes_at is None:
            parts.append(ALWAYS[lang])
        elif r.open_now and r.closes_at is not None:
            parts.append(OPEN_UNTIL[lang].format(t=f"{r.closes_at:%H:%M}"))
        elif r.opens_at is not None:
            local_now = at.astimezone(r.opens_at.tzinfo)
            if r.opens_at.date() == local_now.date():
                parts.append(OPENS_TODAY[lang].format(t=f"{r.opens_at:%H:%M}"))
            else:
                day = DAY_NAMES[lang][r.opens_at.weekday()]
                parts.append(OPENS_DAY[lang].format(d=day, t=f"{r.opens_at:%H:%M}"))
    return ", ".join(parts)


def latest_help_signal(tracker: Tracker) -> tuple[Optional[str], bool]:
    """The most recent help signal and urgent flag: the latest message, else earlier messages."""
    messages = [tracker.latest_message or {}]
    messages += [e.get("parse_data") or {} for e in reversed(tracker.events or []) if e.get("event") == "user"]
    for message in messages:
        signal = message.get("signal")
        if signal and signal not in ("none", "not_safe"):
            return signal, bool(message.get("urgent")) or signal in EMERGENCY_SIGNALS
    return None, False


def asked_for_location(tracker: Tracker) -> bool:
    return any(
        e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action") == "utter_ask_location"
        for e in tracker.events or []
    )


def persona_country(persona: Optional[str]) -> Optional[str]:
    """The country the persona's partner serves (its ``country:``), or None."""
    found = persona_by_id(persona)
    return found.country if found is not None else None


def _age(value: Any) -> Optional[int]:
    try:
        age = int(float(value))
    except (TypeError, ValueError):
        return None
    return age if 0 < age < 120 else None


class ActionOfferReferral(Action):
    """Offers referrals (max two) or asks for the location once."""

    #: Tests set these; the action server uses popbot's database and the real clock.
    store: Optional[DirectoryStore] = None
    clock: Callable[[], datetime] = staticmethod(lambda: datetime.now(timezone.utc))

    def name(self) -> Text:
        return "action_offer_referral"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        location = tracker.get_slot("location")
        refused = bool(tracker.get_slot("location_refused"))
        if not location and not refused and not asked_for_location(tracker):
            dispatcher.utter_message(response="utter_ask_location")
            return []
        lang = tracker.get_slot("lang")
        country = tracker.get_slot("country") or persona_country(tracker.get_slot("persona"))
        signal, urgent = latest_help_signal(tracker)
        at = self.clock()
        try:
            referrals = route(
                location if location and not refused else None,
                age=_age(tracker.get_slot("age")), topics=topics_for_signal(signal), lang=lang, at=at,
                urgent=urgent, country_hint=country, store=self.store or default_store(),
                limit=MAX_REFERRALS,
            )
        except Exception as exc:  # never break the conversation: the static replies still stand
            log.error("referral routing failed: %s", exc.__class__.__name__)
            referrals = []
        if not referrals:
            return []
        dispatcher.utter_message(response="utter_referral_intro")
        for r in referrals[:MAX_REFERRALS]:
            dispatcher.utter_message(text=referral_line(r, lang, at))
        return []
