"""Typed model and cdk8s constructs of the e-commerce back end."""
