"""deploy / diff / verify / cleanup plans: order, readiness checks, pruning, refusals; and their runner."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import DEV, ENVIRONMENTS, PROD, STAGING
from ecommerce_ops.crd_sources import crds_dir
from ecommerce_ops.operations import (
    APPLYSET_RESOURCE,
    CLI,
    FIELD_MANAGER,
    MAKE,
    METRICS_API,
    PART_OF,
    SERVICE_LABEL,
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
    pinned_crds,
    resource_of,
    run,
    verify_plan,
)
from tests.conftest import load_documents
from tests.platform.addons import needs_addons
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
    assert "Certificate e-commerce-prod/api-public-tls is ready" in names
    # Past kubectl's own version and the context check, every command is on the context.
    assert all("--context prod" in c for c in commands(steps[2:]))
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
    first_action = next(i for i, s in enumerate(steps) if s.args[3:4] == ("apply",))
    assert not any(s.check for s in steps[first_action:])
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
    waits = [
        s
        for s in deploy_plan(PROD, folder)
        if s.args[3:4] in (("wait",), ("rollout",)) and s.group is not None and s.group.name != "prerequisites"
    ]
    assert any(s.args[3:5] == ("rollout", "status") for s in waits)
    assert all(s.stream and not s.check for s in waits)
    applies = [s for s in deploy_plan(PROD, folder) if s.args[3:4] == ("apply",) and s.stdin and "labelled" in s.stdin_note]
    assert applies and all(s.stream for s in applies)
    checks = verify_plan(PROD, folder)[1:]
    assert checks and all(s.stream and s.check for s in checks)


def test_every_plan_first_checks_that_the_context_exists(synthesized):
    for action, steps in plans(synthesized / "prod").items():
        # A deploy first checks kubectl itself, which the context check needs.
        first = steps[1] if action == "deploy" else steps[0]
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
    # kubectl's global options (--context, --request-timeout), which no command's help lists.
    helps[()] = subprocess.run([kubectl, "options"], capture_output=True, text=True, check=True).stdout
    every = [s.args for s in steps] + [s.unless for s in steps if s.unless] + [s.only_if for s in steps if s.only_if]
    for args in every + [s.undo.args for s in steps if s.undo]:
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
            assert any(
                f"    {flag}=" in helps[v] or f"    {flag}:" in helps[v] or f", {flag}=" in helps[v] for v in (verb, ())
            ), (verb, flag)
    assert {("apply",), ("diff",), ("wait",), ("rollout", "status"), ("rollout", "undo"), ("delete",), ("get",)} <= set(helps)
    assert ("version",) in helps


# --- deploying some services ----------------------------------------------------------------


def applied_objects(steps) -> list[dict]:
    return [doc for s in steps if s.description.startswith("apply ") for doc in yaml.safe_load_all(s.stdin or "") if doc]


def pod_references(obj: dict) -> dict[str, set[str]]:
    """The Secrets and ConfigMaps a pod template reads, and its ServiceAccount."""
    found: dict[str, set[str]] = {"Secret": set(), "ConfigMap": set(), "ServiceAccount": set()}

    def walk(node, key=""):
        if isinstance(node, dict):
            if key in ("secretRef", "secretKeyRef") and "name" in node:
                found["Secret"].add(node["name"])
            if key in ("configMapRef", "configMapKeyRef", "configMap") and "name" in node:
                found["ConfigMap"].add(node["name"])
            if "secretName" in node:
                found["Secret"].add(node["secretName"])
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for item in node:
                walk(item, key)

    spec = obj["spec"]["template"]["spec"]
    walk(spec)
    if spec.get("serviceAccountName"):
        found["ServiceAccount"].add(spec["serviceAccountName"])
    return found


def secret_made_by(obj: dict) -> str | None:
    if obj["kind"] == "Secret":
        return obj["metadata"]["name"]
    if obj["kind"] == "ExternalSecret":
        return obj["spec"].get("target", {}).get("name", obj["metadata"]["name"])
    return None


@pytest.mark.parametrize("env", [STAGING, PROD], ids=["staging", "prod"])
def test_a_partial_deploy_applies_the_chosen_services_own_objects_and_nothing_else(env, synthesized):
    folder = synthesized / env.name
    chosen = {"api-gateway", "auth"}
    steps = deploy_plan(env, folder, services=["api-gateway", "auth"])
    applied = applied_objects(steps)
    everything = load_documents(folder)
    by_name = {(o["kind"], o["metadata"].get("namespace", ""), o["metadata"]["name"]): o for o in everything}
    keys = {(o["kind"], o["metadata"].get("namespace", ""), o["metadata"]["name"]) for o in applied}
    for obj in applied:
        # Applied as they are in dist/, members of the environment's set as in a full deploy.
        labels = dict(obj["metadata"]["labels"])
        assert labels.pop(PART_OF) == applyset_id(applyset_name(env))
        original = by_name[obj["kind"], obj["metadata"].get("namespace", ""), obj["metadata"]["name"]]
        assert labels == original["metadata"].get("labels", {})
        # Nothing shared and nothing of another service.
        assert obj["kind"] not in ("Namespace", "StatefulSet", "InnoDBCluster", "RabbitmqCluster", "IngressRoute", "Certificate")
        assert labels.get(SERVICE_LABEL) not in set(CATALOG.names) - chosen
    secrets_applied = {secret_made_by(o) for o in applied} - {None}
    for name in chosen:
        kinds = {o["kind"] for o in applied if o["metadata"]["labels"].get(SERVICE_LABEL) == name}
        wanted = {"Deployment", "Service", "ConfigMap", "ServiceAccount", "PodDisruptionBudget", "NetworkPolicy"}
        wanted.add("ExternalSecret")
        if any(o["kind"] == "HorizontalPodAutoscaler" for o in everything):
            wanted.add("HorizontalPodAutoscaler")
        assert wanted <= kinds, (name, wanted - kinds)
        (deployment,) = [o for o in applied if o["kind"] == "Deployment" and o["metadata"]["name"] == name]
        refs = pod_references(deployment)
        namespace = deployment["metadata"]["namespace"]
        # Everything its pods read comes with it, or is checked before anything is applied
        # (a Secret other services read too) ...
        first_apply = next(i for i, s in enumerate(steps) if s.description.startswith("apply "))
        checked = {s.args[5] for s in steps[:first_apply] if s.args[3:5] == ("get", "secret") and s.check}
        assert refs["Secret"] and refs["Secret"] <= secrets_applied | checked, (name, refs["Secret"] - secrets_applied)
        assert {secret for secret in refs["Secret"] if secret.startswith(name)} <= secrets_applied
        assert {("ConfigMap", namespace, cm) for cm in refs["ConfigMap"]} <= keys
        assert {("ServiceAccount", namespace, sa) for sa in refs["ServiceAccount"]} <= keys
        # ... and so does the password its RabbitMQ user is imported from.
        for user in (o for o in everything if o["kind"] == "User" and o["metadata"]["name"] == name):
            assert user["spec"]["importCredentialsSecret"]["name"] in secrets_applied
    # Each of their objects in dist/ is applied: the filter drops none of theirs.
    theirs = {k for k, o in by_name.items() if o["metadata"].get("labels", {}).get(SERVICE_LABEL) in chosen}
    assert theirs <= keys
    # No pruning, no ApplySet created: a partial deploy changes nothing else.
    assert not [s for s in steps if "--prune" in s.args or any(a.startswith("--applyset") for a in s.args)]
    assert not [s for s in steps if APPLYSET_RESOURCE in " ".join(s.args)]


def test_unknown_services_are_refused_with_the_known_ones(synthesized):
    for spelling, option in ((MAKE, "SERVICES=auth,nope,gone"), (CLI, "--services auth,nope,gone")):
        for plan in (deploy_plan, verify_plan):
            with pytest.raises(ConfigError) as refused:
                plan(STAGING, synthesized / "staging", spelling=spelling, services=["auth", "nope", "gone"])
            message = str(refused.value)
            assert message.startswith(f"{option}: no service nope, gone;")
            assert all(name in message for name in CATALOG.names)
    result = subprocess.run(
        [sys.executable, "scripts/platformctl.py", "deploy", "staging", "--services", "api-gateway,auth-service", "--dry-run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "auth-service" in line and ", ".join(CATALOG.names) in line


def test_make_deploy_and_verify_take_the_services():
    make = ["make", "--no-print-directory", "-s", "-o", "setup"]
    for action in ("deploy", "verify"):
        # A context no one has: were the refusal broken, nothing would be deployed anywhere.
        variables = ["ENV=staging", "SERVICES=nope", "CONTEXT=no-such-context"]
        refused = subprocess.run([*make, action, *variables], cwd=ROOT, capture_output=True, text=True)
        assert refused.returncode != 0
        assert refused.stderr.startswith("error: SERVICES=nope: no service nope; the services are api-gateway")


def test_the_cli_says_a_partial_deploy_prunes_nothing():
    def dry_run(*options):
        result = subprocess.run(
            [sys.executable, "scripts/platformctl.py", "deploy", "staging", "--dry-run", *options],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    partial = dry_run("--services", "orders")
    assert partial.splitlines()[0].startswith("# --services orders: only these services' own objects; nothing is pruned")
    assert "--prune" not in partial and "rollout status deployment/orders" in partial
    assert "rollout status deployment/auth" not in partial
    full = dry_run()
    assert "--prune" in full and "nothing is pruned" not in full


def test_verify_takes_the_same_filter(synthesized):
    steps = verify_plan(PROD, synthesized / "prod", services=["orders"])
    waited = [s.description for s in steps[1:]]
    assert "Deployment e-commerce-prod/orders is ready" in waited
    assert "ExternalSecret e-commerce-prod/orders-credentials is ready" in waited
    assert not [d for d in waited if "auth" in d or "mysql" in d or "rabbitmq" in d.split("/")[0]]
    # prod's services scale on CPU: their autoscaler needs the metrics API.
    assert any(METRICS_API in s.args[4] for s in steps[1:])
    assert all(s.check for s in steps[1:])


# --- prerequisites ----------------------------------------------------------------------------


def first_apply(steps) -> int:
    return next(i for i, s in enumerate(steps) if s.args[3:4] == ("apply",))


@pytest.mark.parametrize("env", ENVIRONMENTS.values(), ids=ENVIRONMENTS)
def test_a_deploy_checks_the_crds_its_objects_need_before_applying_anything(env, synthesized):
    """Each custom kind in dist/<env> has its CRD checked, named as upstream names it."""
    directory = crds_dir()
    if directory is None:
        pytest.skip("no pinned CRDs (../shared/crds)")
    upstream = {}
    for path in directory.glob("*.yaml"):
        for crd in yaml.load_all(path.read_text(), Loader=yaml.BaseLoader):  # some hold a "=" SafeLoader refuses
            if crd and crd.get("kind") == "CustomResourceDefinition":
                upstream[crd["spec"]["group"], crd["spec"]["names"]["kind"]] = crd["metadata"]["name"]
    custom = {
        upstream[obj["apiVersion"].rpartition("/")[0], obj["kind"]]
        for obj in load_documents(synthesized / env.name)
        if (obj["apiVersion"].rpartition("/")[0], obj["kind"]) in upstream
    }
    steps = deploy_plan(env, synthesized / env.name)
    before = steps[: first_apply(steps)]
    checked = {s.args[4].removeprefix("crd/") for s in before if s.args[3:4] == ("wait",) and s.args[4].startswith("crd/")}
    assert custom and checked == custom
    assert all(s.check for s in before[3:]), "every prerequisite is reported, not only the first missing"


def test_kind_to_resource_names_match_every_pinned_crd():
    directory = crds_dir()
    if directory is None:
        pytest.skip("no pinned CRDs (../shared/crds)")
    crds = [c for p in directory.glob("*.yaml") for c in yaml.load_all(p.read_text(), Loader=yaml.BaseLoader) if c]
    assert {f"{crd['spec']['names']['plural']}.{crd['spec']['group']}" for crd in crds} >= pinned_crds()
    for crd in crds:
        assert resource_of(crd["spec"]["names"]["kind"]) == crd["spec"]["names"]["plural"], crd["metadata"]["name"]
        assert f"{crd['spec']['names']['plural']}.{crd['spec']['group']}" in pinned_crds()


@needs_addons
@pytest.mark.parametrize("env", ENVIRONMENTS.values(), ids=ENVIRONMENTS)
def test_the_add_ons_a_deploy_checks_are_the_deployments_they_render(env, synthesized):
    from tests.platform.addons import rendered_addons

    steps = deploy_plan(env, synthesized / env.name)
    checked = {
        (s.args[s.args.index("-n") + 1], a.removeprefix("deployment/"))
        for s in steps[: first_apply(steps)]
        for a in s.args
        if a.startswith("deployment/")
    }
    rendered = {
        (obj["metadata"]["namespace"], obj["metadata"]["name"])
        for objects in rendered_addons(env).values()
        for obj in objects
        if obj["kind"] == "Deployment"
    }
    assert rendered and checked == rendered


def test_a_partial_deploy_checks_the_stores_and_issuers_it_does_not_bring(synthesized):
    full = deploy_plan(STAGING, synthesized / "staging")
    partial = deploy_plan(STAGING, synthesized / "staging", services=["orders"])
    store = next(o for o in load_documents(synthesized / "staging") if o["kind"] == "ClusterSecretStore")["metadata"]["name"]
    wait = f"clustersecretstore/{store}"
    # A full deploy makes the store in its first wave and waits for it before its ExternalSecrets ...
    assert not [s for s in full[: first_apply(full)] if wait in s.args]
    assert first_apply(full) < next(i for i, s in enumerate(full) if wait in s.args)
    # ... a partial one needs it there already.
    assert [s for s in partial[: first_apply(partial)] if wait in s.args and s.check]
    assert not [s for s in partial[first_apply(partial) :] if wait in s.args]


def test_a_deploy_asks_for_the_kubectl_its_commands_need(synthesized):
    full = deploy_plan(PROD, synthesized / "prod")
    expect = full[0].expect
    assert full[0].args == ("kubectl", "version", "--client", "-o", "json") and expect is not None
    assert expect.version == (1, 27) and "ApplySet" in full[0].description
    # Without pruning, nothing needs kubectl 1.27.
    partial = deploy_plan(STAGING, synthesized / "staging", services=["auth"])[0].expect
    assert partial is not None and partial.version < (1, 27)
    # The pinned kubectl passes its own check; an older one is named with what it lacks.
    from scripts.addons import AddOnError, kubectl_binary

    try:
        kubectl = str(kubectl_binary())
    except AddOnError as error:
        pytest.skip(str(error))
    output = subprocess.run([kubectl, "version", "--client", "-o", "json"], capture_output=True, text=True, check=True)
    assert expect.problem(output.stdout) is None
    older = '{"clientVersion": {"major": "1", "minor": "26+", "gitVersion": "v1.26.9-eks-1234"}}'
    assert expect.problem(older) == (
        "kubectl v1.26.9-eks-1234 is older than 1.27, which ApplySet pruning (--applyset, KEP-3659) needs"
    )
    assert expect.problem("WARNING: something\n" + older.replace("26", "29")) is None


def cluster(missing=(), failing=(), version="v1.33.1"):
    """A fake kubectl answering for a cluster where the commands naming `missing` fail with
    NotFound and those naming `failing` time out; records what ran."""
    ran = []

    def execute(args, *, env, stdin, on_line):
        ran.append(args)
        if args[1:3] == ("version", "--client"):
            on_line(json.dumps({"clientVersion": {"major": "1", "minor": "33", "gitVersion": version}}))
            return 0
        text = " ".join(args)
        for name in missing:
            if name in text:
                on_line(f'Error from server (NotFound): "{name}" not found')
                return 1
        for name in failing:
            if name in text:
                on_line(f"error: timed out waiting for the condition on {name}")
                return 1
        return 0

    return execute, ran


def test_missing_prerequisites_are_one_line_each_and_nothing_is_applied(synthesized, capsys):
    steps = deploy_plan(PROD, synthesized / "prod", spelling=MAKE)
    execute, ran = cluster(missing=("crd/servicemonitors.monitoring.coreos.com", "mysql-operator"), failing=(METRICS_API,))
    assert run(steps, execute) == 1
    _, err = capsys.readouterr()
    fails = [line for line in err.splitlines() if line.startswith("FAIL")]
    assert len(fails) == 3, err
    assert fails[0].startswith("FAIL  CRD servicemonitors.monitoring.coreos.com is established: Error from server (NotFound)")
    assert fails[1].startswith("FAIL  add-on mysql-operator runs")
    assert fails[2].startswith(f"FAIL  the resource metrics API ({METRICS_API}")
    assert "STOP  3 checks failed: stopped before " in err
    # Every prerequisite was checked, and nothing was applied.
    assert len(ran) == first_apply(steps)
    assert not [args for args in ran if "apply" in args or "delete" in args]


def test_a_missing_or_old_kubectl_stops_everything_in_one_line(synthesized, capsys, monkeypatch, tmp_path):
    steps = deploy_plan(PROD, synthesized / "prod")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert run(steps) == 1
    _, err = capsys.readouterr()
    assert [line for line in err.splitlines() if line.startswith("FAIL")] == [
        "FAIL  kubectl 1.27 or newer is installed (ApplySet pruning (--applyset, KEP-3659)): kubectl: No such file or directory"
    ]
    execute, ran = cluster(version="v1.25.0")
    assert run(steps, execute) == 1
    assert len(ran) == 1 and "kubectl v1.25.0 is older than 1.27" in capsys.readouterr().err


def test_an_unreachable_cluster_stops_before_the_other_checks(synthesized, capsys):
    execute, ran = cluster(missing=("--request-timeout",))
    assert run(deploy_plan(PROD, synthesized / "prod"), execute) == 1
    assert len(ran) == 3
    assert "FAIL  the cluster of context prod answers" in capsys.readouterr().err


@pytest.mark.parametrize("env", ENVIRONMENTS.values(), ids=ENVIRONMENTS)
def test_secrets_made_outside_dist_are_checked_before_the_pods_that_read_them(env, synthesized):
    steps = deploy_plan(env, synthesized / env.name)
    before = steps[: first_apply(steps)]
    checked = {(s.args[7], s.args[5]) for s in before if s.args[3:5] == ("get", "secret")}
    docs = load_documents(synthesized / env.name)
    made = {(o["metadata"].get("namespace", ""), secret_made_by(o) or o.get("spec", {}).get("secretName")) for o in docs}
    for obj in docs:
        if obj["kind"] in ("Deployment", "StatefulSet"):
            for secret in pod_references(obj)["Secret"]:
                key = (obj["metadata"]["namespace"], secret)
                assert key in made or key in checked, key


# --- rollback and progress ----------------------------------------------------------------------


def test_a_failed_rollout_is_undone_said_so_and_stops_the_deploy(synthesized, capsys):
    steps = deploy_plan(PROD, synthesized / "prod", services=["orders", "auth"])
    rollouts = [s for s in steps if s.args[3:5] == ("rollout", "status")]
    assert rollouts and all(s.undo for s in rollouts)
    assert {s.undo.args[3:] for s in rollouts if s.undo} == {
        ("rollout", "undo", f"deployment/{name}", "-n", "e-commerce-prod") for name in ("auth", "orders")
    }
    # A verify changes nothing: it undoes nothing either.
    assert not [s for s in verify_plan(PROD, synthesized / "prod") if s.undo]
    execute, ran = cluster(failing=("rollout status deployment/auth",))
    assert run(steps, execute) == 1
    _, err = capsys.readouterr()
    assert "FAIL  Deployment e-commerce-prod/auth is ready: error: timed out waiting" in err
    assert [line for line in err.splitlines() if line.startswith("UNDO")] == [
        "UNDO  rolled Deployment e-commerce-prod/auth back to its previous revision (kubectl rollout undo)"
    ]
    assert ran[-1][3:] == ("rollout", "undo", "deployment/auth", "-n", "e-commerce-prod")
    assert [" ".join(a) for a in ran].count("kubectl --context prod rollout undo deployment/auth -n e-commerce-prod") == 1
    # An undo that fails (no earlier revision) says that instead.
    execute, ran = cluster(failing=("rollout status deployment/auth", "rollout undo"))
    assert run(steps, execute) == 1
    assert "FAIL  could not roll Deployment e-commerce-prod/auth back" in capsys.readouterr().err


def progress(synthesized, tty, monkeypatch, capsys, **environment):
    for name in ("NO_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    steps = deploy_plan(STAGING, synthesized / "staging", services=["orders"])
    execute, _ = cluster()
    assert run(steps, execute, tty=tty) == 0
    return steps, capsys.readouterr()


def test_progress_is_coloured_on_a_terminal_and_plain_elsewhere(synthesized, monkeypatch, capsys):
    steps, plain = progress(synthesized, False, monkeypatch, capsys)
    _, coloured = progress(synthesized, True, monkeypatch, capsys)
    _, no_color = progress(synthesized, True, monkeypatch, capsys, NO_COLOR="1")
    assert "\033[" not in plain.out + plain.err and "\033[" not in no_color.out
    assert no_color.out == plain.out or re.sub(r"\d+\.\ds", "", no_color.out) == re.sub(r"\d+\.\ds", "", plain.out)
    assert "\033[32mok\033[0m    " in coloured.out and "\033[1m==\033[0m    " in coloured.out
    lines = plain.out.splitlines()
    # One line per step ...
    for step in steps:
        assert sum(line == f"ok    {step.description}" for line in lines) == 1, step.description
    # ... and a header per object group with what it holds, each wave ending with its time.
    groups = list(dict.fromkeys(s.group for s in steps))
    assert [g.name for g in groups] == ["prerequisites", "00-foundation", "10-secrets", "30-services", "50-monitoring"]
    for group in groups:
        header = f"==    {group.name}: {group.detail}" if group.detail else f"==    {group.name}"
        assert lines.count(header) == 1
        assert re.search(rf"^==    {group.name} done in \d+\.\ds$", plain.out, re.M), group.name
    services = next(g for g in groups if g.name == "30-services")
    assert "1 Deployment" in services.detail and "1 Service" in services.detail
    assert len(lines) == len(steps) + 2 * len(groups) + sum(1 for s in steps if s.stream)
    # A stopped wave says after how long.
    execute, _ = cluster(failing=("rollout status",))
    assert run(steps, execute, tty=False) == 1
    assert re.search(r"^==    30-services stopped after \d+\.\ds$", capsys.readouterr().err, re.M)


def test_platformctl_verify_and_argocd_plan_need_only_pyyaml():
    """The deploy workflow runs them with PyYAML alone: the cdk8s libraries must stay unloaded."""
    blocked = (
        "import runpy, sys\n"
        "for name in ('jsii', 'cdk8s', 'cdk8s_plus_27', 'constructs'):\n"
        "    sys.modules[name] = None\n"
        "sys.argv = sys.argv[1:]\n"
        "runpy.run_path(sys.argv[0], run_name='__main__')\n"
    )
    for args in (["verify", "prod", "--dry-run"], ["argocd-plan", "prod"]):
        result = subprocess.run(
            [sys.executable, "-c", blocked, "scripts/platformctl.py", *args], cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode == 0, (args, result.stderr[-2000:])


def test_a_namespaced_secret_store_is_awaited_like_the_cluster_one(synthesized):
    """MySQL's CA copy comes through a SecretStore of its own: its ExternalSecret syncs only once the store is ready."""
    stores = [o for o in load_documents(synthesized / "prod") if o["kind"] == "SecretStore"]
    assert stores
    names = described(deploy_plan(PROD, synthesized / "prod"))
    for store in stores:
        meta = store["metadata"]
        assert f"SecretStore {meta['namespace']}/{meta['name']} is ready" in names
