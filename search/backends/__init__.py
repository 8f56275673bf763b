"""The configured backend: settings.MAILLAGE_SEARCH_BACKEND, a dotted class path."""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.utils.module_loading import import_string

from search.backends.base import SearchBackend


@functools.cache
def get_backend() -> SearchBackend:
    return import_string(settings.MAILLAGE_SEARCH_BACKEND)()


def _reset(setting, **kwargs):
    if setting in {"MAILLAGE_SEARCH_BACKEND", "ELASTICSEARCH_URL"}:
        get_backend.cache_clear()


setting_changed.connect(_reset)
