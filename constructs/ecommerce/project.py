"""Facts about this repository that the manifests refer to."""

REPOSITORY_URL = "https://github.com/e-commerce-back/platform"
