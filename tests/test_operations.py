"""deploy / diff / verify / cleanup plans: order, readiness checks, pruning, refusals; and their runner."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from ecommerce.environments import DEV, ENVIRONMENTS, PROD
from ecommerce.errors import ConfigError
from ecommerce.operations import (
    APPLYSET_RESOURCE,
    CLI,
    FIELD_MANAGER,
    MAKE,
    PART_OF,
    Step,
    applyset_crd,
    applyset_id,
    applyset_name,
    applyset_parent,
    cleanup_plan,
    deploy_plan,
    diff_plan,
    execute,
    needs_confirmation,
    objects_of,
    run,
    verify_plan,
)
from tests.schemas import CURRENT_KUBERNETES, core_error

ROOT = Path(__file__).resolve().parent.parent
# A Kubernetes label value: at most 63 characters, alphanumeric at both ends.
LABEL_VALUE = re.compile(r"(?=.{1,63}$)[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")


def commands(steps):
    return [" ".join(step.args) for step in steps]


def described(steps):
    return [step.description for step in steps]


def plans(folder: Path, env=PROD):
    return {
        "deploy": deploy_plan(env, folder),
        "diff": diff_plan(env, folder),
        "verify": verify_plan(env, folder),
        "cleanup": cleanup_plan(env, folder, confirm=env.name),
    }


def test_deploy_applies_waves_in_order_and_waits_before_the_next(synthesized):
    steps = deploy_plan(PROD, synthesized / "prod")
    names = described(steps)
    applies = [d for d in names if d.startswith("apply ")]
    assert applies == [f"apply {path.name}" for path in sorted((synthesized / "prod").glob("*.yaml"))]
    # The data stores are ready before any service starts.
    services = names.index("apply 30-services.k8s.yaml")
    assert names.index("InnoDBCluster e-commerce-data/mysql is ready") < services
    assert names.index("RabbitmqCluster e-commerce-messaging/rabbitmq is ready") < services
    assert names.index("Deployment e-commerce-prod/orders is ready") < names.index("apply 40-edge.k8s.yaml")
    assert "Certificate e-commerce-prod/api-tls is ready" in names
    assert all("--context prod" in c for c in commands(steps[1:]))
    apply = next(step for step in steps if step.description == "apply 00-foundation.k8s.yaml")
    assert apply.args[3:6] == ("apply", "--server-side", f"--field-manager={FIELD_MANAGER}")


def test_each_wave_is_applied_as_members_of_the_environments_applyset(synthesized):
    """The wave applies carry the label kubectl gives the set's members, so that the final
    pruning apply changes nothing on them and a wave applied alone never drops it."""
    folder = synthesized / "prod"
    set_id = applyset_id(applyset_name(PROD))
    for step in deploy_plan(PROD, folder):
        if step.description.startswith("apply "):
            applied = [doc for doc in yaml.safe_load_all(step.stdin or "") if doc]
            assert step.args[-2:] == ("-f", "-")
            assert all(doc["metadata"]["labels"][PART_OF] == set_id for doc in applied)
            for doc in applied:
                del doc["metadata"]["labels"][PART_OF]
                if not doc["metadata"]["labels"]:
                    del doc["metadata"]["labels"]
            assert applied == objects_of(folder / step.description.removeprefix("apply "))


def test_deploy_prunes_what_left_dist_last_through_an_applyset(synthesized):
    folder = synthesized / "prod"
    steps = deploy_plan(PROD, folder)
    prune = steps[-1]
    name = applyset_name(PROD)
    assert prune.args[3:] == (
        "apply",
        "--server-side",
        f"--field-manager={FIELD_MANAGER}",
        f"--applyset={APPLYSET_RESOURCE}/{name}",
        "--prune",
        "-f",
        str(folder),
    )
    assert ("KUBECTL_APPLYSET", "true") in prune.env
    # Not one other step prunes, and pruning comes after every wave worked.
    assert [s for s in steps if "--prune" in s.args] == [prune]
    assert not any(s.check for s in steps)
    # kubectl creates no custom-resource parent itself: the plan does, once, before any wave.
    create = next(s for s in steps if s.description == f"the ApplySet {name} exists")
    assert steps.index(create) < described(steps).index("apply 00-foundation.k8s.yaml")
    assert create.unless == ("kubectl", "--context", "prod", "get", f"{APPLYSET_RESOURCE}/{name}", "-o", "name")
    assert yaml.safe_load(create.stdin or "") == applyset_parent(name)


def test_applyset_ids_are_the_ones_kubectl_computes():
    # Expected values from kubectl's own tests (pkg/cmd/apply/apply_test.go): a custom
    # cluster-scoped parent and a Secret parent.
    assert (
        applyset_id("my-set", kind="ApplySet", group="company.com") == "applyset-rhp1a-HVAVT_dFgyEygyA1BEB82HPp2o10UiFTpqtAs-v1"
    )
    assert applyset_id("my-set", "test", "Secret", "") == "applyset-0eFHV8ySqp7XoShsGvyWFQD3s96yqwHmzc4e0HR1dsY-v1"
    ids = {applyset_id(applyset_name(env)) for env in ENVIRONMENTS.values()}
    assert len(ids) == len(ENVIRONMENTS) and all(LABEL_VALUE.fullmatch(i) for i in ids)


def test_applyset_parent_is_a_valid_cluster_scoped_custom_resource_kubectl_accepts():
    crd = applyset_crd()
    assert core_error(crd, CURRENT_KUBERNETES) is None
    assert crd["spec"]["scope"] == "Cluster"
    assert "applyset.kubernetes.io/is-parent-type" in crd["metadata"]["labels"]
    assert crd["metadata"]["name"] == APPLYSET_RESOURCE == f"{crd['spec']['names']['plural']}.{crd['spec']['group']}"
    parent = applyset_parent(applyset_name(PROD))
    jsonschema.validate(parent, crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"])
    assert parent["apiVersion"] == f"{crd['spec']['group']}/{crd['spec']['versions'][0]['name']}"
    assert parent["kind"] == crd["spec"]["names"]["kind"]
    annotations = parent["metadata"]["annotations"]
    # kubectl refuses a parent without these, or managed by another tool.
    assert annotations["applyset.kubernetes.io/tooling"].startswith("kubectl/")
    assert annotations["applyset.kubernetes.io/contains-group-kinds"] == ""


def test_fields_owned_by_others_are_taken_over_only_when_asked(synthesized):
    folder = synthesized / "prod"
    default = [s for s in deploy_plan(PROD, folder) + diff_plan(PROD, folder) if s.args[3:4] in (("apply",), ("diff",))]
    assert default and not [s for s in default if "--force-conflicts" in s.args]
    ours = [s for s in deploy_plan(PROD, folder, spelling=MAKE) if f"--field-manager={FIELD_MANAGER}" in s.args]
    assert ours and all("FORCE=1" in s.hint for s in ours)
    forced = deploy_plan(PROD, folder, force=True) + diff_plan(PROD, folder, force=True)
    writes = [s for s in forced if s.args[3:4] in (("apply",), ("diff",)) and FIELD_MANAGER in " ".join(s.args)]
    assert writes and all("--force-conflicts" in s.args for s in writes)


def test_waits_stream_their_progress_and_stop_a_deploy(synthesized):
    folder = synthesized / "prod"
    waits = [s for s in deploy_plan(PROD, folder) if s.args[3:4] in (("wait",), ("rollout",))]
    assert any(s.args[3:5] == ("rollout", "status") for s in waits)
    assert all(s.stream and not s.check for s in waits)
    applies = [s for s in deploy_plan(PROD, folder) if s.args[3:4] == ("apply",) and s.stdin and "labelled" in s.stdin_note]
    assert applies and all(s.stream for s in applies)
    checks = verify_plan(PROD, folder)[1:]
    assert checks and all(s.stream and s.check for s in checks)


def test_every_plan_first_checks_that_the_context_exists(synthesized):
    for action, steps in plans(synthesized / "prod").items():
        first = steps[0]
        assert first.args == ("kubectl", "config", "get-contexts", "prod"), action
        assert not first.check, action


def test_a_missing_context_is_one_line_and_nothing_else_runs(synthesized, capsys):
    ran = []

    def missing_context(args, *, env, stdin, on_line):
        ran.append(args)
        if args[:3] == ("kubectl", "config", "get-contexts"):
            on_line("CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE")
            on_line(f"error: context {args[3]} not found")
            return 1
        return 0

    for spelling, option in ((MAKE, "CONTEXT=<name>"), (CLI, "--context <name>")):
        assert run(verify_plan(PROD, synthesized / "prod", context="kind-prod", spelling=spelling), missing_context) == 1
        _, err = capsys.readouterr()
        assert err.splitlines() == [
            "FAIL  kubectl context kind-prod exists: error: context kind-prod not found",
            f"      add it to your kubeconfig, or name another context with {option}",
        ]
        assert len(ran) == 1
        ran.clear()


def test_jobs_are_replaced_then_awaited(synthesized):
    names = described(deploy_plan(DEV, synthesized / "dev"))
    replace = names.index("replace Job e-commerce-data/mysql-accounts")
    assert replace < names.index("apply 20-data.k8s.yaml") < names.index("Job e-commerce-data/mysql-accounts completes")


def test_verify_only_checks(synthesized):
    steps = verify_plan(DEV, synthesized / "dev", context="kind-dev")
    assert steps[1:] and all(step.check for step in steps[1:])
    assert not [c for c in commands(steps) if " apply " in c or " delete " in c]
    assert all(c.startswith("kubectl --context kind-dev ") for c in commands(steps[1:]))
    assert "StatefulSet e-commerce-data/mysql is ready" in described(steps)


def test_live_diff_is_server_side_with_the_deploys_input_and_counts_differences_as_success(synthesized):
    folder = synthesized / "prod"
    diff = diff_plan(PROD, folder, context="kind-prod")[-1]
    assert diff.args[:6] == ("kubectl", "--context", "kind-prod", "diff", "--server-side", f"--field-manager={FIELD_MANAGER}")
    assert diff.stream and diff.ok_codes == (0, 1)
    applied = [
        doc for s in deploy_plan(PROD, folder) if s.description.startswith("apply ") for doc in yaml.safe_load_all(s.stdin or "")
    ]
    assert list(yaml.safe_load_all(diff.stdin or "")) == applied


def test_cleanup_deletes_last_wave_first_then_the_applyset(synthesized):
    steps = cleanup_plan(DEV, synthesized / "dev", confirm=None)
    files = sorted((synthesized / "dev").glob("*.yaml"))
    assert described(steps)[1:-1] == [f"delete {path.name}" for path in reversed(files)]
    assert all(step.stream for step in steps[1:-1])
    parent = steps[-1]
    assert parent.args[3:5] == ("delete", f"{APPLYSET_RESOURCE}/{applyset_name(DEV)}")
    assert parent.only_if, "a cluster never deployed with an ApplySet has no such resource type"


@pytest.mark.parametrize("env", ENVIRONMENTS.values(), ids=ENVIRONMENTS)
def test_production_like_environments_need_their_name_to_be_deleted(env, synthesized):
    folder = synthesized / env.name
    assert needs_confirmation(env) == env.require_pinned_images
    assert cleanup_plan(env, folder, confirm=env.name)
    if not needs_confirmation(env):
        assert cleanup_plan(env, folder, confirm=None)
        return
    with pytest.raises(ConfigError, match=f"to delete it, run: make cleanup ENV={env.name} CONFIRM={env.name}$"):
        cleanup_plan(env, folder, confirm=None, spelling=MAKE)
    with pytest.raises(ConfigError, match="CONFIRM=other names another one"):
        cleanup_plan(env, folder, confirm="other", spelling=MAKE)
    with pytest.raises(ConfigError, match=f"run: python scripts/platformctl.py cleanup {env.name} --confirm {env.name}$"):
        cleanup_plan(env, folder, confirm=None)


def test_make_cleanup_names_makes_variables():
    """Run through make, the messages name ENV= and CONFIRM=, not platformctl's flags."""
    confirmed = [env.name for env in ENVIRONMENTS.values() if needs_confirmation(env)]
    assert confirmed
    make = ["make", "--no-print-directory", "-s", "-o", "setup", "cleanup"]
    for name in confirmed:
        refused = subprocess.run([*make, f"ENV={name}"], cwd=ROOT, capture_output=True, text=True)
        assert refused.returncode != 0
        assert f"to delete it, run: make cleanup ENV={name} CONFIRM={name}" in refused.stderr
        assert "--confirm" not in refused.stderr
    usage = subprocess.run(make, cwd=ROOT, capture_output=True, text=True)
    assert usage.returncode != 0 and "usage: make cleanup ENV=" in usage.stderr and "CONFIRM=" in usage.stderr


def test_readme_says_which_environments_need_confirming():
    readme = (ROOT / "README.md").read_text()
    line = next(line for line in readme.splitlines() if line.startswith("make cleanup ENV="))
    needing = line.split("#", 1)[1]
    for env in ENVIRONMENTS.values():
        assert (re.search(rf"\b{env.name}\b", needing) is not None) == needs_confirmation(env), (env.name, line)


def test_plans_need_synthesised_manifests(tmp_path):
    with pytest.raises(ConfigError, match="no manifests: run `make synth` first"):
        deploy_plan(DEV, tmp_path)


def fake(results: dict[str, int]):
    def execute(args, *, env, stdin, on_line):
        code = results.get(args[-1], 0)
        if code:
            on_line(f"error from {args[-1]}")
        return code

    return execute


def test_run_stops_at_a_failed_action(capsys):
    steps = [Step("apply a", ("kubectl", "a")), Step("apply b", ("kubectl", "b")), Step("apply c", ("kubectl", "c"))]
    assert run(steps, fake({"b": 1})) == 1
    out, err = capsys.readouterr()
    assert "ok    apply a" in out and "apply c" not in out
    assert "FAIL  apply b: error from b" in err


def test_run_reports_every_failed_check(capsys):
    steps = [
        Step("x ready", ("kubectl", "x"), True),
        Step("y ready", ("kubectl", "y"), True),
        Step("z ready", ("kubectl", "z"), True),
    ]
    assert run(steps, fake({"x": 1, "z": 1})) == 1
    _, err = capsys.readouterr()
    assert "FAIL  x ready" in err and "FAIL  z ready" in err and "2 of 3 checks failed" in err
    assert run(steps, fake({})) == 0


def test_run_accepts_the_exit_codes_a_step_allows(capsys):
    differences = Step("diff", ("kubectl", "diff"), ok_codes=(0, 1))
    assert run([differences], fake({"diff": 1})) == 0
    assert run([differences], fake({"diff": 2})) == 1
    assert "FAIL  diff: error from diff" in capsys.readouterr().err


def test_run_creates_only_what_is_missing_and_deletes_only_what_is_there(capsys):
    ran = []

    def execute(args, *, env, stdin, on_line):
        ran.append(args[-1])
        return 0 if args[-1] == "present" else 1 if args[-1] == "absent" else 0

    steps = [
        Step("create it", ("create", "x"), unless=("get", "present")),
        Step("create that", ("create", "y"), unless=("get", "absent")),
        Step("delete it", ("delete", "x"), only_if=("get", "absent")),
    ]
    assert run(steps, execute) == 0
    assert ran == ["present", "absent", "y", "absent"]
    out = capsys.readouterr().out
    assert "ok    create it (already)" in out and "skip  delete it" in out


def test_waiting_steps_stream_their_output_while_they_run(tmp_path, capsys):
    """The runner shows each line as the command prints it: here the command only goes on
    once the runner has shown its first line, which a captured run never does."""
    seen = tmp_path / "seen"
    child = (
        "import pathlib, sys, time\n"
        "print('Waiting for deployment rollout to finish: 0 of 3 updated replicas are available...', flush=True)\n"
        f"deadline = time.monotonic() + 20\n"
        f"while not pathlib.Path({str(seen)!r}).exists():\n"
        "    if time.monotonic() > deadline: sys.exit('nobody saw the progress line')\n"
        "    time.sleep(0.05)\n"
        "print('deployment successfully rolled out')\n"
    )
    shown = []

    def watching(args, *, env, stdin, on_line):
        def on_each(line):
            shown.append(line)
            seen.touch()
            on_line(line)

        return execute(args, env=env, stdin=stdin, on_line=on_each)

    step = Step("Deployment x is ready", (sys.executable, "-c", child), stream=True)
    assert run([step], watching) == 0
    out = capsys.readouterr().out
    assert shown == ["Waiting for deployment rollout to finish: 0 of 3 updated replicas are available...", *shown[1:]]
    assert out.index("...   Deployment x is ready") < out.index("      Waiting for") < out.index("ok    Deployment x is ready")


def test_a_silent_wait_still_shows_that_it_runs(capsys):
    """kubectl wait prints nothing until it is done: the runner says it is still waiting."""
    child = "import time; time.sleep(1.5); print('innodbcluster.mysql.oracle.com/mysql condition met')"
    step = Step("InnoDBCluster e-commerce-data/mysql is ready", (sys.executable, "-c", child), stream=True)
    assert run([step], heartbeat=0.3) == 0
    out = capsys.readouterr().out
    assert "      (still running after " in out
    assert out.index("(still running after ") < out.index("condition met") < out.index("ok    InnoDBCluster")


def test_execute_feeds_standard_input_and_environment():
    lines: list[str] = []
    code = execute(
        (sys.executable, "-c", "import os, sys; print(len(sys.stdin.read()), os.environ['KUBECTL_APPLYSET'])"),
        env={"KUBECTL_APPLYSET": "true"},
        stdin="x" * 1_000_000,
        on_line=lines.append,
    )
    assert code == 0 and lines == ["1000000 true"]
    assert execute(("no-such-command-here",), env={}, stdin=None, on_line=lines.append) == 127


def test_cli_dry_run_prints_the_commands():
    result = subprocess.run(
        [sys.executable, "scripts/platformctl.py", "verify", "staging", "--dry-run"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "kubectl --context staging wait innodbcluster/mysql -n e-commerce-data" in result.stdout
    refused = subprocess.run(
        [sys.executable, "scripts/platformctl.py", "cleanup", "prod"], cwd=ROOT, capture_output=True, text=True
    )
    assert refused.returncode == 2
    assert refused.stderr.startswith("error: cleanup prod: refusing") and "--confirm prod" in refused.stderr


def test_the_plans_use_only_flags_kubectl_has():
    """Every flag of every planned command is in the pinned kubectl's own help for that command."""
    from scripts.addons import AddOnError, kubectl_binary

    try:
        kubectl = str(kubectl_binary())
    except AddOnError as error:
        pytest.skip(str(error))
    folder = ROOT / "dist" / "prod"
    plans = (
        deploy_plan(PROD, folder, force=True),
        diff_plan(PROD, folder, force=True),
        verify_plan(PROD, folder),
        cleanup_plan(PROD, folder, "prod"),
    )
    steps = [step for plan in plans for step in plan]
    helps: dict[tuple[str, ...], str] = {}
    for args in [s.args for s in steps] + [s.unless for s in steps if s.unless] + [s.only_if for s in steps if s.only_if]:
        # --context is one of kubectl's global options, which no command's help lists.
        rest = args[3:] if args[1:2] == ("--context",) else args[1:]
        verb = rest[:2] if rest[0] in ("rollout", "config") else rest[:1]
        if verb not in helps:
            helps[verb] = subprocess.run(
                [kubectl, *verb, "--help"],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "KUBECTL_APPLYSET": "true"},
            ).stdout
        for flag in (word.split("=")[0] for word in rest if word.startswith("--")):
            assert f"    {flag}=" in helps[verb] or f"    {flag}:" in helps[verb] or f", {flag}=" in helps[verb], (verb, flag)
    assert {("apply",), ("diff",), ("wait",), ("rollout", "status"), ("delete",), ("get",)} <= set(helps)
