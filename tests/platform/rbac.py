"""Who may do what with Secrets in the assembled platform: Kubernetes' RBAC evaluated over our
manifests, the rendered add-ons and the bindings the operators create at run time.

No tool answers this offline (`kubectl auth can-i` and `kubectl who-can` ask a live API
server), so this is a port of the API server's own evaluation, each part after its source in
kubernetes/kubernetes:

- rule matching: plugin/pkg/auth/authorizer/rbac/rbac.go, RuleAllows, and
  pkg/apis/rbac/v1/evaluation_helpers.go (VerbMatches, APIGroupMatches, ResourceMatches,
  ResourceNameMatches, NonResourceURLMatches): `*` matches every verb, group and resource,
  `*/<sub>` every resource's subresource, and an empty resourceNames every name;
- which rules reach a subject: pkg/registry/rbac/validation/rule.go, VisitRulesFor and
  appliesToUser: a ClusterRoleBinding's role applies in every namespace, a RoleBinding's (to a
  Role of its namespace or to a ClusterRole) in its own namespace only; a ServiceAccount
  subject without a namespace is one of the binding's namespace;
- aggregation: pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go: a
  ClusterRole with an aggregationRule holds the rules, without duplicates, of every other
  ClusterRole its selectors match (by name order), and the controller re-runs until nothing
  changes, so aggregated roles feed each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tests.platform.assembly import Cluster
from tests.platform.connectivity import selects

# The verbs of a resource request (k8s.io/apiserver, endpoints/request RequestInfoFactory).
RESOURCE_VERBS = ("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection")
READ_VERBS = ("get", "list", "watch")
RBAC_GROUP = "rbac.authorization.k8s.io"


def _group(obj: Mapping) -> str:
    return str(obj.get("apiVersion", "")).rpartition("/")[0]


def _is(obj: Mapping, kind: str) -> bool:
    return obj.get("kind") == kind and _group(obj) == RBAC_GROUP


# --- rule matching (rbac.go RuleAllows, evaluation_helpers.go) ------------------------------


def verb_matches(rule: Mapping, verb: str) -> bool:
    return any(v in ("*", verb) for v in rule.get("verbs") or [])


def api_group_matches(rule: Mapping, group: str) -> bool:
    return any(g in ("*", group) for g in rule.get("apiGroups") or [])


def resource_matches(rule: Mapping, combined: str, subresource: str) -> bool:
    for resource in rule.get("resources") or []:
        if resource in ("*", combined):
            return True
        if subresource and len(resource) == len(subresource) + 2 and resource.startswith("*/") and resource.endswith(subresource):
            return True
    return False


def resource_name_matches(rule: Mapping, name: str) -> bool:
    names = rule.get("resourceNames") or []
    return not names or name in names


def rule_allows(rule: Mapping, verb: str, group: str, resource: str, subresource: str = "", name: str = "") -> bool:
    """RuleAllows for a resource request."""
    combined = f"{resource}/{subresource}" if subresource else resource
    return (
        verb_matches(rule, verb)
        and api_group_matches(rule, group)
        and resource_matches(rule, combined, subresource)
        and resource_name_matches(rule, name)
    )


def non_resource_url_matches(rule: Mapping, verb: str, path: str) -> bool:
    """RuleAllows for a non-resource request (/metrics, /healthz ...)."""
    if not verb_matches(rule, verb):
        return False
    for url in rule.get("nonResourceURLs") or []:
        if url in ("*", path) or (url.endswith("*") and path.startswith(url.rstrip("*"))):
            return True
    return False


# --- aggregation (clusterroleaggregation_controller.go) --------------------------------------


def effective_cluster_rules(cluster_roles: Iterable[Mapping]) -> dict[str, list[dict]]:
    """ClusterRole name -> its rules once the aggregation controller has settled."""
    roles = {role["metadata"]["name"]: role for role in cluster_roles}
    rules = {name: list(role.get("rules") or []) for name, role in roles.items()}
    # Each pass is one sync of every aggregated role; a chain of n aggregated roles settles
    # within n passes, and more than one pass per role means the rules never settle.
    for _ in range(len(roles) + 1):
        changed = False
        for name in sorted(roles):
            aggregation = roles[name].get("aggregationRule")
            if aggregation is None:
                continue
            gathered: list[dict] = []
            for selector in aggregation.get("clusterRoleSelectors") or []:
                for other in sorted(roles):
                    if other == name or not selects(selector, roles[other]["metadata"].get("labels") or {}):
                        continue
                    gathered += [rule for rule in rules[other] if rule not in gathered]
            if gathered != rules[name]:
                rules[name] = gathered
                changed = True
        if not changed:
            return rules
    raise ValueError("aggregated ClusterRoles never settle")


# --- who is bound to what (rule.go VisitRulesFor, appliesToUser) -----------------------------


@dataclass(frozen=True, order=True)
class Subject:
    kind: str
    name: str
    # A ServiceAccount's namespace; empty for users and groups.
    namespace: str = ""

    def __str__(self) -> str:
        return f"{self.kind} {self.namespace}/{self.name}" if self.kind == "ServiceAccount" else f"{self.kind} {self.name}"


CLUSTER_WIDE = "*"


@dataclass(frozen=True, order=True)
class Grant:
    """What one binding lets one subject do to a resource: its verbs, where (a namespace, or
    CLUSTER_WIDE for every namespace) and on which names (empty: every object)."""

    subject: Subject
    scope: str
    verbs: tuple[str, ...]
    names: tuple[str, ...]
    role: str
    binding: str
    origin: str

    @property
    def reads(self) -> tuple[str, ...]:
        return tuple(verb for verb in self.verbs if verb in READ_VERBS)

    def __str__(self) -> str:
        where = "cluster-wide" if self.scope == CLUSTER_WIDE else f"in {self.scope}"
        names = f" named {', '.join(self.names)}" if self.names else ""
        return f"{self.subject}: {','.join(self.verbs)}{names} {where} ({self.binding} -> {self.role}, {self.origin})"


def _subjects(binding: Mapping) -> list[Subject]:
    namespace = binding["metadata"].get("namespace") or "" if binding["kind"] == "RoleBinding" else ""
    found = []
    for subject in binding.get("subjects") or []:
        if subject.get("kind") == "ServiceAccount":
            sa_namespace = subject.get("namespace") or namespace
            if sa_namespace:
                found.append(Subject("ServiceAccount", subject["name"], sa_namespace))
        elif subject.get("kind") in ("User", "Group"):
            found.append(Subject(subject["kind"], subject["name"]))
    return found


@dataclass(frozen=True)
class Rbac:
    """The RBAC objects of an assembly, each with where it comes from."""

    objects: tuple[tuple[str, dict], ...]

    def _of(self, kind: str) -> list[tuple[str, dict]]:
        return [(origin, obj) for origin, obj in self.objects if _is(obj, kind)]

    def grants(self, group: str, resource: str) -> tuple[list[Grant], list[str]]:
        """Every (subject, binding) that allows some verb on `resource` of `group`, and the
        bindings whose role does not exist (they grant nothing: the API server skips them)."""
        cluster_rules = effective_cluster_rules(obj for _, obj in self._of("ClusterRole"))
        roles = {(obj["metadata"].get("namespace") or "", obj["metadata"]["name"]): obj for _, obj in self._of("Role")}
        grants, unresolved = [], []
        for kind in ("ClusterRoleBinding", "RoleBinding"):
            for origin, binding in self._of(kind):
                namespace = binding["metadata"].get("namespace") or "" if kind == "RoleBinding" else ""
                ref = binding.get("roleRef") or {}
                name = f"{kind} {namespace + '/' if namespace else ''}{binding['metadata']['name']}"
                if ref.get("kind") == "ClusterRole" and ref.get("name") in cluster_rules:
                    rules, role = cluster_rules[ref["name"]], f"ClusterRole {ref['name']}"
                elif ref.get("kind") == "Role" and kind == "RoleBinding" and (namespace, ref.get("name")) in roles:
                    rules, role = roles[(namespace, ref["name"])].get("rules") or [], f"Role {namespace}/{ref['name']}"
                else:
                    unresolved.append(f"{name} ({origin}) -> {ref.get('kind')} {ref.get('name')}")
                    continue
                for rule in rules:
                    verbs = tuple(
                        verb for verb in RESOURCE_VERBS if rule_allows(rule, verb, group, resource, name=_any_name(rule))
                    )
                    if not verbs:
                        continue
                    names = tuple(rule.get("resourceNames") or ())
                    for subject in _subjects(binding):
                        grants.append(Grant(subject, namespace or CLUSTER_WIDE, verbs, names, role, name, origin))
        return sorted(set(grants)), unresolved


def _any_name(rule: Mapping) -> str:
    """A name the rule's resourceNames allow: whether a rule limited to some names reaches the
    resource at all is asked with one of them (the names are reported with the grant)."""
    names = rule.get("resourceNames") or []
    return names[0] if names else ""


# --- what the operators bind at run time -----------------------------------------------------


def _mysql_sidecar_bindings(ours: Iterable[Mapping]) -> list[dict]:
    """The MySQL Operator gives each InnoDBCluster's servers a ServiceAccount bound in the
    cluster's namespace to its ClusterRole `mysql-sidecar` (mysql-operator 9.1.0-2.2.2,
    mysqloperator/controller/innodbcluster/cluster_objects.py, prepare_role_binding; the
    names from cluster_api.py: serviceAccountName defaults to `<cluster>-sidecar-sa`, the
    binding is `<cluster>-sidecar-rb`)."""
    bindings = []
    for cluster in ours:
        if cluster.get("kind") != "InnoDBCluster" or _group(cluster) != "mysql.oracle.com":
            continue
        name, namespace = cluster["metadata"]["name"], cluster["metadata"].get("namespace") or "default"
        account = (cluster.get("spec") or {}).get("serviceAccountName") or f"{name}-sidecar-sa"
        bindings.append(
            {
                "apiVersion": f"{RBAC_GROUP}/v1",
                "kind": "RoleBinding",
                "metadata": {"name": f"{name}-sidecar-rb", "namespace": namespace},
                "subjects": [{"kind": "ServiceAccount", "name": account}],
                "roleRef": {"kind": "ClusterRole", "name": "mysql-sidecar", "apiGroup": RBAC_GROUP},
            }
        )
    return bindings


def cluster_rbac(cluster: Cluster) -> Rbac:
    """Every RBAC object of the assembly: ours, the add-ons', the operators'."""
    objects = [(origin, obj) for origin, obj in cluster.origins() if _group(obj) == RBAC_GROUP]
    objects += [("runtime", binding) for binding in _mysql_sidecar_bindings(cluster.ours)]
    return Rbac(tuple(objects))


def secret_grants(cluster: Cluster) -> tuple[list[Grant], list[str]]:
    return cluster_rbac(cluster).grants("", "secrets")


def secret_readers(grants: Iterable[Grant]) -> dict[tuple[Subject, str], list[Grant]]:
    """(subject, scope) -> the grants through which it may get, list or watch Secrets."""
    found: dict[tuple[Subject, str], list[Grant]] = {}
    for grant in grants:
        if grant.reads:
            found.setdefault((grant.subject, grant.scope), []).append(grant)
    return found
