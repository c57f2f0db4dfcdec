"""The add-on tooling: the pinned helm, kubectl and network-config-analyzer, the lock of the
add-ons' tree hashes and the normalisations of a fetch, and the renders of every add-on of
every environment as Argo CD applies them."""

from __future__ import annotations

import dataclasses
import functools
import http.server
import json
import re
import shutil
import subprocess
import tarfile
import threading
from collections import Counter

import pytest
import yaml

import tests.platform.addons as platform_addons
from ecommerce.derived.add_on_releases import ADD_ONS, add_ons
from ecommerce.model.environments import ENVIRONMENTS
from ecommerce.model.installed_add_ons import ADD_ON_IMAGE_DIGESTS, ADD_ON_IMAGES_LOCK, UNPINNED_ADD_ON_IMAGES
from scripts import addons as tooling
from tests.platform.addons import (
    ABSENT_API_VERSIONS,
    API_VERSIONS,
    addons_root,
    argocd_applies,
    capability_tests,
    helm_binary,
    helm_default_api_versions,
    incomplete_addons,
    is_namespaced,
    kubectl_binary,
    nca_binary,
    needs_addons,
    raw_render,
    render_addon,
    render_key,
    rendered_addons,
    set_default_namespace,
)

ADD_ON = {add_on.name: add_on for add_on in ADD_ONS}
LOCK = tooling.load_lock()
WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet"}


@pytest.fixture
def private_caches(tmp_path, monkeypatch):
    """Caches of its own, so that a test sees neither the checkout's renders nor leaves its copies' there."""
    monkeypatch.setattr(tooling, "CACHE_DIR", tmp_path / "trees")
    monkeypatch.setattr(platform_addons, "CACHE_DIR", tmp_path / "renders")
    monkeypatch.setattr(platform_addons, "_renders", {})
    monkeypatch.setattr(platform_addons, "_trees", {})
    return tmp_path / "renders"


def _copy(add_on_name: str, target):
    """The add-on's files copied from the add-ons folder into `target`; their relative paths."""
    relatives = tooling.source_paths(ADD_ON[add_on_name])
    for relative in relatives:
        source, copy = addons_root() / relative, target / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, copy)
        else:
            shutil.copyfile(source, copy)
    return relatives


# --- the pinned tools ---------------------------------------------------------------------


def test_helm_and_kubectl_are_the_pinned_builds():
    tools = LOCK["tools"]
    helm = subprocess.run([helm_binary(), "version", "--template", "{{.Version}}"], capture_output=True, text=True, check=True)
    assert helm.stdout == tools["helm"]["version"]
    kubectl = subprocess.run([kubectl_binary(), "version", "--client", "-o", "json"], capture_output=True, text=True, check=True)
    assert json.loads(kubectl.stdout)["clientVersion"]["gitVersion"] == tools["kubectl"]["version"]


def test_a_tool_that_is_not_the_pinned_build_is_refused(tmp_path, monkeypatch):
    (tmp_path / "helm").write_text("#!/bin/sh\necho v4.1.4\n")
    monkeypatch.setattr(tooling, "TOOLS_BIN", tmp_path)
    monkeypatch.setattr(tooling, "_verified_tools", set())
    with pytest.raises(tooling.AddOnError, match=r"is not the pinned helm .*run `make helm`"):
        helm_binary()
    with pytest.raises(tooling.AddOnError, match=r"kubectl is not installed .*run `make helm`"):
        kubectl_binary()


def test_network_config_analyzer_runs_at_its_pinned_version():
    pinned = next(
        line.split("==")[1] for line in (tooling.ROOT / "requirements-nca.txt").read_text().splitlines() if "analyzer==" in line
    )
    result = subprocess.run([nca_binary(), "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.split()[-1] == pinned


# --- the lock -----------------------------------------------------------------------------


def test_the_lock_pins_exactly_the_add_ons_paths():
    """Every add-on path whole, and, for a chart, the copies without some sub-charts that are
    known (../shared/addons holds kube-prometheus-stack without its four)."""
    paths = {relative for add_on in ADD_ONS for relative in tooling.source_paths(add_on)}
    assert {key.split(" without ")[0] for key in LOCK["addons"]} == paths
    assert paths <= set(LOCK["addons"])


@needs_addons
def test_a_chart_without_some_sub_charts_renders_without_them_and_says_so(tmp_path):
    stack = next(add_on for add_on in ADD_ONS if add_on.name == "kube-prometheus-stack")
    relative = tooling.source_paths(stack)[0]
    copy = tmp_path / relative
    shutil.copytree(addons_root() / relative, copy, ignore=shutil.ignore_patterns("grafana*"))
    assert "grafana" in tooling.missing_subcharts(copy)
    key, _ = tooling.tree_hash(tmp_path, relative)
    assert key.startswith(f"{relative} without ") and "grafana" in key
    flags = tooling.disabled_conditions(copy, ["grafana"])
    assert flags == ["--set", "grafana.enabled=false"]


@needs_addons
def test_the_add_ons_here_match_the_lock():
    for add_on in ADD_ONS:
        tooling.verify_addon(add_on, addons_root())


@needs_addons
def test_a_tampered_chart_is_refused(tmp_path, private_caches):
    add_on = ADD_ON["mysql-operator"]
    (relative,) = _copy(add_on.name, tmp_path)
    assert tooling.verify_addon(add_on, tmp_path) == {relative: LOCK["addons"][relative]}
    template = tmp_path / relative / "templates" / "deployment.yaml"
    data = bytearray(template.read_bytes())
    data[data.index(b"replicas")] = ord("R")
    template.write_bytes(bytes(data))
    expected = rf"^mysql-operator: tree hash of {tmp_path / relative} is [0-9a-f]{{64}}, expected {LOCK['addons'][relative]}$"
    with pytest.raises(tooling.AddOnError, match=expected):
        tooling.verify_addon(add_on, tmp_path)
    # The render path checks too (through its memo of tree hashes, which the change invalidates).
    with pytest.raises(tooling.AddOnError, match=expected):
        render_addon(add_on, "staging", tmp_path)


@needs_addons
def test_a_release_manifest_is_pinned_by_content_not_layout(tmp_path):
    add_on = ADD_ON["rabbitmq-messaging-topology-operator"]
    (relative,) = _copy(add_on.name, tmp_path)
    manifest = tmp_path / relative
    original = manifest.read_text()
    manifest.write_text(yaml.safe_dump_all(tooling.load_manifest(original), width=80))
    tooling.verify_addon(add_on, tmp_path)
    manifest.write_text(original.replace("  replicas: 1\n", "  replicas: 2\n", 1))
    with pytest.raises(tooling.AddOnError, match=rf"^{add_on.name}: tree hash of .* expected {LOCK['addons'][relative]}$"):
        tooling.verify_addon(add_on, tmp_path)


@needs_addons
def test_a_chart_as_helm_pull_gives_it_hashes_like_its_source_tree(tmp_path):
    """`helm pull --untar` gives the packaged chart: no .helmignore'd files, Chart.yaml rewritten by helm."""
    add_on = ADD_ON["mysql-operator"]
    (relative,) = tooling.source_paths(add_on)
    tooling.run_helm(["package", str(addons_root() / relative), "--destination", str(tmp_path)], "helm package")
    with tarfile.open(next(tmp_path.glob("*.tgz"))) as archive:
        archive.extractall(tmp_path / "pulled", filter="data")
    (tmp_path / relative).parent.mkdir(parents=True)
    (tmp_path / "pulled" / str(add_on.chart)).rename(tmp_path / relative)
    assert (tmp_path / relative / "Chart.yaml").read_text() != (addons_root() / relative / "Chart.yaml").read_text()
    assert not (tmp_path / relative / ".gitignore").exists()
    tooling.verify_addon(add_on, tmp_path)


# --- fetching -----------------------------------------------------------------------------


def test_a_failed_fetch_is_one_line_naming_the_add_on(tmp_path, monkeypatch, capsys, private_caches):
    unreachable = dataclasses.replace(ADD_ON["mysql-operator"], repo_url="http://127.0.0.1:9/charts")
    monkeypatch.setattr(tooling, "ADD_ONS", (unreachable,))
    assert tooling.main(["fetch", str(tmp_path / "addons")]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: mysql-operator: helm pull mysql-operator 2.2.2 from http://127.0.0.1:9/charts: ")
    assert not list((tmp_path / "addons").iterdir())


@needs_addons
def test_a_chart_fetched_from_a_chart_repository_is_laid_out_and_verified(tmp_path, private_caches):
    """The fetch path end to end, against a chart repository served from this machine."""
    add_on = ADD_ON["mysql-operator"]
    (relative,) = tooling.source_paths(add_on)
    repository = tmp_path / "repository"
    tooling.run_helm(["package", str(addons_root() / relative), "--destination", str(repository)], "helm package")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(repository))
    )
    url = f"http://127.0.0.1:{server.server_address[1]}"
    tooling.run_helm(["repo", "index", str(repository), "--url", url], "helm repo index")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        served = dataclasses.replace(add_on, repo_url=url)
        assert tooling.fetch_addon(served, tmp_path / "addons") == f"mysql-operator: fetched into {tmp_path / 'addons'}"
        assert (tmp_path / "addons" / relative / "Chart.yaml").is_file()
        assert tooling.fetch_addon(served, tmp_path / "addons") == f"mysql-operator: already in {tmp_path / 'addons'}"
    finally:
        server.shutdown()
        server.server_close()
    assert sorted(path.name for path in (tmp_path / "addons").iterdir()) == ["charts"]


def test_set_chart_version_sets_both_versions_and_nothing_else():
    chart = "apiVersion: v2\nname: cert-manager\n# set on release\nversion: v0.1.0\nappVersion: v0.1.0\nkubeVersion: '>= 1'\n"
    assert tooling.set_chart_version(chart, "v1.21.1") == chart.replace("v0.1.0", "v1.21.1")
    assert tooling.set_chart_version("apiVersion: v2\nname: x", "v1") == "apiVersion: v2\nname: x\nversion: v1\nappVersion: v1\n"


def test_drop_dependencies_removes_the_block_only():
    chart = (
        "apiVersion: v2\nname: external-secrets\nversion: 2.3.0\n"
        "dependencies:\n  - name: bitwarden-sdk-server\n    version: v0.6.0\n    repository: oci://ghcr.io/x\n"
        "    condition: bitwarden-sdk-server.enabled\n  - name: other\n    alias: renamed\n    version: 1.0.0\n"
        "keywords:\n- secrets\n"
    )
    text, names = tooling.drop_dependencies(chart)
    assert names == ["bitwarden-sdk-server", "renamed"]
    assert yaml.safe_load(text) == {"apiVersion": "v2", "name": "external-secrets", "version": "2.3.0", "keywords": ["secrets"]}
    column_zero = "name: x\ndependencies:\n- name: a\n  version: 1.0.0\nversion: 1.0.0\n"
    assert tooling.drop_dependencies(column_zero) == ("name: x\nversion: 1.0.0\n", ["a"])


def test_remove_subcharts_removes_folders_and_archives_of_those_names(tmp_path):
    charts = tmp_path / "charts"
    for folder in ("bitwarden-sdk-server", "bitwarden-sdk-server-extra", "crds"):
        (charts / folder).mkdir(parents=True)
    (charts / "bitwarden-sdk-server-v0.6.0.tgz").write_bytes(b"")
    removed = tooling.remove_subcharts(tmp_path, ["bitwarden-sdk-server"])
    assert removed == ["charts/bitwarden-sdk-server", "charts/bitwarden-sdk-server-v0.6.0.tgz"]
    assert sorted(path.name for path in charts.iterdir()) == ["bitwarden-sdk-server-extra", "crds"]


def test_pin_image_tags_replaces_latest_on_image_lines_only():
    manifest = (
        "        image: ghcr.io/rabbitmq/cluster-operator:latest\n"
        "      - image: 'localhost:5000/operator:latest'\n"
        "        image: example/tool:latest-rc\n"
        "        description: Servers should convert recognized schemas to the latest internal value\n"
    )
    assert tooling.pin_image_tags(manifest, "v2.22.3") == (
        "        image: ghcr.io/rabbitmq/cluster-operator:2.22.3\n"
        "      - image: 'localhost:5000/operator:2.22.3'\n"
        "        image: example/tool:latest-rc\n"
        "        description: Servers should convert recognized schemas to the latest internal value\n"
    )


@needs_addons
def test_the_normalisations_leave_the_pinned_copies_as_they_are():
    """A fetch applies them to what it downloads: on the pinned copies they must change nothing."""
    chart = addons_root() / tooling.source_paths(ADD_ON["cert-manager"])[0] / "Chart.yaml"
    assert tooling.set_chart_version(chart.read_text(), "v1.21.1") == chart.read_text()
    chart = addons_root() / tooling.source_paths(ADD_ON["external-secrets"])[0] / "Chart.yaml"
    assert tooling.drop_dependencies(chart.read_text()) == (chart.read_text(), [])
    for name in ("rabbitmq-cluster-operator", "rabbitmq-messaging-topology-operator"):
        for asset in tooling.kustomization_assets(ADD_ON[name]):
            text = (addons_root() / asset.relative_path).read_text()
            assert tooling.normalise_manifest(asset, text) == text


def test_a_kustomization_resource_must_be_the_commit_of_the_pinned_release(monkeypatch):
    add_on = ADD_ON["rabbitmq-cluster-operator"]
    commit = tooling.RELEASE_COMMITS[("rabbitmq/cluster-operator", "v2.22.3")]
    base = "https://github.com/rabbitmq/cluster-operator//config/installation?ref="

    def assets(resource):
        return tooling.kustomization_assets(add_on, {"resources": [resource]})

    (asset,) = assets(base + commit)
    assert (asset.version, asset.relative_path) == ("v2.22.3", "manifests/rabbitmq-cluster-operator-v2.22.3.yaml")
    assert asset.download_url == "https://github.com/rabbitmq/cluster-operator/releases/download/v2.22.3/cluster-operator.yml"
    with pytest.raises(tooling.AddOnError, match="can be republished"):
        assets("https://github.com/rabbitmq/cluster-operator/releases/download/v2.22.3/cluster-operator.yml")
    with pytest.raises(tooling.AddOnError, match="not a full commit sha"):
        assets(base + "v2.22.3")
    with pytest.raises(tooling.AddOnError, match="unknown upstream kustomization"):
        assets(f"https://github.com/rabbitmq/cluster-operator//config/default?ref={commit}")
    with pytest.raises(tooling.AddOnError, match="commit of no pinned release"):
        assets(base + "0" * 40)
    monkeypatch.setitem(tooling.RELEASE_COMMITS, ("rabbitmq/cluster-operator", "v2.0.0"), "1" * 40)
    with pytest.raises(tooling.AddOnError, match=r"is v2\.0\.0, the add-on pins v2\.22\.3"):
        assets(base + "1" * 40)


@needs_addons
def test_the_pinned_release_commits_are_those_the_add_ons_were_taken_from():
    provenance = (addons_root() / "PROVENANCE.txt").read_text().splitlines()
    recorded = {(line.split()[0].replace("+", "/"), line.split()[1]): line.split()[2] for line in provenance if line.strip()}
    for key, commit in tooling.RELEASE_COMMITS.items():
        assert recorded[key] == commit, key


# --- rendering ----------------------------------------------------------------------------


def test_the_render_key_follows_every_input():
    add_on, env = ADD_ON["traefik"], ENVIRONMENTS["prod"]
    tree = {relative: LOCK["addons"][relative] for relative in tooling.source_paths(add_on)}
    key = render_key(add_on, env, tree)
    assert render_key(add_on, env, dict(tree)) == key
    values = add_on.values
    assert values is not None
    replicas = dataclasses.replace(add_on, values=lambda e: values(e) | {"deployment": {"replicas": 7}})
    assert render_key(replicas, env, tree) != key
    assert render_key(add_on, ENVIRONMENTS["dev"], tree) != key
    assert render_key(add_on, env, dict.fromkeys(tree, "0" * 64)) != key
    assert render_key(dataclasses.replace(add_on, namespace="elsewhere"), env, tree) != key


@needs_addons
def test_a_second_render_reads_the_cache(private_caches):
    add_on = ADD_ON["mysql-operator"]
    fresh = raw_render(add_on, ENVIRONMENTS["staging"])
    (cached,) = private_caches.glob("mysql-operator-*.json")
    cached.write_text(json.dumps([{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "from-the-cache"}}]))
    platform_addons._renders.clear()
    assert raw_render(add_on, ENVIRONMENTS["staging"])[0]["metadata"]["name"] == "from-the-cache"
    assert raw_render(add_on, ENVIRONMENTS["staging"], use_cache=False) == fresh


def test_namespaced_objects_without_a_namespace_get_the_destination_one():
    def obj(api_version, kind, namespace=None):
        return {
            "apiVersion": api_version,
            "kind": kind,
            "metadata": {"name": kind.lower()} | ({"namespace": namespace} if namespace else {}),
        }

    crds = {("example.com", "Widget"): "Namespaced", ("example.com", "ClusterWidget"): "Cluster"}
    objects = [
        obj("apps/v1", "Deployment"),
        obj("v1", "Service", "elsewhere"),
        obj("rbac.authorization.k8s.io/v1", "ClusterRole"),
        obj("example.com/v1", "Widget"),
        obj("example.com/v1", "ClusterWidget"),
    ]
    result = set_default_namespace(objects, "destination", lambda: crds, "test")
    assert [o["metadata"].get("namespace") for o in result] == ["destination", "elsewhere", None, "destination", None]
    with pytest.raises(tooling.AddOnError, match=r"Gadget gadget \(example\.com/v1\) is neither a Kubernetes"):
        set_default_namespace([obj("example.com/v1", "Gadget")], "destination", lambda: crds, "test")


def test_the_built_in_scopes_are_consistent():
    assert not platform_addons.CLUSTER_SCOPED & platform_addons.NAMESPACED
    assert is_namespaced("v1", "Secret", dict) and is_namespaced("v1", "Namespace", dict) is False


def test_argo_cd_applies_the_helm_hooks_it_runs_and_skips_the_others():
    def annotated(**annotations):
        return {"metadata": {"annotations": annotations}}

    assert argocd_applies({"metadata": {}})
    assert argocd_applies(annotated(**{"helm.sh/hook": "pre-install,pre-upgrade"}))
    assert argocd_applies(annotated(**{"helm.sh/hook": "crd-install"}))
    assert not argocd_applies(annotated(**{"helm.sh/hook": "test"}))
    assert not argocd_applies(annotated(**{"helm.sh/hook": "pre-delete"}))
    assert not argocd_applies(annotated(**{"helm.sh/hook": "test-success"}))
    assert not argocd_applies(annotated(**{"argocd.argoproj.io/hook": "Skip", "helm.sh/hook": "post-install"}))


@needs_addons
def test_every_capability_test_of_the_charts_is_answered():
    defaults = helm_default_api_versions()
    charts = {relative for add_on in ADD_ONS if add_on.chart for relative in tooling.source_paths(add_on)}
    tested = set().union(*(capability_tests(addons_root() / relative) for relative in charts))
    assert tested - defaults - set(API_VERSIONS) - set(ABSENT_API_VERSIONS) == set()
    assert not set(ABSENT_API_VERSIONS) & (defaults | set(API_VERSIONS))


@needs_addons
@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_every_add_on_of_the_environment_renders(env):
    rendered = rendered_addons(env)
    assert list(rendered) == [add_on.name for add_on in add_ons(ENVIRONMENTS[env])]
    owners: Counter = Counter()
    for name, objects in rendered.items():
        kinds = {obj["kind"] for obj in objects}
        # Each add-on runs a controller, or (the monitoring CRDs' Application) installs CRDs only.
        assert kinds & WORKLOADS or kinds == {"CustomResourceDefinition"}, f"{name}: {sorted(kinds)}"
        for obj in objects:
            assert obj["metadata"]["name"], name
            key = (obj["apiVersion"].rpartition("/")[0], obj["kind"], obj["metadata"].get("namespace"), obj["metadata"]["name"])
            owners[key] += 1
    # Argo CD refuses to let two Applications own one object; they would undo each other.
    assert [key for key, count in owners.items() if count > 1] == []


@needs_addons
def test_a_kustomization_is_applied_by_kustomize():
    env = ENVIRONMENTS["prod"]
    for name in ("rabbitmq-cluster-operator", "rabbitmq-messaging-topology-operator"):
        add_on = ADD_ON[name]
        kustomization = yaml.safe_load((tooling.ROOT / str(add_on.path) / "kustomization.yaml").read_text())
        manifest = [
            doc
            for asset in tooling.kustomization_assets(add_on)
            for doc in tooling.load_manifest((addons_root() / asset.relative_path).read_text())
        ]
        rendered = raw_render(add_on, env)
        if set(kustomization) - {"apiVersion", "kind", "resources"}:
            assert rendered != manifest, f"{name}: the kustomization changes nothing"
        else:
            assert sorted(map(json.dumps, rendered)) == sorted(map(json.dumps, manifest))


@needs_addons
def test_renders_are_deterministic():
    """Charts may generate certificates or passwords (genCA, randAlphaNum): with our values none does."""
    env = ENVIRONMENTS["prod"]
    for add_on in add_ons(env):
        earlier = raw_render(add_on, env)
        assert raw_render(add_on, env, use_cache=False) == earlier, add_on.name


@needs_addons
def test_every_part_of_each_add_on_is_rendered():
    """The assembled-platform checks see only what is rendered: say which parts are not."""
    incomplete = {name: parts for env in ENVIRONMENTS for name, parts in incomplete_addons(env).items()}
    if incomplete:
        lacking = "; ".join(f"{name} without {', '.join(parts)}" for name, parts in sorted(incomplete.items()))
        pytest.skip(f"checked without parts the add-ons folder lacks ({lacking}); `make addons` gets the published charts")


# --- images -------------------------------------------------------------------------------

# Flags by which a controller is told the image of the pods it makes (cert-manager's
# --acme-http01-solver-image, the Prometheus Operator's --prometheus-config-reloader and
# --thanos-default-base-image).
_IMAGE_FLAG = re.compile(r"^--[a-z0-9.-]*(?:image|reloader)[a-z0-9.-]*=(?P<image>[^\s,=]+/[^\s,=]+)$")
_BY_DIGEST = re.compile(r"@sha256:[0-9a-f]{64}$")


def add_on_images(objects: list[dict]) -> set[str]:
    """Every image the objects run or make their controllers run: `image` fields anywhere in a
    spec (pod templates, the Prometheus and Alertmanager resources) and image flags."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "image" and isinstance(value, str):
                    found.add(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str) and (match := _IMAGE_FLAG.match(node)):
            found.add(match["image"])

    for obj in objects:
        walk(obj.get("spec") or {})
    return found


def test_image_references_are_found_where_add_ons_put_them():
    pinned = "a.io/app:1@sha256:" + "0" * 64
    containers = [{"image": pinned, "args": ["--acme-http01-solver-image=a.io/solver:1", "--v=2"]}]
    pod = {"initContainers": [{"image": "a.io/init:1"}], "containers": containers}
    deployment = {"kind": "Deployment", "spec": {"template": {"spec": pod}}}
    prometheus = {"kind": "Prometheus", "spec": {"image": "a.io/prometheus:3"}}
    assert add_on_images([deployment, prometheus]) == {"a.io/init:1", pinned, "a.io/solver:1", "a.io/prometheus:3"}
    assert _BY_DIGEST.search(pinned) and not _BY_DIGEST.search("a.io/app:1")


@needs_addons
def test_every_add_on_image_is_pinned_by_digest_or_said_why_not():
    """As the platform's own images are: a tag can be pushed again, a digest cannot."""
    unpinned = {
        image: add_on.name
        for env in ENVIRONMENTS.values()
        for add_on in add_ons(env)
        for image in add_on_images(render_addon(add_on, env))
        if not _BY_DIGEST.search(image)
    }
    unexplained = {image: name for image, name in unpinned.items() if image not in UNPINNED_ADD_ON_IMAGES}
    assert unexplained == {}, "pin these by digest, or say in UNPINNED_ADD_ON_IMAGES (model/installed_add_ons.py) why not"
    assert all(reason.strip() for reason in UNPINNED_ADD_ON_IMAGES.values())


@needs_addons
def test_no_image_is_said_unpinned_that_no_add_on_renders():
    """An entry left behind by a version bump or a new digest would excuse nothing, silently."""
    # Sub-charts a copy lacks render no image; CRDs hold none.
    parts = {part for env in ENVIRONMENTS for parts in incomplete_addons(env).values() for part in parts}
    lacking = sorted(part for part in parts if " " not in part)
    if lacking:
        pytest.skip(f"not checked: which listed images are stale (this add-ons copy lacks the sub-charts {', '.join(lacking)})")
    rendered = {
        image for env in ENVIRONMENTS.values() for add_on in add_ons(env) for image in add_on_images(render_addon(add_on, env))
    }
    assert sorted(set(UNPINNED_ADD_ON_IMAGES) - rendered) == []


def _reference(image: str) -> tuple[str, str | None, str | None]:
    """(repository, tag, digest) of an image reference; tag and digest None where it names none."""
    name, _, digest = image.partition("@")
    repository, colon, tag = name.rpartition(":")
    if not colon or "/" in tag:
        repository, tag = name, ""
    return repository, tag or None, digest or None


def test_image_references_are_split_into_repository_tag_and_digest():
    digest = "sha256:" + "a" * 64
    assert _reference(f"a.io:5000/x/y:1.2@{digest}") == ("a.io:5000/x/y", "1.2", digest)
    assert _reference(f"docker.io/traefik@{digest}") == ("docker.io/traefik", None, digest)
    assert _reference("a.io:5000/x/y") == ("a.io:5000/x/y", None, None)


def test_every_pinned_add_on_image_is_corroborated_by_two_independent_sources():
    """The lock's rule (addon-images.lock.json, "about"): a digest that no registry could be asked
    for is pinned only where two public repositories of different owners agree on it."""
    lock = json.loads(ADD_ON_IMAGES_LOCK.read_text())["images"]
    for image, entry in lock.items():
        _, tag, digest = _reference(image)
        assert tag and digest is None, f"{image}: a reference with its tag and without a digest"
        assert re.fullmatch(r"sha256:[0-9a-f]{64}", entry["digest"]), image
        owners = {source.get("repo", "").partition("/")[0] or source["project"] for source in entry["sources"]}
        assert len(owners) >= 2, f"{image}: corroborated by {sorted(owners)} only"
        assert all(source["index_files"] for source in entry["sources"]), image
    assert sorted(set(lock) & set(UNPINNED_ADD_ON_IMAGES)) == []


def _rendered_images() -> set[str]:
    return {
        image for env in ENVIRONMENTS.values() for add_on in add_ons(env) for image in add_on_images(render_addon(add_on, env))
    }


@needs_addons
def test_every_image_rendered_with_a_digest_has_the_digest_of_the_lock():
    """A digest in a render that is not the lock's (a chart's own default, a value under another
    name, a tag bumped without its digest) is caught here."""
    recorded: dict[str, list[tuple[str | None, str]]] = {}
    for image, pinned_digest in ADD_ON_IMAGE_DIGESTS.items():
        repository, tag, _ = _reference(image)
        recorded.setdefault(repository, []).append((tag, pinned_digest))
    wrong: dict[str, object] = {}
    for image in _rendered_images():
        repository, tag, digest = _reference(image)
        if digest is None:
            continue
        if not any(digest == pinned and tag in (None, pinned_tag) for pinned_tag, pinned in recorded.get(repository, [])):
            wrong[image] = recorded.get(repository, "not in addon-images.lock.json")
    assert wrong == {}


@needs_addons
def test_every_image_of_the_lock_is_rendered_with_its_digest():
    """The lock pins what the add-ons run: a chart that ignored the value naming a digest would
    render the image by tag, and its lock entry would be found nowhere."""
    parts = {part for env in ENVIRONMENTS for parts in incomplete_addons(env).values() for part in parts}
    lacking = sorted(part for part in parts if " " not in part)
    if lacking:
        pytest.skip(f"not checked: this add-ons copy lacks the sub-charts {', '.join(lacking)}")
    rendered = {(_reference(image)[0], _reference(image)[2]) for image in _rendered_images()}
    missing = {image: digest for image, digest in ADD_ON_IMAGE_DIGESTS.items() if (_reference(image)[0], digest) not in rendered}
    assert missing == {}
