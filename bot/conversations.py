"""Scripted multi-turn conversations: load them from YAML, run them on a Rasa agent, score them.

A file holds ``conversations:``, a list of::

    - id: rumianek-es-ambiguous-valencia      # unique across the directory
      persona: rumianek                        # a persona id, or "plain" (no persona)
      lang: es                                 # en | pl | es
      path: ambiguous_place                    # one of PATHS
      xfail: "why it is expected to fail"      # optional: known gap, reported apart
      never: ["911"]                           # optional: no reply of any turn may contain these
      turns:
        - child: "hola, vivo en Valencia"
          must: ["Valencia"]                   # every one must appear in the turn's replies
          must_not: ["Venezuela"]              # none may appear
          any: ["España", "Spain"]             # optional: at least one must appear
          says: [confirm_place]                # optional: the voice lines (core.persona VOICE_KEYS)
                                               # of this persona and language that must be said

A file may instead hold ``answers:`` — every question on the way to a person × every kind of
answer, expanded into conversations for each chat it lists (``bot/answer_matrix.py``).

Matching is on the replies of the turn joined with newlines, case-insensitive, after folding
diacritics (``core.text.fold``). The shape of a file is a declarative schema
(:class:`ConversationsFile`, :class:`bot.answer_matrix.AnswersFile`, checked by
:mod:`core.yamlcheck`); what it cannot say (a persona that exists, unique ids) is code. A
malformed file raises :class:`ConversationError`, one ``file:line: field: message`` per problem.
``popbot eval --conversations DIR`` and ``tests/conversations/`` run them with the real actions in-process
(``core.rasa_compat.in_process_action_endpoint``) and the handoff hooks of the running bot
(``bot.handoff.gate``) on a store where one counselor is on duty and signed in (:func:`staff`): a
promise queues the conversation, and while the child waits, small talk or a shop answer becomes the
promise again, as in a staffed deployment.
"""
from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path as Path
from typing import Any, Callable, Iterable, List, Mapping, Optional, Sequence

from pydantic import conlist, validator

from bot.answer_matrix import AnswersFile, expand
from bot.conversation_types import PATHS, PLAIN, Conversation, ConversationError, Turn, Verbatim
from core.persona.spec import VOICE_KEYS, Lang
from core.text import fold
from core.yamlcheck import OneOf, Source, Strict, Text, checked, read_checked

@dataclass
class Result:
    conversation: Conversation
    replies: list[list[str]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def _one_or_many(value: Any) -> Any:
    """``must: "x"`` is ``must: ["x"]``; a missing list is an empty one."""
    return [] if value is None else [value] if isinstance(value, str) else value


class Exercised(OneOf):
    """What a conversation exercises: one of :data:`PATHS`."""

    what, choices = "path", PATHS


class VoiceKey(OneOf):
    choices, refusal = VOICE_KEYS, "{value!r} is not a voice key ({choices})"


class TurnSpec(Strict):
    child: Verbatim
    must: List[Verbatim] = []
    must_not: List[Verbatim] = []
    any: List[Verbatim] = []
    says: List[VoiceKey] = []

    _lists = validator("must", "must_not", "any", "says", pre=True, allow_reuse=True)(_one_or_many)


class ConversationSpec(Strict):
    id: Text
    persona: Text  # a persona id or "plain": checked against the personas that exist (code)
    lang: Lang
    path: Exercised
    xfail: Optional[Text] = None
    never: List[Verbatim] = []
    turns: conlist(TurnSpec, min_items=1)  # type: ignore[valid-type]

    _lists = validator("never", pre=True, allow_reuse=True)(_one_or_many)


class ConversationsFile(Strict):
    key_name = "section"

    conversations: List[ConversationSpec]


def read_file(path: Path) -> Source:
    """The YAML of a conversation file with its lines (raises :class:`ConversationError`)."""
    return read_checked(path.read_text(encoding="utf-8"), str(path), ConversationError)


def load_file(path: Path, personas: Iterable[str]) -> list[Conversation]:
    """The conversations of one YAML file (every problem raises with file and line)."""
    known = set(personas) | {PLAIN}
    name = str(path)
    source = read_file(path)
    if isinstance(source.data, dict) and "answers" in source.data and "conversations" not in source.data:
        return expand(checked(AnswersFile, source, name, ConversationError).answers, name, known, source)
    spec = checked(ConversationsFile, source, name, ConversationError)
    unknown = [(n, c.persona) for n, c in enumerate(spec.conversations) if c.persona not in known]
    if unknown:
        raise ConversationError("\n".join(
            f"{name}:{source.line_of(('conversations', n, 'persona'))}: conversations[{n}].persona: "
            f"unknown persona {persona!r}" for n, persona in unknown))
    out: list[Conversation] = []
    for n, conv in enumerate(spec.conversations):
        line = source.line_of(("conversations", n))
        turns = tuple(Turn(t.child, tuple(t.must), tuple(t.must_not), tuple(t.any),
                           source.line_of(("conversations", n, "turns", k)), tuple(t.says))
                      for k, t in enumerate(conv.turns))
        out.append(Conversation(conv.id, conv.persona, conv.lang, conv.path, turns, tuple(conv.never),
                                conv.xfail, name, line))
    return out


def load_dir(directory: Path, personas: Iterable[str]) -> list[Conversation]:
    """Every ``*.yml`` conversation under ``directory`` (ids must be unique)."""
    personas = list(personas)
    files = sorted(directory.rglob("*.yml"))
    if not files:
        raise ConversationError(f"{directory}:0: conversations: no .yml files here")
    out: list[Conversation] = []
    seen: dict[str, str] = {}
    for path in files:
        for conv in load_file(path, personas):
            if conv.id in seen:
                raise ConversationError(f"{conv.file}:{conv.line}: id: {conv.id!r} already used at {seen[conv.id]}")
            seen[conv.id] = f"{conv.file}:{conv.line}"
            out.append(conv)
    return out


Voice = Callable[[str], Sequence[str]]


def check_turn(turn: Turn, replies: Sequence[str], never: Sequence[str], voice: Optional[Voice] = None) -> list[str]:
    """What is wrong with the replies to one turn (empty: the turn passes); ``voice(key)``: the
    texts the conversation's persona may say for a voice key (needed for ``says``)."""
    said = fold("\n".join(replies))
    problems = [f"missing {w!r}" for w in turn.must if fold(w) not in said]
    for key in turn.says:
        texts = voice(key) if voice is not None else ()
        if not texts or not any(fold(t) in said for t in texts):
            problems.append(f"missing the {key!r} line")
    problems += [f"must not say {w!r}" for w in (*turn.must_not, *never) if fold(w) in said]
    if turn.any and not any(fold(w) in said for w in turn.any):
        problems.append(f"none of {list(turn.any)!r}")
    return problems


def voice_of(domain: Any, persona: str, lang: str) -> Voice:
    """``voice(key)``: the texts of ``utter_<key>`` the model says for this persona and language,
    with the emergency number of every known country filled in (``dial_first``: the emergency
    line once a place is known names that country's number, e.g. 999 for Hull on the Kraków shop)."""
    from rasa.core.nlg.generator import ResponseVariationFilter

    from core.emergency import dial_first_numbers

    chooser = ResponseVariationFilter(domain.responses)
    numbers = (None, *dial_first_numbers())

    def voice(key: str) -> Sequence[str]:
        texts: list[str] = []
        for number in numbers:
            slots = {"persona": persona, "lang": lang, "dial_first": number}
            found = chooser.responses_for_utter_action(f"utter_{key}", "", slots)
            texts += [str(v["text"]) for v in found if v.get("text") and str(v["text"]) not in texts]
        return texts

    return voice


async def run_conversation(agent: Any, conv: Conversation, sender: Optional[str] = None) -> Result:
    """Send the child's lines one by one as the channels would; check each turn's replies."""
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from core.text import neutralise

    sender = sender or f"conv-{uuid.uuid4().hex}"
    sign_in(agent)
    metadata: dict[str, Any] = {"lang": conv.lang}
    if conv.persona != PLAIN:
        metadata["persona"] = conv.persona
    result = Result(conv)
    voice = voice_of(agent.domain, conv.persona, conv.lang)
    for n, turn in enumerate(conv.turns, start=1):
        output = CollectingOutputChannel()
        await agent.handle_message(UserMessage(neutralise(turn.child), output, sender, metadata=metadata))
        replies = [m["text"] for m in output.messages if m.get("text")]
        result.replies.append(replies)
        for problem in check_turn(turn, replies, conv.never, voice):
            result.failures.append(f"turn {n} ({conv.file}:{turn.line}): {problem}; replies: {replies!r}")
    return result


def pass_rates(results: Sequence[Result]) -> Mapping[str, Mapping[str, tuple[int, int]]]:
    """``{"path": {path: (passed, total)}, "lang": {...}, "persona": {...}}`` without xfail ones."""
    table: dict[str, dict[str, list[int]]] = {"path": defaultdict(lambda: [0, 0]), "lang": defaultdict(lambda: [0, 0]),
                                              "persona": defaultdict(lambda: [0, 0])}
    for r in results:
        if r.conversation.xfail:
            continue
        for axis, key in (("path", r.conversation.path), ("lang", r.conversation.lang),
                          ("persona", r.conversation.persona)):
            table[axis][key][0] += int(r.passed)
            table[axis][key][1] += 1
    return {axis: {k: (v[0], v[1]) for k, v in sorted(rows.items())} for axis, rows in table.items()}


def format_report(results: Sequence[Result]) -> str:
    """Pass rate per path, language and persona; then failures and expected failures."""
    rates = pass_rates(results)
    counted = [r for r in results if not r.conversation.xfail]
    passed = sum(r.passed for r in counted)
    lines = [f"conversations: {passed}/{len(counted)} passed"
             + (f" ({passed / len(counted):.3f})" if counted else "")
             + f", {len(results) - len(counted)} expected to fail (not counted)"]
    for axis in ("path", "lang", "persona"):
        lines.append(f"\nper {axis}:")
        for key, (ok, total) in rates[axis].items():
            lines.append(f"  {key:<18} {ok:>3}/{total:<3} {ok / total:.3f}")
    failed = [r for r in counted if not r.passed]
    if failed:
        lines.append("\nfailed:")
        for r in failed:
            lines.append(f"  {r.conversation.id}: " + "\n    ".join(r.failures))
    xfails = [r for r in results if r.conversation.xfail]
    if xfails:
        lines.append("\nexpected to fail:")
        for r in xfails:
            state = "still fails" if not r.passed else "PASSES NOW (remove xfail)"
            lines.append(f"  {r.conversation.id}: {state} — {r.conversation.xfail}")
    return "\n".join(lines)


def conversation_agent(model_path: Path, tracker_url: str) -> Any:
    """An agent on ``model_path`` with the real actions in-process and its own tracker store,
    staffed (:func:`staff`)."""
    from rasa.core.agent import Agent

    from bot.storage.tracker_store import EncryptedTrackerStore
    from core.rasa_compat import in_process_action_endpoint

    return staff(Agent.load(str(model_path), tracker_store=EncryptedTrackerStore(url=tracker_url),
                            action_endpoint=in_process_action_endpoint("actions")))


#: The counselor account of a staffed conversation store.
STAFF = "conversations"


def staff(agent: Any) -> Any:
    """``agent`` with the handoff hooks installed (``bot.handoff.gate``; idempotent) and a counselor
    on duty around the clock in its encrypted tracker store's console (signed in by
    :func:`sign_in` before each conversation). Returns ``agent``."""
    from bot.console import accounts
    from bot.handoff import gate

    console = _console(agent)
    if console is None:
        raise ValueError("a staffed conversation agent needs the encrypted tracker store")
    gate.install()
    account, _ = accounts.add_account(console, STAFF, "counselor", actor=STAFF)
    accounts.set_duty_hours(console, account.id, "24/7", "UTC", actor=STAFF)
    return agent


def sign_in(agent: Any) -> None:
    """A fresh console session for the staffed counselor (an idle session ends, and with it the
    availability); nothing when ``agent`` was not staffed."""
    import sqlalchemy as sa

    from bot.console import sessions
    from bot.console.tables import accounts as account_rows

    console = _console(agent)
    if console is None:
        return
    with console.engine.connect() as conn:
        found = conn.execute(sa.select(account_rows.c.id).where(account_rows.c.username == STAFF)).scalar()
    if found is not None:
        sessions.create(console, int(found), "full")


def _console(agent: Any) -> Any:
    """The console on ``agent``'s encrypted tracker store (None: another store)."""
    from bot.console.context import Console
    from core.rasa_compat import unwrap_store

    storage = getattr(unwrap_store(agent.tracker_store), "storage", None)
    return Console(storage) if storage is not None else None
