"""Canary tests: each adaptation in core.rasa_compat, and the Rasa/Sanic behaviour it relies on.

If an upgrade changes what Rasa or Sanic does, these fail first and say which patch to revisit.
"""
from __future__ import annotations

import asyncio
import io
import logging
import uuid
from typing import Any

import pytest

from core import rasa_compat


def test_versions_are_the_ones_the_patches_were_written_for(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasa

    rasa_compat.check_versions()
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(rasa_compat.IncompatibleRasa, match="written for rasa 3.6.21"):
        rasa_compat.check_versions()


def test_rasa_structlog_renders_fields_unless_patched() -> None:
    """Canary: Rasa's own configure_structlog renders every field (message text included)."""
    import structlog
    import rasa.utils.log_utils as log_utils

    from core.logs import configure_structlog

    original = rasa_compat._originals.get("configure_structlog", log_utils.configure_structlog)
    assert original is not configure_structlog
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        structlog.reset_defaults()
        structlog.configure(processors=[structlog.processors.KeyValueRenderer()], logger_factory=structlog.PrintLoggerFactory(stream))
        structlog.get_logger().info("processor.message", text="canary words")
        assert "canary words" in stream.getvalue()  # what an unpatched renderer does
        rasa_compat.patch_structlog()
        assert log_utils.configure_structlog is configure_structlog
        log_utils.configure_structlog(logging.INFO)
        structlog.get_logger("rasa.core.processor").info("processor.message", text="second canary")
        assert "second canary" not in stream.getvalue()
    finally:
        root.removeHandler(handler)
        configure_structlog(logging.INFO)


def test_channel_blueprint_registers_its_siblings_through_rasa() -> None:
    """Rasa's ``register`` mounts one blueprint per channel; the siblings come along."""
    from rasa.core.channels.channel import InputChannel, register
    from sanic import Blueprint, Sanic, response

    Sanic.test_mode = True
    shop = Blueprint(f"shop_{uuid.uuid4().hex[:6]}", url_prefix="/shop")

    @shop.route("/")
    async def home(_: Any) -> Any:
        return response.text("shop")

    class Channel(InputChannel):
        @classmethod
        def name(cls) -> str:
            return "canary"

        def blueprint(self, on_new_message: Any) -> Blueprint:
            bp = rasa_compat.channel_blueprint(f"canary_{uuid.uuid4().hex[:6]}", extra=[shop])

            @bp.route("/")
            async def health(_: Any) -> Any:
                return response.text("ok")

            return bp

    app = Sanic(f"compat_{uuid.uuid4().hex[:8]}")
    register([Channel()], app, route="/webhooks/")
    paths = {route.path for route in app.router.routes}
    assert "webhooks/canary" in paths
    assert "shop" in paths


def test_sanic_run_switches_the_loop_policy_and_restore_undoes_it() -> None:
    """Canary: ``Sanic.run`` (rasa_sdk's and Rasa's servers) installs uvloop's policy;
    restore_event_loop_policy undoes it for code that runs in the same process afterwards."""
    import inspect

    import uvloop
    from sanic import Sanic
    from sanic.server import try_use_uvloop

    assert "try_use_uvloop()" in inspect.getsource(Sanic.run)
    loop = asyncio.new_event_loop()
    try:
        try_use_uvloop()
        assert isinstance(asyncio.get_event_loop_policy(), uvloop.EventLoopPolicy)
        rasa_compat.restore_event_loop_policy(loop)
        assert type(asyncio.get_event_loop_policy()) is asyncio.DefaultEventLoopPolicy
        assert asyncio.get_event_loop() is loop
    finally:
        loop.close()


def test_prepare_environment_keeps_what_the_caller_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL_LIBRARIES", "WARNING")
    monkeypatch.delenv("RASA_TELEMETRY_ENABLED", raising=False)
    rasa_compat.prepare_environment()
    import os

    assert os.environ["LOG_LEVEL_LIBRARIES"] == "WARNING"
    assert os.environ["RASA_TELEMETRY_ENABLED"] == "false"


@pytest.mark.asyncio
async def test_rasas_remote_action_runs_in_process_actions() -> None:
    """Canary of ``in_process_action_endpoint``: Rasa's RemoteAction hands its JSON to
    ``action_endpoint.request(json=...)`` and reads the action server's answer."""
    from rasa.core.actions.action import RemoteAction
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from core.rasa_compat import in_process_action_endpoint

    domain = Domain.from_yaml(
        'version: "3.1"\nslots:\n  handoff:\n    type: text\n    mappings: [{type: custom}]\n'
        "actions: [action_request_counselor]\n")
    parse = {"intent": {"name": "urgent", "confidence": 1.0}, "entities": [], "urgent": True, "text": "x"}
    tracker = DialogueStateTracker.from_events("canary", [UserUttered("x", parse_data=parse)], domain.slots)
    action = RemoteAction("action_request_counselor", in_process_action_endpoint("actions"))
    events = await action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}), tracker, domain)
    assert events == [SlotSet("handoff", "urgent")]


@pytest.mark.parametrize("answer", [
    {"events": [{"event": "slot", "name": "handoff", "value": "urgent"}], "responses": [{"text": "hi"}]},
    {},
    {"events": [{"event": "no such event"}]},
    {"events": [{"event": "slot"}]},  # a slot event without its name
    {"responses": ["not an object"]},
    {"events": "not a list"},
    [],
])
def test_action_responses_are_validated_as_rasa_does_with_the_schema_checked_once(answer: Any) -> None:
    """Canary of ``check_action_responses_once``: the cached validator accepts and refuses exactly
    what Rasa's own ``_validate_action_result`` does, with the same error message, and Rasa still
    calls the method it replaces on every action server answer."""
    import inspect

    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction

    assert "self._validate_action_result(response)" in inspect.getsource(RemoteAction.run)
    action = RemoteAction("action_canary", None)

    def outcome() -> Any:
        try:
            return action._validate_action_result(answer)
        except ValidationError as exc:
            return ("refused", exc.message, list(exc.path))

    rasa_compat.uncheck_action_responses_once()
    original = RemoteAction._validate_action_result
    expected = outcome()
    try:
        rasa_compat.check_action_responses_once()
        rasa_compat.check_action_responses_once()  # idempotent
        assert RemoteAction._validate_action_result is not original
        assert outcome() == expected
    finally:
        rasa_compat.uncheck_action_responses_once()
    assert RemoteAction._validate_action_result is original


def test_agent_and_processor_keep_the_attributes_agent_sharing_model_swaps() -> None:
    """Canary of ``agent_sharing_model``: both objects still hold these as plain attributes."""
    import inspect

    from rasa.core.agent import Agent
    from rasa.core.processor import MessageProcessor

    for cls in (Agent, MessageProcessor):
        source = inspect.getsource(cls.__init__)
        assert "self.tracker_store =" in source and "self.action_endpoint =" in source, cls
    assert "self.processor = MessageProcessor(" in inspect.getsource(Agent.load_model)


async def test_message_hooks_wrap_the_processor_where_rasa_logs_then_sends() -> None:
    """Canary of install_message_hooks: Rasa's ``_run_action`` logs an action's events on the
    tracker (also when the action failed) *before* ``execute_side_effects`` sends its replies,
    and ``handle_message`` is the one entry every channel's message goes through."""
    import inspect

    from rasa.core.processor import MessageProcessor

    run_action = inspect.getsource(MessageProcessor._run_action)
    assert run_action.index("self._log_action_on_tracker(") < run_action.index("await self.execute_side_effects(")
    assert "events = []" in run_action  # a failing custom action (server down) is still logged
    assert list(inspect.signature(MessageProcessor.execute_side_effects).parameters) == [
        "self", "events", "tracker", "output_channel"]
    calls: list[str] = []

    async def gate(processor: Any, message: Any) -> bool:
        calls.append("gate")
        return message.text == "taken"

    async def before_send(processor: Any, events: list, tracker: Any) -> None:
        calls.append("before_send")

    original = MessageProcessor.handle_message
    rasa_compat.install_message_hooks(gate, before_send)
    rasa_compat.install_message_hooks(gate, before_send)  # idempotent: wraps the original once
    try:
        from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

        processor = object.__new__(MessageProcessor)
        taken = await MessageProcessor.handle_message(processor, UserMessage("taken", CollectingOutputChannel(), "x"))
        assert taken == [] and calls == ["gate"]
    finally:
        rasa_compat.uninstall_message_hooks()
    assert MessageProcessor.handle_message is original


async def test_after_parse_hook_sees_the_tracker_rasa_parses_with() -> None:
    """Canary of install_message_hooks' ``after_parse``: Rasa's ``_handle_message_with_tracker`` parses a message
    with its conversation's tracker (``parse_message(message, tracker)``) and logs the parse it gets back as the user
    event (``UserUttered(…, parse_data, …)``), so a parse changed in place is what the dialogue reads. A parse without
    a tracker is left alone; without ``after_parse`` ``parse_message`` is Rasa's own; uninstall restores it."""
    import inspect

    from rasa.core.processor import MessageProcessor

    handled = inspect.getsource(MessageProcessor._handle_message_with_tracker)
    assert "parse_data = await self.parse_message(message, tracker)" in handled
    assert handled.index("self.parse_message(message, tracker)") < handled.index("UserUttered(")
    assert list(inspect.signature(MessageProcessor.parse_message).parameters) == [
        "self", "message", "tracker", "only_output_properties"]
    original = MessageProcessor.parse_message
    seen: list[Any] = []

    async def gate(processor: Any, message: Any) -> bool:
        return False

    async def before_send(processor: Any, events: list, tracker: Any) -> None:
        return None

    async def after_parse(processor: Any, message: Any, tracker: Any, parse: dict) -> None:
        seen.append(tracker)
        parse["intent"] = {"name": "read", "confidence": 1.0}

    async def parsed(self: Any, message: Any, tracker: Any = None, only_output_properties: bool = True) -> dict:
        return {"intent": {"name": "raw", "confidence": 1.0}}

    MessageProcessor.parse_message = parsed  # type: ignore[method-assign]
    try:
        rasa_compat.install_message_hooks(gate, before_send)
        assert MessageProcessor.parse_message is parsed
        rasa_compat.uninstall_message_hooks()
        rasa_compat.install_message_hooks(gate, before_send, after_parse)
        processor = object.__new__(MessageProcessor)
        assert (await processor.parse_message("m"))["intent"]["name"] == "raw" and seen == []
        assert (await processor.parse_message("m", "tracker"))["intent"]["name"] == "read" and seen == ["tracker"]
        rasa_compat.uninstall_message_hooks()
        assert MessageProcessor.parse_message is parsed
    finally:
        rasa_compat.uninstall_message_hooks()
        MessageProcessor.parse_message = original  # type: ignore[method-assign]


@pytest.mark.asyncio
async def test_graphs_run_without_dask_give_what_dask_gives(agent: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Canary of ``run_graphs_without_dask``: on the trained model, the NLU graph's parse and the
    policy graph's prediction are the same with Rasa's dask runner and with the plain one (which
    never calls dask), for messages of every language and persona, plain and urgent."""
    import dask
    from rasa.core.channels.channel import UserMessage
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.core.events import UserUttered

    messages = [("hello, do you sell chamomile cream?", "rumianek", "en"), ("mój tata mnie bije", "rumianek", "pl"),
                ("quiero hablar con alguien", None, "es"), ("I want to kill myself", None, "en"),
                ("vivo en Guadalajara", "rumianek", "es"), ("how do I beat level 3", "gametips", "en")]

    async def outcomes() -> list[Any]:
        found = []
        for n, (text, persona, lang) in enumerate(messages):
            metadata = {"persona": persona, "lang": lang} if persona else {"lang": lang}
            parse = await agent.processor.parse_message(UserMessage(text, metadata=metadata))
            tracker = await agent.processor.fetch_tracker_and_update_session(f"graph-canary-{uuid.uuid4().hex}-{n}")
            tracker.update(UserUttered(text, parse_data=parse))
            prediction = agent.processor.predict_next_with_tracker(tracker)
            assert prediction is not None
            del prediction["tracker"]  # this run's own conversation id and timestamps
            found.append((parse, prediction))
        return found

    rasa_compat.run_graphs_with_dask()
    original = DaskGraphRunner.run
    with_dask = await outcomes()
    try:
        rasa_compat.run_graphs_without_dask()
        rasa_compat.run_graphs_without_dask()  # idempotent

        def no_dask(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError("dask was called")

        monkeypatch.setattr(dask, "get", no_dask)
        assert DaskGraphRunner.run is not original
        assert await outcomes() == with_dask
    finally:
        rasa_compat.run_graphs_with_dask()
    assert DaskGraphRunner.run is original


def test_a_graph_without_dask_passes_an_unprovided_input_by_name_and_returns_inputs_as_targets() -> None:
    """What dask does with a need nothing provides (the bare key) and with an input asked for as
    a target ((name, value)), on a two-node graph of Rasa's own components."""
    from rasa.engine.graph import ExecutionContext, GraphSchema, SchemaNode
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.graph_components.providers.domain_provider import DomainProvider
    import tempfile
    from pathlib import Path

    schema = GraphSchema({
        "domain": SchemaNode({}, DomainProvider, "create", "provide_inference", {}, is_target=True),
    })
    with tempfile.TemporaryDirectory() as tmp:
        storage = LocalModelStorage(Path(tmp))
        runner = DaskGraphRunner(schema, storage, ExecutionContext(schema, "canary"))
        results = []
        for patched in (False, True):
            if patched:
                rasa_compat.run_graphs_without_dask()
            try:
                results.append(runner.run(inputs={"__extra__": 7}, targets=["__extra__"]))
            finally:
                rasa_compat.run_graphs_with_dask()
    assert results[0] == results[1] == {"__extra__": 7}
