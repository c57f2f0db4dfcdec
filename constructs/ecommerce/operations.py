"""deploy / diff / verify / cleanup of an environment with kubectl, for people without Argo CD.

The plans are plain data derived from dist/<env>, so their order, flags, readiness checks
and pruning are unit-tested; `run` executes a plan, showing the output of its waits as it
comes. None of this has run against a live cluster here (see README).
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import hashlib
import os
import shlex
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

import yaml

from .environments import Environment
from .errors import ConfigError
from .project import ADD_ON_COMPONENT

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

    def run(self, action: str, env: str, *options: str) -> str:
        return " ".join((self.command.format(action=action, env=env), *options))


CLI = Spelling("python scripts/platformctl.py {action} {env}", "--context {}", "--confirm {}", "--force-conflicts")
MAKE = Spelling("make {action} ENV={env}", "CONTEXT={}", "CONFIRM={}", "FORCE=1")


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

    def shell(self) -> str:
        """The step as one shell line, for --dry-run."""
        command = shlex.join(self.args)
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
            check=True,
            stream=True,
        )
    if kind not in waits:
        return None
    target = f"{namespace}/{name}" if namespace else name
    return Step(f"{kind} {target} is ready", _kubectl(context, *waits[kind]), check=True, stream=True)


# HorizontalPodAutoscalers read CPU and memory from the resource metrics API, which
# metrics-server serves; no add-on of ours installs it (most managed clusters ship it).
METRICS_API = "v1beta1.metrics.k8s.io"


def context_check(context: str, spelling: Spelling) -> Step:
    """First of every plan: without the context each later step would fail on its own."""
    return Step(
        f"kubectl context {context} exists",
        ("kubectl", "config", "get-contexts", context),
        hint=f"add it to your kubeconfig, or name another context with {spelling.context.format('<name>')}",
    )


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
                stream=True,
            )
        )
    return steps


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


def deploy_plan(
    env: Environment, folder: Path, context: str | None = None, force: bool = False, spelling: Spelling = CLI
) -> list[Step]:
    """Apply each wave's file in order, server-side, waiting for it to work before the next; then
    prune, through the environment's ApplySet, what is no longer in the folder."""
    context = context or env.target_cluster.name
    files = manifest_files(folder)
    name = applyset_name(env)
    set_id = applyset_id(name)
    hint = _conflict_hint(force, spelling)
    parent_exists = _kubectl(context, "get", f"{APPLYSET_RESOURCE}/{name}", "-o", "name")
    steps = [
        context_check(context, spelling),
        *prerequisites(folder, context, check=False),
        Step(
            f"the ApplySet parent type {APPLYSET_RESOURCE} is installed",
            _kubectl(context, *_apply(force), "-f", "-"),
            stdin=yaml.safe_dump(applyset_crd(), sort_keys=False),
            stdin_note=f"CustomResourceDefinition {APPLYSET_RESOURCE}",
            hint=hint,
        ),
        Step(
            f"{APPLYSET_RESOURCE} is established",
            _kubectl(context, "wait", f"crd/{APPLYSET_RESOURCE}", "--for=condition=Established", "--timeout=60s"),
            stream=True,
        ),
        Step(
            f"the ApplySet {name} exists",
            _kubectl(context, "apply", "--server-side", f"--field-manager={APPLYSET_MANAGER}", "-f", "-"),
            stdin=yaml.safe_dump(applyset_parent(name), sort_keys=False),
            stdin_note=f"{APPLYSET_KIND} {name}, an empty set",
            unless=parent_exists,
        ),
    ]
    for path in files:
        objects = objects_of(path)
        for obj in objects:
            kind, job, namespace = _ref(obj)
            if kind == "Job":
                steps.append(
                    Step(
                        f"replace Job {namespace}/{job}",
                        _kubectl(context, "delete", "job", job, "-n", namespace, "--ignore-not-found", "--wait=true"),
                    )
                )
        steps.append(
            Step(
                f"apply {path.name}",
                _kubectl(context, *_apply(force), "-f", "-"),
                stream=True,
                stdin=labelled(objects, set_id),
                stdin_note=f"{path}, each object labelled {PART_OF}={set_id}",
                hint=hint,
            )
        )
        # A wave that does not work stops the deploy: the next one depends on it, and nothing
        # may be pruned after a failure.
        steps.extend(
            dataclasses.replace(step, check=False) for obj in objects if (step := readiness(obj, context, "15m")) is not None
        )
    steps.append(
        Step(
            f"prune what left {folder.name}/ (ApplySet {name})",
            _kubectl(context, *_apply(force), f"--applyset={APPLYSET_RESOURCE}/{name}", "--prune", "-f", str(folder)),
            stream=True,
            env=APPLYSET_ENV,
            hint=hint,
        )
    )
    return steps


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


def verify_plan(env: Environment, folder: Path, context: str | None = None, spelling: Spelling = CLI) -> list[Step]:
    """Check, without changing anything, that everything that should be ready is."""
    context = context or env.target_cluster.name
    steps = [context_check(context, spelling), *prerequisites(folder, context, check=True)]
    for path in manifest_files(folder):
        steps.extend(step for obj in objects_of(path) if (step := readiness(obj, context, "60s")) is not None)
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

    def __init__(self, stream: bool, heartbeat: float) -> None:
        self.last = ""
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


def run(steps: Sequence[Step], run_command: Execute = execute, heartbeat: float = 30.0) -> int:
    """Runs the steps, reporting each; stops at the first failed action, reports every failed check.

    The output of a streamed step (a wait, an apply) is shown as it comes, indented under it.
    """
    failures = 0
    for step in steps:
        if step.unless and _quiet(run_command, step.unless) == 0:
            print(f"ok    {step.description} (already)", flush=True)
            continue
        if step.only_if and _quiet(run_command, step.only_if) != 0:
            print(f"skip  {step.description} (nothing there)", flush=True)
            continue
        if step.stream:
            print(f"...   {step.description}", flush=True)
        try:
            with _Output(step.stream, heartbeat) as output:
                code = run_command(step.args, env=dict(step.env), stdin=step.stdin, on_line=output.line)
        except KeyboardInterrupt:
            print(f"STOP  {step.description}: interrupted", file=sys.stderr, flush=True)
            return 130
        if code in step.ok_codes:
            print(f"ok    {step.description}", flush=True)
            continue
        print(f"FAIL  {step.description}: {output.last or f'exit {code}'}", file=sys.stderr, flush=True)
        if step.hint:
            print(f"      {step.hint}", file=sys.stderr, flush=True)
        failures += 1
        if not step.check:
            return 1
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
