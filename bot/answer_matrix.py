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
          age: "im 12"                    # optional: only the child's age; the question is asked again
          privacy: "will you tell my parents?"  # optional: answered (voice privacy), then the question goes on
          cost: "is it free?"             # optional: answered (voice cost_here), then the question goes on
          vague_place: "I live in a small village"  # optional: no place in it, so "which city?" is asked
          place: "I'm in Valencia"        # optional: answered to "which city?", asks "Valencia in Spain?"
          place_question: "Valencia in Spain?"
          xfail: {place-unclear: "why"}   # optional: known gaps, by "<question>-<answer>"

For each chat and each question of :data:`QUESTIONS` (``city`` and ``place`` only when the chat
has their lines)
and each answer of :data:`ANSWERS`, one conversation: the lines that reach the question, then
the answer; each turn checks the voice line said (``says``, the persona's own text in that
language). Ids: ``answers-<persona>-<lang>-<question>-<answer>``. A "no" to the offer, the
confirmation or the offer asked again is followed by "yes" twice (changing one's mind: asked again,
then accepted); a "no" to "is now a good moment?" means not now, then "now I can" goes on. Once a
person was accepted (:data:`QUEUED`), an unclear answer to "is now a good moment?", a second unclear
answer, a new disclosure (after its acknowledgement) or the plain bot's "no" to the place question
gets the promise again.
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Mapping, Optional

from pydantic import conlist

from bot.conversation_types import PLAIN, Conversation, ConversationError, Turn, Verbatim
from core.persona.spec import Lang
from core.yamlcheck import OneOf, Path_, Source, Strict, Text, format_path

#: question -> (chat fields that reach it, the voice key that asks it, the path it is counted under)
QUESTIONS: Mapping[str, tuple[tuple[str, ...], str, str]] = {
    "confirm": (("request",), "confirm_help", "counselor_answer"),
    "good_moment": (("request", "say_yes"), "help_accepted", "counselor_answer"),
    "offer": (("disclosure",), "offer_counselor", "counselor_answer"),
    "ask_again": (("disclosure", "unclear"), "ask_again", "counselor_answer"),
    "city": (("request", "say_yes", "vague_place"), "ask_location", "place_name"),
    "place": (("request", "say_yes", "place"), "", "ambiguous_place"),
}
ANSWERS = ("yes", "no", "not_now", "unclear", "new_disclosure", "age", "privacy", "cost")
#: Answers a chat gives only when it has the line of that name.
OPTIONAL_ANSWERS = ("age", "privacy", "cost")
#: Questions asked after the child accepted a person: the conversation already waits in the queue,
#: so where the bot would make conversation ("anything from the shop?") or ask again whether a person
#: should write, it says the promise again (bot/handoff/gate.py).
QUEUED = frozenset({"good_moment", "city", "place"})
#: The question said again after an answer that asks about this chat ("will you tell my parents?",
#: "is it free?"): its voice key, or the verbatim line of the chat; "good_moment" stays open silently.
ASKED_AGAIN = {"confirm": "confirm_help", "offer": "offer_counselor", "ask_again": "offer_counselor",
               "city": "ask_location"}


class XfailKey(OneOf):
    """``<question>-<answer>``: a known gap of one conversation of the matrix."""

    choices = tuple(f"{q}-{a}" for q in QUESTIONS for a in ANSWERS)
    refusal = "{value!r} is not <question>-<answer> (e.g. offer-unclear)"


def _answer_turns(question: str, answer: str, chat: Mapping[str, str]) -> list[Turn]:
    """The child's answer and what must follow it."""
    if question == "city" and answer in ("yes", "no"):  # "yes" names no city: asked again; "no" refuses
        if answer == "yes":
            return [Turn(chat["say_yes"], says=("ask_location",))]
        # the persona's country's referral; the plain bot has no country to route on
        return [Turn(chat["say_no"], says=("please_wait" if chat["persona"] == PLAIN else "referral_intro",))]
    if answer == "yes":
        if question == "place":
            return [Turn(chat["say_yes"], says=("referral_intro",))]
        return [Turn(chat["say_yes"], says=("help_accepted" if question == "confirm" else "please_wait",))]
    if answer == "no":
        if question == "place":  # the persona's country's referral; the plain bot has none to route on
            return [Turn(chat["say_no"], says=("please_wait" if chat["persona"] == PLAIN else "referral_intro",))]
        if question == "good_moment":  # "no" to "is now a good moment?" is not now: later, then goes on
            return [Turn(chat["say_no"], says=("not_now",)), Turn(chat["resume"], says=("please_wait",))]
        # changing one's mind: a "yes" right after the "no" asks the offer again in the offer's words (s34: no "sorry, I
        # didn't understand" first, bot/changed_mind.py), and a yes then goes on
        return [Turn(chat["say_no"], says=("back_to_shop",)), Turn(chat["say_yes"], says=("offer_counselor",)),
                Turn(chat["say_yes"], says=("please_wait",))]
    if answer == "not_now":  # later: a cover line, then "now I can" goes straight on
        return [Turn(chat["not_now"], says=("not_now",)), Turn(chat["resume"], says=("please_wait",))]
    if answer == "age":  # no answer: the question is asked again, and a "yes" then goes on as usual
        if question == "place":
            return [Turn(chat["age"], must=(chat["place_question"],))]
        if question == "city":
            return [Turn(chat["age"], says=("ask_location",))]
        if question == "good_moment":  # a person was already asked for
            return [Turn(chat["age"], says=("please_wait",))]
        again = "confirm_help" if question == "confirm" else "offer_counselor"
        after_yes = "help_accepted" if question == "confirm" else "please_wait"
        return [Turn(chat["age"], says=(again,)), Turn(chat["say_yes"], says=(after_yes,))]
    if answer in ("privacy", "cost"):  # answered, then the question goes on (asked again or kept open)
        line = "privacy" if answer == "privacy" else "cost_here"  # no number given on these paths
        again = ASKED_AGAIN.get(question)
        first = Turn(chat[answer], must=(chat["place_question"],) if question == "place" else (),
                     says=(line, again) if again else (line,))
        if question == "city":
            return [first]
        after_yes = {"confirm": "help_accepted", "place": "referral_intro"}.get(question, "please_wait")
        return [first, Turn(chat["say_yes"], says=(after_yes,))]
    if answer == "unclear":
        if question == "ask_again":
            return [Turn(chat.get("unsure") or chat["unclear"], says=("back_to_shop",))]
        again = ("place_question",) if question == "place" else ()
        asks = {"place": (), "city": ("ask_location",), "good_moment": ("please_wait",)}.get(
            question, ("ask_again",))
        first = Turn(chat["unclear"], must=tuple(chat[k] for k in again), says=asks)
        cover = "please_wait" if question in QUEUED else "back_to_shop"
        return [first, Turn(chat.get("unsure") or chat["unclear"], says=(cover,))]
    # a new disclosure is acknowledged; the offer of a person, once one is coming, is the promise
    return [Turn(chat["new_disclosure"], says=("please_wait" if question in QUEUED else "offer_counselor",))]


def _reach(question: str, chat: Mapping[str, str]) -> list[Turn]:
    fields, asks, _ = QUESTIONS[question]
    turns = [Turn(chat[f]) for f in fields[:-1]]
    last = fields[-1]
    if question == "place":
        turns.append(Turn(chat[last], must=(chat["place_question"],)))
    else:
        turns.append(Turn(chat[last], says=(asks,)))
    return turns


class ChatSpec(Strict):
    """One chat of the matrix: its lines, by what they answer."""

    persona: Text  # a persona id or "plain": checked against the personas that exist (code)
    lang: Lang
    request: Verbatim
    disclosure: Verbatim
    say_yes: Verbatim
    say_no: Verbatim
    not_now: Verbatim
    resume: Verbatim
    unclear: Verbatim
    new_disclosure: Verbatim
    age: Optional[Verbatim] = None
    privacy: Optional[Verbatim] = None
    cost: Optional[Verbatim] = None
    unsure: Optional[Verbatim] = None
    vague_place: Optional[Verbatim] = None
    place: Optional[Verbatim] = None
    place_question: Optional[Verbatim] = None
    xfail: Dict[XfailKey, Text] = {}


class AnswersBlock(Strict):
    never: List[Verbatim] = []
    chats: conlist(ChatSpec, min_items=1)  # type: ignore[valid-type]


class AnswersFile(Strict):
    key_name = "section"

    answers: AnswersBlock


def _semantic(chat: ChatSpec, where: Path_, personas: set[str], source: Source) -> list[str]:
    """What the schema cannot say: the persona exists; place and place_question come together."""
    problems: list[tuple[Path_, str]] = []
    if chat.persona not in personas:
        problems.append((where + ("persona",), f"unknown persona {chat.persona!r}"))
    if (chat.place is None) != (chat.place_question is None):
        problems.append((where + ("place",), "give both place and place_question"))
    return [f"{source.line_of(path)}: {format_path(path)}: {message}" for path, message in problems]


def expand(block: AnswersBlock, name: str, personas: Iterable[str], source: Source) -> list[Conversation]:
    """The conversations of a checked ``answers:`` block (a persona that does not exist or a
    place without its question raises with file and line)."""
    personas = set(personas) | {PLAIN}
    found = [f"{name}:{p}" for n, chat in enumerate(block.chats)
             for p in _semantic(chat, ("answers", "chats", n), personas, source)]
    if found:
        raise ConversationError("\n".join(found))
    out: list[Conversation] = []
    for n, spec in enumerate(block.chats):
        cline = source.line_of(("answers", "chats", n))
        chat = spec.dict(exclude_none=True)
        for question, (fields, _, path) in QUESTIONS.items():
            if fields[-1] not in chat:
                continue
            for answer in ANSWERS:
                if answer in OPTIONAL_ANSWERS and answer not in chat:
                    continue
                turns = tuple(Turn(t.child, t.must, t.must_not, t.any, cline, t.says)
                              for t in [*_reach(question, chat), *_answer_turns(question, answer, chat)])
                cid = f"answers-{chat['persona']}-{chat['lang']}-{question}-{answer}"
                out.append(Conversation(cid, chat["persona"], chat["lang"], path, turns, tuple(block.never),
                                        spec.xfail.get(f"{question}-{answer}"), name, cline))
    return out
