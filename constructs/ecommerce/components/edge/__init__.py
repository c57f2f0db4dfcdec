"""The edge: Traefik routes, middlewares and certificates, cert-manager's issuers, its flows."""
