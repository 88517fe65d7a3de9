"""The queue and the conversation a counselor holds: claim, read, reply, ready replies, referral
cards, notes, transfer, return to the bot, close. Every step is one handoff service call
(permission-checked and audited there); nothing here touches a table or Rasa."""
from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.console import accounts, casework, permissions
from bot.console.web import Who, actor_of, console_of, form_list, guarded, handoff_of, handoff_refusal, render
from bot.handoff import service
from bot.handoff.errors import BadInput, HandoffError, NotAllowed
from bot.handoff.model import OUTCOMES, ROLES
from core.signals import SIGNALS


def _queue_context(request: Request, who: Who) -> dict[str, Any]:
    ctx = handoff_of(request)
    # The page's live stream starts after this id, so it is read BEFORE the content: an event
    # committed while the page is drawn is replayed to it and refreshes the part it changed.
    last_event = service.last_event_id(ctx)
    entries = service.queue(ctx, actor_of(who))
    now = ctx.now()
    return {"rows": [casework.QueueRow.of(e, now, who.account) for e in entries], "last_event": last_event}


@guarded("view_queue")
def queue_page(request: Request, who: Who, form: dict[str, str]) -> Response:
    return render(request, "queue.html", _queue_context(request, who), who=who)


@guarded("view_queue")
def queue_rows(request: Request, who: Who, form: dict[str, str]) -> Response:
    """The queue table alone (refreshed by the page on a live event)."""
    return render(request, "parts/queue_rows.html", _queue_context(request, who), who=who)


def _conversation_context(request: Request, who: Who, cid: str, *, reason: str | None = None, refresh: bool = False) -> dict[str, Any]:
    ctx = handoff_of(request)
    last_event = service.last_event_id(ctx)  # before the content, as in _queue_context
    transcript = service.transcript(ctx, actor_of(who), cid, break_glass_reason=reason, view=who.session.view, refresh=refresh)
    entry = transcript.entry
    facts = permissions.Facts(holder=entry.holder, state=entry.state)
    place = request.query_params.get("place", "").strip()[:100]
    return {
        "cid": cid, "url": casework.conversation_url(cid), "entry": entry, "messages": transcript.messages, "notes": transcript.notes,
        "child": transcript.child,
        "read_only": reason is not None, "reason": reason or "",
        "child_id": casework.masked_id(cid, permissions.allowed("see_platform_id", who.account, facts)),
        "canned": casework.canned_replies(entry.persona, entry.lang),
        "place": place, "referrals": casework.referral_cards(entry, place, store=request.app.state.directory()) if place and not reason else None,
        "people": [a for a in accounts.list_accounts(console_of(request))
                   if a.role in ROLES and not a.disabled and a.username != who.account.username],
        "roles": ROLES, "outcomes": OUTCOMES, "signals": SIGNALS, "facts": facts,
        "last_event": last_event, "now": ctx.now(),
    }


@guarded("read_conversation")
def conversation_page(request: Request, who: Who, form: dict[str, str]) -> Response:
    cid = request.path_params["cid"]
    try:
        context = _conversation_context(request, who, cid)
    except HandoffError as exc:
        return handoff_refusal(request, who, exc)
    return render(request, "conversation.html", context, who=who)


@guarded("read_conversation")
def transcript_part(request: Request, who: Who, form: dict[str, str]) -> Response:
    """The transcript list alone (refreshed on a live event for this conversation): audited once
    per console session and conversation per ``POPBOT_CONSOLE_READ_AUDIT_MINUTES``."""
    try:
        context = _conversation_context(request, who, request.path_params["cid"], refresh=True)
    except HandoffError as exc:
        return handoff_refusal(request, who, exc)
    return render(request, "parts/transcript.html", context, who=who)


def _act(request: Request, who: Who, call: Any, *, then: str = "") -> Response:
    """Run one service call; on success go to ``then`` (default: the conversation page)."""
    cid = request.path_params["cid"]
    try:
        call(handoff_of(request), actor_of(who), cid)
    except HandoffError as exc:
        return handoff_refusal(request, who, exc)
    return RedirectResponse(then or casework.conversation_url(cid), status_code=303)


@guarded("claim")
def claim(request: Request, who: Who, form: dict[str, str]) -> Response:
    return _act(request, who, service.claim)


@guarded("reply")
def reply(request: Request, who: Who, form: dict[str, str]) -> Response:
    return _act(request, who, lambda ctx, actor, cid: service.reply(ctx, actor, cid, form.get("text", "")))


@guarded("send_referral")
def send_referral(request: Request, who: Who, form: dict[str, str]) -> Response:
    """Send the chosen referral card (re-resolved on the server; the form names only its place
    and position) as the holder's reply, in the persona's cover voice."""

    def send(ctx: Any, actor: Any, cid: str) -> None:
        entry = service.entry(ctx, actor, cid)
        if not permissions.allowed("send_referral", actor, permissions.Facts(holder=entry.holder, state=entry.state)):
            raise NotAllowed("only the holder of an open conversation sends referrals")
        place = form.get("place", "").strip()[:100]
        cards = casework.referral_cards(entry, place, store=request.app.state.directory()) if place else []
        try:
            card = cards[int(form.get("index", ""))]
        except (ValueError, IndexError):
            raise BadInput("choose one of the referral cards found") from None
        service.reply(ctx, actor, cid, card)

    return _act(request, who, send)


@guarded("add_note")
def add_note(request: Request, who: Who, form: dict[str, str]) -> Response:
    return _act(request, who, lambda ctx, actor, cid: service.add_note(ctx, actor, cid, form.get("text", "")))


@guarded("transfer")
def transfer(request: Request, who: Who, form: dict[str, str]) -> Response:
    to_user, to_role = form.get("to_user") or None, form.get("to_role") or None
    return _act(request, who, lambda ctx, actor, cid: service.transfer(
        ctx, actor, cid, note=form.get("note", ""), to_user=to_user, to_role=None if to_user else to_role,
    ), then="/queue")


@guarded("return_to_bot")
def return_to_bot(request: Request, who: Who, form: dict[str, str]) -> Response:
    return _act(request, who, service.return_to_bot, then="/queue")


@guarded("close")
def close(request: Request, who: Who, form: dict[str, str]) -> Response:
    categories = form_list(request, "category")
    return _act(request, who, lambda ctx, actor, cid: service.close(
        ctx, actor, cid, outcome=form.get("outcome", ""), categories=categories,
    ), then="/queue")
