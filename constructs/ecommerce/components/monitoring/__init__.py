"""Observability: scraping, rules, dashboards and alert routing, per monitoring level."""
