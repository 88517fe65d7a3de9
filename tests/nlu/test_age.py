"""The child's own stated age (nlu/age.py → entity and slot ``age``), in en/pl/es; prices, sizes,
quantities, times, durations and other people's ages are not ages; the value is never logged."""
from __future__ import annotations

import asyncio
import logging
import re
import uuid
from pathlib import Path
from typing import Any, Optional

import pytest

from nlu.age import find_age, is_age_only, is_other_age_only
from tests.conftest import say


@pytest.mark.parametrize("text, age", [
    ("I'm 12", 12), ("I am 12 years old", 12), ("im 13 and my dad hits me", 13), ("I'm only 11, please help", 11),
    ("i’m 14", 14), ("I'm 12yo", 12), ("12yo", 12), ("hi, 15 years old here", 15), ("13 y/o", 13),
    ("I'm a 14 year old girl", 14), ("I'm fifteen", 15), ("my age is 10", 10), ("I just turned 16.", 16),
    ("my brother is 12 and I'm 9", 9), ("I am 14. he hits me", 14), ("I am 12 i need help", 12),
    ("mam 12 lat", 12), ("Mam dopiero 11 lat i boję się", 11), ("mam trzynaście lat", 13), ("skończyłam 14 lat", 14),
    ("jestem 12-latką", 12), ("jestem 13 latkiem", 13),
    ("tengo 12 años", 12), ("Tengo 13 años y mi padre me pega", 13), ("tengo once años", 11), ("cumplí 12", 12),
    ("soy una niña de 10 años", 10), ("tengo solo 9 anos", 9),
    ("tengo 11", 11), ("vale, tengo 13.", 13), ("mam 11", 11), ("mam dopiero 12, pomocy", 12),  # bare (s19b probe)
])
def test_the_writer_s_own_age_is_found(text: str, age: int) -> None:
    found = find_age(text)
    assert found is not None and found[2] == age
    assert str(age) in text[found[0]:found[1]] or not any(c.isdigit() for c in text)


@pytest.mark.parametrize("text", [
    # prices, sizes, quantities, times
    "I'm 12 minutes late", "I'm 5 euros short", "I'm 20 zł short", "I'm 12 jars short", "I am 5'2", "I'm 70 kg",
    "I'm 12.5", "I'm 10:30", "I'm 100% sure", "I'm 12 in line", "the cream is 12 zł", "size 38 please",
    "at 12 o'clock", "I need 12 jars", "12 pieces", "mam 12 zł", "mam 12 kremów", "mam 2 pytania", "tengo 12 euros",
    "tengo 12 cajas", "tengo 2 preguntas", "I'm 12th in the queue", "tengo 15 minutos", "mam 12 minut",
    # durations and the past
    "since I was 12", "for 12 years", "od 12 lat", "od 12 lat mnie bije", "hace 12 años", "desde hace 12 años",
    "12 years ago",
    # someone else's age
    "my brother is 12yo", "my sister is 8 years old", "a 12 year old girl messaged me", "ma 12 lat", "on ma 12 lat",
    "tiene 12 años", "mi hermano tiene 9 años",
    # not a number at all, or not an age
    "I'm once again asking", "I'm tenacious", "I'm 2", "I'm fine", "", "I'm 120",
])
def test_prices_sizes_quantities_times_and_others_are_not_ages(text: str) -> None:
    assert find_age(text) is None


def _slot(agent: Any, sender: str, name: str) -> Optional[str]:
    tracker = asyncio.get_event_loop().run_until_complete(agent.tracker_store.retrieve(sender))
    return tracker.get_slot(name) if tracker is not None else None


def test_the_slot_is_filled_through_the_model_and_never_logged(
    agent: Any, caplog: pytest.LogCaptureFixture, session_var: Path,
) -> None:
    sender = f"age-{uuid.uuid4().hex}"
    canary = f"canary{uuid.uuid4().hex[:8]}"
    with caplog.at_level(logging.DEBUG):
        asyncio.get_event_loop().run_until_complete(say(agent, sender, f"my dad hits me {canary}", lang="en"))
        asyncio.get_event_loop().run_until_complete(say(agent, sender, "I'm 13 years old", lang="en"))
    assert _slot(agent, sender, "age") == "13"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert caplog.records, "nothing was logged at DEBUG: the check would prove nothing"
    assert canary not in logged and "13 years old" not in logged
    assert not re.search(r"\bage\b\W{0,20}13\b", logged), "the age slot's value reached a log record"
    stored = [p for p in session_var.glob("agent.db*") if p.is_file()]
    assert stored, "the agent stored nothing"
    for path in stored:  # the slot event is stored encrypted (database, WAL)
        data = path.read_bytes()
        assert b"13 years old" not in data and b'"age"' not in data, path.name


@pytest.mark.parametrize("text", [
    "im 12", "I'm 14 years old", "hi, im 11 btw", "12yo", "tengo 13 años", "hola, tengo 12 anos",
    "mam 12 lat", "cześć, mam dopiero 11 lat", "tengo 11", "mam 11",
])
def test_a_message_that_only_states_the_age(text: str) -> None:
    assert is_age_only(text)


@pytest.mark.parametrize("text", [
    "im 12 and he hits me",            # a disclosure with the age
    "yes im 12",                       # an answer with the age: left to the classifier
    "my brother is 12",                # someone else's age
    "im 12 minutes away",              # a time
    "tengo 12 años y mi padre me pega",
    "mam 12 lat i boję się taty",
    "hello",                           # no age at all
])
def test_anything_more_than_the_age_is_not_age_only(text: str) -> None:
    assert not is_age_only(text)


@pytest.mark.parametrize("text, expected", [
    ("she's 14", True), ("he is 11 years old", True), ("ona ma 12", True), ("ma 14 lat", True), ("ella tiene 13", True),
    ("she is 14 and he hits her", False), ("im 14", False), ("hes 11, is it ok", False), ("he is 2", False),
])
def test_someone_else_s_age_alone(text: str, expected: bool) -> None:
    """The s20 probe: a mother's "she's 14" read as peer_help drew the plain friend line in the shop."""
    assert is_other_age_only(text) is expected
