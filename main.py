"""Synthesise the e-commerce platform: one folder of manifests per environment in dist/.

    python main.py                 every environment
    python main.py --env prod      one environment (repeat --env for several)

Bad input (an unknown environment, an invalid model value, a broken releases file...)
prints one line on stderr and exits with status 2; dist/ is then left exactly as it was.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The package lives under the constructs/ source root; imports/ (generated) under ROOT.
for entry in (ROOT / "constructs", ROOT):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

EXIT_BAD_INPUT = 2


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
        default=Path(os.environ.get("CDK8S_OUTDIR", ROOT / "dist")),
        help="output folder (default: dist/, or $CDK8S_OUTDIR under `cdk8s synth`)",
    )
    args = parser.parse_args(argv)
    # Imported here so that an invalid environment model, which fails while the module
    # loads, is reported like any other bad input.
    from ecommerce.errors import ConfigError

    try:
        from ecommerce.synth import synthesize, write_documents

        written = synthesize(args.env, args.outdir, parallel=True)
        write_documents(ROOT / "docs")
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for folder in written:
        files = sorted(path.name for path in folder.iterdir() if path.is_file())
        print(f"{_shown(folder)}: {len(files)} files")
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    from ecommerce.batch import exit_without_teardown, start_batch

    start_batch()
    exit_without_teardown(main())
