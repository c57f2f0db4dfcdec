#!/usr/bin/env python3
"""Stands in for the `mysql` client and, behind it, a MySQL server's accounts, for the tests
of the accounts and restore scripts (no MySQL server can be started where they run).

It keeps the accounts in a JSON file ($FAKE_MYSQL_STATE) and follows MySQL 8.4's documented
rules for the statements those scripts send: dual passwords (`IDENTIFIED BY ... RETAIN
CURRENT PASSWORD` makes the old primary password the secondary; `IDENTIFIED BY` alone keeps
the secondary; `DISCARD OLD PASSWORD` drops it), user attributes (`ATTRIBUTE` merges JSON, a
null removes a key), and logins that match either password. Every statement it runs is
appended to $FAKE_MYSQL_STATE.log, one per line. Answers to `SELECT @@global.super_read_only`
follow $READ_ONLY_ANSWERS (one per call, the last repeated; "down" fails as an unreachable
server). Other queries are answered from $FAKE_MYSQL_ANSWERS (a JSON object: query -> output).
The users named in $FAKE_MYSQL_LOST lose their connection instead of logging in.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

STATE = Path(os.environ["FAKE_MYSQL_STATE"])
USER = r"'((?:[^']|'')*)'@'((?:[^']|'')*)'"
LITERAL = r"'((?:[^'\\]|''|\\.)*)'"


def unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text.replace("''", "'"))


def option_value(text: str) -> str:
    text = text.strip()
    if text.startswith('"') and text.endswith('"'):
        return re.sub(r"\\(.)", r"\1", text[1:-1])
    return text


def load() -> dict:
    return json.loads(STATE.read_text()) if STATE.exists() else {"users": {}, "variables": {}}


def save(state: dict) -> None:
    STATE.write_text(json.dumps(state, indent=1, sort_keys=True))


def fail(code: int, message: str) -> NoReturn:
    print(f"ERROR {code} (28000): {message}", file=sys.stderr)
    sys.exit(1)


def login(state: dict, options: dict[str, str]) -> str:
    user = options.get("user", "")
    if user in os.environ.get("FAKE_MYSQL_LOST", "").split():
        print("ERROR 2013 (HY000): Lost connection to MySQL server during query", file=sys.stderr)
        sys.exit(1)
    account = state["users"].get(f"{user}@%") or state["users"].get(f"{user}@localhost")
    password = options.get("password", "")
    if account is None or password not in (account["primary"], account.get("secondary")):
        fail(1045, f"Access denied for user '{user}'")
    return user


def execute(state: dict, statement: str) -> None:
    users = state["users"]
    if match := re.match(rf"CREATE USER IF NOT EXISTS {USER} IDENTIFIED BY {LITERAL}", statement):
        key = f"{unquote(match[1])}@{unquote(match[2])}"
        users.setdefault(key, {"primary": unquote(match[3]), "secondary": None, "attributes": {}, "grants": []})
    elif match := re.match(rf"ALTER USER {USER} IDENTIFIED BY {LITERAL}( RETAIN CURRENT PASSWORD)?", statement):
        account = users[f"{unquote(match[1])}@{unquote(match[2])}"]
        if match[4]:
            account["secondary"] = account["primary"]
        account["primary"] = unquote(match[3])
    elif match := re.match(rf"ALTER USER {USER} DISCARD OLD PASSWORD", statement):
        users[f"{unquote(match[1])}@{unquote(match[2])}"]["secondary"] = None
    elif match := re.match(rf"ALTER USER {USER} ATTRIBUTE {LITERAL}", statement):
        attributes = users[f"{unquote(match[1])}@{unquote(match[2])}"]["attributes"]
        for key, value in json.loads(unquote(match[3])).items():
            if value is None:
                attributes.pop(key, None)
            else:
                attributes[key] = value
    elif match := re.match(rf"(GRANT|REVOKE IF EXISTS|REVOKE) (.+) (?:TO|FROM) {USER}( WITH GRANT OPTION)?", statement):
        account = users.get(f"{unquote(match[3])}@{unquote(match[4])}")
        if account is not None:
            account["grants"].append(f"{match[1]} {match[2]}{match[5] or ''}")
    elif match := re.match(rf"DROP USER IF EXISTS {USER}", statement):
        users.pop(f"{unquote(match[1])}@{unquote(match[2])}", None)


def answer(state: dict, query: str) -> str | None:
    if query == "SELECT @@global.super_read_only":
        calls_file = STATE.with_suffix(".calls")
        calls = int(calls_file.read_text()) + 1 if calls_file.exists() else 1
        calls_file.write_text(str(calls))
        answers = os.environ.get("READ_ONLY_ANSWERS", "0").split()
        value = answers[min(calls, len(answers)) - 1]
        if value == "down":
            print("ERROR 2003 (HY000): Can't connect to MySQL server", file=sys.stderr)
            sys.exit(1)
        return value
    if match := re.match(r"SELECT COUNT\(\*\),.* FROM mysql\.user WHERE Host = '%' AND User = " + LITERAL + "$", query):
        account = state["users"].get(f"{unquote(match[1])}@%")
        if account is None:
            return "0\t0\t0"
        return f"1\t{int(account['secondary'] is not None)}\t{account['attributes'].get('promoted_at', 0)}"
    if query == "SELECT 1":
        return "1"
    answers = json.loads(os.environ.get("FAKE_MYSQL_ANSWERS", "{}"))
    return answers.get(query)


def main(argv: list[str]) -> None:
    options: dict[str, str] = {}
    query = None
    for index, arg in enumerate(argv):
        if arg.startswith("--defaults-extra-file="):
            for line in Path(arg.split("=", 1)[1]).read_text().splitlines():
                if "=" in line:
                    name, text = line.split("=", 1)
                    options[name.strip()] = option_value(text)
        elif arg == "-e":
            query = argv[index + 1]
    state = load()
    with STATE.with_suffix(".sessions").open("a") as sessions:
        sessions.write(json.dumps(options) + "\n")
    if query == "SELECT @@global.super_read_only":
        # The server answers (or not) before the login matters.
        value = answer(state, query)
        login(state, options)
        print(value)
        return
    login(state, options)
    if query is not None:
        value = answer(state, query)
        if value is None:
            fail(1064, f"the fake does not know {query!r}")
        print(value)
        return
    with STATE.with_suffix(".log").open("a") as log:
        for statement in (s.strip() for s in sys.stdin.read().splitlines()):
            if statement:
                log.write(statement + "\n")
                execute(state, statement)
    save(state)


if __name__ == "__main__":
    main(sys.argv[1:])
