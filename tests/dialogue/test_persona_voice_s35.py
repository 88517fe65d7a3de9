"""Session 35: inside a persona every safety acknowledgement and offer is in the persona's voice, from the
first plainly told disclosure on — never the plain support voice ("a counselor, a real person, can talk with
you") on a lock screen or in a shared phone's history (docs/design.md: "a child who ... says plainly that they are
in danger, is recognised, answered in the persona's voice"). Numbers stay exact; an urgent line still gets the
emergency number first; a number asked for, for a friend or for the child, is given (cover wording).

Played through the real agent and actions (a counselor on duty, as tests/conversations): every kind of plain
disclosure in en/es/pl in both personas, with a yes to the offer, and every reply checked against the plain
lines of ``nlu/safety/domain_*.yml`` (and the shared fallbacks of ``domain.yml``) and the plain voice's words.
The responses are the ones the next ``popbot train`` packages (the assembled domain of this tree), so a stale
model's old lines do not hide a missing persona line.
"""
from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from core import PROJECT_ROOT

PERSONAS = ("rumianek", "gametips")

#: Words of the plain support voice that never appear in a persona's reply (any language).
PLAIN_WORDS = ("counselor", "counsellor", "support service", "abuse", "real person", "consejer", "orientador",
               "persona real", "persona de verdad", "abuso", "konsultant", "prawdziw", "przemoc")

#: (kind, child's lines per language). A line after the first is the child's next turn.
DISCLOSURES: dict[str, dict[str, tuple[str, ...]]] = {
    "abuse": {"en": ("my dad hits me", "yes"), "es": ("mi padre me pega", "sí"), "pl": ("tata mnie bije", "tak")},
    "abuse_stepparent": {"en": ("my stepmum slaps me whenever she gets angry",),
                         "es": ("mi madrastra me da bofetadas cuando se enfada",),
                         "pl": ("macocha daje mi w twarz, kiedy się wścieka",)},
    "self_harm": {"en": ("i cut my arms again last night", "yes"), "es": ("anoche me volví a cortar los brazos", "sí"),
                  "pl": ("wczoraj znowu pocięłam sobie ręce", "tak")},
    "self_harm_urgent": {"en": ("i have the pills in my hand and im taking all of them tonight",),
                         "es": ("tengo las pastillas en la mano y me las voy a tomar todas esta noche",),
                         "pl": ("mam tabletki w ręce i dziś w nocy wezmę wszystkie",)},
    "imminent_danger": {"en": ("my stepdad is hitting me right now and hes drunk",),
                        "es": ("mi padrastro me está pegando ahora mismo",),
                        "pl": ("ojczym mnie teraz bije, jest pijany",)},
    "bullying": {"en": ("the kids at school push me around and call me names every single day", "no"),
                 "es": ("en el colegio se meten conmigo y me insultan todos los días", "no"),
                 "pl": ("w szkole codziennie mnie wyzywają i popychają", "nie")},
    "online_exploitation": {"en": ("a guy i met online says he will post my photos unless i send more",),
                            "es": ("un chico de internet dice que va a subir mis fotos si no le mando más",),
                            "pl": ("koleś z internetu grozi, że wrzuci moje zdjęcia, jeśli nie wyślę więcej",)},
    "distress": {"en": ("i feel so empty and sad all the time",), "es": ("me siento muy triste y vacía todo el tiempo",),
                 "pl": ("cały czas jest mi smutno i czuję pustkę",)},
    "peer_help": {"en": ("my friends dad beats her, what can i do", "yes"),
                  "es": ("a mi amiga su padre le pega, qué puedo hacer", "sí"),
                  "pl": ("tata mojej koleżanki ją bije, co mam zrobić", "tak")},
    "peer_help_urgent": {"en": ("my friend just swallowed a whole box of pills and she wont wake up",),
                         "es": ("mi amigo se ha tomado un montón de pastillas y no se despierta",),
                         "pl": ("mój kolega połknął całe opakowanie tabletek i nie można go dobudzić",)},
    "ask_human": {"en": ("can i talk to a real person please", "yes"), "es": ("quiero hablar con una persona de verdad", "sí"),
                  "pl": ("chcę porozmawiać z prawdziwym człowiekiem", "tak")},
    "number_for_a_friend": {"en": ("i need a number to call for my friend, his dad hits him", "Kraków"),
                            "es": ("necesito un número para llamar por mi amigo, su padre le pega", "Cracovia"),
                            "pl": ("potrzebuję numeru, gdzie zadzwonić dla kolegi, jego tata go bije", "Kraków")},
    "number_for_me": {"en": ("my mum hurts me, is there a number i can call", "Kraków"),
                      "es": ("mi madre me hace daño, hay algún número al que pueda llamar", "Cracovia"),
                      "pl": ("mama mnie krzywdzi, jest jakiś numer pod który mogę zadzwonić", "Kraków")},
}
URGENT_KINDS = ("self_harm_urgent", "imminent_danger", "peer_help_urgent")
NUMBER_KINDS = ("number_for_a_friend", "number_for_me")
#: The child line of Poland (where Kraków is), exact in any persona's wording.
KRAKOW_NUMBER = "116 111"


def _texts(node: Any) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    for name, variations in (node or {}).items():
        for v in variations or ():
            yield name, v


def plain_lines() -> set[str]:
    """Every plain-voice line: the shared safety replies said with persona plain or voice plain
    (``nlu/safety/domain_*.yml``) and the shared fallbacks without a condition (``domain.yml``)."""
    lines: set[str] = set()
    for path in sorted((PROJECT_ROOT / "nlu" / "safety").glob("domain_*.yml")):
        for _, v in _texts(yaml.safe_load(path.read_text(encoding="utf-8")).get("responses")):
            conditions = {(c["name"], c["value"]) for c in v.get("condition", ())}
            if ("persona", "plain") in conditions or ("voice", "plain") in conditions:
                lines.add(v["text"])
    for _, v in _texts(yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8")).get("responses")):
        if "condition" not in v and "text" in v:
            lines.add(v["text"])
    return lines


def plain_sentences() -> set[str]:
    """The sentences of the plain lines long enough to be the plain voice itself ("A counselor, a real
    person, can talk with you about it.") — placeholders left out."""
    found = set()
    for line in plain_lines():
        for sentence in re.split(r"(?<=[.!?:])\s+", line):
            if len(sentence) >= 25 and "{" not in sentence:
                found.add(sentence.strip().lower())
    return found


def plain_voice_in(reply: str) -> list[str]:
    low = reply.lower()
    return [w for w in PLAIN_WORDS if w in low] + [s for s in PLAIN_SENTENCES if s in low]


PLAIN_SENTENCES = plain_sentences()


def test_the_plain_phrase_list_is_the_plain_voice() -> None:
    """The check can fail: the plain acknowledgements are in it, word and sentence."""
    assert plain_voice_in("Thank you for telling me. I believe you, and what is happening is not your fault. "
                          "A counselor, a real person, can talk with you about it.")
    assert plain_voice_in("Jasne. Możesz tu porozmawiać z prawdziwą osobą — konsultantem lub konsultantką.")
    assert plain_voice_in("Claro que sí. Una persona real de nuestro equipo puede hablar contigo aquí.")
    assert not plain_voice_in("I'm so sorry to hear that 🌼 I'm really glad you wrote to us.")
    assert len(PLAIN_SENTENCES) > 50


@pytest.fixture(scope="module")
def voice_agent(agent: Any, session_var: Path, merged_domain: Any) -> Iterator[Any]:
    """A fresh staffed agent on the loaded model, speaking the assembled domain's responses."""
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator

    from bot.conversations import staff
    from bot.storage.tracker_store import EncryptedTrackerStore
    from core.rasa_compat import agent_sharing_model, in_process_action_endpoint, uninstall_message_hooks

    store = EncryptedTrackerStore(url=f"sqlite:///{session_var / f'voice-{uuid.uuid4().hex[:8]}.db'}")
    fresh = staff(agent_sharing_model(agent, store, in_process_action_endpoint("actions")))
    fresh.nlg = fresh.processor.nlg = TemplatedNaturalLanguageGenerator(merged_domain.responses)
    yield fresh
    uninstall_message_hooks()


async def _play(agent: Any, persona: str, lang: str, lines: tuple[str, ...]) -> list[list[str]]:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from bot.conversations import sign_in
    from core.text import neutralise

    sender = f"voice-{uuid.uuid4().hex}"
    sign_in(agent)
    replies = []
    for line in lines:
        out = CollectingOutputChannel()
        await agent.handle_message(UserMessage(neutralise(line), out, sender, metadata={"persona": persona, "lang": lang}))
        replies.append([m["text"] for m in out.messages if m.get("text")])
    return replies


CASES = [pytest.param(p, lang, kind, id=f"{p}-{lang}-{kind}")
         for p in PERSONAS for lang in ("en", "es", "pl") for kind in DISCLOSURES]


@pytest.mark.asyncio
@pytest.mark.parametrize("persona, lang, kind", CASES)
async def test_a_plain_disclosure_inside_a_persona_is_answered_in_its_voice(
        voice_agent: Any, persona: str, lang: str, kind: str) -> None:
    from core.persona import project_personas

    replies = await _play(voice_agent, persona, lang, DISCLOSURES[kind][lang])
    assert replies[0], "no reply to the disclosure"
    leaks = [(r, plain_voice_in(r)) for turn in replies for r in turn if plain_voice_in(r)]
    assert leaks == [], replies
    own = project_personas()[persona]
    if kind in URGENT_KINDS:
        # the emergency number first, in the persona's words, exact
        assert own.emergency_number in replies[0][0], replies
    if kind in NUMBER_KINDS:
        # the number asked for: where first, then the exact number in cover wording
        assert any(KRAKOW_NUMBER in r for r in replies[1]), replies


@pytest.mark.asyncio
@pytest.mark.parametrize("lang, line, plain_word", [
    ("en", "my dad hits me", "counselor"), ("es", "mi padre me pega", "persona real"),
    ("pl", "tata mnie bije", "prawdziw"),
])
async def test_the_plain_bot_keeps_its_plain_voice(voice_agent: Any, lang: str, line: str, plain_word: str) -> None:
    replies = await _play(voice_agent, "plain", lang, (line,))
    assert any(plain_word in r.lower() for r in replies[0]), replies
