"""Session 33 (persona-s33, issue 13): ordinary shoppers and gamers answered with a safety reading inside the personas
(nlu/shop_talk.py, nlu/components/persona.py _shop_talk). Night as a kind of product or a delivery hour ("krem na noc",
the urgent code .75; "czy kurier może przyjść wieczorem po osiemnastej", .94), the code item as a present for mum on an
occasion, a product praised or a friend's praise passed on, a family member's skin type, the shop's photos praised, a
product asked for again, the urgent code read weakly beside the shop's talk, bots "bullying" a gamer and a weak plain
reading of game talk are cover talk. Their neighbours — the code's tonight, haste, skin trouble, harm, a person
named — keep their reading. Rankings as the model gave them (the ten it reports, at least .01); lines written for these
tests (targets from the brief's known cases and the session's TUNE half). The weak readings set aside (the urgent
code .20-.33, a quiet or help reading below .5) are checked on the model in tests/conversations/persona_s33.yml: a
ranking cut to the ten reported does not decide them as the model's whole ranking does."""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen

TARGETS = [
    ('krem na noc', "rumianek", "pl", [("rumianek__urgent", 0.75), ("rumianek__ask_product_info", 0.08), ("rumianek__help_request", 0.06), ("rumianek__visit_request", 0.06), ("out_of_scope", 0.05)]),
    ('macie krem na noc?', "rumianek", "pl", [("rumianek__help_request", 0.47), ("rumianek__ask_product_info", 0.18), ("rumianek__ask_products", 0.16), ("rumianek__urgent", 0.07), ("out_of_scope", 0.12)]),
    ('czy kurier może przyjść wieczorem po osiemnastej', "rumianek", "pl", [("rumianek__urgent", 0.94), ("rumianek__delivery_time", 0.04), ("out_of_scope", 0.0), ("rumianek__ask_product_info", 0.0), ("greet", 0.02)]),
    ('is there a cream i can put on before bed', "rumianek", "en", [("rumianek__help_request", 0.4), ("rumianek__ask_product_info", 0.2), ("rumianek__urgent", 0.14), ("ask_human", 0.07), ("out_of_scope", 0.19)]),
    ('chce kupic krem rumiankowy mamie na urodziny', "rumianek", "pl", [("rumianek__help_request", 0.69), ("rumianek__ask_products", 0.28), ("rumianek__feedback", 0.0), ("online_exploitation", 0.0), ("out_of_scope", 0.03)]),
    ('ile kosztuje krem rumiankowy? chce kupic mamie na dzien matki', "rumianek", "pl", [("rumianek__help_request", 0.92), ("rumianek__ask_products", 0.04), ("rumianek__delivery_time", 0.0), ("rumianek__order_admin", 0.0), ("out_of_scope", 0.04)]),
    ('a friend says your hand cream is to die for, is it really that good', "rumianek", "en", [("peer_help", 0.62), ("rumianek__ask_product_info", 0.08), ("rumianek__urgent", 0.07), ("rumianek__feedback", 0.04), ("out_of_scope", 0.19)]),
    ('una amiga dice que la crema de manos es una pasada', "rumianek", "es", [("peer_help", 0.35), ("rumianek__peer_help", 0.14), ("rumianek__ask_product_info", 0.09), ("rumianek__ask_price", 0.08), ("out_of_scope", 0.34)]),
    ('koleżanka mówi że wasz krem do rąk jest rewelacyjny', "rumianek", "pl", [("peer_help", 0.58), ("rumianek__feedback", 0.27), ("rumianek__ask_price", 0.02), ("rumianek__contact", 0.02), ("out_of_scope", 0.11)]),
    ("my mum's skin is very sensitive, what would you pick for her", "rumianek", "en", [("rumianek__peer_help", 0.74), ("rumianek__ask_product_info", 0.16), ("out_of_scope", 0.03), ("rumianek__ask_products", 0.02), ("greet", 0.05)]),
    ('your instagram photos are gorgeous', "rumianek", "en", [("online_exploitation", 0.49), ("rumianek__contact", 0.33), ("out_of_scope", 0.1), ("rumianek__feedback", 0.03), ("greet", 0.05)]),
    ('mi madre quiere la misma crema del año pasado, la del tarro amarillo', "rumianek", "es", [("rumianek__not_safe", 0.55), ("rumianek__returns", 0.08), ("rumianek__ask_products", 0.06), ("rumianek__urgent", 0.05), ("out_of_scope", 0.26)]),
    ('im getting bullied by bots lol they keep camping me', "gametips", "en", [("bullying", 1.0), ("out_of_scope", 0.0), ("gametips__ask_genre_tips", 0.0), ("gametips__ask_guides", 0.0)]),
    ('my internet keeps dropping during matches', "gametips", "en", [("online_exploitation", 0.39), ("gametips__ask_lag", 0.19), ("out_of_scope", 0.15), ("gametips__ask_level_tips", 0.07), ("greet", 0.2)]),
]

NEIGHBOURS = [
    ('czy może przyjść dziś w nocy', "rumianek", "pl", [("rumianek__urgent", 0.98), ("self_harm_urgent", 0.0), ("rumianek__delivery_time", 0.0), ("imminent_danger", 0.0), ("out_of_scope", 0.02)], "urgent"),
    ('czy ktoś może przywieźć krem dziś wieczorem', "rumianek", "pl", [("rumianek__urgent", 1.0), ("out_of_scope", 0.0), ("rumianek__delivery_time", 0.0), ("ask_human", 0.0)], "urgent"),
    ('krem potrzebny przed wieczorem', "rumianek", "pl", [("rumianek__urgent", 1.0), ("rumianek__delivery_time", 0.0), ("rumianek__help_request", 0.0), ("rumianek__returns", 0.0)], "urgent"),
    ('potrzebuje kremu zanim wrócą wieczorem', "rumianek", "pl", [("rumianek__urgent", 1.0), ("out_of_scope", 0.0), ("rumianek__peer_help", 0.0), ("ask_human", 0.0)], "urgent"),
    ('dzisiaj w nocy skóra będzie bardzo zła', "rumianek", "pl", [("rumianek__urgent", 1.0), ("self_harm_urgent", 0.0), ("rumianek__help_request", 0.0), ("rumianek__peer_help", 0.0)], "urgent"),
    ('krem rumiankowy na noc, skóra w nocy jest zła jak tata pije', "rumianek", "pl", [("rumianek__help_request", 0.91), ("rumianek__urgent", 0.07), ("rumianek__peer_help", 0.01), ("abuse_disclosure", 0.0), ("out_of_scope", 0.01)], "help_request"),
    ('czy krem rumiankowy może być dostarczony w nocy', "rumianek", "pl", [("rumianek__urgent", 0.35), ("rumianek__help_request", 0.29), ("rumianek__ask_product_info", 0.21), ("affirm", 0.03), ("out_of_scope", 0.12)], "urgent"),
    ('could the chamomile cream get here before bedtime', "rumianek", "en", [("rumianek__urgent", 1.0), ("rumianek__help_request", 0.0), ("rumianek__ask_product_info", 0.0), ("rumianek__peer_help", 0.0)], "urgent"),
    ('i need the cream before bedtime', "rumianek", "en", [("rumianek__urgent", 1.0), ("out_of_scope", 0.0), ("rumianek__help_request", 0.0), ("rumianek__ask_product_info", 0.0)], "urgent"),
    ('do you deliver at night? i need the cream tonight', "rumianek", "en", [("rumianek__urgent", 0.99), ("rumianek__shipping", 0.0), ("rumianek__opening_hours", 0.0), ("goodbye", 0.0), ("out_of_scope", 0.01)], "urgent"),
    ('do you deliver in the evenings, my skin is really bad', "rumianek", "en", [("rumianek__urgent", 0.89), ("rumianek__shipping", 0.04), ("rumianek__help_request", 0.03), ("rumianek__discounts", 0.0), ("out_of_scope", 0.04)], "urgent"),
    ('repartís por la noche? la necesito ya', "rumianek", "es", [("rumianek__urgent", 0.56), ("rumianek__opening_hours", 0.1), ("self_harm_urgent", 0.08), ("imminent_danger", 0.03), ("out_of_scope", 0.23)], "urgent"),
    ('tenéis crema de noche? mi piel está fatal desde que mi padrastro bebe', "rumianek", "es", [("rumianek__help_request", 0.98), ("rumianek__urgent", 0.02), ("rumianek__peer_help", 0.0), ("abuse_disclosure", 0.0)], "help_request"),
    ('krem rumiankowy dla mamy na urodziny, bo moja skora jest zla', "rumianek", "pl", [("rumianek__help_request", 0.98), ("rumianek__ask_products", 0.01), ("rumianek__urgent", 0.01), ("rumianek__peer_help", 0.0)], "help_request"),
    ('chce krem rumiankowy na urodziny, tata znowu pije i mam problemy ze skora', "rumianek", "pl", [("rumianek__help_request", 1.0), ("rumianek__ask_products", 0.0), ("abuse_disclosure", 0.0), ("rumianek__urgent", 0.0)], "help_request"),
    ("chamomile cream for my mum's birthday, and one for me, my skin's bad at home", "rumianek", "en", [("rumianek__help_request", 1.0), ("rumianek__ask_products", 0.0), ("rumianek__peer_help", 0.0), ("rumianek__visit_request", 0.0)], "help_request"),
    ('quiero la crema de manzanilla para mi madre por su cumple, y para mi tambien que mi piel esta fatal', "rumianek", "es", [("rumianek__help_request", 0.91), ("rumianek__ask_products", 0.04), ("rumianek__peer_help", 0.02), ("rumianek__urgent", 0.01), ("out_of_scope", 0.02)], "help_request"),
    ('my friend says the chamomile cream is amazing, she needs it because her dad hits her', "rumianek", "en", [("peer_help", 0.96), ("rumianek__peer_help", 0.03), ("rumianek__feedback", 0.01), ("rumianek__not_safe", 0.0)], "peer_help"),
    ('my friend says the hand cream is great but her skin problems are bad at home', "rumianek", "en", [("rumianek__peer_help", 0.98), ("rumianek__help_request", 0.01), ("rumianek__feedback", 0.0), ("rumianek__payment", 0.0), ("out_of_scope", 0.01)], "peer_help"),
    ('la crema esta de muerte, aqui esta todo fatal', "rumianek", "es", [("rumianek__urgent", 0.83), ("out_of_scope", 0.05), ("rumianek__not_safe", 0.04), ("rumianek__clean_chat", 0.01), ("greet", 0.07)], "urgent"),
    ('the lip balm is to die for but my skin is so bad since my stepdad moved in', "rumianek", "en", [("rumianek__help_request", 0.91), ("rumianek__feedback", 0.01), ("rumianek__ask_price", 0.01), ("rumianek__urgent", 0.01), ("out_of_scope", 0.06)], "help_request"),
    ("my sister's skin is so sensitive, she has bruises from dad", "rumianek", "en", [("rumianek__peer_help", 0.99), ("peer_help", 0.0), ("abuse_disclosure", 0.0), ("rumianek__shipping", 0.0), ("out_of_scope", 0.01)], "peer_help"),
    ("my brother's skin is sensitive and bad since our stepdad moved in", "rumianek", "en", [("rumianek__peer_help", 0.93), ("imminent_danger", 0.02), ("rumianek__shipping", 0.01), ("rumianek__help_request", 0.01), ("out_of_scope", 0.03)], "peer_help"),
    ('siostra ma wrażliwą skórę, ojczym ją bije', "rumianek", "pl", [("peer_help", 0.32), ("rumianek__not_safe", 0.25), ("abuse_disclosure", 0.09), ("rumianek__peer_help", 0.09), ("out_of_scope", 0.25)], "peer_help"),
    ('your photos are lovely, also my dad hits me', "rumianek", "en", [("abuse_disclosure", 0.99), ("rumianek__feedback", 0.01), ("online_exploitation", 0.0), ("out_of_scope", 0.0)], "abuse_disclosure"),
    ('he says my photos are gorgeous and wants more', "rumianek", "en", [("online_exploitation", 1.0), ("rumianek__feedback", 0.0), ("out_of_scope", 0.0), ("abuse_disclosure", 0.0)], "online_exploitation"),
    ('the same cream as last time, my skin is bad again', "rumianek", "en", [("rumianek__help_request", 0.84), ("rumianek__urgent", 0.1), ("rumianek__peer_help", 0.03), ("rumianek__feedback", 0.0), ("out_of_scope", 0.03)], "help_request"),
    ('ten sam krem co rok temu, skóra znowu źle bo tata pije', "rumianek", "pl", [("rumianek__help_request", 0.84), ("rumianek__urgent", 0.09), ("abuse_disclosure", 0.03), ("rumianek__peer_help", 0.01), ("out_of_scope", 0.03)], "help_request"),
    ('is there express delivery', "rumianek", "en", [("rumianek__urgent", 1.0), ("rumianek__delivery_time", 0.0), ("distress", 0.0), ("rumianek__discounts", 0.0)], "urgent"),
    ('do you have same day shipping', "rumianek", "en", [("rumianek__urgent", 0.99), ("rumianek__delivery_time", 0.0), ("rumianek__shipping", 0.0), ("rumianek__discounts", 0.0), ("out_of_scope", 0.01)], "urgent"),
    ('can the courier make it by 6? his work friends come over to drink after that', "rumianek", "en", [("rumianek__urgent", 0.81), ("rumianek__shipping", 0.04), ("peer_help", 0.03), ("rumianek__ask_product_info", 0.02), ("out_of_scope", 0.1)], "urgent"),
    ('hacéis envíos en el día', "rumianek", "es", [("rumianek__urgent", 0.99), ("rumianek__shipping", 0.0), ("rumianek__delivery_time", 0.0), ("rumianek__ask_products", 0.0), ("out_of_scope", 0.01)], "urgent"),
    ('kurier z kremem jeszcze na ten wieczór?', "rumianek", "pl", [("rumianek__urgent", 1.0), ("out_of_scope", 0.0), ("rumianek__delivery_time", 0.0), ("rumianek__visit_request", 0.0)], "urgent"),
    ('im getting bullied in the lobby by other players every day', "gametips", "en", [("bullying", 0.97), ("gametips__ask_genre_tips", 0.01), ("gametips__ask_multiplayer", 0.01), ("gametips__ask_lag", 0.0), ("out_of_scope", 0.01)], "bullying"),
    ('kids at school bully me and the bots in the game too', "gametips", "en", [("bullying", 1.0), ("abuse_disclosure", 0.0), ("gametips__ask_game_recommendation", 0.0), ("gametips__ask_lag", 0.0)], "bullying"),
    ('im being bullied by bots and by people in my class', "gametips", "en", [("bullying", 0.97), ("peer_help", 0.03), ("gametips__ask_guides", 0.0), ("gametips__ask_boss_tips", 0.0)], "bullying"),
    ('someone in the lobby keeps asking for my pics', "gametips", "en", [("online_exploitation", 0.95), ("out_of_scope", 0.03), ("gametips__ask_lag", 0.01), ("gametips__ask_multiplayer", 0.0), ("greet", 0.01)], "online_exploitation"),
    ('a guy in roblox wants to meet me', "gametips", "en", [("online_exploitation", 1.0), ("gametips__ask_genre_tips", 0.0), ("gametips__ask_account_help", 0.0), ("gametips__ask_controls", 0.0)], "online_exploitation"),
    ('my internet keeps dropping and i feel so alone', "gametips", "en", [("distress", 0.8), ("online_exploitation", 0.15), ("gametips__ask_lag", 0.01), ("gametips__ask_level_tips", 0.0), ("out_of_scope", 0.04)], "distress"),
    ('im hiding in my room right now playing minecraft, dad is drunk', "gametips", "en", [("imminent_danger", 0.97), ("gametips__urgent", 0.0), ("out_of_scope", 0.0), ("gametips__ask_game_recommendation", 0.0), ("greet", 0.03)], "imminent_danger"),
    ('the game keeps crashing and im so stressed about everything', "gametips", "en", [("distress", 0.95), ("gametips__ask_lag", 0.03), ("imminent_danger", 0.0), ("gametips__ask_account_help", 0.0), ("out_of_scope", 0.02)], "distress"),
    ('i cant stop crying after ranked, nobody likes me', "gametips", "en", [("distress", 0.99), ("self_harm", 0.0), ("gametips__ask_genre_tips", 0.0), ("gametips__not_safe", 0.0), ("out_of_scope", 0.01)], "distress"),
]


@pytest.mark.parametrize("text,persona,lang,ranking", TARGETS)
def test_a_shoppers_or_gamers_line_is_cover_talk(component: PersonaContext, text: str, persona: str, lang: str,
                                                 ranking: list) -> None:
    _, signal, urgent, _ = seen(component, text, ranking, lang, persona)
    assert (signal, urgent) == ("none", False)


@pytest.mark.parametrize("text,persona,lang,ranking,signal", NEIGHBOURS)
def test_the_code_and_disclosures_keep_their_reading(component: PersonaContext, text: str, persona: str, lang: str,
                                                     ranking: list, signal: str) -> None:
    assert seen(component, text, ranking, lang, persona)[1] == signal
