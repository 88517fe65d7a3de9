"""Errors of the handoff service; messages name the problem, never content or a child's id."""
from __future__ import annotations


class HandoffError(Exception):
    """Base of every handoff error."""


class NotAllowed(HandoffError):
    """The permissions rules refuse this action to this actor."""


class NotFound(HandoffError):
    """No handoff exists for this conversation."""


class Conflict(HandoffError):
    """The conversation's state changed (e.g. someone else claimed it first)."""


class BadInput(HandoffError, ValueError):
    """An argument is unusable (empty or too long text, unknown outcome, role or user)."""


class UnknownActor(HandoffError):
    """No enabled console account has this username."""
