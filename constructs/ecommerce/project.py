"""Facts about this repository that the manifests refer to."""

REPOSITORY_URL = "https://github.com/e-commerce-back/platform"

# Where Argo CD runs, and the component label of the add-ons' Applications, which the
# deploy pipeline waits for (operations.py reads both without loading cdk8s).
ARGOCD_NAMESPACE = "argocd"
ADD_ON_COMPONENT = "add-on"
