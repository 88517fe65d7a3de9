"""Run a message's turn again, in place, while the database cannot be reached (every channel).

A PostgreSQL restart takes a few seconds. A turn that failed because the database could not be
reached stored nothing (or, if the connection broke during the commit, stored the whole turn,
which ``bot.channels.repeats`` then recognises by the message's id), so it can simply run again:
a child who waits a moment gets an answer instead of silence (web) or a redelivery minutes later
(Telegram), and the message is stored in its place among the conversation's messages instead of
after later ones (a spooled web message is stored when the database is back, after whatever
came meanwhile). A turn whose save was refused because another turn of the conversation saved
first (``ConcurrentSaveError``: the conversation lock was lost in a Redis restart) runs again too.
Replies the first pass already sent are not sent twice: the web channel collects them and answers
only with the last pass's, Telegram's reply ledger skips what was delivered.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Pauses (s) before each new pass; the last failure is raised after the last one.
DATABASE_RETRY_PAUSES = (0.25, 0.5, 1.0, 2.0)


def database_unreachable(exc: BaseException) -> bool:
    """True if ``exc`` (or what caused it) is a lost or refused database connection."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    seen: BaseException | None = exc
    for _ in range(10):  # the chain of causes, bounded
        if seen is None:
            return False
        if isinstance(seen, OperationalError) or (isinstance(seen, DBAPIError) and seen.connection_invalidated):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class NotYet(RuntimeError):
    """Something the turn must wait for is not done yet (the conversation's spooled messages are
    not stored yet): run it again after a pause."""


def worth_running_again(exc: BaseException) -> bool:
    """The database could not be reached, another turn saved first, or the turn must wait
    (:class:`NotYet`): nothing of this turn was stored (or all of it was, and its id says so), so
    it can run again."""
    from bot.storage.errors import ConcurrentSaveError

    return database_unreachable(exc) or isinstance(exc, (ConcurrentSaveError, NotYet))


async def run_again_while_unreachable(
    turn: Callable[[], Awaitable[T]], what: str, pauses: tuple[float, ...] | None = None
) -> T:
    """``await turn()``; while it fails in a way :func:`worth_running_again` accepts, run it again
    after each of ``pauses`` (default :data:`DATABASE_RETRY_PAUSES`). Any other failure, and the
    last one, is raised. ``what`` names the channel in the log (never a message, an id or a
    conversation)."""
    for pause in (*(DATABASE_RETRY_PAUSES if pauses is None else pauses), None):
        try:
            return await turn()
        except Exception as exc:
            if pause is None or not worth_running_again(exc):
                raise
            logger.warning("%s: the database is unreachable or the turn overlapped another; "
                           "running the message again in %.2f s", what, pause)
            await asyncio.sleep(pause)
    raise AssertionError("unreachable: the last pass returns or raises")
