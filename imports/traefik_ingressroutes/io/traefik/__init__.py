from __future__ import annotations

from pkgutil import extend_path
__path__ = extend_path(__path__, __name__)

import abc
import builtins
import datetime
import enum
import typing

import jsii
import publication
import typing_extensions

from jsii._type_checking import cached_type_hints, check_type


from ._jsii import *

class _LazyImport:
    def __init__(self, module_name: str) -> None:
        self._module_name = module_name
        self._module: typing.Any = None
    def __getattr__(self, name: str) -> typing.Any:
        if self._module is None:
            import importlib
            self._module = importlib.import_module(self._module_name)
        return getattr(self._module, name)

if typing.TYPE_CHECKING:

    import cdk8s as _cdk8s_d3d9af27
    import constructs as _constructs_77d1e7e8
else:

    _cdk8s_d3d9af27 = _LazyImport("cdk8s")
    _constructs_77d1e7e8 = _LazyImport("constructs")


class IngressRoute(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="traefik_ingressroutes_iotraefik.IngressRoute",
):
    '''IngressRoute is the CRD implementation of a Traefik HTTP Router.

    :schema: IngressRoute
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["IngressRouteSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''Defines a "IngressRoute" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: IngressRouteSpec defines the desired state of IngressRoute.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__56aa70f1f2ef6d96848a9ca329d804cdb5228517e32e41abfe10c8739aa2c30f)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = IngressRouteProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["IngressRouteSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "IngressRoute".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: IngressRouteSpec defines the desired state of IngressRoute.
        '''
        props = IngressRouteProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "IngressRoute".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class IngressRouteProps:
    def __init__(
        self,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["IngressRouteSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''IngressRoute is the CRD implementation of a Traefik HTTP Router.

        :param metadata: 
        :param spec: IngressRouteSpec defines the desired state of IngressRoute.

        :schema: IngressRoute
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = IngressRouteSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__af92ff7089af8e09068b2cf19148621e38fed6aaf893ec936b33cd46cbbb16ee)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "metadata": metadata,
            "spec": spec,
        }

    @builtins.property
    def metadata(self) -> "_cdk8s_d3d9af27.ApiObjectMetadata":
        '''
        :schema: IngressRoute#metadata
        '''
        result = self._values.get("metadata")
        assert result is not None, "Required property 'metadata' is missing"
        return typing.cast("_cdk8s_d3d9af27.ApiObjectMetadata", result)

    @builtins.property
    def spec(self) -> "IngressRouteSpec":
        '''IngressRouteSpec defines the desired state of IngressRoute.

        :schema: IngressRoute#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("IngressRouteSpec", result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpec",
    jsii_struct_bases=[],
    name_mapping={
        "routes": "routes",
        "entry_points": "entryPoints",
        "ingress_class_name": "ingressClassName",
        "parent_refs": "parentRefs",
        "tls": "tls",
    },
)
class IngressRouteSpec:
    def __init__(
        self,
        *,
        routes: typing.Sequence[typing.Union["IngressRouteSpecRoutes", typing.Dict[builtins.str, typing.Any]]],
        entry_points: typing.Optional[typing.Sequence[builtins.str]] = None,
        ingress_class_name: typing.Optional[builtins.str] = None,
        parent_refs: typing.Optional[typing.Sequence[typing.Union["IngressRouteSpecParentRefs", typing.Dict[builtins.str, typing.Any]]]] = None,
        tls: typing.Optional[typing.Union["IngressRouteSpecTls", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''IngressRouteSpec defines the desired state of IngressRoute.

        :param routes: Routes defines the list of routes.
        :param entry_points: EntryPoints defines the list of entry point names to bind to. Entry points have to be configured in the static configuration. More info: https://doc.traefik.io/traefik/v3.7/reference/install-configuration/entrypoints/ Default: all.
        :param ingress_class_name: IngressClassName defines the name of the IngressClass cluster resource.
        :param parent_refs: ParentRefs defines references to parent IngressRoute resources for multi-layer routing. When set, this IngressRoute's routers will be children of the referenced parent IngressRoute's routers. More info: https://doc.traefik.io/traefik/v3.7/routing/routers/#parentrefs
        :param tls: TLS defines the TLS configuration. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/routing/router/#tls

        :schema: IngressRouteSpec
        '''
        if isinstance(tls, dict):
            tls = IngressRouteSpecTls(**tls)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__1563fb737c7ada1017859b1ac18e3ef276a9372721179111d09899fd0c2db77f)
            check_type(argname="argument routes", value=routes, expected_type=type_hints["routes"])
            check_type(argname="argument entry_points", value=entry_points, expected_type=type_hints["entry_points"])
            check_type(argname="argument ingress_class_name", value=ingress_class_name, expected_type=type_hints["ingress_class_name"])
            check_type(argname="argument parent_refs", value=parent_refs, expected_type=type_hints["parent_refs"])
            check_type(argname="argument tls", value=tls, expected_type=type_hints["tls"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "routes": routes,
        }
        if entry_points is not None:
            self._values["entry_points"] = entry_points
        if ingress_class_name is not None:
            self._values["ingress_class_name"] = ingress_class_name
        if parent_refs is not None:
            self._values["parent_refs"] = parent_refs
        if tls is not None:
            self._values["tls"] = tls

    @builtins.property
    def routes(self) -> typing.List["IngressRouteSpecRoutes"]:
        '''Routes defines the list of routes.

        :schema: IngressRouteSpec#routes
        '''
        result = self._values.get("routes")
        assert result is not None, "Required property 'routes' is missing"
        return typing.cast(typing.List["IngressRouteSpecRoutes"], result)

    @builtins.property
    def entry_points(self) -> typing.Optional[typing.List[builtins.str]]:
        '''EntryPoints defines the list of entry point names to bind to.

        Entry points have to be configured in the static configuration.
        More info: https://doc.traefik.io/traefik/v3.7/reference/install-configuration/entrypoints/
        Default: all.

        :schema: IngressRouteSpec#entryPoints
        '''
        result = self._values.get("entry_points")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def ingress_class_name(self) -> typing.Optional[builtins.str]:
        '''IngressClassName defines the name of the IngressClass cluster resource.

        :schema: IngressRouteSpec#ingressClassName
        '''
        result = self._values.get("ingress_class_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def parent_refs(self) -> typing.Optional[typing.List["IngressRouteSpecParentRefs"]]:
        '''ParentRefs defines references to parent IngressRoute resources for multi-layer routing.

        When set, this IngressRoute's routers will be children of the referenced parent IngressRoute's routers.
        More info: https://doc.traefik.io/traefik/v3.7/routing/routers/#parentrefs

        :schema: IngressRouteSpec#parentRefs
        '''
        result = self._values.get("parent_refs")
        return typing.cast(typing.Optional[typing.List["IngressRouteSpecParentRefs"]], result)

    @builtins.property
    def tls(self) -> typing.Optional["IngressRouteSpecTls"]:
        '''TLS defines the TLS configuration.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/routing/router/#tls

        :schema: IngressRouteSpec#tls
        '''
        result = self._values.get("tls")
        return typing.cast(typing.Optional["IngressRouteSpecTls"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecParentRefs",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "namespace": "namespace"},
)
class IngressRouteSpecParentRefs:
    def __init__(
        self,
        *,
        name: builtins.str,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''IngressRouteRef is a reference to an IngressRoute resource.

        :param name: Name defines the name of the referenced IngressRoute resource.
        :param namespace: Namespace defines the namespace of the referenced IngressRoute resource.

        :schema: IngressRouteSpecParentRefs
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__603a79422ef6ef63e596ff589347c5a80452adfbaab3785e6e51b5331b4d9f64)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if namespace is not None:
            self._values["namespace"] = namespace

    @builtins.property
    def name(self) -> builtins.str:
        '''Name defines the name of the referenced IngressRoute resource.

        :schema: IngressRouteSpecParentRefs#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''Namespace defines the namespace of the referenced IngressRoute resource.

        :schema: IngressRouteSpecParentRefs#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecParentRefs(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutes",
    jsii_struct_bases=[],
    name_mapping={
        "match": "match",
        "kind": "kind",
        "middlewares": "middlewares",
        "observability": "observability",
        "priority": "priority",
        "services": "services",
        "syntax": "syntax",
    },
)
class IngressRouteSpecRoutes:
    def __init__(
        self,
        *,
        match: builtins.str,
        kind: typing.Optional["IngressRouteSpecRoutesKind"] = None,
        middlewares: typing.Optional[typing.Sequence[typing.Union["IngressRouteSpecRoutesMiddlewares", typing.Dict[builtins.str, typing.Any]]]] = None,
        observability: typing.Optional[typing.Union["IngressRouteSpecRoutesObservability", typing.Dict[builtins.str, typing.Any]]] = None,
        priority: typing.Optional[jsii.Number] = None,
        services: typing.Optional[typing.Sequence[typing.Union["IngressRouteSpecRoutesServices", typing.Dict[builtins.str, typing.Any]]]] = None,
        syntax: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Route holds the HTTP route configuration.

        :param match: Match defines the router's rule. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/routing/rules-and-priority/
        :param kind: Kind defines the kind of the route. Rule is the only supported kind. If not defined, defaults to Rule.
        :param middlewares: Middlewares defines the list of references to Middleware resources. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/kubernetes/crd/http/middleware/
        :param observability: Observability defines the observability configuration for a router. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/routing/observability/
        :param priority: Priority defines the router's priority. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/routing/rules-and-priority/#priority
        :param services: Services defines the list of Service. It can contain any combination of TraefikService and/or reference to a Kubernetes Service.
        :param syntax: Syntax defines the router's rule syntax. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/routing/rules-and-priority/#rulesyntax. Deprecated: Please do not use this field and rewrite the router rules to use the v3 syntax.

        :schema: IngressRouteSpecRoutes
        '''
        if isinstance(observability, dict):
            observability = IngressRouteSpecRoutesObservability(**observability)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8aa0b78809d9ae708f46a7313b3378ff4c6a11964b40d653095dc0a9c2e65aaa)
            check_type(argname="argument match", value=match, expected_type=type_hints["match"])
            check_type(argname="argument kind", value=kind, expected_type=type_hints["kind"])
            check_type(argname="argument middlewares", value=middlewares, expected_type=type_hints["middlewares"])
            check_type(argname="argument observability", value=observability, expected_type=type_hints["observability"])
            check_type(argname="argument priority", value=priority, expected_type=type_hints["priority"])
            check_type(argname="argument services", value=services, expected_type=type_hints["services"])
            check_type(argname="argument syntax", value=syntax, expected_type=type_hints["syntax"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "match": match,
        }
        if kind is not None:
            self._values["kind"] = kind
        if middlewares is not None:
            self._values["middlewares"] = middlewares
        if observability is not None:
            self._values["observability"] = observability
        if priority is not None:
            self._values["priority"] = priority
        if services is not None:
            self._values["services"] = services
        if syntax is not None:
            self._values["syntax"] = syntax

    @builtins.property
    def match(self) -> builtins.str:
        '''Match defines the router's rule.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/routing/rules-and-priority/

        :schema: IngressRouteSpecRoutes#match
        '''
        result = self._values.get("match")
        assert result is not None, "Required property 'match' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def kind(self) -> typing.Optional["IngressRouteSpecRoutesKind"]:
        '''Kind defines the kind of the route.

        Rule is the only supported kind.
        If not defined, defaults to Rule.

        :schema: IngressRouteSpecRoutes#kind
        '''
        result = self._values.get("kind")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesKind"], result)

    @builtins.property
    def middlewares(
        self,
    ) -> typing.Optional[typing.List["IngressRouteSpecRoutesMiddlewares"]]:
        '''Middlewares defines the list of references to Middleware resources.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/kubernetes/crd/http/middleware/

        :schema: IngressRouteSpecRoutes#middlewares
        '''
        result = self._values.get("middlewares")
        return typing.cast(typing.Optional[typing.List["IngressRouteSpecRoutesMiddlewares"]], result)

    @builtins.property
    def observability(self) -> typing.Optional["IngressRouteSpecRoutesObservability"]:
        '''Observability defines the observability configuration for a router.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/routing/observability/

        :schema: IngressRouteSpecRoutes#observability
        '''
        result = self._values.get("observability")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesObservability"], result)

    @builtins.property
    def priority(self) -> typing.Optional[jsii.Number]:
        '''Priority defines the router's priority.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/routing/rules-and-priority/#priority

        :schema: IngressRouteSpecRoutes#priority
        '''
        result = self._values.get("priority")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def services(
        self,
    ) -> typing.Optional[typing.List["IngressRouteSpecRoutesServices"]]:
        '''Services defines the list of Service.

        It can contain any combination of TraefikService and/or reference to a Kubernetes Service.

        :schema: IngressRouteSpecRoutes#services
        '''
        result = self._values.get("services")
        return typing.cast(typing.Optional[typing.List["IngressRouteSpecRoutesServices"]], result)

    @builtins.property
    def syntax(self) -> typing.Optional[builtins.str]:
        '''Syntax defines the router's rule syntax. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/routing/rules-and-priority/#rulesyntax.

        Deprecated: Please do not use this field and rewrite the router rules to use the v3 syntax.

        :schema: IngressRouteSpecRoutes#syntax
        '''
        result = self._values.get("syntax")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutes(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesKind")
class IngressRouteSpecRoutesKind(enum.Enum):
    '''Kind defines the kind of the route.

    Rule is the only supported kind.
    If not defined, defaults to Rule.

    :schema: IngressRouteSpecRoutesKind
    '''

    RULE = "RULE"
    '''Rule.'''


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesMiddlewares",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "namespace": "namespace"},
)
class IngressRouteSpecRoutesMiddlewares:
    def __init__(
        self,
        *,
        name: builtins.str,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''MiddlewareRef is a reference to a Middleware resource.

        :param name: Name defines the name of the referenced Middleware resource.
        :param namespace: Namespace defines the namespace of the referenced Middleware resource.

        :schema: IngressRouteSpecRoutesMiddlewares
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__7641fcd3ba54046c7eaa4611c4336246850a894531cf33fd5f4eb63924225bfa)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if namespace is not None:
            self._values["namespace"] = namespace

    @builtins.property
    def name(self) -> builtins.str:
        '''Name defines the name of the referenced Middleware resource.

        :schema: IngressRouteSpecRoutesMiddlewares#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''Namespace defines the namespace of the referenced Middleware resource.

        :schema: IngressRouteSpecRoutesMiddlewares#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesMiddlewares(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesObservability",
    jsii_struct_bases=[],
    name_mapping={
        "access_logs": "accessLogs",
        "metrics": "metrics",
        "trace_verbosity": "traceVerbosity",
        "tracing": "tracing",
    },
)
class IngressRouteSpecRoutesObservability:
    def __init__(
        self,
        *,
        access_logs: typing.Optional[builtins.bool] = None,
        metrics: typing.Optional[builtins.bool] = None,
        trace_verbosity: typing.Optional["IngressRouteSpecRoutesObservabilityTraceVerbosity"] = None,
        tracing: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''Observability defines the observability configuration for a router.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/routing/observability/

        :param access_logs: AccessLogs enables access logs for this router.
        :param metrics: Metrics enables metrics for this router.
        :param trace_verbosity: TraceVerbosity defines the verbosity level of the tracing for this router.
        :param tracing: Tracing enables tracing for this router.

        :schema: IngressRouteSpecRoutesObservability
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__53937013a7bf75fc9d5936f0ead5ce209f75e1f5ee1523bdf91ab3c5b329c791)
            check_type(argname="argument access_logs", value=access_logs, expected_type=type_hints["access_logs"])
            check_type(argname="argument metrics", value=metrics, expected_type=type_hints["metrics"])
            check_type(argname="argument trace_verbosity", value=trace_verbosity, expected_type=type_hints["trace_verbosity"])
            check_type(argname="argument tracing", value=tracing, expected_type=type_hints["tracing"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if access_logs is not None:
            self._values["access_logs"] = access_logs
        if metrics is not None:
            self._values["metrics"] = metrics
        if trace_verbosity is not None:
            self._values["trace_verbosity"] = trace_verbosity
        if tracing is not None:
            self._values["tracing"] = tracing

    @builtins.property
    def access_logs(self) -> typing.Optional[builtins.bool]:
        '''AccessLogs enables access logs for this router.

        :schema: IngressRouteSpecRoutesObservability#accessLogs
        '''
        result = self._values.get("access_logs")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def metrics(self) -> typing.Optional[builtins.bool]:
        '''Metrics enables metrics for this router.

        :schema: IngressRouteSpecRoutesObservability#metrics
        '''
        result = self._values.get("metrics")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def trace_verbosity(
        self,
    ) -> typing.Optional["IngressRouteSpecRoutesObservabilityTraceVerbosity"]:
        '''TraceVerbosity defines the verbosity level of the tracing for this router.

        :schema: IngressRouteSpecRoutesObservability#traceVerbosity
        '''
        result = self._values.get("trace_verbosity")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesObservabilityTraceVerbosity"], result)

    @builtins.property
    def tracing(self) -> typing.Optional[builtins.bool]:
        '''Tracing enables tracing for this router.

        :schema: IngressRouteSpecRoutesObservability#tracing
        '''
        result = self._values.get("tracing")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesObservability(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesObservabilityTraceVerbosity"
)
class IngressRouteSpecRoutesObservabilityTraceVerbosity(enum.Enum):
    '''TraceVerbosity defines the verbosity level of the tracing for this router.

    :schema: IngressRouteSpecRoutesObservabilityTraceVerbosity
    '''

    MINIMAL = "MINIMAL"
    '''minimal.'''
    DETAILED = "DETAILED"
    '''detailed.'''


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServices",
    jsii_struct_bases=[],
    name_mapping={
        "name": "name",
        "health_check": "healthCheck",
        "kind": "kind",
        "middlewares": "middlewares",
        "namespace": "namespace",
        "native_lb": "nativeLb",
        "node_port_lb": "nodePortLb",
        "pass_host_header": "passHostHeader",
        "passive_health_check": "passiveHealthCheck",
        "port": "port",
        "response_forwarding": "responseForwarding",
        "scheme": "scheme",
        "servers_transport": "serversTransport",
        "sticky": "sticky",
        "strategy": "strategy",
        "weight": "weight",
    },
)
class IngressRouteSpecRoutesServices:
    def __init__(
        self,
        *,
        name: builtins.str,
        health_check: typing.Optional[typing.Union["IngressRouteSpecRoutesServicesHealthCheck", typing.Dict[builtins.str, typing.Any]]] = None,
        kind: typing.Optional["IngressRouteSpecRoutesServicesKind"] = None,
        middlewares: typing.Optional[typing.Sequence[typing.Union["IngressRouteSpecRoutesServicesMiddlewares", typing.Dict[builtins.str, typing.Any]]]] = None,
        namespace: typing.Optional[builtins.str] = None,
        native_lb: typing.Optional[builtins.bool] = None,
        node_port_lb: typing.Optional[builtins.bool] = None,
        pass_host_header: typing.Optional[builtins.bool] = None,
        passive_health_check: typing.Optional[typing.Union["IngressRouteSpecRoutesServicesPassiveHealthCheck", typing.Dict[builtins.str, typing.Any]]] = None,
        port: typing.Optional["IngressRouteSpecRoutesServicesPort"] = None,
        response_forwarding: typing.Optional[typing.Union["IngressRouteSpecRoutesServicesResponseForwarding", typing.Dict[builtins.str, typing.Any]]] = None,
        scheme: typing.Optional[builtins.str] = None,
        servers_transport: typing.Optional[builtins.str] = None,
        sticky: typing.Optional[typing.Union["IngressRouteSpecRoutesServicesSticky", typing.Dict[builtins.str, typing.Any]]] = None,
        strategy: typing.Optional["IngressRouteSpecRoutesServicesStrategy"] = None,
        weight: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''Service defines an upstream HTTP service to proxy traffic to.

        :param name: Name defines the name of the referenced Kubernetes Service or TraefikService. The differentiation between the two is specified in the Kind field.
        :param health_check: Healthcheck defines health checks for ExternalName services.
        :param kind: Kind defines the kind of the Service.
        :param middlewares: Middlewares defines the list of references to Middleware resources to apply to the service.
        :param namespace: Namespace defines the namespace of the referenced Kubernetes Service or TraefikService.
        :param native_lb: NativeLB controls, when creating the load-balancer, whether the LB's children are directly the pods IPs or if the only child is the Kubernetes Service clusterIP. The Kubernetes Service itself does load-balance to the pods. By default, NativeLB is false.
        :param node_port_lb: NodePortLB controls, when creating the load-balancer, whether the LB's children are directly the nodes internal IPs using the nodePort when the service type is NodePort. It allows services to be reachable when Traefik runs externally from the Kubernetes cluster but within the same network of the nodes. By default, NodePortLB is false.
        :param pass_host_header: PassHostHeader defines whether the client Host header is forwarded to the upstream Kubernetes Service. By default, passHostHeader is true.
        :param passive_health_check: PassiveHealthCheck defines passive health checks for ExternalName services.
        :param port: Port defines the port of a Kubernetes Service. This can be a reference to a named port.
        :param response_forwarding: ResponseForwarding defines how Traefik forwards the response from the upstream Kubernetes Service to the client.
        :param scheme: Scheme defines the scheme to use for the request to the upstream Kubernetes Service. It defaults to https when Kubernetes Service port is 443, http otherwise.
        :param servers_transport: ServersTransport defines the name of ServersTransport resource to use. It allows to configure the transport between Traefik and your servers. Can only be used on a Kubernetes Service.
        :param sticky: Sticky defines the sticky sessions configuration. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/load-balancing/service/#sticky-sessions
        :param strategy: Strategy defines the load balancing strategy between the servers. Supported values are: wrr (Weighed round-robin), p2c (Power of two choices), hrw (Highest Random Weight), and leasttime (Least-Time). RoundRobin value is deprecated and supported for backward compatibility.
        :param weight: Weight defines the weight and should only be specified when Name references a TraefikService object (and to be precise, one that embeds a Weighted Round Robin).

        :schema: IngressRouteSpecRoutesServices
        '''
        if isinstance(health_check, dict):
            health_check = IngressRouteSpecRoutesServicesHealthCheck(**health_check)
        if isinstance(passive_health_check, dict):
            passive_health_check = IngressRouteSpecRoutesServicesPassiveHealthCheck(**passive_health_check)
        if isinstance(response_forwarding, dict):
            response_forwarding = IngressRouteSpecRoutesServicesResponseForwarding(**response_forwarding)
        if isinstance(sticky, dict):
            sticky = IngressRouteSpecRoutesServicesSticky(**sticky)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__740515934ea26c1a6dfe0bf79499ed362e64750c0d57450e1d0ca925c9f07048)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument health_check", value=health_check, expected_type=type_hints["health_check"])
            check_type(argname="argument kind", value=kind, expected_type=type_hints["kind"])
            check_type(argname="argument middlewares", value=middlewares, expected_type=type_hints["middlewares"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
            check_type(argname="argument native_lb", value=native_lb, expected_type=type_hints["native_lb"])
            check_type(argname="argument node_port_lb", value=node_port_lb, expected_type=type_hints["node_port_lb"])
            check_type(argname="argument pass_host_header", value=pass_host_header, expected_type=type_hints["pass_host_header"])
            check_type(argname="argument passive_health_check", value=passive_health_check, expected_type=type_hints["passive_health_check"])
            check_type(argname="argument port", value=port, expected_type=type_hints["port"])
            check_type(argname="argument response_forwarding", value=response_forwarding, expected_type=type_hints["response_forwarding"])
            check_type(argname="argument scheme", value=scheme, expected_type=type_hints["scheme"])
            check_type(argname="argument servers_transport", value=servers_transport, expected_type=type_hints["servers_transport"])
            check_type(argname="argument sticky", value=sticky, expected_type=type_hints["sticky"])
            check_type(argname="argument strategy", value=strategy, expected_type=type_hints["strategy"])
            check_type(argname="argument weight", value=weight, expected_type=type_hints["weight"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if health_check is not None:
            self._values["health_check"] = health_check
        if kind is not None:
            self._values["kind"] = kind
        if middlewares is not None:
            self._values["middlewares"] = middlewares
        if namespace is not None:
            self._values["namespace"] = namespace
        if native_lb is not None:
            self._values["native_lb"] = native_lb
        if node_port_lb is not None:
            self._values["node_port_lb"] = node_port_lb
        if pass_host_header is not None:
            self._values["pass_host_header"] = pass_host_header
        if passive_health_check is not None:
            self._values["passive_health_check"] = passive_health_check
        if port is not None:
            self._values["port"] = port
        if response_forwarding is not None:
            self._values["response_forwarding"] = response_forwarding
        if scheme is not None:
            self._values["scheme"] = scheme
        if servers_transport is not None:
            self._values["servers_transport"] = servers_transport
        if sticky is not None:
            self._values["sticky"] = sticky
        if strategy is not None:
            self._values["strategy"] = strategy
        if weight is not None:
            self._values["weight"] = weight

    @builtins.property
    def name(self) -> builtins.str:
        '''Name defines the name of the referenced Kubernetes Service or TraefikService.

        The differentiation between the two is specified in the Kind field.

        :schema: IngressRouteSpecRoutesServices#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def health_check(
        self,
    ) -> typing.Optional["IngressRouteSpecRoutesServicesHealthCheck"]:
        '''Healthcheck defines health checks for ExternalName services.

        :schema: IngressRouteSpecRoutesServices#healthCheck
        '''
        result = self._values.get("health_check")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesHealthCheck"], result)

    @builtins.property
    def kind(self) -> typing.Optional["IngressRouteSpecRoutesServicesKind"]:
        '''Kind defines the kind of the Service.

        :schema: IngressRouteSpecRoutesServices#kind
        '''
        result = self._values.get("kind")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesKind"], result)

    @builtins.property
    def middlewares(
        self,
    ) -> typing.Optional[typing.List["IngressRouteSpecRoutesServicesMiddlewares"]]:
        '''Middlewares defines the list of references to Middleware resources to apply to the service.

        :schema: IngressRouteSpecRoutesServices#middlewares
        '''
        result = self._values.get("middlewares")
        return typing.cast(typing.Optional[typing.List["IngressRouteSpecRoutesServicesMiddlewares"]], result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''Namespace defines the namespace of the referenced Kubernetes Service or TraefikService.

        :schema: IngressRouteSpecRoutesServices#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def native_lb(self) -> typing.Optional[builtins.bool]:
        '''NativeLB controls, when creating the load-balancer, whether the LB's children are directly the pods IPs or if the only child is the Kubernetes Service clusterIP.

        The Kubernetes Service itself does load-balance to the pods.
        By default, NativeLB is false.

        :schema: IngressRouteSpecRoutesServices#nativeLB
        '''
        result = self._values.get("native_lb")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def node_port_lb(self) -> typing.Optional[builtins.bool]:
        '''NodePortLB controls, when creating the load-balancer, whether the LB's children are directly the nodes internal IPs using the nodePort when the service type is NodePort.

        It allows services to be reachable when Traefik runs externally from the Kubernetes cluster but within the same network of the nodes.
        By default, NodePortLB is false.

        :schema: IngressRouteSpecRoutesServices#nodePortLB
        '''
        result = self._values.get("node_port_lb")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def pass_host_header(self) -> typing.Optional[builtins.bool]:
        '''PassHostHeader defines whether the client Host header is forwarded to the upstream Kubernetes Service.

        By default, passHostHeader is true.

        :schema: IngressRouteSpecRoutesServices#passHostHeader
        '''
        result = self._values.get("pass_host_header")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def passive_health_check(
        self,
    ) -> typing.Optional["IngressRouteSpecRoutesServicesPassiveHealthCheck"]:
        '''PassiveHealthCheck defines passive health checks for ExternalName services.

        :schema: IngressRouteSpecRoutesServices#passiveHealthCheck
        '''
        result = self._values.get("passive_health_check")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesPassiveHealthCheck"], result)

    @builtins.property
    def port(self) -> typing.Optional["IngressRouteSpecRoutesServicesPort"]:
        '''Port defines the port of a Kubernetes Service.

        This can be a reference to a named port.

        :schema: IngressRouteSpecRoutesServices#port
        '''
        result = self._values.get("port")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesPort"], result)

    @builtins.property
    def response_forwarding(
        self,
    ) -> typing.Optional["IngressRouteSpecRoutesServicesResponseForwarding"]:
        '''ResponseForwarding defines how Traefik forwards the response from the upstream Kubernetes Service to the client.

        :schema: IngressRouteSpecRoutesServices#responseForwarding
        '''
        result = self._values.get("response_forwarding")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesResponseForwarding"], result)

    @builtins.property
    def scheme(self) -> typing.Optional[builtins.str]:
        '''Scheme defines the scheme to use for the request to the upstream Kubernetes Service.

        It defaults to https when Kubernetes Service port is 443, http otherwise.

        :schema: IngressRouteSpecRoutesServices#scheme
        '''
        result = self._values.get("scheme")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def servers_transport(self) -> typing.Optional[builtins.str]:
        '''ServersTransport defines the name of ServersTransport resource to use.

        It allows to configure the transport between Traefik and your servers.
        Can only be used on a Kubernetes Service.

        :schema: IngressRouteSpecRoutesServices#serversTransport
        '''
        result = self._values.get("servers_transport")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def sticky(self) -> typing.Optional["IngressRouteSpecRoutesServicesSticky"]:
        '''Sticky defines the sticky sessions configuration.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/load-balancing/service/#sticky-sessions

        :schema: IngressRouteSpecRoutesServices#sticky
        '''
        result = self._values.get("sticky")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesSticky"], result)

    @builtins.property
    def strategy(self) -> typing.Optional["IngressRouteSpecRoutesServicesStrategy"]:
        '''Strategy defines the load balancing strategy between the servers.

        Supported values are: wrr (Weighed round-robin), p2c (Power of two choices), hrw (Highest Random Weight), and leasttime (Least-Time).
        RoundRobin value is deprecated and supported for backward compatibility.

        :schema: IngressRouteSpecRoutesServices#strategy
        '''
        result = self._values.get("strategy")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesStrategy"], result)

    @builtins.property
    def weight(self) -> typing.Optional[jsii.Number]:
        '''Weight defines the weight and should only be specified when Name references a TraefikService object (and to be precise, one that embeds a Weighted Round Robin).

        :schema: IngressRouteSpecRoutesServices#weight
        '''
        result = self._values.get("weight")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesServices(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesHealthCheck",
    jsii_struct_bases=[],
    name_mapping={
        "follow_redirects": "followRedirects",
        "headers": "headers",
        "hostname": "hostname",
        "interval": "interval",
        "method": "method",
        "mode": "mode",
        "path": "path",
        "port": "port",
        "scheme": "scheme",
        "status": "status",
        "timeout": "timeout",
        "unhealthy_interval": "unhealthyInterval",
    },
)
class IngressRouteSpecRoutesServicesHealthCheck:
    def __init__(
        self,
        *,
        follow_redirects: typing.Optional[builtins.bool] = None,
        headers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        hostname: typing.Optional[builtins.str] = None,
        interval: typing.Optional["IngressRouteSpecRoutesServicesHealthCheckInterval"] = None,
        method: typing.Optional[builtins.str] = None,
        mode: typing.Optional[builtins.str] = None,
        path: typing.Optional[builtins.str] = None,
        port: typing.Optional[jsii.Number] = None,
        scheme: typing.Optional[builtins.str] = None,
        status: typing.Optional[jsii.Number] = None,
        timeout: typing.Optional["IngressRouteSpecRoutesServicesHealthCheckTimeout"] = None,
        unhealthy_interval: typing.Optional["IngressRouteSpecRoutesServicesHealthCheckUnhealthyInterval"] = None,
    ) -> None:
        '''Healthcheck defines health checks for ExternalName services.

        :param follow_redirects: FollowRedirects defines whether redirects should be followed during the health check calls. Default: true
        :param headers: Headers defines custom headers to be sent to the health check endpoint.
        :param hostname: Hostname defines the value of hostname in the Host header of the health check request.
        :param interval: Interval defines the frequency of the health check calls for healthy targets. Default: 30s
        :param method: Method defines the healthcheck method.
        :param mode: Mode defines the health check mode. If defined to grpc, will use the gRPC health check protocol to probe the server. Default: http
        :param path: Path defines the server URL path for the health check endpoint.
        :param port: Port defines the server URL port for the health check endpoint.
        :param scheme: Scheme replaces the server URL scheme for the health check endpoint.
        :param status: Status defines the expected HTTP status code of the response to the health check request.
        :param timeout: Timeout defines the maximum duration Traefik will wait for a health check request before considering the server unhealthy. Default: 5s
        :param unhealthy_interval: UnhealthyInterval defines the frequency of the health check calls for unhealthy targets. When UnhealthyInterval is not defined, it defaults to the Interval value. Default: 30s

        :schema: IngressRouteSpecRoutesServicesHealthCheck
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ae5bbff39dcb967116e1dd77a052ef1742b58d5025bf0904a21efff11e08af53)
            check_type(argname="argument follow_redirects", value=follow_redirects, expected_type=type_hints["follow_redirects"])
            check_type(argname="argument headers", value=headers, expected_type=type_hints["headers"])
            check_type(argname="argument hostname", value=hostname, expected_type=type_hints["hostname"])
            check_type(argname="argument interval", value=interval, expected_type=type_hints["interval"])
            check_type(argname="argument method", value=method, expected_type=type_hints["method"])
            check_type(argname="argument mode", value=mode, expected_type=type_hints["mode"])
            check_type(argname="argument path", value=path, expected_type=type_hints["path"])
            check_type(argname="argument port", value=port, expected_type=type_hints["port"])
            check_type(argname="argument scheme", value=scheme, expected_type=type_hints["scheme"])
            check_type(argname="argument status", value=status, expected_type=type_hints["status"])
            check_type(argname="argument timeout", value=timeout, expected_type=type_hints["timeout"])
            check_type(argname="argument unhealthy_interval", value=unhealthy_interval, expected_type=type_hints["unhealthy_interval"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if follow_redirects is not None:
            self._values["follow_redirects"] = follow_redirects
        if headers is not None:
            self._values["headers"] = headers
        if hostname is not None:
            self._values["hostname"] = hostname
        if interval is not None:
            self._values["interval"] = interval
        if method is not None:
            self._values["method"] = method
        if mode is not None:
            self._values["mode"] = mode
        if path is not None:
            self._values["path"] = path
        if port is not None:
            self._values["port"] = port
        if scheme is not None:
            self._values["scheme"] = scheme
        if status is not None:
            self._values["status"] = status
        if timeout is not None:
            self._values["timeout"] = timeout
        if unhealthy_interval is not None:
            self._values["unhealthy_interval"] = unhealthy_interval

    @builtins.property
    def follow_redirects(self) -> typing.Optional[builtins.bool]:
        '''FollowRedirects defines whether redirects should be followed during the health check calls.

        Default: true

        :schema: IngressRouteSpecRoutesServicesHealthCheck#followRedirects
        '''
        result = self._values.get("follow_redirects")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def headers(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''Headers defines custom headers to be sent to the health check endpoint.

        :schema: IngressRouteSpecRoutesServicesHealthCheck#headers
        '''
        result = self._values.get("headers")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def hostname(self) -> typing.Optional[builtins.str]:
        '''Hostname defines the value of hostname in the Host header of the health check request.

        :schema: IngressRouteSpecRoutesServicesHealthCheck#hostname
        '''
        result = self._values.get("hostname")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def interval(
        self,
    ) -> typing.Optional["IngressRouteSpecRoutesServicesHealthCheckInterval"]:
        '''Interval defines the frequency of the health check calls for healthy targets.

        Default: 30s

        :schema: IngressRouteSpecRoutesServicesHealthCheck#interval
        '''
        result = self._values.get("interval")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesHealthCheckInterval"], result)

    @builtins.property
    def method(self) -> typing.Optional[builtins.str]:
        '''Method defines the healthcheck method.

        :schema: IngressRouteSpecRoutesServicesHealthCheck#method
        '''
        result = self._values.get("method")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def mode(self) -> typing.Optional[builtins.str]:
        '''Mode defines the health check mode.

        If defined to grpc, will use the gRPC health check protocol to probe the server.
        Default: http

        :schema: IngressRouteSpecRoutesServicesHealthCheck#mode
        '''
        result = self._values.get("mode")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def path(self) -> typing.Optional[builtins.str]:
        '''Path defines the server URL path for the health check endpoint.

        :schema: IngressRouteSpecRoutesServicesHealthCheck#path
        '''
        result = self._values.get("path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def port(self) -> typing.Optional[jsii.Number]:
        '''Port defines the server URL port for the health check endpoint.

        :schema: IngressRouteSpecRoutesServicesHealthCheck#port
        '''
        result = self._values.get("port")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def scheme(self) -> typing.Optional[builtins.str]:
        '''Scheme replaces the server URL scheme for the health check endpoint.

        :schema: IngressRouteSpecRoutesServicesHealthCheck#scheme
        '''
        result = self._values.get("scheme")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def status(self) -> typing.Optional[jsii.Number]:
        '''Status defines the expected HTTP status code of the response to the health check request.

        :schema: IngressRouteSpecRoutesServicesHealthCheck#status
        '''
        result = self._values.get("status")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def timeout(
        self,
    ) -> typing.Optional["IngressRouteSpecRoutesServicesHealthCheckTimeout"]:
        '''Timeout defines the maximum duration Traefik will wait for a health check request before considering the server unhealthy.

        Default: 5s

        :schema: IngressRouteSpecRoutesServicesHealthCheck#timeout
        '''
        result = self._values.get("timeout")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesHealthCheckTimeout"], result)

    @builtins.property
    def unhealthy_interval(
        self,
    ) -> typing.Optional["IngressRouteSpecRoutesServicesHealthCheckUnhealthyInterval"]:
        '''UnhealthyInterval defines the frequency of the health check calls for unhealthy targets.

        When UnhealthyInterval is not defined, it defaults to the Interval value.
        Default: 30s

        :schema: IngressRouteSpecRoutesServicesHealthCheck#unhealthyInterval
        '''
        result = self._values.get("unhealthy_interval")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesHealthCheckUnhealthyInterval"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesServicesHealthCheck(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class IngressRouteSpecRoutesServicesHealthCheckInterval(
    metaclass=jsii.JSIIMeta,
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesHealthCheckInterval",
):
    '''Interval defines the frequency of the health check calls for healthy targets.

    Default: 30s

    :schema: IngressRouteSpecRoutesServicesHealthCheckInterval
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(
        cls,
        value: jsii.Number,
    ) -> "IngressRouteSpecRoutesServicesHealthCheckInterval":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5176ecdbd203b8ee05d8c75d0a4f3537bed956226a028c64d0e66ed8cb84ff27)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("IngressRouteSpecRoutesServicesHealthCheckInterval", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(
        cls,
        value: builtins.str,
    ) -> "IngressRouteSpecRoutesServicesHealthCheckInterval":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e9e81e1e830413bb374d538cb84647c82ec242908dd10fb362051ef69cd9c16e)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("IngressRouteSpecRoutesServicesHealthCheckInterval", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


class IngressRouteSpecRoutesServicesHealthCheckTimeout(
    metaclass=jsii.JSIIMeta,
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesHealthCheckTimeout",
):
    '''Timeout defines the maximum duration Traefik will wait for a health check request before considering the server unhealthy.

    Default: 5s

    :schema: IngressRouteSpecRoutesServicesHealthCheckTimeout
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(
        cls,
        value: jsii.Number,
    ) -> "IngressRouteSpecRoutesServicesHealthCheckTimeout":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__48a6a1be21f204d148d48fcf01980999f13d186f43a64d8dc355a0ea94fb869a)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("IngressRouteSpecRoutesServicesHealthCheckTimeout", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(
        cls,
        value: builtins.str,
    ) -> "IngressRouteSpecRoutesServicesHealthCheckTimeout":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__11a0fbd78eb5263ab951f1dd255a973a20f7908e155428b0551f0c35e6f914d1)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("IngressRouteSpecRoutesServicesHealthCheckTimeout", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


class IngressRouteSpecRoutesServicesHealthCheckUnhealthyInterval(
    metaclass=jsii.JSIIMeta,
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesHealthCheckUnhealthyInterval",
):
    '''UnhealthyInterval defines the frequency of the health check calls for unhealthy targets.

    When UnhealthyInterval is not defined, it defaults to the Interval value.
    Default: 30s

    :schema: IngressRouteSpecRoutesServicesHealthCheckUnhealthyInterval
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(
        cls,
        value: jsii.Number,
    ) -> "IngressRouteSpecRoutesServicesHealthCheckUnhealthyInterval":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ef54d8d16a9fed725ebcc682cbf20408acb1e26ae53a620e7ccdc6d854b5c3cc)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("IngressRouteSpecRoutesServicesHealthCheckUnhealthyInterval", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(
        cls,
        value: builtins.str,
    ) -> "IngressRouteSpecRoutesServicesHealthCheckUnhealthyInterval":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__dffb834a01fab188ed5b14a3c79405cebf208c81a7ddeac91742164cc6734386)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("IngressRouteSpecRoutesServicesHealthCheckUnhealthyInterval", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


@jsii.enum(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesKind"
)
class IngressRouteSpecRoutesServicesKind(enum.Enum):
    '''Kind defines the kind of the Service.

    :schema: IngressRouteSpecRoutesServicesKind
    '''

    SERVICE = "SERVICE"
    '''Service.'''
    TRAEFIK_SERVICE = "TRAEFIK_SERVICE"
    '''TraefikService.'''


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesMiddlewares",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "namespace": "namespace"},
)
class IngressRouteSpecRoutesServicesMiddlewares:
    def __init__(
        self,
        *,
        name: builtins.str,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''MiddlewareRef is a reference to a Middleware resource.

        :param name: Name defines the name of the referenced Middleware resource.
        :param namespace: Namespace defines the namespace of the referenced Middleware resource.

        :schema: IngressRouteSpecRoutesServicesMiddlewares
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__6ef3a7d144432b90e3129ebb02982f4ad9779b133470a68c5b3daea269ef4c8e)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if namespace is not None:
            self._values["namespace"] = namespace

    @builtins.property
    def name(self) -> builtins.str:
        '''Name defines the name of the referenced Middleware resource.

        :schema: IngressRouteSpecRoutesServicesMiddlewares#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''Namespace defines the namespace of the referenced Middleware resource.

        :schema: IngressRouteSpecRoutesServicesMiddlewares#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesServicesMiddlewares(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesPassiveHealthCheck",
    jsii_struct_bases=[],
    name_mapping={
        "failure_window": "failureWindow",
        "max_failed_attempts": "maxFailedAttempts",
    },
)
class IngressRouteSpecRoutesServicesPassiveHealthCheck:
    def __init__(
        self,
        *,
        failure_window: typing.Optional["IngressRouteSpecRoutesServicesPassiveHealthCheckFailureWindow"] = None,
        max_failed_attempts: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''PassiveHealthCheck defines passive health checks for ExternalName services.

        :param failure_window: FailureWindow defines the time window during which the failed attempts must occur for the server to be marked as unhealthy. It also defines for how long the server will be considered unhealthy.
        :param max_failed_attempts: MaxFailedAttempts is the number of consecutive failed attempts allowed within the failure window before marking the server as unhealthy.

        :schema: IngressRouteSpecRoutesServicesPassiveHealthCheck
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f973839b8a9e2d813fa2f0829a5bd059d285dd9ab4f3c72088c8c5e44fde3f89)
            check_type(argname="argument failure_window", value=failure_window, expected_type=type_hints["failure_window"])
            check_type(argname="argument max_failed_attempts", value=max_failed_attempts, expected_type=type_hints["max_failed_attempts"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if failure_window is not None:
            self._values["failure_window"] = failure_window
        if max_failed_attempts is not None:
            self._values["max_failed_attempts"] = max_failed_attempts

    @builtins.property
    def failure_window(
        self,
    ) -> typing.Optional["IngressRouteSpecRoutesServicesPassiveHealthCheckFailureWindow"]:
        '''FailureWindow defines the time window during which the failed attempts must occur for the server to be marked as unhealthy.

        It also defines for how long the server will be considered unhealthy.

        :schema: IngressRouteSpecRoutesServicesPassiveHealthCheck#failureWindow
        '''
        result = self._values.get("failure_window")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesPassiveHealthCheckFailureWindow"], result)

    @builtins.property
    def max_failed_attempts(self) -> typing.Optional[jsii.Number]:
        '''MaxFailedAttempts is the number of consecutive failed attempts allowed within the failure window before marking the server as unhealthy.

        :schema: IngressRouteSpecRoutesServicesPassiveHealthCheck#maxFailedAttempts
        '''
        result = self._values.get("max_failed_attempts")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesServicesPassiveHealthCheck(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class IngressRouteSpecRoutesServicesPassiveHealthCheckFailureWindow(
    metaclass=jsii.JSIIMeta,
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesPassiveHealthCheckFailureWindow",
):
    '''FailureWindow defines the time window during which the failed attempts must occur for the server to be marked as unhealthy.

    It also defines for how long the server will be considered unhealthy.

    :schema: IngressRouteSpecRoutesServicesPassiveHealthCheckFailureWindow
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(
        cls,
        value: jsii.Number,
    ) -> "IngressRouteSpecRoutesServicesPassiveHealthCheckFailureWindow":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e00763df9adca33c7a5e28c2de89fbe5f0c956e663d195b22295c1b5fb297493)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("IngressRouteSpecRoutesServicesPassiveHealthCheckFailureWindow", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(
        cls,
        value: builtins.str,
    ) -> "IngressRouteSpecRoutesServicesPassiveHealthCheckFailureWindow":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5164902a4d65492956df15d496af7e44670b2ab7fdd1f492f283265143a3796a)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("IngressRouteSpecRoutesServicesPassiveHealthCheckFailureWindow", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


class IngressRouteSpecRoutesServicesPort(
    metaclass=jsii.JSIIMeta,
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesPort",
):
    '''Port defines the port of a Kubernetes Service.

    This can be a reference to a named port.

    :schema: IngressRouteSpecRoutesServicesPort
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(cls, value: jsii.Number) -> "IngressRouteSpecRoutesServicesPort":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a0e6128271380f6259b2620b12bf8b8e33423f5cf9e3cc0eb7708735ada89d40)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("IngressRouteSpecRoutesServicesPort", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(cls, value: builtins.str) -> "IngressRouteSpecRoutesServicesPort":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8b0cae23a9a6e9b020e4183990dcbe4f6073aee5048c00dfa47de8e1ba27aa95)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("IngressRouteSpecRoutesServicesPort", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesResponseForwarding",
    jsii_struct_bases=[],
    name_mapping={"flush_interval": "flushInterval"},
)
class IngressRouteSpecRoutesServicesResponseForwarding:
    def __init__(self, *, flush_interval: typing.Optional[builtins.str] = None) -> None:
        '''ResponseForwarding defines how Traefik forwards the response from the upstream Kubernetes Service to the client.

        :param flush_interval: FlushInterval defines the interval, in milliseconds, in between flushes to the client while copying the response body. A negative value means to flush immediately after each write to the client. This configuration is ignored when ReverseProxy recognizes a response as a streaming response; for such responses, writes are flushed to the client immediately. Default: 100ms

        :schema: IngressRouteSpecRoutesServicesResponseForwarding
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ffbba6ff81885e22ba96e03262ab1b9675d1341f8ce8f7edadc22bf9aead7d3b)
            check_type(argname="argument flush_interval", value=flush_interval, expected_type=type_hints["flush_interval"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if flush_interval is not None:
            self._values["flush_interval"] = flush_interval

    @builtins.property
    def flush_interval(self) -> typing.Optional[builtins.str]:
        '''FlushInterval defines the interval, in milliseconds, in between flushes to the client while copying the response body.

        A negative value means to flush immediately after each write to the client.
        This configuration is ignored when ReverseProxy recognizes a response as a streaming response;
        for such responses, writes are flushed to the client immediately.
        Default: 100ms

        :schema: IngressRouteSpecRoutesServicesResponseForwarding#flushInterval
        '''
        result = self._values.get("flush_interval")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesServicesResponseForwarding(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesSticky",
    jsii_struct_bases=[],
    name_mapping={"cookie": "cookie"},
)
class IngressRouteSpecRoutesServicesSticky:
    def __init__(
        self,
        *,
        cookie: typing.Optional[typing.Union["IngressRouteSpecRoutesServicesStickyCookie", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Sticky defines the sticky sessions configuration.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/load-balancing/service/#sticky-sessions

        :param cookie: Cookie defines the sticky cookie configuration.

        :schema: IngressRouteSpecRoutesServicesSticky
        '''
        if isinstance(cookie, dict):
            cookie = IngressRouteSpecRoutesServicesStickyCookie(**cookie)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__da31fc5b485d63b3bc8079c4170d05aa1bc0f9fe0d6f4f1b7cdf3e12c11a4a20)
            check_type(argname="argument cookie", value=cookie, expected_type=type_hints["cookie"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if cookie is not None:
            self._values["cookie"] = cookie

    @builtins.property
    def cookie(self) -> typing.Optional["IngressRouteSpecRoutesServicesStickyCookie"]:
        '''Cookie defines the sticky cookie configuration.

        :schema: IngressRouteSpecRoutesServicesSticky#cookie
        '''
        result = self._values.get("cookie")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesStickyCookie"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesServicesSticky(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesStickyCookie",
    jsii_struct_bases=[],
    name_mapping={
        "domain": "domain",
        "http_only": "httpOnly",
        "max_age": "maxAge",
        "name": "name",
        "path": "path",
        "same_site": "sameSite",
        "secure": "secure",
    },
)
class IngressRouteSpecRoutesServicesStickyCookie:
    def __init__(
        self,
        *,
        domain: typing.Optional[builtins.str] = None,
        http_only: typing.Optional[builtins.bool] = None,
        max_age: typing.Optional[jsii.Number] = None,
        name: typing.Optional[builtins.str] = None,
        path: typing.Optional[builtins.str] = None,
        same_site: typing.Optional["IngressRouteSpecRoutesServicesStickyCookieSameSite"] = None,
        secure: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''Cookie defines the sticky cookie configuration.

        :param domain: Domain defines the host to which the cookie will be sent. More info: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie#domaindomain-value
        :param http_only: HTTPOnly defines whether the cookie can be accessed by client-side APIs, such as JavaScript.
        :param max_age: MaxAge defines the number of seconds until the cookie expires. When set to a negative number, the cookie expires immediately. When set to zero, the cookie never expires.
        :param name: Name defines the Cookie name.
        :param path: Path defines the path that must exist in the requested URL for the browser to send the Cookie header. When not provided the cookie will be sent on every request to the domain. More info: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie#pathpath-value
        :param same_site: SameSite defines the same site policy. More info: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie/SameSite
        :param secure: Secure defines whether the cookie can only be transmitted over an encrypted connection (i.e. HTTPS).

        :schema: IngressRouteSpecRoutesServicesStickyCookie
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__34fa889c9d1f23568a7d3f654fea6aaca6c88b9fb20c15c33f8572391f21076b)
            check_type(argname="argument domain", value=domain, expected_type=type_hints["domain"])
            check_type(argname="argument http_only", value=http_only, expected_type=type_hints["http_only"])
            check_type(argname="argument max_age", value=max_age, expected_type=type_hints["max_age"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument path", value=path, expected_type=type_hints["path"])
            check_type(argname="argument same_site", value=same_site, expected_type=type_hints["same_site"])
            check_type(argname="argument secure", value=secure, expected_type=type_hints["secure"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if domain is not None:
            self._values["domain"] = domain
        if http_only is not None:
            self._values["http_only"] = http_only
        if max_age is not None:
            self._values["max_age"] = max_age
        if name is not None:
            self._values["name"] = name
        if path is not None:
            self._values["path"] = path
        if same_site is not None:
            self._values["same_site"] = same_site
        if secure is not None:
            self._values["secure"] = secure

    @builtins.property
    def domain(self) -> typing.Optional[builtins.str]:
        '''Domain defines the host to which the cookie will be sent.

        More info: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie#domaindomain-value

        :schema: IngressRouteSpecRoutesServicesStickyCookie#domain
        '''
        result = self._values.get("domain")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def http_only(self) -> typing.Optional[builtins.bool]:
        '''HTTPOnly defines whether the cookie can be accessed by client-side APIs, such as JavaScript.

        :schema: IngressRouteSpecRoutesServicesStickyCookie#httpOnly
        '''
        result = self._values.get("http_only")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def max_age(self) -> typing.Optional[jsii.Number]:
        '''MaxAge defines the number of seconds until the cookie expires.

        When set to a negative number, the cookie expires immediately.
        When set to zero, the cookie never expires.

        :schema: IngressRouteSpecRoutesServicesStickyCookie#maxAge
        '''
        result = self._values.get("max_age")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''Name defines the Cookie name.

        :schema: IngressRouteSpecRoutesServicesStickyCookie#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def path(self) -> typing.Optional[builtins.str]:
        '''Path defines the path that must exist in the requested URL for the browser to send the Cookie header.

        When not provided the cookie will be sent on every request to the domain.
        More info: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie#pathpath-value

        :schema: IngressRouteSpecRoutesServicesStickyCookie#path
        '''
        result = self._values.get("path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def same_site(
        self,
    ) -> typing.Optional["IngressRouteSpecRoutesServicesStickyCookieSameSite"]:
        '''SameSite defines the same site policy.

        More info: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie/SameSite

        :schema: IngressRouteSpecRoutesServicesStickyCookie#sameSite
        '''
        result = self._values.get("same_site")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesStickyCookieSameSite"], result)

    @builtins.property
    def secure(self) -> typing.Optional[builtins.bool]:
        '''Secure defines whether the cookie can only be transmitted over an encrypted connection (i.e. HTTPS).

        :schema: IngressRouteSpecRoutesServicesStickyCookie#secure
        '''
        result = self._values.get("secure")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesServicesStickyCookie(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesStickyCookieSameSite"
)
class IngressRouteSpecRoutesServicesStickyCookieSameSite(enum.Enum):
    '''SameSite defines the same site policy.

    More info: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie/SameSite

    :schema: IngressRouteSpecRoutesServicesStickyCookieSameSite
    '''

    NONE = "NONE"
    '''none.'''
    LAX = "LAX"
    '''lax.'''
    STRICT = "STRICT"
    '''strict.'''


@jsii.enum(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecRoutesServicesStrategy"
)
class IngressRouteSpecRoutesServicesStrategy(enum.Enum):
    '''Strategy defines the load balancing strategy between the servers.

    Supported values are: wrr (Weighed round-robin), p2c (Power of two choices), hrw (Highest Random Weight), and leasttime (Least-Time).
    RoundRobin value is deprecated and supported for backward compatibility.

    :schema: IngressRouteSpecRoutesServicesStrategy
    '''

    WRR = "WRR"
    '''wrr.'''
    P2C = "P2C"
    '''p2c.'''
    HRW = "HRW"
    '''hrw.'''
    LEASTTIME = "LEASTTIME"
    '''leasttime.'''
    ROUND_ROBIN = "ROUND_ROBIN"
    '''RoundRobin.'''


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecTls",
    jsii_struct_bases=[],
    name_mapping={
        "cert_resolver": "certResolver",
        "domains": "domains",
        "options": "options",
        "secret_name": "secretName",
        "store": "store",
    },
)
class IngressRouteSpecTls:
    def __init__(
        self,
        *,
        cert_resolver: typing.Optional[builtins.str] = None,
        domains: typing.Optional[typing.Sequence[typing.Union["IngressRouteSpecTlsDomains", typing.Dict[builtins.str, typing.Any]]]] = None,
        options: typing.Optional[typing.Union["IngressRouteSpecTlsOptions", typing.Dict[builtins.str, typing.Any]]] = None,
        secret_name: typing.Optional[builtins.str] = None,
        store: typing.Optional[typing.Union["IngressRouteSpecTlsStore", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''TLS defines the TLS configuration.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/routing/router/#tls

        :param cert_resolver: CertResolver defines the name of the certificate resolver to use. Cert resolvers have to be configured in the static configuration. More info: https://doc.traefik.io/traefik/v3.7/reference/install-configuration/tls/certificate-resolvers/acme/
        :param domains: Domains defines the list of domains that will be used to issue certificates. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/tls/tls-certificates/#domains
        :param options: Options defines the reference to a TLSOption, that specifies the parameters of the TLS connection. If not defined, the ``default`` TLSOption is used. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/tls/tls-options/
        :param secret_name: SecretName is the name of the referenced Kubernetes Secret to specify the certificate details.
        :param store: Store defines the reference to the TLSStore, that will be used to store certificates. Please note that only ``default`` TLSStore can be used.

        :schema: IngressRouteSpecTls
        '''
        if isinstance(options, dict):
            options = IngressRouteSpecTlsOptions(**options)
        if isinstance(store, dict):
            store = IngressRouteSpecTlsStore(**store)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__d56039618e60faa5d55e8da6ef86eea84d2ee5e1ec858cb2ad6f9a84893230ea)
            check_type(argname="argument cert_resolver", value=cert_resolver, expected_type=type_hints["cert_resolver"])
            check_type(argname="argument domains", value=domains, expected_type=type_hints["domains"])
            check_type(argname="argument options", value=options, expected_type=type_hints["options"])
            check_type(argname="argument secret_name", value=secret_name, expected_type=type_hints["secret_name"])
            check_type(argname="argument store", value=store, expected_type=type_hints["store"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if cert_resolver is not None:
            self._values["cert_resolver"] = cert_resolver
        if domains is not None:
            self._values["domains"] = domains
        if options is not None:
            self._values["options"] = options
        if secret_name is not None:
            self._values["secret_name"] = secret_name
        if store is not None:
            self._values["store"] = store

    @builtins.property
    def cert_resolver(self) -> typing.Optional[builtins.str]:
        '''CertResolver defines the name of the certificate resolver to use.

        Cert resolvers have to be configured in the static configuration.
        More info: https://doc.traefik.io/traefik/v3.7/reference/install-configuration/tls/certificate-resolvers/acme/

        :schema: IngressRouteSpecTls#certResolver
        '''
        result = self._values.get("cert_resolver")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def domains(self) -> typing.Optional[typing.List["IngressRouteSpecTlsDomains"]]:
        '''Domains defines the list of domains that will be used to issue certificates.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/tls/tls-certificates/#domains

        :schema: IngressRouteSpecTls#domains
        '''
        result = self._values.get("domains")
        return typing.cast(typing.Optional[typing.List["IngressRouteSpecTlsDomains"]], result)

    @builtins.property
    def options(self) -> typing.Optional["IngressRouteSpecTlsOptions"]:
        '''Options defines the reference to a TLSOption, that specifies the parameters of the TLS connection.

        If not defined, the ``default`` TLSOption is used.
        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/tls/tls-options/

        :schema: IngressRouteSpecTls#options
        '''
        result = self._values.get("options")
        return typing.cast(typing.Optional["IngressRouteSpecTlsOptions"], result)

    @builtins.property
    def secret_name(self) -> typing.Optional[builtins.str]:
        '''SecretName is the name of the referenced Kubernetes Secret to specify the certificate details.

        :schema: IngressRouteSpecTls#secretName
        '''
        result = self._values.get("secret_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def store(self) -> typing.Optional["IngressRouteSpecTlsStore"]:
        '''Store defines the reference to the TLSStore, that will be used to store certificates.

        Please note that only ``default`` TLSStore can be used.

        :schema: IngressRouteSpecTls#store
        '''
        result = self._values.get("store")
        return typing.cast(typing.Optional["IngressRouteSpecTlsStore"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecTls(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecTlsDomains",
    jsii_struct_bases=[],
    name_mapping={"main": "main", "sans": "sans"},
)
class IngressRouteSpecTlsDomains:
    def __init__(
        self,
        *,
        main: typing.Optional[builtins.str] = None,
        sans: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''Domain holds a domain name with SANs.

        :param main: Main defines the main domain name.
        :param sans: SANs defines the subject alternative domain names.

        :schema: IngressRouteSpecTlsDomains
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5e36f1ed2c7482b86eba2a3b64aa7fa7fdb014e6ff84f98ddf272edbde3e6851)
            check_type(argname="argument main", value=main, expected_type=type_hints["main"])
            check_type(argname="argument sans", value=sans, expected_type=type_hints["sans"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if main is not None:
            self._values["main"] = main
        if sans is not None:
            self._values["sans"] = sans

    @builtins.property
    def main(self) -> typing.Optional[builtins.str]:
        '''Main defines the main domain name.

        :schema: IngressRouteSpecTlsDomains#main
        '''
        result = self._values.get("main")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def sans(self) -> typing.Optional[typing.List[builtins.str]]:
        '''SANs defines the subject alternative domain names.

        :schema: IngressRouteSpecTlsDomains#sans
        '''
        result = self._values.get("sans")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecTlsDomains(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecTlsOptions",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "namespace": "namespace"},
)
class IngressRouteSpecTlsOptions:
    def __init__(
        self,
        *,
        name: builtins.str,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Options defines the reference to a TLSOption, that specifies the parameters of the TLS connection.

        If not defined, the ``default`` TLSOption is used.
        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/http/tls/tls-options/

        :param name: Name defines the name of the referenced TLSOption. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/kubernetes/crd/http/tlsoption/
        :param namespace: Namespace defines the namespace of the referenced TLSOption. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/kubernetes/crd/http/tlsoption/

        :schema: IngressRouteSpecTlsOptions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5a5d81c3668b0aac13296a38da63168377c7f6dffb4cea3a4d5df8fe648f0c99)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if namespace is not None:
            self._values["namespace"] = namespace

    @builtins.property
    def name(self) -> builtins.str:
        '''Name defines the name of the referenced TLSOption.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/kubernetes/crd/http/tlsoption/

        :schema: IngressRouteSpecTlsOptions#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''Namespace defines the namespace of the referenced TLSOption.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/kubernetes/crd/http/tlsoption/

        :schema: IngressRouteSpecTlsOptions#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecTlsOptions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="traefik_ingressroutes_iotraefik.IngressRouteSpecTlsStore",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "namespace": "namespace"},
)
class IngressRouteSpecTlsStore:
    def __init__(
        self,
        *,
        name: builtins.str,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Store defines the reference to the TLSStore, that will be used to store certificates.

        Please note that only ``default`` TLSStore can be used.

        :param name: Name defines the name of the referenced TLSStore. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/kubernetes/crd/http/tlsstore/
        :param namespace: Namespace defines the namespace of the referenced TLSStore. More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/kubernetes/crd/http/tlsstore/

        :schema: IngressRouteSpecTlsStore
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5f1763c3897a422a707b45b52f850e0874ab760de89c3315da2c3a92cf108b64)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if namespace is not None:
            self._values["namespace"] = namespace

    @builtins.property
    def name(self) -> builtins.str:
        '''Name defines the name of the referenced TLSStore.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/kubernetes/crd/http/tlsstore/

        :schema: IngressRouteSpecTlsStore#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''Namespace defines the namespace of the referenced TLSStore.

        More info: https://doc.traefik.io/traefik/v3.7/reference/routing-configuration/kubernetes/crd/http/tlsstore/

        :schema: IngressRouteSpecTlsStore#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecTlsStore(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "IngressRoute",
    "IngressRouteProps",
    "IngressRouteSpec",
    "IngressRouteSpecParentRefs",
    "IngressRouteSpecRoutes",
    "IngressRouteSpecRoutesKind",
    "IngressRouteSpecRoutesMiddlewares",
    "IngressRouteSpecRoutesObservability",
    "IngressRouteSpecRoutesObservabilityTraceVerbosity",
    "IngressRouteSpecRoutesServices",
    "IngressRouteSpecRoutesServicesHealthCheck",
    "IngressRouteSpecRoutesServicesHealthCheckInterval",
    "IngressRouteSpecRoutesServicesHealthCheckTimeout",
    "IngressRouteSpecRoutesServicesHealthCheckUnhealthyInterval",
    "IngressRouteSpecRoutesServicesKind",
    "IngressRouteSpecRoutesServicesMiddlewares",
    "IngressRouteSpecRoutesServicesPassiveHealthCheck",
    "IngressRouteSpecRoutesServicesPassiveHealthCheckFailureWindow",
    "IngressRouteSpecRoutesServicesPort",
    "IngressRouteSpecRoutesServicesResponseForwarding",
    "IngressRouteSpecRoutesServicesSticky",
    "IngressRouteSpecRoutesServicesStickyCookie",
    "IngressRouteSpecRoutesServicesStickyCookieSameSite",
    "IngressRouteSpecRoutesServicesStrategy",
    "IngressRouteSpecTls",
    "IngressRouteSpecTlsDomains",
    "IngressRouteSpecTlsOptions",
    "IngressRouteSpecTlsStore",
]

publication.publish()

def _typecheckingstub__56aa70f1f2ef6d96848a9ca329d804cdb5228517e32e41abfe10c8739aa2c30f(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[IngressRouteSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__af92ff7089af8e09068b2cf19148621e38fed6aaf893ec936b33cd46cbbb16ee(
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[IngressRouteSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__1563fb737c7ada1017859b1ac18e3ef276a9372721179111d09899fd0c2db77f(
    *,
    routes: typing.Sequence[typing.Union[IngressRouteSpecRoutes, typing.Dict[builtins.str, typing.Any]]],
    entry_points: typing.Optional[typing.Sequence[builtins.str]] = None,
    ingress_class_name: typing.Optional[builtins.str] = None,
    parent_refs: typing.Optional[typing.Sequence[typing.Union[IngressRouteSpecParentRefs, typing.Dict[builtins.str, typing.Any]]]] = None,
    tls: typing.Optional[typing.Union[IngressRouteSpecTls, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__603a79422ef6ef63e596ff589347c5a80452adfbaab3785e6e51b5331b4d9f64(
    *,
    name: builtins.str,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8aa0b78809d9ae708f46a7313b3378ff4c6a11964b40d653095dc0a9c2e65aaa(
    *,
    match: builtins.str,
    kind: typing.Optional[IngressRouteSpecRoutesKind] = None,
    middlewares: typing.Optional[typing.Sequence[typing.Union[IngressRouteSpecRoutesMiddlewares, typing.Dict[builtins.str, typing.Any]]]] = None,
    observability: typing.Optional[typing.Union[IngressRouteSpecRoutesObservability, typing.Dict[builtins.str, typing.Any]]] = None,
    priority: typing.Optional[jsii.Number] = None,
    services: typing.Optional[typing.Sequence[typing.Union[IngressRouteSpecRoutesServices, typing.Dict[builtins.str, typing.Any]]]] = None,
    syntax: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7641fcd3ba54046c7eaa4611c4336246850a894531cf33fd5f4eb63924225bfa(
    *,
    name: builtins.str,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__53937013a7bf75fc9d5936f0ead5ce209f75e1f5ee1523bdf91ab3c5b329c791(
    *,
    access_logs: typing.Optional[builtins.bool] = None,
    metrics: typing.Optional[builtins.bool] = None,
    trace_verbosity: typing.Optional[IngressRouteSpecRoutesObservabilityTraceVerbosity] = None,
    tracing: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__740515934ea26c1a6dfe0bf79499ed362e64750c0d57450e1d0ca925c9f07048(
    *,
    name: builtins.str,
    health_check: typing.Optional[typing.Union[IngressRouteSpecRoutesServicesHealthCheck, typing.Dict[builtins.str, typing.Any]]] = None,
    kind: typing.Optional[IngressRouteSpecRoutesServicesKind] = None,
    middlewares: typing.Optional[typing.Sequence[typing.Union[IngressRouteSpecRoutesServicesMiddlewares, typing.Dict[builtins.str, typing.Any]]]] = None,
    namespace: typing.Optional[builtins.str] = None,
    native_lb: typing.Optional[builtins.bool] = None,
    node_port_lb: typing.Optional[builtins.bool] = None,
    pass_host_header: typing.Optional[builtins.bool] = None,
    passive_health_check: typing.Optional[typing.Union[IngressRouteSpecRoutesServicesPassiveHealthCheck, typing.Dict[builtins.str, typing.Any]]] = None,
    port: typing.Optional[IngressRouteSpecRoutesServicesPort] = None,
    response_forwarding: typing.Optional[typing.Union[IngressRouteSpecRoutesServicesResponseForwarding, typing.Dict[builtins.str, typing.Any]]] = None,
    scheme: typing.Optional[builtins.str] = None,
    servers_transport: typing.Optional[builtins.str] = None,
    sticky: typing.Optional[typing.Union[IngressRouteSpecRoutesServicesSticky, typing.Dict[builtins.str, typing.Any]]] = None,
    strategy: typing.Optional[IngressRouteSpecRoutesServicesStrategy] = None,
    weight: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ae5bbff39dcb967116e1dd77a052ef1742b58d5025bf0904a21efff11e08af53(
    *,
    follow_redirects: typing.Optional[builtins.bool] = None,
    headers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    hostname: typing.Optional[builtins.str] = None,
    interval: typing.Optional[IngressRouteSpecRoutesServicesHealthCheckInterval] = None,
    method: typing.Optional[builtins.str] = None,
    mode: typing.Optional[builtins.str] = None,
    path: typing.Optional[builtins.str] = None,
    port: typing.Optional[jsii.Number] = None,
    scheme: typing.Optional[builtins.str] = None,
    status: typing.Optional[jsii.Number] = None,
    timeout: typing.Optional[IngressRouteSpecRoutesServicesHealthCheckTimeout] = None,
    unhealthy_interval: typing.Optional[IngressRouteSpecRoutesServicesHealthCheckUnhealthyInterval] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5176ecdbd203b8ee05d8c75d0a4f3537bed956226a028c64d0e66ed8cb84ff27(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e9e81e1e830413bb374d538cb84647c82ec242908dd10fb362051ef69cd9c16e(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__48a6a1be21f204d148d48fcf01980999f13d186f43a64d8dc355a0ea94fb869a(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__11a0fbd78eb5263ab951f1dd255a973a20f7908e155428b0551f0c35e6f914d1(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ef54d8d16a9fed725ebcc682cbf20408acb1e26ae53a620e7ccdc6d854b5c3cc(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__dffb834a01fab188ed5b14a3c79405cebf208c81a7ddeac91742164cc6734386(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6ef3a7d144432b90e3129ebb02982f4ad9779b133470a68c5b3daea269ef4c8e(
    *,
    name: builtins.str,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f973839b8a9e2d813fa2f0829a5bd059d285dd9ab4f3c72088c8c5e44fde3f89(
    *,
    failure_window: typing.Optional[IngressRouteSpecRoutesServicesPassiveHealthCheckFailureWindow] = None,
    max_failed_attempts: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e00763df9adca33c7a5e28c2de89fbe5f0c956e663d195b22295c1b5fb297493(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5164902a4d65492956df15d496af7e44670b2ab7fdd1f492f283265143a3796a(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a0e6128271380f6259b2620b12bf8b8e33423f5cf9e3cc0eb7708735ada89d40(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8b0cae23a9a6e9b020e4183990dcbe4f6073aee5048c00dfa47de8e1ba27aa95(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ffbba6ff81885e22ba96e03262ab1b9675d1341f8ce8f7edadc22bf9aead7d3b(
    *,
    flush_interval: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__da31fc5b485d63b3bc8079c4170d05aa1bc0f9fe0d6f4f1b7cdf3e12c11a4a20(
    *,
    cookie: typing.Optional[typing.Union[IngressRouteSpecRoutesServicesStickyCookie, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__34fa889c9d1f23568a7d3f654fea6aaca6c88b9fb20c15c33f8572391f21076b(
    *,
    domain: typing.Optional[builtins.str] = None,
    http_only: typing.Optional[builtins.bool] = None,
    max_age: typing.Optional[jsii.Number] = None,
    name: typing.Optional[builtins.str] = None,
    path: typing.Optional[builtins.str] = None,
    same_site: typing.Optional[IngressRouteSpecRoutesServicesStickyCookieSameSite] = None,
    secure: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__d56039618e60faa5d55e8da6ef86eea84d2ee5e1ec858cb2ad6f9a84893230ea(
    *,
    cert_resolver: typing.Optional[builtins.str] = None,
    domains: typing.Optional[typing.Sequence[typing.Union[IngressRouteSpecTlsDomains, typing.Dict[builtins.str, typing.Any]]]] = None,
    options: typing.Optional[typing.Union[IngressRouteSpecTlsOptions, typing.Dict[builtins.str, typing.Any]]] = None,
    secret_name: typing.Optional[builtins.str] = None,
    store: typing.Optional[typing.Union[IngressRouteSpecTlsStore, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5e36f1ed2c7482b86eba2a3b64aa7fa7fdb014e6ff84f98ddf272edbde3e6851(
    *,
    main: typing.Optional[builtins.str] = None,
    sans: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5a5d81c3668b0aac13296a38da63168377c7f6dffb4cea3a4d5df8fe648f0c99(
    *,
    name: builtins.str,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5f1763c3897a422a707b45b52f850e0874ab760de89c3315da2c3a92cf108b64(
    *,
    name: builtins.str,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
