"""Every question the bot asks on the way to a person × every kind of answer, as scripted
conversations (issues 10 and 13), expanded from one ``answers:`` block per file::

    answers:
      never: ["112", "911", "999"]       # no reply of these conversations may contain these
      chats:
        - persona: rumianek               # a persona id, or "plain"
          lang: en
          request: "..."                  # gets the discreet confirmation (plain: asking for a friend)
          disclosure: "..."               # gets "shall I pass you over?"
          say_yes: "yes please"           # (not "yes:": YAML reads that key as a boolean)
          say_no: "no thanks"
          not_now: "not now"
          resume: "ok now I can talk"     # said after "not now": goes straight on
          unclear: "..."                  # classified as nothing the bot knows
          unsure: "I don't know"          # optional: the second unclear answer (else unclear again)
          new_disclosure: "..."           # another disclosure: it wins over the answer
          vague_place: "I live in a small village"  # optional: no place in it, so "which city?" is asked
          place: "I'm in Valencia"        # optional: answered to "which city?", asks "Valencia in Spain?"
          place_question: "Valencia in Spain?"
          xfail: {place-unclear: "why"}   # optional: known gaps, by "<question>-<answer>"

For each chat and each question of :data:`QUESTIONS` (``city`` and ``place`` only when the chat
has their lines)
and each answer of :data:`ANSWERS`, one conversation: the lines that reach the question, then
the answer; each turn checks the voice line said (``says``, the persona's own text in that
language). Ids: ``answers-<persona>-<lang>-<question>-<answer>``.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from bot.conversations import PLAIN, Conversation, ConversationError, Turn
from core.signals import LANGUAGES

#: question -> (chat fields that reach it, the voice key that asks it, the path it is counted under)
QUESTIONS: Mapping[str, tuple[tuple[str, ...], str, str]] = {
    "confirm": (("request",), "confirm_help", "counselor_answer"),
    "good_moment": (("request", "say_yes"), "help_accepted", "counselor_answer"),
    "offer": (("disclosure",), "offer_counselor", "counselor_answer"),
    "ask_again": (("disclosure", "unclear"), "ask_again", "counselor_answer"),
    "city": (("request", "say_yes", "vague_place"), "ask_location", "place_name"),
    "place": (("request", "say_yes", "place"), "", "ambiguous_place"),
}
ANSWERS = ("yes", "no", "not_now", "unclear", "new_disclosure")
LINES = ("request", "disclosure", "say_yes", "say_no", "not_now", "resume", "unclear", "new_disclosure")
OPTIONAL = ("unsure", "vague_place", "place", "place_question", "xfail")


def _answer_turns(question: str, answer: str, chat: Mapping[str, str]) -> list[Turn]:
    """The child's answer and what must follow it."""
    if question == "city" and answer in ("yes", "no"):  # "yes" names no city: asked again; "no" refuses
        if answer == "yes":
            return [Turn(chat["say_yes"], says=("ask_location",))]
        # the persona's country's referral; the plain bot has no country to route on
        return [Turn(chat["say_no"], says=("back_to_shop" if chat["persona"] == PLAIN else "referral_intro",))]
    if answer == "yes":
        if question == "place":
            return [Turn(chat["say_yes"], says=("referral_intro",))]
        return [Turn(chat["say_yes"], says=("help_accepted" if question == "confirm" else "please_wait",))]
    if answer == "no":
        if question == "place":  # the persona's country's referral; the plain bot has none to route on
            return [Turn(chat["say_no"], says=("back_to_shop" if chat["persona"] == PLAIN else "referral_intro",))]
        return [Turn(chat["say_no"], says=("back_to_shop",))]
    if answer == "not_now":  # later: a cover line, then "now I can" goes straight on
        return [Turn(chat["not_now"], says=("not_now",)), Turn(chat["resume"], says=("please_wait",))]
    if answer == "unclear":
        if question == "ask_again":
            return [Turn(chat.get("unsure") or chat["unclear"], says=("back_to_shop",))]
        again = ("place_question",) if question == "place" else ()
        asks = {"place": (), "city": ("ask_location",)}.get(question, ("ask_again",))
        first = Turn(chat["unclear"], must=tuple(chat[k] for k in again), says=asks)
        return [first, Turn(chat.get("unsure") or chat["unclear"], says=("back_to_shop",))]
    return [Turn(chat["new_disclosure"], says=("offer_counselor",))]


def _reach(question: str, chat: Mapping[str, str]) -> list[Turn]:
    fields, asks, _ = QUESTIONS[question]
    turns = [Turn(chat[f]) for f in fields[:-1]]
    last = fields[-1]
    if question == "place":
        turns.append(Turn(chat[last], must=(chat["place_question"],)))
    else:
        turns.append(Turn(chat[last], says=(asks,)))
    return turns


def _chat(item: Any, where: str, personas: Iterable[str]) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise ConversationError(f"{where}: chat: expected a mapping")
    unknown = set(item) - {"__line__", "persona", "lang", *LINES, *OPTIONAL}
    if unknown:
        raise ConversationError(f"{where}: {sorted(unknown)[0]}: unknown field")
    for key in ("persona", "lang", *LINES):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise ConversationError(f"{where}: {key}: required text")
    if item["persona"] not in set(personas):
        raise ConversationError(f"{where}: persona: unknown persona {item['persona']!r}")
    if item["lang"] not in LANGUAGES:
        raise ConversationError(f"{where}: lang: {item['lang']!r} is not one of {', '.join(LANGUAGES)}")
    if ("place" in item) != ("place_question" in item):
        raise ConversationError(f"{where}: place: give both place and place_question")
    xfail = item.get("xfail") or {}
    if isinstance(xfail, dict):
        xfail = {k: v for k, v in xfail.items() if k != "__line__"}
    if not isinstance(xfail, dict) or not all(isinstance(v, str) and v.strip() for v in xfail.values()):
        raise ConversationError(f"{where}: xfail: expected {{<question>-<answer>: reason}}")
    known = {f"{q}-{a}" for q in QUESTIONS for a in ANSWERS}
    for key in xfail:
        if key not in known:
            raise ConversationError(f"{where}: xfail: {key!r} is not <question>-<answer>")
    return {**item, "xfail": xfail}


def expand(data: Any, name: str, personas: Iterable[str]) -> list[Conversation]:
    """The conversations of an ``answers:`` block (every problem raises with file and line)."""
    personas = set(personas) | {PLAIN}
    line = data.get("__line__", 0) if isinstance(data, dict) else 0
    if not isinstance(data, dict) or not isinstance(data.get("chats"), list) or not data["chats"]:
        raise ConversationError(f"{name}:{line}: answers: expected never and a non-empty list of chats")
    never = data.get("never") or []
    if not isinstance(never, list) or not all(isinstance(w, str) and w for w in never):
        raise ConversationError(f"{name}:{line}: never: expected a list of texts")
    out: list[Conversation] = []
    for item in data["chats"]:
        cline = item.get("__line__", line) if isinstance(item, dict) else line
        chat = _chat(item, f"{name}:{cline}", personas)
        for question, (fields, _, path) in QUESTIONS.items():
            if fields[-1] not in chat:
                continue
            for answer in ANSWERS:
                turns = tuple(Turn(t.child, t.must, t.must_not, t.any, cline, t.says)
                              for t in [*_reach(question, chat), *_answer_turns(question, answer, chat)])
                cid = f"answers-{chat['persona']}-{chat['lang']}-{question}-{answer}"
                out.append(Conversation(cid, chat["persona"], chat["lang"], path, turns, tuple(never),
                                        (chat.get("xfail") or {}).get(f"{question}-{answer}"), name, cline))
    return out
