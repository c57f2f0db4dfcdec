"""Every pod template in the output, read from the manifests (not from the constructs):
meets the Pod Security Standards "restricted" profile, runs as its own ServiceAccount
without an API token, and is selected by a network policy written for it."""

from __future__ import annotations

import pytest

from ecommerce.model.environments import ENVIRONMENTS

from .helpers import pod_templates

# The volume types the restricted profile allows.
ALLOWED_VOLUMES = {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"}
SAFE_SYSCTLS = {
    "kernel.shm_rmid_forced",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",
}


def restricted_violations(pod: dict) -> list[str]:
    """Violations of the Pod Security Standards "restricted" profile (Kubernetes 1.27 and later)."""
    problems = []
    context = pod.get("securityContext", {})
    for flag in ("hostNetwork", "hostPID", "hostIPC"):
        if pod.get(flag):
            problems.append(f"{flag} is set")
    for volume in pod.get("volumes", []):
        kinds = set(volume) - {"name"}
        if not kinds <= ALLOWED_VOLUMES:
            problems.append(f"volume {volume['name']} uses {sorted(kinds - ALLOWED_VOLUMES)}")
    for sysctl in context.get("sysctls", []):
        if sysctl["name"] not in SAFE_SYSCTLS:
            problems.append(f"unsafe sysctl {sysctl['name']}")
    if context.get("seLinuxOptions", {}).get("type") not in (None, "", "container_t", "container_init_t", "container_kvm_t"):
        problems.append("SELinux type")
    containers = [*pod.get("initContainers", []), *pod.get("containers", []), *pod.get("ephemeralContainers", [])]
    for container in containers:
        name = container["name"]
        own = container.get("securityContext", {})
        if own.get("privileged"):
            problems.append(f"{name}: privileged")
        if own.get("allowPrivilegeEscalation") is not False:
            problems.append(f"{name}: allowPrivilegeEscalation must be false")
        capabilities = own.get("capabilities", {})
        if "ALL" not in capabilities.get("drop", []):
            problems.append(f"{name}: must drop ALL capabilities")
        if set(capabilities.get("add", [])) - {"NET_BIND_SERVICE"}:
            problems.append(f"{name}: adds capabilities {capabilities['add']}")
        if any(port.get("hostPort") for port in container.get("ports", [])):
            problems.append(f"{name}: hostPort")
        if own.get("procMount", "Default") != "Default":
            problems.append(f"{name}: procMount")
        run_as_non_root = own.get("runAsNonRoot", context.get("runAsNonRoot"))
        if run_as_non_root is not True:
            problems.append(f"{name}: runAsNonRoot must be true")
        if own.get("runAsUser", context.get("runAsUser")) == 0:
            problems.append(f"{name}: runs as root")
        seccomp = own.get("seccompProfile", context.get("seccompProfile", {})).get("type")
        if seccomp not in ("RuntimeDefault", "Localhost"):
            problems.append(f"{name}: seccompProfile must be RuntimeDefault or Localhost (got {seccomp})")
    return problems


def matches(selector: dict, labels: dict) -> bool:
    return all(labels.get(key) == value for key, value in selector.get("matchLabels", {}).items())


ENVS = list(ENVIRONMENTS)


@pytest.mark.parametrize("env", ENVS)
def test_every_pod_template_is_restricted(documents, env):
    templates = pod_templates(documents[env])
    assert templates
    problems = [f"{name}: {problem}" for name, template in templates for problem in restricted_violations(template["spec"])]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("env", ENVS)
def test_every_workload_runs_as_itself_without_a_token(documents, env):
    accounts = {
        (doc["metadata"]["namespace"], doc["metadata"]["name"]): doc for doc in documents[env] if doc["kind"] == "ServiceAccount"
    }
    for doc in documents[env]:
        for name, template in pod_templates([doc]):
            pod = template["spec"]
            account = pod.get("serviceAccountName")
            assert account not in (None, "default"), f"{name} runs as the default ServiceAccount"
            assert (doc["metadata"]["namespace"], account) in accounts, f"{name}: ServiceAccount {account} is not created"
            assert pod.get("automountServiceAccountToken") is False, f"{name} mounts an API token"
    assert all(sa.get("automountServiceAccountToken") is False for sa in accounts.values())


@pytest.mark.parametrize("env", ENVS)
def test_every_pod_is_selected_by_a_policy_written_for_it(documents, env):
    policies = [doc for doc in documents[env] if doc["kind"] == "NetworkPolicy"]
    for doc in documents[env]:
        for name, template in pod_templates([doc]):
            labels = template["metadata"]["labels"]
            namespace = doc["metadata"]["namespace"]
            own = [
                p
                for p in policies
                if p["metadata"]["namespace"] == namespace
                and p["spec"]["podSelector"].get("matchLabels")
                and matches(p["spec"]["podSelector"], labels)
            ]
            assert own, f"{env}: {name} is only covered by namespace-wide policies"
            deny = [p for p in policies if p["metadata"]["namespace"] == namespace and p["metadata"]["name"] == "default-deny"]
            assert deny, f"{env}: namespace {namespace} has no default deny"


def test_the_checker_catches_violations():
    pod = {
        "securityContext": {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}},
        "hostNetwork": True,
        "volumes": [{"name": "host", "hostPath": {"path": "/"}}],
        "containers": [{"name": "app", "securityContext": {"capabilities": {"add": ["SYS_ADMIN"]}}}],
    }
    problems = "\n".join(restricted_violations(pod))
    assert "hostNetwork" in problems
    assert "hostPath" in problems
    assert "allowPrivilegeEscalation" in problems
    assert "must drop ALL" in problems
    assert "SYS_ADMIN" in problems
