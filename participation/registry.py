"""How the modules (proposals, debates, events) plug into participation without editing it.

- `register_space_section(...)`: a section of the space page (e.g. the space's proposals),
  shown only when the space uses the module.
- `register_moderatable(Model)`: a `Moderatable` model whose hidden items the moderation
  queue lists and whose content is hidden when its author is blocked.
- `register_reportable(Model)`: a model members may report without it being hideable
  (member profiles).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps


@dataclass(frozen=True)
class SpaceSection:
    module: str
    title: str
    template: str
    get_context: Callable[[Any, Any], dict]
    order: int = 100


_sections: dict[str, SpaceSection] = {}
_moderatables: list[str] = []
_reportables: list[str] = []


def register_space_section(module, *, title, template, get_context, order=100):
    """`get_context(space, request)` returns the template's context, or None to hide the
    section; `module` is "proposals", "debates" or "events" (the space's `<module>_enabled`)."""
    _sections[module] = SpaceSection(module, title, template, get_context, order)


def space_sections(space, request):
    sections = []
    for section in sorted(_sections.values(), key=lambda s: s.order):
        if not space.module_enabled(section.module):
            continue
        context = section.get_context(space, request)
        if context is not None:
            sections.append({"title": section.title, "template": section.template, **context})
    return sections


def register_moderatable(model):
    label = model._meta.label
    if label not in _moderatables:
        _moderatables.append(label)
    register_reportable(model)
    return model


def register_reportable(model):
    label = model._meta.label
    if label not in _reportables:
        _reportables.append(label)
    return model


def moderatable_models():
    return [apps.get_model(label) for label in _moderatables]


def reportable_models():
    return [apps.get_model(label) for label in _reportables]
