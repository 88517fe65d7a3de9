"""What every popbot NLU component shares: Rasa's graph-component plumbing and a saved state.

A subclass sets ``STATE_FILE`` (empty for components that learn nothing), implements
:meth:`setup` to take its state (``None`` when freshly created) and calls :meth:`persist` at the
end of ``train``. ``create`` and ``load`` come from here, so no component repeats them.
"""
from __future__ import annotations

from typing import Any, ClassVar, Dict, List, Optional, Text, Type, TypeVar

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message

C = TypeVar("C", bound="PopbotComponent")


class PopbotComponent(GraphComponent):
    """Config, model storage and resource kept; state saved with joblib under ``STATE_FILE``."""

    STATE_FILE: ClassVar[str] = ""

    def __init__(
        self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, state: Any = None
    ) -> None:
        self.config = config
        self._storage = model_storage
        self._resource = resource
        self.setup(state)

    def setup(self, state: Any) -> None:
        """Take the trained state (``None`` before training)."""

    @classmethod
    def create(
        cls: Type[C],
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> C:
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls: Type[C],
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> C:
        state = None
        if cls.STATE_FILE:
            with model_storage.read_from(resource) as directory:
                state = joblib.load(directory / cls.STATE_FILE)
        return cls(config, model_storage, resource, state)

    def persist(self, state: Any) -> Resource:
        """Save ``state`` with the model; ``load`` hands it back to :meth:`setup`."""
        with self._storage.write_to(self._resource) as directory:
            joblib.dump(state, directory / self.STATE_FILE)
        return self._resource


def entity_value(message: Message, name: str) -> Optional[str]:
    """The value of the first entity called ``name`` already on the message."""
    return next((e["value"] for e in message.get(ENTITIES, []) if e.get("entity") == name), None)


def with_entities(message: Message, found: List[Dict[str, Any]], replace: str = "") -> None:
    """Add entities (dropping earlier ones named ``replace``) to the message's output."""
    kept = [e for e in message.get(ENTITIES, []) if not replace or e.get("entity") != replace]
    message.set(ENTITIES, [*kept, *found], add_to_output=True)
