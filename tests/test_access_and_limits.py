"""RBAC for people, and the application namespace's quota and default limits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ecommerce.components.quotas import Footprint, NamespaceLimits
from ecommerce.components.rbac import DeveloperAccess
from ecommerce.model.environments import DEV, ENVIRONMENTS, PROD, STAGING
from ecommerce.model.units import parse_quantity

from .helpers import one, synth


@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_nothing_is_bound_cluster_wide(documents, env):
    kinds = {doc["kind"] for doc in documents[env]}
    assert "ClusterRoleBinding" not in kinds and "ClusterRole" not in kinds
    for doc in documents[env]:
        if doc["kind"] == "RoleBinding":
            assert doc["roleRef"]["name"] != "cluster-admin"


def rules(env):
    return one(synth(lambda scope: DeveloperAccess(scope, "access", env)), "Role")["rules"]


@pytest.mark.parametrize("env", [STAGING, PROD], ids=["staging", "prod"])
def test_developers_only_read_outside_dev(env):
    verbs = {verb for rule in rules(env) for verb in rule["verbs"]}
    assert verbs == {"get", "list", "watch"}
    assert not [r for rule in rules(env) for r in rule["resources"] if r == "secrets"]


def test_developers_may_exec_and_port_forward_in_dev():
    exec_rule = [rule for rule in rules(DEV) if "pods/exec" in rule["resources"]]
    assert exec_rule == [{"apiGroups": [""], "resources": ["pods/exec", "pods/portforward"], "verbs": ["create"]}]


def test_binding_is_to_the_developers_group_in_the_application_namespace():
    binding = one(synth(lambda scope: DeveloperAccess(scope, "access", PROD)), "RoleBinding")
    assert binding["metadata"]["namespace"] == "e-commerce-prod"
    assert binding["subjects"] == [{"apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": "e-commerce:developers"}]


def quota(documents, env):
    (doc,) = [d for d in documents[env] if d["kind"] == "ResourceQuota"]
    return doc


@pytest.mark.parametrize("env", list(ENVIRONMENTS.values()), ids=list(ENVIRONMENTS))
def test_quota_leaves_room_for_every_replica_the_environment_allows(documents, env):
    hard = quota(documents, env.name)["spec"]["hard"]
    most = env.autoscaling.max_replicas if env.autoscaling else env.replicas
    services = 12 * (most + 1)
    assert int(hard["pods"]) >= services
    needed_cpu = services * parse_quantity(env.resources.cpu_limit, "", "cpu")
    needed_memory = services * parse_quantity(env.resources.memory_limit, "", "memory")
    assert parse_quantity(hard["limits.cpu"], "", "cpu") >= needed_cpu
    assert parse_quantity(hard["limits.memory"], "", "memory") >= needed_memory
    assert hard["services.loadbalancers"] == "0" and hard["services.nodeports"] == "0"


def test_quota_grows_with_the_environment(documents):
    cpu = [parse_quantity(quota(documents, env)["spec"]["hard"]["requests.cpu"], "", "cpu") for env in ENVIRONMENTS]
    assert cpu == sorted(cpu) and cpu[0] < cpu[-1]


def test_limit_range_defaults_to_a_services_size():
    objects = synth(lambda scope: NamespaceLimits(scope, "limits", PROD, (Footprint(4, (PROD.resources,)),)))
    (item,) = one(objects, "LimitRange")["spec"]["limits"]
    assert item["defaultRequest"] == {"cpu": "500m", "memory": "512Mi"}
    assert item["default"] == {"cpu": "1000m", "memory": "1Gi"}
    hard = one(objects, "ResourceQuota")["spec"]["hard"]
    assert hard["pods"] == "5"
    assert parse_quantity(hard["requests.cpu"], "", "cpu") == Decimal("2.5")
