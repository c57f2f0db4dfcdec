"""What Argo CD does with the bootstrap (dist/<env>/argocd), the projects an administrator applies
(dist/<env>/argocd-projects) and what each Application renders.

The rules follow Argo CD's own code (argoproj/argo-cd) at v3.5.1, the release whose CRDs the code
is typed against (cdk8s.yaml); each function names the upstream function it follows:
- pkg/apis/application/v1alpha1/app_project_types.go: `IsAppNamespacePermitted` (an Application
  outside Argo CD's namespace may use a project only if that namespace is in the project's
  `sourceNamespaces`; one in Argo CD's namespace may use any project), `IsGroupKindNamePermitted`,
  `IsDestinationPermitted`/`isDestinationMatched`, `IsSourcePermitted`, `ProjectPoliciesString`;
- pkg/apis/application/v1alpha1/types.go: `validatePolicy`/`isValidObject`, `validateRoleName`,
  `isResourceInList`/`isNamedResourceInList`, `EffectiveSourceIntegrity`;
- util/security/application_namespaces.go `IsNamespaceEnabled` (argocd-cmd-params-cm
  `application.namespaces`), util/security/rbac.go `RBACName`;
- util/argo/argo.go `GetAppProject`/`ErrProjectNotPermitted` and `ValidatePermissions`: the
  Application's project, source and destination; controller/sync.go `validateSyncPermissions`:
  every object a sync applies, against the Application's project;
- server/server.go `initializeDefaultProject`: the `default` project every Argo CD has;
- server/rbacpolicy/rbacpolicy.go `EnforceClaims`/`enforceProjectToken` and assets/model.conf: a
  project-role token acts only on its own project's Applications, as the role's policies say;
  server/application/application.go: which RBAC action each API call needs (`Get`: get, `Sync`:
  get and sync, `Rollback`: sync), `Sync`: "Cannot sync to <rev>: auto-sync currently set to
  <targetRevision>", `Rollback`: "rollback cannot be initiated when auto-sync is enabled";
- util/sourceintegrity/source_integrity.go `HasCriteria`, `lookupGit`, `findMatchingGitPolicies`,
  `repoMatches`, and gpg.go `KeyID`: which sources must come from signed commits, and by whom;
- util/glob (gobwas/glob) and Go's path/filepath.Match: the pattern syntaxes the above use;
- reposerver/repository/repository.go `findManifests`: which files of a directory source an
  Application renders (`directory.recurse`, then `exclude` and `include`, globs of the file's
  path relative to the source path);
- since 1.8 an Application's health is not assessed (argoproj/argo-cd#3781) unless argocd-cm
  holds the `resource.customizations.health.argoproj.io_Application` Lua script: without it an
  app of apps' sync waves do not wait for the child Applications to be healthy.

Each check is a pure function over lists of objects.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import shlex
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ecommerce.derived.add_on_releases import ADD_ONS
from tests.platform.addons import is_namespaced

WAVE = "argocd.argoproj.io/sync-wave"
HEALTH_KEY = "resource.customizations.health.argoproj.io_Application"
CONTROL_PLANE_NAMESPACE = "argocd"
IN_CLUSTER = "https://kubernetes.default.svc"
# Namespaces every cluster has before Argo CD syncs anything (argocd: where Argo CD runs).
PREEXISTING_NAMESPACES = frozenset({"default", "kube-system", "kube-public", "kube-node-lease", CONTROL_PLANE_NAMESPACE})


def group_of(obj: dict) -> str:
    return obj["apiVersion"].rpartition("/")[0]


def applications(bootstrap: Iterable[dict]) -> dict[str, dict]:
    return {doc["metadata"]["name"]: doc for doc in bootstrap if doc.get("kind") == "Application"}


def projects(bootstrap: Iterable[dict]) -> dict[str, dict]:
    return {doc["metadata"]["name"]: doc for doc in bootstrap if doc.get("kind") == "AppProject"}


def app_namespace(app: dict) -> str:
    return app["metadata"].get("namespace") or CONTROL_PLANE_NAMESPACE


# repository.go manifestFile.
MANIFEST_FILE = re.compile(r"^.*\.(yaml|yml|json|jsonnet)$")


def directory_files(directory: Mapping, files: Iterable[str]) -> list[str]:
    """repository.go findManifests: of `files` (paths relative to the source path, `/`-separated),
    those a directory source renders: top-level ones unless `recurse`, minus `exclude`, only `include`."""
    chosen = []
    for path in files:
        if "/" in path and not directory.get("recurse"):
            continue
        if not MANIFEST_FILE.match(path.rpartition("/")[2]):
            continue
        if directory.get("exclude") and glob_match(directory["exclude"], path):
            continue
        if directory.get("include") and not glob_match(directory["include"], path):
            continue
        chosen.append(path)
    return chosen


def file_owner_failures(bootstrap: list[dict], folder: str, files: Iterable[str]) -> list[str]:
    """Every manifest file of `folder` (its path in the repository, as Applications name it) is
    synced by exactly one Application: none leaves it undeployed, two would fight over it."""
    files = list(files)
    owners: dict[str, list[str]] = defaultdict(list)
    for name, app in applications(bootstrap).items():
        source = app["spec"]["source"]
        if "chart" not in source and source.get("path", "").rstrip("/") == folder:
            for file in directory_files(source.get("directory") or {}, files):
                owners[file].append(name)
    return [
        f"{folder}/{file}: synced by {len(owners[file])} Applications ({', '.join(owners[file]) or 'none'})"
        for file in files
        if MANIFEST_FILE.match(file.rpartition("/")[2]) and len(owners[file]) != 1
    ]


def rendered_by_application(
    bootstrap: list[dict], ours: Mapping[str, list[dict]], addons: Mapping[str, list[dict]]
) -> dict[str, list[dict]]:
    """Application name -> the objects it syncs: the root its folder (the bootstrap itself), an
    Application of dist/<env> the files of it its directory options select (`ours`: file name in
    dist/<env> -> its objects), each add-on Application its rendered chart or manifest."""
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
            rendered[name] = [obj for file in directory_files(source.get("directory") or {}, ours) for obj in ours[file]]
        else:
            raise ValueError(f"Application {name}: no rendered content for source {source}")
    return rendered


# --- pattern syntaxes ----------------------------------------------------------------------------


def _glob_regex(pattern: str, separators: str) -> str:
    """gobwas/glob syntax: `*` (not across separators), `**`, `?`, `[abc]`, `[!abc]`, `[a-z]`, `{a,b}`, `\\` escapes."""
    out, i, depth = [], 0, 0
    not_separator = f"[^{re.escape(separators)}]" if separators else "."
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if c == "*":
            if pattern.startswith("**", i):
                out.append(".*")
                i += 2
                continue
            out.append(f"{not_separator}*")
        elif c == "?":
            out.append(not_separator)
        elif c == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1 : end]
                negate = body.startswith("!")
                out.append("[" + ("^" if negate else "") + body[1 if negate else 0 :].replace("\\", "\\\\") + "]")
                i = end
        elif c == "{":
            out.append("(?:")
            depth += 1
        elif c == "}" and depth:
            out.append(")")
            depth -= 1
        elif c == "," and depth:
            out.append("|")
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def glob_match(pattern: str, value: str, separators: str = "") -> bool:
    """util/glob.Match (gobwas/glob)."""
    return re.fullmatch(_glob_regex(pattern, separators), value, re.DOTALL) is not None


def _negatable(pattern: str, value: str, separators: str = "") -> bool:
    """app_project_types.go `globMatch` with allowNegation."""
    if pattern.startswith("!"):
        return not glob_match(pattern[1:], value, separators)
    return pattern == "*" or glob_match(pattern, value, separators)


def filepath_match(pattern: str, value: str) -> bool:
    """Go's path/filepath.Match, which the kind lists use: `*` and `?` stop at `/`."""
    return glob_match(pattern.replace("{", "\\{").replace("}", "\\}"), value, "/")


def match_string_in_list(patterns: Iterable[str], item: str) -> bool:
    """util/glob.MatchStringInList in REGEXP mode: `/re/` is a regular expression (searched), anything else a glob."""
    for pattern in patterns:
        if len(pattern) > 1 and pattern.startswith("/") and pattern.endswith("/") and re.search(pattern[1:-1], item):
            return True
        if glob_match(pattern, item):
            return True
    return False


def normalize_git_url(url: str) -> str:
    """util/git.NormalizeGitURL, for https URLs."""
    return url.strip().lower().removesuffix(".git")


# --- AppProject ------------------------------------------------------------------------------------


def default_project(namespace: str = CONTROL_PLANE_NAMESPACE) -> dict:
    """server/server.go `initializeDefaultProject`: every Argo CD has it, and it permits everything."""
    return {
        "apiVersion": "argoproj.io/v1alpha1",
        "kind": "AppProject",
        "metadata": {"name": "default", "namespace": namespace},
        "spec": {
            "sourceRepos": ["*"],
            "destinations": [{"server": "*", "namespace": "*"}],
            "clusterResourceWhitelist": [{"group": "*", "kind": "*"}],
        },
    }


def is_app_namespace_permitted(project: dict, namespace: str, control_plane: str = CONTROL_PLANE_NAMESPACE) -> bool:
    """AppProject.IsAppNamespacePermitted."""
    if namespace in ("", control_plane):
        return True
    return match_string_in_list(project["spec"].get("sourceNamespaces") or [], namespace)


def is_destination_matched(project: dict, server: str, namespace: str, name: str = "") -> bool:
    """AppProject.isDestinationMatched: some destination matches, and no deny pattern refuses first."""
    matched = False
    for item in project["spec"].get("destinations") or []:
        item_name, item_server, item_namespace = item.get("name", ""), item.get("server", ""), item.get("namespace", "")
        name_ok = name != "" and _negatable(item_name, name)
        server_ok = server != "" and _negatable(item_server, server)
        namespace_ok = _negatable(item_namespace, namespace)
        denied_cluster = (not name_ok and item_name.startswith("!")) or (
            not server_ok and item_server.startswith("!") and namespace_ok
        )
        denied_namespace = not namespace_ok and item_namespace.startswith("!") and server_ok
        if (server_ok or name_ok) and namespace_ok:
            matched = True
        elif denied_cluster or denied_namespace:
            return False
    return matched


def _kind_in_list(group: str, kind: str, name: str, entries: Iterable[dict], named: bool) -> bool:
    """types.go isResourceInList / isNamedResourceInList."""
    for item in entries:
        if not (filepath_match(item.get("kind", ""), kind) and filepath_match(item.get("group", ""), group)):
            continue
        if not named or not item.get("name") or filepath_match(item["name"], name):
            return True
    return False


def is_group_kind_permitted(project: dict, group: str, kind: str, name: str, namespaced: bool) -> bool:
    """AppProject.IsGroupKindNamePermitted."""
    spec = project["spec"]
    if namespaced:
        whitelist = spec.get("namespaceResourceWhitelist")
        allowed = whitelist is None or (len(whitelist) > 0 and _kind_in_list(group, kind, name, whitelist, False))
        return allowed and not _kind_in_list(group, kind, name, spec.get("namespaceResourceBlacklist") or [], False)
    whitelist = spec.get("clusterResourceWhitelist") or []
    return _kind_in_list(group, kind, name, whitelist, True) and not _kind_in_list(
        group, kind, name, spec.get("clusterResourceBlacklist") or [], True
    )


def is_source_permitted(project: dict, repo_url: str) -> bool:
    """AppProject.IsSourcePermitted: globs over normalised URLs, `/` separating, `!` for deny."""
    source = normalize_git_url(repo_url)
    matched = False
    for pattern in project["spec"].get("sourceRepos") or []:
        normalized = "!" + normalize_git_url(pattern[1:]) if pattern.startswith("!") else normalize_git_url(pattern)
        if _negatable(normalized, source, "/"):
            matched = True
        elif normalized.startswith("!"):
            return False
    return matched


# --- one Argo CD, as an administrator set it up -------------------------------------------------------


@dataclass(frozen=True)
class ControlPlane:
    """The AppProjects as they exist (those the administrator applied, and `default`), the namespaces
    Argo CD takes Applications from besides its own (argocd-cmd-params-cm `application.namespaces`),
    and the clusters it knows, by name."""

    projects: Mapping[str, dict]
    application_namespaces: tuple[str, ...] = ()
    clusters: Mapping[str, str] = field(default_factory=lambda: {"in-cluster": IN_CLUSTER})
    namespace: str = CONTROL_PLANE_NAMESPACE

    @classmethod
    def of(
        cls, appprojects: Iterable[dict], application_namespaces: Iterable[str] = (), clusters: Mapping[str, str] | None = None
    ) -> ControlPlane:
        return cls(
            {**projects([default_project()]), **projects(appprojects)},
            tuple(application_namespaces),
            {"in-cluster": IN_CLUSTER, **(clusters or {})},
        )

    def namespace_enabled(self, namespace: str) -> bool:
        """util/security.IsNamespaceEnabled."""
        return namespace == self.namespace or match_string_in_list(self.application_namespaces, namespace)

    def destination_server(self, destination: Mapping[str, str]) -> str | None:
        """util/argo.GetDestinationCluster: by server URL, or by cluster name."""
        if destination.get("server"):
            return destination["server"] if destination["server"] in self.clusters.values() else None
        return self.clusters.get(destination.get("name", ""))

    def project_of(self, app: dict) -> tuple[dict | None, str | None]:
        """The Application's project, or why Argo CD does not reconcile it at all."""
        name, namespace = app["metadata"]["name"], app_namespace(app)
        if not self.namespace_enabled(namespace):
            return None, (
                f"namespace {namespace} is not one Argo CD takes Applications from (application.namespaces): "
                "the Application is never reconciled"
            )
        project_name = app["spec"].get("project") or "default"
        project = self.projects.get(project_name)
        if project is None:
            return None, f"AppProject {project_name} does not exist"
        if not is_app_namespace_permitted(project, namespace, self.namespace):
            # util/argo.ErrProjectNotPermitted
            return None, f"application '{name}' in namespace '{namespace}' is not permitted to use project '{project_name}'"
        return project, None

    def application_refusals(self, app: dict) -> list[str]:
        """What Argo CD refuses about an Application itself, before it syncs anything (ValidatePermissions)."""
        project, refusal = self.project_of(app)
        if project is None:
            return [refusal or ""]
        spec, refusals = app["spec"], []
        project_name = project["metadata"]["name"]
        for source in spec.get("sources") or [spec["source"]]:
            if not is_source_permitted(project, source["repoURL"]):
                refusals.append(f"application repo {source['repoURL']} is not permitted in project '{project_name}'")
        destination = spec["destination"]
        server = self.destination_server(destination)
        namespace = destination.get("namespace", "")
        if server is None:
            refusals.append(f"there are no clusters with this URL or name: {destination}")
        elif not is_destination_matched(project, server, namespace, self._cluster_name(server)):
            refusals.append(
                f"application destination server '{server}' and namespace '{namespace}' do not match any of the "
                f"allowed destinations in project '{project_name}'"
            )
        return refusals

    def _cluster_name(self, server: str) -> str:
        return next((name for name, url in self.clusters.items() if url == server), "")

    def resource_refusal(self, app: dict, project: dict, obj: dict, namespaced: bool) -> str | None:
        """controller/sync.go validateSyncPermissions: `obj` as the Application's sync would apply it."""
        group, kind, project_name = group_of(obj), obj["kind"], project["metadata"]["name"]
        if not is_group_kind_permitted(project, group, kind, obj["metadata"].get("name", ""), namespaced):
            return f"resource {group}:{kind} is not permitted in project {project_name}"
        if namespaced:
            # A namespaced object without a namespace goes to the Application's destination namespace.
            namespace = obj["metadata"].get("namespace") or app["spec"]["destination"].get("namespace", "")
            server = self.destination_server(app["spec"]["destination"]) or ""
            if not is_destination_matched(project, server, namespace, self._cluster_name(server)):
                return f"namespace {namespace} is not permitted in project '{project_name}'"
        return None


def project_failures(
    argocd: ControlPlane, bootstrap: list[dict], rendered: Mapping[str, list[dict]], crd_scopes: Mapping[tuple[str, str], str]
) -> list[str]:
    """Every Application of the bootstrap and every object it renders, as Argo CD judges them.
    `crd_scopes`: (group, kind) -> Namespaced or Cluster of the custom kinds (the add-ons' CRDs)."""
    failures = []
    for name, app in applications(bootstrap).items():
        project_name = app["spec"].get("project") or "default"
        where = f"Application {name} (AppProject {project_name})"
        failures += [f"{where}: {refusal}" for refusal in argocd.application_refusals(app)]
        project, _ = argocd.project_of(app)
        if project is None:
            continue
        for obj in rendered.get(name, []):
            group, kind = group_of(obj), obj["kind"]
            label = f"{kind}/{obj['metadata'].get('name')}"
            namespaced = is_namespaced(obj["apiVersion"], kind, lambda: crd_scopes)
            if namespaced is None:
                failures.append(f"{where}: {label}: kind {group}/{kind} has no CustomResourceDefinition here")
                continue
            refusal = argocd.resource_refusal(app, project, obj, namespaced)
            if refusal is not None:
                failures.append(f"{where}: {label}: {refusal}")
    return failures


# --- what one environment's commits can reach --------------------------------------------------------


ARGO_CD_KINDS = (("argoproj.io", "Application"), ("argoproj.io", "AppProject"), ("argoproj.io", "ApplicationSet"))
# Argo CD's own kinds, whose CRDs come with Argo CD itself.
ARGO_CD_SCOPES = {kind: "Namespaced" for kind in ARGO_CD_KINDS}


def sync_refusals(argocd: ControlPlane, root: dict, objects: Iterable[dict]) -> dict[str, list[str]]:
    """What Argo CD refuses when `root` syncs `objects` (what a commit put in its path): each object
    against the root's project; then each Application it was allowed to create, against its own
    project. Object label -> refusals (empty: Argo CD does it)."""
    project, _ = argocd.project_of(root)
    of_root = [f"root: {refusal}" for refusal in argocd.application_refusals(root)]
    result: dict[str, list[str]] = {}
    for obj in objects:
        label = f"{obj['kind']}/{obj['metadata'].get('namespace', '')}/{obj['metadata']['name']}"
        refusals = list(of_root)
        if project is None:
            result[label] = refusals
            continue
        namespaced = is_namespaced(obj["apiVersion"], obj["kind"], lambda: ARGO_CD_SCOPES)
        resource = argocd.resource_refusal(root, project, obj, namespaced is not False)
        if resource is not None:
            refusals.append(f"root's sync: {resource}")
        elif obj["kind"] == "Application":
            refusals += argocd.application_refusals(obj)
        result[label] = refusals
    return result


@dataclass(frozen=True)
class Reach:
    """Where the objects of an Application's path can end up: the projects its Applications (and
    theirs) may use, the destinations those projects permit, and the Argo CD kinds they may write
    in Argo CD's own cluster."""

    projects: frozenset[str]
    destinations: frozenset[tuple[str, str]]
    argo_cd_kinds: frozenset[tuple[str, str, str]]
    # (project, what) for reached projects that may write more than Applications on Argo CD's cluster.
    beyond_applications: frozenset[tuple[str, str]] = frozenset()


def reach(argocd: ControlPlane, root: dict) -> Reach:
    """From the root's project, the closure of: the namespaces of Argo CD's cluster where a reached
    project may write Applications (IsGroupKindNamePermitted, isDestinationMatched), then every
    project that accepts Applications from one of them (IsNamespaceEnabled, IsAppNamespacePermitted).
    The namespaces tried are Argo CD's own and every namespace a project or application.namespaces names."""
    first, _ = argocd.project_of(root)
    if first is None:
        return Reach(frozenset(), frozenset(), frozenset())
    candidates = {argocd.namespace, *argocd.application_namespaces}
    for project in argocd.projects.values():
        candidates.update(project["spec"].get("sourceNamespaces") or [])
        candidates.update(d.get("namespace", "") for d in project["spec"].get("destinations") or [])
    candidates.discard("")
    reached, queue = {first["metadata"]["name"]}, [first]
    kinds: set[tuple[str, str, str]] = set()
    while queue:
        project = queue.pop()
        for namespace in sorted(candidates):
            if not is_destination_matched(project, IN_CLUSTER, namespace, "in-cluster"):
                continue
            for group, kind in ARGO_CD_KINDS:
                if is_group_kind_permitted(project, group, kind, "", True):
                    kinds.add((project["metadata"]["name"], kind, namespace))
            if not is_group_kind_permitted(project, "argoproj.io", "Application", "", True):
                continue
            if not argocd.namespace_enabled(namespace):
                continue
            for name, other in argocd.projects.items():
                if name not in reached and is_app_namespace_permitted(other, namespace, argocd.namespace):
                    reached.add(name)
                    queue.append(other)
    destinations = {
        (d.get("server") or argocd.clusters.get(d.get("name", ""), d.get("name", "")), d.get("namespace", ""))
        for name in reached
        for d in argocd.projects[name]["spec"].get("destinations") or []
    }
    beyond = set()
    for name in reached:
        spec = argocd.projects[name]["spec"]
        if not any(is_destination_matched(argocd.projects[name], IN_CLUSTER, ns, "in-cluster") for ns in candidates):
            continue
        if spec.get("clusterResourceWhitelist"):
            beyond.add((name, "cluster-scoped objects"))
        whitelist = spec.get("namespaceResourceWhitelist")
        if whitelist is None or any((e.get("group"), e.get("kind")) != ("argoproj.io", "Application") for e in whitelist):
            beyond.add((name, "namespaced objects besides Applications"))
    return Reach(frozenset(reached), frozenset(destinations), frozenset(kinds), frozenset(beyond))


def isolation_failures(argocd: ControlPlane, root: dict, own_projects: Iterable[str], own_cluster: str) -> list[str]:
    """A commit in the root's path reaches only its environment: projects of its own, destinations on
    its cluster, and on Argo CD's cluster nothing but Applications in its Applications' namespace
    (an AppProject, or anything cluster-wide there, makes its writer an Argo CD administrator)."""
    result = reach(argocd, root)
    own = set(own_projects)
    root_namespace = app_namespace(root)
    failures = [f"reaches AppProject {name}, which is not one of this environment's" for name in sorted(result.projects - own)]
    for server, namespace in sorted(result.destinations):
        if server == own_cluster or (server == IN_CLUSTER and namespace == root_namespace):
            continue
        failures.append(f"reaches destination {server} namespace {namespace or '(cluster-wide)'}")
    for project, kind, namespace in sorted(result.argo_cd_kinds):
        if kind != "Application" or namespace != root_namespace:
            failures.append(f"may write {kind} objects in namespace {namespace} of Argo CD's cluster (AppProject {project})")
    failures += [
        f"may write {what} on Argo CD's cluster (AppProject {project})" for project, what in sorted(result.beyond_applications)
    ]
    return failures


# --- tokens ------------------------------------------------------------------------------------------


ROLE_NAME = re.compile(r"^[a-zA-Z0-9]([-_a-zA-Z0-9]*[a-zA-Z0-9])?$")
PROJECT_SCOPED = frozenset({"applications", "applicationsets", "repositories", "exec", "logs", "clusters"})
ACTIONS = frozenset({"get", "create", "update", "delete", "sync", "override", "*"})


def policy_errors(project: dict) -> list[str]:
    """types.go validateRoleName and validatePolicy, which Argo CD applies to every role of a project."""
    name, errors = project["metadata"]["name"], []
    for role in project["spec"].get("roles") or []:
        if not ROLE_NAME.fullmatch(role["name"]):
            errors.append(f"invalid role name '{role['name']}'")
        for policy in role.get("policies") or []:
            parts = [part.strip() for part in policy.split(",")]
            if len(parts) != 6 or parts[0] != "p":
                errors.append(f"invalid policy rule '{policy}': must be of the form: 'p, sub, res, act, obj, eft'")
                continue
            _, subject, resource, action, obj, effect = parts
            if subject != f"proj:{name}:{role['name']}":
                errors.append(f"invalid policy rule '{policy}': policy subject must be: 'proj:{name}:{role['name']}'")
            if resource not in PROJECT_SCOPED:
                errors.append(f"invalid policy rule '{policy}': project resource {resource!r}")
            if action not in ACTIONS and not re.match(r"(action|update|delete)/", action):
                errors.append(f"invalid policy rule '{policy}': invalid action '{action}'")
            if not re.fullmatch(rf"{re.escape(name)}(/[*\w\-.]+)?/[*\w\-.]+", obj):
                errors.append(f"invalid policy rule '{policy}': object must be of form '{name}[/<NAMESPACE>]/<APPNAME>'")
            if effect not in ("allow", "deny"):
                errors.append(f"invalid policy rule '{policy}': effect must be: 'allow' or 'deny'")
    return errors


def _project_policies(project: dict) -> list[list[str]]:
    """AppProject.ProjectPoliciesString: each role may get its project, plus its own rules."""
    name, rules = project["metadata"]["name"], []
    for role in project["spec"].get("roles") or []:
        rules.append(["p", f"proj:{name}:{role['name']}", "projects", "get", name, "allow"])
        rules += [[part.strip() for part in policy.split(",")] for policy in role.get("policies") or []]
    return rules


def rbac_name(app: dict, control_plane: str = CONTROL_PLANE_NAMESPACE) -> str:
    """util/security.RBACName: <project>/<namespace>/<name>, or <project>/<name> in Argo CD's namespace."""
    project, namespace = app["spec"].get("project") or "default", app_namespace(app)
    name = app["metadata"]["name"]
    return f"{project}/{name}" if namespace == control_plane else f"{project}/{namespace}/{name}"


def token_permits(argocd: ControlPlane, subject: str, action: str, app: dict) -> bool:
    """rbacpolicy.EnforceClaims for a project token (`proj:<project>:<role>`) on an Application:
    enforceProjectToken refuses any other project's Application, then Casbin (assets/model.conf:
    glob matches, some allow and no deny) over the project's policies. Assumes argocd-rbac-cm gives
    project tokens nothing (no `policy.default`, README)."""
    parts = subject.split(":")
    obj = rbac_name(app, argocd.namespace)
    project = argocd.projects.get(obj.split("/")[0])
    if len(parts) != 3 or parts[0] != "proj" or project is None or parts[1] != project["metadata"]["name"]:
        return False
    request = ("applications", action, obj)
    effects = [
        rule[5]
        for rule in _project_policies(project)
        if len(rule) == 6 and rule[1] == subject and all(glob_match(p, r) for p, r in zip(rule[2:5], request, strict=True))
    ]
    return "allow" in effects and "deny" not in effects


# server/application/application.go: the RBAC actions each `argocd app` verb's API calls check.
VERB_ACTIONS = {
    "get": ("get",),
    "wait": ("get",),
    "history": ("get",),
    "list": ("get",),
    "manifests": ("get",),
    "diff": ("get",),
    "sync": ("get", "sync"),
    "rollback": ("sync",),
    "terminate-op": ("sync",),
    "set": ("update",),
    "patch": ("update",),
    "edit": ("update",),
    "delete": ("delete",),
}


# --- signed commits ----------------------------------------------------------------------------------


def effective_source_integrity(project: dict) -> dict | None:
    """types.go EffectiveSourceIntegrity: legacy `signatureKeys` become a gpg policy in mode head for
    every repository, unless `sourceIntegrity.git` is set."""
    spec = project["spec"]
    legacy = [key["keyID"] for key in spec.get("signatureKeys") or []]
    integrity = spec.get("sourceIntegrity")
    if not legacy or (integrity and integrity.get("git")):
        return integrity
    return {**(integrity or {}), "git": {"policies": [{"repos": [{"url": "*"}], "gpg": {"mode": "head", "keys": legacy}}]}}


def key_id(key: str) -> str | None:
    """util/sourceintegrity.KeyID: a fingerprint's last 16 digits, a key ID as it is, else invalid."""
    if re.fullmatch(r"[0-9a-fA-F]{40}", key):
        return key[24:]
    return key if re.fullmatch(r"[0-9a-fA-F]{16}", key) else None


def git_verification(project: dict, source: Mapping[str, str]) -> dict | str | None:
    """source_integrity.go HasCriteria and lookupGit: the gpg check a source's commits must pass,
    None where none applies (Helm and OCI sources are never verified), or the error Argo CD raises
    when several policies match."""
    integrity = effective_source_integrity(project)
    if not integrity or not integrity.get("git") or source.get("chart") or source.get("repoURL", "").startswith("oci://"):
        return None
    matching = []
    for policy in integrity["git"].get("policies") or []:
        include = False
        for repo in policy.get("repos") or []:
            url = repo["url"]
            if url.startswith("!") and glob_match(url[1:], source["repoURL"]):
                include = False
                break
            if not url.startswith("!") and glob_match(url, source["repoURL"]):
                include = True
        if include:
            matching.append(policy)
    if len(matching) > 1:
        return f"multiple ({len(matching)}) git source integrity policies found for repo URL: {source['repoURL']}"
    if not matching or not matching[0].get("gpg") or matching[0]["gpg"].get("mode") == "none":
        return None
    return matching[0]["gpg"]


def _create_namespace(app: dict) -> bool:
    return "CreateNamespace=true" in ((app["spec"].get("syncPolicy") or {}).get("syncOptions") or [])


def namespace_owner_failures(
    bootstrap: list[dict], rendered: Mapping[str, list[dict]], preexisting: Iterable[str] = ()
) -> list[str]:
    """Every namespace an Application deploys to has exactly one Application creating it: the
    one whose content holds the Namespace, or whose syncOptions say CreateNamespace=true.
    `preexisting`: namespaces someone else creates first (the administrator's)."""
    preexisting = PREEXISTING_NAMESPACES | set(preexisting)
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
        if namespace in preexisting:
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
    # The token it runs with: --auth-token, else the step's ARGOCD_AUTH_TOKEN, as expanded.
    token: str = ""

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
        """The Applications (names in `apps`) the command acts on: by `<namespace>/<name>`, or by a
        name in the namespace of -N (Argo CD's own by default: util/argo.ParseFromQualifiedName), or
        by label selector, as `argocd app` resolves them."""
        namespace = self.option("-N", "--app-namespace")
        if self.app is not None:
            qualified, _, name = self.app.rpartition("/")
            where = qualified or namespace or CONTROL_PLANE_NAMESPACE
            return [key for key, app in apps.items() if app["metadata"]["name"] == name and app_namespace(app) == where]
        selector = self.option("-l", "--selector") or ""
        wanted = dict(term.split("=", 1) for term in selector.split(",") if "=" in term)
        return [
            key
            for key, app in apps.items()
            if all((app["metadata"].get("labels") or {}).get(k) == v for k, v in wanted.items())
            and namespace in (None, app_namespace(app))
        ]

    @property
    def secret(self) -> str | None:
        """The GitHub secret its token comes from."""
        found = re.search(r"secrets\.([A-Za-z0-9_]+)", self.token)
        return found[1] if found else None

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
        text = re.sub(rf"\$\{{{variable}\}}|\${variable}\b", _verbatim(value), text)
    return text


def _verbatim(value: str) -> Callable[[re.Match[str]], str]:
    """A replacement for re.sub that inserts `value` as it is (a string would expand its backslashes)."""
    return lambda _match: value


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
            command = Command(environment, workflow, job_name, step.get("name", ""), verb, app, args, on_success, on_failure)
            token = command.option("--auth-token") or step_variables.get("ARGOCD_AUTH_TOKEN", "")
            commands.append(dataclasses.replace(command, token=token))
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
            # `./` or GitHub's self-repository form `$/` (which zizmor asks for).
            if uses.startswith(("./.github/workflows/", "$/.github/workflows/")):
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
            if command.app is not None and not targets:
                failures.append(f"{environment}: {command}: no Application {command.app} in the bootstrap")
            for name in targets:
                app = apps[name]
                automated = _automated(app) is not None and name not in paused
                parent = apps.get(parents.get(name, ""))
                healing_parent = parent if parent is not None and (_automated(parent) or {}).get("selfHeal") else None
                if command.verb == "sync":
                    revision = command.option("--revision")
                    target = app["spec"]["source"].get("targetRevision", "HEAD")
                    if automated and revision not in (None, target):
                        failures.append(
                            f"{environment}: {command}: refused, Cannot sync to {revision}: auto-sync currently set to {target}"
                        )
                elif command.verb == "set" and command.option("--sync-policy") == "none":
                    if _automated(app) is not None and healing_parent is not None:
                        failures.append(
                            f"{environment}: {command}: undone by {healing_parent['metadata']['name']} (automated selfHeal), "
                            f"which restores {name}'s syncPolicy.automated from Git"
                        )
                    else:
                        paused.add(name)
                elif command.verb == "rollback" and automated:
                    failures.append(f"{environment}: {command}: refused, rollback cannot be initiated when auto-sync is enabled")
    return list(dict.fromkeys(failures))


def token_failures(
    argocd: ControlPlane, bootstrap: list[dict], commands: Iterable[Command], environment: str, tokens: Mapping[str, str]
) -> list[str]:
    """Each pipeline command runs with a token that may do what it does (VERB_ACTIONS) to each
    Application it targets, and with nothing wider. `tokens`: GitHub secret -> the project-role
    subject (`proj:<project>:<role>`) whose token it holds; any other secret is an account's token,
    which acts on every environment at once."""
    apps = applications(bootstrap)
    failures = []
    for command in (c for c in commands if c.environment == environment and (c.on_success or c.on_failure)):
        subject = tokens.get(command.secret or "")
        if subject is None:
            used = f"secrets.{command.secret}" if command.secret else "no token from a secret"
            failures.append(f"{environment}: {command}: runs with {used}, which is no project role's token")
            continue
        for name in command.targets(apps):
            for action in VERB_ACTIONS.get(command.verb, ("*",)):
                if not token_permits(argocd, subject, action, apps[name]):
                    failures.append(
                        f"{environment}: {command}: {subject} may not {action} {rbac_name(apps[name], argocd.namespace)}"
                    )
    return list(dict.fromkeys(failures))


def application_namespaces_setting(documents: Iterable[str]) -> tuple[str, ...]:
    """The `application.namespaces` of argocd-cmd-params-cm that the documentation asks for."""
    for text in documents:
        for line in text.splitlines():
            found = re.match(r"\s*application\.namespaces:\s*(.+)$", line)
            if found:
                return tuple(part.strip().strip("\"'") for part in found[1].split(",") if part.strip())
    return ()


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
