"""Microservice construct: every property asked of it, asserted on the synthesised objects."""

from __future__ import annotations

import cdk8s
import pytest

from ecommerce.components.microservice import Microservice, MicroserviceProps
from ecommerce.derived.wiring import wire
from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import DEV, ENVIRONMENTS, PROD, STAGING
from ecommerce.model.images import parse_image
from ecommerce.model.releases import load_release

ENVS = list(ENVIRONMENTS.values())


def synth(env, name="orders") -> dict[str, dict]:
    service = CATALOG.get(name)
    wiring = wire(service, env, CATALOG)
    props = MicroserviceProps(service, load_release(env, CATALOG).image(name), wiring.settings, wiring.secret_keys)
    chart = cdk8s.Testing.chart()
    Microservice(chart, name, env, props)
    return {obj["kind"]: obj for obj in cdk8s.Testing.synth(chart)}


def pod(objects):
    return objects["Deployment"]["spec"]["template"]["spec"]


def container(objects):
    (app,) = pod(objects)["containers"]
    return app


@pytest.mark.parametrize("env", ENVS, ids=lambda e: e.name)
def test_objects_per_environment(env):
    kinds = set(synth(env))
    expected = {"ServiceAccount", "ConfigMap", "Deployment", "Service"}
    if env.max_unavailable is not None:
        expected.add("PodDisruptionBudget")
    if env.autoscaling is not None:
        expected.add("HorizontalPodAutoscaler")
    assert kinds == expected
    assert ("PodDisruptionBudget" in kinds) == (env.name != "dev")
    assert ("HorizontalPodAutoscaler" in kinds) == (env.name == "prod")


def test_service_account_mounts_no_token():
    objects = synth(PROD)
    assert objects["ServiceAccount"]["automountServiceAccountToken"] is False
    assert pod(objects)["automountServiceAccountToken"] is False
    assert pod(objects)["serviceAccountName"] == "orders"


@pytest.mark.parametrize(("env", "debug", "level"), [(DEV, "1", "debug"), (STAGING, "0", "info"), (PROD, "0", "warning")])
def test_config_map_carries_debug_flag_and_log_level(env, debug, level):
    data = synth(env)["ConfigMap"]["data"]
    assert data["APP_DEBUG"] == debug
    assert data["LOG_LEVEL"] == level
    assert data["LOG_FORMAT"] == "json"
    assert container(synth(env))["envFrom"] == [{"configMapRef": {"name": "orders-config"}}]


def test_credentials_are_files_from_the_named_secret_never_config():
    objects = synth(PROD)
    volumes = {v["name"]: v for v in pod(objects)["volumes"]}
    assert volumes["secrets"]["secret"]["secretName"] == "orders-credentials"
    keys = [item["key"] for item in volumes["secrets"]["secret"]["items"]]
    assert keys == ["APP_SECRET", "DATABASE_PASSWORD", "RABBITMQ_PASSWORD", "PAYMENT_API_KEY"]
    data = objects["ConfigMap"]["data"]
    assert data["DATABASE_PASSWORD_FILE"] == "/run/secrets/app/DATABASE_PASSWORD"
    assert not [key for key in data if key.endswith(("PASSWORD", "SECRET", "API_KEY"))]
    assert all("valueFrom" not in e or "fieldRef" in e["valueFrom"] for e in container(objects)["env"])


@pytest.mark.parametrize("env", ENVS, ids=lambda e: e.name)
def test_pod_is_restricted_and_beyond(env):
    objects = synth(env)
    spec, app = pod(objects), container(objects)
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["securityContext"]["runAsUser"] > 10000
    assert spec["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    context = app["securityContext"]
    assert context["allowPrivilegeEscalation"] is False
    assert context["readOnlyRootFilesystem"] is True
    assert context["capabilities"] == {"drop": ["ALL"]}
    assert context["seccompProfile"] == {"type": "RuntimeDefault"}
    assert context["runAsUser"] > 10000
    assert app["imagePullPolicy"] == "IfNotPresent"
    mounts = {m["mountPath"]: m["name"] for m in app["volumeMounts"]}
    assert mounts["/tmp"] == "tmp" and mounts["/app/var/cache"] == "cache"
    empty_dirs = {v["name"] for v in spec["volumes"] if "emptyDir" in v}
    assert empty_dirs == {"tmp", "cache"}


def test_probes_use_the_catalog_health_endpoints():
    app = container(synth(PROD))
    service = CATALOG.get("orders")
    assert app["readinessProbe"]["httpGet"] == {"path": service.readiness_path, "port": "http"}
    assert app["livenessProbe"]["httpGet"] == {"path": service.liveness_path, "port": "http"}
    assert app["startupProbe"]["httpGet"] == {"path": service.startup_path, "port": "http"}
    assert app["startupProbe"]["failureThreshold"] * app["startupProbe"]["periodSeconds"] >= 60


def test_graceful_shutdown():
    objects = synth(PROD)
    assert pod(objects)["terminationGracePeriodSeconds"] == 30
    assert container(objects)["lifecycle"]["preStop"]["exec"]["command"] == ["sleep", "5"]


@pytest.mark.parametrize("env", ENVS, ids=lambda e: e.name)
def test_sizing_follows_the_environment(env):
    resources = container(synth(env))["resources"]
    assert resources["requests"] == {"cpu": env.resources.cpu_request, "memory": env.resources.memory_request}
    assert resources["limits"] == {"cpu": env.resources.cpu_limit, "memory": env.resources.memory_limit}


@pytest.mark.parametrize(("env", "replicas"), [(DEV, 1), (STAGING, 2)])
def test_fixed_replicas_without_autoscaler(env, replicas):
    assert synth(env)["Deployment"]["spec"]["replicas"] == replicas


def test_prod_autoscales_three_to_ten_on_cpu_and_memory():
    objects = synth(PROD)
    assert "replicas" not in objects["Deployment"]["spec"], "the HPA owns the replica count"
    hpa = objects["HorizontalPodAutoscaler"]
    assert hpa["apiVersion"] == "autoscaling/v2"
    assert hpa["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "orders"}
    assert (hpa["spec"]["minReplicas"], hpa["spec"]["maxReplicas"]) == (3, 10)
    metrics = {m["resource"]["name"]: m["resource"]["target"] for m in hpa["spec"]["metrics"]}
    assert metrics == {
        "cpu": {"type": "Utilization", "averageUtilization": 70},
        "memory": {"type": "Utilization", "averageUtilization": 80},
    }


@pytest.mark.parametrize("env", [STAGING, PROD], ids=lambda e: e.name)
def test_disruption_budget_keeps_pods_serving(env):
    objects = synth(env)
    pdb = objects["PodDisruptionBudget"]
    assert pdb["spec"]["maxUnavailable"] == 1
    assert pdb["spec"]["selector"]["matchLabels"] == objects["Deployment"]["spec"]["selector"]["matchLabels"]


def test_prod_spreads_across_zones_and_nodes():
    constraints = pod(synth(PROD))["topologySpreadConstraints"]
    assert [c["topologyKey"] for c in constraints] == ["topology.kubernetes.io/zone", "kubernetes.io/hostname"]
    assert "topologySpreadConstraints" not in pod(synth(STAGING))


@pytest.mark.parametrize("env", ENVS, ids=lambda e: e.name)
def test_image_comes_from_the_release(env):
    assert container(synth(env))["image"] == str(load_release(env, CATALOG).image("orders"))


def test_labels_and_selectors_are_the_recommended_ones():
    objects = synth(PROD)
    selector = {"app.kubernetes.io/name": "orders", "app.kubernetes.io/instance": "e-commerce-prod"}
    deployment = objects["Deployment"]
    assert deployment["spec"]["selector"]["matchLabels"] == selector
    assert objects["Service"]["spec"]["selector"] == selector
    template_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert template_labels.items() >= selector.items()
    assert template_labels["app.kubernetes.io/component"] == "backend"
    assert template_labels["environment"] == "prod"
    for obj in objects.values():
        assert not any(key.startswith("cdk8s.io") for key in obj["metadata"].get("labels", {}))


def test_ports_are_named_for_service_monitors():
    objects = synth(PROD)
    assert [(p["name"], p["containerPort"]) for p in container(objects)["ports"]] == [("http", 8080), ("metrics", 9090)]
    ports = {p["name"]: (p["port"], p["targetPort"]) for p in objects["Service"]["spec"]["ports"]}
    assert ports == {"http": (80, "http"), "metrics": (9090, "metrics")}
    assert objects["Service"]["spec"]["type"] == "ClusterIP"


def test_config_change_rolls_the_pods():
    service = CATALOG.get("orders")
    image = parse_image("ghcr.io/e/orders:1", "test")

    def checksum(settings):
        chart = cdk8s.Testing.chart()
        Microservice(chart, "orders", DEV, MicroserviceProps(service, image, settings))
        (deployment,) = [o for o in cdk8s.Testing.synth(chart) if o["kind"] == "Deployment"]
        return deployment["spec"]["template"]["metadata"]["annotations"]["checksum/config"]

    assert checksum({"A": "1"}) == checksum({"A": "1"})
    assert checksum({"A": "1"}) != checksum({"A": "2"})


@pytest.mark.parametrize(
    ("settings", "secret_keys", "message"),
    [
        ({"DATABASE_PASSWORD": "hunter2"}, (), r"orders: settings: DATABASE_PASSWORD: looks like a credential"),
        ({"PORT": 8080}, (), r"orders: settings: PORT: must be a string \(got 8080\)"),
        ({}, ("APP_SECRET", "APP_SECRET"), r"orders: secret_keys: duplicate key"),
    ],
)
def test_bad_props_are_refused(settings, secret_keys, message):
    image = parse_image("ghcr.io/e/orders:1", "test")
    with pytest.raises(ConfigError, match=message):
        MicroserviceProps(CATALOG.get("orders"), image, settings, secret_keys)


@pytest.mark.parametrize("env", ENVS, ids=lambda e: e.name)
def test_clients_of_a_tls_data_store_get_the_internal_ca_certificate_only(env):
    from pathlib import PurePosixPath

    from ecommerce.derived.endpoints import CA_SECRET

    objects = synth(env, "orders")
    ca_file = PurePosixPath(wire(CATALOG.get("orders"), env, CATALOG).settings["RABBITMQ_CA_FILE"])
    mounts = {m["name"]: m for m in container(objects)["volumeMounts"]}
    volumes = {v["name"]: v for v in pod(objects)["volumes"]}
    (name,) = [n for n, m in mounts.items() if m["mountPath"] == str(ca_file.parent)]
    assert mounts[name]["readOnly"] is True
    # The CA certificate alone: the same Secret's key pair never reaches the pod.
    assert volumes[name]["secret"]["secretName"] == CA_SECRET
    assert volumes[name]["secret"]["items"] == [{"key": ca_file.name, "path": ca_file.name}]
    # A MySQL client alone mounts it at the same place (its DATABASE_CA_FILE)...
    addresses = wire(CATALOG.get("addresses"), env, CATALOG).settings
    assert not CATALOG.get("addresses").uses_rabbitmq and addresses["DATABASE_CA_FILE"] == str(ca_file)
    mysql_only = synth(env, "addresses")
    assert CA_SECRET in {v.get("secret", {}).get("secretName") for v in pod(mysql_only)["volumes"]}
    # ...and a service wired to no TLS data store (every one of the catalog uses MySQL) nothing of it.
    service = CATALOG.get("addresses")
    wiring = wire(service, env, CATALOG)
    settings = {k: v for k, v in wiring.settings.items() if v != str(ca_file)}
    chart = cdk8s.Testing.chart()
    Microservice(
        chart,
        "plain",
        env,
        MicroserviceProps(service, load_release(env, CATALOG).image("addresses"), settings, wiring.secret_keys),
    )
    plain = {obj["kind"]: obj for obj in cdk8s.Testing.synth(chart)}
    assert CA_SECRET not in {v.get("secret", {}).get("secretName") for v in pod(plain)["volumes"]}
