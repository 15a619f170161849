"""YAML loading that turns validation errors into messages naming file, line and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class ConfigError(ValueError):
    """A suite, target or lexicon file that cannot be used; the message is for the user."""


def _locate(node: yaml.Node, loc: tuple[Any, ...]) -> int:
    """1-based line of the YAML node at pydantic location ``loc`` (deepest node that exists)."""
    line = node.start_mark.line
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == part:
                    child, line = value, key.start_mark.line
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
            line = child.start_mark.line
        if child is None:
            break
        node = child
    return line + 1


def _field_name(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """Parse safely; return the data and the node tree used for line numbers."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path}{where}: not valid YAML: {problem}") from exc
    return data, node


def load_model(path: Path, model: type[M]) -> M:
    """Validate a YAML file against ``model``; errors say ``file:line: field: problem``."""
    data, node = read_yaml(path)
    if data is None:
        raise ConfigError(f"{path}:1: the file is empty")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            line = _locate(node, loc) if node is not None else 1
            lines.append(f"{path}:{line}: {_field_name(loc)}: {err['msg']}")
        raise ConfigError("\n".join(lines)) from None
