"""main.py end to end, in a copy of the project: bad input gives one line, exit 2, dist/ untouched;
and the output is written all or nothing, whatever happens to the folder or to the process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.project_copy import (
    ROOT,
    copy_project,
    environment,
    leftovers,
    needs_namespaces,
    snapshot_tree,
    synth_output,
)
from tests.project_copy import run_main as run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of what main.py reads, with a dist/ holding an earlier synth's output, to prove it is untouched."""
    copy = copy_project(tmp_path / "project")
    synth_output(copy / "dist", {"prod/sentinel.k8s.yaml": "previous output\n"})
    return copy


def assert_rejected(project: Path, result: subprocess.CompletedProcess[str], before: dict[str, bytes], message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert_one_line(result.stderr, message)
    assert snapshot_tree(project / "dist") == before
    assert not leftovers(project), "staging folder left behind"


def assert_one_line(stderr: str, message: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    assert lines[0].startswith("error: ") and message in lines[0], lines[0]


def test_unknown_environment(project):
    before = snapshot_tree(project / "dist")
    result = run(project, "--env", "qa")
    assert_rejected(project, result, before, "--env: unknown environment 'qa' (allowed: dev, staging, prod)")


def test_unknown_option(project):
    before = snapshot_tree(project / "dist")
    assert_rejected(project, run(project, "--environment", "prod"), before, "unrecognized arguments: --environment")


def test_unpinned_production_image(project):
    release = project / "releases" / "prod.yaml"
    lines = release.read_text().splitlines()
    release.write_text(
        "\n".join("  orders: ghcr.io/e-commerce-back/orders:latest" if line.startswith("  orders:") else line for line in lines)
    )
    before = snapshot_tree(project / "dist")
    assert_rejected(
        project,
        run(project),
        before,
        "prod: releases/prod.yaml: orders: prod images must be pinned by @sha256 digest "
        "(got 'ghcr.io/e-commerce-back/orders:latest')",
    )


def test_release_file_that_is_not_yaml(project):
    (project / "releases" / "staging.yaml").write_text("images:\n  auth: [unclosed\n")
    before = snapshot_tree(project / "dist")
    assert_rejected(project, run(project, "--env", "staging"), before, "staging: releases/staging.yaml: line 3: not valid YAML")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "addon-images.lock.json: cannot be read: No such file or directory"),
        ("{not json", "addon-images.lock.json: must be JSON: "),
        (
            '{"images": {"docker.io/traefik:v3.7.9": {"digest": "sha256:abc"}}}',
            "addon-images.lock.json: docker.io/traefik:v3.7.9: digest must be",
        ),
    ],
    ids=["missing", "not-json", "bad-digest"],
)
def test_a_broken_add_on_images_lock(project, content, message):
    lock = project / "addon-images.lock.json"
    if content is None:
        lock.unlink()
    else:
        lock.write_text(content)
    before = snapshot_tree(project / "dist")
    assert_rejected(project, run(project), before, message)


def test_missing_service_in_release(project):
    release = project / "releases" / "dev.yaml"
    release.write_text("".join(line + "\n" for line in release.read_text().splitlines() if not line.startswith("  sav:")))
    before = snapshot_tree(project / "dist")
    assert_rejected(project, run(project, "--env", "dev"), before, "dev: releases/dev.yaml: images: missing service 'sav'")


def test_invalid_environment_model_value(project):
    source = project / "constructs" / "ecommerce" / "model" / "environments.py"
    text = source.read_text()
    assert 'cpu_request="500m", cpu_limit="1000m"' in text
    source.write_text(text.replace('cpu_request="500m", cpu_limit="1000m"', 'cpu_request="1500m", cpu_limit="1000m"'))
    before = snapshot_tree(project / "dist")
    assert_rejected(
        project,
        run(project, "--env", "dev"),
        before,
        "constructs/ecommerce/model/environments.py: prod: resources.cpu_request: "
        "request 1500m is above the limit cpu_limit=1000m",
    )


def test_one_environment_replaces_only_its_folder(project):
    synth_output(project / "dist", {"dev/kept.k8s.yaml": "dev stays\n"})
    result = run(project, "--env", "prod")
    assert result.returncode == 0, result.stderr
    assert (project / "dist" / "dev" / "kept.k8s.yaml").read_text() == "dev stays\n"
    assert not (project / "dist" / "prod" / "sentinel.k8s.yaml").exists()
    assert snapshot_tree(project / "dist" / "prod") == snapshot_tree(ROOT / "dist" / "prod")


def test_all_environments_replace_dist_and_drop_stale_files(project, tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    # As `make synth` runs it: optimised.
    result = run(project, python=("-O",), TMPDIR=str(scratch))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (project / "dist").iterdir()) == ["dev", "prod", "staging"]
    assert not (project / "dist" / "prod" / "sentinel.k8s.yaml").exists()
    assert result.stdout.splitlines()[0].startswith("dist/dev: ")
    assert snapshot_tree(project / "dist") == snapshot_tree(ROOT / "dist"), "optimised synth differs from the checked one"
    # The jsii runtime was stopped and its temporary files removed.
    assert not list(scratch.iterdir())


def test_catalog_mistake(project):
    source = project / "constructs" / "ecommerce" / "model" / "catalog.py"
    text = source.read_text()
    assert text.count('route_prefix="/api/sav"') == 1
    source.write_text(text.replace('route_prefix="/api/sav"', 'route_prefix="/api/orders"'))
    before = snapshot_tree(project / "dist")
    assert_rejected(
        project,
        run(project),
        before,
        "constructs/ecommerce/model/catalog.py: sav: route_prefix: '/api/orders' is already the route of orders",
    )


def test_bad_value_found_while_building(project):
    release = project / "releases" / "dev.yaml"
    text = release.read_text()
    pinned = next(line for line in text.splitlines() if line.startswith("  mysql: "))
    release.write_text(text.replace(pinned, "  mysql: docker.io/library/mysql:lts"))
    before = snapshot_tree(project / "dist")
    # Found by the construct, while building: reported as any other bad input.
    assert_rejected(
        project, run(project), before, "error: dev: mysql: image: the tag must be the MySQL version, e.g. 8.4.11 (got 'lts';"
    )


# Output safety: every case of the class, each ending with the output as it was or wholly new.


def test_a_repeated_environment_is_built_once(project):
    result = run(project, "--env", "prod", "--env", "prod")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["dist/prod: " + result.stdout.split(": ", 1)[1].strip()]
    assert sorted(p.name for p in (project / "dist").iterdir()) == ["prod"]
    assert snapshot_tree(project / "dist" / "prod") == snapshot_tree(ROOT / "dist" / "prod")
    assert not leftovers(project) and not leftovers(project / "dist")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--env", "prod", "--env", "all"), "--env: unknown environment 'all' (allowed: dev, staging, prod)"),
        (("--env", "prod", "--env", ""), "--env: unknown environment '' (allowed: dev, staging, prod)"),
        (("--env",), "argument --env: expected one argument"),
    ],
)
def test_overlapping_or_incomplete_arguments(project, args, message):
    before = snapshot_tree(project / "dist")
    assert_rejected(project, run(project, *args), before, message)


def test_an_output_path_that_is_a_file(project, tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("someone's notes\n")
    result = run(project, "--env", "dev", "--outdir", str(target))
    assert result.returncode == 2
    assert_one_line(result.stderr, f"error: {target}: is a file, not a folder")
    assert target.read_text() == "someone's notes\n"
    # Below a file, too.
    result = run(project, "--env", "dev", "--outdir", str(target / "dist"))
    assert_one_line(result.stderr, f"error: {target}: is a file, not a folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "project"]


@pytest.mark.parametrize(
    ("files", "foreign"),
    [
        ({"README.md": "hand-written\n"}, "README.md"),
        ({"prod/00-foundation.k8s.yaml": "ours\n", "prod/patch.yaml": "hand-written\n"}, "prod/patch.yaml"),
    ],
)
def test_a_folder_holding_files_no_synth_wrote_is_refused(project, tmp_path, files, foreign):
    folder = tmp_path / "theirs"
    synth_output(folder, files)
    before = snapshot_tree(folder)
    for args in (("--env", "dev"), ()):  # one environment, or all of them: the whole folder is checked
        result = run(project, *args, "--outdir", str(folder))
        assert result.returncode == 2
        assert_one_line(result.stderr, f"error: {folder}: holds {foreign}, which no synth wrote")
        assert snapshot_tree(folder) == before
        assert not leftovers(tmp_path)
    # The project itself (main.py, constructs/...) is the plainest case.
    assert_rejected(project, run(project, "--env", "dev", "--outdir", "."), snapshot_tree(project / "dist"), "error: .: holds ")


def test_an_empty_folder_is_written(project, tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    result = run(project, "--env", "dev", "--outdir", str(folder))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["dev"]
    assert snapshot_tree(folder / "dev") == snapshot_tree(ROOT / "dist" / "dev")
    assert not leftovers(tmp_path)


@needs_namespaces
def test_a_read_only_output_folder(project, tmp_path):
    shelf = tmp_path / "shelf"
    synth_output(shelf / "dist", {"dev/00-foundation.k8s.yaml": "previous output\n"})
    before = snapshot_tree(shelf)
    # A read-only bind mount in a mount namespace of its own: gone when the process ends.
    result = in_mount_namespace(
        project, f'mount --bind "{shelf}" "{shelf}" && mount -o remount,bind,ro "{shelf}"', "", "--outdir", str(shelf / "dist")
    )
    assert result.returncode == 2
    assert_one_line(result.stderr, f"error: {shelf / 'dist'}: Read-only file system")
    assert snapshot_tree(shelf) == before
    assert sorted(p.name for p in shelf.iterdir()) == ["dist"]


@needs_namespaces
def test_a_full_disk(project, tmp_path):
    disk, report = tmp_path / "disk", tmp_path / "report"
    disk.mkdir()
    # A 64 KiB tmpfs in a mount namespace of its own (gone with the process), holding an
    # earlier output; what is on it once the synth failed is listed from inside.
    setup = (
        f'mount -t tmpfs -o size=64k tmpfs "{disk}" && mkdir -p "{disk}/dist/dev" '
        f'&& echo "previous output" > "{disk}/dist/dev/00-foundation.k8s.yaml"'
    )
    after = f'(cd "{disk}" && find . | sort && cat dist/dev/00-foundation.k8s.yaml) > "{report}"'
    result = in_mount_namespace(project, setup, after, "--outdir", str(disk / "dist"))
    assert result.returncode == 2, result.stderr
    assert_one_line(result.stderr, f"error: {disk / 'dist'}: No space left on device")
    assert report.read_text().splitlines() == [
        ".",
        "./dist",
        "./dist/dev",
        "./dist/dev/00-foundation.k8s.yaml",
        "previous output",
    ]


def in_mount_namespace(project: Path, setup: str, after: str, *args: str) -> subprocess.CompletedProcess[str]:
    """main.py --env dev in a mount namespace prepared by `setup`; `after` runs once it ended (its status is kept)."""
    command = [sys.executable, "-O", "main.py", "--env", "dev", *args]
    script = f'{setup} && {{ "$@"; status=$?; {after or "true"}; exit $status; }}'
    return subprocess.run(
        ["unshare", "--mount", "sh", "-c", script, "sh", *command],
        cwd=project,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_full_disk_met_while_cdk8s_writes(tmp_path):
    """cdk8s writes the files from Node, in the jsii runtime: a full disk there is recognised like one
    met in Python (/dev/full stands for the disk: every write to it fails with ENOSPC)."""
    from ecommerce.model.catalog import CATALOG
    from ecommerce.model.environments import DEV
    from ecommerce.model.releases import load_release
    from ecommerce.pipeline.synth import _build, _write_failure

    folder = tmp_path / "dev"
    folder.mkdir()
    (folder / "00-foundation.k8s.yaml").symlink_to("/dev/full")
    with pytest.raises(Exception) as failure:
        _build([(DEV, load_release(DEV, CATALOG), folder)], CATALOG)
    written = _write_failure(failure.value)
    assert written is not None and written[1] == "No space left on device"


def start_synth(project: Path, tmp: Path, *args: str) -> subprocess.Popen[str]:
    """main.py as `make synth` runs it, in a process group of its own (as a shell runs a command)."""
    return subprocess.Popen(
        [sys.executable, "-O", "main.py", *args],
        cwd=project,
        env=environment(TMPDIR=str(tmp)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wait_until_building(outdir: Path, process: subprocess.Popen[str]) -> None:
    """Until the synth has written a first manifest into the staging folder beside `outdir`."""
    deadline = time.monotonic() + 120
    while not list(outdir.parent.glob(f".{outdir.name}.new-*/out/*/*.k8s.yaml")):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the synth never started writing"
        time.sleep(0.01)


def wait_until_all_gone(group: int) -> None:
    """Until no process of the group is left: the synth and its jsii runtime (Node)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        assert time.monotonic() < deadline, "processes of the synth are still running"
        time.sleep(0.1)


@pytest.mark.parametrize(
    ("number", "whole_group", "status"),
    [(signal.SIGINT, True, 130), (signal.SIGINT, False, 130), (signal.SIGTERM, False, 143)],
    ids=["ctrl-c", "sigint-to-main", "sigterm"],
)
def test_an_interrupted_synth_leaves_everything_as_it_was(project, tmp_path, number, whole_group, status):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    before = snapshot_tree(project / "dist")
    process = start_synth(project, tmp)
    wait_until_building(project / "dist", process)
    # Ctrl-C in a terminal reaches every process of the group: main.py and its jsii runtime (Node).
    (os.killpg if whole_group else os.kill)(process.pid, number)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == status, stderr
    assert_one_line(stderr, "error: interrupted")
    assert snapshot_tree(project / "dist") == before
    assert not leftovers(project)
    wait_until_all_gone(process.pid)
    assert not list(tmp.iterdir()), "the jsii runtimes' temporary files are left"


def test_a_killed_synth_is_cleaned_up_by_the_next(project, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    before = snapshot_tree(project / "dist")
    process = start_synth(project, tmp)
    wait_until_building(project / "dist", process)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    wait_until_all_gone(process.pid)  # Node's jsii runtime ends when main.py's end of its pipe closes
    assert snapshot_tree(project / "dist") == before
    # Beside dist/ now: the killed synth's staging folder; add a staging folder a synth was
    # killed before marking (empty), and a folder that only looks like one.
    (project / ".dist.new-unmarked").mkdir()
    synth_output(project / ".dist.new-theirs", {"notes.txt": "not a synth's\n"})

    result = run(project, "--env", "dev", TMPDIR=str(tmp))
    assert result.returncode == 0, result.stderr
    assert leftovers(project) == [".dist.new-theirs"]
    assert not list(tmp.iterdir())
    assert snapshot_tree(project / "dist" / "prod") == {"sentinel.k8s.yaml": b"previous output\n"}


def test_killed_between_the_two_renames_of_a_commit_without_atomic_exchange(project):
    """Where the kernel or file system cannot exchange two folders in one step, a commit takes two
    renames; a kill between them leaves no dist/ at all, and the next synth puts it back first."""
    synth_output(project / "dist", {"dev/00-foundation.k8s.yaml": "previous dev\n", "staging/a.k8s.yaml": "previous staging\n"})
    before = snapshot_tree(project / "dist")
    killed_mid_commit = """
import os, runpy, sys
sys.path[:0] = ["constructs", "."]
from ecommerce.pipeline import synth
synth._exchange_atomically = lambda first, second: False
rename = os.rename
def rename_then_die(source, target):
    rename(source, target)
    if os.path.basename(target) == "old":
        os._exit(9)
os.rename = rename_then_die
sys.argv = ["main.py", "--env", "dev"]
runpy.run_path("main.py", run_name="__main__")
"""
    result = subprocess.run(
        [sys.executable, "-O", "-c", killed_mid_commit], cwd=project, env=environment(), capture_output=True, text=True
    )
    assert result.returncode == 9, result.stderr
    assert not (project / "dist").exists()

    result = run(project, "--env", "prod")
    assert result.returncode == 0, result.stderr
    after = snapshot_tree(project / "dist")
    assert {k: v for k, v in after.items() if not k.startswith("prod/")} == {
        k: v for k, v in before.items() if not k.startswith("prod/")
    }
    assert snapshot_tree(project / "dist" / "prod") == snapshot_tree(ROOT / "dist" / "prod")
    assert not leftovers(project)


def test_two_synths_at_once_take_turns(project, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    synths = [start_synth(project, tmp), start_synth(project, tmp, "--env", "dev")]
    stderrs = [process.communicate(timeout=300)[1] for process in synths]
    assert [process.returncode for process in synths] == [0, 0], stderrs
    # One found the other writing and waited for it: one line, naming where.
    assert sorted(stderrs) == ["", "waiting for another synth to finish writing beside dist\n"]
    assert snapshot_tree(project / "dist") == snapshot_tree(ROOT / "dist")
    assert not leftovers(project)
    assert not list(tmp.iterdir())
