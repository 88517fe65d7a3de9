"""Every adaptation of Rasa and Sanic internals popbot relies on, in one place.

Written for Rasa 3.6.21 / rasa_sdk 3.6.2 / Sanic 21.12; :func:`check_versions` refuses other
versions (an upgrade must revisit each patch and its canary test in ``tests/core``).

* :func:`prepare_environment` — process environment for everything that imports Rasa: quiet,
  offline, no telemetry (call before importing Rasa);
* :func:`patch_structlog` — Rasa's ``configure_structlog`` renders every event field (message
  text, parse data); replaced by :func:`core.logs.configure_structlog`;
* :func:`guard_tracker_store` — Rasa silently falls back to an in-memory tracker store when a
  custom one cannot be loaded, and wraps every store in ``FailSafeTrackerStore``, which swallows
  save errors; both are replaced so that a failed save raises (the platform redelivers);
* :class:`ChannelBlueprint` — Rasa registers one blueprint per input channel; this blueprint also
  registers sibling blueprints (the shop front-end) at their own prefixes;
* :func:`install_message_hooks` — hooks around ``MessageProcessor``: one before a message is
  processed (it may take the message over: the bot stays silent while a person holds the
  conversation), one before an action's replies are sent (a queue entry is persisted before
  the child reads that someone will write) and, optionally, one after a message was parsed with
  its conversation's tracker, before the dialogue sees it (an answer read with the bot's open
  question: ``bot.open_question``);
* :func:`restore_event_loop_policy` — Sanic switches the process to uvloop's policy when a server
  starts; code that later asks for ``asyncio.get_event_loop()`` needs the default policy back;
* :func:`check_action_responses_once` — Rasa validates every action server answer with
  ``jsonschema.validate``, which first checks the (constant) schema against the meta-schema: a
  quarter of a replica's CPU in the cluster bench. The validator is built and checked once;
* :func:`run_graphs_without_dask` — Rasa runs its NLU and policy graphs through ``dask.get`` for
  every message; the same evaluation in plain Python (each needed node once, parents first).
"""
from __future__ import annotations

import asyncio
import os
import sys
from typing import Any, Awaitable, Callable, Optional

from core import PROJECT_ROOT
from core.settings import ConfigError

RASA_VERSION = "3.6.21"
RASA_SDK_VERSION = "3.6.2"
SANIC_VERSION = "21.12"

_ENVIRONMENT = {
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    "RASA_CACHE_DIRECTORY": str(PROJECT_ROOT / ".rasa" / "cache"),
    "LOG_LEVEL_LIBRARIES": "ERROR",
}

#: Warnings Rasa's dependencies print on every start that tell an operator nothing (deprecations
#: inside third-party packages; Rasa's slot auto-fill notice, which our custom slot mappings
#: trigger). Each is matched by category and message or by the file that raised it, so any other
#: warning — and every error — still prints. ``(category, message regex, path fragment)``.
QUIET_WARNINGS: tuple[tuple[type[Warning], str, str], ...] = (
    (DeprecationWarning, r"jax\.xla_computation is deprecated", ""),
    (DeprecationWarning, r"pkg_resources is deprecated as an API", ""),
    (DeprecationWarning, r"Deprecated call to `pkg_resources\.declare_namespace", ""),
    (DeprecationWarning, r"distutils Version classes are deprecated", ""),
    (DeprecationWarning, r"the load_module\(\) method is deprecated", ""),
    (DeprecationWarning, "", "/matplotlib/"),  # pyparsing renames inside matplotlib's font config
    (UserWarning, r"Slot auto-fill has been removed in 3\.0", ""),
)

_originals: dict[str, Any] = {}


class IncompatibleRasa(RuntimeError):
    """The installed Rasa/Sanic is not the version these adaptations were written for."""


class TrackerStoreGuardError(ConfigError):
    """Rasa would store conversations somewhere other than the required tracker store."""


def prepare_environment() -> None:
    """Set the process defaults above unless the caller set them; call before importing Rasa.

    ``PYTHONHASHSEED`` cannot be set from inside a running process; the Makefile and
    :mod:`bot.stack` set it for the processes they start.
    """
    for key, value in _ENVIRONMENT.items():
        os.environ.setdefault(key, value)
    quiet_warnings()


def quiet_warnings() -> None:
    """Drop :data:`QUIET_WARNINGS` where warnings are shown (idempotent). Not a filter list entry:
    Sanic inserts ``filterwarnings("once", DeprecationWarning)`` in front of any filter on import."""
    import re
    import warnings

    if getattr(warnings.showwarning, "popbot_quiet", False):
        return
    shown = warnings.showwarning
    quiet = [(category, re.compile(message), path) for category, message, path in QUIET_WARNINGS]

    def showwarning(message: Any, category: type[Warning], filename: str, lineno: int,
                    file: Any = None, line: Optional[str] = None) -> None:
        text = str(message)
        if any(issubclass(category, c) and m.match(text) and path in filename for c, m, path in quiet):
            return
        shown(message, category, filename, lineno, file, line)

    showwarning.popbot_quiet = True  # type: ignore[attr-defined]
    warnings.showwarning = showwarning


def check_versions() -> None:
    """Refuse to patch a Rasa, rasa_sdk or Sanic these adaptations were not written for."""
    import rasa
    import sanic

    found = {"rasa": rasa.__version__, "sanic": sanic.__version__}
    if rasa.__version__ != RASA_VERSION or not sanic.__version__.startswith(SANIC_VERSION):
        raise IncompatibleRasa(
            f"popbot's Rasa adaptations were written for rasa {RASA_VERSION} and sanic {SANIC_VERSION}.x, "
            f"found {found}; revisit core/rasa_compat.py and its canary tests before upgrading"
        )


def patch_structlog(*, import_now: bool = True) -> None:
    """Make Rasa's structlog set-up call popbot's (which keeps only event names).

    With ``import_now=False`` Rasa is patched only if it is already imported (quick commands).
    """
    if not import_now and "rasa.utils.log_utils" not in sys.modules:
        return
    try:
        import rasa.utils.log_utils as log_utils
    except ImportError:  # pragma: no cover - processes without Rasa
        return
    from core.logs import configure_structlog

    _originals.setdefault("configure_structlog", log_utils.configure_structlog)
    log_utils.configure_structlog = configure_structlog
    main = sys.modules.get("rasa.__main__")
    if main is not None:
        main.configure_structlog = configure_structlog  # type: ignore[attr-defined]


def unwrap_store(store: Any) -> Any:
    """The tracker store inside Rasa's ``AwaitableTrackerStore``/``FailSafeTrackerStore``."""
    from rasa.core.tracker_store import AwaitableTrackerStore, FailSafeTrackerStore

    while isinstance(store, (AwaitableTrackerStore, FailSafeTrackerStore)):
        store = store._tracker_store
    return store


def require_store(store: Any, required: type, hint: str) -> Any:
    """The ``required`` store inside Rasa's wrappers; TrackerStoreGuardError otherwise."""
    inner = unwrap_store(store)
    if not isinstance(inner, required):
        found = "none" if store is None else type(inner).__name__
        raise TrackerStoreGuardError(
            f"refusing to start: the tracker store is {found}, not {required.__name__}. {hint}"
        )
    return inner


def guard_tracker_store(required: type, hint: str) -> None:
    """Patch Rasa (idempotent): an unloadable store type raises; ``Agent`` accepts only a
    ``required`` store and uses it directly, without ``FailSafeTrackerStore``."""
    if "load_store" in _originals:
        return
    import rasa.core.tracker_store as rasa_tracker_store
    from rasa.core.agent import Agent
    from rasa.shared.core.domain import Domain

    def load_custom_store(domain: Domain, store: Any, event_broker: Any = None) -> Any:
        import rasa.shared.utils.common

        try:
            cls = rasa.shared.utils.common.class_from_module_path(store.type)
        except (AttributeError, ImportError) as exc:
            raise TrackerStoreGuardError(
                f"endpoints.yml tracker_store.type {store.type!r} cannot be loaded "
                f"({exc.__class__.__name__}); refusing to fall back to memory"
            ) from exc
        return cls(host=store.url, domain=domain, event_broker=event_broker, **store.kwargs)

    def create_tracker_store(store: Optional[Any], domain: Domain) -> Any:
        inner = require_store(store, required, hint)
        inner.domain = domain
        return inner

    _originals["load_store"] = rasa_tracker_store._load_from_module_name_in_endpoint_config
    _originals["create_store"] = Agent.__dict__["_create_tracker_store"]
    rasa_tracker_store._load_from_module_name_in_endpoint_config = load_custom_store
    Agent._create_tracker_store = staticmethod(create_tracker_store)


def unguard_tracker_store() -> None:
    """Undo :func:`guard_tracker_store` (tests only; a server never does)."""
    if "load_store" not in _originals:
        return
    import rasa.core.tracker_store as rasa_tracker_store
    from rasa.core.agent import Agent

    rasa_tracker_store._load_from_module_name_in_endpoint_config = _originals.pop("load_store")
    Agent._create_tracker_store = _originals.pop("create_store")


def channel_blueprint(name: str, extra: list[Any], on_register: Optional[Callable[[Any], None]] = None) -> Any:
    """A Sanic blueprint that, when Rasa registers it, also registers ``extra`` blueprints and
    calls ``on_register(app)`` (app-wide middleware of a channel)."""
    from sanic import Blueprint

    class ChannelBlueprint(Blueprint):
        def register(self, app: Any, options: dict[str, Any]) -> None:
            super().register(app, options)
            for blueprint in extra:
                if blueprint.name not in app.blueprints:
                    app.blueprint(blueprint)
            if on_register is not None:
                on_register(app)

    return ChannelBlueprint(name)


def restore_event_loop_policy(loop: Optional[asyncio.AbstractEventLoop] = None) -> None:
    """Back to asyncio's default policy (Sanic installs uvloop's); ``loop`` becomes current."""
    if type(asyncio.get_event_loop_policy()) is not asyncio.DefaultEventLoopPolicy:
        asyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())
    if loop is not None:
        asyncio.set_event_loop(loop)



def in_process_action_endpoint(package: str) -> Any:
    """An action endpoint that runs the rasa_sdk actions of ``package`` in this process.

    Rasa's ``RemoteAction`` calls ``action_endpoint.request(json=..., method="post", ...)`` and
    expects the action server's JSON answer; this endpoint hands the same JSON to rasa_sdk's
    ``ActionExecutor`` instead of an HTTP server. Used by ``popbot eval --conversations`` and the
    conversation tests, so scripted conversations run the real actions without a port. Canary:
    tests/core/test_rasa_compat.py.
    """
    from rasa.utils.endpoints import EndpointConfig
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package(package)

    class InProcessActions(EndpointConfig):
        async def request(self, method: str = "post", subpath: Optional[str] = None,
                          content_type: Optional[str] = "application/json", compress: bool = False,
                          **kwargs: Any) -> Any:
            return await executor.run(kwargs["json"])

    return InProcessActions(url="in-process://actions")


def agent_sharing_model(agent: Any, tracker_store: Any, action_endpoint: Any = None) -> Any:
    """A fresh agent on ``agent``'s loaded model: its own tracker store and action endpoint.

    Copies Rasa's ``Agent`` and ``MessageProcessor`` and swaps ``tracker_store`` and
    ``action_endpoint`` (attributes of both), so a test gets a fresh stack without loading the
    model (a second gigabyte) again. Canary: tests/core/test_rasa_compat.py.
    """
    import copy

    fresh = copy.copy(agent)
    fresh.processor = copy.copy(agent.processor)
    tracker_store.domain = agent.domain
    fresh.tracker_store = fresh.processor.tracker_store = tracker_store
    fresh.action_endpoint = fresh.processor.action_endpoint = action_endpoint
    return fresh


def check_action_responses_once() -> None:
    """Replace ``RemoteAction._validate_action_result`` (idempotent) by the same validation with
    a validator built once: ``jsonschema.validate`` checks the schema itself on every call, which
    cost more CPU than the NLU per message. Same result, same ``ValidationError`` and message.
    Canary: tests/core/test_rasa_compat.py."""
    from jsonschema import exceptions, validators
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    if "validate_action_result" in _originals:
        return
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)

    def _validate_action_result(self: Any, result: dict[str, Any]) -> bool:
        error = exceptions.best_match(validator.iter_errors(result))
        if error is not None:
            error.message += (
                f". Failed to validate Action server response from API, "
                f"make sure your response from the Action endpoint is valid. "
                f"For more information about the format visit "
                f"{DOCS_BASE_URL}/custom-actions"
            )
            raise error
        return True

    _originals["validate_action_result"] = RemoteAction._validate_action_result
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]


def uncheck_action_responses_once() -> None:
    """Undo :func:`check_action_responses_once` (tests only)."""
    from rasa.core.actions.action import RemoteAction

    if "validate_action_result" in _originals:
        RemoteAction._validate_action_result = _originals.pop("validate_action_result")  # type: ignore[method-assign]


def run_graphs_without_dask() -> None:
    """Replace ``DaskGraphRunner.run`` (idempotent) by a plain evaluation of the same graph.

    Rasa hands each message's graph (NLU, then policies) to ``dask.get``, whose scheduling cost
    about a tenth of a replica's CPU per message (py-spy, cluster bench). The graph is small and
    runs in one thread anyway: each node of the minimal graph for the targets is called once,
    after its parents, with what dask would pass it — each parent's ``(name, output)``, an input's
    ``(name, value)``, or the bare name of a parent nothing provides (``GraphNode`` warns and
    raises ``GraphRunError`` as it does under dask). A ``RuntimeError`` becomes
    ``GraphRunError`` as in Rasa. Canary: tests/core/test_rasa_compat.py."""
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner

    if "graph_run" in _originals:
        return

    def run(self: Any, inputs: Optional[dict[str, Any]] = None, targets: Optional[list[str]] = None) -> dict[str, Any]:
        run_targets = targets if targets else self._graph_schema.target_names
        nodes = self._graph_schema.minimal_graph_schema(run_targets).nodes
        done: dict[str, Any] = {}
        for name, value in (inputs or {}).items():
            if isinstance(value, str) and value in nodes:
                raise GraphRunError(
                    f"Input value '{value}' clashes with a node name. Make sure that none of the input "
                    f"names passed to the `run` method are the same as node names in the graph schema."
                )
            done[name] = (name, value)

        def value_of(name: str) -> Any:
            if name in done:
                return done[name]
            node = nodes.get(name)
            if node is None:  # not provided: dask passes the key itself
                return name
            done[name] = self._instantiated_nodes[name](*(value_of(parent) for parent in node.needs.values()))
            return done[name]

        try:
            return dict(value_of(target) for target in run_targets)
        except RuntimeError as e:
            raise GraphRunError("Error running runner.") from e

    _originals["graph_run"] = DaskGraphRunner.run
    DaskGraphRunner.run = run  # type: ignore[method-assign]


def run_graphs_with_dask() -> None:
    """Undo :func:`run_graphs_without_dask` (tests only)."""
    from rasa.engine.runner.dask import DaskGraphRunner

    if "graph_run" in _originals:
        DaskGraphRunner.run = _originals.pop("graph_run")  # type: ignore[method-assign]


MessageGate = Callable[[Any, Any], Awaitable[bool]]
BeforeSend = Callable[[Any, list, Any], Awaitable[None]]
AfterParse = Callable[[Any, Any, Any, dict], Awaitable[None]]


def install_message_hooks(gate: MessageGate, before_send: BeforeSend,
                          after_parse: Optional[AfterParse] = None) -> None:
    """Wrap ``MessageProcessor.handle_message`` and ``execute_side_effects`` (idempotent), and
    ``parse_message`` when ``after_parse`` is given.

    * ``await gate(processor, message)`` runs first (under Rasa's conversation lock); if it
      returns True the message is not processed by Rasa at all (no tracker change, no reply);
    * ``await after_parse(processor, message, tracker, parse_data)`` runs when Rasa parsed a
      message with its conversation's tracker (``_handle_message_with_tracker``: the tracker holds
      the conversation up to, not including, this message, its session already updated) and before
      the parse is logged as the user event the dialogue reads; it may change ``parse_data`` in
      place. A parse without a tracker (``/model/parse``, a held conversation's line) is left alone;
    * ``await before_send(processor, events, tracker)`` runs after an action's events were
      logged on the tracker and before its bot messages go to the output channel; if it raises,
      nothing of that action is sent and the error leaves ``handle_message`` (the channel
      answers as for a failed save).

    Canary: tests/core/test_rasa_compat.py.
    """
    from rasa.core.processor import MessageProcessor

    if "handle_message" not in _originals:
        _originals["handle_message"] = MessageProcessor.handle_message
        _originals["execute_side_effects"] = MessageProcessor.execute_side_effects
        _originals["parse_message"] = MessageProcessor.parse_message
    handle, side_effects = _originals["handle_message"], _originals["execute_side_effects"]
    parse = _originals["parse_message"]

    async def handle_message(self: Any, message: Any) -> Any:
        if await gate(self, message):
            return [] if isinstance(message.output_channel, _collecting()) else None
        return await handle(self, message)

    async def execute_side_effects(self: Any, events: list, tracker: Any, output_channel: Any) -> None:
        await before_send(self, events, tracker)
        await side_effects(self, events, tracker, output_channel)

    async def parse_message(self: Any, message: Any, tracker: Any = None, only_output_properties: bool = True
                            ) -> dict[str, Any]:
        parse_data = await parse(self, message, tracker, only_output_properties)
        if tracker is not None and after_parse is not None:
            await after_parse(self, message, tracker, parse_data)
        return parse_data

    MessageProcessor.handle_message = handle_message  # type: ignore[method-assign]
    MessageProcessor.execute_side_effects = execute_side_effects  # type: ignore[method-assign]
    MessageProcessor.parse_message = parse_message if after_parse is not None else parse  # type: ignore[method-assign]


def uninstall_message_hooks() -> None:
    """Undo :func:`install_message_hooks` (tests only)."""
    from rasa.core.processor import MessageProcessor

    if "handle_message" in _originals:
        MessageProcessor.handle_message = _originals.pop("handle_message")  # type: ignore[method-assign]
        MessageProcessor.execute_side_effects = _originals.pop("execute_side_effects")  # type: ignore[method-assign]
        MessageProcessor.parse_message = _originals.pop("parse_message")  # type: ignore[method-assign]


def _collecting() -> type:
    from rasa.core.channels.channel import CollectingOutputChannel

    return CollectingOutputChannel
