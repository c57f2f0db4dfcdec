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


class Permission(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="rabbitmq_permissions_comrabbitmq.Permission",
):
    '''Permission is the Schema for the permissions API.

    :schema: Permission
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["PermissionSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Permission" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: PermissionSpec defines the desired state of Permission.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__16e7df42aeac0f94480cbd7290aa905d105809ead542c1b2918cf382441d9c76)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = PermissionProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["PermissionSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Permission".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: PermissionSpec defines the desired state of Permission.
        '''
        props = PermissionProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Permission".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="rabbitmq_permissions_comrabbitmq.PermissionProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class PermissionProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["PermissionSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Permission is the Schema for the permissions API.

        :param metadata: 
        :param spec: PermissionSpec defines the desired state of Permission.

        :schema: Permission
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = PermissionSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e5b6f92711de9b675764fdc35accf08bbd7789de51a22c3bdb1f9f47e4a27b7b)
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
        :schema: Permission#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["PermissionSpec"]:
        '''PermissionSpec defines the desired state of Permission.

        :schema: Permission#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["PermissionSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "PermissionProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_permissions_comrabbitmq.PermissionSpec",
    jsii_struct_bases=[],
    name_mapping={
        "permissions": "permissions",
        "rabbitmq_cluster_reference": "rabbitmqClusterReference",
        "vhost": "vhost",
        "user": "user",
        "user_reference": "userReference",
    },
)
class PermissionSpec:
    def __init__(
        self,
        *,
        permissions: typing.Union["PermissionSpecPermissions", typing.Dict[builtins.str, typing.Any]],
        rabbitmq_cluster_reference: typing.Union["PermissionSpecRabbitmqClusterReference", typing.Dict[builtins.str, typing.Any]],
        vhost: builtins.str,
        user: typing.Optional[builtins.str] = None,
        user_reference: typing.Optional[typing.Union["PermissionSpecUserReference", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''PermissionSpec defines the desired state of Permission.

        :param permissions: Permissions to grant to the user in the specific vhost; required property. See RabbitMQ doc for more information: https://www.rabbitmq.com/access-control.html#user-management
        :param rabbitmq_cluster_reference: Reference to the RabbitmqCluster that both the provided user and vhost are. Required property.
        :param vhost: Name of an existing vhost; required property; cannot be updated
        :param user: Name of an existing user; must provide user or userReference, else create/update will fail; cannot be updated
        :param user_reference: Reference to an existing user.rabbitmq.com object; must provide user or userReference, else create/update will fail; cannot be updated.

        :schema: PermissionSpec
        '''
        if isinstance(permissions, dict):
            permissions = PermissionSpecPermissions(**permissions)
        if isinstance(rabbitmq_cluster_reference, dict):
            rabbitmq_cluster_reference = PermissionSpecRabbitmqClusterReference(**rabbitmq_cluster_reference)
        if isinstance(user_reference, dict):
            user_reference = PermissionSpecUserReference(**user_reference)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c44c3885c959e74445119eb19f62dc6b919ab6c29d559f754d87b4c85e33a27f)
            check_type(argname="argument permissions", value=permissions, expected_type=type_hints["permissions"])
            check_type(argname="argument rabbitmq_cluster_reference", value=rabbitmq_cluster_reference, expected_type=type_hints["rabbitmq_cluster_reference"])
            check_type(argname="argument vhost", value=vhost, expected_type=type_hints["vhost"])
            check_type(argname="argument user", value=user, expected_type=type_hints["user"])
            check_type(argname="argument user_reference", value=user_reference, expected_type=type_hints["user_reference"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "permissions": permissions,
            "rabbitmq_cluster_reference": rabbitmq_cluster_reference,
            "vhost": vhost,
        }
        if user is not None:
            self._values["user"] = user
        if user_reference is not None:
            self._values["user_reference"] = user_reference

    @builtins.property
    def permissions(self) -> "PermissionSpecPermissions":
        '''Permissions to grant to the user in the specific vhost;

        required property.
        See RabbitMQ doc for more information: https://www.rabbitmq.com/access-control.html#user-management

        :schema: PermissionSpec#permissions
        '''
        result = self._values.get("permissions")
        assert result is not None, "Required property 'permissions' is missing"
        return typing.cast("PermissionSpecPermissions", result)

    @builtins.property
    def rabbitmq_cluster_reference(self) -> "PermissionSpecRabbitmqClusterReference":
        '''Reference to the RabbitmqCluster that both the provided user and vhost are.

        Required property.

        :schema: PermissionSpec#rabbitmqClusterReference
        '''
        result = self._values.get("rabbitmq_cluster_reference")
        assert result is not None, "Required property 'rabbitmq_cluster_reference' is missing"
        return typing.cast("PermissionSpecRabbitmqClusterReference", result)

    @builtins.property
    def vhost(self) -> builtins.str:
        '''Name of an existing vhost;

        required property; cannot be updated

        :schema: PermissionSpec#vhost
        '''
        result = self._values.get("vhost")
        assert result is not None, "Required property 'vhost' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def user(self) -> typing.Optional[builtins.str]:
        '''Name of an existing user;

        must provide user or userReference, else create/update will fail; cannot be updated

        :schema: PermissionSpec#user
        '''
        result = self._values.get("user")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def user_reference(self) -> typing.Optional["PermissionSpecUserReference"]:
        '''Reference to an existing user.rabbitmq.com object; must provide user or userReference, else create/update will fail; cannot be updated.

        :schema: PermissionSpec#userReference
        '''
        result = self._values.get("user_reference")
        return typing.cast(typing.Optional["PermissionSpecUserReference"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "PermissionSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_permissions_comrabbitmq.PermissionSpecPermissions",
    jsii_struct_bases=[],
    name_mapping={"configure": "configure", "read": "read", "write": "write"},
)
class PermissionSpecPermissions:
    def __init__(
        self,
        *,
        configure: typing.Optional[builtins.str] = None,
        read: typing.Optional[builtins.str] = None,
        write: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Permissions to grant to the user in the specific vhost;

        required property.
        See RabbitMQ doc for more information: https://www.rabbitmq.com/access-control.html#user-management

        :param configure: 
        :param read: 
        :param write: 

        :schema: PermissionSpecPermissions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2fc54a68539cb3d8c7f0bcd5ecbdb6f2e2e065724cbefc4bdd13945d3e75cf17)
            check_type(argname="argument configure", value=configure, expected_type=type_hints["configure"])
            check_type(argname="argument read", value=read, expected_type=type_hints["read"])
            check_type(argname="argument write", value=write, expected_type=type_hints["write"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if configure is not None:
            self._values["configure"] = configure
        if read is not None:
            self._values["read"] = read
        if write is not None:
            self._values["write"] = write

    @builtins.property
    def configure(self) -> typing.Optional[builtins.str]:
        '''
        :schema: PermissionSpecPermissions#configure
        '''
        result = self._values.get("configure")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def read(self) -> typing.Optional[builtins.str]:
        '''
        :schema: PermissionSpecPermissions#read
        '''
        result = self._values.get("read")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def write(self) -> typing.Optional[builtins.str]:
        '''
        :schema: PermissionSpecPermissions#write
        '''
        result = self._values.get("write")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "PermissionSpecPermissions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_permissions_comrabbitmq.PermissionSpecRabbitmqClusterReference",
    jsii_struct_bases=[],
    name_mapping={
        "connection_secret": "connectionSecret",
        "name": "name",
        "namespace": "namespace",
    },
)
class PermissionSpecRabbitmqClusterReference:
    def __init__(
        self,
        *,
        connection_secret: typing.Optional[typing.Union["PermissionSpecRabbitmqClusterReferenceConnectionSecret", typing.Dict[builtins.str, typing.Any]]] = None,
        name: typing.Optional[builtins.str] = None,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Reference to the RabbitmqCluster that both the provided user and vhost are.

        Required property.

        :param connection_secret: Secret contains the http management uri for the RabbitMQ cluster. The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error. Have to set either name or connectionSecret, but not both.
        :param name: The name of the RabbitMQ cluster to reference. Have to set either name or connectionSecret, but not both.
        :param namespace: The namespace of the RabbitMQ cluster to reference. Defaults to the namespace of the requested resource if omitted. Default: the namespace of the requested resource if omitted.

        :schema: PermissionSpecRabbitmqClusterReference
        '''
        if isinstance(connection_secret, dict):
            connection_secret = PermissionSpecRabbitmqClusterReferenceConnectionSecret(**connection_secret)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2a1f9f90dbd87299b7ff9a1c9d436978e1457312f1465d0cdef7a0bb921968ea)
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
    ) -> typing.Optional["PermissionSpecRabbitmqClusterReferenceConnectionSecret"]:
        '''Secret contains the http management uri for the RabbitMQ cluster.

        The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error.
        Have to set either name or connectionSecret, but not both.

        :schema: PermissionSpecRabbitmqClusterReference#connectionSecret
        '''
        result = self._values.get("connection_secret")
        return typing.cast(typing.Optional["PermissionSpecRabbitmqClusterReferenceConnectionSecret"], result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''The name of the RabbitMQ cluster to reference.

        Have to set either name or connectionSecret, but not both.

        :schema: PermissionSpecRabbitmqClusterReference#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''The namespace of the RabbitMQ cluster to reference.

        Defaults to the namespace of the requested resource if omitted.

        :default: the namespace of the requested resource if omitted.

        :schema: PermissionSpecRabbitmqClusterReference#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "PermissionSpecRabbitmqClusterReference(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_permissions_comrabbitmq.PermissionSpecRabbitmqClusterReferenceConnectionSecret",
    jsii_struct_bases=[],
    name_mapping={"name": "name"},
)
class PermissionSpecRabbitmqClusterReferenceConnectionSecret:
    def __init__(self, *, name: typing.Optional[builtins.str] = None) -> None:
        '''Secret contains the http management uri for the RabbitMQ cluster.

        The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error.
        Have to set either name or connectionSecret, but not both.

        :param name: Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names

        :schema: PermissionSpecRabbitmqClusterReferenceConnectionSecret
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__0058552c5475d087c34c2d914b6526b568da9213cdcb13cf03dae4341ab6a6f6)
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

        :schema: PermissionSpecRabbitmqClusterReferenceConnectionSecret#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "PermissionSpecRabbitmqClusterReferenceConnectionSecret(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_permissions_comrabbitmq.PermissionSpecUserReference",
    jsii_struct_bases=[],
    name_mapping={"name": "name"},
)
class PermissionSpecUserReference:
    def __init__(self, *, name: typing.Optional[builtins.str] = None) -> None:
        '''Reference to an existing user.rabbitmq.com object; must provide user or userReference, else create/update will fail; cannot be updated.

        :param name: Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names

        :schema: PermissionSpecUserReference
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__0f442810c37e8aea31461bf8cf6e74f763ff1b671ba401754424445c8dd30da5)
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

        :schema: PermissionSpecUserReference#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "PermissionSpecUserReference(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "Permission",
    "PermissionProps",
    "PermissionSpec",
    "PermissionSpecPermissions",
    "PermissionSpecRabbitmqClusterReference",
    "PermissionSpecRabbitmqClusterReferenceConnectionSecret",
    "PermissionSpecUserReference",
]

publication.publish()

def _typecheckingstub__16e7df42aeac0f94480cbd7290aa905d105809ead542c1b2918cf382441d9c76(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[PermissionSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e5b6f92711de9b675764fdc35accf08bbd7789de51a22c3bdb1f9f47e4a27b7b(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[PermissionSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c44c3885c959e74445119eb19f62dc6b919ab6c29d559f754d87b4c85e33a27f(
    *,
    permissions: typing.Union[PermissionSpecPermissions, typing.Dict[builtins.str, typing.Any]],
    rabbitmq_cluster_reference: typing.Union[PermissionSpecRabbitmqClusterReference, typing.Dict[builtins.str, typing.Any]],
    vhost: builtins.str,
    user: typing.Optional[builtins.str] = None,
    user_reference: typing.Optional[typing.Union[PermissionSpecUserReference, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2fc54a68539cb3d8c7f0bcd5ecbdb6f2e2e065724cbefc4bdd13945d3e75cf17(
    *,
    configure: typing.Optional[builtins.str] = None,
    read: typing.Optional[builtins.str] = None,
    write: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2a1f9f90dbd87299b7ff9a1c9d436978e1457312f1465d0cdef7a0bb921968ea(
    *,
    connection_secret: typing.Optional[typing.Union[PermissionSpecRabbitmqClusterReferenceConnectionSecret, typing.Dict[builtins.str, typing.Any]]] = None,
    name: typing.Optional[builtins.str] = None,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0058552c5475d087c34c2d914b6526b568da9213cdcb13cf03dae4341ab6a6f6(
    *,
    name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0f442810c37e8aea31461bf8cf6e74f763ff1b671ba401754424445c8dd30da5(
    *,
    name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
