"""Session 34 (persona-s34, issue 13): no false alarms inside the shop (rumianek) and the game bot (gametips).

Targets (nlu/shop_talk.py, nlu/components/persona.py ``_shop_talk`` and ``_unread_talk``, ``_misread``): a game server
"down right now" (danger now .26: the clock words are no urgency in game talk), Spanish "pegar" said of a thing ("la
crema pega mucho": the urgent code .94 drew 112), a gamer's line read as not understood ("how do i beat the ender
dragon on bedrock", "im getting absolutely destroyed in ranked": "I only know about games") and a shopper's ("these
prices are killing me lol, got any discount codes?") answered in cover; someone knowing where the child lives read as
a place answer (.81) is a help reading. Neighbours — danger now, a person's blow, the code item, contact through a game,
and five disclosures per persona and language in the persona's context — keep their help reading. Rankings are the
model's own (up to ten, at least .01), lines written for these tests."""
from __future__ import annotations

import pytest

from core.signals import HELP_SIGNALS
from nlu.components.persona import PersonaContext
from nlu.open_answers import takes_product
from tests.nlu.context import seen

#: A gamer's or shopper's line the model read as a help or urgent reading: ordinary talk now.
TARGETS_NONE = [
    ("is roblox down right now", "gametips", "en", [("imminent_danger", 0.26), ("gametips__urgent", 0.23), ("affirm", 0.11), ("out_of_scope", 0.06), ("gametips__ask_account_help", 0.04), ("gametips__ask_controls", 0.04), ("gametips__ask_cheats", 0.03), ("deny", 0.03), ("distress", 0.02), ("self_harm_urgent", 0.02)]),
    ("is the minecraft server down rn", "gametips", "en", [("out_of_scope", 0.8), ("gametips__ask_patch_notes", 0.03), ("gametips__ask_lag", 0.03), ("gametips__not_safe", 0.02), ("gametips__ask_level_tips", 0.01), ("imminent_danger", 0.01), ("distress", 0.01), ("gametips__ask_multiplayer", 0.01), ("self_harm_urgent", 0.01), ("gametips__ask_game_recommendation", 0.01)]),
    ("la crema pega mucho", "rumianek", "es", [("rumianek__urgent", 0.94), ("rumianek__ask_product_info", 0.02), ("abuse_disclosure", 0.01), ("rumianek__visit_request", 0.0), ("rumianek__ask_price", 0.0), ("thanks", 0.0), ("rumianek__feedback", 0.0), ("rumianek__peer_help", 0.0), ("rumianek__clean_chat", 0.0), ("rumianek__returns", 0.0)]),
    ("el bálsamo se pega a la ropa", "rumianek", "es", [("abuse_disclosure", 0.69), ("rumianek__ask_product_info", 0.08), ("rumianek__returns", 0.06), ("rumianek__ask_price", 0.03), ("rumianek__feedback", 0.03), ("peer_help", 0.02), ("rumianek__ask_products", 0.02), ("rumianek__delivery_time", 0.01), ("bullying", 0.01), ("rumianek__order_admin", 0.01)]),
    ("hay que pegar la etiqueta", "rumianek", "es", [("rumianek__website_help", 0.34), ("imminent_danger", 0.16), ("rumianek__ask_products", 0.06), ("greet", 0.05), ("rumianek__payment", 0.05), ("inform_location", 0.03), ("rumianek__discounts", 0.03), ("out_of_scope", 0.03), ("rumianek__clean_chat", 0.02), ("peer_help", 0.02)]),
]

#: A gamer's or shopper's line read as not understood: the persona's answer (intent, or its prefix).
TARGETS_ANSWERED = [
    ("how do i beat the ender dragon on bedrock", "gametips", "en", [("out_of_scope", 0.58), ("gametips__ask_boss_tips", 0.33), ("gametips__ask_controls", 0.01), ("gametips__ask_multiplayer", 0.01), ("gametips__ask_account_help", 0.01), ("self_harm_urgent", 0.01), ("gametips__ask_genre_tips", 0.01), ("gametips__ask_cheats", 0.01), ("imminent_danger", 0.01), ("affirm", 0.0)], "gametips__ask_boss_tips"),
    ("im getting absolutely destroyed in ranked, my team is trash lol", "gametips", "en", [("out_of_scope", 1.0), ("gametips__ask_genre_tips", 0.0), ("gametips__ask_multiplayer", 0.0), ("distress", 0.0), ("gametips__ask_level_tips", 0.0), ("affirm", 0.0), ("deny", 0.0), ("gametips__visit_request", 0.0), ("bullying", 0.0), ("self_harm_urgent", 0.0)], "gametips__"),
    ("im gonna cry i lost my 200 day streak", "gametips", "en", [("out_of_scope", 0.86), ("distress", 0.12), ("self_harm_urgent", 0.01), ("online_exploitation", 0.0), ("gametips__visit_request", 0.0), ("gametips__ask_account_help", 0.0), ("goodbye", 0.0), ("gametips__ask_lag", 0.0), ("gametips__ask_level_tips", 0.0), ("gametips__ask_multiplayer", 0.0)], "gametips__"),
    ("ugh the final boss keeps killing me", "gametips", "en", [("out_of_scope", 1.0), ("gametips__ask_boss_tips", 0.0), ("gametips__ask_lag", 0.0), ("bullying", 0.0), ("online_exploitation", 0.0), ("gametips__help_request", 0.0), ("gametips__ask_patch_notes", 0.0), ("thanks", 0.0), ("gametips__ask_guides", 0.0), ("gametips__ask_cheats", 0.0)], "gametips__"),
    ("these prices are killing me lol, got any discount codes?", "rumianek", "en", [("out_of_scope", 0.97), ("rumianek__discounts", 0.02), ("rumianek__ask_price", 0.0), ("rumianek__website_help", 0.0), ("rumianek__not_safe", 0.0), ("rumianek__help_request", 0.0), ("rumianek__payment", 0.0), ("rumianek__visit_request", 0.0), ("rumianek__order_admin", 0.0), ("rumianek__returns", 0.0)], "rumianek__discounts"),
]

#: Someone knowing where the child lives, read as a place answer: a help reading.
TARGETS_HELP = [
    ("someone from fortnite knows where i live", "gametips", "en", [("inform_location", 0.81), ("online_exploitation", 0.09), ("out_of_scope", 0.04), ("ask_human", 0.01), ("gametips__ask_game_recommendation", 0.01), ("gametips__ask_account_help", 0.0), ("gametips__ask_multiplayer", 0.0), ("self_harm_urgent", 0.0), ("gametips__ask_guides", 0.0), ("gametips__ask_lag", 0.0)]),
    ("this kid from roblox found out where i live", "gametips", "en", [("inform_location", 0.64), ("out_of_scope", 0.11), ("gametips__ask_account_help", 0.06), ("online_exploitation", 0.05), ("gametips__ask_level_tips", 0.02), ("gametips__ask_genre_tips", 0.02), ("self_harm", 0.02), ("gametips__ask_patch_notes", 0.01), ("self_harm_urgent", 0.01), ("probe", 0.01)]),
    ("someone from fortnite knows where i live", "plain", "en", [("inform_location", 0.7), ("out_of_scope", 0.16), ("online_exploitation", 0.12), ("ask_human", 0.01), ("imminent_danger", 0.0), ("greet", 0.0), ("self_harm_urgent", 0.0), ("thanks", 0.0), ("probe", 0.0), ("self_harm", 0.0)]),
    ("alguien de un juego sabe donde vivo", "rumianek", "es", [("inform_location", 0.69), ("out_of_scope", 0.13), ("ask_human", 0.11), ("online_exploitation", 0.01), ("rumianek__contact", 0.01), ("imminent_danger", 0.01), ("rumianek__shipping", 0.0), ("peer_help", 0.0), ("rumianek__website_help", 0.0), ("rumianek__payment", 0.0)]),
    ("ktoś z gry wie gdzie mieszkam", "rumianek", "pl", [("inform_location", 0.79), ("online_exploitation", 0.15), ("out_of_scope", 0.01), ("ask_human", 0.01), ("imminent_danger", 0.0), ("thanks", 0.0), ("rumianek__visit_request", 0.0), ("rumianek__shipping", 0.0), ("rumianek__feedback", 0.0), ("rumianek__clean_chat", 0.0)]),
]

#: Neighbours and the persona's disclosures (code phrase or plain danger): their reading stays (signal, urgent).
NEIGHBOURS = [
    ("my dad is hitting me right now and roblox is down", "gametips", "en", [("imminent_danger", 0.93), ("gametips__urgent", 0.01), ("abuse_disclosure", 0.01), ("peer_help", 0.01), ("gametips__ask_controls", 0.0), ("distress", 0.0), ("gametips__ask_lag", 0.0), ("gametips__ask_account_help", 0.0), ("gametips__ask_cheats", 0.0), ("out_of_scope", 0.0)], "imminent_danger", True),
    ("im gonna cry every night, my dad hits me", "gametips", "en", [("abuse_disclosure", 0.99), ("distress", 0.01), ("self_harm_urgent", 0.0), ("out_of_scope", 0.0), ("gametips__ask_lag", 0.0), ("gametips__help_request", 0.0), ("gametips__ask_genre_tips", 0.0), ("gametips__ask_cheats", 0.0), ("online_exploitation", 0.0), ("goodbye", 0.0)], "abuse_disclosure", False),
    ("a guy in fortnite wants my address", "gametips", "en", [("online_exploitation", 0.97), ("gametips__visit_request", 0.01), ("out_of_scope", 0.0), ("gametips__not_safe", 0.0), ("gametips__ask_multiplayer", 0.0), ("gametips__ask_game_recommendation", 0.0), ("inform_location", 0.0), ("affirm", 0.0), ("gametips__ask_account_help", 0.0), ("gametips__clean_chat", 0.0)], "online_exploitation", False),
    ("my home level boss is killing me", "gametips", "en", [("gametips__help_request", 0.7), ("gametips__urgent", 0.14), ("out_of_scope", 0.13), ("gametips__peer_help", 0.01), ("gametips__visit_request", 0.01), ("gametips__ask_cheats", 0.0), ("gametips__ask_controls", 0.0), ("gametips__clean_chat", 0.0), ("gametips__ask_lag", 0.0), ("gametips__ask_patch_notes", 0.0)], "help_request", False),
    ("a man sent me photos and says my instagram is pretty", "rumianek", "en", [("online_exploitation", 1.0), ("peer_help", 0.0), ("rumianek__contact", 0.0), ("abuse_disclosure", 0.0), ("rumianek__delivery_time", 0.0), ("rumianek__feedback", 0.0), ("rumianek__discounts", 0.0), ("rumianek__shipping", 0.0), ("distress", 0.0), ("rumianek__ask_price", 0.0)], "online_exploitation", False),
    ("la crema de manzanilla pega mucho", "rumianek", "es", [("rumianek__help_request", 0.8), ("rumianek__ask_product_info", 0.09), ("rumianek__urgent", 0.08), ("rumianek__feedback", 0.01), ("rumianek__visit_request", 0.0), ("rumianek__peer_help", 0.0), ("abuse_disclosure", 0.0), ("rumianek__clean_chat", 0.0), ("thanks", 0.0), ("rumianek__returns", 0.0)], "help_request", False),
    ("la crema pega mucho y mi padrastro me pega", "rumianek", "es", [("abuse_disclosure", 1.0), ("rumianek__urgent", 0.0), ("rumianek__help_request", 0.0), ("rumianek__ask_price", 0.0), ("rumianek__visit_request", 0.0), ("thanks", 0.0), ("rumianek__ask_product_info", 0.0), ("rumianek__clean_chat", 0.0), ("imminent_danger", 0.0), ("rumianek__not_safe", 0.0)], "abuse_disclosure", False),
    ("mi padre pega mucho", "rumianek", "es", [("abuse_disclosure", 0.99), ("rumianek__not_safe", 0.0), ("thanks", 0.0), ("out_of_scope", 0.0), ("peer_help", 0.0), ("rumianek__payment", 0.0), ("rumianek__ask_price", 0.0), ("rumianek__urgent", 0.0), ("rumianek__clean_chat", 0.0), ("distress", 0.0)], "abuse_disclosure", False),
    ("i need the chamomile cream, my stepdad hits me when mum is at work", "rumianek", "en", [("abuse_disclosure", 0.51), ("rumianek__help_request", 0.49), ("rumianek__feedback", 0.0), ("rumianek__urgent", 0.0), ("rumianek__website_help", 0.0), ("rumianek__returns", 0.0), ("rumianek__ask_product_info", 0.0), ("rumianek__opening_hours", 0.0), ("rumianek__payment", 0.0), ("rumianek__discounts", 0.0)], "abuse_disclosure", False),
    ("can i get chamomile cream tonight, hes drunk again and i'm scared", "rumianek", "en", [("rumianek__help_request", 0.48), ("rumianek__urgent", 0.17), ("imminent_danger", 0.09), ("abuse_disclosure", 0.03), ("rumianek__feedback", 0.03), ("rumianek__returns", 0.02), ("rumianek__ask_products", 0.02), ("rumianek__clean_chat", 0.02), ("rumianek__payment", 0.02), ("rumianek__ask_product_info", 0.01)], "urgent", True),
    ("my skin gets really bad at home, do you have the chamomile cream", "rumianek", "en", [("rumianek__help_request", 1.0), ("rumianek__urgent", 0.0), ("rumianek__peer_help", 0.0), ("rumianek__ask_products", 0.0), ("rumianek__feedback", 0.0), ("rumianek__discounts", 0.0), ("rumianek__ask_product_info", 0.0), ("rumianek__contact", 0.0), ("rumianek__visit_request", 0.0), ("rumianek__clean_chat", 0.0)], "help_request", False),
    ("my mums boyfriend kicked me and i cant stop shaking", "rumianek", "en", [("abuse_disclosure", 0.31), ("distress", 0.18), ("bullying", 0.13), ("imminent_danger", 0.11), ("self_harm", 0.03), ("rumianek__returns", 0.02), ("self_harm_urgent", 0.02), ("rumianek__clean_chat", 0.01), ("rumianek__feedback", 0.01), ("rumianek__order_admin", 0.01)], "abuse_disclosure", False),
    ("a man i met online keeps asking for pictures, i dont know what to do", "rumianek", "en", [("online_exploitation", 1.0), ("rumianek__help_request", 0.0), ("distress", 0.0), ("peer_help", 0.0), ("rumianek__ask_products", 0.0), ("rumianek__peer_help", 0.0), ("probe", 0.0), ("imminent_danger", 0.0), ("rumianek__returns", 0.0), ("rumianek__order_admin", 0.0)], "online_exploitation", False),
    ("necesito la crema de manzanilla, mi padrastro me pega cuando bebe", "rumianek", "es", [("abuse_disclosure", 0.7), ("rumianek__help_request", 0.29), ("rumianek__urgent", 0.0), ("rumianek__peer_help", 0.0), ("rumianek__visit_request", 0.0), ("rumianek__ask_product_info", 0.0), ("rumianek__feedback", 0.0), ("rumianek__payment", 0.0), ("rumianek__ask_products", 0.0), ("rumianek__clean_chat", 0.0)], "abuse_disclosure", False),
    ("quiero la crema de manzanilla para esta noche, tengo miedo de que vuelva", "rumianek", "es", [("rumianek__help_request", 0.59), ("rumianek__urgent", 0.2), ("self_harm_urgent", 0.03), ("distress", 0.03), ("rumianek__ask_product_info", 0.03), ("rumianek__ask_products", 0.03), ("rumianek__feedback", 0.02), ("imminent_danger", 0.02), ("rumianek__visit_request", 0.01), ("rumianek__clean_chat", 0.01)], "urgent", True),
    ("la piel se me pone fatal en casa, tenéis crema de manzanilla", "rumianek", "es", [("rumianek__help_request", 1.0), ("rumianek__urgent", 0.0), ("rumianek__peer_help", 0.0), ("rumianek__ask_product_info", 0.0), ("rumianek__visit_request", 0.0), ("rumianek__feedback", 0.0), ("rumianek__contact", 0.0), ("distress", 0.0), ("online_exploitation", 0.0), ("rumianek__discounts", 0.0)], "help_request", False),
    ("mi madre me pega con la zapatilla casi todos los días", "rumianek", "es", [("abuse_disclosure", 1.0), ("out_of_scope", 0.0), ("bullying", 0.0), ("peer_help", 0.0), ("rumianek__clean_chat", 0.0), ("rumianek__order_admin", 0.0), ("rumianek__payment", 0.0), ("rumianek__visit_request", 0.0), ("rumianek__feedback", 0.0), ("self_harm", 0.0)], "abuse_disclosure", False),
    ("un chico de internet me pide fotos y dice que si no se las mando las enseña", "rumianek", "es", [("online_exploitation", 1.0), ("peer_help", 0.0), ("rumianek__website_help", 0.0), ("rumianek__returns", 0.0), ("imminent_danger", 0.0), ("rumianek__ask_products", 0.0), ("out_of_scope", 0.0), ("rumianek__delivery_time", 0.0), ("rumianek__ask_price", 0.0), ("rumianek__ask_product_info", 0.0)], "online_exploitation", False),
    ("poproszę krem rumiankowy, ojczym mnie bije jak mamy nie ma", "rumianek", "pl", [("abuse_disclosure", 0.99), ("rumianek__help_request", 0.01), ("rumianek__visit_request", 0.0), ("rumianek__feedback", 0.0), ("rumianek__ask_product_info", 0.0), ("rumianek__order_admin", 0.0), ("deny", 0.0), ("rumianek__website_help", 0.0), ("rumianek__clean_chat", 0.0), ("rumianek__returns", 0.0)], "abuse_disclosure", False),
    ("potrzebuję krem rumiankowy na dziś wieczór, boję się że wróci pijany", "rumianek", "pl", [("rumianek__urgent", 0.83), ("rumianek__help_request", 0.1), ("imminent_danger", 0.03), ("rumianek__peer_help", 0.01), ("rumianek__feedback", 0.0), ("online_exploitation", 0.0), ("rumianek__discounts", 0.0), ("rumianek__visit_request", 0.0), ("rumianek__delivery_time", 0.0), ("rumianek__returns", 0.0)], "urgent", True),
    ("skóra mi się pogarsza w domu, macie krem rumiankowy", "rumianek", "pl", [("rumianek__help_request", 1.0), ("rumianek__urgent", 0.0), ("rumianek__peer_help", 0.0), ("rumianek__ask_product_info", 0.0), ("rumianek__visit_request", 0.0), ("rumianek__order_admin", 0.0), ("rumianek__feedback", 0.0), ("rumianek__clean_chat", 0.0), ("rumianek__contact", 0.0), ("rumianek__discounts", 0.0)], "help_request", False),
    ("tata mnie uderzył w twarz i mam siniaka", "rumianek", "pl", [("abuse_disclosure", 0.99), ("imminent_danger", 0.0), ("out_of_scope", 0.0), ("rumianek__feedback", 0.0), ("distress", 0.0), ("online_exploitation", 0.0), ("self_harm", 0.0), ("rumianek__order_admin", 0.0), ("rumianek__returns", 0.0), ("rumianek__help_request", 0.0)], "abuse_disclosure", False),
    ("jakiś facet z internetu chce żebym wysłała mu zdjęcia", "rumianek", "pl", [("online_exploitation", 1.0), ("peer_help", 0.0), ("imminent_danger", 0.0), ("rumianek__returns", 0.0), ("ask_human", 0.0), ("rumianek__clean_chat", 0.0), ("affirm", 0.0), ("inform_location", 0.0), ("self_harm", 0.0), ("thanks", 0.0)], "online_exploitation", False),
    ("can i get the lantern quest, my home level boss hit me again", "gametips", "en", [("gametips__help_request", 1.0), ("gametips__peer_help", 0.0), ("gametips__urgent", 0.0), ("abuse_disclosure", 0.0), ("gametips__visit_request", 0.0), ("gametips__clean_chat", 0.0), ("gametips__ask_cheats", 0.0), ("gametips__ask_level_tips", 0.0), ("gametips__not_safe", 0.0), ("gametips__ask_patch_notes", 0.0)], "help_request", False),
    ("i need the lantern quest right now, hes banging on my door", "gametips", "en", [("gametips__urgent", 0.96), ("imminent_danger", 0.03), ("gametips__not_safe", 0.0), ("gametips__help_request", 0.0), ("gametips__ask_level_tips", 0.0), ("gametips__clean_chat", 0.0), ("gametips__ask_patch_notes", 0.0), ("gametips__ask_account_help", 0.0), ("gametips__visit_request", 0.0), ("gametips__ask_cheats", 0.0)], "urgent", True),
    ("someone from fortnite knows where i live and keeps messaging me", "gametips", "en", [("online_exploitation", 0.91), ("inform_location", 0.03), ("imminent_danger", 0.03), ("gametips__ask_lag", 0.0), ("ask_human", 0.0), ("gametips__ask_multiplayer", 0.0), ("gametips__ask_guides", 0.0), ("gametips__ask_account_help", 0.0), ("gametips__ask_cheats", 0.0), ("self_harm_urgent", 0.0)], "online_exploitation", False),
    ("a guy on roblox wants me to send pics and says its our secret", "gametips", "en", [("online_exploitation", 1.0), ("abuse_disclosure", 0.0), ("peer_help", 0.0), ("gametips__ask_multiplayer", 0.0), ("gametips__ask_controls", 0.0), ("gametips__visit_request", 0.0), ("gametips__ask_genre_tips", 0.0), ("thanks", 0.0), ("gametips__ask_guides", 0.0), ("gametips__ask_account_help", 0.0)], "online_exploitation", False),
    ("i cry every night because my dad shouts and hits my mum", "gametips", "en", [("abuse_disclosure", 1.0), ("distress", 0.0), ("peer_help", 0.0), ("out_of_scope", 0.0), ("gametips__ask_cheats", 0.0), ("gametips__clean_chat", 0.0), ("bullying", 0.0), ("gametips__ask_boss_tips", 0.0), ("gametips__not_safe", 0.0), ("gametips__ask_controls", 0.0)], "abuse_disclosure", False),
]

#: Near lines that stay what the model read: a child's own address, a game line with a parent in it.
UNCHANGED = [
    ("im so bored", "gametips", "en", [("out_of_scope", 1.0), ("distress", 0.0), ("online_exploitation", 0.0), ("greet", 0.0), ("goodbye", 0.0), ("imminent_danger", 0.0), ("deny", 0.0), ("affirm", 0.0), ("inform_location", 0.0), ("gametips__ask_cheats", 0.0)], "out_of_scope"),
    ("i know where i live lol, whats the best starter class", "gametips", "en", [("out_of_scope", 0.4), ("inform_location", 0.28), ("gametips__not_safe", 0.19), ("gametips__ask_level_tips", 0.03), ("gametips__ask_genre_tips", 0.02), ("probe", 0.01), ("self_harm_urgent", 0.01), ("gametips__ask_boss_tips", 0.01), ("gametips__ask_cheats", 0.0), ("thanks", 0.0)], "out_of_scope"),
    ("im gonna cry, my dad took my xbox", "gametips", "en", [("out_of_scope", 0.99), ("self_harm_urgent", 0.01), ("gametips__ask_account_help", 0.0), ("inform_location", 0.0), ("abuse_disclosure", 0.0), ("distress", 0.0), ("gametips__ask_multiplayer", 0.0), ("gametips__ask_controls", 0.0), ("gametips__ask_boss_tips", 0.0), ("gametips__clean_chat", 0.0)], "out_of_scope"),
]



@pytest.mark.parametrize("text,persona,lang,ranking", TARGETS_NONE)
def test_a_gamers_or_shoppers_line_is_no_alarm(component: PersonaContext, text: str, persona: str, lang: str,
                                               ranking: list) -> None:
    _, signal, urgent, _ = seen(component, text, ranking, lang, persona)
    assert (signal, urgent) == ("none", False)


@pytest.mark.parametrize("text,persona,lang,ranking,intent", TARGETS_ANSWERED)
def test_a_line_not_understood_gets_the_personas_answer(component: PersonaContext, text: str, persona: str, lang: str,
                                                        ranking: list, intent: str) -> None:
    got, signal, urgent, _ = seen(component, text, ranking, lang, persona)
    assert (signal, urgent) == ("none", False)
    assert got == intent or (intent.endswith("__") and got.startswith(intent))


@pytest.mark.parametrize("text,persona,lang,ranking", TARGETS_HELP)
def test_someone_knowing_where_i_live_is_a_help_reading(component: PersonaContext, text: str, persona: str, lang: str,
                                                        ranking: list) -> None:
    intent, signal, _, entities = seen(component, text, ranking, lang, persona)
    assert signal in HELP_SIGNALS and intent != "inform_location"
    assert not any(name == "location" for name, _ in entities)


@pytest.mark.parametrize("text,persona,lang,ranking,signal,urgent", NEIGHBOURS)
def test_disclosures_and_neighbours_keep_their_reading(component: PersonaContext, text: str, persona: str, lang: str,
                                                       ranking: list, signal: str, urgent: bool) -> None:
    _, got, got_urgent, _ = seen(component, text, ranking, lang, persona)
    assert got == signal and got in HELP_SIGNALS
    assert got_urgent or not urgent


@pytest.mark.parametrize("text,persona,lang,ranking,intent", UNCHANGED)
def test_near_lines_keep_the_models_reading(component: PersonaContext, text: str, persona: str, lang: str,
                                           ranking: list, intent: str) -> None:
    assert seen(component, text, ranking, lang, persona)[:3] == (intent, "none", False)


def test_a_bare_feeling_in_the_game_is_the_codes_question(component: PersonaContext) -> None:
    """ "im gonna cry" alone (not understood .47, distress .37) drew "I only know about games": the code's discreet
    question in cover voice, never urgent."""
    intent, signal, urgent, _ = seen(component, "im gonna cry", [("out_of_scope", 0.47), ("distress", 0.37), ("self_harm_urgent", 0.13), ("inform_location", 0.01), ("greet", 0.0), ("imminent_danger", 0.0), ("gametips__ask_cheats", 0.0), ("deny", 0.0), ("gametips__clean_chat", 0.0), ("online_exploitation", 0.0)], "en", "gametips")
    assert (intent, signal, urgent) == ("help_request", "help_request", False)


@pytest.mark.parametrize("text,lang", [
    ("perfecto, me la llevo", "es"), ("ok ill take it", "en"), ("super, biorę", "pl"), ("vale, pues me lo quedo", "es"),
])
def test_taking_the_product_is_the_shape(text: str, lang: str) -> None:
    assert takes_product(text, lang)


@pytest.mark.parametrize("text,lang", [
    ("sí, me la llevo", "es"), ("me la llevo, mi padre me pega", "es"), ("ill take it, my stepdad hits me", "en"),
    ("biorę, tata mnie bije", "pl"), ("perfecto", "es"), ("yes please", "en"),
])
def test_taking_the_product_with_more_is_not_the_shape(text: str, lang: str) -> None:
    assert not takes_product(text, lang)
