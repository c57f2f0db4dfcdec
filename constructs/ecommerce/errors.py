"""The one error type the project raises for bad input."""

from __future__ import annotations


class ConfigError(Exception):
    """Bad input: names where (file, environment, service, field), what, and what is allowed.

    main.py prints `str(error)` as one line on stderr and exits with status 2.
    """

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")

    def within(self, outer: str) -> ConfigError:
        """The same error, located inside `outer` (e.g. an environment or a file)."""
        return ConfigError(f"{outer}: {self.where}", self.message)


def require(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise ConfigError(where, message)
