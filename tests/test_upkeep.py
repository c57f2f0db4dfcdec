"""Set-up and upkeep: what `make synth` installs, the pinned CRDs' checksums and the quiet
`make imports`/`make crds`, references only to files a clone has, README numbers that come
from a command, the pre-commit hooks and `make fmt`."""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from ecommerce_ops.crd_sources import CrdChecksumError, check_files, local_names, pinned_sha256
from scripts import bench

from .schemas import CRDS, needs_crds

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
CDK8S_CLI = ROOT / "node_modules" / ".bin" / "cdk8s"


def make_dry_run(*targets: str, always: bool = False) -> list[str]:
    """The commands `make` would run (-n), as if nothing were installed yet with `always` (-B)."""
    # Under `make test`, the parent make's flags (a jobserver, -n...) must not leak in.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    command = ["make", "--no-print-directory", "-n", *(["-B"] if always else []), *targets]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return result.stdout.splitlines()


def pinned_crds() -> Path:
    """The pinned CRDs folder (the tests that read it are marked `needs_crds`)."""
    assert CRDS is not None
    return CRDS


def upstream_urls() -> list[str]:
    return [entry.partition(":=")[2] for entry in yaml.safe_load((ROOT / "cdk8s.yaml").read_text())["imports"]]


# --- make synth installs only what synthesis needs ----------------------------------------


def test_make_synth_from_scratch_installs_the_runtime_dependencies_only():
    commands = make_dry_run("synth", always=True)
    installs = [line for line in commands if "pip install" in line or "npm " in line or "venv" in line]
    assert installs, commands
    assert not [line for line in installs if re.search(r"\[test\]|checkov|nca|zizmor|npm ", line)], installs
    assert not [line for line in commands if re.search(r"addons\.py|apt-get", line)], commands
    assert any(re.search(r"pip install .*-c constraints\.txt -e \.$", line) for line in installs), installs


def test_make_test_installs_the_rest():
    commands = "\n".join(make_dry_run("test", always=True))
    for what in (r"-e '\.\[test\]'", "npm ci", "requirements-checkov.txt", "requirements-nca.txt", "zizmor.txt"):
        assert re.search(what, commands), what


def test_make_synth_once_set_up_only_synthesises():
    """Idempotent and fast on re-run: nothing is reinstalled (`make test` has set up)."""
    assert make_dry_run("synth") == [".venv/bin/python -O main.py "], "make synth would install: was `make setup` run?"


def test_synthesis_imports_nothing_the_test_extras_install(tmp_path):
    """What `make synth` runs imports only runtime dependencies (its forked workers too)."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    test_distributions = {re.split(r"[ =<>!~\[;]", requirement)[0].lower() for requirement in extras}
    modules = {
        module
        for module, distributions in importlib.metadata.packages_distributions().items()
        if {d.lower() for d in distributions} & test_distributions
    }
    assert {"pytest", "deepdiff", "jsonschema"} <= modules
    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20")
    result = subprocess.run(
        [str(PYTHON), "-X", "importtime", "-O", "main.py", "--env", "dev", "--outdir", str(tmp_path / "dist")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "cdk8s" in imported
    assert not {name.split(".")[0] for name in imported} & modules


# --- the pinned CRDs: checksums, make crds, make imports ----------------------------------


def test_every_file_of_every_pinned_url_has_a_checksum():
    wanted = {name for url in upstream_urls() for name in local_names(urlparse(url).path)}
    pins = pinned_sha256()
    assert set(pins) == wanted
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for digest in pins.values())


@needs_crds
def test_the_pinned_crds_have_the_pinned_checksums():
    check_files(sorted(pinned_crds().glob("*.yaml")))


def test_a_changed_byte_is_refused_naming_the_file(tmp_path):
    name = next(iter(pinned_sha256()))
    changed = tmp_path / name
    changed.write_bytes(b"apiVersion: apiextensions.k8s.io/v1\n")
    with pytest.raises(CrdChecksumError, match=rf"^{re.escape(name)}: sha256 [0-9a-f]{{64}} is not the pinned"):
        check_files([changed])


def mirror_of_upstream(tmp_path: Path, changed: str | None = None) -> Path:
    """A file:// mirror of raw.githubusercontent.com holding the pinned files at their URLs'
    paths; the MySQL Operator's multi-document file is rebuilt from its two local documents
    (cut at `---`, as upstream) followed by a stand-in for the two documents we drop."""
    mirror = tmp_path / "mirror"
    for url in upstream_urls():
        names = local_names(urlparse(url).path)
        parts = [(pinned_crds() / name).read_bytes() for name in names]
        if changed in names:
            parts[names.index(changed)] = parts[names.index(changed)].replace(b"spec:", b"spec: ", 1)
        body = parts[0] if len(parts) == 1 else b"---\n".join([*parts, b"# the kopf peering CRDs\n"])
        target = mirror / url.removeprefix("https://raw.githubusercontent.com/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    return mirror


def run_script(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PYTHON), *args], cwd=ROOT, env=env or dict(os.environ), capture_output=True, text=True, timeout=600
    )


@needs_crds
def test_make_crds_writes_the_pinned_files_one_line_each(tmp_path):
    mirror = mirror_of_upstream(tmp_path)
    result = run_script("scripts/fetch_crds.py", "--mirror", mirror.as_uri(), str(tmp_path / "crds"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    pins = pinned_sha256()
    lines = result.stdout.splitlines()
    assert len(lines) == len(pins)
    for name, digest in pins.items():
        written = tmp_path / "crds" / name
        assert hashlib.sha256(written.read_bytes()).hexdigest() == digest
        assert written.read_bytes() == (pinned_crds() / name).read_bytes()
        assert sum(str(written) in line for line in lines) == 1, name


@needs_crds
@pytest.mark.parametrize("changed", ["traefik.io_middlewares.yaml", "mysql.oracle.com_mysqlbackups.yaml"])
def test_make_crds_refuses_a_file_that_is_not_the_pinned_one_in_one_line(tmp_path, changed):
    mirror = mirror_of_upstream(tmp_path, changed=changed)
    result = run_script("scripts/fetch_crds.py", "--mirror", mirror.as_uri(), str(tmp_path / "crds"))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert f"{changed}: sha256 " in result.stderr and "nothing written" in result.stderr
    assert not (tmp_path / "crds").exists()


def test_make_crds_says_in_one_line_which_download_failed(tmp_path):
    result = run_script("scripts/fetch_crds.py", "--mirror", (tmp_path / "nowhere").as_uri(), str(tmp_path / "crds"))
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"fetch_crds: {upstream_urls()[0]}: ")
    assert not (tmp_path / "crds").exists()


needs_cli = pytest.mark.skipif(not CDK8S_CLI.exists(), reason="needs node_modules (make setup)")


@needs_crds
@needs_cli
def test_make_imports_prints_one_line_per_module_and_regenerates_the_committed_code(tmp_path):
    output = tmp_path / "imports"
    result = run_script("scripts/import_crds.py", "--only", "rabbitmq_vhosts", "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == ["imports/rabbitmq_vhosts  <- rabbitmq.com_vhosts.yaml"]
    generated = sorted(p.relative_to(output) for p in (output / "rabbitmq_vhosts").rglob("*") if p.is_file())
    committed = sorted(
        p.relative_to(ROOT / "imports")
        for p in (ROOT / "imports" / "rabbitmq_vhosts").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    assert generated == committed
    for path in generated:
        assert (output / path).read_bytes() == (ROOT / "imports" / path).read_bytes(), path


@needs_crds
@needs_cli
def test_a_failing_cdk8s_import_is_one_line_naming_the_file(tmp_path):
    """No banner, no stack trace: the CLI's last words, the file, and where the rest went."""
    (tmp_path / "bin").mkdir()
    env = dict(os.environ, PATH=str(tmp_path / "bin"))  # the CLI then finds no `node`
    output = tmp_path / "imports"
    result = run_script("scripts/import_crds.py", "--only", "rabbitmq_vhosts", "--output", str(output), env=env)
    assert result.returncode == 1
    assert result.stdout == ""
    first, last = result.stderr.splitlines()
    assert first.startswith("import_crds: rabbitmq.com_vhosts.yaml: cdk8s import failed: ")
    assert "node" in first and ".cache/import-crds/rabbitmq_vhosts.log" in first
    assert last == "import_crds: 1 of 1 failed; imports/ left unchanged"
    assert not output.exists()


@needs_crds
def test_make_imports_refuses_crds_that_are_not_the_pinned_ones(tmp_path):
    crds = tmp_path / "crds"
    shutil.copytree(pinned_crds(), crds)
    (crds / "rabbitmq.com_vhosts.yaml").write_bytes((crds / "rabbitmq.com_vhosts.yaml").read_bytes() + b"# changed\n")
    env = dict(os.environ, ECOMMERCE_CRDS_DIR=str(crds))
    result = run_script("scripts/import_crds.py", "--only", "rabbitmq_vhosts", "--output", str(tmp_path / "out"), env=env)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "rabbitmq.com_vhosts.yaml: sha256 " in line and line.endswith("out/ left unchanged")
    assert not (tmp_path / "out").exists()


# --- references only to files a clone has -------------------------------------------------

# Where the project's own files live: a path there that names no file is a broken reference.
REPOSITORY_PATH = re.compile(
    r"(?<![\w./-])((?:constructs|scripts|tests|docs|releases|deploy|\.github|\.ci)/[\w./-]*\w\.(?:py|md|ya?ml|json|sh|txt|toml|in))\b"
)
# ../shared (or its stand-in) is where the pinned CRDs and add-ons are found, which is fine to
# say; a file in it, or the design notes' seed, is something a clone does not have to cite.
OUTSIDE_FILE = re.compile(r"\bseed/[\w.-]+|\.\./shared/[\w.-]+/[\w.-]+")
GENERATED = re.compile(r"^(dist|imports|tests/__snapshots__)/|(^|/)(package-lock\.json|[\w.-]+\.lock\.json|\.secrets\.baseline)$")


def text_files() -> list[str]:
    if not (ROOT / ".git").exists() or not shutil.which("git"):
        pytest.skip("not a git clone")
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return [name for name in sorted(set(listing.splitlines())) if not GENERATED.search(name) and (ROOT / name).is_file()]


def test_every_file_the_repository_cites_is_in_it():
    broken = []
    # This file cites missing files on purpose, to show that the check sees them.
    for name in set(text_files()) - {str(Path(__file__).relative_to(ROOT))}:
        try:
            text = (ROOT / name).read_text()
        except UnicodeDecodeError:
            continue
        broken += [f"{name}: {cited}" for cited in REPOSITORY_PATH.findall(text) if not (ROOT / cited).exists()]
        broken += [f"{name}: {cited}" for cited in OUTSIDE_FILE.findall(text)]
    assert broken == []


def test_the_reference_check_sees_a_citation_of_a_seed_file_or_a_missing_one():
    assert OUTSIDE_FILE.findall("values follow (seed/platform-summary.fr.md)") == ["seed/platform-summary.fr.md"]
    assert OUTSIDE_FILE.findall("as ../shared/addons/PROVENANCE.txt records; CRDs in ../shared/crds") == [
        "../shared/addons/PROVENANCE.txt"
    ]
    assert REPOSITORY_PATH.findall("see scripts/gone.py, not https://x/y/docs/content/a.yaml") == ["scripts/gone.py"]


# --- README numbers come from a command ---------------------------------------------------

README = ROOT / "README.md"
# A measured duration or ratio as prose states one: "about 90 s", "0.25 s", "9–11 ms", "2.85 ×".
MEASUREMENT = re.compile(r'(?<![\w.`/"-])\d+(?:\.\d+)?(?:[–-]\d+(?:\.\d+)?)?\s?(?:s|ms|seconds|×)(?![\w`])')


def bench_block(text: str) -> str:
    start, end = text.index(bench.BEGIN), text.index(bench.END) + len(bench.END)
    return text[start:end]


def test_readme_states_no_measurement_but_what_make_bench_wrote():
    text = README.read_text()
    outside = text.replace(bench_block(text), "")
    prose = re.sub(r"```.*?```", "", outside, flags=re.DOTALL)
    assert MEASUREMENT.findall(prose) == []


def test_the_measurement_check_sees_timings_in_prose():
    assert MEASUREMENT.findall(
        "`make test` (about 90 s on a warm machine); checks (about 0.25 s), 9–11 ms, 2.85 × the floor"
    ) == [
        "90 s",
        "0.25 s",
        "9–11 ms",
        "2.85 ×",
    ]
    assert MEASUREMENT.findall('backoff `duration="10s"`, up to 15 minutes, TLS 1.2') == []


def test_readme_benchmarks_are_what_make_bench_writes(tmp_path):
    """A real run (one sample each) writes the same table, its numbers aside, and nothing else."""
    copy = tmp_path / "README.md"
    copy.write_text(README.read_text())
    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20")
    result = subprocess.run(
        [str(PYTHON), "scripts/bench.py", "--runs", "1", "--readme", str(copy)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    before, after = README.read_text(), copy.read_text()
    assert before.replace(bench_block(before), "") == after.replace(bench_block(after), "")

    def shape(block: str) -> str:
        return re.sub(r"\d+(\.\d+)?", "N", block)

    assert shape(bench_block(before)) == shape(bench_block(after))
    floor = re.search(r"import floor .*: +([\d.]+) s", result.stdout)
    assert floor and f"| {float(floor.group(1)):.2f} | 1 |" in bench_block(after)


# --- pre-commit and make fmt ---------------------------------------------------------------


def test_pre_commit_runs_ruff_the_type_checker_and_the_secret_scan_with_the_projects_tools():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert all(repo["repo"] == "local" for repo in config["repos"]), "offline: the project's own pinned tools"
    entries = {hook_id: hook["entry"].split() for hook_id, hook in hooks.items()}
    assert entries["ruff-check"][:2] == [".venv/bin/ruff", "check"]
    assert entries["ruff-format"][:3] == [".venv/bin/ruff", "format", "--check"]
    assert entries["mypy"] == [".venv/bin/python", "-m", "mypy"]
    assert entries["secret-scan"] == [".venv/bin/python", "scripts/scan_secrets.py"]
    for hook_id, hook in hooks.items():
        assert hook["language"] == "system", hook_id
        assert (ROOT / entries[hook_id][-1]).is_file() or (ROOT / entries[hook_id][0]).is_file(), hook_id
    # Whole-project checks: a file's change can break another's types, and the scan applies
    # the baseline's exclusions to repository paths.
    assert hooks["mypy"]["pass_filenames"] is False
    assert hooks["secret-scan"]["pass_filenames"] is False


def test_make_fmt_formats_then_fixes():
    commands = [line for line in make_dry_run("fmt") if "ruff" in line]
    assert [line.split()[1:4] for line in commands] == [["-m", "ruff", "format"], ["-m", "ruff", "check"]]
    assert "--fix" in commands[1].split()
