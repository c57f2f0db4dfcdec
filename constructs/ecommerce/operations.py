"""deploy / verify / cleanup of an environment with kubectl, for people without Argo CD.

The plans are plain data derived from dist/<env>, so their order and their readiness
checks are unit-tested; `run` executes a plan. None of this has run against a live
cluster here (see README).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from .environments import Environment
from .errors import ConfigError
from .project import ADD_ON_COMPONENT, ARGOCD_NAMESPACE

FIELD_MANAGER = "e-commerce-platform"
# Jobs are immutable: a changed one must be replaced, and a finished one re-run.
HOOK = "argocd.argoproj.io/hook"


@dataclass(frozen=True)
class Step:
    description: str
    args: tuple[str, ...]
    # A check that may fail without stopping what follows (verify reports them all).
    check: bool = False


def manifest_files(folder: Path) -> list[Path]:
    """The environment's files in apply order (their names start with the wave)."""
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise ConfigError(str(folder), "no manifests: run `make synth` first")
    return files


def objects_of(path: Path) -> list[dict]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


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
        "ClusterIssuer": ("wait", f"clusterissuer/{name}", "--for=condition=Ready", f"--timeout={timeout}"),
    }
    if kind == "Job" and annotations.get(HOOK):
        return Step(
            f"{kind} {namespace}/{name} completes",
            _kubectl(context, "wait", f"job/{name}", *where, "--for=condition=complete", f"--timeout={timeout}"),
            True,
        )
    if kind not in waits:
        return None
    target = f"{namespace}/{name}" if namespace else name
    return Step(f"{kind} {target} is ready", _kubectl(context, *waits[kind]), True)


# HorizontalPodAutoscalers read CPU and memory from the resource metrics API, which
# metrics-server serves; no add-on of ours installs it (most managed clusters ship it).
METRICS_API = "v1beta1.metrics.k8s.io"


def prerequisites(folder: Path, context: str, check: bool) -> list[Step]:
    """What the cluster must already offer for these manifests to work."""
    objects = [obj for path in manifest_files(folder) for obj in objects_of(path)]
    steps = []
    if any(obj["kind"] == "HorizontalPodAutoscaler" for obj in objects):
        steps.append(
            Step(
                f"the resource metrics API ({METRICS_API}, metrics-server) is available for the autoscalers",
                _kubectl(context, "wait", f"apiservice/{METRICS_API}", "--for=condition=Available", "--timeout=60s"),
                check,
            )
        )
    return steps


def deploy_plan(env: Environment, folder: Path, context: str | None = None) -> list[Step]:
    """Apply each wave's file in order, server-side, waiting for it to work before the next."""
    context = context or env.target_cluster.name
    steps: list[Step] = prerequisites(folder, context, check=False)
    for path in manifest_files(folder):
        objects = objects_of(path)
        for obj in objects:
            kind, name, namespace = _ref(obj)
            if kind == "Job":
                steps.append(
                    Step(
                        f"replace Job {namespace}/{name}",
                        _kubectl(context, "delete", "job", name, "-n", namespace, "--ignore-not-found", "--wait=true"),
                    )
                )
        steps.append(
            Step(
                f"apply {path.name}",
                _kubectl(
                    context, "apply", "--server-side", f"--field-manager={FIELD_MANAGER}", "--force-conflicts", "-f", str(path)
                ),
            )
        )
        steps.extend(step for obj in objects if (step := readiness(obj, context, "15m")) is not None)
    return steps


def verify_plan(env: Environment, folder: Path, context: str | None = None) -> list[Step]:
    """Check, without changing anything, that everything that should be ready is."""
    context = context or env.target_cluster.name
    steps = prerequisites(folder, context, check=True)
    for path in manifest_files(folder):
        steps.extend(step for obj in objects_of(path) if (step := readiness(obj, context, "60s")) is not None)
    return steps


def cleanup_plan(env: Environment, folder: Path, confirm: str | None, context: str | None = None) -> list[Step]:
    """Delete the environment, last wave first. Prod only with its name given as confirmation."""
    if env.require_pinned_images and confirm != env.name:
        raise ConfigError(
            f"cleanup {env.name}",
            f"refusing to delete a production-like environment; confirm with --confirm {env.name}",
        )
    context = context or env.target_cluster.name
    return [
        Step(f"delete {path.name}", _kubectl(context, "delete", "--ignore-not-found", "--wait=true", "-f", str(path)))
        for path in reversed(manifest_files(folder))
    ]


def run(steps: Sequence[Step], execute: Callable[[Sequence[str]], subprocess.CompletedProcess[str]] | None = None) -> int:
    """Runs the steps, reporting each; stops at the first failed action, reports every failed check."""
    execute = execute or (lambda args: subprocess.run(list(args), capture_output=True, text=True))
    failures = 0
    for step in steps:
        result = execute(step.args)
        if result.returncode == 0:
            print(f"ok    {step.description}")
            continue
        reason = (result.stderr or result.stdout).strip().splitlines()
        print(f"FAIL  {step.description}: {reason[-1] if reason else f'exit {result.returncode}'}", file=sys.stderr)
        failures += 1
        if not step.check:
            return 1
    if failures:
        print(f"{failures} of {len(steps)} checks failed", file=sys.stderr)
    return 1 if failures else 0


@dataclass(frozen=True)
class ArgoCdPlan:
    """How the pipeline deploys an environment through Argo CD, read from its bootstrap."""

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
    applications = {
        obj["metadata"]["name"]: obj
        for obj in objects_of(path)
        if obj["kind"] == "Application" and obj["metadata"].get("namespace") == ARGOCD_NAMESPACE
    }
    root, app = f"e-commerce-{env.name}-root", f"e-commerce-{env.name}"
    missing = sorted({root, app} - applications.keys())
    if missing:
        raise ConfigError(str(path), f"no Application {', '.join(missing)}")

    def automated(name: str) -> bool:
        return bool(applications[name]["spec"].get("syncPolicy", {}).get("automated"))

    if automated(app) != automated(root):
        raise ConfigError(str(path), f"{root} and {app} must both sync themselves or both be synced by the pipeline")
    return ArgoCdPlan(root, app, automated(app), f"environment={env.name},app.kubernetes.io/component={ADD_ON_COMPONENT}")
