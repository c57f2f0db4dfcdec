"""Kubernetes quantities as numbers, so the model can compare requests with limits.

`quantity_value` reads a quantity as Kubernetes does (k8s.io/apimachinery resource.ParseQuantity:
parseQuantityString, then the suffix tables): an optional sign, a decimal number whose parts
may be empty ("1.", ".5"), and one suffix, decimal SI (n u m "" k M G T P E), binary SI (Ki Mi
Gi Ti Pi Ei) or a decimal exponent (e3, E-2). Whatever Kubernetes refuses is refused here,
and what it accepts has the value it gives it: rounded up to a nano, binary ones capped at 2^63-1.
"""

from __future__ import annotations

import re
from decimal import MAX_EMAX, MIN_EMIN, ROUND_UP, Decimal, localcontext

from ecommerce.errors import ConfigError

_DECIMAL_SI = {"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}
_BINARY_SI = {"Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60}
# parseQuantityString: sign, digits, optional "." and digits, then a suffix made of these
# letters, optionally followed by a signed whole number (the exponent's digits).
_SHAPE = re.compile(r"^(?P<sign>[+-]?)(?P<whole>[0-9]*)(\.(?P<fraction>[0-9]*))?(?P<suffix>[eEinumkKMGTP]*([+-]?[0-9]+)?)$")
_EXPONENT = re.compile(r"^[eE](?P<exponent>[+-]?[0-9]+)$")
_NANO = Decimal("1e-9")
# The largest binary SI value Kubernetes keeps (maxAllowed: int64).
_MAX = Decimal(2**63 - 1)
_INT64 = 2**63


def quantity_value(text: str) -> Decimal | None:
    """The value Kubernetes gives the quantity `text`, or None where Kubernetes refuses it."""
    shape = _SHAPE.match(text)
    if text == "" or shape is None:
        return None
    suffix = shape["suffix"]
    if suffix in _DECIMAL_SI:
        base, exponent = 10, _DECIMAL_SI[suffix]
    elif suffix in _BINARY_SI:
        base, exponent = 2, _BINARY_SI[suffix]
    else:
        written = _EXPONENT.match(suffix)
        # strconv.ParseInt(..., 64), then int32(): a longer exponent is refused, a larger one wraps.
        if written is None or not -_INT64 <= int(written["exponent"]) < _INT64:
            return None
        base, exponent = 10, (int(written["exponent"]) + 2**31) % 2**32 - 2**31
    numerator, denominator = shape["whole"].lstrip("0") or "0", shape["fraction"] or ""
    if base == 10:
        fast = len(numerator + denominator) <= 18 and exponent - len(denominator) >= -9 and int(numerator + denominator) < _INT64
    else:
        fast = not denominator and len(numerator) + exponent * 3 // 10 <= 14 and int(numerator) << exponent < _INT64
    # Beyond int64 arithmetic Kubernetes reads the number as written, which needs a digit ("Pi" has none).
    if not fast and not re.search(r"[0-9]", text[: shape.start("suffix")]):
        return None
    number = Decimal(f"{numerator}.{denominator or '0'}")
    with localcontext() as context:
        context.prec, context.Emax, context.Emin = 2 * len(text) + 60, MAX_EMAX, MIN_EMIN
        value = number.scaleb(exponent) if base == 10 else number * 2**exponent
        digits_from = value.as_tuple().exponent
        if value != 0 and isinstance(digits_from, int) and digits_from < -9:
            # A non-zero value is rounded up to what Kubernetes can represent, a nano.
            value = value.quantize(_NANO, rounding=ROUND_UP)
        if base == 2:
            # ParseQuantity's "simple cap", on binary SI values only.
            value = min(value, _MAX)
        return -value if shape["sign"] == "-" else value


def parse_quantity(value: object, where: str, kind: str) -> Decimal:
    """The value of a CPU (`kind="cpu"`, in cores) or memory or storage (in bytes) quantity, or a
    ConfigError: any quantity Kubernetes accepts, greater than zero, and for bytes a whole number
    of them (Kubernetes takes `512m` as half a byte: a slip for `512Mi`)."""
    example = "'250m', '0.5' or '1'" if kind == "cpu" else "'512Mi', '10Gi' or '1e9'"
    amount = quantity_value(value) if isinstance(value, str) else None
    if amount is None:
        raise ConfigError(where, f"not a {kind} quantity: {value!r} (a Kubernetes quantity such as {example})")
    if amount <= 0:
        raise ConfigError(where, f"must be greater than zero (got {value!r})")
    if kind != "cpu" and amount != amount.to_integral_value():
        slip = " ('m' is a thousandth: mebibytes are 'Mi')" if str(value).endswith("m") else ""
        raise ConfigError(where, f"not a whole number of bytes: {value!r}{slip}")
    return amount


# Kubernetes checks a CronJob's schedule with robfig/cron v3's ParseStandard (five fields, or a
# descriptor) and refuses any "TZ" in it (validateScheduleFormat: the timeZone field says that).
_CRON_FIELDS: tuple[tuple[str, int, int, dict[str, int]], ...] = (
    ("minute", 0, 59, {}),
    ("hour", 0, 23, {}),
    ("day of month", 1, 31, {}),
    (
        "month",
        1,
        12,
        {
            name: number
            for number, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
        },
    ),
    ("day of week", 0, 6, {name: number for number, name in enumerate(("sun", "mon", "tue", "wed", "thu", "fri", "sat"))}),
)
_CRON_DESCRIPTORS = ("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")
# Go's time.ParseDuration: "0", or numbers each with a unit ("1h30m", "1.5h", "300ms").
_GO_DURATION = re.compile(r"^[-+]?(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$")
_GO_UNITS = {
    "ns": 1,
    "us": 10**3,
    "\u00b5s": 10**3,
    "\u03bcs": 10**3,
    "ms": 10**6,
    "s": 10**9,
    "m": 60 * 10**9,
    "h": 3600 * 10**9,
}


def _go_int(text: str) -> int | None:
    """strconv.Atoi: an optional sign, then decimal digits."""
    return int(text) if re.fullmatch(r"[-+]?[0-9]+", text) else None


def _cron_range(expression: str, low: int, high: int, names: dict[str, int]) -> str | None:
    """robfig/cron's getRange: `*`, `?`, a number or name, `a-b`, each with an optional `/step`."""

    def integer(text: str) -> int | str:
        value = _go_int(text)
        if value is None:
            return f"failed to parse int from {text}"
        return value if value >= 0 else f"negative number ({value}) not allowed: {text}"

    def number(text: str) -> int | str:
        return names.get(text.lower(), integer(text))

    range_and_step = expression.split("/")
    low_and_high = range_and_step[0].split("-")
    start: int | str
    end: int | str
    if low_and_high[0] in ("*", "?"):
        start, end = low, high
    else:
        if len(low_and_high) > 2:
            return f"too many hyphens: {expression}"
        start = number(low_and_high[0])
        end = start if len(low_and_high) == 1 else number(low_and_high[1])
    if len(range_and_step) > 2:
        return f"too many slashes: {expression}"
    step: int | str = 1
    if len(range_and_step) == 2:
        step = integer(range_and_step[1])
        if len(low_and_high) == 1:
            end = high
    for value in (start, end, step):
        if isinstance(value, str):
            return value
    assert isinstance(start, int) and isinstance(end, int)
    if start < low:
        return f"beginning of range ({start}) below minimum ({low}): {expression}"
    if end > high:
        return f"end of range ({end}) above maximum ({high}): {expression}"
    if start > end:
        return f"beginning of range ({start}) beyond end of range ({end}): {expression}"
    if step == 0:
        return f"step of range should be a positive number: {expression}"
    return None


def cron_schedule_error(schedule: str) -> str | None:
    """Why Kubernetes would refuse `schedule` as a CronJob's, or None if it takes it."""
    if "TZ" in schedule:
        return "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"
    if schedule == "":
        return "empty spec string"
    if schedule.startswith("@"):
        if schedule in _CRON_DESCRIPTORS:
            return None
        if schedule.startswith("@every "):
            duration = schedule.removeprefix("@every ")
            if _GO_DURATION.match(duration) is None or _go_nanoseconds(duration) >= 2**63:
                return f"failed to parse duration {schedule}"
            return None
        return f"unrecognized descriptor: {schedule}"
    fields = schedule.split()
    if len(fields) != len(_CRON_FIELDS):
        return f"expected exactly {len(_CRON_FIELDS)} fields, found {len(fields)}: {fields}"
    for text, (_, low, high, names) in zip(fields, _CRON_FIELDS, strict=True):
        for expression in text.split(","):
            error = _cron_range(expression, low, high, names)
            if error is not None:
                return error
    return None


def _go_nanoseconds(duration: str) -> int:
    """The size of a duration _GO_DURATION matched, in nanoseconds, ignoring its sign."""
    parts = re.findall(r"([0-9]*\.?[0-9]*)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)", duration.lstrip("+-"))
    return int(sum(Decimal(number if number != "." else "0") * _GO_UNITS[unit] for number, unit in parts))
