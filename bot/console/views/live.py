"""Live updates: the handoff's content-free events as server-sent events.

Each event carries its id (the handoff event id), so the browser's EventSource sends
``Last-Event-ID`` when it reconnects and the stream replays everything after it from the
database (``service.follow``); the first connection of a page passes ``?after=`` (the last id,
read before the page's content), so nothing committed while drawing or before connecting is missed. The stream ends
when the session ends (checked between events without restarting its idle clock).
"""
from __future__ import annotations

import asyncio
import json
from typing import AsyncIterator

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from bot.console import sessions
from bot.console.web import Who, console_of, guarded, handoff_of
from bot.handoff import presence, service
from bot.handoff.model import Event

#: Seconds between keep-alive comments (and session checks) on a quiet stream.
HEARTBEAT = 15.0
#: Events that change what a conversation page shows (every event changes the queue).
CONVERSATION_KINDS = frozenset({
    "message", "reply", "sent", "delivered", "not_delivered_yet", "delivery_failed", "note", "claimed", "transferred", "reassigned",
    "released", "requeued", "returned", "closed", "left", "alert", "priority_raised",
})


def after_id(request: Request) -> int:
    """Where to resume: ``Last-Event-ID`` (a reconnect) first, else ``?after=``, else now."""
    for value in (request.headers.get("last-event-id"), request.query_params.get("after")):
        if value is not None and value.strip().isdigit():
            return int(value.strip())
    return -1


def frame(event: Event) -> str:
    """One SSE message: the id, and data naming what to refresh (no content, no detail)."""
    data = {"kind": event.kind, "conversation": event.conversation_id,
            "topic": "conversation" if event.kind in CONVERSATION_KINDS else "queue"}
    return f"id: {event.id}\nevent: handoff\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


async def stream(request: Request, token: str, after: int, heartbeat: float = HEARTBEAT,
                 username: str | None = None) -> AsyncIterator[str]:
    """The SSE body; while it runs ``username`` is present for the handoff's disconnect timers
    (``bot.handoff.presence``: heartbeat rows, closed when the browser goes away)."""
    ctx = handoff_of(request)
    if username is None:
        async for chunk in _stream(request, token, after, heartbeat):
            yield chunk
        return
    async with presence.connected(ctx, username, "console"):
        async for chunk in _stream(request, token, after, heartbeat):
            yield chunk


async def _stream(request: Request, token: str, after: int, heartbeat: float) -> AsyncIterator[str]:
    ctx, console = handoff_of(request), console_of(request)
    if after < 0:
        after = await run_in_threadpool(service.last_event_id, ctx)
    pending: asyncio.Queue[Event] = asyncio.Queue(maxsize=1000)

    async def pump() -> None:
        async for event in service.follow(ctx, after):
            await pending.put(event)

    loop = asyncio.get_running_loop()
    task = asyncio.create_task(pump())
    checked = loop.time()
    try:
        yield "retry: 2000\n\n"
        while True:
            try:
                event: Event | None = await asyncio.wait_for(pending.get(), timeout=heartbeat)
            except asyncio.TimeoutError:
                event = None
            if event is None or loop.time() - checked >= heartbeat:
                if await run_in_threadpool(sessions.load, console, token, touch=False) is None:
                    return
                checked = loop.time()
            yield ": keep-alive\n\n" if event is None else frame(event)
    finally:
        task.cancel()


@guarded("live_updates")
async def events(request: Request, who: Who, form: dict[str, str]) -> Response:
    return StreamingResponse(stream(request, who.session.token, after_id(request), username=who.account.username),
                             media_type="text/event-stream",
                             headers={"X-Accel-Buffering": "no"})
