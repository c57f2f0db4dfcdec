"""RabbitMQ cluster per environment, and its topology derived from the catalog."""

from __future__ import annotations

import dataclasses

import pytest

from ecommerce.components.rabbitmq.broker import RabbitMq, RabbitMqProps
from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG, Catalog
from ecommerce.model.environments import DEV, PROD, STAGING

from .helpers import of_kind, one, release, synth
from .platform.operators import operator_objects


def build(env, catalog=CATALOG):
    props = RabbitMqProps(catalog, release(env).platform["rabbitmq"])
    return synth(lambda scope: RabbitMq(scope, "rabbitmq", env, props))


@pytest.mark.parametrize(("env", "nodes"), [(DEV, 1), (STAGING, 3), (PROD, 3)])
def test_cluster_size_resources_and_persistence(env, nodes):
    cluster = one(build(env), "RabbitmqCluster", "rabbitmq")
    spec = cluster["spec"]
    assert cluster["metadata"]["namespace"] == "e-commerce-messaging"
    assert spec["replicas"] == nodes
    assert spec["persistence"]["storage"] == env.messaging.storage
    assert spec["resources"]["limits"]["memory"] == env.messaging.resources.memory_limit
    assert spec["image"] == str(release(env).platform["rabbitmq"])
    assert ("affinity" in spec) == (env is PROD)


def test_operator_pods_are_patched_to_the_restricted_profile():
    template = one(build(PROD), "RabbitmqCluster")["spec"]["override"]["statefulSet"]["spec"]["template"]["spec"]
    assert template["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    for container in (*template["containers"], *template["initContainers"]):
        context = container["securityContext"]
        assert context["allowPrivilegeEscalation"] is False
        assert context["capabilities"] == {"drop": ["ALL"]}
        assert context["runAsNonRoot"] is True
    assert [c["name"] for c in template["containers"]] == ["rabbitmq"]
    assert [c["name"] for c in template["initContainers"]] == ["setup-container"]


def test_one_vhost_and_topic_exchanges():
    objects = build(PROD)
    assert one(objects, "Vhost")["spec"]["name"] == "e-commerce"
    exchanges = {e["spec"]["name"]: e["spec"] for e in of_kind(objects, "Exchange")}
    assert set(exchanges) == {"shop.events", "shop.dead-letter"}
    assert all(e["type"] == "topic" and e["durable"] for e in exchanges.values())


@pytest.mark.parametrize(("env", "queue_type"), [(DEV, "classic"), (STAGING, "quorum"), (PROD, "quorum")])
def test_a_durable_queue_per_consuming_service(env, queue_type):
    queues = {q["spec"]["name"]: q["spec"] for q in of_kind(build(env), "Queue")}
    consumers = {s.queue for s in CATALOG if s.consumes}
    assert set(queues) == consumers | {"shop.dead-letter"}
    for name in consumers:
        assert queues[name]["durable"] is True
        assert queues[name]["type"] == queue_type
        assert queues[name]["arguments"]["x-dead-letter-exchange"] == "shop.dead-letter"


def test_bindings_follow_what_each_service_consumes():
    bindings = {(b["spec"]["destination"], b["spec"]["routingKey"]) for b in of_kind(build(PROD), "Binding")}
    expected = {(s.queue, event) for s in CATALOG for event in s.consumes} | {("shop.dead-letter", "#")}
    assert bindings == expected
    assert ("deliveries.events", "order.placed") in bindings
    assert ("products.events", "basket.checked_out") in bindings


def test_removing_a_consumed_event_removes_its_binding():
    services = tuple(
        dataclasses.replace(s, consumes=("order.cancelled",)) if s.name == "deliveries" else s for s in CATALOG.services
    )
    bindings = {(b["spec"]["destination"], b["spec"]["routingKey"]) for b in of_kind(build(PROD, Catalog(services)), "Binding")}
    assert ("deliveries.events", "order.placed") not in bindings
    assert ("deliveries.events", "order.cancelled") in bindings


def test_each_service_gets_a_user_with_least_privilege():
    objects = build(PROD)
    users = {u["metadata"]["name"]: u["spec"] for u in of_kind(objects, "User")}
    assert set(users) == {s.name for s in CATALOG.rabbitmq_users}
    assert users["orders"]["importCredentialsSecret"] == {"name": "rabbitmq-user-orders"}
    permissions = {p["metadata"]["name"]: p["spec"]["permissions"] for p in of_kind(objects, "Permission")}
    assert permissions["orders"] == {"configure": "^$", "write": r"^shop\.events$", "read": r"^orders\.events$"}
    # Publishes only: may not read anything.
    assert permissions["websites"] == {"configure": "^$", "write": r"^shop\.events$", "read": "^$"}
    # Consumes only: may not publish.
    assert permissions["contacts"] == {"configure": "^$", "write": "^$", "read": r"^contacts\.events$"}


def test_a_catalog_without_messaging_is_refused():
    services = tuple(dataclasses.replace(s, publishes=(), consumes=()) for s in CATALOG.services)
    with pytest.raises(ConfigError, match="rabbitmq: no service publishes or consumes events"):
        RabbitMqProps(Catalog(services), release(DEV).platform["rabbitmq"])


@pytest.mark.parametrize(("env", "budget"), [(DEV, False), (STAGING, True), (PROD, True)])
def test_a_disruption_budget_keeps_the_quorum_through_node_drains(env, budget):
    """The Cluster Operator creates no PodDisruptionBudget (its objects as tests/platform models
    them from its source): without ours, a drain may evict two of three nodes at once."""
    objects = build(env)
    created = operator_objects(objects)
    assert not of_kind(created, "PodDisruptionBudget")
    if not budget:
        assert not of_kind(objects, "PodDisruptionBudget"), "one node cannot keep a budget"
        return
    pdb = one(objects, "PodDisruptionBudget", "rabbitmq")
    assert pdb["metadata"]["namespace"] == "e-commerce-messaging"
    assert pdb["spec"]["maxUnavailable"] == 1
    selector = pdb["spec"]["selector"]["matchLabels"]
    pods = [
        s["spec"]["template"]["metadata"]["labels"]
        for s in of_kind(created, "StatefulSet")
        if s["metadata"]["namespace"] == "e-commerce-messaging"
    ]
    assert pods and all(selector.items() <= labels.items() for labels in pods), "selects the operator's pods"


@pytest.mark.parametrize("env", [DEV, STAGING, PROD], ids=["dev", "staging", "prod"])
def test_amqps_with_a_certificate_of_the_internal_ca_that_the_wired_host_verifies(env, tmp_path):
    from ecommerce.components.internal_tls import ca_issuer
    from ecommerce.derived.wiring import wire

    from .test_internal_tls import handshake

    objects = build(env)
    tls = one(objects, "RabbitmqCluster")["spec"]["tls"]
    certificate = one(objects, "Certificate", tls["secretName"])
    assert certificate["metadata"]["namespace"] == env.messaging_namespace
    assert tls["caSecretName"] == certificate["spec"]["secretName"] == tls["secretName"]
    assert certificate["spec"]["issuerRef"]["name"] == ca_issuer(env)
    # The operator opens AMQPS on the port the services are wired to.
    settings = wire(CATALOG.get("orders"), env, CATALOG).settings
    server = one(operator_objects(objects), "StatefulSet")["spec"]["template"]["spec"]["containers"][0]
    assert {"name": "amqps", "containerPort": int(settings["RABBITMQ_PORT"])}.items() <= {
        k: v for port in server["ports"] if port["name"] == "amqps" for k, v in port.items()
    }.items()
    assert settings["RABBITMQ_TLS"] == "true" and settings["RABBITMQ_SCHEME"] == "amqps"
    # A client that verifies the certificate against the CA, as the wired host name: accepted.
    assert handshake(tmp_path, certificate["spec"], settings["RABBITMQ_HOST"]) == "ok"


def test_a_host_the_certificate_does_not_name_is_refused(tmp_path):
    import ssl

    from .test_internal_tls import handshake

    certificate = one(build(PROD), "Certificate", "rabbitmq-tls")
    with pytest.raises(ssl.SSLCertVerificationError):
        handshake(tmp_path, certificate["spec"], "rabbitmq.elsewhere.svc")


def test_the_topology_operator_reaches_the_management_api_over_plain_http_it_can_verify():
    """With spec.tls set, the operator would speak HTTPS to the management API (cluster_reference.go:
    TLSEnabled() && !connectUsingHTTP) and fail to verify the internal CA; the plain port is
    inside the cluster and its network policy admits the operators only."""
    from ecommerce.derived.add_on_releases import ADD_ONS

    from .platform.addons import render_addon

    (add_on,) = [a for a in ADD_ONS if a.name == "rabbitmq-messaging-topology-operator"]
    objects = render_addon(add_on, PROD)
    (deployment,) = [o for o in objects if o["kind"] == "Deployment"]
    (manager,) = [c for c in deployment["spec"]["template"]["spec"]["containers"] if c["name"] == "manager"]
    assert {"name": "CONNECT_USING_PLAIN_HTTP", "value": "true"} in manager["env"]
    assert one(build(PROD), "RabbitmqCluster")["spec"]["tls"].get("disableNonTLSListeners") is not True
