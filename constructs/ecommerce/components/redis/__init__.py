"""Redis: one server, or a primary with replicas and Sentinel; ACL users, TLS, its flows."""
