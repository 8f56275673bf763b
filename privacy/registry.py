"""Declarations of the modules about their models holding members' data (see `api`)."""

from dataclasses import dataclass

# Field names never exported, whatever the model: credentials and one-time keys.
SECRET_FIELD_NAMES = {"password", "key", "token", "secret", "session_key", "session_data"}


@dataclass(frozen=True)
class ExportRule:
    user_fields: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()


_export_rules = {}
_erasures = {}


def register_export(model, *, user_fields=None, exclude=()):
    _export_rules[model._meta.label] = ExportRule(
        tuple(user_fields) if user_fields is not None else None, tuple(exclude)
    )


def export_rule(model):
    return _export_rules.get(model._meta.label, ExportRule())


def register_erasure(model, user_field):
    _erasures[model._meta.label] = (model, user_field)


def erasures():
    return list(_erasures.values())
