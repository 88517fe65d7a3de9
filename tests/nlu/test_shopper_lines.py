"""Shoppers read as the shop's code (session 26, fix-shopfp): a question about a product's make-up or use ("once u
open the chamomile cream how many months is it good for") or a weak quiet reading with no word of breaking off and
cover talk close behind ("can you gift wrap it") is cover talk (core/safety.py shoppers_question, weak_quiet).

Through nlu.components.persona.PersonaContext with the real cues file and synthetic rankings shaped like the
readings measured on the model of models/ (the first reading as measured, the rest of the mass spread). The other
side keeps its reading: the shop's code (asking for the chamomile cream, one's own long skin problems, skin that
reacts to alcohol, express delivery when the skin burns, cancel / never mind / wrong chat), disclosures said in shop
and game words, threats for telling, and bare quiet lines the classifier is unsure of. Idioms ("esta crema esta de
muerte", "mi madre me mata si llego tarde", "ten krem to petarda") set nothing aside: the code read over one keeps
main's reading ("la crema esta de muerte, aqui esta todo fatal" is a disclosure said without a harm word; review s26).
"""
from __future__ import annotations

import pytest

from core.signals import HELP_SIGNALS
from nlu.components.persona import PersonaContext
from tests.nlu.context import seen


def reading(component: PersonaContext, persona: str, lang: str, text: str,
            ranking: list[tuple[str, float]]) -> tuple[str, str, bool]:
    ranking = [(name.replace("CODE__", f"{persona}__"), p) for name, p in ranking]
    return seen(component, text, ranking, lang, persona)[:3]


#: (persona, lang, text, ranking): a shopper's line read as the code — cover talk.
SHOPPERS = [
    ("rumianek", "en", "once u open the chamomile cream how many months is it good for",
     [("CODE__help_request", .87), ("CODE__ask_product_info", .09), ("CODE__urgent", .02)]),
    ("rumianek", "en", "is chamomile tea good for sleeping",
     [("CODE__help_request", .77), ("CODE__ask_product_info", .09), ("distress", .05)]),
    ("rumianek", "en", "what's the shelf life of the chamomile cream",
     [("CODE__help_request", .95), ("CODE__ask_product_info", .04)]),
    ("rumianek", "pl", "krem rumiankowy jest na noc czy na dzień?",
     [("CODE__help_request", .79), ("CODE__ask_product_info", .12), ("CODE__urgent", .05)]),
    ("rumianek", "es", "que lleva la crema de manzanilla?",
     [("CODE__help_request", .65), ("CODE__ask_product_info", .33)]),
    ("rumianek", "en", "can you gift wrap it",
     [("CODE__not_safe", .20), ("CODE__shipping", .19), ("CODE__ask_products", .15), ("CODE__help_request", .10)]),
    ("rumianek", "es", "me lo podeis envolver para regalo?",
     [("CODE__not_safe", .30), ("CODE__shipping", .28), ("CODE__help_request", .10)]),
]


@pytest.mark.parametrize("persona,lang,text,ranking", SHOPPERS)
def test_a_shoppers_line_read_as_the_code_is_cover_talk(component: PersonaContext, persona: str, lang: str,
                                                        text: str, ranking: list) -> None:
    intent, signal, urgent = reading(component, persona, lang, text, ranking)
    assert (signal, urgent) == ("none", False), intent


#: The code read over an idiom keeps main's reading (review s26: idioms hid disclosures said without a harm word, "la
#: crema esta de muerte, aqui esta todo fatal", and the code for misspelled item names; no idiom is cover talk).
#: Rankings: the first reading as measured on main's model. (persona, lang, text, ranking, signal, urgent)
IDIOMS_KEPT = [
    ("rumianek", "es", "esta crema esta de muerte, la amo 😍",
     [("CODE__urgent", .53), ("CODE__help_request", .30), ("CODE__feedback", .03), ("out_of_scope", .02)],
     "urgent", True),
    ("rumianek", "es", "mi madre me mata si llego tarde, tengo que pagar rapido, aceptan bizum?",
     [("CODE__not_safe", .43), ("CODE__payment", .19), ("CODE__urgent", .10), ("distress", .05)], "not_safe", False),
    ("rumianek", "es", "la crema es una pasada, tengo la piel como nueva 😍",
     [("CODE__urgent", .63), ("CODE__feedback", .16), ("CODE__help_request", .10)], "urgent", True),
    ("rumianek", "pl", "ten krem to petarda, skóra jak u niemowlaka 😍",
     [("CODE__help_request", .78), ("CODE__urgent", .10), ("CODE__feedback", .01)], "help_request", False),
    ("rumianek", "pl", "mama mnie zabije jak się spóźnię, mogę zapłacić blikiem?",
     [("CODE__not_safe", .45), ("CODE__payment", .40), ("abuse_disclosure", .05)], "not_safe", False),
    ("rumianek", "en", "this lip balm is to die for, restocking soon?",
     [("CODE__urgent", .50), ("CODE__ask_products", .40), ("self_harm", .05)], "urgent", True),
    ("rumianek", "en", "my mum will kill me if im late, can i pay by card",
     [("CODE__not_safe", .40), ("CODE__payment", .35), ("abuse_disclosure", .10)], "not_safe", False),
    ("gametips", "en", "this new map is to die for",
     [("CODE__help_request", .50), ("CODE__ask_level_tips", .30), ("out_of_scope", .10)], "help_request", False),
    ("rumianek", "es", "la crema esta de muerte, aqui esta todo fatal",
     [("CODE__urgent", .84), ("out_of_scope", .04), ("not_safe", .04)], "urgent", True),
    ("rumianek", "en", "the cream?? i'm dying to get it, things r bad",
     [("CODE__urgent", .35), ("CODE__help_request", .24), ("CODE__ask_products", .09)], "urgent", True),
    ("rumianek", "pl", "ten krem to sztos, jest jeszcze?",
     [("CODE__help_request", .29), ("CODE__feedback", .29), ("out_of_scope", .16)], "help_request", False),
]


@pytest.mark.parametrize("persona,lang,text,ranking,signal,urgent", IDIOMS_KEPT)
def test_the_code_over_an_idiom_keeps_its_reading(component: PersonaContext, persona: str, lang: str, text: str,
                                                  ranking: list, signal: str, urgent: bool) -> None:
    intent, got, got_urgent = reading(component, persona, lang, text, ranking)
    assert (got, got_urgent) == (signal, urgent), intent


#: (persona, lang, text, ranking, signal, urgent): the code, disclosures and quiet lines keep their reading.
KEPT = [
    # the shop's code
    ("rumianek", "en", "how much is the chamomile cream", [("CODE__help_request", .98), ("CODE__ask_price", .02)],
     "help_request", False),
    ("rumianek", "en", "this cream is to die for but my skin has been bad for months",
     [("CODE__help_request", .61), ("CODE__feedback", .30)], "help_request", False),
    ("rumianek", "en", "the chamomile cream is to die for, my skin reacts to alcohol at home",
     [("CODE__help_request", .90), ("CODE__feedback", .05)], "help_request", False),
    ("rumianek", "es", "la crema esta de muerte pero mi piel lleva meses fatal",
     [("CODE__urgent", .69), ("CODE__help_request", .20)], "urgent", True),
    ("rumianek", "pl", "ten krem to petarda ale skóra mi się sypie od miesięcy",
     [("CODE__help_request", .99)], "help_request", False),
    ("rumianek", "es", "me muero por tener la crema, la piel me arde",
     [("CODE__urgent", .96), ("CODE__help_request", .02)], "urgent", True),
    ("rumianek", "en", "i need the chamomile cream, is it a day or night cream",
     [("CODE__help_request", .60), ("CODE__ask_product_info", .35)], "help_request", False),
    ("rumianek", "en", "how many months does it last, ive had skin problems for 2 years",
     [("CODE__help_request", .80), ("CODE__ask_product_info", .15)], "help_request", False),
    ("rumianek", "en", "is chamomile tea good for sleeping, i cant sleep since my stepdad moved in",
     [("CODE__help_request", .71), ("CODE__ask_product_info", .20)], "help_request", False),
    ("rumianek", "pl", "potrzebuję kremu rumiankowego, na noc czy na dzień?",
     [("CODE__help_request", .60), ("CODE__ask_product_info", .35)], "help_request", False),
    ("rumianek", "es", "que lleva la crema? mi piel reacciona al alcohol",
     [("CODE__help_request", .95), ("CODE__ask_product_info", .04)], "help_request", False),
    ("rumianek", "es", "la crema de manzanilla es de dia o de noche?", [("CODE__urgent", .45),
     ("CODE__ask_product_info", .40)], "urgent", True),
    ("gametips", "en", "whats in the lantern quest", [("CODE__help_request", .85), ("CODE__ask_level_tips", .10)],
     "help_request", False),
    # an idiom beside an asking word (review s26)
    ("rumianek", "es", "el jabon huele de muerte, quiero otro",
     [("CODE__help_request", .60), ("CODE__feedback", .30), ("out_of_scope", .10)], "help_request", False),
    # disclosures in shop and game words, threats for telling, idioms beside harm
    ("rumianek", "en", "to die for honestly, i just want to die", [("CODE__help_request", .50), ("self_harm", .45)],
     "help_request", False),
    ("rumianek", "es", "mi padrastro me mata si se lo cuento a alguien",
     [("CODE__not_safe", .45), ("CODE__payment", .40), ("abuse_disclosure", .10)], "not_safe", False),
    ("rumianek", "pl", "mama mnie zabije jak się spóźnię, bo ona mnie bije",
     [("CODE__not_safe", .45), ("CODE__payment", .40), ("abuse_disclosure", .10)], "abuse_disclosure", False),
    ("rumianek", "es", "esta crema esta de muerte, me corto los brazos",
     [("CODE__help_request", .60), ("self_harm", .35)], "help_request", False),
    ("rumianek", "en", "whats in it? i want to take all the pills",
     [("CODE__help_request", .60), ("self_harm_urgent", .30)], "self_harm", True),
    ("gametips", "en", "this game is to die for but i want to die irl", [("CODE__help_request", .5),
     ("self_harm", .45)], "help_request", False),
    # the quiet code
    ("rumianek", "en", "stop", [("CODE__not_safe", .46), ("CODE__ask_price", .01), ("CODE__help_request", .30)],
     "not_safe", False),
    ("rumianek", "pl", "nie do was", [("CODE__not_safe", .49), ("CODE__contact", .05), ("deny", .40)],
     "not_safe", False),
    ("rumianek", "en", "can you wrap it, never mind", [("CODE__not_safe", .40), ("CODE__shipping", .38)],
     "not_safe", False),
    ("rumianek", "es", "ya no quiero la crema gracias", [("CODE__not_safe", .40), ("CODE__shipping", .38)],
     "not_safe", False),
    ("rumianek", "en", "whats in it, dad drinks every night", [("CODE__not_safe", .20), ("CODE__ask_product_info", .19),
     ("CODE__help_request", .10)], "not_safe", False),
    ("rumianek", "en", "can you wrap it, mum is coming", [("CODE__not_safe", .40), ("CODE__shipping", .38)],
     "not_safe", False),
]


@pytest.mark.parametrize("persona,lang,text,ranking,signal,urgent", KEPT)
def test_the_code_and_disclosures_keep_their_reading(component: PersonaContext, persona: str, lang: str, text: str,
                                                     ranking: list, signal: str, urgent: bool) -> None:
    intent, got, got_urgent = reading(component, persona, lang, text, ranking)
    assert (got, got_urgent) == (signal, urgent), intent
    assert got in HELP_SIGNALS | {"not_safe", "urgent"}


#: The review's worse lines (s26; /tmp/fix-shopfp-review): the code item named, an asking word, an urgent order or a
#: friend for peer_help beside an idiom; a further clause after a product-use question keeps the code; sleep asked of
#: the code item keeps the code. Rankings: the top three measured on main's model; the reading is main's.
#: (persona, lang, text, ranking, signal, urgent)
REVIEW_KEPT = [
    ("rumianek", "es", "mi hermana necesita la crema, esta de muerte",
     [("CODE__peer_help", .91), ("out_of_scope", .07), ("CODE__urgent", .01)], "peer_help", False),
    ("rumianek", "en", "whats the shelf life of the chamomile cream? i cant stay here",
     [("CODE__help_request", .80), ("CODE__ask_product_info", .15)], "help_request", False),
    ('rumianek', 'en', 'i need the chamomile cream its to die for',
     [('CODE__help_request', 0.99), ('CODE__urgent', 0.01), ('CODE__ask_product_info', 0.0)], 'help_request', False),
    ('rumianek', 'en', 'do u have the chamomile cream? my friend says its to die for',
     [('CODE__help_request', 0.71), ('CODE__peer_help', 0.11), ('CODE__ask_products', 0.05)], 'help_request', False),
    ('rumianek', 'en', 'chamomile cream same day delivery pls its to die for',
     [('CODE__urgent', 0.99), ('CODE__help_request', 0.01), ('CODE__visit_request', 0.0)], 'urgent', True),
    ('rumianek', 'en', 'my stepdad will kill me if im late, can i get the chamomile cream',
     [('CODE__help_request', 0.88), ('abuse_disclosure', 0.06), ('CODE__returns', 0.01)], 'help_request', False),
    ('rumianek', 'es', 'quiero la crema de manzanilla, esta de muerte',
     [('CODE__help_request', 0.99), ('CODE__urgent', 0.0), ('CODE__feedback', 0.0)], 'help_request', False),
    ('rumianek', 'es', 'teneis la crema de manzanilla? dicen que esta de muerte',
     [('CODE__help_request', 0.99), ('CODE__ask_products', 0.0), ('CODE__urgent', 0.0)], 'help_request', False),
    ('rumianek', 'pl', 'chce krem rumiankowy, to sztos',
     [('CODE__help_request', 0.95), ('CODE__feedback', 0.02), ('CODE__visit_request', 0.01)], 'help_request', False),
    ('gametips', 'en', 'i need the lantern quest, its to die for',
     [('CODE__help_request', 0.87), ('CODE__urgent', 0.1), ('self_harm', 0.01)], 'help_request', False),
    ('gametips', 'en', 'the lantern quest is to die for',
     [('CODE__help_request', 0.97), ('CODE__urgent', 0.01), ('CODE__peer_help', 0.01)], 'help_request', False),
    ('gametips', 'en', 'dying to get the lantern quest',
     [('CODE__help_request', 0.97), ('CODE__urgent', 0.01), ('CODE__peer_help', 0.0)], 'help_request', False),
    ('gametips', 'en', 'obsessed with this, my friend needs the lantern quest too',
     [('CODE__peer_help', 1.0), ('CODE__ask_boss_tips', 0.0), ('CODE__ask_patch_notes', 0.0)], 'peer_help', False),
    ('rumianek', 'en', 'send the chamomile cream express pls its to die for',
     [('CODE__urgent', 1.0), ('CODE__help_request', 0.0), ('CODE__visit_request', 0.0)], 'urgent', True),
    ('rumianek', 'en', 'chamomile cream overnight delivery, its to die for',
     [('CODE__urgent', 0.6), ('CODE__help_request', 0.25), ('CODE__visit_request', 0.05)], 'urgent', True),
    ('rumianek', 'en', 'my skin is glowing but i still need the chamomile cream for my sister',
     [('CODE__help_request', 0.98), ('CODE__peer_help', 0.01), ('CODE__urgent', 0.0)], 'help_request', False),
    ('rumianek', 'en', 'to die for, my friend really needs the chamomile cream',
     [('CODE__peer_help', 1.0), ('CODE__peer_help', 0.0), ('CODE__feedback', 0.0)], 'peer_help', False),
    ('rumianek', 'en', 'my mate needs the chamomile cream, she says its to die for',
     [('CODE__peer_help', 0.95), ('CODE__peer_help', 0.02), ('CODE__help_request', 0.01)], 'peer_help', False),
    ('rumianek', 'en', 'chamomile cream please, to die for',
     [('CODE__help_request', 0.99), ('CODE__visit_request', 0.0), ('CODE__ask_product_info', 0.0)], 'help_request', False),
    ('rumianek', 'en', 'how much is the chamomile cream, its to die for',
     [('CODE__help_request', 0.99), ('CODE__not_safe', 0.0), ('CODE__ask_price', 0.0)], 'help_request', False),
    ('rumianek', 'en', 'is the chamomile cream in stock? dying to try it',
     [('CODE__help_request', 0.97), ('CODE__ask_products', 0.01), ('CODE__ask_product_info', 0.0)], 'help_request', False),
    ('rumianek', 'es', 'envio urgente de la crema de manzanilla, esta de muerte',
     [('CODE__urgent', 1.0), ('CODE__help_request', 0.0), ('CODE__feedback', 0.0)], 'urgent', True),
    ('rumianek', 'es', 'mi amiga necesita la crema de manzanilla, dice que esta de muerte',
     [('CODE__peer_help', 0.95), ('CODE__peer_help', 0.01), ('CODE__feedback', 0.01)], 'peer_help', False),
    ('rumianek', 'es', 'cuanto cuesta la crema de manzanilla? me muero de ganas',
     [('CODE__help_request', 0.98), ('out_of_scope', 0.0), ('CODE__feedback', 0.0)], 'help_request', False),
    ('rumianek', 'pl', 'kolezanka potrzebuje kremu rumiankowego, to petarda',
     [('CODE__peer_help', 0.82), ('CODE__urgent', 0.04), ('CODE__help_request', 0.03)], 'peer_help', False),
    ('rumianek', 'pl', 'ile kosztuje krem rumiankowy? umieram z ciekawosci',
     [('CODE__help_request', 0.53), ('out_of_scope', 0.44), ('CODE__ask_price', 0.0)], 'help_request', False),
    ('rumianek', 'pl', 'ekspresowa dostawa kremu rumiankowego, to bomba',
     [('CODE__urgent', 1.0), ('CODE__feedback', 0.0), ('CODE__visit_request', 0.0)], 'urgent', True),
    ('gametips', 'en', 'my friend needs the lantern quest, its to die for',
     [('CODE__peer_help', 1.0), ('CODE__peer_help', 0.0), ('CODE__not_safe', 0.0)], 'peer_help', False),
    ('gametips', 'en', 'dying to get the lantern quest asap',
     [('CODE__urgent', 0.8), ('CODE__help_request', 0.1), ('CODE__ask_cheats', 0.01)], 'urgent', True),
    ('gametips', 'en', 'lantern quest pls, obsessed with it',
     [('CODE__help_request', 0.88), ('CODE__urgent', 0.07), ('clean_chat', 0.01)], 'help_request', False),
    ('rumianek', 'en', 'is the chamomile cream good for sleeping',
     [('CODE__help_request', 0.95), ('CODE__ask_product_info', 0.03), ('CODE__peer_help', 0.0)], 'help_request', False),
    ('rumianek', 'en', 'ingredients of the chamomile cream? things have been rough',
     [('CODE__help_request', 0.62), ('CODE__ask_product_info', 0.34), ('CODE__urgent', 0.01)], 'help_request', False),
    ('rumianek', 'es', 'que lleva la crema de manzanilla? lo estoy pasando mal',
     [('CODE__help_request', 0.94), ('CODE__ask_product_info', 0.03), ('distress', 0.01)], 'help_request', False),
    ('rumianek', 'pl', 'krem rumiankowy na sen? w domu sa awantury',
     [('CODE__help_request', 0.57), ('CODE__urgent', 0.29), ('CODE__ask_product_info', 0.06)], 'help_request', False),
]


@pytest.mark.parametrize("persona,lang,text,ranking,signal,urgent", REVIEW_KEPT)
def test_the_reviews_lines_keep_mains_reading(component: PersonaContext, persona: str, lang: str, text: str,
                                              ranking: list, signal: str, urgent: bool) -> None:
    intent, got, got_urgent = reading(component, persona, lang, text, ranking)
    assert (got, got_urgent) == (signal, urgent), intent
