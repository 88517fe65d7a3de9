"""A shop errand after an adult customer's line is asked the urgent discreet question (session 30).

The NLU reads one message. Within it, the urgent code written by someone who reads as an adult customer ("express
delivery, a birthday present for my wife") with no harm cue is the urgent discreet question
(``core.safety.is_adult_order``). Said over two messages — "looking for something for my mother-in-law", then "no
thanks, just send it express" — the second line alone is the persona's urgent code, and the shopper was told to call
112. This module reads such a line with the conversation before it, after the NLU and before the dialogue sees the
message (:func:`read_with_adult_context`, run by ``bot.handoff.gate``'s after-parse hook; the tracker is in memory:
no database hop):

the message is the persona's urgent code (intent and signal ``urgent``) inside a shop persona, made only of a
shop errand's words (:data:`ERRAND`: delivery words with declining, polite and the catalogue's words around them, at
most :data:`MAX_ERRAND_WORDS`), with no harm cue of any kind (:func:`says_no_harm`); earlier in the session the
writer said a line only an adult says of themselves (:data:`ADULT_SPEAKER`: a wife or husband, their own children
or grandchildren, in-laws, their company, staff or care-home residents) that carried no harm cue itself; and no
earlier message of the session carried a help signal, nor did any line state an age under 18. Then the intent is
``help_request`` — the persona's discreet question in cover voice (``utter_confirm_help``), exactly what the same
words said in one message get — while the signal ``urgent`` and the urgent flag are kept: a "yes" is still queued
as urgent and routed with the emergency number first (``actions.referral.was_urgent``).

Never a help signal lowered otherwise: a child's urgent code with no adult line before, any harm, danger, fear,
weapon or arrival word in the message (or in the adult line), a word outside the errand's vocabulary ("i cant stay
here"), an earlier disclosure or code, or a gift or birthday alone ("a present for my mum": children buy presents
too) keep the emergency reply first.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Final, Mapping, Optional, Sequence

from bot.tracker_reading import parse_entity
from core.persona import persona_by_id
from core.safety import CODED_HELP, CODED_URGENT, Phrases, has_cue, made_of, says_not_adult
from core.signals import HELP_SIGNALS, NO_PERSONA
from core.text import fold, words

#: The parse key that says the message was read with an adult customer's earlier line.
ADULT_CONTEXT: Final = "adult_context"
#: Longer messages are never a bare errand.
MAX_ERRAND_WORDS: Final = 12
#: Under this stated age the writer is a child, whatever they said before.
ADULT_AGE: Final = 18

#: Words only an adult says of themselves (folded; a cue starts at a word boundary). Narrower than the cues file's
#: ``adult_customer``: no gift, present, birthday or anniversary words ("i want a present for my mum", "es mi
#: cumpleaños", "prezent dla mamy" are children's lines too), no "my boss", "at work" (a teenager's job), no
#: boyfriend or partner, no bare "wife's" ("my dad's wife's birthday"), no bare Polish "wnuk" / "wnucz" ("jestem jej
#: wnuczką": a child of a grandparent; review s32: "my" or "dla" with them only). A line that also says a cue of the cues file's ``not_adult`` (a
#: joke taken back, a pet called a child, a teen's babysitting or tutoring) is no adult's (:func:`is_adult_line`).
ADULT_SPEAKER: Final[Mapping[str, Sequence[str]]] = {
    "en": ("my wife", "my husband", "my son", "my sons", "my daughter", "my daughters", "my grandson",
           "my granddaughter", "my grandchild", "my grandchildren", "my grandkids", "mother in law", "mother-in-law",
           "father in law", "father-in-law",
           "sister in law", "sister-in-law", "brother in law", "brother-in-law", "daughter in law",
           "daughter-in-law", "son in law", "son-in-law", "my in laws", "my in-laws", "invoice", "vat number",
           "company account", "my company", "our company", "my business", "our business", "my employees",
           "my staff", "our staff", "our residents", "my residents", "the residents", "my patients",
           "work at a care home", "work in a care home", "work at the care home", "work in the care home",
           "work at a nursing home", "work in a nursing home", "our salon", "our spa", "our office", "my office",
           "my colleague", "my colleagues", "my coworker", "my co-worker", "my pupils", "my students"),
    "es": ("mi mujer", "mi esposa", "mi esposo", "mi marido", "mi suegra", "mi suegro", "mis suegros", "mi cunada",
           "mi cunado", "mi nuera", "mi yerno", "mi hijo", "mi hija", "mis hijos", "mis hijas", "mi nieto",
           "mi nieta", "mis nietos", "mis nietas", "factura", "mi empresa", "nuestra empresa", "mi negocio",
           "mis empleados", "mis empleadas", "mi oficina", "nuestra oficina", "companero de trabajo",
           "companera de trabajo", "companeros de trabajo", "companeras de trabajo", "trabajo en una residencia",
           "trabajo en la residencia", "los residentes", "nuestros residentes", "mis pacientes", "mis alumnos",
           "mis alumnas", "nuestro salon", "nuestro spa"),
    "pl": ("zony", "zonie", "moja zona", "dla zony", "meza", "mezowi", "moj maz", "mojemu mezowi", "tesciow",
           "tescia", "synowej", "ziecia", "szwagr", "bratowej", "mojego syna", "mojemu synowi", "moj syn",
           "dla syna", "synowi", "mojej corki", "moja corka", "dla corki", "corce", "moich dzieci", "moj wnuk",
           "mojego wnuk", "mojemu wnuk", "moim wnuk", "moich wnuk", "moje wnuk", "moja wnucz", "mojej wnucz",
           "moich wnucz", "moje wnucz", "moim wnucz", "dla wnuk", "dla wnucz",
           "faktur", "nip firmy", "na firme", "moja firma", "mojej firmy", "naszej firmy", "moich pracownik",
           "naszych pracownik", "kolegi z pracy", "kolezanki z pracy", "kolegow z pracy", "pracuje w domu opieki",
           "pracuje w domu spokojnej starosci", "podopiecznych", "pensjonariusz", "moich pacjent", "moich uczniow",
           "nasz salon", "naszego salonu", "naszym salonie"),
}

#: A shop errand: a delivery word (a cue) and nothing but declining, polite and errand words around it.
ERRAND: Final = Phrases(
    cues={
        "en": ("express", "same day", "same-day", "next day", "next-day", "today", "tonight", "tomorrow", "courier",
               "delivery", "deliver", "delivered", "shipping", "ship", "shipped", "send", "sent", "post", "posted",
               "asap", "urgent", "urgently", "priority", "fast", "quick", "quickly"),
        "es": ("expres", "urgente", "hoy", "manana", "esta noche", "mensajero", "envio", "enviar", "enviad",
               "enviadlo", "enviais", "envias", "enviarlo", "mandar", "mandad", "mandadlo", "mandais", "mandas",
               "mandarlo", "mismo dia", "rapido", "entrega", "cuanto antes"),
        "pl": ("ekspres", "ekspresow", "ekspresem", "kurier", "dostaw", "wysylk", "wyslac", "wyslijcie", "wyslij",
               "wyslanie", "dzis", "dzisiaj", "jutro", "szybk", "pilnie", "pilna", "pilne", "tego samego dnia"),
    },
    fillers={
        "en": frozenset("""no nah nope thanks thank you thx ty ta cheers ok okay great lovely perfect thats that s is
            all everything nothing else just only the a an it them one this please pls plz can could would will u i
            id d like want need get have me to order parcel package gift present by for via with and then so
            possible do does there option arrive come reach as soon also but actually oh yes yeah wrapped wrap if
            be delivery day""".split()),
        "es": frozenset("""no gracias muchas vale ok bueno perfecto genial eso es todo nada mas solo solamente el la
            lo los las un una de del por favor porfa porfi xfa pls me que si se puede podeis puedes pueden podriais
            quiero querria quisiera necesito pedido paquete regalo para a en con y pues ya mejor opcion hay teneis
            llegue llega llegar mandar enviar envio""".split()),
        "pl": frozenset("""nie dzieki dziekuje dziekujemy prosze poprosze to wszystko nic wiecej tylko ok okej dobra
            tak a i na z ze czy mozecie mozna moze by bym chce chcialabym chcialbym potrzebuje zamowienie paczke
            paczka prezent mi do jednak juz jeszcze super swietnie bardzo opcja jest niech przyjdzie dojdzie dotrze
            zeby aby wysylka wysylke dostawa dostawe dostawy kurierem kuriera ekspresowa ekspresowo
            ekspresowe""".split()),
    },
)


@lru_cache(maxsize=1)
def _harm_lists() -> tuple[tuple[Mapping[str, Sequence[str]], ...], Mapping[str, Sequence[str]], Any]:
    """The cue lists of harm of ``nlu/safety/cues.yml`` (folded): harm words, harm done to the child, fear,
    self-harm said or its means, running away; someone arriving; the danger-now cues (``core.safety.Danger``).
    Not ``self_harm_urgent``: its times ("today", "tonight") are a delivery's words too; self-harm itself is said
    in ``self_harm_said``."""
    from core import PROJECT_ROOT
    from nlu.cues import cue_list, danger_cues

    path = PROJECT_ROOT / "nlu" / "safety" / "cues.yml"
    lists = tuple(cue_list(path, key) for key in ("harm", "done_to_me", "fear", "self_harm_said",
                                                   "self_harm_means", "ran_away"))
    return lists, cue_list(path, "arriving"), danger_cues(path)


@lru_cache(maxsize=1)
def _not_adult() -> Mapping[str, Sequence[str]]:
    """``not_adult`` of ``nlu/safety/cues.yml`` (folded): a joke taken back, a pet, a teen's babysitting (review s32)."""
    from core import PROJECT_ROOT
    from nlu.cues import cue_list

    return cue_list(PROJECT_ROOT / "nlu" / "safety" / "cues.yml", "not_adult")


@lru_cache(maxsize=8)
def _risk_cues(persona: str) -> tuple[str, ...]:
    """The persona's own risk cues ("skin", "reaction"), folded, every language."""
    found = persona_by_id(persona)
    if found is None:
        return ()
    return tuple(sorted({fold(w) for by_lang in found.risk_cues.values() for cues in by_lang.values() for w in cues}))


def says_no_harm(folded: str, lang: Optional[str], persona: str, arrival: bool = True) -> bool:
    """No harm word (nor the persona's risk cues), nothing done to the child, no fear, no self-harm, no running away,
    no danger now, no weapon and (``arrival``) nobody arriving in ``folded``."""
    lists, arriving, danger = _harm_lists()
    if any(has_cue(folded, lang, cues) for cues in (*lists, *((arriving,) if arrival else ()))):
        return False
    if any(danger.found(folded, lang)):
        return False
    risk = _risk_cues(persona)
    return not (risk and has_cue(folded, None, {"any": risk}))


def says_danger_now(folded: str, lang: Optional[str]) -> bool:
    """A cue of danger now or a weapon in ``folded`` (``core.safety.Danger``)."""
    return any(_harm_lists()[2].found(folded, lang))


@lru_cache(maxsize=8)
def _errand(persona: str) -> Phrases:
    """:data:`ERRAND` with the words of the persona's catalogue names among its fillers ("the lavender soap")."""
    found = persona_by_id(persona)
    names = {w for item in (found.catalogue if found else ()) for name in item.name.values() for w in words(name)}
    return Phrases(ERRAND.cues, {lang: frozenset(f) | names for lang, f in ERRAND.fillers.items()})


def is_errand(text: str, lang: Optional[str], persona: str) -> bool:
    """``text`` is made only of a shop errand's words (:data:`ERRAND`, the persona's catalogue words) with a delivery
    word, and says nothing of harm."""
    folded = fold(text)
    return made_of(folded, lang, _errand(persona), MAX_ERRAND_WORDS) and says_no_harm(folded, lang, persona)


def is_adult_line(text: str, lang: Optional[str], persona: str) -> bool:
    """``text`` has words only an adult says of themselves (:data:`ADULT_SPEAKER`), nothing of harm (an arrival
    cue is no harm here: "i work at a care home" says "home") and nothing that takes the adult back (review s32: "its
    for my son lol jk", "mi perrita es mi hija", "i babysit and my students…": ``core.safety.says_not_adult``)."""
    folded = fold(text)
    return (has_cue(folded, lang, ADULT_SPEAKER) and says_no_harm(folded, lang, persona, arrival=False)
            and not says_not_adult(folded, lang, _not_adult()))


def _states_child_age(text: str) -> bool:
    from nlu.age import find_age

    found = find_age(text)
    return found is not None and found[2] < ADULT_AGE


def _earlier_user_lines(tracker: Any) -> list[dict]:
    """The parse data of the user messages of the tracker's current session (before this message)."""
    from rasa.shared.core.events import SessionStarted, UserUttered

    found: list[dict] = []
    for event in reversed(list(tracker.events)):
        if isinstance(event, SessionStarted):
            break
        if isinstance(event, UserUttered):
            found.append({**(event.parse_data or {}), "text": event.text or ""})
    return found


def adult_before(tracker: Any, lang: Optional[str], persona: str) -> bool:
    """An adult customer's line earlier in the session (:func:`is_adult_line`, no help signal read in it), no help
    signal in any earlier message, and no age under 18 stated."""
    earlier = _earlier_user_lines(tracker)
    if any(line.get("signal") in HELP_SIGNALS or _states_child_age(line["text"]) for line in earlier):
        return False
    return any(is_adult_line(line["text"], lang, persona) for line in earlier)


def is_adult_errand(parse: dict, tracker: Any) -> bool:
    """The parsed message is the shop persona's urgent code made of a shop errand's words, after an adult
    customer's line (see the module docstring)."""
    intent = str((parse.get("intent") or {}).get("name") or "")
    if intent != CODED_URGENT or parse.get("signal") != "urgent":
        return False
    persona = parse_entity(parse, "persona") or tracker.get_slot("persona") or NO_PERSONA
    found = persona_by_id(persona)
    if found is None or found.kind != "shop":
        return False
    text = str(parse.get("text") or "")
    lang = parse_entity(parse, "lang") or tracker.get_slot("lang")
    if _states_child_age(text) or not is_errand(text, lang, persona):
        return False
    return adult_before(tracker, lang, persona)


def read_with_adult_context(parse: dict, tracker: Any) -> bool:
    """Read the parse with the adult line before it (:func:`is_adult_errand`): intent ``help_request`` (the
    discreet question in cover voice), signal and urgent flag kept, ``adult_context`` set. True if changed."""
    if not is_adult_errand(parse, tracker):
        return False
    confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
    parse["intent"] = {"name": CODED_HELP, "confidence": confidence}
    parse[ADULT_CONTEXT] = True
    return True
