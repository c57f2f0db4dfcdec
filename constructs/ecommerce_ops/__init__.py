"""Operational tooling around the platform, outside the construct package: the kubectl
path (deploy, verify, cleanup), the pinned CRDs' sources, development secrets."""
