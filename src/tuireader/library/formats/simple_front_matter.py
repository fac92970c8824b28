"""A fast reader for plain `key: value` front matter, giving exactly what PyYAML would.

Front matter is nearly always flat `key: value` lines, and libyaml plus PyYAML's constructor
cost ~200 µs a file, the largest share of indexing a library. This reader accepts only a
narrow, unambiguous subset (plain, quoted and `[a, b]` values on one line each) and resolves
plain values with PyYAML's own resolver and constructors, so dates, numbers and booleans come
out with the same types; anything else returns None and the caller uses YAML.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.reader import Reader
from yaml.resolver import Resolver

_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,63}):(?: +(.*))?")
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\t\[\]{}]*")
"""A one-line plain value: no indicator first, no flow brackets anywhere (checked further below)."""
_FLOW_ITEM = re.compile(r"\w[\w .\-]*")
_QUOTED_FLOW_ITEM = re.compile(r"\"[^\"\\,]*\"")
_STR_TAG = "tag:yaml.org,2002:str"
_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "null", "bool", "int", "float", "timestamp")
)
_LINE_BREAKS_AND_BOM = re.compile("[\r\x85\u2028\u2029\ufeff\t]")

_resolver = Resolver()
_constructor = SafeConstructor()
_NO_VALUE = object()


def simple_front_matter(block: str) -> dict[Any, Any] | None:
    """The mapping PyYAML's safe loader gives for `block`, or None when the block is not simple.

    Thread-safe: the resolver and constructor are only read, never changed, for scalars.
    """
    if Reader.NON_PRINTABLE.search(block) or _LINE_BREAKS_AND_BOM.search(block):
        return None
    fields: dict[Any, Any] = {}
    for line in block.split("\n"):
        if not line or line.startswith("#") or line.isspace():
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            return None
        key = match.group(1)
        if _resolver.resolve(ScalarNode, key, (True, False)) != _STR_TAG:
            return None
        value = _value(match.group(2) or "")
        if value is _NO_VALUE:
            return None
        fields[key] = value
    return fields


def _value(text: str) -> object:
    text = text.rstrip(" ")
    if text.startswith('"'):
        inner = text[1:-1]
        if len(text) < 2 or not text.endswith('"') or '"' in inner or "\\" in inner:
            return _NO_VALUE
        return inner
    if text.startswith("'"):
        inner = text[1:-1]
        if len(text) < 2 or not text.endswith("'") or "'" in inner.replace("''", ""):
            return _NO_VALUE
        return inner.replace("''", "'")
    if text.startswith("["):
        return _flow_sequence(text)
    if not text:
        return None
    if not _PLAIN.fullmatch(text) or ": " in text or " #" in text or text.endswith(":"):
        return _NO_VALUE
    return _scalar(text)


def _flow_sequence(text: str) -> object:
    if not text.endswith("]"):
        return _NO_VALUE
    inner = text[1:-1]
    if not inner.strip(" "):
        return []
    items: list[object] = []
    for raw in inner.split(","):
        item = raw.strip(" ")
        if _QUOTED_FLOW_ITEM.fullmatch(item):
            items.append(item[1:-1])
        elif _FLOW_ITEM.fullmatch(item) and not item.endswith((" ", ".", "-")):
            value = _scalar(item)
            if value is _NO_VALUE:
                return _NO_VALUE
            items.append(value)
        else:
            return _NO_VALUE
    return items


def _scalar(text: str) -> object:
    """A plain value resolved and built by PyYAML itself (so `2022-09-01` is a date, `yes` True)."""
    tag = _resolver.resolve(ScalarNode, text, (True, False))
    if tag not in _SCALAR_TAGS:
        return _NO_VALUE
    if tag == _STR_TAG:
        return text
    try:
        return SafeConstructor.yaml_constructors[tag](_constructor, ScalarNode(tag, text))
    except (ValueError, TypeError, KeyError, OverflowError):
        return _NO_VALUE
