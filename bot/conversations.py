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
diacritics (``core.text.fold``). A malformed file raises :class:`ConversationError` naming the
file, the line and the field. ``popbot eval --conversations DIR`` and
``tests/conversations/`` run them with the real actions in-process
(``core.rasa_compat.in_process_action_endpoint``).
"""
from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence

import yaml

from core.signals import LANGUAGES
from core.text import fold

#: What a conversation exercises (the issue's list of paths).
PATHS = (
    "coded", "urgent", "address", "peer", "not_safe", "plain_disclosure", "place_name",
    "ambiguous_place", "place_refused", "counselor_answer", "adult", "idiom",
)
PLAIN = "plain"


class ConversationError(ValueError):
    """A conversation file that cannot be run: ``file:line: field: message``."""


@dataclass(frozen=True)
class Turn:
    child: str
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    line: int = 0
    #: voice keys whose line (this persona, this language) must be among the replies
    says: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conversation:
    id: str
    persona: str
    lang: str
    path: str
    turns: tuple[Turn, ...]
    never: tuple[str, ...] = ()
    xfail: Optional[str] = None
    file: str = ""
    line: int = 0


@dataclass
class Result:
    conversation: Conversation
    replies: list[list[str]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping (``__line__``)."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    data = loader.construct_mapping(node, deep=True)
    data["__line__"] = node.start_mark.line + 1
    return data


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    raise ConversationError(f"{where}: expected a text or a list of texts")


def voice_keys(value: Any, where: str) -> tuple[str, ...]:
    """``says:`` — known voice keys only (``core.persona.schema.VOICE_KEYS``)."""
    from core.persona.schema import VOICE_KEYS

    keys = _texts(value, where)
    for key in keys:
        if key not in VOICE_KEYS:
            raise ConversationError(f"{where}: {key!r} is not a voice key ({', '.join(VOICE_KEYS)})")
    return keys


def load_file(path: Path, personas: Iterable[str]) -> list[Conversation]:
    """The conversations of one YAML file (every problem raises with file and line)."""
    known = set(personas) | {PLAIN}
    name = str(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 - SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConversationError(f"{name}:{(mark.line + 1) if mark else 0}: (yaml): malformed YAML") from exc
    if isinstance(data, dict) and "answers" in data and "conversations" not in data:
        from bot.answer_matrix import expand

        return expand(data["answers"], name, known)
    if not isinstance(data, dict) or not isinstance(data.get("conversations"), list):
        raise ConversationError(f"{name}:1: conversations: expected a list of conversations")
    out: list[Conversation] = []
    for item in data["conversations"]:
        line = item.get("__line__", 0) if isinstance(item, dict) else 0
        where = f"{name}:{line}"
        if not isinstance(item, dict):
            raise ConversationError(f"{where}: conversation: expected a mapping")
        unknown = set(item) - {"__line__", "id", "persona", "lang", "path", "xfail", "never", "turns"}
        if unknown:
            raise ConversationError(f"{where}: {sorted(unknown)[0]}: unknown field")
        for key in ("id", "persona", "lang", "path"):
            if not isinstance(item.get(key), str) or not item[key]:
                raise ConversationError(f"{where}: {key}: required text")
        if item["persona"] not in known:
            raise ConversationError(f"{where}: persona: unknown persona {item['persona']!r}")
        if item["lang"] not in LANGUAGES:
            raise ConversationError(f"{where}: lang: {item['lang']!r} is not one of {', '.join(LANGUAGES)}")
        if item["path"] not in PATHS:
            raise ConversationError(f"{where}: path: {item['path']!r} is not one of {', '.join(PATHS)}")
        raw_turns = item.get("turns")
        if not isinstance(raw_turns, list) or not raw_turns:
            raise ConversationError(f"{where}: turns: expected a non-empty list")
        turns = []
        for t in raw_turns:
            tline = t.get("__line__", line) if isinstance(t, dict) else line
            twhere = f"{name}:{tline}"
            if not isinstance(t, dict) or not isinstance(t.get("child"), str) or not t["child"].strip():
                raise ConversationError(f"{twhere}: child: every turn needs the child's line")
            extra = set(t) - {"__line__", "child", "must", "must_not", "any", "says"}
            if extra:
                raise ConversationError(f"{twhere}: {sorted(extra)[0]}: unknown field")
            turns.append(Turn(t["child"], _texts(t.get("must"), f"{twhere}: must"),
                              _texts(t.get("must_not"), f"{twhere}: must_not"), _texts(t.get("any"), f"{twhere}: any"),
                              tline, voice_keys(t.get("says"), f"{twhere}: says")))
        xfail = item.get("xfail")
        if xfail is not None and (not isinstance(xfail, str) or not xfail.strip()):
            raise ConversationError(f"{where}: xfail: give the reason as text")
        out.append(Conversation(item["id"], item["persona"], item["lang"], item["path"], tuple(turns),
                                _texts(item.get("never"), f"{where}: never"), xfail, name, line))
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
    """``voice(key)``: the texts of ``utter_<key>`` the model says for this persona and language."""
    from rasa.core.nlg.generator import ResponseVariationFilter

    chooser = ResponseVariationFilter(domain.responses)

    def voice(key: str) -> Sequence[str]:
        found = chooser.responses_for_utter_action(f"utter_{key}", "", {"persona": persona, "lang": lang})
        return [str(v["text"]) for v in found if v.get("text")]

    return voice


async def run_conversation(agent: Any, conv: Conversation, sender: Optional[str] = None) -> Result:
    """Send the child's lines one by one as the channels would; check each turn's replies."""
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from core.text import neutralise

    sender = sender or f"conv-{uuid.uuid4().hex}"
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
    """An agent on ``model_path`` with the real actions in-process and its own tracker store."""
    from rasa.core.agent import Agent

    from bot.storage.tracker_store import EncryptedTrackerStore
    from core.rasa_compat import in_process_action_endpoint

    return Agent.load(str(model_path), tracker_store=EncryptedTrackerStore(url=tracker_url),
                      action_endpoint=in_process_action_endpoint("actions"))
