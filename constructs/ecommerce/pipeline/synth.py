"""Synthesise environments into dist/<env>/, all or nothing.

A synth writes only to an output folder that is new, empty, or holds nothing but the output
of an earlier synth (folders and `*.k8s.yaml` files). It builds everything in a staging
folder beside the output folder and commits with one atomic exchange of the two, so that a
failure, a Ctrl-C or a kill at any moment leaves the output folder either as it was or
wholly new. Synths writing beside the same folder take turns (a lock on that folder), and
each removes what a killed predecessor left behind: the staging folder carries a marker, and
the lock proves that no synth still works in it.
"""

from __future__ import annotations

import contextlib
import copyreg
import ctypes
import errno
import fcntl
import gc
import glob
import multiprocessing
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import traceback
from collections.abc import Iterator, Mapping, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from types import MappingProxyType

from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG, Catalog
from ecommerce.model.environments import ENVIRONMENTS, PROD, Environment, get_environment
from ecommerce.model.releases import RELEASES_DIR, Release, load_release
from ecommerce.pipeline.docs import architecture, metrics, operators, runbooks

# What a synth writes, and so what it may replace: every file of its output is named after a chart.
OUTPUT_SUFFIX = ".k8s.yaml"
# The first thing written into a staging folder: with the folder's name, it proves the folder
# is a synth's, so that the next synth may remove it if the one that made it was killed.
STAGING_MARKER = "synth-staging"
STAGING_MARKER_TEXT = "A synth's staging folder (see ecommerce/pipeline/synth.py); the next synth removes it.\n"


class OutputError(ConfigError):
    """The output cannot be written as asked (a file in the way, files a synth did not write,
    a read-only or full disk): reported like bad input, one line and status 2."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(shown(path), message)


class _WriteFailed(Exception):
    """A build's write refused by the file system, at `path` (None: somewhere in the build's folder)."""

    def __init__(self, path: str | None, message: str) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = message


def shown(path: Path) -> str:
    """`path` as the user most likely typed it: relative to the current folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd())) or "."
    except ValueError:
        return str(path)


def generated_documents(catalog: Catalog = CATALOG) -> dict[str, str]:
    """docs/ files derived from the model, by path relative to docs/."""
    return {
        "architecture.md": architecture(catalog, tuple(ENVIRONMENTS.values())),
        "runbooks.md": runbooks(PROD),
        "metrics.md": metrics(),
        "operators.md": operators(tuple(ENVIRONMENTS.values())),
    }


def synthesize(
    names: Sequence[str],
    outdir: Path,
    catalog: Catalog = CATALOG,
    releases_dir: Path = RELEASES_DIR,
    files: Mapping[Path, str] | None = None,
) -> list[Path]:
    """Write dist/<env>/ for each named environment (all of them when `names` is empty).

    Every input is validated and every environment is built in a staging folder beside
    `outdir` before anything in `outdir` changes; a failure leaves `outdir` as it was. One
    environment (or several, not all) replaces only its own folders: the others are carried
    over unchanged. `files` (path: content; the generated docs) are replaced, those that
    changed, in the same commit.
    """
    names = list(dict.fromkeys(names))  # `--env prod --env prod` asks for prod once
    environments = [get_environment(name) for name in (names or ENVIRONMENTS)]
    releases = [load_release(env, catalog, releases_dir) for env in environments]
    outdir = outdir.resolve()
    files = dict(files or {})
    whole = not names or set(names) == set(ENVIRONMENTS)
    try:
        for path in (outdir, *files):
            _check_no_file_in_the_way(path.parent)
            path.parent.mkdir(parents=True, exist_ok=True)
        with _locked([outdir.parent, *(path.parent for path in files)], outdir):
            _remove_leftovers(outdir, files)
            _check_replaceable(outdir)
            with _Staging(outdir) as staging:
                jobs = [(env, release, staging.out / env.name) for env, release in zip(environments, releases, strict=True)]
                _build_in_child(jobs, catalog, staging.tmp)
                if not whole:
                    staging.carry_over(outdir, {env.name for env in environments})
                staging.commit(outdir, files)
    except OSError as error:
        raise OutputError(_as_user_sees(error.filename, outdir), error.strerror or str(error)) from None
    except _WriteFailed as error:
        raise OutputError(_as_user_sees(error.path, outdir), error.message) from None
    return [outdir / env.name for env in environments]


def _as_user_sees(path: str | os.PathLike[str] | None, outdir: Path) -> Path:
    """Where a write failed, named as the user knows it: a staged file by its place in `outdir`."""
    if not path:
        return outdir
    parts = Path(path).parts
    staging = next((index for index, part in enumerate(parts) if part.startswith(f".{outdir.name}.new-")), None)
    if staging is None:
        return Path(path)
    if parts[staging + 1 : staging + 2] == ("out",):
        return outdir.joinpath(*parts[staging + 2 :])
    return outdir


def _check_no_file_in_the_way(folder: Path) -> None:
    for ancestor in (folder, *folder.parents):
        if os.path.lexists(ancestor):
            if not ancestor.is_dir():
                raise OutputError(ancestor, "is a file, not a folder")
            return


def _check_replaceable(outdir: Path) -> None:
    if not os.path.lexists(outdir):
        return
    if not outdir.is_dir():
        raise OutputError(outdir, "is a file, not a folder")
    foreign = _not_synth_output(outdir)
    if foreign is not None:
        raise OutputError(
            outdir,
            f"holds {foreign.relative_to(outdir)}, which no synth wrote; a synth replaces the whole folder, "
            f"so it writes only to a new or empty folder or to its own output (folders of *{OUTPUT_SUFFIX} files)",
        )


def _not_synth_output(folder: Path) -> Path | None:
    """The first entry under `folder` that a synth does not write (None if there is none)."""
    pending = [folder]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in sorted(entries, key=lambda entry: entry.name):
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                elif not (entry.is_file(follow_symlinks=False) and entry.name.endswith(OUTPUT_SUFFIX)):
                    return Path(entry.path)
    return None


@contextlib.contextmanager
def _locked(folders: list[Path], outdir: Path) -> Iterator[None]:
    """Holds an exclusive lock on each folder (where the staging folders and temporary files go).

    A second synth waits for the first. The kernel drops the lock of a killed process, so a
    staging folder found while holding it belongs to no running synth.
    """
    unique: dict[tuple[int, int], Path] = {}
    for folder in sorted(folders):
        status = folder.stat()
        unique.setdefault((status.st_dev, status.st_ino), folder)
    told = False
    with contextlib.ExitStack() as stack:
        for folder in unique.values():
            handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            stack.callback(os.close, handle)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not told:
                    print(f"waiting for another synth to finish writing beside {shown(outdir)}", file=sys.stderr, flush=True)
                    told = True
                fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _remove_leftovers(outdir: Path, files: Mapping[Path, str]) -> None:
    """Removes what a killed synth left: its staging folders beside `outdir`, its temporary files."""
    for folder in outdir.parent.glob(f".{glob.escape(outdir.name)}.new-*"):
        if folder.is_symlink() or not folder.is_dir():
            continue
        marker = folder / STAGING_MARKER
        if not marker.is_file():
            # Made but not yet marked when its synth was killed: ours only if it is empty,
            # which is all that rmdir removes.
            with contextlib.suppress(OSError):
                folder.rmdir()
            continue
        if marker.read_text(encoding="utf-8", errors="replace") != STAGING_MARKER_TEXT:
            continue
        parked = folder / "old"
        if parked.is_dir() and not os.path.lexists(outdir):
            # Killed between the two renames of a commit without an atomic exchange: the
            # output folder as it was is parked here.
            parked.rename(outdir)
        shutil.rmtree(folder)
    for path in files:
        for leftover in path.parent.glob(f".{glob.escape(path.name)}.synth-*"):
            if leftover.is_file() and not leftover.is_symlink():
                leftover.unlink()


class _Staging:
    """The staging folder beside `outdir`: out/ (the new output), tmp/ (the jsii runtime's temporary files)."""

    def __init__(self, outdir: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.new-", dir=outdir.parent))
        self.staged: list[tuple[Path, Path]] = []

    def __enter__(self) -> _Staging:
        try:
            (self.folder / STAGING_MARKER).write_text(STAGING_MARKER_TEXT, encoding="utf-8")
            self.out = self.folder / "out"
            self.out.mkdir()
            self.out.chmod(0o755)
            self.tmp = self.folder / "tmp"
            self.tmp.mkdir()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        for temporary, _target in self.staged:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
        shutil.rmtree(self.folder, ignore_errors=True)

    def carry_over(self, outdir: Path, built: set[str]) -> None:
        """Copies the folders of `outdir` that this synth does not build, as they are."""
        if not outdir.is_dir():
            return
        for entry in outdir.iterdir():
            if entry.name in built:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.copytree(entry, self.out / entry.name, symlinks=True)
            else:
                shutil.copy2(entry, self.out / entry.name, follow_symlinks=False)

    def commit(self, outdir: Path, files: Mapping[Path, str]) -> None:
        for path, content in files.items():
            if path.is_file() and path.read_text(encoding="utf-8") == content:
                continue  # its time stays as it was
            try:
                handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.synth-")
                self.staged.append((Path(temporary), path))
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(content)
                os.chmod(temporary, 0o644)
            except OSError as error:
                raise OSError(error.errno, error.strerror, str(path)) from None
        with _signals_deferred():
            _exchange(self.out, outdir, parking=self.folder / "old")
            for staged, target in self.staged:
                os.replace(staged, target)
            self.staged = []


def _exchange(new: Path, target: Path, parking: Path) -> None:
    """Puts the folder `new` in the place of `target` (the old `target` ends up at `new` or `parking`)."""
    if not os.path.lexists(target):
        os.rename(new, target)
    elif not _exchange_atomically(new, target):
        # Without an atomic exchange, a kill between these two renames leaves `target` missing
        # and the previous output parked in the staging folder, which the next synth restores.
        os.rename(target, parking)
        os.rename(new, target)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange_atomically(first: Path, second: Path) -> bool:
    """Swaps two paths in one step with Linux's renameat2(RENAME_EXCHANGE); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # an old kernel, a file system without it
        return False
    raise OSError(code, os.strerror(code), str(second))


_STOPS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Holds Ctrl-C and SIGTERM back until the block is done, then delivers them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {number: signal.signal(number, lambda number, _frame: received.append(number)) for number in _STOPS}
    try:
        yield
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, handler)
        for number in received[:1]:
            signal.raise_signal(number)


Job = tuple[Environment, Release, Path]


def _build(jobs: list[Job], catalog: Catalog) -> None:
    from ecommerce.pipeline.build import build_environment

    for env, release, folder in jobs:
        build_environment(env, catalog, release, folder)


def _build_in_child(jobs: list[Job], catalog: Catalog, tmp: Path) -> None:
    """Builds every environment, one after the other, in one child process.

    Not for speed (building halves in parallel saved less than a quarter of the wall time on
    two cores, `make bench`): the child is where the jsii runtime lives and dies. Its
    temporary files (the kernel Python unpacks, Node's own) go in the staging folder (`tmp`),
    and what it prints to a log there, so that a Ctrl-C (which reaches Node too, and stops it
    before it cleans up), a full disk or a kill leaves nothing behind once the staging folder
    goes. The child is a new interpreter ("spawn", not a fork: nothing of this process is
    shared with it) and ends as any Python process does, its atexit handlers stopping jsii.
    """
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    log = tmp / "build.log"
    child = context.Process(target=_work, args=(jobs, catalog, sender, tmp, log, os.getpid()))
    try:
        child.start()
        sender.close()
        try:
            outcome = receiver.recv() if receiver.poll(None) else ("crash", "the build process died without a word")
        except EOFError:
            outcome = ("crash", "the build process died without a word")
        child.join()
    except BaseException:
        _stop(child)
        raise
    kind, *details = outcome or ("done",)
    if kind not in ("output", "interrupted"):
        # What the child printed (jsii's warnings, a crash's details), unless its failure is
        # told in one line: then it is only the noise of a jsii runtime cut short.
        with contextlib.suppress(OSError):
            sys.stderr.write(log.read_text(encoding="utf-8", errors="replace"))
    if kind == "config":
        raise ConfigError(*details)
    if kind == "output":
        raise _WriteFailed(*details)
    if kind == "interrupted":
        raise KeyboardInterrupt
    if kind == "crash":
        raise RuntimeError("synthesis failed:\n" + details[0])


# How Node reports a failed file system call (cdk8s writes the files in the jsii runtime):
# "ENOSPC: no space left on device, write", "EACCES: permission denied, open '/x/y.k8s.yaml'".
_NODE_SYSTEM_ERROR = re.compile(r"\bE[A-Z]{2,}: (?P<message>[^,\n]+), \w+(?: '(?P<path>[^'\n]*)')?")


def _write_failure(error: BaseException) -> tuple[str | None, str] | None:
    """(path or None, reason) when `error` is the file system refusing a write, else None."""
    if isinstance(error, OSError):
        return error.filename, error.strerror or str(error)
    found = _NODE_SYSTEM_ERROR.search(str(error))
    if found:
        message = found["message"]
        return found["path"], message[:1].upper() + message[1:]
    return None


# The model freezes its mappings (catalog settings, release images) as read-only views, which
# pickle cannot send to a worker as they are: a worker receives each as a view of a copy.
def _read_only(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


copyreg.pickle(MappingProxyType, lambda view: (_read_only, (dict(view),)))


def _stop(child: multiprocessing.process.BaseProcess) -> None:
    """Asks the build process to stop (it stops its jsii runtime) and waits; kills it if it does not."""
    if child.pid is None:
        return
    if child.is_alive():
        with contextlib.suppress(ProcessLookupError):
            os.kill(child.pid, signal.SIGTERM)
    child.join(10)
    if child.is_alive():
        child.kill()
        child.join()


def _work(jobs: list[Job], catalog: Catalog, sender: Connection, tmp: Path, log: Path, parent: int) -> None:
    # A synth makes little cyclic garbage; the collector's passes over the generated classes
    # would cost about a tenth of a second.
    gc.disable()
    _die_with(parent)
    # The jsii runtime's temporary files go in the staging folder, removed with it whatever
    # happens; what the child prints goes to a log there, which the parent shows or drops.
    os.environ["TMPDIR"] = str(tmp)
    tempfile.tempdir = str(tmp)
    stream = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(stream, 2)
    os.close(stream)
    # Ctrl-C (which reaches every process of the group), or the parent's SIGTERM, stops the
    # build once; any later one must not break the report and the jsii runtime's stop.
    building = [True]

    def stop_building(_number: int, _frame: object) -> None:
        if building[0]:
            building[0] = False
            raise KeyboardInterrupt

    for number in _STOPS:
        signal.signal(number, stop_building)
    outcome: tuple[str | None, ...] | None = None
    try:
        try:
            _build(jobs, catalog)
        finally:
            building[0] = False
    except ConfigError as error:
        outcome = ("config", error.where, error.message)
    except KeyboardInterrupt:
        outcome = ("interrupted",)
    except BaseException as error:
        failure = _write_failure(error)
        outcome = ("output", *failure) if failure else ("crash", traceback.format_exc())
    # Returning ends the child as any Python process ends: its atexit handlers stop its jsii
    # runtime, which removes the runtime's temporary folder.
    sender.send(outcome)
    sender.close()


def _die_with(parent: int) -> None:
    """Has the kernel kill this process when `parent` dies (Linux), so a killed synth leaves no build behind."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        sys.exit(1)
