"""What the API server's admission does to every pod of the assembled platform: the Pod Security
Standard its namespace enforces, then the namespace's LimitRange and ResourceQuota.

Pod Security Standards: the controls, their names and their versions are those of
https://kubernetes.io/docs/concepts/security/pod-security-standards/ and of the reference
implementation that the API server runs, kubernetes/pod-security-admission (policy/check_*.go;
each check's id is kept below). No maintained library does this offline in Python: PyPI has only
k8s-policy-guard 1.0.0, a single unversioned release that mixes the standards with CIS rules.

Quota and limits follow the API server's LimitRanger and ResourceQuota admission plugins:
defaults fill what a container lacks, the pod's effective request is
max(max(init containers), sum(containers) + sidecars) + overhead, and every workload counts at
its most (HPA maximum, plus a Deployment's rollout surge).

Each check is a pure function over lists of objects, so a test can run it on a small input or on
a broken copy of the platform.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from tests.platform.addons import KUBE_VERSION

# What `enforce-version: latest` (or no version label) means: the Kubernetes version the
# add-ons are rendered for.
KUBERNETES_VERSION = (int(KUBE_VERSION.split(".")[0]), int(KUBE_VERSION.split(".")[1]))
LEVELS = ("privileged", "baseline", "restricted")
ENFORCE = "pod-security.kubernetes.io/enforce"
ENFORCE_VERSION = "pod-security.kubernetes.io/enforce-version"

Version = tuple[int, int]


# --- pod templates ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PodTemplate:
    """A pod as it will be created: from a Pod, or from a workload's template."""

    owner: dict
    metadata: dict
    spec: dict

    @property
    def namespace(self) -> str:
        return self.owner["metadata"].get("namespace", "default")

    @property
    def name(self) -> str:
        return f"{self.owner['kind']}/{self.owner['metadata']['name']}"


TEMPLATED = {"Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController"}


def pod_templates(objects: Iterable[dict]) -> list[PodTemplate]:
    templates = []
    for obj in objects:
        kind, spec = obj.get("kind"), obj.get("spec") or {}
        if kind == "Pod":
            templates.append(PodTemplate(obj, obj.get("metadata") or {}, spec))
        elif kind in TEMPLATED:
            template = spec.get("template") or {}
            templates.append(PodTemplate(obj, template.get("metadata") or {}, template.get("spec") or {}))
        elif kind == "CronJob":
            template = spec["jobTemplate"]["spec"]["template"]
            templates.append(PodTemplate(obj, template.get("metadata") or {}, template.get("spec") or {}))
        elif kind == "PodTemplate":
            template = obj.get("template") or {}
            templates.append(PodTemplate(obj, template.get("metadata") or {}, template.get("spec") or {}))
    return templates


def _containers(spec: dict) -> list[dict]:
    # The order the reference implementation visits them in (policy/visitor.go).
    return [*spec.get("initContainers", []), *spec.get("containers", []), *spec.get("ephemeralContainers", [])]


def _context(container_or_spec: dict) -> dict:
    return container_or_spec.get("securityContext") or {}


def _windows(spec: dict) -> bool:
    return (spec.get("os") or {}).get("name") == "windows"


def _user_namespace(spec: dict) -> bool:
    return spec.get("hostUsers") is False


def _names(containers: Iterable[dict]) -> str:
    return ", ".join(f'"{c["name"]}"' for c in containers)


# --- Pod Security Standards: one function per control ---------------------------------------
# Each returns None when the pod passes, else what fails, in the reference implementation's words.


def _host_process(meta: dict, spec: dict) -> str | None:
    def on(context: dict) -> bool:
        return bool((context.get("windowsOptions") or {}).get("hostProcess"))

    bad = [c for c in _containers(spec) if on(_context(c))]
    if on(_context(spec)) or bad:
        return f"pod or containers {_names(bad)} must not set securityContext.windowsOptions.hostProcess=true"
    return None


def _host_namespaces(meta: dict, spec: dict) -> str | None:
    shared = [f"{field}=true" for field in ("hostNetwork", "hostPID", "hostIPC") if spec.get(field)]
    return ", ".join(shared) or None


def _privileged(meta: dict, spec: dict) -> str | None:
    bad = [c for c in _containers(spec) if _context(c).get("privileged")]
    return f"containers {_names(bad)} must not set securityContext.privileged=true" if bad else None


# Docker's default set, which baseline lets a container add back (policy/check_capabilities_baseline.go).
DEFAULT_CAPABILITIES = frozenset(
    {
        "AUDIT_WRITE",
        "CHOWN",
        "DAC_OVERRIDE",
        "FOWNER",
        "FSETID",
        "KILL",
        "MKNOD",
        "NET_BIND_SERVICE",
        "SETFCAP",
        "SETGID",
        "SETPCAP",
        "SETUID",
        "SYS_CHROOT",
    }
)


def _capabilities_baseline(meta: dict, spec: dict) -> str | None:
    added = {
        c["name"]: set((_context(c).get("capabilities") or {}).get("add") or []) - DEFAULT_CAPABILITIES for c in _containers(spec)
    }
    bad = {name: caps for name, caps in added.items() if caps}
    if bad:
        caps = sorted(set().union(*bad.values()))
        return f"containers {', '.join(bad)} must not add {caps} to securityContext.capabilities"
    return None


def _host_path_volumes(meta: dict, spec: dict) -> str | None:
    bad = [v["name"] for v in spec.get("volumes", []) if "hostPath" in v]
    return f"hostPath volumes {bad}" if bad else None


def _host_ports(meta: dict, spec: dict) -> str | None:
    bad = {c["name"]: [p["hostPort"] for p in c.get("ports", []) if p.get("hostPort")] for c in _containers(spec)}
    bad = {name: ports for name, ports in bad.items() if ports}
    return f"containers use hostPorts {bad}" if bad else None


def _host_probes(meta: dict, spec: dict) -> str | None:
    def hosts(handler: dict | None) -> list[str]:
        handler = handler or {}
        return [h for h in ((handler.get("httpGet") or {}).get("host"), (handler.get("tcpSocket") or {}).get("host")) if h]

    bad = {}
    for c in _containers(spec):
        lifecycle = c.get("lifecycle") or {}
        found = [h for probe in ("livenessProbe", "readinessProbe", "startupProbe") for h in hosts(c.get(probe))]
        found += [h for hook in ("postStart", "preStop") for h in hosts(lifecycle.get(hook))]
        if found:
            bad[c["name"]] = found
    return f"containers use probe or lifecycle hosts {bad}" if bad else None


APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/"


def _app_armor(meta: dict, spec: dict) -> str | None:
    def bad_type(context: dict) -> bool:
        profile = context.get("appArmorProfile")
        return profile is not None and profile.get("type") not in ("RuntimeDefault", "Localhost")

    setters = ["pod"] if bad_type(_context(spec)) else []
    setters += [f'container "{c["name"]}"' for c in _containers(spec) if bad_type(_context(c))]
    setters += [
        f"annotation {key}={value}"
        for key, value in (meta.get("annotations") or {}).items()
        if key.startswith(APPARMOR_ANNOTATION) and value and value != "runtime/default" and not value.startswith("localhost/")
    ]
    return f"{', '.join(setters)} must not set a forbidden AppArmor profile" if setters else None


def _se_linux(types: frozenset[str]) -> Callable[[dict, dict], str | None]:
    def check(meta: dict, spec: dict) -> str | None:
        problems = []
        for owner, context in [("pod", _context(spec)), *((f'container "{c["name"]}"', _context(c)) for c in _containers(spec))]:
            options = context.get("seLinuxOptions")
            if options is None:
                continue
            if options.get("type", "") not in types:
                problems.append(f"{owner}: type {options['type']}")
            problems += [f"{owner}: {field} may not be set" for field in ("user", "role") if options.get(field)]
        return f"forbidden securityContext.seLinuxOptions: {'; '.join(problems)}" if problems else None

    return check


SELINUX_TYPES_1_0 = frozenset({"", "container_t", "container_init_t", "container_kvm_t"})
SELINUX_TYPES_1_31 = SELINUX_TYPES_1_0 | {"container_engine_t"}


def _proc_mount(relax_for_user_namespaces: bool) -> Callable[[dict, dict], str | None]:
    def check(meta: dict, spec: dict) -> str | None:
        if relax_for_user_namespaces and _user_namespace(spec):
            return None
        bad = [c for c in _containers(spec) if _context(c).get("procMount", "Default") != "Default"]
        return f"containers {_names(bad)} must not set securityContext.procMount other than Default" if bad else None

    return check


SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod"
SECCOMP_CONTAINER_ANNOTATION = "container.seccomp.security.alpha.kubernetes.io/"


def _seccomp_baseline_annotations(meta: dict, spec: dict) -> str | None:
    """Before 1.19 the profile was an annotation."""
    annotations = meta.get("annotations") or {}
    keys = [SECCOMP_POD_ANNOTATION, *(SECCOMP_CONTAINER_ANNOTATION + c["name"] for c in _containers(spec))]
    bad = [
        f"{key}={annotations[key]}"
        for key in keys
        if key in annotations
        and annotations[key] not in ("runtime/default", "docker/default")
        and not annotations[key].startswith("localhost/")
    ]
    return f"forbidden seccomp annotations {bad}" if bad else None


def _seccomp_type(context: dict) -> str | None:
    return (context.get("seccompProfile") or {}).get("type")


def _seccomp_baseline(meta: dict, spec: dict) -> str | None:
    setters = []
    if _seccomp_type(_context(spec)) not in (None, "RuntimeDefault", "Localhost"):
        setters.append(f"pod ({_seccomp_type(_context(spec))})")
    setters += [
        f'container "{c["name"]}" ({_seccomp_type(_context(c))})'
        for c in _containers(spec)
        if _seccomp_type(_context(c)) not in (None, "RuntimeDefault", "Localhost")
    ]
    return (
        f"{', '.join(setters)} must not set securityContext.seccompProfile.type other than RuntimeDefault or Localhost"
        if setters
        else None
    )


SYSCTLS_1_0 = frozenset(
    {
        "kernel.shm_rmid_forced",
        "net.ipv4.ip_local_port_range",
        "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range",
        "net.ipv4.ip_unprivileged_port_start",
    }
)
SYSCTLS_1_27 = SYSCTLS_1_0 | {"net.ipv4.ip_local_reserved_ports"}
SYSCTLS_1_29 = SYSCTLS_1_27 | {
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
}
SYSCTLS_1_32 = SYSCTLS_1_29 | {"net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"}
SYSCTLS_1_37 = SYSCTLS_1_32 | {"net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"}


def _sysctls(allowed: frozenset[str]) -> Callable[[dict, dict], str | None]:
    def check(meta: dict, spec: dict) -> str | None:
        bad = [s["name"] for s in _context(spec).get("sysctls", []) if s["name"] not in allowed]
        return f"forbidden sysctls {bad}" if bad else None

    return check


# Inline volume sources the restricted profile allows (policy/check_restrictedVolumes.go).
RESTRICTED_VOLUMES = frozenset(
    {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret"}
)


def _volume_types(meta: dict, spec: dict) -> str | None:
    bad = {v["name"]: sorted(set(v) - {"name"}) for v in spec.get("volumes", []) if not (set(v) - {"name"}) & RESTRICTED_VOLUMES}
    return f"restricted volume types {bad}" if bad else None


def _not_on_windows(check: Callable[[dict, dict], str | None]) -> Callable[[dict, dict], str | None]:
    # From 1.25 the Linux-only controls skip pods that declare spec.os.name=windows.
    return lambda meta, spec: None if _windows(spec) else check(meta, spec)


def _not_in_user_namespace(check: Callable[[dict, dict], str | None]) -> Callable[[dict, dict], str | None]:
    # From 1.35 root inside a user namespace (hostUsers: false) is not root on the node.
    return lambda meta, spec: None if _user_namespace(spec) else check(meta, spec)


def _privilege_escalation(meta: dict, spec: dict) -> str | None:
    bad = [c for c in _containers(spec) if _context(c).get("allowPrivilegeEscalation") is not False]
    return f"containers {_names(bad)} must set securityContext.allowPrivilegeEscalation=false" if bad else None


def _run_as_non_root(meta: dict, spec: dict) -> str | None:
    pod = _context(spec).get("runAsNonRoot")
    explicit = [c for c in _containers(spec) if _context(c).get("runAsNonRoot") is False]
    implicit = [c for c in _containers(spec) if _context(c).get("runAsNonRoot") is None and pod is not True]
    if pod is False or explicit:
        return (
            f"{'pod and ' if pod is False else ''}containers {_names(explicit)} must not set securityContext.runAsNonRoot=false"
        )
    if implicit:
        return f"pod or containers {_names(implicit)} must set securityContext.runAsNonRoot=true"
    return None


def _run_as_user(meta: dict, spec: dict) -> str | None:
    setters = ["pod"] if _context(spec).get("runAsUser") == 0 else []
    setters += [f'container "{c["name"]}"' for c in _containers(spec) if _context(c).get("runAsUser") == 0]
    return f"{', '.join(setters)} must not set runAsUser=0" if setters else None


def _seccomp_restricted(meta: dict, spec: dict) -> str | None:
    explicit = _seccomp_baseline(meta, spec)
    if explicit:
        return explicit
    pod_set = _seccomp_type(_context(spec)) in ("RuntimeDefault", "Localhost")
    implicit = [c for c in _containers(spec) if _seccomp_type(_context(c)) is None and not pod_set]
    if implicit:
        wanted = '"RuntimeDefault" or "Localhost"'
        return f"pod or containers {_names(implicit)} must set securityContext.seccompProfile.type to {wanted}"
    return None


def _capabilities_restricted(meta: dict, spec: dict) -> str | None:
    problems = []
    no_drop = [c for c in _containers(spec) if "ALL" not in ((_context(c).get("capabilities") or {}).get("drop") or [])]
    if no_drop:
        problems.append(f'containers {_names(no_drop)} must set securityContext.capabilities.drop=["ALL"]')
    adding = {
        c["name"]: sorted(set((_context(c).get("capabilities") or {}).get("add") or []) - {"NET_BIND_SERVICE"})
        for c in _containers(spec)
    }
    adding = {name: caps for name, caps in adding.items() if caps}
    if adding:
        problems.append(f"containers may only add NET_BIND_SERVICE, not {adding}")
    return "; ".join(problems) or None


@dataclass(frozen=True)
class Control:
    """A control of the standard, as versioned by the reference implementation."""

    level: str
    # The control's name in the Kubernetes documentation.
    name: str
    # The reference implementation's check id.
    id: str
    # (minimum Kubernetes version, check): the newest applicable version is used.
    versions: tuple[tuple[Version, Callable[[dict, dict], str | None]], ...]
    # Baseline checks this restricted one replaces (when it applies at the version).
    overrides: tuple[str, ...] = ()

    def at(self, version: Version) -> Callable[[dict, dict], str | None] | None:
        applicable = [check for minimum, check in self.versions if minimum <= version]
        return applicable[-1] if applicable else None


CONTROLS = (
    Control("baseline", "HostProcess", "windowsHostProcess", (((1, 0), _host_process),)),
    Control("baseline", "Host Namespaces", "hostNamespaces", (((1, 0), _host_namespaces),)),
    Control("baseline", "Privileged Containers", "privileged", (((1, 0), _privileged),)),
    Control("baseline", "Capabilities", "capabilities_baseline", (((1, 0), _capabilities_baseline),)),
    Control("baseline", "HostPath Volumes", "hostPathVolumes", (((1, 0), _host_path_volumes),)),
    Control("baseline", "Host Ports", "hostPorts", (((1, 0), _host_ports),)),
    Control("baseline", "Host Probes / Lifecycle Hooks", "hostProbesAndHostLifecycle", (((1, 34), _host_probes),)),
    Control("baseline", "AppArmor", "appArmorProfile", (((1, 0), _app_armor),)),
    Control(
        "baseline",
        "SELinux",
        "seLinuxOptions",
        (((1, 0), _se_linux(SELINUX_TYPES_1_0)), ((1, 31), _se_linux(SELINUX_TYPES_1_31))),
    ),
    Control("baseline", "/proc Mount Type", "procMount", (((1, 0), _proc_mount(False)), ((1, 35), _proc_mount(True)))),
    Control(
        "baseline", "Seccomp", "seccompProfile_baseline", (((1, 0), _seccomp_baseline_annotations), ((1, 19), _seccomp_baseline))
    ),
    Control(
        "baseline",
        "Sysctls",
        "sysctls",
        (
            ((1, 0), _sysctls(SYSCTLS_1_0)),
            ((1, 27), _sysctls(SYSCTLS_1_27)),
            ((1, 29), _sysctls(SYSCTLS_1_29)),
            ((1, 32), _sysctls(SYSCTLS_1_32)),
            ((1, 37), _sysctls(SYSCTLS_1_37)),
        ),
    ),
    Control("restricted", "Volume Types", "restrictedVolumes", (((1, 0), _volume_types),), overrides=("hostPathVolumes",)),
    Control(
        "restricted",
        "Privilege Escalation",
        "allowPrivilegeEscalation",
        (((1, 8), _privilege_escalation), ((1, 25), _not_on_windows(_privilege_escalation))),
    ),
    Control(
        "restricted",
        "Running as Non-root",
        "runAsNonRoot",
        (((1, 0), _run_as_non_root), ((1, 35), _not_in_user_namespace(_run_as_non_root))),
    ),
    Control(
        "restricted",
        "Running as Non-root user",
        "runAsUser",
        (((1, 23), _run_as_user), ((1, 35), _not_in_user_namespace(_run_as_user))),
    ),
    Control(
        "restricted",
        "Seccomp",
        "seccompProfile_restricted",
        (((1, 19), _seccomp_restricted), ((1, 25), _not_on_windows(_seccomp_restricted))),
        overrides=("seccompProfile_baseline",),
    ),
    Control(
        "restricted",
        "Capabilities",
        "capabilities_restricted",
        (((1, 22), _capabilities_restricted), ((1, 25), _not_on_windows(_capabilities_restricted))),
        overrides=("capabilities_baseline",),
    ),
    Control("restricted", "/proc Mount Type", "procMount_restricted", (((1, 35), _proc_mount(False)),), overrides=("procMount",)),
)


@dataclass(frozen=True)
class Violation:
    control: str
    id: str
    detail: str

    def __str__(self) -> str:
        return f"{self.control} ({self.id}): {self.detail}"


def pss_violations(metadata: dict, spec: dict, level: str, version: Version = KUBERNETES_VERSION) -> list[Violation]:
    """What keeps a pod (its metadata and spec) out of a namespace enforcing `level` at `version`."""
    if level not in LEVELS:
        raise ValueError(f"unknown Pod Security level {level!r}")
    wanted = LEVELS[: LEVELS.index(level) + 1]
    checks = [(control, control.at(version)) for control in CONTROLS if control.level in wanted]
    active = [(control, check) for control, check in checks if check is not None]
    overridden = {replaced for control, _ in active for replaced in control.overrides}
    violations = []
    for control, check in active:
        if control.id in overridden:
            continue
        detail = check(metadata, spec)
        if detail:
            violations.append(Violation(control.name, control.id, detail))
    return violations


def parse_version(label: str | None) -> Version:
    if label in (None, "", "latest"):
        return KUBERNETES_VERSION
    match = re.fullmatch(r"v(\d+)\.(\d+)", label)
    if match is None:
        raise ValueError(f"not a Pod Security version: {label!r}")
    return int(match[1]), int(match[2])


def enforced(namespaces: Iterable[dict]) -> dict[str, tuple[str, Version]]:
    """Namespace name -> (enforced level, version), from the namespaces' labels."""
    levels = {}
    for namespace in namespaces:
        labels = namespace["metadata"].get("labels") or {}
        levels[namespace["metadata"]["name"]] = (labels.get(ENFORCE, "privileged"), parse_version(labels.get(ENFORCE_VERSION)))
    return levels


def pod_security_failures(objects: Iterable[dict], namespaces: Iterable[dict]) -> list[str]:
    """One line per pod template that its namespace's enforced Pod Security level refuses.

    A namespace without a Namespace object here, or without the enforce label, is privileged
    (the API server's default, which a managed cluster keeps)."""
    levels = enforced(namespaces)
    failures = []
    for pod in pod_templates(objects):
        level, version = levels.get(pod.namespace, ("privileged", KUBERNETES_VERSION))
        for violation in pss_violations(pod.metadata, pod.spec, level, version):
            failures.append(f"{pod.namespace}: {pod.name}: {level}:v{version[0]}.{version[1]}: {violation}")
    return failures


# --- quantities --------------------------------------------------------------------------------

_QUANTITY = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$")
_SUFFIXES: dict[str | None, Decimal] = {
    None: Decimal(1),
    "n": Decimal("1e-9"),
    "u": Decimal("1e-6"),
    "m": Decimal("1e-3"),
    "k": Decimal("1e3"),
    "M": Decimal("1e6"),
    "G": Decimal("1e9"),
    "T": Decimal("1e12"),
    "P": Decimal("1e15"),
    "E": Decimal("1e18"),
    **{suffix: Decimal(2) ** (10 * (i + 1)) for i, suffix in enumerate(("Ki", "Mi", "Gi", "Ti", "Pi", "Ei"))},
}


def quantity(value: object) -> Decimal:
    """A Kubernetes resource quantity ("250m", "1.5Gi", "1e3", 2) as a number."""
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    match = _QUANTITY.match(str(value).strip())
    if match is None:
        raise ValueError(f"not a Kubernetes quantity: {value!r}")
    number, suffix = Decimal(match[1]), match[2]
    if suffix and suffix[0] in "eE":
        return number * Decimal(10) ** int(suffix[1:])
    return number * _SUFFIXES[suffix]


def show(resource: str, amount: Decimal) -> str:
    if resource.endswith("cpu"):
        return f"{math.ceil(amount * 1000)}m"
    if resource.endswith(("memory", "storage")):
        return f"{math.ceil(amount / 2**20)}Mi" if amount >= 2**20 else f"{amount}"
    return f"{amount.normalize():f}"


# --- LimitRange: defaults and bounds -------------------------------------------------------------

COMPUTE = ("cpu", "memory", "ephemeral-storage")


def _limit_items(limit_ranges: Iterable[dict], kind: str) -> list[tuple[str, dict]]:
    """(LimitRange name, item) of every item of that type, with the API server's defaulting of the
    LimitRange itself: a missing default limit is the max, a missing default request the default."""
    items = []
    for limit_range in limit_ranges:
        for item in limit_range["spec"].get("limits", []):
            if item.get("type") != kind:
                continue
            item = {key: dict(value) if isinstance(value, dict) else value for key, value in item.items()}
            if kind == "Container":
                for resource, most in (item.get("max") or {}).items():
                    item.setdefault("default", {}).setdefault(resource, most)
                for resource, default in (item.get("default") or {}).items():
                    item.setdefault("defaultRequest", {}).setdefault(resource, default)
            items.append((limit_range["metadata"]["name"], item))
    return items


def with_limit_range_defaults(spec: dict, limit_ranges: Iterable[dict]) -> dict:
    """The pod spec as the API server stores it: a container's missing requests are its limits
    (API defaulting), then LimitRanger fills what is still missing from each Container item."""
    items = _limit_items(limit_ranges, "Container")
    spec = dict(spec)
    for field in ("initContainers", "containers"):
        containers = []
        for container in spec.get(field, []):
            resources = container.get("resources") or {}
            limits, requests = dict(resources.get("limits") or {}), dict(resources.get("requests") or {})
            for resource, value in limits.items():
                requests.setdefault(resource, value)
            for _, item in items:
                for resource, value in (item.get("default") or {}).items():
                    limits.setdefault(resource, value)
                for resource, value in (item.get("defaultRequest") or {}).items():
                    requests.setdefault(resource, value)
            containers.append({**container, "resources": {"limits": limits, "requests": requests}})
        spec[field] = containers
    return spec


def _amounts(container: dict, which: str) -> dict[str, Decimal]:
    return {resource: quantity(value) for resource, value in ((container.get("resources") or {}).get(which) or {}).items()}


def effective(spec: dict, which: str) -> dict[str, Decimal | None]:
    """The pod's effective requests or limits (`which`), as the scheduler and quota count them:
    max(any init container, with the sidecars started before it; sum of containers and sidecars)
    plus the pod overhead. None for a resource some container leaves unbounded (limits only)."""
    containers = spec.get("containers", [])
    init = spec.get("initContainers", [])
    resources = {r for c in [*containers, *init] for r in _amounts(c, which)}
    totals: dict[str, Decimal | None] = {}
    for resource in resources:
        if which == "limits" and any(resource not in _amounts(c, which) for c in [*containers, *init]):
            totals[resource] = None
            continue
        sidecars = Decimal(0)
        highest_init = Decimal(0)
        for container in init:
            amount = _amounts(container, which).get(resource, Decimal(0))
            if container.get("restartPolicy") == "Always":
                sidecars += amount
                highest_init = max(highest_init, sidecars)
            else:
                highest_init = max(highest_init, sidecars + amount)
        running = sum((_amounts(c, which).get(resource, Decimal(0)) for c in containers), Decimal(0)) + sidecars
        overhead = quantity((spec.get("overhead") or {}).get(resource, 0))
        totals[resource] = max(highest_init, running) + overhead
    return totals


def limit_range_failures(objects: Iterable[dict]) -> list[str]:
    """One line per container, pod or claim that its namespace's LimitRange refuses."""
    objects = list(objects)
    ranges: dict[str, list[dict]] = defaultdict(list)
    for obj in objects:
        if obj.get("kind") == "LimitRange":
            ranges[obj["metadata"].get("namespace", "default")].append(obj)
    failures = []
    for pod in pod_templates(objects):
        if pod.namespace not in ranges:
            continue
        spec = with_limit_range_defaults(pod.spec, ranges[pod.namespace])
        for name, item in _limit_items(ranges[pod.namespace], "Container"):
            for container in [*spec["initContainers"], *spec["containers"]]:
                where = f"{pod.namespace}: {pod.name}: container {container['name']}"
                failures += _bounds(
                    where, f"LimitRange/{name}", item, _amounts(container, "requests"), _amounts(container, "limits")
                )
        for name, item in _limit_items(ranges[pod.namespace], "Pod"):
            requests = {r: v for r, v in effective(spec, "requests").items() if v is not None}
            limits = {r: v for r, v in effective(spec, "limits").items() if v is not None}
            failures += _bounds(f"{pod.namespace}: {pod.name}", f"LimitRange/{name}", item, requests, limits)
    for namespace, claim, storage in _claims(objects):
        for name, item in _limit_items(ranges.get(namespace, []), "PersistentVolumeClaim"):
            failures += _bounds(f"{namespace}: {claim}", f"LimitRange/{name}", item, {"storage": storage}, {"storage": storage})
    return failures


def _bounds(where: str, limit_range: str, item: dict, requests: dict[str, Decimal], limits: dict[str, Decimal]) -> list[str]:
    failures = []
    for resource, value in (item.get("min") or {}).items():
        for which, amounts in (("request", requests), ("limit", limits)):
            if resource in amounts and amounts[resource] < quantity(value):
                failures.append(
                    f"{where}: {resource} {which} {show(resource, amounts[resource])} below {limit_range} min {value}"
                )
            elif resource not in amounts and which == "request":
                failures.append(f"{where}: no {resource} request, which {limit_range} min {value} requires")
    for resource, value in (item.get("max") or {}).items():
        if resource not in limits:
            failures.append(f"{where}: no {resource} limit, which {limit_range} max {value} requires")
        elif limits[resource] > quantity(value):
            failures.append(f"{where}: {resource} limit {show(resource, limits[resource])} exceeds {limit_range} max {value}")
    for resource, value in (item.get("maxLimitRequestRatio") or {}).items():
        if resource in limits and requests.get(resource) and limits[resource] / requests[resource] > quantity(value):
            ratio = limits[resource] / requests[resource]
            failures.append(f"{where}: {resource} limit/request {ratio:.2f} exceeds {limit_range} maxLimitRequestRatio {value}")
    return failures


# --- ResourceQuota: every workload at its most ------------------------------------------------


def _hpa_maximum(objects: list[dict]) -> dict[tuple[str, str, str], int]:
    """(namespace, kind, name) of each HPA's target -> its maxReplicas."""
    return {
        (
            hpa["metadata"].get("namespace", "default"),
            hpa["spec"]["scaleTargetRef"]["kind"],
            hpa["spec"]["scaleTargetRef"]["name"],
        ): int(hpa["spec"]["maxReplicas"])
        for hpa in objects
        if hpa.get("kind") == "HorizontalPodAutoscaler"
    }


def _surge(replicas: int, strategy: dict) -> int:
    if strategy.get("type") == "Recreate":
        return 0
    surge = (strategy.get("rollingUpdate") or {}).get("maxSurge", "25%")
    if isinstance(surge, str) and surge.endswith("%"):
        return math.ceil(replicas * int(surge[:-1]) / 100)
    return int(surge)


def pods_at_most(obj: dict, hpa_maximum: dict[tuple[str, str, str], int]) -> int | None:
    """How many pods `obj` can run at once: replicas (an HPA's maximum where one scales it),
    plus a Deployment's rollout surge. None for a DaemonSet: one per node, which no count bounds."""
    kind, spec = obj["kind"], obj.get("spec") or {}
    key = (obj["metadata"].get("namespace", "default"), kind, obj["metadata"]["name"])
    replicas = hpa_maximum.get(key, int(spec.get("replicas", 1)))
    if kind == "Deployment":
        return replicas + _surge(replicas, spec.get("strategy") or {})
    if kind in ("StatefulSet", "ReplicaSet", "ReplicationController"):
        # A StatefulSet replaces its pods one by one: it never runs more than its replicas.
        return replicas
    if kind == "Job":
        return int(spec.get("parallelism", 1))
    if kind == "CronJob":
        job = spec["jobTemplate"]["spec"]
        # Forbid never starts a run while one is active; Allow and Replace overlap two at least.
        runs = 1 if spec.get("concurrencyPolicy") == "Forbid" else 2
        return runs * int(job.get("parallelism", 1))
    if kind == "Pod":
        return 1
    if kind == "DaemonSet":
        return None
    raise ValueError(f"not a workload: {kind}")


def _claims(objects: list[dict]) -> list[tuple[str, str, Decimal]]:
    """(namespace, name, requested storage) of every claim, a StatefulSet's for each of its pods."""
    hpa_maximum = _hpa_maximum(objects)
    claims = []
    for obj in objects:
        namespace = obj["metadata"].get("namespace", "default")
        if obj.get("kind") == "PersistentVolumeClaim":
            storage = quantity(obj["spec"]["resources"]["requests"]["storage"])
            claims.append((namespace, f"PersistentVolumeClaim/{obj['metadata']['name']}", storage))
        elif obj.get("kind") == "StatefulSet":
            pods = pods_at_most(obj, hpa_maximum) or 0
            for template in obj["spec"].get("volumeClaimTemplates", []):
                storage = quantity(template["spec"]["resources"]["requests"]["storage"])
                for ordinal in range(pods):
                    name = f"{template['metadata']['name']}-{obj['metadata']['name']}-{ordinal}"
                    claims.append((namespace, f"PersistentVolumeClaim/{name} (StatefulSet/{obj['metadata']['name']})", storage))
    return claims


def _storage_class(obj: dict) -> str | None:
    return obj["spec"].get("storageClassName")


def _node_ports(service: dict) -> int:
    spec = service.get("spec") or {}
    kind = spec.get("type", "ClusterIP")
    if kind == "NodePort" or (kind == "LoadBalancer" and spec.get("allocateLoadBalancerNodePorts", True)):
        return len(spec.get("ports", []))
    return 0


def _plural(kind: str) -> str:
    lower = kind.lower()
    if lower.endswith("y"):
        return lower[:-1] + "ies"
    if lower.endswith(("s", "x")):
        return lower + "es"
    return lower + "s"


def _group(obj: dict) -> str:
    return obj["apiVersion"].rpartition("/")[0]


# Object counts that a quota names without "count/" (core/v1 only).
CORE_COUNTS = {
    "services": "Service",
    "secrets": "Secret",
    "configmaps": "ConfigMap",
    "persistentvolumeclaims": "PersistentVolumeClaim",
    "replicationcontrollers": "ReplicationController",
    "resourcequotas": "ResourceQuota",
}
POD_RESOURCES = {
    "requests.cpu": ("requests", "cpu"),
    "cpu": ("requests", "cpu"),
    "requests.memory": ("requests", "memory"),
    "memory": ("requests", "memory"),
    "requests.ephemeral-storage": ("requests", "ephemeral-storage"),
    "ephemeral-storage": ("requests", "ephemeral-storage"),
    "limits.cpu": ("limits", "cpu"),
    "limits.memory": ("limits", "memory"),
    "limits.ephemeral-storage": ("limits", "ephemeral-storage"),
}


@dataclass
class _Usage:
    """What one object adds to one quota key, and what it lacks that the quota requires."""

    owner: str
    amount: Decimal
    missing: bool = False


def _in_scope(quota: dict, spec: dict) -> bool | None:
    """Whether the quota's scopes track this pod; None for a scope this model does not know."""
    quota_spec = quota["spec"]
    scopes = list(quota_spec.get("scopes", []))
    expressions = [
        (e["scopeName"], e["operator"], e.get("values", []))
        for e in (quota_spec.get("scopeSelector") or {}).get("matchExpressions", [])
    ]
    scopes += [name for name, operator, _ in expressions if operator == "Exists" and name != "PriorityClass"]
    best_effort = not any(effective(spec, which) for which in ("requests", "limits"))
    for scope in scopes:
        if scope == "Terminating" and spec.get("activeDeadlineSeconds") is None:
            return False
        if scope == "NotTerminating" and spec.get("activeDeadlineSeconds") is not None:
            return False
        if scope == "BestEffort" and not best_effort:
            return False
        if scope == "NotBestEffort" and best_effort:
            return False
        if scope not in ("Terminating", "NotTerminating", "BestEffort", "NotBestEffort"):
            return None
    for name, operator, values in expressions:
        if name != "PriorityClass":
            continue
        priority = spec.get("priorityClassName")
        matched = {
            "In": priority in values,
            "NotIn": priority not in values,
            "Exists": priority is not None,
            "DoesNotExist": priority is None,
        }[operator]
        if not matched:
            return False
    return True


def _quota_usage(quota: dict, key: str, objects: list[dict], ranges: list[dict]) -> list[_Usage] | None:
    """Every object's contribution to `key` of `quota` (objects of its namespace only), or None
    for a key this model does not know."""
    hpa_maximum = _hpa_maximum(objects)
    scoped = bool(quota["spec"].get("scopes") or quota["spec"].get("scopeSelector"))
    usage: list[_Usage] = []
    pods = [
        p for p in pod_templates(objects) if p.owner["kind"] != "ReplicaSet" or not p.owner["metadata"].get("ownerReferences")
    ]
    if key == "pods" or key == "count/pods" or key in POD_RESOURCES:
        for pod in pods:
            spec = with_limit_range_defaults(pod.spec, ranges)
            if not _in_scope(quota, spec):
                continue
            count = pods_at_most(pod.owner, hpa_maximum)
            if count is None:
                usage.append(_Usage(f"{pod.name} (one pod per node)", Decimal(0), missing=True))
                continue
            if key in ("pods", "count/pods"):
                usage.append(_Usage(f"{pod.name} ({count} pods)", Decimal(count)))
                continue
            which, resource = POD_RESOURCES[key]
            per_pod = effective(spec, which).get(resource)
            each = per_pod or Decimal(0)
            usage.append(_Usage(f"{pod.name} ({count} × {show(resource, each)})", count * each, per_pod is None))
        return usage
    if scoped:
        return None
    claims = [
        (n, c, s, _storage_class(o) if o.get("kind") == "PersistentVolumeClaim" else None)
        for (n, c, s), o in zip(_claims(objects), _claim_owners(objects), strict=True)
    ]
    if key in ("persistentvolumeclaims", "count/persistentvolumeclaims"):
        return [_Usage(claim, Decimal(1)) for _, claim, _, _ in claims]
    if key == "requests.storage":
        return [_Usage(claim, storage) for _, claim, storage, _ in claims]
    storage_class = re.fullmatch(r"(.+)\.storageclass\.storage\.k8s\.io/(requests\.storage|persistentvolumeclaims)", key)
    if storage_class:
        chosen = [c for c in claims if c[3] == storage_class[1]]
        return [
            _Usage(claim, storage if storage_class[2] == "requests.storage" else Decimal(1)) for _, claim, storage, _ in chosen
        ]
    services = [o for o in objects if o.get("kind") == "Service"]
    if key in ("services.nodeports",):
        return [_Usage(f"Service/{s['metadata']['name']} ({s['spec'].get('type')})", Decimal(_node_ports(s))) for s in services]
    if key == "services.loadbalancers":
        return [
            _Usage(f"Service/{s['metadata']['name']}", Decimal(1))
            for s in services
            if (s.get("spec") or {}).get("type") == "LoadBalancer"
        ]
    if key in CORE_COUNTS:
        return [
            _Usage(f"{o['kind']}/{o['metadata']['name']}", Decimal(1))
            for o in objects
            if o.get("kind") == CORE_COUNTS[key] and _group(o) == ""
        ]
    counted = re.fullmatch(r"count/([a-z0-9-]+)(?:\.(.+))?", key)
    if counted:
        resource, group = counted[1], counted[2] or ""
        return [
            _Usage(f"{o['kind']}/{o['metadata']['name']}", Decimal(1))
            for o in objects
            if _plural(o["kind"]) == resource and _group(o) == group
        ]
    return None


def _claim_owners(objects: list[dict]) -> list[dict]:
    """The object behind each entry of _claims(objects), in the same order."""
    hpa_maximum = _hpa_maximum(objects)
    owners = []
    for obj in objects:
        if obj.get("kind") == "PersistentVolumeClaim":
            owners.append(obj)
        elif obj.get("kind") == "StatefulSet":
            pods = pods_at_most(obj, hpa_maximum) or 0
            for template in obj["spec"].get("volumeClaimTemplates", []):
                owners.extend([{"kind": "PersistentVolumeClaim", **template}] * pods)
    return owners


def quota_failures(objects: Iterable[dict]) -> list[str]:
    """One line per quota key that the namespace's objects, every workload at its most, exceed:
    the first object (in the given order) that crosses it, and the total. Also every pod that a
    quota on compute resources refuses for lacking a request or limit, and any key or scope this
    model cannot count (so that nothing is passed unchecked)."""
    objects = list(objects)
    by_namespace: dict[str, list[dict]] = defaultdict(list)
    for obj in objects:
        if "namespace" in obj.get("metadata", {}):
            by_namespace[obj["metadata"]["namespace"]].append(obj)
    failures = []
    for namespace, members in by_namespace.items():
        ranges = [o for o in members if o.get("kind") == "LimitRange"]
        for quota in (o for o in members if o.get("kind") == "ResourceQuota"):
            where = f"{namespace}: ResourceQuota/{quota['metadata']['name']}"
            if _in_scope(quota, {}) is None:
                failures.append(f"{where}: a scope this check cannot evaluate: {quota['spec']}")
                continue
            for key, hard in quota["spec"].get("hard", {}).items():
                usage = _quota_usage(quota, key, members, ranges)
                if usage is None:
                    failures.append(f"{where}: {key}: a quota key this check cannot count")
                    continue
                limit = quantity(hard)
                resource = key.rpartition(".")[2]
                for item in usage:
                    if item.missing:
                        failures.append(
                            f"{namespace}: {item.owner}: refused by {where.split(': ')[1]}, which requires {key} of every pod"
                        )
                total = Decimal(0)
                crossed = None
                for item in usage:
                    total += item.amount
                    if crossed is None and total > limit:
                        crossed = item.owner
                if crossed is not None:
                    failures.append(
                        f"{namespace}: {crossed}: {key} total {show(resource, total)} exceeds "
                        f"ResourceQuota/{quota['metadata']['name']} hard {hard}"
                    )
    return list(dict.fromkeys(failures))


def admission_failures(objects: Iterable[dict], namespaces: Iterable[dict]) -> list[str]:
    """Everything admission refuses: Pod Security, LimitRange, ResourceQuota."""
    objects = list(objects)
    return [*pod_security_failures(objects, namespaces), *limit_range_failures(objects), *quota_failures(objects)]
