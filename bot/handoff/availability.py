"""Is a person there to answer? Configuration, not code: each console account's on-duty hours in
its IANA time zone (``bot/console/duty.py``, set on the admin page) and who is signed in to the
console now (a full session seen within ``POPBOT_CONSOLE_IDLE_MINUTES``).

When nobody who answers children is both on duty and signed in, the bot still queues the
conversation (whoever comes first finds it) but does not promise that someone writes soon: it
says, in the persona's voice, that nobody is there now and when someone is back
(``nobody_now``), gives the referral of the persona's country and, when urgent and not said yet
in this turn, the emergency number (:func:`nobody_lines`).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa

from bot.handoff.model import Context


@dataclass(frozen=True)
class Availability:
    #: Usernames on duty and signed in now.
    answering: tuple[str, ...]
    #: When the next shift starts (UTC), if nobody answers now and a shift is known.
    back_at: datetime | None
    #: The IANA zone of that shift (used when the persona has no country).
    zone: str | None = None

    @property
    def available(self) -> bool:
        return bool(self.answering)


def status(ctx: Context) -> Availability:
    """Who answers now (on duty and signed in), else when someone is next on duty."""
    from bot.console import accounts, duty
    from bot.console.context import Console
    from bot.console.tables import accounts as account_rows, sessions

    now = ctx.now()
    console = Console(ctx.storage, clock=ctx.clock)
    shifts = duty.availability(accounts.list_accounts(console), now)
    idle = ctx.storage.settings.console_idle_minutes * 60
    with ctx.storage.engine.connect() as conn:
        signed_in = set(conn.execute(
            sa.select(account_rows.c.username).join(sessions, sessions.c.account_id == account_rows.c.id)
            .where(sessions.c.stage == "full", sessions.c.last_seen >= now - idle)
        ).scalars())
    answering = tuple(name for name in shifts.on_duty if name in signed_in)
    if answering or shifts.next_start is None:
        return Availability(answering, None)
    zone = None
    for person in accounts.list_accounts(console):
        opens = duty.state(person, now).opens_at if person.role in duty.ANSWERING_ROLES else None
        if opens is not None and opens.astimezone(timezone.utc) == shifts.next_start:
            zone = person.time_zone
            break
    return Availability((), shifts.next_start, zone)


def _zone(country: str | None, fallback: str | None) -> Any:
    from zoneinfo import ZoneInfo

    import pytz

    zones = pytz.country_timezones.get(country.upper(), []) if country else []
    if zones:
        return ZoneInfo(zones[0])
    return ZoneInfo(fallback) if fallback else timezone.utc


def back_phrase(back_at: datetime | None, now: float, lang: str, country: str | None, shift_zone: str | None = None) -> str:
    """``at 08:00`` / ``tomorrow at 08:00`` / ``this Monday at 08:00`` in the persona's country's time (no country: the
    shift's zone), or ``as soon as possible`` when no shift is known."""
    from actions.wording import day_phrase, words

    w = words(lang)
    if back_at is None:
        return str(w["back_soon"])
    zone = _zone(country, shift_zone)
    local, today = back_at.astimezone(zone), datetime.fromtimestamp(now, zone)
    t = f"{local:%H:%M}"
    if local.date() == today.date():
        return str(w["back_today"]).format(t=t)
    return str(w["back_day"]).format(d=day_phrase(local.date(), today.date(), lang), t=t)


def nobody_lines(ctx: Context, found: Availability, *, persona: str, lang: str, signal: str, urgent: bool,
                 emergency_said: bool) -> list[str]:
    """What the bot says instead of "someone will write soon" when nobody answers now."""
    from actions.referral import persona_country, referral_line
    from actions.wording import line
    from core.emergency import emergency_number
    from referrals.routing import RoutingError, route
    from referrals.topics import topics_for_signal

    country = persona_country(persona)
    lines = [line("nobody_now", persona, lang).format(back=back_phrase(found.back_at, ctx.now(), lang, country, found.zone))]
    if country:
        at = datetime.fromtimestamp(ctx.now(), timezone.utc)
        try:
            found_referrals = route(None, topics=topics_for_signal(signal), lang=lang, at=at, urgent=urgent,
                                    country_hint=country, limit=1)
        except RoutingError:
            found_referrals = []
        lines += [referral_line(r, lang, at, persona) for r in found_referrals]
        if urgent and not emergency_said:
            lines.append(line("emergency_local", persona, lang).format(number=emergency_number(country)))
    return lines
