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


class Exchange(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="rabbitmq_exchanges_comrabbitmq.Exchange",
):
    '''Exchange is the Schema for the exchanges API.

    :schema: Exchange
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ExchangeSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Exchange" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: ExchangeSpec defines the desired state of Exchange.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__efd1eecb8028f20788d2b557bcf2af299defab54f9c36bc2305ef6e8c60af077)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = ExchangeProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ExchangeSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Exchange".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: ExchangeSpec defines the desired state of Exchange.
        '''
        props = ExchangeProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Exchange".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="rabbitmq_exchanges_comrabbitmq.ExchangeProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class ExchangeProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["ExchangeSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Exchange is the Schema for the exchanges API.

        :param metadata: 
        :param spec: ExchangeSpec defines the desired state of Exchange.

        :schema: Exchange
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = ExchangeSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b87b030b2edd7bbfba5e19c107c84891255ef1323e41394f81ba5197c5bb297e)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if metadata is not None:
            self._values["metadata"] = metadata
        if spec is not None:
            self._values["spec"] = spec

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: Exchange#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["ExchangeSpec"]:
        '''ExchangeSpec defines the desired state of Exchange.

        :schema: Exchange#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["ExchangeSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ExchangeProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_exchanges_comrabbitmq.ExchangeSpec",
    jsii_struct_bases=[],
    name_mapping={
        "name": "name",
        "rabbitmq_cluster_reference": "rabbitmqClusterReference",
        "arguments": "arguments",
        "auto_delete": "autoDelete",
        "durable": "durable",
        "type": "type",
        "vhost": "vhost",
    },
)
class ExchangeSpec:
    def __init__(
        self,
        *,
        name: builtins.str,
        rabbitmq_cluster_reference: typing.Union["ExchangeSpecRabbitmqClusterReference", typing.Dict[builtins.str, typing.Any]],
        arguments: typing.Any = None,
        auto_delete: typing.Optional[builtins.bool] = None,
        durable: typing.Optional[builtins.bool] = None,
        type: typing.Optional[builtins.str] = None,
        vhost: typing.Optional[builtins.str] = None,
    ) -> None:
        '''ExchangeSpec defines the desired state of Exchange.

        :param name: Required property; cannot be updated
        :param rabbitmq_cluster_reference: Reference to the RabbitmqCluster that the exchange will be created in. Required property.
        :param arguments: 
        :param auto_delete: Cannot be updated.
        :param durable: Cannot be updated.
        :param type: Cannot be updated.
        :param vhost: Default to vhost '/'; cannot be updated Default: vhost '/'; cannot be updated

        :schema: ExchangeSpec
        '''
        if isinstance(rabbitmq_cluster_reference, dict):
            rabbitmq_cluster_reference = ExchangeSpecRabbitmqClusterReference(**rabbitmq_cluster_reference)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__26f9ee9a9a771d2913020329e0772267b5d7d7a1dd7455ccffb9608c22eeefb0)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument rabbitmq_cluster_reference", value=rabbitmq_cluster_reference, expected_type=type_hints["rabbitmq_cluster_reference"])
            check_type(argname="argument arguments", value=arguments, expected_type=type_hints["arguments"])
            check_type(argname="argument auto_delete", value=auto_delete, expected_type=type_hints["auto_delete"])
            check_type(argname="argument durable", value=durable, expected_type=type_hints["durable"])
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
            check_type(argname="argument vhost", value=vhost, expected_type=type_hints["vhost"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
            "rabbitmq_cluster_reference": rabbitmq_cluster_reference,
        }
        if arguments is not None:
            self._values["arguments"] = arguments
        if auto_delete is not None:
            self._values["auto_delete"] = auto_delete
        if durable is not None:
            self._values["durable"] = durable
        if type is not None:
            self._values["type"] = type
        if vhost is not None:
            self._values["vhost"] = vhost

    @builtins.property
    def name(self) -> builtins.str:
        '''Required property;

        cannot be updated

        :schema: ExchangeSpec#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def rabbitmq_cluster_reference(self) -> "ExchangeSpecRabbitmqClusterReference":
        '''Reference to the RabbitmqCluster that the exchange will be created in.

        Required property.

        :schema: ExchangeSpec#rabbitmqClusterReference
        '''
        result = self._values.get("rabbitmq_cluster_reference")
        assert result is not None, "Required property 'rabbitmq_cluster_reference' is missing"
        return typing.cast("ExchangeSpecRabbitmqClusterReference", result)

    @builtins.property
    def arguments(self) -> typing.Any:
        '''
        :schema: ExchangeSpec#arguments
        '''
        result = self._values.get("arguments")
        return typing.cast(typing.Any, result)

    @builtins.property
    def auto_delete(self) -> typing.Optional[builtins.bool]:
        '''Cannot be updated.

        :schema: ExchangeSpec#autoDelete
        '''
        result = self._values.get("auto_delete")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def durable(self) -> typing.Optional[builtins.bool]:
        '''Cannot be updated.

        :schema: ExchangeSpec#durable
        '''
        result = self._values.get("durable")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def type(self) -> typing.Optional[builtins.str]:
        '''Cannot be updated.

        :schema: ExchangeSpec#type
        '''
        result = self._values.get("type")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def vhost(self) -> typing.Optional[builtins.str]:
        '''Default to vhost '/';

        cannot be updated

        :default: vhost '/'; cannot be updated

        :schema: ExchangeSpec#vhost
        '''
        result = self._values.get("vhost")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ExchangeSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_exchanges_comrabbitmq.ExchangeSpecRabbitmqClusterReference",
    jsii_struct_bases=[],
    name_mapping={
        "connection_secret": "connectionSecret",
        "name": "name",
        "namespace": "namespace",
    },
)
class ExchangeSpecRabbitmqClusterReference:
    def __init__(
        self,
        *,
        connection_secret: typing.Optional[typing.Union["ExchangeSpecRabbitmqClusterReferenceConnectionSecret", typing.Dict[builtins.str, typing.Any]]] = None,
        name: typing.Optional[builtins.str] = None,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Reference to the RabbitmqCluster that the exchange will be created in.

        Required property.

        :param connection_secret: Secret contains the http management uri for the RabbitMQ cluster. The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error. Have to set either name or connectionSecret, but not both.
        :param name: The name of the RabbitMQ cluster to reference. Have to set either name or connectionSecret, but not both.
        :param namespace: The namespace of the RabbitMQ cluster to reference. Defaults to the namespace of the requested resource if omitted. Default: the namespace of the requested resource if omitted.

        :schema: ExchangeSpecRabbitmqClusterReference
        '''
        if isinstance(connection_secret, dict):
            connection_secret = ExchangeSpecRabbitmqClusterReferenceConnectionSecret(**connection_secret)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__349be36a2ec36fbf417a61eb595bf4640c23a4f764643e83a587a48292ca9616)
            check_type(argname="argument connection_secret", value=connection_secret, expected_type=type_hints["connection_secret"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if connection_secret is not None:
            self._values["connection_secret"] = connection_secret
        if name is not None:
            self._values["name"] = name
        if namespace is not None:
            self._values["namespace"] = namespace

    @builtins.property
    def connection_secret(
        self,
    ) -> typing.Optional["ExchangeSpecRabbitmqClusterReferenceConnectionSecret"]:
        '''Secret contains the http management uri for the RabbitMQ cluster.

        The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error.
        Have to set either name or connectionSecret, but not both.

        :schema: ExchangeSpecRabbitmqClusterReference#connectionSecret
        '''
        result = self._values.get("connection_secret")
        return typing.cast(typing.Optional["ExchangeSpecRabbitmqClusterReferenceConnectionSecret"], result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''The name of the RabbitMQ cluster to reference.

        Have to set either name or connectionSecret, but not both.

        :schema: ExchangeSpecRabbitmqClusterReference#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''The namespace of the RabbitMQ cluster to reference.

        Defaults to the namespace of the requested resource if omitted.

        :default: the namespace of the requested resource if omitted.

        :schema: ExchangeSpecRabbitmqClusterReference#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ExchangeSpecRabbitmqClusterReference(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_exchanges_comrabbitmq.ExchangeSpecRabbitmqClusterReferenceConnectionSecret",
    jsii_struct_bases=[],
    name_mapping={"name": "name"},
)
class ExchangeSpecRabbitmqClusterReferenceConnectionSecret:
    def __init__(self, *, name: typing.Optional[builtins.str] = None) -> None:
        '''Secret contains the http management uri for the RabbitMQ cluster.

        The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error.
        Have to set either name or connectionSecret, but not both.

        :param name: Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names

        :schema: ExchangeSpecRabbitmqClusterReferenceConnectionSecret
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3d9b41254e41cb353962247a97010778f940023b68d9eb2df253ff542f58c5e9)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if name is not None:
            self._values["name"] = name

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''Name of the referent.

        This field is effectively required, but due to backwards compatibility is
        allowed to be empty. Instances of this type with an empty value here are
        almost certainly wrong.
        More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names

        :schema: ExchangeSpecRabbitmqClusterReferenceConnectionSecret#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ExchangeSpecRabbitmqClusterReferenceConnectionSecret(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "Exchange",
    "ExchangeProps",
    "ExchangeSpec",
    "ExchangeSpecRabbitmqClusterReference",
    "ExchangeSpecRabbitmqClusterReferenceConnectionSecret",
]

publication.publish()

def _typecheckingstub__efd1eecb8028f20788d2b557bcf2af299defab54f9c36bc2305ef6e8c60af077(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[ExchangeSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b87b030b2edd7bbfba5e19c107c84891255ef1323e41394f81ba5197c5bb297e(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[ExchangeSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__26f9ee9a9a771d2913020329e0772267b5d7d7a1dd7455ccffb9608c22eeefb0(
    *,
    name: builtins.str,
    rabbitmq_cluster_reference: typing.Union[ExchangeSpecRabbitmqClusterReference, typing.Dict[builtins.str, typing.Any]],
    arguments: typing.Any = None,
    auto_delete: typing.Optional[builtins.bool] = None,
    durable: typing.Optional[builtins.bool] = None,
    type: typing.Optional[builtins.str] = None,
    vhost: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__349be36a2ec36fbf417a61eb595bf4640c23a4f764643e83a587a48292ca9616(
    *,
    connection_secret: typing.Optional[typing.Union[ExchangeSpecRabbitmqClusterReferenceConnectionSecret, typing.Dict[builtins.str, typing.Any]]] = None,
    name: typing.Optional[builtins.str] = None,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3d9b41254e41cb353962247a97010778f940023b68d9eb2df253ff542f58c5e9(
    *,
    name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
