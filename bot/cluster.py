"""The production topology on one machine: N Rasa replicas behind Debian's caddy.

Used by ``popbot run --replicas N`` (through :class:`bot.stack.Stack`), the multi-replica tests
and ``bench/cluster_bench.py``. The proxy's configuration is ``docker/Caddyfile`` itself with
three local substitutions (:func:`local_caddyfile`): the site address is plain http on loopback,
the upstreams are the replicas' ports instead of the compose service's DNS name, and there is no
ACME e-mail or admin endpoint. Routing — only ``/shop/*`` and ``/webhooks/*`` reach Rasa — is
therefore the same as in production.

Each replica gets its own Rasa port, health port (``bot.health``) and var directory (its web
spool), and shares keys, secrets, PostgreSQL and Redis with the others.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from core import PROJECT_ROOT
from core.settings import ConfigError, Settings

CADDYFILE = PROJECT_ROOT / "docker" / "Caddyfile"
CADDY = "/usr/bin/caddy"
_DYNAMIC = re.compile(r"dynamic a \{[^}]*\}")
#: The site address (the domain's environment placeholder) and the default persona's placeholder.
_SITE = re.compile(r"^\{\$\w+\} \{$", re.M)
_PERSONA = re.compile(r"\{\$\w+_PERSONA\}")


@dataclass(frozen=True)
class Replica:
    index: int
    rasa_port: int
    health_port: int
    var_dir: Path

    @property
    def name(self) -> str:
        return f"rasa server {self.index}"


def check_cluster_settings(settings: Settings) -> None:
    """Several replicas need shared state: PostgreSQL and Redis (never SQLite, in-process locks)."""
    if not settings.database_url.startswith("postgresql"):
        raise ConfigError("--replicas needs POPBOT_DATABASE_URL=postgresql://... (replicas share the database)")
    if not settings.redis_url:
        raise ConfigError("--replicas needs POPBOT_REDIS_URL (replicas share conversation locks and pushes)")
    if shutil.which(CADDY) is None:
        raise ConfigError(f"--replicas needs Debian's caddy at {CADDY} (make test-deps installs it)")


def replicas(settings: Settings, count: int) -> list[Replica]:
    """``count`` replicas on ports ``rasa_port``, ``rasa_port + 1``, ... and health ports after them
    (``POPBOT_HEALTH_PORT`` if set, else ``rasa_port + count``)."""
    first_health = settings.health_port or settings.rasa_port + count
    return [
        Replica(i + 1, settings.rasa_port + i, first_health + i, settings.var_dir / "replicas" / str(i + 1))
        for i in range(count)
    ]


def local_caddyfile(listen: str, upstreams: list[str], persona: str = "rumianek", source: Path = CADDYFILE) -> str:
    """``docker/Caddyfile`` for loopback: site ``http://<listen>``, static ``upstreams``, "/"
    redirected to ``persona``'s shop."""
    text = source.read_text()
    text = re.sub(r"^\s*email .*\n", "", text, count=1, flags=re.M)
    text = re.sub(r"^(\s*)admin .*$", r"\1admin off", text, count=1, flags=re.M)
    text, sites = _SITE.subn(f"http://{listen} {{", text, count=1)
    text = _PERSONA.sub(persona, text)
    text, found = _DYNAMIC.subn("to " + " ".join(upstreams), text, count=1)
    if not (found and sites):
        raise ConfigError(f"{source}: site address or `dynamic a` upstreams not found; update bot/cluster.py")
    return text


def write_proxy_config(settings: Settings, proxy_port: int, members: list[Replica], persona: str = "rumianek") -> Path:
    """Write the proxy's Caddyfile under ``var/proxy/``; returns its path."""
    directory = settings.var_dir / "proxy"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "Caddyfile"
    upstreams = [f"{settings.host}:{r.rasa_port}" for r in members]
    path.write_text(local_caddyfile(f"{settings.host}:{proxy_port}", upstreams, persona))
    return path
