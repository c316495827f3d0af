"""YAML as editors read it (YAML 1.2, core schema), for checking files against the JSON Schema.

PyYAML reads YAML 1.1, where ``no`` is false and ``1:30`` is 90; the YAML language server and
check-jsonschema read YAML 1.2, where both are text and ``1e2`` is a number. This composes with
PyYAML (the syntax is the same) and types plain scalars by the 1.2 core schema's rules.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

_NULL = re.compile(r"^(null|Null|NULL|~|)$")
_TRUE = re.compile(r"^(true|True|TRUE)$")
_FALSE = re.compile(r"^(false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"^\.(nan|NaN|NAN)$")


def scalar(text: str) -> Any:
    """What the 1.2 core schema makes of a plain scalar."""
    if _NULL.match(text):
        return None
    if _TRUE.match(text):
        return True
    if _FALSE.match(text):
        return False
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text


def value(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        # JSON keys are text; a later duplicate wins, as in the language server.
        return {str(value(k)): value(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [value(item) for item in node.value]
    assert isinstance(node, yaml.ScalarNode)
    return scalar(node.value) if not node.style else node.value


def load(text: str) -> Any:
    """The first document of ``text`` as JSON data (None when empty)."""
    nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    return value(nodes[0]) if nodes else None
