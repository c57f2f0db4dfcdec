"""The scanners the security workflow adds next to checkov and CodeQL: Semgrep runs here too, offline
with the committed rules, and finds nothing; Trivy's image scan reads every image we pin."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from scripts import merge_sarif, pinned_images
from tests.platform.addons import ADDONS, rendered_addons

ROOT = Path(__file__).resolve().parent.parent
SEMGREP = ROOT / ".venv-semgrep" / "bin" / "semgrep"
RULES = ROOT / ".semgrep.yml"
SCANNED = ("constructs", "scripts", "tests", "main.py")


def semgrep(*targets: Path | str) -> list[dict]:
    if not SEMGREP.exists():
        pytest.fail("semgrep is not installed in .venv-semgrep: run `make semgrep`")
    result = subprocess.run(
        [str(SEMGREP), "scan", "--config", str(RULES), "--metrics=off", "--disable-version-check", "--quiet", "--json"]
        + [str(target) for target in targets],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert not report["errors"], report["errors"]
    return report["results"]


def test_semgrep_finds_nothing_in_the_python_code():
    findings = [f"{f['check_id']} {f['path']}:{f['start']['line']}" for f in semgrep(*SCANNED)]
    assert not findings, "\n".join(findings)


def test_no_finding_is_silenced_in_the_code():
    silenced = subprocess.run(["git", "grep", "-l", "nosem" + "grep", "--", *SCANNED], capture_output=True, text=True, cwd=ROOT)
    assert not silenced.stdout, silenced.stdout


BAD = """\
import base64, hashlib, subprocess, tarfile, tempfile, yaml

class Loader(yaml.Loader):
    pass

def run(text, body, archive):
    subprocess.run("helm template " + text, shell=True)
    yaml.load(text, Loader=Loader)
    hashlib.sha1(body).hexdigest()
    tempfile.mktemp()
    tarfile.open(archive).extractall("/tmp/x")
"""
GOOD = """\
import base64, hashlib, subprocess, tarfile, yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

class Strict(yaml.SafeLoader):
    pass

def run(text, body, archive, headers):
    subprocess.run(["helm", "template", text], check=True)
    yaml.load(text, Loader=Strict)
    yaml.load_all(text, Loader=LOADER)
    headers["content-md5"] = base64.b64encode(hashlib.md5(body).digest()).decode()
    tarfile.open(archive).extractall("/tmp/x", filter="data")
"""


def test_semgrep_rules_catch_what_they_name_and_only_that(tmp_path):
    (tmp_path / "bad.py").write_text(BAD)
    (tmp_path / "good.py").write_text(GOOD)
    found = {(Path(f["path"]).name, f["check_id"].rsplit(".", 1)[-1]) for f in semgrep(tmp_path)}
    assert found == {
        ("bad.py", "subprocess-through-a-shell"),
        ("bad.py", "yaml-load-without-safe-loader"),
        ("bad.py", "weak-hash-for-integrity"),
        ("bad.py", "predictable-temporary-file"),
        ("bad.py", "archive-extracted-without-filter"),
    }


def test_every_rule_explains_itself_and_fails_the_scan():
    for rule in yaml.safe_load(RULES.read_text())["rules"]:
        assert rule["severity"] == "ERROR" and rule["message"] and rule["metadata"]["cwe"], rule["id"]


def test_trivy_scans_every_image_the_platform_runs(synthesized):
    images = pinned_images.dist_images(synthesized)
    for release in sorted((ROOT / "releases").glob("*.yaml")):
        pinned = yaml.safe_load(release.read_text())
        assert set(pinned["images"].values()) | set(pinned["platform"].values()) <= images, release.name


@pytest.mark.skipif(ADDONS is None, reason="no add-ons directory (`make addons`)")
def test_trivy_scans_the_images_of_every_addon():
    images = pinned_images.addon_images()
    for env in pinned_images.ENVIRONMENTS:
        for name, objects in rendered_addons(env).items():
            workloads = [
                obj for obj in objects if obj.get("kind") in {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"}
            ]
            for obj in workloads:
                assert set(pinned_images.images_of([obj])) <= images, f"{env}: {name}"
    assert any("cert-manager" in image for image in images)


def test_the_workflow_uploads_each_scanner_to_code_scanning():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "security-scan.yaml").read_text())
    categories = {
        step["with"]["category"]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith("github/codeql-action/upload-sarif@")
    }
    assert {"checkov", "zizmor", "trivy-config", "trivy-images", "kube-score", "kubesec", "semgrep"} <= categories
    semgrep_job = json.dumps(workflow["jobs"]["semgrep"])
    assert "--config .semgrep.yml" in semgrep_job and "--require-hashes -r .github/requirements/semgrep.txt" in semgrep_job
    trivy_job = json.dumps(workflow["jobs"]["trivy"])
    assert "trivy config" in trivy_job and "scripts/pinned_images.py --addons" in trivy_job


def test_sarif_of_one_tool_merges_into_one_run_with_every_result(tmp_path):
    """Code scanning takes one run per tool and category: the per-target files become one run."""
    documents = []
    for name, source in (("one.py", BAD), ("two.py", "import tempfile\ntempfile.mktemp()\n")):
        folder = tmp_path / name.removesuffix(".py")
        folder.mkdir()
        (folder / name).write_text(source)
        result = subprocess.run(
            [
                str(SEMGREP),
                "scan",
                "--config",
                str(RULES),
                "--metrics=off",
                "--disable-version-check",
                "--quiet",
                "--sarif",
                str(folder),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
        )
        documents.append(json.loads(result.stdout))
    merged = merge_sarif.merge(documents)
    (run,) = merged["runs"]
    expected = sum(len(document["runs"][0]["results"]) for document in documents)
    assert len(run["results"]) == expected == 6
    rules = run["tool"]["driver"]["rules"]
    assert len({rule["id"] for rule in rules}) == len(rules)
    for result in run["results"]:
        if "ruleIndex" in result:
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    with pytest.raises(ValueError, match="different tools"):
        other = json.loads(json.dumps(documents[1]))
        other["runs"][0]["tool"]["driver"]["name"] = "kubesec"
        merge_sarif.merge([documents[0], other])


def test_each_trivy_finding_accepted_says_why_and_is_used():
    ignored = yaml.safe_load((ROOT / ".trivyignore.yaml").read_text())["misconfigurations"]
    assert ignored and all(entry["statement"].strip() and entry["paths"] for entry in ignored)
    # Only the name-guessing ConfigMap checks: nothing about workloads is waived.
    assert {entry["id"] for entry in ignored} <= {"AVD-KSV-0109", "AVD-KSV-01010"}
    workflow = (ROOT / ".github" / "workflows" / "security-scan.yaml").read_text()
    assert "trivy config --ignorefile .trivyignore.yaml --exit-code 1" in workflow
