"""Facts about this repository that the manifests refer to."""

from pathlib import Path

# The repository: releases/, dist/, docs/ and the pinned lock files are found from here.
PROJECT_ROOT = Path(__file__).resolve().parents[3]
REPOSITORY_URL = "https://github.com/e-commerce-back/platform"

# Where Argo CD runs (its AppProjects live there; each environment's Applications live in a
# namespace of its own, `argocd.apps_namespace` in the environment model), and the component
# label of the add-ons' Applications, which the deploy pipeline waits for (ecommerce_ops/operations.py reads
# both without loading cdk8s).
ARGOCD_NAMESPACE = "argocd"
ADD_ON_COMPONENT = "add-on"

# The AppProject role whose short-lived tokens the deploy pipeline uses, one per project of an
# environment, and the GitHub environment secret holding each project's token (README,
# "Tokens for the pipeline"). A project token acts only on its own project's Applications.
PIPELINE_ROLE = "pipeline"
PIPELINE_TOKEN_SECRETS = {
    "bootstrap": "ARGOCD_ROOT_TOKEN",
    "operators": "ARGOCD_ADD_ONS_TOKEN",
    "platform": "ARGOCD_PLATFORM_TOKEN",
}
