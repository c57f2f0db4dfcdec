"""Deploy, verify or clean up an environment with kubectl, without Argo CD.

    python scripts/platformctl.py deploy dev [--context NAME] [--dry-run]
    python scripts/platformctl.py verify prod
    python scripts/platformctl.py cleanup dev
    python scripts/platformctl.py cleanup prod --confirm prod
    python scripts/platformctl.py argocd-plan prod      # for the deploy workflow: how Argo CD syncs it

The kubectl context defaults to the environment's target cluster name. The platform's
operators must be installed first (README, "Deploying without Argo CD").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "constructs"))

from ecommerce.environments import get_environment  # noqa: E402
from ecommerce.errors import ConfigError  # noqa: E402
from ecommerce.operations import argocd_plan, cleanup_plan, deploy_plan, run, verify_plan  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["deploy", "verify", "cleanup", "argocd-plan"])
    parser.add_argument("env")
    parser.add_argument("--context", help="kubectl context (default: the environment's target cluster name)")
    parser.add_argument("--confirm", help="the environment's name, required to clean up a production-like one")
    parser.add_argument("--dry-run", action="store_true", help="print the kubectl commands instead of running them")
    args = parser.parse_args(argv)
    try:
        env = get_environment(args.env)
        folder = ROOT / "dist" / env.name
        if args.action == "argocd-plan":
            print(argocd_plan(env, folder).outputs(), end="")
            return 0
        if args.action == "deploy":
            steps = deploy_plan(env, folder, args.context)
        elif args.action == "verify":
            steps = verify_plan(env, folder, args.context)
        else:
            steps = cleanup_plan(env, folder, args.confirm, args.context)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.dry_run:
        for step in steps:
            print(" ".join(step.args))
        return 0
    return run(steps)


if __name__ == "__main__":
    sys.exit(main())
