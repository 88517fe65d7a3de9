"""What the conversation views show besides the service's records: the queue's SLA colours,
silent-chat alerts, the child's id masked by role, the persona's ready replies in the child's
language and referral cards in cover voice (from ``referrals/``, worded by ``actions``)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Sequence
from urllib.parse import quote

from actions.referral import persona_country, referral_line
from bot.console.permissions import Facts, Subject, allowed
from bot.handoff.model import QueueEntry
from core.emergency import emergency_number
from core.persona import persona_by_id
from core.persona.schema import EMERGENCY_PLACEHOLDER
from referrals.errors import ReferralError
from referrals.routing import route
from referrals.store import DirectoryStore
from referrals.topics import topics_for_signal

#: Minutes a waiting conversation may wait (urgent, normal) before it is late; "warn" from half.
SLA_MINUTES = {True: 2.0, False: 10.0}
#: A held conversation is silent when the child's last line has waited this long for a reply.
SILENT_MINUTES = 5.0
#: Voice lines a counselor may send as they are (each one variation per language).
CANNED_KEYS = ("help_accepted", "please_wait", "ask_location", "not_safe", "back_to_shop", "emergency")
MAX_CARDS = 3


def conversation_url(cid: str) -> str:
    return "/conversations/" + quote(cid, safe="")


def minutes_since(at: float | None, now: float) -> int:
    return 0 if at is None else max(0, int((now - at) // 60))


def sla(entry: QueueEntry, now: float) -> str:
    """``ok`` | ``warn`` | ``late`` for a waiting conversation (held ones are ``ok``)."""
    if entry.state != "waiting":
        return "ok"
    waited, target = (now - entry.entered_at) / 60, SLA_MINUTES[entry.urgent]
    return "late" if waited >= target else "warn" if waited >= target / 2 else "ok"


def silent_minutes(entry: QueueEntry, now: float) -> int | None:
    """Minutes the child has waited for the holder's answer, when over :data:`SILENT_MINUTES`."""
    if entry.state != "held" or entry.last_child_at is None:
        return None
    if entry.last_counselor_at is not None and entry.last_counselor_at >= entry.last_child_at:
        return None
    waited = (now - entry.last_child_at) / 60
    return int(waited) if waited >= SILENT_MINUTES else None


@dataclass(frozen=True)
class QueueRow:
    entry: QueueEntry
    url: str
    waited: int
    sla: str
    mine: bool
    claimable: bool

    @classmethod
    def of(cls, entry: QueueEntry, now: float, account: Subject) -> "QueueRow":
        claimable = allowed("claim", account, Facts(holder=entry.holder, state=entry.state)) and (
            entry.target_role in (None, account.role))
        return cls(entry, conversation_url(entry.conversation_id), minutes_since(entry.entered_at, now), sla(entry, now),
                   entry.holder == account.username, claimable)


def masked_id(cid: str, may_see: bool) -> str:
    """The conversation's pseudonym for a role that may see the child's id, else a short tag."""
    return cid if may_see else f"{cid[:4]}…"


def canned_replies(persona_id: str, lang: str) -> list[tuple[str, str]]:
    """``(key, text)`` of the persona's ready replies in ``lang`` (none for plain chats)."""
    persona = persona_by_id(persona_id)
    if persona is None:
        return []
    found = []
    for key in CANNED_KEYS:
        if key not in persona.voice:
            continue
        text = persona.voice_texts(key, lang)[0]
        if EMERGENCY_PLACEHOLDER in text:
            text = text.replace(EMERGENCY_PLACEHOLDER, emergency_number(persona.country))
        found.append((key, text))
    return found


def referral_cards(entry: QueueEntry, place: str, *, store: DirectoryStore | None = None, at: datetime | None = None) -> list[str]:
    """Ready-to-send referral messages for ``place`` in the conversation's persona voice."""
    when = at or datetime.now(timezone.utc)
    try:
        found = route(place, lang=entry.lang, topics=topics_for_signal(entry.signal), urgent=entry.urgent,
                      country_hint=persona_country(entry.persona), at=when, limit=MAX_CARDS, store=store)
    except ReferralError:
        return []
    intro = _intro(entry.persona, entry.lang)
    return [f"{intro}\n{referral_line(r, entry.lang, when, entry.persona)}".strip() for r in found[:MAX_CARDS]]


def _intro(persona_id: str, lang: str) -> str:
    persona = persona_by_id(persona_id)
    if persona is None or "referral_intro" not in persona.voice:
        return ""
    return persona.voice_texts("referral_intro", lang)[0]


def holders(entries: Sequence[QueueEntry]) -> dict[str, list[QueueEntry]]:
    """Held conversations by holder (supervisor view)."""
    found: dict[str, list[QueueEntry]] = {}
    for entry in entries:
        if entry.state == "held" and entry.holder:
            found.setdefault(entry.holder, []).append(entry)
    return dict(sorted(found.items()))
