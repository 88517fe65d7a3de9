"""The production topology on one machine: N Rasa replicas behind Debian's caddy.

Used by ``popbot run --replicas N`` (through :class:`bot.stack.Stack`), the multi-replica tests
and ``bench/cluster_bench.py``. The proxy's configuration is ``docker/Caddyfile`` itself with
local substitutions (:func:`local_caddyfile`): the site address is plain http on loopback, the
upstreams are the replicas' addresses instead of the compose containers' names, the health port
is the local one, and there is no ACME e-mail or admin endpoint. Routing — only ``/shop/*`` and
``/webhooks/*`` reach Rasa — and the health checks and retries are therefore the same as in
production.

As in compose, where each replica is a container with its own address, each replica listens on
its own loopback address (``127.0.0.1``, ``127.0.0.2``, ... on Linux every ``127.x.y.z`` is
loopback) with the same Rasa port and the same health port (``bot.health``): caddy's active health
check takes one port for every upstream. Each replica has its own var directory (its web spool)
and shares keys, secrets, PostgreSQL and Redis with the others.
"""
from __future__ import annotations

import ipaddress
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from core import PROJECT_ROOT
from core.settings import ConfigError, Settings

CADDYFILE = PROJECT_ROOT / "docker" / "Caddyfile"
CADDY = "/usr/bin/caddy"
#: The upstream list: the compose replicas' container names in production.
_UPSTREAMS = re.compile(r"^(\s*)to \S.*$", re.M)
#: The site address (the domain's environment placeholder) and the default persona's placeholder.
_SITE = re.compile(r"^\{\$\w+\} \{$", re.M)
_PERSONA = re.compile(r"\{\$\w+_PERSONA\}")
_HEALTH_PORT = re.compile(r"^(\s*health_port )\d+$", re.M)


@dataclass(frozen=True)
class Replica:
    index: int
    host: str
    rasa_port: int
    health_port: int
    var_dir: Path

    @property
    def name(self) -> str:
        return f"rasa server {self.index}"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def health_url(self) -> str:
        return f"http://{self.host}:{self.health_port}"


def check_cluster_settings(settings: Settings) -> None:
    """Several replicas need shared state: PostgreSQL and Redis (never SQLite, in-process locks)."""
    if not settings.database_url.startswith("postgresql"):
        raise ConfigError("--replicas needs POPBOT_DATABASE_URL=postgresql://... (replicas share the database)")
    if not settings.redis_url:
        raise ConfigError("--replicas needs POPBOT_REDIS_URL (replicas share conversation locks and pushes)")
    if shutil.which(CADDY) is None:
        raise ConfigError(f"--replicas needs Debian's caddy at {CADDY} (make test-deps installs it)")
    if settings.health_port == settings.rasa_port:
        raise ConfigError("--replicas needs POPBOT_HEALTH_PORT different from POPBOT_RASA_PORT")


def _first_address(host: str) -> ipaddress.IPv4Address:
    """``POPBOT_HOST`` if it is a loopback address, else ``127.0.0.1`` (replicas are reached only
    by the proxy and the console on this machine)."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return ipaddress.IPv4Address("127.0.0.1")
    return address if isinstance(address, ipaddress.IPv4Address) and address.is_loopback else ipaddress.IPv4Address("127.0.0.1")


def replicas(settings: Settings, count: int) -> list[Replica]:
    """``count`` replicas on consecutive loopback addresses from ``POPBOT_HOST`` (or 127.0.0.1), each
    on ``rasa_port`` with its health server on ``POPBOT_HEALTH_PORT`` (else ``rasa_port + 1``)."""
    first = _first_address(settings.host)
    health = settings.health_port or settings.rasa_port + 1
    return [
        Replica(i + 1, str(first + i), settings.rasa_port, health, settings.var_dir / "replicas" / str(i + 1))
        for i in range(count)
    ]


def local_caddyfile(listen: str, upstreams: list[str], health_port: int, persona: str = "rumianek",
                    source: Path = CADDYFILE) -> str:
    """``docker/Caddyfile`` for loopback: site ``http://<listen>``, static ``upstreams`` checked on
    ``health_port``, "/" redirected to ``persona``'s shop."""
    text = source.read_text()
    text = re.sub(r"^\s*email .*\n", "", text, count=1, flags=re.M)
    text = re.sub(r"^(\s*)admin .*$", r"\1admin off", text, count=1, flags=re.M)
    text, sites = _SITE.subn(f"http://{listen} {{", text, count=1)
    text = _PERSONA.sub(persona, text)
    text, found = _UPSTREAMS.subn(rf"\g<1>to {' '.join(upstreams)}", text, count=1)
    text, checks = _HEALTH_PORT.subn(rf"\g<1>{health_port}", text, count=1)
    if not (found and sites and checks):
        raise ConfigError(f"{source}: site address, the `to` upstreams or `health_port` not found; update bot/cluster.py")
    return text


def write_proxy_config(settings: Settings, proxy_port: int, members: list[Replica], persona: str = "rumianek") -> Path:
    """Write the proxy's Caddyfile under ``var/proxy/``; returns its path."""
    directory = settings.var_dir / "proxy"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "Caddyfile"
    upstreams = [f"{r.host}:{r.rasa_port}" for r in members]
    path.write_text(local_caddyfile(f"{settings.host}:{proxy_port}", upstreams, members[0].health_port, persona))
    return path
