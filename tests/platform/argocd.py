"""What Argo CD does with the bootstrap (dist/<env>/argocd) and with what each Application renders.

The rules follow Argo CD's own code (argoproj/argo-cd):
- pkg/apis/application/v1alpha1/app_project_types.go, `IsGroupKindPermitted`: a cluster-scoped
  kind must be in `clusterResourceWhitelist` (and not in the blacklist); a namespaced kind passes
  unless `namespaceResourceWhitelist` is set without it, or it is blacklisted;
  `isDestinationMatched`: server and namespace globs, `!` for deny;
- util/argo/argo.go, `ValidatePermissions`: the Application's own destination (its namespace may
  be empty) and source repository must be permitted too;
- server/application/application.go, `Sync`: "Cannot sync to <rev>: auto-sync currently set to
  <targetRevision>"; `Rollback`: "rollback cannot be initiated when auto-sync is enabled";
- since 1.8 an Application's health is not assessed (argoproj/argo-cd#3781) unless argocd-cm
  holds the `resource.customizations.health.argoproj.io_Application` Lua script: without it an
  app of apps' sync waves do not wait for the child Applications to be healthy.

Each check is a pure function over lists of objects.
"""

from __future__ import annotations

import fnmatch
import itertools
import re
import shlex
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ecommerce.addons import ADD_ONS
from tests.platform.addons import is_namespaced

WAVE = "argocd.argoproj.io/sync-wave"
HEALTH_KEY = "resource.customizations.health.argoproj.io_Application"
# Namespaces every cluster has before Argo CD syncs anything (argocd: where Argo CD runs).
PREEXISTING_NAMESPACES = frozenset({"default", "kube-system", "kube-public", "kube-node-lease", "argocd"})


def group_of(obj: dict) -> str:
    return obj["apiVersion"].rpartition("/")[0]


def applications(bootstrap: Iterable[dict]) -> dict[str, dict]:
    return {doc["metadata"]["name"]: doc for doc in bootstrap if doc.get("kind") == "Application"}


def projects(bootstrap: Iterable[dict]) -> dict[str, dict]:
    return {doc["metadata"]["name"]: doc for doc in bootstrap if doc.get("kind") == "AppProject"}


def rendered_by_application(bootstrap: list[dict], ours: list[dict], addons: Mapping[str, list[dict]]) -> dict[str, list[dict]]:
    """Application name -> the objects it syncs: the root its folder (the bootstrap itself), the
    platform Application dist/<env>, each add-on Application its rendered chart or manifest."""
    by_source = {}
    for add_on in ADD_ONS:
        by_source[("chart", add_on.chart)] = add_on.name
        by_source[("path", add_on.path)] = add_on.name
    rendered = {}
    for name, app in applications(bootstrap).items():
        source = app["spec"]["source"]
        path = source.get("path", "")
        if "chart" in source:
            rendered[name] = addons[by_source[("chart", source["chart"])]]
        elif ("path", path) in by_source:
            rendered[name] = addons[by_source[("path", path)]]
        elif re.fullmatch(r"dist/[^/]+/argocd", path):
            rendered[name] = list(bootstrap)
        elif re.fullmatch(r"dist/[^/]+", path):
            rendered[name] = list(ours)
        else:
            raise ValueError(f"Application {name}: no rendered content for source {source}")
    return rendered


def _glob(pattern: str, value: str) -> bool:
    if pattern == "*":
        return True
    return fnmatch.fnmatchcase(value, pattern)


def _matches(pattern: str, value: str) -> bool:
    return not _glob(pattern[1:], value) if pattern.startswith("!") else _glob(pattern, value)


def destination_permitted(project: dict, server: str, namespace: str) -> bool:
    """AppProject.isDestinationMatched: some destination matches, and no deny pattern refuses."""
    matched, denied = False, False
    for item in project["spec"].get("destinations", []):
        server_ok = bool(server) and _matches(item.get("server", ""), server)
        namespace_ok = _matches(item.get("namespace", ""), namespace)
        if server_ok and namespace_ok:
            matched = True
        elif (not server_ok and item.get("server", "").startswith("!")) or (
            not namespace_ok and item.get("namespace", "").startswith("!")
        ):
            denied = True
    return matched and not denied


def _in_list(group: str, kind: str, entries: Iterable[dict]) -> bool:
    return any(_glob(e.get("group", ""), group) and _glob(e.get("kind", ""), kind) for e in entries)


def kind_permitted(project: dict, group: str, kind: str, namespaced: bool) -> bool:
    """AppProject.IsGroupKindPermitted."""
    spec = project["spec"]
    if namespaced:
        whitelist = spec.get("namespaceResourceWhitelist")
        allowed = whitelist is None or (len(whitelist) > 0 and _in_list(group, kind, whitelist))
        return allowed and not _in_list(group, kind, spec.get("namespaceResourceBlacklist") or [])
    whitelist = spec.get("clusterResourceWhitelist") or []
    return _in_list(group, kind, whitelist) and not _in_list(group, kind, spec.get("clusterResourceBlacklist") or [])


def _normalize_repo(url: str) -> str:
    return url.lower().removesuffix("/").removesuffix(".git")


def project_failures(
    bootstrap: list[dict], rendered: Mapping[str, list[dict]], crd_scopes: Mapping[tuple[str, str], str]
) -> list[str]:
    """Every Application's source and destination, and every object it renders, against its AppProject.
    `crd_scopes`: (group, kind) -> Namespaced or Cluster of the custom kinds (the add-ons' CRDs)."""
    failures = []
    all_projects = projects(bootstrap)
    for name, app in applications(bootstrap).items():
        spec = app["spec"]
        project = all_projects.get(spec.get("project", "default"))
        if project is None:
            failures.append(f"Application {name}: AppProject {spec.get('project')} is not in the bootstrap")
            continue
        where = f"Application {name} (AppProject {project['metadata']['name']})"
        repos = [_normalize_repo(r) for r in project["spec"].get("sourceRepos", [])]
        if not any(_matches(r, _normalize_repo(spec["source"]["repoURL"])) for r in repos):
            failures.append(f"{where}: source {spec['source']['repoURL']} is not in sourceRepos")
        destination = spec["destination"]
        server, default_namespace = destination.get("server", ""), destination.get("namespace", "")
        if not destination_permitted(project, server, default_namespace):
            failures.append(
                f"{where}: destination server {server!r} and namespace {default_namespace!r} match no destination "
                "of the project (InvalidSpecError: the Application is never synced)"
            )
        for obj in rendered.get(name, []):
            group, kind = group_of(obj), obj["kind"]
            label = f"{kind}/{obj['metadata'].get('name')}"
            namespaced = is_namespaced(obj["apiVersion"], kind, lambda: crd_scopes)
            if namespaced is None:
                failures.append(f"{where}: {label}: kind {group}/{kind} has no CustomResourceDefinition here")
                continue
            if not kind_permitted(project, group, kind, namespaced):
                listing = "namespaceResourceWhitelist/Blacklist" if namespaced else "clusterResourceWhitelist"
                failures.append(
                    f"{where}: {label}: {'namespaced' if namespaced else 'cluster-scoped'} kind {group or 'core'}/{kind} "
                    f"is not permitted by {listing}"
                )
                continue
            if namespaced:
                namespace = obj["metadata"].get("namespace") or default_namespace
                if not namespace:
                    failures.append(
                        f"{where}: {label}: namespaced, without a namespace, and the Application has no destination namespace"
                    )
                elif not destination_permitted(project, server, namespace):
                    failures.append(f"{where}: {label}: namespace {namespace} is not a destination of the project")
    return failures


def _create_namespace(app: dict) -> bool:
    return "CreateNamespace=true" in ((app["spec"].get("syncPolicy") or {}).get("syncOptions") or [])


def namespace_owner_failures(bootstrap: list[dict], rendered: Mapping[str, list[dict]]) -> list[str]:
    """Every namespace an Application deploys to has exactly one Application creating it: the
    one whose content holds the Namespace, or whose syncOptions say CreateNamespace=true."""
    creators: dict[str, list[str]] = defaultdict(list)
    used: dict[str, set[str]] = defaultdict(set)
    for name, app in applications(bootstrap).items():
        destination = app["spec"]["destination"].get("namespace")
        created = {
            obj["metadata"]["name"] for obj in rendered.get(name, []) if obj["kind"] == "Namespace" and group_of(obj) == ""
        }
        if _create_namespace(app) and destination:
            created.add(destination)
        for namespace in sorted(created):
            how = "CreateNamespace=true" if namespace == destination and _create_namespace(app) else "Namespace object"
            if (
                namespace == destination
                and _create_namespace(app)
                and any(o["kind"] == "Namespace" and o["metadata"]["name"] == namespace for o in rendered.get(name, []))
            ):
                how = "Namespace object and CreateNamespace=true"
            creators[namespace].append(f"{name} ({how})")
        if destination:
            used[destination].add(name)
        for obj in rendered.get(name, []):
            if obj["metadata"].get("namespace"):
                used[obj["metadata"]["namespace"]].add(name)
    failures = []
    for namespace in sorted(set(used) | set(creators)):
        if namespace in PREEXISTING_NAMESPACES:
            extra = [c for c in creators.get(namespace, [])]
            if extra:
                failures.append(f"namespace {namespace}: exists before Argo CD, yet created by {', '.join(extra)}")
            continue
        owners = creators.get(namespace, [])
        if not owners:
            failures.append(f"namespace {namespace}: used by {', '.join(sorted(used[namespace]))}, created by no Application")
        elif len(owners) > 1:
            failures.append(f"namespace {namespace}: created by {len(owners)} Applications: {', '.join(owners)}")
    return failures


# --- the pipeline ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    """An `argocd app ...` command a pipeline step runs, for one environment."""

    environment: str
    workflow: str
    job: str
    step: str
    verb: str
    # The Application named, or None where a label selector (-l/--selector) picks them.
    app: str | None
    args: tuple[str, ...] = field(default=())
    # Whether the step runs when everything before it succeeded, and when something failed.
    on_success: bool = True
    on_failure: bool = False

    def option(self, *names: str) -> str | None:
        args = list(self.args)
        for index, arg in enumerate(args):
            for name in names:
                if arg == name and index + 1 < len(args):
                    return args[index + 1]
                if arg.startswith(name + "="):
                    return arg.split("=", 1)[1]
        return None

    def targets(self, apps: Mapping[str, dict]) -> list[str]:
        """The Applications the command acts on."""
        if self.app is not None:
            return [self.app]
        selector = self.option("-l", "--selector") or ""
        wanted = dict(term.split("=", 1) for term in selector.split(",") if "=" in term)
        return [
            name
            for name, app in apps.items()
            if all((app["metadata"].get("labels") or {}).get(k) == v for k, v in wanted.items())
        ]

    def __str__(self) -> str:
        target = self.app if self.app is not None else ""
        return (
            f"{self.workflow} job {self.job} step {self.step!r}: argocd app {self.verb} {target} {' '.join(self.args)}".replace(
                "  ", " "
            ).rstrip()
        )


_EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")
_CONTEXT = re.compile(r"\b(inputs|steps|env|github|secrets|vars)\.[A-Za-z0-9_.-]+")


def _value(name: str, context: Mapping[str, str]) -> str:
    return context.get(name, f"unknown:{name}")


def _expand(text: str, context: Mapping[str, str], variables: Mapping[str, str]) -> str:
    text = _EXPRESSION.sub(lambda m: _value(m[1], context) if _CONTEXT.fullmatch(m[1]) else m[0], text)
    for variable, value in variables.items():
        text = re.sub(rf"\$\{{{variable}\}}|\${variable}\b", lambda _m, value=value: value, text)
    return text


def evaluate(condition: str, context: Mapping[str, str], failed: bool) -> bool:
    """A step's `if:` (GitHub Actions expression syntax, the subset workflows here use), in the
    run where an earlier step `failed` or not. A step without `if:` runs only on success."""
    condition = _EXPRESSION.sub(lambda m: m[1], condition.strip())
    if not condition:
        return not failed
    uses_status = any(f in condition for f in ("failure()", "success()", "always()", "cancelled()"))
    tokens = re.findall(r"'[^']*'|&&|\|\||==|!=|!|\(|\)|[A-Za-z_][\w.-]*\(\)|[A-Za-z_][\w.-]*|\d+", condition)
    python = []
    for token in tokens:
        if token == "&&":
            python.append(" and ")
        elif token == "||":
            python.append(" or ")
        elif token == "!":
            python.append(" not ")
        elif token in ("==", "!=", "(", ")") or token.isdigit():
            python.append(token)
        elif token.startswith("'"):
            python.append(repr(token[1:-1]))
        elif token == "failure()":
            python.append(repr(failed))
        elif token == "success()":
            python.append(repr(not failed))
        elif token == "always()":
            python.append("True")
        elif token == "cancelled()":
            python.append("False")
        elif token in ("true", "false"):
            python.append(repr(token == "true"))
        else:
            python.append(repr(_value(token, context)))
    result = bool(eval("".join(python), {"__builtins__": {}}))  # only literals and operators, built above
    return result if uses_status else result and not failed


def _commands_of_steps(
    workflow: str, document: dict, job_name: str, job: dict, environment: str, context: Mapping[str, str]
) -> list[Command]:
    variables = {k: _expand(str(v), context, {}) for k, v in (document.get("env") or {}).items()}
    variables |= {k: _expand(str(v), context, variables) for k, v in (job.get("env") or {}).items()}
    commands = []
    for step in job.get("steps", []):
        if "run" not in step:
            continue
        condition = str(step.get("if", ""))
        on_success, on_failure = evaluate(condition, context, False), evaluate(condition, context, True)
        step_variables = variables | {k: _expand(str(v), context, variables) for k, v in (step.get("env") or {}).items()}
        script = _expand(step["run"], context, step_variables).replace("\\\n", " ")
        for line in script.splitlines():
            line = line.split(" #", 1)[0].strip()
            if not line.startswith("argocd app "):
                continue
            lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
            lexer.whitespace_split = True
            words = list(itertools.takewhile(lambda w: w not in (">", ">>", "|", "||", "&&", ";", "&"), lexer))
            verb, rest = words[2], words[3:]
            app = rest[0] if rest and not rest[0].startswith("-") else None
            args = tuple(rest[1:] if app is not None else rest)
            commands.append(
                Command(environment, workflow, job_name, step.get("name", ""), verb, app, args, on_success, on_failure)
            )
    return commands


def pipeline_commands(workflows: Mapping[str, dict], step_outputs: Callable[[str], Mapping[str, str]]) -> list[Command]:
    """The `argocd app` commands the workflows run, per environment: each job of a triggered
    workflow, with reusable workflows (`uses: ./.github/workflows/x.yaml`) expanded with their
    `with:` inputs. `workflows` maps file name to parsed YAML; `step_outputs(environment)` gives
    what steps write to $GITHUB_OUTPUT, as "steps.<id>.outputs.<name>" -> value."""
    commands = []
    for name, document in workflows.items():
        triggers = document.get("on") or document.get(True) or {}
        if set(triggers) == {"workflow_call"}:
            continue
        for job_name, job in (document.get("jobs") or {}).items():
            uses = job.get("uses", "")
            if uses.startswith("./.github/workflows/"):
                called_name = Path(uses).name
                called = workflows[called_name]
                inputs = {f"inputs.{k}": str(v) for k, v in (job.get("with") or {}).items()}
                environment = inputs.get("inputs.environment", "")
                context = {**inputs, **step_outputs(environment)}
                for called_job_name, called_job in (called.get("jobs") or {}).items():
                    commands += _commands_of_steps(called_name, called, called_job_name, called_job, environment, context)
            else:
                environment = str(job.get("environment", ""))
                commands += _commands_of_steps(name, document, job_name, job, environment, step_outputs(environment))
    return commands


def load_workflows(folder: Path) -> dict[str, dict]:
    return {path.name: yaml.safe_load(path.read_text()) for path in sorted(folder.glob("*.y*ml"))}


def _automated(app: dict) -> dict | None:
    return (app["spec"].get("syncPolicy") or {}).get("automated")


def _parents(bootstrap: list[dict], rendered: Mapping[str, list[dict]]) -> dict[str, str]:
    """Child Application name -> the Application that syncs it (app of apps)."""
    return {
        obj["metadata"]["name"]: parent
        for parent in applications(bootstrap)
        for obj in rendered.get(parent, [])
        if obj["kind"] == "Application" and obj["metadata"]["name"] != parent
    }


def sync_failures(bootstrap: list[dict], commands: Iterable[Command], environment: str) -> list[str]:
    """Every Application of `environment` is synced by something: its automated sync policy or
    a pipeline step that runs `argocd app sync` on it for that environment."""
    apps = applications(bootstrap)
    synced = {t for c in commands if c.environment == environment and c.verb == "sync" and c.on_success for t in c.targets(apps)}
    return [
        f"Application {name}: no syncPolicy.automated and no pipeline step syncs it in {environment}: "
        "its content is never applied (the root only creates the Application)"
        for name, app in apps.items()
        if _automated(app) is None and name not in synced
    ]


def pipeline_policy_failures(
    bootstrap: list[dict], rendered: Mapping[str, list[dict]], commands: Iterable[Command], environment: str
) -> list[str]:
    """The pipeline's commands against the sync policy of the Application they act on, in the
    run where every step succeeds and in the one where a step fails."""
    apps = applications(bootstrap)
    parents = _parents(bootstrap, rendered)
    failures = []
    mine = [c for c in commands if c.environment == environment]
    for failed in (False, True):
        paused: set[str] = set()
        for command in (c for c in mine if (c.on_failure if failed else c.on_success)):
            targets = command.targets(apps)
            if command.app is not None and command.app not in apps:
                failures.append(f"{environment}: {command}: no Application {command.app} in the bootstrap")
            for name in targets:
                app = apps[name]
                automated = _automated(app) is not None and name not in paused
                parent = apps.get(parents.get(name, ""))
                parent_heals = parent is not None and bool((_automated(parent) or {}).get("selfHeal"))
                if command.verb == "sync":
                    revision = command.option("--revision")
                    target = app["spec"]["source"].get("targetRevision", "HEAD")
                    if automated and revision not in (None, target):
                        failures.append(
                            f"{environment}: {command}: refused, Cannot sync to {revision}: auto-sync currently set to {target}"
                        )
                elif command.verb == "set" and command.option("--sync-policy") == "none":
                    if _automated(app) is not None and parent_heals:
                        failures.append(
                            f"{environment}: {command}: undone by {parent['metadata']['name']} (automated selfHeal), "
                            f"which restores {name}'s syncPolicy.automated from Git"
                        )
                    else:
                        paused.add(name)
                elif command.verb == "rollback" and automated:
                    failures.append(f"{environment}: {command}: refused, rollback cannot be initiated when auto-sync is enabled")
    return list(dict.fromkeys(failures))


def wave_failures(bootstrap: list[dict], rendered: Mapping[str, list[dict]], health_assessed: bool) -> list[str]:
    """An app of apps whose children sit in different sync waves relies on Argo CD waiting for
    each child to be healthy before the next wave: it does only with the Application health
    check in argocd-cm (`health_assessed`)."""
    if health_assessed:
        return []
    failures = []
    apps = applications(bootstrap)
    for parent, children in _children(bootstrap, rendered).items():
        waves = sorted({int(apps[c]["metadata"].get("annotations", {}).get(WAVE, "0")) for c in children if c in apps})
        if len(waves) > 1:
            failures.append(
                f"Application {parent}: orders {len(children)} Applications in sync waves {waves}, but without "
                f"{HEALTH_KEY} in argocd-cm (set nowhere in this repository, nor documented as a prerequisite) Argo CD "
                "(>= 1.8) does not assess an Application's health: each wave starts once the previous wave's Applications "
                "exist, not once they are synced and healthy"
            )
    return failures


def _children(bootstrap: list[dict], rendered: Mapping[str, list[dict]]) -> dict[str, list[str]]:
    children: dict[str, list[str]] = defaultdict(list)
    for child, parent in _parents(bootstrap, rendered).items():
        children[parent].append(child)
    return children


def application_health_assessed(objects: Iterable[dict], documents: Iterable[str]) -> bool:
    """Whether the repository sets the Application health check in an argocd-cm it manages, or
    documents it as a prerequisite of the Argo CD installation."""
    for obj in objects:
        if (
            obj.get("kind") == "ConfigMap"
            and obj["metadata"].get("name") == "argocd-cm"
            and HEALTH_KEY in (obj.get("data") or {})
        ):
            return True
    return any(HEALTH_KEY in text for text in documents)


# gitops-engine pkg/sync/hook/helm/type.go: the Helm hooks Argo CD runs in a sync; any other
# Helm hook (test, pre-delete, pre-rollback, ...) is a hook that no sync creates.
HELM_HOOKS_RUN = frozenset({"pre-install", "pre-upgrade", "post-install", "post-upgrade"})


def applied_by_argocd(obj: dict) -> bool:
    """Whether a sync creates `obj`: not a Helm hook that Argo CD never runs (`helm test` pods)."""
    annotations = obj.get("metadata", {}).get("annotations") or {}
    if "argocd.argoproj.io/hook" in annotations:
        return True
    hooks = {h.strip() for h in annotations.get("helm.sh/hook", "").split(",") if h.strip()}
    if not hooks or hooks == {"crd-install"}:
        return True
    return bool(hooks & HELM_HOOKS_RUN)
