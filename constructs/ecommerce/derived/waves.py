"""The charts of an environment, in Argo CD sync-wave order."""

from __future__ import annotations

# Each chart is one Argo CD sync wave and one file named after it ("20-data.k8s.yaml"), so
# `kubectl apply -f dist/<env>` (files in name order) and Argo CD create things in the same
# order: namespaces and policies, then secrets, data stores, services, edge, monitoring.
WAVES = ("foundation", "secrets", "data", "services", "edge", "monitoring")
