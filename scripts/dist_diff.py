"""What a change does to each environment's manifests, object by object and field by field.

    .venv/bin/python scripts/dist_diff.py [--env prod] [--ref REF] [--markdown] [--exit-code]

Compares dist/<env>/ (and its argocd/ folder) in the work tree with the same folder at a git
ref, by default the merge base of HEAD and main. `make diff` prints it in a terminal; the CI
posts the --markdown form on a pull request. Objects are matched by API group, kind, namespace
and name, and their fields compared with deepdiff, after each list of named items (containers,
env, volumes, rules...) is keyed by name, so that an inserted container reads as one added
container rather than a shifted list.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from deepdiff import DeepDiff

ROOT = Path(__file__).resolve().parent.parent
# libyaml's parser, where PyYAML was built with it: an environment is about 1 MB of YAML.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAIN_BRANCHES = ("main", "origin/main")
# A pull-request comment holds at most 65,536 characters.
COMMENT_BUDGET = 60_000
# Keys that identify an item of a list, in order of preference.
IDENTITY_KEYS = ("name", "alert", "record", "mountPath")
PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


class DiffError(Exception):
    """A refusal, printed as one line."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

ObjectKey = tuple[str, str, str, str]  # API group, kind, namespace, name


@dataclass(frozen=True)
class Named:
    """An item of a list, found by its identity key (`containers[name=app]`)."""

    key: str
    value: str


@dataclass(frozen=True)
class Manifest:
    obj: dict
    file: str  # relative to the environment's folder
    position: int  # in the folder, in `kubectl apply` order


@dataclass(frozen=True)
class Change:
    path: tuple
    old: Any  # MISSING when the field is added
    new: Any  # MISSING when the field is removed


@dataclass
class ObjectDiff:
    key: ObjectKey
    old: Manifest | None
    new: Manifest | None
    changes: list[Change] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "added" if self.old is None else "removed" if self.new is None else "changed"


# Reading the two trees ---------------------------------------------------------------------


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines()
        raise DiffError(f"git {' '.join(args)}: {lines[-1] if lines else f'exit {result.returncode}'}")
    return result.stdout


def default_ref(root: Path) -> tuple[str, str]:
    """The merge base of HEAD and main (or origin/main, as in a CI checkout), and how to say it."""
    for branch in MAIN_BRANCHES:
        found = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{branch}^{{commit}}"], cwd=root, capture_output=True, text=True
        )
        if found.returncode == 0:
            return git(root, "merge-base", "HEAD", branch).strip(), f"the merge base of HEAD and {branch}"
    raise DiffError(f"no branch {' or '.join(MAIN_BRANCHES)} to compare with: name a git ref (make diff REF=<ref>)")


def resolve(root: Path, ref: str) -> str:
    try:
        return git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    except DiffError:
        raise DiffError(f"unknown git ref {ref!r}") from None


def index(files: Iterable[tuple[str, str]], where: str) -> dict[ObjectKey, Manifest]:
    """Objects of (relative path, YAML text) pairs, in apply order, by object key."""
    objects: dict[ObjectKey, Manifest] = {}
    for path, text in sorted(files, key=lambda item: (item[0].count("/"), item[0])):
        try:
            documents = [doc for doc in yaml.load_all(text, Loader=LOADER) if doc]
        except yaml.YAMLError as error:
            raise DiffError(f"{where}/{path}: not YAML ({str(error).splitlines()[0]})") from None
        for doc in documents:
            meta = doc.get("metadata", {})
            group = doc.get("apiVersion", "").rpartition("/")[0]
            key = (group, doc.get("kind", ""), meta.get("namespace", ""), meta.get("name", ""))
            if key in objects:
                raise DiffError(f"{where}/{path}: {describe(key)} appears twice")
            objects[key] = Manifest(doc, path, len(objects))
    return objects


def worktree_objects(folder: Path) -> dict[ObjectKey, Manifest]:
    files = [(str(path.relative_to(folder)), path.read_text()) for path in folder.rglob("*.yaml")] if folder.is_dir() else []
    return index(files, str(folder))


def objects_at(root: Path, commit: str, folder: str) -> dict[ObjectKey, Manifest]:
    names = git(root, "ls-tree", "-r", "-z", "--name-only", commit, "--", f"{folder}/").split("\0")
    files = [
        (name.removeprefix(f"{folder}/"), git(root, "cat-file", "blob", f"{commit}:{name}"))
        for name in names
        if name.endswith(".yaml")
    ]
    return index(files, f"{commit[:12]}:{folder}")


def environments_at(root: Path, commit: str) -> list[str]:
    folders = git(root, "ls-tree", "-z", "--name-only", "-d", commit, "--", "dist/").split("\0")
    return [name.removeprefix("dist/") for name in folders if name]


# Comparing ---------------------------------------------------------------------------------


def normalise(value: Any) -> Any:
    """Lists of items that carry a unique name become mappings by that name."""
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [normalise(item) for item in value]
        for key in IDENTITY_KEYS:
            names: list[str] = [item[key] for item in items if isinstance(item, dict) and isinstance(item.get(key), str)]
            if items and len(names) == len(items) == len(set(names)):
                return {Named(key, name): item for name, item in zip(names, items, strict=True)}
        return items
    return value


def denormalise(value: Any) -> Any:
    if isinstance(value, dict):
        items = {key: denormalise(item) for key, item in value.items()}
        return list(items.values()) if items and all(isinstance(key, Named) for key in items) else items
    if isinstance(value, list):
        return [denormalise(item) for item in value]
    return value


def _at(tree: Any, path: Sequence) -> Any:
    for step in path:
        try:
            tree = tree[step]
        except (KeyError, IndexError, TypeError):
            return MISSING
    return tree


def _scalars(value: Any) -> bool:
    return isinstance(value, list) and not any(isinstance(item, dict | list) for item in value)


def _whole_list(old: Any, new: Any, path: tuple) -> tuple:
    """The path of the outermost list of plain values on `path`: such a list reads best whole."""
    for end in range(len(path)):
        a, b = _at(old, path[:end]), _at(new, path[:end])
        if (_scalars(a) or a is MISSING) and (_scalars(b) or b is MISSING) and (a, b) != (MISSING, MISSING):
            return path[:end]
    return path


def _order_changes(old: Any, new: Any, path: tuple = ()) -> Iterator[Change]:
    """Named items that only moved: deepdiff sees mappings, whose order it ignores."""
    if isinstance(old, dict) and isinstance(new, dict):
        if old and all(isinstance(key, Named) for key in old) and list(old) != list(new) and set(old) == set(new):
            yield Change((*path, "(order)"), [key.value for key in old], [key.value for key in new])
        for key in old.keys() & new.keys():
            yield from _order_changes(old[key], new[key], (*path, key))


def _position(old: Any, new: Any, path: tuple) -> tuple:
    """Where a field sits in the object (new order first), to list changes top to bottom."""
    where = []
    for end, step in enumerate(path):
        parent = _at(new, path[:end])
        if not isinstance(parent, dict | list) or _at(parent, [step]) is MISSING:
            parent = _at(old, path[:end])
        if isinstance(parent, dict):
            where.append(list(parent).index(step) if step in parent else len(parent))
        else:
            where.append(step if isinstance(step, int) else 0)
    return tuple(where)


def field_changes(old_obj: dict, new_obj: dict) -> list[Change]:
    old, new = normalise(old_obj), normalise(new_obj)
    changes: dict[tuple, Change] = {}
    for levels in DeepDiff(old, new, view="tree", verbose_level=2).values():
        for level in levels:
            path = _whole_list(old, new, tuple(level.path(output_format="list")))
            if path not in changes:
                before, after = _at(old, path), _at(new, path)
                changes[path] = Change(path, denormalise(before), denormalise(after))
    for change in _order_changes(old, new):
        changes.setdefault(change.path, change)
    return sorted(changes.values(), key=lambda change: _position(old, new, change.path))


def compare(old: dict[ObjectKey, Manifest], new: dict[ObjectKey, Manifest]) -> list[ObjectDiff]:
    diffs = []
    for key in old.keys() | new.keys():
        before, after = old.get(key), new.get(key)
        if before is None or after is None:
            diffs.append(ObjectDiff(key, before, after))
            continue
        changes = field_changes(before.obj, after.obj) if before.obj != after.obj else []
        if changes or before.file != after.file:
            diffs.append(ObjectDiff(key, before, after, changes))

    def order(diff: ObjectDiff) -> tuple:
        manifest = diff.new or diff.old
        assert manifest is not None
        return (diff.new is None, manifest.position)

    return sorted(diffs, key=order)


# Rendering ---------------------------------------------------------------------------------


def describe(key: ObjectKey) -> str:
    _, kind, namespace, name = key
    return f"{kind} {namespace}/{name}" if namespace else f"{kind} {name}"


def render_path(path: Sequence) -> str:
    text = ""
    for step in path:
        if isinstance(step, Named):
            text += f"[{step.key}={step.value}]"
        elif isinstance(step, int):
            text += f"[{step}]"
        elif step == "(order)":
            text += " (order)"
        elif PLAIN_KEY.fullmatch(step):
            text += f".{step}" if text else step
        else:
            text += f"[{json.dumps(step)}]"
    return text or "(whole object)"


def value_lines(value: Any) -> list[str]:
    if isinstance(value, str) and "\n" in value.rstrip("\n"):
        return ["|", *("  " + line for line in value.rstrip("\n").split("\n"))]
    if isinstance(value, dict | list) and value:
        return yaml.safe_dump(value, sort_keys=False, default_flow_style=False, width=1000).rstrip("\n").split("\n")
    return [json.dumps(value, ensure_ascii=False)]


def change_lines(change: Change) -> list[str]:
    lines = [f"    {render_path(change.path)}"]
    old, new = change.old, change.new
    if isinstance(old, str) and isinstance(new, str) and "\n" in old + new:
        hunks = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=2)
        for line in list(hunks)[2:]:  # past the ---/+++ header
            lines.append(f"      {line}" if line.startswith("@@") else f"{line[:1]}       {line[1:]}")
        return lines
    if old is not MISSING:
        lines += [f"-       {line}" for line in value_lines(old)]
    if new is not MISSING:
        lines += [f"+       {line}" for line in value_lines(new)]
    return lines


def object_lines(diff: ObjectDiff) -> list[str]:
    manifest = diff.new or diff.old
    assert manifest is not None
    where = f"{manifest.obj.get('apiVersion', '')}, {manifest.file}"
    if diff.old is None:
        body = yaml.safe_dump(manifest.obj, sort_keys=False, width=1000).rstrip("\n").split("\n")
        return [f"+ {describe(diff.key)} ({where}): added", *(f"+     {line}" for line in body)]
    if diff.new is None:
        return [f"- {describe(diff.key)} ({where}): removed"]
    if diff.old.file != manifest.file:
        where += f", moved from {diff.old.file}"
    return [f"@@ {describe(diff.key)} ({where}) @@", *(line for change in diff.changes for line in change_lines(change))]


def summary(diffs: list[ObjectDiff]) -> str:
    if not diffs:
        return "no change"
    counts = {status: sum(diff.status == status for diff in diffs) for status in ("changed", "added", "removed")}
    return ", ".join(f"{count} {status}" for status, count in counts.items() if count)


@dataclass(frozen=True)
class EnvironmentDiff:
    name: str
    diffs: list[ObjectDiff]

    def lines(self) -> list[str]:
        return [line for diff in self.diffs for line in object_lines(diff)]


def diff_environments(names: Sequence[str], ref: str | None, root: Path = ROOT) -> tuple[list[EnvironmentDiff], str]:
    """Each environment's changes against `ref` (default: the merge base with main), and what was compared."""
    commit, label = (resolve(root, ref), ref) if ref else default_ref(root)
    dist = root / "dist"
    present = {path.name for path in dist.iterdir() if path.is_dir()} if dist.is_dir() else set()
    known = sorted(present | set(environments_at(root, commit)), key=_environment_order)
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise DiffError(f"no dist/{unknown[0]} here or at {label} (environments: {', '.join(known)})")
    result = [
        EnvironmentDiff(name, compare(objects_at(root, commit, f"dist/{name}"), worktree_objects(dist / name)))
        for name in (names or known)
    ]
    return result, f"{commit[:12]} ({label})" if label != commit else commit[:12]


def _environment_order(name: str) -> tuple[int, str]:
    order = ("dev", "staging", "prod")
    return (order.index(name) if name in order else len(order), name)


COLOURS = {"+": "\033[32m", "-": "\033[31m", "@": "\033[36m", "=": "\033[1m"}


def text(result: list[EnvironmentDiff], against: str, colour: bool = False) -> str:
    out = [f"= dist/ in the work tree against {against}"]
    for env in result:
        out.append(f"= {env.name}: {summary(env.diffs)}")
        out.extend(env.lines())
    if colour:
        out = [f"{COLOURS[line[0]]}{line}\033[0m" if line[:1] in COLOURS else line for line in out]
    return "\n".join(out) + "\n"


def markdown(result: list[EnvironmentDiff], against: str, budget: int = COMMENT_BUDGET) -> str:
    out = [
        "## Effect on the manifests\n",
        f"Against `{against}`, object by object (kind namespace/name) and field by field, as `make diff ENV=<env>` prints it.\n",
    ]
    changed = [env for env in result if env.diffs]
    for env in result:
        if not env.diffs:
            out.append(f"**{env.name}**: no change\n")
            continue
        lines, shown, size = env.lines(), [], 0
        for line in lines:
            size += len(line) + 1
            if size > budget // len(changed):
                break
            shown.append(line)
        out.append(f"<details><summary><b>{env.name}</b>: {summary(env.diffs)}</summary>\n")
        out.append("```diff")
        out.extend(shown)
        if len(shown) < len(lines):
            out.append(f"... {len(lines) - len(shown)} more lines: run make diff ENV={env.name}")
        out.append("```\n</details>\n")
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--env", action="append", default=[], metavar="NAME", help="environment (repeatable; default: all)")
    parser.add_argument("--ref", help="git ref to compare with (default: the merge base of HEAD and main)")
    parser.add_argument("--markdown", action="store_true", help="the pull-request comment")
    parser.add_argument("--exit-code", action="store_true", help="exit with 1 when something changed")
    args = parser.parse_args(argv)
    try:
        result, against = diff_environments(args.env, args.ref, root)
    except DiffError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.markdown:
        sys.stdout.write(markdown(result, against))
    else:
        colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        sys.stdout.write(text(result, against, colour))
    return 1 if args.exit_code and any(env.diffs for env in result) else 0


if __name__ == "__main__":
    sys.exit(main())
