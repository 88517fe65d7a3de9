"""Interpret a message in its persona's context and attach its signal.

Runs after DIET (which must rank every intent: ``ranking_length: 0``):
  1. the persona comes from the message metadata (``persona``; missing -> ``plain``);
  2. intents of other personas are removed from the ranking; if most of the probability mass
     belonged to them, the message is another persona's talk -> ``out_of_scope`` here;
  3. a persona code intent gets its generic name (``rumianek__help_request`` -> ``help_request``);
     inside a persona a plain "no / not now" (``deny``) means the persona's ``not_safe``: the
     child cannot talk now, so the bot says one innocuous line and goes quiet; a *coded*
     ``peer_help`` is answered like ``help_request`` (the discreet question, nothing plain), while
     its signal stays ``peer_help``; a greeting that carries a help request ("dzień dobry,
     poproszę krem rumiankowy") is the help request;
  4. ``signal`` and ``urgent`` are set (self-harm with a plan, means or time is urgent;
     cues in ``nlu/safety/cues.yml``), and entities ``persona``, ``risk`` and ``address`` added.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Text

import rasa.shared.utils.io
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    METADATA,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from core import PROJECT_ROOT
from nlu.address import find_address
from nlu.quiet import is_quiet_line, load_quiet_words
from nlu.duration import find_duration
from core.persona import project_personas
from core.text import fold
from core.signals import HELP_SIGNALS, NO_PERSONA, generic_name, persona_of, signal_for_intent

SIGNAL = "signal"
URGENT = "urgent"
PERSONA_ENTITY = "persona"
FOREIGN_INTENT = "out_of_scope"
#: Ordinary intents that give way to a help intent ranked with at least this confidence.
YIELDING_INTENTS = frozenset({"greet", "thanks"})
#: Code intents that mean "I can't talk now" in any persona.
QUIET_CODES = frozenset({"not_safe", "clean_chat"})
YIELD_CONFIDENCE = 0.25


def _entity(name: str, value: str, start: int = 0, end: int = 0, confidence: float = 1.0) -> dict:
    return {
        "entity": name,
        "value": value,
        "start": start,
        "end": end,
        "confidence": confidence,
        "extractor": "PersonaContext",
    }


def _contains_cue(folded: str, cues: List[str]) -> bool:
    padded = f" {folded} "
    return any(f" {cue}" in padded for cue in cues)


def _with_whole_address(text: str, entities: List[dict]) -> List[dict]:
    """One ``address`` entity for the whole address: the street-form rule's span if it finds
    one, else the CRF's fragments ("17 Birch Avenue" + "Derby") joined into one span."""
    others = [e for e in entities if e.get("entity") != "address"]
    fragments = [e for e in entities if e.get("entity") == "address"]
    found = find_address(text)
    if found:
        return [*others, _entity("address", found[2], found[0], found[1])]
    if len(fragments) > 1:
        start = min(e["start"] for e in fragments)
        end = max(e["end"] for e in fragments)
        return [*others, _entity("address", text[start:end], start, end)]
    return entities


def _load_cues(path: Path) -> Dict[str, List[str]]:
    data = rasa.shared.utils.io.read_yaml_file(path) or {}
    cues: Dict[str, List[str]] = {}
    for lang, words in (data.get("self_harm_urgent") or {}).items():
        cues[lang] = sorted({fold(str(w)) for w in words})
    return cues


def _load_risk_cues() -> Dict[str, Dict[str, List[str]]]:
    """``{persona: {risk: [folded cue, ...]}}`` from every project persona's ``risk_cues``."""
    result: Dict[str, Dict[str, List[str]]] = {}
    for persona in project_personas().values():
        per_risk = {
            risk: sorted({fold(w) for words in by_lang.values() for w in words})
            for risk, by_lang in persona.risk_cues.items()
        }
        if per_risk:
            result[persona.id] = per_risk
    return result


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class PersonaContext(GraphComponent, IntentClassifier):
    """Masks other personas' intents, renames code intents and sets ``signal``/``urgent``."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "cues_file": "nlu/safety/cues.yml",
            # below this share of probability left for the persona, the message is foreign talk
            "foreign_mass": 0.5,
        }

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        state: Optional[Dict[str, Any]] = None,
    ) -> None:
        self.config = config
        self._storage = model_storage
        self._resource = resource
        state = state or {}
        self.personas: List[str] = state.get("personas", [])
        # Cue lists are read from the project's files whenever the component is built, not
        # frozen into the model: editing them needs no retraining (Rasa's fingerprint would not
        # see them, since they are not training data).
        self.urgent_cues: Dict[str, List[str]] = _load_cues(PROJECT_ROOT / config["cues_file"])
        self.quiet_words = load_quiet_words(PROJECT_ROOT / config["cues_file"])
        self.risk_cues: Dict[str, Dict[str, List[str]]] = _load_risk_cues()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "PersonaContext":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        self.personas = sorted(
            {p for p in (persona_of(i) for i in training_data.intents) if p is not None}
        )
        with self._storage.write_to(self._resource) as directory:
            rasa.shared.utils.io.dump_obj_as_json_to_file(
                directory / "persona_context.json",
                {"personas": self.personas},
            )
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "PersonaContext":
        with model_storage.read_from(resource) as directory:
            state = rasa.shared.utils.io.read_json_file(directory / "persona_context.json")
        return cls(config, model_storage, resource, state)

    def persona_for(self, message: Message) -> str:
        """The persona named in the metadata if this model knows it, else ``plain``."""
        persona = (message.get(METADATA) or {}).get("persona")
        return persona if isinstance(persona, str) and persona in self.personas else NO_PERSONA

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        persona = self.persona_for(message)
        ranking = list(message.get(INTENT_RANKING_KEY) or [])
        if not ranking and message.get(INTENT):
            ranking = [dict(message.get(INTENT))]
        kept = [r for r in ranking if persona_of(r[INTENT_NAME_KEY]) in (None, persona)]
        kept_mass = sum(r[PREDICTED_CONFIDENCE_KEY] for r in kept)
        # "wrong chat", "never mind" mean the same in every persona: another persona's quiet code
        # is not evidence that this is another persona's talk.
        foreign_mass = sum(
            r[PREDICTED_CONFIDENCE_KEY]
            for r in ranking
            if persona_of(r[INTENT_NAME_KEY]) not in (None, persona) and generic_name(r[INTENT_NAME_KEY]) not in QUIET_CODES
        )
        if kept and foreign_mass <= self.config["foreign_mass"]:
            scale = 1.0 / kept_mass if kept_mass > 0 else 1.0
            new_ranking = [
                {
                    INTENT_NAME_KEY: generic_name(r[INTENT_NAME_KEY]),
                    PREDICTED_CONFIDENCE_KEY: r[PREDICTED_CONFIDENCE_KEY] * scale,
                    "source": r[INTENT_NAME_KEY],
                }
                for r in kept
            ]
        else:
            new_ranking = [
                {INTENT_NAME_KEY: FOREIGN_INTENT, PREDICTED_CONFIDENCE_KEY: foreign_mass, "source": FOREIGN_INTENT}
            ]
        top = max(new_ranking, key=lambda r: r[PREDICTED_CONFIDENCE_KEY]) if new_ranking else None
        if top is None:
            top = {INTENT_NAME_KEY: FOREIGN_INTENT, PREDICTED_CONFIDENCE_KEY: 0.0, "source": FOREIGN_INTENT}
        if top[INTENT_NAME_KEY] in YIELDING_INTENTS:
            helping = [r for r in new_ranking if signal_for_intent(r["source"])[0] in HELP_SIGNALS]
            if helping and helping[0][PREDICTED_CONFIDENCE_KEY] >= YIELD_CONFIDENCE:
                top = helping[0]
        if persona != NO_PERSONA and top[INTENT_NAME_KEY] == "deny":
            top = {**top, INTENT_NAME_KEY: "not_safe"}
        signal, urgent = signal_for_intent(top[INTENT_NAME_KEY])
        if persona_of(top["source"]) is not None and top[INTENT_NAME_KEY] == "peer_help":
            top = {**top, INTENT_NAME_KEY: "help_request"}
        text = message.get(TEXT) or ""
        folded = fold(text)
        lang = next((e["value"] for e in message.get(ENTITIES, []) if e.get("entity") == "lang"), None)
        if signal != "not_safe" and is_quiet_line(folded, lang, self.quiet_words):
            # "sorry, wrong chat": never an emergency reply, never a safety reply (nlu/quiet.py)
            top = {**top, INTENT_NAME_KEY: "not_safe"}
            signal, urgent = signal_for_intent("not_safe")
        if signal == "self_harm" and not urgent:
            cue_lists = [self.urgent_cues[lang]] if lang in self.urgent_cues else self.urgent_cues.values()
            urgent = any(_contains_cue(folded, cues) for cues in cue_lists)
            if urgent:  # the dialogue gives the emergency number first
                top = {**top, INTENT_NAME_KEY: "self_harm_urgent"}

        entities = [e for e in message.get(ENTITIES, []) if e.get("entity") != PERSONA_ENTITY]
        entities.append(_entity(PERSONA_ENTITY, persona))
        for risk, cues in self.risk_cues.get(persona, {}).items():
            if signal != "none" and _contains_cue(folded, cues):
                entities.append(_entity("risk", risk))
        if signal == "visit_request":
            entities = _with_whole_address(text, entities)
        if signal in HELP_SIGNALS and not any(e.get("entity") == "duration" for e in entities):
            found = find_duration(text)
            if found:
                entities.append(_entity("duration", found[2], found[0], found[1]))

        message.set(
            INTENT,
            {INTENT_NAME_KEY: top[INTENT_NAME_KEY], PREDICTED_CONFIDENCE_KEY: top[PREDICTED_CONFIDENCE_KEY]},
            add_to_output=True,
        )
        message.set(INTENT_RANKING_KEY, new_ranking[:10], add_to_output=True)
        message.set(ENTITIES, entities, add_to_output=True)
        message.set(SIGNAL, signal, add_to_output=True)
        message.set(URGENT, urgent, add_to_output=True)
