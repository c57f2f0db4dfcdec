"""Validation against real schemas: Kubernetes' own (kubernetes-validate) and each pinned CRD's."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import kubernetes_validate.utils
import yaml

from ecommerce_ops.crd_sources import crds_dir
from tests.pinned import needs_folder

# The package re-reads its large definitions file on every call; reading it once per
# version keeps validating every object of every environment within a few seconds.
kubernetes_validate.utils.schema_contents = functools.lru_cache(maxsize=None)(kubernetes_validate.utils.schema_contents)

CRDS = crds_dir()
NO_CRDS = (
    "the pinned CRDs are not here (../shared/crds): run `make crds DIR=/tmp/crds` (downloads the files "
    "listed under `imports:` in cdk8s.yaml) and set ECOMMERCE_CRDS_DIR=/tmp/crds"
)
needs_crds = needs_folder(CRDS, NO_CRDS, required_by="ECOMMERCE_REQUIRE_CRDS")

OLDEST_KUBERNETES = "1.27"
CURRENT_KUBERNETES = kubernetes_validate.utils.latest_version()
# API groups that our generated imports/ cover: their objects are validated against the CRDs.
CUSTOM_GROUPS = (
    "rabbitmq.com",
    "mysql.oracle.com",
    "monitoring.coreos.com",
    "external-secrets.io",
    "cert-manager.io",
    "traefik.io",
    "argoproj.io",
)


def is_custom(doc: dict) -> bool:
    group = doc["apiVersion"].rpartition("/")[0]
    return group in CUSTOM_GROUPS


def core_error(doc: dict, version: str) -> str | None:
    """None if `doc` is valid for Kubernetes `version` in strict mode, else the reason."""
    try:
        kubernetes_validate.validate(doc, version, strict=True)
    except kubernetes_validate.utils.ValidationError as error:
        path = "/".join(str(p) for p in error.path)
        return f"{path}: {error.message}"
    except kubernetes_validate.utils.SchemaNotFoundError as error:
        return str(error)
    return None


class _CrdLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The AlertmanagerConfig CRD has an unquoted `=` enum item, a YAML 1.1 `value` tag to PyYAML."""


_CrdLoader.add_constructor("tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node))


@functools.cache
def load_crd(path: Path) -> dict:
    return yaml.load(path.read_text(), Loader=_CrdLoader)


@functools.cache
def crd_schemas(directory: Path) -> dict[tuple[str, str], dict]:
    """(apiVersion, kind) -> openAPIV3Schema of every served version of every CRD in `directory`."""
    schemas = {}
    for path in sorted(directory.glob("*.yaml")):
        crd = load_crd(path)
        group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
        for version in crd["spec"]["versions"]:
            if version.get("served", True):
                schemas[(f"{group}/{version['name']}", kind)] = version["schema"]["openAPIV3Schema"]
    return schemas


def strict_json_schema(schema: Any) -> Any:
    """An OpenAPI v3 structural schema as JSON Schema in which unknown fields are errors.

    The same conversion kubeconform's openapi2jsonschema applies in strict mode: objects
    that list their properties get `additionalProperties: false` unless the schema says it
    keeps unknown fields; `nullable` and `x-kubernetes-int-or-string` become their JSON
    Schema equivalents.
    """
    if isinstance(schema, list):
        return [strict_json_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {key: strict_json_schema(value) for key, value in schema.items()}
    if result.pop("x-kubernetes-int-or-string", False):
        result.pop("type", None)
        result["anyOf"] = [{"type": "integer"}, {"type": "string"}]
    preserve = result.pop("x-kubernetes-preserve-unknown-fields", False)
    if "properties" in result and "additionalProperties" not in result and not preserve:
        result["additionalProperties"] = False
    if result.pop("nullable", False) and "type" in result:
        result["type"] = [result["type"], "null"]
    return {key: value for key, value in result.items() if not key.startswith("x-kubernetes-")}


@functools.cache
def _crd_validator(directory: Path, api_version: str, kind: str) -> jsonschema.Draft7Validator | None:
    schema = crd_schemas(directory).get((api_version, kind))
    if schema is None:
        return None
    strict = strict_json_schema(copy.deepcopy(schema))
    # The API server accepts these on every object whatever the CRD lists; metadata is
    # checked against ObjectMeta, not against the CRD.
    root = strict.setdefault("properties", {})
    root.update({"apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"}})
    return jsonschema.Draft7Validator(strict)


def custom_resource_errors(doc: dict, directory: Path) -> list[str]:
    validator = _crd_validator(directory, doc["apiVersion"], doc["kind"])
    if validator is None:
        return [f"no pinned CRD serves {doc['apiVersion']} {doc['kind']}"]
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '<root>'}: {error.message}"
        for error in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    ]
