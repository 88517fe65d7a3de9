"""A shopper's or a gamer's line that a persona's code or a help reading took (s33, issue 13).

Each predicate reads one folded message with cue lists of ``nlu/safety/cues.yml`` (:class:`ShopTalkCues`, loaded by
:func:`load_shop_talk_cues`); ``nlu/components/persona.py`` (``_shop_talk``) decides which reading each may set aside:

* :func:`is_time_as_kind` — night as a kind of product or a delivery hour asked about as a habit ("krem na noc", "czy
  kurier może przyjść wieczorem po osiemnastej"), not the code's tonight ("can it come tonight", "dziś wieczorem").
* :func:`is_time_for_occasion` — the shop's time word with a benign reason ("can i get the cream tonight? its for a
  party": the urgent code .82), not the code item, a person of the child's life, fear or harm (s35).
* :func:`is_family_gift` — the shop's code item bought for a family member on an occasion ("chce kupic krem rumiankowy
  mamie na urodziny"), not for the child too.
* :func:`praises_product` / :func:`is_praise_passed_on` — a product praised ("the lip balm was to die for"), or a
  friend's praise passed on ("a friend says your hand cream is to die for").
* :func:`is_bullied_by_bots` — a game's bots or NPCs "bullying" the player.
* :func:`is_family_skin_type` — a family member's skin type asked about ("my mum's skin is very sensitive, what would
  you pick for her").
* :func:`is_about_shop_things` — the shop's photos praised, a product asked for again ("la misma crema del año pasado").
* :func:`is_weak_urgent_code` — the urgent code read weakly with the shop's cover talk close behind and no word of
  the moment or haste ("will the cream melt in the post in summer": the urgent code .20, shipping .18).
* :func:`is_game_talk` — a game's own words and nothing of harm, feeling or someone reaching the child (s34: a gamer's
  slang, ``game_slang``, and the clock words are blanked first: "this boss is killing me", "is roblox down right now").
* :func:`knows_my_home` — someone knowing where the child lives: a threat told, never a place answer (s34).
* :func:`is_shop_line` — a line read as not understood that holds a product or a shopper's request, with a shopper's
  figurative words blanked ("these prices are killing me lol, got any discount codes?"; s34).
* :func:`sticks` — Spanish "pegar" said of a thing ("la crema pega mucho", "hay que pegar la etiqueta"; s34).
* :func:`is_product_reaction` — a product's reaction on the skin asked about ("this cream burns when i put it on, is
  that normal"; s37).
* :func:`is_skill_taunt` — a player's skill mocked in the game and a question to play better ("people keep calling me
  trash in chat because im new, how do i get better"; s37).
* :func:`is_shop_swap` — a shopper correcting an order or a basket ("forget the blue one, I'll take the red", "anuluj
  balsam, wyślij tylko mydło"), which the quiet code took (s37).
* :func:`is_damaged_parcel`, :func:`asks_game_settings` — a damaged parcel, a game's settings (s36). A size or
  variant question naming the code product and one's skin after an outing were tried in s36 and removed: on the
  held-out set they cost coded requests (rumianek help recall en .957 -> .913, pl .980 -> .959), and in a shop the
  discreet question to a shopper is the cheaper error.

Every predicate wants nothing of harm (the caller's ``no_harm``) and none of the code's skin trouble
(``skin_trouble``): a false alarm costs a question, a miss costs a child.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Mapping, Optional, Sequence

import re

from core.safety import has_cue, has_word_cue, without_phrases

Cues = Mapping[str, Sequence[str]]
NoHarm = Callable[[str], bool]

#: The cue lists of this module, by their names in the cues file.
_NAMES = ("time_as_kind", "time_now", "gift_for_family", "gift_occasion", "for_myself", "skin_trouble",
          "shop_skin_words", "product_praise", "hearsay", "product_words", "game_bullies", "real_bullies",
          "skin_type", "shop_things", "reorder", "game_words", "clock_words", "contact_words", "game_slang",
          "game_code_words", "knows_my_home", "shop_slang", "shop_asks",
          "stick_verbs", "sticky_things", "game_trolling", "trolling_doers", "time_occasion",
          "parcel_damage", "game_settings", "product_reaction", "reaction_asks", "skin_products", "reaction_deep",
          "game_taunt", "game_improve", "game_place", "taunt_real", "shop_swap", "shop_swap_not")


@dataclass(frozen=True)
class ShopTalkCues:
    """The folded cue lists (``{lang: [cue, ...]}``) of this module (names as in the cues file)."""

    time_as_kind: Cues = field(default_factory=dict)
    time_now: Cues = field(default_factory=dict)
    gift_for_family: Cues = field(default_factory=dict)
    gift_occasion: Cues = field(default_factory=dict)
    for_myself: Cues = field(default_factory=dict)
    skin_trouble: Cues = field(default_factory=dict)
    shop_skin_words: Cues = field(default_factory=dict)
    product_praise: Cues = field(default_factory=dict)
    hearsay: Cues = field(default_factory=dict)
    product_words: Cues = field(default_factory=dict)
    game_bullies: Cues = field(default_factory=dict)
    real_bullies: Cues = field(default_factory=dict)
    skin_type: Cues = field(default_factory=dict)
    shop_things: Cues = field(default_factory=dict)
    reorder: Cues = field(default_factory=dict)
    game_words: Cues = field(default_factory=dict)
    clock_words: Cues = field(default_factory=dict)
    contact_words: Cues = field(default_factory=dict)
    game_slang: Cues = field(default_factory=dict)
    game_code_words: Cues = field(default_factory=dict)
    knows_my_home: Cues = field(default_factory=dict)
    shop_slang: Cues = field(default_factory=dict)
    shop_asks: Cues = field(default_factory=dict)
    stick_verbs: Cues = field(default_factory=dict)
    sticky_things: Cues = field(default_factory=dict)
    game_trolling: Cues = field(default_factory=dict)
    trolling_doers: Cues = field(default_factory=dict)
    time_occasion: Cues = field(default_factory=dict)
    parcel_damage: Cues = field(default_factory=dict)
    game_settings: Cues = field(default_factory=dict)
    product_reaction: Cues = field(default_factory=dict)
    reaction_asks: Cues = field(default_factory=dict)
    skin_products: Cues = field(default_factory=dict)
    reaction_deep: Cues = field(default_factory=dict)
    game_taunt: Cues = field(default_factory=dict)
    game_improve: Cues = field(default_factory=dict)
    game_place: Cues = field(default_factory=dict)
    taunt_real: Cues = field(default_factory=dict)
    shop_swap: Cues = field(default_factory=dict)
    shop_swap_not: Cues = field(default_factory=dict)


def load_shop_talk_cues(path: Path) -> ShopTalkCues:
    """The cue lists of this module from the cues file at ``path`` (folded)."""
    from nlu.cues import folded, load_cues

    cues = load_cues(path)
    return ShopTalkCues(**{name: folded(getattr(cues, name)) for name in _NAMES})


def without(cues: Cues, drop: Cues) -> Dict[str, List[str]]:
    """``cues`` without the cues that start, or are the start of, a cue of ``drop`` in any language: the harm words
    without a shopper's skin words, the urgency cues without the gift occasions ("birthday", "urodzin", "cumple")."""
    dropped = [d for found in drop.values() for d in found]
    return {lang: [c for c in found if not any(c.startswith(d) or d.startswith(c) for d in dropped)]
            for lang, found in cues.items()}


def _clear(folded: str, lang: str | None, cues: ShopTalkCues, code_item: Cues, no_harm: NoHarm) -> bool:
    """Whether ``folded`` names neither the code item (``code_item``) nor a skin trouble of the code, and no harm."""
    return (not has_cue(folded, lang, code_item) and not has_cue(folded, lang, cues.skin_trouble)
            and no_harm(folded))


def is_time_as_kind(folded: str, lang: str | None, cues: ShopTalkCues, code_item: Cues, no_harm: NoHarm) -> bool:
    """Whether ``folded`` says night or evening as a kind of product or a delivery hour (``time_as_kind``: "krem na
    noc", "do you deliver in the evenings") with no word of the code's moment or haste (``time_now``: tonight, dziś,
    esta noche, express, need), no code item, no skin trouble and nothing of harm."""
    return (has_cue(folded, lang, cues.time_as_kind) and not has_cue(folded, lang, cues.time_now)
            and _clear(folded, lang, cues, code_item, no_harm))


#: The day of the occasion said beside it ("its for a wedding tomorrow"): no self-harm's "tomorrow" here.
OCCASION_DAYS = frozenset({"tomorrow", "tmrw", "tmr", "manana", "jutro", "pojutrze"})


def is_time_for_occasion(folded: str, lang: str | None, cues: ShopTalkCues, code_item: Cues, people: Sequence[Cues],
                         no_harm: NoHarm) -> bool:
    """Whether ``folded`` asks for a thing by a moment (``time_now``: tonight, hoy, dziś) for a benign reason
    (``time_occasion``: a party, a school trip, a birthday, the school play; or a present, ``gift_occasion``: "da się
    ekspresowo? to prezent na dzień matki", s36; "can i get the cream tonight? its for a party", "necesito la crema ahora, es para un viaje", "krem na dzisiaj, mamy przedstawienie w szkole"), with no
    one unnamed or a partner said (``people``, whole words: "hes having a party and he gets drunk"), no code item,
    no skin trouble and, once the moment and the reason are out, nothing of harm (fear, someone arriving: "before he
    comes back from the party") (s35)."""
    if not (has_cue(folded, lang, cues.time_now)
            and (has_cue(folded, lang, cues.time_occasion) or has_cue(folded, lang, cues.gift_occasion))):
        return False
    if any(has_word_cue(folded, lang, found) for found in people):
        return False
    from nlu.plain_talk import without_words

    rest = without_words(without_words(without_words(folded, lang, cues.time_occasion), lang, cues.gift_occasion),
                         lang, cues.time_now)
    rest = " ".join(w for w in rest.split() if w not in OCCASION_DAYS)
    return not has_cue(folded, lang, code_item) and _clear(rest, lang, cues, code_item, no_harm)


def is_family_gift(folded: str, lang: str | None, cues: ShopTalkCues, no_harm: NoHarm) -> bool:
    """Whether ``folded`` buys for a family member (``gift_for_family``: "mamie", "for my mum") on a named occasion
    (``gift_occasion``: urodziny, dzień matki, cumpleaños) and not for the child too (``for_myself``), with no skin
    trouble and nothing of harm. The code item may be named: it is the present."""
    return (has_cue(folded, lang, cues.gift_for_family) and has_cue(folded, lang, cues.gift_occasion)
            and not has_word_cue(folded, lang, cues.for_myself) and not has_cue(folded, lang, cues.skin_trouble)
            and no_harm(folded))


def praises_product(folded: str, lang: str | None, cues: ShopTalkCues, code_item: Cues, no_harm: NoHarm) -> bool:
    """Whether ``folded`` praises one of the shop's kinds of product (``product_praise`` whole words, ``product_words``:
    "the lip balm was to die for", "esta crema huele de maravilla"), not the code item, with no skin trouble and
    nothing of harm ("la crema esta de muerte, aqui esta todo fatal" keeps its reading: review s26)."""
    return (has_word_cue(folded, lang, cues.product_praise) and has_cue(folded, lang, cues.product_words)
            and _clear(folded, lang, cues, code_item, no_harm))


def is_praise_passed_on(folded: str, lang: str | None, cues: ShopTalkCues, code_item: Cues,
                        no_harm: NoHarm) -> bool:
    """Whether ``folded`` passes on someone's praise of a product (``hearsay``: "a friend says your hand cream is to
    die for", "koleżanka mówi że wasz krem do rąk jest rewelacyjny"): :func:`praises_product` with a word of hearsay."""
    return has_word_cue(folded, lang, cues.hearsay) and praises_product(folded, lang, cues, code_item, no_harm)


def is_bullied_by_bots(folded: str, lang: str | None, cues: ShopTalkCues, someone: Cues, no_harm: NoHarm) -> bool:
    """Whether ``folded`` says the game's bots or NPCs do the "bullying" (``game_bullies``: "im getting bullied by
    bots lol they keep camping me"), with no person named beside them (``someone``, ``real_bullies``, whole words:
    "kids at school bully me and the bots too") and nothing of harm."""
    return (has_cue(folded, lang, cues.game_bullies) and not has_word_cue(folded, lang, someone)
            and not has_word_cue(folded, lang, cues.real_bullies) and no_harm(folded))


def is_family_skin_type(folded: str, lang: str | None, cues: ShopTalkCues, code_item: Cues, no_harm: NoHarm) -> bool:
    """Whether ``folded`` names a skin type (``skin_type``: sensitive, dry, wrażliwa, seca) and neither the code item,
    nor the code's skin trouble, nor harm: a shopper asking for someone's skin type (the caller wants a family member
    named and no harm done to them)."""
    return has_word_cue(folded, lang, cues.skin_type) and _clear(folded, lang, cues, code_item, no_harm)


def is_about_shop_things(folded: str, lang: str | None, cues: ShopTalkCues, code_item: Cues, no_harm: NoHarm) -> bool:
    """Whether ``folded`` praises the shop's own things (``shop_things`` with ``product_praise``: "your instagram photos
    are gorgeous") or asks for a product again (``reorder``: "la misma crema del año pasado"), with no code item, skin
    trouble or harm."""
    praised = has_cue(folded, lang, cues.shop_things) and has_word_cue(folded, lang, cues.product_praise)
    return (praised or has_cue(folded, lang, cues.reorder)) and _clear(folded, lang, cues, code_item, no_harm)


def game_read(folded: str, lang: str | None, cues: ShopTalkCues) -> str:
    """``folded`` with a gamer's slang (``game_slang``: "killing me", "how do i beat", "gonna cry"), a player's
    trolling (``game_trolling``: "stalking me round the lobby", s35) and the clock words (``clock_words``: "right now"
    of a server) blanked: what the harm and feeling checks of game talk read (s34)."""
    read = without_phrases(without_phrases(folded, lang, cues.game_slang), lang, cues.game_trolling)
    return without_phrases(read, lang, cues.clock_words)


def is_game_talk(folded: str, lang: str | None, cues: ShopTalkCues, deep: Cues, no_harm: NoHarm) -> bool:
    """Whether ``folded`` holds a game's own words (``game_words``, whole words), none of the game persona's code words
    (``game_code_words``) and, once a gamer's slang and the clock words are blanked (:func:`game_read`), none of a
    feeling said deeply (``deep``: nlu/safety/cues.yml worry_deep), of someone reaching the child (``contact_words``)
    or of harm (the caller's ``no_harm``): "is roblox down right now", "this boss is killing me, 40 tries". "im gonna
    cry, my dad took my xbox" keeps its reading (dad), so does "a guy in fortnite wants my address" (contact). A
    player trolling the child in the game (``game_trolling``) may be named (``trolling_doers``: "this guy keeps
    stalking me round the lobby and teabagging", s35); every other contact word still counts."""
    rest = game_read(folded, lang, cues)
    contact = cues.contact_words
    if has_cue(folded, lang, cues.game_trolling):
        contact = {code: [c for c in found if c not in cues.trolling_doers.get(code, ())]
                   for code, found in contact.items()}
    return (has_word_cue(folded, lang, cues.game_words) and not has_cue(folded, lang, cues.game_code_words)
            and not has_cue(rest, lang, deep) and not has_cue(folded, lang, contact) and no_harm(rest))


def knows_my_home(folded: str, lang: str | None, cues: ShopTalkCues) -> bool:
    """Whether ``folded`` says someone knows or found out where the child lives or goes to school (``knows_my_home``:
    "someone from fortnite knows where i live", "un chico sabe donde vivo", "on wie gdzie mieszkam"): a threat told, a
    help reading, never a place answer (s34). "i know where i live lol" is none."""
    return has_cue(folded, lang, cues.knows_my_home)


def is_shop_line(folded: str, lang: str | None, cues: ShopTalkCues, code_item: Cues, no_harm: NoHarm) -> bool:
    """Whether a shop line read as not understood holds a product (``product_words``), a shopper's request
    (``shop_asks``: discount, parcel, basket) or the shop's things (``shop_things``), no code item, none of the code's
    skin trouble and, once a shopper's figurative words are blanked (``shop_slang``: "killing me", "que te mueres"),
    nothing of harm (s34): "these prices are killing me lol, got any discount codes?" gets the discounts answer."""
    rest = without_phrases(folded, lang, cues.shop_slang)
    said = any(has_cue(folded, lang, c) for c in (cues.product_words, cues.shop_asks, cues.shop_things))
    return said and _clear(folded, lang, cues, code_item, lambda _: no_harm(rest))


#: Object pronouns that make Spanish "pega" a blow ("me pega", "le pega"): the verb right after one is never a thing's.
_OBJECT_PRONOUNS = frozenset({"me", "te", "le", "les", "nos", "os", "lo", "la", "los", "las", "se"})
#: Words a thing and its verb may have between them ("la crema de manos pega", "el bálsamo se pega").
_BETWEEN = 3


def sticks(folded: str, lang: str | None, cues: ShopTalkCues) -> str | None:
    """``folded`` with every verb of sticking (``stick_verbs``, whole words) blanked when each is said of a thing: a
    product or a thing (``product_words``, ``sticky_things``) at most three words before it with no object pronoun
    right before the verb ("la crema pega mucho", "el bálsamo se pega a la ropa"), or a thing right after it with at
    most an article between ("hay que pegar la etiqueta"); None when there is no such verb or one is not of a thing
    ("la crema de manos, me pega mucho", "mi padre pega mucho"). s34."""
    verbs = {w for found in ([cues.stick_verbs[lang]] if lang in cues.stick_verbs else list(cues.stick_verbs.values()))
             for w in found}
    words = re.findall(r"\w+", folded)
    spots = [i for i, w in enumerate(words) if w in verbs]
    if not spots:
        return None

    def thing(word: str) -> bool:
        return has_cue(word, lang, cues.product_words) or has_word_cue(word, lang, cues.sticky_things)

    for i in spots:
        before = words[max(0, i - _BETWEEN - 1):i]
        pronoun = i > 0 and words[i - 1] in _OBJECT_PRONOUNS and not (
            words[i - 1] == "se" and i > 1 and thing(words[i - 2]))
        after = words[i + 1:i + 3]
        of_thing = (any(thing(w) for w in before) and not pronoun) or (
            bool(after) and (thing(after[0]) or (len(after) > 1 and after[0] in _ARTICLES and thing(after[1]))))
        if not of_thing:
            return None
    return " ".join(w for i, w in enumerate(words) if i not in spots)


def is_thing_sticking(folded: str, lang: str | None, cues: ShopTalkCues, code_item: Cues, someone: Cues,
                      no_harm: NoHarm) -> bool:
    """Whether ``folded`` says a thing sticks (:func:`sticks`) with nobody named (``someone``, whole words), no code
    item, none of the code's skin trouble and nothing else of harm once the verbs of sticking are blanked: "la crema
    pega mucho" (the urgent code .94), "el bálsamo se pega a la ropa" (abuse .69). s34."""
    rest = sticks(folded, lang, cues)
    return (rest is not None and not has_word_cue(folded, lang, someone)
            and _clear(folded, lang, cues, code_item, lambda _: no_harm(rest)))


#: Articles between a verb and its thing ("pegar la etiqueta").
_ARTICLES = frozenset({"la", "el", "las", "los", "una", "un", "unas", "unos", "esta", "este", "esa", "ese"})


#: The urgent code read below this confidence is weak (core.safety.TENTATIVE_CONFIDENCE) ...
WEAK_URGENT = 0.5
#: ... and set aside when the shop's best cover intent holds at least this share of it (core.safety.CODED_URGENT_SHARE).
COVER_SHARE = 0.75


def is_weak_urgent_code(confidence: float, cover: float, folded: str, lang: str | None, cues: ShopTalkCues,
                        code_item: Cues, no_harm: NoHarm) -> bool:
    """Whether the urgent code read at ``confidence`` is weak (below :data:`WEAK_URGENT`) with the shop's best cover
    intent close behind (``cover``, at least :data:`COVER_SHARE` of it), in a message with no word of the moment or
    haste (``time_now``), no code item, no skin trouble and nothing of harm: "will the cream melt in the post in
    summer" (the urgent code .20, shipping .18). "can it come tonight" or "is there express delivery" keep the code."""
    return (confidence < WEAK_URGENT and cover >= COVER_SHARE * confidence
            and not has_cue(folded, lang, cues.time_now) and _clear(folded, lang, cues, code_item, no_harm))


def is_damaged_parcel(folded: str, lang: Optional[str], cues: ShopTalkCues, code_item: Cues,
                      no_harm: NoHarm) -> bool:
    """Whether ``folded`` tells of a product that came damaged, open or spilt (``parcel_damage`` with a product or a
    shopper's word: "me ha llegado el champú abierto y se ha salido todo por la caja", "the candle arrived smashed"),
    no code item, no skin trouble, and nothing of harm once the damage words are blanked (s36)."""
    if not has_cue(folded, lang, cues.parcel_damage):
        return False
    if not any(has_cue(folded, lang, c) for c in (cues.product_words, cues.shop_asks, cues.shop_things)):
        return False
    rest = without_phrases(folded, lang, cues.parcel_damage)
    return _clear(folded, lang, cues, code_item, lambda _: no_harm(rest))


def is_product_reaction(folded: str, lang: Optional[str], cues: ShopTalkCues, code_item: Cues,
                        no_harm: NoHarm) -> bool:
    """Whether ``folded`` asks about a product's reaction on the skin (``product_reaction`` with ``reaction_asks`` and a
    product, ``skin_products``), no code item, no wound, mark or hurt of the child (``reaction_deep``), and neither the
    code's skin trouble nor harm once the reaction and the question are blanked (s37): "this cream burns when i put it
    on, is that normal", "ten krem piecze jak go nakladam" (never "the cream stings on the cuts on my arms")."""
    if not (has_word_cue(folded, lang, cues.product_reaction) and has_word_cue(folded, lang, cues.reaction_asks)
            and has_cue(folded, lang, cues.skin_products)):
        return False
    if has_cue(folded, lang, cues.reaction_deep):
        return False
    rest = without_phrases(without_phrases(folded, lang, cues.product_reaction), lang, cues.reaction_asks)
    return not has_cue(folded, lang, code_item) and not has_cue(rest, lang, cues.skin_trouble) and no_harm(rest)


def is_skill_taunt(folded: str, lang: Optional[str], cues: ShopTalkCues, someone: Cues, no_harm: NoHarm) -> bool:
    """Whether ``folded`` tells a player's skill mocked in the game (``game_taunt`` in ``game_place``) and asks to play
    better (``game_improve``), nobody of the child's life named (``someone``, whole words), no school or real life,
    tears, fear or harm (``taunt_real``), and nothing else of harm once the taunt and the question are blanked (s37)."""
    if not all(has_cue(folded, lang, c) for c in (cues.game_taunt, cues.game_improve, cues.game_place)):
        return False
    if has_word_cue(folded, lang, someone) or has_cue(folded, lang, cues.taunt_real):
        return False
    return no_harm(without_phrases(without_phrases(folded, lang, cues.game_taunt), lang, cues.game_improve))


def asks_game_settings(folded: str, lang: Optional[str], cues: ShopTalkCues) -> bool:
    """Whether ``folded`` asks about a game's or a device's settings (``game_settings``, whole words: "best settings
    for valorant on a 60hz monitor", "what sensitivity do pros use"): a player's question, never breaking off (s36;
    the caller wants game talk and no word of breaking off)."""
    return has_word_cue(folded, lang, cues.game_settings)


#: Words that may stand between a take-back word and the thing taken back ("forget THE blue one", "zapomnij O
#: niebieskim", "ignore the PREVIOUS postcode").
_SWAP_BETWEEN = frozenset("the a an my that this those your el la los las lo un una de del mi mis o ten ta te to tego "
                          "tej moje moj moja previous old poprzedni poprzednia poprzednie poprzedniego anterior".split())
_TOKEN = re.compile(r"\w+")


def takes_back_thing(folded: str, lang: str | None, takeback: Sequence[str], things: Cues) -> bool:
    """Whether a take-back word or phrase of ``takeback`` (folded: "forget", "cancel", "olvida", "nieważne") is
    followed, past :data:`_SWAP_BETWEEN`, by a thing of ``things`` ("forget the blue one", "anuluj balsam"): the thing
    is what is taken back. "cancel the order, ill just buy the rose soap instead", "olvida lo que pedí, quiero solo el
    jabón" take back what was asked before and then ask for a thing: the child's turn to shop talk (s37)."""
    tokens = _TOKEN.findall(folded)
    starts = [c for found in ([things[lang]] if lang in things else list(things.values())) for c in found]
    for phrase in takeback:
        said = _TOKEN.findall(phrase)
        for at in range(len(tokens) - len(said) + 1):
            if not said or tokens[at:at + len(said)] != said:
                continue
            k = at + len(said)
            while k < len(tokens) and tokens[k] in _SWAP_BETWEEN:
                k += 1
            rest = " ".join(tokens[k:])
            if any(rest == c or rest.startswith(c) for c in starts):
                return True
    return False


def is_shop_swap(folded: str, lang: str | None, cues: ShopTalkCues, code_item: Cues, takeback: Sequence[str],
                 no_harm: NoHarm) -> bool:
    """Whether ``folded`` takes back a thing a shopper corrects (:func:`takes_back_thing` with ``shop_swap``: another
    product, a colour, a size, a postcode) and names no word of the code (``shop_swap_not``: the cream, the skin), no
    code item, no skin trouble and nothing of harm: "forget the blue one, I'll take the red" (the caller wants the
    quiet code read, nobody named, no one arriving and no goodbye; s37)."""
    return (takes_back_thing(folded, lang, takeback, cues.shop_swap) and not has_cue(folded, lang, cues.shop_swap_not)
            and _clear(folded, lang, cues, code_item, no_harm))
