"""Synthesise the e-commerce platform: one folder of manifests per environment in dist/.

    python main.py                 every environment
    python main.py --env prod      one environment (repeat --env for several)

Bad input (an unknown environment, an invalid model value, a broken releases file, an output
folder that holds files no synth wrote...) prints one line on stderr and exits with status 2;
dist/ is then left exactly as it was, as it is after Ctrl-C (status 130), SIGTERM (143) or a kill.

Under `cdk8s synth` (see cdk8s.yaml), $CDK8S_OUTDIR says what the CLI asked for: its own
output folder stands for dist/, which is written as by `python main.py`; a temporary folder
(`--stdout`) receives one stream of every manifest; a chart's templates folder (`--format
helm`) is refused. Any other $CDK8S_OUTDIR (`cdk8s synth --output X`) is the output folder.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The package lives under the constructs/ source root; imports/ (generated) under ROOT.
for entry in (ROOT / "constructs", ROOT):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

EXIT_BAD_INPUT = 2
# The file `cdk8s synth --stdout` finds in its temporary folder and prints.
STREAM_FILE = "manifests.yaml"


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"error: {message} (see --help)", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)


def main(argv: list[str] | None = None) -> int:
    parser = _OneLineParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME",
        help="environment to synthesise (dev, staging, prod); repeatable; default: all",
    )
    parser.add_argument(
        "--outdir",
        type=Path,
        help="output folder (default: dist/): new, empty, or written by an earlier synth",
    )
    args = parser.parse_args(argv)
    # Imported here so that an invalid environment model, which fails while the module
    # loads, is reported like any other bad input.
    from ecommerce.errors import ConfigError

    try:
        from ecommerce.pipeline.synth import generated_documents, synthesize

        docs = {ROOT / "docs" / name: content for name, content in generated_documents().items()}
        cli_folder = os.environ.get("CDK8S_OUTDIR")
        if args.outdir is not None or not cli_folder:
            written: list[Path] | None = synthesize(args.env, args.outdir or ROOT / "dist", files=docs)
        else:
            written = _under_cdk8s_cli(Path(os.path.abspath(cli_folder)), args.env, docs)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt as stop:
        from ecommerce.pipeline.batch import Stopped

        print("error: interrupted (the output folder is either as it was or wholly new)", file=sys.stderr)
        return 128 + (signal.SIGTERM if isinstance(stop, Stopped) else signal.SIGINT)
    from ecommerce.pipeline.synth import shown

    for folder in written or ():
        files = sorted(path.name for path in folder.iterdir() if path.is_file())
        print(f"{shown(folder)}: {len(files)} files")
    return 0


def _under_cdk8s_cli(folder: Path, names: list[str], docs: dict[Path, str]) -> list[Path] | None:
    """What `cdk8s synth` asked for by the folder it gave (the pinned cdk8s-cli's synth command):
    the environments written to dist/, or None when they were streamed to the CLI."""
    from ecommerce.pipeline.synth import OutputError, synthesize

    standing_for_dist = ROOT / _cdk8s_config()["output"]
    if folder == standing_for_dist:
        # The CLI empties its output folder before the app runs: it names a folder of its
        # own, which the CLI then reads dist/ through (a link, made before anything changes).
        try:
            standing_for_dist.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileExistsError):
                os.symlink(os.path.relpath(ROOT / "dist", standing_for_dist.parent), standing_for_dist)
        except OSError as error:
            raise OutputError(standing_for_dist, error.strerror or str(error)) from None
        return synthesize(names, ROOT / "dist", files=docs)
    if folder.name == "templates" and (folder.parent / "Chart.yaml").is_file():
        raise OutputError(
            folder.parent,
            "cdk8s synth --format helm is not supported: the platform is plain manifests, one folder per "
            "environment in dist/, and the chart would also carry the operators' CRDs, which their add-ons install",
        )
    if folder.name.startswith("cdk8s-") and folder.is_dir() and not any(folder.iterdir()):
        # `cdk8s synth --stdout`: the CLI prints every *.yaml file in this temporary folder,
        # all at once and without separators, so it gets one file, one stream of documents.
        built = folder / "dist"
        written = synthesize(names, built)
        try:
            (folder / STREAM_FILE).write_text(_stream(written), encoding="utf-8")
        except OSError as error:
            raise OutputError(folder, error.strerror or str(error)) from None
        finally:
            shutil.rmtree(built, ignore_errors=True)
        return None
    return synthesize(names, folder, files=docs)


def _stream(folders: list[Path]) -> str:
    """The manifests of each environment folder in `kubectl apply` order, as one YAML stream."""
    parts = [
        f"# Source: {path.relative_to(folder.parent)}\n{path.read_text(encoding='utf-8')}"
        for folder in folders
        for path in sorted(folder.rglob("*.yaml"), key=lambda path: path.relative_to(folder).parts)
    ]
    return "---\n".join(parts)


def _cdk8s_config() -> dict:
    import yaml

    return yaml.safe_load((ROOT / "cdk8s.yaml").read_text(encoding="utf-8"))


if __name__ == "__main__":
    from ecommerce.pipeline.batch import start_batch

    start_batch()
    sys.exit(main())
