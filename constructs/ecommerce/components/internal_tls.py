"""The environment's internal CA, run by cert-manager, for TLS between the services and the data stores.

A self-signed ClusterIssuer signs one CA Certificate (ECDSA, its key never leaves the cluster);
a CA ClusterIssuer signs with it. A ClusterIssuer reads its CA key pair from cert-manager's
cluster resource namespace, which the cert-manager add-on sets to the data namespace
(derived/add_on_releases.py): the platform owns that namespace, so its own Application creates the CA there
and no other namespace (cert-manager's) gets a second owner.

Servers get a Certificate from the CA issuer beside them (`server_certificate`); clients trust
the CA through `CA_SECRET` in their own namespace: a Certificate from the same issuer, whose
Secret's `ca.crt` is the CA certificate (cert-manager's CA issuer writes it there), mounted
alone at `CA_MOUNT`. No CA certificate is known at synth time, so none is in dist/.
"""

from __future__ import annotations

from constructs import Construct

from ecommerce.components.meta import Part

# Where clients find the CA certificate is named in endpoints.py (CA_SECRET, CA_MOUNT, ...),
# which the wiring reads without loading cdk8s.
from ecommerce.derived.endpoints import CA_SECRET
from ecommerce.derived.labels import labels
from ecommerce.model.environments import Environment

# The CA's own key pair, in the data namespace (cert-manager's cluster resource namespace).
CA_KEY_PAIR_SECRET = "internal-ca-key-pair"
CA_DURATION = "87600h"  # ten years; renewed by cert-manager a third before the end
CA_RENEW_BEFORE = "29200h"
# Server certificates: short-lived, renewed by cert-manager, reloaded by the servers.
SERVER_DURATION = "2160h"
SERVER_RENEW_BEFORE = "720h"


def self_signed_issuer(env: Environment) -> str:
    return f"e-commerce-{env.name}-selfsigned"


def ca_issuer(env: Environment) -> str:
    return f"e-commerce-{env.name}-internal-ca"


class InternalCa(Part):
    """The two ClusterIssuers and the CA Certificate; and the CA Secret of each clients' namespace."""

    def __init__(self, scope: Construct, id: str, env: Environment, client_namespaces: tuple[str, ...]) -> None:
        from imports.cert_manager_certificates.io import cert_manager as certificates
        from imports.cert_manager_clusterissuers.io import cert_manager as issuers

        super().__init__(scope, id, env)
        meta = labels(env, "internal-ca", "tls")
        issuers.ClusterIssuer(
            self,
            "self-signed",
            metadata=self.cr_meta(self_signed_issuer(env), meta),
            spec=issuers.ClusterIssuerSpec(self_signed=issuers.ClusterIssuerSpecSelfSigned()),
        )
        c = certificates
        c.Certificate(
            self,
            "ca",
            metadata=self.cr_meta(CA_KEY_PAIR_SECRET, meta, env.data_namespace),
            spec=c.CertificateSpec(
                is_ca=True,
                common_name=f"e-commerce {env.name} internal CA",
                secret_name=CA_KEY_PAIR_SECRET,
                duration=CA_DURATION,
                renew_before=CA_RENEW_BEFORE,
                issuer_ref=c.CertificateSpecIssuerRef(
                    name=self_signed_issuer(env), kind="ClusterIssuer", group="cert-manager.io"
                ),
                private_key=c.CertificateSpecPrivateKey(algorithm=c.CertificateSpecPrivateKeyAlgorithm.ECDSA, size=256),
            ),
        )
        issuers.ClusterIssuer(
            self,
            "ca-issuer",
            metadata=self.cr_meta(ca_issuer(env), meta),
            spec=issuers.ClusterIssuerSpec(ca=issuers.ClusterIssuerSpecCa(secret_name=CA_KEY_PAIR_SECRET)),
        )
        for namespace in client_namespaces:
            # A client certificate nobody presents yet: what clients need is its `ca.crt`.
            certificate(self, env, f"trust-{namespace}", CA_SECRET, namespace, common_name=f"clients.{namespace}", server=False)


def certificate(
    scope: Part,
    env: Environment,
    id: str,
    secret: str,
    namespace: str,
    *,
    dns_names: tuple[str, ...] = (),
    common_name: str | None = None,
    server: bool = True,
) -> None:
    """A certificate from the internal CA, in `namespace`, its key pair and `ca.crt` in Secret `secret`."""
    from imports.cert_manager_certificates.io import cert_manager as c

    usages = [c.CertificateSpecUsages.DIGITAL_SIGNATURE, c.CertificateSpecUsages.KEY_ENCIPHERMENT]
    usages.append(c.CertificateSpecUsages.SERVER_AUTH if server else c.CertificateSpecUsages.CLIENT_AUTH)
    if server:
        # Replicas and cluster peers present the same certificate to each other.
        usages.append(c.CertificateSpecUsages.CLIENT_AUTH)
    c.Certificate(
        scope,
        id,
        metadata=scope.cr_meta(secret, labels(env, "internal-ca", "tls"), namespace),
        spec=c.CertificateSpec(
            secret_name=secret,
            common_name=common_name or (dns_names[0] if dns_names else None),
            dns_names=list(dns_names) or None,
            duration=SERVER_DURATION,
            renew_before=SERVER_RENEW_BEFORE,
            usages=usages,
            issuer_ref=c.CertificateSpecIssuerRef(name=ca_issuer(env), kind="ClusterIssuer", group="cert-manager.io"),
            private_key=c.CertificateSpecPrivateKey(
                algorithm=c.CertificateSpecPrivateKeyAlgorithm.ECDSA,
                size=256,
                rotation_policy=c.CertificateSpecPrivateKeyRotationPolicy.ALWAYS,
            ),
        ),
    )


def service_dns_names(name: str, namespace: str) -> tuple[str, ...]:
    """The names a client may dial a Service by (the wiring uses `<name>.<namespace>.svc`)."""
    return (f"{name}.{namespace}.svc", f"{name}.{namespace}", f"{name}.{namespace}.svc.cluster.local")
