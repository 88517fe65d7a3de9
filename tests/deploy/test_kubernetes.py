"""deploy/kubernetes (kustomize base), validated offline against the Kubernetes schemas
(kubernetes-validate, strict), and checked to agree with docker/compose.yml on images, settings
and secret names; probes, limits, default-deny NetworkPolicies, HPA and PDB present."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from core import PROJECT_ROOT

BASE = PROJECT_ROOT / "deploy" / "kubernetes"
COMPOSE = PROJECT_ROOT / "docker" / "compose.yml"
KUBERNETES_VERSION = "1.28.0"
#: compose service -> Deployment of the same image and command.
SERVICES = ("rasa", "actions", "console")
#: Set per deployment (the public domain); compose reads it from docker/.env, an overlay sets it.
PER_DEPLOYMENT = {"POPBOT_PUBLIC_URL"}


def render() -> list[dict[str, Any]]:
    """The base as ``kubectl kustomize`` renders it: it has only ``resources`` (asserted)."""
    kustomization = yaml.safe_load((BASE / "kustomization.yaml").read_text())
    assert set(kustomization) == {"apiVersion", "kind", "resources"}, "the base must stay resources-only"
    documents = []
    for resource in kustomization["resources"]:
        documents += [d for d in yaml.safe_load_all((BASE / resource).read_text()) if d]
    return documents


@pytest.fixture(scope="module")
def manifests() -> list[dict[str, Any]]:
    return render()


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


def _one(manifests: list[dict[str, Any]], kind: str, name: str) -> dict[str, Any]:
    found = [m for m in manifests if m["kind"] == kind and m["metadata"]["name"] == name]
    assert len(found) == 1, f"{kind}/{name}"
    return found[0]


def _container(manifests: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return _one(manifests, "Deployment", name)["spec"]["template"]["spec"]["containers"][0]


def test_every_manifest_is_valid_for_kubernetes_strictly(manifests: list[dict[str, Any]]) -> None:
    assert len(manifests) >= 14
    for manifest in manifests:
        kubernetes_validate.validate(manifest, KUBERNETES_VERSION, strict=True)


def test_the_validator_rejects_a_broken_manifest(manifests: list[dict[str, Any]]) -> None:
    broken = yaml.safe_load(yaml.safe_dump(_one(manifests, "Deployment", "rasa")))
    broken["spec"]["template"]["spec"]["containers"][0]["livenessProbe"]["httpGet"]["porrt"] = 5006
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_no_secret_values_only_references(manifests: list[dict[str, Any]]) -> None:
    assert [m for m in manifests if m["kind"] == "Secret"] == []
    settings = _one(manifests, "ConfigMap", "popbot-settings")["data"]
    for key in settings:
        assert not any(word in key for word in ("KEY", "TOKEN", "SECRET", "PASSWORD", "DATABASE_URL", "REDIS_URL")), key


def test_images_commands_settings_and_secret_names_agree_with_compose(
    manifests: list[dict[str, Any]], compose: dict[str, Any]
) -> None:
    settings = _one(manifests, "ConfigMap", "popbot-settings")["data"]
    compose_image = compose["x-popbot-image"]["image"]
    default_image = compose_image.split(":-", 1)[1].rstrip("}")  # ${POPBOT_IMAGE:-localhost/popbot:0.1.0}
    for name in SERVICES:
        service = compose["services"][name]
        container = _container(manifests, name)
        assert container["image"] == default_image, name
        assert container["args"] == service["command"], name
        assert {"configMapRef": {"name": "popbot-settings"}} in container["envFrom"], name
        for key, value in service["environment"].items():
            if key in PER_DEPLOYMENT:
                continue
            assert key in settings, f"{name}: {key} set in compose but not in the ConfigMap"
            if "${" not in str(value):
                assert settings[key] == str(value), f"{name}: {key} differs"
            else:  # ${VAR:-default}: the same default
                assert settings[key] == str(value).split(":-", 1)[1].rstrip("}"), f"{name}: {key} differs"
        volumes = _one(manifests, "Deployment", name)["spec"]["template"]["spec"]["volumes"]
        secret = next(v["secret"] for v in volumes if "secret" in v)
        assert secret["secretName"] == "popbot-secrets"
        mounted = {item["path"] for item in secret["items"]}
        targets = {s if isinstance(s, str) else s.get("target", s["source"]) for s in service.get("secrets", [])}
        assert mounted == targets, f"{name}: secrets differ from compose"
        assert all(item["key"] == item["path"] for item in secret["items"])
        mounts = {m["name"]: m for m in container["volumeMounts"]}
        assert mounts["secrets"]["mountPath"] == "/run/secrets" and mounts["secrets"]["readOnly"] is True


def test_probes_limits_and_least_privilege(manifests: list[dict[str, Any]]) -> None:
    rasa = _container(manifests, "rasa")
    assert rasa["readinessProbe"]["httpGet"] == {"path": "/ready", "port": "health"}
    assert rasa["livenessProbe"]["httpGet"] == {"path": "/live", "port": "health"}
    assert rasa["startupProbe"]["httpGet"] == {"path": "/live", "port": "health"}
    ports = {p["name"]: p["containerPort"] for p in rasa["ports"]}
    settings = _one(manifests, "ConfigMap", "popbot-settings")["data"]
    assert ports == {"http": int(settings["POPBOT_RASA_PORT"]), "health": int(settings["POPBOT_HEALTH_PORT"])}
    service_ports = [p["port"] for p in _one(manifests, "Service", "rasa")["spec"]["ports"]]
    assert service_ports == [5005]  # the health port is not a Service port
    for name in SERVICES:
        container = _container(manifests, name)
        pod = _one(manifests, "Deployment", name)["spec"]["template"]["spec"]
        for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
            assert probe in container, f"{name}: no {probe}"
        limits, requests = container["resources"]["limits"], container["resources"]["requests"]
        assert {"cpu", "memory"} <= set(limits) and {"cpu", "memory"} <= set(requests), name
        security = container["securityContext"]
        assert security["allowPrivilegeEscalation"] is False and security["readOnlyRootFilesystem"] is True
        assert security["capabilities"]["drop"] == ["ALL"]
        assert pod["securityContext"]["runAsNonRoot"] is True and pod["automountServiceAccountToken"] is False
    # The budget of docs/design.md: a Rasa replica stays under 1.5 GB.
    assert _container(manifests, "rasa")["resources"]["limits"]["memory"] == "1536Mi"


def test_hpa_on_cpu_and_disruption_budget(manifests: list[dict[str, Any]]) -> None:
    hpa = _one(manifests, "HorizontalPodAutoscaler", "rasa")["spec"]
    assert hpa["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "rasa"}
    assert [m["resource"]["name"] for m in hpa["metrics"]] == ["cpu"]
    assert hpa["minReplicas"] >= 2
    pdb = _one(manifests, "PodDisruptionBudget", "rasa")["spec"]
    assert pdb["minAvailable"] == 1 and pdb["selector"]["matchLabels"] == {"app.kubernetes.io/name": "rasa"}


def _allowed(policies: list[dict[str, Any]], source: str, target: str, port: int) -> bool:
    """Whether ``source`` pods may open ``port`` on ``target`` pods (both egress and ingress)."""
    def selects(policy: dict[str, Any], app: str) -> bool:
        labels = policy["spec"]["podSelector"].get("matchLabels", {})
        return all({"app.kubernetes.io/name": app, "app.kubernetes.io/part-of": "popbot"}.get(k) == v for k, v in labels.items())

    def peer_is(peer: dict[str, Any], app: str) -> bool:
        return peer.get("podSelector", {}).get("matchLabels") == {"app.kubernetes.io/name": app} and "namespaceSelector" not in peer

    def port_ok(rule: dict[str, Any]) -> bool:
        return any(p["port"] == port for p in rule.get("ports", []))

    egress = any(
        selects(p, source) and any(port_ok(r) and any(peer_is(x, target) for x in r.get("to", [])) for r in p["spec"].get("egress", []))
        for p in policies
    )
    # PostgreSQL and Redis are outside this base (managed services or operators): egress only.
    ingress = target in ("postgresql", "redis") or any(
        selects(p, target) and any(port_ok(r) and any(peer_is(x, source) for x in r.get("from", [])) for r in p["spec"].get("ingress", []))
        for p in policies
    )
    return egress and ingress


def test_network_policies_deny_by_default_and_allow_what_the_design_needs(manifests: list[dict[str, Any]]) -> None:
    policies = [m for m in manifests if m["kind"] == "NetworkPolicy"]
    deny = _one(manifests, "NetworkPolicy", "default-deny")["spec"]
    assert deny == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}
    needed = [("rasa", "postgresql", 5432), ("rasa", "redis", 6379), ("rasa", "actions", 5055),
              ("actions", "postgresql", 5432), ("console", "postgresql", 5432), ("console", "redis", 6379)]
    for source, target, port in needed:
        assert _allowed(policies, source, target, port), f"{source} -> {target}:{port} is not allowed"
    for source, target, port in [("actions", "redis", 6379), ("console", "actions", 5055), ("actions", "rasa", 5005)]:
        assert not _allowed(policies, source, target, port), f"{source} -> {target}:{port} must stay denied"


def test_the_ingress_routes_only_the_shop_and_the_webhooks(manifests: list[dict[str, Any]]) -> None:
    ingress = _one(manifests, "Ingress", "popbot")["spec"]
    paths = [(p["path"], p["pathType"], p["backend"]["service"]["name"]) for r in ingress["rules"] for p in r["http"]["paths"]]
    assert paths == [("/shop/", "Prefix", "rasa"), ("/webhooks/", "Prefix", "rasa")]
    assert "defaultBackend" not in ingress
