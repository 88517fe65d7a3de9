"""The production container files (docker/) checked without a Docker engine.

compose.yml, the Dockerfile, the build-context filter, the production endpoints, the secrets
entrypoint, the health check and the proxy configuration are parsed and their security
invariants asserted. Where a tool is on the machine, it validates too: `docker compose config`
(or Debian's `docker-compose`), and `caddy validate` plus a routing test of the Caddyfile against
a local stand-in for Rasa (loopback only). A missing tool skips only its own test, saying which.
"""
from __future__ import annotations

import http.server
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from core import PROJECT_ROOT

DOCKER = PROJECT_ROOT / "docker"
COMPOSE = DOCKER / "compose.yml"
DOCKERFILE = DOCKER / "Dockerfile"
DOCKERIGNORE = DOCKER / "Dockerfile.dockerignore"
ENDPOINTS = DOCKER / "endpoints.production.yml"
CADDYFILE = DOCKER / "Caddyfile"
ENTRYPOINT = DOCKER / "entrypoint.sh"
HEALTHCHECK = DOCKER / "healthcheck.py"
INIT_SECRETS = DOCKER / "init-secrets.sh"

#: Environment variable names that hold a secret: they may never have a value in compose.yml.
SECRET_NAME = re.compile(r"PASSWORD|TOKEN|SECRET|_KEYS?$|_KEY_|DATABASE_URL|REDIS_URL|API_KEY", re.I)
#: Compose settings used for the validation commands (non-secret).
COMPOSE_ENV = {"POPBOT_DOMAIN": "shop.example.org", "POPBOT_ACME_EMAIL": "ops@example.org"}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return compose["services"]


def _env(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(k): "" if v is None else str(v) for k, v in env.items()}


def _secret_targets(service: dict[str, Any]) -> set[str]:
    targets = set()
    for item in service.get("secrets") or []:
        targets.add(item if isinstance(item, str) else item.get("target") or item["source"])
    return targets


def _internal_networks(compose: dict[str, Any]) -> set[str]:
    return {name for name, spec in (compose.get("networks") or {}).items() if (spec or {}).get("internal")}


# --- compose.yml ------------------------------------------------------------------------------

def test_compose_has_the_whole_stack(services: dict[str, Any]) -> None:
    assert set(services) == {"rasa", "actions", "console", "postgres", "redis", "proxy"}


def test_only_the_proxy_publishes_ports(services: dict[str, Any]) -> None:
    published = {name for name, spec in services.items() if spec.get("ports")}
    assert published == {"proxy"}
    assert "network_mode" not in services["actions"]


def test_action_server_postgres_and_redis_are_on_internal_networks_only(
    compose: dict[str, Any], services: dict[str, Any]
) -> None:
    internal = _internal_networks(compose)
    assert internal, "compose.yml needs an `internal: true` network"
    for name in ("actions", "console", "postgres", "redis"):
        networks = set(services[name]["networks"])
        assert networks and networks <= internal, f"{name} must be on internal networks only"
        assert not services[name].get("ports") and not services[name].get("expose"), name
    # The proxy never joins the internal network: it can only reach Rasa.
    assert not set(services["proxy"]["networks"]) & internal


def test_rasa_runs_bot_server_with_the_production_endpoints(services: dict[str, Any]) -> None:
    rasa = services["rasa"]
    command = rasa["command"]
    command = command if isinstance(command, list) else command.split()
    assert command[:3] == ["python", "-m", "bot.server"]
    assert command[command.index("--endpoints") + 1] == "/app/endpoints.production.yml"
    env = _env(rasa)
    assert env["POPBOT_MODE"] == "production"
    assert env["POPBOT_ACTIONS_URL"] == "http://actions:5055/webhook"
    assert env["POPBOT_PUBLIC_URL"].startswith("https://${POPBOT_DOMAIN:?")
    assert "container_name" not in rasa, "a container_name prevents scaling rasa to several replicas"
    assert rasa["deploy"]["replicas"] >= 2


def test_action_server_command_and_least_privilege(services: dict[str, Any]) -> None:
    actions = services["actions"]
    assert actions["command"] == ["python", "-m", "bot.actions_server"]
    assert _env(actions)["POPBOT_MODE"] == "production"
    # It reads the referral directory and checks Rasa's signature: no master key, pseudonym key or token.
    assert _secret_targets(actions) == {"popbot_database_url", "popbot_actions_secret"}


def test_rasa_gets_every_secret_it_needs_as_a_file(services: dict[str, Any]) -> None:
    assert {
        "popbot_database_url", "popbot_redis_url", "popbot_rasa_token",
        "popbot_actions_secret", "popbot_master_keys", "popbot_pseudonym_key",
    } <= _secret_targets(services["rasa"])


def test_no_secret_value_or_default_in_compose(compose: dict[str, Any], services: dict[str, Any]) -> None:
    for name, service in services.items():
        assert "env_file" not in service, f"{name}: secrets come from docker/secrets/, not env files"
        for key, value in _env(service).items():
            if SECRET_NAME.search(key):
                assert key.endswith("_FILE") and value.startswith("/run/secrets/"), (
                    f"{name}: {key} must come from a secret file, not a value"
                )
    for name, spec in compose["secrets"].items():
        assert set(spec) == {"file"}, f"secret {name} must be a file (no inline/env value)"
        assert spec["file"].startswith("./secrets/"), name
    # No ${VAR:-default} for anything secret anywhere in the file.
    for match in re.finditer(r"\$\{([A-Z0-9_]+)(:?[-?][^}]*)?\}", COMPOSE.read_text()):
        if SECRET_NAME.search(match.group(1)):
            pytest.fail(f"compose.yml interpolates secret-looking variable {match.group(0)}")
    literal = re.search(r"(?im)(password|token|secret|_keys?)[ \t]*[:=][ \t]*['\"]?\w", COMPOSE.read_text())
    assert literal is None, f"a literal secret in compose.yml? {literal.group(0) if literal else ''}"


def test_every_declared_secret_is_used_and_every_used_secret_declared(
    compose: dict[str, Any], services: dict[str, Any]
) -> None:
    used = set()
    for service in services.values():
        for item in service.get("secrets") or []:
            used.add(item if isinstance(item, str) else item["source"])
    assert used == set(compose["secrets"])


def test_secret_files_are_never_committed() -> None:
    ignored = (DOCKER / "secrets" / ".gitignore").read_text().split()
    assert "*" in ignored and "!.gitignore" in ignored
    assert "secrets/*" in (DOCKER / ".gitignore").read_text().split()


def test_every_service_has_a_healthcheck(services: dict[str, Any]) -> None:
    for name, service in services.items():
        check = service.get("healthcheck") or {}
        assert check.get("test") and not check.get("disable"), f"{name} has no healthcheck"


def test_dependencies_wait_for_health_but_never_for_the_action_server(services: dict[str, Any]) -> None:
    depends = services["rasa"]["depends_on"]
    assert depends["postgres"]["condition"] == "service_healthy"
    assert depends["redis"]["condition"] == "service_healthy"
    # Emergency replies must not wait for the action server (docs/design.md, invariant 5).
    assert depends["actions"]["condition"] == "service_started"


def test_images_are_pinned(services: dict[str, Any]) -> None:
    for name, service in services.items():
        image = service["image"]
        default = re.fullmatch(r"\$\{[A-Z_]+:-([^}]+)\}", image)
        image = default.group(1) if default else image
        assert "@sha256:" in image or re.search(r":[0-9][\w.-]*$", image), f"{name}: {image} is not pinned"
        assert not image.endswith(":latest"), name
    assert services["rasa"]["build"]["dockerfile"] == "docker/Dockerfile"
    assert services["rasa"]["image"] == services["actions"]["image"] == services["console"]["image"]


def test_popbot_containers_drop_privileges(services: dict[str, Any]) -> None:
    for name in ("rasa", "actions", "console"):
        assert services[name]["cap_drop"] == ["ALL"], name
        assert "no-new-privileges:true" in services[name]["security_opt"], name
        assert "user" not in services[name] or services[name]["user"] not in ("root", "0", "0:0"), name


def test_redis_requires_its_password_without_putting_it_on_the_command_line(services: dict[str, Any]) -> None:
    script = "\n".join(services["redis"]["command"])
    assert "requirepass" in script and "/run/secrets/redis_password" in script
    assert "--requirepass" not in script
    assert "exec docker-entrypoint.sh redis-server" in script  # drops to the redis user


def test_postgres_password_comes_from_a_file(services: dict[str, Any]) -> None:
    env = _env(services["postgres"])
    assert env["POSTGRES_PASSWORD_FILE"] == "/run/secrets/postgres_password"
    assert "POSTGRES_PASSWORD" not in env and "POSTGRES_HOST_AUTH_METHOD" not in env


def _compose_cli() -> list[str] | None:
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    return [legacy] if legacy else None


def test_docker_compose_config_validates() -> None:
    cli = _compose_cli()
    if cli is None:
        pytest.skip("no `docker compose` plugin and no `docker-compose` on this machine: compose.yml "
                    "was only checked by the PyYAML tests above")
    env = {**os.environ, **COMPOSE_ENV}
    done = subprocess.run([*cli, "-f", str(COMPOSE), "config", "-q"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    # Required settings fail closed: without POPBOT_DOMAIN the file does not resolve.
    env.pop("POPBOT_DOMAIN")
    done = subprocess.run([*cli, "-f", str(COMPOSE), "config", "-q"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode != 0 and "POPBOT_DOMAIN" in done.stderr


# --- Dockerfile -----------------------------------------------------------------------------

def _instructions() -> list[tuple[str, str]]:
    text = DOCKERFILE.read_text().replace("\\\n", " ")
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            found.append((word.upper(), rest.strip()))
    return found


def _stages() -> list[list[tuple[str, str]]]:
    stages: list[list[tuple[str, str]]] = []
    for word, rest in _instructions():
        if word == "FROM":
            stages.append([])
        if stages:
            stages[-1].append((word, rest))
    return stages


def test_dockerfile_is_multi_stage_on_python_310_slim() -> None:
    stages = _stages()
    assert len(stages) >= 3
    args = dict(rest.split("=", 1) for word, rest in _instructions() if word == "ARG" and "=" in rest)
    assert re.fullmatch(r"python:3\.10(\.\d+)?-slim(-\w+)?", args["PYTHON_IMAGE"])
    assert stages[-1][0][1].startswith("${PYTHON_IMAGE}")


def test_final_stage_runs_as_a_non_root_user_with_a_healthcheck() -> None:
    final = _stages()[-1]
    users = [rest for word, rest in final if word == "USER"]
    assert users, "the runtime stage must set USER"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")
    assert any(word == "HEALTHCHECK" and "popbot-healthcheck" in rest for word, rest in final)
    assert ("ENTRYPOINT", '["popbot-env"]') in final
    cmd = [rest for word, rest in final if word == "CMD"][-1]
    assert "bot.server" in cmd and "/app/endpoints.production.yml" in cmd
    assert any(word == "ENV" and "POPBOT_MODE=production" in rest for word, rest in final)


def test_dockerfile_bakes_in_no_secret_and_installs_no_browser() -> None:
    instructions = _instructions()
    assert not [rest for word, rest in instructions if word == "ADD"], "use COPY (ADD fetches URLs/unpacks)"
    text = DOCKERFILE.read_text()
    assert "playwright install" not in text
    for word, rest in instructions:
        if word == "COPY":
            sources = [s for s in rest.split() if not s.startswith("--")][:-1]
            for source in sources:
                assert not re.search(r"(^|/)(var|secrets|\.env|models/?$|\.venv|\.git)", source), rest
                assert source not in (".", "./"), "COPY . copies everything: list folders explicitly"
        if word in ("ENV", "ARG"):
            for name in re.findall(r"([A-Z][A-Z0-9_]*)=", rest):
                assert not SECRET_NAME.search(name), f"{word} {name}: no secret in the image"
    assert not re.search(r"--secret|PASSWORD|TOKEN", text.replace("no secret", ""))


def test_dockerfile_trains_the_model_at_build_time_and_installs_the_pinned_set() -> None:
    text = DOCKERFILE.read_text()
    assert "popbot persona build" in text and "popbot train" in text
    assert "requirements.lock" in text and "pip install --no-deps --no-build-isolation -e ." in text
    assert "COPY --from=model /app/models/popbot.tar.gz" in text
    for name in ("endpoints.production.yml", "entrypoint.sh", "healthcheck.py"):
        assert f"COPY docker/{name}" in text


def test_build_context_filter_denies_by_default() -> None:
    lines = [line.strip() for line in DOCKERIGNORE.read_text().splitlines() if line.strip() and not line.startswith("#")]
    assert lines[0] == "*"
    allowed = {line[1:].rstrip("/") for line in lines if line.startswith("!")}
    for never in ("var", "models", ".venv", ".git", "docker/secrets", "tests", "docker/.env"):
        assert never not in allowed
    # Everything the Dockerfile copies from the context is allowed.
    for word, rest in _instructions():
        if word == "COPY" and "--from" not in rest:
            for source in [s for s in rest.split() if not s.startswith("--")][:-1]:
                assert source.rstrip("/") in allowed, f"{source} is filtered out of the build context"


# --- endpoints.production.yml --------------------------------------------------------------

PRODUCTION_ENV = {
    "POPBOT_REDIS_URL": "redis://:test-only-not-a-secret@redis:6379/0",
    "POPBOT_ACTIONS_URL": "http://actions:5055/webhook",
}


def test_production_endpoints_shape() -> None:
    config = yaml.safe_load(ENDPOINTS.read_text())
    assert config["tracker_store"] == {"type": "bot.storage.tracker_store.EncryptedTrackerStore"}
    # popbot's fair, owner-checked lock; Rasa's `type: redis` races between replicas (rasa#9213).
    assert config["lock_store"] == {"type": "bot.storage.lock_store.ConversationLockStore"}
    assert config["action_endpoint"]["url"] == "${POPBOT_ACTIONS_URL}"
    assert "event_broker" not in config


def test_production_endpoints_pass_popbot_guard() -> None:
    from bot.storage.rasa_guards import check_endpoints

    check_endpoints(ENDPOINTS)


def test_rasa_reads_the_production_endpoints(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(key, value)
    from rasa.core.lock_store import LockStore
    from rasa.core.utils import AvailableEndpoints

    from bot.storage.lock_store import ConversationLockStore
    from core.locks import RedisConversationLocks

    endpoints = AvailableEndpoints.read_endpoints(str(ENDPOINTS))
    assert endpoints.tracker_store.type == "bot.storage.tracker_store.EncryptedTrackerStore"
    assert endpoints.tracker_store.url is None  # the shared storage context opens POPBOT_DATABASE_URL
    assert endpoints.action.url == "http://actions:5055/webhook"
    store = LockStore.create(endpoints.lock_store)  # redis-py connects lazily: no server needed
    assert isinstance(store, ConversationLockStore) and store.distributed
    assert isinstance(store.locks, RedisConversationLocks)
    kwargs = store.locks.redis.connection_pool.connection_kwargs
    assert (kwargs["host"], kwargs["port"], kwargs["db"]) == ("redis", 6379, 0)
    assert kwargs["password"] == "test-only-not-a-secret"


def test_rasa_refuses_the_production_endpoints_with_a_variable_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("POPBOT_ACTIONS_URL")
    from rasa.core.utils import AvailableEndpoints

    with pytest.raises(Exception, match="POPBOT_ACTIONS_URL"):
        AvailableEndpoints.read_endpoints(str(ENDPOINTS))


# --- entrypoint (secrets as files -> POPBOT_* variables) ----------------------------------

def _run_entrypoint(secrets_dir: Path, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "POPBOT_SECRETS_DIR": str(secrets_dir), **(extra_env or {})}
    return subprocess.run(["sh", str(ENTRYPOINT), "env"], capture_output=True, text=True, env=env, timeout=30)


def test_entrypoint_exports_secret_files(tmp_path: Path) -> None:
    (tmp_path / "popbot_master_keys").write_text("1:abc=\n")
    (tmp_path / "popbot_database_url").write_text("postgresql://u:p@postgres/popbot")
    (tmp_path / "popbot_telegram_token_gametips").write_text("")  # empty: bot not started
    (tmp_path / "postgres_password").write_text("not for popbot")  # not popbot_*: ignored
    (tmp_path / "popbot_bad-name").write_text("x")
    done = _run_entrypoint(tmp_path, {"POPBOT_RASA_TOKEN": "from-env"})
    assert done.returncode == 0, done.stderr
    env = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    assert env["POPBOT_MASTER_KEYS"] == "1:abc="  # trailing newline stripped
    assert env["POPBOT_DATABASE_URL"] == "postgresql://u:p@postgres/popbot"
    assert env["POPBOT_RASA_TOKEN"] == "from-env"
    assert "POPBOT_TELEGRAM_TOKEN_GAMETIPS" not in env
    assert "POSTGRES_PASSWORD" not in env and "POPBOT_BAD-NAME" not in env
    assert "abc" not in done.stderr and "u:p" not in done.stderr  # values never printed


def test_entrypoint_lets_the_environment_win_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "popbot_rasa_token").write_text("from-file")
    done = _run_entrypoint(tmp_path, {"POPBOT_RASA_TOKEN": "from-env"})
    assert "POPBOT_RASA_TOKEN=from-env" in done.stdout.splitlines()
    assert "POPBOT_RASA_TOKEN is already set" in done.stderr and "from-file" not in done.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file: unreadable secrets cannot be simulated")
def test_entrypoint_fails_closed_on_an_unreadable_secret(tmp_path: Path) -> None:
    secret = tmp_path / "popbot_master_keys"
    secret.write_text("1:abc=")
    secret.chmod(0)
    done = _run_entrypoint(tmp_path)
    assert done.returncode == 78 and "popbot_master_keys" in done.stderr


def test_entrypoint_without_a_secrets_directory_just_runs(tmp_path: Path) -> None:
    done = _run_entrypoint(tmp_path / "absent")
    assert done.returncode == 0


# --- init-secrets.sh ------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("openssl") is None, reason="init-secrets.sh needs openssl")
def test_init_secrets_generates_usable_keys_and_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "secrets"
    env = {**os.environ, "POPBOT_SECRETS_OUT": str(out), "POPBOT_SECRETS_OWNER": f"{os.getuid()}:{os.getgid()}"}
    first = subprocess.run(["sh", str(INIT_SECRETS)], capture_output=True, text=True, env=env, timeout=60)
    assert first.returncode == 0, first.stderr
    names = {p.name for p in out.iterdir()}
    assert names == {
        "postgres_password", "redis_password", "popbot_database_url", "popbot_redis_url",
        "popbot_rasa_token", "popbot_actions_secret", "popbot_master_keys", "popbot_pseudonym_key",
        "popbot_telegram_token_rumianek", "popbot_telegram_token_gametips",
    }
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o400, path.name
    pg = (out / "postgres_password").read_text()
    assert (out / "popbot_database_url").read_text() == f"postgresql://popbot:{pg}@postgres:5432/popbot"
    rd = (out / "redis_password").read_text()
    assert (out / "popbot_redis_url").read_text() == f"redis://:{rd}@redis:6379/0"

    from bot.storage.keys import EnvKeyProvider

    provider = EnvKeyProvider({
        "POPBOT_MASTER_KEYS": (out / "popbot_master_keys").read_text(),
        "POPBOT_PSEUDONYM_KEY": (out / "popbot_pseudonym_key").read_text(),
    })
    assert provider.versions() == [1]

    before = {p.name: p.read_text() for p in out.iterdir()}
    again = subprocess.run(["sh", str(INIT_SECRETS)], capture_output=True, text=True, env=env, timeout=60)
    assert again.returncode == 0 and {p.name: p.read_text() for p in out.iterdir()} == before

    token = subprocess.run(["sh", str(INIT_SECRETS), "set", "popbot_telegram_token_rumianek"],
                           input="123:AAtest\n", capture_output=True, text=True, env=env, timeout=60)
    assert token.returncode == 0 and "123:AAtest" not in token.stdout + token.stderr
    assert (out / "popbot_telegram_token_rumianek").read_text() == "123:AAtest"


# --- healthcheck.py -------------------------------------------------------------------------

def _load_healthcheck() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("popbot_healthcheck", HEALTHCHECK)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_healthcheck_urls_are_loopback_and_secret_free() -> None:
    health = _load_healthcheck()
    assert health.url_for("rasa", {}) == "http://127.0.0.1:5005/"
    assert health.url_for("rasa", {"POPBOT_HEALTH_PORT": "5006"}) == "http://127.0.0.1:5006/ready"
    assert health.url_for("actions", {"POPBOT_ACTIONS_PORT": "6055"}) == "http://127.0.0.1:6055/health"
    assert health.url_for("console", {}) == "http://127.0.0.1:8080/health"


@pytest.fixture()
def stand_in_server() -> Iterator[tuple[int, list[str]]]:
    """A loopback HTTP server answering 200 to everything, recording the paths it saw."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            seen.append(self.path)
            body = b"ok"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], seen
    finally:
        server.shutdown()
        server.server_close()


def test_healthcheck_reports_health(stand_in_server: tuple[int, list[str]]) -> None:
    port, seen = stand_in_server
    ok = subprocess.run([sys.executable, str(HEALTHCHECK), "actions"], env={**os.environ, "POPBOT_ACTIONS_PORT": str(port)},
                        capture_output=True, timeout=30)
    assert ok.returncode == 0 and seen == ["/health"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    down = subprocess.run([sys.executable, str(HEALTHCHECK), "rasa"], env={**os.environ, "POPBOT_RASA_PORT": str(closed)},
                          capture_output=True, timeout=30)
    assert down.returncode == 1


# --- Caddyfile ------------------------------------------------------------------------------

CADDY = shutil.which("caddy")
needs_caddy = pytest.mark.skipif(CADDY is None, reason="caddy is not installed here (Debian: apt-get install caddy)")


def test_the_proxy_lists_every_rasa_replica_compose_starts(compose: dict[str, Any], services: dict[str, Any]) -> None:
    """Caddy's active health checks need a static upstream list: the replicas' container names
    (``<project>-rasa-<n>``), as many as ``deploy.replicas``, on the Rasa port; health on 5006."""
    import re

    text = CADDYFILE.read_text()
    [line] = re.findall(r"^\s*to (.+)$", text, re.M)
    rasa = services["rasa"]
    count = rasa["deploy"]["replicas"]
    assert compose["name"] == "popbot"
    assert line.split() == [f"popbot-rasa-{n}:{rasa['environment']['POPBOT_RASA_PORT']}" for n in range(1, count + 1)]
    assert re.search(rf"^\s*health_port {rasa['environment']['POPBOT_HEALTH_PORT']}$", text, re.M)
    assert re.search(r"^\s*health_uri /ready$", text, re.M) and "dynamic" not in re.sub(r"#.*", "", text)


@needs_caddy
def test_caddyfile_is_valid(tmp_path: Path) -> None:
    env = {**os.environ, **COMPOSE_ENV, "POPBOT_DEFAULT_PERSONA": "rumianek", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([CADDY, "validate", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _status(url: str) -> tuple[int, str]:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(urllib.request.Request(url), timeout=10) as response:
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", "")


@needs_caddy
def test_proxy_forwards_only_the_shop_and_the_webhooks(tmp_path: Path, stand_in_server: tuple[int, list[str]]) -> None:
    """The real Caddyfile, with only its addresses changed to loopback, in front of a stand-in."""
    upstream, seen = stand_in_server
    listen = _free_port()
    text = CADDYFILE.read_text()
    text = text.replace("admin 127.0.0.1:2019", "admin off")
    text = text.replace("to popbot-rasa-1:5005 popbot-rasa-2:5005", f"to 127.0.0.1:{upstream}")
    text = text.replace("health_port 5006", f"health_port {upstream}")  # the stand-in is ready too
    assert text.count("127.0.0.1") >= 1
    config = tmp_path / "Caddyfile"
    config.write_text(text)
    env = {**os.environ, "POPBOT_DOMAIN": f"http://127.0.0.1:{listen}", "POPBOT_ACME_EMAIL": "ops@example.org",
           "POPBOT_DEFAULT_PERSONA": "rumianek", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path)}
    process = subprocess.Popen([CADDY, "run", "--config", str(config), "--adapter", "caddyfile"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", listen), timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"caddy did not start: {process.stderr.read().decode()[-2000:] if process.stderr else ''}")
                time.sleep(0.1)
        while "/ready" not in seen:  # the active health check runs (a static upstream list)
            assert process.poll() is None and time.monotonic() < deadline + 20, "no active health check"
            time.sleep(0.1)
        base = f"http://127.0.0.1:{listen}"
        forwarded = ["/shop/rumianek/", "/shop/rumianek/app.js", "/webhooks/web/webhook",
                     "/webhooks/telegram/rumianek/webhook"]
        for path in forwarded:
            assert _status(base + path)[0] == 200, path
        assert [path for path in seen if path != "/ready"] == forwarded
        assert _status(base + "/") == (302, "/shop/rumianek/")
        for path in ("/conversations/x/tracker", "/model/parse", "/status", "/version", "/webhooks",
                     "/shopping", "/health", "/shop/../conversations/x/tracker",
                     "/shop/%2e%2e/conversations/x/tracker", "/webhooks/..%2fmodel/parse",
                     "/shop//conversations"):
            assert _status(base + path)[0] in (400, 404), path
        assert [path for path in seen if path != "/ready"] == forwarded, "a blocked path reached the Rasa stand-in"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
