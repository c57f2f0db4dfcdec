"""deploy / diff / verify / cleanup of an environment with kubectl, for people without Argo CD.

The plans are plain data derived from dist/<env>, so their order, flags, readiness checks,
prerequisites, service filter and pruning are unit-tested; `run` executes a plan, one line per
step and a header per wave, showing the output of its waits as it comes. None of this has run
against a live cluster here (see README).
"""

from __future__ import annotations

import base64
import collections
import contextlib
import dataclasses
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol
from urllib.parse import urlparse

import yaml

from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG, Catalog, Service
from ecommerce.model.environments import Environment
from ecommerce.model.installed_add_ons import ADD_ON_DEPLOYMENTS
from ecommerce.model.project import ADD_ON_COMPONENT
from ecommerce_ops.crd_sources import ROOT, local_names

FIELD_MANAGER = "e-commerce-platform"
# Jobs are immutable: a changed one must be replaced, and a finished one re-run.
HOOK = "argocd.argoproj.io/hook"

# `make deploy` prunes what left dist/<env> with a kubectl ApplySet (KEP-3659; alpha, so
# behind KUBECTL_APPLYSET=true). An environment spans several namespaces and cluster-scoped
# objects, and kubectl accepts such a set only under a cluster-scoped parent: a custom
# resource whose CRD is labelled as a parent type, which kubectl never creates itself.
APPLYSET_GROUP = "platform.e-commerce.example.com"
APPLYSET_KIND = "ApplySet"
APPLYSET_RESOURCE = f"applysets.{APPLYSET_GROUP}"
APPLYSET_ENV = (("KUBECTL_APPLYSET", "true"),)
PART_OF = "applyset.kubernetes.io/part-of"
# The manager kubectl updates a parent with: creating it under the same name means kubectl
# later takes over no field from another manager.
APPLYSET_MANAGER = "kubectl-applyset"


@dataclass(frozen=True)
class Spelling:
    """How messages name the options: as the make variables or as platformctl.py's flags."""

    command: str  # formatted with action and env
    context: str
    confirm: str
    force: str
    services: str

    def run(self, action: str, env: str, *options: str) -> str:
        return " ".join((self.command.format(action=action, env=env), *options))


CLI = Spelling(
    "python scripts/platformctl.py {action} {env}", "--context {}", "--confirm {}", "--force-conflicts", "--services {}"
)
MAKE = Spelling("make {action} ENV={env}", "CONTEXT={}", "CONFIRM={}", "FORCE=1", "SERVICES={}")


@dataclass(frozen=True)
class Group:
    """What a run of steps is about (a wave's file, the prerequisites): the runner heads it
    with one line and ends it with its elapsed time."""

    name: str
    detail: str = ""


@dataclass(frozen=True)
class ClientAtLeast:
    """Accepts `kubectl version --client -o json` output of this version or newer."""

    version: tuple[int, int]
    needs: str

    def problem(self, output: str) -> str | None:
        # kubectl may print a warning before its JSON (both streams are read together).
        start, end = output.find("{"), output.rfind("}")
        try:
            client = json.loads(output[start : end + 1])["clientVersion"]
        except (ValueError, KeyError, TypeError):
            return "`kubectl version --client -o json` printed no client version"
        match = re.match(r"v?(\d+)\.(\d+)", str(client.get("gitVersion", "")))
        if match is None:
            return f"unreadable kubectl version {client.get('gitVersion')!r}"
        found = (int(match[1]), int(match[2]))
        if found < self.version:
            return f"kubectl {client['gitVersion']} is older than {self.version[0]}.{self.version[1]}, which {self.needs} needs"
        return None


@dataclass(frozen=True)
class Step:
    description: str
    args: tuple[str, ...]
    # A check that may fail without stopping what follows (verify reports them all).
    check: bool = False
    # Output shown as it comes (waits, applies, deletions); otherwise only its last line, on failure.
    stream: bool = False
    # Exit codes that mean success: kubectl diff exits 1 when it found differences.
    ok_codes: tuple[int, ...] = (0,)
    env: tuple[tuple[str, str], ...] = ()
    # What the command reads from `-f -`, and what to call it when the plan is printed.
    stdin: str | None = None
    stdin_note: str = ""
    # Run only when this command fails (create what is missing) / succeeds.
    unless: tuple[str, ...] = ()
    only_if: tuple[str, ...] = ()
    # What to do about a failure, in the words of the front end in use.
    hint: str = ""
    group: Group | None = None
    # Judges the command's whole output, beyond its exit code.
    expect: ClientAtLeast | None = None
    # Run when this (stopping) step fails, before the run stops: a rollout's undo.
    undo: Step | None = None

    def shell(self) -> str:
        """The step as one shell line, for --dry-run."""
        command = shlex.join(self.args)
        if self.undo is not None:
            command = f"{command} || {{ {shlex.join(self.undo.args)}; false; }}"
        if self.expect is not None:
            command += f"  # kubectl {self.expect.version[0]}.{self.expect.version[1]} or newer"
        if self.env:
            command = " ".join(f"{name}={value}" for name, value in self.env) + " " + command
        if self.unless:
            command = f"{shlex.join(self.unless)} || {command}"
        if self.only_if:
            command = f"{shlex.join(self.only_if)} && {command}"
        if self.stdin is not None:
            command += f"  # stdin: {self.stdin_note}"
        return command


def manifest_files(folder: Path) -> list[Path]:
    """The environment's files in apply order (their names start with the wave)."""
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise ConfigError(str(folder), "no manifests: run `make synth` first")
    return files


# libyaml where PyYAML has it: a plan reads, and writes, an environment's megabyte of YAML.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def objects_of(path: Path) -> list[dict]:
    return [doc for doc in yaml.load_all(path.read_text(), Loader=_LOADER) if doc]


def _kubectl(context: str, *args: str) -> tuple[str, ...]:
    return ("kubectl", "--context", context, *args)


def _ref(obj: dict) -> tuple[str, str, str]:
    meta = obj["metadata"]
    return obj["kind"], meta["name"], meta.get("namespace", "")


def readiness(obj: dict, context: str, timeout: str) -> Step | None:
    """How to wait until `obj` works, or None if applying it is enough."""
    kind, name, namespace = _ref(obj)
    where = ("-n", namespace)
    annotations = obj["metadata"].get("annotations", {})
    waits = {
        "Deployment": ("rollout", "status", f"deployment/{name}", *where, f"--timeout={timeout}"),
        "StatefulSet": ("rollout", "status", f"statefulset/{name}", *where, f"--timeout={timeout}"),
        "DaemonSet": ("rollout", "status", f"daemonset/{name}", *where, f"--timeout={timeout}"),
        "InnoDBCluster": (
            "wait",
            f"innodbcluster/{name}",
            *where,
            "--for=jsonpath={.status.cluster.status}=ONLINE",
            f"--timeout={timeout}",
        ),
        "RabbitmqCluster": (
            "wait",
            f"rabbitmqcluster/{name}",
            *where,
            "--for=condition=AllReplicasReady",
            f"--timeout={timeout}",
        ),
        "Certificate": ("wait", f"certificate/{name}", *where, "--for=condition=Ready", f"--timeout={timeout}"),
        "ExternalSecret": ("wait", f"externalsecret/{name}", *where, "--for=condition=Ready", f"--timeout={timeout}"),
        "ClusterSecretStore": ("wait", f"clustersecretstore/{name}", "--for=condition=Ready", f"--timeout={timeout}"),
        "SecretStore": ("wait", f"secretstore/{name}", *where, "--for=condition=Ready", f"--timeout={timeout}"),
        "ClusterIssuer": ("wait", f"clusterissuer/{name}", "--for=condition=Ready", f"--timeout={timeout}"),
    }
    if kind == "Job" and annotations.get(HOOK):
        return Step(
            f"{kind} {namespace}/{name} completes",
            _kubectl(context, "wait", f"job/{name}", *where, "--for=condition=complete", f"--timeout={timeout}"),
            check=True,
            stream=True,
        )
    if kind not in waits:
        return None
    target = f"{namespace}/{name}" if namespace else name
    return Step(f"{kind} {target} is ready", _kubectl(context, *waits[kind]), check=True, stream=True)


def context_check(context: str, spelling: Spelling) -> Step:
    """First of every plan: without the context each later step would fail on its own."""
    return Step(
        f"kubectl context {context} exists",
        ("kubectl", "config", "get-contexts", context),
        hint=f"add it to your kubeconfig, or name another context with {spelling.context.format('<name>')}",
    )


# The oldest kubectl with each option the plans pass it: a deploy asks for the newest of those it uses.
KUBECTL_SINCE = (
    ("--applyset=", (1, 27), "ApplySet pruning (--applyset, KEP-3659)"),
    ("--for=jsonpath=", (1, 23), "waiting on a field (wait --for=jsonpath)"),
    ("--server-side", (1, 22), "server-side apply"),
)


def kubectl_minimum(steps: Sequence[Step]) -> tuple[tuple[int, int], str]:
    """The oldest kubectl that runs every step, and what needs it."""
    used = [
        (version, why)
        for option, version, why in KUBECTL_SINCE
        if any(arg.startswith(option) for step in steps for arg in step.args)
    ]
    return max(used, default=((1, 22), "server-side apply"))


def kubectl_version_check(steps: Sequence[Step], group: Group) -> Step:
    version, why = kubectl_minimum(steps)
    wanted = f"{version[0]}.{version[1]}"
    return Step(
        f"kubectl {wanted} or newer is installed ({why})",
        ("kubectl", "version", "--client", "-o", "json"),
        expect=ClientAtLeast(version, why),
        hint=f"install kubectl {wanted} or newer (https://kubernetes.io/docs/tasks/tools/)",
        group=group,
    )


def reachable(context: str, group: Group) -> Step:
    """The API server answers: otherwise every later check would fail, each with the same error."""
    return Step(
        f"the cluster of context {context} answers",
        _kubectl(context, "version", "--request-timeout=20s"),
        hint="check the cluster's address and your credentials (kubectl config view --minify)",
        group=group,
    )


def pinned_crds() -> frozenset[str]:
    """The names (<plural>.<group>) of the CRDs the constructs are generated from (cdk8s.yaml),
    whose upstream files are named <group>_<plural>.yaml."""
    config = yaml.safe_load((ROOT / "cdk8s.yaml").read_text())
    names = set()
    for entry in config["imports"]:
        for local in local_names(urlparse(entry.split(":=", 1)[-1]).path):
            group, _, plural = local.removesuffix(".yaml").partition("_")
            names.add(f"{plural}.{group}")
    return frozenset(names)


def resource_of(kind: str) -> str:
    """A kind's resource name, as kubectl guesses it (apimachinery's UnsafeGuessKindToResource)."""
    lower = kind.lower()
    if lower.endswith("s"):
        return lower + "es"
    if lower.endswith("y"):
        return lower[:-1] + "ies"
    return lower + "s"


def _group_of(api_version: str) -> str:
    return api_version.rpartition("/")[0]


def crds_needed(objects: Sequence[dict]) -> list[str]:
    """The CRDs that serve the custom kinds among `objects`."""
    pinned = pinned_crds()
    groups = {name.split(".", 1)[1] for name in pinned}
    needed = set()
    for obj in objects:
        group = _group_of(obj["apiVersion"])
        if group not in groups:
            continue
        name = f"{resource_of(obj['kind'])}.{group}"
        if name not in pinned:
            raise ConfigError(f"{obj['kind']} {obj['metadata']['name']}", f"no pinned CRD {name} in cdk8s.yaml")
        needed.add(name)
    return sorted(needed)


# HorizontalPodAutoscalers read CPU and memory from the resource metrics API, which
# metrics-server serves; no add-on of ours installs it (most managed clusters ship it).
METRICS_API = "v1beta1.metrics.k8s.io"
# What our objects name at cluster scope, and which kind of object refers to it where.
CLUSTER_REFERENCES = (("ExternalSecret", ("spec", "secretStoreRef")), ("Certificate", ("spec", "issuerRef")))


def _dig(obj: dict, path: tuple[str, ...]) -> dict:
    for key in path:
        obj = obj.get(key) or {}
    return obj


def referenced(objects: Sequence[dict]) -> list[dict]:
    """The cluster-scoped stores and issuers that `objects` name and do not hold themselves."""
    held = {(obj["kind"], obj["metadata"]["name"]) for obj in objects}
    found = {}
    for obj in objects:
        for kind, path in CLUSTER_REFERENCES:
            ref = _dig(obj, path) if obj["kind"] == kind else {}
            if ref.get("kind", "").startswith("Cluster") and (ref["kind"], ref["name"]) not in held:
                found[ref["kind"], ref["name"]] = {"kind": ref["kind"], "metadata": {"name": ref["name"]}}
    return [found[key] for key in sorted(found)]


def _pod_spec(obj: dict) -> dict:
    spec = obj.get("spec") or {}
    if obj["kind"] == "CronJob":
        spec = (spec.get("jobTemplate") or {}).get("spec") or {}
    return (spec.get("template") or {}).get("spec") or {}


def _secrets_read(node: object, key: str = "") -> set[str]:
    """The Secrets a pod spec needs (env, envFrom, volumes, projected sources; not optional ones)."""
    found: set[str] = set()
    if isinstance(node, dict):
        if not node.get("optional"):
            if key in ("secretRef", "secretKeyRef") and "name" in node:
                found.add(node["name"])
            if "secretName" in node and key == "secret":
                found.add(node["secretName"])
        for child_key, child in node.items():
            found |= _secrets_read(child, child_key)
    elif isinstance(node, list):
        for item in node:
            found |= _secrets_read(item, key)
    return found


def _secret_made(obj: dict) -> str | None:
    """The Secret an object is or makes (External Secrets' target, cert-manager's secretName)."""
    kind, spec = obj["kind"], obj.get("spec") or {}
    if kind == "Secret":
        return obj["metadata"]["name"]
    if kind == "ExternalSecret":
        return (spec.get("target") or {}).get("name") or obj["metadata"]["name"]
    if kind == "Certificate":
        return spec.get("secretName")
    return None


def secrets_not_brought(objects: Sequence[dict]) -> list[tuple[str, str]]:
    """(namespace, name) of each Secret the pods of `objects` read that none of `objects` makes."""
    made = {(obj["metadata"].get("namespace", ""), name) for obj in objects if (name := _secret_made(obj))}
    read = {
        (obj["metadata"].get("namespace", ""), name)
        for obj in objects
        for name in _secrets_read(_pod_spec(obj))
        if obj["kind"] != "Secret"
    }
    return sorted(read - made)


def prerequisites(env: Environment, objects: Sequence[dict], context: str, group: Group | None = None) -> list[Step]:
    """What the cluster must already offer for `objects` to work, each a check of its own: the
    CRDs of their kinds established, the add-ons' Deployments available, the metrics API for
    autoscalers, and the cluster-scoped stores and issuers they name but do not bring."""
    # Imported here: the add-on and credentials models load the cdk8s libraries, which the
    # deploy workflow's verify and argocd-plan (PyYAML only) neither have nor need.
    from ecommerce.derived.add_on_releases import add_ons

    steps = [
        Step(
            f"CRD {name} is established",
            _kubectl(context, "wait", f"crd/{name}", "--for=condition=Established", "--timeout=30s"),
            check=True,
            hint="install the add-ons first (docs/operators.md)",
            group=group,
        )
        for name in crds_needed(objects)
    ]
    for add_on in add_ons(env):
        deployments = ADD_ON_DEPLOYMENTS.get(add_on.name, ())
        if deployments:
            steps.append(
                Step(
                    f"add-on {add_on.name} runs (Deployment {', '.join(deployments)} in {add_on.namespace})",
                    _kubectl(
                        context,
                        "wait",
                        *(f"deployment/{name}" for name in deployments),
                        "-n",
                        add_on.namespace,
                        "--for=condition=Available",
                        "--timeout=30s",
                    ),
                    check=True,
                    hint="install it as docs/operators.md says",
                    group=group,
                )
            )
    if any(obj["kind"] == "HorizontalPodAutoscaler" for obj in objects):
        steps.append(
            Step(
                f"the resource metrics API ({METRICS_API}, metrics-server) is available for the autoscalers",
                _kubectl(context, "wait", f"apiservice/{METRICS_API}", "--for=condition=Available", "--timeout=60s"),
                check=True,
                group=group,
            )
        )
    for obj in referenced(objects):
        step = readiness(obj, context, "30s")
        if step is not None:
            steps.append(dataclasses.replace(step, stream=False, group=group, hint="deploy the whole environment first"))
    steps.extend(
        Step(
            f"Secret {namespace}/{name} exists",
            _kubectl(context, "get", "secret", name, "-n", namespace, "-o", "name"),
            check=True,
            hint="no object applied here makes it: deploy the whole environment, or create it (dev: make dev-secrets)",
            group=group,
        )
        for namespace, name in secrets_not_brought(objects)
    )
    return steps


SERVICE_LABEL = "app.kubernetes.io/name"


def select_services(names: Sequence[str], spelling: Spelling = CLI, catalog: Catalog = CATALOG) -> tuple[Service, ...]:
    unknown = [name for name in names if name not in catalog.names]
    if unknown:
        raise ConfigError(
            spelling.services.format(",".join(names)),
            f"no service {', '.join(unknown)}; the services are {', '.join(catalog.names)}",
        )
    return tuple(catalog.get(name) for name in dict.fromkeys(names))


def service_filter(env: Environment, services: Sequence[Service], catalog: Catalog = CATALOG) -> Callable[[dict], bool]:
    """Whether an object is one of these services' own: labelled with one's name, or a Secret
    (or the ExternalSecret making it) that the credentials model makes for one of them."""
    from ecommerce.derived.secret_specs import rabbitmq_user_secret, secret_specs  # see prerequisites

    names = {service.name for service in services}
    rabbitmq_users = {rabbitmq_user_secret(service) for service in services}
    secrets = {
        (spec.namespace, spec.name) for spec in secret_specs(env, catalog) if spec.owner in names or spec.name in rabbitmq_users
    }

    def owned(obj: dict) -> bool:
        meta = obj["metadata"]
        if meta.get("labels", {}).get(SERVICE_LABEL) in names:
            return True
        return obj["kind"] in ("ExternalSecret", "Secret") and (meta.get("namespace", ""), meta["name"]) in secrets

    return owned


def partial_note(services: Sequence[Service], spelling: Spelling) -> str:
    shown = ",".join(service.name for service in services)
    return (
        f"{spelling.services.format(shown)}: only these services' own objects; nothing is pruned "
        "(only a deploy of the whole environment prunes what left dist/)"
    )


def _waves(folder: Path, owned: Callable[[dict], bool] | None) -> list[tuple[Path, list[dict], Group]]:
    waves = []
    for path in manifest_files(folder):
        objects = [obj for obj in objects_of(path) if owned is None or owned(obj)]
        if objects:
            kinds = collections.Counter(obj["kind"] for obj in objects)
            detail = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
            waves.append((path, objects, Group(path.name.removesuffix(".k8s.yaml"), detail)))
    return waves


def applyset_name(env: Environment) -> str:
    return f"e-commerce-{env.name}"


def applyset_id(name: str, namespace: str = "", kind: str = APPLYSET_KIND, group: str = APPLYSET_GROUP) -> str:
    """The ID kubectl gives a parent, which labels its members: base64url(sha256(<name>.<namespace>.<kind>.<group>))."""
    digest = hashlib.sha256(f"{name}.{namespace}.{kind}.{group}".encode()).digest()
    return f"applyset-{base64.urlsafe_b64encode(digest).decode().rstrip('=')}-v1"


def applyset_crd() -> dict:
    """The parent type: cluster-scoped, empty, labelled so that kubectl accepts it as a parent."""
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": APPLYSET_RESOURCE, "labels": {"applyset.kubernetes.io/is-parent-type": "true"}},
        "spec": {
            "group": APPLYSET_GROUP,
            "names": {"kind": APPLYSET_KIND, "listKind": f"{APPLYSET_KIND}List", "plural": "applysets", "singular": "applyset"},
            "scope": "Cluster",
            "versions": [
                {
                    "name": "v1",
                    "served": True,
                    "storage": True,
                    "schema": {"openAPIV3Schema": {"type": "object", "properties": {"spec": {"type": "object"}}}},
                }
            ],
        },
    }


def applyset_parent(name: str) -> dict:
    """A new, empty set: kubectl refuses a parent without its tooling and its list of kinds."""
    return {
        "apiVersion": f"{APPLYSET_GROUP}/v1",
        "kind": APPLYSET_KIND,
        "metadata": {
            "name": name,
            "labels": {"applyset.kubernetes.io/id": applyset_id(name)},
            "annotations": {
                # kubectl reads only the tool's name, and writes its own version on every apply.
                "applyset.kubernetes.io/tooling": "kubectl/v1.32",
                "applyset.kubernetes.io/contains-group-kinds": "",
            },
        },
    }


def labelled(objects: Sequence[dict], set_id: str) -> str:
    """The objects as kubectl labels them when it applies them as members of the set."""
    members = []
    for obj in objects:
        meta = obj["metadata"]
        members.append({**obj, "metadata": {**meta, "labels": {**meta.get("labels", {}), PART_OF: set_id}}})
    return yaml.dump_all(members, Dumper=_DUMPER, sort_keys=False)


def _apply(force: bool) -> tuple[str, ...]:
    return ("apply", "--server-side", f"--field-manager={FIELD_MANAGER}", *(("--force-conflicts",) if force else ()))


def _conflict_hint(force: bool, spelling: Spelling) -> str:
    if force:
        return ""
    return (
        "if kubectl reports conflicts, another manager (an operator, a person's kubectl edit) owns fields we set: "
        f"check them, then take them over with {spelling.force}"
    )


def _rollback(obj: dict, context: str) -> Step | None:
    """How to undo a Deployment's rollout that never became healthy."""
    kind, name, namespace = _ref(obj)
    if kind != "Deployment":
        return None
    return Step(
        f"Deployment {namespace}/{name} back to its previous revision (kubectl rollout undo)",
        _kubectl(context, "rollout", "undo", f"deployment/{name}", "-n", namespace),
    )


def deploy_plan(
    env: Environment,
    folder: Path,
    context: str | None = None,
    force: bool = False,
    spelling: Spelling = CLI,
    services: Sequence[str] = (),
) -> list[Step]:
    """Check what the cluster must offer, then apply each wave's file in order, server-side,
    waiting for it to work before the next (a Deployment that does not is rolled back); then
    prune, through the environment's ApplySet, what is no longer in the folder.

    With `services`, only those services' own objects are applied, and nothing is pruned: the
    ApplySet's pruning deletes every member missing from what it is given."""
    context = context or env.target_cluster.name
    chosen = select_services(services, spelling) if services else ()
    waves = _waves(folder, service_filter(env, chosen) if chosen else None)
    name = applyset_name(env)
    set_id = applyset_id(name)
    hint = _conflict_hint(force, spelling)
    checks = Group("prerequisites")
    actions: list[Step] = []
    if not chosen:
        parent_exists = _kubectl(context, "get", f"{APPLYSET_RESOURCE}/{name}", "-o", "name")
        applyset = Group("ApplySet", f"{APPLYSET_RESOURCE}/{name}")
        actions += [
            Step(
                f"the ApplySet parent type {APPLYSET_RESOURCE} is installed",
                _kubectl(context, *_apply(force), "-f", "-"),
                stdin=yaml.safe_dump(applyset_crd(), sort_keys=False),
                stdin_note=f"CustomResourceDefinition {APPLYSET_RESOURCE}",
                hint=hint,
                group=applyset,
            ),
            Step(
                f"{APPLYSET_RESOURCE} is established",
                _kubectl(context, "wait", f"crd/{APPLYSET_RESOURCE}", "--for=condition=Established", "--timeout=60s"),
                stream=True,
                group=applyset,
            ),
            Step(
                f"the ApplySet {name} exists",
                _kubectl(context, "apply", "--server-side", f"--field-manager={APPLYSET_MANAGER}", "-f", "-"),
                stdin=yaml.safe_dump(applyset_parent(name), sort_keys=False),
                stdin_note=f"{APPLYSET_KIND} {name}, an empty set",
                unless=parent_exists,
                group=applyset,
            ),
        ]
    for path, objects, group in waves:
        for obj in objects:
            kind, job, namespace = _ref(obj)
            if kind == "Job":
                actions.append(
                    Step(
                        f"replace Job {namespace}/{job}",
                        _kubectl(context, "delete", "job", job, "-n", namespace, "--ignore-not-found", "--wait=true"),
                        group=group,
                    )
                )
        # A partial deploy applies its objects as members of the set too, so that it never
        # takes them out of it (server-side apply drops a label its field manager stops sending).
        actions.append(
            Step(
                f"apply {path.name}" + (f" ({', '.join(s.name for s in chosen)} only)" if chosen else ""),
                _kubectl(context, *_apply(force), "-f", "-"),
                stream=True,
                stdin=labelled(objects, set_id),
                stdin_note=f"{path}{' (the chosen services only)' if chosen else ''}, each object labelled {PART_OF}={set_id}",
                hint=hint,
                group=group,
            )
        )
        # A wave that does not work stops the deploy: the next one depends on it, and nothing
        # may be pruned after a failure.
        actions.extend(
            dataclasses.replace(step, check=False, group=group, undo=_rollback(obj, context))
            for obj in objects
            if (step := readiness(obj, context, "15m")) is not None
        )
    if not chosen:
        actions.append(
            Step(
                f"prune what left {folder.name}/ (ApplySet {name})",
                _kubectl(context, *_apply(force), f"--applyset={APPLYSET_RESOURCE}/{name}", "--prune", "-f", str(folder)),
                stream=True,
                env=APPLYSET_ENV,
                hint=hint,
                group=Group("prune", f"ApplySet {name}"),
            )
        )
    # kubectl itself first: without it, the context check would fail with a misleading hint.
    return [
        kubectl_version_check(actions, checks),
        dataclasses.replace(context_check(context, spelling), group=checks),
        reachable(context, checks),
        *prerequisites(env, [obj for _, objects, _ in waves for obj in objects], context, checks),
        *actions,
    ]


def diff_plan(
    env: Environment, folder: Path, context: str | None = None, force: bool = False, spelling: Spelling = CLI
) -> list[Step]:
    """What `deploy_plan` would change on the cluster: a server-side diff of the same input."""
    context = context or env.target_cluster.name
    objects = [obj for path in manifest_files(folder) for obj in objects_of(path)]
    return [
        context_check(context, spelling),
        Step(
            f"what applying {folder.name}/ would change on {context}",
            _kubectl(context, "diff", "--server-side", f"--field-manager={FIELD_MANAGER}", *_apply(force)[3:], "-f", "-"),
            stream=True,
            ok_codes=(0, 1),
            stdin=labelled(objects, applyset_id(applyset_name(env))),
            stdin_note=f"every file of {folder}, labelled as members of the ApplySet {applyset_name(env)}",
            hint=_conflict_hint(force, spelling),
        ),
    ]


def verify_plan(
    env: Environment, folder: Path, context: str | None = None, spelling: Spelling = CLI, services: Sequence[str] = ()
) -> list[Step]:
    """Check, without changing anything, that everything that should be ready is (of the chosen
    services only, with `services`)."""
    context = context or env.target_cluster.name
    chosen = select_services(services, spelling) if services else ()
    waves = _waves(folder, service_filter(env, chosen) if chosen else None)
    steps = [context_check(context, spelling)]
    if any(obj["kind"] == "HorizontalPodAutoscaler" for _, objects, _ in waves for obj in objects):
        steps.append(
            Step(
                f"the resource metrics API ({METRICS_API}, metrics-server) is available for the autoscalers",
                _kubectl(context, "wait", f"apiservice/{METRICS_API}", "--for=condition=Available", "--timeout=60s"),
                check=True,
                stream=True,
            )
        )
    for _, objects, group in waves:
        steps.extend(
            dataclasses.replace(step, group=group) for obj in objects if (step := readiness(obj, context, "60s")) is not None
        )
    return steps


def needs_confirmation(env: Environment) -> bool:
    """Deleting a production-like environment (one that runs only pinned images) takes its name."""
    return env.require_pinned_images


def cleanup_plan(
    env: Environment, folder: Path, confirm: str | None, context: str | None = None, spelling: Spelling = CLI
) -> list[Step]:
    """Delete the environment, last wave first, then its ApplySet."""
    if needs_confirmation(env) and confirm != env.name:
        given = f": {spelling.confirm.format(confirm)} names another one" if confirm else ""
        raise ConfigError(
            f"cleanup {env.name}",
            f"refusing to delete {env.name}, a production-like environment (it runs only pinned images){given}; "
            f"to delete it, run: {spelling.run('cleanup', env.name, spelling.confirm.format(env.name))}",
        )
    context = context or env.target_cluster.name
    name = applyset_name(env)
    deletes = [
        Step(
            f"delete {path.name}",
            _kubectl(context, "delete", "--ignore-not-found", "--wait=true", "-f", str(path)),
            stream=True,
        )
        for path in reversed(manifest_files(folder))
    ]
    parent = Step(
        f"delete the ApplySet {name}",
        _kubectl(context, "delete", f"{APPLYSET_RESOURCE}/{name}", "--ignore-not-found"),
        only_if=_kubectl(context, "get", f"{APPLYSET_RESOURCE}/{name}", "-o", "name"),
    )
    return [context_check(context, spelling), *deletes, parent]


class Execute(Protocol):
    """Runs a command, handing each line of its output (stdout and stderr) to `on_line` as it comes."""

    def __call__(
        self, args: Sequence[str], *, env: Mapping[str, str], stdin: str | None, on_line: Callable[[str], None]
    ) -> int: ...


def _feed(pipe: IO[str], text: str) -> None:
    with contextlib.suppress(BrokenPipeError), pipe:
        pipe.write(text)


def execute(args: Sequence[str], *, env: Mapping[str, str], stdin: str | None, on_line: Callable[[str], None]) -> int:
    try:
        process = subprocess.Popen(
            list(args),
            stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, **env},
        )
    except OSError as error:
        on_line(f"{args[0]}: {error.strerror}")
        return 127
    feeder = None
    if stdin is not None and process.stdin is not None:
        # Fed from a thread: a command may write before it has read all of its input.
        feeder = threading.Thread(target=_feed, args=(process.stdin, stdin), daemon=True)
        feeder.start()
    assert process.stdout is not None
    with process.stdout:
        for line in process.stdout:
            on_line(line.rstrip("\n"))
    code = process.wait()
    if feeder is not None:
        feeder.join()
    return code


def _quiet(run_command: Execute, args: Sequence[str]) -> int:
    return run_command(args, env={}, stdin=None, on_line=lambda _line: None)


class _Output:
    """A step's output: keeps its last line (a failure's reason) and, when streaming, shows each
    line as it comes, and a line of its own after each `heartbeat` seconds of silence (kubectl
    wait prints nothing until it is done)."""

    def __init__(self, stream: bool, heartbeat: float, keep: bool = False) -> None:
        self.last = ""
        # Every line, for a step whose whole output is judged.
        self.keep = keep
        self.lines: list[str] = []
        self.stream = stream
        self.heartbeat = heartbeat
        self.started = self.heard = time.monotonic()
        self.done = threading.Event()
        self.lock = threading.Lock()

    def line(self, line: str) -> None:
        with self.lock:
            self.heard = time.monotonic()
            if line.strip():
                self.last = line.strip()
            if self.keep:
                self.lines.append(line)
            if self.stream:
                print(f"      {line}", flush=True)

    def __enter__(self) -> _Output:
        if self.stream:
            threading.Thread(target=self._beat, daemon=True).start()
        return self

    def __exit__(self, *_: object) -> None:
        self.done.set()

    def _beat(self) -> None:
        while not self.done.wait(self.heartbeat):
            with self.lock:
                now = time.monotonic()
                if now - self.heard >= self.heartbeat and not self.done.is_set():
                    print(f"      (still running after {now - self.started:.0f}s)", flush=True)
                    self.heard = now


# SGR codes of each status word, shown only on a terminal.
_COLOURS = {"ok": "32", "FAIL": "1;31", "STOP": "1;31", "UNDO": "1;33", "...": "36", "skip": "2", "==": "1"}


def colour_wanted(stream: IO[str], tty: bool | None = None) -> bool:
    """Colour on a terminal (`tty` overrides what the stream says), never with NO_COLOR set
    (https://no-color.org) or on a dumb terminal."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty() if tty is None else tty


def _elapsed(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}m{seconds:02d}s"


class _Report:
    """One line per event, its status word coloured when the stream is a terminal."""

    def __init__(self, tty: bool | None) -> None:
        self.tty = tty
        self.group: Group | None = None
        self.group_started = 0.0

    def __call__(self, status: str, text: str, error: bool = False) -> None:
        stream = sys.stderr if error else sys.stdout
        word = status.ljust(5)
        if colour_wanted(stream, self.tty):
            word = f"\033[{_COLOURS[status]}m{status}\033[0m" + " " * (5 - len(status))
        print(f"{word} {text}", file=stream, flush=True)

    def enter(self, group: Group | None) -> None:
        if group == self.group:
            return
        self.leave()
        self.group, self.group_started = group, time.monotonic()
        if group is not None:
            self("==", f"{group.name}: {group.detail}" if group.detail else group.name)

    def leave(self, stopped: bool = False) -> None:
        if self.group is not None:
            took = _elapsed(time.monotonic() - self.group_started)
            self("==", f"{self.group.name} {'stopped after' if stopped else 'done in'} {took}", error=stopped)
        self.group = None


def run(steps: Sequence[Step], run_command: Execute = execute, heartbeat: float = 30.0, tty: bool | None = None) -> int:
    """Runs the steps, reporting each; stops at the first failed action, reports every failed
    check, and runs no action after a failed check (prerequisites are all reported, then the
    deploy stops before it changes anything). A failed step's `undo` runs before the stop.

    The output of a streamed step (a wait, an apply) is shown as it comes, indented under it.
    """
    report = _Report(tty)
    failures = 0
    for step in steps:
        if failures and not step.check:
            report.leave(stopped=True)
            report("STOP", f"{failures} check{'s' if failures > 1 else ''} failed: stopped before {step.description}", error=True)
            return 1
        report.enter(step.group)
        if step.unless and _quiet(run_command, step.unless) == 0:
            report("ok", f"{step.description} (already)")
            continue
        if step.only_if and _quiet(run_command, step.only_if) != 0:
            report("skip", f"{step.description} (nothing there)")
            continue
        if step.stream:
            report("...", step.description)
        try:
            with _Output(step.stream, heartbeat, keep=step.expect is not None) as output:
                code = run_command(step.args, env=dict(step.env), stdin=step.stdin, on_line=output.line)
        except KeyboardInterrupt:
            report("STOP", f"{step.description}: interrupted", error=True)
            return 130
        problem = step.expect.problem("\n".join(output.lines)) if step.expect is not None and code in step.ok_codes else None
        if code in step.ok_codes and problem is None:
            report("ok", step.description)
            continue
        report("FAIL", f"{step.description}: {problem or output.last or f'exit {code}'}", error=True)
        if step.hint:
            print(f"      {step.hint}", file=sys.stderr, flush=True)
        failures += 1
        if not step.check:
            if step.undo is not None:
                undo = _Output(False, heartbeat)
                undone = run_command(step.undo.args, env={}, stdin=None, on_line=undo.line)
                if undone == 0:
                    report("UNDO", f"rolled {step.undo.description}", error=True)
                else:
                    report("FAIL", f"could not roll {step.undo.description}: {undo.last or f'exit {undone}'}", error=True)
            report.leave(stopped=True)
            return 1
    report.leave(stopped=bool(failures))
    if failures:
        print(f"{failures} of {len(steps)} checks failed", file=sys.stderr)
    return 1 if failures else 0


@dataclass(frozen=True)
class ArgoCdPlan:
    """How the pipeline deploys an environment through Argo CD, read from its bootstrap."""

    # Qualified as the CLI takes an Application outside Argo CD's namespace: <namespace>/<name>.
    root: str
    app: str
    # Synced by Argo CD itself from its branch: the pipeline only waits for it, since Argo CD
    # refuses `sync --revision` and `rollback` on such an Application, and a changed sync
    # policy would be put back by the root's self-heal.
    automated: bool
    # The add-ons' Applications, which sync themselves and must be healthy before the platform.
    add_ons_selector: str

    def outputs(self) -> str:
        """For $GITHUB_OUTPUT."""
        automated = "true" if self.automated else "false"
        return f"root={self.root}\napp={self.app}\nautomated={automated}\nadd_ons={self.add_ons_selector}\n"


def argocd_plan(env: Environment, folder: Path) -> ArgoCdPlan:
    path = folder / "argocd" / "bootstrap.k8s.yaml"
    if not path.is_file():
        raise ConfigError(str(path), "no Argo CD bootstrap: run `make synth` first")
    namespace = env.argocd.apps_namespace
    applications = {
        f"{namespace}/{obj['metadata']['name']}": obj
        for obj in objects_of(path)
        if obj["kind"] == "Application" and obj["metadata"].get("namespace") == namespace
    }
    root, app = f"{namespace}/e-commerce-{env.name}-root", f"{namespace}/e-commerce-{env.name}"
    missing = sorted({root, app} - applications.keys())
    if missing:
        raise ConfigError(str(path), f"no Application {', '.join(missing)}")

    def automated(name: str) -> bool:
        return bool(applications[name]["spec"].get("syncPolicy", {}).get("automated"))

    if automated(app) != automated(root):
        raise ConfigError(str(path), f"{root} and {app} must both sync themselves or both be synced by the pipeline")
    return ArgoCdPlan(root, app, automated(app), f"environment={env.name},app.kubernetes.io/component={ADD_ON_COMPONENT}")
