"""``action_offer_referral`` with rasa_sdk's CollectingDispatcher and Tracker fixtures."""
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.referral import ActionOfferReferral, persona_country
from actions.wording import line
from referral_helpers import directory, service
from referrals.store import DirectoryStore

NOON = datetime(2026, 11, 30, 11, 0, tzinfo=timezone.utc)  # Monday 12:00 Warsaw / Madrid
EVENING = datetime(2026, 11, 30, 20, 0, tzinfo=timezone.utc)  # Monday 21:00 Warsaw


def tracker(slots: dict[str, Any], signal: str = "abuse_disclosure", urgent: bool = False,
            events: Optional[list[dict[str, Any]]] = None) -> Tracker:
    message = {"text": "(not used)", "intent": {"name": signal, "confidence": 0.9}, "entities": [],
               "signal": signal, "urgent": urgent}
    base = {"location": None, "location_refused": None, "country": None, "lang": "en", "persona": "rumianek", "age": None}
    return Tracker("child-pseudonym", {**base, **slots}, message, events or [], False, None, {}, "action_listen")


def msg(text: Optional[str] = None, response: Optional[str] = None, number: Optional[bool] = None,
        emergency: bool = False) -> dict[str, Any]:
    """A dispatched message; a referral line (``text`` with " — ") carries ``popbot_number``, so
    "what was the number again?" says it again (actions/repeat.py), and ``popbot_free``: whether
    the service is free to call, as its line says (", free", "bezpłatnie", "gratis"; actions/cost.py)."""
    found = {"text": text, "buttons": [], "elements": [], "custom": {}, "template": response,
             "response": response, "image": None, "attachment": None}
    if number if number is not None else (text is not None and " — " in text):
        found["popbot_number"] = True
        found["popbot_free"] = any(f", {w}" in (text or "") for w in ("free", "bezpłatnie", "gratis"))
    if emergency:  # the emergency number of the child's own place: not followed by the general line again (s27)
        found["popbot_local_emergency"] = True
    return found


async def run(action: ActionOfferReferral, t: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, t, {})
    return dispatcher.messages, events


def action_with(store: DirectoryStore, at: datetime = NOON) -> ActionOfferReferral:
    class Fixed(ActionOfferReferral):
        pass

    Fixed.store = store
    Fixed.clock = staticmethod(lambda: at)  # type: ignore[assignment]
    return Fixed()


async def test_asks_for_location_once(starter_store: DirectoryStore) -> None:
    action = action_with(starter_store)
    assert action.name() == "action_offer_referral"
    messages, events = await run(action, tracker({}))
    assert (messages, events) == ([msg(response="utter_ask_location")], [])
    asked = [{"event": "bot", "text": "...", "metadata": {"utter_action": "utter_ask_location"}}]
    messages, events = await run(action, tracker({"country": "PL"}, events=asked))
    assert messages == [msg(response="utter_referral_intro"),
                        msg("Partner pharmacy — 116 111, free")]  # the shop's voice, the exact number
    assert events == []


async def test_polish_child_in_krakow(starter_store: DirectoryStore) -> None:
    t = tracker({"location": "w Krakowie", "lang": "pl", "age": 14.0})
    messages, events = await run(action_with(starter_store), t)
    assert messages == [msg(response="utter_referral_intro"), msg("Apteka partnerska — 116 111, bezpłatnie")]
    assert events == []
    t = tracker({"location": "w Krakowie", "lang": "pl", "age": 14.0, "persona": "plain"})
    messages, events = await run(action_with(starter_store), t)
    assert messages == [msg(response="utter_referral_intro"),
                        msg("Telefon Zaufania dla Dzieci i Młodzieży — 116 111, bezpłatnie")]  # the number once


async def test_urgent_spanish_child_in_sevilla_gets_emergency_first(starter_store: DirectoryStore) -> None:
    t = tracker({"location": "en Sevilla", "lang": "es"}, signal="imminent_danger", urgent=True)
    messages, _ = await run(action_with(starter_store), t)
    assert messages[:2] == [msg(response="utter_referral_intro"),
                            msg("Para una reacción muy fuerte, a cualquier hora — 112, gratis, abierto 24 horas", emergency=True)]
    assert messages[2]["text"].startswith("Farmacia asociada — ")  # one of ANAR's two numbers
    assert messages[2]["text"].split(" — ")[1].split(",")[0] in ("900 20 20 10", "116 111")
    t = tracker({"location": "en Sevilla", "lang": "es", "persona": "plain"}, signal="imminent_danger", urgent=True)
    messages, _ = await run(action_with(starter_store), t)
    assert messages[1] == msg("Número de emergencias — 112, gratis, abierto 24 horas", emergency=True)
    assert "ANAR" in messages[2]["text"] or "Fundación ANAR" in messages[2]["text"]


async def test_refusal_routes_on_the_persona_country(starter_store: DirectoryStore) -> None:
    assert persona_country("rumianek") == "PL"
    t = tracker({"location_refused": True, "lang": "pl"})
    messages, _ = await run(action_with(starter_store), t)
    assert messages[1] == msg("Apteka partnerska — 116 111, bezpłatnie")


async def test_signal_from_an_earlier_message_and_hours_in_three_languages(tmp_path: Path) -> None:
    store = DirectoryStore(f"sqlite:///{tmp_path / 'd.db'}")
    store.save(directory(
        service("day", name="Day line", alternate_name="Helpline for young people", child_specific=True,
                topics=("bullying",), hours="Mo-Su 08:00-20:00", languages=("pl", "en", "es")),
        service("night", name="Night line", topics=("bullying",), hours="Mo-Su 20:00-24:00",
                channels=[("chat", "https://chat.example.org", None)], free_of_charge=False),
    ))
    earlier = [{"event": "user", "text": "x", "parse_data": {"signal": "bullying", "urgent": False}}]
    expected = {
        "en": ["Night line — https://chat.example.org, open until 00:00",
               "Helpline for young people — 116 111, free, opens tomorrow at 08:00"],
        "pl": ["Night line — https://chat.example.org, czynne do 00:00",
               "Helpline for young people — 116 111, bezpłatnie, czynne jutro od 08:00"],
        "es": ["Night line — https://chat.example.org, abierto hasta las 00:00",
               "Helpline for young people — 116 111, gratis, abre mañana a las 08:00"],
    }
    for lang, lines in expected.items():
        t = tracker({"location": "Kraków", "lang": lang, "persona": "plain"}, signal="none", events=earlier)
        messages, _ = await run(action_with(store, EVENING), t)
        assert messages == [msg(response="utter_referral_intro")] + [msg(line) for line in lines], lang
    t = tracker({"location": "Kraków", "lang": "en", "persona": "plain"}, signal="none", events=earlier)
    messages, _ = await run(action_with(store, NOON), t)
    assert messages[1:] == [msg("Helpline for young people — 116 111, free, open until 20:00"),
                            msg("Night line — https://chat.example.org, opens at 20:00")]
    store.dispose()


async def test_a_broken_directory_never_breaks_the_conversation(tmp_path: Path) -> None:
    store = DirectoryStore(f"sqlite:///{tmp_path / 'd.db'}")
    store.engine.dispose()
    (tmp_path / "d.db").unlink()
    (tmp_path / "d.db").mkdir()  # the database file is now unusable
    messages, events = await run(action_with(store), tracker({"location": "Kraków"}))
    assert (messages, events) == ([], [])


# --- issue 13: cover voice, no number from a guess, ask once which place ----------------------

async def test_a_child_in_leeds_gets_childline_in_the_shop_voice(starter_store: DirectoryStore) -> None:
    t = tracker({"location": "Leeds", "country": "GB", "lang": "en"})
    messages, _ = await run(action_with(starter_store), t)
    assert messages == [msg(response="utter_referral_intro"), msg("Partner pharmacy — 0800 1111, free")]
    t = tracker({"location": "Leeds", "country": "GB", "lang": "en"}, signal="imminent_danger", urgent=True)
    messages, _ = await run(action_with(starter_store), t)
    assert messages[1:] == [msg("For a very strong reaction, any time — 999, free, open 24/7", emergency=True),
                            msg("Partner pharmacy — 0800 1111, free")]


async def test_an_ambiguous_place_is_asked_about_once_in_cover_voice(starter_store: DirectoryStore) -> None:
    action = action_with(starter_store)
    t = tracker({"location": "Valencia", "lang": "en", "persona": "gametips"})
    messages, events = await run(action, t)
    assert messages == [msg("To find the right coaches: Valencia in Spain?")]
    assert events == [{"event": "slot", "timestamp": None, "name": "place_options",
                       "value": ["Valencia|ES", "Valencia|US", "Valencia|VE", "Valencia|EC"]}]
    options = {"place_options": ["Valencia|ES", "Valencia|US"]}
    yes = tracker({"location": "Valencia", "lang": "en", "persona": "gametips", **options}, signal="affirm")
    yes.latest_message["intent"] = {"name": "affirm", "confidence": 1.0}
    messages, events = await run(action, yes)
    assert messages[1]["text"] in ("Coach line — 900 20 20 10, free", "Coach line — 116 111, free")  # Spain
    assert {"event": "slot", "timestamp": None, "name": "country", "value": "ES"} in events
    # the emergency reply picks its variation on dial_first: it follows the confirmed country
    assert {"event": "slot", "timestamp": None, "name": "dial_first", "value": "112"} in events
    four = {"place_options": ["Valencia|ES", "Valencia|US", "Valencia|VE", "Valencia|EC"]}
    no = tracker({"location": "Valencia", "lang": "en", "persona": "gametips", **four}, signal="deny")
    no.latest_message["intent"] = {"name": "deny", "confidence": 1.0}
    messages, events = await run(action, no)
    assert messages[1] == msg("Coach line — 0800 1111, free")  # the persona's own country (GB) only
    assert {"event": "slot", "timestamp": None, "name": "place_options", "value": None} in events
    # (s27 round 3) with exactly two candidates a bare "no" names no place either: the persona's country
    for said in ("no", "nope", "nah", "no.", "no thanks"):
        no = tracker({"location": "Valencia", "lang": "en", "persona": "gametips", **options}, signal="deny")
        no.latest_message["intent"] = {"name": "deny", "confidence": 1.0}
        no.latest_message["text"] = said
        messages, events = await run(action, no)
        assert messages[1] == msg("Coach line — 0800 1111, free"), said
        assert not [e for e in events if e.get("name") == "country" and e["value"] != "GB"], said
    other = tracker({"location": "Valencia", "lang": "en", "persona": "gametips", **options}, signal="none")
    other.latest_message["intent"] = {"name": "out_of_scope", "confidence": 0.7}
    other.latest_message["text"] = "the other one!"
    messages, events = await run(action, other)
    assert {"event": "slot", "timestamp": None, "name": "country", "value": "US"} in events
    other.latest_message["text"] = "the other one!"
    other.slots["place_options"] = four["place_options"]
    # (more than two, s28 — docs/referrals.md: one question names the remaining countries; it was the same question
    # again before, tests/conversations/fix_s28_route.yml)
    messages, events = await run(action, other)
    assert messages == [msg("To find the right coaches: Valencia in the United States, Venezuela or Ecuador?")]
    assert {"event": "slot", "timestamp": None, "name": "place_options",
            "value": ["*", *four["place_options"][1:]]} in events
    assert not [e for e in events if e.get("name") == "country"]


async def test_the_shops_product_is_never_a_place(starter_store: DirectoryStore) -> None:
    t = tracker({"location": "crema de manzanilla", "lang": "es"})
    messages, _ = await run(action_with(starter_store), t)
    assert all("911" not in (m["text"] or "") for m in messages)
    assert messages[1] == msg("Farmacia asociada — 116 111, gratis")  # the persona's country, Poland


async def test_a_lone_yes_or_no_after_a_referral(starter_store: DirectoryStore) -> None:
    for intent, response in (("affirm", "utter_out_of_scope"), ("deny", "utter_back_to_shop"),
                             ("not_safe", "utter_not_safe"), ("not_now", "utter_not_now"),
                             ("out_of_scope", "utter_out_of_scope")):
        t = tracker({"location": "Kraków"}, signal="none")
        t.latest_message["intent"] = {"name": intent, "confidence": 1.0}
        messages, events = await run(action_with(starter_store), t)
        assert (messages, events) == ([msg(response=response)], [])


async def test_a_refusal_to_say_where_routes_on_the_persona_country_and_is_remembered(
        starter_store: DirectoryStore) -> None:
    t = tracker({"lang": "pl"}, signal="none")
    t.latest_message["entities"] = [{"entity": "location_refused", "value": "true"}]
    messages, events = await run(action_with(starter_store), t)
    assert messages == [msg(response="utter_referral_intro"), msg("Apteka partnerska — 116 111, bezpłatnie")]
    assert events == [{"event": "slot", "timestamp": None, "name": "location_refused", "value": True}]


def test_the_local_emergency_line_never_repeats_what_the_static_reply_said() -> None:
    from actions.safety import local_number

    # dial_first known: utter_emergency already said the country's own number
    assert local_number("PL", "gametips", said="112") is None
    assert local_number("PL", None, said="112") is None
    # no dial_first (a tracker from before it existed): the persona's number was said
    assert local_number("PL", "gametips") == "112"
    assert local_number("GB", "gametips") is None
    assert local_number("US", None) == "911"
    assert local_number(None, "gametips") is None
    assert local_number("ZZ", "gametips") is None


async def test_a_quiet_line_instead_of_an_answer_to_the_place_question(starter_store: DirectoryStore) -> None:
    """ "not now" / "wrong chat" after "Valencia in Spain?": the quiet reply, the question dropped."""
    options = {"location": "Valencia", "lang": "en", "persona": "gametips", "place_options": ["Valencia|ES"]}
    quiet = tracker(options, signal="not_safe")
    quiet.latest_message["intent"] = {"name": "not_safe", "confidence": 0.9}
    messages, events = await run(action_with(starter_store), quiet)
    assert messages == [msg(response="utter_not_safe")]
    assert events == [{"event": "slot", "timestamp": None, "name": "place_options", "value": None},
                      {"event": "slot", "timestamp": None, "name": "place_asked_again", "value": None}]


async def test_not_now_to_the_place_question_is_later(starter_store: DirectoryStore) -> None:
    """ "not now" after "Valencia in Spain?": the persona's later line, the question dropped."""
    options = {"location": "Valencia", "lang": "en", "persona": "gametips", "place_options": ["Valencia|ES"]}
    later = tracker(options, signal="not_safe")
    later.latest_message["intent"] = {"name": "not_now", "confidence": 0.9}
    messages, events = await run(action_with(starter_store), later)
    assert messages == [msg(response="utter_not_now")]
    assert events == [{"event": "slot", "timestamp": None, "name": "place_options", "value": None},
                      {"event": "slot", "timestamp": None, "name": "place_asked_again", "value": None}]


async def test_an_unclear_answer_to_the_place_question_is_asked_again_once(starter_store: DirectoryStore) -> None:
    options = {"location": "Valencia", "lang": "en", "persona": "gametips",
               "place_options": ["Valencia|ES", "Valencia|VE"]}
    unclear = tracker(options, signal="none")
    unclear.latest_message["intent"] = {"name": "out_of_scope", "confidence": 0.9}
    messages, events = await run(action_with(starter_store), unclear)
    asked = line("confirm_place", "gametips", "en").format(place="Valencia", country="Spain")
    assert [m["text"] for m in messages] == [asked]
    assert events == [{"event": "slot", "timestamp": None, "name": "place_asked_again", "value": True}]
    again = tracker({**options, "place_asked_again": True}, signal="none")
    again.latest_message["intent"] = {"name": "out_of_scope", "confidence": 0.9}
    messages, events = await run(action_with(starter_store), again)
    assert messages == [msg(response="utter_back_to_shop")]
    assert events == [{"event": "slot", "timestamp": None, "name": "place_options", "value": None},
                      {"event": "slot", "timestamp": None, "name": "place_asked_again", "value": None}]


async def test_yes_after_a_referral_takes_up_a_put_off_offer(starter_store: DirectoryStore) -> None:
    """The child said "not now" to the offer, named a place, then "yes": straight to a person."""
    yes = tracker({"location": "Leeds", "offer_postponed": True}, signal="none")
    yes.latest_message["intent"] = {"name": "affirm", "confidence": 0.9}
    messages, events = await run(action_with(starter_store), yes)
    assert messages == [msg(response="utter_please_wait")]
    assert events == [{"event": "followup", "timestamp": None, "name": "action_request_counselor"}]
    plain_yes = tracker({"location": "Leeds", "offer_postponed": False}, signal="none")
    plain_yes.latest_message["intent"] = {"name": "affirm", "confidence": 0.9}
    messages, events = await run(action_with(starter_store), plain_yes)
    assert (messages, events) == ([msg(response="utter_out_of_scope")], [])


def asked_which_city(times: int) -> list[dict[str, Any]]:
    """Tracker events: "which city?" asked ``times`` times, the last one the bot's last line."""
    events: list[dict[str, Any]] = []
    for _ in range(times):
        events += [{"event": "user", "text": "(not used)"},
                   {"event": "bot", "text": "Which city?", "metadata": {"utter_action": "utter_ask_location"}}]
    return events + [{"event": "user", "text": "(not used)"}]


async def test_no_place_in_the_answer_to_which_city_is_asked_again_once(starter_store: DirectoryStore) -> None:
    unclear = tracker({}, signal="none", events=asked_which_city(1))
    unclear.latest_message["intent"] = {"name": "out_of_scope", "confidence": 0.9}
    assert await run(action_with(starter_store), unclear) == ([msg(response="utter_ask_location")], [])
    again = tracker({}, signal="none", events=asked_which_city(2))
    again.latest_message["intent"] = {"name": "affirm", "confidence": 0.9}
    assert await run(action_with(starter_store), again) == ([msg(response="utter_back_to_shop")], [])


async def test_no_to_which_city_routes_on_the_personas_country(starter_store: DirectoryStore) -> None:
    """ "no" refuses the place: the persona's country (rumianek: PL), never asked again."""
    no = tracker({"persona": "rumianek"}, events=asked_which_city(1))
    no.latest_message["intent"] = {"name": "deny", "confidence": 0.9}
    messages, events = await run(action_with(starter_store), no)
    assert messages[0] == msg(response="utter_referral_intro")
    assert any("116 111" in (m["text"] or "") for m in messages[1:])
    assert events == [{"event": "slot", "timestamp": None, "name": "location_refused", "value": True}]
    plain = tracker({"persona": "plain"}, events=asked_which_city(1))
    plain.latest_message["intent"] = {"name": "deny", "confidence": 0.9}
    messages, _ = await run(action_with(starter_store), plain)
    assert messages == [msg(response="utter_back_to_shop")]  # nothing to route on, never silent


async def test_no_to_the_place_question_with_no_country_to_route_on_is_not_silent(
        starter_store: DirectoryStore) -> None:
    """The plain bot asked "Valencia in Venezuela?" (three candidates); "no" leaves nothing to route on,
    nor with two candidates (s27 round 3: a bare "no" names no place; "the other one" does)."""
    no = tracker({"location": "Valencia", "persona": "plain", "place_options": ["Valencia|VE", "Valencia|ES",
                                                                              "Valencia|US"]}, signal="none")
    no.latest_message["intent"] = {"name": "deny", "confidence": 0.9}
    messages, events = await run(action_with(starter_store), no)
    assert messages == [msg(response="utter_back_to_shop")]
    assert {e["name"]: e["value"] for e in events} == {"place_asked_again": None, "place_options": None}
    two = tracker({"location": "Boston", "persona": "plain", "place_options": ["Boston|US", "Boston|GB"]},
                  signal="none")
    two.latest_message["intent"] = {"name": "deny", "confidence": 0.9}
    for said in ("no", "nope", "nah", "nie", "No."):
        two.latest_message["text"] = said
        messages, events = await run(action_with(starter_store), two)
        assert messages == [msg(response="utter_back_to_shop")], said
        assert {e["name"]: e["value"] for e in events} == {"place_asked_again": None, "place_options": None}, said
    two.latest_message["text"] = "no the other one"
    _, events = await run(action_with(starter_store), two)
    assert {"event": "slot", "timestamp": None, "name": "country", "value": "GB"} in events


async def test_yes_confirms_a_name_that_is_also_a_word(starter_store: DirectoryStore) -> None:
    """ "León in Spain?" → "sí": León, Spain (the name alone, no cue, no capital needed), not the
    persona's country; the emergency reply follows it (dial_first 112)."""
    options = {"place_options": ["León|ES", "León|NI"]}
    yes = tracker({"location": "León", "lang": "es", "persona": "rumianek", **options}, signal="affirm")
    yes.latest_message["intent"] = {"name": "affirm", "confidence": 1.0}
    messages, events = await run(action_with(starter_store), yes)
    assert {"event": "slot", "timestamp": None, "name": "country", "value": "ES"} in events
    assert {"event": "slot", "timestamp": None, "name": "dial_first", "value": "112"} in events
    assert messages[1]["text"] in ("Farmacia asociada — 900 20 20 10, gratis", "Farmacia asociada — 116 111, gratis")


async def test_santiago_on_the_polish_shop_is_asked_about(starter_store: DirectoryStore) -> None:
    """Santiago de Compostela is a namesake of Santiago de Chile: asked, never routed on a guess."""
    t = tracker({"location": "vivo en Santiago", "lang": "es", "persona": "rumianek"})
    messages, events = await run(action_with(starter_store), t)
    assert len(messages) == 1 and "Santiago" in messages[0]["text"] and "Chile" in messages[0]["text"]
    options = events[0]["value"]
    assert options[0] == "Santiago|CL" and "Santiago de Compostela|ES" in options


async def test_a_new_place_instead_of_yes_or_no_is_routed_on(starter_store: DirectoryStore) -> None:
    """ "Valencia in Spain?" → "no, I'm in Leeds": this message names a place (its entity), so
    Leeds is tried; a slot alone (set by an earlier message) is not a new place."""
    options = {"location": "Leeds", "lang": "en", "persona": "gametips", "place_options": ["Valencia|ES"]}
    leeds = tracker(options, signal="none")
    leeds.latest_message["intent"] = {"name": "inform_location", "confidence": 0.9}
    leeds.latest_message["entities"] = [{"entity": "location", "value": "Leeds"}]
    messages, _ = await run(action_with(starter_store), leeds)
    assert messages[1] == msg("Coach line — 0800 1111, free")
    unclear = tracker({**options, "location": "Valencia"}, signal="none")
    unclear.latest_message["intent"] = {"name": "out_of_scope", "confidence": 0.9}
    messages, _ = await run(action_with(starter_store), unclear)
    assert [m["text"] for m in messages] == [line("confirm_place", "gametips", "en").format(
        place="Valencia", country="Spain")]


async def test_a_refusal_to_say_where_in_the_plain_bot_is_not_met_by_silence(
        starter_store: DirectoryStore) -> None:
    """The plain bot has no country to route on: "I'd rather not say where" gets a line, no number."""
    refusal = tracker({"persona": "plain"}, signal="none")
    refusal.latest_message["intent"] = {"name": "inform_location", "confidence": 0.9}
    refusal.latest_message["entities"] = [{"entity": "location_refused", "value": "true"}]
    messages, events = await run(action_with(starter_store), refusal)
    assert messages == [msg(response="utter_back_to_shop")]
    assert events == [{"event": "slot", "timestamp": None, "name": "location_refused", "value": True}]


async def test_an_ambiguous_place_in_the_urgent_message_is_asked_about_after_the_emergency_reply() -> None:
    """ "vivo en Santiago y ..." (urgent): the static reply gave the general numbers; the place is
    asked about once, and the answer goes to action_offer_referral (slot place_options)."""
    from actions.safety import ActionEmergencyLocal

    t = tracker({"location": "Santiago", "lang": "es", "persona": "plain"}, signal="imminent_danger", urgent=True)
    t.latest_message["entities"] = [{"entity": "location", "value": "Santiago"}]
    dispatcher = CollectingDispatcher()
    events = await ActionEmergencyLocal().run(dispatcher, t, {})
    assert [m["text"] for m in dispatcher.messages] == ["¿Te refieres a Santiago, en Chile?"]
    assert events[0]["name"] == "place_options" and events[0]["value"][0] == "Santiago|CL"
    # a place named unambiguously (the extractor also gave its country): no question
    known = tracker({"location": "Madrid", "country": "ES", "dial_first": "112", "lang": "es", "persona": "plain"},
                    signal="imminent_danger", urgent=True)
    known.latest_message["entities"] = [{"entity": "location", "value": "Madrid"},
                                        {"entity": "country", "value": "ES"}]
    dispatcher = CollectingDispatcher()
    assert await ActionEmergencyLocal().run(dispatcher, known, {}) == []
    # s34: no question, and the child line of the country named after the emergency number (ANAR), never a second
    # emergency number
    texts = [m["text"] for m in dispatcher.messages]
    assert len(texts) == 1 and "ANAR" in texts[0] and "112" not in texts[0]
    # no country named: no child line guessed
    unknown = tracker({"lang": "es", "persona": "plain"}, signal="imminent_danger", urgent=True)
    dispatcher = CollectingDispatcher()
    assert await ActionEmergencyLocal().run(dispatcher, unknown, {}) == [] and dispatcher.messages == []


async def test_no_with_a_new_place_routes_on_that_place(starter_store: DirectoryStore) -> None:
    """ "¿Guadalajara, en México?" → "no, en España": Spain, not the persona's country (Poland)."""
    options = {"location": "España", "country": "ES", "lang": "es", "persona": "rumianek",
               "place_options": ["Guadalajara|MX", "Guadalajara|ES"]}
    no = tracker(options, signal="none")
    no.latest_message["intent"] = {"name": "deny", "confidence": 0.9}
    no.latest_message["entities"] = [{"entity": "location", "value": "España"}, {"entity": "country", "value": "ES"}]
    messages, _ = await run(action_with(starter_store), no)
    assert "Farmacia asociada — 900 202 010, gratis" in [m["text"] for m in messages]


async def test_a_yes_that_names_another_country_routes_on_that_country(starter_store: DirectoryStore) -> None:
    """ "Hamilton in the United Kingdom?" → "tak, w Kanadzie" (read as yes): Canada (Kids Help Phone),
    not the place asked about; "yes, in the UK" still confirms it."""
    options = {"location": "Kanadzie", "country": "CA", "lang": "pl", "persona": "rumianek",
               "place_options": ["Hamilton|GB", "Hamilton|CA", "Hamilton|NZ"]}
    yes = tracker(options, signal="none")
    yes.latest_message["intent"] = {"name": "affirm", "confidence": 0.97}
    yes.latest_message["entities"] = [{"entity": "location", "value": "Kanadzie"}, {"entity": "country", "value": "CA"}]
    messages, events = await run(action_with(starter_store), yes)
    texts = " ".join(m["text"] or "" for m in messages)
    assert "668-6868" in texts and "0800 1111" not in texts
    assert {e["name"]: e["value"] for e in events}["place_options"] is None
    same = tracker({**options, "location": "Wielkiej Brytanii", "country": "GB"}, signal="none")
    same.latest_message["intent"] = {"name": "affirm", "confidence": 0.97}
    same.latest_message["entities"] = [{"entity": "location", "value": "Wielkiej Brytanii"}]
    messages, events = await run(action_with(starter_store), same)
    assert "0800 1111" in " ".join(m["text"] or "" for m in messages)
    assert {e["name"]: e["value"] for e in events}["country"] == "GB"


def answering(text: str, intent: str, slots: Optional[dict[str, Any]] = None,
              events: Optional[list[dict[str, Any]]] = None) -> Tracker:
    """The child's ``text`` (read as ``intent``, no place entity) after the bot's question: an answer
    carries no help signal of its own (nlu/quiet.py ``as_location_answer``); the help signal the referral
    routes on came earlier."""
    told = {"event": "user", "parse_data": {"signal": "abuse_disclosure", "urgent": False}}
    t = tracker({"lang": "es", "persona": "plain", **(slots or {})}, events=[told, *(events or [])])
    t.latest_message.update(text=text, intent={"name": intent, "confidence": 0.9}, signal="none")
    return t


async def test_a_lower_case_country_answering_which_city_is_routed_on(starter_store: DirectoryStore) -> None:
    """ "chile" to "which city or country?": the extractor, which does not see the question, wants a
    capital letter for a name that is also a word; the answer is the place whatever its intent."""
    messages, events = await run(action_with(starter_store), answering("chile", "deny", events=asked_which_city(1)))
    slots = {e["name"]: e["value"] for e in events}
    assert slots == {"location": "chile", "country": "CL", "dial_first": "133"}
    assert messages[0] == msg(response="utter_referral_intro")
    assert any("133" in (m["text"] or "") for m in messages[1:])


async def test_words_that_answer_a_question_are_no_place(starter_store: DirectoryStore) -> None:
    """ "nada" is also a Chinese city of 250,000: to "which city?" it is a refusal, as before."""
    _, events = await run(action_with(starter_store), answering("nada", "deny", events=asked_which_city(1)))
    assert {e["name"]: e["value"] for e in events} == {"location_refused": True}
    messages, events = await run(action_with(starter_store), answering("hola", "greet", events=asked_which_city(1)))
    assert not any(e["name"] in ("location", "country") for e in events)


async def test_a_short_message_read_as_saying_where_names_its_place(starter_store: DirectoryStore) -> None:
    """ "en santiago" (intent inform_location, lower case, no entity) is asked about, not met by
    "which city?" again."""
    messages, events = await run(action_with(starter_store), answering("en santiago", "inform_location"))
    assert len(messages) == 1 and "Santiago" in messages[0]["text"] and "Chile" in messages[0]["text"]
    assert {e["name"]: e["value"] for e in events}["location"] == "santiago"


async def test_the_country_of_an_option_answers_which_place(starter_store: DirectoryStore) -> None:
    """ "Santiago in Chile?" → "chile": Santiago de Chile (133), not a refusal."""
    options = {"location": "santiago", "place_options": ["Santiago|CL", "Santiago de Compostela|ES"]}
    messages, events = await run(action_with(starter_store), answering("chile", "deny", options))
    assert messages[0] == msg(response="utter_referral_intro")
    assert any("133" in (m["text"] or "") for m in messages[1:])
    assert {e["name"]: e["value"] for e in events}["place_options"] is None


def test_a_service_name_is_said_without_its_number_and_the_directory_notes() -> None:
    from actions.referral import spoken_name

    assert spoken_name("Telefon Zaufania dla Dzieci i Młodzieży 116 111", "116111") == \
        "Telefon Zaufania dla Dzieci i Młodzieży"
    assert spoken_name("116 111 (Fundación ANAR)", "116111") == "Fundación ANAR"
    assert spoken_name("ICBF línea nacional (toll-free)", "01 8000 918080") == "ICBF línea nacional"
    assert spoken_name("Línea 102", "102") == "Línea 102"  # the number is the name
    assert spoken_name("Childline", "08001111") == "Childline"


@pytest.mark.parametrize("lang, note", [("es", False), ("en", True)])
async def test_the_directorys_english_notes_stay_out_of_a_spanish_reply(starter_store: DirectoryStore, lang: str,
                                                                        note: bool) -> None:
    """The s19 probe: the Mexico City line read "Línea de Seguridad y Chat de Confianza (psychological
    first aid, all ages; not child-specific)" in a Spanish reply; an English reply keeps the note."""
    t = tracker({"location": "Ciudad de México", "lang": lang, "persona": "plain"})
    messages, _ = await run(action_with(starter_store), t)
    lines = [m["text"] for m in messages if m["text"]]
    assert any("Línea de Seguridad y Chat de Confianza" in text for text in lines)
    assert any("psychological first aid" in text for text in lines) is note


async def test_a_place_named_after_refusing_is_routed_not_met_by_silence(starter_store: DirectoryStore) -> None:
    """The s20r4 probe: after "i dont want to say where i am", "dobra. poznan" drew no reply at all
    (routed as refused; the plain bot has no country of its own)."""
    t = answering("dobra. poznan", "inform_location", {"location_refused": True, "lang": "pl"})
    messages, events = await run(action_with(starter_store), t)
    assert messages[0] == msg(response="utter_referral_intro")
    assert any("116 111" in (m["text"] or "") for m in messages[1:])
    assert {e["name"]: e["value"] for e in events}["location_refused"] is None


async def test_a_shopper_naming_a_place_is_answered_as_the_shop(starter_store: DirectoryStore) -> None:
    """The s21 probe: "¿tenéis envío a Polonia? estoy de Erasmus en Cracovia" (inform_location 0.42,
    shipping 0.20) with no help asked for drew "Farmacia asociada — 116 111" in the shop."""
    shopper = tracker({"location": "en Cracovia", "country": "PL", "lang": "es"}, signal="none")
    shopper.latest_message["intent"] = {"name": "inform_location", "confidence": 0.42}
    shopper.latest_message["intent_ranking"] = [{"name": "inform_location", "confidence": 0.42},
                                                {"name": "rumianek__help_request", "confidence": 0.21},
                                                {"name": "rumianek__shipping", "confidence": 0.20}]
    messages, events = await run(action_with(starter_store), shopper)
    assert (messages, events) == ([msg(response="utter_rumianek__shipping")], [])  # the code is no answer
    shopper.latest_message["intent_ranking"] = shopper.latest_message["intent_ranking"][:2]
    messages, _ = await run(action_with(starter_store), shopper)
    assert messages == [msg(response="utter_out_of_scope")]
    # once a message asked for help, the place is routed on
    asked = [{"event": "user", "text": "(not used)", "parse_data": {"signal": "abuse_disclosure"}}]
    child = tracker({"location": "en Cracovia", "country": "PL", "lang": "es"}, signal="none", events=asked)
    child.latest_message["intent"] = {"name": "inform_location", "confidence": 0.9}
    messages, _ = await run(action_with(starter_store), child)
    assert "116 111" in messages[1]["text"]


async def test_a_place_refused_to_the_offer_of_a_person_asks_the_offer_again(starter_store: DirectoryStore) -> None:
    """The s21 probe: "no quiero decir dónde vivo" to "shall a person write to you?" was met like a no,
    and the "sí" after it was not understood. No place is needed for a person to write here."""
    offered = [{"event": "bot", "text": "...", "metadata": {"utter_action": "utter_offer_counselor"}}]
    refusal = tracker({"persona": "plain", "lang": "es"}, signal="none", events=offered)
    refusal.latest_message["intent"] = {"name": "inform_location", "confidence": 0.9}
    refusal.latest_message["entities"] = [{"entity": "location_refused", "value": "true"}]
    messages, events = await run(action_with(starter_store), refusal)
    assert messages == []
    assert [(e["event"], e.get("name"), e.get("value")) for e in events] == [
        ("slot", "location_refused", True), ("followup", "utter_offer_counselor", None)]


async def test_a_place_named_after_an_urgent_message_gets_its_emergency_number_first(
        starter_store: DirectoryStore) -> None:
    """The s21 probe: "i took a bunch of my moms pills like 20 min ago", "i feel weird", "houston" got a
    helpline and 988 but not 911 — the latest help signal (distress) was not urgent. Once a message of
    the conversation was urgent, the place's emergency number comes first."""
    urgent_before = [{"event": "user", "text": "(not used)", "parse_data": {"signal": "self_harm", "urgent": True}}]
    t = tracker({"location": "en Sevilla", "lang": "es", "persona": "plain"}, signal="distress", events=urgent_before)
    messages, _ = await run(action_with(starter_store), t)
    assert messages[1] == msg("Número de emergencias — 112, gratis, abierto 24 horas", emergency=True)
    calm = tracker({"location": "en Sevilla", "lang": "es", "persona": "plain"}, signal="distress")
    messages, _ = await run(action_with(starter_store), calm)
    assert all("112" not in (m["text"] or "") for m in messages)


def told_with_the_place(slots: dict[str, Any], signal: str = "abuse_disclosure", urgent: bool = False,
                        events: Optional[list[dict[str, Any]]] = None) -> Tracker:
    """ "a que numero llamo? mi padre me pega, estoy en Madrid": the disclosure and the place in one message
    (nlu/components/persona.py reads it as the place answer, the help signal kept)."""
    t = tracker(slots, signal, urgent, events)
    t.latest_message["intent"] = {"name": "inform_location", "confidence": 0.9}
    return t


async def test_a_disclosure_told_with_the_place_is_acknowledged_then_routed_then_offered(
        starter_store: DirectoryStore) -> None:
    """Session 23: the referral alone met "what number do i call, my stepdad hits me, im in leeds" with
    numbers only. The disclosure is acknowledged first (the plain or cover line, domain conditions), and
    since that line says a person can talk, the offer follows as its own action (its answers are rules)."""
    from rasa_sdk.events import FollowupAction

    t = told_with_the_place({"location": "in Leeds", "persona": "plain"})
    messages, events = await run(action_with(starter_store), t)
    assert messages[0] == msg(response="utter_ack_abuse_disclosure")
    assert messages[1] == msg(response="utter_referral_intro")
    assert "0800 1111" in messages[2]["text"]
    assert events[-1] == FollowupAction("utter_offer_counselor")


@pytest.mark.parametrize("urgent, signal, said", [
    (True, "imminent_danger", None),  # danger now: the emergency reply said it first
    (False, "abuse_disclosure", "utter_ack_abuse_disclosure"),  # acknowledged before
    (False, "abuse_disclosure", "utter_offer_counselor"),  # a question of ours is answered
    (False, "abuse_disclosure", "utter_ask_location"),
    (False, "ask_human", None),  # "is there a number i can ring, i live in Cambridge": nothing told
])
async def test_no_acknowledgement_before_a_referral_that_answers_or_follows_one(
        starter_store: DirectoryStore, urgent: bool, signal: str, said: Optional[str]) -> None:
    events = [{"event": "bot", "text": "...", "metadata": {"utter_action": said}}] if said else []
    t = told_with_the_place({"location": "in Leeds", "persona": "plain"}, signal, urgent, events)
    messages, returned = await run(action_with(starter_store), t)
    assert not any((m.get("response") or "").startswith("utter_ack_") for m in messages)
    assert not any(e.get("name") == "utter_offer_counselor" for e in returned)


def said(*responses: Optional[str]) -> list[dict[str, Any]]:
    return [{"event": "bot", "text": "...", "metadata": {"utter_action": r} if r else {}} for r in responses]


@pytest.mark.parametrize("offer", ["utter_offer_counselor", "utter_confirm_help", "utter_ask_again"])
async def test_a_yes_after_a_referral_said_instead_of_answering_the_offer_takes_it_up(
        starter_store: DirectoryStore, offer: str) -> None:
    """The s21 probe: the offer, then "he lives in london same as me" (Childline), then "yes" drew "I'm not
    sure I can help with that one": the offer was still open, the yes answers it."""
    from rasa_sdk.events import FollowupAction
    t = tracker({"location": "london", "persona": "plain"}, signal="affirm",
                events=said("utter_peer_help", offer, "utter_referral_intro", None))
    messages, events = await run(action_with(starter_store), t)
    assert messages == [msg(response="utter_please_wait")]
    assert events == [FollowupAction("action_request_counselor")]


@pytest.mark.parametrize("before", [("utter_offer_counselor", "utter_back_to_shop", "utter_referral_intro", None),
                                    ("utter_ask_location", "utter_referral_intro", None),
                                    ("utter_referral_intro", None)])
async def test_a_lone_yes_after_a_referral_with_no_offer_open_is_not_a_request(
        starter_store: DirectoryStore, before: tuple) -> None:
    t = tracker({"location": "london", "persona": "plain"}, signal="affirm", events=said(*before))
    messages, events = await run(action_with(starter_store), t)
    assert messages == [msg(response="utter_out_of_scope")] and events == []
