"""A rule-based finder for the age a child states about themselves ("I'm 12", "I am 12 years
old", "12yo", "mam 12 lat", "mam 12", "jestem 12-latką", "tengo 12 años", "tengo 12") — the ``age`` entity.

Only first-person statements count: "my brother is 12", "ma 12 lat", "tiene 12 años" are someone
else's age, "since I was 12" is the past, "od 12 lat" / "hace 12 años" are durations. A number
followed by a unit is a price, size, quantity or time ("I'm 12 minutes away", "mam 12 zł",
"tengo 12 euros"), never an age. Ages outside 5–99 are not taken.
"""
from __future__ import annotations

import re
from typing import Optional

MIN_AGE, MAX_AGE = 5, 99

_WORDS_EN = {
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_WORDS_PL = {  # with and without diacritics
    "pięć": 5, "piec": 5, "sześć": 6, "szesc": 6, "siedem": 7, "osiem": 8, "dziewięć": 9, "dziewiec": 9,
    "dziesięć": 10, "dziesiec": 10, "jedenaście": 11, "jedenascie": 11, "dwanaście": 12, "dwanascie": 12,
    "trzynaście": 13, "trzynascie": 13, "czternaście": 14, "czternascie": 14, "piętnaście": 15, "pietnascie": 15,
    "szesnaście": 16, "szesnascie": 16, "siedemnaście": 17, "siedemnascie": 17, "osiemnaście": 18,
    "osiemnascie": 18, "dziewiętnaście": 19, "dziewietnascie": 19,
}
_WORDS_ES = {
    "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
}
_WORDS = {**_WORDS_EN, **_WORDS_PL, **_WORDS_ES}


def _number(words: dict[str, int]) -> str:
    return r"(?P<n>\d{1,2}|" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")"


_EN, _PL, _ES = _number(_WORDS_EN), _number(_WORDS_PL), _number(_WORDS_ES)
#: What may follow "I'm 12" for it to be an age: the end, a punctuation mark (not a decimal or a
#: time) or a word that starts a new thought. Anything else ("minutes", "zł", "jars", "in line")
#: makes it a time, price, size or quantity.
_THEN = (
    r"(?=\s*(?:$|[;!?)\n]|[.,:](?!\d)|(?:and|but|so|btw|now|too|also|though|lol|i|i'm|im|i’m|my|me|he|she|they|"
    r"we|please|pls|plz|help|y|pero|ya|ale|a|i|więc|wiec|teraz)\b))"
)
_YEARS_OLD = r"(?:\s*-?\s*(?:years?|yrs?|yr)\s*-?\s*old\b|\s*y\s*/\s*o\b|\s*yo\b)"
_I_AM = r"(?:i\s*['’]?\s*m|i\s+am)"

_PATTERNS = [
    # en: I'm 12 (years old), I am only 12, im 12yo, I'm a 12 year old girl, my age is 12, I just turned 12
    rf"\b{_I_AM}\s+(?:only\s+|just\s+|almost\s+|nearly\s+|now\s+)?{_EN}(?:{_YEARS_OLD}|\b{_THEN})",
    rf"\b{_I_AM}\s+an?\s+{_EN}{_YEARS_OLD}",
    rf"\b(?:my\s+age\s+is|{_I_AM}\s+aged|i\s+(?:just\s+)?turned)\s+{_EN}(?:{_YEARS_OLD}|\b{_THEN})",
    # pl: mam 12 lat, mam dopiero 12 lat, skończyłam 12 lat, jestem 12-latką
    rf"\b(?:mam|skończył[ae]m|skonczyl[ae]m)\s+(?:dopiero\s+|już\s+|juz\s+|prawie\s+|tylko\s+)?{_PL}\s*(?:lat(?:ka|ek)?|lata)(?!\w)",
    rf"\bjestem\s+(?:dopiero\s+|już\s+|juz\s+)?{_PL}\s*-?\s*lat(?:ką|ka|kiem|ek)(?!\w)",
    # pl: a bare "mam 12" (the end or a new thought after it: "mam 12 zł" is a price)
    rf"\bmam\s+(?:dopiero\s+|już\s+|juz\s+|prawie\s+|tylko\s+)?{_PL}\b{_THEN}",
    # es: tengo 12 años, tengo solo 12 años, cumplí 12 (años), soy una niña de 12 años
    rf"\b(?:tengo|cumpl[íi])\s+(?:solo\s+|sólo\s+|ya\s+|casi\s+)?{_ES}\s+(?:años|anos|añitos|anitos)(?!\w)",
    rf"\b(?:cumpl[íi]\s+|tengo\s+(?:solo\s+|sólo\s+|ya\s+|casi\s+)?){_ES}\b{_THEN}",
    rf"\bsoy\s+(?:un|una)\s+\w+\s+de\s+{_ES}\s+(?:años|anos)(?!\w)",
]
#: A bare "12 years old" / "12yo" is the child's own age only when the clause before it says
#: nothing but these words ("hi, 12yo here", "13 years old"); "my brother is 12yo" is not.
_BARE = re.compile(rf"(?:^|(?<=[\s,.;:!?(]))(?P<n>\d{{1,2}}){_YEARS_OLD}", re.IGNORECASE)
_LEAD_INS = {"i", "im", "i'm", "i’m", "am", "me", "hi", "hey", "hello", "and", "so", "but", "ok", "okay", "well", "like",
             "um", "uh", "only", "just", "also", "yes", "yeah", "yep", "no", "btw"}
_CLAUSE_END = re.compile(r"[.,;:!?\n()]")
_COMPILED = [re.compile(p, re.IGNORECASE | re.UNICODE) for p in _PATTERNS]


def _value(token: str) -> Optional[int]:
    number = int(token) if token.isdigit() else _WORDS.get(token.lower())
    return number if number is not None and MIN_AGE <= number <= MAX_AGE else None


def _bare_is_first_person(text: str, start: int) -> bool:
    before = _CLAUSE_END.split(text[:start])[-1]
    return all(word in _LEAD_INS for word in before.lower().split())


def find_age(text: str) -> Optional[tuple[int, int, int]]:
    """The first age the writer states about themselves as ``(start, end, age)``, or None."""
    found = [m for p in _COMPILED for m in p.finditer(text)]
    found += [m for m in _BARE.finditer(text) if _bare_is_first_person(text, m.start())]
    for match in sorted(found, key=lambda m: m.start()):
        age = _value(match.group("n"))
        if age is not None:
            return match.start(), match.end(), age
    return None


#: Words that may stand around a stated age in a message that says nothing else ("hi, im 12 btw",
#: "hola, tengo 12 años", "cześć, mam 12 lat"). "yes" / "no" are not among them: an answer with an
#: age ("yes, I'm 12") is still an answer, left to the classifier.
_AROUND_AGE = frozenset({
    "hi", "hey", "hello", "hiya", "btw", "fyi", "by", "the", "way", "and", "so", "well", "ok", "okay", "um", "uh",
    "lol", "just", "only", "also", "actually", "anyway", "if", "that", "helps", "matters",
    "hola", "oye", "bueno", "pues", "y", "por", "cierto", "solo", "sólo", "vale", "yo", "ja",
    "cześć", "czesc", "hej", "siema", "a", "i", "tylko", "swoją", "swoja", "drogą", "droga", "dobra", "aha",
})
_AROUND_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


def is_age_only(text: str) -> bool:
    """Whether ``text`` only states the writer's age ("im 12", "I'm 12 years old btw", "tengo 13
    años", "mam 12 lat"): no disclosure, no question, no answer — a detail for routing, never a
    help signal however the classifier reads it."""
    found = find_age(text)
    if found is None:
        return False
    start, end, _ = found
    rest = _AROUND_WORD.findall((text[:start] + " " + text[end:]).lower())
    return all(word in _AROUND_AGE for word in rest)


#: Someone else's age and nothing else: "she's 14", "he is 11 years old", "ma 14 lat", "tiene 12 años".
_OTHER_AGES = [re.compile(rf"^\W*{p}\W*$", re.IGNORECASE | re.UNICODE) for p in (
    rf"(?:she|he|they)\s*(?:['’]?s|\s+is|\s+are|['’]re)\s+(?:only\s+|just\s+)?{_EN}{_YEARS_OLD}?",
    rf"(?:(?:on|ona|oni)\s+)?ma(?:ja)?\s+(?:dopiero\s+|tylko\s+)?{_PL}(?:\s*(?:lat|lata|latek))?",
    rf"(?:(?:él|el|ella|ellos)\s+)?tienen?\s+(?:solo\s+|sólo\s+)?{_ES}(?:\s+(?:años|anos))?",
)]


def is_other_age_only(text: str) -> bool:
    """Whether ``text`` only states someone else's age ("she's 14", a parent answering about a child):
    a detail, never a help signal (read as peer_help it drew the plain "a counselor can talk with you
    about how to help" in the shop)."""
    found = next((m for m in (p.match(text.strip()) for p in _OTHER_AGES) if m), None)
    return found is not None and _value(found.group("n")) is not None


#: What joins two age statements in one message: "im 13 and hes 19", "ella tiene 13 y el 25",
#: "mam 13 lat a on 20", "im 14, hes 22".
_JOINS = re.compile(r"\s*(?:[,;/]|\s(?:and|but|while|y|pero|e|i|a|ale|oraz)\s)\s*|(?<=\d)\s+(?=(?:i|im|i'm|i’m|he|hes|he's|"
                    r"he’s|she|shes|she's|she’s|my|tengo|mi|el|él|ella|mam|on|ona|mój|moj|moja)\b)", re.IGNORECASE)
#: Hedges before a number: "hes like 25", "he's about 30", "ma chyba 20", "tiene como 25".
_HEDGES = re.compile(r"\b(?:like|about|around|maybe|prob|probably|chyba|jakieś|jakies|około|okolo|como|unos|casi)\s+",
                     re.IGNORECASE)
#: Someone else's age with the verb left out after a join: "y el 25", "a on 20", "and him 25".
_ELIDED = re.compile(rf"^\W*(?:él|el|ella|on|ona|him|her)\s+{_number({**_WORDS_ES, **_WORDS_PL, **_WORDS_EN})}"
                     r"(?:\s*(?:años|anos|lat|lata))?\W*$", re.IGNORECASE | re.UNICODE)


#: Someone named by relation: "my boyfriend is 19", "mi novio tiene 20", "mój chłopak ma 20".
_RELATION_AGES = [re.compile(rf"^\W*{p}\W*$", re.IGNORECASE | re.UNICODE) for p in (
    rf"(?:my|his|her)\s+(?P<who>(?:\w+\s+)?\w+)\s*(?:['’]?s|\s+is)\s+{_EN}{_YEARS_OLD}?",
    rf"(?:mi|su)\s+(?P<who>(?:\w+\s+)?\w+)\s+(?:tiene\s+)?{_ES}(?:\s+(?:años|anos))?",
    rf"(?:mój|moj|moja|jej|jego)\s+(?P<who>(?:\w+\s+)?\w+)\s+(?:ma\s+)?{_PL}(?:\s*(?:lat|lata))?",
)]
#: Family, whose age beside the child's says nothing of a danger ("my mum is 40 and im 12").
_FAMILY = frozenset("""mum mom mother dad father mam parents sister sis brother bro gran grandma nan grandad grandpa
    aunt auntie uncle cousin stepdad stepmum stepmom stepbrother stepsister step
    madre padre mama mamá papa papá hermana hermano abuela abuelo tia tía tio tío prima primo padrastro madrastra
    mama tata matka ojciec siostra brat babcia dziadek ciocia wujek kuzyn kuzynka ojczym macocha""".split())


def stated_ages(text: str) -> Optional[list[tuple[bool, int]]]:
    """The ages a message made only of age statements gives, as ``(own, age)`` in order ("hes 19 im
    13" → ``[(False, 19), (True, 13)]``), or None when any part of it says something else."""
    clauses = [c for c in _JOINS.split(_HEDGES.sub("", text.strip())) if c.strip(" .,!?")]
    ages: list[tuple[bool, int]] = []
    for clause in clauses:
        if all(word in _AROUND_AGE for word in _AROUND_WORD.findall(clause.lower())):
            continue  # "hi", "btw"
        own = find_age(clause) if is_age_only(clause) else None
        if own is not None:
            ages.append((True, own[2]))
            continue
        other = next((m for m in (p.match(clause.strip()) for p in (*_OTHER_AGES, _ELIDED, *_RELATION_AGES)) if m), None)
        age = _value(other.group("n")) if other is not None else None
        who = (other.groupdict().get("who") or "") if other is not None else ""
        if age is None or any(word in _FAMILY for word in who.lower().split()):
            return None
        ages.append((False, age))
    return ages or None


#: The oldest a child in an age-gap message is taken to be, and the youngest the other one is.
GAP_CHILD_AGE, GAP_ADULT_AGE = 15, 18


def age_gap(text: str) -> Optional[bool]:
    """For a message made only of ages with a child of ``GAP_CHILD_AGE`` or under and someone of
    ``GAP_ADULT_AGE`` or over ("hes 19 im 13", "tengo 13 y el tiene 20", "shes 13 and hes like 25"):
    whether the child is the writer (True) or someone else (False); None for anything else."""
    ages = stated_ages(text)
    if ages is None or len(ages) < 2:
        return None
    child = min(ages, key=lambda a: a[1])
    if child[1] > GAP_CHILD_AGE or max(age for _, age in ages) < GAP_ADULT_AGE:
        return None
    return child[0]
