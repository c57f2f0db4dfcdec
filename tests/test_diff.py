"""make diff: what a change does to dist/<env>, object by object and field by field."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest
import yaml

from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import PROD, STAGING, Environment
from ecommerce.model.releases import load_release
from ecommerce.pipeline.build import build_environment
from scripts import dist_diff
from scripts.dist_diff import EnvironmentDiff, compare, field_changes, markdown, render_path, text, worktree_objects


def build(env: Environment, outdir: Path) -> Path:
    build_environment(env, CATALOG, load_release(env, CATALOG), outdir)
    return outdir


def with_replicas(env: Environment, replicas: int) -> Environment:
    autoscaling = env.autoscaling and dataclasses.replace(env.autoscaling, min_replicas=replicas)
    return dataclasses.replace(env, replicas=replicas, autoscaling=autoscaling)


def kinds(folder: Path, kind: str) -> list[dict]:
    return [doc for path in folder.glob("*.yaml") for doc in yaml.safe_load_all(path.read_text()) if doc and doc["kind"] == kind]


def field_block(path: str, old: object, new: object) -> list[str]:
    return [f"    {path}", f"-       {old}", f"+       {new}"]


@pytest.mark.parametrize("env", [PROD, STAGING], ids=["prod", "staging"])
def test_a_replicas_change_names_each_object_and_field_it_changes(env, tmp_path):
    """The issue's example, on real manifests: one more replica per service. Where an
    autoscaler owns the count (prod), each HorizontalPodAutoscaler's minimum moves; elsewhere
    each Deployment's replicas."""
    old = build(env, tmp_path / "old")
    new = build(with_replicas(env, env.replicas + 1), tmp_path / "new")
    diffs = compare(worktree_objects(old), worktree_objects(new))
    output = text([EnvironmentDiff(env.name, diffs)], "old").splitlines()
    kind, path = ("HorizontalPodAutoscaler", "spec.minReplicas") if env.autoscaling else ("Deployment", "spec.replicas")
    owners = kinds(old, kind)
    assert len(owners) == len(CATALOG)
    for obj in owners:
        meta = obj["metadata"]
        header = f"@@ {kind} {meta['namespace']}/{meta['name']} ({obj['apiVersion']}, 30-services.k8s.yaml) @@"
        at = output.index(header)
        assert field_block(path, env.replicas, env.replicas + 1) == output[at + 1 : at + 4], header
    assert output[1] == f"= {env.name}: {len({d.key for d in diffs})} changed"


def test_an_inserted_named_item_reads_as_one_addition_not_a_shifted_list():
    old = {"spec": {"containers": [{"name": "app", "image": "a:1"}, {"name": "exporter", "image": "e:1"}]}}
    new = {
        "spec": {
            "containers": [
                {"name": "init", "image": "i:1"},
                {"name": "app", "image": "a:2"},
                {"name": "exporter", "image": "e:1"},
            ]
        }
    }
    changes = {render_path(c.path): (c.old, c.new) for c in field_changes(old, new)}
    assert changes == {
        "spec.containers[name=init]": (dist_diff.MISSING, {"name": "init", "image": "i:1"}),
        "spec.containers[name=app].image": ("a:1", "a:2"),
    }


def test_reordered_named_items_and_plain_lists_read_whole():
    old = {"spec": {"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}], "args": ["--a", "--b"]}}
    new = {"spec": {"env": [{"name": "B", "value": "2"}, {"name": "A", "value": "1"}], "args": ["--z", "--a", "--b"]}}
    changes = {render_path(c.path): (c.old, c.new) for c in field_changes(old, new)}
    assert changes == {
        "spec.env (order)": (["A", "B"], ["B", "A"]),
        "spec.args": (["--a", "--b"], ["--z", "--a", "--b"]),
    }


def test_keys_that_are_not_identifiers_are_quoted_and_multiline_values_diffed_by_line():
    script = "set -eu\necho one\necho two\n"
    old = {"metadata": {"annotations": {"argocd.argoproj.io/sync-wave": "1"}}, "data": {"run.sh": script}}
    new = {"metadata": {"annotations": {"argocd.argoproj.io/sync-wave": "2"}}, "data": {"run.sh": script.replace("two", "2")}}
    changes = field_changes(old, new)
    assert [render_path(c.path) for c in changes] == ['metadata.annotations["argocd.argoproj.io/sync-wave"]', 'data["run.sh"]']
    lines = dist_diff.change_lines(changes[1])
    assert "-       echo two" in lines and "+       echo 2" in lines and "        echo one" in lines


def objects(*docs: dict, file: str = "30-services.k8s.yaml") -> dict:
    return dist_diff.index([(file, yaml.safe_dump_all(docs))], "test")


def configmap(name: str, **data: str) -> dict:
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name, "namespace": "shop"}, "data": data}


def test_objects_are_matched_by_group_kind_namespace_and_name():
    v1 = {"apiVersion": "autoscaling/v1", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "x", "namespace": "shop"}}
    v2 = {**v1, "apiVersion": "autoscaling/v2"}
    diffs = compare(objects(v1, configmap("gone", a="1")), objects(v2, configmap("new", a="1")))
    assert [(d.status, d.key[1:]) for d in diffs] == [
        ("changed", ("HorizontalPodAutoscaler", "shop", "x")),
        ("added", ("ConfigMap", "shop", "new")),
        ("removed", ("ConfigMap", "shop", "gone")),
    ]
    assert [render_path(c.path) for c in diffs[0].changes] == ["apiVersion"]
    rendered = text([EnvironmentDiff("prod", diffs)], "old")
    assert "+ ConfigMap shop/new (v1, 30-services.k8s.yaml): added\n+     apiVersion: v1\n" in rendered
    assert "- ConfigMap shop/gone (v1, 30-services.k8s.yaml): removed\n" in rendered


def test_an_object_that_moves_to_another_wave_is_shown():
    diffs = compare(objects(configmap("x", a="1"), file="20-data.k8s.yaml"), objects(configmap("x", a="1")))
    assert dist_diff.object_lines(diffs[0]) == ["@@ ConfigMap shop/x (v1, 30-services.k8s.yaml, moved from 20-data.k8s.yaml) @@"]


def test_the_comment_is_the_same_text_in_a_diff_block_within_its_size_limit():
    many = EnvironmentDiff("prod", compare(objects(), objects(*(configmap(f"c{i}", v="x" * 200) for i in range(2000)))))
    quiet = EnvironmentDiff("dev", [])
    comment = markdown([quiet, many], "abc123")
    assert len(comment) < 65_536
    assert "**dev**: no change" in comment
    assert "<details><summary><b>prod</b>: 2000 added</summary>" in comment
    block = comment.split("```diff\n", 1)[1].split("\n```", 1)[0].splitlines()
    assert block[:-1] == many.lines()[: len(block) - 1]
    assert block[-1].startswith("... ") and block[-1].endswith("more lines: run make diff ENV=prod")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def deployment(replicas: int) -> dict:
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "orders", "namespace": "shop"},
        "spec": {"replicas": replicas},
    }


def write(repo: Path, *docs: dict) -> None:
    folder = repo / "dist" / "prod"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "30-services.k8s.yaml").write_text(yaml.safe_dump_all(docs))


def test_by_default_the_work_tree_is_compared_with_the_merge_base_of_head_and_main(tmp_path, capsys):
    """What main gained since the branch started is not this change's doing."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo, deployment(3))
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "start")
    git(repo, "checkout", "-qb", "change")
    write(repo, deployment(4))
    git(repo, "commit", "-qam", "one more replica")
    git(repo, "checkout", "-q", "main")
    write(repo, deployment(3), configmap("settings", a="1"))
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "main moves on")
    git(repo, "checkout", "-q", "change")

    assert dist_diff.main(["--exit-code"], root=repo) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("(the merge base of HEAD and main)")
    assert out[1:] == [
        "= prod: 1 changed",
        "@@ Deployment shop/orders (apps/v1, 30-services.k8s.yaml) @@",
        *field_block("spec.replicas", 3, 4),
    ]
    # Against main's tip, main's new ConfigMap would look removed by this change.
    dist_diff.main(["--ref", "main"], root=repo)
    assert "- ConfigMap shop/settings" in capsys.readouterr().out
    assert dist_diff.main(["--ref", "HEAD", "--exit-code"], root=repo) == 0
    assert capsys.readouterr().out.splitlines()[1] == "= prod: no change"


def test_refusals_are_one_line(tmp_path, capsys):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo, deployment(3))
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "start")
    assert dist_diff.main(["--ref", "no-such-ref"], root=repo) == 2
    assert capsys.readouterr().err == "error: unknown git ref 'no-such-ref'\n"
    assert dist_diff.main(["--env", "qa"], root=repo) == 2
    assert capsys.readouterr().err.startswith("error: no dist/qa here or at ")
    git(repo, "branch", "-qm", "main", "trunk")
    assert dist_diff.main([], root=repo) == 2
    assert (
        capsys.readouterr().err == "error: no branch main or origin/main to compare with: name a git ref (make diff REF=<ref>)\n"
    )
