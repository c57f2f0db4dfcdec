"""The pinned add-ons rendered as Argo CD installs them: each Helm chart with `helm template`
and the values of the environment's Application, each operator kustomization with kustomize
(kubectl's), the namespaced objects put in the Application's destination namespace.

Renders are cached in .cache/addons/<name>-<key>.json, the key a sha256 of everything the
render depends on (the add-on's verified tree hash, the values, the tool's build, the flags),
as JSON because reading it back is twenty times faster than reading helm's YAML.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath

import yaml

from ecommerce.derived.add_on_releases import AddOn, add_ons
from ecommerce.model.environments import ENVIRONMENTS, Environment
from scripts.addons import (
    ROOT,
    AddOnError,
    addons_dir,
    disabled_conditions,
    helm_binary,
    helm_env,
    kubectl_binary,
    kustomization_assets,
    load_lock,
    load_manifest,
    loadable_chart,
    missing_parts,
    nca_binary,
    packaged_files,
    run_tool,
    verify_addon,
    write_atomic,
)
from tests.pinned import needs_folder

__all__ = ["helm_binary", "kubectl_binary", "nca_binary"]

ADDONS = addons_dir()
NO_ADDONS = (
    "the pinned add-ons are not here (../shared/addons): run `make addons DIR=/tmp/addons` (pulls the charts and "
    "release manifests the add-ons pin) and set ECOMMERCE_ADDONS_DIR=/tmp/addons"
)
needs_addons = needs_folder(ADDONS, NO_ADDONS, required_by="ECOMMERCE_REQUIRE_ADDONS")

CACHE_DIR = ROOT / ".cache" / "addons"
KUBE_VERSION = "1.33.0"

# What Argo CD adds to helm's default API versions from the live cluster: every served
# group/version and group/version/kind. Listed here: those the pinned charts test for
# (`.Capabilities.APIVersions.Has`, `has ... .Capabilities.APIVersions`) that a cluster
# running the platform serves. test_platform_addons checks that every test in the charts'
# templates is answered here, by helm's defaults or by ABSENT_API_VERSIONS.
API_VERSIONS = (
    # The Prometheus Operator's CRDs (add-on prometheus-operator-crds, the first wave):
    # traefik's ServiceMonitor and PrometheusRule test the group/version ...
    "monitoring.coreos.com/v1",
    # ... external-secrets' ServiceMonitor (renderMode skipIfMissing) the kind.
    "monitoring.coreos.com/v1/ServiceMonitor",
    "monitoring.coreos.com/v1/PodMonitor",
    "monitoring.coreos.com/v1/PrometheusRule",
    # Kubernetes 1.33 serves it; helm's defaults hold group/versions only, so without it
    # traefik renders its PodDisruptionBudget as policy/v1beta1, which 1.25 removed.
    "policy/v1/PodDisruptionBudget",
)
# Tested by the pinned charts, not served on the platform's clusters: no Vertical Pod
# Autoscaler, not OpenShift, no PodSecurityPolicy since Kubernetes 1.25.
ABSENT_API_VERSIONS = (
    "autoscaling.k8s.io/v1",
    "autoscaling.k8s.io/v1/VerticalPodAutoscaler",
    "security.openshift.io/v1",
    "policy/v1beta1/PodSecurityPolicy",
)

# Kubernetes 1.33's built-in resources by (group, kind) and scope, as its OpenAPI document
# lists them: cluster-scoped are those served only outside /namespaces/{namespace}/. Taken
# from kubernetes-client/python v33.1.0 (generated from Kubernetes 1.33),
# kubernetes/client/api/*_v*_api.py, the paths of the list operations.
CLUSTER_SCOPED = frozenset(
    {
        ("", "ComponentStatus"),
        ("", "Namespace"),
        ("", "Node"),
        ("", "PersistentVolume"),
        ("admissionregistration.k8s.io", "MutatingAdmissionPolicy"),
        ("admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding"),
        ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
        ("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"),
        ("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"),
        ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
        ("apiextensions.k8s.io", "CustomResourceDefinition"),
        ("apiregistration.k8s.io", "APIService"),
        ("certificates.k8s.io", "CertificateSigningRequest"),
        ("certificates.k8s.io", "ClusterTrustBundle"),
        ("flowcontrol.apiserver.k8s.io", "FlowSchema"),
        ("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"),
        ("internal.apiserver.k8s.io", "StorageVersion"),
        ("networking.k8s.io", "IPAddress"),
        ("networking.k8s.io", "IngressClass"),
        ("networking.k8s.io", "ServiceCIDR"),
        ("node.k8s.io", "RuntimeClass"),
        ("rbac.authorization.k8s.io", "ClusterRole"),
        ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
        ("resource.k8s.io", "DeviceClass"),
        ("resource.k8s.io", "DeviceTaintRule"),
        ("resource.k8s.io", "ResourceSlice"),
        ("scheduling.k8s.io", "PriorityClass"),
        ("storage.k8s.io", "CSIDriver"),
        ("storage.k8s.io", "CSINode"),
        ("storage.k8s.io", "StorageClass"),
        ("storage.k8s.io", "VolumeAttachment"),
        ("storage.k8s.io", "VolumeAttributesClass"),
        ("storagemigration.k8s.io", "StorageVersionMigration"),
    }
)
NAMESPACED = frozenset(
    {
        ("", "ConfigMap"),
        ("", "Endpoints"),
        ("", "Event"),
        ("", "LimitRange"),
        ("", "PersistentVolumeClaim"),
        ("", "Pod"),
        ("", "PodTemplate"),
        ("", "ReplicationController"),
        ("", "ResourceQuota"),
        ("", "Secret"),
        ("", "Service"),
        ("", "ServiceAccount"),
        ("apps", "ControllerRevision"),
        ("apps", "DaemonSet"),
        ("apps", "Deployment"),
        ("apps", "ReplicaSet"),
        ("apps", "StatefulSet"),
        ("autoscaling", "HorizontalPodAutoscaler"),
        ("batch", "CronJob"),
        ("batch", "Job"),
        ("coordination.k8s.io", "Lease"),
        ("coordination.k8s.io", "LeaseCandidate"),
        ("discovery.k8s.io", "EndpointSlice"),
        ("events.k8s.io", "Event"),
        ("networking.k8s.io", "Ingress"),
        ("networking.k8s.io", "NetworkPolicy"),
        ("policy", "PodDisruptionBudget"),
        ("rbac.authorization.k8s.io", "Role"),
        ("rbac.authorization.k8s.io", "RoleBinding"),
        ("resource.k8s.io", "ResourceClaim"),
        ("resource.k8s.io", "ResourceClaimTemplate"),
        ("storage.k8s.io", "CSIStorageCapacity"),
    }
)

_CAPABILITY_TEST = re.compile(r"""APIVersions\.Has\s+"(?P<has>[^"]+)"|has\s+"(?P<in>[^"]+)"\s+\.Capabilities\.APIVersions""")


def addons_root() -> Path:
    """The pinned add-ons folder, for the checks marked `needs_addons`."""
    if ADDONS is None:
        raise AddOnError(NO_ADDONS)
    return ADDONS


def _directory(directory: Path | None) -> Path:
    return directory or addons_root()


def _environment(env: Environment | str) -> Environment:
    return ENVIRONMENTS[env] if isinstance(env, str) else env


def helm_flags(add_on: AddOn) -> list[str]:
    flags = ["--namespace", add_on.namespace, "--kube-version", KUBE_VERSION, "--include-crds"]
    for api_version in API_VERSIONS:
        flags += ["--api-versions", api_version]
    return flags


def values_yaml(add_on: AddOn, env: Environment) -> str:
    """The values of the add-on's Application, as the file given to `helm template -f`."""
    return yaml.safe_dump(add_on.values(env) if add_on.values else {}, sort_keys=True)


def _folder_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def render_key(add_on: AddOn, env: Environment, tree: dict[str, str]) -> str:
    """sha256 of everything a render depends on; `tree` is the add-on's verified tree hashes."""
    tools = load_lock()["tools"]
    if add_on.chart is not None:
        inputs = {
            "release": add_on.name,
            "tree": tree,
            "values": values_yaml(add_on, env),
            "helm": tools["helm"]["sha256"],
            "flags": helm_flags(add_on),
        }
    else:
        assert add_on.path is not None
        inputs = {"tree": tree, "kustomization": _folder_digest(ROOT / add_on.path), "kubectl": tools["kubectl"]["sha256"]}
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def _helm_template(add_on: AddOn, env: Environment, directory: Path) -> list[dict]:
    source = directory / "charts" / f"{add_on.chart}-{add_on.version}"
    with (
        loadable_chart(source) as (chart, missing),
        tempfile.NamedTemporaryFile("w", suffix=".yaml", prefix=f"{add_on.name}-values-") as values,
    ):
        values.write(values_yaml(add_on, env))
        values.flush()
        output = run_tool(
            "helm",
            ["template", add_on.name, str(chart), "-f", values.name, *helm_flags(add_on), *disabled_conditions(source, missing)],
            f"{add_on.name}: helm template {source}",
        )
    return load_manifest(output)


def incomplete_addons(env: Environment | str, directory: Path | None = None) -> dict[str, list[str]]:
    """Add-on name -> the sub-charts its copy lacks, for the environment's add-ons rendered
    without some of their parts; the checks over the assembly say so rather than pass quietly."""
    env = _environment(env)
    directory = _directory(directory)
    found = {}
    for add_on in add_ons(env):
        values = add_on.values(env) if add_on.values else {}
        found[add_on.name] = missing_parts(add_on, directory, values)
        asks_for_crds = values.get("installCRDs") is True or values.get("crds", {}).get("enabled") is True
        if asks_for_crds and not crd_scopes(raw_render(add_on, env, directory)):
            # external-secrets' chart source generates its CRDs only when it is packaged.
            found[add_on.name].append("its CustomResourceDefinitions")
    return {name: parts for name, parts in found.items() if parts}


def _kustomize(add_on: AddOn, directory: Path) -> list[dict]:
    """kustomize build of the add-on's folder, each release manifest URL read from its local copy."""
    assert add_on.path is not None
    with tempfile.TemporaryDirectory(prefix=f"{add_on.name}-") as tmp:
        build = Path(tmp) / "kustomization"
        shutil.copytree(ROOT / add_on.path, build)
        kustomization = yaml.safe_load((build / "kustomization.yaml").read_text())
        local = {}
        for asset in kustomization_assets(add_on, kustomization):
            local[asset.url] = Path(asset.relative_path).name
            shutil.copyfile(directory / asset.relative_path, build / local[asset.url])
        kustomization["resources"] = [local.get(resource, resource) for resource in kustomization["resources"]]
        (build / "kustomization.yaml").write_text(yaml.safe_dump(kustomization, sort_keys=False))
        output = run_tool("kubectl", ["kustomize", str(build)], f"{add_on.name}: kustomize build {add_on.path}")
    return load_manifest(output)


# Per process: the add-on files verified (a copy elsewhere is another key), the renders'
# JSON text, and the scopes of the CRDs in each render.
_trees: dict[tuple, dict[str, str]] = {}
_renders: dict[Path, str] = {}
_scopes: dict[Path, dict[tuple[str, str], str]] = {}


def _render_text(add_on: AddOn, env: Environment, directory: Path, use_cache: bool = True) -> tuple[Path, str]:
    source = (add_on.name, add_on.chart, add_on.version, add_on.path, directory)
    if source not in _trees:
        _trees[source] = verify_addon(add_on, directory, memoised=True)
    path = CACHE_DIR / f"{add_on.name}-{render_key(add_on, env, _trees[source])}.json"
    if use_cache and path in _renders:
        return path, _renders[path]
    if use_cache and path.is_file():
        text = path.read_text()
    else:
        objects = _helm_template(add_on, env, directory) if add_on.chart is not None else _kustomize(add_on, directory)
        text = json.dumps(objects, separators=(",", ":"))
        write_atomic(path, text)
    _renders[path] = text
    return path, text


def raw_render(add_on: AddOn, env: Environment | str, directory: Path | None = None, use_cache: bool = True) -> list[dict]:
    """The add-on's objects as the tool writes them; AddOnError if its files differ from the lock."""
    return json.loads(_render_text(add_on, _environment(env), _directory(directory), use_cache)[1])


def _group(api_version: str) -> str:
    return api_version.rpartition("/")[0]


def crd_scopes(objects: list[dict]) -> dict[tuple[str, str], str]:
    """(group, kind) -> Namespaced or Cluster, for each CRD among `objects`."""
    return {
        (crd["spec"]["group"], crd["spec"]["names"]["kind"]): crd["spec"]["scope"]
        for crd in objects
        if crd.get("kind") == "CustomResourceDefinition" and _group(crd.get("apiVersion", "")) == "apiextensions.k8s.io"
    }


def is_namespaced(api_version: str, kind: str, crds: Callable[[], Mapping[tuple[str, str], str]]) -> bool | None:
    """Whether objects of this kind live in a namespace; None if neither Kubernetes nor `crds()` defines it."""
    key = (_group(api_version), kind)
    if key in CLUSTER_SCOPED:
        return False
    if key in NAMESPACED:
        return True
    scope = crds().get(key)
    return None if scope is None else scope == "Namespaced"


def env_crd_scopes(env: Environment | str, directory: Path | None = None) -> dict[tuple[str, str], str]:
    """(group, kind) -> scope of every CRD the environment's add-ons install."""
    env = _environment(env)
    directory = _directory(directory)
    scopes: dict[tuple[str, str], str] = {}
    for add_on in add_ons(env):
        path, text = _render_text(add_on, env, directory)
        if path not in _scopes:
            _scopes[path] = crd_scopes(json.loads(text))
        scopes |= _scopes[path]
    return scopes


# Helm hooks that Argo CD runs, as PreSync or PostSync hooks; it skips every other Helm hook
# (test, pre-delete, ...) and applies `crd-install` objects as plain resources
# (argoproj/gitops-engine, pkg/sync/hook/helm/type.go and hook_test.go).
ARGOCD_HELM_HOOKS = frozenset({"pre-install", "pre-upgrade", "post-install", "post-upgrade"})


def argocd_applies(obj: dict) -> bool:
    annotations = obj["metadata"].get("annotations") or {}
    if "argocd.argoproj.io/hook" in annotations:
        return annotations["argocd.argoproj.io/hook"] != "Skip"
    if "helm.sh/hook" not in annotations or annotations["helm.sh/hook"] == "crd-install":
        return True
    return any(value.strip() in ARGOCD_HELM_HOOKS for value in annotations["helm.sh/hook"].split(","))


def set_default_namespace(
    objects: list[dict], namespace: str, crds: Callable[[], dict[tuple[str, str], str]], where: str
) -> list[dict]:
    """`objects`, the namespaced ones without a namespace put in `namespace`; AddOnError for a kind of unknown scope."""
    for obj in objects:
        namespaced = is_namespaced(obj["apiVersion"], obj["kind"], crds)
        if namespaced is None:
            raise AddOnError(
                f"{where}: {obj['kind']} {obj['metadata'].get('name')} ({obj['apiVersion']}) is neither a Kubernetes "
                f"{KUBE_VERSION} kind nor defined by a CRD of the add-ons"
            )
        if namespaced and not obj["metadata"].get("namespace"):
            obj["metadata"]["namespace"] = namespace
    return objects


def render_addon(add_on: AddOn, env: Environment | str, directory: Path | None = None) -> list[dict]:
    """The add-on's objects as its Application applies them: without the Helm hooks Argo CD
    skips, namespaced objects without a namespace in the destination namespace (as
    `helm install -n` and Argo CD do)."""
    env = _environment(env)
    directory = _directory(directory)
    objects = [obj for obj in raw_render(add_on, env, directory) if argocd_applies(obj)]
    # A custom kind's scope comes from the CRDs that this add-on or another of the
    # environment renders (the monitoring CRDs have an Application of their own).
    crds = functools.cache(lambda: crd_scopes(objects) | env_crd_scopes(env, directory))
    return set_default_namespace(objects, add_on.namespace, crds, f"{add_on.name} ({env.name})")


def rendered_addons(env: Environment | str, directory: Path | None = None) -> dict[str, list[dict]]:
    """Add-on name -> its objects, for every add-on of the environment (an Environment or its name)."""
    env = _environment(env)
    directory = _directory(directory)
    return {add_on.name: render_addon(add_on, env, directory) for add_on in add_ons(env)}


def capability_tests(chart_dir: Path) -> set[str]:
    """The API versions the chart's templates, its sub-charts' included, test for."""
    found = set()
    with loadable_chart(chart_dir) as (chart, _):
        files = list(packaged_files(chart))
    for path, content in files:
        if "templates" in PurePosixPath(path).parts:
            for match in _CAPABILITY_TEST.finditer(content.decode(errors="replace")):
                found.add(match["has"] or match["in"])
    return found


def helm_default_api_versions() -> set[str]:
    """What helm answers `.Capabilities.APIVersions` with when given no --api-versions."""
    with tempfile.TemporaryDirectory(prefix="capabilities-") as tmp:
        chart = Path(tmp)
        (chart / "templates").mkdir()
        (chart / "Chart.yaml").write_text("apiVersion: v2\nname: capabilities\nversion: 0.1.0\n")
        (chart / "templates" / "versions.yaml").write_text("versions: {{ toJson .Capabilities.APIVersions }}\n")
        output = subprocess.run(
            [str(helm_binary()), "template", "capabilities", str(chart), "--kube-version", KUBE_VERSION],
            capture_output=True,
            text=True,
            env=helm_env(),
            check=True,
        ).stdout
    return set(yaml.safe_load(output)["versions"])
