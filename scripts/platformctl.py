"""Deploy, verify, diff or clean up an environment with kubectl, without Argo CD.

    python scripts/platformctl.py deploy dev [--context NAME] [--force-conflicts] [--dry-run]
    python scripts/platformctl.py deploy staging --services api-gateway,auth   # those services only, no pruning
    python scripts/platformctl.py diff prod                # server-side kubectl diff against the cluster
    python scripts/platformctl.py verify prod
    python scripts/platformctl.py cleanup dev
    python scripts/platformctl.py cleanup prod --confirm prod
    python scripts/platformctl.py argocd-plan prod      # for the deploy workflow: how Argo CD syncs it

The kubectl context defaults to the environment's target cluster name. The platform's
operators must be installed first (README, "With kubectl only"): a deploy checks them, and
every other prerequisite, before it applies anything. `make deploy`, `make diff LIVE=1`, `make
verify` and `make cleanup` run this, and its messages then name make's variables.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "constructs"))

from ecommerce.errors import ConfigError  # noqa: E402
from ecommerce.model.environments import get_environment  # noqa: E402
from ecommerce_ops.operations import (  # noqa: E402
    CLI,
    MAKE,
    argocd_plan,
    cleanup_plan,
    deploy_plan,
    diff_plan,
    partial_note,
    run,
    select_services,
    verify_plan,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["deploy", "diff", "verify", "cleanup", "argocd-plan"])
    parser.add_argument("env")
    parser.add_argument("--context", help="kubectl context (default: the environment's target cluster name)")
    parser.add_argument("--confirm", help="the environment's name, required to clean up a production-like one")
    parser.add_argument(
        "--force-conflicts",
        action="store_true",
        help="deploy, diff: take over the fields that another field manager owns (default: stop on such a conflict)",
    )
    parser.add_argument(
        "--services",
        type=lambda value: [name for name in value.split(",") if name],
        default=[],
        help="deploy, verify: only these services' own objects (comma-separated, from the catalog); deploy then prunes nothing",
    )
    parser.add_argument("--dry-run", action="store_true", help="print the kubectl commands instead of running them")
    # Set by the Makefile, so that messages name make's variables (CONFIRM=prod) rather than flags.
    parser.add_argument("--via", choices=["make"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    spelling = MAKE if args.via == "make" else CLI
    try:
        env = get_environment(args.env)
        folder = ROOT / "dist" / env.name
        if args.force_conflicts and args.action not in ("deploy", "diff"):
            raise ConfigError(spelling.force, f"only deploy and diff apply anything (not {args.action})")
        if args.services and args.action not in ("deploy", "verify"):
            raise ConfigError(
                spelling.services.format(",".join(args.services)), f"only deploy and verify take services (not {args.action})"
            )
        notes = (
            [partial_note(select_services(args.services, spelling), spelling)]
            if args.services and args.action == "deploy"
            else []
        )
        if args.action == "argocd-plan":
            print(argocd_plan(env, folder).outputs(), end="")
            return 0
        if args.action == "deploy":
            steps = deploy_plan(env, folder, args.context, args.force_conflicts, spelling, args.services)
        elif args.action == "diff":
            steps = diff_plan(env, folder, args.context, args.force_conflicts, spelling)
        elif args.action == "verify":
            steps = verify_plan(env, folder, args.context, spelling, args.services)
        else:
            steps = cleanup_plan(env, folder, args.confirm, args.context, spelling)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.dry_run:
        for note in notes:
            print(f"# {note}")
        for step in steps:
            print(step.shell())
        return 0
    print(f"{args.action} {env.name} with kubectl context {args.context or env.target_cluster.name}", flush=True)
    for note in notes:
        print(note, flush=True)
    return run(steps)


if __name__ == "__main__":
    sys.exit(main())
