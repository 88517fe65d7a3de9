"""The supervisor's view: who holds what, alerts (silent chats, late urgent ones), reassign,
break-glass reads (typed reason, audited, listed on the admin page) and surge rerouting."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.console import accounts, casework, events, i18n
from bot.console.views.conversations import _conversation_context
from bot.console.web import Who, actor_of, console_of, guarded, handoff_of, handoff_refusal, render
from bot.handoff import service
from bot.handoff.errors import HandoffError
from bot.handoff.model import QueueEntry


def _page(request: Request, who: Who, *, notice: str = "") -> Response:
    ctx, console = handoff_of(request), console_of(request)
    last_event = service.last_event_id(ctx)  # before the content (views.conversations._queue_context)
    entries = service.queue(ctx, actor_of(who))
    now = ctx.now()
    silent = [(e, casework.silent_minutes(e, now)) for e in entries]
    return render(request, "supervisor.html", {
        "holders": casework.holders(entries),
        "waiting": [casework.QueueRow.of(e, now, who.account) for e in entries if e.state == "waiting"],
        "silent": [(e, n) for e, n in silent if n is not None],
        "late": [e for e in entries if e.state == "waiting" and casework.sla(e, now) == "late"],
        "people": [a for a in accounts.list_accounts(console) if a.role in ("counselor", "supervisor") and not a.disabled],
        "availability": accounts.availability(console), "notice": notice, "url_of": casework.conversation_url,
        "minutes": lambda at: casework.minutes_since(at, now), "last_event": last_event,
    }, who=who)


@guarded("supervise")
def supervisor_page(request: Request, who: Who, form: dict[str, str]) -> Response:
    return _page(request, who)


@guarded("reassign")
def reassign(request: Request, who: Who, form: dict[str, str]) -> Response:
    try:
        service.reassign(handoff_of(request), actor_of(who), request.path_params["cid"], form.get("to_user", ""))
    except HandoffError as exc:
        return handoff_refusal(request, who, exc)
    return RedirectResponse("/supervisor", status_code=303)


@guarded("break_glass_read")
def monitor(request: Request, who: Who, form: dict[str, str]) -> Response:
    """Read a conversation one does not hold: only with a typed reason; the service audits the
    read with it and the console's log shows it to administrators."""
    cid, reason = request.path_params["cid"], form.get("reason", "").strip()[:1800]
    try:
        context = _conversation_context(request, who, cid, reason=reason)
    except HandoffError as exc:
        return handoff_refusal(request, who, exc)
    console = console_of(request)
    with console.engine.begin() as conn:
        events.record(conn, console.now(), who.account.username, "break_glass", cid, reason)
    return render(request, "conversation.html", context, who=who)


def _least_busy(on_duty: list[str], held: dict[str, list[QueueEntry]]) -> str:
    return min(on_duty, key=lambda name: (len(held.get(name, [])), name))


@guarded("surge")
def surge(request: Request, who: Who, form: dict[str, str]) -> Response:
    """Share the waiting conversations (urgent first) among the counselors on duty, fewest held
    first: each is claimed and transferred with a handover note (both audited)."""
    ctx, console, actor = handoff_of(request), console_of(request), actor_of(who)
    counselors = {a.username for a in accounts.list_accounts(console) if a.role == "counselor" and not a.disabled}
    on_duty = [name for name in accounts.availability(console).on_duty if name in counselors]
    entries = service.queue(ctx, actor)
    held = casework.holders(entries)
    note = i18n.translator(who.account.lang)("surge_note", name=who.account.display_name)
    moved = 0
    for entry in (e for e in entries if e.state == "waiting" and e.target_role in (None, who.account.role)):
        if not on_duty:
            break
        target = _least_busy(on_duty, held)
        try:
            service.claim(ctx, actor, entry.conversation_id)
            service.transfer(ctx, actor, entry.conversation_id, note=note, to_user=target)
        except HandoffError:
            continue  # claimed by someone else meanwhile: nothing to share
        held.setdefault(target, []).append(entry)
        moved += 1
    return _page(request, who, notice=i18n.translator(who.account.lang)("surge_done", n=str(moved)))
