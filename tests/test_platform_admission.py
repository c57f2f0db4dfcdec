"""Admission of the assembled platform: every pod (ours, the add-ons', the operators') passes its
namespace's Pod Security Standard, LimitRange and ResourceQuota, every workload at its most."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from ecommerce.model.environments import ENVIRONMENTS
from tests.platform.addons import needs_addons
from tests.platform.admission import (
    admission_failures,
    effective,
    limit_range_failures,
    pod_security_failures,
    pods_at_most,
    pss_violations,
    quantity,
    quota_failures,
    with_limit_range_defaults,
)
from tests.platform.assembly import applied

ENVS = list(ENVIRONMENTS)


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_every_pod_passes_its_namespaces_pod_security_standard(clusters, env):
    failures = pod_security_failures(applied(clusters[env]), clusters[env].namespaces().values())
    assert not failures, "\n".join(failures)


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_every_pod_and_service_fits_its_namespaces_quota_and_limits(clusters, env):
    objects = applied(clusters[env])
    failures = limit_range_failures(objects) + quota_failures(objects)
    assert not failures, "\n".join(failures)


# --- the checks fail where admission would refuse -------------------------------------------------


def restricted_pod(**changes) -> dict:
    container = {
        "name": "app",
        "securityContext": {"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}},
    }
    spec: dict[str, Any] = {
        "securityContext": {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}},
        "containers": [container],
        "volumes": [{"name": "config", "configMap": {"name": "c"}}],
    }
    for path, value in changes.items():
        target: Any = spec
        *parents, last = path.split("__")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target.setdefault(part, {})
        target[last] = value
    return spec


def test_a_restricted_pod_passes_every_level():
    for level in ("privileged", "baseline", "restricted"):
        assert pss_violations({}, restricted_pod(), level) == []


# (change to a restricted pod, the control that refuses it, the lowest level that does)
VIOLATIONS = [
    ({"securityContext__windowsOptions": {"hostProcess": True}}, "HostProcess", "baseline"),
    ({"hostNetwork": True}, "Host Namespaces", "baseline"),
    ({"hostPID": True}, "Host Namespaces", "baseline"),
    ({"containers__0__securityContext__privileged": True}, "Privileged Containers", "baseline"),
    ({"containers__0__securityContext__capabilities": {"drop": ["ALL"], "add": ["SYS_ADMIN"]}}, "Capabilities", "baseline"),
    ({"volumes": [{"name": "host", "hostPath": {"path": "/"}}]}, "Volume Types", "restricted"),
    ({"containers__0__ports": [{"containerPort": 80, "hostPort": 80}]}, "Host Ports", "baseline"),
    ({"securityContext__appArmorProfile": {"type": "Unconfined"}}, "AppArmor", "baseline"),
    ({"securityContext__seLinuxOptions": {"type": "spc_t"}}, "SELinux", "baseline"),
    ({"containers__0__securityContext__procMount": "Unmasked"}, "/proc Mount Type", "baseline"),
    ({"securityContext__seccompProfile": {"type": "Unconfined"}}, "Seccomp", "baseline"),
    ({"securityContext__sysctls": [{"name": "kernel.msgmax", "value": "1"}]}, "Sysctls", "baseline"),
    ({"volumes": [{"name": "nfs", "nfs": {"server": "x", "path": "/"}}]}, "Volume Types", "restricted"),
    ({"containers__0__securityContext__allowPrivilegeEscalation": True}, "Privilege Escalation", "restricted"),
    ({"securityContext__runAsNonRoot": False}, "Running as Non-root", "restricted"),
    ({"containers__0__securityContext__runAsUser": 0}, "Running as Non-root user", "restricted"),
    ({"securityContext__seccompProfile": None}, "Seccomp", "restricted"),
    ({"containers__0__securityContext__capabilities": {}}, "Capabilities", "restricted"),
    ({"containers__0__securityContext__capabilities": {"drop": ["ALL"], "add": ["CHOWN"]}}, "Capabilities", "restricted"),
]


@pytest.mark.parametrize(("change", "control", "level"), VIOLATIONS, ids=[f"{v[1]}-{v[2]}" for v in VIOLATIONS])
def test_each_control_refuses_at_its_level(change, control, level):
    spec = restricted_pod(**change)
    if spec["securityContext"].get("seccompProfile", {}) is None:
        del spec["securityContext"]["seccompProfile"]
    refused = pss_violations({}, spec, level)
    assert control in [v.control for v in refused], refused
    if level == "restricted":
        assert control not in [v.control for v in pss_violations({}, spec, "baseline")]
    assert pss_violations({}, spec, "privileged") == []


def test_the_standard_is_evaluated_at_the_namespaces_version():
    newer_sysctl = restricted_pod(securityContext__sysctls=[{"name": "net.ipv4.tcp_rmem", "value": "4096"}])
    assert [v.control for v in pss_violations({}, newer_sysctl, "baseline", (1, 27))] == ["Sysctls"]
    assert pss_violations({}, newer_sysctl, "baseline", (1, 32)) == []
    probe_host = restricted_pod(containers__0__readinessProbe={"httpGet": {"host": "10.0.0.1", "port": 80}})
    assert pss_violations({}, probe_host, "baseline", (1, 33)) == []
    assert [v.control for v in pss_violations({}, probe_host, "baseline", (1, 34))] == ["Host Probes / Lifecycle Hooks"]
    root_in_user_namespace = restricted_pod(hostUsers=False, containers__0__securityContext__runAsUser=0)
    assert pss_violations({}, root_in_user_namespace, "restricted", (1, 35)) == []
    assert [v.control for v in pss_violations({}, root_in_user_namespace, "restricted", (1, 34))] == ["Running as Non-root user"]


def test_a_namespace_without_a_level_is_privileged_and_labels_decide_otherwise():
    pod = {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": "p", "namespace": "a"},
        "spec": {"hostNetwork": True, "containers": [{"name": "c"}]},
    }
    other = copy.deepcopy(pod) | {"metadata": {"name": "p", "namespace": "b"}}
    namespaces: list[dict[str, Any]] = [
        {"metadata": {"name": "a"}},
        {
            "metadata": {
                "name": "b",
                "labels": {
                    "pod-security.kubernetes.io/enforce": "baseline",
                    "pod-security.kubernetes.io/enforce-version": "v1.27",
                },
            }
        },
    ]
    (line,) = pod_security_failures([pod, other], namespaces)
    assert line.startswith("b: Pod/p: baseline:v1.27: Host Namespaces")


def deployment(name: str, replicas: int, requests: dict, limits: dict | None = None, **spec) -> dict:
    container = {"name": "app", "resources": {"requests": requests, **({"limits": limits} if limits else {})}}
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": name, "namespace": "ns"},
        "spec": {"replicas": replicas, "template": {"spec": {"containers": [container]}}, **spec},
    }


def quota(**hard) -> dict:
    return {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": "q", "namespace": "ns"}, "spec": {"hard": hard}}


def test_workloads_count_at_their_hpa_maximum_plus_surge():
    web = deployment("web", 2, {"cpu": "100m"})
    hpa = {
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": {"name": "web", "namespace": "ns"},
        "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "web"}, "maxReplicas": 10},
    }
    assert pods_at_most(web, {}) == 3
    assert pods_at_most(web, {("ns", "Deployment", "web"): 10}) == 13
    assert pods_at_most(deployment("r", 4, {}, strategy={"type": "Recreate"}), {}) == 4
    assert pods_at_most(deployment("s", 4, {}, strategy={"rollingUpdate": {"maxSurge": 2}}), {}) == 6
    assert pods_at_most({"kind": "StatefulSet", "metadata": {"name": "x"}, "spec": {"replicas": 3}}, {}) == 3
    (line,) = quota_failures([web, hpa, quota(pods="12", **{"requests.cpu": "2"})])
    assert line == "ns: Deployment/web (13 pods): pods total 13 exceeds ResourceQuota/q hard 12"


def test_init_containers_count_by_the_effective_request_rule():
    spec: dict[str, Any] = {
        "initContainers": [
            {"name": "big-init", "resources": {"requests": {"cpu": "2"}}},
            {"name": "sidecar", "restartPolicy": "Always", "resources": {"requests": {"cpu": "100m"}}},
        ],
        "containers": [
            {"name": "a", "resources": {"requests": {"cpu": "500m"}}},
            {"name": "b", "resources": {"requests": {"cpu": "500m"}}},
        ],
        "overhead": {"cpu": "50m"},
    }
    assert effective(spec, "requests")["cpu"] == quantity("2.05")
    spec["initContainers"][0]["resources"]["requests"]["cpu"] = "200m"
    assert effective(spec, "requests")["cpu"] == quantity("1.15")


def test_limit_range_defaults_and_bounds_apply_to_containers_lacking_values():
    limit_range = {
        "apiVersion": "v1",
        "kind": "LimitRange",
        "metadata": {"name": "lr", "namespace": "ns"},
        "spec": {"limits": [{"type": "Container", "max": {"cpu": "1"}, "defaultRequest": {"memory": "64Mi"}}]},
    }
    bare = deployment("bare", 1, {})
    spec = with_limit_range_defaults(bare["spec"]["template"]["spec"], [limit_range])
    assert spec["containers"][0]["resources"] == {"limits": {"cpu": "1"}, "requests": {"cpu": "1", "memory": "64Mi"}}
    big = deployment("big", 1, {"cpu": "1"}, {"cpu": "2"})
    (line,) = limit_range_failures([limit_range, bare, big])
    assert line == "ns: Deployment/big: container app: cpu limit 2000m exceeds LimitRange/lr max 1"
    (line,) = quota_failures([limit_range, bare, quota(**{"requests.memory": "32Mi"})])
    # One replica and the 25% surge rounded up: two pods of 64Mi.
    assert line == "ns: Deployment/bare (2 × 64Mi): requests.memory total 128Mi exceeds ResourceQuota/q hard 32Mi"


def test_a_pod_without_the_limit_a_quota_requires_is_refused():
    (line,) = quota_failures([deployment("web", 1, {"cpu": "100m"}), quota(**{"limits.cpu": "4"})])
    assert line == "ns: Deployment/web (2 × 0m): refused by ResourceQuota/q, which requires limits.cpu of every pod"


def test_claims_of_a_statefulset_count_once_per_replica():
    statefulset = {
        "apiVersion": "apps/v1",
        "kind": "StatefulSet",
        "metadata": {"name": "db", "namespace": "ns"},
        "spec": {
            "replicas": 3,
            "template": {"spec": {"containers": [{"name": "db"}]}},
            "volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": {"resources": {"requests": {"storage": "10Gi"}}}}],
        },
    }
    lines = quota_failures([statefulset, quota(persistentvolumeclaims="2", **{"requests.storage": "25Gi"})])
    assert lines == [
        "ns: PersistentVolumeClaim/data-db-2 (StatefulSet/db): persistentvolumeclaims total 3 exceeds ResourceQuota/q hard 2",
        "ns: PersistentVolumeClaim/data-db-2 (StatefulSet/db): requests.storage total 30720Mi exceeds ResourceQuota/q hard 25Gi",
    ]


@needs_addons
def test_a_node_port_solver_service_breaks_the_application_namespaces_quota(clusters):
    objects = copy.deepcopy(applied(clusters["prod"]))
    solvers = [o for o in objects if o["kind"] == "Service" and o["metadata"]["name"].startswith("cm-acme-http-solver")]
    assert solvers
    for solver in solvers:
        solver["spec"]["type"] = "NodePort"
    failures = quota_failures(objects)
    assert any(
        line.startswith("e-commerce-prod: Service/cm-acme-http-solver")
        and "services.nodeports total 1 exceeds ResourceQuota/e-commerce hard 0" in line
        for line in failures
    ), failures


@needs_addons
def test_a_privileged_container_in_a_restricted_namespace_is_refused(clusters):
    cluster = clusters["prod"]
    objects = copy.deepcopy(applied(cluster))
    (orders,) = [o for o in objects if o["kind"] == "Deployment" and o["metadata"]["name"] == "orders"]
    orders["spec"]["template"]["spec"]["containers"][0]["securityContext"]["privileged"] = True
    failures = admission_failures(objects, cluster.namespaces().values())
    assert any(
        line.startswith("e-commerce-prod: Deployment/orders: restricted:v1.27: Privileged Containers") for line in failures
    ), failures
