"""``popbot persona new``: a persona file to fill in, shaped like an existing persona.

Every text the partner must write is ``"TODO"``; ``popbot persona validate`` reports each one that
is left (:data:`core.persona.validate.TODO_MARK`). What can be reused as is — the country, colours,
exit address, currency, the kind of risk cues — is copied from the template, and the template's
own texts are shown as ``# e.g.`` comments so a partner sees what each place is for.
"""
from __future__ import annotations

import json
from typing import Iterable, Mapping, Sequence

from core.persona.schema import (
    ACTION_VOICE_KEYS,
    EMERGENCY_PLACEHOLDER,
    MIN_CLEAN_CHAT_EXAMPLES,
    MIN_CODE_EXAMPLES,
    MIN_COVER_EXAMPLES,
    VOICE_KEYS,
    Persona,
)
from core.persona.validate import TODO_MARK

#: What each code signal means, for the partner (personas/README.md section 2 says more).
CODE_HINTS = {
    "help_request": "a visitor who knows the code asks for help",
    "urgent": "the danger is high right now",
    "visit_request": "please send someone to this address",
    "not_safe": "I cannot talk now (someone is watching)",
    "peer_help": "asking for a friend or a sibling",
    "clean_chat": "please wipe this chat",
}


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _hint(texts: Mapping[str, Sequence[str]] | None, lang: str, template: str, many: int = 2) -> str:
    shown = [" ".join(text.split())[:80] for text in list((texts or {}).get(lang, ()))[:many]]
    return f"  # e.g. ({template}): {' | '.join(shown)}" if shown else ""


def _todo(required: Iterable[str] = ()) -> str:
    return _q(" ".join([TODO_MARK, *required]))


def skeleton(template: Persona, persona_id: str, languages: Sequence[str], command: str) -> str:
    """The YAML text of a new persona ``persona_id`` in ``languages``, shaped like ``template``."""
    t = template.id
    out: list[str] = [
        f"# personas/{persona_id}.yml, written by `{command}`.",
        f"# Replace every {TODO_MARK} (a line starting with # is a hint and is ignored), then run",
        f"#   .venv/bin/popbot persona validate personas/{persona_id}.yml",
        "# until it says ok. The guide for every field: personas/README.md.",
        f"id: {persona_id}",
        f"kind: {template.kind}",
        f"languages: [{', '.join(languages)}]  # the first is the default language",
        f"country: {template.country}  # ISO code of the country whose emergency number the bot gives",
        "display:",
        f"  name: {_todo()}  # the shop's name, as on the page",
        "  tagline:",
        *(f"    {lang}: {_todo()}{_hint({k: [v] for k, v in template.display.tagline.items()}, lang, t)}" for lang in languages),
        f"  colors: {{primary: {_q(template.display.colors.primary)}, accent: {_q(template.display.colors.accent)}, "
        f"background: {_q(template.display.colors.background)}, text: {_q(template.display.colors.text)}}}",
        f"  exit_url: {_q(template.display.exit_url)}  # where the close button goes: an ordinary site",
        f"  favicon: {_todo()}  # one emoji, e.g. 🥐",
    ]
    display = template.display
    if display.currency:
        out.append(f"  currency: {display.currency}")
        out.append(f"  free_delivery_from: {_todo()}  # e.g. \"{display.free_delivery_from or 100}\"; delete the line for none")
    out += ["  banner:", *(f"    {lang}: {_todo()}  # one short line above the page" for lang in languages)]
    out += ["  footer:", *(f"    {lang}: [{_todo()}]  # company, address, terms (1 to 4 lines)" for lang in languages)]
    out += [
        "catalogue:  # what the page shows; copy the block for each product",
        "  - id: first-product  # lower-case letters, digits and hyphens",
        "    name: {" + ", ".join(f"{lang}: {_todo()}" for lang in languages) + "}",
        "    description: {" + ", ".join(f"{lang}: {_todo()}" for lang in languages) + "}",
    ]
    if template.kind == "shop":
        currency = display.currency or next((i.currency for i in template.catalogue if i.currency), "EUR")
        out += [f"    price: {_todo()}  # e.g. \"12.50\"", f"    currency: {currency}"]
    out.append(f"cover:  # what ordinary visitors ask ({t}'s topics; rename, add or remove)")
    for intent in template.cover:
        out += [f"  - name: {intent.name}", "    examples:"]
        for lang in languages:
            out += [f"      {lang}:  # at least {MIN_COVER_EXAMPLES}{_hint(intent.examples, lang, t)}", f"        - {_todo()}"]
        out.append("    replies:")
        out += [f"      {lang}: [{_todo()}]{_hint(intent.replies, lang, t, 1)}" for lang in languages]
        if intent.offer:
            out.append("    offer: true  # the reply is followed by the confirm_help question (shares words with the code)")
    out.append("code:  # the phrases that carry a signal; only someone who knows your code writes them")
    for name, hint in CODE_HINTS.items():
        signal = template.code.get(name)
        if signal is None and name == "clean_chat":
            continue
        least = MIN_CLEAN_CHAT_EXAMPLES if name == "clean_chat" else MIN_CODE_EXAMPLES
        out += [f"  {name}:  # {hint}", "    examples:"]
        for lang in languages:
            out += [f"      {lang}:  # at least {least}{_hint(signal.examples if signal else None, lang, t)}",
                    f"        - {_todo()}"]
    cues = {risk: by_lang for risk, by_lang in template.risk_cues.items() if all(lang in by_lang for lang in languages)}
    if cues:
        out.append("  risk_cues:  # words that raise the urgency (copied; add your own)")
        for risk, by_lang in cues.items():
            out.append(f"    {risk}: {{" + ", ".join(f"{lang}: [{', '.join(_q(w) for w in by_lang[lang])}]" for lang in languages) + "}")
    out.append("voice:  # how the bot says each thing without breaking cover (one line each)")
    for key in (*VOICE_KEYS, *ACTION_VOICE_KEYS):
        if key not in template.voice:
            continue
        required = (EMERGENCY_PLACEHOLDER,) if key == "emergency" else ACTION_VOICE_KEYS.get(key, ())
        out.append(f"  {key}:")
        out += [f"    {lang}: [{_todo(required)}]{_hint(template.voice[key], lang, t, 1)}" for lang in languages]
    return "\n".join(out) + "\n"
