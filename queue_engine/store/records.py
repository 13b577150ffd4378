"""Domain records to table rows and back, from the dataclass's own fields.

A ticket's or a booking's fields are written once, in its dataclass; the rows follow
from them (enums stored by value). ``tests/queue_engine/test_records.py`` checks that
each dataclass and its table name the same fields, so a new field without a column (or
a column without a field) fails at once instead of being silently dropped.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T")


@functools.cache
def _fields(cls: type, renames: tuple[tuple[str, str], ...]
            ) -> tuple[tuple[str, str, type | None], ...]:
    """(attribute, column, enum type or None) per field of ``cls``."""
    hints = typing.get_type_hints(cls)
    names = dict(renames)
    out = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        enum_type = hint if isinstance(hint, type) and issubclass(hint, enum.Enum) else None
        out.append((f.name, names.get(f.name, f.name), enum_type))
    return tuple(out)


def columns(cls: type, renames: Mapping[str, str] | None = None) -> set[str]:
    return {col for _, col, _ in _fields(cls, tuple(sorted((renames or {}).items())))}


def to_row(obj: Any, renames: Mapping[str, str] | None = None) -> dict[str, Any]:
    row = {}
    for attr, col, enum_type in _fields(type(obj), tuple(sorted((renames or {}).items()))):
        value = getattr(obj, attr)
        row[col] = value.value if enum_type is not None and value is not None else value
    return row


def from_row(cls: type[T], row: Mapping[str, Any],
             renames: Mapping[str, str] | None = None) -> T:
    kwargs = {}
    for attr, col, enum_type in _fields(cls, tuple(sorted((renames or {}).items()))):
        value = row[col]
        kwargs[attr] = enum_type(value) if enum_type is not None and value is not None \
            else value
    return cls(**kwargs)
